// Merging attache databases with Xapian's Compactor (attache compact, and the parallel build's
// final merge). The databases carry the same metadata keys; merged, each key keeps one value:
// the sequence counter the highest (later indexing must continue after every part's articles),
// anything else the first database's (labels and the schema stamp are the same in every part).
#pragma once

#include <xapian.h>

#include <algorithm>
#include <string>

#include "schema/fields.h"

namespace attache {

class MergingCompactor : public Xapian::Compactor {
  public:
    std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags,
                                           const std::string tags[]) override {
        if (key != schema::kSequenceMetadataKey) return tags[0];
        unsigned long long highest = 0;
        for (size_t i = 0; i < num_tags; ++i) {
            if (!tags[i].empty()) highest = std::max(highest, std::stoull(tags[i]));
        }
        return std::to_string(highest);
    }
};

}  // namespace attache
