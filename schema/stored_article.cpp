#include "schema/stored_article.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/errors.h"

#include "schema/fields.h"

namespace attache::schema {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

// The top-level text fields, in the order encode_article writes them (after "v"); the first
// three are always written, the others only when they are not empty.
struct TextField {
    const char* key;
    std::string StoredArticle::*member;
};
constexpr TextField kTextFields[] = {{"id", &StoredArticle::id},
                                     {"title", &StoredArticle::title},
                                     {"body", &StoredArticle::body},
                                     {"url", &StoredArticle::url},
                                     {"published", &StoredArticle::published},
                                     {"source", &StoredArticle::source},
                                     {"lang", &StoredArticle::lang},
                                     {"author", &StoredArticle::author}};
constexpr size_t kAlwaysWrittenFields = 3;

ordered_json entity_to_json(const StoredEntity& e, bool with_count) {
    ordered_json j = {{"id", e.id}, {"name", e.name}};
    if (!e.roles.empty()) j["roles"] = e.roles;
    if (!e.country.empty()) j["country"] = e.country;
    if (!e.type.empty()) j["type"] = e.type;
    if (!e.series.empty()) j["series"] = e.series;
    if (with_count) j["count"] = e.count;
    return j;
}

}  // namespace

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
    ordered_json j = {{"v", 1}};
    for (size_t i = 0; i < std::size(kTextFields); ++i) {
        const std::string& text = a.*kTextFields[i].member;
        if (i < kAlwaysWrittenFields || !text.empty()) j[kTextFields[i].key] = text;
    }
    j["entities"] = entities_to_json(a, true);
    // Replace rather than throw on invalid UTF-8: readers repair text, this is a last guard.
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

namespace {

[[noreturn]] void not_an_article() {
    throw DatabaseError("document data is not an attache article");
}

// Reads only some top-level text fields and stops once it has them all: decoding the whole
// article (body, entities) was a third of a batch run's time for output that prints ids only,
// and a sixth for --fields id,score,title. encode_article writes "v", "id", "title", "body",
// then the optional fields.
class FieldReader : public nlohmann::json_sax<json> {
  public:
    FieldReader(StoredArticle& article, const std::vector<std::string>& wanted)
        : article_(article), wanted_(wanted), fields_(wanted.size() + (is_wanted("id") ? 0 : 1)) {}
    bool found_id = false;

    bool key(string_t& k) override {
        target_ = depth_ == 1 ? field(k) : nullptr;
        return true;
    }
    bool string(string_t& s) override {
        if (!target_) return true;
        if (target_ == &article_.id) found_id = true;
        *target_ = std::move(s);
        target_ = nullptr;
        return ++found_ < fields_;  // false: stop here
    }
    bool start_object(std::size_t) override { return enter(); }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t) override { return enter(); }
    bool end_array() override { return leave(); }
    bool null() override { return skip(); }
    bool boolean(bool) override { return skip(); }
    bool number_integer(number_integer_t) override { return skip(); }
    bool number_unsigned(number_unsigned_t) override { return skip(); }
    bool number_float(number_float_t, const string_t&) override { return skip(); }
    bool binary(binary_t&) override { return skip(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

  private:
    bool is_wanted(const std::string& k) const {
        return std::find(wanted_.begin(), wanted_.end(), k) != wanted_.end();
    }
    std::string* field(const std::string& k) {
        if (k != "id" && !is_wanted(k)) return nullptr;  // the id is always read
        for (const auto& [key, member] : kTextFields) {
            if (k == key) return &(article_.*member);
        }
        return nullptr;
    }
    bool skip() {
        target_ = nullptr;
        return true;
    }
    bool enter() {
        ++depth_;
        return skip();
    }
    bool leave() {
        --depth_;
        return true;
    }

    StoredArticle& article_;
    const std::vector<std::string>& wanted_;
    const size_t fields_;  // the wanted fields, and the id
    std::string* target_ = nullptr;
    size_t found_ = 0;
    int depth_ = 0;
};

}  // namespace

StoredArticle decode_article(const std::string& data,
                             const std::vector<std::string>& wanted_fields) {
    if (!wanted_fields.empty()) {
        StoredArticle article;
        FieldReader reader(article, wanted_fields);
        json::sax_parse(data, &reader);
        if (!reader.found_id) not_an_article();
        return article;
    }
    json j = json::parse(data, nullptr, false);
    if (!j.is_object() || !j.contains("v") || !j.contains("id")) not_an_article();
    StoredArticle a;
    for (const auto& [key, member] : kTextFields) a.*member = j.value(key, "");
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
