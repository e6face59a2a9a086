#include <iostream>

#include "schema/database.h"
#include "schema/fields.h"
#include "searcher/commands.h"
#include "searcher/facets.h"
#include "searcher/formats/json_format.h"
#include "searcher/stats.h"

namespace attache {

int run_stats_command(const StatsOptions& opt) {
    const Xapian::Database db = schema::open_for_reading(opt.db);
    const LazyKb kb(opt.kb_files);
    if (!opt.kb_files.empty()) kb.get();  // report a bad --kb file even if no label needs it
    const StatsResult stats = compute_stats(db, kb, opt.top);
    if (opt.format == "json") {
        std::cout << formats::dump_pretty(stats_to_json(stats, opt.db)) << "\n";
        return 0;
    }
    const auto& facets = stats.facets;
    const std::string& first = stats.first_published;
    const std::string& last = stats.last_published;
    std::cout << "database:  " << opt.db << "\n";
    std::cout << "articles:  " << db.get_doccount() << "\n";
    std::cout << "published: " << (first.empty() ? "(no dates)" : first + " .. " + last) << "\n";
    for (const auto& f : facets) {
        std::cout << "\n"
                  << f.field << (f.field == "year" ? "" : " (top " + std::to_string(opt.top) + ")")
                  << "\n";
        if (f.values.empty()) std::cout << "  (none)\n";
        for (const auto& v : f.values) {
            std::cout << "  " << (v.name.empty() ? v.id : v.name) << "  " << v.count << "\n";
        }
    }
    return 0;
}

}  // namespace attache
