// Writes built documents into the database: replace by the Q id term (re-indexing an article
// replaces it, never duplicates it) and commit every `commit_every` documents, or sooner once
// kCommitBytes of article text are pending (Xapian buffers postings in memory until a commit,
// so this bounds the indexer's memory whatever the size of the articles). Each commit is
// atomic (Xapian), so a killed indexer leaves the database as of its last commit, and running
// the same input again converges to the same documents.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_set>

#include "indexer/document_builder.h"

namespace attache {

class IndexWriter {
  public:
    static constexpr size_t kCommitBytes = 4u << 20;

    IndexWriter(const std::string& path, size_t commit_every);
    // Returns true when the article replaced one already in the database.
    bool write(BuiltDocument& doc);
    void commit();
    // All or nothing (--strict): from now on nothing is committed until commit(), and
    // cancel() drops everything written since. Xapian holds the changes in memory meanwhile.
    void hold_commits();
    void cancel();
    Xapian::doccount doccount() const { return db_.get_doccount(); }

  private:
    std::string path_;
    Xapian::WritableDatabase db_;
    size_t commit_every_;
    size_t pending_ = 0;
    size_t pending_bytes_ = 0;
    bool held_ = false;                         // inside a transaction (hold_commits)
    unsigned long long sequence_ = 0;           // last sequence number given (kSlotSequence)
    std::unordered_set<std::string> labelled_;  // label keys written or checked in this run
};

}  // namespace attache
