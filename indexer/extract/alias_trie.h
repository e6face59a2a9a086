// The knowledge base's aliases as a trie of normalised token sequences, and the scan that finds
// their longest matches in an article's tokens. Built once per extractor and only read afterwards,
// so one trie serves every worker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/extract/tokenizer.h"
#include "kb/knowledge_base.h"

namespace attache::extract {

struct AliasEntry {
    size_t entity;  // index into KnowledgeBase::entities()
    kb::AliasKind how;
    std::string raw;     // case-sensitive form ("US", "NATO"), empty when case-insensitive
    bool needs_capital;  // the first matched token must be capitalised
};

// One longest match: a token range and the entries that pass the case rules there, best first.
struct AliasMatch {
    size_t first, last;  // token range [first, last)
    std::vector<const AliasEntry*> candidates;
};

// How much a surface form is trusted: a name or alias (0) before a demonym (1) before a surname
// (2). Lower wins.
int alias_rank(kb::AliasKind how);

class AliasTrie {
  public:
    // Every alias except capitals and role names (see the constructor).
    explicit AliasTrie(const kb::KnowledgeBase& kb);

    // The longest matches, left to right and not overlapping, each with its candidates ordered
    // by alias rank, then by the kind news means more often.
    std::vector<AliasMatch> longest_matches(const std::vector<Token>& tokens) const;

  private:
    struct Node {
        std::unordered_map<std::string, uint32_t> next;
        std::vector<uint32_t> entries;
    };
    AliasMatch longest_match_at(const std::vector<Token>& tokens, size_t i) const;

    const kb::KnowledgeBase& kb_;
    std::vector<Node> nodes_{1};
    std::vector<AliasEntry> entries_;
};

}  // namespace attache::extract
