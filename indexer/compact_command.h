// `attache compact`: rewrites databases with Xapian's compactor (full B-tree blocks, no free
// space), and merges a sharded database back into one. Every result is checked to hold as many
// articles as its source before it replaces anything.
//   single database, --output DIR   compacted copy at DIR
//   single database                 compacted in place
//   stub, --output DIR              all shards merged into one database at DIR
//   stub                            each local shard compacted in place
#pragma once

#include <string>

namespace attache {

struct CompactOptions {
    std::string db;
    std::string output;
};

int run_compact(const CompactOptions& options);

}  // namespace attache
