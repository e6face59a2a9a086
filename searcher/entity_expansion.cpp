#include "searcher/entity_expansion.h"

#include <algorithm>
#include <vector>

#include "common/text.h"

namespace attache {

namespace {

struct Piece {
    std::string_view text;
    size_t begin = 0;
    bool plain_word = false;  // a bare word that may be part of an entity name
};

bool is_operator(std::string_view word) {
    static constexpr std::string_view kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (std::string_view op : kOperators) {
        if (word == op ||
            (word.size() > op.size() && word.substr(0, op.size()) == op && word[op.size()] == '/'))
            return true;
    }
    return false;
}

// The scan's tokens grouped into pieces: a word is a bare token with the quoted spans and bare
// tokens glued to it (title:"a b"); a quoted span that starts a piece is a phrase on its own.
std::vector<Piece> pieces_of(const QueryScan& scan) {
    std::vector<Piece> pieces;
    bool in_word = false;
    for (const QueryToken& t : scan.tokens()) {
        const bool glues = t.kind == QueryToken::Kind::bare || t.kind == QueryToken::Kind::quoted;
        if (glues && in_word) {
            Piece& word = pieces.back();
            word.text = std::string_view(word.text.data(), t.end - word.begin);
            word.plain_word = false;  // a word with a quote in it
            continue;
        }
        in_word = t.kind == QueryToken::Kind::bare;
        const bool plain = in_word && t.text.find(':') == std::string_view::npos &&
                           t.text[0] != '+' && t.text[0] != '-' && t.text.back() != '*' &&
                           !is_operator(t.text);
        pieces.push_back(Piece{t.text, t.begin, plain});
    }
    return pieces;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\n\r") == std::string_view::npos;
}

}  // namespace

std::vector<QueryEdit> expand_entities(const QueryScan& scan, const ExpansionIndex& index) {
    std::vector<Piece> pieces = pieces_of(scan);
    // Words next to NEAR/ADJ belong to that operator.
    for (size_t p = 0; p < pieces.size(); ++p) {
        const std::string_view t = pieces[p].text;
        if (t == "NEAR" || t == "ADJ" || t.rfind("NEAR/", 0) == 0 || t.rfind("ADJ/", 0) == 0) {
            for (size_t q = p; q-- > 0;) {
                if (is_blank(pieces[q].text)) continue;
                pieces[q].plain_word = false;
                break;
            }
            for (size_t q = p + 1; q < pieces.size(); ++q) {
                if (is_blank(pieces[q].text)) continue;
                pieces[q].plain_word = false;
                break;
            }
        }
    }
    std::vector<QueryEdit> edits;
    for (size_t p = 0; p < pieces.size();) {
        if (!pieces[p].plain_word) {
            ++p;
            continue;
        }
        // The longest run of up to four plain words (with single spaces) that names entities.
        size_t best_end = 0;
        std::vector<std::string> filters;
        std::string words;
        for (size_t q = p, count = 0; q < pieces.size() && count < 4; q += 2, ++count) {
            if (!pieces[q].plain_word) break;
            if (count) words += ' ';
            words += pieces[q].text;
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
            ++p;
            continue;
        }
        const size_t begin = pieces[p].begin;
        const size_t end = pieces[best_end - 1].begin + pieces[best_end - 1].text.size();
        const std::string span = scan.text().substr(begin, end - begin);
        // A run of several words keeps its words together as a phrase.
        std::string expansion = "(" + (best_end - p > 1 ? "\"" + span + "\"" : span);
        for (const auto& f : filters) expansion += " OR " + f;
        expansion += ")";
        edits.push_back(QueryEdit{begin, end, std::move(expansion)});
        p = best_end;
    }
    return edits;
}

}  // namespace attache
