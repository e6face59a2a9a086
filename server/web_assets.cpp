#include "server/web_assets.h"

namespace attache::server {

bool find_web_asset(std::string_view path, FoundAsset& out) {
    if (path == "/") path = "/index.html";
    for (size_t i = 0; i < kWebAssetCount; ++i) {
        if (path == kWebAssets[i].path) {
            out.content_type = kWebAssets[i].content_type;
            out.content = kWebAssets[i].content;
            return true;
        }
    }
    return false;
}

}  // namespace attache::server
