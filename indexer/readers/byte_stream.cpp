#include "indexer/readers/byte_stream.h"

#include <algorithm>
#include <cstring>

namespace attache::readers {

namespace {
constexpr size_t kBlock = 64 * 1024;
}

bool ByteStream::fill(size_t want) {
    while (end_ - begin_ < want && !eof_) {
        if (begin_ > 0 && begin_ == end_) begin_ = end_ = 0;
        if (buffer_.size() - end_ < kBlock) {
            // Compact before growing: the buffer only grows for a peek wider than a block.
            if (begin_ > 0) {
                std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
                end_ -= begin_;
                begin_ = 0;
            }
            if (buffer_.size() - end_ < kBlock) buffer_.resize(end_ + kBlock);
        }
        const size_t got = read_raw(buffer_.data() + end_, buffer_.size() - end_);
        if (got == 0) eof_ = true;
        end_ += got;
    }
    return end_ - begin_ >= want;
}

size_t ByteStream::read(char* out, size_t n) {
    if (begin_ == end_) fill(1);
    const size_t take = std::min(n, end_ - begin_);
    std::memcpy(out, buffer_.data() + begin_, take);
    begin_ += take;
    offset_ += take;
    return take;
}

std::string_view ByteStream::peek(size_t n) {
    fill(n);
    return {buffer_.data() + begin_, std::min(n, end_ - begin_)};
}

bool ByteStream::read_line(std::string& line, size_t max, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    while (true) {
        if (begin_ == end_ && !fill(1)) break;
        any = true;
        const char* start = buffer_.data() + begin_;
        const size_t avail = end_ - begin_;
        const void* nl = std::memchr(start, '\n', avail);
        const size_t len = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
        if (!too_long) {
            const size_t room = max - line.size();
            if (len > room) {
                line.append(start, room);
                too_long = true;
            } else {
                line.append(start, len);
            }
        }
        const size_t consumed = nl ? len + 1 : len;
        begin_ += consumed;
        offset_ += consumed;
        if (nl) break;
    }
    if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
    return any;
}

bool ByteStream::read_rest(std::string& out, size_t max) {
    const size_t start = out.size();
    char block[kBlock];
    bool fits = true;
    while (size_t got = read(block, sizeof block)) {
        if (!fits) continue;
        if (out.size() - start + got > max) {
            fits = false;
            out.resize(start);
            out.shrink_to_fit();
            continue;
        }
        out.append(block, got);
    }
    return fits;
}

size_t IstreamByteStream::read_raw(char* out, size_t n) {
    in_.read(out, static_cast<std::streamsize>(n));
    const auto got = static_cast<size_t>(in_.gcount());
    if (got == 0 && in_.bad()) throw InputError("read error");
    return got;
}

size_t MemoryByteStream::read_raw(char* out, size_t n) {
    const size_t take = std::min(n, data_.size());
    std::memcpy(out, data_.data(), take);
    data_.remove_prefix(take);
    return take;
}

}  // namespace attache::readers
