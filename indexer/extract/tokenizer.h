// Splits text into the tokens that entity matching works on, the same way for KB aliases and for
// article text: diacritics folded, curly quotes and dashes made ASCII, hyphens split words
// ("South Korea-U.S.-Japan" -> South | Korea | U.S. | Japan), "U.S." kept as one token, and
// possessives ("Japan's", "ministers'") stripped and flagged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::extract {

struct Token {
    std::string norm;    // folded, lowercased, dots and apostrophes removed: "us", "japan"
    std::string raw;     // folded, case kept, dots removed: "US", "Japan"
    uint32_t begin = 0;  // byte offsets into the original text
    uint32_t end = 0;
    bool capitalized = false;     // first character is an upper-case letter or a digit
    bool possessive = false;      // followed by 's or '
    bool sentence_start = false;  // first token, or after . ! ? or a paragraph break
};

std::vector<Token> tokenize(std::string_view text);

}  // namespace attache::extract
