// Entity expansion of free text: a plain word or run of words in the query that names a KB
// entity also matches the entity's facet term, so "DPRK" finds articles that only say "North
// Korea", and "Blinken" finds one that only says "the U.S. Secretary of State" in 2023 (the
// indexer resolved the title to him). "DPRK sanctions" becomes
// "(DPRK OR country:KP) sanctions". Words inside quotes, after a field, with + or -, or next
// to NEAR/ADJ are left alone; acronyms expand only when typed in capitals ("US", not "us").
// --no-expand turns it off.
#pragma once

#include <vector>

#include "searcher/expansion_index.h"
#include "searcher/query_scan.h"

namespace attache {

// `index`: ExpansionIndex::builtin(), or one built from a KB loaded with --kb files. Returns
// the edits that expand the scanned query (each replaces a run of words by its expansion).
std::vector<QueryEdit> expand_entities(const QueryScan& query, const ExpansionIndex& index);

}  // namespace attache
