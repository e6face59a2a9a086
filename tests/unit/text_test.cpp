#define BOOST_TEST_MODULE text
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "common/text.h"

using namespace attache;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

std::string repaired(std::string s, size_t& count) {
    count = repair_utf8(s);
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(valid_utf8_is_untouched_and_counts_zero) {
    const std::string input =
        "Zelenskyy\xE2\x80\x99s S\xC3\xA9"
        "bastien \xED\x95\x9C\xEA\xB5\xAD \xF0\x9F\x87\xB0";
    size_t count = 99;
    BOOST_TEST(repaired(input, count) == input);
    BOOST_TEST(count == 0u);
}

BOOST_AUTO_TEST_CASE(existing_replacement_character_is_not_counted) {
    size_t count = 99;
    BOOST_TEST(repaired("a" + kReplacement + "b", count) == "a" + kReplacement + "b");
    BOOST_TEST(count == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_bytes_are_replaced_and_counted) {
    size_t count = 0;
    BOOST_TEST(repaired("a\xFF"
                        "b\x80"
                        "c",
                        count) == "a" + kReplacement + "b" + kReplacement + "c");
    BOOST_TEST(count == 2u);
}

BOOST_AUTO_TEST_CASE(overlong_forms_are_replaced_byte_by_byte) {
    size_t count = 0;
    // "/" encoded in two bytes: each byte is invalid on its own.
    BOOST_TEST(repaired("x\xC0\xAFy", count) == "x" + kReplacement + kReplacement + "y");
    BOOST_TEST(count == 2u);
    BOOST_TEST(repaired("\xE0\x80\xAF", count) == kReplacement + kReplacement + kReplacement);
    BOOST_TEST(count == 3u);
}

BOOST_AUTO_TEST_CASE(truncated_sequences_are_replaced) {
    size_t count = 0;
    BOOST_TEST(repaired("abc\xE2\x82", count) == "abc" + kReplacement + kReplacement);
    BOOST_TEST(count == 2u);
    BOOST_TEST(repaired("\xC3 ok", count) == kReplacement + " ok");
    BOOST_TEST(count == 1u);
}

BOOST_AUTO_TEST_CASE(surrogates_and_out_of_range_are_replaced) {
    size_t count = 0;
    BOOST_TEST(repaired("\xED\xA0\x80", count) == kReplacement + kReplacement + kReplacement);
    BOOST_TEST(count == 3u);
    repaired("\xF4\x90\x80\x80", count);  // U+110000
    BOOST_TEST(count == 4u);
}

BOOST_AUTO_TEST_CASE(next_code_point_decodes_and_advances) {
    const std::string s = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";
    size_t i = 0;
    BOOST_TEST(static_cast<uint32_t>(next_code_point(s, i)) == 0x61u);
    BOOST_TEST(i == 1u);
    BOOST_TEST(static_cast<uint32_t>(next_code_point(s, i)) == 0xE9u);
    BOOST_TEST(i == 3u);
    BOOST_TEST(static_cast<uint32_t>(next_code_point(s, i)) == 0x2019u);
    BOOST_TEST(i == 6u);
    BOOST_TEST(static_cast<uint32_t>(next_code_point(s, i)) == 0x1F600u);
    BOOST_TEST(i == 10u);
}

BOOST_AUTO_TEST_CASE(append_utf8_round_trips_every_length) {
    for (char32_t cp : {U'A', U'\u00E9', U'\u2019', U'\U0001F600'}) {
        std::string s;
        append_utf8(s, cp);
        size_t i = 0;
        BOOST_TEST(static_cast<uint32_t>(next_code_point(s, i)) == static_cast<uint32_t>(cp));
        BOOST_TEST(i == s.size());
    }
}

BOOST_AUTO_TEST_CASE(fold_removes_diacritics_and_lowercases) {
    BOOST_TEST(fold("S\xC3\xA9"
                    "bastien Lecornu") == "sebastien lecornu");
    BOOST_TEST(fold("T\xC3\xBCrkiye") == "turkiye");
    BOOST_TEST(fold("Stra\xC3\x9F"
                    "e") == "strasse");
    BOOST_TEST(fold("\xC5\x81\xC3\xB3"
                    "d\xC5\xBA") == "lodz");
    BOOST_TEST(fold("\xC3\x86"
                    "sir") == "aesir");
}

BOOST_AUTO_TEST_CASE(fold_keeps_case_when_asked) {
    BOOST_TEST(fold("S\xC3\xA9"
                    "bastien",
                    false) == "Sebastien");
    BOOST_TEST(fold("\xC5\x81"
                    "ukasz",
                    false) == "Lukasz");
    BOOST_TEST(fold("\xC3\x9F", false) == "ss");
}

BOOST_AUTO_TEST_CASE(fold_makes_quotes_and_dashes_ascii) {
    BOOST_TEST(fold("\xE2\x80\x98"
                    "a\xE2\x80\x99 \xE2\x80\x9C"
                    "b\xE2\x80\x9D") == "'a' \"b\"");
    BOOST_TEST(fold("1\xE2\x80\x93"
                    "2\xE2\x80\x94"
                    "3") == "1-2-3");
    BOOST_TEST(fold("Japan\xE2\x80\x99s") == "japan's");
}

BOOST_AUTO_TEST_CASE(fold_turns_nbsp_into_space_and_drops_zero_width) {
    BOOST_TEST(fold("New\xC2\xA0York") == "new york");
    BOOST_TEST(fold("a\xE2\x80\x8B"
                    "b") == "ab");
    BOOST_TEST(fold("wait\xE2\x80\xA6") == "wait...");
}

BOOST_AUTO_TEST_CASE(typography_names_what_a_character_stands_for) {
    BOOST_TEST((typography_of(U'a') == Typography::none));
    BOOST_TEST((typography_of(U'\'') == Typography::none));  // ASCII is not typography
    BOOST_TEST((typography_of(0x00A0) == Typography::space));
    BOOST_TEST((typography_of(0x2009) == Typography::space));
    BOOST_TEST((typography_of(0x200B) == Typography::invisible));
    BOOST_TEST((typography_of(0x2019) == Typography::apostrophe));
    BOOST_TEST((typography_of(0x201C) == Typography::quote));
    BOOST_TEST((typography_of(0x00AB) == Typography::quote));
    BOOST_TEST((typography_of(0x2013) == Typography::dash));
    BOOST_TEST((typography_of(0x2212) == Typography::dash));
    BOOST_TEST((typography_of(0x2026) == Typography::ellipsis));
    BOOST_TEST((typography_of(0x00E9) == Typography::none));
    // fold writes each as its ASCII stand-in.
    BOOST_TEST(fold("\xC2\xABOui\xC2\xBB") == "\"oui\"");
}

BOOST_AUTO_TEST_CASE(fold_words_joins_folded_words) {
    BOOST_TEST(fold_words("  Cho Tae-yul ", ' ') == "cho tae yul");
    BOOST_TEST(fold_words("U.S.-Japan", '_') == "us_japan");
    BOOST_TEST(fold_words("2+2 talks", ' ') == "2 2 talks");
    BOOST_TEST(fold_words("2+2 talks", ' ', "+") == "2+2 talks");
    BOOST_TEST(fold_words("\xE2\x80\x9C"
                          "C\xC3\xB4te d\xE2\x80\x99Ivoire\xE2\x80\x9D",
                          '-') == "cote-divoire");
}

BOOST_AUTO_TEST_CASE(ascii_iequals_ignores_ascii_case_only) {
    BOOST_TEST(ascii_iequals("OcT", "oct"));
    BOOST_TEST(!ascii_iequals("Oct", "october"));
    BOOST_TEST(!ascii_iequals("\xC3\x89t\xC3\xA9", "\xC3\xA9t\xC3\xA9"));
}

BOOST_AUTO_TEST_CASE(fold_leaves_non_latin_text_alone) {
    BOOST_TEST(fold("\xED\x95\x9C\xEA\xB5\xAD") == "\xED\x95\x9C\xEA\xB5\xAD");
}

BOOST_AUTO_TEST_CASE(slugify_names) {
    BOOST_TEST(slugify("Antony Blinken") == "antony-blinken");
    BOOST_TEST(slugify("Cho Tae-yul") == "cho-tae-yul");
    BOOST_TEST(slugify("C\xC3\xB4te d'Ivoire") == "cote-divoire");
    BOOST_TEST(slugify("U.S.") == "us");
    BOOST_TEST(slugify("  Secretary of State  ") == "secretary-of-state");
}

BOOST_AUTO_TEST_CASE(slugify_without_letters_is_empty) {
    BOOST_TEST(slugify("") == "");
    BOOST_TEST(slugify(" -- ") == "");
}

BOOST_AUTO_TEST_CASE(fnv1a64_has_the_reference_values) {
    BOOST_TEST(fnv1a64("") == 0xcbf29ce484222325ULL);
    BOOST_TEST(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
    BOOST_TEST(fnv1a64("foobar") == 0x85944171f73967e8ULL);
    BOOST_TEST(hex64(fnv1a64("foobar")) == "85944171f73967e8");
    BOOST_TEST(hex64(1) == "0000000000000001");
}

BOOST_AUTO_TEST_CASE(edit_distance_is_levenshtein) {
    BOOST_TEST(edit_distance("kitten", "sitting") == 3u);
    BOOST_TEST(edit_distance("", "abc") == 3u);
    BOOST_TEST(edit_distance("abc", "") == 3u);
    BOOST_TEST(edit_distance("blinken", "blinken") == 0u);
    BOOST_TEST(edit_distance("blinkin", "blinken") == 1u);
    BOOST_TEST(edit_distance("flaw", "lawn") == 2u);
}

BOOST_AUTO_TEST_CASE(split_keeps_empty_fields) {
    BOOST_TEST(split("a,,b", ',') == (std::vector<std::string>{"a", "", "b"}));
    BOOST_TEST(split("a,", ',') == (std::vector<std::string>{"a", ""}));
    BOOST_TEST(split("", ',') == (std::vector<std::string>{""}));
    BOOST_TEST(split("abc", ',') == (std::vector<std::string>{"abc"}));
}

BOOST_AUTO_TEST_CASE(trim_and_ascii_lower) {
    BOOST_TEST(trim(" \t x y \r\n") == "x y");
    BOOST_TEST(trim("   ") == "");
    BOOST_TEST(ascii_lower("NATO \xC3\x89") == "nato \xC3\x89");
}

BOOST_AUTO_TEST_SUITE_END()
