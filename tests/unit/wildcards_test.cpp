#define BOOST_TEST_MODULE wildcards
#include "searcher/wildcards.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "common/errors.h"
#include "indexer/document_builder.h"
#include "indexer/extract/entity_extractor.h"
#include "indexer/index_writer.h"
#include "schema/database.h"
#include "searcher/search.h"
#include "searcher/spelling.h"
#include "tests/unit/test_support.h"

using namespace attache;

namespace {

std::string routed(const std::string& query) {
    const QueryScan scan(query);
    return apply_edits(query, route_wildcards(scan));
}

// Three articles whose words have stems shorter than their starts ("negotiations" -> negoti),
// written once into one database and once into two shards.
struct Fixture {
    test::TempDir dir;
    std::string single = dir / "single.db";
    std::string sharded = dir / "sharded.db";
    LazyKb kb;

    Fixture() {
        extract::EntityExtractor extractor(test::builtin_kb());
        DocumentBuilder builder(extractor);
        IndexWriter one(single, 100);
        IndexWriter two(sharded, 100, ShardingOptions{2, "hash"});
        const std::vector<std::pair<std::string, std::string>> articles = {
            {"Negotiations resume", "The negotiators met again in Geneva."},
            {"Summit closes", "Leaders negotiated late into the night."},
            {"Weather", "Rain fell over the summer capital."}};
        int n = 0;
        for (const auto& [title, body] : articles) {
            Article a;
            a.id = "w" + std::to_string(n++);
            a.title = title;
            a.body = body;
            auto d1 = builder.build(a);
            one.write(d1);
            auto d2 = builder.build(a);  // the builder reports each word once: d2 has none
            d2.words = d1.words;
            two.write(d2);
        }
        one.commit();
        two.commit();
    }

    Xapian::doccount count(const std::string& db, const std::string& query) {
        SearchRequest req;
        req.query = query;
        return run_search(schema::ReadDatabase(db).db(), kb, req).total;
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(wildcard_words_are_routed_to_the_vocabulary_fields) {
    BOOST_TEST(routed("negotiat* talks") == "attachewild:negotiat talks");
    BOOST_TEST(routed("-title:summ* (a* OR b)") == "-attachewildtitle:summ (attachewild:a OR b)");
    // Quotes, other fields, a lone star and words without a star are left alone.
    BOOST_TEST(routed("\"negotiat* talks\" x") == "\"negotiat* talks\" x");
    BOOST_TEST(routed("person:blink* *") == "person:blink* *");
    BOOST_TEST(routed("title:\"a b*\"") == "title:\"a b*\"");
    BOOST_TEST(routed("no stars here") == "no stars here");
}

BOOST_FIXTURE_TEST_CASE(a_wildcard_finds_words_whose_stem_is_shorter_than_it, Fixture) {
    BOOST_TEST(wildcard_stems(schema::open_for_reading(single), "negotiat") ==
               std::vector<std::string>{"negoti"});
    BOOST_TEST(count(single, "negotiat*") == 2u);  // negotiations, negotiators, negotiated
    BOOST_TEST(count(single, "NEGOTIAT*") == 2u);
    BOOST_TEST(count(single, "title:negotiat*") == 1u);
    BOOST_TEST(count(single, "summ*") == 2u);  // summit, summer
    BOOST_TEST(count(single, "title:summ*") == 1u);
    BOOST_TEST(count(single, "summ* -rain") == 1u);
    BOOST_TEST(count(single, "zzz*") == 0u);
}

BOOST_FIXTURE_TEST_CASE(wildcards_expand_the_same_over_shards, Fixture) {
    for (const std::string q : {"negotiat*", "title:summ*", "summ*", "rain*"})
        BOOST_TEST(count(sharded, q) == count(single, q), q);
}

BOOST_FIXTURE_TEST_CASE(stemmed_words_match_every_form_in_phrases_too, Fixture) {
    BOOST_TEST(count(single, "negotiation") == 2u);         // negotiations, negotiators, negotiated
    BOOST_TEST(count(single, "\"negotiator met\"") == 1u);  // "The negotiators met"
    BOOST_TEST(count(single, "\"negotiations met\"") == 1u);
    BOOST_TEST(count(single, "Negotiated") == 2u);
}

BOOST_FIXTURE_TEST_CASE(spelling_suggestions_come_from_the_vocabulary, Fixture) {
    const Xapian::Database db = schema::open_for_reading(single);
    BOOST_TEST(suggest_spelling(db, "negotiatons") == "negotiations");
    BOOST_TEST(suggest_spelling(db, "Geneve") == "Geneva");
    BOOST_TEST(suggest_spelling(db, "negotiations geneva").empty());  // both are words
}

BOOST_AUTO_TEST_CASE(a_wildcard_over_too_many_words_is_a_query_error) {
    test::TempDir dir;
    extract::EntityExtractor extractor(test::builtin_kb());
    DocumentBuilder builder(extractor);
    IndexWriter writer(dir / "many.db", 100);
    Article a;
    a.id = "many";
    for (size_t i = 0; i <= kMaxWildcardStems; ++i) a.body += "wq" + std::to_string(i) + " ";
    auto doc = builder.build(a);
    writer.write(doc);
    writer.commit();
    LazyKb kb;
    SearchRequest req;
    req.query = "wq*";
    try {
        run_search(schema::open_for_reading(dir / "many.db"), kb, req);
        BOOST_FAIL("expected a QueryError");
    } catch (const QueryError& e) {
        BOOST_TEST(std::string(e.what()).find("wildcard 'wq*' matches more than 5000 words") !=
                   std::string::npos);
    }
    req.query = "wq12*";  // wq12, wq120..wq129, wq1200..: few enough
    BOOST_TEST(run_search(schema::open_for_reading(dir / "many.db"), kb, req).total == 1u);
}
