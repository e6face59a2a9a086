#include "indexer/extract/tokenizer.h"

#include <algorithm>
#include <iterator>

#include "common/text.h"
#include "schema/calendar.h"

namespace attache::extract {

namespace {

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// One folded code point with the byte range it came from, held inline (no allocation per
// character: this loop runs over every byte of every article).
struct Unit {
    char bytes[4];  // folded, case kept: one ASCII character, or a code point folding left alone
    uint8_t len;
    uint32_t begin, end;
    char32_t cp;  // the code point before folding
    bool is(char c) const { return len == 1 && bytes[0] == c; }
    std::string_view text() const { return {bytes, len}; }
};

// Punctuation and symbols outside ASCII that folding leaves as they are: they separate words.
bool is_separator_code_point(char32_t cp) {
    return (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || cp == 0xD7 ||
           cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) || cp == 0xFFFD;
}

bool is_word_unit(const Unit& u) {
    if (u.len == 0) return false;
    const unsigned char c = static_cast<unsigned char>(u.bytes[0]);
    if (c >= 0x80) {
        // Non-Latin letters stay as they are and are word characters; punctuation and
        // symbols that folding left alone are not.
        return !is_separator_code_point(u.cp);
    }
    return is_ascii_letter(static_cast<char>(c)) || is_digit(static_cast<char>(c));
}

char first_char(const Unit& u) {
    return u.len == 0 ? '\0' : u.bytes[0];
}

// Titles and month abbreviations ("Gen.", "Oct."), and single letters, take a dot.
bool is_abbreviation(const std::string& norm) {
    static const std::string_view kTitles[] = {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov",
                                               "lt", "col", "st", "no", "vs",  "jr",  "sr"};
    if (norm.size() == 1 || std::count(std::begin(kTitles), std::end(kTitles), norm)) return true;
    bool abbreviated = false;
    return schema::month_number(norm, &abbreviated) != 0 && abbreviated;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    // Fold first, remembering byte offsets, so that the rules below only see ASCII punctuation.
    std::vector<Unit> units;
    units.reserve(text.size());
    std::string folded;
    size_t i = 0;
    while (i < text.size()) {
        const auto begin = static_cast<uint32_t>(i);
        if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII: nothing to fold
            units.push_back(Unit{{text[i]}, 1, begin, begin + 1, static_cast<char32_t>(text[i])});
            ++i;
            continue;
        }
        const char32_t cp = next_code_point(text, i);
        const auto end = static_cast<uint32_t>(i);
        folded.clear();
        fold_code_point(folded, cp, false);
        if (!folded.empty() && static_cast<unsigned char>(folded[0]) < 0x80) {
            // "é" -> "e", "Æ" -> "AE", "…" -> "...": one unit per ASCII character, same span.
            for (char c : folded)
                units.push_back(Unit{{c}, 1, begin, end, static_cast<char32_t>(c)});
        } else {
            Unit u{{}, static_cast<uint8_t>(std::min<size_t>(folded.size(), 4)), begin, end, cp};
            std::copy_n(folded.data(), u.len, u.bytes);
            units.push_back(u);
        }
    }

    // An "s" that ends the word: the one of "Japan's".
    const auto possessive_s = [&](size_t at) {
        return at < units.size() && (units[at].is('s') || units[at].is('S')) &&
               (at + 1 >= units.size() || !is_word_unit(units[at + 1]));
    };
    std::vector<Token> tokens;
    bool sentence_start = true;
    size_t k = 0;
    while (k < units.size()) {
        if (!is_word_unit(units[k])) {
            const char c = first_char(units[k]);
            if (c == '!' || c == '?' || c == ';' ||
                (c == '\n' && k + 1 < units.size() && first_char(units[k + 1]) == '\n')) {
                sentence_start = true;
            } else if (c == '.') {
                // "Oct. 31", "Gen. Austin": a dot after a short abbreviation is not a full stop.
                sentence_start = tokens.empty() || !is_abbreviation(tokens.back().norm);
            }
            ++k;
            continue;
        }
        Token t;
        t.begin = units[k].begin;
        t.sentence_start = sentence_start;
        sentence_start = false;
        std::string raw;
        // Abbreviations with dots: "U.S.", "D.C.", "U.N." (single letters each followed by a dot).
        auto single_letter_dot = [&](size_t at) {
            return at + 1 < units.size() && is_ascii_letter(first_char(units[at])) &&
                   units[at].len == 1 && first_char(units[at + 1]) == '.' &&
                   (at + 2 >= units.size() || !is_word_unit(units[at + 2]) ||
                    (at + 3 < units.size() && is_ascii_letter(first_char(units[at + 2])) &&
                     first_char(units[at + 3]) == '.'));
        };
        if (single_letter_dot(k) && (k == 0 || !is_word_unit(units[k - 1]))) {
            size_t m = k;
            while (single_letter_dot(m)) {
                raw += units[m].text();
                m += 2;
                // Stop unless another "X." follows directly.
                if (!(m + 1 < units.size() && is_ascii_letter(first_char(units[m])) &&
                      first_char(units[m + 1]) == '.'))
                    break;
            }
            t.end = units[m - 1].end;
            k = m;
        } else {
            while (k < units.size()) {
                if (is_word_unit(units[k])) {
                    raw += units[k].text();
                    ++k;
                    continue;
                }
                const char c = first_char(units[k]);
                const bool next_is_word = k + 1 < units.size() && is_word_unit(units[k + 1]);
                // "2+2" stays one token.
                if (c == '+' && next_is_word && !raw.empty() && is_digit(raw.back()) &&
                    is_digit(first_char(units[k + 1]))) {
                    raw += '+';
                    ++k;
                    continue;
                }
                // An apostrophe inside a word joins it ("O'Brien"), unless it starts "'s".
                if (c == '\'' && next_is_word && !possessive_s(k + 1)) {
                    ++k;
                    continue;
                }
                break;
            }
            t.end = units[k - 1].end;
            // Possessive: "Japan's", "Japan’s", "ministers'".
            if (k < units.size() && first_char(units[k]) == '\'') {
                if (possessive_s(k + 1)) {
                    t.possessive = true;
                    k += 2;
                } else if (!raw.empty() && (raw.back() == 's' || raw.back() == 'S')) {
                    t.possessive = true;
                    ++k;
                }
            }
        }
        t.raw = raw;
        t.norm = ascii_lower(raw);
        const char c0 = raw.empty() ? '\0' : raw[0];
        t.capitalized = (c0 >= 'A' && c0 <= 'Z') || is_digit(c0);
        tokens.push_back(std::move(t));
    }
    return tokens;
}

}  // namespace attache::extract
