#define BOOST_TEST_MODULE date_parser
#include <boost/test/unit_test.hpp>

#include <string>

#include "indexer/extract/date_parser.h"

using attache::extract::parse_published_date;
using attache::schema::PartialDate;

namespace {

// The date as "YYYY-MM-DD" (or partial) and the normalized text, or "none".
std::string date_of(const char* text) {
    const auto d = parse_published_date(text);
    return d ? d->date.iso() : "none";
}

std::string normalized_of(const char* text) {
    const auto d = parse_published_date(text);
    return d ? d->normalized : "none";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(date_parser)

BOOST_AUTO_TEST_CASE(iso_full_date) {
    const auto d = parse_published_date("2024-11-01");
    BOOST_REQUIRE(d);
    BOOST_TEST((d->date == PartialDate{2024, 11, 1}));
    BOOST_TEST(d->normalized == "2024-11-01");
}

BOOST_AUTO_TEST_CASE(iso_partial_dates) {
    const auto month = parse_published_date("2023-09");
    BOOST_REQUIRE(month);
    BOOST_TEST((month->date == PartialDate{2023, 9, 0}));
    BOOST_TEST(month->normalized == "2023-09");
    const auto year = parse_published_date("2023");
    BOOST_REQUIRE(year);
    BOOST_TEST((year->date == PartialDate{2023, 0, 0}));
    BOOST_TEST(year->normalized == "2023");
}

BOOST_AUTO_TEST_CASE(iso_with_time_and_zone) {
    BOOST_TEST(normalized_of("2024-11-01T09:30:00Z") == "2024-11-01T09:30:00Z");
    BOOST_TEST(normalized_of("2024-11-01T09:30:00+09:00") == "2024-11-01T09:30:00+09:00");
    BOOST_TEST(normalized_of("2024-11-01T09:30:00+0900") == "2024-11-01T09:30:00+09:00");
    BOOST_TEST(normalized_of("2024-11-01T09:30:00-05:00") == "2024-11-01T09:30:00-05:00");
    BOOST_TEST(normalized_of("2024-11-01T09:30") == "2024-11-01T09:30:00");
}

BOOST_AUTO_TEST_CASE(iso_with_space_separator_and_fractional_seconds) {
    BOOST_TEST(normalized_of("2024-11-01 09:30:00") == "2024-11-01T09:30:00");
    BOOST_TEST(normalized_of("2024-11-01T09:30:00.123Z") == "2024-11-01T09:30:00Z");
    BOOST_TEST(normalized_of("2024-11-01T09:30:00.123456+09:00") == "2024-11-01T09:30:00+09:00");
}

BOOST_AUTO_TEST_CASE(local_date_is_kept_without_utc_shift) {
    BOOST_TEST(date_of("2024-11-01T01:00:00+09:00") == "2024-11-01");
    BOOST_TEST(date_of("2024-11-01T23:30:00-05:00") == "2024-11-01");
    BOOST_TEST(date_of("Fri, 01 Nov 2024 01:00:00 +0900") == "2024-11-01");
}

BOOST_AUTO_TEST_CASE(rfc_822_dates) {
    const auto d = parse_published_date("Fri, 01 Nov 2024 09:30:00 +0900");
    BOOST_REQUIRE(d);
    BOOST_TEST((d->date == PartialDate{2024, 11, 1}));
    BOOST_TEST(d->normalized == "2024-11-01T09:30:00+09:00");
    BOOST_TEST(normalized_of("1 Nov 2024 09:30 GMT") == "2024-11-01T09:30:00Z");
    BOOST_TEST(normalized_of("Fri, 1 Nov 2024 09:30:00 EST") == "2024-11-01T09:30:00-05:00");
}

BOOST_AUTO_TEST_CASE(rfc_822_two_digit_year_is_rejected) {
    BOOST_TEST(date_of("Fri, 01 Nov 24 09:30:00 +0900") == "none");
}

BOOST_AUTO_TEST_CASE(written_forms) {
    BOOST_TEST(normalized_of("Nov. 1, 2024") == "2024-11-01");
    BOOST_TEST(normalized_of("November 1, 2024") == "2024-11-01");
    BOOST_TEST(normalized_of("1 November 2024") == "2024-11-01");
    BOOST_TEST(normalized_of("Friday, November 1, 2024") == "2024-11-01");
    BOOST_TEST(normalized_of("Sept. 5, 2023") == "2023-09-05");
    BOOST_TEST(normalized_of("November 1st, 2024") == "2024-11-01");
    BOOST_TEST(normalized_of("March 22nd, 2024") == "2024-03-22");
    BOOST_TEST(normalized_of("November 2024") == "2024-11");
}

BOOST_AUTO_TEST_CASE(written_form_with_time_and_zone) {
    BOOST_TEST(normalized_of("November 1, 2024 10:00 EST") == "2024-11-01T10:00:00-05:00");
    BOOST_TEST(normalized_of("Nov 1, 2024 10:00 KST") == "2024-11-01T10:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(slashes_and_compact_digits) {
    BOOST_TEST(normalized_of("2024/11/01") == "2024-11-01");
    BOOST_TEST(normalized_of("20241101") == "2024-11-01");
    BOOST_TEST(normalized_of("2024.11.01") == "2024-11-01");
}

BOOST_AUTO_TEST_CASE(unix_seconds_and_milliseconds) {
    BOOST_TEST(normalized_of("1730453400") == "2024-11-01T09:30:00Z");
    BOOST_TEST(normalized_of("1730453400123") == "2024-11-01T09:30:00Z");
    BOOST_TEST(date_of("1730419199") == "2024-10-31");
}

BOOST_AUTO_TEST_CASE(surrounding_whitespace_is_ignored) {
    BOOST_TEST(normalized_of("  2024-11-01\t") == "2024-11-01");
}

BOOST_AUTO_TEST_CASE(rejections) {
    for (const char* bad : {"yesterday", "2024-13-01", "31/02/2024", "", "   ", "Nov 31, 2024",
                            "2023-02-29", "20241301", "2024-11-01T25:00:00", "not a date",
                            "November", "1 2 3", "2024-11-01Tnoon", "1700-01-01"}) {
        BOOST_TEST(date_of(bad) == "none", "'" << bad << "'");
    }
}

BOOST_AUTO_TEST_CASE(leap_day) {
    BOOST_TEST(date_of("Feb 29, 2024") == "2024-02-29");
    BOOST_TEST(date_of("Feb 29, 2023") == "none");
}

BOOST_AUTO_TEST_CASE(month_names_and_abbreviations) {
    BOOST_TEST(date_of("1 Nov 2024") == "2024-11-01");
    BOOST_TEST(date_of("1 Nov. 2024") == "2024-11-01");
    BOOST_TEST(date_of("1 november 2024") == "2024-11-01");
    BOOST_TEST(date_of("1 Sept 2024") == "2024-09-01");
    BOOST_TEST(date_of("1 SEPTEMBER 2024") == "2024-09-01");
    BOOST_TEST(date_of("1 May 2024") == "2024-05-01");
    BOOST_TEST(date_of("1 Ma 2024") == "none");
    BOOST_TEST(date_of("1 Novem 2024") == "none");
    BOOST_TEST(date_of("1 Friday 2024") == "none");
}

// Regression: a written date whose time has a one-digit hour or "a.m."/"p.m." (common in US news:
// "Nov. 1, 2024, 9:30 a.m. EST") is rejected whole, so the article loses a date that is
// plainly there.
BOOST_AUTO_TEST_CASE(written_date_with_one_digit_hour_keeps_the_date) {
    BOOST_TEST(date_of("November 1, 2024 9:30 EST") == "2024-11-01");
    BOOST_TEST(date_of("Nov. 1, 2024, 9:30 a.m. EST") == "2024-11-01");
}

BOOST_AUTO_TEST_SUITE_END()
