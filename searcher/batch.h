// Scripted query runs (--batch FILE|-): one query per line, optionally "qid<TAB>query"; blank
// lines and lines starting with '#' are skipped. Read one line at a time, so a batch of any
// size runs in constant memory against one open database.
#pragma once

#include <istream>
#include <string>

namespace attache {

struct BatchQuery {
    std::string qid;  // from the line, else its line number
    std::string query;
    size_t line = 0;
};

class BatchReader {
  public:
    explicit BatchReader(std::istream& in) : in_(in) {}
    bool next(BatchQuery& out);

  private:
    std::istream& in_;
    size_t line_ = 0;
};

}  // namespace attache
