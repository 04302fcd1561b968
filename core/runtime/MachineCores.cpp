#include "runtime/MachineCores.h"

#include <algorithm>
#include <thread>

namespace spikestudio {

int machineCores(int most) {
    // hardware_concurrency() is 0 when the count is unknown.
    const auto cores = static_cast<int>(std::min(std::thread::hardware_concurrency(), 1u << 20));
    return std::clamp(cores, 1, std::max(most, 1));
}

} // namespace spikestudio
