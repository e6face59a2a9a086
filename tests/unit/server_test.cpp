// The parts of `attache serve` that need no HTTP: --listen parsing, the search parameters, the
// embedded page lookup and entity autocomplete over a real database on disk.
#define BOOST_TEST_MODULE server
#include <boost/test/unit_test.hpp>

#include "common/errors.h"
#include "schema/fields.h"
#include "server/api_params.h"
#include "server/entity_suggest.h"
#include "server/listen_address.h"
#include "server/web_assets.h"
#include "tests/unit/test_support.h"

using namespace attache;
using namespace attache::server;

BOOST_AUTO_TEST_CASE(listen_addresses) {
    auto a = parse_listen_address("127.0.0.1:8080");
    BOOST_TEST(a.host == "127.0.0.1");
    BOOST_TEST(a.port == 8080);
    a = parse_listen_address("[::1]:0");
    BOOST_TEST(a.host == "::1");
    BOOST_TEST(a.port == 0);
    for (const char* bad :
         {"127.0.0.1", ":80", "host:", "host:http", "host:70000", "::1:80", "[::1]80", "host:-1"}) {
        BOOST_CHECK_THROW(parse_listen_address(bad), UsageError);
    }
    BOOST_TEST(is_loopback_host("127.0.0.1"));
    BOOST_TEST(is_loopback_host("localhost"));
    BOOST_TEST(is_loopback_host("::1"));
    BOOST_TEST(!is_loopback_host("0.0.0.0"));
    BOOST_TEST(!is_loopback_host("192.168.1.2"));
}

BOOST_AUTO_TEST_CASE(search_parameters_map_to_the_cli_request) {
    const ApiLimits limits;
    QueryParams p = {{"q", "summit"},        {"limit", "5"},      {"offset", "20"},
                     {"sort", "newest"},     {"facet", "person"}, {"facet", "month:0"},
                     {"fields", "id,title"}, {"expand", "false"}};
    const ApiSearch s = parse_search_params(p, limits);
    BOOST_TEST(s.request.query == "summit");
    BOOST_TEST(s.request.limit == 5u);
    BOOST_TEST(s.request.offset == 20u);
    BOOST_TEST((s.request.sort == SortOrder::newest));
    BOOST_TEST_REQUIRE(s.request.facets.size() == 2u);
    BOOST_TEST(s.request.facets[0].limit == 10u);
    BOOST_TEST(s.request.facets[1].limit == 1000u);  // "all" is capped
    BOOST_TEST(s.fields == (std::vector<std::string>{"id", "title"}));
    BOOST_TEST(s.request.snippet_bytes == 0u);  // no snippet asked for: none made
    BOOST_TEST(!s.request.expand_entities);

    const ApiSearch d = parse_search_params({{"q", "*"}}, limits);
    BOOST_TEST(d.request.limit == 10u);
    BOOST_TEST(d.request.snippet_bytes > 0u);
}

BOOST_AUTO_TEST_CASE(bad_search_parameters_are_usage_errors) {
    const ApiLimits limits;
    const std::vector<QueryParams> bad = {
        {},
        {{"q", "  "}},
        {{"q", std::string(limits.max_query_bytes + 1, 'a')}},
        {{"q", "x"}, {"limit", "101"}},
        {{"q", "x"}, {"limit", "-1"}},
        {{"q", "x"}, {"limit", ""}},
        {{"q", "x"}, {"offset", "99999999999"}},
        {{"q", "x"}, {"sort", "best"}},
        {{"q", "x"}, {"facet", "colour"}},
        {{"q", "x"}, {"fields", "id,nope"}},
        {{"q", "x"}, {"expand", "maybe"}},
        {{"q", "x"}, {"q", "y"}},
        {{"q", "x"}, {"format", "text"}},
    };
    for (const auto& p : bad) BOOST_CHECK_THROW(parse_search_params(p, limits), AttacheError);
}

BOOST_AUTO_TEST_CASE(only_embedded_files_are_found) {
    FoundAsset a;
    BOOST_TEST_REQUIRE(find_web_asset("/", a));
    BOOST_TEST(a.content_type == "text/html; charset=utf-8");
    BOOST_TEST(a.content.find("/app.js") != std::string_view::npos);
    BOOST_TEST(find_web_asset("/app.js", a));
    BOOST_TEST(a.content_type == "text/javascript; charset=utf-8");
    BOOST_TEST(find_web_asset("/style.css", a));
    for (const char* path : {"", "/index.html/", "/../app.js", "app.js", "/web/app.js", "/APP.JS"})
        BOOST_TEST(!find_web_asset(path, a), path);
}

BOOST_AUTO_TEST_CASE(suggestions_come_from_the_kb_and_the_index) {
    test::TempDir dir;
    const std::string path = dir / "suggest.db";
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        // Blinken in three articles, a person known only to the index in one, and terms of
        // fields whose prefixes begin like summit's (XS) and person's.
        for (int i = 0; i < 3; ++i) {
            Xapian::Document d;
            d.add_boolean_term(schema::term(schema::field("person"), "antony-blinken"));
            d.add_boolean_term(schema::term(schema::field("source"), "blinkered-times"));
            db.add_document(d);
        }
        Xapian::Document d;
        d.add_boolean_term(schema::term(schema::field("person"), "blinova-ana"));
        d.add_boolean_term(schema::term(schema::field("country"), "kr"));
        db.add_document(d);
        db.set_metadata(schema::label_key(schema::field("person"), "blinova-ana"), "Ana Blinova");
        db.set_metadata(schema::label_key(schema::field("source"), "blinkered-times"),
                        "Blinkered Times");
        db.commit();
    }
    const Xapian::Database db(path);
    const EntitySuggester suggester(*test::builtin_kb());

    auto people = suggester.suggest(db, "person", "BLIN", 10);
    BOOST_TEST_REQUIRE(people.size() >= 2u);
    BOOST_TEST(people[0].id == "antony-blinken");
    BOOST_TEST(people[0].count == 3u);
    BOOST_TEST(people[1].id == "blinova-ana");
    BOOST_TEST(people[1].name == "Ana Blinova");
    BOOST_TEST(people[1].count == 1u);

    // Country ids keep the KB's spelling; the index's lower-case term is the same country.
    auto countries = suggester.suggest(db, "country", "south k", 10);
    BOOST_TEST_REQUIRE(countries.size() == 1u);
    BOOST_TEST(countries[0].id == "KR");
    BOOST_TEST(countries[0].count == 1u);

    // XSRC (source) terms are not summits.
    for (const auto& s : suggester.suggest(db, "summit", "b", 50))
        BOOST_TEST(s.id.find("blinkered") == std::string::npos);
    auto sources = suggester.suggest(db, "source", "blink", 10);
    BOOST_TEST_REQUIRE(sources.size() == 1u);
    BOOST_TEST(sources[0].name == "Blinkered Times");

    BOOST_TEST(suggester.suggest(db, "person", "bli", 1).size() == 1u);
    BOOST_CHECK_THROW(suggester.suggest(db, "title", "bli", 10), UsageError);
    BOOST_CHECK_THROW(suggester.suggest(db, "person", " -- ", 10), UsageError);
}
