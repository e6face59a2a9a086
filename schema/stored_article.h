// The document data layout: what each Xapian document stores so that a hit can be printed,
// `show` can print the article and snippets can be made, without re-reading the input.
// Stored as compact JSON (docs/schema.md lists every key).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace attache::schema {

// Entity kinds stored per article, in the order of the schema rows marked stored_entity
// (person, country, org, event, place). Facet-only kinds (role, minister, summit) are derived.
const std::vector<std::string>& stored_entity_kinds();

struct StoredEntity {
    std::string id;
    std::string name;
    std::vector<std::string> roles;  // person: offices held on the article's date
    std::string country;             // person: country of the office; place/event: host
    std::string type;                // event: summit, meeting, conference, session
    std::string series;              // event instance: the id of its series ("g20")
    int count = 0;                   // mentions in the article (salience)
};

struct StoredArticle {
    std::string id;
    std::string title;
    std::string body;
    std::string url;
    std::string published;  // as normalised ISO text: "2024-11-01" or "2024-11-01T09:30:00+09:00"
    std::string source;
    std::string lang;
    std::string author;
    std::map<std::string, std::vector<StoredEntity>> entities;  // kind -> most salient first
};

std::string encode_article(const StoredArticle& article);
// The article stored in a document's data. `wanted_fields`: only these top-level text fields
// ("id", "title", "url", ...; the id is always read), the rest left empty, reading no further
// than the last of them: a hit printed as ids or a few columns skips the body and entities.
// Empty: the whole article. Throws DatabaseError when the data is not an attache article.
StoredArticle decode_article(const std::string& data,
                             const std::vector<std::string>& wanted_fields = {});

nlohmann::ordered_json entities_to_json(const StoredArticle& article, bool with_count);

}  // namespace attache::schema
