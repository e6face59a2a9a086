#include "searcher/local_facet_spy.h"

#include "common/errors.h"
#include "schema/packed_facets.h"

namespace attache {

bool SlotStream::read(Xapian::docid did, std::string& value) {
    static const Xapian::ValueIterator end;
    if (!started_ || did < last_) {
        it_ = db_.valuestream_begin(slot_);
        started_ = true;
    }
    last_ = did;
    if (it_ == end) return false;
    if (it_.get_docid() < did) {
        it_.skip_to(did);
        if (it_ == end) return false;
    }
    if (it_.get_docid() != did) return false;
    value = *it_;
    return true;
}

RankedSlotsSpy::RankedSlotsSpy(const Xapian::Database& db, Xapian::valueno first, unsigned count) {
    streams_.reserve(count);
    for (unsigned i = 0; i < count; ++i) streams_.emplace_back(db, first + i);
}

void RankedSlotsSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();
    for (auto& stream : streams_) {
        if (!stream.read(did, value_)) break;
        tally_.add(value_);
    }
}

PackedFacetsSpy::PackedFacetsSpy(const Xapian::Database& db,
                                 const std::vector<const schema::FieldSpec*>& fields)
    : stream_(db, schema::kSlotPackedFacets) {
    // A field asked for twice (--facet country --facet country:3) is counted once.
    const auto tally_for = [&](Xapian::valueno group) {
        if (group >= target_.size()) target_.resize(group + 1, -1);
        if (target_[group] < 0) {
            target_[group] = static_cast<int>(tallies_.size());
            tallies_.emplace_back();
        }
        return static_cast<size_t>(target_[group]);
    };
    for (const auto* f : fields) tally_of_field_.push_back(tally_for(f->first_slot));
    overflow_tally_ = tally_for(schema::kSlotOverflow);
}

void PackedFacetsSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();
    // has_packed_facets checked that every document has the value.
    if (!stream_.read(did, packed_)) {
        throw DatabaseError("document " + std::to_string(did) +
                            " has no packed facet value (slot 8): re-index the database");
    }
    count(did, packed_);
}

void PackedFacetsSpy::count_all(const Xapian::Database& db) {
    const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotPackedFacets);
    for (auto it = db.valuestream_begin(schema::kSlotPackedFacets); it != end; ++it) {
        packed_ = *it;
        count(it.get_docid(), packed_);
    }
}

void PackedFacetsSpy::count(Xapian::docid did, const std::string& packed) {
    const bool ok = schema::unpack_facet_values(
        packed, [&](Xapian::valueno group) { return group < target_.size() ? target_[group] : -1; },
        [&](int target, std::string_view value) { tallies_[target].add(value); });
    if (!ok) {
        throw DatabaseError("document " + std::to_string(did) +
                            " has a malformed packed facet value (slot 8): re-index the database");
    }
}

}  // namespace attache
