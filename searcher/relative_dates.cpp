#include "searcher/relative_dates.h"

#include <cstdlib>
#include <ctime>

#include "common/errors.h"
#include "schema/calendar.h"

namespace attache {

namespace sc = attache::schema;

namespace {

long to_days(const sc::PartialDate& d) {
    return sc::days_from_civil(d.year, d.month, d.day);
}
std::string value_of(long days) {
    return sc::civil_from_days(days).value();
}

std::pair<std::string, std::string> month_range(const sc::PartialDate& first_of_month) {
    sc::PartialDate last = first_of_month;
    last.day = sc::days_in_month(last.year, last.month);
    return {first_of_month.value(), last.value()};
}

}  // namespace

std::optional<std::pair<std::string, std::string>> relative_range(const std::string& text,
                                                                  const sc::PartialDate& today) {
    const long t = to_days(today);
    const long weekday = sc::weekday_of_days(t);  // weeks start on Monday
    if (text == "today") return std::pair{value_of(t), value_of(t)};
    if (text == "yesterday") return std::pair{value_of(t - 1), value_of(t - 1)};
    if (text == "this-week") return std::pair{value_of(t - weekday), value_of(t - weekday + 6)};
    if (text == "last-week") return std::pair{value_of(t - weekday - 7), value_of(t - weekday - 1)};
    sc::PartialDate month_start = today;
    month_start.day = 1;
    if (text == "this-month") return month_range(month_start);
    if (text == "last-month") return month_range(sc::add_months(month_start, -1));
    if (text == "this-year")
        return std::pair{sc::PartialDate{today.year, 1, 1}.value(),
                         sc::PartialDate{today.year, 12, 31}.value()};
    if (text == "last-year") {
        return std::pair{sc::PartialDate{today.year - 1, 1, 1}.value(),
                         sc::PartialDate{today.year - 1, 12, 31}.value()};
    }
    // last-N-days|weeks|months|years: the N units ending today.
    if (text.rfind("last-", 0) == 0) {
        const size_t dash = text.find('-', 5);
        if (dash == std::string::npos) return std::nullopt;
        const std::string n_text = text.substr(5, dash - 5), unit = text.substr(dash + 1);
        if (n_text.empty() || n_text.size() > 4 ||
            n_text.find_first_not_of("0123456789") != std::string::npos) {
            return std::nullopt;
        }
        const int n = std::stoi(n_text);
        if (n < 1) return std::nullopt;
        if (unit == "days") return std::pair{value_of(t - n + 1), value_of(t)};
        if (unit == "weeks") return std::pair{value_of(t - 7L * n + 1), value_of(t)};
        if (unit == "months" || unit == "years") {
            sc::PartialDate from = sc::add_months(today, -(unit == "months" ? n : 12 * n));
            from.day = std::min(today.day, sc::days_in_month(from.year, from.month));
            return std::pair{value_of(to_days(from) + 1), value_of(t)};
        }
    }
    return std::nullopt;
}

sc::PartialDate resolve_now(const std::string& option) {
    std::string text = option;
    const char* source = "--now";
    if (text.empty()) {
        const char* env = std::getenv("ATTACHE_NOW");
        if (env && *env) {
            text = env;
            source = "ATTACHE_NOW";
        }
    }
    if (text.empty()) {
        const std::time_t now = std::time(nullptr);
        std::tm local{};
        localtime_r(&now, &local);
        return sc::PartialDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    }
    const auto d = sc::parse_iso_partial(text);
    if (!d || d->day == 0)
        throw UsageError(std::string(source) + " must be a date YYYY-MM-DD, not '" + text + "'");
    return *d;
}

}  // namespace attache
