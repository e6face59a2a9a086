// --listen HOST:PORT. Loopback is the default; anything else is a deliberate choice.
#pragma once

#include <string>

namespace attache::server {

struct ListenAddress {
    std::string host;  // "127.0.0.1", "::1", "0.0.0.0"
    int port = 0;      // 0: any free port (the server prints the one it got)
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:0". Throws UsageError naming the problem.
ListenAddress parse_listen_address(const std::string& text);

// Whether the host only accepts connections from this machine.
bool is_loopback_host(const std::string& host);

}  // namespace attache::server
