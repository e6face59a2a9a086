#include "server/listen_address.h"

#include <charconv>

#include "common/errors.h"

namespace attache::server {

ListenAddress parse_listen_address(const std::string& text) {
    const auto bad = [&](const std::string& why) {
        return UsageError("--listen " + text + ": " + why + " (expected HOST:PORT, e.g. " +
                          "127.0.0.1:8080)");
    };
    ListenAddress out;
    std::string port;
    if (!text.empty() && text.front() == '[') {
        const size_t close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
            throw bad("an IPv6 address needs the form [ADDRESS]:PORT");
        out.host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const size_t colon = text.rfind(':');
        if (colon == std::string::npos) throw bad("no port");
        out.host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (out.host.find(':') != std::string::npos) throw bad("write an IPv6 address in brackets");
    }
    if (out.host.empty()) throw bad("no host");
    const char* end = port.data() + port.size();
    const auto [ptr, ec] = std::from_chars(port.data(), end, out.port);
    if (port.empty() || ec != std::errc() || ptr != end || out.port < 0 || out.port > 65535)
        throw bad("the port must be a number from 0 to 65535");
    return out;
}

bool is_loopback_host(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace attache::server
