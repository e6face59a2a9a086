#include "searcher/formats/table_format.h"

#include <algorithm>

#include "searcher/formats/hit_fields.h"

namespace attache::formats {

std::string csv_quote(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string tsv_clean(const std::string& field) {
    std::string out = field;
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return out;
}

namespace {

void write_row(std::ostream& out, TableKind kind, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out << (kind == TableKind::csv ? ',' : '\t');
        out << (kind == TableKind::csv ? csv_quote(cells[i]) : tsv_clean(cells[i]));
    }
    out << (kind == TableKind::csv ? "\r\n" : "\n");
}

}  // namespace

void write_table_header(std::ostream& out, TableKind kind, const std::vector<std::string>& fields,
                        bool with_qid) {
    std::vector<std::string> cells;
    if (with_qid) cells.push_back("qid");
    cells.insert(cells.end(), fields.begin(), fields.end());
    write_row(out, kind, cells);
}

void write_table_rows(std::ostream& out, TableKind kind, const SearchResult& result,
                      const std::vector<std::string>& fields, const std::string* qid) {
    for (const auto& hit : result.hits) {
        std::vector<std::string> cells;
        if (qid) cells.push_back(*qid);
        for (const auto& f : fields) cells.push_back(hit_field_text(hit, f));
        write_row(out, kind, cells);
    }
}

}  // namespace attache::formats
