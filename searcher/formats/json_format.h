// The JSON contract of a search (docs/output.md): the object the CLI prints with --format json,
// one per line with --format jsonl, and what the HTTP API will answer.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "schema/stored_article.h"
#include "searcher/formats/hit_fields.h"
#include "searcher/search.h"

namespace attache::formats {

// `fields`: what each hit carries (--fields; default_hit_fields() is the design's set). `qid`:
// the batch query id, written first when given.
nlohmann::ordered_json search_to_json(const SearchResult& result,
                                      const std::vector<std::string>& fields = default_hit_fields(),
                                      const std::string* qid = nullptr);
// A facet's values as search and stats answer them: [{"id", "name" (when labelled), "count"}].
nlohmann::ordered_json facet_values_json(const FacetResult& facet);
nlohmann::ordered_json article_to_json(const schema::StoredArticle& article);

// Compact one-line JSON, invalid UTF-8 replaced rather than thrown on.
std::string dump_compact(const nlohmann::ordered_json& j);
std::string dump_pretty(const nlohmann::ordered_json& j);

}  // namespace attache::formats
