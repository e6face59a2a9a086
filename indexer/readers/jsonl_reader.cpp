#include "indexer/readers/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include "common/text.h"

namespace attache::readers {

using nlohmann::json;

namespace {

// Field names seen in common dump schemas (news-please, newspaper, GDELT-style scrapers,
// agency exports), first match wins.
constexpr const char* kIdFields[] = {"id", "_id", "guid", "uuid", "article_id", "doc_id"};
constexpr const char* kTitleFields[] = {"title", "headline", "heading", "name"};
constexpr const char* kBodyFields[] = {"body",      "text",        "content",
                                       "maintext",  "article",     "article_text",
                                       "full_text", "description", "summary"};
constexpr const char* kDateFields[] = {
    "published",   "date",          "pubDate",      "pub_date", "date_publish", "published_at",
    "publishedAt", "datePublished", "publish_date", "datetime", "timestamp",    "created_at"};
constexpr const char* kUrlFields[] = {"url", "link", "href", "permalink", "canonical_url"};
constexpr const char* kSourceFields[] = {"source", "source_domain", "publisher", "outlet",
                                         "site",   "source_name",   "feed"};
constexpr const char* kLangFields[] = {"lang", "language", "locale"};
constexpr const char* kAuthorFields[] = {"author", "authors", "byline", "creator"};

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

}  // namespace

JsonlReader::Record parse_json_article(const std::string& text, const std::string& origin) {
    json obj;
    try {
        obj = json::parse(text);
    } catch (const json::parse_error& e) {
        // nlohmann's message is "[json.exception.parse_error.101] parse error at line 1,
        // column 12: ..."; keep the part after the exception tag.
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        return RejectedRecord{origin, "invalid JSON: " + what};
    }
    if (!obj.is_object())
        return RejectedRecord{origin,
                              "expected a JSON object, found " + std::string(obj.type_name())};
    Article a;
    a.origin = origin;
    a.id = first_field(obj, kIdFields);
    a.title = first_field(obj, kTitleFields);
    a.body = first_field(obj, kBodyFields);
    a.published = first_field(obj, kDateFields);
    a.url = first_field(obj, kUrlFields);
    a.source = first_field(obj, kSourceFields);
    a.lang = first_field(obj, kLangFields);
    a.author = first_field(obj, kAuthorFields);
    if (a.title.empty() && a.body.empty())
        return RejectedRecord{origin, "record has neither a title nor a body"};
    return a;
}

JsonlReader::Record JsonlReader::next() {
    while (std::getline(in_, buffer_)) {
        ++line_;
        if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
        if (line_ == 1 && buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) buffer_.erase(0, 3);  // BOM
        if (buffer_.find_first_not_of(" \t") == std::string::npos) continue;
        repaired_ += repair_utf8(buffer_);
        return parse_json_article(buffer_, name_ + ":" + std::to_string(line_));
    }
    return std::monostate{};
}

}  // namespace attache::readers
