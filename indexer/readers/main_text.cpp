#include "indexer/readers/main_text.h"

#include <array>
#include <cctype>
#include <map>
#include <string_view>

#include "common/text.h"
#include "indexer/readers/dom_text.h"

namespace attache::readers {

namespace {

constexpr std::array<std::string_view, 20> kNeverText = {
    "script", "style",  "noscript", "template", "iframe", "svg",    "object",
    "embed",  "select", "button",   "nav",      "header", "footer", "aside",
    "form",   "head",   "figure",   "canvas",   "video",  "audio"};

constexpr std::array<std::string_view, 24> kBoilerplateWords = {
    "nav",        "menu",        "footer", "sidebar", "comment",   "comments",
    "share",      "sharing",     "social", "advert",  "ad",        "ads",
    "promo",      "related",     "cookie", "cookies", "subscribe", "newsletter",
    "breadcrumb", "breadcrumbs", "popup",  "modal",   "banner",    "toolbar"};

constexpr std::array<std::string_view, 12> kBlocks = {
    "p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section"};

bool in(std::string_view name, const auto& list) {
    for (std::string_view n : list)
        if (n == name) return true;
    return false;
}

// True when the class or id, split into words, names a kind of boilerplate.
bool boilerplate_attribute(const xmlNode* n) {
    for (const char* attr : {"class", "id", "role"}) {
        std::string value = ascii_lower(attribute(n, attr));
        if (attr == std::string_view("role") &&
            (value == "navigation" || value == "banner" || value == "complementary" ||
             value == "contentinfo"))
            return true;
        size_t i = 0;
        while (i < value.size()) {
            while (i < value.size() && !std::isalpha(static_cast<unsigned char>(value[i]))) ++i;
            size_t j = i;
            while (j < value.size() && std::isalpha(static_cast<unsigned char>(value[j]))) ++j;
            if (j > i && in(std::string_view(value).substr(i, j - i), kBoilerplateWords))
                return true;
            i = j;
        }
    }
    return false;
}

bool skipped(const xmlNode* n) {
    return n->type == XML_ELEMENT_NODE &&
           (in(local_name(n), kNeverText) || boilerplate_attribute(n) ||
            !attribute(n, "hidden").empty() || attribute(n, "aria-hidden") == "true");
}

// Characters (code points, so CJK text counts like Latin) directly under `n`, in text nodes and
// inline elements but not in its block children. Link text does not count: lists of links are
// navigation, related stories or rankings, not the article.
size_t own_text_length(const xmlNode* n) {
    size_t len = 0;
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const char* p = reinterpret_cast<const char*>(c->content); p && *p; ++p) {
                const auto byte = static_cast<unsigned char>(*p);
                if (!std::isspace(byte) && (byte & 0xC0) != 0x80) ++len;
            }
        } else if (c->type == XML_ELEMENT_NODE && !in(local_name(c), kBlocks) && !skipped(c) &&
                   local_name(c) != "a" && local_name(c) != "br" && local_name(c) != "ul" &&
                   local_name(c) != "ol" && local_name(c) != "table") {
            len += own_text_length(c);
        }
    }
    return len;
}

void score(const xmlNode* n, std::map<const xmlNode*, size_t>& scores) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || skipped(c)) continue;
        const size_t len = own_text_length(c);
        if (len >= 30 && in(local_name(c), kBlocks)) {
            const xmlNode* parent = local_name(c) == "p" || local_name(c) == "li" ? c->parent : c;
            scores[parent] += len;
            if (parent->parent && parent->parent->type == XML_ELEMENT_NODE)
                scores[parent->parent] += len / 2;
        }
        score(c, scores);
    }
}

const xmlNode* find_marked(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (attribute(c, "itemprop") == "articleBody") return c;
        if (const xmlNode* found = find_marked(c)) return found;
    }
    return nullptr;
}

void find_all(const xmlNode* n, std::string_view name, std::vector<const xmlNode*>& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (local_name(c) == name) out.push_back(c);
        find_all(c, name, out);
    }
}

void collect(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const char* p = reinterpret_cast<const char*>(c->content); p && *p; ++p) {
                if (std::isspace(static_cast<unsigned char>(*p))) {
                    if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
                } else {
                    out += *p;
                }
            }
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
            const std::string_view name = local_name(c);
            const bool block = in(name, kBlocks) || name == "br" || name == "h1" || name == "ul" ||
                               name == "ol" || name == "table" || name == "article";
            if (block && !out.empty() && out.back() != '\n') out += '\n';
            collect(c, out);
            if (block && !out.empty() && out.back() != '\n') out += '\n';
        }
    }
}

std::string paragraphs(const xmlNode* container) {
    std::string raw;
    collect(container, raw);
    std::string out;
    for (const auto& line : split(raw, '\n')) {
        const std::string t = trim(line);
        if (t.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += t;
    }
    return out;
}

}  // namespace

std::string main_text(const xmlNode* root) {
    if (!root) return "";
    if (const xmlNode* marked = find_marked(root)) {
        std::string text = paragraphs(marked);
        if (text.size() >= 80) return text;
    }
    std::map<const xmlNode*, size_t> scores;
    score(root, scores);
    std::vector<const xmlNode*> articles;
    find_all(root, "article", articles);
    const xmlNode* best = nullptr;
    size_t best_score = 0;
    // An <article> wins if it holds text; else the best scored element.
    for (const xmlNode* a : articles) {
        std::map<const xmlNode*, size_t> inner;
        score(a, inner);
        size_t total = 0;
        for (const auto& [node, s] : inner) total = std::max(total, s);
        if (total > best_score) {
            best = a;
            best_score = total;
        }
    }
    if (!best) {
        for (const auto& [node, s] : scores) {
            if (s > best_score) {
                best = node;
                best_score = s;
            }
        }
    }
    return best ? paragraphs(best) : "";
}

}  // namespace attache::readers
