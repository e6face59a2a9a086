#include "indexer/extract/office_titles.h"

#include "common/text.h"

namespace attache::extract {

namespace {

// Other ways news writes the KB's role names. US and UK spellings of "defence" both map to the
// KB's role for the country that uses the title.
const std::pair<const char*, const char*> kVariants[] = {
    {"minister of foreign affairs", "foreign-minister"},
    {"foreign affairs minister", "foreign-minister"},
    {"minister for foreign affairs", "foreign-minister"},
    {"defense minister", "defence-minister"},
    {"minister of defense", "defence-minister"},
    {"minister of defence", "defence-minister"},
    {"minister of national defense", "defence-minister"},
    {"minister for defence", "defence-minister"},
    {"defense secretary", "secretary-of-defense"},
    {"secretary general", "secretary-general"},
    {"un chief", "secretary-general"},
    {"national security advisor", "national-security-adviser"},
    {"security adviser", "national-security-adviser"},
    {"chinese premier", "premier"},
    {"foreign policy chief", "high-representative"},
};

}  // namespace

OfficeTitles::OfficeTitles(const kb::KnowledgeBase& kb) {
    for (const auto& e : kb.entities()) {
        if (e.kind != kb::EntityKind::role) continue;
        names_[e.id] = e.name;
        add(e.name, e.id);
    }
    for (const auto& [phrase, role] : kVariants) {
        if (names_.count(role)) add(phrase, role);
    }
}

void OfficeTitles::add(const std::string& phrase, const std::string& role_id) {
    size_t node = 0;
    for (const auto& t : tokenize(phrase)) {
        const auto [it, added] = nodes_[node].next.try_emplace(t.norm, nodes_.size());
        node = it->second;
        if (added) nodes_.emplace_back();
    }
    if (node != 0 && nodes_[node].role_id.empty()) nodes_[node].role_id = role_id;
}

bool OfficeTitles::match_at(const std::vector<Token>& tokens, size_t i, TitleMatch& out) const {
    size_t node = 0;
    bool found = false;
    for (size_t j = i; j < tokens.size(); ++j) {
        if (j > i && tokens[j].sentence_start) break;
        std::string norm = tokens[j].norm;
        auto it = nodes_[node].next.find(norm);
        bool plural = false;
        // "foreign ministers", "presidents": the plural of the title's last word.
        if (it == nodes_[node].next.end() && norm.size() > 3 && norm.back() == 's') {
            it = nodes_[node].next.find(norm.substr(0, norm.size() - 1));
            plural = true;
        }
        if (it == nodes_[node].next.end()) break;
        node = it->second;
        if (!nodes_[node].role_id.empty()) {
            out = TitleMatch{i, j + 1, nodes_[node].role_id, plural};
            found = true;
        }
        if (plural || tokens[j].possessive) break;
    }
    return found;
}

const std::string& OfficeTitles::role_name(const std::string& role_id) const {
    static const std::string empty;
    auto it = names_.find(role_id);
    return it == names_.end() ? empty : it->second;
}

}  // namespace attache::extract
