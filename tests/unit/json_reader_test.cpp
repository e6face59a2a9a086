#define BOOST_TEST_MODULE json_reader
#include <boost/test/unit_test.hpp>

#include "common/errors.h"
#include "indexer/readers/json_article.h"
#include "reader_test_support.h"

using attache::readers::Format;
using attache::readers::ReaderOptions;
using attache::test::contains;
using attache::test::read_with;

BOOST_AUTO_TEST_CASE(arrays_are_streamed_element_by_element) {
    const auto r = read_with(Format::json,
                             "[\n  {\"title\": \"One\", \"body\": \"a [b] {c}, \\\"d\\\"\"},\n"
                             "  {\"headline\": \"Two\", \"maintext\": \"x\"},\n"
                             "  42,\n"
                             "  {\"id\": \"no-text\"}\n]\n",
                             "dump.json");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 2u);
    BOOST_TEST(r.articles[0].body == "a [b] {c}, \"d\"");
    BOOST_TEST(r.articles[0].origin == "dump.json:2 (element 1)");
    BOOST_TEST(r.articles[1].title == "Two");
    BOOST_REQUIRE_EQUAL(r.rejected.size(), 2u);
    BOOST_TEST(r.rejected[0].origin == "dump.json:4 (element 3)");
    BOOST_TEST(contains(r.rejected[0].reason, "expected a JSON object"));
    BOOST_TEST(contains(r.rejected[1].reason, "neither a title nor a body"));
}

BOOST_AUTO_TEST_CASE(objects_holding_a_list_and_single_objects) {
    const auto list = read_with(Format::json,
                                "{\"status\": \"ok\", \"articles\": [{\"title\": \"A\", "
                                "\"source\": {\"id\": null, \"name\": \"Wire\"}}, "
                                "{\"title\": \"B\"}]}");
    BOOST_REQUIRE_EQUAL(list.articles.size(), 2u);
    BOOST_TEST(list.articles[0].source == "Wire");
    const auto one = read_with(Format::json, "{\n \"title\": \"Solo\",\n \"body\": \"x\"\n}");
    BOOST_REQUIRE_EQUAL(one.articles.size(), 1u);
    BOOST_TEST(one.articles[0].title == "Solo");
}

BOOST_AUTO_TEST_CASE(map_rules_take_nested_paths_before_the_built_in_names) {
    ReaderOptions options;
    options.json_map = {{"title", "meta.headline.main"},
                        {"published", "meta.dates.0"},
                        {"body", "content.paragraphs"}};
    const auto r = read_with(Format::json,
                             "[{\"title\": \"ignored\", \"meta\": {\"headline\": {\"main\": "
                             "\"Nested title\"}, \"dates\": [\"2024-11-01\", \"2024-11-02\"]}, "
                             "\"content\": {\"paragraphs\": [\"p1\", \"p2\"]}}]",
                             "m.json", options);
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title == "Nested title");
    BOOST_TEST(r.articles[0].published == "2024-11-01");
    BOOST_TEST(r.articles[0].body == "p1, p2");
    using Rules = std::vector<std::pair<std::string, std::string>>;
    BOOST_CHECK_THROW(attache::readers::JsonFieldMap(Rules{{"colour", "a"}}), attache::UsageError);
    BOOST_CHECK_THROW(attache::readers::JsonFieldMap(Rules{{"title", "a..b"}}),
                      attache::UsageError);
}

BOOST_AUTO_TEST_CASE(html_bodies_are_turned_into_text) {
    const auto r = read_with(Format::json,
                             "[{\"headline\": \"H\", \"body_html\": \"<p>One &amp; two</p>"
                             "<p>Three</p>\"}]");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].body == "One & two\n\nThree");
}

BOOST_AUTO_TEST_CASE(truncated_arrays_oversized_elements_and_garbage) {
    const auto t = read_with(Format::json, "[{\"title\": \"A\"}, {\"title\": \"B", "cut.json");
    BOOST_REQUIRE_EQUAL(t.articles.size(), 1u);
    BOOST_REQUIRE_EQUAL(t.rejected.size(), 1u);
    BOOST_TEST(contains(t.rejected[0].reason, "truncated"));
    const auto open = read_with(Format::json, "[{\"title\": \"A\"},", "open.json");
    BOOST_TEST(open.articles.size() == 1u);
    BOOST_REQUIRE_EQUAL(open.rejected.size(), 1u);
    BOOST_TEST(contains(open.rejected[0].reason, "not closed"));
    ReaderOptions small;
    small.max_record_bytes = 64;
    const auto big = read_with(Format::json,
                               "[{\"title\": \"" + std::string(500, 'x') +
                                   "\"}, {\"title\": "
                                   "\"after\"}]",
                               "big.json", small);
    BOOST_REQUIRE_EQUAL(big.articles.size(), 1u);
    BOOST_TEST(big.articles[0].title == "after");
    BOOST_REQUIRE_EQUAL(big.rejected.size(), 1u);
    BOOST_TEST(contains(big.rejected[0].reason, "record limit"));
    const auto g = read_with(Format::json, "{not json at all", "g.json");
    BOOST_TEST(g.articles.empty());
    BOOST_REQUIRE_EQUAL(g.rejected.size(), 1u);
    BOOST_TEST(contains(g.rejected[0].reason, "invalid JSON"));
    const auto wrong = read_with(Format::json, "<rss></rss>");
    BOOST_TEST(wrong.articles.empty());
    BOOST_TEST(wrong.rejected.size() == 1u);
}

BOOST_AUTO_TEST_CASE(empty_array_and_empty_input) {
    BOOST_TEST(read_with(Format::json, "[ ]").articles.empty());
    BOOST_TEST(read_with(Format::json, "[ ]").rejected.empty());
    BOOST_TEST(read_with(Format::json, "").rejected.size() == 1u);  // not a JSON document
}

BOOST_AUTO_TEST_CASE(numbers_out_of_range_are_rejected_not_thrown) {
    // Found by fuzz_json: nlohmann throws out_of_range, not parse_error, for such numbers.
    const auto doc = read_with(Format::json, "1e99999", "n.json");
    BOOST_TEST(doc.articles.empty());
    BOOST_TEST(doc.rejected.size() == 1u);
    const auto line = read_with(Format::jsonl, "{\"title\": 1e99999}\n{\"title\": \"ok\"}\n");
    BOOST_TEST(line.articles.size() == 1u);
    BOOST_TEST(line.rejected.size() == 1u);
}
