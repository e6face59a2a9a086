#include "indexer/readers/format_detect.h"

#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

#include "common/text.h"

namespace attache::readers {

namespace {

constexpr std::array<std::pair<Format, std::string_view>, 8> kNames = {{
    {Format::jsonl, "jsonl"},
    {Format::json, "json"},
    {Format::rss, "rss"},
    {Format::atom, "atom"},
    {Format::nitf, "nitf"},
    {Format::newsml, "newsml"},
    {Format::html, "html"},
    {Format::text, "text"},
}};

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::string extension(std::string_view name) {
    // "x.xml.gz" was decompressed already: look at the name without a compression suffix.
    std::string n = ascii_lower(
        name.substr(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1));
    for (std::string_view z : {".gz", ".bz2", ".xz", ".zst", ".zstd"}) {
        if (n.size() > z.size() && n.compare(n.size() - z.size(), z.size(), z) == 0) {
            n.resize(n.size() - z.size());
            break;
        }
    }
    const auto dot = n.rfind('.');
    return dot == std::string::npos ? "" : n.substr(dot + 1);
}

// Magic numbers of data we recognise but do not read, for a better message than "binary".
std::string_view known_binary(std::string_view head) {
    if (starts_with(head, "\x1f\x8b")) return "gzip data (nested compression is not read)";
    if (starts_with(head, "BZh")) return "bzip2 data (nested compression is not read)";
    if (starts_with(head,
                    "\xfd"
                    "7zXZ"))
        return "xz data (nested compression is not read)";
    if (starts_with(head, "\x28\xb5\x2f\xfd")) return "zstd data (nested compression is not read)";
    if (starts_with(head, "PK\x03\x04")) return "a zip archive inside an archive";
    if (starts_with(head, "%PDF")) return "a PDF document";
    return "";
}

// Mostly control bytes (other than whitespace) or NULs: not text in any encoding we read.
bool looks_binary(std::string_view head) {
    size_t control = 0;
    for (unsigned char c : head) {
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return control * 20 > head.size();  // more than 5%
}

// The name of the root element of an XML document (without its namespace prefix), skipping
// the declaration, comments, processing instructions and the doctype. Empty if none is seen.
std::string root_element(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        i = s.find('<', i);
        if (i == std::string_view::npos || i + 1 >= s.size()) return "";
        const char c = s[i + 1];
        if (c == '?') {
            i = s.find("?>", i);
        } else if (starts_with(s.substr(i), "<!--")) {
            i = s.find("-->", i);
        } else if (c == '!') {
            // <!DOCTYPE html ...> is an HTML page whatever follows; other doctypes are skipped,
            // with their internal subset if they have one.
            std::string decl = ascii_lower(s.substr(i, 15));
            if (starts_with(decl, "<!doctype html")) return "html";
            const size_t bracket = s.find('[', i), close = s.find('>', i);
            if (bracket != std::string_view::npos && bracket < close) {
                i = s.find("]>", i);
            } else {
                i = close;
            }
        } else {
            size_t end = i + 1;
            while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end])) &&
                   s[end] != '>' && s[end] != '/')
                ++end;
            std::string name(s.substr(i + 1, end - i - 1));
            if (auto colon = name.find(':'); colon != std::string::npos)
                name = name.substr(colon + 1);
            return name;
        }
        if (i == std::string_view::npos) return "";
        ++i;
    }
    return "";
}

std::optional<Format> xml_format(std::string_view head) {
    const std::string root = root_element(head);
    const std::string lower = ascii_lower(root);
    if (lower == "rss" || lower == "rdf") return Format::rss;
    if (root == "feed") return Format::atom;
    if (root == "nitf") return Format::nitf;
    if (root == "newsMessage" || root == "newsItem" || root == "NewsML") return Format::newsml;
    if (lower == "html" || lower == "head" || lower == "body") return Format::html;
    return std::nullopt;
}

}  // namespace

std::string_view format_name(Format f) {
    for (const auto& [format, name] : kNames)
        if (format == f) return name;
    return "?";
}

std::optional<Format> parse_format(std::string_view name) {
    const std::string lower = ascii_lower(name);
    for (const auto& [format, n] : kNames)
        if (n == lower) return format;
    if (lower == "ndjson") return Format::jsonl;
    if (lower == "txt") return Format::text;
    if (lower == "newsml-g2" || lower == "g2") return Format::newsml;
    return std::nullopt;
}

std::string format_names() {
    std::string out;
    for (const auto& [format, name] : kNames) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

Detection detect_format(std::string_view head, std::string_view name) {
    if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
    const std::string ext = extension(name);
    if (auto what = known_binary(head); !what.empty()) return {std::nullopt, std::string(what)};
    const size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        // Empty or blank: nothing to read, but not an error. The extension picks a reader
        // that will find no records.
        if (ext == "jsonl" || ext == "ndjson" || ext == "jl") return {Format::jsonl, ""};
        return {Format::text, ""};
    }
    if (looks_binary(head)) return {std::nullopt, "binary data"};
    const std::string_view body = head.substr(first);
    if (body[0] == '[') return {Format::json, ""};
    if (body[0] == '{') {
        // One object per line is JSON Lines; an object spread over lines is one JSON document.
        const size_t eol = body.find('\n');
        if (eol == std::string_view::npos && head.size() == kSniffBytes)
            return {Format::jsonl, ""};  // a first line longer than the sniff window
        const std::string_view line = body.substr(0, eol);
        if (nlohmann::json::accept(line)) return {Format::jsonl, ""};
        // A broken first line in a JSON Lines dump: other lines also open an object at their
        // first column, which a pretty-printed document's inner lines never do.
        if (eol != std::string_view::npos && body.find("\n{", eol) != std::string_view::npos)
            return {Format::jsonl, ""};
        if (ext == "jsonl" || ext == "ndjson" || ext == "jl") return {Format::jsonl, ""};
        return {Format::json, ""};
    }
    if (body[0] == '<') {
        if (auto f = xml_format(body)) return {f, ""};
        if (ext == "rss") return {Format::rss, ""};
        if (ext == "atom") return {Format::atom, ""};
        if (ext == "nitf") return {Format::nitf, ""};
        if (ext == "html" || ext == "htm" || ext == "xhtml") return {Format::html, ""};
        // Tag soup that starts like HTML is a fragment or a page without <html>; any other
        // root (<REUTERS>, <RBNews>) is markup of a format we do not read.
        const std::string root = ascii_lower(root_element(body));
        static const char* const kHtmlStarts[] = {
            "",        "div",  "p",    "span",  "table", "h1",     "h2",        "h3",     "article",
            "section", "main", "meta", "title", "link",  "script", "style",     "a",      "img",
            "ul",      "ol",   "br",   "b",     "i",     "em",     "strong",    "header", "nav",
            "center",  "font", "form", "body",  "head",  "html",   "blockquote"};
        for (const char* tag : kHtmlStarts)
            if (root == tag) return {Format::html, ""};
        return {std::nullopt,
                "markup with root element <" + root_element(body) + ">, not a news format"};
    }
    return {Format::text, ""};
}

}  // namespace attache::readers
