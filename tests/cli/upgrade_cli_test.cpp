// `attache upgrade` end to end: a schema 2 database (made here by hand, as a schema 2 indexer
// could have left it: the packed facet value missing from some documents, stamped "2") is
// refused by every command with one line that names the fix; `attache upgrade` fixes it in
// place, after which searches, facets and stats answer as on a database indexed today.
#define BOOST_TEST_MODULE upgrade_cli
#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/process.h"
#include "tests/cli/temp_dir.h"

using attache::test::ProcessResult;
using attache::test::run_process;
using attache::test::TempDir;
using json = nlohmann::json;

namespace {

std::string g_attache;

struct BinaryFromArgs {
    BinaryFromArgs() {
        auto& mt = boost::unit_test::framework::master_test_suite();
        for (int i = 1; i < mt.argc; ++i) g_attache = mt.argv[i];
        if (g_attache.empty()) throw std::runtime_error("usage: upgrade_cli_test -- ATTACHE");
    }
};
BOOST_TEST_GLOBAL_FIXTURE(BinaryFromArgs);

ProcessResult run_attache(std::vector<std::string> args) {
    args.insert(args.begin(), g_attache);
    return run_process(args);
}

constexpr Xapian::valueno kSlotPackedFacets = 8;

// Takes the packed value off every second document and stamps the database schema 2.
void make_schema_2(const std::string& path) {
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        if (*p % 2) continue;
        Xapian::Document doc = db.get_document(*p);
        doc.remove_value(kSlotPackedFacets);
        db.replace_document(*p, doc);
    }
    db.set_metadata("attache.schema", "2");
    db.commit();
}

json facets_of(const std::string& db) {
    const auto r = run_attache({"search", "--db", db, "--format", "json", "--facet", "country:0",
                                "--facet", "person:0", "--facet", "year", "--facet", "mentioned:0",
                                "--limit", "3", "summit OR talks"});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    json j = json::parse(r.out);
    j.erase("took_ms");
    return j;
}

}  // namespace

BOOST_AUTO_TEST_CASE(schema_2_is_refused_then_upgraded_in_place) {
    TempDir dir;
    const std::string db = dir / "news.db";
    BOOST_TEST_REQUIRE(run_attache({"index", "-q", "--db", db, ATTACHE_CORPUS}).exit_code == 0);
    const json before = facets_of(db);
    const std::string stats = run_attache({"stats", "--db", db, "--format", "json"}).out;
    make_schema_2(db);

    const std::string refusal = "attache: '" + db +
                                "' has attache schema 2, this attache reads schema 3: upgrade "
                                "it in place with: attache upgrade --db " +
                                db + "\n";
    for (const auto& args : {std::vector<std::string>{"search", "--db", db, "summit"},
                             {"stats", "--db", db},
                             {"show", "--db", db, "x"},
                             {"index", "-q", "--db", db, ATTACHE_CORPUS},
                             {"delete", "--db", db, "x"},
                             {"serve", "--db", db, "--listen", "127.0.0.1:0"}}) {
        const auto r = run_attache(args);
        BOOST_TEST(r.exit_code == 4, args[0]);
        BOOST_TEST(r.err == refusal, args[0]);
    }

    const auto up = run_attache({"upgrade", "--db", db});
    BOOST_TEST(up.exit_code == 0, up.err);
    BOOST_TEST(up.err.find("upgraded '" + db + "' to schema 3") != std::string::npos, up.err);
    BOOST_TEST(facets_of(db) == before);
    BOOST_TEST(run_attache({"stats", "--db", db, "--format", "json"}).out == stats);
    {
        Xapian::Database d(db);
        BOOST_TEST(d.get_value_freq(kSlotPackedFacets) == d.get_doccount());
    }
    const auto again = run_attache({"upgrade", "--db", db});
    BOOST_TEST(again.exit_code == 0);
    BOOST_TEST(again.err == "attache: '" + db + "' is at schema 3 already\n");
}

BOOST_AUTO_TEST_CASE(a_sharded_database_is_upgraded_shard_by_shard) {
    TempDir dir;
    const std::string stub = dir / "news.stub";
    BOOST_TEST_REQUIRE(
        run_attache({"index", "-q", "--shards", "2", "--db", stub, ATTACHE_CORPUS}).exit_code == 0);
    const json before = facets_of(stub);
    for (const char* shard : {"00", "01"}) make_schema_2(stub + ".shards/" + shard);
    const auto refused = run_attache({"search", "--db", stub, "summit"});
    BOOST_TEST(refused.exit_code == 4);
    BOOST_TEST(refused.err.find("upgrade it in place with: attache upgrade --db " + stub + "\n") !=
                   std::string::npos,
               refused.err);
    const auto up = run_attache({"upgrade", "--db", stub});
    BOOST_TEST(up.exit_code == 0, up.err);
    BOOST_TEST(up.err.find("(2 shards, ") != std::string::npos, up.err);
    BOOST_TEST(facets_of(stub) == before);
}

BOOST_AUTO_TEST_CASE(other_schemas_are_not_upgraded) {
    TempDir dir;
    const std::string db = dir / "old.db";
    {
        Xapian::WritableDatabase d(db, Xapian::DB_CREATE);
        d.add_document(Xapian::Document());
        d.set_metadata("attache.schema", "1");
        d.commit();
    }
    const auto r = run_attache({"upgrade", "--db", db});
    BOOST_TEST(r.exit_code == 4);
    BOOST_TEST(r.err == "attache: '" + db +
                            "' has attache schema 1: only schema 2 can be upgraded; re-index it "
                            "into a new database\n");
    BOOST_TEST(run_attache({"upgrade", "--db", dir / "none.db"}).exit_code == 4);
}
