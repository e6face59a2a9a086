// Parses the published date of an article in the forms news dumps use: ISO 8601 (full or
// partial, with time and zone), RFC 822/2822 ("Fri, 01 Nov 2024 09:30:00 +0900"), written
// forms ("Nov. 1, 2024", "1 November 2024", "Friday, November 1, 2024"), "2024/11/01",
// "20241101" and Unix timestamps. The date kept is the calendar date as written in the
// input (its own time zone), never shifted to UTC: that is the date readers of the article saw.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/dates.h"

namespace attache::extract {

struct PublishedDate {
    schema::PartialDate date;
    std::string normalized;  // "2024-11-01", "2024-11", or "2024-11-01T09:30:00+09:00"
};

std::optional<PublishedDate> parse_published_date(std::string_view text);

}  // namespace attache::extract
