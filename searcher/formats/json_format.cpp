#include "searcher/formats/json_format.h"

#include <cmath>

#include "searcher/formats/hit_fields.h"

namespace attache::formats {

using json = nlohmann::ordered_json;

namespace {

json hit_field_json(const Hit& h, const std::string& field) {
    // Numbers, the HTML snippet and the entity object keep their JSON types; every other field
    // is the same text the tables print.
    if (field == "rank") return h.rank;
    if (field == "score") return h.score;
    if (field == "snippet") return h.snippet;
    if (field == "entities") return schema::entities_to_json(h.article, false);
    return hit_field_text(h, field);
}

}  // namespace

json search_to_json(const SearchResult& r, const std::vector<std::string>& fields,
                    const std::string* qid) {
    json hits = json::array();
    for (const auto& h : r.hits) {
        json hit = json::object();
        for (const auto& f : fields) hit[f] = hit_field_json(h, f);
        hits.push_back(std::move(hit));
    }
    json facets = json::object();
    json overflow = json::object();
    for (const auto& f : r.facets) {
        facets[f.field] = facet_values_json(f);
        if (f.overflowed) overflow[f.field] = f.overflowed;
    }
    json out = json::object();
    if (qid) out["qid"] = *qid;
    out["query"] = r.query;
    out["total"] = r.total;
    out["offset"] = r.offset;
    out["limit"] = r.limit;
    out["took_ms"] = std::round(r.took_ms * 1000.0) / 1000.0;
    out["hits"] = std::move(hits);
    out["facets"] = std::move(facets);
    if (!r.suggestion.empty()) out["suggestion"] = r.suggestion;
    // Only present under --allow-partial when shards were left out (docs/sharding.md).
    if (!r.missing_shards.empty()) {
        out["partial"] = true;
        out["missing_shards"] = r.missing_shards;
    }
    // Only present when a facet's counts may be low (docs/output.md).
    if (!overflow.empty()) out["facet_overflow"] = std::move(overflow);
    return out;
}

json facet_values_json(const FacetResult& facet) {
    json values = json::array();
    for (const auto& v : facet.values) {
        json item = {{"id", v.id}};
        if (!v.name.empty()) item["name"] = v.name;
        item["count"] = v.count;
        values.push_back(std::move(item));
    }
    return values;
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
