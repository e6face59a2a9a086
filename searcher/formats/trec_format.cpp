#include "searcher/formats/trec_format.h"

#include <algorithm>
#include <cstdio>

namespace attache::formats {

void write_trec(std::ostream& out, const SearchResult& result, const std::string& qid,
                const std::string& tag) {
    for (const auto& hit : result.hits) {
        // Ids are the article ids; whitespace would break the format's columns.
        std::string id = hit.article.id;
        std::replace_if(
            id.begin(), id.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; }, '_');
        char score[32];
        std::snprintf(score, sizeof score, "%.4f", hit.score);
        out << qid << " Q0 " << id << ' ' << hit.rank << ' ' << score << ' ' << tag << '\n';
    }
}

}  // namespace attache::formats
