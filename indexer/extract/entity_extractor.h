// Finds the knowledge base's entities in an article: longest match over normalised tokens
// (a trie of alias token sequences), then resolution against the article itself and its date:
// short mentions ("Blinken") go back to a full name seen in the article or to the one
// candidate in office on that date; "the G20 summit" goes to the instance nearest the date;
// people get the offices they held on that date. Thread-safe: one extractor serves all workers.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/date_mentions.h"
#include "kb/knowledge_base.h"
#include "schema/dates.h"
#include "schema/stored_article.h"

namespace attache::extract {

struct Mention {
    kb::EntityKind kind;
    std::string id;
    std::string name;
    uint32_t begin = 0;  // byte offsets into title + "\n\n" + body (the body alone without a title)
    uint32_t end = 0;
    std::string text;  // the surface form
    std::string how;   // name, alias, demonym, surname, surname-in-office, nearest-instance
    std::vector<std::string> roles;
};

struct Extraction {
    std::vector<Mention> mentions;  // in text order
    // person, country, org, event, place: most salient first (mention count, then first position)
    std::map<std::string, std::vector<schema::StoredEntity>> entities;
    std::vector<schema::StoredEntity> roles;  // offices of the mentioned people (id = role slug)
    std::vector<std::string> ministers;       // ids of people mentioned in a ministerial office
    std::vector<std::string> mentioned;       // distinct dates mentioned: "2024-10-31", "2024-10"
    std::vector<DateMention> date_mentions;   // every date mention, in text order
};

class AliasTrie;
class OfficeTitles;

class EntityExtractor {
  public:
    explicit EntityExtractor(std::shared_ptr<const kb::KnowledgeBase> kb);
    ~EntityExtractor();
    EntityExtractor(const EntityExtractor&) = delete;
    EntityExtractor& operator=(const EntityExtractor&) = delete;

    // `date` is the article's published date, used to resolve offices and summit instances.
    Extraction extract(std::string_view title, std::string_view body,
                       const std::optional<schema::PartialDate>& date) const;

    const kb::KnowledgeBase& kb() const { return *kb_; }

  private:
    std::shared_ptr<const kb::KnowledgeBase> kb_;
    std::unique_ptr<const AliasTrie> aliases_;
    std::unique_ptr<const OfficeTitles> titles_;
};

}  // namespace attache::extract
