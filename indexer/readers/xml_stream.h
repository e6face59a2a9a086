// Streams an XML document with libxml2's xmlTextReader and hands out, one at a time, the
// elements a reader asks for (RSS <item>, Atom <entry>, <newsItem> ...) as expanded subtrees,
// so a feed of any length is read with one item in memory. The parser runs with no network
// access, no DTD loading and no entity substitution: an entity reference stays a node that
// dom_text.h skips, so "billion laughs" documents cannot expand (libxml2 also stops entity
// loops and amplification itself). Parse errors end the stream with a message and a line.
#pragma once

#include <libxml/xmlreader.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "indexer/readers/article_reader.h"

namespace attache::readers {

class XmlStream {
  public:
    explicit XmlStream(ByteStream& in);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // The next element for which `wanted(local name, depth)` is true, expanded with its
    // subtree (valid until the next call); nullptr at the end or on an error. The root
    // element has depth 0.
    const xmlNode* next(const std::function<bool(std::string_view, int)>& wanted);
    // The line the current element starts on.
    int line() const { return line_; }
    // The local name of the root element ("" before it was read).
    const std::string& root() const { return root_; }
    // Non-empty when the document could not be read to its end: the reason.
    const std::string& error() const { return error_; }
    // The rejected record for that failure: "name:line", "reason; the rest ... is skipped".
    RejectedRecord failure() const;
    // Invalid UTF-8 sequences replaced with U+FFFD before parsing (documents read as UTF-8).
    size_t repaired() const { return repaired_; }

  private:
    static int read_callback(void* context, char* buffer, int len);
    // Fills `ready_` with the next repaired bytes; false at the end of input.
    bool refill();
    static void error_callback(void* context, const xmlError* error);
    ByteStream& in_;
    xmlTextReaderPtr reader_ = nullptr;
    std::string root_, error_, input_error_;
    int line_ = 0;
    int error_line_ = 0;
    bool skip_subtree_ = false;
    // UTF-8 repair on the way in: libxml2 stops at the first invalid byte of a UTF-8 document,
    // so bad bytes are replaced first. `carry_` holds a sequence cut by the block boundary.
    bool repair_ = false;
    std::string ready_, carry_;
    size_t ready_at_ = 0, repaired_ = 0;
};

// The base of the readers that stream an XML document and make an article of some of its
// elements. It numbers the origins "name:line", rejects articles with neither a title nor a
// body, and at the end reports a parse failure, or a document with no article and none of the
// format's root elements.
class XmlArticleReader : public ArticleReader {
  public:
    Record next() override;

  protected:
    // A document with no article whose root is none of `roots` is rejected as "not <format>
    // (root element <x>)"; an article with neither a title nor a body as `untitled`.
    XmlArticleReader(ByteStream& in, std::string format, std::vector<std::string> roots,
                     std::string untitled)
        : in_(in),
          xml_(in),
          format_(std::move(format)),
          roots_(std::move(roots)),
          untitled_(std::move(untitled)) {}
    // The elements to be handed to article() (see XmlStream::next).
    virtual bool wanted(std::string_view name, int depth) const = 0;
    // The article `node` holds, or nothing for an element that only informs later articles.
    virtual std::optional<Article> article(const xmlNode* node) = 0;

    ByteStream& in_;

  private:
    XmlStream xml_;
    std::string format_;
    std::vector<std::string> roots_;
    std::string untitled_;
    bool finished_ = false;
    size_t articles_ = 0;
};

}  // namespace attache::readers
