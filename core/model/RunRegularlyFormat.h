#pragma once

#include "model/RunRegularlySpec.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spikestudio {

/// Reads a group's `run_regularly` list: one object per operation with
/// `code` and optional `name`, `dt`, `when`, `order`. Throws ModelError
/// naming the entry's field (`run_regularly[1].code`); meaning is the checker's.
std::vector<RunRegularlySpec> readRunRegularly(const nlohmann::ordered_json& list,
                                               const std::string& object);

/// The list as readRunRegularly reads it back, optional fields only when set.
nlohmann::ordered_json runRegularlyJson(const std::vector<RunRegularlySpec>& operations);

} // namespace spikestudio
