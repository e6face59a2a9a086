// The English calendar words that dates are written with, and weekday and month arithmetic on
// day numbers (schema/dates.h). The published-date parser, the finder of dates in article text
// and the relative ranges of queries (last-week, this-month) all read them from here.
#pragma once

#include <string_view>

#include "schema/dates.h"

namespace attache::schema {

// 1..12 for an English month name ("october") or its abbreviation ("oct", "sept"), in any case;
// 0 for anything else. `abbreviated`, when given, tells which of the two was written.
int month_number(std::string_view word, bool* abbreviated = nullptr);

// 0 (Monday) .. 6 (Sunday) for an English weekday name ("thursday"), in any case; else -1.
int weekday_number(std::string_view word);

// 0 (Monday) .. 6 (Sunday) when the word starts with a weekday's three-letter abbreviation
// ("Fri", "Fri.", "Friday"), in any case; else -1.
int weekday_from_prefix(std::string_view word);

// The weekday, 0 (Monday) .. 6 (Sunday), of a day given as days since 1970-01-01.
int weekday_of_days(long days);

// Days from day `from` to the nearest `weekday` looking back (direction < 0) or ahead
// (direction >= 0): 0 when `from` is that weekday, unless `strict` asks for a week away.
long days_to_weekday(long from, int weekday, int direction, bool strict);

// The month `months` after (or, negative, before) the month of `d`; the day is kept as it is.
PartialDate add_months(PartialDate d, int months);

}  // namespace attache::schema
