// Finds the dates an article's text mentions: written dates ("Oct. 31, 2024", "31 October",
// "October 2024"), ISO dates, years in a clear date context ("in 2023", "the 2024 summit") and,
// when the article has a full published date, relative ones ("yesterday", "last Thursday",
// "next month", "three days ago"). Written for English news prose: it prefers missing a date
// to reading one into a count ("8,000 troops"), a name ("Theresa May") or a code ("COP28").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/dates.h"

namespace attache::extract {

struct DateMention {
    schema::PartialDate date;  // year, year-month or full date
    uint32_t begin = 0;        // byte offsets into `text`
    uint32_t end = 0;
    std::string text;       // the surface form
    bool relative = false;  // resolved against the published date
};

// Dates mentioned in an article's text, in text order, each once per surface occurrence.
std::vector<DateMention> find_date_mentions(std::string_view text,
                                            const std::optional<schema::PartialDate>& published);

}  // namespace attache::extract
