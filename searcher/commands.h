// The read-side commands: `search`, `show` and `stats`. Each takes its parsed options and
// returns the exit code; app/main.cpp wires them to the command line.
#pragma once

#include <string>
#include <vector>

#include "schema/database.h"

namespace attache {

enum class ColorMode { automatic, always, never };

struct SearchOptions {
    std::string db;
    std::vector<std::string> query_words;
    size_t limit = 10;
    size_t offset = 0;
    std::string sort = "relevance";
    std::vector<std::string> facets;
    std::string format = "text";
    std::vector<std::string> kb_files;
    bool exit_status = false;
    bool count_only = false;
    ColorMode color = ColorMode::automatic;
    std::string batch;   // --batch FILE|-
    std::string fields;  // --fields a,b,c
    std::string now;     // --now YYYY-MM-DD
    std::string since;   // --since DATE
    std::string run_tag = "attache";
    bool no_expand = false;
    schema::ReadOptions read;  // --timeout, --allow-partial
};
int run_search_command(const SearchOptions& options);

struct ShowOptions {
    std::string db;
    std::vector<std::string> ids;
    std::string format = "text";
    ColorMode color = ColorMode::automatic;
    schema::ReadOptions read;
};
int run_show_command(const ShowOptions& options);

struct StatsOptions {
    std::string db;
    std::string format = "text";
    std::vector<std::string> kb_files;
    size_t top = 5;
    schema::ReadOptions read;
};
int run_stats_command(const StatsOptions& options);

bool use_color(ColorMode mode);
// Names on stderr the shards of `missing` from index `reported` on, and counts them reported.
void warn_missing_shards(const std::vector<std::string>& missing, size_t& reported);

}  // namespace attache
