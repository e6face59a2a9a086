#include "searcher/facet_columns.h"

#include "common/errors.h"
#include "schema/fields.h"
#include "schema/packed_facets.h"
#include "searcher/value_tally.h"

namespace attache {

namespace sc = attache::schema;

namespace {

// Group numbers are kept in 8 bits and value numbers in 24 (FacetColumns::entries_).
constexpr size_t kMaxGroups = 255;
constexpr uint32_t kMaxValues = 1u << 24;

}  // namespace

std::shared_ptr<const FacetColumns> FacetColumnCache::get(const Xapian::Database& db) {
    const std::string uuid = db.get_uuid();
    if (uuid.empty()) return FacetColumns::build(db);
    std::lock_guard lock(mutex_);
    Entry& entry = by_uuid_[uuid];
    const Xapian::rev revision = db.get_revision();
    if (!entry.columns || entry.revision != revision) {
        entry.columns.reset();  // the old revision's memory goes first
        entry.columns = FacetColumns::build(db);
        entry.revision = revision;
    }
    return entry.columns;
}

std::shared_ptr<const FacetColumns> FacetColumnCache::if_built(const Xapian::Database& db) const {
    std::lock_guard lock(mutex_);
    const auto it = by_uuid_.find(db.get_uuid());
    if (it == by_uuid_.end() || it->second.revision != db.get_revision()) return nullptr;
    return it->second.columns;
}

std::shared_ptr<const FacetColumns> FacetColumns::build(const Xapian::Database& db) {
    auto out = std::make_shared<FacetColumns>();
    FacetColumns& c = *out;
    std::vector<ValueNumbers> numbers;  // per group; their values become values_ at the end
    c.starts_.assign(static_cast<size_t>(db.get_lastdocid()) + 2, 0);
    const auto group_for = [&](Xapian::valueno slot) -> int {
        if (slot >= c.group_of_slot_.size()) c.group_of_slot_.resize(slot + 1, -1);
        if (c.group_of_slot_[slot] < 0) {
            if (c.values_.size() >= kMaxGroups) return -1;
            c.group_of_slot_[slot] = static_cast<int>(c.values_.size());
            c.values_.emplace_back();
            numbers.emplace_back();
        }
        return c.group_of_slot_[slot];
    };
    Xapian::docid next = 1;  // the first docid whose start is not set yet
    const Xapian::ValueIterator end = db.valuestream_end(sc::kSlotPackedFacets);
    for (auto it = db.valuestream_begin(sc::kSlotPackedFacets); it != end; ++it) {
        const Xapian::docid did = it.get_docid();
        const auto here = static_cast<uint32_t>(c.entries_.size());
        for (; next <= did; ++next) c.starts_[next] = here;  // docids without a value: none
        const std::string packed = *it;
        const bool ok =
            sc::unpack_facet_values(packed, group_for, [&](int group, std::string_view v) {
                const uint32_t number = numbers[group].number(v);
                if (number >= kMaxValues)
                    throw DatabaseError("too many facet values to hold in memory");
                c.entries_.push_back(static_cast<uint32_t>(group) << 24 | number);
            });
        if (!ok) {
            throw DatabaseError("document " + std::to_string(did) +
                                " has a malformed packed facet value (slot 8): re-index the "
                                "database");
        }
    }
    for (size_t g = 0; g < numbers.size(); ++g) c.values_[g] = numbers[g].values();
    for (; next < c.starts_.size(); ++next)
        c.starts_[next] = static_cast<uint32_t>(c.entries_.size());
    c.sequences_.assign(c.starts_.size() * kSequenceBytes, '\0');
    const Xapian::ValueIterator seq_end = db.valuestream_end(sc::kSlotSequence);
    for (auto it = db.valuestream_begin(sc::kSlotSequence); it != seq_end; ++it) {
        const std::string value = *it;
        const size_t at = static_cast<size_t>(it.get_docid()) * kSequenceBytes;
        if (value.size() == kSequenceBytes && at + kSequenceBytes <= c.sequences_.size())
            value.copy(c.sequences_.data() + at, kSequenceBytes);
    }
    return out;
}

}  // namespace attache
