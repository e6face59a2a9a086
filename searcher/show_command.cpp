#include <iostream>
#include <optional>

#include "common/errors.h"
#include "schema/database.h"
#include "schema/fields.h"
#include "schema/stored_article.h"
#include "searcher/commands.h"
#include "searcher/formats/json_format.h"
#include "searcher/formats/text_format.h"

namespace attache {

int run_show_command(const ShowOptions& opt) {
    schema::ReadDatabase rdb(opt.db, opt.read);
    size_t reported = 0;  // missing shards already named on stderr (--allow-partial)
    int code = 0;
    bool first = true;
    for (const auto& id : opt.ids) {
        // Articles are addressed by their own id (the Q term), never by Xapian docid, which
        // changes across shards and compactions.
        std::optional<schema::StoredArticle> found;
        schema::with_reconnect(rdb, [&] {
            const Xapian::Database& db = rdb.db();
            Xapian::PostingIterator p = db.postlist_begin(schema::id_term(id));
            if (p == db.postlist_end(schema::id_term(id))) return;
            found = schema::decode_article(db.get_document(*p).get_data());
        });
        warn_missing_shards(rdb.missing_shards(), reported);
        if (!found) {
            print_error_line("no article with id '" + id + "'" +
                             (rdb.missing_shards().empty() ? "" : " in the shards that answered"));
            code = static_cast<int>(ExitCode::no_match);
            continue;
        }
        const schema::StoredArticle& article = *found;
        if (opt.format == "json") {
            std::cout << formats::dump_pretty(formats::article_to_json(article)) << "\n";
        } else if (opt.format == "jsonl") {
            std::cout << formats::dump_compact(formats::article_to_json(article)) << "\n";
        } else {
            if (!first) std::cout << "\n" << std::string(72, '-') << "\n";
            formats::write_article_text(std::cout, article,
                                        formats::TextStyle{use_color(opt.color)});
        }
        first = false;
    }
    return code;
}

}  // namespace attache
