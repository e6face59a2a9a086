#include "indexer/input_files.h"

#include <algorithm>
#include <filesystem>

namespace attache {

namespace fs = std::filesystem;

bool is_jsonl_name(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    return ext == ".jsonl" || ext == ".ndjson" || ext == ".jl" || ext == ".json";
}

InputList expand_inputs(const std::vector<std::string>& paths) {
    InputList out;
    for (const auto& path : paths) {
        if (path == "-") {
            out.files.push_back(path);
            continue;
        }
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            out.unreadable.push_back({path, "no such file or directory"});
            continue;
        }
        if (!fs::is_directory(status)) {
            out.files.push_back(path);  // named explicitly: read whatever its extension
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                            ec),
            end;
        if (ec) {
            out.unreadable.push_back({path, "cannot list directory: " + ec.message()});
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                out.unreadable.push_back({path, "cannot list directory: " + ec.message()});
                break;
            }
            if (!it->is_regular_file(ec)) continue;
            const std::string file = it->path().string();
            if (is_jsonl_name(file)) {
                found.push_back(file);
            } else {
                ++out.skipped_unknown;
            }
        }
        std::sort(found.begin(), found.end());
        out.files.insert(out.files.end(), found.begin(), found.end());
    }
    return out;
}

}  // namespace attache
