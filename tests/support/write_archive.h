// Writes compressed files and archives with libarchive, for the tests of the byte layer and of
// `attache index` on archives. Link the test with LibArchive::LibArchive.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace attache::test {

// Writes `members` ({name, bytes}) with libarchive: a single compressed file when `tar` is
// false (one member), else a tar archive; `filter` is a libarchive filter code.
inline void write_archive(const std::filesystem::path& path, int filter, bool tar,
                          const std::vector<std::pair<std::string, std::string>>& members) {
    archive* a = archive_write_new();
    archive_write_add_filter(a, filter);
    if (tar) {
        archive_write_set_format_pax_restricted(a);
    } else {
        archive_write_set_format_raw(a);
    }
    BOOST_REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
    for (const auto& [name, bytes] : members) {
        archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_write_header(a, e);
        archive_write_data(a, bytes.data(), bytes.size());
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
}

}  // namespace attache::test
