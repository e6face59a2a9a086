// The table entity expansion (entity_expansion.h) looks words up in: lookup key of a name or
// alias -> the facet filters it stands for. For the built-in knowledge base it is generated at
// build time (make_expansion_table.cpp) and compiled in, so a search process answers "is this
// word an entity name" without parsing the KB; with --kb files it is built from the loaded KB.
#pragma once

#include <cstddef>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"

namespace attache {

// One surface form of one entity. Rows are sorted by key; rows of one key keep the KB's alias
// order, which is the order the filters appear in the expanded query.
struct ExpansionRow {
    std::string_view key;     // KnowledgeBase::lookup_key of the alias
    std::string_view filter;  // "country:KP"
    std::string_view raw;     // the alias as the KB writes it, dots removed
    bool acronym;             // expands only when typed exactly as `raw` ("US", not "us")
};

class ExpansionIndex {
  public:
    // The rows of `kb`, owning their text.
    static ExpansionIndex build(const kb::KnowledgeBase& kb);
    ExpansionIndex(ExpansionIndex&&) = default;
    ExpansionIndex(const ExpansionIndex&) = delete;  // rows point into text_
    // The built-in KB's rows, compiled in: no parsing, no allocation.
    static const ExpansionIndex& builtin();

    // The rows whose key is `key` (empty if none).
    std::span<const ExpansionRow> find(std::string_view key) const;
    std::span<const ExpansionRow> rows() const { return view_; }
    // Whether `filter` ("country:KP") is one this table expands to. Such an id resolves to
    // exactly its own entity in the built-in KB (a unit test checks every one), so the query
    // parser turns it into a term without loading the KB.
    bool has_filter(std::string_view filter) const;

    // C++ source defining kBuiltinExpansionRows/kBuiltinExpansionRowCount with these rows.
    std::string to_cpp() const;

  private:
    ExpansionIndex() = default;
    void index_filters();
    std::span<const ExpansionRow> view_;  // sorted: the compiled-in array, or owned_
    std::vector<ExpansionRow> owned_;
    std::span<const std::string_view> filters_;  // sorted, distinct: compiled in, or owned
    std::vector<std::string_view> owned_filters_;
    std::deque<std::string> text_;  // what built rows point into (a deque never moves them)
};

// Written by make_expansion_table at build time.
extern const ExpansionRow kBuiltinExpansionRows[];
extern const size_t kBuiltinExpansionRowCount;
extern const std::string_view kBuiltinExpansionFilters[];  // the rows' filters, sorted, distinct
extern const size_t kBuiltinExpansionFilterCount;

}  // namespace attache
