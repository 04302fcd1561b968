#pragma once

#include <string>

namespace spikestudio {

/// A number of bytes for a message: "80.0 GiB", "512.0 MiB", "4 bytes".
std::string formatBytes(double bytes);

/// A count for a message: exact below ten million ("1234567"), else two
/// significant digits ("1e10", "2.1e9").
std::string formatCount(double count);

} // namespace spikestudio
