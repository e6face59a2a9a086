#define BOOST_TEST_MODULE format_detect
#include <boost/test/unit_test.hpp>

#include "indexer/readers/format_detect.h"

using attache::readers::detect_format;
using attache::readers::Format;
using attache::readers::parse_format;

namespace {
std::optional<Format> detect(std::string_view head, std::string_view name = "input") {
    return detect_format(head, name).format;
}
}  // namespace

BOOST_AUTO_TEST_CASE(json_lines_json_documents_and_arrays) {
    BOOST_TEST((detect("{\"title\": \"a\"}\n{\"title\": \"b\"}\n") == Format::jsonl));
    BOOST_TEST((detect("\xEF\xBB\xBF  {\"title\": \"a\"}") == Format::jsonl));
    BOOST_TEST((detect("{\n  \"title\": \"a\"\n}\n") == Format::json));
    // A dump whose first line is broken is still JSON Lines (the reader reports that line).
    BOOST_TEST((detect("{\"title\": \"cut\n{\"title\": \"b\"}\n") == Format::jsonl));
    BOOST_TEST((detect("  [{\"title\": \"a\"}]") == Format::json));
    // A pretty-printed object named .jsonl is still JSON Lines (the reader reports its lines).
    BOOST_TEST((detect("{\n \"a\": 1\n}", "x.jsonl") == Format::jsonl));
}

BOOST_AUTO_TEST_CASE(xml_by_root_element_past_declarations_comments_and_doctype) {
    BOOST_TEST(
        (detect("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">") == Format::rss));
    BOOST_TEST((detect("<rdf:RDF xmlns:rdf=\"x\">") == Format::rss));
    BOOST_TEST((detect("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">") ==
                Format::atom));
    BOOST_TEST((detect("<!DOCTYPE nitf SYSTEM \"nitf.dtd\" [ <!ENTITY x \"y\"> ]>\n<nitf>") ==
                Format::nitf));
    BOOST_TEST(
        (detect("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">") == Format::newsml));
    BOOST_TEST((detect("<newsItem guid=\"x\">") == Format::newsml));
    BOOST_TEST((detect("<NewsML>") == Format::newsml));
    BOOST_TEST((detect("<!DOCTYPE html><html><head>") == Format::html));
    BOOST_TEST((detect("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">") ==
                Format::html));
    BOOST_TEST((detect("<div>fragment</div>") == Format::html));
}

BOOST_AUTO_TEST_CASE(content_beats_the_extension_which_only_breaks_ties) {
    BOOST_TEST((detect("<rss><channel/></rss>", "feed.json") == Format::rss));
    BOOST_TEST((detect("{\"title\": \"a\"}", "story.xml") == Format::jsonl));
    BOOST_TEST((detect("<item><title>x</title></item>", "partial.rss") == Format::rss));
    BOOST_TEST((detect("", "empty.jsonl") == Format::jsonl));
}

BOOST_AUTO_TEST_CASE(text_binary_and_foreign_xml) {
    BOOST_TEST((detect("Title: x\n\nbody") == Format::text));
    BOOST_TEST((detect("Just words.") == Format::text));
    const auto bin = detect_format(std::string("\x01\x02\x03\x00\x05", 5), "x");
    BOOST_TEST(!bin.format);
    BOOST_TEST(bin.why_not == "binary data");
    const auto gz = detect_format("\x1f\x8b\x08\x00rest", "inner.gz");
    BOOST_TEST(!gz.format);
    BOOST_TEST(gz.why_not.find("gzip") != std::string::npos);
    const auto other = detect_format("<?xml version=\"1.0\"?><RBNews/>", "x.xml");
    BOOST_TEST(!other.format);
    BOOST_TEST(other.why_not.find("<RBNews>") != std::string::npos);
    const auto sgml =
        detect_format("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS ID=\"1\">", "x.sgm");
    BOOST_TEST(!sgml.format);
    BOOST_TEST(sgml.why_not.find("<REUTERS>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(format_names) {
    BOOST_TEST((parse_format("NDJSON") == Format::jsonl));
    BOOST_TEST((parse_format("html") == Format::html));
    BOOST_TEST(!parse_format("pdf"));
}
