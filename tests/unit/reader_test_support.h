// Helpers for the reader tests: run a reader over bytes in memory and collect what it hands
// out, the way `attache index` would.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "indexer/readers/article_reader.h"

namespace attache::test {

struct ReadResult {
    std::vector<Article> articles;
    std::vector<RejectedRecord> rejected;
    size_t repaired = 0;
};

inline ReadResult read_with(readers::Format format, const std::string& bytes,
                            const std::string& name = "input",
                            const readers::ReaderOptions& options = {}) {
    readers::MemoryByteStream in(bytes, name);
    auto reader = readers::make_reader(format, in, options);
    ReadResult out;
    while (true) {
        auto rec = reader->next();
        if (std::holds_alternative<std::monostate>(rec)) break;
        if (auto* a = std::get_if<Article>(&rec)) out.articles.push_back(std::move(*a));
        if (auto* r = std::get_if<RejectedRecord>(&rec)) out.rejected.push_back(std::move(*r));
    }
    out.repaired = reader->repaired();
    return out;
}

inline bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

// A "billion laughs" document: nine levels of entities, each ten of the one below.
inline std::string entity_bomb(const std::string& root_open, const std::string& root_close,
                               const std::string& use) {
    std::string dtd = "<!DOCTYPE x [\n<!ENTITY l0 \"lol\">\n";
    for (int i = 1; i < 10; ++i) {
        dtd += "<!ENTITY l" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) dtd += "&l" + std::to_string(i - 1) + ";";
        dtd += "\">\n";
    }
    dtd += "]>\n";
    return "<?xml version=\"1.0\"?>\n" + dtd + root_open + use + root_close;
}

}  // namespace attache::test
