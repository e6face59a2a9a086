// `attache delete ID...`: removes articles by their id and commits once.
#pragma once

#include <string>
#include <vector>

namespace attache {

struct DeleteOptions {
    std::string db;
    std::vector<std::string> ids;
};

int run_delete(const DeleteOptions& options);

}  // namespace attache
