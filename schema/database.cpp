#include "schema/database.h"

#include <cstdlib>
#include <filesystem>

#include "common/errors.h"
#include "schema/fields.h"

namespace attache::schema {

std::string default_database_path() {
    const char* env = std::getenv("ATTACHE_DB");
    return env && *env ? env : "./attache.db";
}

void check_schema(const Xapian::Database& db, const std::string& path) {
    const std::string version = db.get_metadata(std::string(kSchemaMetadataKey));
    if (version.empty()) {
        if (db.get_doccount() == 0) return;  // a fresh database; the indexer stamps it
        throw DatabaseError("'" + path + "' is a Xapian database but not an attache database");
    }
    if (version != kSchemaVersion) {
        throw DatabaseError("'" + path + "' has attache schema " + version +
                            ", this attache reads schema " + std::string(kSchemaVersion) +
                            ": re-index it into a new database");
    }
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

}  // namespace

Xapian::Database open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw DatabaseError("no database at '" + path + "' (create one with: attache index --db " +
                            path + " FILE...)");
    }
    try {
        Xapian::Database db(path);
        check_schema(db, path);
        return db;
    } catch (const Xapian::Error& e) {
        rethrow_as_database_error(path, e);
    }
}

Xapian::WritableDatabase open_for_writing(const std::string& path) {
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

}  // namespace attache::schema
