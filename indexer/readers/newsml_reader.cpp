#include "indexer/readers/newsml_reader.h"

#include "common/text.h"
#include "indexer/readers/dom_text.h"
#include "indexer/readers/nitf_reader.h"

namespace attache::readers {

namespace {

std::string first_of(std::initializer_list<std::string> values) {
    for (const auto& v : values)
        if (!v.empty()) return v;
    return "";
}

// A G2 "flex" property: its <name> child, else its literal attribute, else its text.
std::string flex_name(const xmlNode* node) {
    if (!node) return "";
    return first_of(
        {inline_text(child(node, "name")), attribute(node, "literal"), inline_text(node)});
}

std::string g2_body(const xmlNode* item) {
    const xmlNode* set = child(item, "contentSet");
    for (const xmlNode* n = set ? set->children : nullptr; n; n = n->next) {
        if (is_element(n, "inlineXML")) {
            // NITF inside inlineXML: only its body.content is the text.
            if (const xmlNode* content = descendant(n, "body.content")) return block_text(content);
            if (const xmlNode* body = descendant(n, "body")) return block_text(body);
            return block_text(n);
        }
        if (is_element(n, "inlineData")) return content_text(n);
    }
    return "";
}

Article g2_article(const xmlNode* item) {
    Article a;
    const xmlNode* meta = child(item, "itemMeta");
    const xmlNode* content = child(item, "contentMeta");
    a.id = attribute(item, "guid");
    a.title = inline_text(child(content, "headline"));
    if (a.title.empty()) a.title = inline_text(child(content, "slugline"));
    a.published = first_of({inline_text(child(meta, "firstCreated")),
                            inline_text(child(content, "contentCreated")),
                            inline_text(child(meta, "versionCreated"))});
    a.source =
        first_of({flex_name(child(meta, "provider")), inline_text(child(content, "creditline")),
                  flex_name(child(child(item, "rightsInfo"), "copyrightHolder"))});
    a.author = flex_name(child(content, "creator"));
    if (a.author.empty()) a.author = inline_text(child(content, "by"));
    a.lang = attribute(child(content, "language"), "tag");
    if (a.lang.empty()) a.lang = node_lang(item);
    for (const xmlNode* link : children(meta, "link")) {
        const std::string rel = attribute(link, "rel");
        if (rel.find("canonical") != std::string::npos || rel.find("self") != std::string::npos)
            a.url = attribute(link, "href");
    }
    a.body = g2_body(item);
    return a;
}

// NewsML 1.x: metadata spread over Identification, NewsManagement and NewsComponents.
Article newsml1_article(const xmlNode* item) {
    Article a;
    a.id = inline_text(descendant(item, "PublicIdentifier"));
    a.title = inline_text(descendant(item, "HeadLine"));
    a.published = inline_text(descendant(item, "FirstCreated"));
    if (a.published.empty()) a.published = inline_text(descendant(item, "ThisRevisionCreated"));
    a.published = expand_basic_iso_date(a.published);
    a.source = attribute(descendant(descendant(item, "Provider"), "Party"), "FormalName");
    a.lang = attribute(descendant(item, "Language"), "FormalName");
    a.author = inline_text(descendant(item, "ByLine"));
    if (const xmlNode* data = descendant(item, "DataContent")) {
        if (const xmlNode* nitf = descendant(data, "nitf")) {
            Article inner = nitf_article(nitf);
            a.body = inner.body;
            if (a.title.empty()) a.title = inner.title;
        } else {
            a.body = content_text(data);
        }
    }
    return a;
}

bool is_text_item(const xmlNode* item) {
    const std::string cls = attribute(child(child(item, "itemMeta"), "itemClass"), "qcode");
    return cls.empty() || cls.find("text") != std::string::npos;
}

}  // namespace

bool NewsmlReader::wanted(std::string_view name, int) const {
    return name == "newsItem" || name == "NewsItem";
}

std::optional<Article> NewsmlReader::article(const xmlNode* node) {
    if (local_name(node) != "newsItem") return newsml1_article(node);
    if (!is_text_item(node)) return std::nullopt;
    return g2_article(node);
}

}  // namespace attache::readers
