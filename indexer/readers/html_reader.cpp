#include "indexer/readers/html_reader.h"

#include <libxml/HTMLparser.h>

#include <map>
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "indexer/readers/dom_text.h"
#include "indexer/readers/main_text.h"
#include "indexer/readers/nitf_reader.h"

namespace attache::readers {

namespace {

using nlohmann::json;

struct PageMeta {
    std::map<std::string, std::string> meta;  // lowercased name/property/itemprop -> content
    std::string canonical, base, lang, title_element, first_h1, time_datetime;
    std::vector<std::string> json_ld;
};

void scan(const xmlNode* n, PageMeta& page) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = local_name(c);
        if (name == "meta") {
            const std::string content = attribute(c, "content");
            for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
                const std::string k = ascii_lower(attribute(c, key));
                if (!k.empty() && !content.empty()) page.meta.emplace(k, trim(content));
            }
        } else if (name == "link") {
            if (ascii_lower(attribute(c, "rel")) == "canonical" && page.canonical.empty())
                page.canonical = trim(attribute(c, "href"));
        } else if (name == "base") {
            if (page.base.empty()) page.base = trim(attribute(c, "href"));
        } else if (name == "title") {
            if (page.title_element.empty()) page.title_element = inline_text(c);
        } else if (name == "h1") {
            if (page.first_h1.empty()) page.first_h1 = inline_text(c);
        } else if (name == "time") {
            if (page.time_datetime.empty()) page.time_datetime = trim(attribute(c, "datetime"));
        } else if (name == "script") {
            if (ascii_lower(attribute(c, "type")) == "application/ld+json")
                page.json_ld.push_back(raw_text(c));
            continue;
        } else if (name == "html") {
            page.lang = trim(attribute(c, "lang"));
        }
        scan(c, page);
    }
}

bool is_article_type(const json& type) {
    auto matches = [](const std::string& t) {
        return t.find("Article") != std::string::npos || t == "ReportageNews" ||
               t == "BlogPosting" || t == "Report";
    };
    if (type.is_string()) return matches(type.get<std::string>());
    if (type.is_array())
        for (const auto& t : type)
            if (t.is_string() && matches(t.get<std::string>())) return true;
    return false;
}

// The first schema.org Article-like object in a JSON-LD value (arrays and @graph searched).
const json* find_article(const json& v) {
    if (v.is_array()) {
        for (const auto& item : v)
            if (const json* found = find_article(item)) return found;
        return nullptr;
    }
    if (!v.is_object()) return nullptr;
    if (auto t = v.find("@type"); t != v.end() && is_article_type(*t)) return &v;
    if (auto g = v.find("@graph"); g != v.end()) return find_article(*g);
    return nullptr;
}

std::string ld_text(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) return "";
    const json* v = &*it;
    if (v->is_array() && !v->empty()) {
        std::string out;
        for (const auto& item : *v) {
            std::string s;
            if (item.is_string()) s = item.get<std::string>();
            if (item.is_object() && item.contains("name") && item["name"].is_string())
                s = item["name"].get<std::string>();
            if (s.empty()) continue;
            if (!out.empty()) out += ", ";
            out += s;
        }
        return trim(out);
    }
    if (v->is_object()) {
        for (const char* k : {"name", "@id", "url"})
            if (v->contains(k) && (*v)[k].is_string()) return trim((*v)[k].get<std::string>());
        return "";
    }
    return v->is_string() ? trim(v->get<std::string>()) : "";
}

std::string first_meta(const PageMeta& page, std::initializer_list<const char*> keys) {
    for (const char* key : keys)
        if (auto it = page.meta.find(key); it != page.meta.end() && !it->second.empty())
            return it->second;
    return "";
}

bool declares_charset(std::string_view page) {
    const std::string head = ascii_lower(page.substr(0, 4096));
    return head.find("charset") != std::string::npos || head.find("encoding=") != std::string::npos;
}

}  // namespace

Record read_html_page(std::string page, const std::string& name, size_t& repaired) {
    // Without a declared charset the page is taken as UTF-8, repaired first so that libxml2
    // does not fall back to Latin-1 at the first bad byte.
    const bool declared = declares_charset(page);
    if (!declared) repaired += repair_utf8(page);
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(page.data(), static_cast<int>(page.size()), name.c_str(),
                                    declared ? nullptr : "UTF-8", options);
    if (!doc || !xmlDocGetRootElement(doc)) {
        if (doc) xmlFreeDoc(doc);
        return RejectedRecord{name, "no HTML document could be parsed"};
    }
    const xmlNode* root = reinterpret_cast<const xmlNode*>(doc);
    PageMeta meta;
    scan(root, meta);

    json ld_article;
    for (const auto& text : meta.json_ld) {
        json parsed = json::parse(text, nullptr, false);
        if (parsed.is_discarded()) continue;
        if (const json* found = find_article(parsed)) {
            ld_article = *found;
            break;
        }
    }
    const bool has_ld = ld_article.is_object();
    auto ld = [&](const char* key) { return has_ld ? ld_text(ld_article, key) : std::string(); };

    Article a;
    a.origin = name;
    a.title = first_meta(meta, {"og:title"});
    if (a.title.empty()) a.title = ld("headline");
    if (a.title.empty()) a.title = first_meta(meta, {"twitter:title", "title", "dc.title"});
    if (a.title.empty()) a.title = meta.first_h1;
    if (a.title.empty()) a.title = meta.title_element;
    a.title = html_inline_text(a.title);
    a.published = first_meta(meta, {"article:published_time", "og:article:published_time",
                                    "datepublished", "published_time", "og:published_time"});
    if (a.published.empty()) a.published = ld("datePublished");
    if (a.published.empty())
        a.published =
            first_meta(meta, {"pubdate", "publishdate", "publish-date", "date", "dc.date.issued",
                              "dcterms.issued", "dc.date", "sailthru.date", "parsely-pub-date",
                              "article.published", "dcterms.created", "datecreated"});
    if (a.published.empty()) a.published = meta.time_datetime;
    a.published = expand_basic_iso_date(a.published);
    // A relative canonical link resolves against <base>, else the absolute og:url.
    const std::string og_url = first_meta(meta, {"og:url", "twitter:url"});
    std::string url = meta.canonical;
    if (url.empty()) url = og_url;
    if (url.empty()) url = ld("url");
    a.url = resolve_url(meta.base.empty() ? og_url : meta.base, url);
    a.source = first_meta(meta, {"og:site_name", "application-name"});
    if (a.source.empty() && has_ld) a.source = ld("publisher");
    a.author =
        first_meta(meta, {"author", "article:author", "byl", "dc.creator", "sailthru.author"});
    if (a.author.empty()) a.author = ld("author");
    if (a.author.rfind("By ", 0) == 0) a.author = trim(a.author.substr(3));
    a.lang = meta.lang;
    if (a.lang.empty()) a.lang = first_meta(meta, {"content-language", "og:locale", "language"});
    if (a.lang.empty()) a.lang = ld("inLanguage");

    a.body = main_text(xmlDocGetRootElement(doc));
    const std::string ld_body = ld("articleBody");
    if (a.body.size() < 200 && ld_body.size() > a.body.size()) a.body = html_fragment_text(ld_body);
    if (a.body.empty()) a.body = first_meta(meta, {"og:description", "description"});
    // The headline often opens the text as well.
    if (!a.title.empty() && a.body.rfind(a.title, 0) == 0) {
        const size_t cut = a.body.find_first_not_of("\n", a.title.size());
        if (cut != std::string::npos && a.body.compare(a.title.size(), 2, "\n\n") == 0)
            a.body.erase(0, cut);
    }
    xmlFreeDoc(doc);
    repaired += repair_utf8(a.title) + repair_utf8(a.body);
    if (a.title.empty() && a.body.empty())
        return RejectedRecord{name, "page has neither a title nor any text"};
    return a;
}

}  // namespace attache::readers
