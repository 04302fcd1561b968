#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// Which Brian2 device an exported script runs on, and what replaces the
/// model's duration and seed.
struct Brian2ExportOptions {
    std::string device = "runtime"; // one of brian2ExportDevices()
    std::optional<std::string> duration;
    std::optional<std::uint32_t> seed;
};

/// runtime (numpy target), cpp_standalone, cuda_standalone (brian2cuda), genn (brian2genn).
const std::vector<std::string>& brian2ExportDevices();

/// Writes `modelJson` as a readable Brian2 script to `scriptPath`, which is
/// replaced only once the script is complete (docs/brian2-export.md). The
/// model is checked first as `check` checks it, with the duration and seed
/// the options give. The script is written by Python's
/// brian2spikestudio.exporter (no Brian2 needed). Returns the exporter's
/// "note: " lines (what the device does not support). Throws ModelError,
/// naming the object and field, or the file that cannot be written.
std::vector<std::string> exportBrian2Script(const std::string& modelJson,
                                            const std::string& scriptPath,
                                            const Brian2ExportOptions& options);

} // namespace spikestudio
