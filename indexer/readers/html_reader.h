// Reads an HTML news page as one article: the title, published time, canonical URL, site name,
// author and language from meta tags, Open Graph, schema.org JSON-LD (NewsArticle and kin) and
// the page itself; the body is the main text, found by main_text.h. The page is parsed by
// libxml2's HTML parser in the charset it declares (else UTF-8, repaired).
#pragma once

#include "indexer/readers/article_reader.h"

namespace attache::readers {

// The article in an HTML page (`attache index` reads each page whole); `name` is used in
// origins and messages, `repaired` counts the invalid UTF-8 sequences replaced.
Record read_html_page(std::string page, const std::string& name, size_t& repaired);

}  // namespace attache::readers
