#include "indexer/readers/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include "common/text.h"

namespace attache::readers {

using nlohmann::json;

Record parse_json_article(const std::string& text, const std::string& origin,
                          const JsonFieldMap& map) {
    json obj;
    try {
        obj = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e99999
        // nlohmann's message is "[json.exception.parse_error.101] parse error at line 1,
        // column 12: ..."; keep the part after the exception tag.
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        return RejectedRecord{origin, "invalid JSON: " + what};
    }
    return map.convert(obj, origin);
}

JsonlReader::JsonlReader(ByteStream& in, const ReaderOptions& options)
    : in_(in), map_(options.json_map), max_bytes_(options.max_record_bytes) {}

JsonlReader::JsonlReader(std::istream& in, std::string name)
    : owned_(std::make_unique<IstreamByteStream>(in, std::move(name))),
      in_(*owned_),
      max_bytes_(ReaderOptions{}.max_record_bytes) {}

Record JsonlReader::next() {
    bool too_long = false;
    while (in_.read_line(buffer_, max_bytes_, too_long)) {
        ++line_;
        const std::string origin = in_.name() + ":" + std::to_string(line_);
        if (too_long)
            return RejectedRecord{origin, "line longer than the " + format_size(max_bytes_) +
                                              " record limit; skipped"};
        if (line_ == 1 && buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) buffer_.erase(0, 3);  // BOM
        if (buffer_.find_first_not_of(" \t") == std::string::npos) continue;
        repaired_ += repair_utf8(buffer_);
        return parse_json_article(buffer_, origin, map_);
    }
    return std::monostate{};
}

}  // namespace attache::readers
