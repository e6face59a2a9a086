// Facet values of every article of a local database held in memory as small integers (a column
// store), for processes that count facets more than once: `search --batch` and `serve` own a
// FacetColumnCache and hand it to each search (SearchRequest::columns).
//
// Counting from the packed value stream reads and decodes each matching article's value
// through Xapian and looks every value string up, on every query: at 100k articles that is about
// 300 ns per match, so a query matching half of a million articles spends 150 ms on its facets
// alone. The columns are built once per database revision by one pass over the packed slot;
// then a match costs a few array reads (docid -> its value numbers -> counters). A one-shot
// search does not build them: that costs about as much as counting every article once.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace attache {

class FacetColumns {
  public:
    // One pass over the packed slot (and the sequence slot) of a single local database. Throws
    // DatabaseError on a malformed packed value.
    static std::shared_ptr<const FacetColumns> build(const Xapian::Database& db);

    // Dense number of the packed group whose first slot is `slot`, or -1 when no article has
    // a value in it.
    int group_of_slot(Xapian::valueno slot) const {
        return slot < group_of_slot_.size() ? group_of_slot_[slot] : -1;
    }
    size_t group_count() const { return values_.size(); }
    // Value number -> value, per group.
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

// The columns of the databases a long-lived process searches, each kept for the revision it was
// built from: a search of a newer revision (the indexer committed) gets new columns. Owned by the
// process (the batch run, the server) and shared by its threads.
class FacetColumnCache {
  public:
    // The columns of `db` (a single local database of schema 3), built now if there are none
    // for its current revision.
    std::shared_ptr<const FacetColumns> get(const Xapian::Database& db);
    // The same, but only if they are built already (never builds).
    std::shared_ptr<const FacetColumns> if_built(const Xapian::Database& db) const;

  private:
    struct Entry {
        Xapian::rev revision = 0;
        std::shared_ptr<const FacetColumns> columns;
    };
    mutable std::mutex mutex_;
    std::map<std::string, Entry> by_uuid_;
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
    // After the database moved to a new revision.
    void use(std::shared_ptr<const FacetColumns> columns) { columns_ = std::move(columns); }

  private:
    std::shared_ptr<const FacetColumns> columns_;
};

}  // namespace attache
