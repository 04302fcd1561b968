#pragma once

#include "CommandLine.h"

#include <ostream>

namespace spikestudio {

/// `spikestudio run`: check, build, simulate, print the summary, write CSV.
/// Returns the process exit status; messages go to `out` and `err`.
int runCommand(const CommandLine& line, std::ostream& out, std::ostream& err);

/// `spikestudio check`: parse and unit-check only.
int checkCommand(const CommandLine& line, std::ostream& out, std::ostream& err);

} // namespace spikestudio
