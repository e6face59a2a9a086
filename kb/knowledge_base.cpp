#include "kb/knowledge_base.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/text.h"
#include "schema/dates.h"

namespace attache::kb {

using nlohmann::json;

namespace {

// Indexed by the enums' values, in their order.
constexpr const char* kKindNames[] = {"person", "country", "org", "event", "place", "role"};
constexpr const char* kAliasKindNames[] = {"name", "alias", "demonym", "surname", "capital"};

}  // namespace

const char* kind_name(EntityKind kind) {
    return kKindNames[static_cast<size_t>(kind)];
}

std::optional<EntityKind> parse_kind(std::string_view name) {
    for (size_t k = 0; k < std::size(kKindNames); ++k) {
        if (name == kKindNames[k]) return static_cast<EntityKind>(k);
    }
    return std::nullopt;
}

const char* alias_kind_name(AliasKind how) {
    return kAliasKindNames[static_cast<size_t>(how)];
}

std::string KnowledgeBase::lookup_key(std::string_view text) {
    return fold_words(text, ' ', "+");  // "2+2" stays one word
}

namespace {

std::string kind_id_key(EntityKind kind, std::string_view id) {
    return std::string(kind_name(kind)) + "/" + ascii_lower(id);
}

[[noreturn]] void fail(const std::string& origin, const std::string& why) {
    throw KbError(origin + ": " + why);
}

std::string string_field(const json& j, const char* key, const std::string& origin, bool required) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) fail(origin, std::string("missing \"") + key + "\"");
        return "";
    }
    if (!it->is_string()) fail(origin, std::string("\"") + key + "\" must be a string");
    std::string v = trim(it->get<std::string>());
    if (required && v.empty()) fail(origin, std::string("\"") + key + "\" is empty");
    return v;
}

std::vector<std::string> string_list(const json& j, const char* key, const std::string& origin) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return out;
    if (!it->is_array()) fail(origin, std::string("\"") + key + "\" must be an array of strings");
    for (const auto& v : *it) {
        if (!v.is_string())
            fail(origin, std::string("\"") + key + "\" must be an array of strings");
        std::string s = trim(v.get<std::string>());
        if (!s.empty()) out.push_back(std::move(s));
    }
    return out;
}

// "2024-10" as a start is 20241001; as an end it is 20241031.
std::string date_bound(const json& j, const char* key, const std::string& origin, bool end) {
    const std::string text = string_field(j, key, origin, false);
    if (text.empty())
        return std::string(end ? schema::kLatestDateValue : schema::kEarliestDateValue);
    auto d = schema::parse_iso_partial(text);
    if (!d)
        fail(origin,
             std::string("\"") + key + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + text);
    if (end) {
        if (d->month == 0) d->month = 12;
        if (d->day == 0) d->day = schema::days_in_month(d->year, d->month);
    }
    return d->value();
}

// The dates and venue of an event that took place: "to" defaults to the end of "from".
void read_occurrence(Entity& e, const json& j, const std::string& origin) {
    e.from = date_bound(j, "from", origin, false);
    e.to = date_bound(j, j.contains("to") ? "to" : "from", origin, true);
    e.place = string_field(j, "place", origin, false);
    e.country = string_field(j, "country", origin, false);
}

// "government": {"head_of_state": "King", "head_of_government": "Prime Minister", "foreign":
// "Foreign Minister", "defence": "Defence Minister", "leader": "Prime Minister", "joint": []}.
// A later line replaces the offices it names; the leader defaults to the head of government.
void read_government(Entity& e, const json& j, const std::string& origin) {
    if (!j.is_object()) fail(origin, "\"government\" must be an object");
    Government& g = e.government;
    g.declared = true;
    const std::pair<const char*, std::string*> offices[] = {
        {"head_of_state", &g.head_of_state},
        {"head_of_government", &g.head_of_government},
        {"foreign", &g.foreign},
        {"defence", &g.defence},
        {"leader", &g.leader}};
    for (const auto& [key, field] : offices) {
        if (auto it = j.find(key); it != j.end()) {
            if (!it->is_string() && !it->is_null())
                fail(origin, std::string("\"government.") + key + "\" must be a role name or null");
            *field = it->is_string() ? it->get<std::string>() : "";
        }
    }
    if (g.leader.empty())
        g.leader = !g.head_of_government.empty() ? g.head_of_government : g.head_of_state;
    if (j.contains("joint")) g.joint = string_list(j, "joint", origin);
}

}  // namespace

bool is_ministerial_role(const std::string& role) {
    const std::string r = ascii_lower(role);
    if (r.find("prime minister") != std::string::npos) return false;
    return r.find("minister") != std::string::npos || r.rfind("secretary of ", 0) == 0 ||
           r == "foreign secretary" || r == "defence secretary" || r == "home secretary";
}

namespace {

void append_unique(std::vector<std::string>& list, const std::vector<std::string>& more) {
    for (const auto& m : more) {
        if (std::find(list.begin(), list.end(), m) == list.end()) list.push_back(m);
    }
}

std::string derive_surname(const std::string& name, bool eastern) {
    std::vector<std::string> parts;
    for (auto& p : split(name, ' ')) {
        if (!p.empty()) parts.push_back(p);
    }
    static const std::set<std::string> suffixes = {"Jr.", "Jr", "Sr.", "II", "III", "IV"};
    while (parts.size() > 1 && suffixes.count(parts.back())) parts.pop_back();
    if (parts.size() < 2) return "";
    return eastern ? parts.front() : parts.back();
}

}  // namespace

Entity& KnowledgeBase::upsert(EntityKind kind, const std::string& id, const std::string& origin) {
    const std::string key = kind_id_key(kind, id);
    auto it = by_kind_id_.find(key);
    if (it != by_kind_id_.end()) return entities_[it->second];
    Entity e;
    e.kind = kind;
    e.id = id;
    e.origin = origin;
    by_kind_id_[key] = entities_.size();
    entities_.push_back(std::move(e));
    return entities_.back();
}

const Entity* KnowledgeBase::find(EntityKind kind, std::string_view id) const {
    auto it = by_kind_id_.find(kind_id_key(kind, id));
    return it == by_kind_id_.end() ? nullptr : &entities_[it->second];
}

void KnowledgeBase::add_iso_3166(std::string_view json_text) {
    const json j = json::parse(json_text, nullptr, false);
    if (!j.is_object() || !j.contains("3166-1"))
        throw KbError("iso_3166-1.json: not ISO 3166-1 data");
    for (const auto& c : j["3166-1"]) {
        const std::string code = c.value("alpha_2", "");
        if (code.empty()) continue;
        Entity& e = upsert(EntityKind::country, code, "iso_3166-1.json");
        const std::string name = c.value("name", "");
        const std::string common = c.value("common_name", "");
        const std::string official = c.value("official_name", "");
        e.name = !common.empty() ? common : name;
        // "Korea, Republic of" is a catalogue form that running text never uses.
        for (const auto& n : {name, common, official}) {
            if (!n.empty() && n.find(',') == std::string::npos && n != e.name) {
                append_unique(e.aliases, {n});
            }
        }
        e.codes = {code, c.value("alpha_3", "")};
    }
}

void KnowledgeBase::add_jsonl(std::string_view text, const std::string& file) {
    size_t line_no = 0, start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string line = trim(text.substr(start, end - start));
        ++line_no;
        start = end + 1;
        if (line.empty() || line[0] == '#') {
            if (end == text.size()) break;
            continue;
        }
        const std::string origin = file + ":" + std::to_string(line_no);
        const json j = json::parse(line, nullptr, false);
        if (j.is_discarded()) fail(origin, "not valid JSON");
        if (!j.is_object()) fail(origin, "a KB line must be a JSON object");
        const std::string kind_text = string_field(j, "kind", origin, true);
        const auto kind = parse_kind(kind_text);
        if (!kind || *kind == EntityKind::role) {
            fail(origin, "unknown kind \"" + kind_text + "\" (person, country, org, event, place)");
        }
        const std::string id = string_field(j, "id", origin, true);
        if (*kind != EntityKind::country && slugify(id) != id) {
            fail(origin, "id \"" + id + "\" must be a lowercase slug (" + slugify(id) + ")");
        }
        const bool known = find(*kind, id) != nullptr;
        if (*kind == EntityKind::country && !known && !j.contains("name")) {
            fail(origin, "country \"" + id + "\" is not in ISO 3166-1 and has no \"name\"");
        }
        const std::string name = string_field(j, "name", origin, !known);
        if (*kind == EntityKind::country &&
            std::any_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            fail(origin, "country ids are ISO alpha-2 codes in capitals: " + id);
        }
        Entity& e = upsert(*kind, id, origin);
        if (!name.empty()) {
            if (!e.name.empty() && e.name != name) append_unique(e.aliases, {e.name});
            e.name = name;
        }
        append_unique(e.aliases, string_list(j, "aliases", origin));
        switch (*kind) {
            case EntityKind::country:
                append_unique(e.demonyms, string_list(j, "demonyms", origin));
                append_unique(e.aliases, string_list(j, "historical", origin));
                if (auto cap = string_field(j, "capital", origin, false); !cap.empty())
                    e.capital = cap;
                if (e.codes.empty()) e.codes = {id};
                if (auto it = j.find("government"); it != j.end()) read_government(e, *it, origin);
                break;
            case EntityKind::person: {
                const std::string order = string_field(j, "name_order", origin, false);
                if (!order.empty() && order != "western" && order != "eastern") {
                    fail(origin, "\"name_order\" must be \"western\" or \"eastern\"");
                }
                if (auto s = string_field(j, "surname", origin, false); !s.empty()) {
                    e.surname = s;
                } else if (e.surname.empty()) {
                    e.surname = derive_surname(e.name, order == "eastern");
                }
                if (auto it = j.find("offices"); it != j.end()) {
                    if (!it->is_array()) fail(origin, "\"offices\" must be an array");
                    for (const auto& o : *it) {
                        if (!o.is_object()) fail(origin, "each office must be an object");
                        Office office;
                        office.role = string_field(o, "role", origin, true);
                        office.role_id = slugify(office.role);
                        office.country = string_field(o, "country", origin, true);
                        office.from = date_bound(o, "from", origin, false);
                        office.to = date_bound(o, "to", origin, true);
                        if (office.from > office.to)
                            fail(origin, "office of " + office.role + " ends before it starts");
                        office.ministerial =
                            o.contains("ministerial") && o["ministerial"].is_boolean()
                                ? o["ministerial"].get<bool>()
                                : is_ministerial_role(office.role);
                        e.offices.push_back(std::move(office));
                    }
                }
                break;
            }
            case EntityKind::event: {
                if (auto t = string_field(j, "type", origin, false); !t.empty()) e.type = t;
                if (e.type.empty()) e.type = "summit";
                if (auto o = string_field(j, "org", origin, false); !o.empty()) e.org = o;
                if (j.contains("from")) read_occurrence(e, j, origin);
                if (auto it = j.find("instances"); it != j.end()) {
                    if (!it->is_array()) fail(origin, "\"instances\" must be an array");
                    const std::string series_id = e.id;
                    const std::string series_type = e.type;
                    for (const auto& inst : *it) {
                        if (!inst.is_object()) fail(origin, "each instance must be an object");
                        const std::string iid = string_field(inst, "id", origin, true);
                        if (slugify(iid) != iid)
                            fail(origin, "instance id \"" + iid + "\" must be a lowercase slug");
                        if (!inst.contains("from"))
                            fail(origin, "instance \"" + iid + "\" has no \"from\" date");
                        Entity& ie = upsert(EntityKind::event, iid, origin);
                        ie.name = string_field(inst, "name", origin, true);
                        append_unique(ie.aliases, string_list(inst, "aliases", origin));
                        ie.type = series_type;
                        ie.series = series_id;
                        read_occurrence(ie, inst, origin);
                        if (ie.from > ie.to)
                            fail(origin, "instance \"" + iid + "\" ends before it starts");
                    }
                }
                break;
            }
            case EntityKind::place:
            case EntityKind::org:
                if (auto c = string_field(j, "country", origin, false); !c.empty()) e.country = c;
                break;
            case EntityKind::role:
                break;
        }
        if (end == text.size()) break;
    }
}

void KnowledgeBase::finish() {
    // Instances are linked to their series here, after every file is read, so that a user
    // file may add instances to a built-in series.
    for (auto& e : entities_) e.instances.clear();
    for (size_t i = 0; i < entities_.size(); ++i) {
        const Entity& e = entities_[i];
        if (e.kind != EntityKind::event || e.series.empty()) continue;
        auto it = by_kind_id_.find(kind_id_key(EntityKind::event, e.series));
        if (it != by_kind_id_.end()) entities_[it->second].instances.push_back(i);
    }
    // Roles come from offices; capitals become places.
    const size_t n = entities_.size();
    for (size_t i = 0; i < n; ++i) {
        if (entities_[i].kind == EntityKind::person) {
            // Copy: upsert may grow entities_ and move the person.
            const std::vector<Office> offices = entities_[i].offices;
            const std::string origin = entities_[i].origin;
            for (const auto& office : offices) {
                Entity& role = upsert(EntityKind::role, office.role_id, origin);
                if (role.name.empty()) role.name = office.role;
            }
        } else if (entities_[i].kind == EntityKind::country && !entities_[i].capital.empty()) {
            const std::string capital = entities_[i].capital;
            const std::string country = entities_[i].id;
            const std::string origin = entities_[i].origin;
            Entity& place = upsert(EntityKind::place, slugify(capital), origin);
            if (place.name.empty()) place.name = capital;
            if (place.country.empty()) place.country = country;
        }
    }

    aliases_.clear();
    by_lookup_key_.clear();
    auto add_key = [&](const std::string& text, size_t idx) {
        const std::string key = lookup_key(text);
        if (key.empty()) return;
        auto& list = by_lookup_key_[key];
        if (std::find(list.begin(), list.end(), idx) == list.end()) list.push_back(idx);
    };
    for (size_t i = 0; i < entities_.size(); ++i) {
        const Entity& e = entities_[i];
        auto add_alias = [&](const std::string& text, AliasKind how) {
            if (!text.empty()) aliases_.push_back(Alias{text, i, how});
            add_key(text, i);
        };
        add_alias(e.name, AliasKind::name);
        for (const auto& a : e.aliases) add_alias(a, AliasKind::alias);
        for (const auto& d : e.demonyms) add_alias(d, AliasKind::demonym);
        if (!e.surname.empty()) add_alias(e.surname, AliasKind::surname);
        if (!e.capital.empty()) add_alias(e.capital, AliasKind::capital);
        add_key(e.id, i);
        for (const auto& c : e.codes) add_key(c, i);
        if (e.kind == EntityKind::event) {
            // summit:G20 means the G20 summits: a series answers to its organization's names
            // and to its name without the word "summit" (queries only).
            std::string base = lookup_key(e.name);
            for (const char* suffix : {" summit", " leaders meeting", " meeting"}) {
                const std::string s(suffix);
                if (base.size() > s.size() &&
                    base.compare(base.size() - s.size(), s.size(), s) == 0) {
                    add_key(base.substr(0, base.size() - s.size()), i);
                }
            }
        }
    }
    for (size_t i = 0; i < entities_.size(); ++i) {
        const Entity& e = entities_[i];
        if (e.kind != EntityKind::event || e.org.empty() || !e.series.empty()) continue;
        if (const Entity* org = find(EntityKind::org, e.org)) {
            add_key(org->name, i);
            for (const auto& a : org->aliases) add_key(a, i);
        }
    }
    find_conflicts();
}

void KnowledgeBase::find_conflicts() {
    // Two entities of one kind answering to the same name or alias. Surnames are expected to be
    // shared (resolution by article and date handles them) and are not conflicts.
    conflicts_.clear();
    std::unordered_map<std::string, size_t> first_owner;  // "kind/key" -> alias index
    for (size_t a = 0; a < aliases_.size(); ++a) {
        const Alias& alias = aliases_[a];
        if (alias.how != AliasKind::name && alias.how != AliasKind::alias) continue;
        const Entity& e = entities_[alias.entity];
        if (e.kind == EntityKind::role || e.kind == EntityKind::place) continue;
        const std::string key = std::string(kind_name(e.kind)) + "/" + lookup_key(alias.text);
        auto [it, inserted] = first_owner.emplace(key, a);
        if (inserted) continue;
        const Entity& owner = entities_[aliases_[it->second].entity];
        if (&owner == &e) continue;
        conflicts_.push_back(
            e.origin + ": \"" + alias.text + "\" names both " + kind_name(e.kind) + " " + owner.id +
            " (" + owner.origin + ") and " + e.id +
            "; in text it means whichever held an office on the article's date, else " + owner.id +
            " (defined first)");
    }
}

std::shared_ptr<const KnowledgeBase> KnowledgeBase::load(
    const std::vector<std::string>& extra_files) {
    auto kb = std::make_shared<KnowledgeBase>();
    kb->add_iso_3166(kIso3166Json);
    // countries.jsonl extends ISO entries; the order of the others does not matter.
    for (size_t i = 0; i < kEmbeddedKbFileCount; ++i) {
        if (kEmbeddedKbFiles[i].name[0])
            kb->add_jsonl(kEmbeddedKbFiles[i].content, kEmbeddedKbFiles[i].name);
    }
    for (const auto& path : extra_files) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw KbError(path + ": cannot read knowledge base file");
        std::stringstream ss;
        ss << in.rdbuf();
        kb->add_jsonl(ss.str(), path);
    }
    kb->finish();
    return kb;
}

std::vector<const Entity*> KnowledgeBase::resolve(EntityKind kind, std::string_view text) const {
    std::vector<const Entity*> out;
    if (const Entity* e = find(kind, text)) out.push_back(e);
    auto it = by_lookup_key_.find(lookup_key(text));
    if (it != by_lookup_key_.end()) {
        for (size_t idx : it->second) {
            const Entity* e = &entities_[idx];
            if (e->kind == kind && std::find(out.begin(), out.end(), e) == out.end())
                out.push_back(e);
        }
    }
    return out;
}

std::vector<std::string> KnowledgeBase::suggest(EntityKind kind, std::string_view text,
                                                size_t max) const {
    const std::string key = lookup_key(text);
    std::vector<std::pair<size_t, const Entity*>> scored;
    for (const auto& [k, indices] : by_lookup_key_) {
        const size_t limit = std::max<size_t>(2, key.size() / 3);
        if (k.size() + limit < key.size() || key.size() + limit < k.size()) continue;
        size_t d = edit_distance(key, k);
        // A query that is a prefix of a name ("blink") is a close call too.
        if (k.size() > key.size() && key.size() >= 3 && k.compare(0, key.size(), key) == 0)
            d = std::min<size_t>(d, 1);
        if (d > limit) continue;
        for (size_t idx : indices) {
            if (entities_[idx].kind == kind) scored.emplace_back(d, &entities_[idx]);
        }
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->name < b.second->name;
    });
    std::vector<std::string> names;
    for (const auto& [d, e] : scored) {
        if (std::find(names.begin(), names.end(), e->name) == names.end()) names.push_back(e->name);
        if (names.size() == max) break;
    }
    return names;
}

}  // namespace attache::kb
