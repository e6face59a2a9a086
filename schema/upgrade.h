// `attache upgrade`: brings a database of the previous schema (2) up to this one (3) in place.
// Schema 3 guarantees that every document carries the packed facet value (kSlotPackedFacets),
// so that facets have one local counting path; schema 2 databases may lack it on some or all
// documents (indexed before it existed). Upgrading packs the value from the document's own
// facet slots, which schema 2 already holds, so no input has to be read again.
#pragma once

#include <xapian.h>

#include <string>

namespace attache::schema {

struct UpgradeResult {
    size_t databases = 0;         // directories upgraded (a sharded database: its local shards)
    size_t already_current = 0;   // directories that were at this schema already
    Xapian::doccount packed = 0;  // documents given the packed value
};

// Upgrades the database directory at `path`, or every shard a stub file lists (a schema 3 one
// is only given the packed values it lacks, which none written by attache does). The new stamp
// is written last (Xapian may commit packed values before it), so an interrupted upgrade
// leaves a schema 2 database that can be upgraded again. Throws DatabaseError for a remote shard
// (upgrade it on its host), a database of another schema, or a failure to write.
UpgradeResult upgrade_database(const std::string& path);

}  // namespace attache::schema
