#include "searcher/wildcards.h"

#include <set>

#include "schema/fields.h"

namespace attache {

namespace sc = attache::schema;

namespace {

constexpr const char* kWordField = "attachewild";
constexpr const char* kTitleField = "attachewildtitle";

// "sanc*" -> "attachewild:sanc", "-title:summ*" -> "-attachewildtitle:summ"; else unchanged.
std::optional<std::string> route_token(std::string_view token) {
    size_t start = 0;
    while (start < token.size() && (token[start] == '+' || token[start] == '-')) ++start;
    if (token.size() < start + 2 || token.back() != '*') return std::nullopt;
    std::string_view body = token.substr(start, token.size() - start - 1);
    const char* field = kWordField;
    if (body.rfind("title:", 0) == 0) {
        body.remove_prefix(6);
        field = kTitleField;
    }
    if (body.empty() || body.find_first_of("*:") != std::string_view::npos) return std::nullopt;
    return std::string(token.substr(0, start)) + field + ":" + std::string(body);
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

std::vector<QueryEdit> route_wildcards(const QueryScan& scan) {
    std::vector<QueryEdit> edits;
    const auto& tokens = scan.tokens();
    for (size_t k = 0; k < tokens.size(); ++k) {
        // A token that runs into a quote (title:"a phrase") is not a wildcard.
        if (tokens[k].kind != QueryToken::Kind::bare || scan.runs_into_quote(k)) continue;
        if (auto routed = route_token(tokens[k].text))
            edits.push_back(QueryEdit{tokens[k].begin, tokens[k].end, std::move(*routed)});
    }
    return edits;
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
