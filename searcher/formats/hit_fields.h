// Which stored fields a hit carries in JSON, JSON Lines, TSV and CSV output (--fields).
#pragma once

#include <string>
#include <vector>

#include "searcher/search.h"

namespace attache::formats {

// Every field a hit can carry, in output order; the default set is the design's.
const std::vector<std::string>& all_hit_fields();
const std::vector<std::string>& default_hit_fields();
const std::vector<std::string>& default_table_fields();  // tsv/csv: no entities, no snippet

// "id,title,score" -> the list; throws UsageError naming the unknown field.
std::vector<std::string> parse_hit_fields(const std::string& list);

// A hit's field as one line of text (tables): entities as "kind:id;kind:id", snippet plain.
std::string hit_field_text(const Hit& hit, const std::string& field);

}  // namespace attache::formats
