#define BOOST_TEST_MODULE value_tally
#include "searcher/value_tally.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>

using namespace attache;

namespace {

// Counts by value number, as the local facet counter does.
struct ValueTally {
    ValueNumbers numbers;
    std::vector<unsigned> counts;

    void add(std::string_view value, unsigned n = 1) {
        const uint32_t i = numbers.number(value);
        if (i >= counts.size()) counts.resize(i + 1);
        counts[i] += n;
    }
    size_t size() const { return numbers.size(); }
};

std::map<std::string, unsigned> as_map(const ValueTally& t) {
    std::map<std::string, unsigned> out;
    for (size_t i = 0; i < t.size(); ++i) out[t.numbers.values()[i]] += t.counts[i];
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(counts_equal_a_map_over_many_values) {
    // Short codes, long ids and values sharing their first eight bytes, enough of them to make
    // the table grow several times.
    std::mt19937 rng(7);
    std::map<std::string, unsigned> expected;
    ValueTally tally;
    for (int i = 0; i < 20000; ++i) {
        const unsigned k = rng() % 700;
        std::string v;
        switch (k % 3) {
            case 0:
                v = std::string(1, char('A' + k % 26)) + char('A' + k / 26 % 26);
                break;
            case 1:
                v = "person-with-a-long-id-" + std::to_string(k);
                break;
            default:
                v = "20" + std::to_string(k);
                break;
        }
        ++expected[v];
        tally.add(v);
    }
    BOOST_TEST(tally.size() == expected.size());
    BOOST_TEST((as_map(tally) == expected));
}

BOOST_AUTO_TEST_CASE(short_values_differing_in_any_byte_are_distinct) {
    // Every length up to nine, each value differing from the base in one byte.
    ValueTally tally;
    std::map<std::string, unsigned> expected;
    for (size_t n = 1; n <= 9; ++n) {
        const std::string base(n, 'a');
        for (size_t i = 0; i < n; ++i) {
            std::string v = base;
            v[i] = 'b';
            tally.add(v);
            tally.add(base);
            ++expected[v];
            ++expected[base];
        }
    }
    BOOST_TEST((as_map(tally) == expected));
}

BOOST_AUTO_TEST_CASE(empty_and_binary_values_are_distinct_keys) {
    ValueTally tally;
    tally.add("");
    tally.add(std::string("a\0b", 3));
    tally.add(std::string("a\0c", 3));
    tally.add(std::string("a\0b", 3), 4);
    tally.add("a");
    const auto m = as_map(tally);
    BOOST_TEST(m.size() == 4u);
    BOOST_TEST(m.at("") == 1u);
    BOOST_TEST(m.at(std::string("a\0b", 3)) == 5u);
    BOOST_TEST(m.at(std::string("a\0c", 3)) == 1u);
    BOOST_TEST(m.at("a") == 1u);
}
