// Reads a plain text file as one article. An optional header block of "Key: value" lines
// (Title, Date, Source, URL, Author, Lang, Id; case-insensitive) ends at the first blank line;
// without it the first line is the title. Paragraphs are separated by blank lines.
#pragma once

#include "indexer/readers/article_reader.h"

namespace attache::readers {

// The article in a text file (`attache index` reads each file whole); `name` is used in origins.
Record parse_text_article(std::string text, const std::string& name, size_t& repaired);

}  // namespace attache::readers
