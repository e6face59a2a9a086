// The numbers `attache stats` prints and GET /api/stats answers: article count, published date
// range and the top values of the main facets. One function, so the two never disagree.
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "searcher/facets.h"
#include "searcher/lazy_kb.h"

namespace attache {

struct StatsResult {
    Xapian::doccount articles = 0;
    std::string first_published, last_published;  // "" when no article has a date
    std::vector<FacetResult> facets;              // the fields whose schema row lists them
};

// `top`: values per facet (a row with StatsListing::all_values, year, lists every value);
// `local`: see is_local_database.
StatsResult compute_stats(const Xapian::Database& db, const LazyKb& kb, size_t top, bool local);

// The JSON of `stats --format json`; `database` is the path as given to --db.
nlohmann::ordered_json stats_to_json(const StatsResult& stats, const std::string& database);

}  // namespace attache
