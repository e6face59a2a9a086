#include "indexer/document_builder.h"

#include <algorithm>

#include "common/text.h"
#include "indexer/caching_stemmer.h"
#include "schema/fields.h"
#include "schema/packed_facets.h"
#include "schema/stored_article.h"

namespace attache {

namespace sc = attache::schema;

std::string assign_id(const Article& a) {
    if (!a.id.empty()) return a.id;
    if (!a.url.empty()) return a.url;
    return "h" + hex64(fnv1a64(a.source + "\n" + a.title + "\n" + a.published)).substr(0, 16);
}

DocumentBuilder::DocumentBuilder(const extract::EntityExtractor& extractor)
    : extractor_(extractor), stemmer_(CachingStemmer::make("english")) {
    // Stems only, with positions (Z terms): Xapian's default STEM_SOME also indexes every word
    // unstemmed, which doubles the postings a writer merges (measured: a third of indexing CPU)
    // for exact-form matching that queries seldom need. Wildcards and spelling, which do need
    // the words, read them from the vocabulary instead.
    termgen_.set_stemmer(stemmer_);
    termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
}

void DocumentBuilder::collect_words(std::string_view text, BuiltDocument& out) {
    // Words as TermGenerator splits them: runs of Unicode word characters, lower-cased. (Its
    // special cases, "U.S." as "us" and "C++", are left out: their parts are still words.)
    // Longer "words" are URLs, hashes or glued text: nobody completes them with a wildcard.
    constexpr size_t kMaxWordBytes = 40;
    // The set of reported words is bounded: past the cap it starts again (words are then
    // reported twice, which costs the writer a lookup, not memory).
    constexpr size_t kMaxWordsRemembered = 200000;
    if (words_seen_.size() > kMaxWordsRemembered) words_seen_.clear();
    std::string& word = word_buffer_;
    word.clear();
    auto flush = [&] {
        if (!word.empty() && word.size() <= kMaxWordBytes && !words_seen_.count(word)) {
            words_seen_.insert(word);
            out.words.emplace_back(word, stemmer_(word));
        }
        word.clear();
    };
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {  // ASCII, most of the text: no decoding
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                word += static_cast<char>(c);
            } else if (c >= 'A' && c <= 'Z') {
                word += static_cast<char>(c - 'A' + 'a');
            } else {
                flush();
            }
            ++i;
            continue;
        }
        const size_t len = std::min<size_t>(c >= 0xF0   ? 4
                                            : c >= 0xE0 ? 3
                                            : c >= 0xC0 ? 2
                                                        : 1,
                                            text.size() - i);
        const unsigned ch = *Xapian::Utf8Iterator(text.data() + i, len);
        if (Xapian::Unicode::is_wordchar(ch)) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
        } else {
            flush();
        }
        i += len;
    }
    flush();
}

namespace {

// Title words count three times in the unprefixed text so that a title match ranks above a
// passing mention; the S-prefixed copy serves title: queries.
constexpr Xapian::termcount kTitleWeight = 3;

void add_facet(Xapian::Document& doc, const sc::FieldSpec& field,
               const std::vector<std::string>& ids, std::string& overflow) {
    for (size_t rank = 0; rank < ids.size(); ++rank) {
        doc.add_boolean_term(sc::term(field, ids[rank]));
        if (rank < field.slot_count) {
            doc.add_value(field.first_slot + static_cast<Xapian::valueno>(rank), ids[rank]);
        } else if (rank == field.slot_count) {
            if (!overflow.empty()) overflow += ',';
            overflow += field.name;
        }
    }
}

std::vector<std::string> ids_of(const std::vector<sc::StoredEntity>& list) {
    std::vector<std::string> ids;
    for (const auto& e : list) ids.push_back(e.id);
    return ids;
}

void push_unique(std::vector<std::string>& v, const std::string& s) {
    if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

BuiltDocument DocumentBuilder::build(const Article& article) {
    BuiltDocument out;
    out.id = assign_id(article);
    out.id_term = sc::id_term(out.id);
    out.text_bytes = article.title.size() + article.body.size();
    Xapian::Document& doc = out.document;

    std::optional<extract::PublishedDate> published;
    if (!article.published.empty()) {
        published = extract::parse_published_date(article.published);
        out.date_unrecognised = !published;
    }
    const std::optional<sc::PartialDate> date =
        published ? std::optional<sc::PartialDate>(published->date) : std::nullopt;
    extract::Extraction ex = extractor_.extract(article.title, article.body, date);

    doc.add_boolean_term(out.id_term);
    termgen_.set_document(doc);
    termgen_.index_text(article.title, 1, std::string(sc::kTitlePrefix));
    termgen_.index_text(article.title, kTitleWeight);
    termgen_.increase_termpos();
    termgen_.index_text(article.body);
    collect_words(article.title, out);
    collect_words(article.body, out);

    for (const char* kind : sc::kStoredEntityKinds) {
        for (const auto& e : ex.entities[kind])
            out.labels.emplace_back(sc::label_key(kind, e.id), e.name);
    }
    for (const auto& r : ex.roles) out.labels.emplace_back(sc::label_key("role", r.id), r.name);

    std::string overflow;
    add_facet(doc, sc::field("person"), ids_of(ex.entities["person"]), overflow);
    add_facet(doc, sc::field("country"), ids_of(ex.entities["country"]), overflow);
    add_facet(doc, sc::field("org"), ids_of(ex.entities["org"]), overflow);
    add_facet(doc, sc::field("place"), ids_of(ex.entities["place"]), overflow);
    add_facet(doc, sc::field("role"), ids_of(ex.roles), overflow);
    add_facet(doc, sc::field("minister"), ex.ministers, overflow);

    // An event instance also files under its series, as a term and as a facet value, so that
    // summit:G20 finds every G20 summit and the facet count of a value always equals the number
    // of articles its filter finds.
    std::vector<std::string> events, summits;
    for (const auto& e : ex.entities["event"]) {
        for (const std::string* id : {&e.id, &e.series}) {
            push_unique(events, *id);
            if (e.type == "summit") push_unique(summits, *id);
        }
        if (!e.series.empty()) {
            if (const kb::Entity* series = extractor_.kb().find(kb::EntityKind::event, e.series)) {
                out.labels.emplace_back(sc::label_key("event", series->id), series->name);
            }
        }
    }
    add_facet(doc, sc::field("event"), events, overflow);
    add_facet(doc, sc::field("summit"), summits, overflow);
    // Mentioned dates: each mention also files under its month and year, as terms and as facet
    // values, so that the facet count of "2024-10" equals what mentioned:2024-10 finds.
    std::vector<std::string> mentioned_values;
    for (const std::string& iso : ex.mentioned) {  // "2024", "2024-10" or "2024-10-31"
        push_unique(mentioned_values, iso.substr(0, 4));
        if (iso.size() >= 7) push_unique(mentioned_values, iso.substr(0, 7));
        if (iso.size() == 10) push_unique(mentioned_values, iso);
    }
    const auto& mentioned = sc::field("mentioned");
    for (size_t rank = 0; rank < mentioned_values.size(); ++rank) {
        const std::string& iso = mentioned_values[rank];
        std::string digits = iso;
        digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
        const std::string_view prefix = digits.size() == 4   ? sc::kMentionedYearPrefix
                                        : digits.size() == 6 ? sc::kMentionedMonthPrefix
                                                             : sc::kMentionedDayPrefix;
        doc.add_boolean_term(std::string(prefix) + digits);
        if (rank < mentioned.slot_count) {
            doc.add_value(mentioned.first_slot + static_cast<Xapian::valueno>(rank), iso);
        } else if (rank == mentioned.slot_count) {
            if (!overflow.empty()) overflow += ',';
            overflow += "mentioned";
        }
    }
    if (!overflow.empty()) doc.add_value(sc::kSlotOverflow, overflow);

    if (!article.source.empty()) {
        const auto& f = sc::field("source");
        // The facet value is the slug that source: filters on; the outlet's name is its label.
        const std::string slug = slugify(article.source);
        doc.add_boolean_term(sc::term(f, slug));
        doc.add_value(f.first_slot, slug);
        out.labels.emplace_back(sc::label_key("source", slug), article.source);
    }
    if (!article.lang.empty()) {
        const auto& f = sc::field("lang");
        doc.add_boolean_term(sc::term(f, ascii_lower(article.lang)));
        doc.add_value(f.first_slot, ascii_lower(article.lang));
    }
    if (date) {
        doc.add_value(sc::kSlotPublished, date->value());
        const std::string iso = date->iso();
        const auto& year = sc::field("year");
        doc.add_boolean_term(std::string(year.prefix) + iso.substr(0, 4));
        doc.add_value(year.first_slot, iso.substr(0, 4));
        if (date->month) {
            const auto& month = sc::field("month");
            doc.add_boolean_term(std::string(month.prefix) + iso.substr(0, 4) + iso.substr(5, 2));
            doc.add_value(month.first_slot, iso.substr(0, 7));
        }
        if (date->day) {
            const auto& day = sc::field("day");
            doc.add_boolean_term(std::string(day.prefix) + iso.substr(0, 4) + iso.substr(5, 2) +
                                 iso.substr(8, 2));
            doc.add_value(day.first_slot, iso);
        }
    }

    // Last, once every facet slot is set: one value repeating them all for local facet counts.
    doc.add_value(sc::kSlotPackedFacets, sc::pack_facet_values(doc));

    sc::StoredArticle stored;
    stored.id = out.id;
    stored.title = article.title;
    stored.body = article.body;
    stored.url = article.url;
    stored.published = published ? published->normalized : article.published;
    stored.source = article.source;
    stored.lang = article.lang;
    stored.author = article.author;
    stored.entities = std::move(ex.entities);
    doc.set_data(sc::encode_article(stored));
    return out;
}

}  // namespace attache
