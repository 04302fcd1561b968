#pragma once

#include "document/AutoLayout.h"

#include <string>

namespace spikestudio {

/// Where the canvas put each group, as the project file keeps it:
/// {"positions": {"P": [120.0, -40.0], ...}}. Reading is forgiving (a
/// project may come from anywhere): anything malformed is left out, and
/// groups without a position are placed as for a new model.
namespace LayoutJson {

std::string write(const NodeLayout& layout);
NodeLayout read(const std::string& json);

} // namespace LayoutJson

} // namespace spikestudio
