#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>

namespace spikestudio {

/// Writes `value` as little-endian bytes at `out` (result blobs are
/// little-endian on every host, so files move between machines).
template <typename T> inline void storeLittleEndian(std::byte* out, T value) {
    std::memcpy(out, &value, sizeof(T));
    if constexpr (std::endian::native == std::endian::big)
        std::reverse(out, out + sizeof(T));
}

template <typename T> inline T loadLittleEndian(const std::byte* in) {
    std::byte bytes[sizeof(T)];
    std::memcpy(bytes, in, sizeof(T));
    if constexpr (std::endian::native == std::endian::big)
        std::reverse(bytes, bytes + sizeof(T));
    T value;
    std::memcpy(&value, bytes, sizeof(T));
    return value;
}

} // namespace spikestudio
