#pragma once

#include "CommandLine.h"

#include <ostream>

namespace spikestudio {

/// `spikestudio export-brian2 MODEL|PROJECT [--run ID] -o SCRIPT.py [--device
/// runtime|cpp_standalone|cuda_standalone|genn] [--duration EXPR] [--seed N]`:
/// the model (a model file, a project's model, or with --run the model a
/// stored run used, with that run's seed and duration) as a readable Brian2
/// script (docs/brian2-export.md). Returns the exit status.
int exportBrian2Command(const CommandLine& line, std::ostream& out, std::ostream& err);

} // namespace spikestudio
