// Reads RSS 2.0 feeds (and RSS 1.0 / RDF): one article per <item>. The body is
// content:encoded when present, else the description, both HTML turned into text; the link is
// resolved against the channel's; the source is the channel title. Streams (xml_stream.h).
#pragma once

#include "indexer/readers/xml_stream.h"

namespace attache::readers {

class RssReader : public XmlArticleReader {
  public:
    explicit RssReader(ByteStream& in)
        : XmlArticleReader(in, "an RSS feed", {"rss", "RDF"},
                           "item has neither a title nor a description") {}

  private:
    bool wanted(std::string_view name, int depth) const override;
    std::optional<Article> article(const xmlNode* node) override;
    std::string channel_title_, channel_link_, channel_lang_;
};

}  // namespace attache::readers
