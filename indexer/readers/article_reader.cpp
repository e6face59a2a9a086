#include "indexer/readers/article_reader.h"

#include <cstdio>

#include "indexer/readers/atom_reader.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/json_reader.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/newsml_reader.h"
#include "indexer/readers/nitf_reader.h"
#include "indexer/readers/rss_reader.h"
#include "indexer/readers/text_reader.h"

namespace attache::readers {

namespace {

// The formats whose input is one article (an HTML page, a text file): the input is read whole,
// up to the record limit, and handed to `parse`.
class WholeInputReader : public ArticleReader {
  public:
    using Parse = Record (*)(std::string, const std::string& name, size_t& repaired);
    // `what` names the input in the message for one over the limit ("page", "text").
    WholeInputReader(ByteStream& in, const ReaderOptions& options, const char* what, Parse parse)
        : in_(in), max_bytes_(options.max_record_bytes), what_(what), parse_(parse) {}

    Record next() override {
        if (done_) return std::monostate{};
        done_ = true;
        std::string input;
        if (!in_.read_rest(input, max_bytes_))
            return RejectedRecord{in_.name(), std::string(what_) + " larger than the " +
                                                  format_size(max_bytes_) +
                                                  " record limit; skipped"};
        if (input.find_first_not_of(" \t\r\n") == std::string::npos) return std::monostate{};
        return parse_(std::move(input), in_.name(), repaired_);
    }

  private:
    ByteStream& in_;
    size_t max_bytes_;
    const char* what_;
    Parse parse_;
    bool done_ = false;
};

}  // namespace

std::unique_ptr<ArticleReader> make_reader(Format format, ByteStream& in,
                                           const ReaderOptions& options) {
    switch (format) {
        case Format::jsonl:
            return std::make_unique<JsonlReader>(in, options);
        case Format::json:
            return std::make_unique<JsonReader>(in, options);
        case Format::rss:
            return std::make_unique<RssReader>(in);
        case Format::atom:
            return std::make_unique<AtomReader>(in);
        case Format::nitf:
            return std::make_unique<NitfReader>(in);
        case Format::newsml:
            return std::make_unique<NewsmlReader>(in);
        case Format::html:
            return std::make_unique<WholeInputReader>(in, options, "page", read_html_page);
        case Format::text:
            return std::make_unique<WholeInputReader>(in, options, "text", parse_text_article);
    }
    return nullptr;
}

std::string format_size(size_t bytes) {
    char buf[32];
    if (bytes >= (1u << 20)) {
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1u << 20));
    } else if (bytes >= 1024) {
        std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024);
    } else {
        std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
    }
    return buf;
}

}  // namespace attache::readers
