// Bare Xapian on the same queries, to see what attache adds on top of the engine:
//   xapian_query DB QUERIES [--exact]
// Each non-blank, non-# line of QUERIES is parsed with Xapian's QueryParser set up as attache
// sets it up for free text (English stemmer, AND by default, title: = prefix S; STEM_ALL_Z on
// an attache database, which holds stems only, and Xapian's default STEM_SOME on another),
// and its top 10 are fetched with their document data (attache decodes every hit's stored
// JSON). With --exact it also counts every match exactly the way attache does: when the first
// pass's bounds already agree (one word, or fewer matches than the page) that is the total,
// otherwise a second, unweighted pass with check_at_least = the database size gives it.
// Without --exact the count is Xapian's estimate. Prints one line per query: the milliseconds it
// took and the total, then a summary line "# N queries, S s" on stderr. The first query is run once
// before timing (cold caches and lazy set-up would otherwise all land on it).
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Answer {
    Xapian::doccount total = 0;
    size_t data_bytes = 0;  // keeps the data fetch from being optimised away
};

Answer run_one(const Xapian::Database& db, Xapian::QueryParser& qp, const std::string& text,
               bool exact) {
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    const Xapian::Query query = qp.parse_query(text, flags);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const Xapian::MSet top = enquire.get_mset(0, 10);
    Answer a;
    for (auto it = top.begin(); it != top.end(); ++it)
        a.data_bytes += it.get_document().get_data().size();
    if (!exact || top.get_matches_lower_bound() == top.get_matches_upper_bound()) {
        a.total = top.get_matches_estimated();
        return a;
    }
    Xapian::Enquire counting(db);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::DONT_CARE);
    a.total = counting.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || (argc == 4 && std::strcmp(argv[3], "--exact") != 0) || argc > 4) {
        std::fprintf(stderr, "usage: xapian_query DB QUERIES [--exact]\n");
        return 2;
    }
    const bool exact = argc == 4;
    std::ifstream in(argv[2]);
    if (!in) {
        std::fprintf(stderr, "xapian_query: cannot read %s\n", argv[2]);
        return 2;
    }
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    }
    try {
        const auto started = std::chrono::steady_clock::now();
        Xapian::Database db(argv[1]);
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("english"));
        const bool attache_db = !db.get_metadata("attache.schema").empty();
        qp.set_stemming_strategy(attache_db ? Xapian::QueryParser::STEM_ALL_Z
                                            : Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        qp.add_prefix("title", "S");
        if (!queries.empty()) run_one(db, qp, queries.front(), exact);
        size_t bytes = 0;
        for (const auto& q : queries) {
            const auto t0 = std::chrono::steady_clock::now();
            const Answer a = run_one(db, qp, q, exact);
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count();
            bytes += a.data_bytes;
            std::printf("%.3f\t%u\n", ms, a.total);
        }
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(stderr, "# %zu queries, %.3f s, %zu bytes of hit data\n", queries.size(), secs,
                     bytes);
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "xapian_query: %s\n", e.get_description().c_str());
        return 4;
    }
    return 0;
}
