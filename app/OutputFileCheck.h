#pragma once

#include <string>

namespace spikestudio {

/// Refuses, before any work is done, an output file given with -o that
/// cannot be written: its folder does not exist, it is a folder, or it is
/// the command's input `input` (called `inputRole` in the message, "the
/// script"). Throws ModelError naming the command line's -o.
void refuseUnwritableOutput(const std::string& path, const std::string& input,
                            const std::string& inputRole);

} // namespace spikestudio
