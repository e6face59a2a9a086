// Building a new database with several writers at once (`attache index --writers N`, the
// default when --db does not exist yet).
//
// Xapian's write path (replace_document, and the posting merges at each commit) is most of an
// indexing run's CPU and runs on one thread per database. So a new database is built as N
// partial databases, each written by its own thread, in a staging directory beside the target
// (DB.building.PID/part-NN); at the end they are merged into one with Xapian's Compactor (which
// also compacts it) and the result is renamed into place. Until then nothing is visible at the
// target path: a run that is killed or stopped (--strict) leaves no database, and running it
// again starts over. The parts are written without fsync (DB_NO_SYNC): only the merged database,
// synced before the rename, has to survive a crash.
//
// An article goes to the part its id hashes to, so a record read twice lands twice in the same
// part and replaces itself, as in one database. Sequence numbers are given here, in input order,
// on the reading thread, so the merged database numbers its articles as a single writer would.
//
// A new database sharded by the hash of the id (`--shards N`) is built the same way, one writer
// thread per shard, without the merge: the parts are the shards themselves, created and listed
// in the stub first, and committed (synced) as they go, like IndexWriter's. Labels and vocabulary
// words, which every shard must hold (Xapian reads metadata from the first database of a
// combination only), are sent to every shard's writer the first time they are seen.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/article_writer.h"
#include "indexer/shard_router.h"

namespace attache {

class ParallelBuild : public ArticleWriter {
  public:
    // `path` must not exist. Throws DatabaseError when the staging directory cannot be made.
    ParallelBuild(const std::string& path, unsigned writers, size_t commit_every);
    // A new database of `layout.count` shards by hash (create_shard_databases), one writer each.
    ParallelBuild(const std::string& path, const ShardLayout& layout, size_t commit_every);
    // Without finish(): stops the writers and removes the staging directory.
    ~ParallelBuild() override;

    // Hands the document to its part's writer; blocks while that writer's queue is full.
    // Rethrows (as DatabaseError) the first error a writer met.
    void write(BuiltDocument& doc) override;
    // Commits the parts, merges them and renames the merged database into place.
    void commit() override;
    // Drops everything: the staging directory is removed, the target is never created.
    void cancel() override;
    size_t replaced() const override;
    Xapian::doccount doccount() const override { return doccount_; }
    size_t shard_count() const override { return sharded_ ? parts_.size() : 1; }

    // Staging directories of runs that no longer exist (killed): DB.building.PID with a PID
    // that is not running. Removed before a new build of the same target.
    static void remove_stale_staging(const std::string& path);

  private:
    class Part;
    void check_writers();
    void merge();
    void send_metadata_to_other_shards(const BuiltDocument& doc, size_t target);

    std::string path_, staging_;
    std::vector<std::unique_ptr<Part>> parts_;
    unsigned long long sequence_ = 0;
    Xapian::doccount doccount_ = 0;
    bool done_ = false;
    bool sharded_ = false;
    ShardLayout layout_;
    std::unordered_set<std::string> sent_;  // metadata keys already sent to every shard
};

}  // namespace attache
