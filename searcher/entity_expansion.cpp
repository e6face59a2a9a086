#include "searcher/entity_expansion.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "common/text.h"

namespace attache {

namespace {

struct Piece {
    std::string text;
    bool plain_word = false;  // a bare word that may be part of an entity name
};

// Splits the query into pieces that keep their exact text: quoted phrases, field:values,
// operators and parentheses stay whole, so putting the pieces back together gives the query.
std::vector<Piece> split_query(const std::string& q) {
    std::vector<Piece> pieces;
    size_t i = 0;
    while (i < q.size()) {
        const char c = q[i];
        if (c == ' ' || c == '\t') {
            size_t j = i;
            while (j < q.size() && (q[j] == ' ' || q[j] == '\t')) ++j;
            pieces.push_back({q.substr(i, j - i), false});
            i = j;
        } else if (c == '"') {
            size_t j = q.find('"', i + 1);
            j = j == std::string::npos ? q.size() : j + 1;
            pieces.push_back({q.substr(i, j - i), false});
            i = j;
        } else if (c == '(' || c == ')') {
            pieces.push_back({std::string(1, c), false});
            ++i;
        } else {
            size_t j = i;
            bool in_quotes = false;
            while (j < q.size() &&
                   (in_quotes || (q[j] != ' ' && q[j] != '\t' && q[j] != '(' && q[j] != ')'))) {
                if (q[j] == '"') in_quotes = !in_quotes;
                ++j;
            }
            const std::string word = q.substr(i, j - i);
            static const char* const kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
            bool plain = word.find(':') == std::string::npos &&
                         word.find('"') == std::string::npos && word[0] != '+' && word[0] != '-' &&
                         word.back() != '*';
            for (const char* op : kOperators) {
                if (word == op || word.rfind(std::string(op) + "/", 0) == 0) plain = false;
            }
            pieces.push_back({word, plain});
            i = j;
        }
    }
    return pieces;
}

const char* field_for(kb::EntityKind kind) {
    switch (kind) {
        case kb::EntityKind::person:
            return "person";
        case kb::EntityKind::country:
            return "country";
        case kb::EntityKind::org:
            return "org";
        case kb::EntityKind::event:
            return "event";
        default:
            return nullptr;
    }
}

bool is_acronym(const std::string& text) {
    size_t letters = 0;
    for (char c : text) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters >= 2;
}

struct Target {
    std::string filter;  // "country:KP"
    bool acronym;
    std::string raw;  // the acronym as the KB writes it, dots removed
};

using AliasIndex = std::unordered_map<std::string, std::vector<Target>>;

// Built once per knowledge base and kept: a batch run expands thousands of queries.
const AliasIndex& alias_index(const kb::KnowledgeBase& kb) {
    static std::mutex mutex;
    static const kb::KnowledgeBase* built_for = nullptr;
    static AliasIndex index;
    std::lock_guard<std::mutex> lock(mutex);
    if (built_for == &kb) return index;
    index.clear();
    for (const auto& alias : kb.aliases()) {
        if (alias.how == kb::AliasKind::capital) continue;
        const kb::Entity& e = kb.entities()[alias.entity];
        const char* field = field_for(e.kind);
        if (!field) continue;
        std::string raw;
        for (char c : alias.text) {
            if (c != '.') raw += c;
        }
        index[kb::KnowledgeBase::lookup_key(alias.text)].push_back(
            {std::string(field) + ":" + e.id, is_acronym(alias.text), raw});
    }
    built_for = &kb;
    return index;
}

}  // namespace

std::string expand_entities(const std::string& query, const kb::KnowledgeBase& kb) {
    std::vector<Piece> pieces = split_query(query);
    // Words next to NEAR/ADJ belong to that operator.
    for (size_t p = 0; p < pieces.size(); ++p) {
        const std::string& t = pieces[p].text;
        if (t == "NEAR" || t == "ADJ" || t.rfind("NEAR/", 0) == 0 || t.rfind("ADJ/", 0) == 0) {
            for (size_t q = p; q-- > 0;) {
                if (pieces[q].text.find_first_not_of(" \t") == std::string::npos) continue;
                pieces[q].plain_word = false;
                break;
            }
            for (size_t q = p + 1; q < pieces.size(); ++q) {
                if (pieces[q].text.find_first_not_of(" \t") == std::string::npos) continue;
                pieces[q].plain_word = false;
                break;
            }
        }
    }
    const auto& by_key = alias_index(kb);

    std::string out;
    for (size_t p = 0; p < pieces.size();) {
        if (!pieces[p].plain_word) {
            out += pieces[p++].text;
            continue;
        }
        // The longest run of up to four plain words (with single spaces) that names entities.
        size_t best_end = 0;
        std::vector<std::string> filters;
        std::string words;
        for (size_t q = p, count = 0; q < pieces.size() && count < 4; q += 2, ++count) {
            if (!pieces[q].plain_word) break;
            words += (count ? " " : "") + pieces[q].text;
            auto it = by_key.find(kb::KnowledgeBase::lookup_key(words));
            if (it != by_key.end()) {
                std::string typed;
                for (char c : words) {
                    if (c != '.') typed += c;
                }
                std::vector<std::string> found;
                for (const auto& t : it->second) {
                    if (t.acronym && typed != t.raw) continue;  // "us" is not "US"
                    if (std::find(found.begin(), found.end(), t.filter) == found.end())
                        found.push_back(t.filter);
                }
                if (!found.empty()) {
                    best_end = q + 1;
                    filters = found;
                }
            }
            if (q + 1 >= pieces.size() || pieces[q + 1].text != " ") break;
        }
        if (!best_end) {
            out += pieces[p++].text;
            continue;
        }
        std::string span;
        for (size_t q = p; q < best_end; ++q) span += pieces[q].text;
        // A run of several words keeps its words together as a phrase.
        out += "(" + (best_end - p > 1 ? "\"" + span + "\"" : span);
        for (const auto& f : filters) out += " OR " + f;
        out += ")";
        p = best_end;
    }
    return out;
}

}  // namespace attache
