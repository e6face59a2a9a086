#include "indexer/readers/input_source.h"

#include <archive.h>
#include <archive_entry.h>

namespace attache::readers {

namespace {

std::string archive_message(archive* a, const char* fallback) {
    const char* msg = archive_error_string(a);
    return msg && *msg ? msg : fallback;
}

}  // namespace

class InputSource::MemberStream : public ByteStream {
  public:
    MemberStream(archive* a, std::string name) : ByteStream(std::move(name)), archive_(a) {}

  protected:
    size_t read_raw(char* out, size_t n) override {
        const la_ssize_t got = archive_read_data(archive_, out, n);
        if (got < 0) throw InputError(archive_message(archive_, "cannot decompress"));
        return static_cast<size_t>(got);
    }

  private:
    archive* archive_;
};

InputSource::InputSource(const std::string& path) : name_(path == "-" ? "<stdin>" : path) {
    archive_ = archive_read_new();
    if (!archive_) throw InputError("out of memory");
    archive_read_support_filter_all(archive_);
    // Only the archive formats news dumps come in: tar and zip. "raw" takes everything else
    // (plain or compressed single files); libarchive tries it last.
    archive_read_support_format_tar(archive_);
    archive_read_support_format_gnutar(archive_);
    archive_read_support_format_zip(archive_);
    archive_read_support_format_raw(archive_);
    archive_read_support_format_empty(archive_);
    constexpr size_t kBlock = 64 * 1024;
    const int rc = path == "-" ? archive_read_open_fd(archive_, 0, kBlock)
                               : archive_read_open_filename(archive_, path.c_str(), kBlock);
    if (rc != ARCHIVE_OK) {
        std::string why = archive_message(archive_, "cannot open");
        archive_read_free(archive_);
        archive_ = nullptr;
        throw InputError(why);
    }
}

InputSource::~InputSource() {
    member_.reset();
    if (archive_) archive_read_free(archive_);
}

ByteStream* InputSource::next() {
    member_.reset();
    archive_entry* entry = nullptr;
    while (true) {
        const int rc = archive_read_next_header(archive_, &entry);
        if (rc == ARCHIVE_EOF) return nullptr;
        if (rc < ARCHIVE_WARN) throw InputError(archive_message(archive_, "damaged archive"));
        const int format = archive_format(archive_);
        if ((format & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAW ||
            (format & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_EMPTY) {
            member_ = std::make_unique<MemberStream>(archive_, name_);
            return member_.get();
        }
        archive_format_ = true;
        if (archive_entry_filetype(entry) != AE_IFREG) continue;  // directories, links
        const char* path = archive_entry_pathname(entry);
        member_ = std::make_unique<MemberStream>(archive_, name_ + "!" + (path ? path : "?"));
        return member_.get();
    }
}

}  // namespace attache::readers
