// `attache extract`: shows what the indexer would extract from a text or a JSON Lines file,
// with every mention's byte offsets, entity id, kind, role and how it was resolved. No database.
#pragma once

#include <string>
#include <vector>

namespace attache {

struct ExtractOptions {
    std::string input = "-";      // a file, or - for stdin
    std::string format = "text";  // text or json (one JSON object per article)
    std::string date;             // published date for plain text input
    std::string title;            // title for plain text input
    std::vector<std::string> kb_files;
};

int run_extract(const ExtractOptions& options);

}  // namespace attache
