// Writes built documents into the database: replace by the Q id term (re-indexing an article
// replaces it, never duplicates it) and commit every `commit_every` documents, or sooner once
// kCommitBytes of article text are pending (Xapian buffers postings in memory until a commit,
// so this bounds the indexer's memory whatever the size of the articles). Each commit is
// atomic (Xapian), so a killed indexer leaves the database as of its last commit, and running
// the same input again converges to the same documents.
//
// A sharded database (a stub file listing local shards) is written the same way: each article
// goes to the shard its key picks (indexer/shard_router.h); the sequence counter is one for all
// shards, and labels are written to every shard, so that any shard alone can label facets. A
// commit commits each shard in turn: one shard's commit is atomic, the set is not (a killed run
// is repaired by running the same input again).
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/article_writer.h"
#include "indexer/document_builder.h"
#include "indexer/shard_router.h"

namespace attache {

struct ShardingOptions {
    unsigned shards = 0;  // --shards: create a sharded database; 0: write what `path` holds
    std::string by;       // --shard-by: hash (default), month or year
};

// Creates the shards of a new sharded database (DB.shards/NN, each stamped with the layout and its
// number) and then the stub file at `path` listing them. Returns the shard paths. Throws
// UsageError when `path` or DB.shards exists.
std::vector<std::string> create_shard_databases(const std::string& path, const ShardLayout& layout);

class IndexWriter : public ArticleWriter {
  public:
    IndexWriter(const std::string& path, size_t commit_every, const ShardingOptions& sharding = {});
    void write(BuiltDocument& doc) override;
    void commit() override;
    // All or nothing (--strict): from now on nothing is committed until commit(), and
    // cancel() drops everything written since. Xapian holds the changes in memory meanwhile.
    void hold_commits();
    void cancel() override;
    size_t replaced() const override { return replaced_; }
    Xapian::doccount doccount() const override;
    size_t shard_count() const override { return shards_.size(); }

  private:
    void open_existing_shards(const ShardingOptions& sharding);

    std::string path_;
    std::vector<Xapian::WritableDatabase> shards_;
    ShardLayout layout_;
    size_t commit_every_;
    size_t pending_ = 0;
    size_t replaced_ = 0;
    size_t pending_bytes_ = 0;
    bool held_ = false;                           // inside a transaction (hold_commits)
    unsigned long long sequence_ = 0;             // last sequence number given (kSlotSequence)
    std::unordered_set<std::string> labelled_;    // label keys written or checked in this run
    std::unordered_set<std::string> vocabulary_;  // words written in this run
};

}  // namespace attache
