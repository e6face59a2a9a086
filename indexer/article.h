// An article as a reader hands it to the indexer: text fields as found in the input, not yet
// interpreted. `origin` says where it came from ("dump.jsonl:12") for messages.
#pragma once

#include <string>

namespace attache {

struct Article {
    std::string id;  // from the input; empty when the input has none (see assign_id)
    std::string title;
    std::string body;       // plain text, paragraphs separated by a blank line
    std::string published;  // the date as written in the input
    std::string source;
    std::string url;
    std::string lang;
    std::string author;
    std::string origin;
};

// A record a reader could not turn into an article.
struct RejectedRecord {
    std::string origin;  // "file:line"
    std::string reason;
};

}  // namespace attache
