#include "searcher/facet_columns.h"

#include <atomic>
#include <map>
#include <mutex>
#include <unordered_map>

#include "common/errors.h"
#include "schema/packed_facets.h"

namespace attache {

namespace sc = attache::schema;

namespace {

// The columns of the last revision seen, per database (by uuid).
struct CacheEntry {
    Xapian::rev revision = 0;
    std::shared_ptr<const FacetColumns> columns;
};

std::mutex cache_mutex;
std::map<std::string, CacheEntry> cache;
std::atomic<bool> enabled{false};

// Group numbers are kept in 8 bits and value numbers in 24 (FacetColumns::entries_).
constexpr size_t kMaxGroups = 255;
constexpr uint32_t kMaxValues = 1u << 24;

}  // namespace

void FacetColumns::keep_in_memory() {
    enabled = true;
}

std::shared_ptr<const FacetColumns> FacetColumns::for_database(const Xapian::Database& db) {
    if (!enabled) return nullptr;
    const std::string uuid = db.get_uuid();
    if (uuid.empty()) return nullptr;
    std::lock_guard lock(cache_mutex);
    CacheEntry& entry = cache[uuid];
    const Xapian::rev revision = db.get_revision();
    if (!entry.columns || entry.revision != revision) {
        entry.columns.reset();  // the old revision's memory goes first
        entry.columns = build(db);
        entry.revision = revision;
    }
    return entry.columns;
}

std::shared_ptr<const FacetColumns> FacetColumns::if_built(const Xapian::Database& db) {
    if (!enabled) return nullptr;
    std::lock_guard lock(cache_mutex);
    const auto it = cache.find(db.get_uuid());
    if (it == cache.end() || it->second.revision != db.get_revision()) return nullptr;
    return it->second.columns;
}

std::shared_ptr<const FacetColumns> FacetColumns::build(const Xapian::Database& db) {
    auto out = std::make_shared<FacetColumns>();
    FacetColumns& c = *out;
    std::vector<std::unordered_map<std::string, uint32_t>> numbers;
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
                auto& known = numbers[group];
                auto [pos, added] = known.try_emplace(std::string(v), 0);
                if (added) {
                    if (c.values_[group].size() >= kMaxValues)
                        throw DatabaseError("too many facet values to hold in memory");
                    pos->second = static_cast<uint32_t>(c.values_[group].size());
                    c.values_[group].emplace_back(v);
                }
                c.entries_.push_back(static_cast<uint32_t>(group) << 24 | pos->second);
            });
        if (!ok) {
            throw DatabaseError("document " + std::to_string(did) +
                                " has a malformed packed facet value (slot 8): re-index the "
                                "database");
        }
    }
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

ColumnFacetsSpy::ColumnFacetsSpy(std::shared_ptr<const FacetColumns> columns,
                                 const std::vector<const sc::FieldSpec*>& fields)
    : columns_(std::move(columns)), counter_of_group_(columns_->group_count(), -1) {
    // One counter per distinct group asked for (a field asked for twice is counted once); a
    // field no article has a value of gets a counter that stays empty.
    const auto counter_for = [&](Xapian::valueno first_slot) -> size_t {
        const int group = columns_->group_of_slot(first_slot);
        if (group >= 0 && counter_of_group_[group] >= 0)
            return static_cast<size_t>(counter_of_group_[group]);
        const size_t index = counters_.size();
        counters_.emplace_back(group >= 0 ? columns_->values(group).size() : 0, 0);
        group_of_counter_.push_back(group);
        if (group >= 0) counter_of_group_[group] = static_cast<int>(index);
        return index;
    };
    for (const auto* f : fields) slot_of_field_.push_back(counter_for(f->first_slot));
    overflow_slot_ = counter_for(sc::kSlotOverflow);
}

void ColumnFacetsSpy::operator()(const Xapian::Document& doc, double) {
    count(doc.get_docid());
}

void ColumnFacetsSpy::count_all() {
    for (Xapian::docid did = 1; did <= columns_->last_docid(); ++did) count(did);
}

void ColumnFacetsSpy::finish() {
    tallies_.assign(counters_.size(), ValueTally());
    for (size_t c = 0; c < counters_.size(); ++c) {
        const int group = group_of_counter_[c];
        for (size_t v = 0; v < counters_[c].size(); ++v) {
            if (counters_[c][v]) tallies_[c].add(columns_->values(group)[v], counters_[c][v]);
        }
    }
}

}  // namespace attache
