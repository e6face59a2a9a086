// The facet counter of a local database (one glass directory): every requested facet and the
// overflow slot counted from the packed facet value (schema/packed_facets.h), one read per
// matching article. Where the values come from is a FacetValueSource: the packed value stream
// (a one-shot search), or the in-memory columns of a long-lived process (facet_columns.h).
// Remote shards cannot run this spy (Xapian 1.4's remote backend runs only its own spies) and
// count with one ValueCountMatchSpy per slot instead; both give the same counts
// (tests/unit/search_test.cpp).
#pragma once

#include <xapian.h>

#include <memory>
#include <string_view>
#include <vector>

#include "searcher/facet_columns.h"

namespace attache {

// Per packed group asked for (a field's first slot, or kSlotOverflow): how many articles hold
// each value, by the value's number (numbered by the source).
class FacetCounts {
  public:
    // The counter of `group`, added if new: a field asked for twice is counted once.
    int add_group(Xapian::valueno group);
    // The counter of `group`, or -1 when it is not counted.
    int counter_of(Xapian::valueno group) const {
        return group < counter_of_group_.size() ? counter_of_group_[group] : -1;
    }
    size_t size() const { return groups_.size(); }
    Xapian::valueno group(int counter) const { return groups_[counter]; }

    void add(int counter, uint32_t number) { add(counts_[counter], number); }
    // The same for counts(counter), kept at hand by a source that counts per value.
    static void add(std::vector<Xapian::doccount>& counts, uint32_t number) {
        if (number >= counts.size()) [[unlikely]]
            counts.resize(number + 1);
        ++counts[number];
    }
    // Value number -> articles, for one counter.
    const std::vector<Xapian::doccount>& counts(int counter) const { return counts_[counter]; }
    std::vector<Xapian::doccount>& counts(int counter) { return counts_[counter]; }

  private:
    std::vector<int> counter_of_group_;
    std::vector<Xapian::valueno> groups_;
    std::vector<std::vector<Xapian::doccount>> counts_;
};

// Where a local count reads each article's facet values from.
class FacetValueSource {
  public:
    virtual ~FacetValueSource() = default;
    // Called once, before counting, with the groups that will be counted.
    virtual void prepare(FacetCounts& counts) = 0;
    // Adds document `did`'s values of the counted groups to `counts`.
    virtual void count(Xapian::docid did, FacetCounts& counts) = 0;
    // Adds every document of the database, without the matcher (a query matching them all).
    virtual void count_all(FacetCounts& counts) = 0;
    // The value that `number` stands for in `counter`'s group.
    virtual const std::string& value(const FacetCounts& counts, int counter,
                                     uint32_t number) const = 0;
};

// The packed value stream of `db`; throws DatabaseError for a document without a well-formed
// packed value (schema 3 databases have one on every document).
std::unique_ptr<FacetValueSource> packed_value_source(const Xapian::Database& db);
// The in-memory columns of `db`.
std::unique_ptr<FacetValueSource> column_value_source(std::shared_ptr<const FacetColumns> columns);

class LocalFacetSpy : public Xapian::MatchSpy {
  public:
    // `groups`: the first slots of the requested fields (kSlotOverflow is always counted).
    LocalFacetSpy(std::unique_ptr<FacetValueSource> source,
                  const std::vector<Xapian::valueno>& groups);
    void operator()(const Xapian::Document& doc, double weight) override;
    void count_all() { source_->count_all(counts_); }

    // Calls fn(value, articles) for each value of `group` counted so far.
    template <class Fn>
    void for_each_value(Xapian::valueno group, Fn&& fn) const {
        const int counter = counts_.counter_of(group);
        if (counter < 0) return;
        const auto& counts = counts_.counts(counter);
        for (uint32_t n = 0; n < counts.size(); ++n) {
            if (counts[n]) fn(source_->value(counts_, counter, n), counts[n]);
        }
    }

  private:
    std::unique_ptr<FacetValueSource> source_;
    FacetCounts counts_;
};

}  // namespace attache
