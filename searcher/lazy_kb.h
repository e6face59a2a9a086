// The knowledge base, loaded on first use: a search that needs no entity names (plain words,
// dates) does not pay for parsing it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kb/knowledge_base.h"

namespace attache {

class LazyKb {
  public:
    explicit LazyKb(std::vector<std::string> extra_files = {}) : files_(std::move(extra_files)) {}
    const kb::KnowledgeBase& get() const {
        if (!kb_) kb_ = kb::KnowledgeBase::load(files_);
        return *kb_;
    }

  private:
    std::vector<std::string> files_;
    mutable std::shared_ptr<const kb::KnowledgeBase> kb_;
};

}  // namespace attache
