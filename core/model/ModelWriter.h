#pragma once

#include "model/Model.h"

#include <string>

namespace spikestudio {

/// Writes a Model as model format v1 JSON (see docs/model-format.md), the inverse of
/// readModel: readModel(writeModelJson(m)) equals m field by field. Keys keep the
/// format's order; empty optional fields are left out; every expression is
/// written as a JSON string. Objects are indented, lists of plain values stay
/// on one line so long index or value arrays remain readable.
std::string writeModelJson(const Model& model);

/// Writes writeModelJson(model) to `path` through a temporary file renamed
/// into place, so a failed write never leaves half a model behind. Throws
/// ModelError naming the file when it cannot be written.
void writeModelFile(const Model& model, const std::string& path);

} // namespace spikestudio
