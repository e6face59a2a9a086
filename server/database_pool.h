// Read-only database handles for the server's worker threads. A Xapian::Database must not be
// used by two threads at once, so each request leases its own handle; the lease reopens it at
// the latest committed revision, so searches see what the indexer committed since.
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace attache::server {

class DatabasePool {
  public:
    // Opens one handle now, so that a missing or foreign database fails at start-up.
    explicit DatabasePool(std::string path);

    class Lease {
      public:
        Lease(DatabasePool& pool, std::unique_ptr<Xapian::Database> db)
            : pool_(pool), db_(std::move(db)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { pool_.give_back(std::move(db_)); }
        Xapian::Database& db() { return *db_; }

      private:
        DatabasePool& pool_;
        std::unique_ptr<Xapian::Database> db_;
    };

    Lease lease();
    const std::string& path() const { return path_; }

  private:
    void give_back(std::unique_ptr<Xapian::Database> db);

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Xapian::Database>> idle_;
};

}  // namespace attache::server
