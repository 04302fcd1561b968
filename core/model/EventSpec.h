#pragma once

#include <string>

namespace spikestudio {

/// A NeuronGroup's own event beside `spike` (Brian2's `events={'up': 'v > 0.5*mV'}`):
/// its elements are those for which `condition` holds, each step after the
/// thresholds; `code` (Brian2's `run_on_event('up', code)`) runs for them
/// after the resets. Refractoriness does not apply unless the condition says so.
struct EventSpec {
    std::string name;
    std::string condition;
    std::string code; // "" = none
};

} // namespace spikestudio
