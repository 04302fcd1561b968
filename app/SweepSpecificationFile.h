#pragma once

#include "CommandLine.h"

namespace spikestudio {

/// `sweep --spec FILE`: a sweep's specification as a project keeps it
/// (`{"vary": [...], "combination": "grid"|"zip", "seeds": [...]}`, written
/// by `spikestudio import` for a script that runs a network per value) in
/// place of --vary, --zip and, unless given, --seeds. Returns `line` with
/// them filled in; without --spec, `line` as it is. Throws ModelError naming
/// --spec: an unreadable or oversized file, a specification that
/// SweepPlan::fromSpecification refuses, --spec beside --vary or --zip.
CommandLine withSweepSpecification(CommandLine line);

} // namespace spikestudio
