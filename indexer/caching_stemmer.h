// An English stemmer that remembers its answers. TermGenerator stems every occurrence of every
// word, and news text repeats its words: a profile of `attache index` put Snowball stemming at 5%
// of indexing CPU, most of it on words already stemmed. Answers are the stemmer's own, so queries
// (stemmed by a plain Xapian::Stem) match. Not thread-safe, like the TermGenerator holding it:
// one per DocumentBuilder.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace attache {

class CachingStemmer : public Xapian::StemImplementation {
  public:
    explicit CachingStemmer(const std::string& language) : stem_(language) {}

    std::string operator()(const std::string& word) override {
        if (auto it = cache_.find(word); it != cache_.end()) return it->second;
        // Bounded: past the cap the cache starts again.
        if (cache_.size() >= kMaxEntries) cache_.clear();
        return cache_.emplace(word, stem_(word)).first->second;
    }
    std::string get_description() const override {
        return "CachingStemmer(" + stem_.get_description() + ")";
    }

    // A Xapian::Stem that owns a new caching stemmer (Xapian counts the references).
    static Xapian::Stem make(const std::string& language) {
        return Xapian::Stem(new CachingStemmer(language));
    }

  private:
    static constexpr size_t kMaxEntries = 100000;
    Xapian::Stem stem_;
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace attache
