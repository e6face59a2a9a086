// `attache upgrade --db PATH`: brings a schema 2 database up to schema 3 in place
// (schema/upgrade.h), so that it can be searched and indexed into again.
#pragma once

#include <string>

namespace attache {

struct UpgradeOptions {
    std::string db;
};

int run_upgrade(const UpgradeOptions& options);

}  // namespace attache
