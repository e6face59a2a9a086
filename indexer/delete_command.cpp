#include "indexer/delete_command.h"

#include <filesystem>
#include <iostream>

#include "common/errors.h"
#include "schema/database.h"
#include "schema/fields.h"

namespace attache {

int run_delete(const DeleteOptions& opt) {
    std::error_code ec;
    if (!std::filesystem::exists(opt.db, ec)) {
        // Deleting from a database that does not exist must not create one.
        throw DatabaseError("no database at '" + opt.db + "'");
    }
    Xapian::WritableDatabase db = schema::open_for_writing(opt.db);
    size_t deleted = 0, missing = 0;
    try {
        for (const auto& id : opt.ids) {
            const std::string term = schema::id_term(id);
            if (!db.term_exists(term)) {
                std::cerr << format_error_line("no article with id '" + id + "'") << "\n";
                ++missing;
                continue;
            }
            db.delete_document(term);
            ++deleted;
        }
        db.commit();
    } catch (const Xapian::Error& e) {
        throw DatabaseError("deleting from '" + opt.db + "' failed: " + e.get_description());
    }
    std::cerr << "attache: deleted " << deleted << (deleted == 1 ? " article" : " articles")
              << "; the database holds " << db.get_doccount() << "\n";
    return static_cast<int>(missing ? ExitCode::no_match : ExitCode::ok);
}

}  // namespace attache
