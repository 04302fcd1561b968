#pragma once

#include "model/Model.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spikestudio {

/// Reads a Synapses object's `pathways` list: each entry an object with
/// `name`, `direction` and `code`, and optionally `delay` and `event`. Only
/// the shape is checked here (the checker gives it meaning); a problem throws
/// ModelError naming `object` and the entry's field (`pathways[1].code`).
std::vector<PathwaySpec> readPathways(const nlohmann::ordered_json& list,
                                      const std::string& object);

/// The list as readPathways reads it back, optional fields left out when empty.
nlohmann::ordered_json pathwaysJson(const std::vector<PathwaySpec>& pathways);

/// The field of a pathway a message names: "pathways[1].delay".
std::string pathwayField(size_t index, const char* part);

} // namespace spikestudio
