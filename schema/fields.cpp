#include "schema/fields.h"

#include <array>
#include <stdexcept>

#include "common/text.h"

namespace attache::schema {

namespace {

// Slot ranges are spaced out so that a kind can grow its cap without renumbering the others;
// tests/unit/schema_test.cpp proves that no two ranges overlap.
constexpr std::array kFields = {
    FieldSpec{"title", FieldKind::text, "S", 0, 0, false, false, "words in the title"},
    FieldSpec{"person", FieldKind::entity, "XP", 10, 16, true, true,
              "a person, by name, alias or id (person:blinken)"},
    FieldSpec{"country", FieldKind::entity, "XC", 30, 24, true, true,
              "a country, by name, demonym, alias or ISO code (country:KR)"},
    FieldSpec{"org", FieldKind::entity, "XO", 60, 16, true, true,
              "an organization, by name, acronym or id (org:NATO)"},
    FieldSpec{"event", FieldKind::entity, "XE", 80, 12, true, true,
              "an event: a summit, meeting or conference, series or instance (event:g20-2024)"},
    FieldSpec{"summit", FieldKind::entity, "XS", 140, 12, true, true,
              "an event that is a summit (summit:G20)"},
    FieldSpec{
        "role", FieldKind::entity, "XR", 100, 8, true, true,
        "the office a mentioned person held on the article's date (role:\"foreign minister\")"},
    FieldSpec{"minister", FieldKind::entity, "XMI", 110, 8, true, true,
              "a person mentioned while holding a ministerial office (minister:cho)"},
    FieldSpec{"place", FieldKind::entity, "XL", 120, 8, true, true,
              "a city or venue (place:Seoul)"},
    FieldSpec{"source", FieldKind::keyword, "XSRC", 1, 1, false, true, "the outlet"},
    FieldSpec{"lang", FieldKind::keyword, "L", 2, 1, false, true, "the language code (lang:en)"},
    FieldSpec{"year", FieldKind::date_part, "Y", 3, 1, false, true, "published year (facet)"},
    FieldSpec{"month", FieldKind::date_part, "M", 4, 1, false, true, "published month (facet)"},
    FieldSpec{"day", FieldKind::date_part, "D", 5, 1, false, true, "published day (facet)"},
    FieldSpec{"date", FieldKind::date, "", kSlotPublished, 1, false, false,
              "published date or range (date:2024-10..2024-11)"},
    FieldSpec{"mentioned", FieldKind::mentioned, "XMD", 160, 24, true, true,
              "a date mentioned in the text, or a range (mentioned:2024-10..2024-11)"},
    FieldSpec{"id", FieldKind::id, "Q", 0, 0, false, false, "the article id"},
};

}  // namespace

std::span<const FieldSpec> fields() {
    return kFields;
}

const FieldSpec* find_field(std::string_view name) {
    for (const auto& f : kFields) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

const FieldSpec& field(std::string_view name) {
    const FieldSpec* f = find_field(name);
    if (!f) throw std::logic_error("schema has no field " + std::string(name));
    return *f;
}

std::string term(const FieldSpec& f, std::string_view value) {
    return std::string(f.prefix) + ascii_lower(value);
}

std::string label_key(std::string_view field, std::string_view id) {
    if (field == "minister") field = "person";
    if (field == "summit") field = "event";
    return std::string(kLabelMetadataPrefix).append(field).append(".").append(id);
}

std::string id_term(std::string_view id) {
    std::string t(kIdPrefix);
    if (id.size() + t.size() <= kMaxIdTermBytes) return t.append(id);
    return t.append("#").append(hex64(fnv1a64(id)));
}

}  // namespace attache::schema
