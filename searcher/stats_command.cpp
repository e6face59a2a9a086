#include <iostream>

#include "schema/database.h"
#include "schema/fields.h"
#include "searcher/commands.h"
#include "searcher/facets.h"
#include "searcher/formats/json_format.h"

namespace attache {

namespace {

// The earliest or latest published date, exactly (value bounds in Xapian are only bounds).
std::string edge_date(const Xapian::Database& db, bool latest) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotPublished, "0"));
    enquire.set_sort_by_value(schema::kSlotPublished, latest);
    Xapian::MSet mset = enquire.get_mset(0, 1);
    if (mset.empty()) return "";
    const std::string v = mset.begin().get_document().get_value(schema::kSlotPublished);
    return v.size() == 8 ? v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2) : v;
}

}  // namespace

int run_stats_command(const StatsOptions& opt) {
    const Xapian::Database db = schema::open_for_reading(opt.db);
    const LazyKb kb(opt.kb_files);
    if (!opt.kb_files.empty()) kb.get();  // report a bad --kb file even if no label needs it
    std::vector<FacetRequest> requests;
    for (const char* name : {"person", "country", "org", "summit", "source", "year"}) {
        FacetRequest r;
        r.field = &schema::field(name);
        r.limit = name == std::string("year") ? 0 : opt.top;
        requests.push_back(r);
    }
    FacetCounter counter(requests, kb, db, is_local_database(opt.db));
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    counter.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    const auto facets = counter.results();
    const std::string first = edge_date(db, false), last = edge_date(db, true);

    if (opt.format == "json") {
        nlohmann::ordered_json top = nlohmann::ordered_json::object();
        for (const auto& f : facets) {
            nlohmann::ordered_json values = nlohmann::ordered_json::array();
            for (const auto& v : f.values) {
                nlohmann::ordered_json item = {{"id", v.id}};
                if (!v.name.empty()) item["name"] = v.name;
                item["count"] = v.count;
                values.push_back(item);
            }
            top[f.field] = values;
        }
        nlohmann::ordered_json out = {{"database", opt.db},
                                      {"articles", db.get_doccount()},
                                      {"first_published", first},
                                      {"last_published", last},
                                      {"facets", top}};
        std::cout << formats::dump_pretty(out) << "\n";
        return 0;
    }
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
