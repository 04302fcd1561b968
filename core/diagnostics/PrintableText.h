#pragma once

#include <string>
#include <string_view>

namespace spikestudio {

/// `text` made safe to print on a terminal: control characters (C0, DEL,
/// C1), Unicode direction overrides and bytes that are not UTF-8 become
/// visible escapes (\n, \t, \x1b, \u202e), so a name read from a model or a
/// project cannot forge lines or drive the terminal. Everything else, including
/// backslashes, is kept, so escaping twice changes nothing.
std::string printable(std::string_view text);

} // namespace spikestudio
