#pragma once

#include <optional>
#include <string>

namespace spikestudio {

/// A pathway's delay as the target of an assignment: `up.delay` is the
/// delay of the pathway 'up' (Brian2's `S.up.delay`). Plain `delay` is the
/// pathway 'pre''s, the Synapses object's own.
std::string pathwayDelayName(const std::string& pathway);

/// The pathway whose delay `variable` names (`up.delay` gives "up"), or
/// nothing when `variable` is not of that form.
std::optional<std::string> pathwayOfDelay(const std::string& variable);

} // namespace spikestudio
