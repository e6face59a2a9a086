// Starts `attache serve` as a real process on a free loopback port and stops it, for the
// end-to-end tests of the HTTP API.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace attache::test {

class ServerProcess {
  public:
    // Runs `attache serve --listen 127.0.0.1:0 ARGS...` and waits for the line that names the
    // port. Throws std::runtime_error (with what the server printed) if it does not come.
    ServerProcess(const std::string& attache, const std::vector<std::string>& args);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    // Sends `sig` and waits up to `timeout_ms`; returns the exit code, -signal, or -1000 on
    // timeout (the process is then killed).
    int stop(int sig, int timeout_ms);
    // Everything the server printed so far (stdout and stderr).
    std::string output() const;

  private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::string log_path_;
};

}  // namespace attache::test
