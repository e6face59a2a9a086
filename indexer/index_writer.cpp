#include "indexer/index_writer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "common/errors.h"
#include "schema/database.h"
#include "schema/fields.h"
#include "schema/stub_file.h"

namespace attache {

namespace fs = std::filesystem;

IndexWriter::IndexWriter(const std::string& path, size_t commit_every,
                         const ShardingOptions& sharding)
    : path_(path), commit_every_(commit_every ? commit_every : 1) {
    if (!sharding.by.empty()) layout_.key = parse_shard_key(sharding.by);
    if (schema::is_stub_file(path)) {
        open_existing_shards(sharding);
    } else if (sharding.shards > 0) {
        layout_.count = sharding.shards;
        for (const auto& p : create_shard_databases(path_, layout_))
            shards_.push_back(schema::open_for_writing(p));
    } else {
        if (!sharding.by.empty())
            throw UsageError("--shard-by needs --shards N (or a sharded --db)");
        shards_.push_back(schema::open_for_writing(path));
    }
    // One counter for all shards, so that sequence values (--since ID, and the tie order of
    // equal scores) mean the same over shards as over one database built from the same input.
    for (const auto& shard : shards_) {
        const std::string last = shard.get_metadata(std::string(schema::kSequenceMetadataKey));
        if (!last.empty()) sequence_ = std::max(sequence_, std::stoull(last));
    }
}

std::vector<std::string> create_shard_databases(const std::string& path,
                                                const ShardLayout& layout) {
    std::error_code ec;
    if (fs::exists(path, ec)) {
        throw UsageError("--shards: '" + path +
                         "' is already a single database; give a new --db path for the sharded "
                         "one (attache compact merges shards back into one)");
    }
    const std::string dir = path + ".shards";
    if (fs::exists(dir, ec))
        throw UsageError("--shards: '" + dir +
                         "' already exists; remove it or choose another --db");
    fs::create_directories(dir, ec);
    if (ec) throw DatabaseError("cannot create '" + dir + "': " + ec.message());
    std::vector<std::string> paths;
    for (unsigned i = 0; i < layout.count; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "%02u", i);
        paths.push_back((fs::path(dir) / name).string());
        auto shard = schema::open_for_writing(paths.back());
        shard.set_metadata(std::string(schema::kShardingMetadataKey), format_layout(layout));
        shard.set_metadata(std::string(schema::kShardNumberMetadataKey), std::to_string(i));
        shard.commit();
    }
    // The stub comes last: it only ever lists shards that exist.
    schema::write_local_stub(path, paths);
    return paths;
}

void IndexWriter::open_existing_shards(const ShardingOptions& sharding) {
    shards_ = schema::open_shards_for_writing(path_);
    const std::string stamped =
        shards_.front().get_metadata(std::string(schema::kShardingMetadataKey));
    if (stamped.empty()) {
        // A stub written by hand: only a single shard can be written without knowing the key.
        if (shards_.size() > 1) {
            throw DatabaseError("'" + path_ +
                                "' lists shards that attache index did not create (no shard "
                                "layout in their metadata): cannot tell which shard an article "
                                "belongs to");
        }
        layout_.count = 1;
    } else {
        layout_ = parse_layout(stamped, path_);
    }
    if (layout_.count != shards_.size()) {
        throw DatabaseError("'" + path_ + "' lists " + std::to_string(shards_.size()) +
                            " shards, but they were created as " + std::to_string(layout_.count));
    }
    if (sharding.shards && sharding.shards != layout_.count) {
        throw UsageError("--shards " + std::to_string(sharding.shards) + ": '" + path_ + "' has " +
                         std::to_string(layout_.count) +
                         " shards; re-index into a new --db to change the number");
    }
    if (!sharding.by.empty() && parse_shard_key(sharding.by) != layout_.key) {
        throw UsageError("--shard-by " + sharding.by + ": '" + path_ + "' is sharded by " +
                         std::string(shard_key_name(layout_.key)));
    }
}

Xapian::doccount IndexWriter::doccount() const {
    Xapian::doccount n = 0;
    for (const auto& shard : shards_) n += shard.get_doccount();
    return n;
}

void IndexWriter::write(BuiltDocument& doc) {
    try {
        const unsigned target =
            shard_for(layout_, doc.id, doc.document.get_value(schema::kSlotPublished));
        auto& db = shards_[target];
        bool existed = db.term_exists(doc.id_term);
        if (layout_.key != ShardKey::hash) {
            // A corrected date can move an article to another shard: remove the old copy.
            for (size_t i = 0; i < shards_.size(); ++i) {
                if (i == target || !shards_[i].term_exists(doc.id_term)) continue;
                shards_[i].delete_document(doc.id_term);
                existed = true;
            }
        }
        char seq[24];
        std::snprintf(seq, sizeof seq, "%012llu", ++sequence_);
        doc.document.add_value(schema::kSlotSequence, seq);
        db.replace_document(doc.id_term, doc.document);
        for (const auto& [key, name] : doc.labels) {
            if (!labelled_.insert(key).second) continue;
            for (auto& shard : shards_) {
                if (shard.get_metadata(key) != name) shard.set_metadata(key, name);
            }
        }
        // The vocabulary goes to every shard too: Xapian reads metadata from the first
        // database of a combination only.
        if (vocabulary_.size() > kMaxWordsRemembered) vocabulary_.clear();
        for (const auto& [word, stem] : doc.words) {
            if (!vocabulary_.insert(word).second) continue;
            const std::string key = std::string(schema::kWordMetadataPrefix) + word;
            for (auto& shard : shards_) shard.set_metadata(key, stem);
        }
        pending_bytes_ += doc.text_bytes;
        if (++pending_ >= commit_every_ || pending_bytes_ >= kCommitBytes) {
            if (!held_) commit();
        }
        if (existed) ++replaced_;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("writing to '" + path_ + "' failed: " + e.get_description());
    }
}

void IndexWriter::commit() {
    try {
        for (auto& shard : shards_) {
            shard.set_metadata(std::string(schema::kSequenceMetadataKey),
                               std::to_string(sequence_));
            // Under --strict each shard holds one transaction; they are committed one after
            // the other (Xapian has no transaction across databases).
            if (held_) {
                shard.commit_transaction();
            } else {
                shard.commit();
            }
        }
        held_ = false;
        pending_ = 0;
        pending_bytes_ = 0;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("committing to '" + path_ + "' failed: " + e.get_description());
    }
}

void IndexWriter::hold_commits() {
    try {
        for (auto& shard : shards_) shard.begin_transaction(true);
        held_ = true;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("starting a transaction on '" + path_ +
                            "' failed: " + e.get_description());
    }
}

void IndexWriter::cancel() {
    if (!held_) return;
    try {
        for (auto& shard : shards_) shard.cancel_transaction();
        held_ = false;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cancelling the transaction on '" + path_ +
                            "' failed: " + e.get_description());
    }
}

}  // namespace attache
