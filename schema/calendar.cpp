#include "schema/calendar.h"

#include "common/text.h"

namespace attache::schema {

namespace {

constexpr std::string_view kMonthNames[] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};
constexpr std::string_view kWeekdayNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};

}  // namespace

int month_number(std::string_view word, bool* abbreviated) {
    bool abbreviation = false;
    int month = 0;
    for (int m = 0; m < 12 && month == 0; ++m) {
        if (ascii_iequals(word, kMonthNames[m])) month = m + 1;
    }
    if (month == 0) {
        abbreviation = true;
        if (ascii_iequals(word, "sept")) {
            month = 9;
        } else if (word.size() == 3) {
            for (int m = 0; m < 12 && month == 0; ++m) {
                if (ascii_iequals(word, kMonthNames[m].substr(0, 3))) month = m + 1;
            }
        }
    }
    if (abbreviated && month != 0) *abbreviated = abbreviation;
    return month;
}

int weekday_number(std::string_view word) {
    for (int d = 0; d < 7; ++d) {
        if (ascii_iequals(word, kWeekdayNames[d])) return d;
    }
    return -1;
}

int weekday_from_prefix(std::string_view word) {
    if (word.size() < 3) return -1;
    for (int d = 0; d < 7; ++d) {
        if (ascii_iequals(word.substr(0, 3), kWeekdayNames[d].substr(0, 3))) return d;
    }
    return -1;
}

int weekday_of_days(long days) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

long days_to_weekday(long from, int weekday, int direction, bool strict) {
    const int from_weekday = weekday_of_days(from);
    int gap = direction < 0 ? (from_weekday - weekday + 7) % 7 : (weekday - from_weekday + 7) % 7;
    if (gap == 0 && strict) gap = 7;
    return direction < 0 ? -gap : gap;
}

PartialDate add_months(PartialDate d, int months) {
    const int index = d.year * 12 + (d.month - 1) + months;
    d.year = index / 12;
    d.month = index % 12 + 1;
    return d;
}

}  // namespace attache::schema
