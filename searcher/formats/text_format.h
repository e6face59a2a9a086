// Text output for people: ranked hits with their date, source, id and a snippet, then a line
// per facet value. Colour and highlighting only when writing to a terminal.
#pragma once

#include <ostream>

#include "schema/stored_article.h"
#include "searcher/search.h"

namespace attache::formats {

struct TextStyle {
    bool color = false;
};

void write_search_text(std::ostream& out, const SearchResult& result, const TextStyle& style);
void write_article_text(std::ostream& out, const schema::StoredArticle& article,
                        const TextStyle& style);

// Xapian's snippets are HTML: turn <b>..</b> into terminal highlighting (or nothing) and
// decode the entities it escaped.
std::string snippet_to_text(const std::string& html, const TextStyle& style);

}  // namespace attache::formats
