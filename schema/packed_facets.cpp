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

bool is_packed_facet_slot(Xapian::valueno slot) {
    if (slot == kSlotOverflow) return true;
    for (const auto& f : fields()) {
        if (f.facet && f.first_slot <= slot && slot < f.first_slot + f.slot_count) return true;
    }
    return false;
}

std::string pack_facet_values(const Xapian::Document& doc) {
    std::string out(1, kPackedFacetsFormat);
    for (auto it = doc.values_begin(); it != doc.values_end(); ++it) {
        const Xapian::valueno slot = it.get_valueno();
        if (!is_packed_facet_slot(slot)) continue;
        const std::string value = *it;
        write_varint(out, slot);
        write_varint(out, value.size());
        out += value;
    }
    return out;
}

bool has_packed_facets(const Xapian::Database& db) {
    const Xapian::doccount docs = db.get_doccount();
    return docs > 0 && db.get_value_freq(kSlotPackedFacets) == docs;
}

}  // namespace attache::schema
