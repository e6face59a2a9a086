#include "indexer/extract/article_extraction.h"

#include <algorithm>
#include <cstdlib>

#include "common/text.h"
#include "indexer/extract/context_words.h"
#include "indexer/extract/date_mentions.h"
#include "indexer/extract/entity_tally.h"

namespace attache::extract {

using kb::AliasKind;
using kb::Entity;
using kb::EntityKind;

namespace {

bool held_office_on(const Entity& person, const std::string& date) {
    return std::any_of(person.offices.begin(), person.offices.end(),
                       [&](const kb::Office& o) { return o.held_on(date); });
}

// The country whose capital this place is, if it is one.
const Entity* capital_of(const kb::KnowledgeBase& kb, const Entity& place) {
    if (place.country.empty()) return nullptr;
    const Entity* country = kb.find(EntityKind::country, place.country);
    return country && country->capital == place.name ? country : nullptr;
}

}  // namespace

ArticleExtraction::ArticleExtraction(const kb::KnowledgeBase& kb, const AliasTrie& aliases,
                                     const OfficeTitles& titles, std::string_view title,
                                     std::string_view body,
                                     const std::optional<schema::PartialDate>& date)
    : kb_(kb), aliases_(aliases), titles_(titles), date_(date) {
    text_.reserve(title.size() + body.size() + 2);
    if (!title.empty()) text_.append(title).append("\n\n");
    text_.append(body);
    tokens_ = tokenize(text_);
    date_value_ = date && date->known() ? date->value() : "";
}

// ---- helpers shared by the passes ----

std::string_view ArticleExtraction::gap_before(size_t t) const {
    return std::string_view(text_).substr(tokens_[t - 1].end,
                                          tokens_[t].begin - tokens_[t - 1].end);
}

bool ArticleExtraction::comma_before(size_t t) const {
    return gap_before(t).find(',') != std::string_view::npos;
}

// A capitalised word inside a sentence that no mention in `claimed` covers and that holds no
// digit: a word of some name.
bool ArticleExtraction::capitalised_word(const std::vector<char>& claimed, size_t t) const {
    return t < tokens_.size() && !claimed[t] && tokens_[t].capitalized &&
           !tokens_[t].sentence_start &&
           tokens_[t].norm.find_first_of("0123456789") == std::string::npos;
}

// A word glued (by one space or a hyphen) to an unknown capitalised word is part of another
// name: "Michael Jordan", "George Washington", "Abbas Karki", "San Marcos", "Wi-Fi". An office
// title is not such a word ("Foreign Minister Cho").
bool ArticleExtraction::glued_to_unknown_name(size_t first, size_t last) const {
    TitleMatch office;
    if (first > 0 && capitalised_word(in_alias_, first - 1) && !tokens_[first - 1].possessive &&
        tokens_[first - 1].end + 1 == tokens_[first].begin &&
        !titles_.match_at(tokens_, first - 1, office)) {
        return true;
    }
    return last < tokens_.size() && !tokens_[last - 1].possessive &&
           capitalised_word(in_alias_, last) &&
           (tokens_[last - 1].end + 1 == tokens_[last].begin ||
            text_[tokens_[last - 1].end] == '-') &&
           !titles_.match_at(tokens_, last, office);
}

std::vector<char> ArticleExtraction::tokens_resolved() const {
    std::vector<char> taken(tokens_.size(), 0);
    for (const auto& r : resolved_) std::fill(taken.begin() + r.first, taken.begin() + r.last, 1);
    return taken;
}

void ArticleExtraction::sort_in_text_order() {
    std::sort(resolved_.begin(), resolved_.end(),
              [](const Resolved& a, const Resolved& b) { return a.first < b.first; });
}

// ---- pass 1: aliases ----

void ArticleExtraction::match_aliases() {
    matches_ = aliases_.longest_matches(tokens_);
    // A title or a name-like run must not overlap any alias match, even one left unresolved.
    in_alias_.assign(tokens_.size(), 0);
    for (const auto& m : matches_)
        std::fill(in_alias_.begin() + m.first, in_alias_.begin() + m.last, 1);
}

// ---- pass 2: names ----

void ArticleExtraction::resolve_names() {
    for (size_t m = 0; m < matches_.size(); ++m) {
        const AliasMatch& match = matches_[m];
        const AliasEntry& top = *match.candidates.front();
        if (top.how == AliasKind::surname) {
            surname_matches_.push_back(m);
            continue;
        }
        const Entity* chosen = prefer_in_office(match);
        if (chosen->kind == EntityKind::country && means_no_country(match, top)) continue;
        resolved_.push_back({match.first, match.last, chosen, kb::alias_kind_name(top.how)});
        if (chosen->kind == EntityKind::person) full_names_seen_.push_back(chosen);
    }
}

// Several people may share one alias: prefer the one in office on the article's date.
const Entity* ArticleExtraction::prefer_in_office(const AliasMatch& match) const {
    const auto& entities = kb_.entities();
    const AliasEntry& top = *match.candidates.front();
    const Entity* chosen = &entities[top.entity];
    if (chosen->kind != EntityKind::person || date_value_.empty()) return chosen;
    for (const AliasEntry* c : match.candidates) {
        if (alias_rank(c->how) != alias_rank(top.how)) break;
        const Entity& e = entities[c->entity];
        if (e.kind == EntityKind::person && held_office_on(e, date_value_)) return &e;
    }
    return chosen;
}

// A one-word country name that is part of a person's name or the bird: "Michael Jordan", "Chad
// Johnson", "Turkey dinner".
bool ArticleExtraction::means_no_country(const AliasMatch& match, const AliasEntry& top) const {
    if (match.last - match.first != 1 || !top.raw.empty() || top.how == AliasKind::demonym)
        return false;
    const std::string& word = tokens_[match.first].norm;
    // Only country names that are also given names are at risk; "Mainland China" and "Israel
    // Defense Forces" do name the country.
    if (is_given_name_country(word) && glued_to_unknown_name(match.first, match.last)) return true;
    // "Turkey dinner", "roast turkey": the bird, even capitalised in a headline.
    return word == "turkey" &&
           ((match.last < tokens_.size() && is_bird_word(tokens_[match.last].norm)) ||
            (match.first > 0 && is_bird_word(tokens_[match.first - 1].norm)));
}

// ---- pass 3: surnames ----

void ArticleExtraction::resolve_surnames() {
    const auto& entities = kb_.entities();
    for (size_t m : surname_matches_) {
        const AliasMatch& match = matches_[m];
        if (glued_to_unknown_name(match.first, match.last)) continue;
        const Entity* chosen = nullptr;
        std::string how = "surname";
        for (const AliasEntry* c : match.candidates) {
            const Entity* e = &entities[c->entity];
            if (std::count(full_names_seen_.begin(), full_names_seen_.end(), e)) {
                chosen = e;
                break;
            }
        }
        if (!chosen && !date_value_.empty()) {
            chosen = surname_in_office(match);
            how = "surname-in-office";
        }
        if (chosen) resolved_.push_back({match.first, match.last, chosen, how});
    }
    sort_in_text_order();
}

// No full name in the article: the surname names a person only if exactly one candidate held an
// office on the article's date.
const Entity* ArticleExtraction::surname_in_office(const AliasMatch& match) const {
    const Entity* only = nullptr;
    size_t in_office = 0;
    for (const AliasEntry* c : match.candidates) {
        const Entity& e = kb_.entities()[c->entity];
        if (e.kind == EntityKind::person && held_office_on(e, date_value_) && &e != only) {
            only = &e;
            ++in_office;
        }
    }
    return in_office == 1 ? only : nullptr;
}

// ---- pass 4: capitals for their governments ----

void ArticleExtraction::read_capitals_as_countries() {
    for (size_t k = 0; k < resolved_.size(); ++k) {
        Resolved& r = resolved_[k];
        if (r.entity->kind != EntityKind::place) continue;
        const Entity* country = capital_of(kb_, *r.entity);
        if (!country || !capital_acts_for_state(k)) continue;
        r.entity = country;
        r.how = "capital-metonym";
    }
}

bool ArticleExtraction::capital_acts_for_state(size_t k) const {
    const Resolved& r = resolved_[k];
    const bool state_possessive = followed_by_state_noun(r);
    // "in Seoul", "to Beijing": a place, whatever follows; but "in Moscow's hands" is the state.
    if (!state_possessive && r.first > 0 && is_locative(tokens_[r.first - 1].norm)) return false;
    if (glued_to_unknown_name(r.first, r.last)) return false;  // "USS George Washington will"
    if (state_possessive) return true;
    if (r.last < tokens_.size() && !tokens_[r.last].sentence_start &&
        is_reporting_verb(tokens_[r.last].norm)) {
        return true;  // "Seoul said"
    }
    return capital_as_object(k);
}

// A possessive is literal for things ("Kyiv's residential areas") but political for the few
// nouns that only a state has: "in Moscow's hands", "Tokyo's response".
bool ArticleExtraction::followed_by_state_noun(const Resolved& r) const {
    return tokens_[r.last - 1].possessive && r.last < tokens_.size() &&
           !tokens_[r.last].sentence_start && is_state_noun(tokens_[r.last].norm);
}

// Relations take countries as their object: "talks with Washington", "pressure on Pyongyang",
// "sanctions against Moscow", "between Washington and Beijing", "Washington and Beijing have".
bool ArticleExtraction::capital_as_object(size_t k) const {
    const Resolved& r = resolved_[k];
    if (r.first == 0) return false;
    const std::string& before = tokens_[r.first - 1].norm;
    if (is_relational(before)) return true;
    if (before == "on" && r.first >= 2 && is_pressure_noun(tokens_[r.first - 2].norm)) return true;
    if (before == "between" && r.last < tokens_.size() && tokens_[r.last].norm == "and")
        return true;
    return before == "and" && r.first >= 2 && k > 0 && resolved_[k - 1].last == r.first - 1 &&
           resolved_[k - 1].how == "capital-metonym";
}

// ---- pass 5: acronyms the article defines ----

void ArticleExtraction::resolve_defined_acronyms() {
    const auto acronyms = defined_acronyms();
    if (acronyms.empty()) return;
    const std::vector<char> taken = tokens_resolved();
    for (size_t t = 0; t < tokens_.size(); ++t) {
        if (taken[t]) continue;
        const auto defined = std::find_if(acronyms.begin(), acronyms.end(),
                                          [&](const auto& a) { return a.first == tokens_[t].raw; });
        if (defined != acronyms.end())
            resolved_.push_back({t, t + 1, defined->second, "acronym-defined"});
    }
}

// "the Indo-Pacific Dialogue (IPD)": an org or event named in two words or more, then an acronym
// in parentheses. It names that entity for the rest of the article, even when the KB does not
// know the acronym.
std::vector<std::pair<std::string, const Entity*>> ArticleExtraction::defined_acronyms() const {
    std::vector<std::pair<std::string, const Entity*>> acronyms;
    for (const auto& r : resolved_) {
        const EntityKind k = r.entity->kind;
        if (k != EntityKind::org && k != EntityKind::event) continue;
        const size_t t = r.last;
        if (t >= tokens_.size() || r.last - r.first < 2) continue;
        const bool in_parens = trim(gap_before(t)) == "(" && tokens_[t].end < text_.size() &&
                               text_[tokens_[t].end] == ')';
        const std::string& raw = tokens_[t].raw;
        const bool acronym =
            raw.size() >= 2 && raw.size() <= 8 && std::all_of(raw.begin(), raw.end(), [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            });
        if (in_parens && acronym) acronyms.emplace_back(raw, r.entity);
    }
    return acronyms;
}

// ---- pass 7: summit series (pass 6, office titles, is in office_title_pass.cpp) ----

void ArticleExtraction::resolve_event_series() {
    for (auto& r : resolved_) {
        const Entity& e = *r.entity;
        if (e.kind != EntityKind::event || !e.series.empty() || e.instances.empty()) continue;
        if (const Entity* instance = instance_meant(e, r.first)) {
            r.entity = instance;
            r.how = "nearest-instance";
        }
    }
}

// "the upcoming NATO summit" looks forward, "last year's G20 summit" back; otherwise the instance
// nearest the article's date either side.
const Entity* ArticleExtraction::instance_meant(const Entity& series, size_t first_token) const {
    if (date_value_.empty() || series.instances.empty() || !date_) return nullptr;
    int direction = 0;
    for (size_t back = 1; back <= 3 && first_token >= back; ++back) {
        const std::string& w = tokens_[first_token - back].norm;
        if (looks_forward(w)) direction = 1;
        if (looks_back(w)) direction = -1;
        if (tokens_[first_token - back].sentence_start) break;
    }
    const long day = schema::days_from_civil(date_->year, date_->month ? date_->month : 1,
                                             date_->day ? date_->day : 1);
    const Entity* best = nullptr;
    long best_gap = 0;
    for (size_t idx : series.instances) {
        const Entity& inst = kb_.entities()[idx];
        const auto from = schema::parse_iso_partial(
            inst.from.substr(0, 4) + "-" + inst.from.substr(4, 2) + "-" + inst.from.substr(6, 2));
        if (!from) continue;
        const long offset = schema::days_from_civil(from->year, from->month, from->day) - day;
        if ((direction > 0 && inst.to < date_value_) ||
            (direction < 0 && inst.from > date_value_)) {
            continue;
        }
        const long gap = std::labs(offset);
        if (!best || gap < best_gap) {
            best = &inst;
            best_gap = gap;
        }
    }
    // Annual meetings: an instance more than ~18 months away is not "the" summit.
    return best && best_gap <= 550 ? best : nullptr;
}

// ---- the result ----

Extraction ArticleExtraction::result() const {
    Extraction out;
    EntityTally tally(date_value_);
    for (const auto& r : resolved_) {
        Mention mention;
        mention.kind = r.entity->kind;
        mention.id = r.entity->id;
        mention.name = r.entity->name;
        mention.begin = tokens_[r.first].begin;
        mention.end = tokens_[r.last - 1].end;
        mention.text = text_.substr(mention.begin, mention.end - mention.begin);
        mention.how = r.how;
        mention.roles = tally.count(*r.entity, mention.begin);
        out.mentions.push_back(std::move(mention));
    }
    tally.write(out);
    out.date_mentions = find_date_mentions(text_, date_);
    for (const auto& d : out.date_mentions) {
        const std::string iso = d.date.iso();
        if (!std::count(out.mentioned.begin(), out.mentioned.end(), iso))
            out.mentioned.push_back(iso);
    }
    return out;
}

}  // namespace attache::extract
