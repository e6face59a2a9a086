// Facet values of every article of a local database held in memory as small integers (a column
// store), for processes that count facets more than once: `search --batch` and `serve`.
//
// Counting from the packed slot (local_facet_spy.h) reads and decodes each matching article's
// value through Xapian's value stream, and hashes every value string, on every query: at 100k
// articles that is about 300 ns per match, so a query matching half of a million articles spends
// 150 ms on its facets alone. The columns are built once per database revision by one pass
// over the packed slot; then a match costs a few array reads (docid -> its value numbers ->
// counters). One-shot processes never build them (see keep_in_memory).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "schema/fields.h"
#include "searcher/value_tally.h"

namespace attache {

class FacetColumns {
  public:
    // Turns the columns on for this process: `search --batch` and `serve` call it; a one-shot
    // search does not (building costs about as much as counting every article once).
    static void keep_in_memory();

    // The columns of `db` (a single local database whose documents all carry the packed slot),
    // built on first use and again when the database has moved to a new revision; nullptr
    // unless keep_in_memory() was called. Thread-safe.
    static std::shared_ptr<const FacetColumns> for_database(const Xapian::Database& db);
    // The same, but only if they are built already (never builds).
    static std::shared_ptr<const FacetColumns> if_built(const Xapian::Database& db);

    // Builds them now (one pass over the packed slot). Throws DatabaseError on a malformed value.
    static std::shared_ptr<const FacetColumns> build(const Xapian::Database& db);

    // Dense number of the packed group whose first slot is `slot`, or -1.
    int group_of_slot(Xapian::valueno slot) const {
        return slot < group_of_slot_.size() ? group_of_slot_[slot] : -1;
    }
    size_t group_count() const { return values_.size(); }
    const std::vector<std::string>& values(int group) const { return values_[group]; }
    Xapian::docid last_docid() const { return static_cast<Xapian::docid>(starts_.size() - 2); }

    // Document `did`'s indexing sequence (slot 7, kSequenceBytes digits), or "" if it has none.
    std::string_view sequence(Xapian::docid did) const {
        const size_t at = static_cast<size_t>(did) * kSequenceBytes;
        if (at + kSequenceBytes > sequences_.size() || sequences_[at] == '\0') return {};
        return std::string_view(sequences_.data() + at, kSequenceBytes);
    }

    // Calls fn(group, value number) for each facet value of document `did`.
    template <class Fn>
    void for_each(Xapian::docid did, Fn&& fn) const {
        if (did + 1 >= starts_.size()) return;
        for (uint32_t i = starts_[did], end = starts_[did + 1]; i < end; ++i)
            fn(static_cast<int>(entries_[i] >> 24), entries_[i] & 0xFFFFFFu);
    }

  private:
    static constexpr size_t kSequenceBytes = 12;  // "%012llu", indexer/index_writer.cpp

    std::vector<int> group_of_slot_;
    std::vector<std::vector<std::string>> values_;  // per group: value number -> value
    std::vector<uint32_t> starts_;                  // docid -> first entry; docid + 1 ends it
    std::vector<uint32_t> entries_;                 // group << 24 | value number
    std::string sequences_;  // kSequenceBytes per docid, NUL bytes where there is none
};

// The relevance tie-break (indexing sequence, slot 7) read from the columns instead of the
// document: Xapian's sort by value reads the slot through the document for every match, which
// on a pure filter (every score 0, every match a tie) was 40% of `country:US` over 100k
// articles. The keys are the slot's own bytes, so the order is the same.
class SequenceKeyMaker : public Xapian::KeyMaker {
  public:
    explicit SequenceKeyMaker(std::shared_ptr<const FacetColumns> columns)
        : columns_(std::move(columns)) {}
    std::string operator()(const Xapian::Document& doc) const override {
        return std::string(columns_->sequence(doc.get_docid()));
    }

  private:
    std::shared_ptr<const FacetColumns> columns_;
};

// Counts the requested facets and the overflow slot from the columns; the same results as
// PackedFacetsSpy, through the same ValueTally interface.
class ColumnFacetsSpy : public Xapian::MatchSpy {
  public:
    ColumnFacetsSpy(std::shared_ptr<const FacetColumns> columns,
                    const std::vector<const schema::FieldSpec*>& fields);
    void operator()(const Xapian::Document& doc, double weight) override;
    // Every document of the database, without the matcher (`*`).
    void count_all();
    // Valid after finish(), which turns the counters into tallies.
    void finish();
    const ValueTally& tally(size_t field) const { return tallies_[slot_of_field_[field]]; }
    const ValueTally& overflow_tally() const { return tallies_[overflow_slot_]; }

  private:
    void count(Xapian::docid did) {
        columns_->for_each(did, [this](int group, uint32_t value) {
            const int c = counter_of_group_[group];
            if (c >= 0) ++counters_[c][value];
        });
    }

    std::shared_ptr<const FacetColumns> columns_;
    std::vector<int> counter_of_group_;  // group -> counters_ index, -1: not asked
    std::vector<int> group_of_counter_;  // counters_ index -> group
    std::vector<std::vector<Xapian::doccount>> counters_;  // per counted group, per value number
    std::vector<ValueTally> tallies_;                      // per counted group, after finish()
    std::vector<size_t> slot_of_field_;                    // fields[i] -> counters_/tallies_ index
    size_t overflow_slot_ = 0;
};

}  // namespace attache
