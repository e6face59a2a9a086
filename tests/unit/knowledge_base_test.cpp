#define BOOST_TEST_MODULE knowledge_base
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "kb/knowledge_base.h"
#include "test_support.h"

using namespace attache::kb;

namespace {

const char* const kTestKb = R"(# A small KB for the tests.
{"kind":"country","id":"US","aliases":["U.S.","US","America"],"demonyms":["American"],"capital":"Washington"}
{"kind":"country","id":"KR","demonyms":["South Korean"],"capital":"Seoul"}

{"kind":"person","id":"antony-blinken","name":"Antony Blinken","aliases":["Tony Blinken"],"offices":[{"role":"Secretary of State","country":"US","from":"2021-01-26","to":"2025-01-20"}]}
{"kind":"person","id":"marco-rubio","name":"Marco Rubio","offices":[{"role":"Secretary of State","country":"US","from":"2025-01-21"}]}
{"kind":"person","id":"cho-tae-yul","name":"Cho Tae-yul","name_order":"eastern","offices":[{"role":"Foreign Minister","country":"KR","from":"2024-01-11","to":"2025-06-04"}]}
{"kind":"person","id":"sebastien-lecornu","name":"Sébastien Lecornu","offices":[{"role":"Prime Minister","country":"FR","from":"2025-09"}]}
{"kind":"person","id":"joe-biden","name":"Joseph R. Biden Jr."}
{"kind":"org","id":"g20","name":"Group of Twenty","aliases":["G20"]}
{"kind":"org","id":"quad","name":"Quadrilateral Security Dialogue","aliases":["Quad"]}
{"kind":"event","id":"g20","name":"G20 summit","org":"g20","instances":[{"id":"g20-2023","name":"G20 New Delhi summit 2023","from":"2023-09-09","to":"2023-09-10","place":"New Delhi","country":"IN"},{"id":"g20-2024","name":"G20 Rio de Janeiro summit 2024","from":"2024-11-18","to":"2024-11-19","country":"BR"}]}
{"kind":"event","id":"quad-leaders","name":"Leaders' Gathering","type":"meeting","org":"quad"}
)";

std::shared_ptr<KnowledgeBase> make_kb(const std::string& jsonl) {
    auto kb = std::make_shared<KnowledgeBase>();
    kb->add_iso_3166(kIso3166Json);
    kb->add_jsonl(jsonl, "test.jsonl");
    kb->finish();
    return kb;
}

const KnowledgeBase& test_kb() {
    static const auto kb = make_kb(kTestKb);
    return *kb;
}

// The message of the KbError that loading `jsonl` throws, or "" when it loads.
std::string kb_error(const std::string& jsonl) {
    try {
        make_kb(jsonl);
    } catch (const KbError& e) {
        return e.what();
    }
    return "";
}

std::vector<std::string> resolved_ids(EntityKind kind, const std::string& text) {
    std::vector<std::string> ids;
    for (const Entity* e : test_kb().resolve(kind, text)) ids.push_back(e->id);
    return ids;
}

bool resolves_to(EntityKind kind, const std::string& text, const std::string& id) {
    const auto ids = resolved_ids(kind, text);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(knowledge_base)

BOOST_AUTO_TEST_CASE(test_kb_loads) {
    BOOST_TEST(test_kb().find(EntityKind::person, "antony-blinken") != nullptr);
    BOOST_TEST(test_kb().find(EntityKind::country, "KR")->name == "South Korea");
}

BOOST_AUTO_TEST_CASE(error_invalid_json) {
    const std::string msg = kb_error("{\"kind\":\"person\",");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "not valid JSON"), msg);
}

BOOST_AUTO_TEST_CASE(error_not_an_object) {
    const std::string msg = kb_error("[1, 2]");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "JSON object"), msg);
}

BOOST_AUTO_TEST_CASE(error_missing_kind) {
    const std::string msg = kb_error(R"({"id":"x","name":"X"})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "missing \"kind\""), msg);
}

BOOST_AUTO_TEST_CASE(error_unknown_kind) {
    const std::string msg = kb_error(R"({"kind":"planet","id":"mars","name":"Mars"})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "unknown kind \"planet\""), msg);
    // Roles are derived from offices, never written by hand.
    BOOST_TEST(contains(kb_error(R"({"kind":"role","id":"x","name":"X"})"), "unknown kind"));
}

BOOST_AUTO_TEST_CASE(error_missing_id) {
    const std::string msg = kb_error(R"({"kind":"person","name":"Nobody"})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "missing \"id\""), msg);
}

BOOST_AUTO_TEST_CASE(error_id_not_a_slug) {
    const std::string msg =
        kb_error(R"({"kind":"person","id":"Antony Blinken","name":"Antony Blinken"})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "lowercase slug (antony-blinken)"), msg);
}

BOOST_AUTO_TEST_CASE(error_bad_date) {
    const std::string msg = kb_error(
        R"({"kind":"person","id":"x-y","name":"X Y","offices":[{"role":"President","country":"US","from":"2024-02-30"}]})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "\"from\" is not a date"), msg);
}

BOOST_AUTO_TEST_CASE(error_office_ends_before_it_starts) {
    const std::string msg = kb_error(
        R"({"kind":"person","id":"x-y","name":"X Y","offices":[{"role":"President","country":"US","from":"2025-01-01","to":"2024-12-31"}]})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "ends before it starts"), msg);
}

BOOST_AUTO_TEST_CASE(error_person_without_name) {
    const std::string msg = kb_error(R"({"kind":"person","id":"nameless"})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "missing \"name\""), msg);
}

BOOST_AUTO_TEST_CASE(error_lowercase_country_id) {
    const std::string msg = kb_error(R"({"kind":"country","id":"kr","name":"South Korea"})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "capitals"), msg);
}

BOOST_AUTO_TEST_CASE(error_unknown_country_without_name) {
    const std::string msg = kb_error(R"({"kind":"country","id":"XX"})");
    BOOST_TEST(starts_with(msg, "test.jsonl:1: "), msg);
    BOOST_TEST(contains(msg, "not in ISO 3166-1"), msg);
}

BOOST_AUTO_TEST_CASE(blank_and_comment_lines_are_skipped_but_counted) {
    const std::string msg =
        kb_error("\n# a comment\n   \n{\"kind\":\"org\",\"id\":\"ok\",\"name\":\"OK\"}\n{broken\n");
    BOOST_TEST(starts_with(msg, "test.jsonl:5: "), msg);
    BOOST_TEST(kb_error("# only a comment\n\n").empty());
}

BOOST_AUTO_TEST_CASE(crlf_lines_load) {
    BOOST_TEST(kb_error("{\"kind\":\"org\",\"id\":\"ok\",\"name\":\"OK\"}\r\n# c\r\n").empty());
}

BOOST_AUTO_TEST_CASE(origin_records_file_and_line) {
    BOOST_TEST(test_kb().find(EntityKind::person, "antony-blinken")->origin == "test.jsonl:5");
}

BOOST_AUTO_TEST_CASE(resolve_by_id_name_and_alias) {
    BOOST_TEST(resolves_to(EntityKind::person, "antony-blinken", "antony-blinken"));
    BOOST_TEST(resolves_to(EntityKind::person, "ANTONY BLINKEN", "antony-blinken"));
    BOOST_TEST(resolves_to(EntityKind::person, "tony blinken", "antony-blinken"));
    BOOST_TEST(resolved_ids(EntityKind::person, "nobody at all").empty());
}

BOOST_AUTO_TEST_CASE(resolve_is_diacritic_insensitive) {
    BOOST_TEST(resolves_to(EntityKind::person, "sebastien lecornu", "sebastien-lecornu"));
    BOOST_TEST(resolves_to(EntityKind::person,
                           "S\xC3\x89"
                           "BASTIEN LECORNU",
                           "sebastien-lecornu"));
    BOOST_TEST(resolves_to(EntityKind::country, "turkiye", "TR"));
    BOOST_TEST(resolves_to(EntityKind::country, "T\xC3\xBCrkiye", "TR"));
}

BOOST_AUTO_TEST_CASE(resolve_by_surname) {
    BOOST_TEST(resolved_ids(EntityKind::person, "blinken") ==
               (std::vector<std::string>{"antony-blinken"}));
    BOOST_TEST(resolves_to(EntityKind::person, "Cho", "cho-tae-yul"));
    BOOST_TEST(resolves_to(EntityKind::person, "Biden", "joe-biden"));
}

BOOST_AUTO_TEST_CASE(resolve_country_by_demonym_codes_and_alias) {
    BOOST_TEST(resolved_ids(EntityKind::country, "south korean") ==
               (std::vector<std::string>{"KR"}));
    BOOST_TEST(resolved_ids(EntityKind::country, "KOR") == (std::vector<std::string>{"KR"}));
    BOOST_TEST(resolved_ids(EntityKind::country, "kr") == (std::vector<std::string>{"KR"}));
    BOOST_TEST(resolved_ids(EntityKind::country, "U.S.") == (std::vector<std::string>{"US"}));
    BOOST_TEST(resolves_to(EntityKind::country, "usa", "US"));
    BOOST_TEST(resolves_to(EntityKind::country, "United States of America", "US"));
}

BOOST_AUTO_TEST_CASE(resolve_respects_kind) {
    BOOST_TEST(resolved_ids(EntityKind::person, "South Korea").empty());
    BOOST_TEST(resolved_ids(EntityKind::org, "Antony Blinken").empty());
}

BOOST_AUTO_TEST_CASE(event_series_resolves_by_its_org_acronym) {
    BOOST_TEST(resolves_to(EntityKind::event, "G20", "g20"));
    BOOST_TEST(resolves_to(EntityKind::event, "group of twenty", "g20"));
    // Not through its own id: the series "quad-leaders" answers to its org's alias "Quad".
    BOOST_TEST(resolved_ids(EntityKind::event, "quad") ==
               (std::vector<std::string>{"quad-leaders"}));
    BOOST_TEST(resolves_to(EntityKind::org, "G20", "g20"));
}

BOOST_AUTO_TEST_CASE(event_series_resolves_by_name_without_summit) {
    BOOST_TEST(resolves_to(EntityKind::event, "G20 summit", "g20"));
    // Instances answer to their own names and ids only, not to the org's.
    BOOST_TEST(resolves_to(EntityKind::event, "g20-2024", "g20-2024"));
    BOOST_TEST(!resolves_to(EntityKind::event, "G20", "g20-2024"));
}

BOOST_AUTO_TEST_CASE(lookup_key_folds_and_collapses_punctuation) {
    BOOST_TEST(KnowledgeBase::lookup_key("  Cho Tae-yul ") == "cho tae yul");
    BOOST_TEST(KnowledgeBase::lookup_key("U.S.") == "us");
    BOOST_TEST(KnowledgeBase::lookup_key("C\xC3\xB4te d'Ivoire") == "cote divoire");
    BOOST_TEST(KnowledgeBase::lookup_key("2+2") == "2+2");
}

BOOST_AUTO_TEST_CASE(suggest_proposes_close_names) {
    const auto names = test_kb().suggest(EntityKind::person, "Blinkin", 5);
    BOOST_REQUIRE(!names.empty());
    BOOST_TEST(names.front() == "Antony Blinken");
    BOOST_TEST(test_kb().suggest(EntityKind::person, "zzzzzzzz", 5).empty());
}

BOOST_AUTO_TEST_CASE(suggest_accepts_a_prefix_and_respects_max) {
    const auto names = test_kb().suggest(EntityKind::person, "blink", 1);
    BOOST_TEST(names == (std::vector<std::string>{"Antony Blinken"}));
}

BOOST_AUTO_TEST_CASE(capitals_become_places) {
    const Entity* seoul = test_kb().find(EntityKind::place, "seoul");
    BOOST_REQUIRE(seoul);
    BOOST_TEST(seoul->name == "Seoul");
    BOOST_TEST(seoul->country == "KR");
    BOOST_TEST(test_kb().find(EntityKind::country, "KR")->capital == "Seoul");
}

BOOST_AUTO_TEST_CASE(roles_become_role_entities) {
    const Entity* role = test_kb().find(EntityKind::role, "secretary-of-state");
    BOOST_REQUIRE(role);
    BOOST_TEST(role->name == "Secretary of State");
    BOOST_TEST(test_kb().find(EntityKind::role, "foreign-minister") != nullptr);
}

BOOST_AUTO_TEST_CASE(offices_parse_dates_roles_and_ministerial) {
    const Entity* blinken = test_kb().find(EntityKind::person, "antony-blinken");
    BOOST_REQUIRE_EQUAL(blinken->offices.size(), 1u);
    const Office& o = blinken->offices[0];
    BOOST_TEST(o.role_id == "secretary-of-state");
    BOOST_TEST(o.country == "US");
    BOOST_TEST(o.from == "20210126");
    BOOST_TEST(o.to == "20250120");
    BOOST_TEST(o.ministerial);
    const Office& rubio = test_kb().find(EntityKind::person, "marco-rubio")->offices.at(0);
    BOOST_TEST(rubio.to == "99991231");
    const Office& lecornu = test_kb().find(EntityKind::person, "sebastien-lecornu")->offices.at(0);
    BOOST_TEST(lecornu.from == "20250901");
    BOOST_TEST(!lecornu.ministerial);  // a prime minister is not a minister
    BOOST_TEST(test_kb().find(EntityKind::person, "cho-tae-yul")->offices.at(0).ministerial);
}

BOOST_AUTO_TEST_CASE(office_held_on_includes_both_ends) {
    const Office& o = test_kb().find(EntityKind::person, "antony-blinken")->offices.at(0);
    BOOST_TEST(!o.held_on("20210125"));
    BOOST_TEST(o.held_on("20210126"));
    BOOST_TEST(o.held_on("20240301"));
    BOOST_TEST(o.held_on("20250120"));
    BOOST_TEST(!o.held_on("20250121"));
}

BOOST_AUTO_TEST_CASE(partial_end_date_means_end_of_period) {
    auto kb = make_kb(
        R"({"kind":"person","id":"a-b","name":"A B","offices":[{"role":"Envoy","country":"US","from":"2020","to":"2024-02"}]})");
    const Office& o = kb->find(EntityKind::person, "a-b")->offices.at(0);
    BOOST_TEST(o.from == "20200101");
    BOOST_TEST(o.to == "20240229");
}

BOOST_AUTO_TEST_CASE(surnames_follow_name_order) {
    BOOST_TEST(test_kb().find(EntityKind::person, "antony-blinken")->surname == "Blinken");
    BOOST_TEST(test_kb().find(EntityKind::person, "cho-tae-yul")->surname == "Cho");
    BOOST_TEST(test_kb().find(EntityKind::person, "joe-biden")->surname == "Biden");
}

BOOST_AUTO_TEST_CASE(instances_are_linked_to_their_series) {
    const Entity* series = test_kb().find(EntityKind::event, "g20");
    BOOST_REQUIRE(series);
    BOOST_REQUIRE_EQUAL(series->instances.size(), 2u);
    std::vector<std::string> ids;
    for (size_t idx : series->instances) ids.push_back(test_kb().entities()[idx].id);
    std::sort(ids.begin(), ids.end());
    BOOST_TEST(ids == (std::vector<std::string>{"g20-2023", "g20-2024"}));
    const Entity* inst = test_kb().find(EntityKind::event, "g20-2024");
    BOOST_TEST(inst->series == "g20");
    BOOST_TEST(inst->type == "summit");
    BOOST_TEST(inst->from == "20241118");
    BOOST_TEST(inst->to == "20241119");
    BOOST_TEST(inst->country == "BR");
}

BOOST_AUTO_TEST_CASE(later_line_extends_an_entity) {
    auto kb = make_kb(R"({"kind":"org","id":"nato","name":"NATO"}
{"kind":"org","id":"nato","name":"North Atlantic Treaty Organization","aliases":["the Alliance"]})");
    const Entity* nato = kb->find(EntityKind::org, "nato");
    BOOST_TEST(nato->name == "North Atlantic Treaty Organization");
    BOOST_TEST(std::count(nato->aliases.begin(), nato->aliases.end(), "NATO") == 1);
    BOOST_TEST(std::count(nato->aliases.begin(), nato->aliases.end(), "the Alliance") == 1);
}

BOOST_AUTO_TEST_CASE(iso_countries_use_common_names) {
    BOOST_TEST(test_kb().find(EntityKind::country, "KP")->name == "North Korea");
    BOOST_TEST(test_kb().find(EntityKind::country, "us") != nullptr);
    const Entity* kr = test_kb().find(EntityKind::country, "KR");
    // "Korea, Republic of" is a catalogue form, not an alias.
    BOOST_TEST(std::count(kr->aliases.begin(), kr->aliases.end(), "Korea, Republic of") == 0);
    BOOST_TEST(kr->codes == (std::vector<std::string>{"KR", "KOR"}));
}

BOOST_AUTO_TEST_CASE(builtin_kb_loads_with_every_iso_country) {
    std::shared_ptr<const KnowledgeBase> kb;
    BOOST_REQUIRE_NO_THROW(kb = attache::test::builtin_kb());
    const Entity* kr = kb->find(EntityKind::country, "KR");
    BOOST_REQUIRE(kr);
    BOOST_TEST(kr->name == "South Korea");
    KnowledgeBase iso;
    iso.add_iso_3166(kIso3166Json);
    size_t countries = 0;
    for (const auto& e : iso.entities()) {
        ++countries;
        BOOST_TEST(kb->find(EntityKind::country, e.id) != nullptr, e.id);
    }
    BOOST_TEST(countries >= 249u);
}

BOOST_AUTO_TEST_CASE(builtin_kb_has_no_conflicting_names) {
    const auto kb = KnowledgeBase::load({});
    BOOST_TEST(kb->conflicts().empty(), (kb->conflicts().empty() ? "" : kb->conflicts().front()));
}

BOOST_AUTO_TEST_CASE(conflicting_aliases_are_reported_with_file_and_line) {
    const auto kb =
        make_kb(R"({"kind":"person","id":"jane-roe","name":"Jane Roe","aliases":["J. Roe"]})"
                "\n"
                R"({"kind":"person","id":"john-roe","name":"John Roe","aliases":["J. Roe"]})"
                "\n");
    BOOST_REQUIRE_EQUAL(kb->conflicts().size(), 1u);
    const std::string& c = kb->conflicts().front();
    BOOST_TEST(
        c.rfind("test.jsonl:2: \"J. Roe\" names both person jane-roe (test.jsonl:1) and john-roe",
                0) == 0,
        c);
    // Shared surnames are normal and are not conflicts.
    const auto surnames = make_kb(R"({"kind":"person","id":"jane-roe","name":"Jane Roe"})"
                                  "\n"
                                  R"({"kind":"person","id":"john-roe","name":"John Roe"})"
                                  "\n");
    BOOST_TEST(surnames->conflicts().empty());
}

BOOST_AUTO_TEST_SUITE_END()
