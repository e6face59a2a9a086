#include "indexer/extract/alias_trie.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace attache::extract {

using kb::AliasKind;
using kb::Entity;
using kb::EntityKind;

namespace {

// An alias is matched case-sensitively when it is an acronym: at least two letters, all capitals
// ("NATO", "U.S.", "ROK"); so "us" and "who" in running text never match.
bool is_acronym(const std::vector<Token>& tokens) {
    size_t letters = 0;
    for (const auto& t : tokens) {
        for (char c : t.raw) {
            if (c >= 'a' && c <= 'z') return false;
            if (c >= 'A' && c <= 'Z') ++letters;
        }
    }
    return letters >= 2;
}

std::string joined_raw(const std::vector<Token>& tokens, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) {
        if (i > from) out += ' ';
        out += tokens[i].raw;
    }
    return out;
}

// When one surface form names entities of several kinds ("Singapore" the country and the city),
// prefer the kind news means more often.
int kind_rank(EntityKind kind) {
    constexpr EntityKind kNewsPreference[] = {EntityKind::country, EntityKind::org,
                                              EntityKind::event,   EntityKind::person,
                                              EntityKind::place,   EntityKind::role};
    return static_cast<int>(
        std::find(std::begin(kNewsPreference), std::end(kNewsPreference), kind) -
        std::begin(kNewsPreference));
}

}  // namespace

int alias_rank(AliasKind how) {
    switch (how) {
        case AliasKind::name:
        case AliasKind::alias:
            return 0;
        case AliasKind::demonym:
            return 1;
        case AliasKind::surname:
            return 2;
        case AliasKind::capital:
            return 3;
    }
    return 4;
}

AliasTrie::AliasTrie(const kb::KnowledgeBase& kb) : kb_(kb) {
    for (const auto& alias : kb_.aliases()) {
        // Capitals name places; their use as country metonyms ("Seoul said") needs the
        // context rules of the extraction issue, so they are not country aliases here.
        if (alias.how == AliasKind::capital) continue;
        const Entity& e = kb_.entities()[alias.entity];
        if (e.kind == EntityKind::role) continue;
        const std::vector<Token> tokens = tokenize(alias.text);
        if (tokens.empty()) continue;
        uint32_t node = 0;
        for (const auto& t : tokens) {
            const auto [it, added] =
                nodes_[node].next.try_emplace(t.norm, static_cast<uint32_t>(nodes_.size()));
            node = it->second;
            if (added) nodes_.emplace_back();
        }
        AliasEntry entry{alias.entity, alias.how, "", false};
        if (is_acronym(tokens)) {
            entry.raw = joined_raw(tokens, 0, tokens.size());
        } else {
            entry.needs_capital = tokens[0].capitalized;
        }
        nodes_[node].entries.push_back(static_cast<uint32_t>(entries_.size()));
        entries_.push_back(std::move(entry));
    }
}

std::vector<AliasMatch> AliasTrie::longest_matches(const std::vector<Token>& tokens) const {
    std::vector<AliasMatch> matches;
    for (size_t i = 0; i < tokens.size();) {
        AliasMatch best = longest_match_at(tokens, i);
        if (best.last > best.first) {
            i = best.last;
            matches.push_back(std::move(best));
        } else {
            ++i;
        }
    }
    const auto& entities = kb_.entities();
    for (auto& match : matches) {
        const auto rank = [&](const AliasEntry* e) {
            return std::pair(alias_rank(e->how), kind_rank(entities[e->entity].kind));
        };
        std::stable_sort(
            match.candidates.begin(), match.candidates.end(),
            [&](const AliasEntry* a, const AliasEntry* b) { return rank(a) < rank(b); });
    }
    return matches;
}

// The longest alias starting at token i whose case rules pass; an empty range when none does.
AliasMatch AliasTrie::longest_match_at(const std::vector<Token>& tokens, size_t i) const {
    uint32_t node = 0;
    AliasMatch best{i, i, {}};
    for (size_t j = i; j < tokens.size(); ++j) {
        // A name never runs across a full stop, a paragraph break or from title to body.
        if (j > i && tokens[j].sentence_start) break;
        auto it = nodes_[node].next.find(tokens[j].norm);
        if (it == nodes_[node].next.end()) break;
        node = it->second;
        std::vector<const AliasEntry*> ok;
        for (uint32_t e : nodes_[node].entries) {
            const AliasEntry& entry = entries_[e];
            if (!entry.raw.empty() ? joined_raw(tokens, i, j + 1) == entry.raw
                                   : (!entry.needs_capital || tokens[i].capitalized)) {
                ok.push_back(&entry);
            }
        }
        if (!ok.empty()) best = AliasMatch{i, j + 1, std::move(ok)};
        // A possessive ends a name: "Japan's Foreign Ministry" is Japan, then more words.
        if (tokens[j].possessive) break;
    }
    return best;
}

}  // namespace attache::extract
