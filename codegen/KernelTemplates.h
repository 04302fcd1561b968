#pragma once

#include <string>

namespace spikestudio {

/// The C template `codegen/templates/<name>.c` (embedded at build time).
const std::string& kernelTemplate(const std::string& name);

} // namespace spikestudio
