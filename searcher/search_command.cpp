#include <unistd.h>

#include <iostream>

#include "common/errors.h"
#include "schema/database.h"
#include "searcher/commands.h"
#include "searcher/formats/json_format.h"
#include "searcher/formats/text_format.h"
#include "searcher/search.h"

namespace attache {

bool use_color(ColorMode mode) {
    if (mode == ColorMode::always) return true;
    if (mode == ColorMode::never) return false;
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

int run_search_command(const SearchOptions& opt) {
    SearchRequest req;
    for (const auto& w : opt.query_words) {
        if (!req.query.empty()) req.query += ' ';
        req.query += w;
    }
    req.limit = opt.count_only ? 0 : opt.limit;
    req.offset = opt.offset;
    if (opt.sort == "newest") {
        req.sort = SortOrder::newest;
    } else if (opt.sort == "oldest") {
        req.sort = SortOrder::oldest;
    }
    for (const auto& f : opt.facets) req.facets.push_back(parse_facet_request(f));

    const Xapian::Database db = schema::open_for_reading(opt.db);
    const LazyKb kb(opt.kb_files);
    if (!opt.kb_files.empty()) kb.get();  // a bad --kb file is an error even if no field needs it
    const SearchResult result = run_search(db, kb, req);

    if (opt.count_only && opt.format == "text") {
        std::cout << result.total << "\n";
    } else if (opt.format == "json") {
        std::cout << formats::dump_pretty(formats::search_to_json(result)) << "\n";
    } else if (opt.format == "jsonl") {
        std::cout << formats::dump_compact(formats::search_to_json(result)) << "\n";
    } else if (opt.format == "ids") {
        for (const auto& h : result.hits) std::cout << h.article.id << "\n";
    } else {
        formats::write_search_text(std::cout, result, formats::TextStyle{use_color(opt.color)});
    }
    std::cout.flush();
    if (opt.exit_status && result.total == 0) return static_cast<int>(ExitCode::no_match);
    return 0;
}

}  // namespace attache
