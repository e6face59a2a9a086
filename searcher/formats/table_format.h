// TSV and CSV output: a header row, then one row per hit. CSV quotes as RFC 4180 does (fields
// with a comma, quote or line break are quoted, quotes doubled); TSV has no quoting, so tabs
// and line breaks inside a field become spaces.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "searcher/search.h"

namespace attache::formats {

enum class TableKind { tsv, csv };

void write_table_header(std::ostream& out, TableKind kind, const std::vector<std::string>& fields,
                        bool with_qid);
void write_table_rows(std::ostream& out, TableKind kind, const SearchResult& result,
                      const std::vector<std::string>& fields, const std::string* qid);

std::string csv_quote(const std::string& field);
std::string tsv_clean(const std::string& field);

}  // namespace attache::formats
