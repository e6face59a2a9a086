#include "searcher/formats/hit_fields.h"

#include <algorithm>

#include "common/errors.h"
#include "common/text.h"
#include "searcher/formats/text_format.h"

namespace attache::formats {

const std::vector<std::string>& all_hit_fields() {
    static const std::vector<std::string> fields = {"rank",   "id",        "score",    "title",
                                                    "url",    "published", "source",   "lang",
                                                    "author", "snippet",   "entities", "body"};
    return fields;
}

const std::vector<std::string>& default_hit_fields() {
    static const std::vector<std::string> fields = {
        "rank", "id", "score", "title", "url", "published", "source", "snippet", "entities"};
    return fields;
}

const std::vector<std::string>& default_table_fields() {
    static const std::vector<std::string> fields = {"rank",   "id",    "score", "published",
                                                    "source", "title", "url"};
    return fields;
}

std::vector<std::string> parse_hit_fields(const std::string& list) {
    std::vector<std::string> out;
    for (auto& f : split(list, ',')) {
        const std::string name = trim(f);
        if (name.empty()) continue;
        const auto& all = all_hit_fields();
        if (std::find(all.begin(), all.end(), name) == all.end()) {
            std::string names;
            for (const auto& a : all) names += (names.empty() ? "" : ", ") + a;
            throw UsageError("--fields: no field '" + name + "' (fields: " + names + ")");
        }
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    if (out.empty()) throw UsageError("--fields: name at least one field");
    return out;
}

std::string hit_field_text(const Hit& h, const std::string& field) {
    const auto& a = h.article;
    if (field == "rank") return std::to_string(h.rank);
    if (field == "id") return a.id;
    if (field == "score") {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4f", h.score);
        return buf;
    }
    if (field == "title") return a.title;
    if (field == "url") return a.url;
    if (field == "published") return a.published;
    if (field == "source") return a.source;
    if (field == "lang") return a.lang;
    if (field == "author") return a.author;
    if (field == "body") return a.body;
    if (field == "snippet") return snippet_to_text(h.snippet, TextStyle{false});
    if (field == "entities") {
        std::string out;
        for (const auto& [kind, list] : a.entities) {
            for (const auto& e : list) out += (out.empty() ? "" : ";") + kind + ":" + e.id;
        }
        return out;
    }
    return "";
}

}  // namespace attache::formats
