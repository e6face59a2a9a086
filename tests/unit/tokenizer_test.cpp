#define BOOST_TEST_MODULE tokenizer
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/tokenizer.h"

using attache::extract::Token;
using attache::extract::tokenize;

namespace {

std::vector<std::string> raws(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : tokenize(text)) out.push_back(t.raw);
    return out;
}

std::string slice(std::string_view text, const Token& t) {
    return std::string(text.substr(t.begin, t.end - t.begin));
}

const Token* find_raw(const std::vector<Token>& tokens, std::string_view raw) {
    for (const auto& t : tokens) {
        if (t.raw == raw) return &t;
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tokenizer)

BOOST_AUTO_TEST_CASE(empty_text_has_no_tokens) {
    BOOST_TEST(tokenize("").empty());
    BOOST_TEST(tokenize(" .,;-- ").empty());
}

BOOST_AUTO_TEST_CASE(us_with_dots_is_one_token) {
    const std::string text = "the U.S. said";
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 3u);
    BOOST_TEST(tokens[1].raw == "US");
    BOOST_TEST(tokens[1].norm == "us");
    BOOST_TEST(slice(text, tokens[1]) == "U.S.");
    BOOST_TEST(tokens[1].capitalized);
}

BOOST_AUTO_TEST_CASE(hyphenated_compound_splits_and_keeps_us) {
    BOOST_TEST(raws("South Korea-U.S.-Japan") ==
               (std::vector<std::string>{"South", "Korea", "US", "Japan"}));
    const std::string text = "South Korea-U.S.-Japan";
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 4u);
    BOOST_TEST(slice(text, tokens[2]) == "U.S.");
    BOOST_TEST(slice(text, tokens[3]) == "Japan");
}

BOOST_AUTO_TEST_CASE(three_letter_abbreviation_with_dots) {
    const auto tokens = tokenize("in Washington, D.C. and the U.N.");
    BOOST_TEST(find_raw(tokens, "DC") != nullptr);
    BOOST_TEST(find_raw(tokens, "UN") != nullptr);
}

BOOST_AUTO_TEST_CASE(possessive_s_is_stripped_and_flagged) {
    const std::string text = "Japan's position";
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 2u);
    BOOST_TEST(tokens[0].raw == "Japan");
    BOOST_TEST(tokens[0].possessive);
    BOOST_TEST(slice(text, tokens[0]) == "Japan");
    BOOST_TEST(!tokens[1].possessive);
}

BOOST_AUTO_TEST_CASE(curly_possessive_is_stripped_and_flagged) {
    const std::string text = "Japan\xE2\x80\x99s position";
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 2u);
    BOOST_TEST(tokens[0].raw == "Japan");
    BOOST_TEST(tokens[0].possessive);
    BOOST_TEST(tokens[1].begin == 10u);
}

BOOST_AUTO_TEST_CASE(plural_possessive_is_stripped_and_flagged) {
    const auto tokens = tokenize("the ministers' meeting");
    BOOST_REQUIRE_EQUAL(tokens.size(), 3u);
    BOOST_TEST(tokens[1].raw == "ministers");
    BOOST_TEST(tokens[1].possessive);
    BOOST_TEST(tokens[2].raw == "meeting");
}

BOOST_AUTO_TEST_CASE(two_plus_two_is_one_token) {
    const std::string text = "a 2+2 dialogue";
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 3u);
    BOOST_TEST(tokens[1].raw == "2+2");
    BOOST_TEST(tokens[1].norm == "2+2");
    BOOST_TEST(slice(text, tokens[1]) == "2+2");
}

BOOST_AUTO_TEST_CASE(apostrophe_inside_a_name_joins_it) {
    const std::string text = "O'Brien spoke";
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 2u);
    BOOST_TEST(tokens[0].raw == "OBrien");
    BOOST_TEST(tokens[0].norm == "obrien");
    BOOST_TEST(!tokens[0].possessive);
    BOOST_TEST(slice(text, tokens[0]) == "O'Brien");
}

BOOST_AUTO_TEST_CASE(offsets_point_at_multibyte_original_text) {
    const std::string text =
        "Zelenskyy\xE2\x80\x99s aide met S\xC3\xA9"
        "bastien Lecornu";
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 5u);
    BOOST_TEST(tokens[0].raw == "Zelenskyy");
    BOOST_TEST(tokens[0].possessive);
    BOOST_TEST(slice(text, tokens[0]) == "Zelenskyy");
    BOOST_TEST(tokens[3].raw == "Sebastien");
    BOOST_TEST(tokens[3].norm == "sebastien");
    BOOST_TEST(slice(text, tokens[3]) ==
               "S\xC3\xA9"
               "bastien");
    BOOST_TEST(slice(text, tokens[4]) == "Lecornu");
}

BOOST_AUTO_TEST_CASE(every_token_slices_back_to_its_surface) {
    const std::string text =
        "T\xC3\xBCrkiye\xE2\x80\x94"
        "and \xC5\x81\xC3\xB3"
        "d\xC5\xBA\xE2\x80\x99s mayor";
    for (const auto& t : tokenize(text)) {
        BOOST_TEST(t.begin < t.end);
        BOOST_TEST(t.end <= text.size());
    }
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 4u);
    BOOST_TEST(slice(text, tokens[0]) == "T\xC3\xBCrkiye");
    BOOST_TEST(tokens[1].raw == "and");
    BOOST_TEST(slice(text, tokens[2]) ==
               "\xC5\x81\xC3\xB3"
               "d\xC5\xBA");
    BOOST_TEST(tokens[2].raw == "Lodz");
}

BOOST_AUTO_TEST_CASE(sentence_start_after_full_stop_and_paragraph_break) {
    const auto tokens = tokenize("Talks ended. Officials left\n\nThe next");
    BOOST_REQUIRE_EQUAL(tokens.size(), 6u);
    BOOST_TEST(tokens[0].sentence_start);
    BOOST_TEST(!tokens[1].sentence_start);
    BOOST_TEST(tokens[2].sentence_start);  // Officials
    BOOST_TEST(!tokens[3].sentence_start);
    BOOST_TEST(tokens[4].sentence_start);  // The, after a blank line
    BOOST_TEST(!tokens[5].sentence_start);
}

BOOST_AUTO_TEST_CASE(single_newline_is_not_a_sentence_break) {
    const auto tokens = tokenize("one\ntwo");
    BOOST_REQUIRE_EQUAL(tokens.size(), 2u);
    BOOST_TEST(!tokens[1].sentence_start);
}

BOOST_AUTO_TEST_CASE(question_and_exclamation_start_sentences) {
    const auto tokens = tokenize("Why? Because! Then");
    BOOST_REQUIRE_EQUAL(tokens.size(), 3u);
    BOOST_TEST(tokens[1].sentence_start);
    BOOST_TEST(tokens[2].sentence_start);
}

BOOST_AUTO_TEST_CASE(no_sentence_start_after_abbreviations) {
    const auto tokens = tokenize("on Oct. 31 Gen. Austin and Mr. Kim met");
    BOOST_TEST(!find_raw(tokens, "31")->sentence_start);
    BOOST_TEST(!find_raw(tokens, "Austin")->sentence_start);
    BOOST_TEST(!find_raw(tokens, "Kim")->sentence_start);
}

BOOST_AUTO_TEST_CASE(capitalized_flag) {
    const auto tokens = tokenize(
        "Seoul said 2024 talks \xC3\x89lys\xC3\xA9"
        "e");
    BOOST_REQUIRE_EQUAL(tokens.size(), 5u);
    BOOST_TEST(tokens[0].capitalized);
    BOOST_TEST(!tokens[1].capitalized);
    BOOST_TEST(tokens[2].capitalized);  // digits count as capitalised
    BOOST_TEST(!tokens[3].capitalized);
    BOOST_TEST(tokens[4].capitalized);  // "Élysée" folds to "Elysee"
    BOOST_TEST(tokens[4].raw == "Elysee");
}

BOOST_AUTO_TEST_CASE(non_latin_words_are_tokens) {
    const std::string text = "\xEC\x84\x9C\xEC\x9A\xB8 Seoul";
    const auto tokens = tokenize(text);
    BOOST_REQUIRE_EQUAL(tokens.size(), 2u);
    BOOST_TEST(slice(text, tokens[0]) == "\xEC\x84\x9C\xEC\x9A\xB8");
    BOOST_TEST(!tokens[0].capitalized);
}

// Regression: the possessive was only recognised with a lower-case "s": in an all-caps headline
// "JAPAN'S" becomes the token "JAPANS" (norm "japans"), so Japan is not found there.
BOOST_AUTO_TEST_CASE(uppercase_possessive_is_stripped) {
    const auto tokens = tokenize("JAPAN'S PM");
    BOOST_REQUIRE_EQUAL(tokens.size(), 2u);
    BOOST_TEST(tokens[0].raw == "JAPAN");
    BOOST_TEST(tokens[0].possessive);
}

// Regression: is_word_unit() said general punctuation left alone by folding is not a word
// character, but it only excludes U+FFFD: "Seoul•Tokyo" is one token, "‹Cho›" keeps its quotes.
BOOST_AUTO_TEST_CASE(general_punctuation_separates_words) {
    BOOST_TEST(raws("Seoul\xE2\x80\xA2Tokyo") == (std::vector<std::string>{"Seoul", "Tokyo"}));
    BOOST_TEST(raws("\xE2\x80\xB9"
                    "Cho\xE2\x80\xBA") == (std::vector<std::string>{"Cho"}));
    BOOST_TEST(raws("Blinken\xE2\x80\xA0") == (std::vector<std::string>{"Blinken"}));
}

BOOST_AUTO_TEST_SUITE_END()
