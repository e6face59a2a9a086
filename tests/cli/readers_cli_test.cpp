// End-to-end tests of `attache index` over every input format, compressed and archived
// inputs, bad input of every kind and --strict: the real binary on real files and databases.
#define BOOST_TEST_MODULE readers_cli
#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli/process.h"
#include "tests/cli/temp_dir.h"
#include "tests/support/write_archive.h"

namespace fs = std::filesystem;
using attache::test::ProcessResult;
using attache::test::run_process;
using json = nlohmann::json;

namespace {

std::string g_attache;
const std::string kSamples = std::string(ATTACHE_CORPUS) + "/samples";
constexpr size_t kSampleArticles = 10;  // corpus/samples: 7 files, 10 articles

struct BinaryFromArgs {
    BinaryFromArgs() {
        auto& mt = boost::unit_test::framework::master_test_suite();
        for (int i = 1; i < mt.argc; ++i) g_attache = mt.argv[i];
        if (g_attache.empty()) throw std::runtime_error("usage: readers_cli_test -- ATTACHE");
    }
};
BOOST_TEST_GLOBAL_FIXTURE(BinaryFromArgs);

struct TempDir : attache::test::TempDir {
    TempDir() : attache::test::TempDir("attache-readers") {}
};

ProcessResult run_attache(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), g_attache);
    return run_process(args, input);
}

size_t doccount(const std::string& db) {
    const ProcessResult r = run_attache({"stats", "--db", db, "--format", "json"});
    if (r.exit_code != 0) return 0;  // no database yet
    return json::parse(r.out)["articles"].get<size_t>();
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

using attache::test::write_archive;

std::vector<std::pair<std::string, std::string>> sample_files() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& entry : fs::directory_iterator(kSamples)) {
        if (entry.path().extension() == ".md") continue;
        out.emplace_back(entry.path().filename().string(), read_file(entry.path()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(samples_in_every_format_index_cleanly) {
    TempDir dir;
    const auto r = run_attache({"index", "--db", dir / "s.db", kSamples});
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(has(r.err, "read 10 records from 7 files: 10 indexed"), r.err);
    BOOST_TEST(doccount(dir / "s.db") == kSampleArticles);
    // What each reader found is searchable by field.
    const auto hits = run_attache({"search", "--db", dir / "s.db", "--format", "ids", "org:NATO"});
    BOOST_TEST(has(hits.out, "https://harbourwire.example/world/nato-washington-summit"), hits.out);
    const auto ncg = run_attache({"search", "--db", dir / "s.db", "--count", "date:2024-06"});
    BOOST_TEST(ncg.out == "2\n");  // NITF and NewsML-G2 dates
}

BOOST_AUTO_TEST_CASE(compressed_archived_and_stdin_inputs) {
    TempDir dir;
    const auto files = sample_files();
    fs::create_directories(dir.path / "z");
    // Each sample compressed with a different filter, names kept (".gz" etc. appended).
    const std::vector<std::pair<int, std::string>> filters = {{ARCHIVE_FILTER_GZIP, ".gz"},
                                                              {ARCHIVE_FILTER_BZIP2, ".bz2"},
                                                              {ARCHIVE_FILTER_XZ, ".xz"},
                                                              {ARCHIVE_FILTER_ZSTD, ".zst"}};
    for (size_t i = 0; i < files.size(); ++i) {
        const auto& [filter, suffix] = filters[i % filters.size()];
        write_archive(dir.path / "z" / (files[i].first + suffix), filter, false, {files[i]});
    }
    const auto z = run_attache({"index", "--db", dir / "z.db", dir / "z"});
    BOOST_TEST(z.exit_code == 0, z.err);
    BOOST_TEST(doccount(dir / "z.db") == kSampleArticles);
    // One tar.gz of all samples.
    write_archive(dir.path / "all.tar.gz", ARCHIVE_FILTER_GZIP, true, files);
    const auto t = run_attache({"index", "--db", dir / "t.db", dir / "all.tar.gz"});
    BOOST_TEST(t.exit_code == 0, t.err);
    BOOST_TEST(doccount(dir / "t.db") == kSampleArticles);
    // Compressed bytes on stdin.
    write_archive(dir.path / "feed.gz", ARCHIVE_FILTER_GZIP, false,
                  {{"x", read_file(kSamples + "/wire-feed.rss")}});
    const auto s =
        run_attache({"index", "--db", dir / "in.db", "-"}, read_file(dir.path / "feed.gz"));
    BOOST_TEST(s.exit_code == 0, s.err);
    BOOST_TEST(doccount(dir / "in.db") == 2u);
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_reported_skipped_and_counted) {
    TempDir dir;
    const fs::path bad = dir.path / "bad";
    fs::create_directories(bad);
    fs::copy_file(kSamples + "/wire-feed.rss", bad / "a-good.rss");  // 2 articles
    std::string rss = read_file(kSamples + "/wire-feed.rss");
    std::ofstream(bad / "b-truncated.rss")
        << rss.substr(0, rss.find("<item>", rss.find("</item>")) + 20);
    std::string garbage;
    for (int i = 0; i < 5000; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
    std::ofstream(bad / "c-garbage.json") << garbage;
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY l0 \"lol\">\n";
    for (int i = 1; i < 10; ++i) {
        bomb += "<!ENTITY l" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) bomb += "&l" + std::to_string(i - 1) + ";";
        bomb += "\">\n";
    }
    bomb += "]>\n<rss><channel><item><title>&l9;</title></item></channel></rss>\n";
    std::ofstream(bad / "d-bomb.xml") << bomb;
    {
        std::ofstream big(bad / "e-big.jsonl");
        big << "{\"title\": \"small before\", \"body\": \"x\"}\n{\"title\": \"huge\", \"body\": \"";
        const std::string block(1 << 20, 'w');
        for (int i = 0; i < 50; ++i) big << block;
        big << "\"}\n{\"title\": \"small after\", \"body\": \"y\"}\n";
    }
    // A tar.gz whose middle member is garbage, and one cut short after its first members.
    write_archive(bad / "f-mixed.tar.gz", ARCHIVE_FILTER_GZIP, true,
                  {{"one.jsonl", "{\"title\": \"member one\"}\n"},
                   {"two.jsonl", garbage},
                   {"three.jsonl", "{\"title\": \"member three\"}\n"}});
    // Incompressible enough that half the archive holds its first member and then some.
    std::string many;
    unsigned long long x = 88172645463325252ull;
    for (int i = 0; i < 20000; ++i) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        many += "{\"title\": \"bulk " + std::to_string(x) + "\"}\n";
    }
    write_archive(dir.path / "whole.tar.gz", ARCHIVE_FILTER_GZIP, true,
                  {{"first.jsonl", "{\"title\": \"first member\"}\n"}, {"bulk.jsonl", many}});
    const std::string whole = read_file(dir.path / "whole.tar.gz");
    std::ofstream(bad / "g-cut.tar.gz") << whole.substr(0, whole.size() / 2);
    std::ofstream(bad / "h-locked.jsonl") << "{\"title\": \"locked\"}\n";
    fs::rename(bad / "h-locked.jsonl", bad / "locked.jsonl");
    chmod((bad / "locked.jsonl").c_str(), 0);
    const bool root = geteuid() == 0;  // root reads it anyway: that check is skipped

    const std::string db = dir / "bad.db";
    const auto r = run_attache({"index", "--db", db, bad.string()});
    BOOST_TEST(r.exit_code == 3, r.err);
    BOOST_TEST(has(r.err, "b-truncated.rss:"), r.err);
    BOOST_TEST(has(r.err, "c-garbage.json: not a format attache reads (binary data)"), r.err);
    BOOST_TEST(has(r.err, "d-bomb.xml:"), r.err);
    BOOST_TEST(has(r.err, "e-big.jsonl:2: line longer than the 32.0 MiB record limit"), r.err);
    BOOST_TEST(has(r.err, "f-mixed.tar.gz!two.jsonl: not a format attache reads"), r.err);
    BOOST_TEST(has(r.err, "g-cut.tar.gz"), r.err);
    if (!root) BOOST_TEST(has(r.err, "locked.jsonl: cannot open"), r.err);
    // No stack traces, every message one line prefixed "attache: ".
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);)
        BOOST_TEST(line.rfind("attache: ", 0) == 0u, line);
    // The rest was indexed: 2 good + 1 truncated feed's first item + 2 small JSON lines +
    // 2 archive members + the cut archive's first member and the lines of its second member
    // before the cut (+ the locked file as root).
    BOOST_TEST(doccount(db) > 2u + 1u + 2u + 2u + 1u + (root ? 1u : 0u), r.err);
    for (const char* query : {"title:\"small after\"", "title:\"member three\"",
                              "title:\"first member\"", "title:Vientiane"}) {
        const auto c = run_attache({"search", "--db", db, "--count", query});
        BOOST_TEST(c.out == "1\n", query);
    }

    // Forcing the wrong format: every record is rejected, nothing crashes.
    const auto wrong = run_attache(
        {"index", "--db", dir / "w.db", "--format", "nitf", (bad / "a-good.rss").string()});
    BOOST_TEST(wrong.exit_code == 3);
    BOOST_TEST(has(wrong.err, "not an NITF document (root element <rss>)"), wrong.err);
    const auto json_as_rss = run_attache(
        {"index", "--db", dir / "w.db", "--format", "rss", kSamples + "/newsapi-style.json"});
    BOOST_TEST(json_as_rss.exit_code == 3);
    BOOST_TEST(doccount(dir / "w.db") == 0u);
}

BOOST_AUTO_TEST_CASE(strict_stops_at_the_first_bad_record_and_commits_nothing) {
    TempDir dir;
    const std::string db = dir / "strict.db";
    BOOST_TEST(run_attache({"index", "--db", db, kSamples + "/briefing-note.txt"}).exit_code == 0);
    std::string input;
    for (int i = 0; i < 3000; ++i)  // more than one commit's worth before the bad line
        input += "{\"id\": \"s" + std::to_string(i) + "\", \"title\": \"t\"}\n";
    input += "{broken\n{\"id\": \"after\", \"title\": \"t\"}\n";
    const auto r =
        run_attache({"index", "--db", db, "--strict", "--commit-every", "100", "-"}, input);
    BOOST_TEST(r.exit_code == 3, r.err);
    BOOST_TEST(has(r.err, "<stdin>:3001: invalid JSON"), r.err);
    BOOST_TEST(has(r.err, "nothing from this run was committed"), r.err);
    BOOST_TEST(doccount(db) == 1u);  // only what an earlier run committed
    // Without --strict the same input indexes everything but the bad line.
    const auto lax = run_attache({"index", "--db", db, "-"}, input);
    BOOST_TEST(lax.exit_code == 3);
    BOOST_TEST(doccount(db) == 1u + 3001u);
}

BOOST_AUTO_TEST_CASE(map_format_and_duplicate_ids_across_files) {
    TempDir dir;
    std::ofstream(dir / "nested.json")
        << "[{\"meta\": {\"headline\": \"Mapped headline\", \"when\": \"2024-10-31\"}, "
           "\"text\": \"Body.\"}]";
    const auto m = run_attache({"index", "--db", dir / "m.db", "--map", "title=meta.headline",
                                "--map", "published=meta.when", dir / "nested.json"});
    BOOST_TEST(m.exit_code == 0, m.err);
    const auto found =
        run_attache({"search", "--db", dir / "m.db", "--count", "title:mapped date:2024-10"});
    BOOST_TEST(found.out == "1\n");
    const auto bad_map =
        run_attache({"index", "--db", dir / "m.db", "--map", "colour=x", dir / "nested.json"});
    BOOST_TEST(bad_map.exit_code == 2);
    BOOST_TEST(has(bad_map.err, "unknown field 'colour'"), bad_map.err);
    const auto bad_format =
        run_attache({"index", "--db", dir / "m.db", "--format", "pdf", dir / "nested.json"});
    BOOST_TEST(bad_format.exit_code == 2);
    BOOST_TEST(has(bad_format.err, "--format pdf: unknown format"), bad_format.err);
    // The same id in two files of different formats: one article, the later one wins.
    std::ofstream(dir / "a.jsonl") << "{\"id\": \"dup-1\", \"title\": \"first version\"}\n";
    std::ofstream(dir / "b.txt") << "Id: dup-1\nTitle: second version\n\nBody.\n";
    const auto d = run_attache({"index", "--db", dir / "d.db", dir / "a.jsonl", dir / "b.txt"});
    BOOST_TEST(d.exit_code == 0, d.err);
    BOOST_TEST(has(d.err, "2 indexed (1 new, 1 replaced)"), d.err);
    BOOST_TEST(doccount(dir / "d.db") == 1u);
    const auto show = run_attache({"show", "--db", dir / "d.db", "dup-1"});
    BOOST_TEST(has(show.out, "second version"), show.out);
}
