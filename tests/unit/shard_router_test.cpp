#define BOOST_TEST_MODULE shard_router
#include <boost/test/unit_test.hpp>

#include <map>

#include "common/errors.h"
#include "indexer/shard_router.h"

using namespace attache;

BOOST_AUTO_TEST_CASE(hash_key_is_fixed_by_the_id_alone) {
    const ShardLayout three{ShardKey::hash, 3};
    // Pinned values: a change here moves existing articles to other shards, which would break
    // replacement and deletion in every sharded database already written.
    BOOST_TEST(shard_for(three, "att-0001", "20220302") == shard_for(three, "att-0001", ""));
    std::map<unsigned, int> spread;
    for (int i = 0; i < 3000; ++i) ++spread[shard_for(three, "id-" + std::to_string(i), "")];
    BOOST_TEST(spread.size() == 3u);
    for (const auto& [shard, n] : spread) BOOST_TEST((n > 900 && n < 1100), shard << ": " << n);
    BOOST_TEST(shard_for(three, "att-0001", "") == 0u);
    BOOST_TEST(shard_for(three, "att-0002", "") == 0u);
    BOOST_TEST(shard_for(three, "att-0003", "") == 2u);
    BOOST_TEST(shard_for({ShardKey::hash, 1}, "anything", "") == 0u);
}

BOOST_AUTO_TEST_CASE(month_and_year_keys_follow_the_published_date) {
    const ShardLayout months{ShardKey::month, 4};
    BOOST_TEST(shard_for(months, "a", "20240115") == shard_for(months, "b", "20240131"));
    BOOST_TEST((shard_for(months, "a", "20240215") + 4 - shard_for(months, "a", "20240115")) % 4 ==
               1u);  // consecutive months, consecutive shards
    const ShardLayout years{ShardKey::year, 2};
    BOOST_TEST(shard_for(years, "a", "20240115") == 0u);
    BOOST_TEST(shard_for(years, "a", "20251231") == 1u);
    // Undated: by the id, so still stable.
    BOOST_TEST(shard_for(years, "x", "") == shard_for({ShardKey::hash, 2}, "x", ""));
}

BOOST_AUTO_TEST_CASE(layout_round_trips_and_rejects_garbage) {
    const ShardLayout l = parse_layout(format_layout({ShardKey::month, 12}), "db");
    BOOST_TEST((l.key == ShardKey::month));
    BOOST_TEST(l.count == 12u);
    BOOST_TEST(format_layout({ShardKey::hash, 3}) == "hash 3");
    BOOST_CHECK_THROW(parse_layout("hash 0", "db"), DatabaseError);
    BOOST_CHECK_THROW(parse_layout("colour 3", "db"), DatabaseError);
    BOOST_CHECK_THROW(parse_shard_key("day"), UsageError);
}
