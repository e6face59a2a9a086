// Runs a program as a real child process and captures what it prints, for the end-to-end tests.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace attache::test {

struct ProcessResult {
    int exit_code = -1;  // -signal when killed by a signal
    std::string out;
    std::string err;
};

// Runs argv[0] with the arguments, feeding `input` on stdin; `env` entries are added to (or
// override) the current environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = "",
                          const std::map<std::string, std::string>& env = {});

// Starts a process in the background with stdout/stderr sent to /dev/null; returns its pid.
pid_t start_process(const std::vector<std::string>& argv);

}  // namespace attache::test
