#include "schema/stub_file.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/errors.h"
#include "common/text.h"

namespace attache::schema {

namespace fs = std::filesystem;

namespace {

// A single-file glass database starts with this magic; anything else that is a regular file is
// read as a stub, as Xapian does.
constexpr char kGlassMagic[] = "\x0f\x0dXapian Glass";

std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

unsigned parse_port(const std::string& text, const std::string& where) {
    if (text.empty() || text.size() > 5 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw DatabaseError(where + ": '" + text + "' is not a port number");
    const unsigned long port = std::stoul(text);
    if (port == 0 || port > 65535)
        throw DatabaseError(where + ": port " + text + " is out of range");
    return static_cast<unsigned>(port);
}

std::string resolve(const std::string& path, const std::string& stub_path) {
    const fs::path p(path);
    if (p.is_absolute()) return path;
    return (fs::path(stub_path).parent_path() / p).lexically_normal().string();
}

}  // namespace

bool is_stub_file(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    char head[sizeof kGlassMagic - 1] = {};
    in.read(head, sizeof head);
    return !(in.gcount() == sizeof head && std::memcmp(head, kGlassMagic, sizeof head) == 0);
}

std::vector<ShardSpec> parse_stub(const std::string& text, const std::string& stub_path) {
    std::vector<ShardSpec> shards;
    std::istringstream in(text);
    std::string line;
    unsigned line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string where = stub_path + ":" + std::to_string(line_no);
        const std::string trimmed = trim(line);
        if (trimmed.empty() || trimmed[0] == '#') continue;
        const auto w = words(trimmed);
        ShardSpec s;
        s.line = line_no;
        if ((w[0] == "auto" || w[0] == "glass") && w.size() >= 2) {
            // The path is the rest of the line: it may hold spaces.
            s.path = resolve(trim(trimmed.substr(w[0].size())), stub_path);
        } else if (w[0] == "remote" && w.size() == 4 && w[1] == "tcp") {
            s.remote = true;
            s.host = w[2];
            s.port = parse_port(w[3], where);
        } else if (w[0] == "remote" && w.size() == 2 && w[1][0] != ':') {
            const std::string& hp = w[1];
            const size_t colon = hp.rfind(':');
            if (colon == std::string::npos || colon == 0)
                throw DatabaseError(where + ": expected 'remote HOST:PORT'");
            s.remote = true;
            s.host = hp.substr(0, colon);
            if (s.host.size() > 2 && s.host.front() == '[' && s.host.back() == ']')
                s.host = s.host.substr(1, s.host.size() - 2);
            s.port = parse_port(hp.substr(colon + 1), where);
        } else if (w[0] == "remote") {
            throw DatabaseError(where +
                                ": expected 'remote tcp HOST PORT' or 'remote HOST:PORT' (attache "
                                "does not start remote programs)");
        } else {
            throw DatabaseError(where +
                                ": expected 'auto PATH', 'remote tcp HOST PORT' or "
                                "'remote HOST:PORT'");
        }
        shards.push_back(std::move(s));
    }
    if (shards.empty()) throw DatabaseError(stub_path + ": the stub file lists no database");
    return shards;
}

std::vector<ShardSpec> read_stub_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DatabaseError("cannot read stub file '" + path + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_stub(ss.str(), path);
}

void write_local_stub(const std::string& stub_path, const std::vector<std::string>& shard_paths) {
    const fs::path base = fs::absolute(stub_path).parent_path();
    std::string text =
        "# attache shards (docs/sharding.md): one database per line, paths relative to this "
        "file\n";
    for (const auto& p : shard_paths)
        text +=
            "auto " + fs::absolute(p).lexically_normal().lexically_relative(base).string() + "\n";
    const std::string tmp = stub_path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) throw DatabaseError("cannot write stub file '" + tmp + "'");
    }
    std::error_code ec;
    fs::rename(tmp, stub_path, ec);
    if (ec) throw DatabaseError("cannot write stub file '" + stub_path + "': " + ec.message());
}

}  // namespace attache::schema
