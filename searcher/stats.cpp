#include "searcher/stats.h"

#include "schema/fields.h"
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

StatsResult compute_stats(const Xapian::Database& db, const LazyKb& kb, size_t top, bool local) {
    std::vector<FacetRequest> requests;
    for (const auto& f : schema::fields()) {
        if (f.stats == schema::StatsListing::none) continue;
        FacetRequest r;
        r.field = &f;
        r.limit = f.stats == schema::StatsListing::all_values ? 0 : top;
        requests.push_back(r);
    }
    FacetCounter counter(requests, kb, db, local);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    counter.attach(enquire);
    // Every document: on a database with packed facet values, straight from their stream.
    if (!counter.count_all_documents()) enquire.get_mset(0, 0, db.get_doccount());
    StatsResult out;
    out.articles = db.get_doccount();
    out.facets = counter.results();
    out.first_published = edge_date(db, false);
    out.last_published = edge_date(db, true);
    return out;
}

nlohmann::ordered_json stats_to_json(const StatsResult& stats, const std::string& database) {
    nlohmann::ordered_json top = nlohmann::ordered_json::object();
    for (const auto& f : stats.facets) top[f.field] = formats::facet_values_json(f);
    return {{"database", database},
            {"articles", stats.articles},
            {"first_published", stats.first_published},
            {"last_published", stats.last_published},
            {"facets", top}};
}

}  // namespace attache
