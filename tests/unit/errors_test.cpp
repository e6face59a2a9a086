#define BOOST_TEST_MODULE errors
#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>

#include "common/errors.h"
#include "kb/knowledge_base.h"

using namespace attache;

namespace {

template <typename E>
Failure failure_of(const E& e) {
    return describe_failure(std::make_exception_ptr(e));
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Internal errors name themselves, keep what the exception said and ask for a report.
void check_internal(const Failure& f, const std::string& what) {
    BOOST_TEST(static_cast<int>(f.code) == 5);
    BOOST_TEST(f.message.rfind("internal error: ", 0) == 0, f.message);
    BOOST_TEST(has(f.message, what), f.message);
    BOOST_TEST(f.message.ends_with(" (please report)"), f.message);
}

// Captures what is written to std::cerr while it lives.
class CapturedStderr {
  public:
    CapturedStderr() : old_(std::cerr.rdbuf(text_.rdbuf())) {}
    ~CapturedStderr() { std::cerr.rdbuf(old_); }
    CapturedStderr(const CapturedStderr&) = delete;
    CapturedStderr& operator=(const CapturedStderr&) = delete;
    std::string text() const { return text_.str(); }

  private:
    std::ostringstream text_;
    std::streambuf* old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(exit_codes_are_the_documented_numbers) {
    BOOST_TEST(static_cast<int>(ExitCode::ok) == 0);
    BOOST_TEST(static_cast<int>(ExitCode::no_match) == 1);
    BOOST_TEST(static_cast<int>(ExitCode::usage) == 2);
    BOOST_TEST(static_cast<int>(ExitCode::rejected_records) == 3);
    BOOST_TEST(static_cast<int>(ExitCode::database) == 4);
    BOOST_TEST(static_cast<int>(ExitCode::internal) == 5);
}

BOOST_AUTO_TEST_CASE(attache_errors_keep_their_message_and_code) {
    const Failure query = failure_of(QueryError("unmatched ')' at column 3 of the query"));
    BOOST_TEST(query.message == "unmatched ')' at column 3 of the query");
    BOOST_TEST(static_cast<int>(query.code) == 2);
    const Failure usage = failure_of(UsageError("--limit must be between 0 and 100000"));
    BOOST_TEST(usage.message == "--limit must be between 0 and 100000");
    BOOST_TEST(static_cast<int>(usage.code) == 2);
    const Failure kb = failure_of(kb::KbError("extra.jsonl:3: not valid JSON"));
    BOOST_TEST(kb.message == "extra.jsonl:3: not valid JSON");
    BOOST_TEST(static_cast<int>(kb.code) == 2);
    const Failure db = failure_of(DatabaseError("no database at 'x.db'"));
    BOOST_TEST(db.message == "no database at 'x.db'");
    BOOST_TEST(static_cast<int>(db.code) == 4);
}

BOOST_AUTO_TEST_CASE(xapian_database_errors_are_database_errors) {
    const Failure lock = failure_of(Xapian::DatabaseLockError("Unable to get write lock"));
    BOOST_TEST(lock.message == "database error: DatabaseLockError: Unable to get write lock");
    BOOST_TEST(static_cast<int>(lock.code) == 4);
    for (const Failure& f : {failure_of(Xapian::DatabaseCorruptError("bad block")),
                             failure_of(Xapian::DatabaseOpeningError("no such file")),
                             failure_of(Xapian::DatabaseModifiedError("reopen"))}) {
        BOOST_TEST(f.message.rfind("database error: ", 0) == 0, f.message);
        BOOST_TEST(static_cast<int>(f.code) == 4);
    }
}

BOOST_AUTO_TEST_CASE(xapian_network_and_other_runtime_errors_are_database_errors) {
    const Failure net = failure_of(Xapian::NetworkError("Couldn't connect", "127.0.0.1:1"));
    BOOST_TEST(net.message == "NetworkError: Couldn't connect (context: 127.0.0.1:1)");
    BOOST_TEST(static_cast<int>(net.code) == 4);
    const Failure timeout = failure_of(Xapian::NetworkTimeoutError("Timeout expired"));
    BOOST_TEST(timeout.message == "NetworkTimeoutError: Timeout expired");
    BOOST_TEST(static_cast<int>(timeout.code) == 4);
    const Failure doc = failure_of(Xapian::DocNotFoundError("Document 7 not found"));
    BOOST_TEST(static_cast<int>(doc.code) == 4);
    BOOST_TEST(!has(doc.message, "internal"), doc.message);
}

BOOST_AUTO_TEST_CASE(misuse_of_xapian_is_an_internal_error) {
    const Failure f = failure_of(Xapian::InvalidArgumentError("slot out of range"));
    check_internal(f, "InvalidArgumentError: slot out of range");
    check_internal(failure_of(Xapian::InvalidOperationError("not open")), "not open");
}

BOOST_AUTO_TEST_CASE(file_system_errors_are_database_errors_not_bugs) {
    // A shard directory the user may not list (compact, the parallel build walk it).
    const Failure f = failure_of(std::filesystem::filesystem_error(
        "directory iterator cannot open directory", std::filesystem::path("news.db.shards/01"),
        std::make_error_code(std::errc::permission_denied)));
    BOOST_TEST(static_cast<int>(f.code) == 4);
    BOOST_TEST(f.message.find("news.db.shards/01") != std::string::npos, f.message);
    BOOST_TEST(f.message.find("internal error") == std::string::npos, f.message);
}

BOOST_AUTO_TEST_CASE(standard_exceptions_are_internal_errors) {
    check_internal(failure_of(std::logic_error("schema has no field colour")),
                   "schema has no field colour");
    check_internal(failure_of(std::runtime_error("document data is not an attache article")),
                   "document data is not an attache article");
    check_internal(failure_of(std::out_of_range("stoul")), "stoul");
    check_internal(failure_of(std::bad_alloc()), "bad_alloc");
    const Failure f = failure_of(std::runtime_error("x"));
    BOOST_TEST(f.message == "internal error: x (please report)");
}

BOOST_AUTO_TEST_CASE(anything_else_is_an_internal_error) {
    check_internal(describe_failure(std::make_exception_ptr(42)), "unknown type");
    check_internal(describe_failure(nullptr), "no exception");
}

BOOST_AUTO_TEST_CASE(print_error_line_writes_one_prefixed_folded_line) {
    CapturedStderr captured;
    print_error_line("warning: two\nlines");
    print_error_line("internal error: x (please report)");
    BOOST_TEST(captured.text() ==
               "attache: warning: two lines\n"
               "attache: internal error: x (please report)\n");
}

BOOST_AUTO_TEST_SUITE_END()
