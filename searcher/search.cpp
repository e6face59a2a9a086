#include "searcher/search.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/errors.h"
#include "common/text.h"
#include "schema/fields.h"
#include "searcher/query_parser.h"
#include "searcher/relative_dates.h"
#include "searcher/spelling.h"

namespace attache {

namespace sc = attache::schema;

namespace {

// --since DATE: published on or after DATE. --since ID: (re)indexed after that article, by the
// sequence value the indexer stamps, so it works on remote shards too.
Xapian::Query since_filter(const Xapian::Database& db, const SearchRequest& req) {
    const auto from =
        try_date_bound_value(req.since, false, req.now.known() ? req.now : resolve_now(""));
    if (from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotPublished, *from);
    // Not a date: an article id.
    const std::string term = schema::id_term(req.since);
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) {
        throw UsageError("--since " + req.since +
                         ": neither a date nor the id of an article in the database");
    }
    std::string seq = db.get_document(*p).get_value(schema::kSlotSequence);
    // The next sequence number: values compare as strings, all 12 digits long.
    for (size_t i = seq.size(); i-- > 0;) {
        if (seq[i] != '9') {
            ++seq[i];
            break;
        }
        seq[i] = '0';
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotSequence, seq);
}

}  // namespace

SearchResult run_search(const Xapian::Database& db, const LazyKb& kb, const SearchRequest& req) {
    const auto started = std::chrono::steady_clock::now();
    QueryParser parser(db, kb, req.now.known() ? req.now : resolve_now(""));
    Xapian::Query query = parser.parse(req.query, req.expand_entities);
    if (!req.since.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, since_filter(db, req));

    // Equal scores are ordered by the indexing sequence, not by Xapian's docid: docids interleave
    // across shards and change when shards are merged, the sequence does not, so the order is
    // the same over one database and over shards built from the same input. Date sorts use
    // value slots rather than a KeyMaker, which remote shards do not run; they keep relevance as
    // their second key, as documented, and Xapian breaks a tie of both by docid: only there may
    // shards order differently (docs/sharding.md).
    Xapian::Enquire enquire(db);
    // --sort oldest puts undated articles last: dated ones first by value, then the undated by
    // relevance (an empty value would sort first in ascending order).
    // In a batch or serve process, a local database's columns (searcher/facet_columns.h) give
    // the relevance tie-break without reading each match's document.
    // They are built for facet queries; others use them once they exist.
    std::shared_ptr<const FacetColumns> columns;
    if (req.local_database && req.columns) {
        columns = req.facets.empty() ? req.columns->if_built(db) : req.columns->get(db);
    }
    SequenceKeyMaker sequence_keys(columns);
    const Xapian::Query has_date(Xapian::Query::OP_VALUE_GE, sc::kSlotPublished, "0");
    Xapian::Enquire undated(db);
    if (req.sort == SortOrder::newest) {
        enquire.set_query(query);
        enquire.set_sort_by_value_then_relevance(sc::kSlotPublished, true);
    } else if (req.sort == SortOrder::oldest) {
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, has_date));
        enquire.set_sort_by_value_then_relevance(sc::kSlotPublished, false);
        undated.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, has_date));
        undated.set_sort_by_relevance_then_value(sc::kSlotSequence, false);
    } else {
        enquire.set_query(query);
        if (columns) {
            enquire.set_sort_by_relevance_then_key(&sequence_keys, false);
        } else {
            enquire.set_sort_by_relevance_then_value(sc::kSlotSequence, false);
        }
    }
    // Two passes: the ranked page, where Xapian can skip documents that cannot reach it; then an
    // unweighted pass over every match for the exact total and the facet spies (BoolWeight: no
    // BM25 work per document). Measured on 100k articles: 750 -> see docs/benchmarks.md.
    const bool match_all = query.get_type() == Xapian::Query::LEAF_MATCH_ALL;
    Xapian::Enquire counting(db);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::DONT_CARE);
    FacetCounter facets(req.facets, kb, db, req.local_database,
                        req.local_database ? req.columns : nullptr);
    facets.attach(counting);

    SearchResult result;
    result.query = req.query;
    result.offset = req.offset;
    result.limit = req.limit;
    const Xapian::doccount everything = db.get_doccount();
    const auto offset = static_cast<Xapian::doccount>(req.offset);
    const auto limit = static_cast<Xapian::doccount>(req.limit);
    // Xapian's background model weighs every word of a snippet by its frequency in the
    // database: one round trip per word and shard when shards are remote, so remote searches
    // pick passages by the query words alone (with the batched fetch below, a 10-hit query over
    // 2 loopback shards went from 74 to 7 ms: docs/sharding.md).
    const unsigned snippet_flags =
        req.snippet_background_model ? Xapian::MSet::SNIPPET_BACKGROUND_MODEL : 0;
    auto add_hits = [&](const Xapian::MSet& mset, size_t rank_base) {
        // Asks remote shards for all the page's documents at once. Only for a first page:
        // Xapian 1.4's MSet::fetch indexes its items by rank, offset included, and reads past
        // them when the MSet starts at an offset (crashes seen with --offset 4 --limit 3).
        if (mset.get_firstitem() == 0) mset.fetch();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit hit;
            hit.rank = rank_base + static_cast<size_t>(it.get_rank()) + 1;  // ranks count from 1
            hit.score = std::round(it.get_weight() * 10000.0) / 10000.0;
            const std::string data = it.get_document().get_data();
            static const std::vector<std::string> just_id = {"id"};
            hit.article = sc::decode_article(data, req.ids_only ? just_id : req.stored_fields);
            const std::string& text =
                hit.article.body.empty() ? hit.article.title : hit.article.body;
            if (req.snippet_bytes) {
                hit.snippet = mset.snippet(text, req.snippet_bytes, parser.stemmer(), snippet_flags,
                                           "<b>", "</b>", "...");
            }
            result.hits.push_back(std::move(hit));
        }
    };
    for (int attempt = 0;; ++attempt) {
        try {
            // check_at_least = offset + limit: when the dated matches run out inside the page,
            // their count is exact, and the undated ones continue the ranks from there.
            const Xapian::MSet mset = enquire.get_mset(offset, limit, offset + limit);
            if (req.facets.empty() && req.sort != SortOrder::oldest &&
                mset.get_matches_lower_bound() == mset.get_matches_upper_bound()) {
                // The ranked pass already knows the exact total (one word: its term frequency;
                // fewer matches than the page): no facet spies to feed, so no second pass.
                // (--sort oldest ranks dated articles only, so its pass counts those alone.)
                result.total = mset.get_matches_lower_bound();
            } else if (match_all && facets.count_all_documents()) {
                // `*` with facets: every document is counted from the value stream directly,
                // which spares the matcher's work per document.
                result.total = everything;
                result.facets = facets.results();
            } else {
                // check_at_least = the whole database makes the total and the facet counts
                // exact.
                const Xapian::MSet all = counting.get_mset(0, 0, everything);
                result.total = all.get_matches_estimated();
                result.facets = facets.results();
            }
            add_hits(mset, 0);
            if (req.sort == SortOrder::oldest && mset.size() < limit) {
                const Xapian::doccount dated = mset.get_matches_estimated();
                const Xapian::MSet rest =
                    undated.get_mset(offset > dated ? offset - dated : 0, limit - mset.size());
                add_hits(rest, dated);  // its ranks count from its own offset
            }
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            // The indexer committed while we read: reopen at the new revision and retry once.
            if (attempt > 0)
                throw DatabaseError("the database changed during the search twice; try again");
            Xapian::Database(db).reopen();
            if (columns) sequence_keys.use(req.columns->get(db));
            result.hits.clear();
            // The spies kept what they counted before the error: count again from zero.
            counting.clear_matchspies();
            facets.attach(counting);
        }
    }
    // Only worth the term-list walk when a word may be misspelt: nothing matched at all.
    if (result.total == 0 && !trim(req.query).empty())
        result.suggestion = suggest_spelling(db, req.query);
    result.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return result;
}

SearchResult run_search(schema::ReadDatabase& db, const LazyKb& kb, const SearchRequest& request) {
    SearchRequest req = request;
    if (db.has_remote_shards()) req.snippet_background_model = false;
    SearchResult result;
    schema::with_reconnect(db, [&] { result = run_search(db.db(), kb, req); });
    result.missing_shards = db.missing_shards();
    return result;
}

}  // namespace attache
