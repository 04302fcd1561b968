#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace spikestudio {

/// Creates `path` where it is missing (each new component with mode 0700) and
/// checks that no other user can change what it holds: the directory itself
/// belongs to this user and is not group- or world-writable, and every
/// directory above it belongs to this user or root and is writable by nobody
/// else, unless sticky (like /tmp). Symbolic links are resolved first and the
/// real path is checked component by component with lstat. Returns that real
/// path, or nothing with the reason in `whyNot` (naming the directory at fault).
std::optional<std::filesystem::path> ensurePrivateDirectory(const std::filesystem::path& path,
                                                            std::string* whyNot);

} // namespace spikestudio
