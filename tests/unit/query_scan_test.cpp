#define BOOST_TEST_MODULE query_scan
#include "searcher/query_scan.h"

#include <boost/test/unit_test.hpp>

#include "common/errors.h"
#include "searcher/query_parser.h"

using attache::QueryScan;
using attache::QueryToken;
using Kind = attache::QueryToken::Kind;

namespace {

// "bare:person:x blank:  quoted:\"a b\"" - one entry per token, kind and exact text, so a test
// shows the whole split at a glance.
std::string split(const std::string& query) {
    const QueryScan scan(query);
    std::string out;
    size_t at = 0;
    for (const QueryToken& t : scan.tokens()) {
        BOOST_TEST(t.begin == at);  // the tokens tile the query
        BOOST_TEST(t.text == std::string_view(query).substr(t.begin, t.end - t.begin));
        at = t.end;
        if (!out.empty()) out += ' ';
        switch (t.kind) {
            case Kind::blank:
                out += "_";
                continue;
            case Kind::open_paren:
                out += "(";
                continue;
            case Kind::close_paren:
                out += ")";
                continue;
            case Kind::quoted:
                out += t.closed ? "Q[" : "Q?[";
                break;
            case Kind::bare:
                out += "[";
                break;
        }
        out += std::string(t.text) + "]";
    }
    BOOST_TEST(at == query.size());
    return out;
}

std::string fields(const std::string& query) {
    const QueryScan scan(query);
    std::string out;
    for (const auto& f : scan.field_names())
        out += std::string(f.name) + "@" + std::to_string(f.begin) + " ";
    return out;
}

std::string syntax_error(const std::string& query) {
    try {
        attache::check_query_syntax(attache::QueryScan(query));
    } catch (const attache::QueryError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(query_scan)

BOOST_AUTO_TEST_CASE(splits_blanks_parentheses_quotes_and_bare_runs) {
    BOOST_TEST(split("") == "");
    BOOST_TEST(split("DPRK sanctions") == "[DPRK] _ [sanctions]");
    BOOST_TEST(split("(a OR b)") == "( [a] _ [OR] _ [b] )");
    BOOST_TEST(split("\"North Korea\" talks") == "Q[\"North Korea\"] _ [talks]");
    BOOST_TEST(split("a \t\r\nb") == "[a] _ [b]");
    BOOST_TEST(split("-country:KP +x") == "[-country:KP] _ [+x]");
    BOOST_TEST(split("negotiat* *") == "[negotiat*] _ [*]");
}

BOOST_AUTO_TEST_CASE(a_quote_inside_a_word_opens_a_span) {
    BOOST_TEST(split("title:\"a b\" x") == "[title:] Q[\"a b\"] _ [x]");
    BOOST_TEST(split("ab\"cd ef\"gh") == "[ab] Q[\"cd ef\"] [gh]");
    BOOST_TEST(split("\"(not a group)\"") == "Q[\"(not a group)\"]");
    const QueryScan scan("title:\"a b\" x*");
    BOOST_TEST(scan.runs_into_quote(0));
    BOOST_TEST(!scan.runs_into_quote(1));
    BOOST_TEST(!scan.runs_into_quote(3));
}

BOOST_AUTO_TEST_CASE(an_unterminated_quote_runs_to_the_end) {
    BOOST_TEST(split("\"open phrase") == "Q?[\"open phrase]");
    BOOST_TEST(split("a \"b\" \"c (d") == "[a] _ Q[\"b\"] _ Q?[\"c (d]");
    BOOST_TEST(split("x\"") == "[x] Q?[\"]");
    BOOST_TEST(syntax_error("a \"b\" \"c (d") == "unterminated quote at column 7 of the query");
}

BOOST_AUTO_TEST_CASE(field_names_start_a_word_or_follow_a_bracket_or_sign) {
    BOOST_TEST(fields("person:blinken") == "person@0 ");
    BOOST_TEST(fields("(country:KP OR -org:nato +person:x)") == "country@1 org@16 person@26 ");
    BOOST_TEST(fields("a person:x-foo:bar") == "person@2 foo@11 ");
    BOOST_TEST(fields("x:y 2024:x a.b:c") == "x@0 ");
    BOOST_TEST(fields("a\tperson:x") == "");  // only a space separates a field name
    BOOST_TEST(fields("\"note: this\" title:\"a: b\"") == "title@13 ");
    BOOST_TEST(syntax_error("a person:x-foo:bar") ==
               "unknown field 'foo:' at column 12; put the words in quotes to search for them");
}

BOOST_AUTO_TEST_CASE(urls_are_text_not_fields) {
    BOOST_TEST(fields("https://example.org/x") == "");
    BOOST_TEST(fields("id:https://news.example.org/a") == "id@0 ");
    BOOST_TEST(split("id:https://news.example.org/a") == "[id:https://news.example.org/a]");
    BOOST_TEST(syntax_error("see http://example.org") == "(no error)");
}

BOOST_AUTO_TEST_CASE(unicode_is_bare_text_with_byte_offsets) {
    // "Côte d’Ivoire": typographic quotes are text, not query quotes; offsets count bytes.
    BOOST_TEST(split("C\xC3\xB4te d\xE2\x80\x99Ivoire") == "[C\xC3\xB4te] _ [d\xE2\x80\x99Ivoire]");
    BOOST_TEST(split("\xE2\x80\x9CSeoul\xE2\x80\x9D") == "[\xE2\x80\x9CSeoul\xE2\x80\x9D]");
    BOOST_TEST(fields("\xC3\xA9t\xC3\xA9 foo:bar") == "foo@6 ");
    BOOST_TEST(syntax_error("\xC3\xA9t\xC3\xA9 (x") == "unmatched '(' at column 7 of the query");
}

BOOST_AUTO_TEST_CASE(parentheses_are_checked_in_order_with_fields) {
    BOOST_TEST(syntax_error("a) foo:bar") == "unmatched ')' at column 2 of the query");
    BOOST_TEST(syntax_error("foo:bar )") ==
               "unknown field 'foo:' at column 1; put the words in quotes to search for them");
    BOOST_TEST(syntax_error("(a (b) c") == "unmatched '(' at column 1 of the query");
    BOOST_TEST(syntax_error("year:2024") == "'year:' is a facet, not a query field: use date:2024");
    BOOST_TEST(syntax_error("\"(\" a") == "(no error)");
}

BOOST_AUTO_TEST_CASE(edits_replace_spans_of_the_query) {
    using attache::QueryEdit;
    BOOST_TEST(attache::apply_edits("a b c", {}) == "a b c");
    BOOST_TEST(attache::apply_edits("a b c", {QueryEdit{4, 5, "(c OR x)"}, QueryEdit{0, 1, "A"}}) ==
               "A b (c OR x)");
}

BOOST_AUTO_TEST_SUITE_END()
