#define BOOST_TEST_MODULE query_parser
#include "searcher/query_parser.h"

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "common/errors.h"
#include "indexer/document_builder.h"
#include "tests/unit/test_support.h"

using attache::LazyKb;
using attache::QueryError;
using attache::QueryParser;

namespace {

void check_syntax(const std::string& query) {
    attache::check_query_syntax(attache::QueryScan(query));
}

const char* kPeople =
    R"({"kind":"person","id":"antony-blinken","name":"Antony Blinken","offices":[{"role":"Secretary of State","country":"US","from":"2021-01-26","to":"2025-01-20"}]})"
    "\n"
    R"({"kind":"person","id":"cho-tae-yul","name":"Cho Tae-yul","name_order":"eastern","offices":[{"role":"Foreign Minister","country":"KR","from":"2024-01-11","to":"2025-06-04"}]})"
    "\n"
    R"({"kind":"org","id":"g20","name":"Group of Twenty","aliases":["G20"]})"
    "\n"
    R"({"kind":"event","id":"g20-summit","name":"G20 summit","type":"summit","org":"g20","instances":[{"id":"g20-2024","name":"G20 Rio de Janeiro summit 2024","from":"2024-11-18","to":"2024-11-19"}]})"
    "\n"
    R"({"kind":"event","id":"kr-us-2plus2","name":"South Korea-U.S. 2+2 meeting","type":"meeting"})"
    "\n";

struct Fixture {
    attache::test::TempDir dir;
    std::string kb_file = dir / "kb.jsonl";
    Xapian::WritableDatabase db{dir / "q.db", Xapian::DB_CREATE_OR_OPEN};
    LazyKb kb;
    Fixture() : kb({kb_file}) { std::ofstream(kb_file) << kPeople; }
    std::string parse(const std::string& q) {
        QueryParser parser(db, kb, attache::schema::PartialDate{2024, 11, 1});
        return parser.parse(q).get_description();
    }
    std::string error_of(const std::string& q) {
        try {
            parse(q);
        } catch (const QueryError& e) {
            return e.what();
        }
        return "(no error)";
    }
};

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(query_parser, Fixture)

BOOST_AUTO_TEST_CASE(free_text_defaults_to_and_with_stemming) {
    const std::string d = parse("sanctions Russia");
    BOOST_TEST(contains(d, "Zsanction@1 AND"), d);
    BOOST_TEST(contains(d, "russia@2"), d);
    BOOST_TEST(contains(parse("sanctions OR tariffs"), " OR "));
    BOOST_TEST(contains(parse("\"extended deterrence\""), "PHRASE 2"));
    BOOST_TEST(contains(parse("title:summit"), "ZSsummit"));
}

BOOST_AUTO_TEST_CASE(star_matches_all_and_empty_is_an_error) {
    BOOST_TEST(parse("*") == Xapian::Query(Xapian::Query::MatchAll).get_description());
    BOOST_TEST(parse(" * ") == Xapian::Query(Xapian::Query::MatchAll).get_description());
    BOOST_TEST(error_of("") == "empty query: give words or fields, or '*' to match every article");
    BOOST_TEST(error_of("   ") ==
               "empty query: give words or fields, or '*' to match every article");
}

BOOST_AUTO_TEST_CASE(entity_fields_resolve_names_aliases_and_ids) {
    for (const char* q : {"person:blinken", "person:Blinken", "person:\"Antony Blinken\"",
                          "person:antony-blinken", "person:BLINKEN"}) {
        BOOST_TEST(contains(parse(q), "XPantony-blinken"), q);
    }
    BOOST_TEST(contains(parse("person:\"Cho Tae-yul\""), "XPcho-tae-yul"));
    BOOST_TEST(contains(parse("person:\"cho tae yul\""), "XPcho-tae-yul"));
    BOOST_TEST(contains(parse("country:KR"), "XCkr"));
    BOOST_TEST(contains(parse("country:\"South Korea\""), "XCkr"));
    BOOST_TEST(contains(parse("country:kor"), "XCkr"));  // ISO alpha-3
    BOOST_TEST(contains(parse("minister:cho"), "XMIcho-tae-yul"));
    BOOST_TEST(contains(parse("role:\"secretary of state\""), "XRsecretary-of-state"));
}

BOOST_AUTO_TEST_CASE(summit_field_takes_the_series_by_its_org_acronym) {
    BOOST_TEST(contains(parse("summit:G20"), "XSg20-summit"));
    BOOST_TEST(contains(parse("summit:g20-2024"), "XSg20-2024"));
    BOOST_TEST(contains(parse("event:\"2+2 meeting\" OR event:kr-us-2plus2"), "XEkr-us-2plus2"));
    BOOST_TEST(contains(error_of("summit:kr-us-2plus2"),
                        "is a meeting, not a summit: use event:kr-us-2plus2"));
}

BOOST_AUTO_TEST_CASE(repeated_entity_filters_are_anded_keywords_ored) {
    const std::string both = parse("person:blinken person:\"Cho Tae-yul\"");
    BOOST_TEST(contains(both, "XPantony-blinken AND XPcho-tae-yul"), both);
    const std::string either = parse("source:\"Attache Wire\" source:harbour-post");
    BOOST_TEST(contains(either, "XSRCattache-wire OR XSRCharbour-post"), either);
}

BOOST_AUTO_TEST_CASE(dates_become_value_ranges) {
    BOOST_TEST(contains(parse("date:2024"), "VALUE_RANGE 0 20240101 20241231"));
    BOOST_TEST(contains(parse("date:2024-02"), "VALUE_RANGE 0 20240201 20240229"));
    BOOST_TEST(contains(parse("date:2024-10-31"), "VALUE_RANGE 0 20241031 20241031"));
    BOOST_TEST(contains(parse("date:2024-10..2024-11"), "VALUE_RANGE 0 20241001 20241130"));
    BOOST_TEST(contains(parse("date:..2024-06"), "VALUE_LE 0 20240630"));
    BOOST_TEST(contains(parse("date:2024-06.."), "VALUE_GE 0 20240601"));
}

BOOST_AUTO_TEST_CASE(errors_point_at_the_problem) {
    BOOST_TEST(error_of("person:blinkn") ==
               "unknown person 'blinkn' in person:blinkn (did you mean 'Antony Blinken'?)");
    BOOST_TEST(contains(error_of("country:Narnia"), "unknown country 'Narnia' in country:Narnia"));
    BOOST_TEST(
        error_of("date:2024-13") ==
        "invalid date '2024-13' in 'date:2024-13' (use YYYY, YYYY-MM, YYYY-MM-DD, A..B for a "
        "range, or today, last-7-days, this-month, last-year...: docs/query-language.md)");
    BOOST_TEST(error_of("date:..") == "empty date range in 'date:..'");
    BOOST_TEST(error_of("\"open phrase") == "unterminated quote at column 1 of the query");
    BOOST_TEST(error_of("a (b OR c") == "unmatched '(' at column 3 of the query");
    BOOST_TEST(error_of("a b)") == "unmatched ')' at column 4 of the query");
    BOOST_TEST(contains(error_of("contry:KR"),
                        "unknown field 'contry:' at column 1 (did you mean 'country:'?)"));
}

BOOST_AUTO_TEST_CASE(syntax_check_leaves_urls_and_quoted_colons_alone) {
    BOOST_CHECK_NO_THROW(check_syntax("https://example.org/x"));
    BOOST_CHECK_NO_THROW(check_syntax("\"note: this\""));
    BOOST_CHECK_NO_THROW(check_syntax("id:https://news.example.org/a"));
    BOOST_CHECK_THROW(check_syntax("foo:bar"), QueryError);
}

BOOST_AUTO_TEST_CASE(unknown_kb_name_falls_back_to_ids_in_the_database) {
    Xapian::Document doc;
    doc.add_boolean_term("XPjane-doe");
    db.add_document(doc);
    db.commit();
    BOOST_TEST(contains(parse("person:\"Jane Doe\""), "XPjane-doe"));
}

BOOST_AUTO_TEST_CASE(mentioned_dates_match_terms_of_their_granularity) {
    BOOST_TEST(parse("mentioned:2024") == "Query(0 * XMY2024)");
    BOOST_TEST(parse("mentioned:2024-10") == "Query(0 * XMM202410)");
    BOOST_TEST(parse("mentioned:2024-10-31") == "Query(0 * XMD20241031)");
    // Ranges read the terms the database has: days inside, months and years wholly inside.
    Xapian::Document doc;
    for (const char* t : {"XMD20241031", "XMD20241102", "XMM202410", "XMM202411", "XMY2024"})
        doc.add_boolean_term(t);
    db.add_document(doc);
    db.commit();
    const std::string range = parse("mentioned:2024-10-15..2024-11-01");
    BOOST_TEST(contains(range, "XMD20241031"), range);
    BOOST_TEST(!contains(range, "XMD20241102"), range);
    BOOST_TEST(!contains(range, "XMM202410"), range);  // October is not wholly inside
    BOOST_TEST(contains(parse("mentioned:2024-10..2024-11"), "XMM202411"));
    BOOST_TEST(contains(parse("mentioned:..2024"), "XMY2024"));
    BOOST_TEST(!contains(parse("mentioned:1990..1991"), "XM"));  // no such terms: nothing
    BOOST_TEST(
        contains(error_of("mentioned:2024-13"), "invalid date '2024-13' in 'mentioned:2024-13'"));
}

BOOST_AUTO_TEST_CASE(relative_dates_count_from_the_pinned_clock) {
    // The fixture's clock is Friday 2024-11-01.
    BOOST_TEST(contains(parse("date:today"), "VALUE_RANGE 0 20241101 20241101"));
    BOOST_TEST(contains(parse("date:yesterday"), "VALUE_RANGE 0 20241031 20241031"));
    BOOST_TEST(contains(parse("date:last-7-days"), "VALUE_RANGE 0 20241026 20241101"));
    BOOST_TEST(contains(parse("date:this-week"), "VALUE_RANGE 0 20241028 20241103"));
    BOOST_TEST(contains(parse("date:last-week"), "VALUE_RANGE 0 20241021 20241027"));
    BOOST_TEST(contains(parse("date:this-month"), "VALUE_RANGE 0 20241101 20241130"));
    BOOST_TEST(contains(parse("date:last-month"), "VALUE_RANGE 0 20241001 20241031"));
    BOOST_TEST(contains(parse("date:last-2-months"), "VALUE_RANGE 0 20240902 20241101"));
    BOOST_TEST(contains(parse("date:this-year"), "VALUE_RANGE 0 20240101 20241231"));
    BOOST_TEST(contains(parse("date:last-year"), "VALUE_RANGE 0 20230101 20231231"));
    BOOST_TEST(contains(parse("date:2024-10..today"), "VALUE_RANGE 0 20241001 20241101"));
    BOOST_TEST(contains(error_of("date:last-0-days"), "invalid date 'last-0-days'"));
}

BOOST_AUTO_TEST_SUITE_END()

// --since takes a date or an article id: the date parser says "not a date" without throwing,
// and the throwing form keeps its message.
BOOST_AUTO_TEST_CASE(date_bounds_parse_without_exceptions_for_callers_that_accept_other_text) {
    const attache::schema::PartialDate now{2024, 11, 1};
    BOOST_TEST(attache::try_date_bound_value("2024-10", false, now).value_or("") == "20241001");
    BOOST_TEST(attache::try_date_bound_value("2024-02", true, now).value_or("") == "20240229");
    BOOST_TEST(attache::try_date_bound_value("2024", true, now).value_or("") == "20241231");
    BOOST_TEST(attache::try_date_bound_value("last-month", false, now).value_or("") == "20241001");
    BOOST_TEST(!attache::try_date_bound_value("att-0048", false, now));
    BOOST_TEST(!attache::try_date_bound_value("2024-13", false, now));
    BOOST_TEST(!attache::try_date_bound_value("last-0-days", false, now));
    try {
        attache::date_bound_value("att-0048", false, "--since att-0048", now);
        BOOST_ERROR("no QueryError");
    } catch (const QueryError& e) {
        BOOST_TEST(
            std::string(e.what()).rfind("invalid date 'att-0048' in '--since att-0048' (", 0) == 0);
    }
}
