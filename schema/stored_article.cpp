#include "schema/stored_article.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "schema/fields.h"

namespace attache::schema {

using nlohmann::json;
using nlohmann::ordered_json;

const std::vector<std::string>& stored_entity_kinds() {
    static const std::vector<std::string> kinds = [] {
        std::vector<std::string> out;
        for (const auto& f : fields()) {
            if (f.stored_entity) out.emplace_back(f.name);
        }
        return out;
    }();
    return kinds;
}

ordered_json entity_to_json(const StoredEntity& e, bool with_count) {
    ordered_json j = {{"id", e.id}, {"name", e.name}};
    if (!e.roles.empty()) j["roles"] = e.roles;
    if (!e.country.empty()) j["country"] = e.country;
    if (!e.type.empty()) j["type"] = e.type;
    if (!e.series.empty()) j["series"] = e.series;
    if (with_count) j["count"] = e.count;
    return j;
}

ordered_json entities_to_json(const StoredArticle& a, bool with_count) {
    ordered_json out = ordered_json::object();
    for (const std::string& kind : stored_entity_kinds()) {
        ordered_json list = ordered_json::array();
        auto it = a.entities.find(kind);
        if (it != a.entities.end()) {
            for (const auto& e : it->second) list.push_back(entity_to_json(e, with_count));
        }
        out[kind] = std::move(list);
    }
    return out;
}

std::string encode_article(const StoredArticle& a) {
    ordered_json j = {{"v", 1}, {"id", a.id}, {"title", a.title}, {"body", a.body}};
    if (!a.url.empty()) j["url"] = a.url;
    if (!a.published.empty()) j["published"] = a.published;
    if (!a.source.empty()) j["source"] = a.source;
    if (!a.lang.empty()) j["lang"] = a.lang;
    if (!a.author.empty()) j["author"] = a.author;
    j["entities"] = entities_to_json(a, true);
    // Replace rather than throw on invalid UTF-8: readers repair text, this is a last guard.
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

StoredArticle decode_article(const std::string& data) {
    json j = json::parse(data, nullptr, false);
    if (!j.is_object() || !j.contains("v") || !j.contains("id")) {
        throw std::runtime_error("document data is not an attache article");
    }
    StoredArticle a;
    a.id = j.value("id", "");
    a.title = j.value("title", "");
    a.body = j.value("body", "");
    a.url = j.value("url", "");
    a.published = j.value("published", "");
    a.source = j.value("source", "");
    a.lang = j.value("lang", "");
    a.author = j.value("author", "");
    if (auto it = j.find("entities"); it != j.end() && it->is_object()) {
        for (auto& [kind, list] : it->items()) {
            auto& out = a.entities[kind];
            for (const auto& e : list) {
                StoredEntity se;
                se.id = e.value("id", "");
                se.name = e.value("name", "");
                if (e.contains("roles")) se.roles = e["roles"].get<std::vector<std::string>>();
                se.country = e.value("country", "");
                se.type = e.value("type", "");
                se.series = e.value("series", "");
                se.count = e.value("count", 0);
                out.push_back(std::move(se));
            }
        }
    }
    return a;
}

}  // namespace attache::schema
