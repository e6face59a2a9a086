#include "searcher/query_scan.h"

#include <algorithm>

namespace attache {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

QueryScan::QueryScan(std::string query) : text_(std::move(query)) {
    const std::string_view q = text_;
    size_t i = 0;
    while (i < q.size()) {
        QueryToken t;
        t.begin = i;
        const char c = q[i];
        if (c == '"') {
            t.kind = QueryToken::Kind::quoted;
            const size_t close = q.find('"', i + 1);
            t.closed = close != std::string_view::npos;
            i = t.closed ? close + 1 : q.size();
        } else if (c == '(' || c == ')') {
            t.kind = c == '(' ? QueryToken::Kind::open_paren : QueryToken::Kind::close_paren;
            ++i;
        } else if (is_blank(c)) {
            t.kind = QueryToken::Kind::blank;
            while (i < q.size() && is_blank(q[i])) ++i;
        } else {
            t.kind = QueryToken::Kind::bare;
            while (i < q.size() && !is_blank(q[i]) && q[i] != '"' && q[i] != '(' && q[i] != ')')
                ++i;
        }
        t.end = i;
        t.text = q.substr(t.begin, t.end - t.begin);
        tokens_.push_back(t);
        if (t.kind == QueryToken::Kind::bare) add_field_names(t);
    }
}

void QueryScan::add_field_names(const QueryToken& bare) {
    const std::string_view q = text_;
    for (size_t i = bare.begin + 1; i < bare.end; ++i) {
        if (q[i] != ':') continue;
        size_t b = i;
        while (b > 0 && is_ascii_letter(q[b - 1])) --b;
        if (b == i) continue;
        if (b > 0 && q[b - 1] != ' ' && q[b - 1] != '(' && q[b - 1] != '-' && q[b - 1] != '+')
            continue;
        if (i + 1 < q.size() && q[i + 1] == '/') continue;  // "http://..." is text
        field_names_.push_back(FieldName{b, q.substr(b, i - b)});
    }
}

std::string apply_edits(std::string_view query, std::vector<QueryEdit> edits) {
    std::sort(edits.begin(), edits.end(),
              [](const QueryEdit& a, const QueryEdit& b) { return a.begin < b.begin; });
    std::string out;
    out.reserve(query.size() + 16 * edits.size());
    size_t at = 0;
    for (const QueryEdit& e : edits) {
        out.append(query, at, e.begin - at);
        out += e.text;
        at = e.end;
    }
    out.append(query, at);
    return out;
}

}  // namespace attache
