#include "searcher/spelling.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "common/text.h"
#include "schema/fields.h"

namespace attache {

namespace {

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_plain_word(const std::string& w) {
    static const std::string kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    return w.size() >= 3 && std::all_of(w.begin(), w.end(), is_letter) &&
           std::find(std::begin(kOperators), std::end(kOperators), w) == std::end(kOperators);
}

// The most frequent word of the vocabulary (schema::kWordMetadataPrefix) within distance 1
// (short words) or 2 of `word`; a word's frequency is that of its stem.
std::string closest_term(const Xapian::Database& db, const std::string& word) {
    const size_t limit = word.size() <= 5 ? 1 : 2;
    std::string best;
    Xapian::doccount best_freq = 0;
    size_t best_distance = limit + 1;
    const std::string prefix = std::string(schema::kWordMetadataPrefix) + word.substr(0, 1);
    const size_t skip = schema::kWordMetadataPrefix.size();
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string key = *it;
        const std::string term = key.substr(skip);
        if (term.size() + limit < word.size() || term.size() > word.size() + limit) continue;
        const size_t d = edit_distance(word, term);
        if (d == 0 || d > limit) continue;
        const Xapian::doccount freq = db.get_termfreq("Z" + db.get_metadata(key));
        if (d < best_distance || (d == best_distance && freq > best_freq)) {
            best = term;
            best_freq = freq;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace

std::string suggest_spelling(const Xapian::Database& db, const std::string& query) {
    std::string out;
    bool changed = false;
    size_t i = 0;
    while (i < query.size()) {
        const char c = query[i];
        if (!is_letter(c)) {
            out += c;
            ++i;
            continue;
        }
        size_t j = i;
        while (j < query.size() && is_letter(query[j])) ++j;
        const std::string word = query.substr(i, j - i);
        const bool field_name = j < query.size() && query[j] == ':';
        const bool field_value = i > 0 && query[i - 1] == ':';
        const bool wildcard = j < query.size() && query[j] == '*';
        const std::string lower = ascii_lower(word);
        if (!field_name && !field_value && !wildcard && is_plain_word(word) &&
            db.get_metadata(std::string(schema::kWordMetadataPrefix) + lower).empty()) {
            const std::string fix = closest_term(db, lower);
            if (!fix.empty()) {
                // Keep the user's capitals: "Rusia" -> "Russia", "RUSIA" -> "RUSSIA".
                std::string cased = fix;
                const bool all_caps =
                    word.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
                for (size_t k = 0; k < cased.size(); ++k) {
                    if ((all_caps || k == 0) && word[0] >= 'A' && word[0] <= 'Z' &&
                        cased[k] >= 'a' && cased[k] <= 'z') {
                        cased[k] = static_cast<char>(cased[k] - 'a' + 'A');
                    }
                }
                out += cased;
                changed = true;
                i = j;
                continue;
            }
        }
        out += word;
        i = j;
    }
    return changed ? out : "";
}

}  // namespace attache
