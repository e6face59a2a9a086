#include "indexer/index_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <future>
#include <iomanip>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "common/errors.h"
#include "indexer/document_builder.h"
#include "indexer/extract/entity_extractor.h"
#include "indexer/index_writer.h"
#include "indexer/input_files.h"
#include "indexer/parallel_build.h"
#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"
#include "indexer/readers/json_article.h"
#include "kb/knowledge_base.h"

namespace attache {

namespace {

using Clock = std::chrono::steady_clock;

// Articles per unit of work handed to a builder thread: large enough that thread hand-off costs
// nothing, small enough that memory stays bounded (in flight: (jobs + 1) chunks).
constexpr size_t kChunkSize = 256;

using Chunk = std::vector<Article>;

struct BuiltChunk {
    std::vector<BuiltDocument> docs;
    std::vector<std::string> warnings;
};

struct Totals {
    size_t read = 0, indexed = 0, replaced = 0, rejected = 0, files = 0, repaired = 0;
};

class Progress {
  public:
    explicit Progress(bool enabled)
        : enabled_(enabled && isatty(STDERR_FILENO)), start_(Clock::now()) {}
    void update(const Totals& t) {
        if (!enabled_) return;
        const auto now = Clock::now();
        if (now - last_ < std::chrono::milliseconds(250)) return;
        last_ = now;
        const double secs = std::chrono::duration<double>(now - start_).count();
        std::fprintf(
            stderr, "\r\033[Kattache: %zu read, %zu indexed, %zu rejected, %.0f articles/s", t.read,
            t.indexed, t.rejected, secs > 0 ? static_cast<double>(t.indexed) / secs : 0.0);
        shown_ = true;
    }
    void clear() {
        if (shown_) std::fprintf(stderr, "\r\033[K");
        shown_ = false;
    }

  private:
    bool enabled_;
    bool shown_ = false;
    Clock::time_point start_, last_{};
};

// One writer committing as it goes (an existing database, shards, --writers 1), or several
// building a new database in parallel (indexer/parallel_build.h).
std::unique_ptr<ArticleWriter> open_writer(const IndexOptions& opt, unsigned cores) {
    std::error_code ec;
    const bool is_new = !std::filesystem::exists(opt.db, ec);
    const bool sharded = opt.sharding.shards > 0 || !opt.sharding.by.empty();
    if (opt.writers > 1) {
        if (!is_new) {
            throw UsageError("--writers " + std::to_string(opt.writers) + ": '" + opt.db +
                             "' already exists; parallel writers only build a new database "
                             "(use --writers 1 to add to it)");
        }
        if (sharded) {
            throw UsageError(
                "--writers: a new database sharded by hash gets one writer per "
                "shard; with --shards, --writers only takes 1");
        }
    }
    // A new database sharded by hash: one writer thread per shard. (By month or year a corrected
    // date moves an article between shards, which one writer handles; --strict needs the
    // shards' transactions, which only IndexWriter holds.)
    if (is_new && opt.sharding.shards > 1 && opt.writers != 1 && !opt.strict &&
        (opt.sharding.by.empty() || parse_shard_key(opt.sharding.by) == ShardKey::hash)) {
        ShardLayout layout;
        layout.count = opt.sharding.shards;
        return std::make_unique<ParallelBuild>(opt.db, layout,
                                               opt.commit_every ? opt.commit_every : 2000);
    }
    const unsigned writers = opt.writers ? opt.writers : (is_new && !sharded ? cores : 1);
    // A partial database commits often: its commits are not synced, and smaller batches keep
    // Xapian's in-memory posting maps small (100k articles: 500 per commit took 66 CPU seconds
    // and 112 MB, 2000 took 79 s and 170 MB). Committing as it goes, each commit is synced.
    if (writers > 1) {
        return std::make_unique<ParallelBuild>(opt.db, writers,
                                               opt.commit_every ? opt.commit_every : 500);
    }
    auto writer = std::make_unique<IndexWriter>(opt.db, opt.commit_every ? opt.commit_every : 2000,
                                                opt.sharding);
    if (opt.strict) writer->hold_commits();
    return writer;
}

// "1 record", "2 records".
std::string counted(size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

int run_index(const IndexOptions& opt) {
    const auto started = Clock::now();
    // Load the KB before touching the database: a bad --kb file must not leave half a run behind.
    auto kb = kb::KnowledgeBase::load(opt.kb_files);
    const extract::EntityExtractor extractor(kb);
    for (const auto& conflict : kb->conflicts()) print_error_line("warning: " + conflict);

    std::optional<readers::Format> forced;
    if (!opt.format.empty()) {
        forced = readers::parse_format(opt.format);
        if (!forced)
            throw UsageError("--format " + opt.format +
                             ": unknown format (formats: " + readers::format_names() + ")");
    }
    readers::ReaderOptions reader_options;
    for (const auto& rule : opt.maps) {
        const size_t eq = rule.find('=');
        if (eq == std::string::npos)
            throw UsageError("--map " + rule + ": expected FIELD=PATH, like title=meta.headline");
        reader_options.json_map.emplace_back(rule.substr(0, eq), rule.substr(eq + 1));
    }
    // A bad --map is rejected before any work is done.
    [[maybe_unused]] const readers::JsonFieldMap check_map(reader_options.json_map);

    InputList inputs = expand_inputs(opt.inputs);
    Totals totals;
    Progress progress(!opt.quiet);

    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned jobs = opt.jobs ? opt.jobs : cores;
    std::unique_ptr<ArticleWriter> writer_ptr = open_writer(opt, cores);
    ArticleWriter& writer = *writer_ptr;
    std::deque<std::future<BuiltChunk>> in_flight;

    // Builders outlive the chunks (each remembers the words it has reported, so a word is
    // stemmed and sent to the writer about once per builder): a task takes one from the pool
    // and gives it back. There are never more than jobs + 1 tasks at once.
    std::mutex pool_mutex;
    std::vector<std::unique_ptr<DocumentBuilder>> builder_pool;
    auto build = [&extractor, &pool_mutex, &builder_pool](Chunk chunk) {
        std::unique_ptr<DocumentBuilder> builder;
        {
            std::lock_guard lock(pool_mutex);
            if (!builder_pool.empty()) {
                builder = std::move(builder_pool.back());
                builder_pool.pop_back();
            }
        }
        if (!builder) builder = std::make_unique<DocumentBuilder>(extractor);
        BuiltChunk out;
        out.docs.reserve(chunk.size());
        for (auto& a : chunk) {
            out.docs.push_back(builder->build(a));
            if (out.docs.back().date_unrecognised) {
                out.warnings.push_back(a.origin + ": unrecognised date '" + a.published +
                                       "'; indexed without a published date");
            }
        }
        std::lock_guard lock(pool_mutex);
        builder_pool.push_back(std::move(builder));
        return out;
    };
    // The writer drains chunks in the order they were read, so a later record with the same id
    // always wins, whatever the thread timing.
    auto drain_one = [&]() {
        BuiltChunk done = in_flight.front().get();
        in_flight.pop_front();
        for (const auto& w : done.warnings) {
            progress.clear();
            print_error_line(w);
        }
        for (auto& doc : done.docs) {
            writer.write(doc);
            ++totals.indexed;
        }
        progress.update(totals);
    };
    auto submit = [&](Chunk&& chunk) {
        if (chunk.empty()) return;
        in_flight.push_back(std::async(std::launch::async, build, std::move(chunk)));
        while (in_flight.size() > jobs) drain_one();
    };

    // Every rejection goes through here: reported at once, counted, and under --strict it
    // stops the run.
    bool stopped = false;
    auto reject = [&](const RejectedRecord& r) {
        progress.clear();
        print_error_line(r.origin + ": " + r.reason);
        ++totals.rejected;
        if (opt.strict) stopped = true;
    };
    for (const auto& bad : inputs.unreadable) reject(bad);

    for (const auto& file : inputs.files) {
        if (stopped) break;
        std::unique_ptr<readers::InputSource> source;
        try {
            source = std::make_unique<readers::InputSource>(file);
        } catch (const readers::InputError& e) {
            reject({file == "-" ? "<stdin>" : file, std::string("cannot open: ") + e.what()});
            continue;
        }
        while (!stopped) {
            readers::ByteStream* member = nullptr;
            try {
                member = source->next();
            } catch (const readers::InputError& e) {
                reject({source->name(), std::string("damaged archive or compressed data: ") +
                                            e.what() + "; the rest of it is skipped"});
                break;
            }
            if (!member) break;
            Chunk chunk;
            try {
                std::optional<readers::Format> format = forced;
                if (!format) {
                    const auto detected =
                        readers::detect_format(member->peek(readers::kSniffBytes), member->name());
                    if (!detected.format) {
                        reject({member->name(),
                                "not a format attache reads (" + detected.why_not + "); skipped"});
                        continue;
                    }
                    format = detected.format;
                }
                ++totals.files;
                auto reader = readers::make_reader(*format, *member, reader_options);
                while (!stopped) {
                    auto record = reader->next();
                    if (std::holds_alternative<std::monostate>(record)) break;
                    ++totals.read;
                    if (auto* rejected = std::get_if<RejectedRecord>(&record)) {
                        reject(*rejected);
                        continue;
                    }
                    chunk.push_back(std::move(std::get<Article>(record)));
                    if (chunk.size() == kChunkSize) submit(std::exchange(chunk, Chunk{}));
                }
                totals.repaired += reader->repaired();
            } catch (const readers::InputError& e) {
                reject({member->name() + " (byte " + std::to_string(member->offset()) + ")",
                        std::string("read error: ") + e.what() + "; the rest of it is skipped"});
            }
            submit(std::move(chunk));
        }
    }
    while (!in_flight.empty()) drain_one();
    const auto holds = [&] {
        return "the database holds " + counted(writer.doccount(), "article");
    };
    if (stopped) {
        writer.cancel();
        progress.clear();
        std::error_code ec;
        print_error_line(
            "--strict: stopped at the first rejected record; nothing from this run was "
            "committed; " +
            (std::filesystem::exists(opt.db, ec) ? holds()
                                                 : "no database was created at '" + opt.db + "'"));
        return static_cast<int>(ExitCode::rejected_records);
    }
    writer.commit();
    totals.replaced = writer.replaced();
    progress.clear();

    const double secs = std::chrono::duration<double>(Clock::now() - started).count();
    std::ostringstream summary;
    summary << "read " << counted(totals.read, "record") << " from "
            << counted(totals.files, "file") << ": " << totals.indexed << " indexed ("
            << totals.indexed - totals.replaced << " new, " << totals.replaced << " replaced), "
            << totals.rejected << " rejected, " << std::fixed << std::setprecision(2) << secs
            << " s; " << holds();
    if (writer.shard_count() > 1) summary << " in " << writer.shard_count() << " shards";
    print_error_line(summary.str());
    if (totals.repaired) {
        print_error_line(std::to_string(totals.repaired) +
                         " invalid UTF-8 sequences were replaced with U+FFFD");
    }
    if (inputs.skipped_unknown) {
        const bool one = inputs.skipped_unknown == 1;
        print_error_line(counted(inputs.skipped_unknown, "file") + " in directories " +
                         (one ? "was" : "were") + " skipped: no reader for " +
                         (one ? "its" : "their") + " format");
    }
    return static_cast<int>(totals.rejected ? ExitCode::rejected_records : ExitCode::ok);
}

}  // namespace attache
