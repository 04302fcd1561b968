#pragma once

#include "CommandLine.h"

#include <ostream>

namespace spikestudio {

/// `spikestudio merge PART... -o PROJECT`: gathers runs of several projects,
/// the parts of a sweep becoming one sweep again.
int mergeCommand(const CommandLine& line, std::ostream& out, std::ostream& err);

} // namespace spikestudio
