// Wildcards over stemmed text. Text is indexed as stems only (Z terms, docs/schema.md), so
// Xapian's own wildcard, which matches the start of indexed terms, would miss forms whose stem
// is shorter than the typed start ("negotiat*": the stem of "negotiations" is "negoti"). The
// indexer keeps the vocabulary instead (every word written, with its stem, as metadata under
// schema::kWordMetadataPrefix); a wildcard is expanded over those words, and matches the stems
// of every word that starts with it, as one synonym (scored like one word, as Xapian does).
//
// QueryParser cannot be given a custom expansion for a bare word, so `word*` and `title:word*`
// outside quotes are rewritten to internal fields (route_wildcards) that a FieldProcessor
// expands.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "searcher/query_scan.h"

namespace attache {

// More distinct stems than this from one wildcard is an error (the query would be slow and
// its scores meaningless).
inline constexpr size_t kMaxWildcardStems = 5000;

// "sanc* title:summ*" -> "attachewild:sanc attachewildtitle:summ". Words in quotes and
// anything that is not a trailing-* word are left alone. Returns the edits of the scanned query.
std::vector<QueryEdit> route_wildcards(const QueryScan& query);

// Registers the internal fields on `qp`. Expansion errors (too many words) are reported through
// `error`, as the other field processors do (see searcher/query_parser.cpp).
void add_wildcard_fields(Xapian::QueryParser& qp, const Xapian::Database& db,
                         std::optional<std::string>& error);

// The stems of the vocabulary's words that start with `start` (lower-cased), at most
// kMaxWildcardStems + 1 of them, in order.
std::vector<std::string> wildcard_stems(const Xapian::Database& db, const std::string& start);

}  // namespace attache
