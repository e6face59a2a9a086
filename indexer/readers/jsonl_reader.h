// Reads JSON Lines (NDJSON) news dumps, one article per line, streaming: memory is bounded by
// the record size cap. Field names of common dump schemas are mapped to Article fields
// (json_article.h, docs/formats.md); a line that is not a JSON object with a title or a body is
// rejected with its line number and the reason, and reading goes on.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "indexer/readers/article_reader.h"
#include "indexer/readers/json_article.h"

namespace attache::readers {

class JsonlReader : public ArticleReader {
  public:
    JsonlReader(ByteStream& in, const ReaderOptions& options);
    // Over a std::istream; `name` is used in origins ("name:line").
    JsonlReader(std::istream& in, std::string name);

    using Record = readers::Record;
    Record next() override;

    size_t line() const { return line_; }

  private:
    std::unique_ptr<ByteStream> owned_;
    ByteStream& in_;
    JsonFieldMap map_;
    size_t max_bytes_;
    std::string buffer_;
    size_t line_ = 0;
};

// Turns one JSON text into an Article (exposed for tests).
Record parse_json_article(const std::string& text, const std::string& origin,
                          const JsonFieldMap& map = {});

}  // namespace attache::readers
