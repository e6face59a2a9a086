#include "indexer/extract/date_parser.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include "common/text.h"
#include "schema/calendar.h"

namespace attache::extract {

using schema::PartialDate;

namespace {

// 1..12 for an English month name or abbreviation ("Nov", "Nov.", "november", "Sept"), else 0.
int month_from_name(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    return schema::month_number(word);
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool valid(const PartialDate& d) {
    if (d.year < 1800 || d.year > 2200) return false;
    if (d.month == 0) return d.day == 0;
    if (d.month < 1 || d.month > 12) return false;
    return d.day == 0 || (d.day >= 1 && d.day <= schema::days_in_month(d.year, d.month));
}

struct Time {
    int h = -1, m = 0, s = 0;
    std::string zone;  // "+09:00", "Z" or ""
};

// "09:30", "09:30:00", "09:30:00.123", optionally followed by a zone: Z, +0900, +09:00, GMT, UTC
// and the US zone names RFC 822 allows.
bool parse_time(std::string_view text, Time& t) {
    size_t p = 0;
    auto two = [&](int& out) {
        if (p + 2 > text.size() || !all_digits(text.substr(p, 2))) return false;
        out = to_int(text.substr(p, 2));
        p += 2;
        return true;
    };
    // The hour may have one digit ("9:30 a.m."); minutes and seconds have two.
    if (p + 2 <= text.size() && all_digits(text.substr(0, 1)) && text[1] == ':') {
        t.h = text[0] - '0';
        p = 1;
    } else if (!two(t.h)) {
        return false;
    }
    if (p >= text.size() || text[p] != ':') return false;
    ++p;
    if (!two(t.m)) return false;
    if (p < text.size() && text[p] == ':') {
        ++p;
        if (!two(t.s)) return false;
        if (p < text.size() && (text[p] == '.' || text[p] == ',')) {
            ++p;
            while (p < text.size() && text[p] >= '0' && text[p] <= '9') ++p;
        }
    }
    if (t.h > 24 || t.m > 59 || t.s > 60) return false;
    while (p < text.size() && text[p] == ' ') ++p;
    std::string_view zone = text.substr(p);
    if (zone.empty()) return true;
    if (zone == "Z" || zone == "z" || zone == "GMT" || zone == "UT" || zone == "UTC") {
        t.zone = "Z";
        return true;
    }
    static const std::pair<std::string_view, std::string_view> kNamed[] = {
        {"EST", "-05:00"}, {"EDT", "-04:00"}, {"CST", "-06:00"}, {"CDT", "-05:00"},
        {"MST", "-07:00"}, {"MDT", "-06:00"}, {"PST", "-08:00"}, {"PDT", "-07:00"},
        {"KST", "+09:00"}, {"JST", "+09:00"}};
    for (const auto& [name, offset] : kNamed) {
        if (zone == name) {
            t.zone = offset;
            return true;
        }
    }
    if (zone[0] == '+' || zone[0] == '-') {
        std::string digits;
        for (char c : zone.substr(1)) {
            if (c == ':') continue;
            if (c < '0' || c > '9') return false;
            digits += c;
        }
        if (digits.size() == 2) digits += "00";
        if (digits.size() != 4) return false;
        t.zone = std::string(1, zone[0]) + digits.substr(0, 2) + ":" + digits.substr(2);
        return true;
    }
    return false;
}

std::string normalized(const PartialDate& d, const Time& t) {
    std::string out = d.iso();
    if (d.day != 0 && t.h >= 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", t.h, t.m, t.s);
        out += buf;
        out += t.zone;
    }
    return out;
}

std::optional<PublishedDate> make(const PartialDate& d, const Time& t = {}) {
    if (!valid(d)) return std::nullopt;
    return PublishedDate{d, normalized(d, t)};
}

// ISO 8601 and its common relatives: 2024, 2024-11, 2024-11-01, 2024/11/01, 20241101,
// 2024-11-01T09:30:00+09:00, "2024-11-01 09:30:00".
std::optional<PublishedDate> parse_numeric(std::string_view s) {
    PartialDate d;
    if (s.size() == 8 && all_digits(s)) {
        d = {to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2))};
        return make(d);
    }
    if (s.size() < 4 || !all_digits(s.substr(0, 4))) return std::nullopt;
    d.year = to_int(s.substr(0, 4));
    if (s.size() == 4) return make(d);
    const char sep = s[4];
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    size_t p = 5;
    size_t q = p;
    while (q < s.size() && s[q] >= '0' && s[q] <= '9') ++q;
    if (q == p || q - p > 2) return std::nullopt;
    d.month = to_int(s.substr(p, q - p));
    if (q == s.size()) return make(d);
    if (s[q] != sep) return std::nullopt;
    p = q + 1;
    q = p;
    while (q < s.size() && s[q] >= '0' && s[q] <= '9') ++q;
    if (q == p || q - p > 2) return std::nullopt;
    d.day = to_int(s.substr(p, q - p));
    if (q == s.size()) return make(d);
    if (s[q] != 'T' && s[q] != 't' && s[q] != ' ') return std::nullopt;
    Time t;
    if (!parse_time(trim(s.substr(q + 1)), t)) return std::nullopt;
    return make(d, t);
}

// Forms with a month name, in any order news uses: "Fri, 01 Nov 2024 09:30:00 +0900",
// "Nov. 1, 2024", "November 1, 2024 10:00 EST", "1 November 2024", "Friday, November 1, 2024".
std::optional<PublishedDate> parse_written(std::string_view s) {
    std::string spaced(s);
    std::replace_if(
        spaced.begin(), spaced.end(), [](char c) { return c == ',' || c == '\t'; }, ' ');
    PartialDate d;
    Time t;
    int day = 0;
    for (std::string w : split(spaced, ' ')) {
        if (w.empty()) continue;
        if (int m = month_from_name(w); m != 0 && d.month == 0) {
            d.month = m;
            continue;
        }
        const std::string lw_ampm = ascii_lower(w);
        if (lw_ampm == "a.m." || lw_ampm == "am" || lw_ampm == "p.m." || lw_ampm == "pm") {
            // 12-hour clock: only the date is kept for facets, but the time stays right too.
            if (t.h < 0) return std::nullopt;
            if (lw_ampm[0] == 'p' && t.h < 12) t.h += 12;
            if (lw_ampm[0] == 'a' && t.h == 12) t.h = 0;
            continue;
        }
        if (w.find(':') != std::string::npos) {
            if (!parse_time(w, t)) return std::nullopt;
            continue;
        }
        // A zone after the time ("09:30 +0900", "9:30 a.m. EST").
        if (t.h >= 0 && t.zone.empty()) {
            Time zone_only;
            if (parse_time("00:00 " + w, zone_only) && !zone_only.zone.empty()) {
                t.zone = zone_only.zone;
                continue;
            }
        }
        // Ordinals: "1st", "2nd", "3rd", "4th".
        if (w.size() > 2) {
            const std::string tail = ascii_lower(w.substr(w.size() - 2));
            if ((tail == "st" || tail == "nd" || tail == "rd" || tail == "th") &&
                all_digits(w.substr(0, w.size() - 2)))
                w = w.substr(0, w.size() - 2);
        }
        if (all_digits(w)) {
            if (w.size() == 4 && d.year == 0) {
                d.year = to_int(w);
            } else if (w.size() <= 2 && day == 0) {
                day = to_int(w);
            } else {
                return std::nullopt;
            }
            continue;
        }
        // Weekday names are allowed and ignored; anything else makes the text not a date.
        if (schema::weekday_from_prefix(w) < 0) return std::nullopt;
    }
    if (d.month == 0 || d.year == 0) return std::nullopt;
    d.day = day;
    return make(d, t);
}

}  // namespace

std::optional<PublishedDate> parse_published_date(std::string_view text) {
    const std::string s = trim(text);
    if (s.empty()) return std::nullopt;
    // Unix timestamps (seconds, or milliseconds) as some scrapers write them.
    if (all_digits(s) && (s.size() == 10 || s.size() == 13)) {
        long long secs = std::stoll(s);
        if (s.size() == 13) secs /= 1000;
        PartialDate d = schema::civil_from_days(static_cast<long>(secs / 86400));
        Time t;
        t.h = static_cast<int>((secs % 86400) / 3600);
        t.m = static_cast<int>((secs % 3600) / 60);
        t.s = static_cast<int>(secs % 60);
        t.zone = "Z";
        return make(d, t);
    }
    if (s[0] >= '0' && s[0] <= '9') {
        if (auto d = parse_numeric(s)) return d;
    }
    return parse_written(s);
}

}  // namespace attache::extract
