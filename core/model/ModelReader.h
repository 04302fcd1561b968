#pragma once

#include "model/Model.h"

#include <string>
#include <string_view>

namespace spikestudio {

/// Reads model format v1 JSON (see docs/model-format.md). Checks the file's shape:
/// valid JSON, the format tag and version, every field of the right JSON type,
/// no unknown or missing fields, sizes that fit. Meaning (equations, units,
/// names) is ModelChecker's job. Throws ModelError naming object and field.
Model readModel(std::string_view json);

/// Reads a model file from disk (errors name the file when it cannot be read).
/// `text`, when given, receives the file's exact content (a run's snapshot).
Model readModelFile(const std::string& path, std::string* text = nullptr);

} // namespace spikestudio
