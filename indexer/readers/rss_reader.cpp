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

Record RssReader::next() {
    while (!finished_) {
        const xmlNode* node = xml_.next([](std::string_view name, int depth) {
            return name == "item" ||
                   (depth == 2 && (name == "title" || name == "link" || name == "language"));
        });
        if (!node) {
            finished_ = true;
            repaired_ += xml_.repaired();
            if (!xml_.error().empty()) return xml_.failure();
            if (xml_.root() != "rss" && xml_.root() != "RDF" && items_ == 0)
                return RejectedRecord{in_.name(),
                                      "not an RSS feed (root element <" + xml_.root() + ">)"};
            break;
        }
        const std::string_view name = local_name(node);
        if (name != "item") {
            if (!is_element(node->parent, "channel")) continue;
            std::string& slot = name == "title"  ? channel_title_
                                : name == "link" ? channel_link_
                                                 : channel_lang_;
            if (slot.empty()) slot = inline_text(node);
            continue;
        }
        ++items_;
        Article a;
        a.origin = in_.name() + ":" + std::to_string(xml_.line());
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
        repaired_ += repair_utf8(a.title) + repair_utf8(a.body);
        if (a.title.empty() && a.body.empty())
            return RejectedRecord{a.origin, "item has neither a title nor a description"};
        return a;
    }
    return std::monostate{};
}

}  // namespace attache::readers
