// The office-title pass of ArticleExtraction: people named, introduced or implied by their
// title ("Japan's foreign minister, Takeshi Iwaya", "the U.S. Secretary of State").
#include "indexer/extract/article_extraction.h"

#include <algorithm>
#include <string>
#include <utility>

#include "common/text.h"
#include "indexer/extract/context_words.h"
#include "schema/dates.h"

namespace attache::extract {

using kb::Entity;
using kb::EntityKind;

// A title next to a name gives nothing new (the KB knows the office), a title before an unknown
// name introduces a person, and "the U.S. Secretary of State" alone is whoever held that office
// on the article's date.
void ArticleExtraction::resolve_office_titles() {
    taken_ = tokens_resolved();
    // What the titles find joins resolved_ only at the end: each title reads the mentions the
    // passes before found, not the people other titles introduced.
    std::vector<Resolved> added;
    for (size_t i = 0; i < tokens_.size(); ++i) {
        if (taken_[i]) continue;
        TitleMatch office;
        if (!titles_.match_at(tokens_, i, office)) continue;
        i = read_title(office, added);
    }
    refer_back_to_introduced(added);
    resolved_.insert(resolved_.end(), added.begin(), added.end());
    sort_in_text_order();
}

// Reads one title and the words around it; returns the last token it consumed.
size_t ArticleExtraction::read_title(const TitleMatch& office, std::vector<Resolved>& added) {
    const Resolved* qualifier_match = qualifier_before(office.first);
    const Entity* qualifier = qualifier_match ? qualifier_match->entity : nullptr;
    size_t lead = qualifier_match ? qualifier_match->first : office.first;
    if (lead > 0 && tokens_[lead - 1].norm == "the") --lead;
    const bool apposition_after_name = describes_name_before(lead);
    size_t next = office.last;
    // "the prime minister of Japan"
    if (!qualifier && next + 1 < tokens_.size() && tokens_[next].norm == "of") {
        for (const auto& r : resolved_) {
            if (r.first == next + 1 && r.entity->kind == EntityKind::country) {
                qualifier = r.entity;
                next = r.last;
            }
        }
    }
    const size_t resume = office.last - 1;
    if (office.plural || apposition_after_name) return resume;
    // "former Peruvian foreign minister X", "a Pakistani president": not the holder now.
    const size_t before = qualifier_match ? qualifier_match->first : office.first;
    bool former = false, indefinite = false;
    for (size_t back = 1; back <= 2 && before >= back; ++back) {
        const std::string& w = tokens_[before - back].norm;
        former = former || marks_former_office(w);
        indefinite = indefinite || (back == 1 && (w == "a" || w == "an"));
    }
    const size_t name_at = name_after_title(next);
    if (name_at < tokens_.size() && person_at(name_at)) return resume;  // the KB knows them
    const size_t end = unknown_name_end(name_at);
    if (name_at < tokens_.size() && end - name_at >= 2) {
        std::string name =
            text_.substr(tokens_[name_at].begin, tokens_[end - 1].end - tokens_[name_at].begin);
        if (kb_.find(EntityKind::person, slugify(name))) return resume;
        added.push_back(introduce(std::move(name), name_at, end, office, qualifier, former));
        return end - 1;
    }
    // A title alone names one person only with "the" or a qualifier: "the U.S. Secretary of
    // State", "Japan's prime minister"; it is resolved by office and date.
    const bool definite =
        qualifier || (office.first > 0 && tokens_[office.first - 1].norm == "the");
    // A name follows that we could not read ("supreme leader Mojtaba Khamenei"): it is not the
    // holder the KB knows.
    const bool named = name_at < tokens_.size() && tokens_[name_at].capitalized &&
                       !tokens_[name_at].sentence_start;
    if (!definite || former || indefinite || named || date_value_.empty()) return resume;
    if (const Entity* holder = single_holder(office.role_id, qualifier)) {
        added.push_back({office.first, office.last, holder, "title-on-date"});
    }
    return resume;
}

const ArticleExtraction::Resolved* ArticleExtraction::person_at(size_t t) const {
    for (const auto& r : resolved_) {
        if (r.first == t && r.entity->kind == EntityKind::person) return &r;
    }
    return nullptr;
}

// "Japan's", "U.S.", "NATO": the country or organisation whose office a title names.
const ArticleExtraction::Resolved* ArticleExtraction::qualifier_before(size_t t) const {
    for (const auto& r : resolved_) {
        if (r.last == t &&
            (r.entity->kind == EntityKind::country || r.entity->kind == EntityKind::org)) {
            return &r;
        }
    }
    return nullptr;
}

// "Cho Tae-yul, South Korea's foreign minister": the title (from `lead`, with its qualifier and
// "the") describes the name before it, which the KB already resolved.
bool ArticleExtraction::describes_name_before(size_t lead) const {
    return lead > 0 && comma_before(lead) &&
           std::any_of(resolved_.begin(), resolved_.end(), [&](const Resolved& r) {
               return r.entity->kind == EntityKind::person && r.last == lead;
           });
}

// Where a name after a title starts: right after it, or after a comma when a name follows it
// ("Japan's foreign minister, Takeshi Iwaya"); the end of the text when nothing can.
size_t ArticleExtraction::name_after_title(size_t next) const {
    if (next < tokens_.size() && next > 0 && comma_before(next) && !person_at(next) &&
        !capitalised_word(taken_, next)) {
        return tokens_.size();
    }
    return next;
}

// An unknown name: up to four capitalised words no mention claims, and lower-case syllables
// hyphenated onto them ("Kim Tae-hyo"); a possessive ends it.
size_t ArticleExtraction::unknown_name_end(size_t name_at) const {
    size_t end = name_at;
    while (end < tokens_.size() && end - name_at < 4 && !taken_[end] &&
           (capitalised_word(taken_, end) ||
            (end > name_at && tokens_[end].begin == tokens_[end - 1].end + 1 &&
             text_[tokens_[end - 1].end] == '-'))) {
        ++end;
        if (tokens_[end - 1].possessive) break;
    }
    return end;
}

// A person the KB does not know, named after a title. They hold the title's office (in the
// qualifier's country) unless the title is a former one; their surname is the first word of a
// hyphenated name ("Kim Tae-hyo"), the last word otherwise.
ArticleExtraction::Resolved ArticleExtraction::introduce(std::string name, size_t name_at,
                                                         size_t end, const TitleMatch& office,
                                                         const Entity* qualifier, bool former) {
    Entity person;
    person.kind = EntityKind::person;
    person.id = slugify(name);
    const bool hyphenated = name.find('-') != std::string::npos;
    person.surname = hyphenated ? tokens_[name_at].raw : tokens_[end - 1].raw;
    person.name = std::move(name);
    if (!former) {
        const std::string& role = titles_.role_name(office.role_id);
        kb::Office held;
        held.role = role;
        held.role_id = office.role_id;
        held.country = qualifier ? qualifier->id : "";
        held.from = schema::kEarliestDateValue;
        held.to = schema::kLatestDateValue;
        held.ministerial = kb::is_ministerial_role(role);
        person.offices.push_back(held);
    }
    introduced_.push_back(std::move(person));
    for (size_t t = name_at; t < end; ++t) taken_[t] = 1;
    return {name_at, end, &introduced_.back(), "title-introduced"};
}

// The one person who held the office on the article's date (in the qualifier's country when
// there is one); null when nobody or several did.
const Entity* ArticleExtraction::single_holder(const std::string& role_id,
                                               const Entity* qualifier) const {
    const Entity* holder = nullptr;
    size_t holders = 0;
    for (const auto& e : kb_.entities()) {
        if (e.kind != EntityKind::person) continue;
        for (const auto& o : e.offices) {
            if (o.role_id != role_id || !o.held_on(date_value_)) continue;
            if (qualifier && ascii_lower(o.country) != ascii_lower(qualifier->id)) continue;
            if (holder != &e) ++holders;
            holder = &e;
        }
    }
    return holders == 1 ? holder : nullptr;
}

// Later surname mentions of people introduced by title: "Kim said".
void ArticleExtraction::refer_back_to_introduced(std::vector<Resolved>& added) const {
    for (size_t t = 0; t < tokens_.size(); ++t) {
        if (taken_[t] || !tokens_[t].capitalized) continue;
        for (const auto& p : introduced_) {
            if (tokens_[t].raw == p.surname) {
                added.push_back({t, t + 1, &p, "surname"});
                break;
            }
        }
    }
}

}  // namespace attache::extract
