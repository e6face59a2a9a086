#include "indexer/parallel_build.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "common/errors.h"
#include "common/text.h"
#include "indexer/index_writer.h"
#include "indexer/merging_compactor.h"
#include "schema/fields.h"

namespace attache {

namespace fs = std::filesystem;

namespace {

// Documents per hand-off to a writer thread, and hand-offs a writer may have queued: the reading
// thread blocks beyond that, which bounds memory whatever the input size.
constexpr size_t kBatchSize = 128;
constexpr size_t kMaxQueued = 4;

std::string without_trailing_slash(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

void sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// fsync every file of a freshly written database, then the directory itself: the rename that
// publishes it must not reach the disk before its contents.
void sync_database(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file(ec)) sync_path(entry.path(), 0);
    }
    sync_path(dir, O_DIRECTORY);
}

}  // namespace

// One partial database and the thread that writes it. The reading thread fills `filling` and
// hands it over with push(); the writer thread drains the queue in order.
class ParallelBuild::Part {
  public:
    // `staging`: a partial database, created here without fsync; else an existing shard.
    Part(std::string path, size_t commit_every, bool staging)
        : path_(std::move(path)), commit_every_(commit_every ? commit_every : 1) {
        try {
            if (staging) {
                db_ = Xapian::WritableDatabase(path_, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
                db_.set_metadata(std::string(schema::kSchemaMetadataKey),
                                 std::string(schema::kSchemaVersion));
            } else {
                db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN);
            }
        } catch (const Xapian::Error& e) {
            throw DatabaseError("cannot open '" + path_ + "' for writing: " + e.get_description());
        }
        thread_ = std::thread([this] { run(); });
    }
    ~Part() { stop(true); }

    const std::string& path() const { return path_; }

    // Blocks while the queue is full. A failed writer takes nothing more (see error()).
    void push(std::vector<BuiltDocument>&& batch) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return queue_.size() < kMaxQueued || error_; });
        if (error_) return;
        queue_.push_back(std::move(batch));
        not_empty_.notify_one();
    }
    // Adds `doc` to the next batch, handed over once full.
    void add(BuiltDocument doc) {
        filling_.push_back(std::move(doc));
        if (filling_.size() >= kBatchSize) push(std::exchange(filling_, {}));
    }
    void flush_filling() {
        if (!filling_.empty()) push(std::exchange(filling_, {}));
    }

    // Finishing: writes what is queued, stamps the last sequence number, commits, closes.
    // Aborting: drops the queue and stops at once.
    void stop(bool abort, unsigned long long sequence = 0) {
        {
            std::lock_guard lock(mutex_);
            if (abort) {
                aborting_ = true;
                queue_.clear();
            } else {
                closing_ = true;
                final_sequence_ = sequence;
            }
            not_empty_.notify_one();
        }
        if (thread_.joinable()) thread_.join();
    }

    std::exception_ptr error() const {
        std::lock_guard lock(mutex_);
        return error_;
    }
    size_t replaced() const { return replaced_; }  // read after stop()

  private:
    void run() {
        try {
            for (;;) {
                std::vector<BuiltDocument> batch;
                {
                    std::unique_lock lock(mutex_);
                    not_empty_.wait(lock, [&] { return !queue_.empty() || closing_ || aborting_; });
                    if (aborting_) return;
                    if (queue_.empty()) break;  // closing, and everything is written
                    batch = std::move(queue_.front());
                    queue_.pop_front();
                    not_full_.notify_one();
                }
                for (auto& doc : batch) write_one(doc);
            }
            db_.set_metadata(std::string(schema::kSequenceMetadataKey),
                             std::to_string(final_sequence_));
            db_.commit();
            db_.close();
        } catch (const Xapian::Error& e) {
            fail(std::make_exception_ptr(
                DatabaseError("writing '" + path_ + "' failed: " + e.get_description())));
        } catch (...) {
            fail(std::current_exception());
        }
    }

    void write_one(BuiltDocument& doc) {
        if (doc.id_term.empty()) {  // metadata for every shard (send_metadata_to_other_shards)
            for (const auto& [key, value] : doc.labels) db_.set_metadata(key, value);
            return;
        }
        last_sequence_ = std::max(last_sequence_, doc.sequence);
        // Only a record read twice in this run can already be here; a fresh id is added
        // without the second posting-list lookup that replace_document would make.
        if (db_.term_exists(doc.id_term)) {
            db_.replace_document(doc.id_term, doc.document);
            ++replaced_;
        } else {
            db_.add_document(doc.document);
        }
        for (const auto& [key, name] : doc.labels) {
            if (labelled_.insert(key).second) db_.set_metadata(key, name);
        }
        if (vocabulary_.size() > kMaxWordsRemembered) vocabulary_.clear();
        for (const auto& [word, stem] : doc.words) {
            if (vocabulary_.insert(word).second)
                db_.set_metadata(std::string(schema::kWordMetadataPrefix) + word, stem);
        }
        pending_bytes_ += doc.text_bytes;
        if (++pending_ >= commit_every_ || pending_bytes_ >= kCommitBytes) {
            // Each commit records how far the numbering went, so that a later run continues
            // after every committed article even if this one is killed.
            db_.set_metadata(std::string(schema::kSequenceMetadataKey),
                             std::to_string(last_sequence_));
            db_.commit();
            pending_ = pending_bytes_ = 0;
        }
    }

    void fail(std::exception_ptr e) {
        std::lock_guard lock(mutex_);
        error_ = std::move(e);
        queue_.clear();
        not_full_.notify_all();
    }

    std::string path_;
    size_t commit_every_;
    std::vector<BuiltDocument> filling_;  // the reading thread's next batch
    Xapian::WritableDatabase db_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable not_empty_, not_full_;
    std::deque<std::vector<BuiltDocument>> queue_;
    bool closing_ = false, aborting_ = false;
    unsigned long long final_sequence_ = 0;
    std::exception_ptr error_;
    // Touched by the writer thread only.
    size_t replaced_ = 0, pending_ = 0, pending_bytes_ = 0;
    unsigned long long last_sequence_ = 0;
    std::unordered_set<std::string> labelled_, vocabulary_;
};

void ParallelBuild::remove_stale_staging(const std::string& target) {
    const fs::path path(without_trailing_slash(target));
    const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const std::string prefix = path.filename().string() + ".building.";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string pid_text = name.substr(prefix.size());
        if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos ||
            pid_text.size() > 9)
            continue;
        const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
        if (pid == ::getpid()) continue;
        if (::kill(pid, 0) == -1 && errno == ESRCH) fs::remove_all(entry.path(), ec);
    }
}

ParallelBuild::ParallelBuild(const std::string& path, unsigned writers, size_t commit_every)
    : path_(without_trailing_slash(path)),
      staging_(path_ + ".building." + std::to_string(::getpid())) {
    remove_stale_staging(path_);
    std::error_code ec;
    fs::remove_all(staging_, ec);
    fs::create_directories(staging_, ec);
    if (ec) throw DatabaseError("cannot create '" + staging_ + "': " + ec.message());
    try {
        for (unsigned i = 0; i < writers; ++i) {
            char name[16];
            std::snprintf(name, sizeof name, "part-%02u", i);
            parts_.push_back(
                std::make_unique<Part>((fs::path(staging_) / name).string(), commit_every, true));
        }
    } catch (...) {
        parts_.clear();
        fs::remove_all(staging_, ec);
        throw;
    }
}

ParallelBuild::ParallelBuild(const std::string& path, const ShardLayout& layout,
                             size_t commit_every)
    : path_(without_trailing_slash(path)), sharded_(true), layout_(layout) {
    for (const auto& shard : create_shard_databases(path_, layout_))
        parts_.push_back(std::make_unique<Part>(shard, commit_every, false));
}

ParallelBuild::~ParallelBuild() {
    if (!done_) cancel();
}

void ParallelBuild::check_writers() {
    for (const auto& part : parts_) {
        if (auto e = part->error()) std::rethrow_exception(e);
    }
}

void ParallelBuild::write(BuiltDocument& doc) {
    check_writers();
    const size_t target =
        sharded_ ? shard_for(layout_, doc.id, doc.document.get_value(schema::kSlotPublished))
                 : fnv1a64(doc.id) % parts_.size();
    doc.sequence = ++sequence_;
    char seq[24];
    std::snprintf(seq, sizeof seq, "%012llu", sequence_);
    doc.document.add_value(schema::kSlotSequence, seq);
    if (sharded_ && parts_.size() > 1) send_metadata_to_other_shards(doc, target);
    parts_[target]->add(std::move(doc));
}

void ParallelBuild::send_metadata_to_other_shards(const BuiltDocument& doc, size_t target) {
    if (sent_.size() > kMaxWordsRemembered) sent_.clear();
    BuiltDocument carrier;  // no id term: the writer only sets its metadata
    for (const auto& [key, name] : doc.labels) {
        if (sent_.insert(key).second) carrier.labels.emplace_back(key, name);
    }
    for (const auto& [word, stem] : doc.words) {
        std::string key = std::string(schema::kWordMetadataPrefix) + word;
        if (sent_.insert(key).second) carrier.labels.emplace_back(std::move(key), stem);
    }
    if (carrier.labels.empty()) return;
    for (size_t i = 0; i < parts_.size(); ++i) {
        if (i != target) parts_[i]->add(carrier);  // the article's own shard writes them with it
    }
}

void ParallelBuild::commit() {
    if (done_) return;
    for (auto& part : parts_) part->flush_filling();
    for (auto& part : parts_) part->stop(false, sequence_);
    check_writers();
    if (sharded_) {
        doccount_ = 0;
        for (const auto& part : parts_) doccount_ += Xapian::Database(part->path()).get_doccount();
        done_ = true;
        return;
    }
    merge();
    done_ = true;
    std::error_code ec;
    fs::remove_all(staging_, ec);
}

void ParallelBuild::cancel() {
    for (auto& part : parts_) part->stop(true);
    parts_.clear();
    // Shards keep what they committed, as with IndexWriter; partial databases go.
    std::error_code ec;
    if (!sharded_) fs::remove_all(staging_, ec);
    done_ = true;
}

size_t ParallelBuild::replaced() const {
    size_t n = 0;
    for (const auto& part : parts_) n += part->replaced();
    return n;
}

void ParallelBuild::merge() {
    const fs::path merged = fs::path(staging_) / "merged";
    try {
        Xapian::Database all;
        for (const auto& part : parts_) all.add_database(Xapian::Database(part->path()));
        const Xapian::doccount expected = all.get_doccount();
        MergingCompactor compactor;
        all.compact(merged.string(), 0, 0, compactor);
        const Xapian::Database out(merged.string());
        if (out.get_doccount() != expected) {
            throw DatabaseError("merging the partial databases gave " +
                                std::to_string(out.get_doccount()) + " articles instead of " +
                                std::to_string(expected));
        }
        doccount_ = expected;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("merging the partial databases in '" + staging_ +
                            "' failed: " + e.get_description());
    }
    sync_database(merged);
    std::error_code ec;
    if (fs::exists(path_, ec)) {
        throw DatabaseError("'" + path_ +
                            "' appeared while this run was building it; nothing was written "
                            "there (run attache index again to add to it)");
    }
    fs::rename(merged, path_, ec);
    if (ec) throw DatabaseError("cannot move the new database to '" + path_ + "': " + ec.message());
    const fs::path target(path_);
    sync_path(target.has_parent_path() ? target.parent_path() : fs::path("."), O_DIRECTORY);
}

}  // namespace attache
