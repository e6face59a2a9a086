// schema/stored_article: the one decoder of a document's data, whole or a few fields.
#define BOOST_TEST_MODULE stored_article
#include "schema/stored_article.h"

#include <boost/test/unit_test.hpp>

#include "common/errors.h"

using namespace attache;
using namespace attache::schema;

namespace {

StoredArticle sample() {
    StoredArticle a;
    a.id = "a1";
    a.title = "Talks in Seoul";
    a.body = "Blinken met Park in Seoul.";
    a.url = "https://example.org/a1";
    a.published = "2024-11-01";
    a.source = "wire";
    a.author = "R. Porter";
    a.entities["person"].push_back({"antony-blinken", "Antony Blinken", {}, "", "", "", 1});
    return a;
}

}  // namespace

BOOST_AUTO_TEST_CASE(wanted_fields_decode_only_those) {
    const std::string data = encode_article(sample());
    const StoredArticle a = decode_article(data, {"published", "title"});  // id comes along
    BOOST_TEST(a.id == "a1");
    BOOST_TEST(a.title == "Talks in Seoul");
    BOOST_TEST(a.published == "2024-11-01");
    BOOST_TEST(a.body.empty());
    BOOST_TEST(a.url.empty());
    BOOST_TEST(a.entities.empty());
    const StoredArticle id_only = decode_article(data, {"id"});
    BOOST_TEST(id_only.id == "a1");
    BOOST_TEST(id_only.title.empty());
    const StoredArticle whole = decode_article(data);
    BOOST_TEST(whole.author == "R. Porter");
    BOOST_TEST(whole.entities.at("person").front().name == "Antony Blinken");
}

BOOST_AUTO_TEST_CASE(data_that_is_not_an_article_is_a_database_error) {
    for (const std::string bad : {"", "not json", "[1,2]", R"({"title":"x"})", R"({"v":1})"}) {
        BOOST_CHECK_THROW(decode_article(bad), DatabaseError);
        BOOST_CHECK_THROW(decode_article(bad, {"id", "title"}), DatabaseError);
    }
}
