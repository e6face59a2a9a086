#include "schema/database.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "common/errors.h"
#include "schema/fields.h"

namespace attache::schema {

std::string default_database_path() {
    const char* env = std::getenv("ATTACHE_DB");
    return env && *env ? env : "./attache.db";
}

void check_schema(const Xapian::Database& db, const std::string& path,
                  const std::string& upgrade_path) {
    const std::string version = db.get_metadata(std::string(kSchemaMetadataKey));
    if (version == kSchemaVersion) return;
    if (version.empty()) {
        if (db.get_doccount() == 0) return;  // a fresh database; the indexer stamps it
        throw DatabaseError("'" + path + "' is a Xapian database but not an attache database");
    }
    const std::string mismatch = "'" + path + "' has attache schema " + version +
                                 ", this attache reads schema " + std::string(kSchemaVersion);
    if (version == kUpgradableSchemaVersion) {
        throw DatabaseError(mismatch + ": upgrade it in place with: attache upgrade --db " +
                            (upgrade_path.empty() ? path : upgrade_path));
    }
    throw DatabaseError(mismatch + ": re-index it into a new database");
}

namespace {

[[noreturn]] void rethrow_as_database_error(const std::string& path, const Xapian::Error& e) {
    const std::string type = e.get_type();
    if (type == "DatabaseLockError") {
        throw DatabaseError("database '" + path +
                            "' is locked: another attache index is writing to it");
    }
    if (type == "DatabaseVersionError") {
        throw DatabaseError("database '" + path +
                            "' was written by an incompatible Xapian version: " + e.get_msg());
    }
    throw DatabaseError("cannot open database '" + path + "': " + e.get_msg());
}

// Why a shard did not answer, in a few words.
std::string network_reason(const Xapian::Error& e, double timeout_seconds) {
    if (std::string(e.get_type()) == "NetworkTimeoutError") {
        char buf[64];
        std::snprintf(buf, sizeof buf, "no answer within %g s (--timeout)", timeout_seconds);
        return buf;
    }
    std::string reason = e.get_msg();
    if (const char* detail = e.get_error_string(); detail && *detail)
        reason += std::string(" (") + detail + ")";
    return reason;
}

Xapian::Database open_shard(const ShardSpec& s, double timeout_seconds) {
    if (!s.remote) {
        std::error_code ec;
        if (!std::filesystem::exists(s.path, ec))
            throw DatabaseError("shard '" + s.path + "' does not exist");
        return Xapian::Database(s.path);
    }
    const auto ms = static_cast<useconds_t>(std::lround(timeout_seconds * 1000.0));
    return Xapian::Remote::open(s.host, s.port, ms, ms);
}

}  // namespace

ReadDatabase::ReadDatabase(const std::string& path, const ReadOptions& options)
    : path_(path), options_(options) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw DatabaseError("no database at '" + path + "' (create one with: attache index --db " +
                            path + " FILE...)");
    }
    if (is_stub_file(path)) {
        specs_ = read_stub_file(path);
    } else {
        specs_.emplace_back().path = path;  // a directory: a database of one local shard
    }
    open_shards();
}

void ReadDatabase::open_shards() {
    Xapian::Database combined;
    std::vector<std::string> missing;
    const bool single = specs_.size() == 1 && !specs_[0].remote;
    for (const auto& s : specs_) {
        const std::string name = single ? path_ : "shard " + s.name();
        try {
            Xapian::Database shard = open_shard(s, options_.timeout_seconds);
            check_schema(shard, single ? path_ : s.name(), path_);
            combined.add_database(shard);
        } catch (const Xapian::NetworkError& e) {
            const std::string reason = network_reason(e, options_.timeout_seconds);
            if (!options_.allow_partial) {
                throw DatabaseError(name + " (" + path_ + ":" + std::to_string(s.line) +
                                    ") is unavailable: " + reason +
                                    "; --allow-partial searches the other shards");
            }
            missing.push_back(s.name() + ": " + reason);
        } catch (const Xapian::Error& e) {
            rethrow_as_database_error(single ? path_ : s.name(), e);
        }
    }
    if (missing.size() == specs_.size())
        throw DatabaseError("no shard of '" + path_ + "' is available: " + missing.front());
    db_ = combined;
    missing_ = std::move(missing);
}

void ReadDatabase::reconnect() {
    db_ = Xapian::Database();  // let go of the broken connections first
    open_shards();
}

void with_reconnect(ReadDatabase& db, const std::function<void()>& work) {
    for (int attempt = 0;; ++attempt) {
        try {
            work();
            return;
        } catch (const Xapian::NetworkError& e) {
            if (attempt > 0) {
                throw DatabaseError("a shard of '" + db.path() +
                                    "' failed again after reconnecting: " + e.get_msg());
            }
            db.reconnect();
        }
    }
}

Xapian::Database open_for_reading(const std::string& path) {
    return ReadDatabase(path).db();
}

Xapian::WritableDatabase open_for_writing(const std::string& path) {
    if (is_stub_file(path)) {
        throw DatabaseError("'" + path +
                            "' is a stub file listing shards; write to it with "
                            "attache index, or open a shard directly");
    }
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        check_schema(db, path);
        if (db.get_metadata(std::string(kSchemaMetadataKey)).empty()) {
            db.set_metadata(std::string(kSchemaMetadataKey), std::string(kSchemaVersion));
            db.commit();
        }
        return db;
    } catch (const Xapian::Error& e) {
        rethrow_as_database_error(path, e);
    }
}

Xapian::WritableDatabase open_any_schema_for_writing(const std::string& path) {
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
        rethrow_as_database_error(path, e);
    }
}

std::vector<ShardSpec> read_local_shards(const std::string& stub_path, const std::string& action) {
    std::vector<ShardSpec> shards = read_stub_file(stub_path);
    for (const auto& s : shards) {
        if (s.remote) {
            throw DatabaseError(stub_path + ":" + std::to_string(s.line) + ": shard " + s.name() +
                                " is remote: " + action +
                                " on its own host, with --db on its directory");
        }
    }
    return shards;
}

std::vector<Xapian::WritableDatabase> open_shards_for_writing(const std::string& stub_path) {
    std::vector<Xapian::WritableDatabase> out;
    for (const auto& s : read_local_shards(stub_path, "write to it")) {
        std::error_code ec;
        if (!std::filesystem::is_directory(s.path, ec))
            throw DatabaseError("shard '" + s.path + "' listed in '" + stub_path + "' is missing");
        out.push_back(open_for_writing(s.path));
    }
    return out;
}

}  // namespace attache::schema
