// One article on its way through the entity extractor: its text, tokens and date, the alias
// matches, and the mentions resolved so far. Each pass is one method; EntityExtractor::extract
// calls them in order, and each pass says what it needs from the ones before it. The office-title
// pass, the largest, is in office_title_pass.cpp; the others in article_extraction.cpp.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/extract/alias_trie.h"
#include "indexer/extract/entity_extractor.h"
#include "indexer/extract/office_titles.h"
#include "indexer/extract/tokenizer.h"
#include "kb/knowledge_base.h"
#include "schema/dates.h"

namespace attache::extract {

class ArticleExtraction {
  public:
    ArticleExtraction(const kb::KnowledgeBase& kb, const AliasTrie& aliases,
                      const OfficeTitles& titles, std::string_view title, std::string_view body,
                      const std::optional<schema::PartialDate>& date);

    // Pass 1: the KB's aliases, longest match first. Every later pass starts from these.
    void match_aliases();
    // Pass 2: names, aliases and demonyms. Before surnames, which refer back to full names.
    void resolve_names();
    // Pass 3: surnames, to a full name seen in the article or the one candidate in office. Leaves
    // the mentions in text order, which the next passes need to read their neighbours.
    void resolve_surnames();
    // Pass 4: capitals acting for their government ("Seoul said") become the country. Reads the
    // mention before ("Washington and Beijing"), so it runs once all KB names are resolved.
    void read_capitals_as_countries();
    // Pass 5: acronyms the article defines ("the Nuclear Consultative Group (NCG)"). Before
    // titles, so that the later "NCG" claims its words before they are read as a name.
    void resolve_defined_acronyms();
    // Pass 6: office titles ("Japan's foreign minister", "the U.S. Secretary of State"). Last of
    // the resolving passes: a title reads the people and countries around it.
    void resolve_office_titles();
    // Pass 7: a summit series mention goes to the instance nearest the article's date. After the
    // acronyms, so that a series found by any of the passes above goes through the same rule.
    void resolve_event_series();

    // Mentions in text order, entities by salience, roles, ministers and mentioned dates.
    Extraction result() const;

  private:
    struct Resolved {
        size_t first, last;  // token range [first, last)
        const kb::Entity* entity;
        std::string how;
    };

    std::string_view gap_before(size_t t) const;  // the text between tokens t - 1 and t
    bool comma_before(size_t t) const;
    bool capitalised_word(const std::vector<char>& claimed, size_t t) const;
    bool glued_to_unknown_name(size_t first, size_t last) const;
    std::vector<char> tokens_resolved() const;
    void sort_in_text_order();

    const kb::Entity* prefer_in_office(const AliasMatch& match) const;
    bool means_no_country(const AliasMatch& match, const AliasEntry& top) const;
    const kb::Entity* surname_in_office(const AliasMatch& match) const;

    bool capital_acts_for_state(size_t k) const;
    bool followed_by_state_noun(const Resolved& r) const;
    bool capital_as_object(size_t k) const;

    std::vector<std::pair<std::string, const kb::Entity*>> defined_acronyms() const;

    // office_title_pass.cpp
    size_t read_title(const TitleMatch& office, std::vector<Resolved>& added);
    const Resolved* person_at(size_t t) const;
    const Resolved* qualifier_before(size_t t) const;
    bool describes_name_before(size_t lead) const;
    size_t name_after_title(size_t next) const;
    size_t unknown_name_end(size_t name_at) const;
    Resolved introduce(std::string name, size_t name_at, size_t end, const TitleMatch& office,
                       const kb::Entity* qualifier, bool former);
    const kb::Entity* single_holder(const std::string& role_id, const kb::Entity* qualifier) const;
    void refer_back_to_introduced(std::vector<Resolved>& added) const;

    const kb::Entity* instance_meant(const kb::Entity& series, size_t first_token) const;

    const kb::KnowledgeBase& kb_;
    const AliasTrie& aliases_;
    const OfficeTitles& titles_;
    std::string text_;  // title + "\n\n" + body, or the body alone when there is no title
    std::vector<Token> tokens_;
    std::optional<schema::PartialDate> date_;
    std::string date_value_;  // "YYYYMMDD", empty when the date is unknown

    std::vector<AliasMatch> matches_;
    std::vector<char> in_alias_;  // tokens inside some alias match, resolved or not
    std::vector<const kb::Entity*> full_names_seen_;
    std::vector<size_t> surname_matches_;  // indices into matches_, resolved after full names
    std::vector<Resolved> resolved_;
    std::deque<kb::Entity> introduced_;  // people found by title; stable addresses
    std::vector<char> taken_;            // while reading titles: tokens some mention claims
};

}  // namespace attache::extract
