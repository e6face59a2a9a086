#define BOOST_TEST_MODULE stub_file
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "common/errors.h"
#include "schema/database.h"
#include "schema/stub_file.h"
#include "tests/unit/test_support.h"

using namespace attache::schema;
using attache::DatabaseError;

namespace {

std::string message_of(const std::string& text) {
    try {
        parse_stub(text, "/srv/news.db");
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_attache_and_xapian_spellings) {
    const auto shards = parse_stub(
        "# three hosts\n"
        "\n"
        "remote tcp shard1.example.org 33333\n"
        "remote shard2.example.org:33334\r\n"
        "remote [::1]:33335\n"
        "auto local/00\n"
        "glass /abs/01\n",
        "/srv/news.db");
    BOOST_TEST_REQUIRE(shards.size() == 5u);
    BOOST_TEST(shards[0].remote);
    BOOST_TEST(shards[0].host == "shard1.example.org");
    BOOST_TEST(shards[0].port == 33333u);
    BOOST_TEST(shards[0].line == 3u);
    BOOST_TEST(shards[0].name() == "shard1.example.org:33333");
    BOOST_TEST(shards[1].host == "shard2.example.org");
    BOOST_TEST(shards[1].port == 33334u);
    BOOST_TEST(shards[2].host == "::1");
    BOOST_TEST(!shards[3].remote);
    BOOST_TEST(shards[3].path == "/srv/local/00");  // relative to the stub's folder
    BOOST_TEST(shards[4].path == "/abs/01");
}

BOOST_AUTO_TEST_CASE(bad_lines_name_file_and_line) {
    BOOST_TEST(message_of("remote tcp host 0\n") == "/srv/news.db:1: port 0 is out of range");
    BOOST_TEST(message_of("\nremote tcp host http\n") ==
               "/srv/news.db:2: 'http' is not a port number");
    BOOST_TEST(message_of("remote host\n") == "/srv/news.db:1: expected 'remote HOST:PORT'");
    BOOST_TEST(message_of("remote :xapian-progsrv db\n").find("does not start remote programs") !=
               std::string::npos);
    BOOST_TEST(message_of("inmemory\n").find("/srv/news.db:1: expected 'auto PATH'") == 0u);
    BOOST_TEST(message_of("# nothing\n") == "/srv/news.db: the stub file lists no database");
}

BOOST_AUTO_TEST_CASE(written_stub_reads_back_and_opens_in_xapian) {
    attache::test::TempDir dir;
    const std::string stub = (dir.path() / "news.db").string();
    const std::string a = (dir.path() / "news.db.shards" / "00").string();
    const std::string b = (dir.path() / "news.db.shards" / "01").string();
    std::filesystem::create_directories(dir.path() / "news.db.shards");
    for (const auto& p : {a, b}) {
        Xapian::WritableDatabase db = open_for_writing(p);
        Xapian::Document d;
        d.add_boolean_term("Qx" + p.substr(p.size() - 1));
        db.add_document(d);
        db.commit();
    }
    write_local_stub(stub, {a, b});
    BOOST_TEST(is_stub_file(stub));
    const auto shards = read_stub_file(stub);
    BOOST_TEST_REQUIRE(shards.size() == 2u);
    BOOST_TEST(shards[1].path == b);
    // Xapian's own reader understands it too (auto lines, relative paths).
    BOOST_TEST(Xapian::Database(stub).get_doccount() == 2u);
    const ReadDatabase read(stub);
    BOOST_TEST(read.db().get_doccount() == 2u);
    BOOST_TEST(read.shard_count() == 2u);
    BOOST_TEST(!read.has_remote_shards());
    // A stub is never opened as one writable database.
    BOOST_CHECK_THROW(open_for_writing(stub), DatabaseError);
}

BOOST_AUTO_TEST_CASE(a_directory_is_not_a_stub) {
    attache::test::TempDir dir;
    BOOST_TEST(!is_stub_file(dir.path().string()));
    BOOST_TEST(!is_stub_file((dir.path() / "absent").string()));
}
