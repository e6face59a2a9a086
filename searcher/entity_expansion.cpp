#include "searcher/entity_expansion.h"

#include <algorithm>
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

}  // namespace

std::string expand_entities(const std::string& query, const ExpansionIndex& index) {
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
            const auto rows = index.find(kb::KnowledgeBase::lookup_key(words));
            if (!rows.empty()) {
                std::string typed;
                for (char c : words) {
                    if (c != '.') typed += c;
                }
                std::vector<std::string> found;
                for (const ExpansionRow& t : rows) {
                    if (t.acronym && typed != t.raw) continue;  // "us" is not "US"
                    if (std::find(found.begin(), found.end(), t.filter) == found.end())
                        found.emplace_back(t.filter);
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
