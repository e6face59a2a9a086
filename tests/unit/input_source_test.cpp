#define BOOST_TEST_MODULE input_source
#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "indexer/readers/input_source.h"
#include "tests/support/write_archive.h"

namespace fs = std::filesystem;
using attache::readers::ByteStream;
using attache::readers::InputError;
using attache::readers::InputSource;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/attache-input-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};

using attache::test::write_archive;

std::vector<std::pair<std::string, std::string>> read_members(const std::string& path) {
    InputSource source(path);
    std::vector<std::pair<std::string, std::string>> out;
    while (ByteStream* m = source.next()) {
        std::string bytes;
        m->read_rest(bytes, 1 << 20);
        out.emplace_back(m->name(), bytes);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(plain_and_compressed_single_files) {
    TempDir dir;
    const std::string text = "{\"title\": \"one\"}\n{\"title\": \"two\"}\n";
    std::ofstream(dir.path / "plain.jsonl") << text;
    auto plain = read_members((dir.path / "plain.jsonl").string());
    BOOST_REQUIRE_EQUAL(plain.size(), 1u);
    BOOST_TEST(plain[0].second == text);
    BOOST_TEST(plain[0].first == (dir.path / "plain.jsonl").string());
    for (int filter :
         {ARCHIVE_FILTER_GZIP, ARCHIVE_FILTER_BZIP2, ARCHIVE_FILTER_XZ, ARCHIVE_FILTER_ZSTD}) {
        const fs::path path = dir.path / ("f" + std::to_string(filter));
        write_archive(path, filter, false, {{"data", text}});
        auto members = read_members(path.string());
        BOOST_REQUIRE_EQUAL(members.size(), 1u);
        BOOST_TEST(members[0].second == text, "filter " << filter);
        BOOST_TEST(members[0].first == path.string());
    }
}

BOOST_AUTO_TEST_CASE(tar_members_are_named_after_the_archive) {
    TempDir dir;
    const fs::path path = dir.path / "feeds.tar.gz";
    write_archive(path, ARCHIVE_FILTER_GZIP, true,
                  {{"world/a.xml", "<rss/>"}, {"world/b.jsonl", "{}\n"}, {"empty.txt", ""}});
    auto members = read_members(path.string());
    BOOST_REQUIRE_EQUAL(members.size(), 3u);
    BOOST_TEST(members[0].first == path.string() + "!world/a.xml");
    BOOST_TEST(members[0].second == "<rss/>");
    BOOST_TEST(members[1].first == path.string() + "!world/b.jsonl");
    BOOST_TEST(members[2].second.empty());
}

BOOST_AUTO_TEST_CASE(empty_files_have_no_records_and_damage_is_an_input_error) {
    TempDir dir;
    std::ofstream(dir.path / "empty.jsonl").close();
    auto empty = read_members((dir.path / "empty.jsonl").string());
    for (const auto& m : empty) BOOST_TEST(m.second.empty());
    BOOST_CHECK_THROW(InputSource((dir.path / "missing").string()), InputError);
    // A gzip stream cut in half: the error surfaces as an InputError, never a crash.
    const fs::path gz = dir.path / "cut.gz";
    std::string big;
    for (int i = 0; i < 20000; ++i) big += "{\"title\": \"t" + std::to_string(i * 7919) + "\"}\n";
    write_archive(gz, ARCHIVE_FILTER_GZIP, false, {{"data", big}});
    const auto size = fs::file_size(gz);
    fs::resize_file(gz, size / 2);
    BOOST_CHECK_THROW(read_members(gz.string()), InputError);
}

BOOST_AUTO_TEST_CASE(byte_stream_lines_peek_and_caps) {
    attache::readers::MemoryByteStream in("ab\r\nlong line here\nlast", "mem");
    BOOST_TEST(in.peek(2) == "ab");
    std::string line;
    bool too_long = false;
    BOOST_TEST(in.read_line(line, 100, too_long));
    BOOST_TEST(line == "ab");
    BOOST_TEST(in.read_line(line, 4, too_long));
    BOOST_TEST(too_long);
    BOOST_TEST(line == "long");
    BOOST_TEST(in.read_line(line, 100, too_long));
    BOOST_TEST(!too_long);
    BOOST_TEST(line == "last");
    BOOST_TEST(!in.read_line(line, 100, too_long));
    BOOST_TEST(in.offset() == 23u);
    const std::string thousand(1000, 'x');
    attache::readers::MemoryByteStream big(thousand, "big");
    std::string rest;
    BOOST_TEST(!big.read_rest(rest, 999));
    BOOST_TEST(rest.empty());
}
