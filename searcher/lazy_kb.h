// The knowledge base, loaded on first use: a search that needs no entity names (plain words,
// dates) does not pay for parsing it. Entity expansion of plain words needs only the alias
// table, which for the built-in KB is compiled in (expansion_index.h), so a plain keyword
// query never loads the KB either.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"
#include "searcher/expansion_index.h"

namespace attache {

class LazyKb {
  public:
    explicit LazyKb(std::vector<std::string> extra_files = {}) : files_(std::move(extra_files)) {}
    const kb::KnowledgeBase& get() const {
        if (!kb_) kb_ = kb::KnowledgeBase::load(files_);
        return *kb_;
    }
    // Whether get() has parsed the KB (tests check that plain searches do not).
    bool loaded() const { return kb_ != nullptr; }

    // The alias table of entity expansion: the compiled-in one, unless --kb files add
    // entities, when it is built once from the loaded KB.
    const ExpansionIndex& expansion() const {
        if (files_.empty()) return ExpansionIndex::builtin();
        if (!expansion_) expansion_.emplace(ExpansionIndex::build(get()));
        return *expansion_;
    }

    // Whether `filter` ("country:KP", as entity expansion writes it) names exactly one
    // entity by its id, answered without loading the KB; false (ask the KB) with --kb files,
    // which may give that id's text to other entities too.
    bool is_builtin_entity_filter(std::string_view filter) const {
        return files_.empty() && ExpansionIndex::builtin().has_filter(filter);
    }

  private:
    std::vector<std::string> files_;
    mutable std::shared_ptr<const kb::KnowledgeBase> kb_;
    mutable std::optional<ExpansionIndex> expansion_;
};

}  // namespace attache
