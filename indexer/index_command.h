// `attache index`: read inputs, extract, build documents on worker threads, write them in input
// order from one writer, commit in batches, report rejected records as "file:line: reason"
// and print a summary. Returns the exit code.
#pragma once

#include <string>
#include <vector>

#include "indexer/index_writer.h"

namespace attache {

struct IndexOptions {
    std::string db;
    std::vector<std::string> inputs;
    std::vector<std::string> kb_files;
    unsigned jobs = 0;              // 0: one per core
    unsigned writers = 0;           // 0: one per core for a new database, else 1
    size_t commit_every = 0;        // documents per commit; 0: 2000, or 500 per partial database
    bool quiet = false;             // no progress line
    std::string format;             // --format: force one reader ("" detects per file)
    bool strict = false;            // stop at the first rejected record and commit nothing
    std::vector<std::string> maps;  // --map FIELD=PATH for JSON inputs
    ShardingOptions sharding;       // --shards N, --shard-by KEY
};

int run_index(const IndexOptions& options);

}  // namespace attache
