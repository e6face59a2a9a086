// Typed errors and the exit codes they map to. Inside attache, failures are thrown as
// AttacheError; app/main.cpp turns whatever reaches it into one line on stderr and the
// documented exit code (describe_failure).
#pragma once

#include <exception>
#include <stdexcept>
#include <string>

namespace attache {

// The documented exit codes (docs/cli.md). Scripts depend on these numbers: never renumber.
enum class ExitCode : int {
    ok = 0,
    no_match = 1,          // search --exit-status found nothing; show/delete found no such id
    usage = 2,             // bad flags or a bad query
    rejected_records = 3,  // some input records were rejected; the rest were indexed
    database = 4,          // database missing, locked, corrupt or of another schema
    internal = 5,          // a bug in attache; the message asks for a report
};

class AttacheError : public std::runtime_error {
  public:
    AttacheError(ExitCode code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    ExitCode code() const { return code_; }

  private:
    ExitCode code_;
};

// A query the user typed is wrong; the message points at the problem.
struct QueryError : AttacheError {
    explicit QueryError(const std::string& message) : AttacheError(ExitCode::usage, message) {}
};

struct UsageError : AttacheError {
    explicit UsageError(const std::string& message) : AttacheError(ExitCode::usage, message) {}
};

struct DatabaseError : AttacheError {
    explicit DatabaseError(const std::string& message)
        : AttacheError(ExitCode::database, message) {}
};

// Writes the message to stderr as one line, "attache: " prefixed, with newlines inside it
// folded, in one write, so that lines from several threads (serve's workers) never interleave.
// Errors, warnings and the commands' closing summaries all go through here.
void print_error_line(const std::string& message);

// What a failure that reached the top of a command tells the user.
struct Failure {
    std::string message;  // without the "attache: " prefix
    ExitCode code;
};

// Sorts an exception by who is at fault: attache's own errors keep their message and code;
// Xapian's run-time errors (database, network, a remote shard...) come from the data or the
// environment and are database errors; anything else (std::logic_error, Xapian::LogicError, an
// untyped std::runtime_error, std::bad_alloc...) is a bug, reported as an internal error.
Failure describe_failure(std::exception_ptr error);

}  // namespace attache
