// Opening attache databases. Both halves go through here so that the schema stamp is checked
// once, and Xapian's errors become one-line messages with exit code 4.
//
// A database is a directory (one Xapian database) or a stub file listing shards, local or served
// by xapian-tcpsrv (schema/stub_file.h, docs/sharding.md). Readers open every shard on its own and
// combine them, so that a remote timeout applies, a shard that is down is named, and with
// allow_partial the others are searched without it.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "schema/stub_file.h"

namespace attache::schema {

// Sharded databases keep their layout in every shard's metadata: "hash 3" (how, how many), and
// the shard's own number.
inline constexpr std::string_view kShardingMetadataKey = "attache.sharding";
inline constexpr std::string_view kShardNumberMetadataKey = "attache.shard";

// The --db default: $ATTACHE_DB, else ./attache.db.
std::string default_database_path();

struct ReadOptions {
    // Remote shards: seconds to wait for a connection or an answer before giving up on the
    // shard (--timeout). 0 waits forever. Xapian's own default is 10 s.
    double timeout_seconds = 10;
    // Search the shards that answer and report the others as missing, instead of failing.
    bool allow_partial = false;
};

// A database opened for reading: all its shards combined into one Xapian::Database (a single
// directory is a database of one shard).
class ReadDatabase {
  public:
    // Throws DatabaseError when the database or a shard is missing, unreachable (unless
    // allow_partial, and at least one shard answers), or not an attache database of this schema.
    explicit ReadDatabase(const std::string& path, const ReadOptions& options = {});

    const Xapian::Database& db() const { return db_; }
    const std::string& path() const { return path_; }
    // Shards left out under allow_partial, each as "NAME: reason".
    const std::vector<std::string>& missing_shards() const { return missing_; }
    size_t shard_count() const { return specs_.size(); }
    bool has_remote_shards() const { return std::ranges::any_of(specs_, &ShardSpec::remote); }

    // Moves to the latest committed revision (Xapian::Database::reopen).
    void reopen() { db_.reopen(); }

    // After a Xapian::NetworkError mid-run: connects to every shard afresh. A shard that still
    // does not answer is dropped with allow_partial, else a DatabaseError names it.
    void reconnect();

  private:
    void open_shards();

    std::string path_;
    ReadOptions options_;
    std::vector<ShardSpec> specs_;
    Xapian::Database db_;
    std::vector<std::string> missing_;
};

// Runs `work` (reads of db.db()); when a shard drops its connection (Xapian::NetworkError),
// reconnects once and runs it again from the start. A shard that stays down fails with a
// DatabaseError naming it, or is left out under allow_partial.
void with_reconnect(ReadDatabase& db, const std::function<void()>& work);

// Opens for reading with the default options (see ReadDatabase).
Xapian::Database open_for_reading(const std::string& path);

// Opens for writing, creating the database if needed, and stamps the schema version. A path
// that is a stub file is refused: shards are written through IndexWriter (indexer/).
Xapian::WritableDatabase open_for_writing(const std::string& path);

// The shards a stub lists. Throws DatabaseError naming the first remote one, which has to be
// worked on where it is: "SHARD is remote: ACTION on its own host...".
std::vector<ShardSpec> read_local_shards(const std::string& stub_path, const std::string& action);

// The local shards a stub lists, each opened for writing. Throws DatabaseError for a remote
// shard (write on the shard's host) or one that cannot be opened.
std::vector<Xapian::WritableDatabase> open_shards_for_writing(const std::string& stub_path);

// Throws DatabaseError if `db` is not an attache database of this schema. `path` names it in the
// message; `upgrade_path` is what `attache upgrade --db` should be given for an upgradable one
// (the stub of a shard; default: `path`).
void check_schema(const Xapian::Database& db, const std::string& path,
                  const std::string& upgrade_path = "");

// Opens an existing database directory for writing whatever its schema stamp (attache upgrade).
Xapian::WritableDatabase open_any_schema_for_writing(const std::string& path);

}  // namespace attache::schema
