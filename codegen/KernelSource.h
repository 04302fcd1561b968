#pragma once

#include <string>
#include <vector>

namespace spikestudio {

/// Generated C for one kernel and what its `arrays` argument must hold:
/// entry k names the group variable whose storage goes in arrays[k], or one
/// of the kernel's own buffers ("@record", "@row").
struct KernelSource {
    std::string code;
    std::vector<std::string> arrays;
};

} // namespace spikestudio
