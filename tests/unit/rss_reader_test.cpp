#define BOOST_TEST_MODULE rss_reader
#include <boost/test/unit_test.hpp>

#include "reader_test_support.h"

using attache::readers::Format;
using attache::test::contains;
using attache::test::read_with;

namespace {

std::string feed(const std::string& items, const std::string& channel_extra = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
           "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
           "<channel>\n<title>Harbour Wire</title>\n<link>https://wire.example/world/</link>\n"
           "<language>en</language>\n" +
           channel_extra + items + "</channel>\n</rss>\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(item_fields_map_to_the_article) {
    const auto r = read_with(Format::rss,
                             feed("<item>\n<title>Envoys meet in Geneva</title>\n"
                                  "<link>https://wire.example/world/geneva</link>\n"
                                  "<guid isPermaLink=\"false\">wire-1</guid>\n"
                                  "<pubDate>Fri, 01 Nov 2024 09:30:00 +0900</pubDate>\n"
                                  "<dc:creator>Mina Park</dc:creator>\n"
                                  "<description>Short summary.</description>\n"
                                  "</item>\n"),
                             "feed.xml");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    const auto& a = r.articles[0];
    BOOST_TEST(a.title == "Envoys meet in Geneva");
    BOOST_TEST(a.url == "https://wire.example/world/geneva");
    BOOST_TEST(a.id == "wire-1");
    BOOST_TEST(a.published == "Fri, 01 Nov 2024 09:30:00 +0900");
    BOOST_TEST(a.author == "Mina Park");
    BOOST_TEST(a.body == "Short summary.");
    BOOST_TEST(a.source == "Harbour Wire");
    BOOST_TEST(a.lang == "en");
    BOOST_TEST(a.origin == "feed.xml:8");  // the line of <item>
}

BOOST_AUTO_TEST_CASE(content_encoded_in_cdata_wins_over_description) {
    const auto r = read_with(
        Format::rss, feed("<item><title>T</title><description>teaser</description>"
                          "<content:encoded><![CDATA[<p>First <b>bold</b> paragraph &amp; more.</p>"
                          "<div><p>Nested <em>inner</em> one.</p></div><script>var x=1;</script>]]>"
                          "</content:encoded></item>"));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].body == "First bold paragraph & more.\n\nNested inner one.");
}

BOOST_AUTO_TEST_CASE(escaped_html_in_description_and_title_is_decoded) {
    const auto r =
        read_with(Format::rss, feed("<item><title>Talks &amp;amp; trade</title><description>"
                                    "&lt;p&gt;Caf&amp;eacute; diplomacy&amp;nbsp;works&lt;/p&gt;"
                                    "</description></item>"));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title == "Talks & trade");
    BOOST_TEST(contains(r.articles[0].body, "Caf\xC3\xA9 diplomacy"));
}

BOOST_AUTO_TEST_CASE(relative_links_resolve_against_the_channel_link) {
    const auto r = read_with(Format::rss, feed("<item><title>T</title><link>../asia/seoul-talks"
                                               "</link></item>"
                                               "<item><title>U</title><guid>/u</guid></item>"));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 2u);
    BOOST_TEST(r.articles[0].url == "https://wire.example/asia/seoul-talks");
    BOOST_TEST(r.articles[1].url == "https://wire.example/u");  // a guid that is a permalink
}

BOOST_AUTO_TEST_CASE(missing_title_missing_date_and_empty_body) {
    const auto r = read_with(Format::rss, feed("<item><description>Only text.</description></item>"
                                               "<item><title>Only a title</title></item>"
                                               "<item><link>https://x.example/a</link></item>"));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 2u);
    BOOST_TEST(r.articles[0].title.empty());
    BOOST_TEST(r.articles[0].published.empty());
    BOOST_TEST(r.articles[1].body.empty());
    BOOST_REQUIRE_EQUAL(r.rejected.size(), 1u);
    BOOST_TEST(contains(r.rejected[0].reason, "neither a title nor a description"));
}

BOOST_AUTO_TEST_CASE(rss_1_0_rdf_items_are_read) {
    const auto r = read_with(Format::rss,
                             "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                             "xmlns=\"http://purl.org/rss/1.0/\" "
                             "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                             "<channel><title>RDF wire</title></channel>"
                             "<item><title>One</title><dc:date>2024-10-31</dc:date></item>"
                             "</rdf:RDF>");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].published == "2024-10-31");
    BOOST_TEST(r.articles[0].source == "RDF wire");
}

BOOST_AUTO_TEST_CASE(truncated_feed_keeps_the_items_before_the_cut) {
    std::string text = feed(
        "<item><title>One</title></item>\n<item><title>Two</title></item>\n"
        "<item><title>Three</title></item>\n");
    text.resize(text.find("Three") + 2);
    const auto r = read_with(Format::rss, text, "cut.xml");
    BOOST_TEST(r.articles.size() == 2u);
    BOOST_REQUIRE_EQUAL(r.rejected.size(), 1u);
    BOOST_TEST(contains(r.rejected[0].origin, "cut.xml:"));
    BOOST_TEST(contains(r.rejected[0].reason, "the rest of the document is skipped"));
}

BOOST_AUTO_TEST_CASE(entity_bomb_fails_cleanly) {
    const auto r = read_with(Format::rss,
                             attache::test::entity_bomb("<rss><channel><item><title>",
                                                        "</title></item></channel></rss>", "&l9;"),
                             "bomb.xml");
    BOOST_TEST(r.articles.size() <= 1u);
    for (const auto& a : r.articles) BOOST_TEST(a.title.size() < 1000u);  // never expanded
}

BOOST_AUTO_TEST_CASE(binary_garbage_and_another_format_are_rejected) {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 256);
    const auto g = read_with(Format::rss, garbage, "g.bin");
    BOOST_TEST(g.articles.empty());
    BOOST_REQUIRE_EQUAL(g.rejected.size(), 1u);
    const auto atom = read_with(Format::rss, "<feed><entry><title>x</title></entry></feed>");
    BOOST_TEST(atom.articles.empty());
    BOOST_REQUIRE_EQUAL(atom.rejected.size(), 1u);
    BOOST_TEST(contains(atom.rejected[0].reason, "not an RSS feed (root element <feed>)"));
}

BOOST_AUTO_TEST_CASE(latin1_feeds_are_converted_to_utf8) {
    const std::string latin1 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel>"
        "<item><title>S\xE9oul et P\xE9kin</title></item></channel></rss>";
    const auto r = read_with(Format::rss, latin1);
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title == "S\xC3\xA9oul et P\xC3\xA9kin");
    // Mislabelled: declared Latin-1 but really UTF-8; read as UTF-8.
    const std::string mislabelled =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel>"
        "<item><title>S\xC3\xA9oul</title></item></channel></rss>";
    const auto m = read_with(Format::rss, mislabelled);
    BOOST_REQUIRE_EQUAL(m.articles.size(), 1u);
    BOOST_TEST(m.articles[0].title == "S\xC3\xA9oul");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_repaired_and_counted) {
    // A bad byte would stop libxml2 at once; it is replaced before parsing, and counted. The
    // long description puts sequences across the reader's block boundaries.
    std::string long_text;
    for (int i = 0; i < 5000; ++i) long_text += "S\xC3\xA9oul ";
    const auto r = read_with(Format::rss, feed("<item><title>Bad \xFF byte</title><description>" +
                                               long_text + "\xE2\x82</description></item>"));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title == "Bad \xEF\xBF\xBD byte");
    BOOST_TEST(r.repaired == 3u);  // \xFF, and the cut sequence \xE2\x82 byte by byte
    BOOST_TEST(contains(r.articles[0].body, "S\xC3\xA9oul S\xC3\xA9oul"));
}
