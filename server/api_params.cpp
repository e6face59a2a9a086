#include "server/api_params.h"

#include <algorithm>

#include "common/errors.h"
#include "common/text.h"
#include "searcher/facets.h"
#include "searcher/formats/hit_fields.h"
#include "searcher/relative_dates.h"

namespace attache::server {

std::string single_param(const QueryParams& params, const std::string& name) {
    const auto [first, last] = params.equal_range(name);
    if (first == last) return "";
    if (std::next(first) != last) throw UsageError("parameter '" + name + "' given twice");
    return first->second;
}

void check_known_params(const QueryParams& params, const std::vector<std::string>& known) {
    for (const auto& [name, value] : params) {
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            throw UsageError("unknown parameter '" + name + "' (known: " + list + ")");
        }
    }
}

size_t count_param(const QueryParams& params, const std::string& name, size_t fallback,
                   size_t max) {
    const std::string text = single_param(params, name);
    if (text.empty() && params.find(name) == params.end()) return fallback;
    if (text.empty() || text.size() > 9 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError("parameter '" + name + "' must be a number from 0 to " +
                         std::to_string(max));
    const size_t n = std::stoul(text);
    if (n > max)
        throw UsageError("parameter '" + name + "' must be at most " + std::to_string(max));
    return n;
}

ApiSearch parse_search_params(const QueryParams& params, const ApiLimits& limits) {
    check_known_params(
        params, {"q", "limit", "offset", "sort", "facet", "fields", "since", "now", "expand"});
    ApiSearch out;
    SearchRequest& req = out.request;
    req.query = single_param(params, "q");
    if (req.query.size() > limits.max_query_bytes) {
        throw UsageError("the query is " + std::to_string(req.query.size()) +
                         " bytes long; the limit is " + std::to_string(limits.max_query_bytes));
    }
    if (trim(req.query).empty()) {
        throw QueryError("empty query: give words or fields, or '*' to match every article");
    }
    req.limit = count_param(params, "limit", 10, limits.max_limit);
    req.offset = count_param(params, "offset", 0, limits.max_offset);

    const std::string sort = single_param(params, "sort");
    if (sort == "newest") {
        req.sort = SortOrder::newest;
    } else if (sort == "oldest") {
        req.sort = SortOrder::oldest;
    } else if (!sort.empty() && sort != "relevance") {
        throw UsageError("parameter 'sort' must be relevance, newest or oldest");
    }

    const auto [first, last] = params.equal_range("facet");
    if (static_cast<size_t>(std::distance(first, last)) > limits.max_facets)
        throw UsageError("at most " + std::to_string(limits.max_facets) + " facets per search");
    for (auto it = first; it != last; ++it) {
        FacetRequest f = parse_facet_request(it->second);
        // facet=month:0 asks for every value: cap it like every other list the server returns.
        if (f.limit == 0 || f.limit > 1000) f.limit = 1000;
        req.facets.push_back(f);
    }

    const std::string fields = single_param(params, "fields");
    out.fields = fields.empty() ? formats::default_hit_fields() : formats::parse_hit_fields(fields);
    if (std::find(out.fields.begin(), out.fields.end(), "snippet") == out.fields.end())
        req.snippet_bytes = 0;

    req.now = resolve_now(single_param(params, "now"));
    req.since = single_param(params, "since");
    const std::string expand = single_param(params, "expand");
    if (expand == "false" || expand == "0") {
        req.expand_entities = false;
    } else if (!expand.empty() && expand != "true" && expand != "1") {
        throw UsageError("parameter 'expand' must be true or false");
    }
    return out;
}

}  // namespace attache::server
