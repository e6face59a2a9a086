// Reads NITF 3.x documents (IPTC's News Industry Text Format): one article per <nitf>. Headline
// from hedline/hl1 (else head/title), date from docdata/date.issue, source from pubdata or the
// distributor, byline, and body.content paragraphs.
#pragma once

#include "indexer/readers/xml_stream.h"

namespace attache::readers {

class NitfReader : public XmlArticleReader {
  public:
    explicit NitfReader(ByteStream& in)
        : XmlArticleReader(in, "an NITF document", {},
                           "document has neither a headline nor a body") {}

  private:
    bool wanted(std::string_view name, int depth) const override;
    std::optional<Article> article(const xmlNode* node) override;
};

// NITF and NewsML 1.x write dates in ISO 8601 basic form ("20151210T191044Z",
// "20131020T192751+1100"); this returns the extended form ("2015-12-10T19:10:44Z",
// "2013-10-20T19:27:51+11:00") that the date parser reads, and anything else unchanged.
std::string expand_basic_iso_date(const std::string& date);

// The Article fields of one <nitf> element (shared with the NewsML reader, whose items often
// carry NITF inside).
Article nitf_article(const xmlNode* nitf);

}  // namespace attache::readers
