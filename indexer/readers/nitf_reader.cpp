#include "indexer/readers/nitf_reader.h"

#include "common/text.h"
#include "indexer/readers/dom_text.h"

namespace attache::readers {

namespace {

// "By BERNARD CONDON, AP Business Writer" -> "BERNARD CONDON"; the byline's title (<byttl>)
// is dropped.
std::string byline_author(const xmlNode* byline) {
    if (!byline) return "";
    std::string out;
    for (const xmlNode* n = byline->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) out += reinterpret_cast<const char*>(n->content);
        if (is_element(n, "person")) out += inline_text(n);
    }
    out = trim(out);
    if (out.rfind("By ", 0) == 0 || out.rfind("by ", 0) == 0 || out.rfind("BY ", 0) == 0)
        out = trim(out.substr(3));
    while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
    return out;
}

bool digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string expand_basic_iso_date(const std::string& date) {
    const std::string_view d = date;
    if (d.size() < 15 || d[8] != 'T' || !digits(d.substr(0, 8)) || !digits(d.substr(9, 6)))
        return date;
    std::string out = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2) + "T" +
                      date.substr(9, 2) + ":" + date.substr(11, 2) + ":" + date.substr(13, 2);
    const std::string_view zone = d.substr(15);
    if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && digits(zone.substr(1)))
        return out + std::string(zone.substr(0, 3)) + ":" + std::string(zone.substr(3));
    return out + std::string(zone);
}

Article nitf_article(const xmlNode* nitf) {
    Article a;
    const xmlNode* head = child(nitf, "head");
    const xmlNode* docdata = child(head, "docdata");
    const xmlNode* body = child(nitf, "body");
    const xmlNode* body_head = child(body, "body.head");
    a.id = attribute(child(docdata, "doc-id"), "id-string");
    a.title = inline_text(child(child(body_head, "hedline"), "hl1"));
    if (a.title.empty()) a.title = inline_text(child(head, "title"));
    a.published = attribute(child(docdata, "date.issue"), "norm");
    if (a.published.empty()) a.published = attribute(child(head, "pubdata"), "date.publication");
    if (a.published.empty()) a.published = attribute(child(docdata, "date.release"), "norm");
    a.source = attribute(child(head, "pubdata"), "name");
    if (a.source.empty()) a.source = inline_text(child(body_head, "distributor"));
    if (a.source.empty()) a.source = attribute(child(docdata, "doc.copyright"), "holder");
    a.author = byline_author(child(body_head, "byline"));
    a.url = attribute(child(head, "pubdata"), "ex-ref");
    a.lang = node_lang(nitf);
    a.body = block_text(child(body, "body.content"));
    a.published = expand_basic_iso_date(a.published);
    return a;
}

bool NitfReader::wanted(std::string_view name, int) const {
    return name == "nitf";
}

std::optional<Article> NitfReader::article(const xmlNode* node) {
    return nitf_article(node);
}

}  // namespace attache::readers
