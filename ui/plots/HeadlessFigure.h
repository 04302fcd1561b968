#pragma once

#include <string>

namespace spikestudio {

class Network;

/// Renders the results figure of a finished run to `path` (.png, .jpg, .pdf or .svg)
/// without a display (Qt's offscreen platform when no application is running).
/// Returns an error message, or an empty string.
std::string saveResultFigure(const Network& network, double duration, const std::string& title,
                             const std::string& path);

} // namespace spikestudio
