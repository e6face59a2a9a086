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
            return std::make_unique<HtmlReader>(in, options);
        case Format::text:
            return std::make_unique<TextReader>(in, options);
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
