// The byte layer under every reader: a ByteStream is one stream of bytes to parse (a plain
// file, standard input, a decompressed file or one member of an archive). It buffers, so a
// reader can peek at the first bytes (format detection) and then read them again, and it
// reads lines or whole records with a size cap, so no reader holds more than that in memory.
// Where the bytes come from is the business of input_source.h.
#pragma once

#include <cstdint>
#include <istream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attache::readers {

// The bytes could not be read: an I/O error, corrupt compressed data, a damaged archive.
// The message says why; the caller adds where.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class ByteStream {
  public:
    explicit ByteStream(std::string name) : name_(std::move(name)) {}
    virtual ~ByteStream() = default;
    ByteStream(const ByteStream&) = delete;
    ByteStream& operator=(const ByteStream&) = delete;

    // The name used in messages: "dump.jsonl", "<stdin>", "feeds.tar.gz!world/rss.xml".
    const std::string& name() const { return name_; }

    // Up to `n` bytes; 0 at the end. Throws InputError.
    size_t read(char* out, size_t n);
    // The next `n` bytes (fewer at the end) without consuming them.
    std::string_view peek(size_t n);
    // The next line without its "\n" (and "\r"); false at the end. A line longer than `max`
    // is consumed to its end but not kept: `line` then holds its first `max` bytes and
    // `too_long` is set.
    bool read_line(std::string& line, size_t max, bool& too_long);
    // The rest of the stream, appended to `out`; false (and the rest consumed, not kept) when
    // it is longer than `max`.
    bool read_rest(std::string& out, size_t max);
    // Bytes consumed so far.
    uint64_t offset() const { return offset_; }

  protected:
    // Fill `out` with up to `n` bytes from the underlying source; 0 at the end.
    virtual size_t read_raw(char* out, size_t n) = 0;

  private:
    bool fill(size_t want);  // make at least `want` bytes buffered if the source has them
    std::string name_;
    std::vector<char> buffer_;
    size_t begin_ = 0, end_ = 0;
    uint64_t offset_ = 0;
    bool eof_ = false;
};

// A ByteStream over a std::istream (tests, `attache extract`).
class IstreamByteStream : public ByteStream {
  public:
    IstreamByteStream(std::istream& in, std::string name) : ByteStream(std::move(name)), in_(in) {}

  protected:
    size_t read_raw(char* out, size_t n) override;

  private:
    std::istream& in_;
};

// A ByteStream over bytes in memory (tests, fuzzers).
class MemoryByteStream : public ByteStream {
  public:
    MemoryByteStream(std::string_view data, std::string name)
        : ByteStream(std::move(name)), data_(data) {}

  protected:
    size_t read_raw(char* out, size_t n) override;

  private:
    std::string_view data_;
};

}  // namespace attache::readers
