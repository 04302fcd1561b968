#pragma once

#include "model/Model.h"

namespace spikestudio::fuzz {

/// Whether two models hold the same fields, value for value.
bool sameModel(const Model& a, const Model& b);

} // namespace spikestudio::fuzz
