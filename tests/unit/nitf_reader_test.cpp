#define BOOST_TEST_MODULE nitf_reader
#include <boost/test/unit_test.hpp>

#include "indexer/readers/nitf_reader.h"
#include "reader_test_support.h"

using attache::readers::expand_basic_iso_date;
using attache::readers::Format;
using attache::test::contains;
using attache::test::read_with;

namespace {

const std::string kDoc = R"(<?xml version="1.0" encoding="utf-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="en">
  <head>
    <title>Fallback title</title>
    <docdata>
      <doc-id id-string="wire-2024-1101-07"/>
      <date.issue norm="20241101T093000+0900"/>
      <doc.copyright holder="Harbour Wire"/>
    </docdata>
    <pubdata type="web" name="Harbour Wire Online" ex-ref="https://wire.example/a/7"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Ministers agree on trilateral hotline</hl1><hl2>Subhead</hl2></hedline>
      <byline>By <person>Mina Park</person><byttl>Diplomatic Correspondent</byttl></byline>
      <distributor>Harbour Wire</distributor>
    </body.head>
    <body.content>
      <p>SEOUL (HW) - The <b>foreign ministers</b> met on Thursday.</p>
      <block><p>They agreed on a <a href="/x">hotline</a>.</p></block>
      <p><![CDATA[Talks <continue> next month.]]></p>
    </body.content>
  </body>
</nitf>
)";

}  // namespace

BOOST_AUTO_TEST_CASE(head_and_body_map_to_the_article) {
    const auto r = read_with(Format::nitf, kDoc, "story.xml");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    const auto& a = r.articles[0];
    BOOST_TEST(a.id == "wire-2024-1101-07");
    BOOST_TEST(a.title == "Ministers agree on trilateral hotline");
    BOOST_TEST(a.published == "2024-11-01T09:30:00+09:00");
    BOOST_TEST(a.source == "Harbour Wire Online");
    BOOST_TEST(a.url == "https://wire.example/a/7");
    BOOST_TEST(a.author == "Mina Park");
    BOOST_TEST(a.lang == "en");
    BOOST_TEST(a.body ==
               "SEOUL (HW) - The foreign ministers met on Thursday.\n\nThey agreed on a "
               "hotline.\n\nTalks <continue> next month.");
    BOOST_TEST(a.origin == "story.xml:2");
}

BOOST_AUTO_TEST_CASE(missing_headline_falls_back_and_missing_date_stays_empty) {
    std::string doc = kDoc;
    doc.erase(doc.find("<hedline>"), doc.find("</hedline>") + 10 - doc.find("<hedline>"));
    doc.erase(doc.find("<date.issue"),
              doc.find("/>", doc.find("<date.issue")) + 2 - doc.find("<date.issue"));
    const auto r = read_with(Format::nitf, doc);
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title == "Fallback title");
    BOOST_TEST(r.articles[0].published.empty());
}

BOOST_AUTO_TEST_CASE(empty_document_is_rejected) {
    const auto r = read_with(Format::nitf, "<nitf><head/><body/></nitf>", "empty.xml");
    BOOST_TEST(r.articles.empty());
    BOOST_REQUIRE_EQUAL(r.rejected.size(), 1u);
    BOOST_TEST(r.rejected[0].origin == "empty.xml:1");
}

BOOST_AUTO_TEST_CASE(truncated_bomb_and_wrong_format) {
    const auto t = read_with(Format::nitf, kDoc.substr(0, kDoc.size() / 2), "cut.xml");
    BOOST_TEST(t.articles.empty());
    BOOST_REQUIRE_EQUAL(t.rejected.size(), 1u);
    BOOST_TEST(contains(t.rejected[0].origin, "cut.xml:"));
    const auto b = read_with(
        Format::nitf, attache::test::entity_bomb("<nitf><body><body.content><p>",
                                                 "</p></body.content></body></nitf>", "&l9;"));
    for (const auto& a : b.articles) BOOST_TEST(a.body.size() < 1000u);
    const auto w = read_with(Format::nitf, "<rss><channel/></rss>");
    BOOST_REQUIRE_EQUAL(w.rejected.size(), 1u);
    BOOST_TEST(contains(w.rejected[0].reason, "not an NITF document"));
}

BOOST_AUTO_TEST_CASE(basic_iso_dates_are_expanded) {
    BOOST_TEST(expand_basic_iso_date("20151210T191044Z") == "2015-12-10T19:10:44Z");
    BOOST_TEST(expand_basic_iso_date("20131020T192751+1100") == "2013-10-20T19:27:51+11:00");
    BOOST_TEST(expand_basic_iso_date("20141126T152703") == "2014-11-26T15:27:03");
    BOOST_TEST(expand_basic_iso_date("2024-11-01") == "2024-11-01");
    BOOST_TEST(expand_basic_iso_date("Nov. 1, 2024") == "Nov. 1, 2024");
}
