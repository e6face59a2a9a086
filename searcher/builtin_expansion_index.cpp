// The built-in KB's expansion table, kept apart from expansion_index.cpp so that the tool that
// generates the table (make_expansion_table) links without it.
#include "searcher/expansion_index.h"

namespace attache {

const ExpansionIndex& ExpansionIndex::builtin() {
    static const ExpansionIndex index = [] {
        ExpansionIndex i;
        i.view_ = std::span<const ExpansionRow>(kBuiltinExpansionRows, kBuiltinExpansionRowCount);
        i.filters_ = std::span<const std::string_view>(kBuiltinExpansionFilters,
                                                       kBuiltinExpansionFilterCount);
        return i;
    }();
    return index;
}

}  // namespace attache
