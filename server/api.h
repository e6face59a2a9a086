// The JSON API, independent of HTTP: each endpoint takes the query parameters and returns a
// status and a JSON body. Search and article JSON are exactly what `attache search --format
// json` and `attache show --format json` print (docs/output.md); errors are
// {"error": MESSAGE, "status": CODE}. http_server.cpp maps URLs to these functions.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "indexer/extract/entity_extractor.h"
#include "searcher/lazy_kb.h"
#include "server/api_params.h"
#include "server/database_pool.h"
#include "server/entity_suggest.h"

namespace attache::server {

struct ApiResponse {
    int status = 200;
    nlohmann::ordered_json body;
};

class Api {
  public:
    // Loads the knowledge base now: the worker threads then only read it.
    Api(DatabasePool& pool, std::vector<std::string> kb_files, ApiLimits limits = {});
    ~Api();

    ApiResponse search(const QueryParams& params);
    // ?mentions=true adds the article's entity mentions with byte offsets, for highlighting.
    ApiResponse article(const std::string& id, const QueryParams& params);
    ApiResponse stats(const QueryParams& params);
    ApiResponse suggest(const QueryParams& params);
    ApiResponse health();

    static ApiResponse error(int status, const std::string& message);

  private:
    template <typename Fn>
    ApiResponse guarded(Fn&& fn);

    DatabasePool& pool_;
    LazyKb kb_;
    ApiLimits limits_;
    std::unique_ptr<extract::EntityExtractor> extractor_;
    std::unique_ptr<EntitySuggester> suggester_;
};

}  // namespace attache::server
