// Recognises office titles in text ("Foreign Minister", "the U.S. Secretary of State",
// "minister of foreign affairs", "defense secretary") and maps each to the role id the KB's
// offices use, so that the extractor can attach roles to names and resolve a title without a
// name to whoever held that office on the article's date.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/extract/tokenizer.h"
#include "kb/knowledge_base.h"

namespace attache::extract {

struct TitleMatch {
    size_t first = 0, last = 0;  // token range [first, last)
    std::string role_id;         // "foreign-minister"
    bool plural = false;         // "foreign ministers": a group, never one person
};

class OfficeTitles {
  public:
    explicit OfficeTitles(const kb::KnowledgeBase& kb);
    // The longest title starting at token i, if any.
    bool match_at(const std::vector<Token>& tokens, size_t i, TitleMatch& out) const;
    // The display name of a role id ("Foreign Minister").
    const std::string& role_name(const std::string& role_id) const;

  private:
    struct Node {
        std::unordered_map<std::string, size_t> next;
        std::string role_id;
    };
    void add(const std::string& phrase, const std::string& role_id);

    std::vector<Node> nodes_{1};
    std::map<std::string, std::string> names_;
};

}  // namespace attache::extract
