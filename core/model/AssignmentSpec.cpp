#include "model/AssignmentSpec.h"

#include <charconv>

namespace spikestudio {

namespace {

/// One part of a slice: empty, or a non-negative whole number.
bool parsePart(const std::string& text, long long& value, bool& given) {
    given = !text.empty();
    if (!given)
        return true;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    return error == std::errc() && stop == end && value >= 0;
}

std::vector<std::string> splitAtColons(const std::string& text) {
    std::vector<std::string> parts(1);
    for (char c : text) {
        if (c == ':')
            parts.emplace_back();
        else if (c != ' ')
            parts.back() += c;
    }
    return parts;
}

} // namespace

bool parseSlice(const std::string& text, IndexSelection& selection) {
    const std::vector<std::string> parts = splitAtColons(text);
    if (parts.size() < 2 || parts.size() > 3)
        return false;
    IndexSelection result;
    result.form = IndexSelection::Form::Slice;
    bool given = false;
    if (!parsePart(parts[0], result.start, given))
        return false;
    if (!given)
        result.start = 0;
    if (!parsePart(parts[1], result.stop, given))
        return false;
    if (!given)
        result.stop = -1;
    if (parts.size() == 3) {
        if (!parsePart(parts[2], result.step, given))
            return false;
        if (!given)
            result.step = 1;
        if (result.step < 1)
            return false;
    }
    selection = result;
    return true;
}

std::string sliceText(const IndexSelection& selection) {
    std::string text = selection.start > 0 ? std::to_string(selection.start) : "";
    text += ":";
    if (selection.stop >= 0)
        text += std::to_string(selection.stop);
    if (selection.step != 1)
        text += ":" + std::to_string(selection.step);
    return text;
}

} // namespace spikestudio
