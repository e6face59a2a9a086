#include "searcher/wildcards.h"

#include <set>

#include "schema/fields.h"

namespace attache {

namespace sc = attache::schema;

namespace {

constexpr const char* kWordField = "attachewild";
constexpr const char* kTitleField = "attachewildtitle";

bool is_separator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')';
}

// "sanc*" -> "attachewild:sanc", "-title:summ*" -> "-attachewildtitle:summ"; else unchanged.
std::string route_token(const std::string& token) {
    size_t start = 0;
    while (start < token.size() && (token[start] == '+' || token[start] == '-')) ++start;
    if (token.size() < start + 2 || token.back() != '*') return token;
    std::string body = token.substr(start, token.size() - start - 1);
    const char* field = kWordField;
    if (body.rfind("title:", 0) == 0) {
        body.erase(0, 6);
        field = kTitleField;
    }
    if (body.empty() || body.find_first_of("*:\"") != std::string::npos) return token;
    return token.substr(0, start) + field + ":" + body;
}

class WildcardProcessor : public Xapian::FieldProcessor {
  public:
    WildcardProcessor(const Xapian::Database& db, std::string term_prefix,
                      std::optional<std::string>& error)
        : db_(db), term_prefix_(std::move(term_prefix)), error_(error) {}

    Xapian::Query operator()(const std::string& start) override {
        const std::vector<std::string> stems = wildcard_stems(db_, start);
        if (stems.size() > kMaxWildcardStems) {
            if (!error_) {
                error_ = "wildcard '" + start + "*' matches more than " +
                         std::to_string(kMaxWildcardStems) + " words; give more letters";
            }
            return Xapian::Query();
        }
        std::vector<Xapian::Query> terms;
        terms.reserve(stems.size());
        for (const auto& stem : stems) terms.emplace_back(term_prefix_ + stem);
        // One synonym, as Xapian's own wildcards: the expansion scores like a single word.
        return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    }

  private:
    Xapian::Database db_;
    std::string term_prefix_;
    std::optional<std::string>& error_;
};

}  // namespace

std::string route_wildcards(const std::string& query) {
    if (query.find('*') == std::string::npos) return query;
    std::string out;
    out.reserve(query.size() + 16);
    bool in_quotes = false;
    size_t i = 0;
    while (i < query.size()) {
        const char c = query[i];
        if (c == '"') in_quotes = !in_quotes;
        if (in_quotes || c == '"' || is_separator(c)) {
            out += c;
            ++i;
            continue;
        }
        size_t j = i;
        while (j < query.size() && !is_separator(query[j]) && query[j] != '"') ++j;
        // A token that runs into a quote (title:"a phrase") is not a wildcard.
        if (j < query.size() && query[j] == '"') {
            out.append(query, i, j - i);
        } else {
            out += route_token(query.substr(i, j - i));
        }
        i = j;
    }
    return out;
}

std::vector<std::string> wildcard_stems(const Xapian::Database& db, const std::string& start) {
    const std::string key_prefix =
        std::string(sc::kWordMetadataPrefix) + Xapian::Unicode::tolower(start);
    std::set<std::string> stems;
    for (auto it = db.metadata_keys_begin(key_prefix); it != db.metadata_keys_end(key_prefix);
         ++it) {
        stems.insert(db.get_metadata(*it));
        if (stems.size() > kMaxWildcardStems) break;
    }
    return {stems.begin(), stems.end()};
}

void add_wildcard_fields(Xapian::QueryParser& qp, const Xapian::Database& db,
                         std::optional<std::string>& error) {
    qp.add_prefix(kWordField, (new WildcardProcessor(db, "Z", error))->release());
    qp.add_prefix(kTitleField,
                  (new WildcardProcessor(db, "Z" + std::string(sc::field("title").prefix), error))
                      ->release());
}

}  // namespace attache
