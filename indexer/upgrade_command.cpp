#include "indexer/upgrade_command.h"

#include <iostream>

#include "schema/fields.h"
#include "schema/upgrade.h"

namespace attache {

int run_upgrade(const UpgradeOptions& opt) {
    const schema::UpgradeResult r = schema::upgrade_database(opt.db);
    const std::string schema = "schema " + std::string(schema::kSchemaVersion);
    if (r.databases == 0) {
        std::cerr << "attache: '" << opt.db << "' is at " << schema << " already\n";
        return 0;
    }
    std::cerr << "attache: upgraded '" << opt.db << "' to " << schema << " ("
              << (r.databases == 1 ? "" : std::to_string(r.databases) + " shards, ")
              << "packed the facet values of " << r.packed
              << (r.packed == 1 ? " article" : " articles") << ")\n";
    return 0;
}

}  // namespace attache
