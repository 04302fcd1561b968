#pragma once

#include "runtime/StateArray.h"

#include <vector>

/// A state array's values in a plain vector, for comparing with expected ones.
inline std::vector<double> plainValues(const spikestudio::StateArray& values) {
    return {values.begin(), values.end()};
}
