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

std::string node_base(const xmlNode* node) {
    xmlChar* base = xmlNodeGetBase(node->doc, node);
    if (!base) return "";
    std::string out(reinterpret_cast<const char*>(base));
    xmlFree(base);
    return out;
}

std::string node_lang(const xmlNode* node) {
    xmlChar* lang = xmlNodeGetLang(node);
    if (!lang) return "";
    std::string out(reinterpret_cast<const char*>(lang));
    xmlFree(lang);
    return out;
}

}  // namespace

Record AtomReader::next() {
    while (!finished_) {
        const xmlNode* node = xml_.next([](std::string_view name, int depth) {
            return (depth == 1 && (name == "entry" || name == "title" || name == "link"));
        });
        if (!node) {
            finished_ = true;
            repaired_ += xml_.repaired();
            if (!xml_.error().empty()) return xml_.failure();
            if (xml_.root() != "feed" && entries_ == 0)
                return RejectedRecord{in_.name(),
                                      "not an Atom feed (root element <" + xml_.root() + ">)"};
            break;
        }
        const std::string_view name = local_name(node);
        if (name == "title") {
            if (feed_title_.empty()) feed_title_ = text_construct(node, false);
            continue;
        }
        if (name == "link") {
            const std::string rel = attribute(node, "rel");
            if (feed_link_.empty() && (rel.empty() || rel == "alternate"))
                feed_link_ = attribute(node, "href");
            continue;
        }
        ++entries_;
        Article a;
        a.origin = in_.name() + ":" + std::to_string(xml_.line());
        a.id = inline_text(child(node, "id"));
        a.title = text_construct(child(node, "title"), false);
        std::string base = node_base(node);
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
        repaired_ += repair_utf8(a.title) + repair_utf8(a.body);
        if (a.title.empty() && a.body.empty())
            return RejectedRecord{a.origin, "entry has neither a title nor content"};
        return a;
    }
    return std::monostate{};
}

}  // namespace attache::readers
