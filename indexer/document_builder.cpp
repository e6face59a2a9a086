#include "indexer/document_builder.h"

#include <algorithm>

#include "common/text.h"
#include "indexer/caching_stemmer.h"
#include "indexer/field_values.h"
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

// Files a field's values as the schema row says: a term each, and a slot each for the most
// salient ones; a field with more values than slots is named in the overflow slot.
void add_field(Xapian::Document& doc, const sc::FieldSpec& field,
               const std::vector<FieldValue>& values, std::string& overflow, BuiltDocument& out) {
    for (size_t rank = 0; rank < values.size(); ++rank) {
        const sc::EncodedValue encoded = sc::encode(field, values[rank].text);
        doc.add_boolean_term(encoded.term);
        if (rank < field.slot_count) {
            doc.add_value(field.first_slot + static_cast<Xapian::valueno>(rank), encoded.value);
        } else if (rank == field.slot_count) {
            if (!overflow.empty()) overflow += ',';
            overflow += field.name;
        }
        const std::string& label = values[rank].label.empty() ? encoded.label : values[rank].label;
        if (!label.empty()) out.labels.emplace_back(sc::label_key(field, encoded.value), label);
    }
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

    if (date) doc.add_value(sc::kSlotPublished, date->value());
    const FieldValues values = field_values(article, ex, date, extractor_.kb());
    std::string overflow;
    for (const auto& f : sc::fields()) {
        if (f.facet) add_field(doc, f, values.of(f), overflow, out);
    }
    if (!overflow.empty()) doc.add_value(sc::kSlotOverflow, overflow);

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
