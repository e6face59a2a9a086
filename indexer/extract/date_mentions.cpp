#include "indexer/extract/date_mentions.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "common/text.h"
#include "schema/calendar.h"

namespace attache::extract {

using schema::PartialDate;

namespace {

// ---------------------------------------------------------------------------------------------
// Lexing. One pass over the bytes splits the text into letter runs, digit runs and single
// punctuation marks; whitespace only separates. Dates are then matched on these tokens, which
// keeps every rule a few index comparisons instead of a regular expression.

enum class Kind : uint8_t { Word, Num, Punct };

struct Tok {
    uint32_t begin = 0;
    uint32_t end = 0;
    Kind kind = Kind::Punct;
    char punct = 0;        // the mark, or its ASCII stand-in for typographic ones
    bool in_link = false;  // part of a URL, e-mail address or path: never part of a date
};

enum class Cls : uint8_t { Space, Letter, Digit, Punct };

struct CharInfo {
    Cls cls;
    char punct;  // for Cls::Punct
    size_t len;  // bytes
};

// The typographic characters news text puts around dates (common/text.h) read as their ASCII
// stand-ins, so that "Oct. 31–Nov. 1" and “Oct. 31” lex like their plain forms. Any other
// non-ASCII character counts as a letter: it can be part of a word but never of a number.
CharInfo wide_char(std::string_view t, size_t i) {
    size_t next = i;
    const char32_t cp = next_code_point(t, next);
    const size_t len = next - i;
    const Typography typography = typography_of(cp);
    if (typography == Typography::none) return {Cls::Letter, 0, len};
    if (typography == Typography::space || typography == Typography::invisible)
        return {Cls::Space, 0, len};
    return {Cls::Punct, ascii_stand_in(typography)[0], len};  // an ellipsis is one '.'
}

CharInfo char_at(std::string_view t, size_t i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c >= 0x80) return wide_char(t, i);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return {Cls::Letter, 0, 1};
    if (c >= '0' && c <= '9') return {Cls::Digit, 0, 1};
    if (c == ' ' || (c >= '\t' && c <= '\r')) return {Cls::Space, 0, 1};
    return {Cls::Punct, static_cast<char>(c), 1};
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> lowers) {
    return std::any_of(lowers.begin(), lowers.end(),
                       [&](std::string_view l) { return ascii_iequals(word, l); });
}

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

// Splits text into tokens and marks the tokens of links. A whitespace-delimited chunk with a
// slash, @, underscore, = or backslash, or starting with "www.", is a URL, an address, a path or
// a file name, and the digits in "/2024/10/31/" or "report_2024-10-31" are not dates of the story.
class Lexer {
  public:
    explicit Lexer(std::string_view text) : text_(text) { toks_.reserve(text.size() / 4 + 1); }

    std::vector<Tok> run() {
        size_t i = 0;
        while (i < text_.size()) {
            const CharInfo c = char_at(text_, i);
            if (c.cls == Cls::Space) {
                close_chunk();
                if (text_[i] == '\n') ++newlines_;
                i += c.len;
                continue;
            }
            mark_paragraph_break(i);
            if (c.cls == Cls::Punct) {
                push_punct(i, c);
                i += c.len;
            } else {
                i = push_run(i, c);
            }
        }
        close_chunk();
        return std::move(toks_);
    }

  private:
    // A blank line (between title and body, or paragraphs) becomes an empty '\n' token, which
    // no date pattern accepts: "...summit in May\n\n2024 was..." is not "May 2024".
    void mark_paragraph_break(size_t i) {
        if (newlines_ >= 2 && !toks_.empty()) {
            const auto at = static_cast<uint32_t>(i);
            toks_.push_back(Tok{at, at, Kind::Punct, '\n', false});
            chunk_first_ = toks_.size();
        }
        newlines_ = 0;
    }

    void push_punct(size_t i, const CharInfo& c) {
        const char p = c.punct;
        if (p == '/' || p == '@' || p == '_' || p == '=' || p == '\\') chunk_is_link_ = true;
        if (p == '.' && toks_.size() == chunk_first_ + 1 && toks_.back().kind == Kind::Word &&
            ascii_iequals(word(toks_.back()), "www"))
            chunk_is_link_ = true;
        toks_.push_back(
            Tok{static_cast<uint32_t>(i), static_cast<uint32_t>(i + c.len), Kind::Punct, p, false});
    }

    // A run of letters or of digits; returns where it ends.
    size_t push_run(size_t i, const CharInfo& first) {
        const size_t begin = i;
        i += first.len;
        while (i < text_.size()) {
            const CharInfo c = char_at(text_, i);
            if (c.cls != first.cls) break;
            i += c.len;
        }
        const Kind kind = first.cls == Cls::Digit ? Kind::Num : Kind::Word;
        toks_.push_back(
            Tok{static_cast<uint32_t>(begin), static_cast<uint32_t>(i), kind, 0, false});
        return i;
    }

    void close_chunk() {
        if (chunk_is_link_) {
            for (size_t k = chunk_first_; k < toks_.size(); ++k) toks_[k].in_link = true;
        }
        chunk_first_ = toks_.size();
        chunk_is_link_ = false;
    }

    std::string_view word(const Tok& t) const { return text_.substr(t.begin, t.end - t.begin); }

    std::string_view text_;
    std::vector<Tok> toks_;
    size_t chunk_first_ = 0;  // first token of the current whitespace-delimited chunk
    bool chunk_is_link_ = false;
    int newlines_ = 0;  // in the whitespace since the last token
};

// ---------------------------------------------------------------------------------------------
// Words.

// 1..12 for a capitalised month name or abbreviation ("October", "Oct", "Sept"), else 0. Lower
// case is refused so that "may" and "march" stay verbs.
int month_from_word(std::string_view w, bool& abbreviated) {
    return !w.empty() && is_upper(w[0]) ? schema::month_number(w, &abbreviated) : 0;
}

// 0 (Monday) .. 6 (Sunday) for a capitalised weekday name, else -1.
int weekday_from_word(std::string_view w) {
    return !w.empty() && is_upper(w[0]) ? schema::weekday_number(w) : -1;
}

// Words that start a phrase rather than a name, so a capitalised one before "May" or "Today"
// ("In May 2024", "By Today") does not make it part of a name.
bool is_function_word(std::string_view w) {
    return one_of(w, {"in",      "on",     "at",    "by",    "since",  "until",  "till",  "from",
                      "of",      "during", "early", "late",  "mid",    "before", "after", "through",
                      "between", "and",    "or",    "to",    "last",   "next",   "this",  "coming",
                      "past",    "the",    "a",     "an",    "around", "for",    "every", "each",
                      "that",    "as",     "over",  "about", "but",    "when",   "while", "with",
                      "then",    "also",   "if",    "into",  "than",   "so"});
}

bool is_all_caps(std::string_view w) {
    return w.size() > 1 && std::all_of(w.begin(), w.end(), [](char c) { return is_upper(c); });
}

bool is_given_name_month(int month) {
    return month == 4 || month == 5 || month == 6 || month == 8;  // April, May, June, August
}

constexpr int kMinDateYear = 1800;  // a year written with a month, or in an ISO date
constexpr int kMaxDateYear = 2200;
constexpr int kMinBareYear = 1900;  // a year on its own ("in 2023")
constexpr int kMaxBareYear = 2100;
constexpr long kHalfYearDays = 183;

// ---------------------------------------------------------------------------------------------
// Matching.

// A day, month or year read from the text: its value and the last token it takes (a day's
// ordinal suffix, "31st"; the dot of a month's abbreviation, "Oct.").
struct Piece {
    int value;
    size_t last;
};

// A written date, perhaps the first end of a range within one month ("Oct. 28-30, 2024").
struct Parsed {
    PartialDate date;  // year 0 when the text gives none
    size_t first = 0;
    size_t last = 0;
    int range_day = 0;  // the other end's day, 0 when not a range
    size_t range_first = 0;
    size_t range_last = 0;
    size_t end() const { return range_day != 0 ? range_last : last; }
};

constexpr size_t kNone = static_cast<size_t>(-1);

class MentionFinder {
  public:
    MentionFinder(std::string_view text, const std::optional<PartialDate>& published)
        : text_(text), toks_(Lexer(text).run()), pub_(published) {
        full_pub_ = pub_ && pub_->known() && pub_->month >= 1 && pub_->month <= 12 &&
                    pub_->day >= 1 && pub_->day <= 31;
        if (full_pub_) pub_days_ = schema::days_from_civil(pub_->year, pub_->month, pub_->day);
    }

    std::vector<DateMention> find() {
        size_t i = 0;
        while (i < toks_.size()) {
            const size_t next = usable(i) ? match_at(i) : 0;
            i = next > i ? next : i + 1;
        }
        return std::move(out_);
    }

  private:
    // Each try_ function returns the token after what it consumed, or 0 when nothing matched.
    size_t match_at(size_t i) {
        if (toks_[i].kind == Kind::Num) {
            if (const size_t n = try_iso(i)) return n;
            if (const size_t n = try_day_first(i)) return n;
            if (const size_t n = try_days_ago(i)) return n;
            return try_bare_year(i);
        }
        if (toks_[i].kind == Kind::Word) {
            if (const size_t n = try_month_first(i)) return n;
            if (const size_t n = try_days_ago(i)) return n;
            if (const size_t n = try_relative_day(i)) return n;
            if (const size_t n = try_modified(i)) return n;
            if (const size_t n = try_bare_month(i)) return n;
            return try_weekday(i);
        }
        return 0;
    }

    // --- token tests (all safe with any index: out of range means "no such token") ---

    bool usable(size_t i) const { return i < toks_.size() && !toks_[i].in_link; }
    bool is_word(size_t i) const { return usable(i) && toks_[i].kind == Kind::Word; }
    bool is_punct(size_t i, char c) const {
        return usable(i) && toks_[i].kind == Kind::Punct && toks_[i].punct == c;
    }
    bool touches_next(size_t i) const {
        return i + 1 < toks_.size() && toks_[i].end == toks_[i + 1].begin;
    }
    std::string_view word(size_t i) const {
        return text_.substr(toks_[i].begin, toks_[i].end - toks_[i].begin);
    }
    bool word_is(size_t i, std::initializer_list<std::string_view> lowers) const {
        return is_word(i) && one_of(word(i), lowers);
    }
    bool capitalized(size_t i) const { return is_word(i) && is_upper(text_[toks_[i].begin]); }

    // The value of a number token with min..max digits, or -1.
    int number(size_t i, size_t min_digits, size_t max_digits) const {
        if (!usable(i) || toks_[i].kind != Kind::Num) return -1;
        const size_t n = toks_[i].end - toks_[i].begin;
        if (n < min_digits || n > max_digits) return -1;
        int v = 0;
        for (char c : word(i)) v = v * 10 + (c - '0');
        return v;
    }

    // A number touching what precedes it belongs to something else: "G20", "COP28", "8,000",
    // "2+2", "$2024", "ID-2024".
    bool glued_before(size_t i) const {
        if (i == 0 || toks_[i - 1].end != toks_[i].begin) return false;
        const Tok& p = toks_[i - 1];
        return p.kind != Kind::Punct || is_mark(p.punct, ",.+-/:$#%&@*^=_~");
    }

    // ... and so does one touching what follows: "8,000", "1990s", "2+2", "20%", "2024-25".
    // A comma, dot, colon or dash only glues when a digit follows it ("31," and "31." end a
    // date; "3.5", "9:30" and "2024-25" are other numbers).
    bool glued_after(size_t k) const {
        if (!touches_next(k)) return false;
        const Tok& n = toks_[k + 1];
        if (n.kind != Kind::Punct || is_mark(n.punct, "+%/@&=_*^")) return true;
        return is_mark(n.punct, ",.:-") && touches_next(k + 1) && toks_[k + 2].kind == Kind::Num;
    }

    static bool is_mark(char c, std::string_view marks) {
        return marks.find(c) != std::string_view::npos;
    }

    // A capitalised word right before token i that reads as part of a name ("Theresa May",
    // "USA Today", "Black Friday"): not a function word, month or weekday. All-capital words are
    // skipped when `count_all_caps` is off, because datelines ("SEOUL May 9") are written so.
    bool name_before(size_t i, bool count_all_caps) const {
        if (i == 0 || !capitalized(i - 1) || touches_next(i - 1)) return false;
        const std::string_view w = word(i - 1);
        bool abbreviated = false;
        if (is_function_word(w) || month_from_word(w, abbreviated) != 0) return false;
        if (weekday_from_word(w) >= 0) return false;
        return count_all_caps || !is_all_caps(w);
    }

    // --- pieces of written dates ---

    std::optional<Piece> day_at(size_t i) const {
        const int d = number(i, 1, 2);
        if (d < 1 || d > 31) return std::nullopt;
        size_t last = i;
        if (touches_next(i) && word_is(i + 1, {"st", "nd", "rd", "th"})) last = i + 1;
        return Piece{d, last};
    }

    std::optional<Piece> month_at(size_t i) const {
        if (!is_word(i)) return std::nullopt;
        bool abbreviated = false;
        const int m = month_from_word(word(i), abbreviated);
        if (m == 0) return std::nullopt;
        if (i > 0 && toks_[i - 1].end == toks_[i].begin && toks_[i - 1].kind == Kind::Num)
            return std::nullopt;  // "5Oct" is a code
        size_t last = i;
        if (abbreviated && touches_next(i) && is_punct(i + 1, '.')) last = i + 1;
        return Piece{m, last};
    }

    // A four-digit year standing on its own, as written next to a month.
    std::optional<Piece> date_year_at(size_t i) const {
        const int y = number(i, 4, 4);
        if (y < kMinDateYear || y > kMaxDateYear || glued_before(i) || glued_after(i))
            return std::nullopt;
        return Piece{y, i};
    }

    // The year after a month and day: "31, 2024" or "31 2024".
    std::optional<Piece> trailing_year(size_t k) const {
        size_t j = k + 1;
        if (is_punct(j, ',') && !touches_next(j)) ++j;
        return date_year_at(j);
    }

    // "Oct. 28-30": the second day of a range within one month.
    std::optional<Piece> range_end_day(size_t k, int first_day) const {
        if (!is_punct(k + 1, '-')) return std::nullopt;
        const auto second = day_at(k + 2);
        if (!second || second->value <= first_day || glued_after(second->last)) return std::nullopt;
        return second;
    }

    // "Oct. 31", "October 31st, 2024", "Oct. 28-30, 2024", "October 2024".
    std::optional<Parsed> parse_month_first(size_t i) const {
        const auto month = month_at(i);
        if (!month) return std::nullopt;
        if (is_given_name_month(month->value) && name_before(i, false)) return std::nullopt;
        if (month->last == i && touches_next(i)) return std::nullopt;  // "May9"
        const size_t j = month->last + 1;
        if (const auto year = date_year_at(j)) {
            return Parsed{PartialDate{year->value, month->value, 0}, i, j};
        }
        const auto day = day_at(j);
        if (!day) return std::nullopt;
        Parsed p{PartialDate{0, month->value, day->value}, i, day->last};
        size_t tail = day->last;
        if (const auto second = range_end_day(tail, day->value)) {
            p.range_day = second->value;
            p.range_first = tail + 2;
            p.range_last = second->last;
            tail = second->last;
        } else if (glued_after(tail)) {
            return std::nullopt;
        }
        if (const auto year = trailing_year(tail)) {
            p.date.year = year->value;
            (p.range_day != 0 ? p.range_last : p.last) = year->last;
        }
        return p;
    }

    // "31 October 2024", "31st of October", "28-30 October 2024". `after_dash` allows the
    // number to touch a dash, as the second end of "31 October-1 November 2024" does.
    std::optional<Parsed> parse_day_first(size_t i, bool after_dash) const {
        const auto day = day_at(i);
        if (!day || (!after_dash && glued_before(i))) return std::nullopt;
        Parsed p{PartialDate{0, 0, day->value}, i, day->last};
        size_t k = day->last;  // the last token before the month name
        size_t number_tok = i;
        if (is_punct(k + 1, '-')) {
            const auto second = day_at(k + 2);
            if (!second || second->value <= day->value) return std::nullopt;
            p.range_day = second->value;
            p.range_first = number_tok = k + 2;
            k = second->last;
        }
        if (touches_next(k)) return std::nullopt;  // "31," "31October"
        size_t j = k + 1;
        if (k != number_tok && word_is(j, {"of"})) ++j;  // only after an ordinal: "31st of"
        const auto month = month_at(j);
        if (!month) return std::nullopt;
        p.date.month = month->value;
        size_t last = month->last;
        if (const auto year = date_year_at(last + 1)) {
            p.date.year = year->value;
            last = year->last;
        } else if (touches_next(last) && toks_[last + 1].kind != Kind::Punct) {
            return std::nullopt;  // "October2024"
        }
        (p.range_day != 0 ? p.range_last : p.last) = last;
        return p;
    }

    // "Oct. 31-Nov. 1, 2024": the first end takes the year written after the second.
    int year_after_dash(size_t k) const {
        if (!is_punct(k + 1, '-')) return 0;
        if (const auto next = parse_month_first(k + 2)) return next->date.year;
        if (const auto next = parse_day_first(k + 2, true)) return next->date.year;
        return 0;
    }

    // --- matchers ---

    size_t try_iso(size_t i) {
        const int y = number(i, 4, 4);
        if (y < kMinDateYear || y > kMaxDateYear || glued_before(i)) return 0;
        if (!is_punct(i + 1, '-') || !is_punct(i + 3, '-')) return 0;
        if (!touches_next(i) || !touches_next(i + 1) || !touches_next(i + 2) ||
            !touches_next(i + 3))
            return 0;
        const int m = number(i + 2, 2, 2);
        const int d = number(i + 4, 2, 2);
        if (m < 1 || m > 12 || d < 1 || d > schema::days_in_month(y, m)) return 0;
        if (!iso_ends_cleanly(i + 4)) return 0;
        emit(i, i + 4, PartialDate{y, m, d}, false);
        return i + 5;
    }

    // An ISO date may run on into a time ("2024-10-31T09:30Z") but not into an id
    // ("2024-10-31-001", "2024-10-31a").
    bool iso_ends_cleanly(size_t k) const {
        if (!touches_next(k)) return true;
        if (is_word(k + 1) && word(k + 1) == "T")
            return touches_next(k + 1) && number(k + 2, 2, 2) >= 0;
        if (is_punct(k + 1, '-')) return false;
        return !glued_after(k);
    }

    size_t try_month_first(size_t i) {
        auto p = parse_month_first(i);
        if (!p) return 0;
        if (p->date.day != 0 && p->date.year == 0 && p->range_day == 0)
            p->date.year = year_after_dash(p->last);
        return emit_parsed(*p);
    }

    size_t try_day_first(size_t i) {
        const bool after_dash = i >= 2 && is_punct(i - 1, '-') && last_date_end_ == i - 2;
        auto p = parse_day_first(i, after_dash);
        if (!p) return 0;
        if (p->date.year == 0) p->date.year = year_after_dash(p->end());
        return emit_parsed(*p);
    }

    // "three days ago", "10 days ago", "a day ago".
    size_t try_days_ago(size_t i) {
        if (!full_pub_ || !word_is(i + 2, {"ago"}) || !word_is(i + 1, {"days", "day"})) return 0;
        int n = -1;
        if (toks_[i].kind == Kind::Num) {
            n = glued_before(i) ? -1 : number(i, 1, 3);
        } else {
            n = number_word(word(i));
        }
        if (n <= 0 || (word_is(i + 1, {"day"}) && n != 1)) return 0;
        emit(i, i + 2, shifted_day(-n), true);
        return i + 3;
    }

    static int number_word(std::string_view w) {
        static constexpr std::string_view kWords[] = {"a",    "two", "three",  "four",
                                                      "five", "six", "seven",  "eight",
                                                      "nine", "ten", "eleven", "twelve"};
        if (ascii_iequals(w, "one")) return 1;
        for (int k = 0; k < 12; ++k) {
            if (ascii_iequals(w, kWords[k])) return k + 1;
        }
        return -1;
    }

    // "today", "yesterday", "tomorrow"; not the paper "USA Today".
    size_t try_relative_day(size_t i) {
        if (!full_pub_) return 0;
        long offset = 0;
        if (word_is(i, {"yesterday"})) {
            offset = -1;
        } else if (word_is(i, {"tomorrow"})) {
            offset = 1;
        } else if (!word_is(i, {"today"})) {
            return 0;
        }
        if (capitalized(i) && name_before(i, true)) return 0;
        emit(i, i, shifted_day(offset), true);
        return i + 1;
    }

    // "last month", "this year", "next Thursday", "this coming Friday". "The last year" and
    // "that next month" look back from the story's own time, not the published date: skipped.
    size_t try_modified(size_t i) {
        if (!full_pub_ || !word_is(i, {"last", "next", "this"})) return 0;
        if (i > 0 && word_is(i - 1, {"the", "that", "a", "an", "every", "each", "its", "his", "her",
                                     "their", "our", "my", "your"}))
            return 0;
        int direction = word_is(i, {"last"}) ? -1 : word_is(i, {"next"}) ? 1 : 0;
        bool strict = direction != 0;  // "last Friday" on a Friday is a week earlier
        size_t j = i + 1;
        if (direction == 0 && word_is(j, {"coming", "past"})) {
            direction = word_is(j, {"past"}) ? -1 : 1;
            strict = true;
            ++j;
            // "this past year" means the last twelve months, not a calendar year.
            if (word_is(j, {"month", "year"})) return 0;
        }
        if (word_is(j, {"month"})) {
            emit(i, j, shifted_month(direction), true);
        } else if (word_is(j, {"year"})) {
            emit(i, j, PartialDate{pub_->year + direction, 0, 0}, true);
        } else if (const int wd = is_word(j) ? weekday_from_word(word(j)) : -1; wd >= 0) {
            // "this Thursday" is the coming one (or today), as news uses it.
            emit(i, j, shifted_day(weekday_offset(wd, direction == 0 ? 1 : direction, strict)),
                 true);
        } else {
            return 0;  // "last week" and the like name no single date
        }
        return j + 1;
    }

    // "on Thursday", "Thursday": the most recent one, the published day included (or the next
    // one, the published day included, after "will").
    size_t try_weekday(size_t i) {
        if (!full_pub_) return 0;
        const int wd = weekday_from_word(word(i));
        if (wd < 0) return 0;
        if (i > 0 && word_is(i - 1, {"last", "next", "this", "coming", "past"}))
            return 0;  // try_modified refused it ("the last Thursday of October")
        if (weekday_names_a_date(i) || weekday_is_name(i)) return 0;
        const int direction = future_cue_before(i) ? 1 : -1;
        emit(i, i, shifted_day(weekday_offset(wd, direction, false)), true);
        return i + 1;
    }

    // "Biden will meet Xi on Monday" is the coming Monday: a future auxiliary ("will", "is
    // expected to", "is due", "heads to") shortly before the weekday, in the same sentence,
    // turns the search forward.
    bool future_cue_before(size_t i) const {
        size_t k = i;
        for (int steps = 0; steps < 12 && k > 0; ++steps) {
            --k;
            if (toks_[k].kind == Kind::Punct) {
                const char p = toks_[k].punct;
                if (p == '!' || p == '?' || p == ';' || p == '\n' || (p == '.' && !touches_next(k)))
                    return false;
            } else if (word_is(k, {"will", "shall", "ll", "scheduled", "expected", "due", "plans",
                                   "heads", "leaves", "travels", "flies"})) {
                // "had been due to end on Friday", "was expected on Monday": a past plan.
                return !(k > 0 && word_is(k - 1, {"been", "was", "were"}));
            }
        }
        return false;
    }

    // "in June", "since April", "late December": a full month name after a time preposition,
    // with no day or year written, is that month nearest the published date (an article of
    // November 2024 on "the inauguration in January" means January 2025). Abbreviations and
    // bare names are left alone: "May said" is Theresa May, "in Jan" is rare in prose.
    size_t try_bare_month(size_t i) {
        if (!pub_ || !pub_->known() || pub_->month == 0) return 0;
        bool abbreviated = false;
        const int month = month_from_word(word(i), abbreviated);
        if (month == 0 || abbreviated || i == 0 || touches_next(i - 1)) return 0;
        if (!word_is(i - 1, {"in", "since", "by", "until", "till", "from", "during", "early",
                             "late", "mid", "before", "after", "through"}))
            return 0;
        if (capitalized(i + 1) && !touches_next(i)) return 0;  // "in May Day", "in March Madness"
        int year = pub_->year;
        const int ahead = month - pub_->month;  // months from the published month, same year
        if (ahead > 6) --year;
        if (ahead < -6) ++year;
        emit(i, i, PartialDate{year, month, 0}, true);
        return i + 1;
    }

    // "Thursday, Oct. 31": the written date follows and is the mention.
    bool weekday_names_a_date(size_t i) const {
        size_t j = i + 1;
        if (is_punct(j, ',')) ++j;
        return parse_month_first(j).has_value() || parse_day_first(j, false).has_value();
    }

    // "the Sunday Times", "every Friday", "Black Friday", "Tuesday Group": not a day of the week
    // near the published date.
    bool weekday_is_name(size_t i) const {
        if (i > 0 && word_is(i - 1, {"the", "a", "an", "every", "each"})) return true;
        if (name_before(i, true)) return true;
        const bool introduced =
            i > 0 && word_is(i - 1, {"on", "since", "by", "until", "till", "from", "before",
                                     "after", "of", "late", "early"});
        return !introduced && !touches_next(i) && capitalized(i + 1);
    }

    // "in 2023", "since 2019", "mid-2024", "the 2024 summit", "from 2019 to 2023".
    size_t try_bare_year(size_t i) {
        const int y = number(i, 4, 4);
        if (y < kMinBareYear || y > kMaxBareYear) return 0;
        const bool chained = continues_year_list(i);
        const bool mid = after_mid(i);
        if (!chained && !mid && glued_before(i)) return 0;
        if (glued_after(i) && !year_range_follows(i, y)) return 0;
        if (!chained && !mid && !year_cue_before(i) && !year_cue_after(i)) return 0;
        emit(i, i, PartialDate{y, 0, 0}, false);
        last_bare_year_ = i;
        return i + 1;
    }

    bool after_mid(size_t i) const {
        return i >= 2 && is_punct(i - 1, '-') && touches_next(i - 2) && touches_next(i - 1) &&
               word_is(i - 2, {"mid"});
    }

    // The second year of "2019-2023", "2019 to 2023", "2019 and 2020", after a cued first one.
    bool continues_year_list(size_t i) const {
        if (i < 2 || last_bare_year_ != i - 2) return false;
        return is_punct(i - 1, '-') ||
               word_is(i - 1, {"and", "or", "to", "through", "thru", "until", "till"});
    }

    bool year_range_follows(size_t i, int y) const {
        if (!is_punct(i + 1, '-') || !touches_next(i) || !touches_next(i + 1)) return false;
        const int second = number(i + 2, 4, 4);
        return second > y && second <= kMaxBareYear && !glued_after(i + 2);
    }

    // A preposition or time word before a number is what makes it a year: "in 2023" but not
    // "2024 troops". "of" alone is too weak ("a total of 2024 votes"); "the end of 2023" is not.
    bool year_cue_before(size_t i) const {
        if (i == 0 || !is_word(i - 1) || touches_next(i - 1)) return false;
        if (word_is(i - 1, {"in",      "since",      "by",     "until", "till",    "from",
                            "during",  "early",      "late",   "mid",   "before",  "after",
                            "through", "throughout", "around", "circa", "between", "fiscal",
                            "spring",  "summer",     "autumn", "winter"}))
            return true;
        return i >= 2 && word_is(i - 1, {"of"}) &&
               word_is(i - 2,
                       {"end", "start", "beginning", "middle", "half", "quarter", "spring",
                        "summer", "autumn", "fall", "winter", "rest", "course", "part", "as"});
    }

    static bool is_year_event(std::string_view w) {
        return one_of(w,
                      {"summit",     "summits",    "election",  "elections", "poll",     "polls",
                       "vote",       "referendum", "census",    "olympics",  "games",    "budget",
                       "accord",     "accords",    "agreement", "treaty",    "midterms", "campaign",
                       "conference", "session",    "ceasefire", "deadline",  "deal",     "visit",
                       "report",     "edition",    "talks",     "war",       "crisis",   "invasion",
                       "coup",       "uprising",   "protests"});
    }

    // "the 2024 summit", "the 2024 presidential election", "the 2024 Paris Olympics".
    bool year_cue_after(size_t i) const {
        const size_t k = i + 1;
        if (!is_word(k) || touches_next(i)) return false;
        if (is_year_event(word(k))) return true;
        const bool qualifier =
            capitalized(k) || word_is(k, {"presidential", "parliamentary", "general", "legislative",
                                          "local", "midterm", "national", "regional", "municipal",
                                          "annual", "federal", "state", "summer", "winter"});
        return qualifier && !touches_next(k) && is_word(k + 1) && is_year_event(word(k + 1));
    }

    // --- resolution against the published date ---

    PartialDate shifted_day(long offset) const {
        return schema::civil_from_days(pub_days_ + offset);
    }

    PartialDate shifted_month(int delta) const {
        PartialDate d = schema::add_months(*pub_, delta);
        d.day = 0;
        return d;
    }

    // Days from the published date to weekday `wd`, looking back (direction < 0) or ahead.
    // `strict` leaves out the published day itself.
    long weekday_offset(int wd, int direction, bool strict) const {
        return schema::days_to_weekday(pub_days_, wd, direction, strict);
    }

    // A month and day without a year are in the published year, unless that puts them more
    // than half a year after publication: an article of 2025-01-03 on "Dec. 28" means 2024.
    std::optional<int> infer_year(int month, int day) const {
        if (!pub_ || !pub_->known()) return std::nullopt;
        const int y = pub_->year;
        if (pub_->month == 0) return y;
        if (!full_pub_) return month - pub_->month > 6 ? y - 1 : y;
        const int d = std::min(day, schema::days_in_month(y, month));
        return schema::days_from_civil(y, month, d) - pub_days_ > kHalfYearDays ? y - 1 : y;
    }

    // --- output ---

    // Returns the token after the date, as the try_ functions do.
    size_t emit_parsed(const Parsed& p) {
        last_date_end_ = p.end();
        emit_written(p.first, p.last, p.date);
        if (p.range_day != 0) {
            PartialDate second = p.date;
            second.day = p.range_day;
            emit_written(p.range_first, p.range_last, second);
        }
        return p.end() + 1;
    }

    // A written date: a missing year is inferred (and the mention counts as relative); an
    // impossible day ("Feb. 30") is dropped.
    void emit_written(size_t first, size_t last, PartialDate d) {
        const bool inferred = d.year == 0;
        if (inferred) {
            const auto y = infer_year(d.month, d.day);
            if (!y) return;
            d.year = *y;
        }
        if (d.day > schema::days_in_month(d.year, d.month)) return;
        emit(first, last, d, inferred);
    }

    void emit(size_t first, size_t last, const PartialDate& d, bool relative) {
        DateMention m;
        m.date = d;
        m.begin = toks_[first].begin;
        m.end = toks_[last].end;
        m.text = std::string(text_.substr(m.begin, m.end - m.begin));
        m.relative = relative;
        out_.push_back(std::move(m));
    }

    std::string_view text_;
    std::vector<Tok> toks_;
    const std::optional<PartialDate>& pub_;
    bool full_pub_ = false;
    long pub_days_ = 0;
    size_t last_bare_year_ = kNone;  // token of the last year matched on its own
    size_t last_date_end_ = kNone;   // last token of the last written date
    std::vector<DateMention> out_;
};

}  // namespace

std::vector<DateMention> find_date_mentions(std::string_view text,
                                            const std::optional<PartialDate>& published) {
    return MentionFinder(text, published).find();
}

}  // namespace attache::extract
