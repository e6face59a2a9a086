// Reads IPTC NewsML-G2 (a newsMessage or a bare newsItem): one article per text <newsItem>,
// from its itemMeta (provider, dates), contentMeta (headline, byline, language) and the body in
// contentSet's inlineXML (XHTML or NITF) or inlineData. Picture, video and other non-text
// items are passed over. Also takes NewsML 1.x <NewsItem>s (headline, first-created date,
// DataContent text). Streams (xml_stream.h).
#pragma once

#include "indexer/readers/article_reader.h"
#include "indexer/readers/xml_stream.h"

namespace attache::readers {

class NewsmlReader : public ArticleReader {
  public:
    explicit NewsmlReader(ByteStream& in) : in_(in), xml_(in) {}
    Record next() override;

  private:
    ByteStream& in_;
    XmlStream xml_;
    bool finished_ = false;
    size_t items_ = 0;
};

}  // namespace attache::readers
