// "Did you mean": for each plain word of a query that no article contains, the most frequent
// word of the index within a small edit distance (same first letter). Reads the vocabulary
// the indexer keeps as metadata (schema::kWordMetadataPrefix), so it works the same on a local
// database and on remote shards (where Xapian 1.4 has no spelling data).
#pragma once

#include <xapian.h>

#include <string>

namespace attache {

// The query with misspelt words replaced, or "" when every word is found or none has a
// close match.
std::string suggest_spelling(const Xapian::Database& db, const std::string& query);

}  // namespace attache
