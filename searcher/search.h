// One search: parse the query, run it with the facet spies attached, and collect the hits with
// their stored fields and highlighted snippets into a plain result structure that the
// formats (searcher/formats/) print. The search itself knows nothing about output.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "schema/database.h"
#include "schema/dates.h"
#include "schema/stored_article.h"
#include "searcher/facet_columns.h"
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
    // Snippets prefer passages with rarer words too (Xapian's background model); off for remote
    // shards, where it costs a round trip per word.
    bool snippet_background_model = true;
    // The output shows no stored field but the id (trec, ids, --fields rank,id,score): hits then
    // skip decoding the stored article, body and entities included.
    bool ids_only = false;
    // The output shows only these stored text fields ("id", "title", "url", ...; "id" among
    // them): hits decode just those, not the body and entities. Empty: the whole article.
    std::vector<std::string> stored_fields;
    // One local glass database (is_local_database): facets are counted from the packed value.
    bool local_database = false;
    // A long-lived process's in-memory facet columns (batch run, serve): a local database's
    // facets and relevance tie-breaks read them. Null: a one-shot search, which reads the
    // packed value stream.
    FacetColumnCache* columns = nullptr;
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
    // Shards left out under --allow-partial ("HOST:PORT: reason"): the result is partial.
    std::vector<std::string> missing_shards;
};

SearchResult run_search(const Xapian::Database& db, const LazyKb& kb, const SearchRequest& request);

// The same over a database that may have remote shards: a shard that drops its connection
// mid-run is reconnected once; if it stays down the search fails naming it, or, with
// allow_partial, runs on the other shards and lists it in missing_shards.
SearchResult run_search(schema::ReadDatabase& db, const LazyKb& kb, const SearchRequest& request);

}  // namespace attache
