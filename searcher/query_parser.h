// Turns the query language (docs/query-language.md) into a Xapian::Query: Xapian's QueryParser
// for words, phrases and boolean operators, plus our own field processors that resolve entity
// names through the knowledge base (person:blinken -> XPantony-blinken) and date ranges into
// value ranges. Errors are QueryError with a one-line message that points at the problem.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>

#include "schema/dates.h"
#include "searcher/lazy_kb.h"
#include "searcher/query_scan.h"

namespace attache {

class QueryParser {
  public:
    // `now` is the day relative dates count from (today, last-7-days...).
    QueryParser(const Xapian::Database& db, const LazyKb& kb, const schema::PartialDate& now);
    ~QueryParser();
    QueryParser(const QueryParser&) = delete;
    QueryParser& operator=(const QueryParser&) = delete;

    // "*" matches every article; an empty or all-blank query is a QueryError. The syntax is
    // checked first (errors point at columns of `query`), then, with `expand_entities`, names
    // of KB entities in free text also match their entity (see entity_expansion.h).
    Xapian::Query parse(const std::string& query, bool expand_entities = false);

    // The stemmer used for the query, needed again to highlight snippets.
    const Xapian::Stem& stemmer() const { return stemmer_; }

  private:
    const LazyKb& kb_;
    Xapian::QueryParser qp_;
    Xapian::Stem stemmer_;
    std::optional<std::string> field_error_;  // set by our field processors during a parse
};

// Checks quotes, parentheses and field names before Xapian sees the query (Xapian's parser
// silently repairs most mistakes, which hides them from the user). Throws QueryError.
void check_query_syntax(const QueryScan& scan);

// Parses one date bound of date:, e.g. "2024", "2024-10", "2024-10-31" or a relative range
// ("last-month"); `end` gives the last day of the period. Returns "YYYYMMDD" or throws QueryError.
std::string date_bound_value(const std::string& text, bool end, const std::string& context,
                             const schema::PartialDate& now);

// The same for callers to whom text that is not a date means something else (--since takes an
// article id too): nullopt instead of an error.
std::optional<std::string> try_date_bound_value(const std::string& text, bool end,
                                                const schema::PartialDate& now);

}  // namespace attache
