#include "searcher/local_facet_spy.h"

#include "common/errors.h"
#include "schema/fields.h"
#include "schema/packed_facets.h"
#include "searcher/value_tally.h"

namespace attache {

namespace sc = attache::schema;

int FacetCounts::add_group(Xapian::valueno group) {
    if (group >= counter_of_group_.size()) counter_of_group_.resize(group + 1, -1);
    if (counter_of_group_[group] < 0) {
        counter_of_group_[group] = static_cast<int>(groups_.size());
        groups_.push_back(group);
        counts_.emplace_back();
    }
    return counter_of_group_[group];
}

namespace {

// The packed slot read as a stream (Database::valuestream_begin) rather than through the
// Document: Document::get_value finds the slot's chunk in the B-tree again and decodes it from
// its start on every read; a stream decodes each chunk once, in docid order. Each value is
// numbered per counter as it is first seen.
class PackedValueSource : public FacetValueSource {
  public:
    explicit PackedValueSource(const Xapian::Database& db) : db_(db) {}

    void prepare(FacetCounts& counts) override {
        targets_.resize(counts.size());
        for (size_t c = 0; c < counts.size(); ++c)
            targets_[c].counts = &counts.counts(static_cast<int>(c));
    }

    void count(Xapian::docid did, FacetCounts& counts) override {
        static const Xapian::ValueIterator end;
        // The matcher hands a local match's documents over in ascending docid order; a docid
        // below the last one restarts the stream, so the answer is right in any order.
        if (!started_ || did < last_) {
            it_ = db_.valuestream_begin(sc::kSlotPackedFacets);
            started_ = true;
        }
        last_ = did;
        if (it_ != end && it_.get_docid() < did) it_.skip_to(did);
        if (it_ == end || it_.get_docid() != did) {
            throw DatabaseError("document " + std::to_string(did) +
                                " has no packed facet value (slot 8): run attache upgrade");
        }
        packed_ = *it_;
        add(did, packed_, counts);
    }

    void count_all(FacetCounts& counts) override {
        const Xapian::ValueIterator end = db_.valuestream_end(sc::kSlotPackedFacets);
        for (auto it = db_.valuestream_begin(sc::kSlotPackedFacets); it != end; ++it) {
            packed_ = *it;
            add(it.get_docid(), packed_, counts);
        }
    }

    const std::string& value(const FacetCounts&, int counter, uint32_t number) const override {
        return targets_[counter].numbers.values()[number];
    }

  private:
    void add(Xapian::docid did, std::string_view packed, FacetCounts& counts) {
        const bool ok = sc::unpack_facet_values(
            packed, [&](Xapian::valueno group) { return counts.counter_of(group); },
            [&](int counter, std::string_view v) {
                Target& t = targets_[counter];
                FacetCounts::add(*t.counts, t.numbers.number(v));
            });
        if (!ok) {
            throw DatabaseError("document " + std::to_string(did) +
                                " has a malformed packed facet value (slot 8): re-index the "
                                "database");
        }
    }

    Xapian::Database db_;
    Xapian::ValueIterator it_;
    bool started_ = false;
    Xapian::docid last_ = 0;
    // Per counter: the numbers given to its values, and its counts.
    struct Target {
        ValueNumbers numbers;
        std::vector<Xapian::doccount>* counts = nullptr;
    };
    std::string packed_;  // reused: no allocation per article
    std::vector<Target> targets_;
};

// The columns number values per group already: a count is a few array reads.
class ColumnValueSource : public FacetValueSource {
  public:
    explicit ColumnValueSource(std::shared_ptr<const FacetColumns> columns)
        : columns_(std::move(columns)) {}

    // The columns' dense group numbers -> the counters asked for (-1: not counted).
    void prepare(FacetCounts& counts) override {
        counter_of_group_.assign(columns_->group_count(), -1);
        for (size_t c = 0; c < counts.size(); ++c) {
            const int group = columns_->group_of_slot(counts.group(static_cast<int>(c)));
            if (group >= 0) counter_of_group_[group] = static_cast<int>(c);
        }
    }

    void count(Xapian::docid did, FacetCounts& counts) override {
        columns_->for_each(did, [&](int group, uint32_t number) {
            const int counter = counter_of_group_[group];
            if (counter >= 0) counts.add(counter, number);
        });
    }

    void count_all(FacetCounts& counts) override {
        for (Xapian::docid did = 1; did <= columns_->last_docid(); ++did) count(did, counts);
    }

    const std::string& value(const FacetCounts& counts, int counter,
                             uint32_t number) const override {
        return columns_->values(columns_->group_of_slot(counts.group(counter)))[number];
    }

  private:
    std::shared_ptr<const FacetColumns> columns_;
    std::vector<int> counter_of_group_;
};

}  // namespace

std::unique_ptr<FacetValueSource> packed_value_source(const Xapian::Database& db) {
    return std::make_unique<PackedValueSource>(db);
}

std::unique_ptr<FacetValueSource> column_value_source(std::shared_ptr<const FacetColumns> columns) {
    return std::make_unique<ColumnValueSource>(std::move(columns));
}

LocalFacetSpy::LocalFacetSpy(std::unique_ptr<FacetValueSource> source,
                             const std::vector<Xapian::valueno>& groups)
    : source_(std::move(source)) {
    for (const auto g : groups) counts_.add_group(g);
    counts_.add_group(sc::kSlotOverflow);
    source_->prepare(counts_);
}

void LocalFacetSpy::operator()(const Xapian::Document& doc, double) {
    source_->count(doc.get_docid(), counts_);
}

}  // namespace attache
