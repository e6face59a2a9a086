// Typed errors and the exit codes they map to. Inside attache, failures are thrown as
// AttacheError; app/main.cpp turns them into one line on stderr and the documented exit code.
#pragma once

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

// One line for stderr, "attache: " prefixed, with newlines inside the message folded.
std::string format_error_line(const std::string& message);

}  // namespace attache
