// The facet counter of a local database (one glass directory): reads a field's value slots as
// streams and tallies them. Remote shards cannot run it (Xapian 1.4's remote backend runs only
// its own spies) and use one ValueCountMatchSpy per slot instead; both give the same counts
// (tests/unit/search_test.cpp).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "schema/fields.h"
#include "searcher/value_tally.h"

namespace attache {

// One value slot read as a stream (Database::valuestream_begin) rather than through the
// Document: Document::get_value finds the slot's chunk in the B-tree again and decodes it from
// its start on every read, and all slots share one cursor, so reading several slots per article
// re-reads blocks; a stream decodes each chunk once, in docid order.
class SlotStream {
  public:
    SlotStream(const Xapian::Database& db, Xapian::valueno slot) : db_(db), slot_(slot) {}
    // Sets `value` to document `did`'s value in the slot; false when it has none. The matcher
    // hands a local match's documents over in ascending docid order; a docid below the last one
    // restarts the stream, so the answer is right in any order.
    bool read(Xapian::docid did, std::string& value);

  private:
    Xapian::Database db_;
    Xapian::valueno slot_;
    Xapian::ValueIterator it_;
    bool started_ = false;
    Xapian::docid last_ = 0;
};

// Counts the values of `count` slots from `first`. The indexer fills a field's slots from its
// first one, in salience order and without gaps (indexer/document_builder.cpp, add_facet), so
// the first empty slot ends an article's values: about two reads per field and article instead
// of 16 or 24. An id occurs at most once among an article's slots, so the tally counts articles.
class RankedSlotsSpy : public Xapian::MatchSpy {
  public:
    RankedSlotsSpy(const Xapian::Database& db, Xapian::valueno first, unsigned count);
    void operator()(const Xapian::Document& doc, double weight) override;
    const ValueTally& tally() const { return tally_; }

  private:
    std::vector<SlotStream> streams_;
    ValueTally tally_;
    std::string value_;  // reused: no allocation per value
};

// Counts every requested field and the overflow slot from the packed value (schema/
// packed_facets.h): one stream read per matching article for all facets together. Only for
// databases where every document has it (schema::has_packed_facets).
class PackedFacetsSpy : public Xapian::MatchSpy {
  public:
    // `fields`: the requested facets, in order; tally(i) counts fields[i]. The overflow slot is
    // always counted (overflow_tally).
    PackedFacetsSpy(const Xapian::Database& db,
                    const std::vector<const schema::FieldSpec*>& fields);
    void operator()(const Xapian::Document& doc, double weight) override;
    // Counts every document of the database straight from the stream, without the matcher:
    // for a query that matches them all (`*`, stats).
    void count_all(const Xapian::Database& db);
    const ValueTally& tally(size_t field) const { return tallies_[tally_of_field_[field]]; }
    const ValueTally& overflow_tally() const { return tallies_[overflow_tally_]; }

  private:
    void count(Xapian::docid did, const std::string& packed);

    SlotStream stream_;
    std::vector<int> target_;          // group (first slot) -> index into tallies_, -1: not counted
    std::vector<ValueTally> tallies_;  // one per distinct field, and one for the overflow slot
    std::vector<size_t> tally_of_field_;  // fields[i] -> index into tallies_
    size_t overflow_tally_ = 0;
    std::string packed_;
};

}  // namespace attache
