#include "common/errors.h"

namespace attache {

std::string format_error_line(const std::string& message) {
    std::string line = "attache: ";
    for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
    return line;
}

}  // namespace attache
