#include "searcher/formats/text_format.h"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <utility>

#include "schema/fields.h"

namespace attache::formats {

namespace {

const char* on(const TextStyle& s, const char* code) {
    return s.color ? code : "";
}
const char* off(const TextStyle& s) {
    return s.color ? "\033[0m" : "";
}
constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kHighlight = "\033[1;33m";

// The entities the snippet's HTML escaping writes, and the characters they stand for.
constexpr std::pair<std::string_view, char> kEntities[] = {
    {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

}  // namespace

std::string snippet_to_text(const std::string& html, const TextStyle& style) {
    std::string out;
    out.reserve(html.size());
    for (size_t i = 0; i < html.size();) {
        auto starts = [&](std::string_view s) { return html.compare(i, s.size(), s) == 0; };
        const auto* entity = std::find_if(std::begin(kEntities), std::end(kEntities),
                                          [&](const auto& e) { return starts(e.first); });
        if (starts("<b>")) {
            out += on(style, kHighlight);
            i += 3;
        } else if (starts("</b>")) {
            out += off(style);
            i += 4;
        } else if (entity != std::end(kEntities)) {
            out += entity->second;
            i += entity->first.size();
        } else if (html[i] == '\n') {
            // Paragraph breaks inside a snippet read as one space on a single line.
            if (out.empty() || out.back() != ' ') out += ' ';
            ++i;
        } else {
            out += html[i++];
        }
    }
    return out;
}

void write_search_text(std::ostream& out, const SearchResult& r, const TextStyle& st) {
    char took[32];
    std::snprintf(took, sizeof took, "%.1f ms", r.took_ms);
    for (const auto& shard : r.missing_shards)
        out << "warning: partial results, shard " << shard << "\n";
    const char* matches = r.total == 1 ? " article matches" : " articles match";
    if (r.total == 0) {
        out << "No articles match (" << took << ")\n";
        if (!r.suggestion.empty()) out << "Did you mean: " << r.suggestion << "\n";
    } else if (r.hits.empty() && r.limit == 0) {
        out << r.total << matches << " (" << took << ")\n";
    } else if (r.hits.empty()) {
        out << r.total << matches << "; none at offset " << r.offset << " (" << took << ")\n";
    } else {
        out << r.total << matches << ", showing " << r.hits.front().rank << "-"
            << r.hits.back().rank << " (" << took << ")\n";
    }
    for (const auto& h : r.hits) {
        const auto& a = h.article;
        out << "\n" << on(st, kBold) << h.rank << ". " << a.title << off(st) << "\n";
        std::vector<std::string> meta;
        if (!a.published.empty()) meta.push_back(a.published.substr(0, 10));
        if (!a.source.empty()) meta.push_back(a.source);
        meta.push_back("id " + a.id);
        out << "   " << on(st, kDim) << join(meta, " | ") << off(st) << "\n";
        const std::string snippet = snippet_to_text(h.snippet, st);
        if (!snippet.empty()) out << "   " << snippet << "\n";
        if (!a.url.empty()) out << "   " << on(st, kDim) << a.url << off(st) << "\n";
    }
    for (const auto& f : r.facets) {
        out << "\n" << on(st, kBold) << f.field << off(st);
        if (f.overflowed)
            out << " (counts may be low by up to " << f.overflowed << ": see docs/output.md)";
        out << "\n";
        if (f.values.empty()) out << "  (none)\n";
        std::vector<std::string> labels;
        size_t width = 0;
        for (const auto& v : f.values) {
            std::string label =
                v.name.empty() || v.name == v.id ? v.id : v.name + " [" + v.id + "]";
            width = std::max(width, label.size());
            labels.push_back(std::move(label));
        }
        // Date histograms get a bar per value on a terminal.
        const bool histogram = st.color && schema::field(f.field).chronological;
        Xapian::doccount most = 1;
        for (const auto& v : f.values) most = std::max(most, v.count);
        for (size_t i = 0; i < f.values.size(); ++i) {
            out << "  " << labels[i] << std::string(width - labels[i].size() + 2, ' ');
            if (histogram) {
                const std::string count = std::to_string(f.values[i].count);
                out << std::string(6 > count.size() ? 6 - count.size() : 0, ' ') << count << " ";
                const size_t bar = (f.values[i].count * 40 + most - 1) / most;
                for (size_t b = 0; b < bar; ++b) out << "\u2588";
                out << "\n";
            } else {
                out << f.values[i].count << "\n";
            }
        }
    }
}

void write_article_text(std::ostream& out, const schema::StoredArticle& a, const TextStyle& st) {
    out << on(st, kBold) << a.title << off(st) << "\n";
    out << "id:        " << a.id << "\n";
    if (!a.published.empty()) out << "published: " << a.published << "\n";
    if (!a.source.empty()) out << "source:    " << a.source << "\n";
    if (!a.url.empty()) out << "url:       " << a.url << "\n";
    if (!a.author.empty()) out << "author:    " << a.author << "\n";
    if (!a.lang.empty()) out << "lang:      " << a.lang << "\n";
    for (const std::string& kind : schema::stored_entity_kinds()) {
        auto it = a.entities.find(kind);
        if (it == a.entities.end() || it->second.empty()) continue;
        std::vector<std::string> items;
        for (const auto& e : it->second) {
            std::string item = e.name + " [" + e.id + "]";
            if (!e.roles.empty())
                item +=
                    " (" + join(e.roles, ", ") + (e.country.empty() ? "" : ", " + e.country) + ")";
            if (e.count > 1) item += " x" + std::to_string(e.count);
            items.push_back(item);
        }
        std::string label = std::string(kind) + ":";
        label.resize(11, ' ');
        out << label << join(items, "; ") << "\n";
    }
    out << "\n" << a.body << "\n";
}

}  // namespace attache::formats
