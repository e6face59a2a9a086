// Read-only database handles for the server's worker threads. A Xapian::Database must not be
// used by two threads at once, so each request leases its own handle (and reopens it at the
// latest committed revision, so that it sees what the indexer committed since). Handles are
// opened as the CLI opens them (schema::ReadDatabase): the same schema check, shard timeouts,
// reconnection and --allow-partial.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "schema/database.h"
#include "searcher/facet_columns.h"

namespace attache::server {

class DatabasePool {
  public:
    // Opens one handle now, so that a missing or foreign database fails at start-up.
    DatabasePool(std::string path, schema::ReadOptions options = {});

    class Lease {
      public:
        Lease(DatabasePool& pool, std::unique_ptr<schema::ReadDatabase> db)
            : pool_(pool), db_(std::move(db)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { pool_.give_back(std::move(db_)); }
        schema::ReadDatabase& db() { return *db_; }

      private:
        DatabasePool& pool_;
        std::unique_ptr<schema::ReadDatabase> db_;
    };

    Lease lease();
    const std::string& path() const { return path_; }
    // One local database (is_local_database): facets are counted from the in-memory columns.
    bool local() const { return local_; }
    // The facet columns of the database, shared by every request.
    FacetColumnCache& columns() { return columns_; }

  private:
    void give_back(std::unique_ptr<schema::ReadDatabase> db);

    std::string path_;
    schema::ReadOptions options_;
    bool local_;
    FacetColumnCache columns_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<schema::ReadDatabase>> idle_;
};

}  // namespace attache::server
