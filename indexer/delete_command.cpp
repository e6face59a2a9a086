#include "indexer/delete_command.h"

#include <filesystem>

#include "common/errors.h"
#include "schema/database.h"
#include "schema/fields.h"
#include "schema/stub_file.h"

namespace attache {

int run_delete(const DeleteOptions& opt) {
    std::error_code ec;
    if (!std::filesystem::exists(opt.db, ec)) {
        // Deleting from a database that does not exist must not create one.
        throw DatabaseError("no database at '" + opt.db + "'");
    }
    // A sharded database: the article is in whichever shard holds its id term, so every local
    // shard is asked (cheap: one term lookup each).
    std::vector<Xapian::WritableDatabase> shards;
    if (schema::is_stub_file(opt.db)) {
        shards = schema::open_shards_for_writing(opt.db);
    } else {
        shards.push_back(schema::open_for_writing(opt.db));
    }
    size_t deleted = 0, missing = 0;
    Xapian::doccount left = 0;
    try {
        for (const auto& id : opt.ids) {
            const std::string term = schema::id_term(id);
            bool found = false;
            for (auto& db : shards) {
                if (!db.term_exists(term)) continue;
                db.delete_document(term);
                found = true;
            }
            if (!found) {
                print_error_line("no article with id '" + id + "'");
                ++missing;
                continue;
            }
            ++deleted;
        }
        for (auto& db : shards) {
            db.commit();
            left += db.get_doccount();
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError("deleting from '" + opt.db + "' failed: " + e.get_description());
    }
    print_error_line("deleted " + std::to_string(deleted) +
                     (deleted == 1 ? " article" : " articles") + "; the database holds " +
                     std::to_string(left));
    return static_cast<int>(missing ? ExitCode::no_match : ExitCode::ok);
}

}  // namespace attache
