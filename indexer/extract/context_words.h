// The English words around a mention that tell the extractor what the mention means: a capital
// speaking for its government ("Seoul said", "talks with Washington"), a country that is part of
// a person's name ("Michael Jordan") or a bird ("turkey dinner"), a title that is no longer held
// ("former minister"), a summit looked forward or back to ("next year's G20 summit"). Each takes
// a token's `norm` (folded, lower case).
#pragma once

#include <string>

namespace attache::extract {

// Capitals as their governments: "Seoul said", "Moscow's response", "talks with Washington",
// "sanctions on Pyongyang".
bool is_reporting_verb(const std::string& word);
bool is_state_noun(const std::string& word);     // only a state has them: "Moscow's hands"
bool is_locative(const std::string& word);       // "in Seoul", "visited Beijing": the place
bool is_relational(const std::string& word);     // "with", "against": relations take countries
bool is_pressure_noun(const std::string& word);  // "pressure on", "sanctions on"

// Countries that are also given names ("Chad Johnson", "Michael Jordan").
bool is_given_name_country(const std::string& word);
// Words next to "turkey" that make it the bird.
bool is_bird_word(const std::string& word);

// "former", "ex", "late", "then": the title is a past one.
bool marks_former_office(const std::string& word);

// Before a summit series: "upcoming", "next" look forward; "last", "previous" look back.
bool looks_forward(const std::string& word);
bool looks_back(const std::string& word);

}  // namespace attache::extract
