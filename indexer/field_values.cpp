#include "indexer/field_values.h"

#include <algorithm>

namespace attache {

namespace sc = attache::schema;

namespace {

size_t row_of(const sc::FieldSpec& field) {
    return static_cast<size_t>(&field - sc::fields().data());
}

}  // namespace

void FieldValues::add(const sc::FieldSpec& field, std::string text, std::string label) {
    if (text.empty()) return;
    auto& values = by_field_[row_of(field)];
    const bool known = std::any_of(values.begin(), values.end(),
                                   [&](const FieldValue& v) { return v.text == text; });
    if (!known) values.push_back({std::move(text), std::move(label)});
}

void FieldValues::add(std::string_view field_name, std::string text, std::string label) {
    add(sc::field(field_name), std::move(text), std::move(label));
}

const std::vector<FieldValue>& FieldValues::of(const sc::FieldSpec& field) const {
    return by_field_[row_of(field)];
}

FieldValues field_values(const Article& article, const extract::Extraction& ex,
                         const std::optional<sc::PartialDate>& published,
                         const kb::KnowledgeBase& kb) {
    FieldValues values;
    // Entities of a stored kind file under the field of that kind, labelled with their names,
    // and under the fields that narrow the kind to a type (summit: the events that are
    // summits). An event instance also files under its series, so that summit:G20 finds every
    // G20 summit and the count of a facet value equals the number of articles its filter finds.
    for (const auto& f : sc::fields()) {
        if (!f.stored_entity && f.kb_type.empty()) continue;
        const auto entities = ex.entities.find(std::string(f.kb_kind));
        if (entities == ex.entities.end()) continue;
        const auto kind = kb::parse_kind(f.kb_kind);
        for (const auto& e : entities->second) {
            if (!f.kb_type.empty() && e.type != f.kb_type) continue;
            values.add(f, e.id, f.stored_entity ? e.name : "");
            if (e.series.empty()) continue;
            const kb::Entity* series = kind ? kb.find(*kind, e.series) : nullptr;
            values.add(f, e.series, f.stored_entity && series ? series->name : "");
        }
    }
    for (const auto& r : ex.roles) values.add("role", r.id, r.name);
    for (const auto& id : ex.ministers) values.add("minister", id);
    // Each mentioned date also files under its month and year, so that the facet count of
    // "2024-10" equals what mentioned:2024-10 finds.
    for (const std::string& iso : ex.mentioned) {
        for (auto& period : sc::enclosing_periods(iso)) values.add("mentioned", std::move(period));
    }
    values.add("source", article.source);
    values.add("lang", article.lang);
    if (published) {
        const auto periods = sc::enclosing_periods(published->iso());
        constexpr std::string_view kPeriodFields[] = {"year", "month", "day"};
        for (size_t i = 0; i < periods.size(); ++i) values.add(kPeriodFields[i], periods[i]);
    }
    return values;
}

}  // namespace attache
