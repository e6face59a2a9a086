#include <iostream>

#include "schema/database.h"
#include "schema/fields.h"
#include "searcher/commands.h"
#include "searcher/facets.h"
#include "searcher/formats/json_format.h"
#include "searcher/stats.h"

namespace attache {

int run_stats_command(const StatsOptions& opt) {
    schema::ReadDatabase rdb(opt.db, opt.read);
    const LazyKb kb(opt.kb_files);
    if (!opt.kb_files.empty()) kb.get();  // report a bad --kb file even if no label needs it
    StatsResult stats;
    schema::with_reconnect(
        rdb, [&] { stats = compute_stats(rdb.db(), kb, opt.top, is_local_database(opt.db)); });
    const Xapian::doccount articles = stats.articles;
    if (opt.format == "json") {
        nlohmann::ordered_json out = stats_to_json(stats, opt.db);
        if (rdb.shard_count() > 1) out["shards"] = rdb.shard_count();
        if (!rdb.missing_shards().empty()) {
            out["partial"] = true;
            out["missing_shards"] = rdb.missing_shards();
        }
        std::cout << formats::dump_pretty(out) << "\n";
        return 0;
    }
    const auto& facets = stats.facets;
    const std::string& first = stats.first_published;
    const std::string& last = stats.last_published;
    std::cout << "database:  " << opt.db << "\n";
    std::cout << "articles:  " << articles << "\n";
    if (rdb.shard_count() > 1) std::cout << "shards:    " << rdb.shard_count() << "\n";
    for (const auto& shard : rdb.missing_shards())
        std::cout << "warning: partial results, shard " << shard << "\n";
    std::cout << "published: " << (first.empty() ? "(no dates)" : first + " .. " + last) << "\n";
    for (const auto& f : facets) {
        std::cout << "\n"
                  << f.field
                  << (schema::field(f.field).stats == schema::StatsListing::all_values
                          ? ""
                          : " (top " + std::to_string(opt.top) + ")")
                  << "\n";
        if (f.values.empty()) std::cout << "  (none)\n";
        for (const auto& v : f.values) {
            std::cout << "  " << (v.name.empty() ? v.id : v.name) << "  " << v.count << "\n";
        }
    }
    return 0;
}

}  // namespace attache
