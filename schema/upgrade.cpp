#include "schema/upgrade.h"

#include <filesystem>
#include <vector>

#include "common/errors.h"
#include "schema/database.h"
#include "schema/fields.h"
#include "schema/packed_facets.h"
#include "schema/stub_file.h"

namespace attache::schema {

namespace {

void upgrade_directory(const std::string& path, UpgradeResult& result) {
    Xapian::WritableDatabase db = open_any_schema_for_writing(path);
    const std::string key(kSchemaMetadataKey);
    const std::string version = db.get_metadata(key);
    const bool current = version == kSchemaVersion;
    if (!current && version != kUpgradableSchemaVersion &&
        !(version.empty() && db.get_doccount() == 0)) {
        throw DatabaseError("'" + path + "' has " +
                            (version.empty() ? "no attache schema" : "attache schema " + version) +
                            ": only schema " + std::string(kUpgradableSchemaVersion) +
                            " can be upgraded; re-index it into a new database");
    }
    try {
        // The docids first: the documents are replaced while they are read.
        std::vector<Xapian::docid> lacking;
        for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
            if (db.get_document(*p).get_value(kSlotPackedFacets).empty()) lacking.push_back(*p);
        }
        // A schema 3 database lacks none, unless something other than attache wrote to it.
        if (current && lacking.empty()) {
            ++result.already_current;
            return;
        }
        for (const Xapian::docid did : lacking) {
            Xapian::Document doc = db.get_document(did);
            doc.add_value(kSlotPackedFacets, pack_facet_values(doc));
            db.replace_document(did, doc);
        }
        db.set_metadata(key, std::string(kSchemaVersion));
        db.commit();
        ++result.databases;
        result.packed += static_cast<Xapian::doccount>(lacking.size());
    } catch (const Xapian::Error& e) {
        throw DatabaseError("upgrading '" + path + "' failed: " + e.get_description());
    }
}

}  // namespace

UpgradeResult upgrade_database(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw DatabaseError("no database at '" + path + "'");
    UpgradeResult result;
    if (!is_stub_file(path)) {
        upgrade_directory(path, result);
    } else {
        for (const auto& s : read_local_shards(path, "upgrade it"))
            upgrade_directory(s.path, result);
    }
    return result;
}

}  // namespace attache::schema
