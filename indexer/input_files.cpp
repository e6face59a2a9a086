#include "indexer/input_files.h"

#include <algorithm>
#include <filesystem>

#include "common/text.h"

namespace attache {

namespace fs = std::filesystem;

bool is_readable_name(const std::string& path) {
    std::string name = ascii_lower(fs::path(path).filename().string());
    // A compression suffix says nothing about the format inside: look past it.
    for (const char* z : {".gz", ".bz2", ".xz", ".zst", ".zstd"}) {
        const std::string_view suffix(z);
        if (name.size() > suffix.size() && name.ends_with(suffix)) {
            name.resize(name.size() - suffix.size());
            break;
        }
    }
    const std::string ext = fs::path(name).extension().string();
    static const char* const kKnown[] = {".jsonl", ".ndjson", ".jl",   ".json",   ".xml",  ".rss",
                                         ".atom",  ".rdf",    ".nitf", ".newsml", ".html", ".htm",
                                         ".xhtml", ".txt",    ".text", ".tar",    ".tgz",  ".tbz2",
                                         ".txz",   ".tzst",   ".zip"};
    return std::ranges::find(kKnown, ext) != std::end(kKnown);
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
            if (is_readable_name(file)) {
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
