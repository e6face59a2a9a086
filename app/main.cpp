// attache: registers the subcommands and maps every failure to one line on stderr and a
// documented exit code (docs/cli.md). Nothing else lives here.
#include <xapian.h>
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "indexer/compact_command.h"
#include "indexer/delete_command.h"
#include "indexer/extract_command.h"
#include "indexer/index_command.h"
#include "indexer/upgrade_command.h"
#include "schema/database.h"
#include "searcher/commands.h"
#include "server/serve_command.h"

namespace {

using attache::ColorMode;
using attache::ExitCode;

const std::map<std::string, ColorMode> kColorModes = {
    {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};

// Sets `db` to its default before registering the option.
void add_db_option(CLI::App* cmd, std::string& db) {
    db = attache::schema::default_database_path();
    cmd->add_option("--db", db,
                    "database directory, or stub file listing shards (default: $ATTACHE_DB, else "
                    "./attache.db)");
}

void add_kb_option(CLI::App* cmd, std::vector<std::string>& kb_files) {
    cmd->add_option("--kb", kb_files, "extra knowledge base file (JSON Lines); repeatable")
        ->allow_extra_args(false);
}

void add_color_option(CLI::App* cmd, ColorMode& color) {
    cmd->add_option("--color", color, "auto, always or never")
        ->transform(CLI::CheckedTransformer(kColorModes, CLI::ignore_case));
}

// Options of every command that reads a database that may be sharded (docs/sharding.md).
void add_shard_read_options(CLI::App* cmd, attache::schema::ReadOptions& read) {
    cmd->add_option("--timeout", read.timeout_seconds,
                    "seconds to wait for a remote shard before giving up on it (default 10; "
                    "0 waits forever)")
        ->check(CLI::Range(0.0, 86400.0));
    cmd->add_flag("--allow-partial", read.allow_partial,
                  "when shards are down, answer from the others and say which are missing");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"attache: full-text search over diplomatic news, with entity and date facets"};
    app.set_version_flag("--version", std::string("attache ") + ATTACHE_VERSION + " (Xapian " +
                                          Xapian::version_string() + ")");
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 ok, 1 no match, 2 usage or query error, 3 records rejected, 4 database "
        "error, 5 internal error (a bug: please report).\n"
        "Docs: docs/cli.md, docs/query-language.md, docs/output.md");

    attache::IndexOptions index;
    auto* index_cmd = app.add_subcommand(
        "index", "index news dumps (JSON, RSS, Atom, NITF, NewsML, HTML, text) into the database");
    add_db_option(index_cmd, index.db);
    add_kb_option(index_cmd, index.kb_files);
    index_cmd->add_option("--jobs,-j", index.jobs,
                          "threads that extract and build documents (default: cores)");
    index_cmd
        ->add_option("--commit-every", index.commit_every,
                     "documents per commit (default 2000; 500 per partial database)")
        ->check(CLI::PositiveNumber);
    index_cmd
        ->add_option("--writers", index.writers,
                     "threads writing a new database as partial databases merged at the end "
                     "(default: cores for a new database, one per shard for a new one sharded "
                     "by hash, else 1; 1 commits as it goes)")
        ->check(CLI::Range(1u, 64u));
    index_cmd->add_flag("--quiet,-q", index.quiet, "no progress line");
    index_cmd->add_option("--format", index.format,
                          "read every input as this format (default: detect per file): jsonl, "
                          "json, rss, atom, nitf, newsml, html, text");
    index_cmd->add_flag("--strict", index.strict,
                        "stop at the first rejected record and commit nothing from this run");
    index_cmd
        ->add_option("--map", index.maps,
                     "JSON inputs: take FIELD from PATH (dotted), e.g. title=meta.headline; "
                     "repeatable")
        ->allow_extra_args(false);
    index_cmd
        ->add_option("--shards", index.sharding.shards,
                     "create a sharded database: N shard databases and a stub file at --db")
        ->check(CLI::Range(1u, 1024u));
    index_cmd
        ->add_option("--shard-by", index.sharding.by,
                     "what picks an article's shard: hash (of its id, default), month or year")
        ->check(CLI::IsMember({"hash", "month", "year"}));
    index_cmd->add_option("PATH", index.inputs, "files, directories (recursive) or - for stdin")
        ->required();

    attache::SearchOptions search;
    auto* search_cmd = app.add_subcommand("search", "search articles with words, fields and dates");
    add_db_option(search_cmd, search.db);
    search_cmd->add_option("--limit,-n", search.limit, "hits to show (default 10)");
    search_cmd->add_option("--offset", search.offset, "hits to skip (default 0)");
    search_cmd->add_option("--sort", search.sort, "relevance, newest or oldest")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
    search_cmd
        ->add_option("--facet,-f", search.facets,
                     "count values of FIELD[:N] over all matches; repeatable")
        ->allow_extra_args(false);
    search_cmd->add_option("--format", search.format, "text, json, jsonl, tsv, csv, trec or ids")
        ->check(CLI::IsMember({"text", "json", "jsonl", "tsv", "csv", "trec", "ids"}));
    search_cmd->add_option(
        "--batch", search.batch,
        "run one query per line of FILE (- for stdin), optionally qid<TAB>query");
    search_cmd->add_option(
        "--fields", search.fields,
        "stored fields each hit carries, comma-separated (json, jsonl, tsv, csv)");
    search_cmd->add_option(
        "--now", search.now,
        "the date relative ranges count from (default $ATTACHE_NOW, else today)");
    search_cmd->add_option("--since", search.since,
                           "only articles published on or after DATE (YYYY[-MM[-DD]] or relative)");
    search_cmd->add_option("--run-tag", search.run_tag,
                           "the tag column of --format trec (default attache)");
    search_cmd->add_flag(
        "--no-expand", search.no_expand,
        "do not let entity names in free text also match their entity (DPRK -> North Korea)");
    add_kb_option(search_cmd, search.kb_files);
    search_cmd->add_flag("--count", search.count_only,
                         "print only the number of matching articles");
    search_cmd->add_flag("--exit-status", search.exit_status, "exit with 1 when nothing matches");
    add_color_option(search_cmd, search.color);
    add_shard_read_options(search_cmd, search.read);
    search_cmd->add_option("QUERY", search.query_words,
                           "the query (docs/query-language.md); empty matches all");

    attache::ShowOptions show;
    auto* show_cmd = app.add_subcommand("show", "print stored articles with their entities");
    add_db_option(show_cmd, show.db);
    show_cmd->add_option("--format", show.format, "text, json or jsonl")
        ->check(CLI::IsMember({"text", "json", "jsonl"}));
    add_color_option(show_cmd, show.color);
    add_shard_read_options(show_cmd, show.read);
    show_cmd->add_option("ID", show.ids, "article ids")->required();

    attache::StatsOptions stats;
    auto* stats_cmd =
        app.add_subcommand("stats", "print article count, date range and top facet values");
    add_db_option(stats_cmd, stats.db);
    stats_cmd->add_option("--format", stats.format, "text or json")
        ->check(CLI::IsMember({"text", "json"}));
    stats_cmd->add_option("--top", stats.top, "values per facet (default 5)");
    add_kb_option(stats_cmd, stats.kb_files);
    add_shard_read_options(stats_cmd, stats.read);

    attache::DeleteOptions del;
    auto* delete_cmd = app.add_subcommand("delete", "delete articles by id");
    add_db_option(delete_cmd, del.db);
    delete_cmd->add_option("ID", del.ids, "article ids")->required();

    attache::CompactOptions compact;
    auto* compact_cmd = app.add_subcommand(
        "compact", "compact a database, or merge a sharded one into one database");
    add_db_option(compact_cmd, compact.db);
    compact_cmd->add_option("--output,-o", compact.output,
                            "write the compacted (or merged) database here; default: in place");

    attache::UpgradeOptions upgrade;
    auto* upgrade_cmd = app.add_subcommand(
        "upgrade", "bring a database of the previous schema up to this one, in place");
    add_db_option(upgrade_cmd, upgrade.db);

    attache::ExtractOptions extract;
    auto* extract_cmd = app.add_subcommand(
        "extract", "show the entities and dates the indexer would extract (no database)");
    extract_cmd->add_option("--format", extract.format, "text or json (one object per article)")
        ->check(CLI::IsMember({"text", "json"}));
    extract_cmd->add_option("--date", extract.date, "published date of a plain text input");
    extract_cmd->add_option("--title", extract.title, "title of a plain text input");
    add_kb_option(extract_cmd, extract.kb_files);
    extract_cmd->add_option("FILE", extract.input,
                            "plain text or JSON Lines articles; - for stdin (default)");

    attache::ServeOptions serve;
    auto* serve_cmd = app.add_subcommand(
        "serve", "serve the JSON API and the search page over HTTP (docs/serve.md)");
    add_db_option(serve_cmd, serve.db);
    serve_cmd->add_option("--listen", serve.listen,
                          "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any free port)");
    serve_cmd
        ->add_option("--threads", serve.threads,
                     "worker threads (default: 4 per core, at least 16)")
        ->check(CLI::Range(1, 256));
    serve_cmd->add_option("--cors-origin", serve.cors_origin,
                          "let pages from this origin call the API (default: none)");
    add_kb_option(serve_cmd, serve.kb_files);
    add_shard_read_options(serve_cmd, serve.read);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --help-all, --version
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11's own codes (100+) are not ours: every usage problem is exit code 2.
        attache::print_error_line(e.what());
        std::cerr << "Run 'attache --help' or 'attache COMMAND --help' for usage.\n";
        return static_cast<int>(ExitCode::usage);
    }

    try {
        if (*index_cmd) return attache::run_index(index);
        if (*search_cmd) return attache::run_search_command(search);
        if (*show_cmd) return attache::run_show_command(show);
        if (*stats_cmd) return attache::run_stats_command(stats);
        if (*delete_cmd) return attache::run_delete(del);
        if (*compact_cmd) return attache::run_compact(compact);
        if (*upgrade_cmd) return attache::run_upgrade(upgrade);
        if (*extract_cmd) return attache::run_extract(extract);
        if (*serve_cmd) return attache::run_serve(serve);
    } catch (...) {
        const attache::Failure failure = attache::describe_failure(std::current_exception());
        attache::print_error_line(failure.message);
        return static_cast<int>(failure.code);
    }
    return static_cast<int>(ExitCode::usage);
}
