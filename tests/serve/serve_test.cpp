// End-to-end tests of `attache serve`: a real server process on a free loopback port over a real
// database indexed from corpus/ and the XSS dump, queried over HTTP with cpp-httplib's client.
// The API must answer the same JSON as the CLI for the same query (docs/serve.md).
#define BOOST_TEST_MODULE serve
#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/cli/process.h"
#include "tests/serve/server_process.h"

namespace fs = std::filesystem;
using attache::test::run_process;
using attache::test::ServerProcess;
using json = nlohmann::json;

namespace {

std::string g_attache;

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// One database and one server for the whole module: indexing and start-up are the slow part.
struct Served {
    fs::path dir;
    std::string db;
    std::unique_ptr<ServerProcess> server;

    Served() {
        std::string pattern = (fs::temp_directory_path() / "attache-serve-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        dir = pattern;
        db = (dir / "db").string();
        const auto r =
            run_process({g_attache, "index", "-q", "--db", db, ATTACHE_CORPUS "/articles.jsonl",
                         std::string(ATTACHE_TEST_DATA) + "/jsonl/xss.jsonl"});
        if (r.exit_code != 0) throw std::runtime_error("index failed: " + r.err);
        server = std::make_unique<ServerProcess>(
            g_attache, std::vector<std::string>{"--db", db, "--threads", "4"});
    }
    ~Served() {
        server.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Served* g_served = nullptr;

struct GlobalSetup {
    GlobalSetup() {
        auto& args = boost::unit_test::framework::master_test_suite().argv;
        const int argc = boost::unit_test::framework::master_test_suite().argc;
        if (argc < 2) throw std::runtime_error("usage: serve_test -- PATH/TO/attache");
        g_attache = args[argc - 1];
        g_served = new Served();
    }
    ~GlobalSetup() { delete g_served; }
};
BOOST_TEST_GLOBAL_FIXTURE(GlobalSetup);

httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", g_served->server->port());
    client.set_read_timeout(30, 0);
    return client.Get(path, headers);
}

json get_json(const std::string& path, int expected_status) {
    auto res = get(path);
    BOOST_TEST_REQUIRE(static_cast<bool>(res), "no answer for " << path);
    BOOST_TEST(res->status == expected_status, path << " -> " << res->status << " " << res->body);
    BOOST_TEST(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    return json::parse(res->body);
}

json cli_json(std::vector<std::string> args) {
    args.insert(args.begin(), g_attache);
    const auto r = run_process(args);
    BOOST_TEST_REQUIRE(r.exit_code == 0, "CLI failed: " << r.err);
    return json::parse(r.out);
}

}  // namespace

BOOST_AUTO_TEST_CASE(healthz_reports_the_article_count) {
    const json j = get_json("/healthz", 200);
    BOOST_TEST(j["status"] == "ok");
    BOOST_TEST(j["articles"].get<int>() == 50);
}

BOOST_AUTO_TEST_CASE(search_answers_the_same_json_as_the_cli) {
    const std::string q = "person:blinken country:KR";
    json api = get_json("/api/search?q=" + url_encode(q) +
                            "&facet=person:3&facet=month&sort=newest&limit=3&offset=1",
                        200);
    json cli =
        cli_json({"search", "--db", g_served->db, "--format", "json", "--facet", "person:3",
                  "--facet", "month", "--sort", "newest", "--limit", "3", "--offset", "1", q});
    BOOST_TEST(api["total"].get<int>() > 3);
    api.erase("took_ms");
    cli.erase("took_ms");
    BOOST_TEST(api.dump() == cli.dump());
}

BOOST_AUTO_TEST_CASE(search_fields_and_dates_follow_the_cli_options) {
    json api = get_json("/api/search?q=summit&fields=id,title&since=2024-01-01&limit=2", 200);
    json cli = cli_json({"search", "--db", g_served->db, "--format", "json", "--fields", "id,title",
                         "--since", "2024-01-01", "--limit", "2", "summit"});
    api.erase("took_ms");
    cli.erase("took_ms");
    BOOST_TEST(api.dump() == cli.dump());
    for (const auto& hit : api["hits"]) BOOST_TEST(hit.size() == 2u);
}

BOOST_AUTO_TEST_CASE(bad_requests_are_400_with_a_json_message) {
    json j = get_json("/api/search?q=" + url_encode("(summit"), 400);
    BOOST_TEST(j["status"] == 400);
    BOOST_TEST(j["error"].get<std::string>().find("unmatched '('") != std::string::npos);
    j = get_json("/api/search?q=" + url_encode("person:blinkin"), 400);
    BOOST_TEST(j["error"].get<std::string>().find("Antony Blinken") != std::string::npos);
    j = get_json("/api/search?q=", 400);
    BOOST_TEST(j["error"].get<std::string>().find("empty query") != std::string::npos);
    j = get_json("/api/search?q=x&limit=5000", 400);
    BOOST_TEST(j["error"].get<std::string>().find("limit") != std::string::npos);
    j = get_json("/api/search?q=x&sort=random", 400);
    j = get_json("/api/search?q=x&facet=colour", 400);
    j = get_json("/api/search?q=x&qq=1", 400);
    BOOST_TEST(j["error"].get<std::string>().find("unknown parameter 'qq'") != std::string::npos);
    j = get_json("/api/search?q=x&q=y", 400);
    j = get_json("/api/search?q=" + std::string(2001, 'a'), 400);
    BOOST_TEST(j["error"].get<std::string>().find("limit is 2000") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(oversized_requests_are_refused) {
    auto res = get("/api/search?q=" + std::string(9000, 'a'));
    BOOST_TEST_REQUIRE(static_cast<bool>(res));
    BOOST_TEST(res->status == 414);
    httplib::Client client("127.0.0.1", g_served->server->port());
    res = client.Post("/api/search", std::string(100000, 'x'), "text/plain");
    BOOST_TEST_REQUIRE(static_cast<bool>(res));
    BOOST_TEST((res->status == 413 || res->status == 405));
    res = client.Post("/api/search", "q=x", "application/x-www-form-urlencoded");
    BOOST_TEST_REQUIRE(static_cast<bool>(res));
    BOOST_TEST(res->status == 405);
    BOOST_TEST(res->get_header_value("Allow") == "GET, HEAD");
}

BOOST_AUTO_TEST_CASE(article_is_the_show_json_and_unknown_ids_are_404) {
    json api = get_json("/api/article/att-0002", 200);
    json cli = cli_json({"show", "--db", g_served->db, "--format", "json", "att-0002"});
    BOOST_TEST(api.dump() == cli.dump());
    json missing = get_json("/api/article/no-such-article", 404);
    BOOST_TEST(missing["error"].get<std::string>().find("no-such-article") != std::string::npos);
    get_json("/api/article/att-0002?mentions=maybe", 400);
}

BOOST_AUTO_TEST_CASE(article_mentions_point_at_their_text) {
    const json a = get_json("/api/article/att-0002?mentions=true", 200);
    const std::string text = a["title"].get<std::string>() + "\n\n" + a["body"].get<std::string>();
    BOOST_TEST_REQUIRE(a["mentions"].size() > 2u);
    bool blinken = false;
    for (const auto& m : a["mentions"]) {
        const size_t b = m["begin"], e = m["end"];
        BOOST_TEST_REQUIRE(e <= text.size());
        BOOST_TEST(text.substr(b, e - b) == m["text"].get<std::string>());
        blinken = blinken || m["id"] == "antony-blinken";
    }
    BOOST_TEST(blinken);
}

BOOST_AUTO_TEST_CASE(ids_with_markup_and_slashes_round_trip) {
    const std::string id = "<img src=x onerror=window.__attache_pwned='id'>";
    const json a = get_json("/api/article/" + url_encode(id), 200);
    BOOST_TEST(a["id"] == id);
}

BOOST_AUTO_TEST_CASE(stats_is_the_cli_stats_json) {
    const json api = get_json("/api/stats?top=3", 200);
    const json cli = cli_json({"stats", "--db", g_served->db, "--format", "json", "--top", "3"});
    BOOST_TEST(api.dump() == cli.dump());
    get_json("/api/stats?top=x", 400);
}

BOOST_AUTO_TEST_CASE(suggest_completes_entities_from_the_kb_and_the_index) {
    json j = get_json("/api/suggest?field=person&prefix=bli", 200);
    BOOST_TEST_REQUIRE(!j["values"].empty());
    BOOST_TEST(j["values"][0]["id"] == "antony-blinken");
    BOOST_TEST(j["values"][0]["query"] == "person:antony-blinken");
    BOOST_TEST(j["values"][0]["count"].get<int>() > 0);
    // A word inside the name, any case, and the ISO code for countries.
    j = get_json("/api/suggest?field=country&prefix=KOR", 200);
    std::set<std::string> ids;
    for (const auto& v : j["values"]) ids.insert(v["id"]);
    BOOST_TEST(ids.count("KR") == 1u);
    BOOST_TEST(ids.count("KP") == 1u);
    // Sources are only in the index.
    j = get_json("/api/suggest?field=source&prefix=capital", 200);
    BOOST_TEST_REQUIRE(!j["values"].empty());
    BOOST_TEST(j["values"][0]["id"] == "capital-ledger");
    BOOST_TEST(j["values"][0]["name"] == "Capital Ledger");
    get_json("/api/suggest?field=title&prefix=a", 400);
    get_json("/api/suggest?field=person&prefix=", 400);
}

BOOST_AUTO_TEST_CASE(the_page_and_its_assets_are_built_in) {
    auto res = get("/");
    BOOST_TEST_REQUIRE(static_cast<bool>(res));
    BOOST_TEST(res->status == 200);
    BOOST_TEST(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(res->body.find("<script src=\"/app.js\"") != std::string::npos);
    const std::string csp = res->get_header_value("Content-Security-Policy");
    BOOST_TEST(csp.find("script-src 'self'") != std::string::npos);
    BOOST_TEST(res->get_header_value("X-Content-Type-Options") == "nosniff");
    res = get("/app.js");
    BOOST_TEST_REQUIRE(static_cast<bool>(res));
    BOOST_TEST(res->status == 200);
    BOOST_TEST(res->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    res = get("/style.css");
    BOOST_TEST_REQUIRE(static_cast<bool>(res));
    BOOST_TEST(res->status == 200);
}

BOOST_AUTO_TEST_CASE(no_path_reaches_the_file_system) {
    for (const std::string path :
         {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "/index.html/..",
          "/server/web/app.js", "/.%2f..%2fetc%2fpasswd", "//etc/passwd"}) {
        auto res = get(path);
        BOOST_TEST_REQUIRE(static_cast<bool>(res));
        BOOST_TEST((res->status == 404 || res->status == 400), path << " -> " << res->status);
        BOOST_TEST(res->body.find("root:") == std::string::npos);
    }
    const json j = get_json("/api/nothing-here", 404);
    BOOST_TEST(j["status"] == 404);
}

BOOST_AUTO_TEST_CASE(cors_is_off_by_default) {
    auto res = get("/api/search?q=summit", {{"Origin", "https://elsewhere.example"}});
    BOOST_TEST_REQUIRE(static_cast<bool>(res));
    BOOST_TEST(res->status == 200);
    BOOST_TEST(!res->has_header("Access-Control-Allow-Origin"));
}

BOOST_AUTO_TEST_CASE(concurrent_requests_all_succeed) {
    std::atomic<int> ok{0}, failed{0};
    std::vector<std::thread> threads;
    const std::vector<std::string> paths = {
        "/api/search?q=summit&facet=person", "/api/search?q=" + url_encode("country:KR"),
        "/api/article/att-0002?mentions=true", "/api/suggest?field=person&prefix=y", "/healthz"};
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            httplib::Client client("127.0.0.1", g_served->server->port());
            for (int i = 0; i < 15; ++i) {
                auto res = client.Get(paths[static_cast<size_t>(t + i) % paths.size()]);
                (res && res->status == 200 ? ok : failed)++;
            }
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(failed.load() == 0);
    BOOST_TEST(ok.load() == 120);
}

// The indexer commits while the server runs: the next request sees the new article.
BOOST_AUTO_TEST_CASE(new_commits_are_searched_without_a_restart) {
    const std::string file = (g_served->dir / "late.jsonl").string();
    std::ofstream(file) << R"({"id": "late-1", "title": "Zanzibarian envoys arrive late", )"
                        << R"("body": "The zanzibarian delegation reached the summit.", )"
                        << R"("published": "2024-12-01"})"
                        << "\n";
    json before = get_json("/api/search?q=zanzibarian", 200);
    BOOST_TEST(before["total"] == 0);
    const auto r = run_process({g_attache, "index", "-q", "--db", g_served->db, file});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    json after = get_json("/api/search?q=zanzibarian", 200);
    BOOST_TEST(after["total"] == 1);
    BOOST_TEST(get_json("/healthz", 200)["articles"] == 51);
    // Put the module's database back as the other tests expect it.
    BOOST_TEST(run_process({g_attache, "delete", "--db", g_served->db, "late-1"}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(start_up_errors_are_one_line_with_exit_codes) {
    auto r = run_process({g_attache, "serve", "--db", "/nonexistent/attache.db"});
    BOOST_TEST(r.exit_code == 4);
    BOOST_TEST(r.err.find("no database at '/nonexistent/attache.db'") != std::string::npos);
    r = run_process({g_attache, "serve", "--db", g_served->db, "--listen", "127.0.0.1"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("--listen 127.0.0.1: no port") != std::string::npos);
    r = run_process({g_attache, "serve", "--db", g_served->db, "--listen",
                     "127.0.0.1:" + std::to_string(g_served->server->port())});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("cannot listen on") != std::string::npos);
}

// SIGINT and SIGTERM let running requests finish and exit 0.
BOOST_AUTO_TEST_CASE(signals_shut_the_server_down_cleanly) {
    for (int sig : {SIGTERM, SIGINT}) {
        ServerProcess second(g_attache, {"--db", g_served->db});
        httplib::Client client("127.0.0.1", second.port());
        auto res = client.Get("/healthz");
        BOOST_TEST_REQUIRE(static_cast<bool>(res));
        BOOST_TEST(res->status == 200);
        BOOST_TEST(second.stop(sig, 10000) == 0, second.output());
        BOOST_TEST(second.output().find("attache: stopped") != std::string::npos);
    }
}

// serve opens a sharded database as the CLI does: a shard that does not answer stops it at
// start-up, naming the shard, unless --allow-partial, and then every answer says what is missing.
BOOST_AUTO_TEST_CASE(shards_down_are_refused_or_reported_as_the_cli_does) {
    const std::string stub = (g_served->dir / "partial.stub").string();
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    std::ofstream(stub) << "auto db\nremote tcp 127.0.0.1 1\n";
    auto r = run_process({g_attache, "serve", "--db", stub, "--timeout", "2"});
    BOOST_TEST(r.exit_code == 4);
    BOOST_TEST(r.err.find("shard 127.0.0.1:1 (" + stub + ":2) is unavailable") != std::string::npos,
               r.err);

    ServerProcess partial(g_attache, {"--db", stub, "--allow-partial", "--timeout", "2"});
    httplib::Client client("127.0.0.1", partial.port());
    auto res = client.Get("/api/search?q=summit&facet=country");
    BOOST_TEST_REQUIRE(static_cast<bool>(res));
    BOOST_TEST(res->status == 200, res->body);
    json api = json::parse(res->body);
    BOOST_TEST(api["partial"] == true);
    BOOST_TEST(api["missing_shards"][0].get<std::string>().rfind("127.0.0.1:1: ", 0) == 0);
    json cli = cli_json({"search", "--db", stub, "--allow-partial", "--timeout", "2", "--format",
                         "json", "--facet", "country", "summit"});
    api["took_ms"] = cli["took_ms"] = 0;
    BOOST_TEST(api == cli);
}
