#include "schema/packed_facets.h"

#include "schema/fields.h"

namespace attache::schema {

namespace {

void write_varint(std::string& out, uint64_t n) {
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7f) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
}

}  // namespace

Xapian::valueno packed_facet_group(Xapian::valueno slot) {
    if (slot == kSlotOverflow) return slot;
    for (const auto& f : fields()) {
        if (f.facet && f.first_slot <= slot && slot < f.first_slot + f.slot_count)
            return f.first_slot;
    }
    return Xapian::BAD_VALUENO;
}

std::string pack_facet_values(const Xapian::Document& doc) {
    std::string out(1, kPackedFacetsFormat);
    // Values come in slot order and a field's slots are contiguous, so a group is a run.
    Xapian::valueno group = Xapian::BAD_VALUENO;
    std::string values;
    const auto flush = [&] {
        if (group == Xapian::BAD_VALUENO) return;
        write_varint(out, group);
        write_varint(out, values.size());
        out += values;
        values.clear();
    };
    for (auto it = doc.values_begin(); it != doc.values_end(); ++it) {
        const Xapian::valueno g = packed_facet_group(it.get_valueno());
        if (g == Xapian::BAD_VALUENO) continue;
        if (g != group) {
            flush();
            group = g;
        }
        const std::string value = *it;
        write_varint(values, value.size());
        values += value;
    }
    flush();
    return out;
}

}  // namespace attache::schema
