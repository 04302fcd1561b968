#pragma once

#include "model/CheckedModel.h"

namespace spikestudio {

/// The segments' durations of `model.protocol` and their sum, the run's
/// duration. A protocol replaces the model's `duration`, so a model may not
/// give both, and `overrideGiven` (a duration from the command line) is
/// refused. Throws ModelError naming `protocol[k].duration`.
double checkProtocolDurations(const Model& model, const Scope& constants, bool overrideGiven,
                              std::vector<CheckedSegment>& segments);

/// The values each segment sets, checked against the groups they name (after
/// the groups are checked). The first segment sets none: its values are the
/// objects' `initial`. Throws ModelError naming the group and
/// `protocol[k].set[j]` with the field.
void checkProtocolChanges(CheckedModel& checked);

} // namespace spikestudio
