#include "engine/MultisynapticIndex.h"

#include <cstddef>
#include <unordered_map>

namespace spikestudio {

StateArray multisynapticNumbers(const std::vector<std::int32_t>& pre,
                                const std::vector<std::int32_t>& post) {
    StateArray numbers(pre.size());
    std::unordered_map<std::uint64_t, std::int32_t> seen;
    for (std::size_t s = 0; s < pre.size(); ++s) {
        const std::uint64_t pair =
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(pre[s])) << 32) |
            static_cast<std::uint32_t>(post[s]);
        numbers[s] = seen[pair]++;
    }
    return numbers;
}

} // namespace spikestudio
