// Stub database files: a text file that lists the shards of one attache database, one per line.
// attache reads the lines itself (rather than letting Xapian open the stub) so that it can open
// each shard on its own: that is what makes a remote timeout, an error naming the shard that is
// down, and --allow-partial possible. Accepted lines (docs/sharding.md):
//   auto PATH | glass PATH      a local database; a relative PATH is relative to the stub's folder
//   remote tcp HOST PORT        a database served by xapian-tcpsrv (attache's spelling)
//   remote HOST:PORT            the same in Xapian's own stub syntax ([IPv6]:PORT too)
//   # comment, blank lines
#pragma once

#include <string>
#include <vector>

namespace attache::schema {

struct ShardSpec {
    bool remote = false;
    std::string path;  // local: resolved against the stub's folder
    std::string host;  // remote
    unsigned port = 0;
    unsigned line = 0;  // line in the stub file, for messages

    // How messages name the shard: "127.0.0.1:8101" or the path.
    std::string name() const { return remote ? host + ":" + std::to_string(port) : path; }
};

// True when `path` is a regular file that is not a single-file Xapian database, i.e. a stub.
bool is_stub_file(const std::string& path);

// Parses a stub file. Throws DatabaseError "FILE:LINE: reason" for a line it cannot read, or
// when the file lists no database.
std::vector<ShardSpec> read_stub_file(const std::string& path);

// Parses stub text; `stub_path` resolves relative paths and names the file in messages.
std::vector<ShardSpec> parse_stub(const std::string& text, const std::string& stub_path);

// Writes a stub listing local shards by paths relative to the stub's folder, atomically
// (written beside, then renamed). The `auto` lines are Xapian's own, so Xapian's tools open it.
void write_local_stub(const std::string& stub_path, const std::vector<std::string>& shard_paths);

}  // namespace attache::schema
