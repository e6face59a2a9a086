// One search: parse the query, run it with the facet spies attached, and collect the hits with
// their stored fields and highlighted snippets into a plain result structure that the
// formats (searcher/formats/) print. The search itself knows nothing about output.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "schema/dates.h"
#include "schema/stored_article.h"
#include "searcher/facets.h"
#include "searcher/lazy_kb.h"

namespace attache {

enum class SortOrder { relevance, newest, oldest };

struct SearchRequest {
    std::string query;
    size_t limit = 10;
    size_t offset = 0;
    SortOrder sort = SortOrder::relevance;
    std::vector<FacetRequest> facets;
    size_t snippet_bytes = 240;   // 0: no snippets (formats that do not print them skip the cost)
    schema::PartialDate now{};    // relative dates count from here; unset: the local date
    std::string since;            // only articles published on or after this date (--since)
    bool expand_entities = true;  // free-text entity names also match their entity (--no-expand)
    // The output shows no stored field but the id (trec, ids, --fields rank,id,score): hits then
    // skip decoding the stored article, body and entities included.
    bool ids_only = false;
    // One local glass database (is_local_database): facets may use the faster local counter.
    bool local_database = false;
};

struct Hit {
    size_t rank = 0;
    double score = 0;
    std::string snippet;  // HTML-escaped text with <b>...</b> around matching words
    schema::StoredArticle article;
};

struct SearchResult {
    std::string query;
    Xapian::doccount total = 0;  // exact
    size_t offset = 0, limit = 0;
    double took_ms = 0;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;
    std::string suggestion;  // "did you mean" query when a word matched nothing, else empty
};

SearchResult run_search(const Xapian::Database& db, const LazyKb& kb, const SearchRequest& request);

}  // namespace attache
