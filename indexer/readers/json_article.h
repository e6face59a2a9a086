// Turns one JSON object into an Article: the built-in names of common dump schemas
// (docs/formats.md) plus the user's --map FIELD=PATH rules, PATH dotted into nested objects
// ("meta.headline.main", "authors.0.name"). Shared by the JSON Lines and JSON readers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "indexer/readers/article_reader.h"

namespace attache::readers {

class JsonFieldMap {
  public:
    JsonFieldMap() = default;
    // Rules as given to --map: {"title", "meta.headline"}. Throws UsageError for an unknown
    // field or an empty path.
    explicit JsonFieldMap(const std::vector<std::pair<std::string, std::string>>& rules);

    // The Article, or a RejectedRecord when the object has neither a title nor a body.
    Record convert(const nlohmann::json& obj, const std::string& origin) const;

  private:
    struct Rule {
        std::string field;
        std::vector<std::string> path;
    };
    std::vector<Rule> rules_;
};

// The Article fields --map may set.
std::string json_map_fields();

}  // namespace attache::readers
