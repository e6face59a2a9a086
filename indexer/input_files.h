// Expands the PATH arguments of `attache index` into the list of inputs to read: files as
// given, directories recursively (files with a known extension, see is_readable_name, in sorted
// order so runs are repeatable), and "-" for standard input.
#pragma once

#include <string>
#include <vector>

#include "indexer/article.h"

namespace attache {

struct InputList {
    std::vector<std::string> files;          // "-" means stdin
    std::vector<RejectedRecord> unreadable;  // paths that do not exist or cannot be listed
    size_t skipped_unknown = 0;              // files in directories with no reader for them
};

InputList expand_inputs(const std::vector<std::string>& paths);

// True for names a reader takes when walking a directory: the extensions of the formats in
// docs/formats.md, optionally compressed (".xml.gz"), and archives (".tar", ".tgz", ".zip").
bool is_readable_name(const std::string& path);

}  // namespace attache
