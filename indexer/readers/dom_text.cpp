#include "indexer/readers/dom_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include <array>
#include <cstring>

namespace attache::readers {

namespace {

std::string_view as_view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Appends `text` to `out` with whitespace runs collapsed to one space.
void append_collapsed(std::string& out, std::string_view text) {
    for (char c : text) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        } else {
            out += c;
        }
    }
}

bool in_list(std::string_view name, const auto& list) {
    for (std::string_view n : list)
        if (n == name) return true;
    return false;
}

constexpr std::array<std::string_view, 34> kBlockElements = {
    "p",      "div",    "br",      "li",   "ul",       "ol",         "h1",         "h2",      "h3",
    "h4",     "h5",     "h6",      "hl1",  "hl2",      "blockquote", "section",    "article", "pre",
    "table",  "tr",     "dd",      "dt",   "dl",       "figure",     "figcaption", "block",   "hr",
    "header", "footer", "address", "main", "body.end", "nitf-table", "tagline"};
constexpr std::array<std::string_view, 12> kDroppedElements = {
    "script", "style", "noscript", "template", "iframe", "svg",
    "object", "embed", "select",   "button",   "head",   "media"};

void collect_block(const xmlNode* node, std::string& out) {
    for (const xmlNode* n = node->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            append_collapsed(out, as_view(n->content));
        } else if (n->type == XML_ELEMENT_NODE) {
            const std::string_view name = local_name(n);
            if (in_list(name, kDroppedElements)) continue;
            const bool block = in_list(name, kBlockElements);
            if (block) {
                while (!out.empty() && out.back() == ' ') out.pop_back();
                if (!out.empty() && out.back() != '\n') out += "\n";
            }
            collect_block(n, out);
            if (block) {
                while (!out.empty() && out.back() == ' ') out.pop_back();
                if (!out.empty() && out.back() != '\n') out += "\n";
            }
        }
        // Entity references (XML_ENTITY_REF_NODE) are skipped on purpose: no expansion.
    }
}

}  // namespace

std::vector<std::string> split_paragraphs(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r\f") == std::string_view::npos) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            if (!current.empty()) current += ' ';
            append_collapsed(current, line);
            while (!current.empty() && current.back() == ' ') current.pop_back();
            if (!current.empty() && current.front() == ' ') current.erase(0, 1);
        }
        start = end + 1;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::string_view local_name(const xmlNode* node) {
    return as_view(node->name);
}

bool is_element(const xmlNode* node, std::string_view local) {
    return node && node->type == XML_ELEMENT_NODE && local_name(node) == local;
}

const xmlNode* child(const xmlNode* parent, std::string_view local) {
    if (!parent) return nullptr;
    for (const xmlNode* n = parent->children; n; n = n->next)
        if (is_element(n, local)) return n;
    return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view local) {
    std::vector<const xmlNode*> out;
    if (!parent) return out;
    for (const xmlNode* n = parent->children; n; n = n->next)
        if (is_element(n, local)) out.push_back(n);
    return out;
}

const xmlNode* descendant(const xmlNode* root, std::string_view local) {
    if (!root) return nullptr;
    for (const xmlNode* n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (local_name(n) == local) return n;
        if (const xmlNode* d = descendant(n, local)) return d;
    }
    return nullptr;
}

std::string attribute(const xmlNode* node, const char* name) {
    if (!node || node->type != XML_ELEMENT_NODE) return "";
    for (const xmlAttr* a = node->properties; a; a = a->next) {
        if (std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
        std::string out;
        for (const xmlNode* t = a->children; t; t = t->next)
            if (t->type == XML_TEXT_NODE) out += as_view(t->content);
        return out;
    }
    return "";
}

std::string inline_text(const xmlNode* node) {
    if (!node) return "";
    std::string out;
    collect_block(node, out);
    for (char& c : out)
        if (c == '\n') c = ' ';
    std::string collapsed;
    append_collapsed(collapsed, out);
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    return collapsed;
}

std::string block_text(const xmlNode* node) {
    if (!node) return "";
    std::string raw;
    collect_block(node, raw);
    // One paragraph per line in `raw`; trim each and join with blank lines.
    std::string out;
    size_t start = 0;
    while (start <= raw.size()) {
        size_t end = raw.find('\n', start);
        if (end == std::string::npos) end = raw.size();
        std::string_view line(raw.data() + start, end - start);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        if (!line.empty()) {
            if (!out.empty()) out += "\n\n";
            out += line;
        }
        start = end + 1;
    }
    return out;
}

std::string raw_text(const xmlNode* node) {
    std::string out;
    if (!node) return out;
    for (const xmlNode* n = node->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            out += as_view(n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            out += raw_text(n);
        }
    }
    return out;
}

std::string content_text(const xmlNode* node) {
    if (!node) return "";
    for (const xmlNode* n = node->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) return block_text(node);
    return html_fragment_text(raw_text(node));
}

std::string html_inline_text(std::string_view html) {
    std::string text = html_fragment_text(html);
    std::string out;
    for (char& c : text)
        if (c == '\n') c = ' ';
    append_collapsed(out, text);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (!out.empty() && out.front() == ' ') out.erase(0, 1);
    return out;
}

bool looks_like_html(std::string_view s) {
    const size_t lt = s.find('<');
    if (lt == std::string_view::npos) return s.find('&') != std::string_view::npos;
    return lt + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[lt + 1])) ||
                                 s[lt + 1] == '/' || s[lt + 1] == '!');
}

std::string html_fragment_text(std::string_view html) {
    if (!looks_like_html(html)) {
        // Plain text: keep its paragraphs, collapse the rest of its whitespace.
        std::string out;
        for (const auto& para : split_paragraphs(html)) {
            if (!out.empty()) out += "\n\n";
            out += para;
        }
        return out;
    }
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT;
    // Wrapped in a div so that text before the first tag is kept by the parser.
    const std::string wrapped = "<div>" + std::string(html) + "</div>";
    htmlDocPtr doc =
        htmlReadMemory(wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8", options);
    if (!doc) return std::string(html);
    std::string out = block_text(reinterpret_cast<const xmlNode*>(doc));
    xmlFreeDoc(doc);
    return out;
}

std::string resolve_url(const std::string& base, const std::string& link) {
    if (link.empty() || base.empty()) return link;
    xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(link.c_str()),
                                 reinterpret_cast<const xmlChar*>(base.c_str()));
    return built ? xml_string(built) : link;
}

std::string xml_string(xmlChar* owned) {
    if (!owned) return "";
    std::string out(reinterpret_cast<const char*>(owned));
    xmlFree(owned);
    return out;
}

std::string node_lang(const xmlNode* node) {
    return xml_string(xmlNodeGetLang(node));
}

}  // namespace attache::readers
