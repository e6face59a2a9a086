// The one pass over a query's text before Xapian parses it. Syntax checking, entity expansion
// and wildcard routing all need to know where quotes, parentheses, fields and bare words are;
// they read this scan instead of each walking the text with its own idea of quoting.
//
// A double quote opens a quoted span wherever it stands, also inside a word (title:"a b"), and
// the next double quote closes it. Outside quoted spans the query splits into runs of blanks
// (space, tab, CR, LF), single parentheses and bare runs (everything else). Offsets are bytes;
// columns in error messages are offset + 1.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace attache {

struct QueryToken {
    enum class Kind { blank, open_paren, close_paren, quoted, bare };
    Kind kind = Kind::bare;
    size_t begin = 0;  // byte offsets into the query
    size_t end = 0;
    std::string_view text;
    bool closed = true;  // quoted: ends with its closing quote (false: runs to the end)
};

// "person:" in "person:blinken", "(-country:KP" or "x-foo:bar": ASCII letters right before a
// colon, at the start of the query or after a space, '(', '-' or '+', the colon not starting
// "://". What syntax checking takes for a field name, whether it is a known field or not.
struct FieldName {
    size_t begin = 0;  // offset of the first letter
    std::string_view name;
};

class QueryScan {
  public:
    explicit QueryScan(std::string query);
    QueryScan(const QueryScan&) = delete;  // tokens point into text_
    QueryScan& operator=(const QueryScan&) = delete;

    const std::string& text() const { return text_; }
    const std::vector<QueryToken>& tokens() const { return tokens_; }
    // In text order; each lies inside a bare token.
    const std::vector<FieldName>& field_names() const { return field_names_; }

    // Whether token k is directly followed by a quoted span (title:"a b", x"y").
    bool runs_into_quote(size_t k) const {
        return k + 1 < tokens_.size() && tokens_[k + 1].kind == QueryToken::Kind::quoted &&
               tokens_[k + 1].begin == tokens_[k].end;
    }

  private:
    void add_field_names(const QueryToken& bare);

    std::string text_;
    std::vector<QueryToken> tokens_;
    std::vector<FieldName> field_names_;
};

// A replacement of query text [begin, end) by `text`: entity expansion and wildcard routing
// return edits of the typed query rather than new strings, so both apply to one scan.
struct QueryEdit {
    size_t begin = 0;
    size_t end = 0;
    std::string text;
};

// `query` with the edits made; they must not overlap (their order does not matter).
std::string apply_edits(std::string_view query, std::vector<QueryEdit> edits);

}  // namespace attache
