// Helpers shared by the unit tests: temporary directories that clean up after themselves, and
// the built-in knowledge base loaded once per test executable.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "kb/knowledge_base.h"

namespace attache::test {

class TempDir {
  public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "attache-test-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

inline std::shared_ptr<const kb::KnowledgeBase> builtin_kb() {
    static auto kb = kb::KnowledgeBase::load({});
    return kb;
}

}  // namespace attache::test
