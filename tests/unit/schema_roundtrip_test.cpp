// Walks the schema table (schema/fields.h) so that every facet row, present and future, is held
// to the promise that a row plus its extraction is all a facet needs: on the bundled corpus,
// indexed by the real DocumentBuilder into a real database, each value of each facet field
//   - is filed (the corpus gives every facet field at least one value),
//   - is filtered: `field:value` through the real QueryParser finds exactly the articles that
//     hold it (the parts of the published date are filtered with date:),
//   - is counted: its facet count equals what its filter finds, on the local and remote paths,
//   - is listed by `stats` when the row says so,
//   - is suggested by the server's EntitySuggester when the row says so.
#define BOOST_TEST_MODULE schema_roundtrip
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/text.h"
#include "indexer/document_builder.h"
#include "indexer/extract/entity_extractor.h"
#include "indexer/index_writer.h"
#include "indexer/readers/jsonl_reader.h"
#include "schema/database.h"
#include "schema/fields.h"
#include "schema/stored_article.h"
#include "searcher/query_parser.h"
#include "searcher/search.h"
#include "searcher/stats.h"
#include "server/entity_suggest.h"
#include "tests/unit/test_support.h"

using namespace attache;
namespace sc = attache::schema;

namespace {

using DocSet = std::set<Xapian::docid>;
using ValueDocs = std::map<std::string, DocSet>;  // facet value -> articles holding it

// corpus/articles.jsonl indexed once for every test case, with what each article holds per
// facet field read back from its value slots.
struct IndexedCorpus {
    test::TempDir dir;
    std::string path = dir / "corpus.db";
    LazyKb kb;
    std::map<std::string_view, ValueDocs> held;  // field name -> value -> articles
    bool overflowed = false;

    IndexedCorpus() {
        {
            extract::EntityExtractor extractor(test::builtin_kb());
            DocumentBuilder builder(extractor);
            IndexWriter writer(path, 1000);
            std::ifstream in(std::string(ATTACHE_CORPUS) + "/articles.jsonl");
            readers::JsonlReader reader(in, "articles.jsonl");
            for (auto rec = reader.next(); !std::holds_alternative<std::monostate>(rec);
                 rec = reader.next()) {
                if (auto* article = std::get_if<Article>(&rec)) {
                    BuiltDocument doc = builder.build(*article);
                    writer.write(doc);
                }
            }
            writer.commit();
        }
        const Xapian::Database db(path);
        for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
            const Xapian::Document doc = db.get_document(*p);
            overflowed = overflowed || !doc.get_value(sc::kSlotOverflow).empty();
            for (const auto& f : sc::fields()) {
                if (!f.facet) continue;
                for (unsigned i = 0; i < f.slot_count; ++i) {
                    const std::string v = doc.get_value(f.first_slot + i);
                    if (!v.empty()) held[f.name][v].insert(*p);
                }
            }
        }
    }

    Xapian::Database db() const { return sc::open_for_reading(path); }
};

const IndexedCorpus& corpus() {
    static const IndexedCorpus c;
    return c;
}

// The query that filters a facet value: the field itself, or date: for a part of the published
// date (year:, month: and day: are facets only).
std::string filter_for(const sc::FieldSpec& f, const std::string& value) {
    const std::string field = f.kind == sc::FieldKind::date_part ? "date" : std::string(f.name);
    return field + ":" + value;
}

DocSet matching(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    DocSet out;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto m = mset.begin(); m != mset.end(); ++m) out.insert(*m);
    return out;
}

std::map<std::string, Xapian::doccount> counts_of(const FacetResult& facet) {
    std::map<std::string, Xapian::doccount> out;
    for (const auto& v : facet.values) out[v.id] = v.count;
    return out;
}

std::map<std::string, Xapian::doccount> sizes_of(const ValueDocs& docs) {
    std::map<std::string, Xapian::doccount> out;
    for (const auto& [value, set] : docs) out[value] = static_cast<Xapian::doccount>(set.size());
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schema_roundtrip)

BOOST_AUTO_TEST_CASE(rows_are_consistent) {
    for (const auto& f : sc::fields()) {
        // An entity field resolves through a KB kind; a field that names one names a real kind.
        if (f.kind == sc::FieldKind::entity) BOOST_TEST(!f.kb_kind.empty(), f.name);
        if (!f.kb_kind.empty()) BOOST_TEST(kb::parse_kind(f.kb_kind).has_value(), f.name);
        if (!f.kb_type.empty()) BOOST_TEST(!f.kb_kind.empty(), f.name);
        // A stored entity kind is stored under its own name, which is a KB kind.
        if (f.stored_entity) BOOST_TEST(f.kb_kind == f.name, f.name);
        // Labels live under a field's namespace that is itself a field.
        if (!f.label_namespace.empty())
            BOOST_TEST(sc::find_field(f.label_namespace) != nullptr, f.name);
        // Only facets have values to list, count or complete.
        if (f.stats != sc::StatsListing::none || f.suggested) BOOST_TEST(f.facet, f.name);
        if (f.facet) BOOST_TEST((f.form != sc::ValueForm::none), f.name);
    }
    std::vector<std::string> stored;
    for (const auto& f : sc::fields()) {
        if (f.stored_entity) stored.emplace_back(f.name);
    }
    BOOST_TEST(sc::stored_entity_kinds() == stored);
}

BOOST_AUTO_TEST_CASE(every_facet_field_is_filed_from_the_corpus) {
    const auto& c = corpus();
    // Without overflow the value slots hold every value an article was filed under.
    BOOST_TEST_REQUIRE(!c.overflowed);
    for (const auto& f : sc::fields()) {
        if (!f.facet) continue;
        BOOST_TEST(c.held.count(f.name) == 1u,
                   "no article of corpus/ gives the facet " << f.name << " a value");
    }
}

BOOST_AUTO_TEST_CASE(every_facet_value_is_filtered_by_its_field) {
    const auto& c = corpus();
    const Xapian::Database db = c.db();
    QueryParser parser(db, c.kb, sc::PartialDate{2026, 1, 1});
    for (const auto& f : sc::fields()) {
        if (!f.facet || !c.held.count(f.name)) continue;
        for (const auto& [value, docs] : c.held.at(f.name)) {
            const std::string query = filter_for(f, value);
            DocSet found;
            BOOST_CHECK_NO_THROW(found = matching(db, parser.parse(query)));
            BOOST_TEST((found == docs), query << " finds " << found.size() << " articles, "
                                              << docs.size() << " hold the value");
        }
    }
}

BOOST_AUTO_TEST_CASE(every_facet_value_is_counted_as_its_filter_finds) {
    const auto& c = corpus();
    const Xapian::Database db = c.db();
    for (const bool local : {true, false}) {
        for (const auto& f : sc::fields()) {
            if (!f.facet || !c.held.count(f.name)) continue;
            SearchRequest request;
            request.query = "*";
            request.limit = 0;
            request.local_database = local;
            request.facets.push_back(parse_facet_request(std::string(f.name) + ":0"));
            const SearchResult result = run_search(db, c.kb, request);
            BOOST_TEST_REQUIRE(result.facets.size() == 1u);
            BOOST_TEST((counts_of(result.facets[0]) == sizes_of(c.held.at(f.name))),
                       f.name << (local ? " (local)" : " (remote path)"));
        }
    }
}

BOOST_AUTO_TEST_CASE(stats_lists_the_rows_that_ask_for_it) {
    const auto& c = corpus();
    const Xapian::Database db = c.db();
    for (const bool local : {true, false}) {
        // One value per listed facet, except where the row lists every value.
        const StatsResult stats = compute_stats(db, c.kb, 1, local);
        std::vector<std::string> listed, expected;
        for (const auto& facet : stats.facets) listed.push_back(facet.field);
        for (const auto& f : sc::fields()) {
            if (f.stats != sc::StatsListing::none) expected.emplace_back(f.name);
        }
        BOOST_TEST(listed == expected);
        for (const auto& facet : stats.facets) {
            const auto& f = sc::field(facet.field);
            const auto all = sizes_of(c.held.at(f.name));
            const auto counts = counts_of(facet);
            if (f.stats == sc::StatsListing::all_values) {
                BOOST_TEST((counts == all), f.name);
                continue;
            }
            BOOST_TEST_REQUIRE(counts.size() == 1u, f.name);
            const auto& [top, n] = *counts.begin();
            BOOST_TEST(all.at(top) == n, f.name);
            for (const auto& [value, count] : all) BOOST_TEST(count <= n, f.name << " " << value);
        }
    }
}

BOOST_AUTO_TEST_CASE(suggestions_complete_the_rows_that_ask_for_it) {
    const auto& c = corpus();
    const Xapian::Database db = c.db();
    const server::EntitySuggester suggester(*test::builtin_kb());
    for (const auto& f : sc::fields()) {
        if (!f.suggested) {
            BOOST_CHECK_THROW(suggester.suggest(db, f.name, "a", 10), UsageError);
            continue;
        }
        if (!c.held.count(f.name)) continue;
        for (const auto& [value, docs] : c.held.at(f.name)) {
            const auto suggestions = suggester.suggest(db, f.name, value, 1000);
            const auto it = std::find_if(
                suggestions.begin(), suggestions.end(),
                [&](const auto& s) { return ascii_lower(s.id) == ascii_lower(value); });
            BOOST_TEST_REQUIRE((it != suggestions.end()), f.name << ":" << value);
            BOOST_TEST(it->count == docs.size(), f.name << ":" << value);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
