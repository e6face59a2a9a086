#define BOOST_TEST_MODULE calendar
#include "schema/calendar.h"

#include <boost/test/unit_test.hpp>

namespace sc = attache::schema;

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(month_names_and_abbreviations_in_any_case) {
    bool abbreviated = true;
    BOOST_TEST(sc::month_number("October", &abbreviated) == 10);
    BOOST_TEST(!abbreviated);
    BOOST_TEST(sc::month_number("MAY", &abbreviated) == 5);
    BOOST_TEST(!abbreviated);  // "May" is the whole name, not a shortening
    BOOST_TEST(sc::month_number("oct", &abbreviated) == 10);
    BOOST_TEST(abbreviated);
    BOOST_TEST(sc::month_number("Sept", &abbreviated) == 9);
    BOOST_TEST(abbreviated);
    for (const char* not_a_month : {"", "Ma", "Octo", "Septem", "Oct.", "Friday", "mayday"})
        BOOST_TEST(sc::month_number(not_a_month) == 0, not_a_month);
}

BOOST_AUTO_TEST_CASE(weekday_names_and_abbreviations) {
    BOOST_TEST(sc::weekday_number("Monday") == 0);
    BOOST_TEST(sc::weekday_number("SUNDAY") == 6);
    BOOST_TEST(sc::weekday_number("Thu") == -1);  // names only
    BOOST_TEST(sc::weekday_from_prefix("Thu") == 3);
    BOOST_TEST(sc::weekday_from_prefix("fri.") == 4);
    BOOST_TEST(sc::weekday_from_prefix("Saturday") == 5);
    BOOST_TEST(sc::weekday_from_prefix("Sa") == -1);
    BOOST_TEST(sc::weekday_from_prefix("Nov") == -1);
}

BOOST_AUTO_TEST_CASE(weekday_arithmetic_on_day_numbers) {
    BOOST_TEST(sc::weekday_of_days(0) == 3);   // 1970-01-01 was a Thursday
    BOOST_TEST(sc::weekday_of_days(-1) == 2);  // and the day before a Wednesday
    const long fri = sc::days_from_civil(2024, 11, 1);
    BOOST_TEST(sc::weekday_of_days(fri) == 4);
    BOOST_TEST(sc::days_to_weekday(fri, 0, -1, false) == -4);  // the Monday before
    BOOST_TEST(sc::days_to_weekday(fri, 0, 1, false) == 3);    // the Monday after
    BOOST_TEST(sc::days_to_weekday(fri, 4, -1, false) == 0);   // that very Friday
    BOOST_TEST(sc::days_to_weekday(fri, 4, -1, true) == -7);   // "last Friday"
    BOOST_TEST(sc::days_to_weekday(fri, 4, 1, true) == 7);     // "next Friday"
}

BOOST_AUTO_TEST_CASE(month_arithmetic_crosses_years_and_keeps_the_day) {
    BOOST_TEST((sc::add_months(sc::PartialDate{2024, 1, 31}, -1) == sc::PartialDate{2023, 12, 31}));
    BOOST_TEST((sc::add_months(sc::PartialDate{2024, 12, 5}, 1) == sc::PartialDate{2025, 1, 5}));
    BOOST_TEST((sc::add_months(sc::PartialDate{2024, 3, 0}, -27) == sc::PartialDate{2021, 12, 0}));
}

BOOST_AUTO_TEST_SUITE_END()
