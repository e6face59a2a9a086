#include "searcher/query_parser.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "common/errors.h"
#include "common/text.h"
#include "schema/dates.h"
#include "schema/fields.h"
#include "searcher/entity_expansion.h"
#include "searcher/query_scan.h"
#include "searcher/relative_dates.h"
#include "searcher/wildcards.h"

namespace attache {

namespace sc = attache::schema;

namespace {

std::string quoted(const std::string& field, const std::string& value) {
    const bool needs_quotes = value.find(' ') != std::string::npos;
    return field + ":" + (needs_quotes ? "\"" + value + "\"" : value);
}

std::string suggestions_text(const std::vector<std::string>& names) {
    if (names.empty()) return "";
    std::string out = " (did you mean ";
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " or " : ", ";
        out += "'" + names[i] + "'";
    }
    return out + "?)";
}

// Our field processors must not throw through Xapian's parser (it leaks its parse state when a
// foreign exception unwinds it): they record the first error and return an empty query, and
// QueryParser::parse throws it once Xapian has returned.
class ReportingFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit ReportingFieldProcessor(std::optional<std::string>& error) : error_(error) {}
    Xapian::Query operator()(const std::string& value) final {
        try {
            return process(value);
        } catch (const QueryError& e) {
            if (!error_) error_ = e.what();
            return Xapian::Query::MatchNothing;
        }
    }

  protected:
    virtual Xapian::Query process(const std::string& value) = 0;

  private:
    std::optional<std::string>& error_;
};

// Resolves entity names, aliases and ids for one field through the KB, falling back to ids
// the database knows (entities indexed with a user --kb, or found in text by title).
class EntityFieldProcessor : public ReportingFieldProcessor {
  public:
    EntityFieldProcessor(std::optional<std::string>& error, const sc::FieldSpec& field,
                         kb::EntityKind kind, const Xapian::Database& db, const LazyKb& kb)
        : ReportingFieldProcessor(error), field_(field), kind_(kind), db_(db), kb_(kb) {}

  protected:
    Xapian::Query process(const std::string& raw) override {
        const std::string value = trim(raw);
        const std::string field_name(field_.name);
        if (value.empty()) throw QueryError("empty value after '" + field_name + ":'");
        // What entity expansion adds ("DPRK" -> country:KP) is an exact id: no need to parse
        // the KB to resolve it (this keeps the KB out of most one-query processes).
        if (kb_.is_builtin_entity_filter(field_name + ":" + value))
            return Xapian::Query(sc::term(field_, value));
        std::vector<std::string> terms;
        for (const kb::Entity* e : kb_.get().resolve(kind_, value)) {
            if (!field_.kb_type.empty() && e->type != field_.kb_type) {
                throw QueryError("'" + value + "' is a " + e->type + ", not a " +
                                 std::string(field_.kb_type) + ": use " +
                                 quoted(std::string(field_.kb_kind), value));
            }
            terms.push_back(sc::term(field_, e->id));
        }
        if (terms.empty()) {
            const std::string slug = slugify(value);
            if (!slug.empty() && db_.term_exists(sc::term(field_, slug)))
                terms.push_back(sc::term(field_, slug));
        }
        if (terms.empty()) {
            const std::string what = field_.name == "minister" ? "minister" : kb::kind_name(kind_);
            throw QueryError("unknown " + what + " '" + value + "' in " +
                             quoted(field_name, value) +
                             suggestions_text(kb_.get().suggest(kind_, value, 3)));
        }
        std::sort(terms.begin(), terms.end());
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }

  private:
    const sc::FieldSpec& field_;
    kb::EntityKind kind_;
    Xapian::Database db_;
    const LazyKb& kb_;
};

// source:, lang:, id: take the value as written (normalised the way the indexer normalised it).
class KeywordFieldProcessor : public ReportingFieldProcessor {
  public:
    KeywordFieldProcessor(std::optional<std::string>& error, const sc::FieldSpec& field)
        : ReportingFieldProcessor(error), field_(field) {}

  protected:
    Xapian::Query process(const std::string& raw) override {
        const std::string value = trim(raw);
        if (value.empty())
            throw QueryError("empty value after '" + std::string(field_.name) + ":'");
        if (field_.kind == sc::FieldKind::id) return Xapian::Query(sc::id_term(value));
        return Xapian::Query(sc::encode(field_, value).term);
    }

  private:
    const sc::FieldSpec& field_;
};

// date:2024, date:2024-10, date:2024-10-31, date:2024-10-01..2024-11-15, date:..2024-06,
// date:2024-10.. : all become a range over the published-date value slot, so articles with a
// partial date (a month only) are found by any range that holds the first day of that month.
class DateFieldProcessor : public ReportingFieldProcessor {
  public:
    DateFieldProcessor(std::optional<std::string>& error, const sc::PartialDate& now)
        : ReportingFieldProcessor(error), now_(now) {}

  protected:
    Xapian::Query process(const std::string& raw) override {
        const std::string value = trim(raw);
        const std::string context = "date:" + value;
        const size_t dots = value.find("..");
        if (dots == std::string::npos) {
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, sc::kSlotPublished,
                                 date_bound_value(value, false, context, now_),
                                 date_bound_value(value, true, context, now_));
        }
        const std::string from = value.substr(0, dots), to = value.substr(dots + 2);
        if (from.empty() && to.empty()) throw QueryError("empty date range in '" + context + "'");
        if (from.empty()) {
            return Xapian::Query(Xapian::Query::OP_VALUE_LE, sc::kSlotPublished,
                                 date_bound_value(to, true, context, now_));
        }
        if (to.empty()) {
            return Xapian::Query(Xapian::Query::OP_VALUE_GE, sc::kSlotPublished,
                                 date_bound_value(from, false, context, now_));
        }
        const std::string lo = date_bound_value(from, false, context, now_),
                          hi = date_bound_value(to, true, context, now_);
        if (lo > hi) throw QueryError("date range ends before it starts in '" + context + "'");
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, sc::kSlotPublished, lo, hi);
    }

  private:
    sc::PartialDate now_;
};

// mentioned:2024, mentioned:2024-10, mentioned:2024-10-31 match that day, month or year term;
// a range matches every mentioned day inside it, and every mentioned month or year that lies
// wholly inside it (a mention of "October" is not known to fall in Oct 15..Nov 15). The terms
// are read from the database, so a range costs one pass over the distinct mentioned dates.
class MentionedFieldProcessor : public ReportingFieldProcessor {
  public:
    MentionedFieldProcessor(std::optional<std::string>& error, const Xapian::Database& db,
                            const sc::PartialDate& now)
        : ReportingFieldProcessor(error), db_(db), now_(now) {}

  protected:
    Xapian::Query process(const std::string& raw) override {
        const std::string value = trim(raw);
        const std::string context = "mentioned:" + value;
        const size_t dots = value.find("..");
        if (dots == std::string::npos && !relative_range(value, now_)) {
            date_bound_value(value, false, context, now_);  // validates
            return Xapian::Query(sc::mentioned_term(value));
        }
        // A relative range ("last-month") is a range too.
        const std::string from = dots == std::string::npos ? value : value.substr(0, dots);
        const std::string to = dots == std::string::npos ? value : value.substr(dots + 2);
        if (from.empty() && to.empty()) throw QueryError("empty date range in '" + context + "'");
        const std::string lo = from.empty() ? std::string(sc::kEarliestDateValue)
                                            : date_bound_value(from, false, context, now_);
        const std::string hi = to.empty() ? std::string(sc::kLatestDateValue)
                                          : date_bound_value(to, true, context, now_);
        if (lo > hi) throw QueryError("date range ends before it starts in '" + context + "'");
        std::vector<std::string> terms;
        // Each term's own first and last day must lie inside [lo, hi].
        auto collect = [&](std::string_view prefix, const char* first_pad, const char* last_pad) {
            const std::string p(prefix);
            for (auto it = db_.allterms_begin(p); it != db_.allterms_end(p); ++it) {
                const std::string digits = (*it).substr(p.size());
                std::string first = digits + first_pad, last = digits + last_pad;
                if (digits.size() == 6) {
                    last =
                        digits + std::to_string(sc::days_in_month(std::stoi(digits.substr(0, 4)),
                                                                  std::stoi(digits.substr(4, 2))));
                }
                if (first >= lo && last <= hi) terms.push_back(*it);
            }
        };
        collect(sc::kMentionedDayPrefix, "", "");
        collect(sc::kMentionedMonthPrefix, "01", "");
        collect(sc::kMentionedYearPrefix, "0101", "1231");
        if (terms.empty()) return Xapian::Query::MatchNothing;
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }

  private:
    Xapian::Database db_;
    sc::PartialDate now_;
};

kb::EntityKind entity_kind_of(const sc::FieldSpec& f) {
    if (const auto kind = kb::parse_kind(f.kb_kind)) return *kind;
    throw std::logic_error("schema field " + std::string(f.name) + " names no KB kind");
}

}  // namespace

std::optional<std::string> try_date_bound_value(const std::string& text, bool end,
                                                const sc::PartialDate& now) {
    if (auto range = relative_range(text, now)) return end ? range->second : range->first;
    auto d = sc::parse_iso_partial(text);
    if (!d) return std::nullopt;
    if (end) {
        if (d->month == 0) d->month = 12;
        if (d->day == 0) d->day = sc::days_in_month(d->year, d->month);
    }
    return d->value();
}

std::string date_bound_value(const std::string& text, bool end, const std::string& context,
                             const sc::PartialDate& now) {
    if (auto value = try_date_bound_value(text, end, now)) return *value;
    throw QueryError("invalid date '" + text + "' in '" + context +
                     "' (use YYYY, YYYY-MM, YYYY-MM-DD, A..B for a range, or today, "
                     "last-7-days, this-month, last-year...: docs/query-language.md)");
}

namespace {

// A field name that is not a query field: a facet (year:, month:, day:), for which date: is
// the query form, or a field that does not exist, with the nearest real one as a hint.
[[noreturn]] void reject_field(std::string_view name, size_t begin) {
    if (sc::find_field(name)) {
        throw QueryError("'" + std::string(name) + ":' is a facet, not a query field: use date:" +
                         (name == "year"    ? "2024"
                          : name == "month" ? "2024-10"
                                            : "2024-10-31"));
    }
    std::string hint;
    size_t best = 3;
    for (const auto& f : sc::fields()) {
        const size_t d = edit_distance(ascii_lower(name), f.name);
        if (d < best && f.kind != sc::FieldKind::date_part) {
            best = d;
            hint = " (did you mean '" + std::string(f.name) + ":'?)";
        }
    }
    throw QueryError("unknown field '" + std::string(name) + ":' at column " +
                     std::to_string(begin + 1) + hint +
                     "; put the words in quotes to search for them");
}

}  // namespace

void check_query_syntax(const QueryScan& scan) {
    std::vector<size_t> opens;
    auto field = scan.field_names().begin();
    for (const QueryToken& t : scan.tokens()) {
        if (t.kind == QueryToken::Kind::open_paren) {
            opens.push_back(t.begin);
        } else if (t.kind == QueryToken::Kind::close_paren) {
            if (opens.empty()) {
                throw QueryError("unmatched ')' at column " + std::to_string(t.begin + 1) +
                                 " of the query");
            }
            opens.pop_back();
        } else if (t.kind == QueryToken::Kind::bare) {
            for (; field != scan.field_names().end() && field->begin < t.end; ++field) {
                const sc::FieldSpec* f = sc::find_field(field->name);
                if (!f || f->kind == sc::FieldKind::date_part)
                    reject_field(field->name, field->begin);
            }
        }
    }
    if (!scan.tokens().empty() && !scan.tokens().back().closed) {
        throw QueryError("unterminated quote at column " +
                         std::to_string(scan.tokens().back().begin + 1) + " of the query");
    }
    if (!opens.empty()) {
        throw QueryError("unmatched '(' at column " + std::to_string(opens.back() + 1) +
                         " of the query");
    }
}

QueryParser::QueryParser(const Xapian::Database& db, const LazyKb& kb, const sc::PartialDate& now)
    : kb_(kb), stemmer_("english") {
    qp_.set_database(db);
    qp_.set_stemmer(stemmer_);
    // Stems only, as the indexer writes them (indexer/document_builder.cpp).
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    qp_.set_default_op(Xapian::Query::OP_AND);
    const std::string empty_grouping;
    for (const auto& f : sc::fields()) {
        const std::string name(f.name);
        switch (f.kind) {
            case sc::FieldKind::text:
                qp_.add_prefix(name, std::string(f.prefix));
                break;
            case sc::FieldKind::entity:
                // An empty grouping ANDs repeated filters: person:a person:b means both people.
                qp_.add_boolean_prefix(
                    name,
                    (new EntityFieldProcessor(field_error_, f, entity_kind_of(f), db, kb))
                        ->release(),
                    &empty_grouping);
                break;
            case sc::FieldKind::keyword:
            case sc::FieldKind::id:
                // One value per article: repeated filters of one field are ORed.
                qp_.add_boolean_prefix(name,
                                       (new KeywordFieldProcessor(field_error_, f))->release());
                break;
            case sc::FieldKind::date:
                qp_.add_boolean_prefix(name, (new DateFieldProcessor(field_error_, now))->release(),
                                       &empty_grouping);
                break;
            case sc::FieldKind::mentioned:
                qp_.add_boolean_prefix(
                    name, (new MentionedFieldProcessor(field_error_, db, now))->release(),
                    &empty_grouping);
                break;
            case sc::FieldKind::date_part:
                break;  // facets only; date: covers queries
        }
    }
    add_wildcard_fields(qp_, db, field_error_);
}

QueryParser::~QueryParser() = default;

Xapian::Query QueryParser::parse(const std::string& typed, bool expand_entities) {
    // An empty query is almost always a script's mistake (an unset variable); matching every
    // article is asked for explicitly with "*".
    if (trim(typed).empty()) {
        throw QueryError("empty query: give words or fields, or '*' to match every article");
    }
    const QueryScan scan(typed);
    check_query_syntax(scan);
    // Both rewrites are edits of the typed text, so error columns and the two rewrites all
    // refer to the query as the user wrote it.
    std::vector<QueryEdit> edits = route_wildcards(scan);
    if (expand_entities) {
        std::vector<QueryEdit> expansions = attache::expand_entities(scan, kb_.expansion());
        edits.insert(edits.end(), std::make_move_iterator(expansions.begin()),
                     std::make_move_iterator(expansions.end()));
    }
    if (trim(typed) == "*") return Xapian::Query::MatchAll;
    const std::string query = apply_edits(typed, std::move(edits));
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    field_error_.reset();
    try {
        Xapian::Query parsed = qp_.parse_query(query, flags);
        if (field_error_) throw QueryError(*field_error_);
        return parsed;
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError("cannot parse the query: " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
        throw QueryError("wildcard matches too many words: " + e.get_msg());
    }
}

}  // namespace attache
