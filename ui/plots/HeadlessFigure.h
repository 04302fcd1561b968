#pragma once

#include "runtime/RunResults.h"

#include <string>

namespace spikestudio {

/// Renders the results figure of a run's records to `path` (.png, .jpg, .pdf or .svg)
/// without a display (Qt's offscreen platform when no application is running).
/// Returns an error message, or an empty string.
std::string saveResultFigure(const RunResults& results, double duration, const std::string& title,
                             const std::string& path);

} // namespace spikestudio
