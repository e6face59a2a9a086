#include "searcher/facets.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "common/errors.h"
#include "common/text.h"
#include "schema/packed_facets.h"
#include "searcher/local_facet_spy.h"

namespace attache {

namespace sc = attache::schema;

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
    if (r.field->chronological && text.find(':') == std::string::npos) r.limit = 0;
    return r;
}

FacetCounter::FacetCounter(std::vector<FacetRequest> requests, const LazyKb& kb,
                           const Xapian::Database& db, bool local, FacetColumnCache* columns)
    : requests_(std::move(requests)), kb_(kb), db_(db), local_(local), columns_(columns) {}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    local_spy_.reset();
    spies_.clear();
    overflow_spy_.reset();
    if (requests_.empty()) return;
    if (local_) {
        std::vector<Xapian::valueno> groups;
        for (const auto& r : requests_) groups.push_back(r.field->first_slot);
        local_spy_ = std::make_unique<LocalFacetSpy>(
            columns_ ? column_value_source(columns_->get(db_)) : packed_value_source(db_), groups);
        enquire.add_matchspy(local_spy_.get());
        return;
    }
    for (const auto& r : requests_) {
        auto& slots = spies_.emplace_back();
        for (unsigned i = 0; i < r.field->slot_count; ++i) {
            slots.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(r.field->first_slot + i));
            enquire.add_matchspy(slots.back().get());
        }
    }
    overflow_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(sc::kSlotOverflow);
    enquire.add_matchspy(overflow_spy_.get());
}

bool FacetCounter::count_all_documents() {
    if (!local_spy_) return false;
    local_spy_->count_all();
    return true;
}

std::string FacetCounter::label(const sc::FieldSpec& f, const std::string& id) const {
    if (f.chronological) return "";
    // The name stored at index time is what the article was indexed with; reading it avoids
    // loading the KB for a facet.
    if (std::string stored = db_.get_metadata(sc::label_key(f, id)); !stored.empty()) return stored;
    const auto kind = kb::parse_kind(f.kb_kind);
    if (!kind) return id;
    const kb::Entity* e = kb_.get().find(*kind, id);
    return e ? e->name : id;
}

std::vector<FacetResult> FacetCounter::results() const {
    // Overflow values list the kinds that overflowed: "country,person".
    std::map<std::string, Xapian::doccount> overflow_by_kind;
    const auto add_overflow = [&](const std::string& kinds, Xapian::doccount n) {
        for (const auto& kind : split(kinds, ',')) overflow_by_kind[kind] += n;
    };
    if (local_spy_) local_spy_->for_each_value(sc::kSlotOverflow, add_overflow);
    if (overflow_spy_) {
        for (auto it = overflow_spy_->values_begin(); it != overflow_spy_->values_end(); ++it)
            add_overflow(*it, it.get_termfreq());
    }
    std::vector<FacetResult> out;
    for (size_t r = 0; r < requests_.size(); ++r) {
        const sc::FieldSpec& f = *requests_[r].field;
        std::map<std::string, Xapian::doccount> counts;
        const auto add = [&](const std::string& id, Xapian::doccount n) { counts[id] += n; };
        if (local_spy_) local_spy_->for_each_value(f.first_slot, add);
        // An article holds a value in at most one of a field's slots, so summing the slots'
        // counts counts articles.
        if (!spies_.empty()) {
            for (const auto& spy : spies_[r]) {
                for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
                    add(*it, it.get_termfreq());
            }
        }
        FacetResult result;
        result.field = std::string(f.name);
        for (const auto& [id, n] : counts) result.values.push_back({id, "", n});
        if (f.chronological) {
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
