#include "indexer/readers/xml_stream.h"

#include "common/text.h"

namespace attache::readers {

namespace {

// The encoding named in the XML declaration, lowercased ("" when none).
std::string declared_encoding(std::string_view head) {
    if (head.substr(0, 5) != "<?xml") return "";
    const std::string decl = ascii_lower(head.substr(0, head.find("?>")));
    const size_t at = decl.find("encoding");
    if (at == std::string::npos) return "";
    const size_t open = decl.find_first_of("\"'", at);
    if (open == std::string::npos) return "";
    const size_t close = decl.find(decl[open], open + 1);
    return close == std::string::npos ? "" : decl.substr(open + 1, close - open - 1);
}

// Feeds are often labelled Latin-1 while holding UTF-8. When the first bytes are valid UTF-8
// with multi-byte sequences, the label is wrong (Latin-1 text almost never is), and UTF-8 is
// the better guess.
const char* encoding_override(std::string_view head) {
    const std::string declared = declared_encoding(head);
    if (declared != "iso-8859-1" && declared != "latin1" && declared != "windows-1252" &&
        declared != "iso-8859-15")
        return nullptr;
    bool multibyte = false;
    size_t i = 0;
    // The head may end inside a sequence: ignore its last 3 bytes.
    while (i + 3 < head.size()) {
        const unsigned char c = static_cast<unsigned char>(head[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (next_code_point(head, i) == 0xFFFD) return nullptr;
        multibyte = true;
    }
    return multibyte ? "UTF-8" : nullptr;
}

}  // namespace

XmlStream::XmlStream(ByteStream& in) : in_(in) {
    const char* encoding = encoding_override(in.peek(16 * 1024));
    // No XML_PARSE_NOENT (entity substitution), no XML_PARSE_DTDLOAD, no XML_PARSE_HUGE (keep
    // libxml2's limits on text node and name sizes).
    const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
    // The override must also silence the declaration, or libxml2 switches back to it.
    reader_ = xmlReaderForIO(&XmlStream::read_callback, nullptr, this, in.name().c_str(), encoding,
                             encoding ? options | XML_PARSE_IGNORE_ENC : options);
    if (reader_)
        xmlTextReaderSetStructuredErrorHandler(
            reader_, reinterpret_cast<xmlStructuredErrorFunc>(&XmlStream::error_callback), this);
    else
        error_ = "cannot start the XML parser";
}

XmlStream::~XmlStream() {
    if (reader_) xmlFreeTextReader(reader_);
}

int XmlStream::read_callback(void* context, char* buffer, int len) {
    auto* self = static_cast<XmlStream*>(context);
    try {
        return static_cast<int>(self->in_.read(buffer, static_cast<size_t>(len)));
    } catch (const InputError& e) {
        // No exception may cross libxml2's C frames: remember it and report end of input.
        self->input_error_ = e.what();
        return -1;
    }
}

void XmlStream::error_callback(void* context, const xmlError* error) {
    auto* self = static_cast<XmlStream*>(context);
    if (!error || error->level < XML_ERR_ERROR || !self->error_.empty()) return;
    std::string message = error->message ? trim(error->message) : "XML error";
    self->error_ = message;
    self->error_line_ = error->line;
}

RejectedRecord XmlStream::failure() const {
    std::string where = in_.name();
    if (error_line_ > 0)
        where += ":" + std::to_string(error_line_);
    else
        where += " (byte " + std::to_string(in_.offset()) + ")";
    return RejectedRecord{where, error_ + "; the rest of the document is skipped"};
}

const xmlNode* XmlStream::next(const std::function<bool(std::string_view, int)>& wanted) {
    if (!reader_) return nullptr;
    while (true) {
        const int rc = skip_subtree_ ? xmlTextReaderNext(reader_) : xmlTextReaderRead(reader_);
        skip_subtree_ = false;
        if (rc != 1) {
            if (!input_error_.empty()) {
                error_ = "read error: " + input_error_;
                error_line_ = 0;
            } else if (rc < 0 && error_.empty()) {
                error_ = "malformed XML";
                error_line_ = xmlTextReaderGetParserLineNumber(reader_);
            }
            xmlFreeTextReader(reader_);
            reader_ = nullptr;
            return nullptr;
        }
        if (xmlTextReaderNodeType(reader_) != XML_READER_TYPE_ELEMENT) continue;
        const xmlChar* local = xmlTextReaderConstLocalName(reader_);
        const std::string_view name = local ? reinterpret_cast<const char*>(local) : "";
        const int depth = xmlTextReaderDepth(reader_);
        if (depth == 0) root_ = name;
        if (!wanted(name, depth)) continue;
        xmlNode* node = xmlTextReaderExpand(reader_);
        if (!node) continue;  // the error handler has the reason; the next read stops
        // The node's own line: the parser itself may have read ahead.
        const long node_line = xmlGetLineNo(node);
        line_ =
            node_line > 0 ? static_cast<int>(node_line) : xmlTextReaderGetParserLineNumber(reader_);
        skip_subtree_ = true;
        return node;
    }
}

}  // namespace attache::readers
