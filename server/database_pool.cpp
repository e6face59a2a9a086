#include "server/database_pool.h"

#include "schema/database.h"

namespace attache::server {

DatabasePool::DatabasePool(std::string path) : path_(std::move(path)) {
    idle_.push_back(std::make_unique<Xapian::Database>(schema::open_for_reading(path_)));
}

DatabasePool::Lease DatabasePool::lease() {
    std::unique_ptr<Xapian::Database> db;
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            db = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (db) {
        // Cheap when nothing changed (Xapian compares the revision it has with the one on disk).
        db->reopen();
    } else {
        db = std::make_unique<Xapian::Database>(schema::open_for_reading(path_));
    }
    return Lease(*this, std::move(db));
}

void DatabasePool::give_back(std::unique_ptr<Xapian::Database> db) {
    if (!db) return;
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
}

}  // namespace attache::server
