// The interface every input format implements, and the registry that picks one. A reader
// streams: next() hands out one record at a time and holds at most one record's bytes (capped
// by ReaderOptions::max_record_bytes) in memory, whatever the size of the input.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "indexer/article.h"
#include "indexer/readers/byte_stream.h"
#include "indexer/readers/format_detect.h"

namespace attache::readers {

// An Article, a RejectedRecord (reading goes on with the next record), or std::monostate at
// the end of the stream.
using Record = std::variant<std::monostate, Article, RejectedRecord>;

struct ReaderOptions {
    // A record (a JSON line, an HTML page, a text file ...) larger than this is rejected
    // unread, so memory stays bounded.
    size_t max_record_bytes = 32u << 20;
    // --map FIELD=PATH: extra JSON field paths, tried before the built-in names.
    std::vector<std::pair<std::string, std::string>> json_map;
};

class ArticleReader {
  public:
    virtual ~ArticleReader() = default;
    virtual Record next() = 0;
    // Invalid UTF-8 sequences replaced with U+FFFD so far.
    size_t repaired() const { return repaired_; }

  protected:
    size_t repaired_ = 0;
};

// The reader for `format` over `in`.
std::unique_ptr<ArticleReader> make_reader(Format format, ByteStream& in,
                                           const ReaderOptions& options);

// "12.5 MB" for messages about sizes.
std::string format_size(size_t bytes);

}  // namespace attache::readers
