#include "diagnostics/PrintableText.h"

#include <cstdint>
#include <cstdio>

namespace spikestudio {

namespace {

std::string hexEscape(const char* format, std::uint32_t value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, static_cast<unsigned>(value));
    return buffer;
}

std::string escapeByte(unsigned char byte) {
    switch (byte) {
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        return hexEscape("\\x%02x", byte);
    }
}

/// Length of the well-formed UTF-8 sequence starting `text` (0 when it is not one)
/// and its code point.
size_t decodeUtf8(std::string_view text, std::uint32_t& codePoint) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(0);
    size_t length = 0;
    std::uint32_t minimum = 0;
    if (lead >= 0xc2 && lead <= 0xdf)
        length = 2, codePoint = lead & 0x1fu, minimum = 0x80;
    else if (lead >= 0xe0 && lead <= 0xef)
        length = 3, codePoint = lead & 0x0fu, minimum = 0x800;
    else if (lead >= 0xf0 && lead <= 0xf4)
        length = 4, codePoint = lead & 0x07u, minimum = 0x10000;
    else
        return 0;
    if (text.size() < length)
        return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(k) & 0xc0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(k) & 0x3fu);
    }
    const bool surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    return codePoint < minimum || codePoint > 0x10ffff || surrogate ? 0 : length;
}

/// C1 controls and the characters that reorder text (bidirectional embeddings,
/// overrides and isolates) change what a terminal shows.
bool invisibleControl(std::uint32_t codePoint) {
    return (codePoint >= 0x80 && codePoint <= 0x9f) ||
           (codePoint >= 0x202a && codePoint <= 0x202e) ||
           (codePoint >= 0x2066 && codePoint <= 0x2069) || codePoint == 0x200e ||
           codePoint == 0x200f || codePoint == 0x061c;
}

} // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t k = 0; k < text.size();) {
        const auto byte = static_cast<unsigned char>(text[k]);
        if (byte < 0x20 || byte == 0x7f) {
            out += escapeByte(byte);
            ++k;
            continue;
        }
        if (byte < 0x80) {
            out += static_cast<char>(byte);
            ++k;
            continue;
        }
        std::uint32_t codePoint = 0;
        const size_t length = decodeUtf8(text.substr(k), codePoint);
        if (length == 0) {
            out += escapeByte(byte);
            ++k;
        } else if (invisibleControl(codePoint)) {
            out += hexEscape("\\u%04x", codePoint);
            k += length;
        } else {
            out.append(text.substr(k, length));
            k += length;
        }
    }
    return out;
}

} // namespace spikestudio
