// The HTTP side of `attache serve`: routes, limits, security headers and the worker threads,
// on cpp-httplib. Everything the routes answer comes from Api or the embedded web assets.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "server/api.h"
#include "server/listen_address.h"

namespace attache::server {

struct HttpOptions {
    size_t threads = 4;
    std::string cors_origin;  // empty: no CORS headers (browsers then refuse cross-origin reads)
};

class HttpServer {
  public:
    HttpServer(Api& api, HttpOptions options);
    ~HttpServer();

    // Binds the socket; returns the port (the free one picked when address.port is 0). Throws
    // UsageError when the address cannot be bound.
    int bind(const ListenAddress& address);
    // Serves until stop(); returns false if the server failed.
    bool run();
    // Safe to call from another thread: stops accepting and lets running requests finish.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace attache::server
