#include "indexer/index_writer.h"

#include <cstdio>
#include "common/errors.h"

#include "schema/database.h"
#include "schema/fields.h"

namespace attache {

IndexWriter::IndexWriter(const std::string& path, size_t commit_every)
    : path_(path),
      db_(schema::open_for_writing(path)),
      commit_every_(commit_every ? commit_every : 1) {
    const std::string last = db_.get_metadata(std::string(schema::kSequenceMetadataKey));
    sequence_ = last.empty() ? 0 : std::stoull(last);
}

bool IndexWriter::write(BuiltDocument& doc) {
    try {
        const bool existed = db_.term_exists(doc.id_term);
        char seq[24];
        std::snprintf(seq, sizeof seq, "%012llu", ++sequence_);
        doc.document.add_value(schema::kSlotSequence, seq);
        db_.replace_document(doc.id_term, doc.document);
        for (const auto& [key, name] : doc.labels) {
            if (!labelled_.insert(key).second) continue;
            if (db_.get_metadata(key) != name) db_.set_metadata(key, name);
        }
        pending_bytes_ += doc.text_bytes;
        if (++pending_ >= commit_every_ || pending_bytes_ >= kCommitBytes) {
            if (!held_) commit();
        }
        return existed;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("writing to '" + path_ + "' failed: " + e.get_description());
    }
}

void IndexWriter::commit() {
    try {
        db_.set_metadata(std::string(schema::kSequenceMetadataKey), std::to_string(sequence_));
        if (held_) {
            db_.commit_transaction();
            held_ = false;
        } else {
            db_.commit();
        }
        pending_ = 0;
        pending_bytes_ = 0;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("committing to '" + path_ + "' failed: " + e.get_description());
    }
}

void IndexWriter::hold_commits() {
    try {
        db_.begin_transaction(true);
        held_ = true;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("starting a transaction on '" + path_ +
                            "' failed: " + e.get_description());
    }
}

void IndexWriter::cancel() {
    if (!held_) return;
    try {
        db_.cancel_transaction();
        held_ = false;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cancelling the transaction on '" + path_ +
                            "' failed: " + e.get_description());
    }
}

}  // namespace attache
