#include <unistd.h>

#include <fstream>
#include <iostream>

#include "common/errors.h"
#include "schema/database.h"
#include "searcher/batch.h"
#include "searcher/commands.h"
#include "searcher/formats/hit_fields.h"
#include "searcher/formats/json_format.h"
#include "searcher/formats/table_format.h"
#include "searcher/formats/text_format.h"
#include "searcher/formats/trec_format.h"
#include "searcher/relative_dates.h"
#include "searcher/search.h"

namespace attache {

bool use_color(ColorMode mode) {
    if (mode == ColorMode::always) return true;
    if (mode == ColorMode::never) return false;
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// Text and JSON say in the output which shards a result left out; the other formats have
// nowhere to, so stderr always does, naming each shard once.
void warn_missing_shards(const std::vector<std::string>& missing, size_t& reported) {
    for (; reported < missing.size(); ++reported)
        print_error_line("warning: partial results: shard " + missing[reported]);
}

namespace {

// Prints one search's result in the chosen format. `qid` is set in batch runs.
class ResultPrinter {
  public:
    explicit ResultPrinter(const SearchOptions& opt) : opt_(opt) {
        const bool table = opt.format == "tsv" || opt.format == "csv";
        fields_ = !opt.fields.empty()
                      ? formats::parse_hit_fields(opt.fields)
                      : (table ? formats::default_table_fields() : formats::default_hit_fields());
    }

    void print(const SearchResult& r, const std::string* qid) {
        const std::string& f = opt_.format;
        if (opt_.count_only && (f == "text" || f == "ids")) {
            if (qid) std::cout << *qid << '\t';
            std::cout << r.total << "\n";
        } else if (f == "json") {
            std::cout << formats::dump_pretty(formats::search_to_json(r, fields_, qid)) << "\n";
        } else if (f == "jsonl") {
            std::cout << formats::dump_compact(formats::search_to_json(r, fields_, qid)) << "\n";
        } else if (f == "ids") {
            for (const auto& h : r.hits)
                std::cout << (qid ? *qid + "\t" : "") << h.article.id << "\n";
        } else if (f == "trec") {
            formats::write_trec(std::cout, r, qid ? *qid : "1", opt_.run_tag);
        } else if (f == "tsv" || f == "csv") {
            const auto kind = f == "csv" ? formats::TableKind::csv : formats::TableKind::tsv;
            if (!header_written_)
                formats::write_table_header(std::cout, kind, fields_, qid != nullptr);
            header_written_ = true;
            formats::write_table_rows(std::cout, kind, r, fields_, qid);
        } else {
            if (qid) std::cout << (first_ ? "" : "\n") << "## " << *qid << ": " << r.query << "\n";
            formats::write_search_text(std::cout, r, formats::TextStyle{use_color(opt_.color)});
        }
        first_ = false;
    }

  private:
    const SearchOptions& opt_;
    std::vector<std::string> fields_;
    bool header_written_ = false;
    bool first_ = true;
};

SearchRequest base_request(const SearchOptions& opt) {
    SearchRequest req;
    req.limit = opt.count_only ? 0 : opt.limit;
    req.offset = opt.offset;
    if (opt.sort == "newest") {
        req.sort = SortOrder::newest;
    } else if (opt.sort == "oldest") {
        req.sort = SortOrder::oldest;
    }
    for (const auto& f : opt.facets) req.facets.push_back(parse_facet_request(f));
    req.now = resolve_now(opt.now);
    req.expand_entities = !opt.no_expand;
    // Snippets are the most expensive part of a hit: make them only for output that shows them.
    const bool table = opt.format == "tsv" || opt.format == "csv";
    const bool wants_snippet = opt.fields.empty()
                                   ? !(table || opt.format == "trec" || opt.format == "ids")
                                   : opt.fields.find("snippet") != std::string::npos;
    if (!wants_snippet) req.snippet_bytes = 0;
    if (opt.format == "trec" || opt.format == "ids") {
        req.ids_only = true;
    } else if (opt.format != "text" && (table || !opt.fields.empty())) {
        // Output that prints only some stored text fields decodes only those; entities and
        // snippets need the whole article.
        const auto fields = opt.fields.empty() ? formats::default_table_fields()
                                               : formats::parse_hit_fields(opt.fields);
        std::vector<std::string> stored = {"id"};
        bool whole = false;
        for (const auto& f : fields) {
            if (f == "snippet" || f == "entities") whole = true;
            if (f != "rank" && f != "score" && f != "id") stored.push_back(f);
        }
        if (!whole && stored.size() == 1) req.ids_only = true;
        if (!whole && stored.size() > 1) req.stored_fields = std::move(stored);
    }
    // --since is "published on or after": the same filter as date:SINCE.. on every query.
    req.since = opt.since;
    return req;
}

int run_batch(const SearchOptions& opt, const SearchRequest& base, schema::ReadDatabase& db,
              const LazyKb& kb) {
    // Many queries on one database: facet values are worth holding in memory.
    FacetColumnCache columns;
    std::ifstream file;
    std::istream* in = &std::cin;
    const std::string name = opt.batch == "-" ? "<stdin>" : opt.batch;
    if (opt.batch != "-") {
        file.open(opt.batch);
        if (!file) throw UsageError("--batch " + opt.batch + ": cannot open for reading");
        in = &file;
    }
    ResultPrinter printer(opt);
    BatchReader reader(*in);
    BatchQuery q;
    size_t failed = 0, matched = 0, reported = 0;
    while (reader.next(q)) {
        SearchRequest req = base;
        req.query = q.query;
        req.columns = &columns;
        try {
            const SearchResult r = run_search(db, kb, req);
            if (r.total) ++matched;
            warn_missing_shards(r.missing_shards, reported);
            printer.print(r, &q.qid);
            // One result at a time, so that a reader of a pipe sees each as it is done.
            std::cout.flush();
        } catch (const QueryError& e) {
            // A bad query is reported with its line; the run goes on.
            std::cout.flush();
            print_error_line(name + ":" + std::to_string(q.line) + ": " + e.what());
            ++failed;
        }
    }
    std::cout.flush();
    if (failed) return static_cast<int>(ExitCode::usage);
    if (opt.exit_status && matched == 0) return static_cast<int>(ExitCode::no_match);
    return 0;
}

}  // namespace

int run_search_command(const SearchOptions& opt) {
    if (!opt.batch.empty() && !opt.query_words.empty()) {
        throw UsageError("give either a QUERY or --batch, not both");
    }
    if (opt.limit > 100000) throw UsageError("--limit must be between 0 and 100000");
    SearchRequest req = base_request(opt);
    req.local_database = is_local_database(opt.db);
    ResultPrinter printer(opt);  // validates --fields before the database is opened

    schema::ReadDatabase db(opt.db, opt.read);
    const LazyKb kb(opt.kb_files);
    if (!opt.kb_files.empty()) kb.get();  // a bad --kb file is an error even if no field needs it
    if (!opt.batch.empty()) return run_batch(opt, req, db, kb);

    for (const auto& w : opt.query_words) {
        if (!req.query.empty()) req.query += ' ';
        req.query += w;
    }
    const SearchResult result = run_search(db, kb, req);
    size_t reported = 0;
    warn_missing_shards(result.missing_shards, reported);
    printer.print(result, nullptr);
    std::cout.flush();
    if (opt.exit_status && result.total == 0) return static_cast<int>(ExitCode::no_match);
    return 0;
}

}  // namespace attache
