#include "server/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "common/errors.h"
#include "server/api.h"
#include "server/database_pool.h"
#include "server/http_server.h"
#include "server/listen_address.h"

namespace attache {

int run_serve(const ServeOptions& opt) {
    const server::ListenAddress address = server::parse_listen_address(opt.listen);
    // Every thread started from here on inherits the blocked signals; only the waiter below
    // takes SIGINT and SIGTERM, so the shutdown runs in a normal thread, not a signal handler.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    server::DatabasePool pool(opt.db, opt.read);  // fails now if missing, foreign or unreachable
    server::Api api(pool, opt.kb_files);
    server::HttpOptions http;
    // httplib gives each open connection a worker until it closes: enough workers that a few
    // idle keep-alive browsers do not hold up everyone else.
    http.threads =
        opt.threads ? opt.threads : std::max<size_t>(16, 4 * std::thread::hardware_concurrency());
    http.cors_origin = opt.cors_origin;
    server::HttpServer httpd(api, http);
    const int port = httpd.bind(address);

    std::atomic<bool> finished{false};
    std::thread waiter([&] {
        // Polls so that it also ends when the server stopped by itself.
        const timespec tick{0, 200 * 1000 * 1000};
        while (!finished) {
            if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
                httpd.stop();
                return;
            }
        }
    });
    if (!server::is_loopback_host(address.host)) {
        print_error_line("warning: listening on " + address.host +
                         ", not loopback: anyone who can reach this port can "
                         "read the whole database");
    }
    const std::string shown_host =
        address.host.find(':') != std::string::npos ? "[" + address.host + "]" : address.host;
    // Scripts and tests read this line for the port (--listen HOST:0 picks a free one).
    std::cout << "attache: serving " << opt.db << " on http://" << shown_host << ":" << port
              << "/ with " << http.threads << " threads (Ctrl-C stops)" << std::endl;

    const bool ok = httpd.run();
    finished = true;
    waiter.join();
    std::cout << "attache: stopped" << std::endl;
    if (!ok) throw UsageError("the HTTP server could not accept connections");
    return 0;
}

}  // namespace attache
