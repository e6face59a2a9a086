// Small text utilities shared by the indexer and the searcher: UTF-8 decoding and repair,
// accent folding for matching, slugs for entity ids, a stable hash and edit distance.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache {

// Decode one UTF-8 code point at s[i]; advances i. Invalid bytes decode as U+FFFD and
// advance by one, so decoding never stalls.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);

// Replace invalid UTF-8 sequences with U+FFFD; returns how many were replaced.
size_t repair_utf8(std::string& s);

// The typography of a code point: what it stands for in plain ASCII text. This is the one table
// of typographic characters: fold_code_point (and so entity tokens, KB lookup keys and slugs)
// and the date finder's lexer all read quotes, dashes and spaces through it.
enum class Typography : uint8_t {
    none,        // not typography: a letter, a digit, other punctuation or a symbol
    space,       // no-break and typographic spaces: ' '
    invisible,   // zero-width characters: nothing (a space to the date finder)
    apostrophe,  // curly single quotes, primes: '\''
    quote,       // curly double quotes, guillemets: '"'
    dash,        // hyphens, en and em dashes, minus: '-'
    ellipsis,    // "..."
};
Typography typography_of(char32_t cp);
// How fold writes it: " ", "" (invisible), "'", "\"", "-" or "..."; "" for none.
std::string_view ascii_stand_in(Typography t);

// Fold a code point for matching: Latin letters lose their diacritics ("é" -> "e",
// "ß" -> "ss"), typographic quotes and dashes become ASCII, and ASCII is lowercased when
// `lowercase` is set. Appends the result to `out`.
void fold_code_point(std::string& out, char32_t cp, bool lowercase);
std::string fold(std::string_view s, bool lowercase = true);

std::string ascii_lower(std::string_view s);
// Whether `s` with ASCII letters lower-cased is `lower` ("Oct" and "oct"), without allocating.
// Inline: the date finder calls it for most capitalised words, and a call per comparison was
// half a percent of indexing's instructions (callgrind).
inline bool ascii_iequals(std::string_view s, std::string_view lower) {
    if (s.size() != lower.size()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}
std::string trim(std::string_view s);

// The folded, lower-cased words of `s` joined by `separator`: dots and apostrophes vanish
// ("U.S." -> "us", "d'Ivoire" -> "divoire"), any other ASCII character that is not a letter, a
// digit or one of `word_marks` separates words. Empty when `s` has no word characters.
std::string fold_words(std::string_view s, char separator, std::string_view word_marks = {});

// "Antony Blinken" -> "antony-blinken"; "Cho Tae-yul" -> "cho-tae-yul". Empty when the
// input has no letters or digits.
std::string slugify(std::string_view s);

// 64-bit FNV-1a, stable across platforms and releases (used for content-hash ids).
uint64_t fnv1a64(std::string_view s);
std::string hex64(uint64_t v);

// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);

std::vector<std::string> split(std::string_view s, char sep);

}  // namespace attache
