// Reads RSS 2.0 feeds (and RSS 1.0 / RDF): one article per <item>. The body is
// content:encoded when present, else the description, both HTML turned into text; the link is
// resolved against the channel's; the source is the channel title. Streams (xml_stream.h).
#pragma once

#include "indexer/readers/article_reader.h"
#include "indexer/readers/xml_stream.h"

namespace attache::readers {

class RssReader : public ArticleReader {
  public:
    explicit RssReader(ByteStream& in) : in_(in), xml_(in) {}
    Record next() override;

  private:
    ByteStream& in_;
    XmlStream xml_;
    std::string channel_title_, channel_link_, channel_lang_;
    bool finished_ = false;
    size_t items_ = 0;
};

}  // namespace attache::readers
