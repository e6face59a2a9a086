// One value slot (kSlotPackedFacets) that repeats all of an article's facet slots and its
// overflow slot, so that counting facets on a local database reads one value per matching
// article instead of one per slot (a 3-facet query read about seven). The per-slot values stay:
// remote shards count them with Xapian's own spies, and they serve sorting and ranges.
//
// Layout: the format byte '1', then per non-empty slot, in slot order: the slot number and the
// value's length as unsigned LEB128 varints, then the value's bytes. Records name slots rather
// than fields, so the layout does not depend on the order of the field table.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace attache::schema {

inline constexpr char kPackedFacetsFormat = '1';

// True for the slots the packed value repeats: every facet field's slots and kSlotOverflow.
bool is_packed_facet_slot(Xapian::valueno slot);

// The packed value of a document whose slots are all set. Always non-empty, even for an
// article without facet values, so that a database where every document has it can be told
// from one indexed (partly or wholly) before it existed: see has_packed_facets.
std::string pack_facet_values(const Xapian::Document& doc);

// Calls fn(slot, value) for each record of `packed`, in order. False if `packed` is not a
// well-formed packed value (fn may have been called for the records before the fault).
template <class Fn>
bool unpack_facet_values(std::string_view packed, Fn&& fn);

// True when every document of the database carries the packed value (Xapian's value
// statistics: one look-up). Databases indexed before it existed, or updated by such an
// indexer, are counted slot by slot instead.
bool has_packed_facets(const Xapian::Database& db);

namespace packed_detail {
inline bool read_varint(const char*& p, const char* end, uint64_t& out) {
    out = 0;
    for (unsigned shift = 0; p != end && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(*p++);
        out |= uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}
}  // namespace packed_detail

template <class Fn>
bool unpack_facet_values(std::string_view packed, Fn&& fn) {
    if (packed.empty() || packed[0] != kPackedFacetsFormat) return false;
    const char* p = packed.data() + 1;
    const char* end = packed.data() + packed.size();
    while (p != end) {
        uint64_t slot, len;
        if (!packed_detail::read_varint(p, end, slot) || !packed_detail::read_varint(p, end, len) ||
            len > uint64_t(end - p) || slot > Xapian::BAD_VALUENO) {
            return false;
        }
        fn(static_cast<Xapian::valueno>(slot), std::string_view(p, len));
        p += len;
    }
    return true;
}

}  // namespace attache::schema
