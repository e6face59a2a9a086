#include "indexer/readers/text_reader.h"

#include "common/text.h"
#include "indexer/readers/dom_text.h"

namespace attache::readers {

namespace {

// The Article field a header key sets, or nullptr when the key is not one we know.
std::string* header_field(Article& a, std::string key) {
    key = ascii_lower(trim(key));
    if (key == "title" || key == "headline" || key == "subject") return &a.title;
    if (key == "date" || key == "published" || key == "pubdate") return &a.published;
    if (key == "source" || key == "publisher" || key == "outlet") return &a.source;
    if (key == "url" || key == "link") return &a.url;
    if (key == "author" || key == "by" || key == "byline") return &a.author;
    if (key == "lang" || key == "language") return &a.lang;
    if (key == "id") return &a.id;
    return nullptr;
}

}  // namespace

Record parse_text_article(std::string text, const std::string& name, size_t& repaired) {
    repaired += repair_utf8(text);
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    Article a;
    a.origin = name + ":1";
    std::vector<std::string> lines = split(text, '\n');
    for (auto& line : lines)
        if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t i = 0;
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    // A header block: every line up to the first blank one is "Key: value" with a known key.
    size_t end = i;
    bool header = i < lines.size();
    while (end < lines.size() && !trim(lines[end]).empty()) {
        const size_t colon = lines[end].find(':');
        Article probe;
        if (colon == std::string::npos || colon > 20 ||
            !header_field(probe, lines[end].substr(0, colon))) {
            header = false;
            break;
        }
        ++end;
    }
    if (header && end > i) {
        for (size_t k = i; k < end; ++k) {
            const size_t colon = lines[k].find(':');
            std::string* field = header_field(a, lines[k].substr(0, colon));
            if (field->empty()) *field = trim(lines[k].substr(colon + 1));
        }
        i = end;
    } else if (i < lines.size()) {
        a.title = trim(lines[i]);
        ++i;
    }
    std::string rest;
    for (size_t k = i; k < lines.size(); ++k) {
        rest += lines[k];
        rest += '\n';
    }
    for (const auto& para : split_paragraphs(rest)) {
        if (!a.body.empty()) a.body += "\n\n";
        a.body += para;
    }
    if (a.title.empty() && a.body.empty())
        return RejectedRecord{a.origin, "text has neither a title nor a body"};
    return a;
}

}  // namespace attache::readers
