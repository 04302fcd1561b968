#pragma once

#include <string>

namespace spikestudio {

/// The bundled example models, found relative to the executable as
/// `../share/spikestudio/examples` (installed: /usr/share/spikestudio/examples
/// beside /usr/bin; a build tree links the source tree's copy there).
/// "" when there is none.
std::string examplesDirectory();

} // namespace spikestudio
