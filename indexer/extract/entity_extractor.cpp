#include "indexer/extract/entity_extractor.h"

#include "indexer/extract/alias_trie.h"
#include "indexer/extract/article_extraction.h"
#include "indexer/extract/office_titles.h"

namespace attache::extract {

EntityExtractor::EntityExtractor(std::shared_ptr<const kb::KnowledgeBase> kb)
    : kb_(std::move(kb)),
      aliases_(std::make_unique<const AliasTrie>(*kb_)),
      titles_(std::make_unique<const OfficeTitles>(*kb_)) {}

EntityExtractor::~EntityExtractor() = default;

// The passes run in this order because each reads what the ones before it found; the reasons are
// in article_extraction.h.
Extraction EntityExtractor::extract(std::string_view title, std::string_view body,
                                    const std::optional<schema::PartialDate>& date) const {
    ArticleExtraction article(*kb_, *aliases_, *titles_, title, body, date);
    article.match_aliases();
    article.resolve_names();
    article.resolve_surnames();
    article.read_capitals_as_countries();
    article.resolve_defined_acronyms();
    article.resolve_office_titles();
    article.resolve_event_series();
    return article.result();
}

}  // namespace attache::extract
