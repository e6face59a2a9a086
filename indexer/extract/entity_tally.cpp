#include "indexer/extract/entity_tally.h"

#include <algorithm>

#include "common/text.h"

namespace attache::extract {

using kb::EntityKind;

bool EntityTally::more_salient(const Tally& a, const Tally& b) {
    return a.stored.count != b.stored.count ? a.stored.count > b.stored.count : a.first < b.first;
}

const std::vector<std::string>& EntityTally::count(const kb::Entity& e, uint32_t at) {
    auto& list = by_kind_[kb::kind_name(e.kind)];
    auto it =
        std::find_if(list.begin(), list.end(), [&](const Tally& t) { return t.stored.id == e.id; });
    if (it == list.end()) it = list.insert(list.end(), first_mention(e, at));
    ++it->stored.count;
    return it->stored.roles;
}

// What an entity's first mention records: its name, and what facets need of its kind.
EntityTally::Tally EntityTally::first_mention(const kb::Entity& e, uint32_t at) const {
    Tally t{{}, at, false};
    t.stored.id = e.id;
    t.stored.name = e.name;
    if (e.kind == EntityKind::event) {
        t.stored.type = e.type;
        t.stored.series = e.series;
        t.stored.country = e.country;
    } else if (e.kind == EntityKind::place) {
        t.stored.country = e.country;
    } else if (e.kind == EntityKind::person && !date_value_.empty()) {
        for (const auto& o : e.offices) {
            if (!o.held_on(date_value_)) continue;
            t.stored.roles.push_back(o.role);
            if (t.stored.country.empty()) t.stored.country = o.country;
            t.ministerial = t.ministerial || o.ministerial;
        }
    }
    return t;
}

void EntityTally::write(Extraction& out) {
    std::map<std::string, Tally> roles;  // role id -> its holders' mentions
    for (auto& [kind, list] : by_kind_) {
        std::stable_sort(list.begin(), list.end(), more_salient);
        auto& stored = out.entities[kind];
        for (auto& t : list) {
            if (kind == "person") {
                if (t.ministerial) out.ministers.push_back(t.stored.id);
                add_roles(t, roles);
            }
            stored.push_back(std::move(t.stored));
        }
    }
    std::vector<Tally> role_list;
    for (auto& [rid, t] : roles) role_list.push_back(std::move(t));
    std::stable_sort(role_list.begin(), role_list.end(), more_salient);
    for (auto& t : role_list) out.roles.push_back(std::move(t.stored));
}

// A role is as salient as its holders together: their mentions summed, the earliest first one.
void EntityTally::add_roles(const Tally& person, std::map<std::string, Tally>& roles) {
    for (const auto& role : person.stored.roles) {
        const std::string rid = slugify(role);
        auto [it, inserted] = roles.try_emplace(rid, Tally{{}, person.first, false});
        if (inserted) {
            it->second.stored.id = rid;
            it->second.stored.name = role;
        }
        it->second.stored.count += person.stored.count;
        it->second.first = std::min(it->second.first, person.first);
    }
}

}  // namespace attache::extract
