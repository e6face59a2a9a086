#define BOOST_TEST_MODULE date_mentions
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/date_mentions.h"

using attache::extract::DateMention;
using attache::extract::find_date_mentions;
using attache::schema::PartialDate;

namespace {

using Published = std::optional<PartialDate>;

const Published kFriday = PartialDate{2024, 11, 1};     // a Friday
const Published kThursday = PartialDate{2024, 10, 31};  // a Thursday
const Published kNewYear = PartialDate{2025, 1, 3};     // a Friday, just after a year boundary
const Published kNone = std::nullopt;

// Each mention as "surface=date", with "~" after the date when it was resolved against the
// published date: compact to compare, and it shows offsets and dates at once.
std::vector<std::string> found(std::string_view text, const Published& published) {
    std::vector<std::string> out;
    for (const DateMention& m : find_date_mentions(text, published)) {
        out.push_back(m.text + "=" + m.date.iso() + (m.relative ? "~" : ""));
    }
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(date_mentions)

BOOST_AUTO_TEST_CASE(written_dates_with_a_year) {
    BOOST_TEST(found("Talks began Oct. 31, 2024 in Seoul.", kNone) ==
               (Strings{"Oct. 31, 2024=2024-10-31"}));
    BOOST_TEST(found("Talks began October 31, 2024.", kNone) ==
               (Strings{"October 31, 2024=2024-10-31"}));
    BOOST_TEST(found("Talks began on 31 October 2024.", kNone) ==
               (Strings{"31 October 2024=2024-10-31"}));
    BOOST_TEST(found("signed Sept. 19, 2018, in Pyongyang", kNone) ==
               (Strings{"Sept. 19, 2018=2018-09-19"}));
}

BOOST_AUTO_TEST_CASE(offsets_slice_back_to_the_surface_text) {
    const std::string text =
        "\xE2\x80\x9CIt was agreed on Oct. 31,\xE2\x80\x9D she said yesterday, adding that the "
        "2024 summit in mid-2024 would follow talks held 31 October 2024.";
    const auto mentions = find_date_mentions(text, kFriday);
    BOOST_REQUIRE_EQUAL(mentions.size(), 5u);
    for (const auto& m : mentions) {
        BOOST_TEST(m.begin < m.end);
        BOOST_TEST(text.substr(m.begin, m.end - m.begin) == m.text);
    }
    BOOST_TEST(mentions[0].text == "Oct. 31");
    BOOST_TEST(mentions[1].text == "yesterday");
    BOOST_TEST(mentions[2].text == "2024");
    BOOST_TEST(mentions[3].text == "2024");
    BOOST_TEST(mentions[4].text == "31 October 2024");
}

BOOST_AUTO_TEST_CASE(ordinal_days) {
    BOOST_TEST(found("on October 31st, 2024", kNone) == (Strings{"October 31st, 2024=2024-10-31"}));
    BOOST_TEST(found("on the 31st of October 2024", kNone) ==
               (Strings{"31st of October 2024=2024-10-31"}));
    BOOST_TEST(found("by Nov. 2nd", kFriday) == (Strings{"Nov. 2nd=2024-11-02~"}));
    BOOST_TEST(found("on the 1st of November", kFriday) ==
               (Strings{"1st of November=2024-11-01~"}));
}

BOOST_AUTO_TEST_CASE(month_and_year) {
    BOOST_TEST(found("since October 2024, and in May 2023", kNone) ==
               (Strings{"October 2024=2024-10", "May 2023=2023-05"}));
    BOOST_TEST(found("from Jan. 2020 on", kNone) == (Strings{"Jan. 2020=2020-01"}));
}

BOOST_AUTO_TEST_CASE(iso_dates) {
    BOOST_TEST(found("the deadline (2024-10-31) passed", kNone) ==
               (Strings{"2024-10-31=2024-10-31"}));
    BOOST_TEST(found("stamped 2024-10-31T09:30:00Z.", kNone) == (Strings{"2024-10-31=2024-10-31"}));
    BOOST_TEST(found("ref att-2024-10-31 and 2024-10-31-001", kNone).empty());
    BOOST_TEST(found("2024-02-30 is not a day", kNone).empty());
}

BOOST_AUTO_TEST_CASE(day_and_month_take_the_published_year) {
    BOOST_TEST(found("met on Oct. 31 and again on 2 November", kFriday) ==
               (Strings{"Oct. 31=2024-10-31~", "2 November=2024-11-02~"}));
    BOOST_TEST(found("met on October 31", kFriday) == (Strings{"October 31=2024-10-31~"}));
    // Earlier in the year, or up to half a year ahead, stays in the published year.
    BOOST_TEST(found("since April 1", kFriday) == (Strings{"April 1=2024-04-01~"}));
    BOOST_TEST(found("due on March 15", kNewYear) == (Strings{"March 15=2025-03-15~"}));
}

BOOST_AUTO_TEST_CASE(year_inferred_across_a_year_boundary) {
    BOOST_TEST(found("talks held Dec. 28 ended on Jan. 2", kNewYear) ==
               (Strings{"Dec. 28=2024-12-28~", "Jan. 2=2025-01-02~"}));
    BOOST_TEST(found("since Aug. 1", kNewYear) == (Strings{"Aug. 1=2024-08-01~"}));
}

BOOST_AUTO_TEST_CASE(partial_published_date_still_places_written_dates) {
    const Published september = PartialDate{2024, 9, 0};
    BOOST_TEST(found("on 10 December and on Dec. 10, 2023", september) ==
               (Strings{"10 December=2024-12-10~", "Dec. 10, 2023=2023-12-10"}));
    BOOST_TEST(found("yesterday and last year", september).empty());
    const Published year_only = PartialDate{2019, 0, 0};
    BOOST_TEST(found("on May 9", year_only) == (Strings{"May 9=2019-05-09~"}));
}

BOOST_AUTO_TEST_CASE(years_need_a_cue) {
    BOOST_TEST(found("in 2023, since 2019, by 2030", kNone) ==
               (Strings{"2023=2023", "2019=2019", "2030=2030"}));
    BOOST_TEST(found("In 2021 and until 2025", kNone) == (Strings{"2021=2021", "2025=2025"}));
    BOOST_TEST(found("in mid-2024 and early 2025", kNone) == (Strings{"2024=2024", "2025=2025"}));
    BOOST_TEST(found("the 2024 summit and the 2022 presidential election", kNone) ==
               (Strings{"2024=2024", "2022=2022"}));
    BOOST_TEST(found("at the end of 2023", kNone) == (Strings{"2023=2023"}));
}

BOOST_AUTO_TEST_CASE(year_lists_and_ranges) {
    BOOST_TEST(found("between 2019 and 2023", kNone) == (Strings{"2019=2019", "2023=2023"}));
    BOOST_TEST(found("from 2019\xE2\x80\x93"
                     "2023",
                     kNone) == (Strings{"2019=2019", "2023=2023"}));
    BOOST_TEST(found("in 2024-25", kNone).empty());
}

BOOST_AUTO_TEST_CASE(numbers_that_are_not_dates) {
    BOOST_TEST(found("some 8,000 troops and 2024 troops", kFriday).empty());
    BOOST_TEST(found("the G20 and COP28 met; 2+2 talks followed", kFriday).empty());
    BOOST_TEST(found("under Resolution 2231 of the Security Council", kFriday).empty());
    BOOST_TEST(found("a total of 2024 votes in the 1990s", kFriday).empty());
}

BOOST_AUTO_TEST_CASE(may_is_a_month_only_with_a_number) {
    BOOST_TEST(found("Theresa May said you may go", kFriday).empty());
    BOOST_TEST(found("Theresa May 9 times", kFriday).empty());
    BOOST_TEST(found("on May 9 and 9 May 2024, in May 2024", kFriday) ==
               (Strings{"May 9=2024-05-09~", "9 May 2024=2024-05-09", "May 2024=2024-05"}));
    BOOST_TEST(found("SEOUL, May 9 (Yonhap)", kFriday) == (Strings{"May 9=2024-05-09~"}));
    BOOST_TEST(found("the march 5 protest", kFriday).empty());
}

BOOST_AUTO_TEST_CASE(today_yesterday_tomorrow) {
    BOOST_TEST(found("Today, yesterday and tomorrow.", kFriday) ==
               (Strings{"Today=2024-11-01~", "yesterday=2024-10-31~", "tomorrow=2024-11-02~"}));
    BOOST_TEST(found("she told USA Today", kFriday).empty());
}

BOOST_AUTO_TEST_CASE(weekday_is_the_most_recent_one) {
    BOOST_TEST(found("met on Thursday", kFriday) == (Strings{"Thursday=2024-10-31~"}));
    BOOST_TEST(found("met on Thursday", kThursday) == (Strings{"Thursday=2024-10-31~"}));
    BOOST_TEST(found("said Friday", kFriday) == (Strings{"Friday=2024-11-01~"}));
    BOOST_TEST(found("on Saturday", kFriday) == (Strings{"Saturday=2024-10-26~"}));
    BOOST_TEST(found("on Monday", kNewYear) == (Strings{"Monday=2024-12-30~"}));
}

BOOST_AUTO_TEST_CASE(weekday_after_will_looks_ahead) {
    BOOST_TEST(found("Biden will meet Xi on Monday", kFriday) == (Strings{"Monday=2024-11-04~"}));
    BOOST_TEST(found("they'll vote Friday", kFriday) == (Strings{"Friday=2024-11-01~"}));
    BOOST_TEST(found("It will rain. They met on Monday", kFriday) ==
               (Strings{"Monday=2024-10-28~"}));
}

BOOST_AUTO_TEST_CASE(last_next_and_this_coming_weekday) {
    BOOST_TEST(found("last Thursday", kThursday) == (Strings{"last Thursday=2024-10-24~"}));
    BOOST_TEST(found("last Thursday", kFriday) == (Strings{"last Thursday=2024-10-31~"}));
    BOOST_TEST(found("next Thursday", kThursday) == (Strings{"next Thursday=2024-11-07~"}));
    BOOST_TEST(found("next Monday", kFriday) == (Strings{"next Monday=2024-11-04~"}));
    BOOST_TEST(found("this coming Friday", kFriday) == (Strings{"this coming Friday=2024-11-08~"}));
    BOOST_TEST(found("Last Wednesday", kFriday) == (Strings{"Last Wednesday=2024-10-30~"}));
}

BOOST_AUTO_TEST_CASE(weekday_in_names_and_before_dates) {
    BOOST_TEST(found("the Tuesday Group met", kFriday).empty());
    BOOST_TEST(found("Tuesday Group members", kFriday).empty());
    BOOST_TEST(found("the Sunday Times and every Friday", kFriday).empty());
    BOOST_TEST(found("on Black Friday", kFriday).empty());
    BOOST_TEST(found("on Thursday, Oct. 31, 2024", kFriday) ==
               (Strings{"Oct. 31, 2024=2024-10-31"}));
    BOOST_TEST(found("Thursday's meeting", kFriday) == (Strings{"Thursday=2024-10-31~"}));
}

BOOST_AUTO_TEST_CASE(weeks_name_no_single_date) {
    BOOST_TEST(found("last week and next week, this week", kFriday).empty());
}

BOOST_AUTO_TEST_CASE(relative_months) {
    BOOST_TEST(found("last month, this month and next month", kFriday) ==
               (Strings{"last month=2024-10~", "this month=2024-11~", "next month=2024-12~"}));
    BOOST_TEST(found("last month", kNewYear) == (Strings{"last month=2024-12~"}));
    const Published december = PartialDate{2024, 12, 15};
    BOOST_TEST(found("next month", december) == (Strings{"next month=2025-01~"}));
}

BOOST_AUTO_TEST_CASE(relative_years) {
    BOOST_TEST(
        found("Last year, earlier this year and later this year; next year", kFriday) ==
        (Strings{"Last year=2023~", "this year=2024~", "this year=2024~", "next year=2025~"}));
    BOOST_TEST(found("in the last year and the next year", kFriday).empty());
}

BOOST_AUTO_TEST_CASE(days_ago) {
    BOOST_TEST(found("three days ago", kFriday) == (Strings{"three days ago=2024-10-29~"}));
    BOOST_TEST(found("10 days ago", kFriday) == (Strings{"10 days ago=2024-10-22~"}));
    BOOST_TEST(found("a day ago", kNewYear) == (Strings{"a day ago=2025-01-02~"}));
    BOOST_TEST(found("5 days ago", kNewYear) == (Strings{"5 days ago=2024-12-29~"}));
}

BOOST_AUTO_TEST_CASE(without_published_date_only_dates_with_a_year) {
    BOOST_TEST(
        found("Yesterday, on Thursday, last month and Oct. 31, three days ago", kNone).empty());
    BOOST_TEST(found("on Oct. 31 it recalled Oct. 31, 2023 and in 2019", kNone) ==
               (Strings{"Oct. 31, 2023=2023-10-31", "2019=2019"}));
}

BOOST_AUTO_TEST_CASE(curly_quotes_and_dashes_around_dates) {
    BOOST_TEST(found("\xE2\x80\x9COct. 31, 2024\xE2\x80\x9D and \xE2\x80\x98"
                     "2 Nov."
                     "\xE2\x80\x99",
                     kFriday) == (Strings{"Oct. 31, 2024=2024-10-31", "2 Nov.=2024-11-02~"}));
    BOOST_TEST(found("the vote\xE2\x80\x94on Oct. 31\xE2\x80\x94passed", kFriday) ==
               (Strings{"Oct. 31=2024-10-31~"}));
    BOOST_TEST(found("on\xC2\xA0"
                     "31\xC2\xA0October\xC2\xA0"
                     "2024",
                     kNone) == (Strings{"31\xC2\xA0October\xC2\xA0"
                                        "2024=2024-10-31"}));
}

BOOST_AUTO_TEST_CASE(ranges_give_both_ends) {
    BOOST_TEST(found("Oct. 31-Nov. 1, 2024", kNone) ==
               (Strings{"Oct. 31=2024-10-31", "Nov. 1, 2024=2024-11-01"}));
    BOOST_TEST(found("Oct. 31\xE2\x80\x93Nov. 1", kFriday) ==
               (Strings{"Oct. 31=2024-10-31~", "Nov. 1=2024-11-01~"}));
    BOOST_TEST(found("Oct. 28-30, 2024", kNone) ==
               (Strings{"Oct. 28=2024-10-28", "30, 2024=2024-10-30"}));
    BOOST_TEST(found("28-30 October 2024", kNone) ==
               (Strings{"28=2024-10-28", "30 October 2024=2024-10-30"}));
    BOOST_TEST(found("31 October-1 November 2024", kNone) ==
               (Strings{"31 October=2024-10-31", "1 November 2024=2024-11-01"}));
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_ignored) {
    BOOST_TEST(found("Feb. 30, 2024 and 31 April 2024 and Feb. 29, 2023", kNone).empty());
    BOOST_TEST(found("Feb. 29, 2024", kNone) == (Strings{"Feb. 29, 2024=2024-02-29"}));
    BOOST_TEST(found("on Feb. 30", kFriday).empty());
}

BOOST_AUTO_TEST_CASE(nothing_inside_links_or_ids) {
    BOOST_TEST(found("see https://news.example.org/2024/10/31/oct-31-2024-summit for more", kFriday)
                   .empty());
    BOOST_TEST(found("www.example.org/in-2023 and report_2024-10-31.pdf, press@2024.org", kFriday)
                   .empty());
    BOOST_TEST(found("(https://x.org/a) on Oct. 31, 2024", kNone) ==
               (Strings{"Oct. 31, 2024=2024-10-31"}));
}

BOOST_AUTO_TEST_CASE(dates_do_not_span_a_paragraph_break) {
    BOOST_TEST(found("Leaders meet in May\n\n2024 troops left", kNone).empty());
    BOOST_TEST(found("talks on March\n3, 1987 failed", kNone) ==
               (Strings{"March\n3, 1987=1987-03-03"}));
}

BOOST_AUTO_TEST_CASE(mentions_come_in_text_order_once_each) {
    BOOST_TEST(found("Oct. 31, then 2024-11-01, then Oct. 31 again, yesterday", kFriday) ==
               (Strings{"Oct. 31=2024-10-31~", "2024-11-01=2024-11-01", "Oct. 31=2024-10-31~",
                        "yesterday=2024-10-31~"}));
}

BOOST_AUTO_TEST_CASE(odd_input_does_not_break_it) {
    BOOST_TEST(found("", kFriday).empty());
    for (const char* text : {"Oct.", "Oct. 3", "on Oct. 31-", "31st of", "in", "2024-10-", "last",
                             "this coming", "three days", "mid-", "\xE2\x80", "\xFF\xFE 2024 \xC2",
                             "Oct. 31-Nov.", "28-30", "the 31st of May"}) {
        const std::string s = text;
        for (const auto& m : find_date_mentions(s, kFriday)) {
            BOOST_TEST(m.end <= s.size());
            BOOST_TEST(s.substr(m.begin, m.end - m.begin) == m.text);
        }
    }
    BOOST_TEST(found("the 31st of May", kFriday) == (Strings{"31st of May=2024-05-31~"}));
}

BOOST_AUTO_TEST_SUITE_END()

// Found on the evaluation set: "the inauguration in January" in a November article was missed.
BOOST_AUTO_TEST_CASE(a_bare_month_after_a_preposition_is_the_nearest_such_month) {
    BOOST_TEST(found("after the inauguration in January.", kFriday) == Strings{"January=2025-01~"});
    BOOST_TEST(found("He steps down in October.", kFriday) == Strings{"October=2024-10~"});
    BOOST_TEST(found("martial law in December, then", PartialDate{2025, 4, 4}) ==
               Strings{"December=2024-12~"});
    // Names and verbs stay what they are.
    BOOST_TEST(found("May said she would go.", kFriday).empty());
    BOOST_TEST(found("Prices may march on.", kFriday).empty());
    BOOST_TEST(found("Crowds in May Day rallies.", kFriday).empty());
}

// Found on the evaluation set: "are expected to meet again on Friday" read as the last Friday.
BOOST_AUTO_TEST_CASE(expected_due_and_heads_look_forward_had_been_due_does_not) {
    BOOST_TEST(found("The ministers are expected to meet again on Friday.", kThursday) ==
               Strings{"Friday=2024-11-01~"});
    BOOST_TEST(found("Trump leaves for the APEC summit on Friday.", kThursday) ==
               Strings{"Friday=2024-11-01~"});
    BOOST_TEST(found("The talks had been due to end on Friday.", kThursday) ==
               Strings{"Friday=2024-10-25~"});
    BOOST_TEST(found("Theresa May will succeed David Cameron as Britain's prime minister on "
                     "Wednesday.",
                     kThursday) == Strings{"Wednesday=2024-11-06~"});
}
