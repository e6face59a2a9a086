// Numbers distinct strings 0, 1, 2... in the order they are first seen, for the local facet
// counter reading packed values (searcher/local_facet_spy.h), which then counts by number, and
// for the in-memory facet columns (searcher/facet_columns.h): an open-addressing table keyed by a
// cheap hash of the value. Facet values are short ids ("US", "2024", "antony-blinken") drawn from a
// small vocabulary and looked up millions of times per query; std::unordered_map<std::string, ...>
// (node per value, std::hash over the bytes, a modulo by a prime) was the largest single cost of a
// facet query in perf (docs/benchmarks.md).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace attache {

class ValueNumbers {
  public:
    ValueNumbers() : table_(16) {}

    // The number of `value`, given it if it is new.
    [[gnu::always_inline]] uint32_t number(std::string_view value) {
        const uint64_t key = short_key(value);
        const uint64_t h = hash(value, key);
        size_t i = h & (table_.size() - 1);
        while (table_[i].index) {
            const Entry& e = table_[i];
            // Values of up to eight bytes are equal when their lengths and keys are.
            if (e.hash == h && e.size == value.size() && e.key == key &&
                (value.size() <= 8 || values_[e.index - 1] == value)) {
                return e.index - 1;
            }
            i = (i + 1) & (table_.size() - 1);
        }
        values_.emplace_back(value);
        const auto added = static_cast<uint32_t>(values_.size());
        table_[i] = {h, key, added, static_cast<uint32_t>(value.size())};
        if (values_.size() * 2 > table_.size()) grow();
        return added - 1;
    }

    size_t size() const { return values_.size(); }
    // Value number i is values()[i].
    const std::vector<std::string>& values() const { return values_; }

  private:
    struct Entry {
        uint64_t hash = 0;
        uint64_t key = 0;    // short_key of the value
        uint32_t index = 0;  // 1 + position in values_; 0: empty
        uint32_t size = 0;   // the value's length
    };

    // The bytes of a value of up to eight bytes, in one word, without a call to memcpy: two
    // overlapping loads cover 4 to 8 bytes, three single bytes cover 1 to 3. For a given length
    // the word is unique to the value. Longer values: their first and last four bytes (the
    // hash and a full comparison decide).
    static uint64_t short_key(std::string_view v) {
        const auto* p = reinterpret_cast<const unsigned char*>(v.data());
        const size_t n = v.size();
        if (n >= 4) {
            uint32_t lo, hi;
            std::memcpy(&lo, p, 4);
            std::memcpy(&hi, p + n - 4, 4);
            return uint64_t(lo) | uint64_t(hi) << 32;
        }
        if (n == 0) return 0;
        return uint64_t(p[0]) | uint64_t(p[n / 2]) << 8 | uint64_t(p[n - 1]) << 16;
    }

    // Short values: a mix of their key and length; longer ones eight bytes at a time,
    // multiplied and folded.
    static uint64_t hash(std::string_view v, uint64_t key) {
        uint64_t h = (key ^ (uint64_t(v.size()) << 56)) * 0x9e3779b97f4a7c15ull;
        for (size_t i = 0; v.size() > 8 && i + 8 <= v.size(); i += 8) {
            uint64_t word;
            std::memcpy(&word, v.data() + i, 8);
            h = (h ^ word) * 0xff51afd7ed558ccdull;
            h ^= h >> 29;
        }
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
};

}  // namespace attache
