#define BOOST_TEST_MODULE schema
#include <boost/test/unit_test.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "schema/dates.h"
#include "schema/fields.h"
#include "schema/stored_article.h"

using namespace attache::schema;

BOOST_AUTO_TEST_SUITE(fields_table)

BOOST_AUTO_TEST_CASE(value_slot_ranges_do_not_overlap) {
    const auto all = fields();
    for (size_t a = 0; a < all.size(); ++a) {
        for (size_t b = a + 1; b < all.size(); ++b) {
            const auto& x = all[a];
            const auto& y = all[b];
            if (x.slot_count == 0 || y.slot_count == 0) continue;
            const bool disjoint = x.first_slot + x.slot_count <= y.first_slot ||
                                  y.first_slot + y.slot_count <= x.first_slot;
            BOOST_TEST(disjoint, x.name << " and " << y.name << " share value slots");
        }
    }
}

BOOST_AUTO_TEST_CASE(no_facet_range_covers_published_or_overflow_slot) {
    for (const auto& f : fields()) {
        if (f.slot_count == 0) continue;
        const auto covers = [&](Xapian::valueno slot) {
            return f.first_slot <= slot && slot < f.first_slot + f.slot_count;
        };
        BOOST_TEST(!covers(kSlotOverflow), f.name);
        if (f.name == "date") {
            BOOST_TEST(f.first_slot == kSlotPublished);
        } else {
            BOOST_TEST(!covers(kSlotPublished), f.name);
        }
    }
}

BOOST_AUTO_TEST_CASE(term_prefixes_are_unique) {
    std::set<std::string_view> seen;
    for (const auto& f : fields()) {
        if (f.prefix.empty()) continue;
        BOOST_TEST(seen.insert(f.prefix).second, "prefix " << f.prefix << " used twice");
    }
}

BOOST_AUTO_TEST_CASE(prefixes_cannot_be_confused_given_lowercase_values) {
    // When one prefix starts another ("XS" and "XSRC"), the rest of the longer one must begin
    // with a capital, which a lowercased value can never start with.
    for (const auto& a : fields()) {
        for (const auto& b : fields()) {
            if (a.prefix.empty() || b.prefix.empty() || a.prefix == b.prefix) continue;
            if (b.prefix.size() > a.prefix.size() &&
                b.prefix.substr(0, a.prefix.size()) == a.prefix) {
                const char next = b.prefix[a.prefix.size()];
                BOOST_TEST((next >= 'A' && next <= 'Z'),
                           a.prefix << " is ambiguous with " << b.prefix);
            }
        }
        for (char c : a.prefix) BOOST_TEST((c >= 'A' && c <= 'Z'), "prefix " << a.prefix);
    }
}

BOOST_AUTO_TEST_CASE(every_facet_has_a_slot) {
    for (const auto& f : fields()) {
        if (f.facet) BOOST_TEST(f.slot_count >= 1u, f.name);
    }
}

BOOST_AUTO_TEST_CASE(id_and_title_prefixes_match_the_constants) {
    BOOST_TEST(field("id").prefix == kIdPrefix);
    BOOST_TEST(field("title").prefix == kTitlePrefix);
}

BOOST_AUTO_TEST_CASE(field_lookup) {
    BOOST_TEST(find_field("country") != nullptr);
    BOOST_TEST(find_field("nonsense") == nullptr);
    BOOST_CHECK_THROW(field("nonsense"), std::logic_error);
}

BOOST_AUTO_TEST_CASE(term_lowercases_the_value) {
    BOOST_TEST(term(field("country"), "KR") == "XCkr");
    BOOST_TEST(term(field("person"), "antony-blinken") == "XPantony-blinken");
}

// Each form of value, as the indexer files it and the query parser looks it up.
BOOST_AUTO_TEST_CASE(encode_follows_the_rows_value_form) {
    const auto check = [](const char* f, const char* raw, const char* term, const char* value,
                          const char* label = "") {
        const EncodedValue e = encode(field(f), raw);
        BOOST_TEST(e.term == term, f << ":" << raw);
        BOOST_TEST(e.value == value, f << ":" << raw);
        BOOST_TEST(e.label == label, f << ":" << raw);
    };
    check("country", "KR", "XCkr", "KR");
    check("minister", "antony-blinken", "XMIantony-blinken", "antony-blinken");
    check("lang", "EN", "Len", "en");
    check("source", "Yonhap News", "XSRCyonhap-news", "yonhap-news", "Yonhap News");
    check("year", "2024", "Y2024", "2024");
    check("month", "2024-10", "M202410", "2024-10");
    check("day", "2024-10-31", "D20241031", "2024-10-31");
    check("mentioned", "2024", "XMY2024", "2024");
    check("mentioned", "2024-10", "XMM202410", "2024-10");
    check("mentioned", "2024-10-31", "XMD20241031", "2024-10-31");
}

BOOST_AUTO_TEST_CASE(label_keys_use_the_rows_namespace) {
    BOOST_TEST(label_key(field("person"), "antony-blinken") ==
               "attache.label.person.antony-blinken");
    BOOST_TEST(label_key(field("minister"), "cho-tae-yul") == "attache.label.person.cho-tae-yul");
    BOOST_TEST(label_key(field("summit"), "g20") == "attache.label.event.g20");
    BOOST_TEST(label_key(field("source"), "yonhap") == "attache.label.source.yonhap");
    BOOST_CHECK_THROW(label_key(field("nonsense"), "x"), std::logic_error);
}

BOOST_AUTO_TEST_CASE(id_term_keeps_short_ids) {
    BOOST_TEST(id_term("abc-123") == "Qabc-123");
    const std::string longest(kMaxIdTermBytes - kIdPrefix.size(), 'x');
    BOOST_TEST(id_term(longest) == "Q" + longest);
}

BOOST_AUTO_TEST_CASE(id_term_hashes_long_ids) {
    const std::string too_long(kMaxIdTermBytes, 'x');
    const std::string t = id_term(too_long);
    BOOST_TEST(t.size() <= 245u);
    BOOST_TEST(t.substr(0, 2) == "Q#");
    BOOST_TEST(t == id_term(too_long));
    BOOST_TEST(t != id_term(too_long + "y"));
    BOOST_TEST(id_term(std::string(10000, 'z')).size() <= 245u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(enclosing_periods_run_from_year_to_the_date) {
    using V = std::vector<std::string>;
    BOOST_TEST(enclosing_periods("2024-10-31") == (V{"2024", "2024-10", "2024-10-31"}));
    BOOST_TEST(enclosing_periods("2024-10") == (V{"2024", "2024-10"}));
    BOOST_TEST(enclosing_periods("2024") == V{"2024"});
    BOOST_TEST(iso_digits("2024-10-31") == "20241031");
}

BOOST_AUTO_TEST_CASE(open_ended_values_bound_every_date) {
    const std::string first = PartialDate{1, 1, 1}.value(),
                      last = PartialDate{9999, 12, 31}.value();
    BOOST_TEST(kEarliestDateValue <= first);
    BOOST_TEST(kLatestDateValue >= last);
}

BOOST_AUTO_TEST_CASE(partial_date_iso_and_value) {
    BOOST_TEST((PartialDate{2024, 0, 0}.iso()) == "2024");
    BOOST_TEST((PartialDate{2024, 0, 0}.value()) == "20240101");
    BOOST_TEST((PartialDate{2024, 3, 0}.iso()) == "2024-03");
    BOOST_TEST((PartialDate{2024, 3, 0}.value()) == "20240301");
    BOOST_TEST((PartialDate{2024, 3, 7}.iso()) == "2024-03-07");
    BOOST_TEST((PartialDate{2024, 3, 7}.value()) == "20240307");
}

BOOST_AUTO_TEST_CASE(unknown_partial_date_is_empty) {
    const PartialDate d;
    BOOST_TEST(!d.known());
    BOOST_TEST(d.iso() == "");
    BOOST_TEST(d.value() == "");
}

BOOST_AUTO_TEST_CASE(parse_iso_partial_accepts_the_three_forms) {
    BOOST_TEST((parse_iso_partial("2024") == PartialDate{2024, 0, 0}));
    BOOST_TEST((parse_iso_partial("2024-10") == PartialDate{2024, 10, 0}));
    BOOST_TEST((parse_iso_partial("2024-10-31") == PartialDate{2024, 10, 31}));
    BOOST_TEST((parse_iso_partial("2024-02-29") == PartialDate{2024, 2, 29}));
}

BOOST_AUTO_TEST_CASE(parse_iso_partial_rejects_impossible_and_malformed_dates) {
    for (const char* bad :
         {"2024-02-30", "2023-02-29", "2024-1", "2024-13", "2024-00", "2024-04-31", "0000", "24",
          "2024-10-1", "2024/10/01", "", "2024-10-31T00:00", "abcd"}) {
        BOOST_TEST(!parse_iso_partial(bad).has_value(), bad);
    }
}

BOOST_AUTO_TEST_CASE(leap_years) {
    BOOST_TEST(days_in_month(2024, 2) == 29);
    BOOST_TEST(days_in_month(2023, 2) == 28);
    BOOST_TEST(days_in_month(1900, 2) == 28);
    BOOST_TEST(days_in_month(2000, 2) == 29);
    BOOST_TEST(days_in_month(2100, 2) == 28);
    BOOST_TEST(days_in_month(2024, 13) == 0);
}

BOOST_AUTO_TEST_CASE(days_from_civil_known_values) {
    BOOST_TEST(days_from_civil(1970, 1, 1) == 0L);
    BOOST_TEST(days_from_civil(1970, 1, 2) == 1L);
    BOOST_TEST(days_from_civil(1969, 12, 31) == -1L);
    BOOST_TEST(days_from_civil(2000, 3, 1) == 11017L);
    BOOST_TEST(days_from_civil(2024, 11, 1) == 20028L);
}

BOOST_AUTO_TEST_CASE(civil_days_round_trip) {
    long expected = days_from_civil(1800, 1, 1);
    for (int y = 1800; y <= 2200; ++y) {
        for (int m = 1; m <= 12; ++m) {
            for (int d = 1; d <= days_in_month(y, m); ++d) {
                const long days = days_from_civil(y, m, d);
                BOOST_REQUIRE_EQUAL(days, expected);
                const PartialDate back = civil_from_days(days);
                BOOST_REQUIRE((back == PartialDate{y, m, d}));
                ++expected;
            }
        }
    }
    BOOST_TEST((civil_from_days(0) == PartialDate{1970, 1, 1}));
    BOOST_TEST((civil_from_days(days_from_civil(2024, 2, 29) + 1) == PartialDate{2024, 3, 1}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stored_article)

BOOST_AUTO_TEST_CASE(encode_decode_round_trip) {
    StoredArticle a;
    a.id = "abc";
    a.title = "Cho Tae-yul meets Zelenskyy\xE2\x80\x99s envoy in \xEC\x84\x9C\xEC\x9A\xB8";
    a.body =
        "Line one.\n\nS\xC3\xA9"
        "bastien \"quoted\"";
    a.url = "https://example.com/a";
    a.published = "2024-11-01T09:30:00+09:00";
    a.source = "Yonhap";
    a.lang = "en";
    a.author = "Kim";
    StoredEntity p{"antony-blinken", "Antony Blinken", {"Secretary of State"}, "US", "", "", 3};
    StoredEntity c{"KR", "South Korea", {}, "", "", "", 2};
    StoredEntity e{"g20-2024", "G20 Rio summit", {}, "BR", "summit", "g20", 1};
    a.entities["person"] = {p};
    a.entities["country"] = {c};
    a.entities["event"] = {e};

    const StoredArticle b = decode_article(encode_article(a));
    BOOST_TEST(b.id == a.id);
    BOOST_TEST(b.title == a.title);
    BOOST_TEST(b.body == a.body);
    BOOST_TEST(b.url == a.url);
    BOOST_TEST(b.published == a.published);
    BOOST_TEST(b.source == a.source);
    BOOST_TEST(b.lang == a.lang);
    BOOST_TEST(b.author == a.author);
    BOOST_REQUIRE_EQUAL(b.entities.at("person").size(), 1u);
    const auto& bp = b.entities.at("person")[0];
    BOOST_TEST(bp.id == "antony-blinken");
    BOOST_TEST(bp.name == "Antony Blinken");
    BOOST_TEST(bp.roles == p.roles);
    BOOST_TEST(bp.country == "US");
    BOOST_TEST(bp.count == 3);
    BOOST_TEST(b.entities.at("country")[0].id == "KR");
    const auto& be = b.entities.at("event")[0];
    BOOST_TEST(be.type == "summit");
    BOOST_TEST(be.series == "g20");
    BOOST_TEST(be.country == "BR");
}

BOOST_AUTO_TEST_CASE(every_stored_kind_is_present_after_decoding) {
    StoredArticle a;
    a.id = "x";
    const StoredArticle b = decode_article(encode_article(a));
    for (const std::string& kind : stored_entity_kinds()) {
        BOOST_TEST(b.entities.count(kind) == 1u, kind);
        BOOST_TEST(b.entities.at(kind).empty(), kind);
    }
    BOOST_TEST(b.url == "");
}

BOOST_AUTO_TEST_CASE(decode_rejects_non_attache_data) {
    BOOST_CHECK_THROW(decode_article(""), std::runtime_error);
    BOOST_CHECK_THROW(decode_article("not json"), std::runtime_error);
    BOOST_CHECK_THROW(decode_article("[1,2]"), std::runtime_error);
    BOOST_CHECK_THROW(decode_article(R"({"title":"x"})"), std::runtime_error);
    BOOST_CHECK_THROW(decode_article(R"({"v":1})"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(encode_replaces_invalid_utf8) {
    StoredArticle a;
    a.id = "x";
    a.title = "bad \xFF byte";
    std::string data;
    BOOST_REQUIRE_NO_THROW(data = encode_article(a));
    BOOST_TEST(decode_article(data).title == "bad \xEF\xBF\xBD byte");
}

BOOST_AUTO_TEST_SUITE_END()
