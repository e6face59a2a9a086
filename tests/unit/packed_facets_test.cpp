#define BOOST_TEST_MODULE packed_facets
#include "schema/packed_facets.h"

#include <boost/test/unit_test.hpp>
#include <map>

#include "schema/fields.h"

using namespace attache;
using namespace attache::schema;

namespace {

// Every group's values, in order, by the group's first slot.
std::map<Xapian::valueno, std::vector<std::string>> unpack(const std::string& packed,
                                                           bool* ok = nullptr) {
    std::map<Xapian::valueno, std::vector<std::string>> out;
    const bool good = unpack_facet_values(
        packed, [](Xapian::valueno group) { return static_cast<int>(group); },
        [&](int group, std::string_view v) { out[group].emplace_back(v); });
    if (ok) *ok = good;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(packs_every_facet_slot_and_the_overflow_slot_only) {
    Xapian::Document doc;
    doc.add_value(kSlotPublished, "20241031");  // not a facet: left out
    doc.add_value(kSlotSequence, "000000000042");
    doc.add_value(field("source").first_slot, "test-desk");
    doc.add_value(field("year").first_slot, "2024");
    doc.add_value(kSlotOverflow, "country,org");
    doc.add_value(field("country").first_slot, "KR");
    doc.add_value(field("country").first_slot + 1, "US");
    const std::string long_id(300, 'x');  // a length that takes two varint bytes
    doc.add_value(field("person").first_slot, long_id);
    doc.add_value(field("mentioned").first_slot + 3, "2024-10");  // slot 163: two bytes too
    doc.add_value(field("lang").first_slot, std::string("e\0n", 3));

    bool ok = false;
    const auto slots = unpack(pack_facet_values(doc), &ok);
    BOOST_TEST(ok);
    const std::map<Xapian::valueno, std::vector<std::string>> expected = {
        {field("source").first_slot, {"test-desk"}},
        {field("lang").first_slot, {std::string("e\0n", 3)}},
        {field("year").first_slot, {"2024"}},
        {kSlotOverflow, {"country,org"}},
        {field("person").first_slot, {long_id}},
        {field("country").first_slot, {"KR", "US"}},  // salience order
        {field("mentioned").first_slot, {"2024-10"}}};
    BOOST_TEST((slots == expected));
    BOOST_TEST(packed_facet_group(field("country").first_slot + 5) == field("country").first_slot);
    BOOST_TEST(packed_facet_group(kSlotPackedFacets) == Xapian::BAD_VALUENO);
    BOOST_TEST(packed_facet_group(kSlotPublished) == Xapian::BAD_VALUENO);
}

BOOST_AUTO_TEST_CASE(an_article_without_facets_still_has_a_value) {
    const std::string packed = pack_facet_values(Xapian::Document());
    BOOST_TEST(!packed.empty());
    bool ok = false;
    BOOST_TEST(unpack(packed, &ok).empty());
    BOOST_TEST(ok);
}

BOOST_AUTO_TEST_CASE(groups_not_asked_for_are_skipped) {
    Xapian::Document doc;
    doc.add_value(field("source").first_slot, "test-desk");
    doc.add_value(field("country").first_slot, "KR");
    doc.add_value(field("country").first_slot + 1, "US");
    doc.add_value(field("mentioned").first_slot, "2024");
    std::vector<std::string> seen;
    const bool ok = unpack_facet_values(
        pack_facet_values(doc),
        [](Xapian::valueno group) { return group == field("country").first_slot ? 0 : -1; },
        [&](int target, std::string_view v) {
            BOOST_TEST(target == 0);
            seen.emplace_back(v);
        });
    BOOST_TEST(ok);
    BOOST_TEST((seen == std::vector<std::string>{"KR", "US"}));
}

BOOST_AUTO_TEST_CASE(malformed_values_are_refused) {
    Xapian::Document doc;
    doc.add_value(field("country").first_slot, "KR");
    const std::string packed = pack_facet_values(doc);
    bool ok = true;
    unpack("", &ok);
    BOOST_TEST(!ok);
    unpack("2" + packed.substr(1), &ok);  // unknown format
    BOOST_TEST(!ok);
    unpack(packed.substr(0, packed.size() - 1), &ok);  // value cut short
    BOOST_TEST(!ok);
    unpack(packed + "\x80", &ok);  // varint cut short
    BOOST_TEST(!ok);
}

BOOST_AUTO_TEST_CASE(the_packed_slot_is_no_facet_slot) {
    for (const auto& f : fields()) {
        if (f.slot_count == 0) continue;
        BOOST_TEST(
            !(f.first_slot <= kSlotPackedFacets && kSlotPackedFacets < f.first_slot + f.slot_count),
            f.name);
    }
}
