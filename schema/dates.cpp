#include "schema/dates.h"

#include <cstdio>

namespace attache::schema {

std::string PartialDate::iso() const {
    char buf[16];
    if (!known()) return "";
    if (month == 0) {
        std::snprintf(buf, sizeof buf, "%04d", year);
    } else if (day == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    }
    return buf;
}

std::string PartialDate::value() const {
    if (!known()) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month ? month : 1, day ? day : 1);
    return buf;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap_year = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap_year ? 29 : days[month - 1];
}

std::vector<std::string> enclosing_periods(std::string_view iso) {
    std::vector<std::string> out{std::string(iso.substr(0, 4))};
    if (iso.size() >= 7) out.emplace_back(iso.substr(0, 7));
    if (iso.size() == 10) out.emplace_back(iso);
    return out;
}

std::string iso_digits(std::string_view iso) {
    std::string out(iso);
    std::erase(out, '-');
    return out;
}

namespace {

bool read_digits(std::string_view s, size_t pos, size_t count, int& out) {
    if (pos + count > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

}  // namespace

std::optional<PartialDate> parse_iso_partial(std::string_view text) {
    PartialDate d;
    if (!read_digits(text, 0, 4, d.year) || d.year == 0) return std::nullopt;
    if (text.size() == 4) return d;
    if (text.size() < 7 || text[4] != '-' || !read_digits(text, 5, 2, d.month)) return std::nullopt;
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (text.size() == 7) return d;
    if (text.size() != 10 || text[7] != '-' || !read_digits(text, 8, 2, d.day)) return std::nullopt;
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

// Era-based conversion (400-year eras of 146097 days), exact for the proleptic Gregorian calendar.
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

PartialDate civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
    return PartialDate{y, m, d};
}

}  // namespace attache::schema
