#include "indexer/readers/json_article.h"

#include <cctype>
#include "common/errors.h"

#include "common/text.h"
#include "indexer/readers/dom_text.h"

namespace attache::readers {

using nlohmann::json;

namespace {

// Field names seen in common dump schemas (news-please, newspaper, NewsAPI, GDELT-style
// scrapers, agency exports), first match wins.
constexpr const char* kIdFields[] = {"id", "_id", "guid", "uuid", "article_id", "doc_id"};
constexpr const char* kTitleFields[] = {"title", "headline", "heading", "name"};
constexpr const char* kBodyFields[] = {
    "body",      "text",      "content",   "maintext",    "article",          "article_text",
    "full_text", "body_text", "body_html", "description", "description_text", "description_html",
    "summary"};
constexpr const char* kDateFields[] = {
    "published",    "date",        "pubDate",       "pub_date",      "date_publish",
    "published_at", "publishedAt", "datePublished", "publish_date",  "datetime",
    "timestamp",    "created_at",  "firstcreated",  "versioncreated"};
constexpr const char* kUrlFields[] = {"url", "link", "href", "permalink", "canonical_url"};
constexpr const char* kSourceFields[] = {"source", "source_domain", "publisher", "outlet",
                                         "site",   "source_name",   "feed"};
constexpr const char* kLangFields[] = {"lang", "language", "locale"};
constexpr const char* kAuthorFields[] = {"author", "authors", "byline", "creator"};

constexpr const char* kMapFields[] = {"id",     "title", "body", "published",
                                      "source", "url",   "lang", "author"};

// A field's value as text: strings as they are, numbers printed, arrays of strings joined,
// objects by their "name" (e.g. {"source": {"name": "Reuters"}}).
std::string as_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) return v.dump();
    if (v.is_array()) {
        std::string out;
        for (const auto& item : v) {
            std::string s = as_text(item);
            if (s.empty()) continue;
            if (!out.empty()) out += ", ";
            out += s;
        }
        return out;
    }
    if (v.is_object()) {
        for (const char* key : {"name", "title", "value", "href"}) {
            if (auto it = v.find(key); it != v.end()) return as_text(*it);
        }
    }
    return "";
}

template <size_t N>
std::string first_field(const json& obj, const char* const (&names)[N]) {
    for (const char* name : names) {
        auto it = obj.find(name);
        if (it == obj.end()) continue;
        std::string s = trim(as_text(*it));
        if (!s.empty()) return s;
    }
    return "";
}

const json* follow(const json& obj, const std::vector<std::string>& path) {
    const json* at = &obj;
    for (const auto& step : path) {
        if (at->is_object()) {
            auto it = at->find(step);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array() && !step.empty() &&
                   step.find_first_not_of("0123456789") == std::string::npos) {
            const size_t index = std::stoul(step);
            if (index >= at->size()) return nullptr;
            at = &(*at)[index];
        } else {
            return nullptr;
        }
    }
    return at;
}

std::string* article_field(Article& a, const std::string& field) {
    if (field == "id") return &a.id;
    if (field == "title") return &a.title;
    if (field == "body") return &a.body;
    if (field == "published") return &a.published;
    if (field == "source") return &a.source;
    if (field == "url") return &a.url;
    if (field == "lang") return &a.lang;
    if (field == "author") return &a.author;
    return nullptr;
}

}  // namespace

std::string json_map_fields() {
    std::string out;
    for (const char* f : kMapFields) {
        if (!out.empty()) out += ", ";
        out += f;
    }
    return out;
}

JsonFieldMap::JsonFieldMap(const std::vector<std::pair<std::string, std::string>>& rules) {
    for (const auto& [field, path] : rules) {
        Article probe;
        if (!article_field(probe, field))
            throw UsageError("--map " + field + "=" + path + ": unknown field '" + field +
                             "' (fields: " + json_map_fields() + ")");
        std::vector<std::string> steps = split(path, '.');
        bool empty_step = steps.empty();
        for (const auto& s : steps) empty_step = empty_step || s.empty();
        if (empty_step)
            throw UsageError("--map " + field + "=" + path +
                             ": the path must be names separated by dots, like meta.headline");
        rules_.push_back({field, std::move(steps)});
    }
}

Record JsonFieldMap::convert(const json& obj, const std::string& origin) const {
    if (!obj.is_object())
        return RejectedRecord{origin,
                              "expected a JSON object, found " + std::string(obj.type_name())};
    Article a;
    a.origin = origin;
    for (const auto& rule : rules_) {
        std::string* field = article_field(a, rule.field);
        if (!field->empty()) continue;  // the first rule for a field that matches wins
        if (const json* v = follow(obj, rule.path)) *field = trim(as_text(*v));
    }
    auto fill = [&obj](std::string& field, const auto& names) {
        if (field.empty()) field = first_field(obj, names);
    };
    fill(a.id, kIdFields);
    fill(a.title, kTitleFields);
    fill(a.body, kBodyFields);
    fill(a.published, kDateFields);
    fill(a.url, kUrlFields);
    fill(a.source, kSourceFields);
    fill(a.lang, kLangFields);
    fill(a.author, kAuthorFields);
    // ninjs body_html and scraped "content" often hold markup: keep only its text.
    if (const size_t lt = a.body.find('<');
        lt != std::string::npos && lt + 1 < a.body.size() &&
        (std::isalpha(static_cast<unsigned char>(a.body[lt + 1])) || a.body[lt + 1] == '/'))
        a.body = html_fragment_text(a.body);
    if (a.title.empty() && a.body.empty())
        return RejectedRecord{origin, "record has neither a title nor a body"};
    return a;
}

}  // namespace attache::readers
