#include "server/entity_suggest.h"

#include <algorithm>
#include <map>

#include "common/errors.h"
#include "common/text.h"

namespace attache::server {

namespace sc = attache::schema;

namespace {

// "person, country, ...": the fields whose schema row says they are suggested.
std::string suggested_fields() {
    std::string out;
    for (const auto& f : sc::fields()) {
        if (!f.suggested) continue;
        if (!out.empty()) out += ", ";
        out += f.name;
    }
    return out;
}

// Ids are lower-case slugs; terms of other fields that share the prefix letters continue with
// capitals (XS for summit, XSRC for source), so a term is ours only if the id starts in lower
// case or a digit.
bool term_belongs_to(std::string_view term, std::string_view prefix) {
    if (term.size() <= prefix.size()) return false;
    const char c = term[prefix.size()];
    return !(c >= 'A' && c <= 'Z');
}

constexpr size_t kMaxTermsScanned = 50000;

}  // namespace

EntitySuggester::EntitySuggester(const kb::KnowledgeBase& kb) : kb_(kb) {
    const auto& entities = kb.entities();
    for (size_t i = 0; i < entities.size(); ++i) {
        const auto& e = entities[i];
        std::vector<std::string> names = {e.name, e.id, e.surname};
        names.insert(names.end(), e.aliases.begin(), e.aliases.end());
        names.insert(names.end(), e.codes.begin(), e.codes.end());
        for (const auto& n : names) {
            const std::string key = kb::KnowledgeBase::lookup_key(n);
            if (key.empty()) continue;
            keys_.push_back({key, i});
            for (size_t pos = key.find(' '); pos != std::string::npos; pos = key.find(' ', pos + 1))
                keys_.push_back({key.substr(pos + 1), i});
        }
    }
    std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) {
        return a.word != b.word ? a.word < b.word : a.entity < b.entity;
    });
}

std::vector<EntitySuggestion> EntitySuggester::suggest(const Xapian::Database& db,
                                                       std::string_view field_name,
                                                       std::string_view prefix,
                                                       size_t limit) const {
    const sc::FieldSpec* field = sc::find_field(field_name);
    if (!field || !field->suggested) {
        throw UsageError("parameter 'field' must be one of " + suggested_fields());
    }
    const std::string key = kb::KnowledgeBase::lookup_key(prefix);
    if (key.empty()) throw UsageError("parameter 'prefix' must contain a letter or digit");

    // Lower-case id (the term's spelling: country ids are upper case in the KB) -> id, name.
    std::map<std::string, std::pair<std::string, std::string>> found;
    if (const auto kind = kb::parse_kind(field->kb_kind)) {
        const auto& entities = kb_.entities();
        for (auto it =
                 std::lower_bound(keys_.begin(), keys_.end(), key,
                                  [](const Key&k, const std::string&v) { return k.word < v; });
             it != keys_.end() && it->word.compare(0, key.size(), key) == 0; ++it) {
            const auto& e = entities[it->entity];
            if (e.kind != *kind) continue;
            if (!field->kb_type.empty() && e.type != field->kb_type) continue;
            found.emplace(ascii_lower(e.id), std::pair(e.id, e.name));
        }
    }
    // Ids in the index: those not in the KB are labelled with the name the indexer stored.
    const std::string slug = slugify(prefix);
    if (!slug.empty()) {
        const std::string term_prefix = std::string(field->prefix);
        size_t scanned = 0;
        for (auto t = db.allterms_begin(term_prefix); t != db.allterms_end(term_prefix); ++t) {
            if (++scanned > kMaxTermsScanned) break;
            const std::string term = *t;
            if (!term_belongs_to(term, term_prefix)) continue;
            const std::string id = term.substr(term_prefix.size());
            const bool starts = id.compare(0, slug.size(), slug) == 0;
            const bool word_starts = id.find("-" + slug) != std::string::npos;
            if (!starts && !word_starts) continue;
            if (found.count(id)) continue;
            std::string name = db.get_metadata(sc::label_key(*field, id));
            found.emplace(id, std::pair(id, name.empty() ? id : name));
        }
    }

    std::vector<EntitySuggestion> out;
    for (const auto& [term_id, value] : found) {
        out.push_back({value.first, value.second, db.get_termfreq(sc::term(*field, term_id))});
    }
    // Values with articles first, the most frequent first; then by name.
    std::sort(out.begin(), out.end(), [](const EntitySuggestion& a, const EntitySuggestion& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.name < b.name;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace attache::server
