// Reads a plain text file as one article. An optional header block of "Key: value" lines
// (Title, Date, Source, URL, Author, Lang, Id; case-insensitive) ends at the first blank line;
// without it the first line is the title. Paragraphs are separated by blank lines.
#pragma once

#include "indexer/readers/article_reader.h"

namespace attache::readers {

class TextReader : public ArticleReader {
  public:
    TextReader(ByteStream& in, const ReaderOptions& options)
        : in_(in), max_bytes_(options.max_record_bytes) {}
    Record next() override;

  private:
    ByteStream& in_;
    size_t max_bytes_;
    bool done_ = false;
};

// The article in a text held in memory (for tests and fuzzers).
Record parse_text_article(std::string text, const std::string& name, size_t& repaired);

}  // namespace attache::readers
