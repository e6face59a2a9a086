// Measures extraction alone (tokenising, matching, resolution; no Xapian) on one core:
//   extract_bench FILE.jsonl [REPEAT]
// prints articles, MB of title+body text and MB/s. docs/benchmarks.md records the figures.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "indexer/extract/date_parser.h"
#include "indexer/extract/entity_extractor.h"
#include "indexer/readers/jsonl_reader.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: extract_bench FILE.jsonl [REPEAT]\n");
        return 2;
    }
    const int repeat = argc > 2 ? std::stoi(argv[2]) : 3;
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "extract_bench: cannot read %s\n", argv[1]);
        return 2;
    }
    attache::readers::JsonlReader reader(in, argv[1]);
    std::vector<attache::Article> articles;
    size_t bytes = 0;
    while (true) {
        auto r = reader.next();
        if (std::holds_alternative<std::monostate>(r)) break;
        if (auto* a = std::get_if<attache::Article>(&r)) {
            bytes += a->title.size() + a->body.size();
            articles.push_back(std::move(*a));
        }
    }
    const auto load_start = std::chrono::steady_clock::now();
    const attache::extract::EntityExtractor extractor(attache::kb::KnowledgeBase::load({}));
    const double load_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
    double best = 1e9;
    size_t mentions = 0;
    for (int r = 0; r < repeat; ++r) {
        mentions = 0;
        const auto start = std::chrono::steady_clock::now();
        for (const auto& a : articles) {
            const auto published = attache::extract::parse_published_date(a.published);
            const auto date = published ? std::optional(published->date) : std::nullopt;
            mentions += extractor.extract(a.title, a.body, date).mentions.size();
        }
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf(
        "%zu articles, %.1f MB of text, %zu mentions; KB load %.0f ms; best of %d: %.2f s = %.1f "
        "MB/s on one core\n",
        articles.size(), mb, mentions, load_s * 1000, repeat, best, mb / best);
    return 0;
}
