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

// Fold a code point for matching: Latin letters lose their diacritics ("é" -> "e",
// "ß" -> "ss"), typographic quotes and dashes become ASCII, and ASCII is lowercased when
// `lowercase` is set. Appends the result to `out`.
void fold_code_point(std::string& out, char32_t cp, bool lowercase);
std::string fold(std::string_view s, bool lowercase = true);

std::string ascii_lower(std::string_view s);
std::string trim(std::string_view s);

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
