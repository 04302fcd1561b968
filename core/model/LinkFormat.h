#pragma once

#include "model/LinkSpec.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spikestudio {

/// Reads a group's `links` list: one object per linked variable with
/// `variable`, `source`, `source_variable` and optional `index` (a list of
/// integers). Throws ModelError naming the entry's field (`links[0].index`).
std::vector<LinkSpec> readLinks(const nlohmann::ordered_json& list, const std::string& object);

/// The list as readLinks reads it back, `index` only when given.
nlohmann::ordered_json linksJson(const std::vector<LinkSpec>& links);

} // namespace spikestudio
