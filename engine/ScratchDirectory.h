#pragma once

#include <chrono>
#include <filesystem>

namespace spikestudio {

/// A directory for one compilation's files, created inside `parent` with an
/// unpredictable name (mkdtemp: exclusive, mode 0700) and removed with
/// everything in it when this object goes.
class ScratchDirectory {
public:
    /// Throws std::runtime_error when it cannot be created.
    explicit ScratchDirectory(const std::filesystem::path& parent);
    ~ScratchDirectory();
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;

    const std::filesystem::path& path() const { return path_; }

    /// Removes scratch directories in `parent` not changed for `age`: left
    /// by a process killed while its compiler ran.
    static void removeAbandoned(const std::filesystem::path& parent,
                                std::chrono::seconds age = std::chrono::hours(24));

private:
    std::filesystem::path path_;
};

} // namespace spikestudio
