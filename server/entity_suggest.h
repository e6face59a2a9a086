// Entity autocomplete for GET /api/suggest?field=person&prefix=bli: entities of the field's kind
// whose name, alias, surname or code has a word starting with the prefix (knowledge base), and
// ids in the index that start with it (entities indexed from other KB files, or found by title),
// most frequent in the database first.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"
#include "schema/fields.h"

namespace attache::server {

struct EntitySuggestion {
    std::string id;
    std::string name;
    Xapian::doccount count = 0;  // articles in the database with this value
};

class EntitySuggester {
  public:
    // Builds the word index of the KB once; `kb` must outlive the suggester.
    explicit EntitySuggester(const kb::KnowledgeBase& kb);

    // Fields whose schema row says `suggested` (the entity fields and source). Throws
    // UsageError for any other field.
    std::vector<EntitySuggestion> suggest(const Xapian::Database& db, std::string_view field,
                                          std::string_view prefix, size_t limit) const;

  private:
    struct Key {
        std::string word;  // one word of a lookup key, or the whole key
        size_t entity;
    };
    const kb::KnowledgeBase& kb_;
    std::vector<Key> keys_;  // sorted by word
};

}  // namespace attache::server
