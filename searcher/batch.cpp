#include "searcher/batch.h"

#include "common/text.h"

namespace attache {

bool BatchReader::next(BatchQuery& out) {
    std::string text;
    while (std::getline(in_, text)) {
        ++line_;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        const std::string trimmed = trim(text);
        if (trimmed.empty() || trimmed[0] == '#') continue;
        out.line = line_;
        const size_t tab = text.find('\t');
        if (tab != std::string::npos) {
            out.qid = trim(text.substr(0, tab));
            out.query = trim(text.substr(tab + 1));
        } else {
            out.qid = std::to_string(line_);
            out.query = trimmed;
        }
        return true;
    }
    return false;
}

}  // namespace attache
