#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace spikestudio {

/// The bytes of the regular file `path`, read through one descriptor opened
/// without following a symbolic link (read(), never mmap: a file truncated
/// meanwhile gives fewer bytes, never a signal). Nothing when it is missing,
/// not a regular file, or larger than `limit` bytes.
std::optional<std::string> readRegularFile(const std::filesystem::path& path, std::size_t limit);

/// Creates `path` exclusively (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600) and
/// writes `bytes` into it. Throws std::runtime_error naming the file when it
/// already exists or cannot be written (a partial file is removed).
void writeNewFile(const std::filesystem::path& path, const std::string& bytes);

} // namespace spikestudio
