#include "common/text.h"

#include <algorithm>
#include <cstdio>

namespace attache {

char32_t next_code_point(std::string_view s, size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    size_t len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and out-of-range values are invalid.
    static constexpr char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t repair_utf8(std::string& s) {
    // Most input is valid: the repaired copy is only started at the first bad byte.
    size_t bad = 0;
    std::string out;
    for (size_t i = 0; i < s.size();) {
        const size_t at = i;
        const char32_t cp = next_code_point(s, i);
        // U+FFFD is an invalid sequence unless the text itself spelled it.
        if (cp == 0xFFFD && s.compare(at, i - at, "\xEF\xBF\xBD") != 0 && bad++ == 0) {
            out.reserve(s.size());
            out.assign(s, 0, at);
        }
        if (bad > 0) append_utf8(out, cp);
    }
    if (bad > 0) s.swap(out);
    return bad;
}

namespace {

// Accent folding for U+00C0..U+017F; '?' marks letters that fold to two characters.
constexpr std::string_view latin1_fold =
    "AAAAAA?CEEEEIIII"
    "DNOOOOO?OUUUUY??"
    "aaaaaa?ceeeeiiii"
    "dnooooo?ouuuuy?y";
constexpr std::string_view latin_ext_a_fold =
    "AaAaAaCcCcCcCcDd"
    "DdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIi"
    "Ii??JjKkkLlLlLlL"
    "lLlNnNnNnnNnOoOo"
    "Oo??RrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUu"
    "UuUuWwYyYZzZzZzs";

// The letters the tables mark '?', and the Romanian comma-below letters past them.
constexpr std::pair<char32_t, std::string_view> kSpecialFolds[] = {
    {0xC6, "AE"},  {0xE6, "ae"},  {0xDE, "TH"},  {0xFE, "th"},  {0xDF, "ss"},
    {0x132, "IJ"}, {0x133, "ij"}, {0x152, "OE"}, {0x153, "oe"}, {0x218, "S"},
    {0x219, "s"},  {0x21A, "T"},  {0x21B, "t"}};

std::string_view fold_special(char32_t cp) {
    for (const auto& [from, to] : kSpecialFolds) {
        if (from == cp) return to;
    }
    return {};
}

void append_ascii(std::string& out, std::string_view s, bool lowercase) {
    for (char c : s) {
        out += (lowercase && c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
}

}  // namespace

Typography typography_of(char32_t cp) {
    if (cp < 0xA0) return Typography::none;
    if (cp >= 0x2000 && cp <= 0x200A) return Typography::space;  // en quad .. hair space
    if (cp >= 0x2010 && cp <= 0x2015) return Typography::dash;   // hyphens, en and em dash
    switch (cp) {
        case 0xA0:    // no-break space
        case 0x2028:  // line and paragraph separators
        case 0x2029:
        case 0x202F:  // narrow no-break space
        case 0x205F:  // medium mathematical space
        case 0x3000:  // ideographic space
            return Typography::space;
        case 0x200B:  // zero-width space, non-joiner, joiner; byte order mark
        case 0x200C:
        case 0x200D:
        case 0xFEFF:
            return Typography::invisible;
        case 0x2018:  // ‘ ’ ‛ ′ ʼ
        case 0x2019:
        case 0x201B:
        case 0x2032:
        case 0x02BC:
            return Typography::apostrophe;
        case 0x201A:  // ‚ (a low opening quote, never an apostrophe)
        case 0x201C:  // “ ” „ ‟ ″ « »
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x2033:
        case 0xAB:
        case 0xBB:
            return Typography::quote;
        case 0x2212:  // minus sign
            return Typography::dash;
        case 0x2026:
            return Typography::ellipsis;
        default:
            return Typography::none;
    }
}

std::string_view ascii_stand_in(Typography t) {
    static constexpr std::string_view kStandIns[] = {"", " ", "", "'", "\"", "-", "..."};
    return kStandIns[static_cast<size_t>(t)];
}

void fold_code_point(std::string& out, char32_t cp, bool lowercase) {
    if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        append_ascii(out, std::string_view(&c, 1), lowercase);
        return;
    }
    if (cp >= 0xC0 && cp <= 0x17F && cp != 0xD7 && cp != 0xF7) {
        const char mapped = cp < 0x100 ? latin1_fold[cp - 0xC0] : latin_ext_a_fold[cp - 0x100];
        if (mapped != '?') {
            append_ascii(out, std::string_view(&mapped, 1), lowercase);
            return;
        }
    }
    if (const std::string_view special = fold_special(cp); !special.empty()) {
        append_ascii(out, special, lowercase);
        return;
    }
    if (const Typography t = typography_of(cp); t != Typography::none) {
        out += ascii_stand_in(t);
        return;
    }
    append_utf8(out, cp);
}

std::string fold(std::string_view s, bool lowercase) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) fold_code_point(out, next_code_point(s, i), lowercase);
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

std::string fold_words(std::string_view s, char separator, std::string_view word_marks) {
    const std::string folded = fold(s, true);
    std::string out;
    bool pending_separator = false;
    for (unsigned char c : folded) {
        if (c == '\'' || c == '.') continue;  // "Côte d'Ivoire" -> "cote divoire", "U.S." -> "us"
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 ||
                          word_marks.find(static_cast<char>(c)) != std::string_view::npos;
        if (keep) {
            if (pending_separator && !out.empty()) out += separator;
            pending_separator = false;
            out += static_cast<char>(c);
        } else {
            pending_separator = true;
        }
    }
    return out;
}

std::string slugify(std::string_view s) {
    return fold_words(s, '-');
}

uint64_t fnv1a64(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hex64(uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t pos = s.find(sep, start);
        parts.emplace_back(s.substr(start, pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return parts;
}

}  // namespace attache
