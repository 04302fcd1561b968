#pragma once

#include "model/EventSpec.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spikestudio {

/// Reads a NeuronGroup's `events`: a list of objects with `name`,
/// `condition` and an optional `code`. `object` names the group in
/// messages, which name the entry's field (`events[1].condition`). The
/// meaning (names, units) is EventChecker's.
std::vector<EventSpec> readEventSpecs(const nlohmann::ordered_json& list,
                                      const std::string& object);

} // namespace spikestudio
