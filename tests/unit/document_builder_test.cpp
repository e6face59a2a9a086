#define BOOST_TEST_MODULE document_builder
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/field_values.h"
#include "kb/knowledge_base.h"
#include "schema/fields.h"
#include "schema/packed_facets.h"
#include "schema/stored_article.h"
#include "test_support.h"

using attache::Article;
using attache::assign_id;
using attache::BuiltDocument;
using attache::DocumentBuilder;
namespace sc = attache::schema;

namespace {

// A small KB built from strings, so that these tests do not depend on the built-in data.
const char* const kTestKb = R"(
{"kind":"country","id":"US","aliases":["U.S.","US"],"demonyms":["American"]}
{"kind":"country","id":"KR","demonyms":["South Korean"],"capital":"Seoul"}
{"kind":"person","id":"antony-blinken","name":"Antony Blinken","offices":[{"role":"Secretary of State","country":"US","from":"2021-01-26","to":"2025-01-20"}]}
{"kind":"person","id":"cho-tae-yul","name":"Cho Tae-yul","name_order":"eastern","offices":[{"role":"Foreign Minister","country":"KR","from":"2024-01-11","to":"2025-06-04"}]}
{"kind":"org","id":"nato","name":"North Atlantic Treaty Organization","aliases":["NATO"]}
{"kind":"org","id":"g20","name":"Group of Twenty","aliases":["G20"]}
{"kind":"event","id":"g20","name":"G20 summit","org":"g20","instances":[{"id":"g20-2023","name":"G20 New Delhi summit 2023","from":"2023-09-09","to":"2023-09-10","country":"IN"},{"id":"g20-2024","name":"G20 Rio de Janeiro summit 2024","from":"2024-11-18","to":"2024-11-19","country":"BR"}]}
)";

const attache::extract::EntityExtractor& extractor() {
    static const attache::extract::EntityExtractor ex([] {
        auto kb = std::make_shared<attache::kb::KnowledgeBase>();
        kb->add_iso_3166(attache::kb::kIso3166Json);
        kb->add_jsonl(kTestKb, "test.jsonl");
        kb->finish();
        return std::shared_ptr<const attache::kb::KnowledgeBase>(kb);
    }());
    return ex;
}

Article sample() {
    Article a;
    a.id = "a1";
    a.title = "Blinken meets Cho in Seoul";
    a.body =
        "Antony Blinken held talks with Cho Tae-yul, South Korea's foreign minister, before the "
        "G20 summit. The U.S. and South Korea discussed NATO.";
    a.published = "Fri, 01 Nov 2024 09:30:00 +0900";
    a.source = "Yonhap";
    a.lang = "EN";
    a.url = "https://example.com/a1";
    a.author = "Kim";
    return a;
}

BuiltDocument build(const Article& a) {
    DocumentBuilder builder(extractor());
    return builder.build(a);
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.insert(*it);
    return out;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    return terms_of(doc).count(term) == 1;
}

bool has_term_with_prefix(const Xapian::Document& doc, const std::string& prefix) {
    for (const auto& t : terms_of(doc)) {
        if (t.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
}

Xapian::termcount wdf(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

std::string prefix(const char* field) {
    return std::string(sc::field(field).prefix);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document_builder)

BOOST_AUTO_TEST_CASE(assign_id_prefers_the_input_id) {
    Article a = sample();
    BOOST_TEST(assign_id(a) == "a1");
    a.id.clear();
    BOOST_TEST(assign_id(a) == "https://example.com/a1");
}

BOOST_AUTO_TEST_CASE(assign_id_hashes_source_title_and_date) {
    Article a = sample();
    a.id.clear();
    a.url.clear();
    const std::string id = assign_id(a);
    BOOST_TEST(id.size() == 17u);
    BOOST_TEST(id[0] == 'h');
    BOOST_TEST(assign_id(a) == id);
    Article same = a;
    same.body = "another body";  // the body is not part of the hash
    BOOST_TEST(assign_id(same) == id);
    Article other = a;
    other.title += "!";
    BOOST_TEST(assign_id(other) != id);
    other = a;
    other.published = "2024-11-02";
    BOOST_TEST(assign_id(other) != id);
}

BOOST_AUTO_TEST_CASE(id_term_is_present) {
    const BuiltDocument d = build(sample());
    BOOST_TEST(d.id == "a1");
    BOOST_TEST(d.id_term == sc::id_term("a1"));
    BOOST_TEST(has_term(d.document, "Qa1"));
    BOOST_TEST(!d.date_unrecognised);
}

BOOST_AUTO_TEST_CASE(title_terms_are_prefixed_and_weighted) {
    const BuiltDocument d = build(sample());
    const std::string zs = "Z" + std::string(sc::kTitlePrefix);
    BOOST_TEST(has_term(d.document, zs + "blinken"));
    BOOST_TEST(has_term(d.document, zs + "meet"));
    BOOST_TEST(!has_term(d.document, zs + "talk"));  // a body word
    BOOST_TEST(wdf(d.document, zs + "meet") == 1u);
    BOOST_TEST(wdf(d.document, "Zmeet") == 3u);  // title words count three times
}

BOOST_AUTO_TEST_CASE(text_is_indexed_as_stems_only_with_positions) {
    const BuiltDocument d = build(sample());
    BOOST_TEST(has_term(d.document, "Ztalk"));
    BOOST_TEST(has_term(d.document, "Zdiscuss"));
    // No unstemmed copy: that would double the postings the writer merges.
    BOOST_TEST(!has_term(d.document, "talks"));
    BOOST_TEST(!has_term(d.document, "talk"));
    bool positions = false;
    for (auto it = d.document.termlist_begin(); it != d.document.termlist_end(); ++it) {
        if (*it == "Ztalk") positions = it.positionlist_count() > 0;
    }
    BOOST_TEST(positions);  // phrases and NEAR work on stems
}

BOOST_AUTO_TEST_CASE(words_are_reported_once_per_builder_with_their_stems) {
    DocumentBuilder builder(extractor());
    Article a;
    a.id = "w1";
    a.title = "Talks in Zürich";
    a.body = "Negotiations continued; the negotiators talked. HTTPS://EXAMPLE.ORG";
    const BuiltDocument first = builder.build(a);
    std::map<std::string, std::string> words(first.words.begin(), first.words.end());
    BOOST_TEST(words.at("talks") == "talk");
    BOOST_TEST(words.at("negotiations") == "negoti");
    BOOST_TEST(words.at("negotiators") == "negoti");
    BOOST_TEST(words.at("zürich") == "zürich");  // lower-cased beyond ASCII, as Xapian does
    BOOST_TEST(words.count("example"));
    BOOST_TEST(!words.count("Talks"));
    BOOST_TEST(first.words.size() == words.size());  // each word once
    a.id = "w2";
    a.body = "Talks resumed.";
    const BuiltDocument second = builder.build(a);
    std::map<std::string, std::string> more(second.words.begin(), second.words.end());
    BOOST_TEST(!more.count("talks"));  // already reported by this builder
    BOOST_TEST(more.at("resumed") == "resum");
}

BOOST_AUTO_TEST_CASE(entity_terms_use_the_schema_prefixes) {
    const BuiltDocument d = build(sample());
    const auto& doc = d.document;
    BOOST_TEST(has_term(doc, prefix("person") + "antony-blinken"));
    BOOST_TEST(has_term(doc, prefix("person") + "cho-tae-yul"));
    BOOST_TEST(has_term(doc, prefix("country") + "kr"));
    BOOST_TEST(has_term(doc, prefix("country") + "us"));
    BOOST_TEST(has_term(doc, prefix("org") + "nato"));
    BOOST_TEST(has_term(doc, prefix("place") + "seoul"));
    BOOST_TEST(has_term(doc, prefix("role") + "secretary-of-state"));
    BOOST_TEST(has_term(doc, prefix("role") + "foreign-minister"));
    BOOST_TEST(has_term(doc, prefix("minister") + "antony-blinken"));
}

BOOST_AUTO_TEST_CASE(event_instance_also_files_under_its_series) {
    const BuiltDocument d = build(sample());
    const auto& doc = d.document;
    BOOST_TEST(has_term(doc, prefix("event") + "g20-2024"));
    BOOST_TEST(has_term(doc, prefix("event") + "g20"));
    BOOST_TEST(has_term(doc, prefix("summit") + "g20-2024"));
    BOOST_TEST(has_term(doc, prefix("summit") + "g20"));
    // The series is a facet value too, so that its count equals what its filter finds.
    const auto& event = sc::field("event");
    BOOST_TEST(doc.get_value(event.first_slot) == "g20-2024");
    BOOST_TEST(doc.get_value(event.first_slot + 1) == "g20");
    BOOST_TEST(doc.get_value(event.first_slot + 2) == "");
    const auto& summit = sc::field("summit");
    BOOST_TEST(doc.get_value(summit.first_slot) == "g20-2024");
    BOOST_TEST(doc.get_value(summit.first_slot + 1) == "g20");
}

BOOST_AUTO_TEST_CASE(date_terms_and_values) {
    const BuiltDocument d = build(sample());
    const auto& doc = d.document;
    BOOST_TEST(has_term(doc, prefix("year") + "2024"));
    BOOST_TEST(has_term(doc, prefix("month") + "202411"));
    BOOST_TEST(has_term(doc, prefix("day") + "20241101"));
    BOOST_TEST(doc.get_value(sc::kSlotPublished) == "20241101");
    BOOST_TEST(doc.get_value(sc::field("year").first_slot) == "2024");
    BOOST_TEST(doc.get_value(sc::field("month").first_slot) == "2024-11");
    BOOST_TEST(doc.get_value(sc::field("day").first_slot) == "2024-11-01");
}

// Slot 8 repeats every facet slot the builder wrote, grouped by field, in rank order.
BOOST_AUTO_TEST_CASE(packed_facet_value_repeats_the_facet_slots) {
    const BuiltDocument d = build(sample());
    const auto& doc = d.document;
    std::map<Xapian::valueno, std::vector<std::string>> from_slots;
    for (auto it = doc.values_begin(); it != doc.values_end(); ++it) {
        const Xapian::valueno group = sc::packed_facet_group(it.get_valueno());
        if (group != Xapian::BAD_VALUENO) from_slots[group].push_back(*it);
    }
    std::map<Xapian::valueno, std::vector<std::string>> from_packed;
    const bool ok = sc::unpack_facet_values(
        doc.get_value(sc::kSlotPackedFacets),
        [](Xapian::valueno group) { return static_cast<int>(group); },
        [&](int group, std::string_view v) { from_packed[group].emplace_back(v); });
    BOOST_TEST(ok);
    BOOST_TEST(from_slots.count(sc::field("country").first_slot) == 1u);  // the sample has some
    BOOST_TEST((from_packed == from_slots));
}

BOOST_AUTO_TEST_CASE(source_and_lang_terms_and_values) {
    const BuiltDocument d = build(sample());
    const auto& doc = d.document;
    BOOST_TEST(has_term(doc, prefix("source") + "yonhap"));
    BOOST_TEST(doc.get_value(sc::field("source").first_slot) == "yonhap");  // the slug
    BOOST_TEST(has_term(doc, prefix("lang") + "en"));
    BOOST_TEST(doc.get_value(sc::field("lang").first_slot) == "en");
}

BOOST_AUTO_TEST_CASE(facet_values_fill_consecutive_slots_by_salience) {
    const BuiltDocument d = build(sample());
    const auto& doc = d.document;
    const auto& country = sc::field("country");
    BOOST_TEST(doc.get_value(country.first_slot) == "KR");  // two mentions
    BOOST_TEST(doc.get_value(country.first_slot + 1) == "US");
    BOOST_TEST(doc.get_value(country.first_slot + 2) == "");
    const auto& person = sc::field("person");
    BOOST_TEST(doc.get_value(person.first_slot) == "antony-blinken");
    BOOST_TEST(doc.get_value(person.first_slot + 1) == "cho-tae-yul");
    BOOST_TEST(doc.get_value(sc::kSlotOverflow) == "");
}

BOOST_AUTO_TEST_CASE(overflow_slot_names_the_kind_with_too_many_values) {
    static const char* const kCountries[] = {
        "Japan",   "China",   "India",   "France",  "Germany", "Italy",    "Canada",
        "Brazil",  "Mexico",  "Spain",   "Egypt",   "Kenya",   "Peru",     "Chile",
        "Norway",  "Sweden",  "Finland", "Poland",  "Greece",  "Portugal", "Ireland",
        "Austria", "Belgium", "Denmark", "Iceland", "Nepal"};
    Article a;
    a.id = "many";
    a.title = "Many countries";
    a.body = "Japan and Japan again.";
    size_t n = 0;
    for (const char* c : kCountries) {
        a.body += std::string(" ") + c + ".";
        ++n;
    }
    const auto& country = sc::field("country");
    BOOST_REQUIRE_GT(n, country.slot_count);
    const BuiltDocument d = build(a);
    const auto& doc = d.document;
    BOOST_TEST(doc.get_value(sc::kSlotOverflow) == "country");
    BOOST_TEST(doc.get_value(country.first_slot) == "JP");
    BOOST_TEST(doc.get_value(country.first_slot + country.slot_count - 1) != "");
    BOOST_TEST(doc.get_value(country.first_slot + country.slot_count) == "");
    // Every country still gets its term, in a slot or not.
    BOOST_TEST(has_term(doc, prefix("country") + "np"));
}

BOOST_AUTO_TEST_CASE(labels_name_the_facet_values) {
    const BuiltDocument d = build(sample());
    const auto label = [&](const std::string& key) {
        for (const auto& [k, name] : d.labels) {
            if (k == key) return name;
        }
        return std::string("<none>");
    };
    BOOST_TEST(label(sc::label_key(sc::field("person"), "antony-blinken")) == "Antony Blinken");
    BOOST_TEST(label(sc::label_key(sc::field("country"), "KR")) == "South Korea");
    BOOST_TEST(label(sc::label_key(sc::field("role"), "secretary-of-state")) ==
               "Secretary of State");
    BOOST_TEST(label(sc::label_key(sc::field("event"), "g20-2024")) ==
               "G20 Rio de Janeiro summit 2024");
    BOOST_TEST(label(sc::label_key(sc::field("event"), "g20")) == "G20 summit");
    BOOST_TEST(label(sc::label_key(sc::field("source"), "yonhap")) == "Yonhap");
    BOOST_TEST(d.text_bytes == sample().title.size() + sample().body.size());
}

BOOST_AUTO_TEST_CASE(unrecognised_date_is_flagged_and_kept_as_written) {
    Article a = sample();
    a.published = "not a date";
    const BuiltDocument d = build(a);
    BOOST_TEST(d.date_unrecognised);
    BOOST_TEST(d.document.get_value(sc::kSlotPublished) == "");
    BOOST_TEST(!has_term_with_prefix(d.document, prefix("year") + "2"));
    BOOST_TEST(sc::decode_article(d.document.get_data()).published == "not a date");
}

BOOST_AUTO_TEST_CASE(missing_date_is_not_unrecognised) {
    Article a = sample();
    a.published.clear();
    const BuiltDocument d = build(a);
    BOOST_TEST(!d.date_unrecognised);
    BOOST_TEST(d.document.get_value(sc::kSlotPublished) == "");
}

BOOST_AUTO_TEST_CASE(partial_date_gives_year_and_month_only) {
    Article a = sample();
    a.published = "2023-09";
    const BuiltDocument d = build(a);
    const auto& doc = d.document;
    BOOST_TEST(has_term(doc, prefix("year") + "2023"));
    BOOST_TEST(has_term(doc, prefix("month") + "202309"));
    BOOST_TEST(!has_term_with_prefix(doc, prefix("day") + "2"));
    BOOST_TEST(doc.get_value(sc::kSlotPublished) == "20230901");
    BOOST_TEST(doc.get_value(sc::field("day").first_slot) == "");
    BOOST_TEST(sc::decode_article(doc.get_data()).published == "2023-09");
}

BOOST_AUTO_TEST_CASE(stored_data_decodes_with_entities) {
    const BuiltDocument d = build(sample());
    const sc::StoredArticle s = sc::decode_article(d.document.get_data());
    BOOST_TEST(s.id == "a1");
    BOOST_TEST(s.title == "Blinken meets Cho in Seoul");
    BOOST_TEST(s.body == sample().body);
    BOOST_TEST(s.url == "https://example.com/a1");
    BOOST_TEST(s.published == "2024-11-01T09:30:00+09:00");
    BOOST_TEST(s.source == "Yonhap");
    BOOST_TEST(s.author == "Kim");
    const auto& people = s.entities.at("person");
    BOOST_REQUIRE_EQUAL(people.size(), 2u);
    BOOST_TEST(people[0].id == "antony-blinken");
    BOOST_TEST(people[0].name == "Antony Blinken");
    BOOST_TEST(people[0].count == 2);
    BOOST_TEST(people[0].roles == std::vector<std::string>{"Secretary of State"});
    BOOST_TEST(s.entities.at("country").front().id == "KR");
    BOOST_TEST(s.entities.at("event").front().series == "g20");
}

BOOST_AUTO_TEST_CASE(builder_is_reusable_across_articles) {
    DocumentBuilder builder(extractor());
    const BuiltDocument first = builder.build(sample());
    Article other;
    other.id = "b2";
    other.title = "Unrelated weather";
    other.body = "Rain fell.";
    const BuiltDocument second = builder.build(other);
    BOOST_TEST(!has_term(second.document, "Zblinken"));
    BOOST_TEST(!has_term(second.document, "Qa1"));
    BOOST_TEST(has_term(second.document, "Zrain"));
    BOOST_TEST(has_term(first.document, "Zblinken"));
}

BOOST_AUTO_TEST_CASE(replace_by_id_term_keeps_one_document_per_id) {
    attache::test::TempDir dir;
    DocumentBuilder builder(extractor());
    {
        Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
        Article a = sample();
        BuiltDocument d = builder.build(a);
        db.replace_document(d.id_term, d.document);
        a.title = "Blinken meets Cho again";
        d = builder.build(a);
        db.replace_document(d.id_term, d.document);
        Article b = sample();
        b.id = "b2";
        d = builder.build(b);
        db.replace_document(d.id_term, d.document);
        db.commit();
    }
    Xapian::Database db(dir / "db");
    BOOST_TEST(db.get_doccount() == 2u);
    BOOST_TEST(db.get_termfreq("Qa1") == 1u);
    const Xapian::docid id = *db.postlist_begin("Qa1");
    BOOST_TEST(sc::decode_article(db.get_document(id).get_data()).title ==
               "Blinken meets Cho again");
    BOOST_TEST(db.get_termfreq(prefix("person") + "antony-blinken") == 2u);
}

BOOST_AUTO_TEST_CASE(mentioned_dates_file_under_day_month_and_year) {
    Article a;
    a.id = "m1";
    a.title = "Talks";
    a.body = "The ministers met on Oct. 31, 2024. Their aides had met last month.";
    a.published = "2024-11-01";
    const BuiltDocument d = build(a);
    for (const char* t : {"XMD20241031", "XMM202410", "XMY2024"})
        BOOST_TEST(has_term(d.document, t), t);
    const auto& f = sc::field("mentioned");
    std::vector<std::string> values;
    for (unsigned i = 0; i < f.slot_count; ++i) {
        const std::string v = d.document.get_value(f.first_slot + i);
        if (!v.empty()) values.push_back(v);
    }
    // The day, its month and its year, each once ("last month" is the same October).
    BOOST_TEST(values == (std::vector<std::string>{"2024", "2024-10", "2024-10-31"}));
}

BOOST_AUTO_TEST_CASE(field_values_keep_each_value_once_in_order) {
    attache::FieldValues values;
    values.add("event", "g20-2024", "G20 Rio de Janeiro summit 2024");
    values.add("event", "g20", "G20 summit");
    values.add("event", "g20-2024", "another name");  // a repeat keeps the first
    values.add("event", "");                          // nothing
    const auto& events = values.of(sc::field("event"));
    BOOST_REQUIRE_EQUAL(events.size(), 2u);
    BOOST_TEST(events[0].text == "g20-2024");
    BOOST_TEST(events[0].label == "G20 Rio de Janeiro summit 2024");
    BOOST_TEST(events[1].text == "g20");
    BOOST_TEST(values.of(sc::field("summit")).empty());
}

// The hand-over names every facet field the sample article has a value for.
BOOST_AUTO_TEST_CASE(field_values_of_the_sample) {
    const Article a = sample();
    const auto date = attache::extract::parse_published_date(a.published);
    BOOST_REQUIRE(date);
    const auto ex = extractor().extract(a.title, a.body, date->date);
    const attache::FieldValues values = attache::field_values(a, ex, date->date, extractor().kb());
    const auto texts = [&](const char* f) {
        std::vector<std::string> out;
        for (const auto& v : values.of(sc::field(f))) out.push_back(v.text);
        return out;
    };
    using V = std::vector<std::string>;
    BOOST_TEST(texts("person") == (V{"antony-blinken", "cho-tae-yul"}));
    BOOST_TEST(texts("summit") == (V{"g20-2024", "g20"}));
    BOOST_TEST(texts("source") == V{"Yonhap"});  // encoded to its slug when filed
    BOOST_TEST(texts("lang") == V{"EN"});
    BOOST_TEST(texts("year") == V{"2024"});
    BOOST_TEST(texts("month") == V{"2024-11"});
    BOOST_TEST(texts("day") == V{"2024-11-01"});
}

BOOST_AUTO_TEST_SUITE_END()
