#define BOOST_TEST_MODULE text_reader
#include <boost/test/unit_test.hpp>

#include "reader_test_support.h"

using attache::readers::Format;
using attache::test::contains;
using attache::test::read_with;

BOOST_AUTO_TEST_CASE(header_block_sets_the_fields) {
    const auto r = read_with(Format::text,
                             "Title: Ministers meet\nDate: 2024-11-01\nSource: Harbour Wire\n"
                             "URL: https://wire.example/a\nAuthor: Mina Park\nLang: en\n\n"
                             "First paragraph\nwrapped here.\n\n\nSecond paragraph.\n",
                             "note.txt");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    const auto& a = r.articles[0];
    BOOST_TEST(a.title == "Ministers meet");
    BOOST_TEST(a.published == "2024-11-01");
    BOOST_TEST(a.source == "Harbour Wire");
    BOOST_TEST(a.url == "https://wire.example/a");
    BOOST_TEST(a.author == "Mina Park");
    BOOST_TEST(a.lang == "en");
    BOOST_TEST(a.body == "First paragraph wrapped here.\n\nSecond paragraph.");
    BOOST_TEST(a.origin == "note.txt:1");
}

BOOST_AUTO_TEST_CASE(without_a_header_the_first_line_is_the_title) {
    const auto r = read_with(Format::text, "\r\nEnvoys meet\r\n\r\nBody: with a colon.\r\n");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title == "Envoys meet");
    BOOST_TEST(r.articles[0].published.empty());
    BOOST_TEST(r.articles[0].body == "Body: with a colon.");
    // A line with an unknown key is not a header.
    const auto u = read_with(Format::text, "Note: this is prose\nand more\n");
    BOOST_REQUIRE_EQUAL(u.articles.size(), 1u);
    BOOST_TEST(u.articles[0].title == "Note: this is prose");
}

BOOST_AUTO_TEST_CASE(header_without_title_or_body) {
    const auto r = read_with(Format::text, "Date: 2024-11-01\n\nJust a body.\n");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title.empty());
    const auto h = read_with(Format::text, "Title: Only a title\n");
    BOOST_REQUIRE_EQUAL(h.articles.size(), 1u);
    BOOST_TEST(h.articles[0].body.empty());
    const auto e = read_with(Format::text, "Date: 2024-11-01\nSource: x\n", "e.txt");
    BOOST_TEST(e.articles.empty());
    BOOST_REQUIRE_EQUAL(e.rejected.size(), 1u);
    BOOST_TEST(contains(e.rejected[0].reason, "neither a title nor a body"));
    BOOST_TEST(read_with(Format::text, "").articles.empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_repaired_and_counted_and_size_capped) {
    const auto r = read_with(Format::text, "Caf\xE9 talks\n\nbody \xC3\n");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.repaired == 2u);
    attache::readers::ReaderOptions small;
    small.max_record_bytes = 10;
    const auto big = read_with(Format::text, std::string(100, 'x'), "big.txt", small);
    BOOST_TEST(big.articles.empty());
    BOOST_REQUIRE_EQUAL(big.rejected.size(), 1u);
    BOOST_TEST(contains(big.rejected[0].reason, "record limit"));
}
