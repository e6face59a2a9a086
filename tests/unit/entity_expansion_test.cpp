#define BOOST_TEST_MODULE entity_expansion
#include "searcher/entity_expansion.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

#include "searcher/lazy_kb.h"
#include "tests/unit/test_support.h"

namespace {

std::string expand_entities(const std::string& q, const attache::ExpansionIndex& index) {
    const attache::QueryScan scan(q);
    return attache::apply_edits(q, attache::expand_entities(scan, index));
}

std::string expand(const std::string& q) {
    return expand_entities(q, attache::ExpansionIndex::builtin());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(entity_expansion)

BOOST_AUTO_TEST_CASE(names_in_free_text_also_match_their_entity) {
    BOOST_TEST(expand("DPRK sanctions") == "(DPRK OR country:KP) sanctions");
    BOOST_TEST(expand("Blinken") == "(Blinken OR person:antony-blinken)");
    BOOST_TEST(expand("North Korea missile") == "(\"North Korea\" OR country:KP) missile");
    BOOST_TEST(expand("NATO OR AUKUS") == "(NATO OR org:nato) OR (AUKUS OR org:aukus)");
}

BOOST_AUTO_TEST_CASE(acronyms_expand_only_in_capitals) {
    BOOST_TEST(expand("us trade") == "us trade");
    BOOST_TEST(expand("US trade") == "(US OR country:US) trade");
    BOOST_TEST(expand("who said") == "who said");
}

BOOST_AUTO_TEST_CASE(operators_phrases_fields_and_signs_are_left_alone) {
    BOOST_TEST(expand("\"North Korea\" talks") == "\"North Korea\" talks");
    BOOST_TEST(expand("country:KP talks") == "country:KP talks");
    BOOST_TEST(expand("-Blinken talks") == "-Blinken talks");
    BOOST_TEST(expand("+Blinken talks") == "+Blinken talks");
    BOOST_TEST(expand("Blinken NEAR Cho") == "Blinken NEAR Cho");
    BOOST_TEST(expand("Blink* talks") == "Blink* talks");
    BOOST_TEST(expand("(Blinken OR Rubio)") ==
               "((Blinken OR person:antony-blinken) OR (Rubio OR person:marco-rubio))");
    BOOST_TEST(expand("sanctions AND tariffs") == "sanctions AND tariffs");
}

// The table compiled in at build time must say exactly what the text KB says: same rows, same
// order, so a search without --kb expands as if it had parsed the KB.
BOOST_AUTO_TEST_CASE(compiled_in_table_matches_the_one_built_from_the_text_kb) {
    const auto kb = attache::test::builtin_kb();
    const attache::ExpansionIndex built = attache::ExpansionIndex::build(*kb);
    const auto compiled = attache::ExpansionIndex::builtin().rows();
    const auto fresh = built.rows();
    BOOST_TEST_REQUIRE(compiled.size() == fresh.size());
    BOOST_TEST(compiled.size() > 1000u);  // the whole KB, not an empty stub
    for (size_t i = 0; i < fresh.size(); ++i) {
        BOOST_TEST_CONTEXT("row " << i << " key '" << fresh[i].key << "'") {
            BOOST_TEST(compiled[i].key == fresh[i].key);
            BOOST_TEST(compiled[i].filter == fresh[i].filter);
            BOOST_TEST(compiled[i].raw == fresh[i].raw);
            BOOST_TEST(compiled[i].acronym == fresh[i].acronym);
        }
    }
    for (const std::string q : {"DPRK sanctions", "Blinken in Seoul", "North Korea missile",
                                "US trade", "G20 summit", "Côte d'Ivoire cocoa", "who said"})
        BOOST_TEST(expand_entities(q, built) == expand(q));
}

// The query parser turns an expansion's filter into a term without asking the KB: that is only
// right if the KB would resolve that id to that one entity and nothing else.
BOOST_AUTO_TEST_CASE(every_expansion_filter_resolves_to_exactly_its_entity) {
    const auto kb = attache::test::builtin_kb();
    const attache::LazyKb lazy;
    size_t checked = 0;
    for (const auto& row : attache::ExpansionIndex::builtin().rows()) {
        const std::string filter(row.filter);
        const size_t colon = filter.find(':');
        const auto kind = attache::kb::parse_kind(filter.substr(0, colon));
        BOOST_TEST_REQUIRE(kind.has_value());
        const std::string id = filter.substr(colon + 1);
        const auto found = kb->resolve(*kind, id);
        BOOST_TEST_CONTEXT(filter) {
            BOOST_TEST(found.size() == 1u);
            BOOST_TEST((!found.empty() && found[0]->id == id));
            BOOST_TEST(lazy.is_builtin_entity_filter(filter));
        }
        ++checked;
    }
    BOOST_TEST(checked > 1000u);
    BOOST_TEST(!lazy.is_builtin_entity_filter("country:kenya"));  // a name, not an id
    BOOST_TEST(!lazy.loaded());
}

BOOST_AUTO_TEST_CASE(a_kb_file_adds_expansions) {
    const attache::test::TempDir dir;
    const std::string file = dir / "extra.jsonl";
    std::ofstream(file) << R"({"kind": "person", "id": "ada-quill", "name": "Ada Quill"})"
                        << "\n";
    const attache::LazyKb kb({file});
    BOOST_TEST(expand_entities("Quill visit", kb.expansion()) ==
               "(Quill OR person:ada-quill) visit");
    BOOST_TEST(expand_entities("Quill visit", attache::ExpansionIndex::builtin()) == "Quill visit");
}

BOOST_AUTO_TEST_SUITE_END()
