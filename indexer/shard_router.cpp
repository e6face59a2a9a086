#include "indexer/shard_router.h"

#include <sstream>

#include "common/errors.h"
#include "common/text.h"

namespace attache {

ShardKey parse_shard_key(std::string_view name) {
    if (name == "hash") return ShardKey::hash;
    if (name == "month") return ShardKey::month;
    if (name == "year") return ShardKey::year;
    throw UsageError("--shard-by " + std::string(name) + ": expected hash, month or year");
}

std::string_view shard_key_name(ShardKey key) {
    switch (key) {
        case ShardKey::month:
            return "month";
        case ShardKey::year:
            return "year";
        case ShardKey::hash:
            break;
    }
    return "hash";
}

std::string format_layout(const ShardLayout& layout) {
    return std::string(shard_key_name(layout.key)) + " " + std::to_string(layout.count);
}

ShardLayout parse_layout(const std::string& text, const std::string& where) {
    std::istringstream in(text);
    std::string key;
    long count = 0;
    if (!(in >> key >> count) || count < 1 || (key != "hash" && key != "month" && key != "year"))
        throw DatabaseError(where + ": unreadable shard layout '" + text + "'");
    return {parse_shard_key(key), static_cast<unsigned>(count)};
}

unsigned shard_for(const ShardLayout& layout, std::string_view id, std::string_view published) {
    if (layout.count <= 1) return 0;
    // FNV-1a of the id: fixed by its definition, so the same id maps to the same shard on every
    // machine and in every release (std::hash promises neither).
    if (layout.key == ShardKey::hash || published.size() < 6)
        return static_cast<unsigned>(fnv1a64(id) % layout.count);
    const long year = std::stol(std::string(published.substr(0, 4)));
    if (layout.key == ShardKey::year) return static_cast<unsigned>(year % layout.count);
    // Consecutive months go to consecutive shards, so a month's burst of news is spread out
    // over time rather than all shards filling one after the other.
    const long month = std::stol(std::string(published.substr(4, 2)));
    return static_cast<unsigned>((year * 12 + month - 1) % layout.count);
}

}  // namespace attache
