#include "server/api.h"

#include <iostream>

#include "common/errors.h"
#include "indexer/extract/date_parser.h"
#include "schema/fields.h"
#include "searcher/formats/json_format.h"
#include "searcher/stats.h"

namespace attache::server {

using json = nlohmann::ordered_json;

namespace {

// The mentions `attache extract --format json` prints, re-extracted from the stored text with
// the server's KB (the database stores entities per article, not their offsets).
json mentions_json(const extract::EntityExtractor& extractor, const schema::StoredArticle& a) {
    const auto published = extract::parse_published_date(a.published);
    const auto date =
        published ? std::optional<schema::PartialDate>(published->date) : std::nullopt;
    const extract::Extraction ex = extractor.extract(a.title, a.body, date);
    json mentions = json::array();
    for (const auto& m : ex.mentions) {
        mentions.push_back({{"begin", m.begin},
                            {"end", m.end},
                            {"text", m.text},
                            {"kind", kb::kind_name(m.kind)},
                            {"id", m.id},
                            {"name", m.name}});
    }
    return mentions;
}

}  // namespace

Api::Api(DatabasePool& pool, std::vector<std::string> kb_files, ApiLimits limits)
    : pool_(pool), kb_(std::move(kb_files)), limits_(limits) {
    // LazyKb loads on first use without a lock: load it here, before any worker thread runs.
    const kb::KnowledgeBase& kb = kb_.get();
    kb_.expansion();  // likewise the expansion table built from --kb files
    extractor_ = std::make_unique<extract::EntityExtractor>(
        std::shared_ptr<const kb::KnowledgeBase>(std::shared_ptr<const kb::KnowledgeBase>{}, &kb));
    suggester_ = std::make_unique<EntitySuggester>(kb);
}

Api::~Api() = default;

ApiResponse Api::error(int status, const std::string& message) {
    return {status, json{{"error", message}, {"status", status}}};
}

// Maps attache's errors to HTTP statuses. Each request reads the latest committed revision;
// when the indexer commits while it reads (Xapian then throws DatabaseModifiedError) it runs
// once more, and a shard that drops its connection is reconnected once, as in the CLI.
template <typename Fn>
ApiResponse Api::guarded(Fn&& fn) {
    try {
        auto lease = pool_.lease();
        schema::ReadDatabase& db = lease.db();
        ApiResponse response;
        schema::with_reconnect(db, [&] {
            for (int attempt = 0;; ++attempt) {
                try {
                    // Cheap when nothing changed: Xapian compares revisions.
                    db.reopen();
                    response = fn(db);
                    return;
                } catch (const Xapian::DatabaseModifiedError&) {
                    if (attempt > 0) throw;
                }
            }
        });
        return response;
    } catch (const AttacheError& e) {
        // A mistake in the request (query, parameter, KB file) or a database that cannot serve.
        if (e.code() == ExitCode::usage) return error(400, e.what());
        if (e.code() == ExitCode::database) return error(503, e.what());
        throw;
    } catch (const Xapian::DatabaseModifiedError&) {
        return error(503, "the database changed twice during the request; try again");
    } catch (const Xapian::Error& e) {
        print_error_line("database error: " + e.get_description());
        return error(500, "database error: " + e.get_description());
    }
}

ApiResponse Api::search(const QueryParams& params) {
    return guarded([&](schema::ReadDatabase& db) {
        ApiSearch s = parse_search_params(params, limits_);
        s.request.local_database = pool_.local();
        s.request.columns = &pool_.columns();
        const SearchResult result = run_search(db, kb_, s.request);
        return ApiResponse{200, formats::search_to_json(result, s.fields)};
    });
}

ApiResponse Api::article(const std::string& id, const QueryParams& params) {
    return guarded([&](schema::ReadDatabase& rdb) {
        const Xapian::Database& db = rdb.db();
        check_known_params(params, {"mentions"});
        const std::string mentions = single_param(params, "mentions");
        if (!mentions.empty() && mentions != "true" && mentions != "false")
            throw UsageError("parameter 'mentions' must be true or false");
        const std::string term = schema::id_term(id);
        Xapian::PostingIterator p = db.postlist_begin(term);
        if (p == db.postlist_end(term)) return error(404, "no article with id '" + id + "'");
        const schema::StoredArticle a = schema::decode_article(db.get_document(*p).get_data());
        json out = formats::article_to_json(a);
        if (mentions == "true") out["mentions"] = mentions_json(*extractor_, a);
        return ApiResponse{200, std::move(out)};
    });
}

ApiResponse Api::stats(const QueryParams& params) {
    return guarded([&](schema::ReadDatabase& db) {
        check_known_params(params, {"top"});
        const size_t top = count_param(params, "top", 5, 100);
        return ApiResponse{
            200, stats_to_json(compute_stats(db.db(), kb_, top, pool_.local()), pool_.path())};
    });
}

ApiResponse Api::suggest(const QueryParams& params) {
    return guarded([&](schema::ReadDatabase& db) {
        check_known_params(params, {"field", "prefix", "limit"});
        const std::string field = single_param(params, "field");
        const std::string prefix = single_param(params, "prefix");
        if (prefix.size() > 100) throw UsageError("parameter 'prefix' is longer than 100 bytes");
        const size_t limit = count_param(params, "limit", 10, 50);
        json values = json::array();
        for (const auto& s : suggester_->suggest(db.db(), field, prefix, limit)) {
            values.push_back({{"id", s.id},
                              {"name", s.name},
                              {"count", s.count},
                              {"query", field + ":" + s.id}});
        }
        return ApiResponse{200, json{{"field", field}, {"prefix", prefix}, {"values", values}}};
    });
}

ApiResponse Api::health() {
    return guarded([&](schema::ReadDatabase& db) {
        return ApiResponse{200, json{{"status", "ok"}, {"articles", db.db().get_doccount()}}};
    });
}

}  // namespace attache::server
