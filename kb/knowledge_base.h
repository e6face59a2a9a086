// The knowledge base: who is who. Countries (Debian's ISO 3166-1 data plus
// kb/data/countries.jsonl), people and their offices over time, organizations, events (summit
// series and their instances, meeting formats, one-off summits) and places. The indexer reads it to
// extract entities; the searcher reads it to resolve `person:blinken` to an id and to label facets.
// Format and rules: docs/knowledge-base.md.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/errors.h"

namespace attache::kb {

struct EmbeddedFile {
    const char* name;
    const char* content;
};
extern const char* const kIso3166Json;
extern const EmbeddedFile kEmbeddedKbFiles[];
extern const size_t kEmbeddedKbFileCount;

enum class EntityKind { person, country, org, event, place, role };
const char* kind_name(EntityKind kind);
std::optional<EntityKind> parse_kind(std::string_view name);

struct Office {
    std::string role;     // "Secretary of State"
    std::string role_id;  // "secretary-of-state"
    std::string country;  // ISO alpha-2 or an org id for international posts
    std::string from;     // "YYYYMMDD"
    std::string to;       // "YYYYMMDD"; "99991231" while in office
    bool ministerial = false;
    bool held_on(std::string_view yyyymmdd) const { return from <= yyyymmdd && yyyymmdd <= to; }
};

// The offices that run a country, by the KB's role names ("Secretary of State" for the US
// foreign minister). An empty role means the country has no such office (Iceland has no defence
// minister). `leader` is the office news calls the country's leader (President in Korea, Prime
// Minister in Japan); a counterpart of a leader is the other country's leader. `joint` lists
// roles held by two or more people at once (San Marino's Captains Regent), which `kb check` does
// not report as overlaps.
struct Government {
    bool declared = false;
    std::string head_of_state, head_of_government, foreign, defence, leader;
    std::vector<std::string> joint;
};

struct Entity {
    EntityKind kind{};
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    std::vector<std::string> demonyms;  // country
    std::vector<std::string> codes;     // country: ISO alpha-2/alpha-3 (queries only, not text)
    std::string capital;                // country
    Government government;              // country
    std::string surname;                // person: the form used for short mentions
    std::vector<Office> offices;        // person
    std::string type;                   // event: summit, meeting, conference, session
    std::string series;                 // event instance: its series id
    std::string from, to;               // event instance: "YYYYMMDD"
    std::string place;                  // event instance
    std::string country;                // event instance, place, org (national bodies)
    std::string org;                    // event series: the organization that holds it
    std::vector<size_t> instances;      // event series: indices of its instances
    std::string origin;                 // "file:line" it came from
};

// How a surface form names its entity; the extractor trusts them in this order.
enum class AliasKind { name, alias, demonym, surname, capital };
const char* alias_kind_name(AliasKind how);

// Whether a role is a ministerial office (foreign or defence minister, US secretaries, UK
// secretaries of state), for minister:. Prime ministers are heads of government, not ministers.
bool is_ministerial_role(const std::string& role);

struct Alias {
    std::string text;
    size_t entity;
    AliasKind how;
};

// A KB file was malformed; the message is "file:line: reason".
struct KbError : AttacheError {
    explicit KbError(const std::string& message) : AttacheError(ExitCode::usage, message) {}
};

class KnowledgeBase {
  public:
    // The built-in KB plus the user's files (--kb). Throws KbError; never returns half a KB.
    static std::shared_ptr<const KnowledgeBase> load(const std::vector<std::string>& extra_files);

    const std::vector<Entity>& entities() const { return entities_; }
    const std::vector<Alias>& aliases() const { return aliases_; }
    const Entity* find(EntityKind kind, std::string_view id) const;

    // Entities whose id, name or alias (or surname, demonym, ISO alpha-3 code) matches `text`
    // case- and diacritic-insensitively. For queries.
    std::vector<const Entity*> resolve(EntityKind kind, std::string_view text) const;
    // Up to `max` display names close to `text`, for "did you mean".
    std::vector<std::string> suggest(EntityKind kind, std::string_view text, size_t max) const;

    // The key under which query text is looked up: folded, lowercased, punctuation collapsed.
    static std::string lookup_key(std::string_view text);

    // Parse one JSON Lines KB file into this KB (used by load and by tests).
    void add_jsonl(std::string_view text, const std::string& origin);
    void add_iso_3166(std::string_view json_text);
    // Link instances to series, derive surnames, roles and the alias tables.
    void finish();

    // Names or aliases shared by two entities of one kind, as "file:line: ..." messages that
    // say how extraction resolves them (docs/knowledge-base.md, "Conflicts").
    const std::vector<std::string>& conflicts() const { return conflicts_; }

  private:
    void find_conflicts();
    Entity& upsert(EntityKind kind, const std::string& id, const std::string& origin);

    std::vector<Entity> entities_;
    std::vector<Alias> aliases_;
    std::vector<std::string> conflicts_;
    std::unordered_map<std::string, size_t> by_kind_id_;                  // "kind/id" -> index
    std::unordered_map<std::string, std::vector<size_t>> by_lookup_key_;  // key -> indices
};

}  // namespace attache::kb
