#pragma once

#include "CommandLine.h"

#include <ostream>

namespace spikestudio {

/// `spikestudio import SCRIPT.py [-o MODEL.json | -o PROJECT.spikestudio]`: runs
/// the Brian2 script under Brian2 in a capturing mode (Python's
/// brian2spikestudio.importer, docs/brian2-import.md), checks the model it
/// gives as `check` would, and writes it (atomically) or makes it a project's
/// model. The script's Python code runs. Returns the exit status.
int importCommand(const CommandLine& line, std::ostream& out, std::ostream& err);

} // namespace spikestudio
