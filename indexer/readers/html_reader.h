// Reads an HTML news page as one article: the title, published time, canonical URL, site name,
// author and language from meta tags, Open Graph, schema.org JSON-LD (NewsArticle and kin) and
// the page itself; the body is the main text, found by main_text.h. The page is parsed by
// libxml2's HTML parser in the charset it declares (else UTF-8, repaired).
#pragma once

#include "indexer/readers/article_reader.h"

namespace attache::readers {

class HtmlReader : public ArticleReader {
  public:
    HtmlReader(ByteStream& in, const ReaderOptions& options)
        : in_(in), max_bytes_(options.max_record_bytes) {}
    Record next() override;

  private:
    ByteStream& in_;
    size_t max_bytes_;
    bool done_ = false;
};

// The article in a page held in memory (for tests and fuzzers); `name` is used in origins.
Record read_html_page(std::string page, const std::string& name, size_t& repaired);

}  // namespace attache::readers
