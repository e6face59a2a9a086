// Reads JSON documents: an array of article objects (streamed element by element, so a dump of
// any size is read with one element in memory), an object that holds such an array under a
// usual key ("articles", "items", "data", "results", ...), or a single article object.
// Elements map to Articles as in JSON Lines (json_article.h).
#pragma once

#include <deque>
#include <string>

#include "indexer/readers/article_reader.h"
#include "indexer/readers/json_article.h"

namespace attache::readers {

class JsonReader : public ArticleReader {
  public:
    JsonReader(ByteStream& in, const ReaderOptions& options);
    Record next() override;

  private:
    Record next_array_element();
    void read_whole_document();
    ByteStream& in_;
    JsonFieldMap map_;
    size_t max_bytes_;
    bool started_ = false, done_ = false, streaming_ = false;
    size_t line_ = 1;  // the line the scanner is on
    size_t index_ = 0;
    std::deque<Record> pending_;  // records of a whole document, handed out one by one
};

}  // namespace attache::readers
