// Opens one input path (or "-" for standard input) through libarchive, which undoes gzip,
// bzip2, xz and zstd compression and unpacks tar (and zip) archives the same way: the source
// yields one ByteStream per member. A plain or compressed single file is one member named
// after the file; archive members are named "archive.tar.gz!dir/member.xml".
#pragma once

#include <memory>
#include <string>

#include "indexer/readers/byte_stream.h"

struct archive;

namespace attache::readers {

class InputSource {
  public:
    // Throws InputError when the path cannot be opened.
    explicit InputSource(const std::string& path);
    ~InputSource();
    InputSource(const InputSource&) = delete;
    InputSource& operator=(const InputSource&) = delete;

    // The next member, or nullptr at the end. The previous member's stream is invalidated.
    // Throws InputError when the archive is damaged: the source is then unusable.
    ByteStream* next();
    const std::string& name() const { return name_; }
    // True once a member was found to be part of a real archive (tar, zip), not a single file.
    bool is_archive() const { return archive_format_; }

  private:
    class MemberStream;
    std::string name_;
    archive* archive_ = nullptr;
    std::unique_ptr<MemberStream> member_;
    bool archive_format_ = false;
};

}  // namespace attache::readers
