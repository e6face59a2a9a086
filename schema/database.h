// Opening attache databases. Both halves go through here so that the schema stamp is checked
// once, and Xapian's errors become one-line messages with exit code 4.
#pragma once

#include <xapian.h>

#include <string>

namespace attache::schema {

// The --db default: $ATTACHE_DB, else ./attache.db.
std::string default_database_path();

// Opens for reading (a directory, or a stub file listing remote shards). Throws DatabaseError
// when it is missing, unreadable, or not an attache database of this schema version.
Xapian::Database open_for_reading(const std::string& path);

// Opens for writing, creating the database if needed, and stamps the schema version.
Xapian::WritableDatabase open_for_writing(const std::string& path);

// Throws DatabaseError if `db` is not an attache database of this schema.
void check_schema(const Xapian::Database& db, const std::string& path);

}  // namespace attache::schema
