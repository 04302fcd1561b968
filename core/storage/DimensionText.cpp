#include "storage/DimensionText.h"

#include "storage/StorageError.h"

#include <charconv>

namespace spikestudio {

// to_chars/from_chars: shortest exact form, independent of the C locale.

std::string DimensionText::format(const Dimension& dimension) {
    std::string text = "[";
    for (int k = 0; k < Dimension::kBaseCount; ++k) {
        char number[32];
        const auto result = std::to_chars(number, number + sizeof number, dimension.exponent(k));
        text += (k ? "," : "") + std::string(number, result.ptr);
    }
    return text + "]";
}

Dimension DimensionText::parse(const std::string& text) {
    Dimension dimension;
    const char* cursor = text.c_str();
    const char* const end = cursor + text.size();
    if (cursor == end || *cursor++ != '[')
        throw StorageError("a stored dimension '" + text + "' is not valid");
    for (int k = 0; k < Dimension::kBaseCount; ++k) {
        double exponent = 0.0;
        const auto result = std::from_chars(cursor, end, exponent);
        const char expected = k + 1 < Dimension::kBaseCount ? ',' : ']';
        if (result.ec != std::errc() || result.ptr == end || *result.ptr != expected)
            throw StorageError("a stored dimension '" + text + "' is not valid");
        if (exponent != 0.0)
            dimension = dimension * Dimension::base(k, exponent);
        cursor = result.ptr + 1;
    }
    return dimension;
}

} // namespace spikestudio
