// Which reader takes a stream: decided from its first bytes (a JSON object or array, the root
// element of an XML document, an HTML page, text), with the file name's extension only breaking
// ties the content leaves open. `--format` overrides it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attache::readers {

enum class Format { jsonl, json, rss, atom, nitf, newsml, html, text };

// "jsonl", "rss" ... as accepted by --format and printed in messages.
std::string_view format_name(Format f);
std::optional<Format> parse_format(std::string_view name);
// All names, comma-separated, for help and error messages.
std::string format_names();

struct Detection {
    std::optional<Format> format;  // empty: not a format we read
    std::string why_not;           // when empty: "binary data", "gzip data inside an archive" ...
};

// `head` is the first bytes of the (decompressed) stream, `name` its file or member name.
Detection detect_format(std::string_view head, std::string_view name);

// How many leading bytes detect_format wants to see.
constexpr size_t kSniffBytes = 16 * 1024;

}  // namespace attache::readers
