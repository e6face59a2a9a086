// The query string of GET /api/search, read into the same SearchRequest the CLI builds from its
// flags: q, limit, offset, sort, facet (repeatable), fields, since, now, expand. Unknown
// parameters are errors, so a typo does not silently return unfiltered results.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "searcher/search.h"

namespace attache::server {

// httplib::Params has this type; the server layer passes it through unchanged.
using QueryParams = std::multimap<std::string, std::string>;

struct ApiLimits {
    size_t max_query_bytes = 2000;
    size_t max_limit = 100;
    size_t max_offset = 10000;
    size_t max_facets = 16;
};

struct ApiSearch {
    SearchRequest request;
    std::vector<std::string> fields;  // what each hit carries (?fields=a,b; default: the CLI's)
};

// Throws UsageError (HTTP 400) naming the parameter and the problem.
ApiSearch parse_search_params(const QueryParams& params, const ApiLimits& limits);

// The single value of a parameter; "" when absent. Throws UsageError when it is repeated.
std::string single_param(const QueryParams& params, const std::string& name);

// Throws UsageError naming the first parameter not in `known`.
void check_known_params(const QueryParams& params, const std::vector<std::string>& known);

// A decimal count in [0, max]; `fallback` when the parameter is absent.
size_t count_param(const QueryParams& params, const std::string& name, size_t fallback, size_t max);

}  // namespace attache::server
