#define BOOST_TEST_MODULE entity_expansion
#include "searcher/entity_expansion.h"

#include <boost/test/unit_test.hpp>

#include "tests/unit/test_support.h"

using attache::expand_entities;

namespace {

std::string expand(const std::string& q) {
    return expand_entities(q, *attache::test::builtin_kb());
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

BOOST_AUTO_TEST_SUITE_END()
