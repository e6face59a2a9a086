// Counts the entities one article mentions and orders them by salience: most mentions first, then
// first position. People carry the offices they held on the article's date; those offices give the
// article's roles (salience summed over their holders) and ministers.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "indexer/extract/entity_extractor.h"
#include "kb/knowledge_base.h"
#include "schema/stored_article.h"

namespace attache::extract {

class EntityTally {
  public:
    // `date_value`: the article's date as "YYYYMMDD", empty when unknown (then no offices).
    explicit EntityTally(std::string date_value) : date_value_(std::move(date_value)) {}

    // Counts one mention of `e` at byte offset `at`; returns the offices `e` held on the date.
    const std::vector<std::string>& count(const kb::Entity& e, uint32_t at);

    // Fills out.entities, out.roles and out.ministers, most salient first.
    void write(Extraction& out);

  private:
    struct Tally {
        schema::StoredEntity stored;
        uint32_t first;
        bool ministerial = false;
    };
    static bool more_salient(const Tally& a, const Tally& b);
    Tally first_mention(const kb::Entity& e, uint32_t at) const;
    static void add_roles(const Tally& person, std::map<std::string, Tally>& roles);

    std::string date_value_;
    std::map<std::string, std::vector<Tally>> by_kind_;  // kind name -> entities
};

}  // namespace attache::extract
