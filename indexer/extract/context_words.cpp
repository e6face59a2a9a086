#include "indexer/extract/context_words.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace attache::extract {

namespace {

bool one_of(const std::string& word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

bool is_reporting_verb(const std::string& word) {
    return one_of(
        word, {"said",  "says",      "say",       "announced", "urged",     "warned",   "accused",
               "wants", "insisted",  "responded", "rejected",  "protested", "denied",   "called",
               "has",   "have",      "had",       "is",        "was",       "will",     "would",
               "could", "condemned", "welcomed",  "hopes",     "believes",  "demanded", "vowed"});
}

bool is_state_noun(const std::string& word) {
    return one_of(
        word, {"hands",    "response",   "position", "stance",     "decision",   "policy",
               "demands",  "demand",     "proposal", "proposals",  "offer",      "refusal",
               "approach", "claims",     "envoy",    "ambassador", "delegation", "objections",
               "concerns", "intentions", "allies",   "support",    "backing",    "retaliation"});
}

bool is_locative(const std::string& word) {
    return one_of(word,
                  {"in", "at", "to", "from", "near", "into", "visited", "visit", "via", "outside"});
}

bool is_relational(const std::string& word) {
    return one_of(word, {"with", "against", "toward", "towards"});
}

bool is_pressure_noun(const std::string& word) {
    return one_of(word, {"pressure", "sanctions", "tariffs", "pressing", "calls", "call"});
}

bool is_given_name_country(const std::string& word) {
    return one_of(word, {"chad", "jordan", "georgia", "india", "kenya", "israel", "cuba"});
}

bool is_bird_word(const std::string& word) {
    return one_of(word, {"dinner", "dinners", "feast",   "sandwich",     "meat",  "roast",
                         "leg",    "legs",    "breast",  "stuffing",     "gravy", "farm",
                         "farms",  "farmers", "hunting", "bird",         "birds", "burger",
                         "wild",   "smoked",  "stuffed", "thanksgiving", "carved"});
}

bool marks_former_office(const std::string& word) {
    return one_of(word, {"former", "ex", "late", "then"});
}

bool looks_forward(const std::string& word) {
    return one_of(word, {"upcoming", "next", "coming", "forthcoming"});
}

bool looks_back(const std::string& word) {
    return one_of(word, {"last", "previous", "past", "recent"});
}

}  // namespace attache::extract
