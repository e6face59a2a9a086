// TREC run format, as trec_eval reads it: one line per hit, "qid Q0 docid rank score tag".
#pragma once

#include <ostream>
#include <string>

#include "searcher/search.h"

namespace attache::formats {

void write_trec(std::ostream& out, const SearchResult& result, const std::string& qid,
                const std::string& tag);

}  // namespace attache::formats
