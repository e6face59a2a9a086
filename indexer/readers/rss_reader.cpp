#include "indexer/readers/rss_reader.h"

#include "common/text.h"
#include "indexer/readers/dom_text.h"

namespace attache::readers {

namespace {

// Text of an item field that may carry escaped HTML (titles often do: "Talks &amp;amp; more").
std::string field_text(const xmlNode* node) {
    if (!node) return "";
    const std::string text = inline_text(node);
    return looks_like_html(text) ? html_inline_text(text) : text;
}

}  // namespace

bool RssReader::wanted(std::string_view name, int depth) const {
    return name == "item" ||
           (depth == 2 && (name == "title" || name == "link" || name == "language"));
}

std::optional<Article> RssReader::article(const xmlNode* node) {
    const std::string_view name = local_name(node);
    if (name != "item") {
        if (!is_element(node->parent, "channel")) return std::nullopt;
        std::string& slot = name == "title"  ? channel_title_
                            : name == "link" ? channel_link_
                                             : channel_lang_;
        if (slot.empty()) slot = inline_text(node);
        return std::nullopt;
    }
    Article a;
    a.title = field_text(child(node, "title"));
    a.id = inline_text(child(node, "guid"));
    std::string link = inline_text(child(node, "link"));
    const xmlNode* guid = child(node, "guid");
    if (link.empty() && guid && attribute(guid, "isPermaLink") != "false") link = a.id;
    a.url = resolve_url(channel_link_, link);
    for (const char* date : {"pubDate", "date", "published", "updated"}) {
        if (!a.published.empty()) break;
        a.published = inline_text(child(node, date));
    }
    const xmlNode* content = child(node, "encoded");
    if (!content || inline_text(content).empty()) content = child(node, "description");
    a.body = content_text(content);
    for (const char* who : {"creator", "author"}) {
        if (!a.author.empty()) break;
        a.author = inline_text(child(node, who));
    }
    a.source = inline_text(child(node, "source"));
    if (a.source.empty()) a.source = channel_title_;
    a.lang = channel_lang_;
    return a;
}

}  // namespace attache::readers
