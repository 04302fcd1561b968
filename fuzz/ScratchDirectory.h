#pragma once

#include <string>
#include <string_view>

namespace spikestudio::fuzz {

/// A private directory for this process's scratch files (mkdtemp under
/// /dev/shm, else $TMPDIR or /tmp), removed with everything in it when the
/// process ends.
class ScratchDirectory {
public:
    static const std::string& path();

    /// Writes `bytes` as file `name` in the directory, replacing it, and
    /// removes SQLite's side files of that name; returns the file's path.
    static std::string writeFile(const std::string& name, std::string_view bytes);
};

} // namespace spikestudio::fuzz
