#include "indexer/extract_command.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/errors.h"
#include "indexer/document_builder.h"
#include "indexer/extract/date_parser.h"
#include "indexer/extract/entity_extractor.h"
#include "indexer/readers/jsonl_reader.h"
#include "schema/stored_article.h"

namespace attache {

namespace {

using json = nlohmann::ordered_json;

json extraction_to_json(const Article& a, const std::optional<extract::PublishedDate>& published,
                        const extract::Extraction& ex) {
    json mentions = json::array();
    for (const auto& m : ex.mentions) {
        json item = {
            {"begin", m.begin}, {"end", m.end},   {"text", m.text}, {"kind", kb::kind_name(m.kind)},
            {"id", m.id},       {"name", m.name}, {"how", m.how}};
        if (!m.roles.empty()) item["roles"] = m.roles;
        mentions.push_back(std::move(item));
    }
    schema::StoredArticle stored;
    stored.entities = ex.entities;
    json roles = json::array();
    for (const auto& r : ex.roles)
        roles.push_back({{"id", r.id}, {"name", r.name}, {"count", r.count}});
    json dates = json::array();
    for (const auto& d : ex.date_mentions) {
        dates.push_back({{"begin", d.begin},
                         {"end", d.end},
                         {"text", d.text},
                         {"date", d.date.iso()},
                         {"relative", d.relative}});
    }
    return {{"id", assign_id(a)},
            {"published", published ? published->normalized : a.published},
            {"mentions", std::move(mentions)},
            {"entities", schema::entities_to_json(stored, true)},
            {"roles", std::move(roles)},
            {"ministers", ex.ministers},
            {"dates", std::move(dates)},
            {"mentioned", ex.mentioned}};
}

void print_text(std::ostream& out, const Article& a,
                const std::optional<extract::PublishedDate>& published,
                const extract::Extraction& ex) {
    out << "# " << assign_id(a)
        << (published ? "  published " + published->normalized : "  (no date)") << "\n";
    for (const auto& m : ex.mentions) {
        out << "  " << m.begin << "-" << m.end << "  " << kb::kind_name(m.kind) << "  " << m.id
            << "  \"" << m.text << "\"  (" << m.how;
        for (const auto& r : m.roles) out << ", " << r;
        out << ")\n";
    }
    for (const auto& d : ex.date_mentions) {
        out << "  " << d.begin << "-" << d.end << "  date  " << d.date.iso() << "  \"" << d.text
            << "\"  (" << (d.relative ? "relative" : "absolute") << ")\n";
    }
    for (const std::string& kind : schema::stored_entity_kinds()) {
        auto it = ex.entities.find(kind);
        if (it == ex.entities.end() || it->second.empty()) continue;
        out << "  " << kind << ":";
        for (const auto& e : it->second) out << " " << e.id << "x" << e.count;
        out << "\n";
    }
}

}  // namespace

int run_extract(const ExtractOptions& opt) {
    auto kb = kb::KnowledgeBase::load(opt.kb_files);
    const extract::EntityExtractor extractor(kb);

    std::ifstream file;
    std::istream* in = &std::cin;
    if (opt.input != "-") {
        file.open(opt.input, std::ios::binary);
        if (!file) throw UsageError(opt.input + ": cannot open for reading");
        in = &file;
    }
    std::stringstream content;
    content << in->rdbuf();
    const std::string text = content.str();
    const std::string name = opt.input == "-" ? "<stdin>" : opt.input;

    std::vector<Article> articles;
    int code = 0;
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        std::istringstream lines(text);
        readers::JsonlReader reader(lines, name);
        while (true) {
            auto record = reader.next();
            if (std::holds_alternative<std::monostate>(record)) break;
            if (auto* bad = std::get_if<RejectedRecord>(&record)) {
                print_error_line(bad->origin + ": " + bad->reason);
                code = static_cast<int>(ExitCode::rejected_records);
                continue;
            }
            articles.push_back(std::get<Article>(std::move(record)));
        }
    } else {
        Article a;
        a.id = name;
        a.title = opt.title;
        a.body = text;
        a.published = opt.date;
        articles.push_back(std::move(a));
    }
    for (const auto& a : articles) {
        const auto published = extract::parse_published_date(a.published);
        if (!a.published.empty() && !published) {
            print_error_line((a.origin.empty() ? name : a.origin) + ": unrecognised date '" +
                             a.published + "'");
        }
        const auto date =
            published ? std::optional<schema::PartialDate>(published->date) : std::nullopt;
        const extract::Extraction ex = extractor.extract(a.title, a.body, date);
        if (opt.format == "json") {
            std::cout << extraction_to_json(a, published, ex)
                             .dump(-1, ' ', false, json::error_handler_t::replace)
                      << "\n";
        } else {
            print_text(std::cout, a, published, ex);
        }
    }
    return code;
}

}  // namespace attache
