#define BOOST_TEST_MODULE fuzz_regressions
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "reader_test_support.h"

// Every input a fuzzer once crashed on (tests/data/fuzz/<format>/, kept by scripts/fuzz.sh)
// must now read to the end through that reader without a crash or a sanitizer report.
BOOST_AUTO_TEST_CASE(crashing_inputs_read_cleanly) {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(ATTACHE_TEST_DATA) / "fuzz";
    size_t replayed = 0;
    if (!fs::exists(root)) return;
    for (const auto& dir : fs::directory_iterator(root)) {
        const auto format = attache::readers::parse_format(dir.path().filename().string());
        BOOST_TEST_REQUIRE(format.has_value(), "unknown format folder " << dir.path());
        for (const auto& file : fs::directory_iterator(dir.path())) {
            std::ifstream in(file.path(), std::ios::binary);
            std::stringstream bytes;
            bytes << in.rdbuf();
            attache::readers::ReaderOptions options;
            options.max_record_bytes = 1 << 20;
            const auto r =
                attache::test::read_with(*format, bytes.str(), file.path().string(), options);
            BOOST_TEST(r.articles.size() + r.rejected.size() < 1000000u);
            ++replayed;
        }
    }
    BOOST_TEST_MESSAGE(replayed << " fuzzer inputs replayed");
}
