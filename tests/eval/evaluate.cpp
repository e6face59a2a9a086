// Scores the extractor against the annotated evaluation set (tests/eval/articles.jsonl):
// precision, recall and F1 per entity kind and for mentioned dates, over (article, value) pairs.
// A person counts as found only with the right id and the role gold gives for the date.
//
//   attache_eval [--errors] [--check] [FILE]
//
// --errors lists every miss and false hit; --check exits 1 when a score is under its goal
// (issue: countries 0.95, people 0.90, organizations and events 0.85, mentioned dates 0.90).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "indexer/extract/date_parser.h"
#include "indexer/extract/entity_extractor.h"

using nlohmann::json;

namespace {

struct Score {
    size_t tp = 0, fp = 0, fn = 0;
    double precision() const {
        return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1.0;
    }
    double recall() const {
        return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1.0;
    }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

const std::pair<const char*, double> kGoals[] = {{"country", 0.95}, {"person", 0.90},
                                                 {"org", 0.85},     {"event", 0.85},
                                                 {"place", 0.0},    {"mentioned", 0.90}};

}  // namespace

int main(int argc, char** argv) {
    bool list_errors = false, check = false;
    std::string path = ATTACHE_EVAL_SET;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--errors")) {
            list_errors = true;
        } else if (!std::strcmp(argv[i], "--check")) {
            check = true;
        } else {
            path = argv[i];
        }
    }
    std::ifstream in(path);
    if (!in) {
        std::cerr << "attache_eval: cannot read " << path << "\n";
        return 2;
    }
    const attache::extract::EntityExtractor extractor(attache::kb::KnowledgeBase::load({}));
    std::map<std::string, Score> scores;
    std::map<std::string, std::map<std::string, Score>> by_case;
    std::string line;
    size_t articles = 0;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const json a = json::parse(line);
        ++articles;
        const auto published = attache::extract::parse_published_date(a.value("published", ""));
        const auto date = published ? std::optional(published->date) : std::nullopt;
        const auto ex = extractor.extract(a.value("title", ""), a.value("body", ""), date);

        std::map<std::string, std::set<std::string>> got, want;
        for (const auto& [kind, list] : ex.entities) {
            for (const auto& e : list) {
                if (kind == "person") {
                    for (const auto& role : e.roles) got[kind].insert(e.id + " as " + role);
                    if (e.roles.empty()) got[kind].insert(e.id);
                } else {
                    got[kind].insert(e.id);
                }
            }
        }
        for (const auto& d : ex.mentioned) got["mentioned"].insert(d);
        const json& gold = a["gold"];
        for (const auto& [kind, list] : gold.items()) {
            for (const auto& v : list) {
                if (kind == "person") {
                    const std::string role = v.value("role", "");
                    want[kind].insert(role.empty() ? v["id"].get<std::string>()
                                                   : v["id"].get<std::string>() + " as " + role);
                } else {
                    want[kind].insert(v.get<std::string>());
                }
            }
        }
        for (const auto& [kind, goal] : kGoals) {
            Score s;
            for (const auto& v : got[kind]) {
                if (want[kind].count(v)) {
                    ++s.tp;
                } else {
                    ++s.fp;
                    if (list_errors)
                        std::cout << a["id"].get<std::string>() << "  false " << kind << "  " << v
                                  << "\n";
                }
            }
            for (const auto& v : want[kind]) {
                if (!got[kind].count(v)) {
                    ++s.fn;
                    if (list_errors)
                        std::cout << a["id"].get<std::string>() << "  missed " << kind << "  " << v
                                  << "\n";
                }
            }
            auto add = [&](Score& to) {
                to.tp += s.tp;
                to.fp += s.fp;
                to.fn += s.fn;
            };
            add(scores[kind]);
            for (const auto& c : a.value("cases", json::array()))
                add(by_case[c.get<std::string>()][kind]);
        }
    }
    std::printf("%zu articles from %s\n\n%-10s %9s %9s %9s %6s %6s %6s  %s\n", articles,
                path.c_str(), "kind", "precision", "recall", "F1", "tp", "fp", "fn", "goal");
    bool below = false;
    for (const auto& [kind, goal] : kGoals) {
        const Score& s = scores[kind];
        const bool ok = s.f1() >= goal;
        below = below || !ok;
        std::printf(
            "%-10s %9.3f %9.3f %9.3f %6zu %6zu %6zu  %s\n", kind, s.precision(), s.recall(), s.f1(),
            s.tp, s.fp, s.fn,
            goal > 0
                ? (std::string(ok ? ">= " : "BELOW ") + std::to_string(goal).substr(0, 4)).c_str()
                : "-");
    }
    std::printf("\nF1 by case tag (all kinds pooled)\n");
    for (const auto& [tag, kinds] : by_case) {
        Score pooled;
        for (const auto& [kind, s] : kinds) {
            pooled.tp += s.tp;
            pooled.fp += s.fp;
            pooled.fn += s.fn;
        }
        std::printf("  %-18s %6.3f  (tp %zu, fp %zu, fn %zu)\n", tag.c_str(), pooled.f1(),
                    pooled.tp, pooled.fp, pooled.fn);
    }
    return check && below ? 1 : 0;
}
