#include "indexer/readers/atom_reader.h"

#include "common/text.h"
#include "indexer/readers/dom_text.h"

namespace attache::readers {

namespace {

// An Atom text construct: type="text" (default) is plain, "html" is escaped HTML, "xhtml" is
// a <div> of XHTML elements.
std::string text_construct(const xmlNode* node, bool block) {
    if (!node) return "";
    const std::string type = attribute(node, "type");
    if (type == "html" || type == "xhtml" || type == "text/html") {
        return block ? content_text(node) : html_inline_text(raw_text(node));
    }
    return block ? html_fragment_text(raw_text(node)) : inline_text(node);
}

// The href of the rel="alternate" link (or of a link with no rel), else of the first link.
std::string alternate_link(const xmlNode* parent) {
    std::string first;
    for (const xmlNode* link : children(parent, "link")) {
        const std::string rel = attribute(link, "rel");
        const std::string href = attribute(link, "href");
        if (rel.empty() || rel == "alternate") return href;
        if (first.empty()) first = href;
    }
    return first;
}

}  // namespace

bool AtomReader::wanted(std::string_view name, int depth) const {
    return depth == 1 && (name == "entry" || name == "title" || name == "link");
}

std::optional<Article> AtomReader::article(const xmlNode* node) {
    const std::string_view name = local_name(node);
    if (name == "title") {
        if (feed_title_.empty()) feed_title_ = text_construct(node, false);
        return std::nullopt;
    }
    if (name == "link") {
        const std::string rel = attribute(node, "rel");
        if (feed_link_.empty() && (rel.empty() || rel == "alternate"))
            feed_link_ = attribute(node, "href");
        return std::nullopt;
    }
    Article a;
    a.id = inline_text(child(node, "id"));
    a.title = text_construct(child(node, "title"), false);
    std::string base = xml_string(xmlNodeGetBase(node->doc, node));
    if (base.empty() || base == in_.name()) base = feed_link_;
    a.url = resolve_url(base, alternate_link(node));
    a.published = inline_text(child(node, "published"));
    if (a.published.empty()) a.published = inline_text(child(node, "updated"));
    const xmlNode* content = child(node, "content");
    a.body = text_construct(content, true);
    if (a.body.empty()) a.body = text_construct(child(node, "summary"), true);
    a.author = inline_text(child(child(node, "author"), "name"));
    a.source = text_construct(child(child(node, "source"), "title"), false);
    if (a.source.empty()) a.source = feed_title_;
    a.lang = node_lang(node);
    return a;
}

}  // namespace attache::readers
