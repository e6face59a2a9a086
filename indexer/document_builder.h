// Turns an article and what was extracted from it into a Xapian document, following the schema:
// the Q id term, title and body text with positions (English stemming), one boolean term per
// facet value, the published date as a sortable value, facet values in their slots (one slot
// per salience rank), and the stored data (schema/stored_article.h).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "indexer/article.h"
#include "indexer/extract/date_parser.h"
#include "indexer/extract/entity_extractor.h"

namespace attache {

// The id an article is stored under: its own id, else its URL, else a hash of
// source + title + published (so the same article read twice gets the same id).
std::string assign_id(const Article& article);

struct BuiltDocument {
    std::string id;
    std::string id_term;
    Xapian::Document document;
    bool date_unrecognised = false;  // the input had a date we could not read
    size_t text_bytes = 0;           // title + body, for the writer's memory bound
    // Display names of the facet values, stored as database metadata so that facets are labelled
    // even for entities that only a user's --kb knew: {label key, name}.
    std::vector<std::pair<std::string, std::string>> labels;
    // Words of the text with their stems, for the vocabulary (schema::kWordMetadataPrefix): each
    // distinct word once per builder, so most documents carry only the few words new to it.
    std::vector<std::pair<std::string, std::string>> words;
    unsigned long long sequence = 0;  // set by the writer: the order it was written in
};

// Holds the per-thread state (TermGenerators, the stemmer, the words already reported); not
// thread-safe, make one per worker. The extractor is shared.
class DocumentBuilder {
  public:
    explicit DocumentBuilder(const extract::EntityExtractor& extractor);
    BuiltDocument build(const Article& article);

  private:
    void collect_words(std::string_view text, BuiltDocument& out);

    const extract::EntityExtractor& extractor_;
    Xapian::Stem stemmer_;
    Xapian::TermGenerator termgen_;
    std::unordered_set<std::string> words_seen_;
    std::string word_buffer_;
};

}  // namespace attache
