#include "schema/fields.h"

#include <array>
#include <stdexcept>

#include "common/text.h"
#include "schema/dates.h"

namespace attache::schema {

namespace {

// Slot ranges are spaced out so that a kind can grow its cap without renumbering the others;
// tests/unit/schema_test.cpp proves that no two ranges overlap. The order of the rows is the
// order of facets in messages and in stats, and of the groups of the packed facet value.
// Within a row, a line each for: name, kind and prefix; slots; how values are filed and
// resolved; where they show. (Kept out of clang-format, which would give each a line.)
// clang-format off
constexpr std::array kFields = {
    FieldSpec{.name = "title", .kind = FieldKind::text, .prefix = "S"},
    FieldSpec{.name = "person", .kind = FieldKind::entity, .prefix = "XP",
              .first_slot = 10, .slot_count = 16, .facet = true,
              .form = ValueForm::id, .kb_kind = "person", .label_namespace = "person",
              .stored_entity = true, .stats = StatsListing::top_values, .suggested = true},
    FieldSpec{.name = "country", .kind = FieldKind::entity, .prefix = "XC",
              .first_slot = 30, .slot_count = 24, .facet = true,
              .form = ValueForm::id, .kb_kind = "country", .label_namespace = "country",
              .stored_entity = true, .stats = StatsListing::top_values, .suggested = true},
    FieldSpec{.name = "org", .kind = FieldKind::entity, .prefix = "XO",
              .first_slot = 60, .slot_count = 16, .facet = true,
              .form = ValueForm::id, .kb_kind = "org", .label_namespace = "org",
              .stored_entity = true, .stats = StatsListing::top_values, .suggested = true},
    FieldSpec{.name = "event", .kind = FieldKind::entity, .prefix = "XE",
              .first_slot = 80, .slot_count = 12, .facet = true,
              .form = ValueForm::id, .kb_kind = "event", .label_namespace = "event",
              .stored_entity = true, .suggested = true},
    FieldSpec{.name = "summit", .kind = FieldKind::entity, .prefix = "XS",
              .first_slot = 140, .slot_count = 12, .facet = true,
              .form = ValueForm::id, .kb_kind = "event", .kb_type = "summit",
              .label_namespace = "event",
              .stats = StatsListing::top_values, .suggested = true},
    FieldSpec{.name = "role", .kind = FieldKind::entity, .prefix = "XR",
              .first_slot = 100, .slot_count = 8, .facet = true,
              .form = ValueForm::id, .kb_kind = "role", .label_namespace = "role",
              .suggested = true},
    FieldSpec{.name = "minister", .kind = FieldKind::entity, .prefix = "XMI",
              .first_slot = 110, .slot_count = 8, .facet = true,
              .form = ValueForm::id, .kb_kind = "person", .label_namespace = "person",
              .suggested = true},
    FieldSpec{.name = "place", .kind = FieldKind::entity, .prefix = "XL",
              .first_slot = 120, .slot_count = 8, .facet = true,
              .form = ValueForm::id, .kb_kind = "place", .label_namespace = "place",
              .stored_entity = true, .suggested = true},
    FieldSpec{.name = "source", .kind = FieldKind::keyword, .prefix = "XSRC",
              .first_slot = 1, .slot_count = 1, .facet = true,
              .form = ValueForm::slug, .label_namespace = "source",
              .stats = StatsListing::top_values, .suggested = true},
    FieldSpec{.name = "lang", .kind = FieldKind::keyword, .prefix = "L",
              .first_slot = 2, .slot_count = 1, .facet = true,
              .form = ValueForm::lowercase},
    FieldSpec{.name = "year", .kind = FieldKind::date_part, .prefix = "Y",
              .first_slot = 3, .slot_count = 1, .facet = true, .chronological = true,
              .form = ValueForm::iso_date,
              .stats = StatsListing::all_values},
    FieldSpec{.name = "month", .kind = FieldKind::date_part, .prefix = "M",
              .first_slot = 4, .slot_count = 1, .facet = true, .chronological = true,
              .form = ValueForm::iso_date},
    FieldSpec{.name = "day", .kind = FieldKind::date_part, .prefix = "D",
              .first_slot = 5, .slot_count = 1, .facet = true, .chronological = true,
              .form = ValueForm::iso_date},
    FieldSpec{.name = "date", .kind = FieldKind::date,
              .first_slot = kSlotPublished, .slot_count = 1},
    FieldSpec{.name = "mentioned", .kind = FieldKind::mentioned, .prefix = "XMD",
              .first_slot = 160, .slot_count = 24, .facet = true,
              .chronological = true, .form = ValueForm::mentioned_date},
    FieldSpec{.name = "id", .kind = FieldKind::id, .prefix = "Q"},
};
// clang-format on

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

EncodedValue encode(const FieldSpec& f, std::string_view raw) {
    EncodedValue out;
    switch (f.form) {
        case ValueForm::none:
        case ValueForm::id:
            out.value = raw;
            out.term = term(f, raw);
            break;
        case ValueForm::lowercase:
            out.value = ascii_lower(raw);
            out.term = term(f, out.value);
            break;
        case ValueForm::slug:
            out.value = slugify(raw);
            out.term = term(f, out.value);
            out.label = raw;
            break;
        case ValueForm::iso_date:
            out.value = raw;
            out.term = std::string(f.prefix) + iso_digits(raw);
            break;
        case ValueForm::mentioned_date:
            out.value = raw;
            out.term = mentioned_term(raw);
            break;
    }
    return out;
}

std::string mentioned_term(std::string_view iso) {
    const std::string digits = iso_digits(iso);
    const std::string_view prefix = digits.size() == 4   ? kMentionedYearPrefix
                                    : digits.size() == 6 ? kMentionedMonthPrefix
                                                         : kMentionedDayPrefix;
    return std::string(prefix) + digits;
}

std::string label_key(const FieldSpec& f, std::string_view id) {
    const std::string_view space = f.label_namespace.empty() ? f.name : f.label_namespace;
    return std::string(kLabelMetadataPrefix).append(space).append(".").append(id);
}

std::string id_term(std::string_view id) {
    std::string t(kIdPrefix);
    if (id.size() + t.size() <= kMaxIdTermBytes) return t.append(id);
    return t.append("#").append(hex64(fnv1a64(id)));
}

}  // namespace attache::schema
