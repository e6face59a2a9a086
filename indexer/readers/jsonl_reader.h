// Reads JSON Lines (NDJSON) news dumps, one article per line, streaming: memory is bounded by
// the longest line. Field names of common dump schemas are mapped to Article fields
// (docs/formats.md lists them); a line that is not a JSON object with a title or a body is
// rejected with its line number and the reason, and reading goes on.
#pragma once

#include <istream>
#include <string>
#include <variant>

#include "indexer/article.h"

namespace attache::readers {

class JsonlReader {
  public:
    // `name` is used in origins ("name:line").
    JsonlReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

    // The next record: an Article, a RejectedRecord, or std::monostate at end of input.
    using Record = std::variant<std::monostate, Article, RejectedRecord>;
    Record next();

    size_t line() const { return line_; }
    // Invalid UTF-8 sequences replaced with U+FFFD so far.
    size_t repaired() const { return repaired_; }

  private:
    std::istream& in_;
    std::string name_;
    std::string buffer_;
    size_t line_ = 0;
    size_t repaired_ = 0;
};

// Turns one JSON text into an Article (exposed for tests and for the JSON array reader).
JsonlReader::Record parse_json_article(const std::string& text, const std::string& origin);

}  // namespace attache::readers
