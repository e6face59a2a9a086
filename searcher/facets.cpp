#include "searcher/facets.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "common/errors.h"
#include "common/text.h"
#include "schema/packed_facets.h"
#include "searcher/facet_columns.h"
#include "searcher/local_facet_spy.h"

namespace attache {

namespace sc = attache::schema;

namespace {

// Date facets are histograms: values in order of time, no labels.
bool is_date_like(const sc::FieldSpec& f) {
    return f.kind == sc::FieldKind::date_part || f.kind == sc::FieldKind::mentioned;
}

}  // namespace

bool is_local_database(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(std::filesystem::path(path) / "iamglass", ec);
}

FacetRequest parse_facet_request(const std::string& text) {
    FacetRequest r;
    std::string name = text;
    if (auto colon = text.find(':'); colon != std::string::npos) {
        name = text.substr(0, colon);
        const std::string n = text.substr(colon + 1);
        if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || n.size() > 6) {
            throw UsageError("--facet " + text +
                             ": the count after ':' must be a number (0 for all values)");
        }
        r.limit = std::stoul(n);
    }
    r.field = sc::find_field(name);
    if (!r.field || !r.field->facet) {
        std::string names;
        for (const auto& f : sc::fields()) {
            if (!f.facet) continue;
            if (!names.empty()) names += ", ";
            names += f.name;
        }
        throw UsageError("--facet " + text + ": no such facet (facets: " + names + ")");
    }
    // Date histograms read best whole, in order of time.
    if (is_date_like(*r.field) && text.find(':') == std::string::npos) r.limit = 0;
    return r;
}

FacetCounter::FacetCounter(std::vector<FacetRequest> requests, const LazyKb& kb,
                           const Xapian::Database& db, bool local)
    : requests_(std::move(requests)), kb_(kb), db_(db), local_(local) {}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    spies_.clear();
    ranked_.clear();
    packed_.reset();
    column_.reset();
    local_overflow_.reset();
    overflow_spy_.reset();
    if (local_ && !requests_.empty() && sc::has_packed_facets(db_)) {
        std::vector<const sc::FieldSpec*> fields;
        for (const auto& r : requests_) fields.push_back(r.field);
        // A process that counts facets again (batch, serve) keeps them in memory.
        if (auto columns = FacetColumns::for_database(db_)) {
            column_ = std::make_unique<ColumnFacetsSpy>(std::move(columns), fields);
            enquire.add_matchspy(column_.get());
            return;
        }
        packed_ = std::make_unique<PackedFacetsSpy>(db_, fields);
        enquire.add_matchspy(packed_.get());
        return;
    }
    for (const auto& r : requests_) {
        if (local_) {
            ranked_.push_back(
                std::make_unique<RankedSlotsSpy>(db_, r.field->first_slot, r.field->slot_count));
            enquire.add_matchspy(ranked_.back().get());
            continue;
        }
        auto& slots = spies_.emplace_back();
        for (unsigned i = 0; i < r.field->slot_count; ++i) {
            slots.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(r.field->first_slot + i));
            enquire.add_matchspy(slots.back().get());
        }
    }
    if (requests_.empty()) return;
    if (local_) {
        local_overflow_ = std::make_unique<RankedSlotsSpy>(db_, sc::kSlotOverflow, 1);
        enquire.add_matchspy(local_overflow_.get());
    } else {
        overflow_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(sc::kSlotOverflow);
        enquire.add_matchspy(overflow_spy_.get());
    }
}

bool FacetCounter::count_all_documents() {
    if (column_) {
        column_->count_all();
        return true;
    }
    if (!packed_) return false;
    packed_->count_all(db_);
    return true;
}

std::string FacetCounter::label(const sc::FieldSpec& f, const std::string& id) const {
    if (is_date_like(f)) return "";
    // The name stored at index time is what the article was indexed with; reading it avoids
    // loading the KB for a facet.
    if (std::string stored = db_.get_metadata(sc::label_key(f, id)); !stored.empty()) return stored;
    const auto kind = kb::parse_kind(f.kb_kind);
    if (!kind) return id;
    const kb::Entity* e = kb_.get().find(*kind, id);
    return e ? e->name : id;
}

std::vector<FacetResult> FacetCounter::results() const {
    std::map<std::string, Xapian::doccount> overflow_by_kind;
    if (overflow_spy_) {
        for (auto it = overflow_spy_->values_begin(); it != overflow_spy_->values_end(); ++it) {
            for (const auto& kind : split(*it, ',')) overflow_by_kind[kind] += it.get_termfreq();
        }
    }
    if (column_) column_->finish();
    if (local_overflow_ || packed_ || column_) {
        const ValueTally& tally = column_   ? column_->overflow_tally()
                                  : packed_ ? packed_->overflow_tally()
                                            : local_overflow_->tally();
        for (size_t i = 0; i < tally.size(); ++i) {
            for (const auto& kind : split(tally.values()[i], ','))
                overflow_by_kind[kind] += tally.counts()[i];
        }
    }
    std::vector<FacetResult> out;
    for (size_t r = 0; r < requests_.size(); ++r) {
        const sc::FieldSpec& f = *requests_[r].field;
        // An article holds a value in at most one of a field's slots, so summing the slots'
        // counts counts articles.
        std::map<std::string, Xapian::doccount> counts;
        if (local_) {
            const ValueTally& tally = column_   ? column_->tally(r)
                                      : packed_ ? packed_->tally(r)
                                                : ranked_[r]->tally();
            for (size_t i = 0; i < tally.size(); ++i)
                counts[tally.values()[i]] += tally.counts()[i];
        } else {
            for (const auto& spy : spies_[r]) {
                for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
                    counts[*it] += it.get_termfreq();
            }
        }
        FacetResult result;
        result.field = std::string(f.name);
        for (const auto& [id, n] : counts) result.values.push_back({id, "", n});
        if (is_date_like(f)) {
            // Chronological; with a limit, the most recent N.
            if (requests_[r].limit && result.values.size() > requests_[r].limit) {
                result.values.erase(result.values.begin(),
                                    result.values.end() - static_cast<long>(requests_[r].limit));
            }
        } else {
            std::stable_sort(
                result.values.begin(), result.values.end(),
                [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
            if (requests_[r].limit && result.values.size() > requests_[r].limit) {
                result.values.resize(requests_[r].limit);
            }
            for (auto& v : result.values) v.name = label(f, v.id);
        }
        if (auto it = overflow_by_kind.find(result.field); it != overflow_by_kind.end()) {
            result.overflowed = it->second;
        }
        out.push_back(std::move(result));
    }
    return out;
}

}  // namespace attache
