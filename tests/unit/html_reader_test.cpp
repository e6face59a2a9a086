#define BOOST_TEST_MODULE html_reader
#include <boost/test/unit_test.hpp>

#include "reader_test_support.h"

using attache::readers::Format;
using attache::test::contains;
using attache::test::read_with;

namespace {

const std::string kPage = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Ministers meet | Harbour Wire</title>
<meta property="og:site_name" content="Harbour Wire">
<meta property="article:published_time" content="2024-11-01T09:30:00+09:00">
<meta name="author" content="Mina Park">
<link rel="canonical" href="/world/ministers-meet">
<base href="https://wire.example/">
<script>var tracking = "ignore me";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World news and much more here</a></nav></header>
<div class="share-bar">Share this story on every social network you can name today</div>
<article>
  <h1>Ministers meet in Seoul</h1>
  <p>The foreign ministers of the two countries met in Seoul on Thursday &amp; talked.</p>
  <p>They discussed the <a href="/x">nuclear consultative group</a> and trade links.</p>
  <aside>Related: a completely different story that should not be in the text.</aside>
  <div class="ad-slot">Advertisement with a long enough text to be scored as prose</div>
  <p>Talks will continue next month in Tokyo, officials said after the meeting.</p>
</article>
<footer>Copyright Harbour Wire. All rights reserved, everywhere, always and forever.</footer>
</body></html>
)";

}  // namespace

BOOST_AUTO_TEST_CASE(metadata_and_main_text) {
    const auto r = read_with(Format::html, kPage, "page.html");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    const auto& a = r.articles[0];
    BOOST_TEST(a.title == "Ministers meet in Seoul");  // <h1> before <title> with its site suffix
    BOOST_TEST(a.published == "2024-11-01T09:30:00+09:00");
    BOOST_TEST(a.source == "Harbour Wire");
    BOOST_TEST(a.author == "Mina Park");
    BOOST_TEST(a.url == "https://wire.example/world/ministers-meet");  // relative, via <base>
    BOOST_TEST(a.lang == "en-GB");
    // The headline that opens the article is not repeated in the body.
    BOOST_TEST(a.body ==
               "The foreign ministers of the two countries met in "
               "Seoul on Thursday & talked.\n\nThey discussed the nuclear consultative group and "
               "trade links.\n\nTalks will continue next month in Tokyo, officials said after "
               "the meeting.");
}

BOOST_AUTO_TEST_CASE(json_ld_news_article_supplies_what_meta_tags_lack) {
    const std::string page =
        R"(<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"Envoys sign accord","datePublished":"2024-10-31",
  "author":[{"@type":"Person","name":"Ana Ruiz"}],"publisher":{"@type":"Organization","name":"Wire"},
  "url":"https://wire.example/accord"}]}
</script></head><body><div><p>A short line.</p></div></body></html>)";
    const auto r = read_with(Format::html, page);
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    const auto& a = r.articles[0];
    BOOST_TEST(a.title == "Envoys sign accord");
    BOOST_TEST(a.published == "2024-10-31");
    BOOST_TEST(a.author == "Ana Ruiz");
    BOOST_TEST(a.source == "Wire");
    BOOST_TEST(a.url == "https://wire.example/accord");
}

BOOST_AUTO_TEST_CASE(article_body_marker_and_largest_block_without_article_element) {
    const std::string marked =
        "<html><body><div><p>Menu text that is long enough to be prose in a page.</p></div>"
        "<div itemprop=\"articleBody\"><p>The marked body is what counts here, and it is "
        "long enough to pass.</p><p>Second paragraph of the marked body.</p></div></body></html>";
    const auto m = read_with(Format::html, marked);
    BOOST_REQUIRE_EQUAL(m.articles.size(), 1u);
    BOOST_TEST(m.articles[0].body.rfind("The marked body", 0) == 0);
    BOOST_TEST(!contains(m.articles[0].body, "Menu"));
    const std::string blocks =
        "<html><body><div id=\"side\"><p>Short.</p></div><div id=\"story\">"
        "<p>The first paragraph of the story is comfortably longer than thirty characters.</p>"
        "<p>The second paragraph of the story is also comfortably long enough.</p></div>"
        "</body></html>";
    const auto b = read_with(Format::html, blocks);
    BOOST_REQUIRE_EQUAL(b.articles.size(), 1u);
    BOOST_TEST(!contains(b.articles[0].body, "Short."));
    BOOST_TEST(contains(b.articles[0].body, "second paragraph"));
}

BOOST_AUTO_TEST_CASE(missing_title_missing_date_and_empty_page) {
    const auto r = read_with(Format::html,
                             "<html><body><p>Only some body text in this page, "
                             "no title at all.</p></body></html>");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title.empty());
    BOOST_TEST(r.articles[0].published.empty());
    const auto e = read_with(Format::html, "<html><body><script>x()</script></body></html>", "e");
    BOOST_TEST(e.articles.empty());
    BOOST_REQUIRE_EQUAL(e.rejected.size(), 1u);
    BOOST_TEST(contains(e.rejected[0].reason, "neither a title nor any text"));
    const auto blank = read_with(Format::html, "  \n");
    BOOST_TEST(blank.articles.empty());
    BOOST_TEST(blank.rejected.empty());
}

BOOST_AUTO_TEST_CASE(declared_charset_is_converted_and_bad_utf8_repaired) {
    const auto latin = read_with(Format::html,
                                 "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9 "
                                 "talks</title></head><body></body></html>");
    BOOST_REQUIRE_EQUAL(latin.articles.size(), 1u);
    BOOST_TEST(latin.articles[0].title == "Caf\xC3\xA9 talks");
    const auto bad = read_with(Format::html,
                               "<html><head><title>Bad \xFF byte</title></head>"
                               "<body></body></html>");
    BOOST_REQUIRE_EQUAL(bad.articles.size(), 1u);
    BOOST_TEST(bad.repaired == 1u);
    BOOST_TEST(bad.articles[0].title == "Bad \xEF\xBF\xBD byte");
}

BOOST_AUTO_TEST_CASE(truncated_page_garbage_and_oversized_page) {
    std::string cut = kPage.substr(0, kPage.find("Talks will") + 5);
    const auto t = read_with(Format::html, cut);
    BOOST_REQUIRE_EQUAL(t.articles.size(), 1u);  // HTML parsers recover: what is there is read
    BOOST_TEST(contains(t.articles[0].body, "trade links"));
    std::string garbage(3000, '\0');
    for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>(i * 131 % 256);
    const auto g = read_with(Format::html, garbage);  // no crash; whatever it finds is text
    BOOST_TEST(g.articles.size() + g.rejected.size() == 1u);
    attache::readers::ReaderOptions small;
    small.max_record_bytes = 100;
    const auto big = read_with(Format::html, kPage, "big.html", small);
    BOOST_TEST(big.articles.empty());
    BOOST_REQUIRE_EQUAL(big.rejected.size(), 1u);
    BOOST_TEST(contains(big.rejected[0].reason, "record limit"));
}
