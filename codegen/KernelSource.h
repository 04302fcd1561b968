#pragma once

#include "codegen/ArrayBinding.h"

#include <string>
#include <vector>

namespace spikestudio {

/// Generated C for one kernel and what its `arrays` argument must hold:
/// entry k says where the pointer in arrays[k] comes from.
struct KernelSource {
    std::string code;
    std::vector<ArrayBinding> arrays;
};

} // namespace spikestudio
