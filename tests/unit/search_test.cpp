#define BOOST_TEST_MODULE search
#include "searcher/search.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <set>

#include "indexer/document_builder.h"
#include "indexer/extract/entity_extractor.h"
#include "indexer/index_writer.h"
#include "schema/database.h"
#include "schema/packed_facets.h"
#include "schema/upgrade.h"
#include "searcher/facet_columns.h"
#include "tests/unit/test_support.h"

using namespace attache;

namespace {

// Countries named in running text by their ISO/KB names; a deterministic random mix per article
// so that the expected facet counts can be computed independently of the engine.
const std::vector<std::pair<std::string, std::string>> kCountries = {
    {"KR", "South Korea"}, {"US", "United States"}, {"JP", "Japan"},       {"CN", "China"},
    {"FR", "France"},      {"DE", "Germany"},       {"IN", "India"},       {"BR", "Brazil"},
    {"CA", "Canada"},      {"MX", "Mexico"},        {"KE", "Kenya"},       {"EG", "Egypt"},
    {"PE", "Peru"},        {"CL", "Chile"},         {"NO", "Norway"},      {"SE", "Sweden"},
    {"FI", "Finland"},     {"PL", "Poland"},        {"ES", "Spain"},       {"PT", "Portugal"},
    {"GR", "Greece"},      {"NG", "Nigeria"},       {"GH", "Ghana"},       {"MA", "Morocco"},
    {"TH", "Thailand"},    {"VN", "Viet Nam"},      {"PH", "Philippines"}, {"ID", "Indonesia"}};

struct Fixture {
    test::TempDir dir;
    std::string path = dir / "facets.db";
    std::map<std::string, size_t> expected_all;    // country -> articles
    std::map<std::string, size_t> expected_trade;  // among articles with "trade"
    size_t trade_articles = 0;
    bool first_is_trade = false;
    LazyKb kb;

    Fixture() {
        auto knowledge = test::builtin_kb();
        extract::EntityExtractor extractor(knowledge);
        DocumentBuilder builder(extractor);
        IndexWriter writer(path, 7);
        std::mt19937 rng(42);
        for (int i = 0; i < 120; ++i) {
            Article a;
            a.id = "a" + std::to_string(i);
            a.title = "Report " + std::to_string(i);
            const bool trade = rng() % 3 == 0;
            std::set<std::string> named;
            // Article 0 names every country: more than the country slots hold.
            const size_t n = i == 0 ? kCountries.size() : rng() % 5;
            for (size_t k = 0; k < n; ++k) {
                const auto& c = i == 0 ? kCountries[k] : kCountries[rng() % kCountries.size()];
                a.body += "Officials from " + c.second + " spoke. ";
                named.insert(c.first);
            }
            a.body += trade ? "They discussed trade." : "They discussed weather.";
            a.published = "2024-0" + std::to_string(1 + i % 9) + "-15";
            auto doc = builder.build(a);
            writer.write(doc);
            for (const auto& c : named) {
                ++expected_all[c];
                if (trade) ++expected_trade[c];
            }
            trade_articles += trade;
            if (i == 0) first_is_trade = trade;
        }
        writer.commit();
    }

    // `local`: count as for a local database (the packed value), from `columns` when given;
    // else as for remote shards (Xapian's per-slot spies).
    SearchResult run(const std::string& query, const std::vector<std::string>& facets,
                     size_t limit = 10, bool local = false, FacetColumnCache* columns = nullptr) {
        return run_on(path, query, facets, limit, local, columns);
    }
    SearchResult run_on(const std::string& db, const std::string& query,
                        const std::vector<std::string>& facets, size_t limit, bool local,
                        FacetColumnCache* columns = nullptr) {
        SearchRequest req;
        req.query = query;
        req.limit = limit;
        req.local_database = local;
        req.columns = columns;
        for (const auto& f : facets) req.facets.push_back(parse_facet_request(f));
        return run_search(schema::open_for_reading(db), kb, req);
    }
};

// A copy of the database as a schema 2 indexer could have written it: the packed value removed
// from every `every`-th document (1: all of them), the rest and the metadata (labels) kept, and
// stamped schema 2.
void copy_as_schema_2(const std::string& from, const std::string& to, unsigned every) {
    Xapian::Database src(from);
    Xapian::WritableDatabase dst(to, Xapian::DB_CREATE);
    for (auto k = src.metadata_keys_begin(); k != src.metadata_keys_end(); ++k)
        dst.set_metadata(*k, src.get_metadata(*k));
    dst.set_metadata(std::string(schema::kSchemaMetadataKey), "2");
    for (auto p = src.postlist_begin(""); p != src.postlist_end(""); ++p) {
        Xapian::Document doc = src.get_document(*p);
        if (*p % every == 0) doc.remove_value(schema::kSlotPackedFacets);
        dst.replace_document(*p, doc);
    }
    dst.commit();
}

void check_same_facets(const SearchResult& a_result, const SearchResult& b_result,
                       const std::string& what) {
    BOOST_TEST_REQUIRE(a_result.facets.size() == b_result.facets.size());
    for (size_t f = 0; f < a_result.facets.size(); ++f) {
        const auto& a = a_result.facets[f];
        const auto& b = b_result.facets[f];
        BOOST_TEST(a.field == b.field);
        BOOST_TEST(a.overflowed == b.overflowed, what << " " << a.field);
        BOOST_TEST_REQUIRE(a.values.size() == b.values.size(), what << " " << a.field);
        for (size_t v = 0; v < a.values.size(); ++v) {
            BOOST_TEST(a.values[v].id == b.values[v].id, what << " " << a.field);
            BOOST_TEST(a.values[v].name == b.values[v].name);
            BOOST_TEST(a.values[v].count == b.values[v].count, what << " " << a.values[v].id);
        }
    }
    BOOST_TEST(a_result.total == b_result.total, what);
}

std::map<std::string, size_t> as_map(const FacetResult& f) {
    std::map<std::string, size_t> m;
    for (const auto& v : f.values) m[v.id] = v.count;
    return m;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(search, Fixture)

BOOST_AUTO_TEST_CASE(totals_are_exact) {
    BOOST_TEST(run("*", {}).total == 120u);
    BOOST_TEST(run("trade", {}).total == trade_articles);
}

// Parsing the KB is most of a one-query process's time: plain words, even words that name an
// entity (expanded through the compiled-in table), must not load it; a field that resolves an
// entity name does.
BOOST_AUTO_TEST_CASE(plain_and_expanded_words_do_not_load_the_kb) {
    BOOST_TEST(run("trade", {}).total == trade_articles);
    BOOST_TEST(run("Kenya trade", {}).total > 0u);
    BOOST_TEST(run("NATO talks", {}).total == 0u);
    BOOST_TEST(!kb.loaded());
    BOOST_TEST(run("country:kenya", {}).total > 0u);
    BOOST_TEST(kb.loaded());
}

BOOST_AUTO_TEST_CASE(country_facet_counts_equal_brute_force_counts) {
    // Article 0 overflows the country slots; leave it out by query so counts must be exact.
    const SearchResult all = run("NOT id:a0", {"country:0"});
    auto expected = expected_all;
    for (size_t k = 0; k < kCountries.size(); ++k) {
        if (--expected[kCountries[k].first] == 0) expected.erase(kCountries[k].first);
    }
    BOOST_TEST_REQUIRE(all.facets.size() == 1u);
    BOOST_TEST((as_map(all.facets[0]) == expected));
    BOOST_TEST(all.facets[0].overflowed == 0u);
}

BOOST_AUTO_TEST_CASE(local_country_counts_equal_brute_force_counts) {
    const SearchResult all = run("NOT id:a0", {"country:0"}, 10, true);
    auto expected = expected_all;
    for (size_t k = 0; k < kCountries.size(); ++k) {
        if (--expected[kCountries[k].first] == 0) expected.erase(kCountries[k].first);
    }
    BOOST_TEST_REQUIRE(all.facets.size() == 1u);
    BOOST_TEST((as_map(all.facets[0]) == expected));
}

bool every_document_is_packed(const std::string& db) {
    const Xapian::Database d(db);
    return d.get_value_freq(schema::kSlotPackedFacets) == d.get_doccount();
}

// The local counter (the packed value, read from its stream or from the in-memory columns) and
// the per-slot spies that remote shards need must agree on every value, label and overflow
// count.
BOOST_AUTO_TEST_CASE(local_counter_equals_the_per_slot_spies) {
    BOOST_TEST(is_local_database(path));
    BOOST_TEST(every_document_is_packed(path));
    BOOST_TEST(!is_local_database(dir / "nowhere"));
    // country twice: one count serves both requests.
    const std::vector<std::string> facets = {"country:0", "person:0", "year",        "org:0",
                                             "month:0",   "source:0", "mentioned:0", "country:2"};
    FacetColumnCache columns;
    for (const std::string q : {"*", "trade", "weather", "id:a0", "NOT id:a0", "nothingatall"}) {
        const SearchResult reference = run(q, facets, 10, false);
        check_same_facets(reference, run(q, facets, 10, true), q + " packed stream");
        check_same_facets(reference, run(q, facets, 10, true, &columns), q + " columns");
    }
}

// A schema 2 database (the packed value on some documents or none) is refused with a message
// that names the fix; `attache upgrade` packs the missing values, and then it counts the same.
BOOST_AUTO_TEST_CASE(schema_2_databases_are_refused_until_upgraded) {
    const std::string old_db = dir / "old.db";
    const std::string mixed_db = dir / "mixed.db";
    copy_as_schema_2(path, old_db, 1);
    copy_as_schema_2(path, mixed_db, 5);
    BOOST_TEST(Xapian::Database(old_db).get_value_freq(schema::kSlotPackedFacets) == 0u);
    BOOST_TEST(Xapian::Database(mixed_db).get_value_freq(schema::kSlotPackedFacets) > 0u);
    try {
        schema::open_for_reading(old_db);
        BOOST_FAIL("a schema 2 database was opened");
    } catch (const DatabaseError& e) {
        BOOST_TEST(e.what() == "'" + old_db +
                                   "' has attache schema 2, this attache reads schema 3: upgrade "
                                   "it in place with: attache upgrade --db " +
                                   old_db);
        BOOST_TEST((e.code() == ExitCode::database));
    }
    BOOST_CHECK_THROW(IndexWriter(mixed_db, 7), DatabaseError);  // nor written to

    const auto upgraded = schema::upgrade_database(old_db);
    BOOST_TEST(upgraded.databases == 1u);
    BOOST_TEST(upgraded.packed == 120u);
    BOOST_TEST(schema::upgrade_database(mixed_db).packed == 24u);  // docids 5, 10, ... 120
    BOOST_TEST(schema::upgrade_database(old_db).already_current == 1u);
    for (const auto& db : {old_db, mixed_db}) {
        BOOST_TEST(every_document_is_packed(db));
        BOOST_TEST(Xapian::Database(db).get_metadata("attache.schema") == "3");
    }
    // Stamped 3 but lacking the value somewhere (only another tool could write that): the local
    // count says so, and upgrade packs what is missing.
    const std::string hand_db = dir / "hand.db";
    copy_as_schema_2(path, hand_db, 60);  // docids 60 and 120
    {
        Xapian::WritableDatabase d(hand_db, Xapian::DB_OPEN);
        d.set_metadata(std::string(schema::kSchemaMetadataKey), "3");
        d.commit();
    }
    BOOST_CHECK_THROW(run_on(hand_db, "discussed", {"country"}, 10, true), DatabaseError);
    BOOST_TEST(schema::upgrade_database(hand_db).packed == 2u);
    BOOST_TEST(every_document_is_packed(hand_db));
    const std::vector<std::string> facets = {"country:0", "person:0",    "year",    "org:0",
                                             "month:0",   "mentioned:0", "source:0"};
    for (const std::string q : {"*", "trade", "NOT id:a0", "id:a0", "nothingatall"}) {
        const SearchResult reference = run(q, facets, 10, true);
        check_same_facets(reference, run_on(old_db, q, facets, 10, true), q + " old");
        check_same_facets(reference, run_on(mixed_db, q, facets, 10, true), q + " mixed");
        check_same_facets(reference, run_on(old_db, q, facets, 10, false), q + " old, per slot");
        check_same_facets(reference, run_on(hand_db, q, facets, 10, true), q + " hand");
    }
}

BOOST_AUTO_TEST_CASE(facets_count_only_matching_articles) {
    const SearchResult r = run("trade NOT id:a0", {"country:0"});
    auto expected = expected_trade;
    if (first_is_trade) {
        for (const auto& c : kCountries) {
            if (--expected[c.first] == 0) expected.erase(c.first);
        }
    }
    BOOST_TEST((as_map(r.facets[0]) == expected));
}

BOOST_AUTO_TEST_CASE(overflow_is_reported_not_hidden) {
    const SearchResult r = run("id:a0", {"country:0"});
    const auto& f = r.facets[0];
    BOOST_TEST(f.overflowed == 1u);
    BOOST_TEST(f.values.size() == schema::field("country").slot_count);
    // Every country is still searchable by term, even past the facet cap.
    const std::string last = kCountries.back().first;
    BOOST_TEST(run("id:a0 country:" + last, {}).total == 1u);
}

BOOST_AUTO_TEST_CASE(limits_labels_and_date_histograms) {
    const SearchResult r = run("*", {"country:3", "month"});
    BOOST_TEST(r.facets[0].values.size() == 3u);
    BOOST_TEST(r.facets[0].values[0].count >= r.facets[0].values[1].count);
    BOOST_TEST(!r.facets[0].values[0].name.empty());
    std::vector<std::string> months;
    size_t sum = 0;
    for (const auto& v : r.facets[1].values) {
        months.push_back(v.id);
        sum += v.count;
    }
    BOOST_TEST(months.size() == 9u);
    BOOST_TEST(std::is_sorted(months.begin(), months.end()));
    BOOST_TEST(sum == 120u);
    BOOST_TEST(run("*", {"month:2"}).facets[0].values.front().id == "2024-08");
}

BOOST_AUTO_TEST_CASE(hits_carry_stored_fields_and_snippets) {
    const SearchResult r = run("trade", {}, 3);
    BOOST_TEST_REQUIRE(r.hits.size() == 3u);
    BOOST_TEST(r.hits[0].rank == 1u);
    BOOST_TEST(r.hits[0].snippet.find("<b>trade</b>") != std::string::npos, r.hits[0].snippet);
    BOOST_TEST(!r.hits[0].article.id.empty());
}

BOOST_AUTO_TEST_CASE(ids_only_hits_have_the_same_ids_without_the_article) {
    SearchRequest req;
    req.query = "trade";
    req.limit = 50;
    const auto db = schema::open_for_reading(path);
    const SearchResult full = run_search(db, kb, req);
    req.ids_only = true;
    const SearchResult light = run_search(db, kb, req);
    BOOST_TEST_REQUIRE(full.hits.size() == light.hits.size());
    BOOST_TEST_REQUIRE(!light.hits.empty());
    for (size_t i = 0; i < full.hits.size(); ++i) {
        BOOST_TEST(light.hits[i].article.id == full.hits[i].article.id);
        BOOST_TEST(light.hits[i].score == full.hits[i].score);
    }
    BOOST_TEST(light.hits[0].article.title.empty());  // not decoded
    BOOST_TEST(light.total == full.total);
}

BOOST_AUTO_TEST_CASE(stored_fields_hits_decode_only_the_fields_asked_for) {
    SearchRequest req;
    req.query = "trade";
    req.limit = 50;
    const auto db = schema::open_for_reading(path);
    const SearchResult full = run_search(db, kb, req);
    req.snippet_bytes = 0;
    req.stored_fields = {"id", "published", "title"};  // not in stored order: any order works
    const SearchResult light = run_search(db, kb, req);
    BOOST_TEST_REQUIRE(full.hits.size() == light.hits.size());
    BOOST_TEST_REQUIRE(!light.hits.empty());
    for (size_t i = 0; i < full.hits.size(); ++i) {
        const auto& a = light.hits[i].article;
        BOOST_TEST(a.id == full.hits[i].article.id);
        BOOST_TEST(a.title == full.hits[i].article.title);
        BOOST_TEST(a.published == full.hits[i].article.published);
        BOOST_TEST(!a.published.empty());
        BOOST_TEST(a.body.empty());  // not decoded
        BOOST_TEST(a.entities.empty());
    }
}

// Without facets the ranked pass's total is used when Xapian says it is exact; every kind of
// query must still give the exact count, whichever pass produced it.
BOOST_AUTO_TEST_CASE(totals_stay_exact_with_or_without_the_counting_pass) {
    const size_t weather = 120 - trade_articles;
    BOOST_TEST(run("weather", {}).total == weather);
    BOOST_TEST(run("trade OR weather", {}).total == 120u);
    BOOST_TEST(run("discussed trade", {}).total == trade_articles);
    BOOST_TEST(run("discussed -trade", {}).total == weather);
    BOOST_TEST(run("trade", {}, 0).total == trade_articles);
    BOOST_TEST(run("trade", {}, 200).total == trade_articles);
    BOOST_TEST(run("report*", {}).total == 120u);
    // With a facet the counting pass runs; its total is the same.
    BOOST_TEST(run("discussed trade", {"year"}).total == trade_articles);
    SearchRequest req;
    req.query = "discussed trade";
    req.sort = SortOrder::newest;
    BOOST_TEST(run_search(schema::open_for_reading(path), kb, req).total == trade_articles);
    req.sort = SortOrder::oldest;
    BOOST_TEST(run_search(schema::open_for_reading(path), kb, req).total == trade_articles);
}

// The columns a long-lived process holds give the same counts and the same order of ties, and
// are built again when the database moves to a new revision.
BOOST_AUTO_TEST_CASE(in_memory_columns_count_and_rank_the_same) {
    const std::vector<std::string> facets = {"country:0", "person:0", "year",
                                             "month:0",   "source:0", "mentioned:0"};
    const std::vector<std::string> queries = {"*",         "trade",        "weather",  "id:a0",
                                              "NOT id:a0", "nothingatall", "discussed"};
    FacetColumnCache cache;
    for (const auto& q : queries) run(q, {}, 20, true, &cache);
    BOOST_TEST(!cache.if_built(Xapian::Database(path)));  // only facet queries build them
    for (const auto& q : queries) {
        const SearchResult before = run(q, facets, 20, true);
        const SearchResult after = run(q, facets, 20, true, &cache);
        BOOST_TEST(after.total == before.total, q);
        BOOST_TEST_REQUIRE(after.hits.size() == before.hits.size());
        for (size_t h = 0; h < after.hits.size(); ++h)  // ties in the same (sequence) order
            BOOST_TEST(after.hits[h].article.id == before.hits[h].article.id, q);
        check_same_facets(before, after, q);
        // Without facets the tie-break reads the columns built for the facet queries.
        const SearchResult plain = run(q, {}, 20, true, &cache);
        for (size_t h = 0; h < plain.hits.size(); ++h)
            BOOST_TEST(plain.hits[h].article.id == before.hits[h].article.id, q);
    }
    const auto columns = cache.get(Xapian::Database(path));
    BOOST_TEST_REQUIRE(columns);
    BOOST_TEST(cache.if_built(Xapian::Database(path)) == columns);  // built once
    // A new revision gets new columns: the added article is counted.
    {
        extract::EntityExtractor extractor(test::builtin_kb());
        DocumentBuilder builder(extractor);
        IndexWriter writer(path, 7, {});
        Article a;
        a.id = "late";
        a.body = "Officials from Kenya spoke. They discussed trade.";
        a.published = "2024-03-01";
        auto doc = builder.build(a);
        writer.write(doc);
        writer.commit();
    }
    BOOST_TEST(!cache.if_built(Xapian::Database(path)));
    const SearchResult later = run("trade", {"country:0"}, 10, true, &cache);
    BOOST_TEST(as_map(later.facets[0])["KE"] == expected_trade["KE"] + 1);
    BOOST_TEST(cache.if_built(Xapian::Database(path)) != columns);
}

BOOST_AUTO_TEST_CASE(bad_facet_names_are_usage_errors) {
    BOOST_CHECK_THROW(parse_facet_request("colour"), UsageError);
    BOOST_CHECK_THROW(parse_facet_request("person:x"), UsageError);
    BOOST_CHECK_THROW(parse_facet_request("date"), UsageError);
    BOOST_TEST(parse_facet_request("person:5").limit == 5u);
    BOOST_TEST(parse_facet_request("year").limit == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
