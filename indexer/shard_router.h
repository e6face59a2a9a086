// Which shard an article goes to. The key must be a stable function of the article, so that
// re-indexing it lands in the shard that already holds it (replacement, not a duplicate) and
// `attache delete` finds it: the hash of its id, or its published month or year. Date keys put
// undated articles by the hash of their id, and the writer removes an article from its old
// shard when a corrected date moves it (docs/sharding.md).
#pragma once

#include <string>
#include <string_view>

namespace attache {

enum class ShardKey { hash, month, year };

// "hash", "month", "year"; throws UsageError for anything else.
ShardKey parse_shard_key(std::string_view name);
std::string_view shard_key_name(ShardKey key);

// The sharding layout stamped in every shard's metadata: "hash 3".
struct ShardLayout {
    ShardKey key = ShardKey::hash;
    unsigned count = 1;
};
std::string format_layout(const ShardLayout& layout);
// Throws DatabaseError naming `where` when the text is not a layout.
ShardLayout parse_layout(const std::string& text, const std::string& where);

// The shard, 0..count-1, for an article id and its published value ("YYYYMMDD" or empty).
unsigned shard_for(const ShardLayout& layout, std::string_view id, std::string_view published);

}  // namespace attache
