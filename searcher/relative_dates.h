// Relative date ranges for date: and mentioned:, evaluated against a clock that scripts can pin
// (--now DATE or $ATTACHE_NOW) so that a run gives the same answer tomorrow:
//   today, yesterday, this-week, last-week, this-month, last-month, this-year, last-year,
//   last-N-days, last-N-weeks, last-N-months, last-N-years (N >= 1, the period ending today).
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "schema/dates.h"

namespace attache {

// The first and last day ("YYYYMMDD") of a relative range, or nullopt if `text` is not one.
std::optional<std::pair<std::string, std::string>> relative_range(const std::string& text,
                                                                  const schema::PartialDate& today);

// --now, else $ATTACHE_NOW, else the local date. Throws UsageError on a malformed date.
schema::PartialDate resolve_now(const std::string& option);

}  // namespace attache
