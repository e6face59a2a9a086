// The web page's files, embedded at build time (server/embed_web_assets.cmake). Requests are
// answered from this table only: there is no path from a URL to the file system.
#pragma once

#include <cstddef>
#include <string_view>

namespace attache::server {

struct WebAsset {
    const char* path;  // "/index.html"
    const char* content_type;
    const char* content;
};
extern const WebAsset kWebAssets[];
extern const size_t kWebAssetCount;

struct FoundAsset {
    std::string_view content_type;
    std::string_view content;
};

// The asset for a request path ("/" is the page itself); false when there is none.
bool find_web_asset(std::string_view path, FoundAsset& out);

}  // namespace attache::server
