// Facet counting: --facet FIELD[:N]. Each facet owns its counting (Xapian's ValueCountMatchSpy,
// one per value slot, merged; so the same code runs on remote shards, which only run Xapian's
// built-in spies) and its labels (the names the indexer stored as metadata, else the KB). Counts
// are exact: the search sets check_at_least to the database size whenever facets are asked for.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "schema/fields.h"
#include "searcher/lazy_kb.h"

namespace attache {

struct FacetRequest {
    const schema::FieldSpec* field = nullptr;
    size_t limit = 10;  // 0: all values
};

// "person", "person:5", "month:0". Throws UsageError naming the facets that exist.
FacetRequest parse_facet_request(const std::string& text);

struct FacetValue {
    std::string id;
    std::string name;  // empty for date facets
    Xapian::doccount count = 0;
};

struct FacetResult {
    std::string field;
    std::vector<FacetValue> values;
    // Articles whose entities of this kind outnumbered the slots (a documented cap): their
    // lowest-ranked entities are not counted, so counts may be low by at most this many.
    Xapian::doccount overflowed = 0;
};

class LocalFacetSpy;
class FacetColumnCache;

// Counts facets one of two ways. Where the database is remote (a stub listing shards), Xapian's
// built-in ValueCountMatchSpy, one per value slot, merged: the remote backend runs only
// built-in spies. A local database (is_local_database) is counted by LocalFacetSpy from the
// packed facet value: from the in-memory columns when the process keeps them (`columns`, built
// for the database's current revision on attach), else from the packed value stream. Both give the
// same counts (tests/unit/search_test.cpp).
class FacetCounter {
  public:
    FacetCounter(std::vector<FacetRequest> requests, const LazyKb& kb, const Xapian::Database& db,
                 bool local = false, FacetColumnCache* columns = nullptr);
    ~FacetCounter();
    // Register the spies before Enquire::get_mset (again after a retry: counts restart).
    void attach(Xapian::Enquire& enquire);
    // Instead of a match: counts every document of the database, when that can be done without
    // the matcher (a local database). False: it was not done, attach and match as usual. For a
    // query that matches every document.
    bool count_all_documents();
    // Read the counts after get_mset.
    std::vector<FacetResult> results() const;
    bool empty() const { return requests_.empty(); }

  private:
    std::string label(const schema::FieldSpec& field, const std::string& id) const;

    std::vector<FacetRequest> requests_;
    const LazyKb& kb_;
    Xapian::Database db_;
    bool local_;
    FacetColumnCache* columns_;
    std::unique_ptr<LocalFacetSpy> local_spy_;
    // Remote: one spy per slot of each request, and one for the overflow slot.
    std::vector<std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> overflow_spy_;
};

// True when PATH is a single glass database directory (not a stub listing shards), so that
// facets may use a spy that only a local match can run.
bool is_local_database(const std::string& path);

}  // namespace attache
