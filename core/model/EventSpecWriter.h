#pragma once

#include "model/EventSpec.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace spikestudio {

/// A NeuronGroup's `events` as EventSpecReader reads them back (`code` left
/// out when empty).
nlohmann::ordered_json eventSpecsJson(const std::vector<EventSpec>& events);

} // namespace spikestudio
