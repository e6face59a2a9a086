// Reads IPTC NewsML-G2 (a newsMessage or a bare newsItem): one article per text <newsItem>,
// from its itemMeta (provider, dates), contentMeta (headline, byline, language) and the body in
// contentSet's inlineXML (XHTML or NITF) or inlineData. Picture, video and other non-text
// items are passed over. Also takes NewsML 1.x <NewsItem>s (headline, first-created date,
// DataContent text). Streams (xml_stream.h).
#pragma once

#include "indexer/readers/xml_stream.h"

namespace attache::readers {

class NewsmlReader : public XmlArticleReader {
  public:
    explicit NewsmlReader(ByteStream& in)
        : XmlArticleReader(in, "a NewsML document", {"newsMessage", "NewsML"},
                           "news item has neither a headline nor a body") {}

  private:
    bool wanted(std::string_view name, int depth) const override;
    std::optional<Article> article(const xmlNode* node) override;
};

}  // namespace attache::readers
