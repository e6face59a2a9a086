#include "indexer/readers/json_reader.h"

#include <nlohmann/json.hpp>

#include "common/text.h"
#include "indexer/readers/jsonl_reader.h"

namespace attache::readers {

using nlohmann::json;

namespace {

// Keys under which dump formats keep their list of articles (NewsAPI "articles", RSS-to-JSON
// "items", Elasticsearch-style "hits" ...).
constexpr const char* kListKeys[] = {"articles", "items", "item",    "data",   "results",
                                     "docs",     "hits",  "records", "entries"};

}  // namespace

JsonReader::JsonReader(ByteStream& in, const ReaderOptions& options)
    : in_(in), map_(options.json_map), max_bytes_(options.max_record_bytes) {}

Record JsonReader::next() {
    if (!started_) {
        started_ = true;
        // Skip a BOM and whitespace to see whether this is an array (streamed) or an object.
        std::string_view head = in_.peek(3);
        if (head.substr(0, 3) == "\xEF\xBB\xBF") {
            char bom[3];
            in_.read(bom, 3);
        }
        while (true) {
            head = in_.peek(1);
            if (head.empty() || !std::isspace(static_cast<unsigned char>(head[0]))) break;
            if (head[0] == '\n') ++line_;
            char c;
            in_.read(&c, 1);
        }
        if (!head.empty() && head[0] == '[') {
            char c;
            in_.read(&c, 1);
            streaming_ = true;
        } else {
            read_whole_document();
        }
    }
    if (streaming_) return next_array_element();
    if (pending_.empty()) return std::monostate{};
    Record r = std::move(pending_.front());
    pending_.pop_front();
    return r;
}

// Scans to the end of the next top-level element, tracking strings so that brackets and
// commas inside them do not count; nlohmann parses the element's text.
Record JsonReader::next_array_element() {
    if (done_) return std::monostate{};
    std::string element;
    bool too_long = false;
    int depth = 0;
    bool in_string = false, escaped = false;
    size_t start_line = line_;
    bool hit_end = true;  // the input ended before a comma or the closing bracket
    char c;
    while (in_.read(&c, 1) == 1) {
        if (c == '\n') ++line_;
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0) {  // the closing bracket of the array
                done_ = true;
                hit_end = false;
                break;
            }
            --depth;
        } else if (c == ',' && depth == 0) {
            if (element.find_first_not_of(" \t\r\n") != std::string::npos || too_long) {
                hit_end = false;
                break;
            }
            element.clear();  // a stray comma: "[,{...}]" is reported by the parser below
            continue;
        }
        if (element.empty() && std::isspace(static_cast<unsigned char>(c))) {
            start_line = line_;
            continue;
        }
        if (element.size() < max_bytes_) {
            element += c;
        } else {
            too_long = true;
        }
    }
    const std::string origin = in_.name() + ":" + std::to_string(start_line) + " (element " +
                               std::to_string(index_ + 1) + ")";
    const bool at_end = !done_ && hit_end;
    if (at_end) done_ = true;
    if (element.find_first_not_of(" \t\r\n") == std::string::npos && !too_long) {
        if (at_end)
            return RejectedRecord{in_.name() + ":" + std::to_string(line_),
                                  "truncated: the JSON array is not closed"};
        return std::monostate{};
    }
    ++index_;
    if (too_long)
        return RejectedRecord{origin, "element larger than the " + format_size(max_bytes_) +
                                          " record limit; skipped"};
    if (at_end && (depth > 0 || in_string))
        return RejectedRecord{origin, "truncated: the input ends inside this element"};
    repaired_ += repair_utf8(element);
    return parse_json_article(element, origin, map_);
}

void JsonReader::read_whole_document() {
    const std::string origin = in_.name() + ":" + std::to_string(line_);
    std::string text;
    if (!in_.read_rest(text, max_bytes_)) {
        pending_.push_back(RejectedRecord{
            origin, "JSON document larger than the " + format_size(max_bytes_) +
                        " record limit (only arrays of articles are streamed); skipped"});
        return;
    }
    repaired_ += repair_utf8(text);
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e99999
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        pending_.push_back(RejectedRecord{origin, "invalid JSON: " + what});
        return;
    }
    if (doc.is_object()) {
        for (const char* key : kListKeys) {
            auto it = doc.find(key);
            if (it == doc.end() || !it->is_array()) continue;
            size_t i = 0;
            for (const auto& item : *it) {
                ++i;
                pending_.push_back(
                    map_.convert(item, origin + " (" + key + "[" + std::to_string(i) + "])"));
            }
            return;
        }
    }
    pending_.push_back(map_.convert(doc, origin));
}

}  // namespace attache::readers
