// `attache serve`: the JSON API and the web page over HTTP (docs/serve.md).
#pragma once

#include <string>
#include <vector>

#include "schema/database.h"

namespace attache {

struct ServeOptions {
    std::string db;
    std::string listen = "127.0.0.1:8080";
    size_t threads = 0;  // 0: a few per core (at least 4)
    std::string cors_origin;
    std::vector<std::string> kb_files;
    schema::ReadOptions read;  // --timeout, --allow-partial, as for search
};

// Serves until SIGINT or SIGTERM, then finishes the running requests and returns 0.
int run_serve(const ServeOptions& options);

}  // namespace attache
