#include "indexer/readers/xml_stream.h"

#include <algorithm>
#include <cstring>

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

// True when libxml2 will read the document as UTF-8: declared so, or not declared and no BOM
// of another encoding.
bool read_as_utf8(std::string_view head, const char* override_encoding) {
    if (override_encoding) return true;
    if (head.size() >= 2 && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF"))
        return false;
    const std::string declared = declared_encoding(head);
    return declared.empty() || declared == "utf-8" || declared == "utf8";
}

}  // namespace

XmlStream::XmlStream(ByteStream& in) : in_(in) {
    const std::string_view head = in.peek(16 * 1024);
    const char* encoding = encoding_override(head);
    repair_ = read_as_utf8(head, encoding);
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

bool XmlStream::refill() {
    char block[16 * 1024];
    const size_t got = in_.read(block, sizeof block);
    ready_.assign(carry_);
    carry_.clear();
    ready_at_ = 0;
    if (got == 0) {
        repaired_ += repair_utf8(ready_);  // a sequence cut by the end of input
        return !ready_.empty();
    }
    ready_.append(block, got);
    // Keep back the start of a multi-byte sequence the block boundary cut, for the next block.
    size_t keep = 0;
    for (size_t back = 1; back <= 3 && back <= ready_.size(); ++back) {
        const auto byte = static_cast<unsigned char>(ready_[ready_.size() - back]);
        if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        const size_t need = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        if (need > back) keep = back;
        break;
    }
    carry_.assign(ready_, ready_.size() - keep, keep);
    ready_.resize(ready_.size() - keep);
    repaired_ += repair_utf8(ready_);
    return true;
}

int XmlStream::read_callback(void* context, char* buffer, int len) {
    auto* self = static_cast<XmlStream*>(context);
    try {
        if (!self->repair_)
            return static_cast<int>(self->in_.read(buffer, static_cast<size_t>(len)));
        while (self->ready_at_ == self->ready_.size()) {
            if (!self->refill()) return 0;
        }
        const size_t take =
            std::min(static_cast<size_t>(len), self->ready_.size() - self->ready_at_);
        std::memcpy(buffer, self->ready_.data() + self->ready_at_, take);
        self->ready_at_ += take;
        return static_cast<int>(take);
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

Record XmlArticleReader::next() {
    while (!finished_) {
        const xmlNode* node =
            xml_.next([this](std::string_view name, int depth) { return wanted(name, depth); });
        if (!node) {
            finished_ = true;
            repaired_ += xml_.repaired();
            if (!xml_.error().empty()) return xml_.failure();
            if (articles_ == 0 &&
                std::find(roots_.begin(), roots_.end(), xml_.root()) == roots_.end())
                return RejectedRecord{in_.name(),
                                      "not " + format_ + " (root element <" + xml_.root() + ">)"};
            break;
        }
        std::optional<Article> a = article(node);
        if (!a) continue;
        ++articles_;
        a->origin = in_.name() + ":" + std::to_string(xml_.line());
        repaired_ += repair_utf8(a->title) + repair_utf8(a->body);
        if (a->title.empty() && a->body.empty()) return RejectedRecord{a->origin, untitled_};
        return std::move(*a);
    }
    return std::monostate{};
}

}  // namespace attache::readers
