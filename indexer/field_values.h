// What one article gives each facet field: the hand-over from extraction to the document
// builder. This is the one place that says which extracted value feeds which field; the builder
// then files every value the way the field's schema row says (schema/fields.h), so adding a
// facet is its row plus a few lines here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/article.h"
#include "indexer/extract/entity_extractor.h"
#include "schema/dates.h"
#include "schema/fields.h"

namespace attache {

struct FieldValue {
    std::string text;   // as extracted; schema::encode makes it a term and a slot value
    std::string label;  // display name to store for it, "" for none
};

// Values per field, most salient first, each value once.
class FieldValues {
  public:
    FieldValues() : by_field_(schema::fields().size()) {}
    // Ignores an empty text and a text the field already has.
    void add(const schema::FieldSpec& field, std::string text, std::string label = "");
    void add(std::string_view field_name, std::string text, std::string label = "");
    const std::vector<FieldValue>& of(const schema::FieldSpec& field) const;

  private:
    std::vector<std::vector<FieldValue>> by_field_;  // indexed like schema::fields()
};

// `published`: the article's date, when it could be read.
FieldValues field_values(const Article& article, const extract::Extraction& extraction,
                         const std::optional<schema::PartialDate>& published,
                         const kb::KnowledgeBase& kb);

}  // namespace attache
