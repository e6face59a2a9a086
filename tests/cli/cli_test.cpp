// End-to-end tests: run the real `attache` binary against real databases on disk built from
// corpus/ and from fixtures in tests/data/, and check what it prints and its exit codes.
// Golden outputs live in tests/data/golden/; ATTACHE_UPDATE_GOLDEN=1 rewrites them.
#define BOOST_TEST_MODULE cli
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "tests/cli/process.h"
#include "tests/cli/temp_dir.h"
#include "tests/support/needs.h"

namespace fs = std::filesystem;
using attache::test::ProcessResult;
using attache::test::run_process;
using json = nlohmann::ordered_json;

namespace {

std::string g_attache;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

size_t count_lines(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++n;
    }
    return n;
}

struct TempDir : attache::test::TempDir {
    TempDir() : attache::test::TempDir("attache-cli") {}
};

ProcessResult run_attache(std::vector<std::string> args, const std::string& input = "",
                          const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), g_attache);
    return run_process(args, input, env);
}

json search_json(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--db", db, "--format", "json"});
    const ProcessResult r = run_attache(args);
    BOOST_TEST_REQUIRE(r.exit_code == 0, "search failed: " << r.err);
    return json::parse(r.out);
}

size_t count(const std::string& db, const std::string& query) {
    const ProcessResult r = run_attache({"search", "--db", db, "--count", query});
    BOOST_TEST_REQUIRE(r.exit_code == 0, "count failed for " << query << ": " << r.err);
    return std::stoul(r.out);
}

size_t doccount(const std::string& db) {
    const ProcessResult r = run_attache({"stats", "--db", db, "--format", "json"});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    return json::parse(r.out)["articles"].get<size_t>();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// One line on stderr, prefixed "attache: ", no stack trace.
void check_one_line_error(const ProcessResult& r, const std::string& must_contain) {
    BOOST_TEST(r.err.rfind("attache: ", 0) == 0, "stderr: " << r.err);
    BOOST_TEST(r.err.find(must_contain) != std::string::npos, "stderr: " << r.err);
    BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, "stderr: " << r.err);
}

// The demo database, built once from corpus/ for the whole run.
struct CorpusDb {
    TempDir dir;
    std::string db = dir / "corpus.db";
    ProcessResult index;
    size_t articles = count_lines(std::string(ATTACHE_CORPUS) + "/articles.jsonl");
    // Only articles.jsonl: corpus/samples/ holds the same kind of news in other formats, for
    // the demo and the reader tests.
    CorpusDb() {
        index = run_attache({"index", "--db", db, std::string(ATTACHE_CORPUS) + "/articles.jsonl"});
    }
};
CorpusDb& corpus() {
    static CorpusDb c;
    return c;
}

struct BinaryFromArgs {
    BinaryFromArgs() {
        auto& mt = boost::unit_test::framework::master_test_suite();
        for (int i = 1; i < mt.argc; ++i) g_attache = mt.argv[i];
        if (g_attache.empty()) throw std::runtime_error("usage: cli_test -- PATH_TO_ATTACHE");
    }
};
BOOST_TEST_GLOBAL_FIXTURE(BinaryFromArgs);

json without_timing(json j) {
    j["took_ms"] = 0;
    return j;
}

void check_golden(const std::string& name, const json& actual) {
    const std::string path = std::string(ATTACHE_TEST_DATA) + "/golden/" + name;
    const char* update = std::getenv("ATTACHE_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path) << actual.dump(2) << "\n";
        return;
    }
    BOOST_TEST_REQUIRE(fs::exists(path), "missing golden file " << path);
    const json expected = json::parse(read_file(path));
    BOOST_TEST(actual == expected, "output differs from " << path << ":\n" << actual.dump(2));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(command_line)

BOOST_AUTO_TEST_CASE(version_and_help) {
    const auto v = run_attache({"--version"});
    BOOST_TEST(v.exit_code == 0);
    BOOST_TEST(v.out.rfind("attache ", 0) == 0);
    for (const char* cmd : {"index", "search", "show", "stats", "delete"}) {
        const auto h = run_attache({cmd, "--help"});
        BOOST_TEST(h.exit_code == 0, cmd);
        BOOST_TEST(h.out.find("--db") != std::string::npos, cmd);
    }
    BOOST_TEST(run_attache({"search", "--help"}).out.find("--facet") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
    const auto none = run_attache({});
    BOOST_TEST(none.exit_code == 2);
    const auto bad_flag = run_attache({"search", "--no-such-flag"});
    BOOST_TEST(bad_flag.exit_code == 2);
    BOOST_TEST(bad_flag.err.rfind("attache: ", 0) == 0);
    const auto bad_sort = run_attache({"search", "--sort", "sideways", "x"});
    BOOST_TEST(bad_sort.exit_code == 2);
    const auto bad_facet = run_attache({"search", "--db", corpus().db, "--facet", "colour", "x"});
    BOOST_TEST(bad_facet.exit_code == 2);
    check_one_line_error(bad_facet, "no such facet");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(indexing)

BOOST_AUTO_TEST_CASE(corpus_indexes_cleanly) {
    const auto& c = corpus();
    BOOST_TEST(c.index.exit_code == 0, c.index.err);
    BOOST_TEST(c.articles >= 40u);
    BOOST_TEST(
        c.index.err.find(std::to_string(c.articles) + " indexed (" + std::to_string(c.articles) +
                         " new, 0 replaced), 0 rejected") != std::string::npos,
        c.index.err);
    BOOST_TEST(doccount(c.db) == c.articles);
}

BOOST_AUTO_TEST_CASE(reindexing_replaces_never_duplicates) {
    TempDir dir;
    const std::string db = dir / "re.db";
    BOOST_TEST_REQUIRE(
        run_attache({"index", "--db", db, std::string(ATTACHE_CORPUS) + "/articles.jsonl"})
            .exit_code == 0);
    const auto again =
        run_attache({"index", "--db", db, std::string(ATTACHE_CORPUS) + "/articles.jsonl"});
    BOOST_TEST(again.exit_code == 0);
    const std::string n = std::to_string(corpus().articles);
    BOOST_TEST(again.err.find(n + " indexed (0 new, " + n + " replaced)") != std::string::npos,
               again.err);
    BOOST_TEST(doccount(db) == corpus().articles);
    // Same id twice in one input: one document, the later version.
    const std::string twice = R"({"id":"dup-1","title":"First version","body":"alpha"})"
                              "\n"
                              R"({"id":"dup-1","title":"Second version","body":"beta"})"
                              "\n";
    const auto r = run_attache({"index", "--db", db, "-"}, twice);
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(doccount(db) == corpus().articles + 1);
    BOOST_TEST(count(db, "beta") == 1u);
    BOOST_TEST(count(db, "alpha") == 0u);
}

BOOST_AUTO_TEST_CASE(stdin_and_directories) {
    TempDir dir;
    const std::string db = dir / "in.db";
    const std::string corpus_text = read_file(std::string(ATTACHE_CORPUS) + "/articles.jsonl");
    const auto r = run_attache({"index", "--db", db, "-"}, corpus_text);
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(doccount(db) == corpus().articles);
    // A directory is read recursively; files without a known extension are skipped and counted.
    fs::create_directories(dir.path / "dump" / "nested");
    fs::copy_file(std::string(ATTACHE_TEST_DATA) + "/jsonl/mixed.jsonl",
                  dir.path / "dump" / "nested" / "a.jsonl");
    std::ofstream(dir.path / "dump" / "notes.doc") << "not news\n";  // no reader for .doc
    const std::string db2 = dir / "dir.db";
    const auto d = run_attache({"index", "--db", db2, (dir.path / "dump").string()});
    BOOST_TEST(d.exit_code == 3);  // mixed.jsonl has bad lines
    BOOST_TEST(d.err.find("1 file in directories was skipped: no reader for its format") !=
                   std::string::npos,
               d.err);
    BOOST_TEST(doccount(db2) == 5u);
}

BOOST_AUTO_TEST_CASE(malformed_lines_are_reported_and_skipped) {
    TempDir dir;
    const std::string db = dir / "bad.db";
    const std::string input = std::string(ATTACHE_TEST_DATA) + "/jsonl/mixed.jsonl";
    const auto r = run_attache({"index", "--db", db, input});
    BOOST_TEST(r.exit_code == 3);
    BOOST_TEST(r.err.find("mixed.jsonl:2: invalid JSON") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("mixed.jsonl:4: expected a JSON object") != std::string::npos, r.err);
    BOOST_TEST(
        r.err.find("mixed.jsonl:6: record has neither a title nor a body") != std::string::npos,
        r.err);
    BOOST_TEST(r.err.find("mixed.jsonl:9: unrecognised date 'sometime soon'") != std::string::npos,
               r.err);
    BOOST_TEST(r.err.find("5 indexed (5 new, 0 replaced), 3 rejected") != std::string::npos, r.err);
    // What was good is indexed, committed and searchable.
    BOOST_TEST(doccount(db) == 5u);
    BOOST_TEST(count(db, "id:mixed-3") == 1u);
    BOOST_TEST(count(db, "date:2024-06-13") == 1u);  // RFC 822 date, local date kept
    BOOST_TEST(count(db, "id:https://news.example.org/test/no-id") == 1u);
    BOOST_TEST(count(db, "mixed-5 OR unreadable OR \"nobody can read\"") == 1u);
}

BOOST_AUTO_TEST_CASE(unreadable_input_is_reported) {
    TempDir dir;
    const std::string db = dir / "u.db";
    const auto r = run_attache({"index", "--db", db, dir / "missing.jsonl",
                                std::string(ATTACHE_CORPUS) + "/articles.jsonl"});
    BOOST_TEST(r.exit_code == 3);
    BOOST_TEST(r.err.find("missing.jsonl: no such file or directory") != std::string::npos, r.err);
    BOOST_TEST(doccount(db) == corpus().articles);
}

BOOST_AUTO_TEST_CASE(progress_line_only_on_a_terminal) {
    TempDir dir;
    const std::string input = std::string(ATTACHE_CORPUS) + "/articles.jsonl";
    const auto piped = run_attache({"index", "--db", dir / "p1.db", input});
    BOOST_TEST(piped.err.find("\033[K") == std::string::npos);  // stderr is a pipe here
    if (!fs::exists("/usr/bin/script")) {
        BOOST_TEST_MESSAGE("skipped the terminal half: no /usr/bin/script");
        return;
    }
    // script(1) gives the indexer a pseudo-terminal.
    const auto tty =
        run_process({"/usr/bin/script", "-qc",
                     g_attache + " index --db " + (dir / "p2.db") + " " + input, "/dev/null"});
    BOOST_TEST(tty.out.find("\r\033[Kattache: ") != std::string::npos, tty.out);
    BOOST_TEST(tty.out.find("articles/s") != std::string::npos, tty.out);
}

BOOST_AUTO_TEST_CASE(killed_indexer_loses_nothing_committed) {
    // A big input, committed every 50 documents; kill -9 mid-run, then check the database opens
    // and a re-run of the same input converges to the same document count as a clean run.
    TempDir dir;
    const std::string input = dir / "big.jsonl";
    const auto base = read_file(std::string(ATTACHE_CORPUS) + "/articles.jsonl");
    const size_t copies = 150;
    {
        std::ofstream out(input);
        for (size_t c = 0; c < copies; ++c) {
            std::istringstream lines(base);
            std::string line;
            while (std::getline(lines, line)) {
                if (line.empty()) continue;
                json j = json::parse(line);
                j["id"] = j["id"].get<std::string>() + "-copy" + std::to_string(c);
                out << j.dump() << "\n";
            }
        }
    }
    const size_t expected = copies * corpus().articles;
    const std::string db = dir / "killed.db";
    const pid_t pid =
        attache::test::start_process({g_attache, "index", "--db", db, "--commit-every", "50",
                                      "--jobs", "1", "--writers", "1", "--quiet", input});
    // Wait for the first commits, then kill without warning.
    bool committed = false;
    for (int i = 0; i < 400 && !committed; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        const auto s = run_attache({"stats", "--db", db, "--format", "json"});
        committed = s.exit_code == 0 && json::parse(s.out)["articles"].get<size_t>() > 0;
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    BOOST_TEST(committed);
    const size_t after_kill = doccount(db);
    BOOST_TEST(after_kill > 0u);
    // Only whole commits survive (unless the run finished before the kill landed).
    if (after_kill != expected) BOOST_TEST(after_kill % 50 == 0u);
    const auto rerun = run_attache({"index", "--db", db, "--quiet", input});
    BOOST_TEST(rerun.exit_code == 0, rerun.err);
    BOOST_TEST(doccount(db) == expected);
}

// The corpus repeated `copies` times under new ids, then once more with the first copy's ids
// (so the run replaces articles it wrote itself).
std::string write_copies(const TempDir& dir, size_t copies, size_t* distinct) {
    const std::string input = dir / "copies.jsonl";
    const auto base = read_file(std::string(ATTACHE_CORPUS) + "/articles.jsonl");
    std::ofstream out(input);
    size_t n = 0;
    for (size_t c = 0; c <= copies; ++c) {
        std::istringstream lines(base);
        std::string line;
        while (std::getline(lines, line)) {
            if (line.empty()) continue;
            json j = json::parse(line);
            j["id"] = j["id"].get<std::string>() + "-copy" + std::to_string(c % copies);
            out << j.dump() << "\n";
            if (c < copies) ++n;
        }
    }
    *distinct = n;
    return input;
}

bool has_staging_dir(const std::string& db) {
    const std::filesystem::path p(db);
    for (const auto& e : std::filesystem::directory_iterator(p.parent_path())) {
        if (e.path().filename().string().rfind(p.filename().string() + ".building.", 0) == 0)
            return true;
    }
    return false;
}

BOOST_AUTO_TEST_CASE(parallel_writers_build_the_same_database_as_one_writer) {
    TempDir dir;
    size_t distinct = 0;
    const std::string input = write_copies(dir, 6, &distinct);
    const std::string one = dir / "one.db", two = dir / "two.db";
    const auto a = run_attache({"index", "--db", one, "--writers", "1", "--quiet", input});
    const auto b = run_attache({"index", "--db", two, "--quiet", input});  // new db: 2 writers
    BOOST_TEST(a.exit_code == 0, a.err);
    BOOST_TEST(b.exit_code == 0, b.err);
    const std::string replaced = "(" + std::to_string(distinct) + " new, " +
                                 std::to_string(corpus().articles) + " replaced)";
    BOOST_TEST(has(a.err, replaced), a.err);
    BOOST_TEST(has(b.err, replaced), b.err);
    BOOST_TEST(doccount(two) == distinct);
    BOOST_TEST(!has_staging_dir(two));
    // Same answers, scores, tie order, facets and sequence numbers.
    const std::string queries = "minister\nsanctions talks\nnegotiat*\n\"nuclear weapons\"\n*\n";
    auto run = [&](const std::string& db) {
        return run_attache(
                   {"search", "--db", db, "--batch", "-", "--format", "jsonl", "--fields",
                    "id,score,title", "--facet", "country", "--facet", "person", "--facet", "year"},
                   queries)
            .out;
    };
    std::string x = run(one), y = run(two);
    const std::regex took("\"took_ms\":[0-9.]+");
    BOOST_TEST(std::regex_replace(x, took, "") == std::regex_replace(y, took, ""));
    const auto later = run_attache({"index", "--db", two, "--quiet", "--jobs", "1",
                                    std::string(ATTACHE_CORPUS) + "/articles.jsonl"});
    BOOST_TEST(later.exit_code == 0, later.err);  // an existing db: one writer, commits as it goes
    BOOST_TEST(doccount(two) == distinct + corpus().articles);
    const auto refused = run_attache({"index", "--db", two, "--writers", "2", input});
    BOOST_TEST(refused.exit_code == 2);
    check_one_line_error(refused, "parallel writers only build a new database");
    BOOST_TEST(doccount(two) == distinct + corpus().articles);  // nothing lost by the refusal
    // A new sharded database gets one writer per shard; more is a usage error, and so is 0.
    const auto sharded =
        run_attache({"index", "--db", dir / "s.db", "--shards", "2", "--writers", "2", input});
    BOOST_TEST(sharded.exit_code == 2);
    check_one_line_error(sharded, "with --shards, --writers only takes 1");
    BOOST_TEST(!std::filesystem::exists(dir / "s.db"));
    const auto zero = run_attache({"index", "--db", dir / "z.db", "--writers", "0", input});
    BOOST_TEST(zero.exit_code == 2);
    BOOST_TEST(has(zero.err, "--writers"), zero.err);
    BOOST_TEST(!std::filesystem::exists(dir / "z.db"));
}

BOOST_AUTO_TEST_CASE(killed_parallel_build_leaves_no_database_and_reruns_cleanly) {
    TempDir dir;
    size_t distinct = 0;
    const std::string input = write_copies(dir, 150, &distinct);
    const std::string db = dir / "killed.db";
    const pid_t pid =
        attache::test::start_process({g_attache, "index", "--db", db, "--writers", "2",
                                      "--commit-every", "100", "--quiet", input});
    // Wait until the partial databases hold something, then kill without warning.
    const std::string part = db + ".building." + std::to_string(pid) + "/part-00/iamglass";
    for (int i = 0; i < 500 && !std::filesystem::exists(part); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!std::filesystem::exists(db)) {  // else the run finished before the kill landed
        BOOST_TEST(has_staging_dir(db));
        const auto search = run_attache({"search", "--db", db, "anything"});
        BOOST_TEST(search.exit_code == 4);  // no database, not a half-built one
    }
    const auto rerun = run_attache({"index", "--db", db + "/", "--quiet", input});
    BOOST_TEST(rerun.exit_code == 0, rerun.err);
    BOOST_TEST(doccount(db) == distinct);
    BOOST_TEST(!has_staging_dir(db));  // the dead run's directory is gone too
}

BOOST_AUTO_TEST_CASE(strict_parallel_build_creates_no_database) {
    TempDir dir;
    std::string input;
    for (int i = 0; i < 500; ++i)
        input += "{\"id\": \"s" + std::to_string(i) + "\", \"title\": \"t\"}\n";
    input += "{broken\n";
    const std::string db = dir / "strict.db";
    const auto r = run_attache({"index", "--db", db, "--strict", "--writers", "2", "-"}, input);
    BOOST_TEST(r.exit_code == 3, r.err);
    BOOST_TEST(has(r.err, "no database was created"), r.err);
    BOOST_TEST(!std::filesystem::exists(db));
    BOOST_TEST(!has_staging_dir(db));
}

BOOST_AUTO_TEST_CASE(bad_kb_file_indexes_nothing) {
    TempDir dir;
    const std::string kb = dir / "bad-kb.jsonl";
    std::ofstream(kb) << R"({"kind":"person","id":"x-y","name":"X Y"})"
                      << "\n"
                      << R"({"kind":"person","id":"Bad Id","name":"Bad"})"
                      << "\n";
    const std::string db = dir / "kb.db";
    const auto r = run_attache(
        {"index", "--db", db, "--kb", kb, std::string(ATTACHE_CORPUS) + "/articles.jsonl"});
    BOOST_TEST(r.exit_code == 2);
    check_one_line_error(r, "bad-kb.jsonl:2: id \"Bad Id\" must be a lowercase slug");
    BOOST_TEST(!fs::exists(db));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(searching)

BOOST_AUTO_TEST_CASE(blinken_and_south_korea_with_summits_golden) {
    const json j = search_json(corpus().db,
                               {"--facet", "summit", "--limit", "20", "person:Blinken country:KR"});
    BOOST_TEST(j["total"].get<size_t>() >= 5u);
    for (const auto& hit : j["hits"]) {
        std::set<std::string> people, countries;
        for (const auto& p : hit["entities"]["person"]) people.insert(p["id"]);
        for (const auto& c : hit["entities"]["country"]) countries.insert(c["id"]);
        BOOST_TEST(people.count("antony-blinken") == 1u, hit["id"]);
        BOOST_TEST(countries.count("KR") == 1u, hit["id"]);
    }
    // Facet counts are exact: each equals the count of a search filtered on that value.
    for (const auto& v : j["facets"]["summit"]) {
        const std::string id = v["id"];
        BOOST_TEST(v["count"].get<size_t>() ==
                       count(corpus().db, "person:Blinken country:KR summit:" + id),
                   id);
    }
    check_golden("search_blinken_kr_summit.json", without_timing(j));
}

BOOST_AUTO_TEST_CASE(facet_counts_match_filtered_counts) {
    const std::string db = corpus().db;
    for (const char* facet :
         {"person", "country", "org", "event", "role", "year", "month", "mentioned"}) {
        const json j = search_json(db, {"--facet", std::string(facet) + ":0", "--limit", "0", "*"});
        BOOST_TEST(j["total"].get<size_t>() == corpus().articles);
        BOOST_TEST(!j["facets"][facet].empty(), facet);
        for (const auto& v : j["facets"][facet]) {
            const std::string id = v["id"];
            std::string filter;
            if (std::string(facet) == "mentioned") {
                filter = "mentioned:" + id;
            } else if (std::string(facet) == "year" || std::string(facet) == "month") {
                filter = "date:" + id;
            } else {
                filter = std::string(facet) + ":" + id;
            }
            BOOST_TEST(v["count"].get<size_t>() == count(db, filter), facet << "=" << id);
        }
    }
}

BOOST_AUTO_TEST_CASE(json_shape_follows_the_design) {
    const json j = search_json(
        corpus().db, {"--facet", "person:3", "--facet", "month", "--limit", "2", "Blinken"});
    const std::vector<std::string> keys = {"query",   "total", "offset", "limit",
                                           "took_ms", "hits",  "facets"};
    std::vector<std::string> actual;
    for (auto it = j.begin(); it != j.end(); ++it) actual.push_back(it.key());
    std::sort(actual.begin(), actual.end());
    auto sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    BOOST_TEST(actual == sorted, "keys");
    BOOST_TEST(j["query"] == "Blinken");
    BOOST_TEST(j["limit"] == 2);
    BOOST_TEST(j["hits"].size() == 2u);
    for (const auto& hit : j["hits"]) {
        for (const char* k : {"rank", "id", "score", "title", "url", "published", "source",
                              "snippet", "entities"}) {
            BOOST_TEST(hit.contains(k), k);
        }
        BOOST_TEST(hit["snippet"].get<std::string>().find("<b>Blinken</b>") != std::string::npos,
                   hit["snippet"]);
        for (const char* kind : {"person", "country", "org", "event", "place"})
            BOOST_TEST(hit["entities"].contains(kind));
    }
    const auto& person = j["facets"]["person"];
    BOOST_TEST(person.size() == 3u);
    BOOST_TEST(person[0]["id"] == "antony-blinken");
    BOOST_TEST(person[0]["name"] == "Antony Blinken");
    // The month histogram is in order of time.
    std::vector<std::string> months;
    for (const auto& m : j["facets"]["month"]) months.push_back(m["id"]);
    BOOST_TEST(std::is_sorted(months.begin(), months.end()));
}

BOOST_AUTO_TEST_CASE(sorting_and_paging) {
    const std::string db = corpus().db;
    const json newest = search_json(db, {"--sort", "newest", "--limit", "100", "*"});
    const json oldest = search_json(db, {"--sort", "oldest", "--limit", "100", "*"});
    std::vector<std::string> n, o;
    for (const auto& h : newest["hits"])
        n.push_back(h["published"].get<std::string>().substr(0, 10));
    for (const auto& h : oldest["hits"])
        o.push_back(h["published"].get<std::string>().substr(0, 10));
    BOOST_TEST(std::is_sorted(n.rbegin(), n.rend()));
    BOOST_TEST(std::is_sorted(o.begin(), o.end()));
    // Pages of 7 put together give the whole ranking.
    const json all = search_json(db, {"--limit", "100", "minister"});
    std::vector<std::string> whole, paged;
    for (const auto& h : all["hits"]) whole.push_back(h["id"]);
    for (size_t off = 0; off < whole.size(); off += 7) {
        const json page =
            search_json(db, {"--limit", "7", "--offset", std::to_string(off), "minister"});
        BOOST_TEST(page["hits"][0]["rank"].get<size_t>() == off + 1);
        for (const auto& h : page["hits"]) paged.push_back(h["id"]);
    }
    BOOST_TEST(whole == paged);
}

BOOST_AUTO_TEST_CASE(query_language_basics) {
    const std::string db = corpus().db;
    const size_t sanctions = count(db, "sanctions");
    const size_t russia = count(db, "Russia");
    const size_t both = count(db, "sanctions Russia");
    const size_t either = count(db, "sanctions OR Russia");
    const size_t sanctions_not_russia = count(db, "sanctions NOT Russia");
    BOOST_TEST(sanctions > 0u);
    BOOST_TEST(both <= std::min(sanctions, russia));
    BOOST_TEST(either == sanctions + russia - both);
    BOOST_TEST(sanctions_not_russia == sanctions - both);
    BOOST_TEST(count(db, "sanction") == sanctions);  // stemming
    BOOST_TEST(count(db, "\"Camp David\"") > 0u);
    BOOST_TEST(count(db, "\"David Camp\"") == 0u);
    BOOST_TEST(count(db, "sanction*") >= sanctions);
    BOOST_TEST(count(db, "title:summit") <= count(db, "summit"));
    // Dates: a year is the union of its months.
    size_t months = 0;
    for (int m = 1; m <= 12; ++m) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "date:2024-%02d", m);
        months += count(db, buf);
    }
    BOOST_TEST(count(db, "date:2024") == months);
    BOOST_TEST(count(db, "date:2024-01..2024-12") == months);
    BOOST_TEST(count(db, "date:..2023-12") + count(db, "date:2024..") == corpus().articles);
    // Entity fields accept names, aliases and ids alike.
    BOOST_TEST(count(db, "country:KR") == count(db, "country:\"South Korea\""));
    BOOST_TEST(count(db, "country:KR") == count(db, "country:rok"));
    BOOST_TEST(count(db, "person:blinken") == count(db, "person:\"Antony Blinken\""));
    BOOST_TEST(count(db, "person:blinken") == count(db, "person:antony-blinken"));
    // Two people: both must be mentioned.
    BOOST_TEST(count(db, "person:blinken person:\"Cho Tae-yul\"") <= count(db, "person:blinken"));
    BOOST_TEST(count(db, "person:blinken person:\"Cho Tae-yul\"") > 0u);
    BOOST_TEST(count(db, "summit:G20") > 0u);
    BOOST_TEST(count(db, "org:NATO") > 0u);
}

BOOST_AUTO_TEST_CASE(entity_names_in_free_text_find_their_entity) {
    const std::string db = corpus().db;
    // DPRK is written out as "North Korea" in most articles: expansion finds them too.
    BOOST_TEST(count(db, "DPRK") == count(db, "DPRK OR country:KP"));
    BOOST_TEST(count(db, "DPRK") > count(db, "\"DPRK\""));
    const auto plain = run_attache({"search", "--db", db, "--count", "--no-expand", "DPRK"});
    BOOST_TEST(std::stoul(plain.out) == count(db, "\"DPRK\""));
    // Errors still point at the text the user typed.
    const auto bad = run_attache({"search", "--db", db, "Blinken persn:x"});
    check_one_line_error(bad, "unknown field 'persn:' at column 9");
}

BOOST_AUTO_TEST_CASE(misspelt_words_get_a_suggestion) {
    const json j = search_json(corpus().db, {"sanctoins against Rusia"});
    BOOST_TEST(j["total"] == 0);
    BOOST_TEST(j["suggestion"] == "sanctions against Russia");
    BOOST_TEST(count(corpus().db, j["suggestion"].get<std::string>()) > 0u);
    const auto text = run_attache({"search", "--db", corpus().db, "nucleer deterence"});
    BOOST_TEST(text.out.find("Did you mean: nuclear deterrence\n") != std::string::npos, text.out);
    // A query that matches carries no suggestion.
    BOOST_TEST(!search_json(corpus().db, {"sanctions"}).contains("suggestion"));
}

BOOST_AUTO_TEST_CASE(bad_queries_get_one_line_and_exit_2) {
    const std::string db = corpus().db;
    struct Case {
        const char* query;
        const char* message;
    };
    for (const Case& c :
         {Case{"\"unterminated phrase", "unterminated quote at column 1"},
          Case{"(sanctions OR tariffs", "unmatched '(' at column 1"},
          Case{"sanctions)", "unmatched ')' at column 10"},
          Case{"persn:blinken", "unknown field 'persn:' at column 1 (did you mean 'person:'?)"},
          Case{"person:blinkin",
               "unknown person 'blinkin' in person:blinkin (did you mean 'Antony Blinken'"},
          Case{"date:2024-13", "invalid date '2024-13'"},
          Case{"date:2025..2024", "date range ends before it starts"},
          Case{"", "empty query: give words or fields, or '*' to match every article"},
          Case{"year:2024", "'year:' is a facet, not a query field: use date:2024"}}) {
        const auto r = run_attache({"search", "--db", db, c.query});
        BOOST_TEST(r.exit_code == 2, c.query);
        check_one_line_error(r, c.message);
    }
}

BOOST_AUTO_TEST_CASE(missing_database_exit_4) {
    TempDir dir;
    const auto r = run_attache({"search", "--db", dir / "nowhere.db", "x"});
    BOOST_TEST(r.exit_code == 4);
    check_one_line_error(
        r, "no database at '" + (dir / "nowhere.db") + "' (create one with: attache index --db");
    const auto env = run_attache({"stats"}, "", {{"ATTACHE_DB", dir / "env.db"}});
    BOOST_TEST(env.exit_code == 4);
    BOOST_TEST(env.err.find("env.db") != std::string::npos);
    // A directory that is not a Xapian database.
    fs::create_directories(dir.path / "empty.db");
    const auto not_db = run_attache({"search", "--db", dir / "empty.db", "x"});
    BOOST_TEST(not_db.exit_code == 4);
    BOOST_TEST(not_db.err.rfind("attache: cannot open database", 0) == 0, not_db.err);
}

BOOST_AUTO_TEST_CASE(exit_status_and_text_output) {
    const std::string db = corpus().db;
    const auto none = run_attache({"search", "--db", db, "--exit-status", "zzzqqqxxx"});
    BOOST_TEST(none.exit_code == 1);
    BOOST_TEST(none.out.rfind("No articles match", 0) == 0);
    BOOST_TEST(run_attache({"search", "--db", db, "zzzqqqxxx"}).exit_code == 0);
    const auto text = run_attache({"search", "--db", db, "--facet", "person:2", "Blinken"});
    BOOST_TEST(text.exit_code == 0);
    BOOST_TEST(text.out.find("\033[") == std::string::npos);  // no colour off a terminal
    BOOST_TEST(text.out.find("1. ") != std::string::npos);
    BOOST_TEST(text.out.find("\nperson\n  Antony Blinken [antony-blinken]") != std::string::npos,
               text.out);
    const auto color = run_attache({"search", "--db", db, "--color", "always", "Blinken"});
    BOOST_TEST(color.out.find("\033[1;33mBlinken\033[0m") != std::string::npos);
    // Date facets are bar charts on a terminal (here forced with --color always), plain otherwise.
    const auto bars = run_attache(
        {"search", "--db", db, "--color", "always", "--limit", "0", "--facet", "year", "*"});
    BOOST_TEST(bars.out.find("\u2588") != std::string::npos, bars.out);
    const auto plain = run_attache({"search", "--db", db, "--limit", "0", "--facet", "year", "*"});
    BOOST_TEST(plain.out.find("\u2588") == std::string::npos);
    BOOST_TEST(plain.out.rfind(std::to_string(corpus().articles) + " articles match (", 0) == 0u,
               plain.out);
    BOOST_TEST(plain.out.find("\nyear\n  2022  ") != std::string::npos, plain.out);
    const auto ids =
        run_attache({"search", "--db", db, "--format", "ids", "--limit", "3", "Blinken"});
    BOOST_TEST(std::count(ids.out.begin(), ids.out.end(), '\n') == 3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(show_stats_delete)

BOOST_AUTO_TEST_CASE(show_prints_article_with_entities) {
    const std::string db = corpus().db;
    const json first = search_json(db, {"--limit", "1", "person:Blinken country:KR"});
    const std::string id = first["hits"][0]["id"];
    const auto text = run_attache({"show", "--db", db, id});
    BOOST_TEST(text.exit_code == 0);
    BOOST_TEST(text.out.find("id:        " + id) != std::string::npos);
    BOOST_TEST(text.out.find("Antony Blinken [antony-blinken] (Secretary of State, US)") !=
                   std::string::npos,
               text.out);
    const auto j = run_attache({"show", "--db", db, "--format", "json", id});
    const json article = json::parse(j.out);
    BOOST_TEST(article["id"] == id);
    BOOST_TEST(!article["body"].get<std::string>().empty());
    BOOST_TEST(article["entities"]["person"][0].contains("count"));
    const auto missing = run_attache({"show", "--db", db, "no-such-id"});
    BOOST_TEST(missing.exit_code == 1);
    check_one_line_error(missing, "no article with id 'no-such-id'");
}

BOOST_AUTO_TEST_CASE(stats_reports_count_dates_and_top_values) {
    const auto r = run_attache({"stats", "--db", corpus().db, "--format", "json"});
    BOOST_TEST(r.exit_code == 0);
    const json j = json::parse(r.out);
    BOOST_TEST(j["articles"].get<size_t>() == corpus().articles);
    const json oldest = search_json(corpus().db, {"--sort", "oldest", "--limit", "1", "*"});
    BOOST_TEST(j["first_published"] ==
               oldest["hits"][0]["published"].get<std::string>().substr(0, 10));
    BOOST_TEST(j["facets"]["person"].size() == 5u);
    const auto text = run_attache({"stats", "--db", corpus().db});
    BOOST_TEST(text.out.find("articles:  " + std::to_string(corpus().articles)) !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(delete_removes_by_id) {
    TempDir dir;
    const std::string db = dir / "del.db";
    BOOST_TEST_REQUIRE(
        run_attache({"index", "--db", db, std::string(ATTACHE_CORPUS) + "/articles.jsonl"})
            .exit_code == 0);
    const json first = search_json(db, {"--limit", "1", "Blinken"});
    const std::string id = first["hits"][0]["id"];
    const auto r = run_attache({"delete", "--db", db, id, "not-there"});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.err.find("no article with id 'not-there'") != std::string::npos);
    BOOST_TEST(doccount(db) == corpus().articles - 1);
    BOOST_TEST(run_attache({"show", "--db", db, id}).exit_code == 1);
    const auto nodb = run_attache({"delete", "--db", dir / "none.db", "x"});
    BOOST_TEST(nodb.exit_code == 4);
    BOOST_TEST(!fs::exists(dir / "none.db"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scripted_runs)

BOOST_AUTO_TEST_CASE(batch_runs_every_line_and_reports_bad_ones) {
    TempDir dir;
    const std::string batch = dir / "queries.txt";
    std::ofstream(batch) << "# monitoring queries\n"
                         << "kr-us\tperson:Blinken country:KR\n"
                         << "\n"
                         << "bad\tpersn:blinken\n"
                         << "sanctions NOT Russia\n";
    const auto r = run_attache(
        {"search", "--db", corpus().db, "--batch", batch, "--format", "jsonl", "--limit", "3"});
    BOOST_TEST(r.exit_code == 2);  // one query failed; the others ran
    check_one_line_error(r, "queries.txt:4: unknown field 'persn:'");
    std::istringstream lines(r.out);
    std::vector<json> results;
    for (std::string line; std::getline(lines, line);) results.push_back(json::parse(line));
    BOOST_REQUIRE_EQUAL(results.size(), 2u);
    BOOST_TEST(results[0].begin().key() == "qid");
    BOOST_TEST(results[0]["qid"] == "kr-us");
    BOOST_TEST(results[0]["total"].get<size_t>() ==
               count(corpus().db, "person:Blinken country:KR"));
    BOOST_TEST(results[1]["qid"] == "5");  // no qid: the line number
    BOOST_TEST(results[1]["total"].get<size_t>() == count(corpus().db, "sanctions NOT Russia"));
    // Standard input works too, and a clean batch exits 0.
    const auto ok =
        run_attache({"search", "--db", corpus().db, "--batch", "-", "--count"}, "Blinken\nNATO\n");
    BOOST_TEST(ok.exit_code == 0);
    BOOST_TEST(ok.out == "1\t" + std::to_string(count(corpus().db, "Blinken")) + "\n2\t" +
                             std::to_string(count(corpus().db, "NATO")) + "\n");
    const auto missing = run_attache({"search", "--db", corpus().db, "--batch", dir / "nope.txt"});
    BOOST_TEST(missing.exit_code == 2);
    check_one_line_error(missing, "--batch " + (dir / "nope.txt") + ": cannot open for reading");
}

BOOST_AUTO_TEST_CASE(trec_output_is_one_line_per_hit) {
    const auto r = run_attache({"search", "--db", corpus().db, "--batch", "-", "--format", "trec",
                                "--limit", "5", "--run-tag", "mytag"},
                               "q1\tBlinken\nq2\tNATO summit\n");
    BOOST_TEST(r.exit_code == 0, r.err);
    std::istringstream lines(r.out);
    std::map<std::string, size_t> per_qid;
    for (std::string line; std::getline(lines, line);) {
        std::istringstream cols(line);
        std::string qid, q0, docid, rank, score, tag, extra;
        cols >> qid >> q0 >> docid >> rank >> score >> tag;
        BOOST_TEST(!(cols >> extra), line);
        BOOST_TEST(q0 == "Q0");
        BOOST_TEST(tag == "mytag");
        BOOST_TEST(std::stoul(rank) == ++per_qid[qid], line);
        BOOST_TEST(std::stod(score) > 0.0);
        BOOST_TEST(docid.rfind("att-", 0) == 0u);
    }
    BOOST_TEST(per_qid["q1"] == 5u);
    BOOST_TEST(per_qid["q2"] == std::min<size_t>(5, count(corpus().db, "NATO summit")));
}

BOOST_AUTO_TEST_CASE(csv_and_tsv_have_a_header_and_quote_properly) {
    const auto csv = run_attache({"search", "--db", corpus().db, "--format", "csv", "--limit", "50",
                                  "--fields", "id,title,published", "Blinken"});
    BOOST_TEST(csv.exit_code == 0, csv.err);
    BOOST_TEST(csv.out.rfind("id,title,published\r\n", 0) == 0u);
    // A title with a comma is quoted; parse the CSV back and compare with the JSON.
    const json j = search_json(corpus().db, {"--limit", "50", "Blinken"});
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (size_t i = 0; i < csv.out.size(); ++i) {
        const char c = csv.out[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.out.size() && csv.out[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(cell);
            cell.clear();
        } else if (c == '\r') {
        } else if (c == '\n') {
            row.push_back(cell);
            rows.push_back(row);
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    BOOST_REQUIRE_EQUAL(rows.size(), j["hits"].size() + 1);
    bool saw_comma = false;
    for (size_t i = 0; i < j["hits"].size(); ++i) {
        BOOST_TEST(rows[i + 1].size() == 3u);
        BOOST_TEST(rows[i + 1][0] == j["hits"][i]["id"].get<std::string>());
        BOOST_TEST(rows[i + 1][1] == j["hits"][i]["title"].get<std::string>());
        saw_comma = saw_comma || rows[i + 1][1].find(',') != std::string::npos;
    }
    BOOST_TEST(saw_comma);
    const auto tsv =
        run_attache({"search", "--db", corpus().db, "--format", "tsv", "--limit", "3", "Blinken"});
    std::istringstream lines(tsv.out);
    std::string header;
    std::getline(lines, header);
    BOOST_TEST(header == "rank\tid\tscore\tpublished\tsource\ttitle\turl");
    for (std::string line; std::getline(lines, line);)
        BOOST_TEST(std::count(line.begin(), line.end(), '\t') == 6);
    const auto bad = run_attache({"search", "--db", corpus().db, "--fields", "id,colour", "x"});
    BOOST_TEST(bad.exit_code == 2);
    check_one_line_error(bad, "--fields: no field 'colour'");
}

BOOST_AUTO_TEST_CASE(fields_choose_what_json_hits_carry) {
    const json j = search_json(corpus().db, {"--fields", "id,body", "--limit", "2", "Blinken"});
    for (const auto& hit : j["hits"]) {
        BOOST_TEST(hit.size() == 2u);
        BOOST_TEST(hit.contains("body"));
    }
}

BOOST_AUTO_TEST_CASE(relative_dates_follow_the_pinned_clock) {
    const std::string db = corpus().db;
    const auto pinned =
        run_attache({"search", "--db", db, "--now", "2025-11-30", "--count", "date:last-month"});
    BOOST_TEST(pinned.exit_code == 0);
    BOOST_TEST(std::stoul(pinned.out) == count(db, "date:2025-10"));
    const auto env = run_attache({"search", "--db", db, "--count", "date:this-year"}, "",
                                 {{"ATTACHE_NOW", "2023-06-01"}});
    BOOST_TEST(std::stoul(env.out) == count(db, "date:2023"));
    const auto since = run_attache({"search", "--db", db, "--count", "--since", "2025-06", "NATO"});
    BOOST_TEST(std::stoul(since.out) == count(db, "NATO date:2025-06.."));
    // --since ID: what was (re)indexed after that article, for monitoring runs.
    TempDir dir;
    const std::string mon = dir / "monitor.db";
    BOOST_TEST_REQUIRE(
        run_attache({"index", "--db", mon, std::string(ATTACHE_CORPUS) + "/articles.jsonl"})
            .exit_code == 0);
    const std::string extra =
        R"({"id":"late-1","title":"Later news","body":"NATO allies met again."})"
        "\n";
    BOOST_TEST_REQUIRE(run_attache({"index", "--db", mon, "-"}, extra).exit_code == 0);
    const auto newer =
        run_attache({"search", "--db", mon, "--since", "att-0048", "--format", "ids", "*"});
    BOOST_TEST(newer.out == "late-1\n");
    const auto unknown = run_attache({"search", "--db", mon, "--since", "no-such-article", "x"});
    BOOST_TEST(unknown.exit_code == 2);
    check_one_line_error(unknown,
                         "--since no-such-article: neither a date nor the id of an article");
    const auto bad_now = run_attache({"search", "--db", db, "--now", "soon", "x"});
    BOOST_TEST(bad_now.exit_code == 2);
    check_one_line_error(bad_now, "--now must be a date YYYY-MM-DD, not 'soon'");
    const auto bad_limit = run_attache({"search", "--db", db, "--limit", "1000000", "x"});
    BOOST_TEST(bad_limit.exit_code == 2);
    check_one_line_error(bad_limit, "--limit must be between 0 and 100000");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(operators)

// Each operator and field against a fixture whose exact answers are known by construction.
BOOST_AUTO_TEST_CASE(each_operator_and_field_matches_exactly_these_ids) {
    TempDir dir;
    const std::string db = dir / "ops.db";
    BOOST_TEST_REQUIRE(run_attache({"index", "--db", db,
                                    std::string(ATTACHE_TEST_DATA) + "/jsonl/operators.jsonl"})
                           .exit_code == 0);
    auto ids = [&](const std::string& query) {
        // "--" ends the flags, so that a query starting with "-" is a query.
        const auto r = run_attache({"search", "--db", db, "--format", "ids", "--limit", "100",
                                    "--no-expand", "--", query});
        BOOST_TEST(r.exit_code == 0, query << ": " << r.err);
        std::set<std::string> out;
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);) out.insert(line);
        return out;
    };
    using Set = std::set<std::string>;
    const std::vector<std::pair<std::string, Set>> cases = {
        {"apple banana", {"f01", "f02"}},
        {"apple AND banana", {"f01", "f02"}},
        {"apple OR dates", {"f01", "f02", "f03", "f04"}},
        {"apple NOT cherry", {"f02"}},
        {"apple AND NOT cherry", {"f02"}},
        {"-cherry apple", {"f02"}},
        {"+apple cherry", {"f01", "f04"}},  // the default operator is AND: + changes nothing
        {"(apple OR dates) cherry", {"f01", "f03", "f04"}},
        {"\"quick brown\"", {"f05"}},
        {"quick NEAR brown", {"f05", "f06"}},
        {"fox ADJ/2 jumps", {"f05"}},
        {"appl*", {"f01", "f02", "f04", "f09"}},
        {"banana", {"f01", "f02", "f03", "f10"}},  // stemming: "bananas"
        {"title:alpha", {"f01"}},
        {"title:apple", {}},
        {"person:blinken", {"f07", "f08"}},
        {"person:blinken person:\"Cho Tae-yul\"", {"f08"}},
        {"minister:cho", {"f08"}},
        {"role:\"foreign minister\"", {"f08"}},
        {"place:Seoul", {"f08"}},
        {"source:\"Desk A\"", {"f01", "f03"}},
        {"source:desk-a source:desk-b", {"f01", "f02", "f03", "f04"}},
        {"date:2024", {"f01", "f02", "f03", "f07", "f08"}},
        {"date:..2023", {"f04", "f05", "f06"}},
        {"date:2024-02..2024-05", {"f02", "f03", "f07"}},
        {"date:2025..", {"f09"}},
        {"id:f09", {"f09"}},
        {"NOT banana", {"f04", "f05", "f06", "f07", "f08", "f09"}},
    };
    for (const auto& [query, expected] : cases) BOOST_TEST((ids(query) == expected), query);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(documentation)

// The documented examples run on the database `make demo` builds: every file under corpus/
// (scripts/demo.sh), samples included, unlike corpus() above.
struct DemoDb {
    TempDir dir;
    std::string db = dir / "demo.db";
    DemoDb() {
        const auto r = run_attache({"index", "-q", "--db", db, ATTACHE_CORPUS});
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    }
};

// One documented command line, split as a shell would split these examples: words, 'single'
// and "double" quotes, leading NAME=value settings, and a trailing # comment. Only the words
// before an unquoted '|' are kept: the first command of a pipe is the example.
struct CommandLine {
    std::map<std::string, std::string> env;
    std::vector<std::string> words;
    std::string comment;
    bool synopsis = false;  // an unquoted '[' marks optional parts: a usage line, not a command
};

CommandLine split_command(const std::string& line) {
    CommandLine c;
    std::string cur;
    bool have = false, piped = false;
    char quote = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quote) {
            if (ch == quote) {
                quote = 0;
            } else {
                cur += ch;
            }
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
            have = true;
        } else if (ch == ' ' || ch == '|') {
            if (have && !piped) c.words.push_back(cur);
            cur.clear();
            have = false;
            piped = piped || ch == '|';
        } else if (ch == '#' && !have) {
            c.comment = line.substr(i + 1);
            break;
        } else {
            if (ch == '[') c.synopsis = true;
            cur += ch;
            have = true;
        }
    }
    if (have && !piped) c.words.push_back(cur);
    while (!c.words.empty() && c.words[0].find('=') != std::string::npos) {
        c.env[c.words[0].substr(0, c.words[0].find('='))] =
            c.words[0].substr(c.words[0].find('=') + 1);
        c.words.erase(c.words.begin());
    }
    return c;
}

// What a document says an example returns. Three ways to say it (docs/README.md):
// a trailing comment that ends in "(N articles)", "(1 article)" or "(no match)"; after a "$ "
// prompt, the output printed below it in the same block; a ```json block right after the command's
// block. Shown output may be abridged: the test reads the total and the hit ids it shows.
struct StatedResult {
    std::optional<size_t> total;        // from the comment
    std::optional<size_t> shown_total;  // from the output shown
    std::vector<std::string> ids;       // hit ids shown, in order (a prefix of the real ones)
};

std::optional<size_t> total_in_comment(const std::string& comment) {
    static const std::regex articles(R"(\((\d[\d,]*) articles?\)\s*$)");
    static const std::regex none(R"(\(no match\)\s*$)");
    std::smatch m;
    if (std::regex_search(comment, m, articles)) {
        std::string digits = m[1];
        digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
        return std::stoul(digits);
    }
    if (std::regex_search(comment, none)) return 0;
    return std::nullopt;
}

// Reads printed output: a text result ("N articles match", "No articles match", "| id X"
// lines) or JSON, which may be abridged ("total" and the ids inside "hits").
void read_shown_output(const std::string& output, StatedResult& result) {
    static const std::regex text_total(R"(^(\d+) articles? match)");
    static const std::regex text_id(R"(\| id (\S+)$)");
    static const std::regex json_total(R"re("total":\s*(\d+))re");
    static const std::regex json_id(R"re("rank":\s*\d+,\s*"id":\s*"([^"]+)")re");
    std::smatch m;
    if (std::regex_search(output, m, json_total)) {
        result.shown_total = std::stoul(m[1]);
        for (auto it = std::sregex_iterator(output.begin(), output.end(), json_id);
             it != std::sregex_iterator(); ++it)
            result.ids.push_back((*it)[1]);
        return;
    }
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
        if (std::regex_search(line, m, text_total)) result.shown_total = std::stoul(m[1]);
        if (line.rfind("No articles match", 0) == 0) result.shown_total = 0;
        if (std::regex_search(line, m, text_id)) result.ids.push_back(m[1]);
    }
}

struct DocumentedExample {
    std::string where;  // "docs/cli.md:12"
    std::string line;
    CommandLine command;
    StatedResult result;
};

// Every `attache search` command in the code blocks of a Markdown file, with its stated result.
std::vector<DocumentedExample> documented_examples(const std::string& doc,
                                                   const std::string& text) {
    struct Line {
        size_t number;
        std::string text;
    };
    struct Block {
        std::string lang;
        std::vector<Line> lines;
        bool follows_previous = false;  // only blank lines since the previous block's end
    };
    std::vector<Block> blocks;
    {
        std::istringstream in(text);
        bool in_code = false, prose_since_block = true;
        size_t number = 0;
        for (std::string line; std::getline(in, line);) {
            ++number;
            const size_t indent = std::min(line.find_first_not_of(' '), line.size());
            if (line.compare(indent, 3, "```") == 0) {
                if (!in_code) blocks.push_back({line.substr(indent + 3), {}, !prose_since_block});
                if (in_code) prose_since_block = false;
                in_code = !in_code;
                continue;
            }
            if (in_code) {
                blocks.back().lines.push_back({number, line});
            } else if (line.find_first_not_of(" \t") != std::string::npos) {
                prose_since_block = true;
            }
        }
    }
    std::vector<DocumentedExample> examples;
    for (size_t b = 0; b < blocks.size(); ++b) {
        if (blocks[b].lang == "json") continue;
        const auto& lines = blocks[b].lines;
        for (size_t i = 0; i < lines.size(); ++i) {
            std::string line = lines[i].text;
            const bool prompt = line.rfind("$ ", 0) == 0;
            if (prompt) line = line.substr(2);
            // A line fed by the previous one (`printf ... |` or a `\` continuation) is not a
            // command of its own.
            if (i > 0 && !lines[i - 1].text.empty() &&
                (lines[i - 1].text.back() == '|' || lines[i - 1].text.back() == '\\'))
                continue;
            CommandLine command = split_command(line);
            if (command.synopsis || command.words.size() < 2 || command.words[0] != "attache" ||
                command.words[1] != "search")
                continue;
            DocumentedExample ex{
                doc + ":" + std::to_string(lines[i].number), lines[i].text, command, {}};
            ex.result.total = total_in_comment(command.comment);
            if (prompt) {
                std::string output;
                for (size_t j = i + 1; j < lines.size() && lines[j].text.rfind("$ ", 0) != 0; ++j)
                    output += lines[j].text + "\n";
                read_shown_output(output, ex.result);
            }
            const bool last_in_block = i + 1 == lines.size();
            if (last_in_block && b + 1 < blocks.size() && blocks[b + 1].lang == "json" &&
                blocks[b + 1].follows_previous) {
                std::string output;
                for (const auto& l : blocks[b + 1].lines) output += l.text + "\n";
                read_shown_output(output, ex.result);
            }
            examples.push_back(std::move(ex));
        }
    }
    return examples;
}

// The example as JSON, on the demo database: its own --db, --format and --fields give way.
json run_as_json(const DocumentedExample& ex, const std::string& db) {
    std::vector<std::string> args{"search", "--db", db, "--format", "json"};
    const auto& words = ex.command.words;
    for (size_t i = 2; i < words.size(); ++i) {
        if (words[i] == "--db" || words[i] == "--format" || words[i] == "--fields") {
            ++i;
            continue;
        }
        if (words[i] == "--count") continue;
        args.push_back(words[i]);
    }
    const auto r = run_attache(args, "", ex.command.env);
    BOOST_TEST_REQUIRE(r.exit_code == 0, ex.where << ": " << ex.line << "\n" << r.err);
    return json::parse(r.out);
}

// Every `attache search` example in the README and docs/ runs on the demo database and returns
// what its document says it returns.
BOOST_AUTO_TEST_CASE(documented_search_examples_return_what_they_say) {
    const std::string root = std::string(ATTACHE_CORPUS) + "/..";
    DemoDb demo;
    size_t examples = 0;
    std::vector<std::string> docs{"README.md"};
    for (const auto& entry : fs::directory_iterator(root + "/docs")) {
        if (entry.path().extension() == ".md")
            docs.push_back("docs/" + entry.path().filename().string());
    }
    std::sort(docs.begin(), docs.end());
    for (const std::string& doc : docs) {
        for (const DocumentedExample& ex : documented_examples(doc, read_file(root + "/" + doc))) {
            ++examples;
            BOOST_TEST_CONTEXT(ex.where << ": " << ex.line) {
                const auto& stated = ex.result;
                BOOST_TEST((stated.total || stated.shown_total),
                           "no stated result: end the comment with (N articles) or (no match)");
                // As written (with the demo database), it runs without error.
                std::vector<std::string> args{"search", "--db", demo.db};
                const auto& words = ex.command.words;
                for (size_t i = 2; i < words.size(); ++i) {
                    if (words[i] == "--db") {
                        ++i;
                    } else {
                        args.push_back(words[i]);
                    }
                }
                const auto r = run_attache(args, "", ex.command.env);
                const json j = run_as_json(ex, demo.db);
                const size_t total = j["total"].get<size_t>();
                const bool exit_status =
                    std::find(words.begin(), words.end(), "--exit-status") != words.end();
                BOOST_TEST(r.exit_code == (exit_status && total == 0 ? 1 : 0), r.err);
                if (stated.total)
                    BOOST_TEST(total == *stated.total,
                               "count " << total << ", comment says " << *stated.total);
                if (stated.shown_total)
                    BOOST_TEST(total == *stated.shown_total,
                               "count " << total << ", output shows " << *stated.shown_total);
                for (size_t i = 0; i < stated.ids.size(); ++i) {
                    BOOST_TEST_REQUIRE(i < j["hits"].size());
                    BOOST_TEST(j["hits"][i]["id"].get<std::string>() == stated.ids[i]);
                }
            }
        }
    }
    BOOST_TEST(examples >= 25u);
}

// The reader of stated results, on a document made up for it.
BOOST_AUTO_TEST_CASE(stated_results_are_read_from_comments_prompts_and_json) {
    const std::string doc =
        "```sh\n"
        "attache search 'a b' --facet x   # two words (12 articles)\n"
        "ATTACHE_NOW=2024-11-01 attache search 'c'   # (1,204 articles)\n"
        "attache search --format ids 'd' | xargs attache show   # pipe (no match)\n"
        "attache search 'e'   # in 2025 articles\n"
        "attache search [--db DIR] QUERY\n"
        "printf 'q\\n' |\n"
        "  attache search --batch -\n"
        "```\n"
        "\n"
        "```\n"
        "$ attache search --limit 2 'f'\n"
        "3 articles match, showing 1-2 (1.0 ms)\n"
        "\n"
        "1. A title\n"
        "   2024-05-10 | Desk | id f-1\n"
        "```\n"
        "```sh\n"
        "attache search --format json 'g'   # (10 articles)\n"
        "```\n"
        "\n"
        "```json\n"
        "{\"query\": \"g\", \"total\": 10, \"offset\": 0, \"limit\": 1, \"took_ms\": 2.1,\n"
        " \"hits\": [{\"rank\": 1, \"id\": \"g-7\", ...}]}\n"
        "```\n";
    const auto ex = documented_examples("x.md", doc);
    BOOST_TEST_REQUIRE(ex.size() == 6u);
    BOOST_TEST(*ex[0].result.total == 12u);
    BOOST_TEST(ex[0].command.words.back() == "x");
    BOOST_TEST(*ex[1].result.total == 1204u);
    BOOST_TEST(ex[1].command.env.at("ATTACHE_NOW") == "2024-11-01");
    BOOST_TEST(*ex[2].result.total == 0u);
    BOOST_TEST(ex[2].command.words.back() == "d");
    BOOST_TEST(!ex[3].result.total.has_value());
    BOOST_TEST(!ex[3].result.shown_total.has_value());
    BOOST_TEST(*ex[4].result.shown_total == 3u);
    BOOST_TEST(ex[4].result.ids == std::vector<std::string>{"f-1"});
    BOOST_TEST(*ex[5].result.total == 10u);
    BOOST_TEST(*ex[5].result.shown_total == 10u);
    BOOST_TEST(ex[5].result.ids == std::vector<std::string>{"g-7"});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(extracting)

BOOST_AUTO_TEST_CASE(extract_shows_mentions_with_offsets) {
    const std::string text =
        "The U.S. Secretary of State met Foreign Minister Cho Tae-yul in Seoul. Cho urged Blinken "
        "to "
        "keep the Nuclear Consultative Group (NCG) going.";
    const auto r = run_attache({"extract", "--format", "json", "--date", "2024-11-01", "-"}, text);
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    const json j = json::parse(r.out);
    BOOST_TEST(j["published"] == "2024-11-01");
    std::map<std::string, std::string> how;
    for (const auto& m : j["mentions"]) {
        const size_t b = m["begin"], e = m["end"];
        BOOST_TEST(text.substr(b, e - b) == m["text"].get<std::string>());
        how[m["text"].get<std::string>()] = m["how"];
    }
    BOOST_TEST(how["Secretary of State"] == "title-on-date");
    BOOST_TEST(how["Cho"] == "surname");
    BOOST_TEST(how["Blinken"] == "surname-in-office");
    BOOST_TEST(j["ministers"].size() == 2u);
    // JSON Lines input: one object per article; a bad line is reported, the rest extracted.
    const std::string lines =
        R"({"id":"x1","title":"NATO meets","body":"NATO allies met.","published":"2024-07-10"})"
        "\nnot json\n";
    const auto jl = run_attache({"extract", "--format", "json", "-"}, lines);
    BOOST_TEST(jl.exit_code == 3);
    BOOST_TEST(jl.err.find("<stdin>:2: invalid JSON") != std::string::npos, jl.err);
    BOOST_TEST(json::parse(jl.out)["id"] == "x1");
    const auto text_out = run_attache({"extract", "--date", "2024-11-01", "-"}, text);
    BOOST_TEST(
        text_out.out.find("person  cho-tae-yul  \"Cho Tae-yul\"  (name, Foreign Minister)") !=
            std::string::npos,
        text_out.out);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(real_data)

// Real articles nobody here wrote (../shared/corpora), read in place; skipped when absent.
BOOST_AUTO_TEST_CASE(shared_corpora_index_without_rejections,
                     *attache::test::needs("shared_corpora", ATTACHE_SHARED_CORPORA)) {
    const std::string shared = ATTACHE_SHARED_CORPORA;
    TempDir dir;
    for (const char* name : {"seed", "news-html", "wire-formats", "wiki-current-events"}) {
        const std::string file = shared + "/" + name + "/articles.jsonl";
        if (!fs::exists(file)) continue;
        const std::string db = dir / (std::string(name) + ".db");
        const auto r = run_attache({"index", "--db", db, "--quiet", file});
        BOOST_TEST(r.exit_code == 0, name << ": " << r.err);
        BOOST_TEST(doccount(db) == count_lines(file), name);
    }
}

BOOST_AUTO_TEST_CASE(seed_article_yields_ministers_with_roles,
                     *attache::test::needs("shared_corpora",
                                           ATTACHE_SHARED_CORPORA "/seed/articles.jsonl")) {
    const std::string file = std::string(ATTACHE_SHARED_CORPORA) + "/seed/articles.jsonl";
    TempDir dir;
    const std::string db = dir / "seed.db";
    BOOST_TEST_REQUIRE(run_attache({"index", "--db", db, file}).exit_code == 0);
    const auto show = run_attache({"show", "--db", db, "--format", "json", "seed-0001"});
    const json a = json::parse(show.out);
    std::map<std::string, std::string> roles;
    for (const auto& p : a["entities"]["person"])
        roles[p["id"]] = p.value("roles", json::array()).dump();
    BOOST_TEST(roles["antony-blinken"] == R"(["Secretary of State"])");
    BOOST_TEST(roles["cho-tae-yul"] == R"(["Foreign Minister"])");
    std::set<std::string> countries, orgs, events;
    for (const auto& c : a["entities"]["country"]) countries.insert(c["id"]);
    for (const auto& o : a["entities"]["org"]) orgs.insert(o["id"]);
    for (const auto& e : a["entities"]["event"]) events.insert(e["id"]);
    for (const char* c : {"KR", "US", "JP", "KP", "RU"}) BOOST_TEST(countries.count(c) == 1u, c);
    BOOST_TEST(orgs.count("ncg") == 1u);
    BOOST_TEST(events.count("camp-david-summit-2023") == 1u);
    BOOST_TEST(events.count("kr-us-2plus2-2024") == 1u);  // "(2+2 Meeting)" on 2024-10-31
    BOOST_TEST(count(db, "minister:cho person:blinken date:2024-11") == 1u);
    // "on Thursday (local time)" in an article of Friday 2024-11-01; "last month" is 2024-10.
    BOOST_TEST(count(db, "mentioned:2024-10-31") == 1u);
    BOOST_TEST(count(db, "mentioned:2024-10") == 1u);
    BOOST_TEST(count(db, "mentioned:2024-10-01..2024-10-31") == 1u);
    BOOST_TEST(count(db, "mentioned:2024-11-02..") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
