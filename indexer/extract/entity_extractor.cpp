#include "indexer/extract/entity_extractor.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "common/text.h"
#include "indexer/extract/tokenizer.h"

namespace attache::extract {

using kb::AliasKind;
using kb::Entity;
using kb::EntityKind;

namespace {

struct AliasEntry {
    size_t entity;
    AliasKind how;
    std::string raw;     // case-sensitive form ("US", "NATO"), empty when case-insensitive
    bool needs_capital;  // the first matched token must be capitalised
};

struct Node {
    std::unordered_map<std::string, uint32_t> next;
    std::vector<uint32_t> entries;
};

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

int rank(AliasKind how) {
    switch (how) {
        case AliasKind::name:
            return 0;
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

// When one surface form names entities of several kinds ("Singapore" the country and the city),
// prefer the kind news means more often.
int kind_rank(EntityKind kind) {
    switch (kind) {
        case EntityKind::country:
            return 0;
        case EntityKind::org:
            return 1;
        case EntityKind::event:
            return 2;
        case EntityKind::person:
            return 3;
        case EntityKind::place:
            return 4;
        case EntityKind::role:
            return 5;
    }
    return 6;
}

bool held_office_on(const Entity& person, const std::string& date) {
    for (const auto& o : person.offices) {
        if (o.held_on(date)) return true;
    }
    return false;
}

}  // namespace

struct EntityExtractor::Trie {
    std::vector<Node> nodes{1};
    std::vector<AliasEntry> entries;
};

EntityExtractor::EntityExtractor(std::shared_ptr<const kb::KnowledgeBase> kb)
    : kb_(std::move(kb)), trie_(std::make_unique<Trie>()) {
    for (const auto& alias : kb_->aliases()) {
        // Capitals name places; their use as country metonyms ("Seoul said") needs the
        // context rules of the extraction issue, so they are not country aliases here.
        if (alias.how == AliasKind::capital) continue;
        const Entity& e = kb_->entities()[alias.entity];
        if (e.kind == EntityKind::role) continue;
        const std::vector<Token> tokens = tokenize(alias.text);
        if (tokens.empty()) continue;
        uint32_t node = 0;
        for (const auto& t : tokens) {
            auto it = trie_->nodes[node].next.find(t.norm);
            if (it == trie_->nodes[node].next.end()) {
                const auto child = static_cast<uint32_t>(trie_->nodes.size());
                trie_->nodes[node].next.emplace(t.norm, child);
                trie_->nodes.emplace_back();
                node = child;
            } else {
                node = it->second;
            }
        }
        AliasEntry entry{alias.entity, alias.how, "", false};
        if (is_acronym(tokens)) {
            entry.raw = joined_raw(tokens, 0, tokens.size());
        } else {
            entry.needs_capital = tokens[0].capitalized;
        }
        trie_->nodes[node].entries.push_back(static_cast<uint32_t>(trie_->entries.size()));
        trie_->entries.push_back(std::move(entry));
    }
}

EntityExtractor::~EntityExtractor() = default;

Extraction EntityExtractor::extract(std::string_view title, std::string_view body,
                                    const std::optional<schema::PartialDate>& date) const {
    std::string text;
    text.reserve(title.size() + body.size() + 2);
    text.append(title).append("\n\n").append(body);
    const std::vector<Token> tokens = tokenize(text);
    const std::string date_value = date && date->known() ? date->value() : "";
    const auto& entities = kb_->entities();

    // Pass 1: longest matches, each with the candidates that pass the case rules.
    struct Match {
        size_t first, last;  // token range [first, last)
        std::vector<const AliasEntry*> candidates;
    };
    std::vector<Match> matches;
    for (size_t i = 0; i < tokens.size();) {
        uint32_t node = 0;
        Match best{i, i, {}};
        for (size_t j = i; j < tokens.size(); ++j) {
            // A name never runs across a full stop, a paragraph break or from title to body.
            if (j > i && tokens[j].sentence_start) break;
            auto it = trie_->nodes[node].next.find(tokens[j].norm);
            if (it == trie_->nodes[node].next.end()) break;
            node = it->second;
            std::vector<const AliasEntry*> ok;
            for (uint32_t e : trie_->nodes[node].entries) {
                const AliasEntry& entry = trie_->entries[e];
                if (!entry.raw.empty() ? joined_raw(tokens, i, j + 1) == entry.raw
                                       : (!entry.needs_capital || tokens[i].capitalized)) {
                    ok.push_back(&entry);
                }
            }
            if (!ok.empty()) best = Match{i, j + 1, std::move(ok)};
            // A possessive ends a name: "Japan's Foreign Ministry" is Japan, then more words.
            if (tokens[j].possessive) break;
        }
        if (best.last > best.first) {
            i = best.last;
            matches.push_back(std::move(best));
        } else {
            ++i;
        }
    }

    // Pass 2: resolve. Full names first, so that surnames can refer back to them.
    struct Resolved {
        size_t match;
        const Entity* entity;
        std::string how;
    };
    std::vector<Resolved> resolved;
    std::vector<const Entity*> full_names_seen;
    std::vector<size_t> surname_matches;
    for (size_t m = 0; m < matches.size(); ++m) {
        auto& cands = matches[m].candidates;
        std::stable_sort(cands.begin(), cands.end(), [&](const AliasEntry* a, const AliasEntry* b) {
            if (rank(a->how) != rank(b->how)) return rank(a->how) < rank(b->how);
            return kind_rank(entities[a->entity].kind) < kind_rank(entities[b->entity].kind);
        });
        const AliasEntry* top = cands.front();
        if (top->how == AliasKind::surname) {
            surname_matches.push_back(m);
            continue;
        }
        // Several people may share one alias: prefer the one in office on the article's date.
        const Entity* chosen = &entities[top->entity];
        if (chosen->kind == EntityKind::person && !date_value.empty()) {
            for (const AliasEntry* c : cands) {
                if (rank(c->how) != rank(top->how)) break;
                const Entity& e = entities[c->entity];
                if (e.kind == EntityKind::person && held_office_on(e, date_value)) {
                    chosen = &e;
                    break;
                }
            }
        }
        resolved.push_back({m, chosen, kb::alias_kind_name(top->how)});
        if (chosen->kind == EntityKind::person) full_names_seen.push_back(chosen);
    }
    for (size_t m : surname_matches) {
        const auto& cands = matches[m].candidates;
        const Entity* chosen = nullptr;
        std::string how;
        for (const AliasEntry* c : cands) {
            const Entity* e = &entities[c->entity];
            if (std::find(full_names_seen.begin(), full_names_seen.end(), e) !=
                full_names_seen.end()) {
                chosen = e;
                how = "surname";
                break;
            }
        }
        if (!chosen && !date_value.empty()) {
            // No full name in the article: accept the surname only if exactly one candidate
            // held an office on the article's date.
            const Entity* only = nullptr;
            size_t in_office = 0;
            for (const AliasEntry* c : cands) {
                const Entity& e = entities[c->entity];
                if (e.kind == EntityKind::person && held_office_on(e, date_value) && &e != only) {
                    only = &e;
                    ++in_office;
                }
            }
            if (in_office == 1) {
                chosen = only;
                how = "surname-in-office";
            }
        }
        if (chosen) resolved.push_back({m, chosen, how});
    }
    std::sort(resolved.begin(), resolved.end(),
              [](const Resolved& a, const Resolved& b) { return a.match < b.match; });

    // Events: a series mention goes to the instance nearest the article's date.
    auto nearest_instance = [&](const Entity& series) -> const Entity* {
        if (date_value.empty() || series.instances.empty() || !date) return nullptr;
        const long day = schema::days_from_civil(date->year, date->month ? date->month : 1,
                                                 date->day ? date->day : 1);
        const Entity* best = nullptr;
        long best_gap = 0;
        for (size_t idx : series.instances) {
            const Entity& inst = entities[idx];
            const auto from =
                schema::parse_iso_partial(inst.from.substr(0, 4) + "-" + inst.from.substr(4, 2) +
                                          "-" + inst.from.substr(6, 2));
            if (!from) continue;
            const long gap =
                std::labs(schema::days_from_civil(from->year, from->month, from->day) - day);
            if (!best || gap < best_gap) {
                best = &inst;
                best_gap = gap;
            }
        }
        // Annual meetings: an instance more than ~18 months away is not "the" summit.
        return best && best_gap <= 550 ? best : nullptr;
    };

    Extraction out;
    struct Tally {
        schema::StoredEntity stored;
        uint32_t first;
        bool ministerial = false;
    };
    std::map<std::string, std::vector<Tally>> tallies;  // kind -> entities
    auto tally = [&](const Entity& e, uint32_t at) -> Tally& {
        auto& list = tallies[kb::kind_name(e.kind)];
        for (auto& t : list) {
            if (t.stored.id == e.id) return t;
        }
        Tally t{{}, at, false};
        t.stored.id = e.id;
        t.stored.name = e.name;
        if (e.kind == EntityKind::event) {
            t.stored.type = e.type;
            t.stored.series = e.series;
            t.stored.country = e.country;
        } else if (e.kind == EntityKind::place) {
            t.stored.country = e.country;
        } else if (e.kind == EntityKind::person && !date_value.empty()) {
            for (const auto& o : e.offices) {
                if (!o.held_on(date_value)) continue;
                t.stored.roles.push_back(o.role);
                if (t.stored.country.empty()) t.stored.country = o.country;
                t.ministerial = t.ministerial || o.ministerial;
            }
        }
        list.push_back(std::move(t));
        return list.back();
    };

    for (const auto& r : resolved) {
        const Match& m = matches[r.match];
        const Entity* e = r.entity;
        std::string how = r.how;
        if (e->kind == EntityKind::event && e->series.empty() && !e->instances.empty()) {
            if (const Entity* inst = nearest_instance(*e)) {
                e = inst;
                how = "nearest-instance";
            }
        }
        Mention mention;
        mention.kind = e->kind;
        mention.id = e->id;
        mention.name = e->name;
        mention.begin = tokens[m.first].begin;
        mention.end = tokens[m.last - 1].end;
        mention.text = text.substr(mention.begin, mention.end - mention.begin);
        mention.how = how;
        Tally& t = tally(*e, mention.begin);
        ++t.stored.count;
        mention.roles = t.stored.roles;
        out.mentions.push_back(std::move(mention));
    }

    std::map<std::string, Tally> roles;
    for (auto& [kind, list] : tallies) {
        std::stable_sort(list.begin(), list.end(), [](const Tally& a, const Tally& b) {
            return a.stored.count != b.stored.count ? a.stored.count > b.stored.count
                                                    : a.first < b.first;
        });
        auto& stored = out.entities[kind];
        for (auto& t : list) {
            if (kind == "person") {
                if (t.ministerial) out.ministers.push_back(t.stored.id);
                for (const auto& role : t.stored.roles) {
                    const std::string rid = slugify(role);
                    auto [it, inserted] = roles.try_emplace(rid, Tally{{}, t.first, false});
                    if (inserted) {
                        it->second.stored.id = rid;
                        it->second.stored.name = role;
                    }
                    it->second.stored.count += t.stored.count;
                    it->second.first = std::min(it->second.first, t.first);
                }
            }
            stored.push_back(std::move(t.stored));
        }
    }
    std::vector<Tally> role_list;
    for (auto& [rid, t] : roles) role_list.push_back(std::move(t));
    std::stable_sort(role_list.begin(), role_list.end(), [](const Tally& a, const Tally& b) {
        return a.stored.count != b.stored.count ? a.stored.count > b.stored.count
                                                : a.first < b.first;
    });
    for (auto& t : role_list) out.roles.push_back(std::move(t.stored));
    return out;
}

}  // namespace attache::extract
