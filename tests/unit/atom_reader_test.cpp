#define BOOST_TEST_MODULE atom_reader
#include <boost/test/unit_test.hpp>

#include "reader_test_support.h"

using attache::readers::Format;
using attache::test::contains;
using attache::test::read_with;

namespace {

std::string feed(const std::string& entries) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n"
           "<title>Ministry Notes</title>\n"
           "<link href=\"https://mfa.example/notes/\"/>\n"
           "<link rel=\"self\" href=\"https://mfa.example/notes/atom.xml\"/>\n" +
           entries + "</feed>\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(entry_fields_map_to_the_article) {
    const auto r =
        read_with(Format::atom,
                  feed("<entry>\n<id>urn:notes:7</id>\n<title>Minister visits Hanoi</title>\n"
                       "<link rel=\"alternate\" href=\"hanoi.html\"/>\n"
                       "<link rel=\"enclosure\" href=\"photo.jpg\"/>\n"
                       "<published>2024-10-31T10:00:00+07:00</published>\n"
                       "<updated>2024-11-02T08:00:00Z</updated>\n"
                       "<author><name>Press Office</name></author>\n"
                       "<content type=\"html\">&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;"
                       "</content>\n</entry>\n"),
                  "notes.atom");
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    const auto& a = r.articles[0];
    BOOST_TEST(a.id == "urn:notes:7");
    BOOST_TEST(a.title == "Minister visits Hanoi");
    BOOST_TEST(a.url == "https://mfa.example/notes/hanoi.html");  // relative, resolved
    BOOST_TEST(a.published == "2024-10-31T10:00:00+07:00");
    BOOST_TEST(a.author == "Press Office");
    BOOST_TEST(a.body == "One.\n\nTwo.");
    BOOST_TEST(a.source == "Ministry Notes");
    BOOST_TEST(a.lang == "en");
    BOOST_TEST(a.origin == "notes.atom:6");
}

BOOST_AUTO_TEST_CASE(xhtml_content_with_nested_tags_and_xml_base) {
    const auto r = read_with(
        Format::atom,
        feed("<entry xml:base=\"https://other.example/dir/\"><title type=\"xhtml\">"
             "<div xmlns=\"http://www.w3.org/1999/xhtml\">Deal <i>signed</i></div></title>"
             "<link href=\"page\"/><content type=\"xhtml\"><div "
             "xmlns=\"http://www.w3.org/1999/xhtml\"><p>Para <b>one</b>.</p><ul><li>a</li>"
             "<li>b</li></ul></div></content></entry>"));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title == "Deal signed");
    BOOST_TEST(r.articles[0].url == "https://other.example/dir/page");
    BOOST_TEST(r.articles[0].body == "Para one.\n\na\n\nb");
}

BOOST_AUTO_TEST_CASE(updated_is_the_date_when_published_is_missing_and_summary_the_body) {
    const auto r = read_with(Format::atom, feed("<entry><title>T</title><updated>2024-11-02"
                                                "</updated><summary>Sum.</summary></entry>"
                                                "<entry><title>No date</title></entry>"));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 2u);
    BOOST_TEST(r.articles[0].published == "2024-11-02");
    BOOST_TEST(r.articles[0].body == "Sum.");
    BOOST_TEST(r.articles[1].published.empty());
    BOOST_TEST(r.articles[1].body.empty());
}

BOOST_AUTO_TEST_CASE(cdata_text_content) {
    const auto r = read_with(Format::atom, feed("<entry><title><![CDATA[A < B]]></title>"
                                                "<content><![CDATA[line one\n\nline two]]>"
                                                "</content></entry>"));
    BOOST_REQUIRE_EQUAL(r.articles.size(), 1u);
    BOOST_TEST(r.articles[0].title == "A < B");
    BOOST_TEST(r.articles[0].body == "line one\n\nline two");
}

BOOST_AUTO_TEST_CASE(empty_entries_are_rejected_and_truncation_reported) {
    const auto r = read_with(Format::atom, feed("<entry><id>x</id></entry>"));
    BOOST_TEST(r.articles.empty());
    BOOST_REQUIRE_EQUAL(r.rejected.size(), 1u);
    BOOST_TEST(contains(r.rejected[0].reason, "neither a title nor content"));
    // libxml2 parses in 512-byte chunks: entries before the chunk with the damage are kept.
    const std::string pad(2000, 's');
    std::string cut =
        feed("<entry><title>A</title><summary>" + pad + "</summary></entry>\n" +
             "<entry><title>B</title><summary>" + pad + "</summary></entry>" + "<entry><title>C");
    cut.resize(cut.rfind("</feed>"));
    const auto t = read_with(Format::atom, cut, "cut.atom");
    BOOST_TEST(t.articles.size() == 2u);
    BOOST_REQUIRE_EQUAL(t.rejected.size(), 1u);
    BOOST_TEST(contains(t.rejected[0].origin, "cut.atom:"));
}

BOOST_AUTO_TEST_CASE(entity_bomb_and_wrong_format) {
    const auto b = read_with(
        Format::atom,
        attache::test::entity_bomb("<feed><entry><title>", "</title></entry></feed>", "&l9;"));
    for (const auto& a : b.articles) BOOST_TEST(a.title.size() < 1000u);
    const auto w = read_with(Format::atom, "{\"title\": \"json\"}");
    BOOST_TEST(w.articles.empty());
    BOOST_TEST(w.rejected.size() == 1u);
}
