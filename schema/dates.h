// How dates are stored: a published date may be partial (a year, or a year and month, as in
// the UN General Debate data). Terms carry only the known parts; the sortable value treats a
// partial date as the first day of its period (documented in docs/schema.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attache::schema {

// Sortable "YYYYMMDD" values before and after every real date: the open ends of a date range,
// and the bounds of a KB office held without a known start or end.
inline constexpr std::string_view kEarliestDateValue = "00000101";
inline constexpr std::string_view kLatestDateValue = "99991231";

struct PartialDate {
    int year = 0;   // 0 when unknown
    int month = 0;  // 1..12, 0 when unknown
    int day = 0;    // 1..31, 0 when unknown

    bool known() const { return year != 0; }
    // "2024", "2024-10" or "2024-10-31".
    std::string iso() const;
    // "YYYYMMDD" for the value slot; unknown month/day become 01.
    std::string value() const;
    bool operator==(const PartialDate&) const = default;
};

int days_in_month(int year, int month);

// Parses the ISO forms that iso() produces ("2024", "2024-10", "2024-10-31"); nullopt
// when the text is not one of them or names an impossible date.
std::optional<PartialDate> parse_iso_partial(std::string_view text);

// The ISO periods that hold a date, coarsest first: "2024-10-31" -> "2024", "2024-10",
// "2024-10-31"; "2024-10" -> "2024", "2024-10"; "2024" -> "2024".
std::vector<std::string> enclosing_periods(std::string_view iso);
// The digits of an ISO date or period, as terms spell it: "2024-10-31" -> "20241031".
std::string iso_digits(std::string_view iso);

// Days since 1970-01-01 for a full date (proleptic Gregorian), and back.
long days_from_civil(int year, int month, int day);
PartialDate civil_from_days(long days);

}  // namespace attache::schema
