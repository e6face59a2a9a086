// Counts how often each string occurs, for the local facet counter: an open-addressing table
// keyed by a cheap hash of the value. Facet values are short ids ("US", "2024",
// "antony-blinken") drawn from a small vocabulary and counted millions of times per query;
// std::unordered_map<std::string, ...> (node per value, std::hash over the bytes, a modulo by a
// prime) was the largest single cost of a facet query in perf (docs/benchmarks.md).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace attache {

class ValueTally {
  public:
    ValueTally() : table_(16) {}

    void add(std::string_view value, Xapian::doccount n = 1) {
        const uint64_t h = hash(value);
        size_t i = h & (table_.size() - 1);
        while (table_[i].index) {
            const Entry& e = table_[i];
            if (e.hash == h && values_[e.index - 1] == value) {
                counts_[e.index - 1] += n;
                return;
            }
            i = (i + 1) & (table_.size() - 1);
        }
        values_.emplace_back(value);
        counts_.push_back(n);
        table_[i] = {h, static_cast<uint32_t>(values_.size())};
        if (values_.size() * 2 > table_.size()) grow();
    }

    size_t size() const { return values_.size(); }
    // Values in the order they were first seen, with their counts.
    const std::vector<std::string>& values() const { return values_; }
    const std::vector<Xapian::doccount>& counts() const { return counts_; }

  private:
    struct Entry {
        uint64_t hash = 0;
        uint32_t index = 0;  // 1 + position in values_; 0: empty
    };

    // Eight bytes at a time, multiplied and folded: short ids are one or two words.
    static uint64_t hash(std::string_view v) {
        uint64_t h = 0x9e3779b97f4a7c15ull ^ v.size();
        size_t i = 0;
        for (; i + 8 <= v.size(); i += 8) {
            uint64_t word;
            std::memcpy(&word, v.data() + i, 8);
            h = (h ^ word) * 0xff51afd7ed558ccdull;
            h ^= h >> 29;
        }
        uint64_t tail = 0;
        std::memcpy(&tail, v.data() + i, v.size() - i);
        h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
        return h ^ (h >> 32);
    }

    void grow() {
        std::vector<Entry> bigger(table_.size() * 2);
        for (const Entry& e : table_) {
            if (!e.index) continue;
            size_t i = e.hash & (bigger.size() - 1);
            while (bigger[i].index) i = (i + 1) & (bigger.size() - 1);
            bigger[i] = e;
        }
        table_.swap(bigger);
    }

    std::vector<Entry> table_;  // size: a power of two, at most half full
    std::vector<std::string> values_;
    std::vector<Xapian::doccount> counts_;
};

}  // namespace attache
