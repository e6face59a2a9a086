// End-to-end tests of sharded databases (docs/sharding.md): the corpus indexed once as one
// database and once as 3 shards, the shards served by 3 real xapian-tcpsrv processes on free
// 127.0.0.1 ports, and every answer compared: ids, ranks, scores, totals and every facet count.
// Then the faults: a server killed before and during a run, a server that stops answering, and
// re-indexing, deleting and compacting through the stub.
#define BOOST_TEST_MODULE sharding
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
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
using Clock = std::chrono::steady_clock;

extern char** environ;

namespace {

std::string g_attache;
const char* const kTcpsrv = "/usr/bin/xapian-tcpsrv";

struct TempDir : attache::test::TempDir {
    TempDir() : attache::test::TempDir("attache-shards") {}
};

ProcessResult run_attache(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), g_attache);
    return run_process(args, input);
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// A port nobody listens on now (the kernel's choice); the server binds it a moment later.
unsigned free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len)) {
        close(fd);
        throw std::runtime_error("cannot find a free port");
    }
    close(fd);
    return ntohs(addr.sin_port);
}

bool accepts_connections(unsigned port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

// One xapian-tcpsrv serving one shard, in a process group of its own: it forks a child per
// connection, and killing the group ends those too, as a crashed host would. If the test dies
// without cleaning up, the kernel kills the server (PR_SET_PDEATHSIG), and its per-connection
// children end when their clients do.
class ShardServer {
  public:
    explicit ShardServer(const std::string& db) {
        for (int attempt = 0; attempt < 5 && !pid_; ++attempt) {
            port_ = free_port();
            std::vector<std::string> args = {kTcpsrv,     "--quiet", "--interface",
                                             "127.0.0.1", "--port",  std::to_string(port_),
                                             db};
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            const pid_t pid = fork();
            if (pid == 0) {
                // Only async-signal-safe calls between fork and exec. The server dies with the
                // test even when the test cannot clean up (a crash, an ASan abort).
                setpgid(0, 0);
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                const int null = open("/dev/null", O_WRONLY);
                dup2(null, 1);
                dup2(null, 2);
                execv(kTcpsrv, argv.data());
                _exit(127);
            }
            const int rc = pid < 0 ? -1 : 0;
            if (rc != 0) throw std::runtime_error("cannot start xapian-tcpsrv");
            // Wait until it listens; if it exited (the port was taken meanwhile), try another.
            const auto deadline = Clock::now() + std::chrono::seconds(10);
            while (Clock::now() < deadline) {
                int status = 0;
                if (waitpid(pid, &status, WNOHANG) == pid) break;
                if (accepts_connections(port_)) {
                    pid_ = pid;
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            if (!pid_) {
                kill(-pid, SIGKILL);
                waitpid(pid, nullptr, WNOHANG);
            }
        }
        if (!pid_) throw std::runtime_error("xapian-tcpsrv did not start listening");
    }
    ~ShardServer() { stop(); }
    void stop() {
        if (!pid_) return;
        kill(-pid_, SIGCONT);
        kill(-pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = 0;
    }
    // Stops answering without closing anything: connections hang, as on a frozen host.
    void freeze() { kill(-pid_, SIGSTOP); }
    unsigned port() const { return port_; }
    std::string name() const { return "127.0.0.1:" + std::to_string(port_); }

  private:
    pid_t pid_ = 0;
    unsigned port_ = 0;
};

// A corpus indexed twice: one database, and 3 shards listed by a local stub and, once servers
// are started, by a remote stub.
struct Indexed {
    TempDir dir;
    std::string single = dir / "single.db";
    std::string local = dir / "sharded.db";
    std::string remote = dir / "remote.db";
    std::vector<std::unique_ptr<ShardServer>> servers;

    explicit Indexed(const std::vector<std::string>& inputs) {
        std::vector<std::string> a = {"index", "-q", "--db", single};
        a.insert(a.end(), inputs.begin(), inputs.end());
        const ProcessResult one = run_attache(a);
        BOOST_TEST_REQUIRE(one.exit_code == 0, one.err);
        a[3] = local;
        a.insert(a.begin() + 4, {"--shards", "3"});
        const ProcessResult three = run_attache(a);
        BOOST_TEST_REQUIRE(three.exit_code == 0, three.err);
        BOOST_TEST(three.err.find("in 3 shards") != std::string::npos, three.err);
    }
    std::string shard(int i) const { return local + ".shards/0" + std::to_string(i); }
    void serve() {
        std::string stub = "# three shards, one server each\n";
        for (int i = 0; i < 3; ++i) {
            servers.push_back(std::make_unique<ShardServer>(shard(i)));
            // Both spellings: attache's and Xapian's own.
            stub += i == 1
                        ? "remote " + servers.back()->name() + "\n"
                        : "remote tcp 127.0.0.1 " + std::to_string(servers.back()->port()) + "\n";
        }
        write_file(remote, stub);
    }
};

const std::vector<std::string> kFacets = {
    "-f", "person:0", "-f", "country:0",  "-f", "org:0",   "-f", "event:0",    "-f", "summit:0",
    "-f", "role:0",   "-f", "minister:0", "-f", "place:0", "-f", "source:0",   "-f", "lang:0",
    "-f", "year:0",   "-f", "month:0",    "-f", "day:0",   "-f", "mentioned:0"};

json search_json(const std::string& db, const std::vector<std::string>& extra,
                 const std::string& q) {
    std::vector<std::string> a = {"search", "--db", db, "--format", "json", "--now", "2025-12-01"};
    a.insert(a.end(), extra.begin(), extra.end());
    a.push_back(q);
    const ProcessResult r = run_attache(a);
    BOOST_TEST_REQUIRE(r.exit_code == 0, db << ": " << q << ": " << r.err);
    json j = json::parse(r.out);
    j.erase("took_ms");
    return j;
}

// Same ids in the same ranks with the same scores, same totals, same counts for every value of
// every facet. Compared as whole JSON documents, so nothing is left out by accident.
// Over remote shards snippets are chosen by the query words alone (Xapian's background model
// would cost a round trip per word: docs/sharding.md), so they are compared only locally.
void drop_snippets(json& result) {
    for (auto& h : result["hits"]) h.erase("snippet");
}

// Runs every query in one batch process (one result line each) and compares query by query.
std::vector<json> batch_results(const std::string& db, const std::vector<std::string>& extra,
                                const std::vector<std::string>& queries) {
    std::vector<std::string> a = {"search",   "--db",  db,      "--batch",   "-",
                                  "--format", "jsonl", "--now", "2025-12-01"};
    a.insert(a.end(), extra.begin(), extra.end());
    std::string batch;
    for (const auto& q : queries) batch += q + "\n";
    const ProcessResult r = run_attache(a, batch);
    BOOST_TEST_REQUIRE(r.exit_code == 0, db << ": " << r.err);
    std::vector<json> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        json j = json::parse(line);
        j.erase("took_ms");
        if (db.ends_with("remote.db")) drop_snippets(j);
        out.push_back(j);
    }
    BOOST_TEST_REQUIRE(out.size() == queries.size());
    return out;
}

void check_same(const std::string& a, const std::string& b, const std::vector<std::string>& extra,
                const std::vector<std::string>& queries) {
    auto x = batch_results(a, extra, queries), y = batch_results(b, extra, queries);
    for (size_t i = 0; i < queries.size(); ++i) {
        if (b.ends_with("remote.db")) drop_snippets(x[i]);
        BOOST_TEST(x[i] == y[i], "query '" << queries[i] << "' on " << b << " differs: "
                                           << json::diff(x[i], y[i]).dump().substr(0, 600));
    }
}

const std::vector<std::string> kCorpusQueries = {"Blinken",
                                                 "country:KR",
                                                 "summit",
                                                 "*",
                                                 "nuclear OR sanctions",
                                                 "\"foreign minister\"",
                                                 "person:blinken country:KR",
                                                 "date:2024",
                                                 "Ukraine -Russia",
                                                 "summit:G20 OR org:NATO",
                                                 "minister:cho",
                                                 "talks NEAR/5 Seoul",
                                                 "title:summit"};

json stats(const std::string& db) {
    const ProcessResult r = run_attache({"stats", "--db", db, "--format", "json", "--top", "100"});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    json j = json::parse(r.out);
    j.erase("database");
    j.erase("shards");
    return j;
}

struct BinaryFromArgs {
    BinaryFromArgs() {
        auto& mt = boost::unit_test::framework::master_test_suite();
        for (int i = 1; i < mt.argc; ++i) g_attache = mt.argv[i];
        if (g_attache.empty()) throw std::runtime_error("usage: sharding_test -- PATH_TO_ATTACHE");
        // A dead server must not kill the test with SIGPIPE.
        signal(SIGPIPE, SIG_IGN);
    }
};
BOOST_TEST_GLOBAL_FIXTURE(BinaryFromArgs);

// Cases that start servers need xapian-tcpsrv (Debian package xapian-tools).
attache::test::needs needs_tcpsrv() {
    return attache::test::needs("tcpsrv", kTcpsrv);
}

}  // namespace

BOOST_AUTO_TEST_CASE(three_remote_shards_answer_as_one_database, *needs_tcpsrv()) {
    Indexed idx({ATTACHE_CORPUS});
    idx.serve();
    check_same(idx.single, idx.local, kFacets, kCorpusQueries);
    check_same(idx.single, idx.remote, kFacets, kCorpusQueries);
    check_same(idx.single, idx.remote, {"-n", "3", "--offset", "4"}, kCorpusQueries);
    // Wildcards expand over the vocabulary, which every shard holds whole (the writer sends
    // each word to every shard), into the same synonym of terms as over one database: same
    // hits, scores, ranks and facet counts. A word that only a later shard's articles contain
    // tests that the first shard (whose metadata Xapian reads) has it too.
    check_same(idx.single, idx.local, kFacets, {"missile* launch", "minist*", "title:summ*"});
    check_same(idx.single, idx.remote, kFacets, {"missile* launch", "negotiat*"});
    // Date sorts keep relevance as the second key; a tie of date and score is the one place
    // where shards may order differently (docid), so compare those orders by date and score.
    for (const char* sort : {"newest", "oldest"}) {
        const json x = search_json(idx.single, {"--sort", sort, "-n", "100"}, "Blinken OR summit");
        const json y = search_json(idx.remote, {"--sort", sort, "-n", "100"}, "Blinken OR summit");
        BOOST_TEST(x["total"] == y["total"]);
        std::vector<std::string> kx, ky;
        std::multiset<std::string> ix, iy;
        for (const auto& h : x["hits"]) {
            kx.push_back(h["published"].dump() + h["score"].dump());
            ix.insert(h["id"].get<std::string>());
        }
        for (const auto& h : y["hits"]) {
            ky.push_back(h["published"].dump() + h["score"].dump());
            iy.insert(h["id"].get<std::string>());
        }
        BOOST_TEST(kx == ky, sort);
        BOOST_TEST((ix == iy), sort);
    }
    BOOST_TEST(stats(idx.single) == stats(idx.remote));
    // show, by id, over the remote shards.
    const ProcessResult one =
        run_attache({"show", "--db", idx.single, "--format", "json", "att-0023"});
    const ProcessResult rem =
        run_attache({"show", "--db", idx.remote, "--format", "json", "att-0023"});
    BOOST_TEST(rem.exit_code == 0, rem.err);
    BOOST_TEST(one.out == rem.out);
}

// Real articles nobody here wrote, many more of them: ranks under BM25 depend on collection
// statistics, which a multi-database combines across shards.
BOOST_AUTO_TEST_CASE(real_corpus_over_remote_shards_ranks_identically,
                     *needs_tcpsrv() *
                         attache::test::needs("shared_corpora", ATTACHE_SHARED_CORPORA
                                              "/wiki-current-events/articles.jsonl")) {
    const std::string wiki = std::string(ATTACHE_SHARED_CORPORA) + "/wiki-current-events";
    Indexed idx({wiki + "/articles.jsonl"});
    idx.serve();
    check_same(idx.single, idx.remote,
               {"-n", "50", "-f", "country:0", "-f", "person:0", "-f", "org:0", "-f", "month:0",
                "-f", "source:0"},
               {"election", "ceasefire talks", "earthquake OR flood", "president", "country:US",
                "\"prime minister\"", "trade tariffs", "*"});
}

BOOST_AUTO_TEST_CASE(a_shard_that_is_down_is_named_or_left_out, *needs_tcpsrv()) {
    Indexed idx({ATTACHE_CORPUS});
    idx.serve();
    const json all = search_json(idx.single, {"-n", "0"}, "*");
    const ProcessResult gone = run_attache({"search", "--db", idx.shard(1), "--count", "*"});
    const size_t on_dead_shard = std::stoul(gone.out);
    BOOST_TEST_REQUIRE(on_dead_shard > 0u);
    const std::string on_dead =
        run_attache({"search", "--db", idx.shard(1), "--format", "ids", "-n", "1", "*"}).out;
    const std::string dead = idx.servers[1]->name();
    idx.servers[1]->stop();

    for (const char* cmd : {"search", "stats", "show"}) {
        std::vector<std::string> a = {cmd, "--db", idx.remote};
        if (std::string(cmd) != "stats") a.push_back(std::string(cmd) == "show" ? "att-0001" : "*");
        const ProcessResult r = run_attache(a);
        BOOST_TEST(r.exit_code == 4, cmd);
        BOOST_TEST(r.err.rfind("attache: shard " + dead, 0) == 0, r.err);
        BOOST_TEST(r.err.find("remote.db:3") != std::string::npos, r.err);
        BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err);
    }
    const json partial = search_json(idx.remote, {"--allow-partial", "-n", "0"}, "*");
    BOOST_TEST(partial["total"].get<size_t>() == all["total"].get<size_t>() - on_dead_shard);
    BOOST_TEST(partial["partial"] == true);
    BOOST_TEST_REQUIRE(partial["missing_shards"].size() == 1u);
    BOOST_TEST(partial["missing_shards"][0].get<std::string>().rfind(dead + ":", 0) == 0);
    const ProcessResult text = run_attache({"search", "--db", idx.remote, "--allow-partial", "*"});
    BOOST_TEST(text.exit_code == 0);
    BOOST_TEST(text.out.find("warning: partial results, shard " + dead) != std::string::npos);
    const ProcessResult shown = run_attache(
        {"show", "--db", idx.remote, "--allow-partial", on_dead.substr(0, on_dead.size() - 1)});
    BOOST_TEST(shown.exit_code == 1);
    BOOST_TEST(shown.err.find("warning: partial results: shard " + dead) != std::string::npos);
    BOOST_TEST(shown.err.find("in the shards that answered") != std::string::npos, shown.err);
    const ProcessResult st = run_attache({"stats", "--db", idx.remote, "--allow-partial"});
    BOOST_TEST(st.exit_code == 0);
    BOOST_TEST(st.out.find("shard " + dead) != std::string::npos);
}

namespace {

// A batch run fed one query at a time through a pipe, so that a server can be killed between
// two queries of the same process.
class InteractiveBatch {
  public:
    explicit InteractiveBatch(const std::vector<std::string>& args) {
        int in[2], out[2], err[2];
        if (pipe(in) || pipe(out) || pipe(err)) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_adddup2(&actions, err[1], 2);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
            posix_spawn_file_actions_addclose(&actions, fd);
        std::vector<std::string> all = args;
        all.insert(all.begin(), g_attache);
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, g_attache.c_str(), &actions, nullptr, argv.data(), environ))
            throw std::runtime_error("cannot run attache");
        posix_spawn_file_actions_destroy(&actions);
        close(in[0]);
        close(out[1]);
        close(err[1]);
        in_ = in[1];
        out_ = out[0];
        err_ = err[0];
    }
    ~InteractiveBatch() {
        if (in_ >= 0) close(in_);
        close(out_);
        close(err_);
        if (pid_) waitpid(pid_, nullptr, 0);
    }
    // Sends one query and waits (up to 30 s) for its one line of output.
    std::string ask(const std::string& query) {
        const std::string line = query + "\n";
        if (write(in_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return "";
        std::string got;
        char c;
        pollfd p{out_, POLLIN, 0};
        while (poll(&p, 1, 30000) > 0 && read(out_, &c, 1) == 1 && c != '\n') got += c;
        return got;
    }
    // Closes stdin and returns the exit code and what was said on stderr.
    std::pair<int, std::string> finish() {
        close(in_);
        in_ = -1;
        std::string rest, err;
        char buf[4096];
        for (ssize_t n; (n = read(out_, buf, sizeof buf)) > 0;) rest.append(buf, size_t(n));
        for (ssize_t n; (n = read(err_, buf, sizeof buf)) > 0;) err.append(buf, size_t(n));
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = 0;
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, err};
    }

  private:
    pid_t pid_ = 0;
    int in_ = -1, out_ = -1, err_ = -1;
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_server_killed_mid_run, *needs_tcpsrv()) {
    Indexed idx({ATTACHE_CORPUS});
    idx.serve();
    const size_t full = search_json(idx.single, {"-n", "0"}, "*")["total"].get<size_t>();
    const std::string dead = idx.servers[2]->name();
    {
        InteractiveBatch run({"search", "--db", idx.remote, "--batch", "-", "--format", "jsonl",
                              "--allow-partial", "--count"});
        const json before = json::parse(run.ask("*"));
        BOOST_TEST(before["total"].get<size_t>() == full);
        BOOST_TEST(!before.contains("partial"));
        idx.servers[2]->stop();
        const json after = json::parse(run.ask("*"));
        BOOST_TEST(after["total"].get<size_t>() < full);
        BOOST_TEST(after["partial"] == true);
        BOOST_TEST(after["missing_shards"][0].get<std::string>().rfind(dead + ":", 0) == 0);
        const auto [code, err] = run.finish();
        BOOST_TEST(code == 0);
        BOOST_TEST(err.find("warning: partial results: shard " + dead) != std::string::npos, err);
    }
    // Without --allow-partial the run stops with the shard's name.
    idx.servers[2] = std::make_unique<ShardServer>(idx.shard(2));
    write_file(idx.remote, "remote tcp 127.0.0.1 " + std::to_string(idx.servers[0]->port()) +
                               "\nremote tcp 127.0.0.1 " + std::to_string(idx.servers[2]->port()) +
                               "\n");
    InteractiveBatch run(
        {"search", "--db", idx.remote, "--batch", "-", "--format", "jsonl", "--count"});
    BOOST_TEST(!run.ask("*").empty());
    const std::string killed = idx.servers[2]->name();
    idx.servers[2]->stop();
    BOOST_TEST(run.ask("*").empty());
    const auto [code, err] = run.finish();
    BOOST_TEST(code == 4);
    BOOST_TEST(err.rfind("attache: shard " + killed, 0) == 0, err);
}

BOOST_AUTO_TEST_CASE(a_shard_that_stops_answering_times_out, *needs_tcpsrv()) {
    Indexed idx({ATTACHE_CORPUS});
    idx.serve();
    idx.servers[0]->freeze();
    const auto started = Clock::now();
    const ProcessResult r =
        run_attache({"search", "--db", idx.remote, "--timeout", "1", "--count", "*"});
    const double secs = std::chrono::duration<double>(Clock::now() - started).count();
    BOOST_TEST(r.exit_code == 4);
    BOOST_TEST(r.err.find("shard " + idx.servers[0]->name()) != std::string::npos, r.err);
    BOOST_TEST(r.err.find("no answer within 1 s (--timeout)") != std::string::npos, r.err);
    BOOST_TEST(secs < 8.0);
    const ProcessResult p = run_attache(
        {"search", "--db", idx.remote, "--timeout", "0.5", "--allow-partial", "--count", "*"});
    BOOST_TEST(p.exit_code == 0, p.err);
    BOOST_TEST(p.err.find(idx.servers[0]->name()) != std::string::npos, p.err);
}

BOOST_AUTO_TEST_CASE(reindexing_replaces_in_the_same_shard_and_delete_finds_it) {
    Indexed idx({ATTACHE_CORPUS});
    auto count_in = [](const std::string& db) {
        const ProcessResult r = run_attache({"search", "--db", db, "--count", "*"});
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
        return std::stoul(r.out);
    };
    std::vector<size_t> per_shard;
    for (int i = 0; i < 3; ++i) per_shard.push_back(count_in(idx.shard(i)));
    const size_t total = count_in(idx.single);
    BOOST_TEST(per_shard[0] + per_shard[1] + per_shard[2] == total);
    // The whole corpus again: every article replaced in place.
    const ProcessResult again = run_attache({"index", "-q", "--db", idx.local, ATTACHE_CORPUS});
    BOOST_TEST(again.exit_code == 0, again.err);
    BOOST_TEST(
        again.err.find("(0 new, " + std::to_string(total) + " replaced)") != std::string::npos,
        again.err);
    for (int i = 0; i < 3; ++i) BOOST_TEST(count_in(idx.shard(i)) == per_shard[i]);
    // --shards that disagree with the database is refused.
    const ProcessResult other =
        run_attache({"index", "-q", "--db", idx.local, "--shards", "4", ATTACHE_CORPUS});
    BOOST_TEST(other.exit_code == 2);
    // --since ID: the sequence counter is one for all shards.
    write_file(idx.dir / "edit.jsonl",
               R"({"id": "att-0040", "title": "Zanzibar quokka accord", "body": "Quokka.", )"
               R"("published": "2024-05-01", "source": "Test Wire", "lang": "en"})"
               "\n");
    const ProcessResult edit =
        run_attache({"index", "-q", "--db", idx.local, idx.dir / "edit.jsonl"});
    BOOST_TEST(edit.exit_code == 0, edit.err);
    BOOST_TEST(count_in(idx.local) == total);
    BOOST_TEST(search_json(idx.local, {}, "quokka")["hits"][0]["id"] == "att-0040");
    const json since = search_json(idx.local, {"--since", "att-0001", "-n", "100"}, "*");
    BOOST_TEST(since["hits"].back()["id"] == "att-0040");  // re-indexed last
    BOOST_TEST(since["total"].get<size_t>() == total - 1);
    // delete through the stub.
    const ProcessResult del = run_attache({"delete", "--db", idx.local, "att-0040", "nope"});
    BOOST_TEST(del.exit_code == 1);
    BOOST_TEST(count_in(idx.local) == total - 1);
    BOOST_TEST(search_json(idx.local, {}, "quokka")["total"] == 0);
}

BOOST_AUTO_TEST_CASE(month_shards_move_an_article_whose_date_changes) {
    TempDir dir;
    const std::string db = dir / "months.db";
    auto article = [&](const std::string& date) {
        write_file(
            dir / "a.jsonl",
            R"({"id": "m-1", "title": "Moving date", "body": "A story.", "published": ")" + date +
                R"(", "source": "Test Wire", "lang": "en"})" + "\n" +
                R"({"id": "m-2", "title": "Staying put", "body": "Another.", "published": "2024-01-05", "source": "Test Wire", "lang": "en"})" +
                "\n");
        return run_attache(
            {"index", "-q", "--db", db, "--shards", "2", "--shard-by", "month", dir / "a.jsonl"});
    };
    BOOST_TEST(article("2024-01-10").exit_code == 0);
    auto in_shard = [&](int i) {
        return run_attache({"search", "--db", db + ".shards/0" + std::to_string(i), "--count", "*"})
            .out;
    };
    BOOST_TEST(in_shard(0) + in_shard(1) == "2\n0\n");  // January: both in one shard
    BOOST_TEST(article("2024-02-10").exit_code == 0);   // February: the next shard
    BOOST_TEST(in_shard(0) + in_shard(1) == "1\n1\n");
    const ProcessResult wrong =
        run_attache({"index", "-q", "--db", db, "--shard-by", "hash", dir / "a.jsonl"});
    BOOST_TEST(wrong.exit_code == 2);
    BOOST_TEST(wrong.err.find("sharded by month") != std::string::npos, wrong.err);
}

BOOST_AUTO_TEST_CASE(compact_merges_shards_without_losing_articles) {
    Indexed idx({ATTACHE_CORPUS});
    const std::string merged = idx.dir / "merged.db";
    const ProcessResult m = run_attache({"compact", "--db", idx.local, "--output", merged});
    BOOST_TEST_REQUIRE(m.exit_code == 0, m.err);
    BOOST_TEST(m.err.find("merged 3 shards") != std::string::npos, m.err);
    BOOST_TEST(fs::is_directory(merged));
    check_same(idx.single, merged, kFacets, kCorpusQueries);
    BOOST_TEST(stats(idx.single) == stats(merged));
    // Indexing continues the sequence after every shard's articles.
    const json last = search_json(merged, {"--since", "att-0047", "-n", "5"}, "*");
    BOOST_TEST(last["total"] ==
               search_json(idx.single, {"--since", "att-0047", "-n", "5"}, "*")["total"]);
    // Each shard compacted in place: same answers, and the stub still writes.
    const ProcessResult c = run_attache({"compact", "--db", idx.local});
    BOOST_TEST_REQUIRE(c.exit_code == 0, c.err);
    check_same(idx.single, idx.local, kFacets, kCorpusQueries);
    const ProcessResult again = run_attache({"index", "-q", "--db", idx.local, ATTACHE_CORPUS});
    BOOST_TEST(again.exit_code == 0, again.err);
    BOOST_TEST(stats(idx.single) == stats(idx.local));
    // A single database compacted in place.
    const ProcessResult s = run_attache({"compact", "--db", idx.single});
    BOOST_TEST(s.exit_code == 0, s.err);
    BOOST_TEST(stats(idx.single) == stats(merged));
    const ProcessResult exists = run_attache({"compact", "--db", idx.local, "--output", merged});
    BOOST_TEST(exists.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(bad_stub_lines_are_reported_with_their_line) {
    TempDir dir;
    const std::string stub = dir / "bad.db";
    write_file(stub, "# fine\nremote tcp 127.0.0.1 notaport\n");
    ProcessResult r = run_attache({"search", "--db", stub, "x"});
    BOOST_TEST(r.exit_code == 4);
    BOOST_TEST(r.err == "attache: " + stub + ":2: 'notaport' is not a port number\n");
    write_file(stub, "remote :xapian-progsrv /srv/db\n");
    r = run_attache({"stats", "--db", stub});
    BOOST_TEST(r.exit_code == 4);
    BOOST_TEST(r.err.rfind("attache: " + stub + ":1: expected 'remote tcp HOST PORT'", 0) == 0,
               r.err);
    write_file(stub, "auto missing-shard\n");
    r = run_attache({"search", "--db", stub, "x"});
    BOOST_TEST(r.exit_code == 4);
    BOOST_TEST(r.err.find("missing-shard' does not exist") != std::string::npos, r.err);
}
