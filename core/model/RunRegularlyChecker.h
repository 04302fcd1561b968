#pragma once

#include "model/CheckedModel.h"

namespace spikestudio {

/// Checks a NeuronGroup's run_regularly entries against the checked `group`:
/// code parsed and unit-checked as a reset's, dt a positive time (default the
/// group's), `when` a slot name. Throws ModelError naming the entry's field.
std::vector<CheckedRunRegularly> checkRunRegularly(const GroupSpec& spec, const CheckedGroup& group,
                                                   const Scope& constants);

} // namespace spikestudio
