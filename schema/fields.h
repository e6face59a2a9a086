// The contract between the indexer and the searcher: every query field, term prefix, value
// slot and facet, in one table (kFields, fields.cpp) whose rows say everything about a field:
// how its values are filed, which KB kind they resolve through, where their labels live, and
// whether stats and suggestions show it. The document builder, the query parser, the facet
// counter, stats and the server read the rows, so adding a facet means adding one row plus its
// extraction (indexer/field_values.cpp); tests/unit/schema_roundtrip_test.cpp walks the table.
#pragma once

#include <xapian.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace attache::schema {

// Bump when a change to this table or to the stored data makes old databases unreadable.
// Schema 3: every document carries the packed facet value (kSlotPackedFacets); a schema 2
// database is brought up to it by `attache upgrade` (schema/upgrade.h).
inline constexpr std::string_view kSchemaVersion = "3";
inline constexpr std::string_view kUpgradableSchemaVersion = "2";
inline constexpr std::string_view kSchemaMetadataKey = "attache.schema";
// Display names of entities that are not in the knowledge base (e.g. people found by title).
inline constexpr std::string_view kLabelMetadataPrefix = "attache.label.";

inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kTitlePrefix = "S";
// Xapian's limit on a term is 245 bytes; longer ids are hashed for the Q term (the stored id
// keeps the original).
inline constexpr size_t kMaxIdTermBytes = 240;

// Value slots that are not facets of an entity kind.
inline constexpr Xapian::valueno kSlotPublished = 0;  // "YYYYMMDD", sortable, for date ranges
inline constexpr Xapian::valueno kSlotOverflow = 6;   // kinds whose entities overflowed their slots
// The order articles were (re)indexed in, 12 digits, sortable: --since ID finds what came later.
inline constexpr Xapian::valueno kSlotSequence = 7;
inline constexpr std::string_view kSequenceMetadataKey = "attache.sequence";
// The vocabulary: one metadata key per distinct word of the indexed text, "attache.word:WORD",
// whose value is the word's stem. Text is indexed as stems only (Z terms, see docs/schema.md),
// so wildcards and spelling suggestions find the words that were written here.
inline constexpr std::string_view kWordMetadataPrefix = "attache.word:";
// Every facet slot of the article (and slot 6) packed into one value (schema/packed_facets.h),
// so that a local facet count reads one value per article instead of one per slot.
inline constexpr Xapian::valueno kSlotPackedFacets = 8;

enum class FieldKind {
    text,       // words with positions, searched with a term prefix (title:)
    entity,     // canonical entity ids, resolved through the knowledge base
    keyword,    // a single normalised keyword per article (source:, lang:)
    date_part,  // year/month/day of the published date
    date,       // the published date as a range (date:)
    mentioned,  // dates mentioned in the text, as day/month/year terms (mentioned:)
    id,         // the article id (id:)
};

// How a value of the field becomes its boolean term and its facet slot value (encode()).
enum class ValueForm {
    none,            // no value terms of its own (title: words, date: a range, id: the Q term)
    id,              // entity ids: the term lower-cased, the value as given (XCkr, "KR")
    lowercase,       // term and value lower-cased (lang)
    slug,            // term and value slugified; the written form is the value's label (source)
    iso_date,        // an ISO period as value, its digits after the prefix (Y2024, M202410)
    mentioned_date,  // the same, prefixed by granularity: XMY2024, XMM202410, XMD20241031
};

// What `attache stats` (and GET /api/stats) lists of a facet.
enum class StatsListing { none, top_values, all_values };

struct FieldSpec {
    std::string_view name = {};  // query field name and facet name
    FieldKind kind = FieldKind::text;
    std::string_view prefix = {};    // term prefix ("" when the field has no terms)
    Xapian::valueno first_slot = 0;  // first facet value slot
    unsigned slot_count = 0;         // slots for a multi-valued facet: one per salience rank
    bool facet = false;              // can be counted with --facet
    bool chronological = false;      // facet values are dates: listed in order of time, unlabelled
    ValueForm form = ValueForm::none;
    // The knowledge-base kind its values are entities of (kb::parse_kind), "" for none; and
    // the entity type it is narrowed to ("summit": events of that type), "" for every type.
    std::string_view kb_kind = {};
    std::string_view kb_type = {};
    // The namespace its values' display names are stored under (label_key); "" for its name.
    // minister shares the person labels, summit the event labels.
    std::string_view label_namespace = {};
    bool stored_entity = false;  // an entity kind stored with the article (stored_article.h)
    StatsListing stats = StatsListing::none;
    bool suggested = false;  // GET /api/suggest completes its values
};

std::span<const FieldSpec> fields();
const FieldSpec* find_field(std::string_view name);
const FieldSpec& field(std::string_view name);  // throws std::logic_error if absent

// The boolean term for a field value: prefix + lowercased value.
std::string term(const FieldSpec& field, std::string_view value);

// A value as the index files it: the boolean term, the slot value, and for a slug the written
// form as its label ("" otherwise).
struct EncodedValue {
    std::string term;
    std::string value;
    std::string label;
};
// Encodes `raw` the way the field's form says; the query parser encodes a filter's value the
// same way, so a filter finds what the indexer filed.
EncodedValue encode(const FieldSpec& field, std::string_view raw);

// Dates mentioned in the text are terms of three granularities: a day mention is also filed
// under its month and year, a month mention under its year, so mentioned:2024-10 finds
// "Oct. 31, 2024" and "last month" alike.
inline constexpr std::string_view kMentionedDayPrefix = "XMD";    // XMD20241031
inline constexpr std::string_view kMentionedMonthPrefix = "XMM";  // XMM202410
inline constexpr std::string_view kMentionedYearPrefix = "XMY";   // XMY2024
// The term of a mentioned date or period ("2024", "2024-10", "2024-10-31").
std::string mentioned_term(std::string_view iso);

// The Q term that identifies an article.
std::string id_term(std::string_view id);

// The metadata key holding the display name of a facet value:
// "attache.label.person.antony-blinken", under the field's label namespace.
std::string label_key(const FieldSpec& field, std::string_view id);

}  // namespace attache::schema
