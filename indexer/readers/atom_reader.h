// Reads Atom feeds (RFC 4287): one article per <entry>. Text constructs are read by their type
// (text, html, xhtml); the link is the entry's rel="alternate" link resolved against xml:base
// and the feed's link; the date is <published>, else <updated>. Streams (xml_stream.h).
#pragma once

#include "indexer/readers/xml_stream.h"

namespace attache::readers {

class AtomReader : public XmlArticleReader {
  public:
    explicit AtomReader(ByteStream& in)
        : XmlArticleReader(in, "an Atom feed", {"feed"}, "entry has neither a title nor content") {}

  private:
    bool wanted(std::string_view name, int depth) const override;
    std::optional<Article> article(const xmlNode* node) override;
    std::string feed_title_, feed_link_;
};

}  // namespace attache::readers
