#include "indexer/compact_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "common/errors.h"
#include "indexer/merging_compactor.h"
#include "schema/database.h"
#include "schema/fields.h"
#include "schema/stub_file.h"

namespace attache {

namespace fs = std::filesystem;

namespace {

uintmax_t disk_size(const std::string& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
    uintmax_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    }
    return total;
}

std::string megabytes(uintmax_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

// Compacts `source` (one database or several combined) into `output`, which must not exist,
// and checks the article count. Returns the count.
Xapian::doccount compact_into(const Xapian::Database& source, const std::string& output,
                              const std::string& what) {
    std::error_code ec;
    if (fs::exists(output, ec))
        throw UsageError("--output " + output + ": already exists; give a new path");
    const Xapian::doccount expected = source.get_doccount();
    try {
        MergingCompactor compactor;
        Xapian::Database(source).compact(output, Xapian::DBCOMPACT_MULTIPASS, 0, compactor);
        Xapian::WritableDatabase out(output, Xapian::DB_OPEN);
        // A merged database is no longer a shard.
        out.set_metadata(std::string(schema::kShardingMetadataKey), "");
        out.set_metadata(std::string(schema::kShardNumberMetadataKey), "");
        out.commit();
        if (out.get_doccount() != expected) {
            throw DatabaseError("compacting " + what + " gave " +
                                std::to_string(out.get_doccount()) + " articles instead of " +
                                std::to_string(expected) + "; '" + output + "' is left for study");
        }
    } catch (const Xapian::Error& e) {
        fs::remove_all(output, ec);
        throw DatabaseError("compacting " + what + " failed: " + e.get_description());
    }
    return expected;
}

// Compacts a database directory in place: into a sibling, then swapped in by renames.
void compact_in_place(const std::string& path) {
    const std::string fresh = path + ".compacting", old = path + ".old";
    std::error_code ec;
    fs::remove_all(fresh, ec);
    const Xapian::Database source = schema::open_for_reading(path);
    compact_into(source, fresh, "'" + path + "'");
    // Only the shard keys are wanted back in a shard compacted in place.
    {
        Xapian::WritableDatabase out(fresh, Xapian::DB_OPEN);
        for (auto key : {schema::kShardingMetadataKey, schema::kShardNumberMetadataKey}) {
            out.set_metadata(std::string(key), source.get_metadata(std::string(key)));
        }
        out.commit();
    }
    fs::remove_all(old, ec);
    fs::rename(path, old, ec);
    if (!ec) fs::rename(fresh, path, ec);
    if (ec)
        throw DatabaseError("cannot replace '" + path +
                            "' with its compacted copy: " + ec.message());
    fs::remove_all(old, ec);
}

}  // namespace

int run_compact(const CompactOptions& opt) {
    std::error_code ec;
    if (!fs::exists(opt.db, ec)) throw DatabaseError("no database at '" + opt.db + "'");
    const uintmax_t before =
        disk_size(opt.db) + (schema::is_stub_file(opt.db) ? disk_size(opt.db + ".shards") : 0);
    if (!schema::is_stub_file(opt.db)) {
        if (opt.output.empty()) {
            compact_in_place(opt.db);
            print_error_line("compacted '" + opt.db + "' in place: " + megabytes(before) + " -> " +
                             megabytes(disk_size(opt.db)));
        } else {
            const auto n =
                compact_into(schema::open_for_reading(opt.db), opt.output, "'" + opt.db + "'");
            print_error_line("compacted '" + opt.db + "' into '" + opt.output +
                             "': " + std::to_string(n) + " articles, " + megabytes(before) +
                             " -> " + megabytes(disk_size(opt.output)));
        }
        return 0;
    }
    const auto specs = schema::read_stub_file(opt.db);
    for (const auto& s : specs) {
        if (s.remote) {
            throw DatabaseError(opt.db + ":" + std::to_string(s.line) + ": shard " + s.name() +
                                " is remote: compact it on its host (attache compact --db DIR)");
        }
    }
    if (opt.output.empty()) {
        uintmax_t after = 0;
        for (const auto& s : specs) {
            compact_in_place(s.path);
            after += disk_size(s.path);
        }
        print_error_line("compacted " + std::to_string(specs.size()) + " shards of '" + opt.db +
                         "' in place: " + megabytes(before) + " -> " + megabytes(after));
        return 0;
    }
    // Merging: every shard's documents, renumbered one shard after the other. Articles are
    // addressed by id, and ties in score are ordered by the indexing sequence, so searches give
    // the same answers as over the shards.
    const schema::ReadDatabase source(opt.db);
    const auto n = compact_into(source.db(), opt.output, "the shards of '" + opt.db + "'");
    print_error_line("merged " + std::to_string(specs.size()) + " shards of '" + opt.db +
                     "' into '" + opt.output + "': " + std::to_string(n) + " articles, " +
                     megabytes(before) + " -> " + megabytes(disk_size(opt.output)));
    return 0;
}

}  // namespace attache
