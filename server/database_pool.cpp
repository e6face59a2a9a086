#include "server/database_pool.h"

#include "searcher/facets.h"

namespace attache::server {

DatabasePool::DatabasePool(std::string path, schema::ReadOptions options)
    : path_(std::move(path)), options_(options), local_(is_local_database(path_)) {
    idle_.push_back(std::make_unique<schema::ReadDatabase>(path_, options_));
}

DatabasePool::Lease DatabasePool::lease() {
    std::unique_ptr<schema::ReadDatabase> db;
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            db = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (!db) db = std::make_unique<schema::ReadDatabase>(path_, options_);
    return Lease(*this, std::move(db));
}

void DatabasePool::give_back(std::unique_ptr<schema::ReadDatabase> db) {
    if (!db) return;
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
}

}  // namespace attache::server
