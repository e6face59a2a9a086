// Where `attache index` puts the documents it built: IndexWriter (commit as you go, into a new or
// existing database or shards) or ParallelBuild (several writers building a new database).
#pragma once

#include <xapian.h>

#include <cstddef>

#include "indexer/document_builder.h"

namespace attache {

class ArticleWriter {
  public:
    // Xapian buffers postings in memory until a commit: committing once this much article text
    // is pending bounds a writer's memory whatever the size of the articles.
    static constexpr size_t kCommitBytes = 4u << 20;
    // Vocabulary words a writer remembers having written (to skip rewriting them); past this
    // many it forgets them all, so memory stays bounded on inputs with huge vocabularies.
    static constexpr size_t kMaxWordsRemembered = 500000;

    virtual ~ArticleWriter() = default;
    // Documents arrive in input order from one thread.
    virtual void write(BuiltDocument& doc) = 0;
    // Makes everything written so far durable and visible.
    virtual void commit() = 0;
    // Drops everything written since the run began (--strict); only meaningful for writers that
    // held their commits.
    virtual void cancel() = 0;
    // Articles written in this run that replaced one with the same id (known after commit()
    // for ParallelBuild).
    virtual size_t replaced() const = 0;
    virtual Xapian::doccount doccount() const = 0;
    virtual size_t shard_count() const = 0;
};

}  // namespace attache
