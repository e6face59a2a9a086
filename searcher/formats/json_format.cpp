#include "searcher/formats/json_format.h"

#include <cmath>

namespace attache::formats {

using json = nlohmann::ordered_json;

json search_to_json(const SearchResult& r) {
    json hits = json::array();
    for (const auto& h : r.hits) {
        const auto& a = h.article;
        json entities = schema::entities_to_json(a, false);
        hits.push_back({{"rank", h.rank},
                        {"id", a.id},
                        {"score", h.score},
                        {"title", a.title},
                        {"url", a.url},
                        {"published", a.published},
                        {"source", a.source},
                        {"snippet", h.snippet},
                        {"entities", std::move(entities)}});
    }
    json facets = json::object();
    json overflow = json::object();
    for (const auto& f : r.facets) {
        json values = json::array();
        for (const auto& v : f.values) {
            json item = {{"id", v.id}};
            if (!v.name.empty()) item["name"] = v.name;
            item["count"] = v.count;
            values.push_back(std::move(item));
        }
        facets[f.field] = std::move(values);
        if (f.overflowed) overflow[f.field] = f.overflowed;
    }
    json out = {{"query", r.query},
                {"total", r.total},
                {"offset", r.offset},
                {"limit", r.limit},
                {"took_ms", std::round(r.took_ms * 1000.0) / 1000.0},
                {"hits", std::move(hits)},
                {"facets", std::move(facets)}};
    // Only present when a facet's counts may be low (docs/output.md).
    if (!overflow.empty()) out["facet_overflow"] = std::move(overflow);
    return out;
}

json article_to_json(const schema::StoredArticle& a) {
    return {{"id", a.id},
            {"title", a.title},
            {"url", a.url},
            {"published", a.published},
            {"source", a.source},
            {"lang", a.lang},
            {"author", a.author},
            {"body", a.body},
            {"entities", schema::entities_to_json(a, true)}};
}

std::string dump_compact(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}
std::string dump_pretty(const json& j) {
    return j.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace attache::formats
