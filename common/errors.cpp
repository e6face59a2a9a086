#include "common/errors.h"

#include <xapian.h>

#include <filesystem>
#include <iostream>

namespace attache {

void print_error_line(const std::string& message) {
    std::string line = "attache: ";
    for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
    // One insertion is one fwrite on stderr (std::cerr is synced with stdio), which stdio locks.
    std::cerr << line + '\n';
}

namespace {

Failure internal_error(const std::string& what) {
    return {"internal error: " + what + " (please report)", ExitCode::internal};
}

}  // namespace

Failure describe_failure(std::exception_ptr error) {
    if (!error) return internal_error("no exception");
    try {
        std::rethrow_exception(error);
    } catch (const AttacheError& e) {
        return {e.what(), e.code()};
    } catch (const Xapian::DatabaseError& e) {
        return {"database error: " + e.get_description(), ExitCode::database};
    } catch (const Xapian::RuntimeError& e) {
        // NetworkError (a remote shard), DocNotFoundError, FeatureUnavailableError...: Xapian
        // names these "errors only detectable at run time", caused by the data or environment.
        return {e.get_description(), ExitCode::database};
    } catch (const Xapian::Error& e) {
        // Xapian::LogicError: attache called Xapian wrongly.
        return internal_error(e.get_description());
    } catch (const std::filesystem::filesystem_error& e) {
        // A database directory or stub that cannot be listed, read or written (permissions, a
        // full disk): the environment, not a bug. Its text names the operation and the path.
        return {e.what(), ExitCode::database};
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("an exception of unknown type");
    }
}

}  // namespace attache
