// One value slot (kSlotPackedFacets) that repeats all of an article's facet slots and its
// overflow slot, so that counting facets on a local database reads one value per matching
// article instead of one per slot (a 3-facet query read about seven). The per-slot values stay:
// remote shards count them with Xapian's own spies, and they serve sorting and ranges.
//
// Layout: the format byte '1', then one group per field that has values (and one for the
// overflow slot), in slot order: the group's first slot (the field's first_slot, or
// kSlotOverflow) and the group's length in bytes, then each value of the group, in slot
// (salience) order, as its length and its bytes. Numbers are unsigned LEB128 varints. A reader
// skips the groups of facets it was not asked for without looking at their values, and groups
// name slots rather than fields, so the layout does not depend on the order of the field table.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace attache::schema {

inline constexpr char kPackedFacetsFormat = '1';

// The group a slot's value goes into: the first slot of the facet field holding `slot`, or
// kSlotOverflow for it; Xapian::BAD_VALUENO for slots that are not packed.
Xapian::valueno packed_facet_group(Xapian::valueno slot);

// The packed value of a document whose slots are all set. Always non-empty, even for an
// article without facet values: a schema 3 database has it on every document.
std::string pack_facet_values(const Xapian::Document& doc);

// For each group of `packed`: target = select(first_slot); when target >= 0, calls
// fn(target, value) for each of the group's values, in order. False if `packed` is not a
// well-formed packed value (fn may have been called for the values before the fault).
template <class Select, class Fn>
bool unpack_facet_values(std::string_view packed, Select&& select, Fn&& fn);

namespace packed_detail {
inline bool read_varint(const char*& p, const char* end, uint64_t& out) {
    if (p != end && !(static_cast<unsigned char>(*p) & 0x80)) {  // the usual case: one byte
        out = static_cast<unsigned char>(*p++);
        return true;
    }
    out = 0;
    for (unsigned shift = 0; p != end && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(*p++);
        out |= uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}
}  // namespace packed_detail

template <class Select, class Fn>
bool unpack_facet_values(std::string_view packed, Select&& select, Fn&& fn) {
    using packed_detail::read_varint;
    if (packed.empty() || packed[0] != kPackedFacetsFormat) return false;
    const char* p = packed.data() + 1;
    const char* end = packed.data() + packed.size();
    while (p != end) {
        uint64_t slot, group_len;
        if (!read_varint(p, end, slot) || !read_varint(p, end, group_len) ||
            group_len > uint64_t(end - p) || slot > Xapian::BAD_VALUENO) {
            return false;
        }
        const char* group_end = p + group_len;
        const int target = select(static_cast<Xapian::valueno>(slot));
        if (target < 0) {
            p = group_end;
            continue;
        }
        while (p != group_end) {
            uint64_t len;
            if (!read_varint(p, group_end, len) || len > uint64_t(group_end - p)) return false;
            fn(target, std::string_view(p, len));
            p += len;
        }
    }
    return true;
}

}  // namespace attache::schema
