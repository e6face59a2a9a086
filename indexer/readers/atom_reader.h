// Reads Atom feeds (RFC 4287): one article per <entry>. Text constructs are read by their type
// (text, html, xhtml); the link is the entry's rel="alternate" link resolved against xml:base
// and the feed's link; the date is <published>, else <updated>. Streams (xml_stream.h).
#pragma once

#include "indexer/readers/article_reader.h"
#include "indexer/readers/xml_stream.h"

namespace attache::readers {

class AtomReader : public ArticleReader {
  public:
    explicit AtomReader(ByteStream& in) : in_(in), xml_(in) {}
    Record next() override;

  private:
    ByteStream& in_;
    XmlStream xml_;
    std::string feed_title_, feed_link_;
    bool finished_ = false;
    size_t entries_ = 0;
};

}  // namespace attache::readers
