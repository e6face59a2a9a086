#include "server/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <iostream>

#include "common/errors.h"
#include "searcher/formats/json_format.h"
#include "server/web_assets.h"

namespace attache::server {

namespace {

// The page loads only its own script and style sheet; nothing inline, nothing from elsewhere.
// Even if some article text slipped past the page's escaping, the browser would not run it.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Requests carry no body (every route is GET); anything bigger than this is refused unread.
constexpr size_t kMaxPayloadBytes = 16 * 1024;

void send_json(httplib::Response& res, const ApiResponse& r) {
    res.status = r.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(formats::dump_compact(r.body) + "\n", "application/json; charset=utf-8");
}

}  // namespace

struct HttpServer::Impl {
    httplib::Server server;
};

HttpServer::HttpServer(Api& api, HttpOptions options) : impl_(std::make_unique<Impl>()) {
    httplib::Server& svr = impl_->server;
    const size_t threads = std::max<size_t>(1, options.threads);
    svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // httplib's default sets SO_REUSEPORT, which lets a second server share a port that is in
    // use and answer half of its requests. SO_REUSEADDR alone still allows a quick restart.
    svr.set_socket_options([](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        // httplib writes headers and body separately: without this, Nagle's algorithm and the
        // client's delayed ACK hold every small answer back ~40 ms (accepted sockets inherit it).
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    });
    svr.set_payload_max_length(kMaxPayloadBytes);
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(10, 0);
    // A keep-alive connection holds its worker thread: hand the thread on now and then, and
    // let idle connections go quickly.
    svr.set_keep_alive_max_count(100);
    svr.set_keep_alive_timeout(2);
    svr.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                             {"Referrer-Policy", "no-referrer"},
                             {"X-Frame-Options", "DENY"}});

    const std::string cors = options.cors_origin;
    svr.set_pre_routing_handler([cors](const httplib::Request& req, httplib::Response& res) {
        if (!cors.empty() && req.path.rfind("/api/", 0) == 0)
            res.set_header("Access-Control-Allow-Origin", cors);
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            send_json(res, Api::error(405, "only GET is supported"));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    svr.Get("/api/search", [&api](const httplib::Request& req, httplib::Response& res) {
        send_json(res, api.search(req.params));
    });
    svr.Get(R"(/api/article/(.+))", [&api](const httplib::Request& req, httplib::Response& res) {
        send_json(res, api.article(req.matches[1], req.params));
    });
    svr.Get("/api/stats", [&api](const httplib::Request& req, httplib::Response& res) {
        send_json(res, api.stats(req.params));
    });
    svr.Get("/api/suggest", [&api](const httplib::Request& req, httplib::Response& res) {
        send_json(res, api.suggest(req.params));
    });
    svr.Get("/healthz", [&api](const httplib::Request&, httplib::Response& res) {
        send_json(res, api.health());
    });
    svr.Get(R"(/api(/.*)?)", [](const httplib::Request& req, httplib::Response& res) {
        send_json(res, Api::error(404, "no API endpoint " + req.path));
    });
    // Everything else is one of the embedded files, looked up by exact path, or 404.
    svr.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
        FoundAsset asset;
        if (!find_web_asset(req.path, asset)) {
            res.status = 404;
            res.set_content("not found\n", "text/plain; charset=utf-8");
            return;
        }
        if (asset.content_type.rfind("text/html", 0) == 0)
            res.set_header("Content-Security-Policy", kContentSecurityPolicy);
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::string(asset.content), std::string(asset.content_type));
    });

    svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        // Requests httplib refused itself (URI too long, bad request line...) get JSON too.
        if (!res.body.empty()) return;
        const std::string why = res.status == 413   ? "request too large"
                                : res.status == 414 ? "request URI too long"
                                : res.status == 404 ? "not found"
                                                    : "bad request";
        send_json(res, Api::error(res.status, why + " (" + req.path.substr(0, 100) + ")"));
    });
    svr.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            print_error_line(describe_failure(ep).message);
            send_json(res, Api::error(500, "internal error"));
        });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const ListenAddress& address) {
    httplib::Server& svr = impl_->server;
    int port = address.port;
    if (port == 0) {
        port = svr.bind_to_any_port(address.host);
    } else if (!svr.bind_to_port(address.host, port)) {
        port = -1;
    }
    if (port < 0) {
        throw UsageError("cannot listen on " + address.host + ":" + std::to_string(address.port) +
                         " (address in use, or not an address of this machine)");
    }
    return port;
}

bool HttpServer::run() {
    return impl_->server.listen_after_bind();
}

void HttpServer::stop() {
    impl_->server.stop();
}

}  // namespace attache::server
