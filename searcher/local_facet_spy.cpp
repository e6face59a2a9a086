#include "searcher/local_facet_spy.h"

namespace attache {

bool SlotStream::read(Xapian::docid did, std::string& value) {
    static const Xapian::ValueIterator end;
    if (!started_ || did < last_) {
        it_ = db_.valuestream_begin(slot_);
        started_ = true;
    }
    last_ = did;
    if (it_ == end) return false;
    if (it_.get_docid() < did) {
        it_.skip_to(did);
        if (it_ == end) return false;
    }
    if (it_.get_docid() != did) return false;
    value = *it_;
    return true;
}

RankedSlotsSpy::RankedSlotsSpy(const Xapian::Database& db, Xapian::valueno first, unsigned count) {
    streams_.reserve(count);
    for (unsigned i = 0; i < count; ++i) streams_.emplace_back(db, first + i);
}

void RankedSlotsSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();
    for (auto& stream : streams_) {
        if (!stream.read(did, value_)) break;
        tally_.add(value_);
    }
}

}  // namespace attache
