#pragma once

#include "model/CheckedModel.h"

#include <functional>

namespace spikestudio {

/// What checks one entry's code for its owner (a group or a Synapses object).
using RunRegularlyCodeCheck = std::function<std::vector<Statement>(const RunRegularlySpec& entry)>;

/// Checks an object's run_regularly entries: names (Brian2's defaults,
/// <owner>_run_regularly, _1, ...), dt a positive time (default `ownerDt`),
/// `when` a slot name, the code by `checkCode`. Throws ModelError naming the
/// entry's field.
std::vector<CheckedRunRegularly>
checkRunRegularlyEntries(const std::vector<RunRegularlySpec>& entries, const std::string& owner,
                         double ownerDt, const Scope& constants,
                         const RunRegularlyCodeCheck& checkCode);

/// Checks a NeuronGroup's run_regularly entries against the checked `group`:
/// code parsed and unit-checked as a reset's, dt a positive time (default the
/// group's), `when` a slot name. Throws ModelError naming the entry's field.
std::vector<CheckedRunRegularly> checkRunRegularly(const GroupSpec& spec, const CheckedGroup& group,
                                                   const Scope& constants);

} // namespace spikestudio
