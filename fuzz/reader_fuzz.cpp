// libFuzzer target for one reader, chosen at build time (ATTACHE_FUZZ_FORMAT, see
// fuzz/CMakeLists.txt): feeds arbitrary bytes through the reader as `attache index` would and
// reads every record. Any crash, hang, leak or sanitizer report is a bug; crashing inputs go to
// tests/data/fuzz/<format>/ where the fuzz_regressions unit test replays them.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "indexer/readers/article_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace attache::readers;
    static const Format format = *parse_format(ATTACHE_FUZZ_FORMAT);
    MemoryByteStream in(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    ReaderOptions options;
    options.max_record_bytes = 1 << 20;
    auto reader = make_reader(format, in, options);
    while (!std::holds_alternative<std::monostate>(reader->next())) {
    }
    // Detection must not crash on the same bytes either.
    (void)detect_format(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    return 0;
}
