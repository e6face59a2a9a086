#include "indexer/extract/entity_extractor.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <unordered_map>

#include "common/text.h"
#include "indexer/extract/office_titles.h"
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
    : kb_(std::move(kb)),
      trie_(std::make_unique<Trie>()),
      titles_(std::make_unique<OfficeTitles>(*kb_)) {
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
    // Offsets are into title + "\n\n" + body, or into the body alone when there is no title.
    if (!title.empty()) text.append(title).append("\n\n");
    text.append(body);
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

    // Tokens inside some alias match: a title or a name-like run must not overlap them.
    std::vector<char> covered(tokens.size(), 0);
    for (const auto& m : matches) {
        for (size_t t = m.first; t < m.last; ++t) covered[t] = 1;
    }
    auto is_free_capitalised = [&](size_t t) {
        return t < tokens.size() && !covered[t] && tokens[t].capitalized &&
               !tokens[t].sentence_start &&
               tokens[t].norm.find_first_of("0123456789") == std::string::npos;
    };
    // A word glued (by one space or a hyphen) to an unknown capitalised word is part of another
    // name: "Michael Jordan", "George Washington", "Abbas Karki", "San Marcos", "Wi-Fi".
    auto glued_to_unknown_name = [&](size_t first, size_t last) {
        if (first > 0 && is_free_capitalised(first - 1) && !tokens[first - 1].possessive &&
            tokens[first - 1].end + 1 == tokens[first].begin) {
            TitleMatch office;
            if (!titles_->match_at(tokens, first - 1, office)) return true;
        }
        if (last < tokens.size() && !tokens[last - 1].possessive && is_free_capitalised(last) &&
            (tokens[last - 1].end + 1 == tokens[last].begin || text[tokens[last - 1].end] == '-')) {
            TitleMatch office;
            if (!titles_->match_at(tokens, last, office)) return true;
        }
        return false;
    };
    // Only country names that are also given names are at risk ("Michael Jordan", "Chad
    // Johnson"); "Mainland China" and "Israel Defense Forces" do name the country.
    static const char* const kGivenNameCountries[] = {"chad",  "jordan", "georgia", "india",
                                                      "kenya", "israel", "cuba"};
    auto looks_like_part_of_a_name = [&](size_t m, const AliasEntry& top) {
        const Match& match = matches[m];
        if (match.last - match.first != 1 || !top.raw.empty() || top.how == AliasKind::demonym)
            return false;
        bool given_name = false;
        for (const char* n : kGivenNameCountries)
            given_name = given_name || tokens[match.first].norm == n;
        if (given_name && glued_to_unknown_name(match.first, match.last)) return true;
        // "Turkey dinner", "roast turkey": the bird, even capitalised in a headline.
        if (tokens[match.first].norm == "turkey") {
            static const char* const kBird[] = {
                "dinner", "dinners", "feast",   "sandwich",     "meat",  "roast",
                "leg",    "legs",    "breast",  "stuffing",     "gravy", "farm",
                "farms",  "farmers", "hunting", "bird",         "birds", "burger",
                "wild",   "smoked",  "stuffed", "thanksgiving", "carved"};
            for (const char* w : kBird) {
                if ((match.last < tokens.size() && tokens[match.last].norm == w) ||
                    (match.first > 0 && tokens[match.first - 1].norm == w)) {
                    return true;
                }
            }
        }
        return false;
    };

    // Pass 2: resolve. Full names first, so that surnames can refer back to them.
    struct Resolved {
        size_t first, last;  // token range
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
        if (chosen->kind == EntityKind::country && looks_like_part_of_a_name(m, *top)) {
            continue;  // "Michael Jordan", "Chad Johnson": a name, not a country
        }
        resolved.push_back(
            {matches[m].first, matches[m].last, chosen, kb::alias_kind_name(top->how)});
        if (chosen->kind == EntityKind::person) full_names_seen.push_back(chosen);
    }
    for (size_t m : surname_matches) {
        const auto& cands = matches[m].candidates;
        if (glued_to_unknown_name(matches[m].first, matches[m].last)) continue;
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
        if (chosen) resolved.push_back({matches[m].first, matches[m].last, chosen, how});
    }
    std::sort(resolved.begin(), resolved.end(),
              [](const Resolved& a, const Resolved& b) { return a.first < b.first; });

    // Pass 3: capitals used for their governments ("Seoul said", "between Washington and
    // Beijing") name the country.
    static const char* const kReportingVerbs[] = {
        "said",  "says",      "say",       "announced", "urged",     "warned",   "accused",
        "wants", "insisted",  "responded", "rejected",  "protested", "denied",   "called",
        "has",   "have",      "had",       "is",        "was",       "will",     "would",
        "could", "condemned", "welcomed",  "hopes",     "believes",  "demanded", "vowed"};
    auto capital_of = [&](const Entity& place) -> const Entity* {
        if (place.country.empty()) return nullptr;
        const Entity* country = kb_->find(EntityKind::country, place.country);
        return country && country->capital == place.name ? country : nullptr;
    };
    for (size_t k = 0; k < resolved.size(); ++k) {
        Resolved& r = resolved[k];
        if (r.entity->kind != EntityKind::place) continue;
        const Entity* country = capital_of(*r.entity);
        if (!country) continue;
        bool state_possessive = false;  // wins over a locative: "in Moscow's hands"
        // A possessive is literal for things ("Kyiv's residential areas") but political for
        // the few nouns that only a state has: "in Moscow's hands", "Tokyo's response".
        if (tokens[r.last - 1].possessive && r.last < tokens.size() &&
            !tokens[r.last].sentence_start) {
            static const char* const kStateNouns[] = {
                "hands",    "response",   "position", "stance",     "decision",   "policy",
                "demands",  "demand",     "proposal", "proposals",  "offer",      "refusal",
                "approach", "claims",     "envoy",    "ambassador", "delegation", "objections",
                "concerns", "intentions", "allies",   "support",    "backing",    "retaliation"};
            for (const char* w : kStateNouns)
                state_possessive = state_possessive || tokens[r.last].norm == w;
        }
        // "in Seoul", "to Beijing": a place, whatever follows.
        static const char* const kLocative[] = {"in",   "at",      "to",    "from", "near",
                                                "into", "visited", "visit", "via",  "outside"};
        bool located = false;
        for (const char* p : kLocative) {
            located = located || (r.first > 0 && tokens[r.first - 1].norm == p);
        }
        if (located && !state_possessive) continue;
        if (glued_to_unknown_name(r.first, r.last)) continue;  // "USS George Washington will"
        bool metonym = state_possessive;
        if (!metonym && r.last < tokens.size() && !tokens[r.last].sentence_start) {
            for (const char* verb : kReportingVerbs)
                metonym = metonym || tokens[r.last].norm == verb;
        }
        // Relations take countries as their object: "talks with Washington", "pressure on
        // Pyongyang", "sanctions against Moscow".
        if (!metonym && r.first >= 1) {
            const std::string& before = tokens[r.first - 1].norm;
            static const char* const kRelational[] = {"with", "against", "toward", "towards"};
            for (const char* w : kRelational) metonym = metonym || before == w;
            if (before == "on" && r.first >= 2) {
                static const char* const kPressure[] = {"pressure", "sanctions", "tariffs",
                                                        "pressing", "calls",     "call"};
                for (const char* w : kPressure) metonym = metonym || tokens[r.first - 2].norm == w;
            }
        }
        // "between Washington and Beijing", "Washington and Beijing have ...".
        if (!metonym && r.first >= 1 && tokens[r.first - 1].norm == "between" &&
            r.last < tokens.size() && tokens[r.last].norm == "and") {
            metonym = true;
        }
        if (!metonym && r.first >= 2 && tokens[r.first - 1].norm == "and" && k > 0 &&
            resolved[k - 1].last == r.first - 1 && resolved[k - 1].how == "capital-metonym") {
            metonym = true;
        }
        if (metonym) {
            r.entity = country;
            r.how = "capital-metonym";
        }
    }

    // Acronyms defined in the article ("the Indo-Pacific Dialogue (IPD)") name that entity for
    // the rest of the article, even when the KB does not know the acronym.
    {
        std::vector<char> taken(tokens.size(), 0);
        for (const auto& r : resolved) {
            for (size_t t = r.first; t < r.last; ++t) taken[t] = 1;
        }
        std::vector<std::pair<std::string, const Entity*>> acronyms;
        for (const auto& r : resolved) {
            const EntityKind k = r.entity->kind;
            if (k != EntityKind::org && k != EntityKind::event) continue;
            const size_t t = r.last;
            if (t >= tokens.size() || r.last - r.first < 2) continue;
            const std::string gap =
                text.substr(tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end);
            const bool in_parens =
                trim(gap) == "(" && tokens[t].end < text.size() && text[tokens[t].end] == ')';
            const std::string& raw = tokens[t].raw;
            const bool acronym = raw.size() >= 2 && raw.size() <= 8 &&
                                 std::all_of(raw.begin(), raw.end(), [](char c) {
                                     return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                                 });
            if (in_parens && acronym) acronyms.emplace_back(raw, r.entity);
        }
        std::vector<Resolved> added;
        for (size_t t = 0; t < tokens.size() && !acronyms.empty(); ++t) {
            if (taken[t]) continue;
            for (const auto& [acronym, entity] : acronyms) {
                if (tokens[t].raw == acronym) {
                    added.push_back({t, t + 1, entity, "acronym-defined"});
                    break;
                }
            }
        }
        resolved.insert(resolved.end(), added.begin(), added.end());
    }

    // Pass 4: office titles. A title next to a name gives nothing new (the KB knows the office),
    // a title before an unknown name introduces a person, and "the U.S. Secretary of State"
    // alone is whoever held that office on the article's date.
    std::deque<Entity> introduced;  // people found by title; stable addresses
    {
        std::vector<char> taken(tokens.size(), 0);
        for (const auto& r : resolved) {
            for (size_t t = r.first; t < r.last; ++t) taken[t] = 1;
        }
        auto person_at = [&](size_t t) -> const Resolved* {
            for (const auto& r : resolved) {
                if (r.first == t && r.entity->kind == EntityKind::person) return &r;
            }
            return nullptr;
        };
        auto qualifier_before = [&](size_t t) -> const Resolved* {
            for (const auto& r : resolved) {
                if (r.last == t &&
                    (r.entity->kind == EntityKind::country || r.entity->kind == EntityKind::org)) {
                    return &r;
                }
            }
            return nullptr;
        };
        // Words of a name that no resolved entity claims (a bare "Kim" matched as an ambiguous
        // surname is still free to start an unknown person's name).
        auto is_name_token = [&](size_t t) {
            return t < tokens.size() && !taken[t] && tokens[t].capitalized &&
                   !tokens[t].sentence_start &&
                   tokens[t].norm.find_first_of("0123456789") == std::string::npos;
        };
        std::vector<Resolved> added;
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (taken[i]) continue;
            TitleMatch office;
            if (!titles_->match_at(tokens, i, office)) continue;
            size_t next = office.last;
            const Resolved* qualifier_match = qualifier_before(office.first);
            const Entity* qualifier = qualifier_match ? qualifier_match->entity : nullptr;
            // "Cho Tae-yul, South Korea's foreign minister": the title describes the name before
            // it, which the KB already resolved.
            size_t lead = qualifier_match ? qualifier_match->first : office.first;
            if (lead > 0 && tokens[lead - 1].norm == "the") --lead;
            bool apposition_after_name = false;
            for (const auto& r : resolved) {
                if (r.entity->kind == EntityKind::person && lead > 0 && r.last == lead &&
                    text.substr(tokens[lead - 1].end, tokens[lead].begin - tokens[lead - 1].end)
                            .find(',') != std::string::npos) {
                    apposition_after_name = true;
                }
            }
            // "the prime minister of Japan"
            if (!qualifier && next + 1 < tokens.size() && tokens[next].norm == "of") {
                for (const auto& r : resolved) {
                    if (r.first == next + 1 && r.entity->kind == EntityKind::country) {
                        qualifier = r.entity;
                        next = r.last;
                    }
                }
            }
            i = office.last - 1;
            if (office.plural || apposition_after_name) continue;
            // "former Peruvian foreign minister X", "a Pakistani president": not the holder now.
            size_t before = qualifier_match ? qualifier_match->first : office.first;
            bool former = false, indefinite = false;
            for (size_t back = 1; back <= 2 && before >= back; ++back) {
                const std::string& w = tokens[before - back].norm;
                former = former || w == "former" || w == "ex" || w == "late" || w == "then";
                indefinite = indefinite || (back == 1 && (w == "a" || w == "an"));
            }
            const std::string& role = former ? std::string() : titles_->role_name(office.role_id);
            // Apposition: "Japan's foreign minister, Takeshi Iwaya".
            size_t name_at = next;
            if (name_at < tokens.size() && name_at > 0 &&
                text.substr(tokens[name_at - 1].end,
                            tokens[name_at].begin - tokens[name_at - 1].end)
                        .find(',') != std::string::npos) {
                if (person_at(name_at) || is_name_token(name_at)) {
                    // keep name_at
                } else {
                    name_at = tokens.size();
                }
            }
            if (name_at < tokens.size() && person_at(name_at)) continue;  // the KB knows them
            // An unknown name: capitalised words, and lower-case syllables hyphenated onto them
            // ("Kim Tae-hyo").
            size_t end = name_at;
            while (end < tokens.size() && end - name_at < 4 && !taken[end] &&
                   (is_name_token(end) ||
                    (end > name_at && tokens[end].begin == tokens[end - 1].end + 1 &&
                     text[tokens[end - 1].end] == '-'))) {
                ++end;
                if (tokens[end - 1].possessive) break;
            }
            if (name_at < tokens.size() && end - name_at >= 2) {
                Entity person;
                person.kind = EntityKind::person;
                person.name =
                    text.substr(tokens[name_at].begin, tokens[end - 1].end - tokens[name_at].begin);
                person.id = slugify(person.name);
                if (kb_->find(EntityKind::person, person.id)) continue;
                const bool hyphenated =
                    text.substr(tokens[name_at].begin, tokens[end - 1].end - tokens[name_at].begin)
                        .find('-') != std::string::npos;
                person.surname = hyphenated ? tokens[name_at].raw : tokens[end - 1].raw;
                if (former) {
                    // Introduced, but the title is a past one: no office on this date.
                    introduced.push_back(std::move(person));
                    added.push_back({name_at, end, &introduced.back(), "title-introduced"});
                    for (size_t t = name_at; t < end; ++t) taken[t] = 1;
                    i = end - 1;
                    continue;
                }
                kb::Office held;
                held.role = role;
                held.role_id = office.role_id;
                held.country = qualifier ? qualifier->id : "";
                held.from = schema::kEarliestDateValue;
                held.to = schema::kLatestDateValue;
                held.ministerial = kb::is_ministerial_role(role);
                person.offices.push_back(held);
                introduced.push_back(std::move(person));
                added.push_back({name_at, end, &introduced.back(), "title-introduced"});
                for (size_t t = name_at; t < end; ++t) taken[t] = 1;
                i = end - 1;
                continue;
            }
            // A title alone names one person only with "the" or a qualifier: "the U.S. Secretary of
            // State", "Japan's prime minister"; it is resolved by office and date.
            const bool definite =
                qualifier || (office.first > 0 && tokens[office.first - 1].norm == "the");
            // A name follows that we could not read ("supreme leader Mojtaba Khamenei"): it is
            // not the holder the KB knows.
            const bool named = name_at < tokens.size() && tokens[name_at].capitalized &&
                               !tokens[name_at].sentence_start;
            if (!definite || former || indefinite || named || date_value.empty()) continue;
            const Entity* holder = nullptr;
            size_t holders = 0;
            for (const auto& e : entities) {
                if (e.kind != EntityKind::person) continue;
                for (const auto& o : e.offices) {
                    if (o.role_id != office.role_id || !o.held_on(date_value)) continue;
                    if (qualifier && ascii_lower(o.country) != ascii_lower(qualifier->id)) continue;
                    if (holder != &e) ++holders;
                    holder = &e;
                }
            }
            if (holders == 1) added.push_back({office.first, office.last, holder, "title-on-date"});
        }
        // Later surname mentions of people introduced by title: "Kim said".
        for (size_t t = 0; t < tokens.size(); ++t) {
            if (taken[t] || !tokens[t].capitalized) continue;
            for (const auto& p : introduced) {
                if (tokens[t].raw == p.surname) {
                    added.push_back({t, t + 1, &p, "surname"});
                    break;
                }
            }
        }
        resolved.insert(resolved.end(), added.begin(), added.end());
    }
    std::sort(resolved.begin(), resolved.end(),
              [](const Resolved& a, const Resolved& b) { return a.first < b.first; });

    // Events: a series mention goes to the instance nearest the article's date.
    // "the upcoming NATO summit" looks forward, "last year's G20 summit" back; otherwise the
    // nearest instance either side.
    auto nearest_instance = [&](const Entity& series, size_t first_token) -> const Entity* {
        if (date_value.empty() || series.instances.empty() || !date) return nullptr;
        int direction = 0;
        for (size_t back = 1; back <= 3 && first_token >= back; ++back) {
            const std::string& w = tokens[first_token - back].norm;
            if (w == "upcoming" || w == "next" || w == "coming" || w == "forthcoming")
                direction = 1;
            if (w == "last" || w == "previous" || w == "past" || w == "recent") direction = -1;
            if (tokens[first_token - back].sentence_start) break;
        }
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
            const long offset = schema::days_from_civil(from->year, from->month, from->day) - day;
            if ((direction > 0 && inst.to < date_value) ||
                (direction < 0 && inst.from > date_value)) {
                continue;
            }
            const long gap = std::labs(offset);
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
        const Entity* e = r.entity;
        std::string how = r.how;
        if (e->kind == EntityKind::event && e->series.empty() && !e->instances.empty()) {
            if (const Entity* inst = nearest_instance(*e, r.first)) {
                e = inst;
                how = "nearest-instance";
            }
        }
        Mention mention;
        mention.kind = e->kind;
        mention.id = e->id;
        mention.name = e->name;
        mention.begin = tokens[r.first].begin;
        mention.end = tokens[r.last - 1].end;
        mention.text = text.substr(mention.begin, mention.end - mention.begin);
        mention.how = how;
        Tally& t = tally(*e, mention.begin);
        ++t.stored.count;
        mention.roles = t.stored.roles;
        out.mentions.push_back(std::move(mention));
    }

    out.date_mentions = find_date_mentions(text, date);
    for (const auto& d : out.date_mentions) {
        const std::string iso = d.date.iso();
        if (std::find(out.mentioned.begin(), out.mentioned.end(), iso) == out.mentioned.end()) {
            out.mentioned.push_back(iso);
        }
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
