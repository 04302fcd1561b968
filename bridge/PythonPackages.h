#pragma once

#include <string>

namespace spikestudio {

/// Where Spike Studio's Python packages (brian2spikestudio) are, found relative
/// to the executable as `../<python install dir>` (installed:
/// /usr/lib/python3/dist-packages beside /usr/bin; a build tree links the
/// source tree's python/brian2spikestudio there). "" when they are not there:
/// Python's own search path is then the only place left.
std::string pythonPackagesDirectory();

} // namespace spikestudio
