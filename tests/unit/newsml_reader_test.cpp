#define BOOST_TEST_MODULE newsml_reader
#include <boost/test/unit_test.hpp>

#include "reader_test_support.h"

using attache::readers::Format;
using attache::test::contains;
using attache::test::read_with;

namespace {

std::string item(const std::string& guid, const std::string& cls, const std::string& content,
                 const std::string& body) {
    return "<newsItem guid=\"" + guid +
           "\" standard=\"NewsML-G2\" xml:lang=\"en\">"
           "<itemMeta><itemClass qcode=\"" +
           cls +
           "\"/><provider literal=\"harbourwire\">"
           "<name>Harbour Wire</name></provider><versionCreated>2024-11-02T01:00:00Z"
           "</versionCreated><firstCreated>2024-11-01T00:30:00Z</firstCreated></itemMeta>"
           "<contentMeta>" +
           content + "</contentMeta><contentSet>" + body + "</contentSet></newsItem>\n";
}

std::string message(const std::string& items) {
    return "<?xml version=\"1.0\"?>\n<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
           "<header><sent>2024-11-02T01:00:00Z</sent></header>\n<itemSet>\n" +
           items + "</itemSet></newsMessage>\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(text_items_map_and_pictures_are_passed_over) {
    const auto r = read_with(
        Format::newsml,
        message(item("urn:hw:1", "ninat:text",
                     "<headline>Allies open consultative group</headline><by>Mina Park</by>"
                     "<language tag=\"en-GB\"/>",
                     "<inlineXML contenttype=\"application/xhtml+xml\"><html "
                     "xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head><body>"
                     "<h1>Allies</h1><p>First <b>para</b>.</p><p>Second.</p></body></html>"
                     "</inlineXML>") +
                item("urn:hw:2", "ninat:picture", "<headline>A photo</headline>", "")),
        "g2.xml");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.rejected.empty());
    const auto& a = r.articles[0];
    BOOST_TEST(a.id == "urn:hw:1");
    BOOST_TEST(a.title == "Allies open consultative group");
    BOOST_TEST(a.published == "2024-11-01T00:30:00Z");  // firstCreated
    BOOST_TEST(a.source == "Harbour Wire");
    BOOST_TEST(a.author == "Mina Park");
    BOOST_TEST(a.lang == "en-GB");
    BOOST_TEST(a.body == "Allies\n\nFirst para.\n\nSecond.");
    BOOST_TEST(a.origin == "g2.xml:4");
}

BOOST_AUTO_TEST_CASE(nitf_inside_inline_xml_and_inline_data) {
    const auto r = read_with(
        Format::newsml,
        message(item("a", "ninat:text", "<headline>N</headline>",
                     "<inlineXML><nitf><body><body.head><hedline><hl1>H</hl1></hedline>"
                     "</body.head><body.content><p>Body one.</p></body.content></body></nitf>"
                     "</inlineXML>") +
                item("b", "ninat:text", "", "<inlineData>Plain words.</inlineData>")));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 2u);
    BOOST_TEST(r.articles[0].body == "Body one.");
    BOOST_TEST(r.articles[1].title.empty());  // missing headline
    BOOST_TEST(r.articles[1].body == "Plain words.");
}

BOOST_AUTO_TEST_CASE(empty_item_truncation_and_bomb) {
    const auto e = read_with(Format::newsml, message(item("e", "ninat:text", "", "")));
    BOOST_TEST(e.articles.empty());
    BOOST_REQUIRE_EQUAL(e.rejected.size(), 1u);
    BOOST_TEST(contains(e.rejected[0].reason, "neither a headline nor a body"));
    std::string doc = message(item("a", "ninat:text", "<headline>One</headline>", "") +
                              item("b", "ninat:text", "<headline>Two</headline>", ""));
    doc.resize(doc.find("Two"));
    const auto t = read_with(Format::newsml, doc);
    BOOST_TEST(t.articles.size() == 1u);
    BOOST_TEST(t.rejected.size() == 1u);
    const auto b = read_with(
        Format::newsml, attache::test::entity_bomb("<newsItem><contentMeta><headline>",
                                                   "</headline></contentMeta></newsItem>", "&l9;"));
    for (const auto& a : b.articles) BOOST_TEST(a.title.size() < 1000u);
}

BOOST_AUTO_TEST_CASE(newsml_1_items) {
    const auto r = read_with(
        Format::newsml,
        "<NewsML><NewsItem><Identification><NewsIdentifier><PublicIdentifier>urn:x:1"
        "</PublicIdentifier></NewsIdentifier></Identification><NewsManagement><FirstCreated>"
        "20240710T125902Z</FirstCreated></NewsManagement><NewsComponent><NewsLines><HeadLine>"
        "Old format</HeadLine></NewsLines><DescriptiveMetadata><Language FormalName=\"fr\"/>"
        "</DescriptiveMetadata><ContentItem><DataContent><p>Texte.</p></DataContent>"
        "</ContentItem></NewsComponent></NewsItem></NewsML>");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].id == "urn:x:1");
    BOOST_TEST(r.articles[0].published == "2024-07-10T12:59:02Z");
    BOOST_TEST(r.articles[0].lang == "fr");
    BOOST_TEST(r.articles[0].body == "Texte.");
}
