#define BOOST_TEST_MODULE jsonl_reader
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "indexer/readers/jsonl_reader.h"

using attache::Article;
using attache::RejectedRecord;
using attache::readers::JsonlReader;
using attache::readers::parse_json_article;

namespace {

struct ReadAll {
    std::vector<Article> articles;
    std::vector<RejectedRecord> rejected;
    size_t repaired = 0;
    size_t lines = 0;
};

ReadAll read_all(const std::string& text, const std::string& name = "dump.jsonl") {
    std::istringstream in(text);
    JsonlReader reader(in, name);
    ReadAll out;
    while (true) {
        auto rec = reader.next();
        if (std::holds_alternative<std::monostate>(rec)) break;
        if (auto* a = std::get_if<Article>(&rec)) out.articles.push_back(std::move(*a));
        if (auto* r = std::get_if<RejectedRecord>(&rec)) out.rejected.push_back(std::move(*r));
    }
    out.repaired = reader.repaired();
    out.lines = reader.line();
    return out;
}

Article one_article(const std::string& line) {
    const ReadAll all = read_all(line);
    BOOST_REQUIRE_EQUAL(all.articles.size(), 1u);
    BOOST_REQUIRE(all.rejected.empty());
    return all.articles.front();
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jsonl_reader)

BOOST_AUTO_TEST_CASE(standard_fields) {
    const Article a = one_article(
        R"({"id":"a1","title":"T","body":"B","published":"2024-11-01","url":"https://x/1","source":"Yonhap","lang":"en","author":"Kim"})");
    BOOST_TEST(a.id == "a1");
    BOOST_TEST(a.title == "T");
    BOOST_TEST(a.body == "B");
    BOOST_TEST(a.published == "2024-11-01");
    BOOST_TEST(a.url == "https://x/1");
    BOOST_TEST(a.source == "Yonhap");
    BOOST_TEST(a.lang == "en");
    BOOST_TEST(a.author == "Kim");
    BOOST_TEST(a.origin == "dump.jsonl:1");
}

BOOST_AUTO_TEST_CASE(alternative_field_names) {
    const Article a = one_article(
        R"({"headline":"H","text":"X","pubDate":"Fri, 01 Nov 2024 09:30:00 +0900","link":"https://x/2"})");
    BOOST_TEST(a.title == "H");
    BOOST_TEST(a.body == "X");
    BOOST_TEST(a.published == "Fri, 01 Nov 2024 09:30:00 +0900");
    BOOST_TEST(a.url == "https://x/2");
    BOOST_TEST(one_article(R"({"title":"t","content":"C"})").body == "C");
    BOOST_TEST(one_article(R"({"title":"t","maintext":"M"})").body == "M");
    BOOST_TEST(one_article(R"({"title":"t","date_publish":"2024-11-01 09:30:00"})").published ==
               "2024-11-01 09:30:00");
}

BOOST_AUTO_TEST_CASE(first_non_empty_field_wins) {
    const Article a = one_article(R"({"title":"  ","headline":"Real","body":"","text":"Body"})");
    BOOST_TEST(a.title == "Real");
    BOOST_TEST(a.body == "Body");
}

BOOST_AUTO_TEST_CASE(source_object_uses_its_name) {
    const Article a = one_article(R"({"title":"t","source":{"id":"reuters","name":"Reuters"}})");
    BOOST_TEST(a.source == "Reuters");
}

BOOST_AUTO_TEST_CASE(authors_array_is_joined) {
    BOOST_TEST(one_article(R"({"title":"t","authors":["Kim","Lee"]})").author == "Kim, Lee");
    BOOST_TEST(one_article(R"({"title":"t","authors":[{"name":"A"},"",{"name":"B"}]})").author ==
               "A, B");
}

BOOST_AUTO_TEST_CASE(numeric_values_become_text) {
    const Article a = one_article(R"({"id":12345,"title":"t","timestamp":1730453400})");
    BOOST_TEST(a.id == "12345");
    BOOST_TEST(a.published == "1730453400");
}

BOOST_AUTO_TEST_CASE(text_is_trimmed) {
    const Article a = one_article(R"({"title":"  Spaced title \n","body":"b"})");
    BOOST_TEST(a.title == "Spaced title");
}

BOOST_AUTO_TEST_CASE(blank_lines_are_skipped_but_counted) {
    const ReadAll all = read_all("\n{\"title\":\"a\"}\n  \t\n\n{\"title\":\"b\"}\n");
    BOOST_REQUIRE_EQUAL(all.articles.size(), 2u);
    BOOST_TEST(all.articles[0].origin == "dump.jsonl:2");
    BOOST_TEST(all.articles[1].origin == "dump.jsonl:5");
    BOOST_TEST(all.rejected.empty());
    BOOST_TEST(all.lines == 5u);
}

BOOST_AUTO_TEST_CASE(crlf_line_endings) {
    const ReadAll all = read_all("{\"title\":\"a\",\"body\":\"x\"}\r\n\r\n{\"title\":\"b\"}\r\n");
    BOOST_REQUIRE_EQUAL(all.articles.size(), 2u);
    BOOST_TEST(all.articles[0].body == "x");
    BOOST_TEST(all.articles[1].title == "b");
    BOOST_TEST(all.articles[1].origin == "dump.jsonl:3");
    BOOST_TEST(all.rejected.empty());
}

BOOST_AUTO_TEST_CASE(bom_on_the_first_line_is_ignored) {
    const ReadAll all = read_all("\xEF\xBB\xBF{\"title\":\"a\"}\n{\"title\":\"b\"}\n");
    BOOST_TEST(all.articles.size() == 2u);
    BOOST_TEST(all.rejected.empty());
    BOOST_TEST(all.repaired == 0u);
}

BOOST_AUTO_TEST_CASE(last_line_without_newline) {
    const ReadAll all = read_all("{\"title\":\"a\"}\n{\"title\":\"b\"}");
    BOOST_TEST(all.articles.size() == 2u);
}

BOOST_AUTO_TEST_CASE(invalid_json_is_rejected_with_origin) {
    const ReadAll all =
        read_all("{\"title\":\"a\"}\n{\"title\": \"cut off\n{\"title\":\"c\"}\n", "in.jsonl");
    BOOST_TEST(all.articles.size() == 2u);
    BOOST_REQUIRE_EQUAL(all.rejected.size(), 1u);
    BOOST_TEST(all.rejected[0].origin == "in.jsonl:2");
    BOOST_TEST(contains(all.rejected[0].reason, "invalid JSON"), all.rejected[0].reason);
    BOOST_TEST(!contains(all.rejected[0].reason, "json.exception"), all.rejected[0].reason);
}

BOOST_AUTO_TEST_CASE(json_array_line_is_rejected) {
    const ReadAll all = read_all("[\"not\", \"an\", \"object\"]\n");
    BOOST_REQUIRE_EQUAL(all.rejected.size(), 1u);
    BOOST_TEST(all.rejected[0].origin == "dump.jsonl:1");
    BOOST_TEST(all.rejected[0].reason == "expected a JSON object, found array");
}

BOOST_AUTO_TEST_CASE(record_without_title_or_body_is_rejected) {
    const ReadAll all = read_all("\n{\"id\":\"x\",\"url\":\"https://x\",\"title\":\"\"}\n");
    BOOST_REQUIRE_EQUAL(all.rejected.size(), 1u);
    BOOST_TEST(all.rejected[0].origin == "dump.jsonl:2");
    BOOST_TEST(all.rejected[0].reason == "record has neither a title nor a body");
}

BOOST_AUTO_TEST_CASE(body_only_record_is_accepted) {
    const Article a = one_article(R"({"body":"Only a body"})");
    BOOST_TEST(a.title.empty());
    BOOST_TEST(a.body == "Only a body");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_repaired_and_counted) {
    const ReadAll all = read_all("{\"title\":\"bad \xFF byte\"}\n{\"title\":\"two \xC3\x28\"}\n");
    BOOST_REQUIRE_EQUAL(all.articles.size(), 2u);
    BOOST_TEST(all.articles[0].title == "bad \xEF\xBF\xBD byte");
    BOOST_TEST(all.articles[1].title == "two \xEF\xBF\xBD(");
    BOOST_TEST(all.repaired == 2u);
}

BOOST_AUTO_TEST_CASE(valid_unicode_is_kept) {
    const Article a = one_article(
        "{\"title\":\"S\xC3\xA9"
        "bastien \\u00e9 \xEC\x84\x9C\xEC\x9A\xB8\"}");
    BOOST_TEST(a.title ==
               "S\xC3\xA9"
               "bastien \xC3\xA9 \xEC\x84\x9C\xEC\x9A\xB8");
}

BOOST_AUTO_TEST_CASE(five_megabyte_line_parses) {
    const std::string body(5 * 1024 * 1024, 'x');
    const ReadAll all =
        read_all("{\"title\":\"big\",\"body\":\"" + body + "\"}\n{\"title\":\"next\"}\n");
    BOOST_REQUIRE_EQUAL(all.articles.size(), 2u);
    BOOST_TEST(all.articles[0].body.size() == body.size());
    BOOST_TEST(all.articles[1].origin == "dump.jsonl:2");
}

BOOST_AUTO_TEST_CASE(empty_input_has_no_records) {
    const ReadAll all = read_all("");
    BOOST_TEST(all.articles.empty());
    BOOST_TEST(all.rejected.empty());
}

BOOST_AUTO_TEST_CASE(parse_json_article_directly) {
    const auto rec = parse_json_article(R"({"title":"x"})", "arr.json:3");
    BOOST_REQUIRE(std::holds_alternative<Article>(rec));
    BOOST_TEST(std::get<Article>(rec).origin == "arr.json:3");
    const auto bad = parse_json_article("42", "arr.json:4");
    BOOST_REQUIRE(std::holds_alternative<RejectedRecord>(bad));
    BOOST_TEST(std::get<RejectedRecord>(bad).reason == "expected a JSON object, found number");
}

BOOST_AUTO_TEST_SUITE_END()
