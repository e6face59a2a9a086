// Reading text out of libxml2 trees, for the XML and HTML readers: child lookup by local name
// (namespaces ignored), inline text with whitespace collapsed, block text with paragraphs
// kept, HTML fragments (RSS descriptions, Atom html content) turned into text with entities
// decoded, and links resolved against a base. Entity references are never expanded: their
// nodes are skipped (see xml_stream.h on why entity expansion is off).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace attache::readers {

std::string_view local_name(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view local);

const xmlNode* child(const xmlNode* parent, std::string_view local);
std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view local);
// The first descendant (depth first) with that local name.
const xmlNode* descendant(const xmlNode* root, std::string_view local);
std::string attribute(const xmlNode* node, const char* name);
// The xml:lang in effect at `node` ("" when none).
std::string node_lang(const xmlNode* node);
// A string libxml2 allocated, copied and freed ("" for nullptr).
std::string xml_string(xmlChar* owned);

// The text under `node` on one line: whitespace runs become one space, trimmed.
std::string inline_text(const xmlNode* node);
// The text under `node` as paragraphs separated by a blank line: block elements (p, div, li,
// h1-h6, br ...) end a paragraph; script, style and similar are dropped.
std::string block_text(const xmlNode* node);

// The text and CDATA under `node` exactly as written (markup inside a CDATA section or
// escaped markup stays markup).
std::string raw_text(const xmlNode* node);
// An element whose content is HTML, escaped or in CDATA (RSS description, Atom type="html")
// or as child elements (XHTML), as block text.
std::string content_text(const xmlNode* node);

// An HTML fragment ("<p>Talks &amp; more</p>") as block text, and on one line.
std::string html_fragment_text(std::string_view html);
std::string html_inline_text(std::string_view html);
// True when `s` looks like markup rather than plain text.
bool looks_like_html(std::string_view s);

// `link` resolved against `base` (either may be empty); `link` as it is when that fails.
// Paragraphs of plain text: blank lines separate them, other whitespace collapses.
std::vector<std::string> split_paragraphs(std::string_view text);

std::string resolve_url(const std::string& base, const std::string& link);

}  // namespace attache::readers
