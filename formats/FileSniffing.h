#pragma once

#include <cstddef>
#include <string>

namespace spikestudio {

/// Looks at the start of a file to tell its format. Only regular files are
/// read (a FIFO or device would block or never end); anything unreadable
/// matches nothing.
class FileSniffing {
public:
    static bool isRegularFile(const std::string& path);
    /// At most `limit` bytes from the start of a regular file; empty otherwise.
    static std::string head(const std::string& path, std::size_t limit);
    /// Whether the file's first non-blank character opens a JSON object.
    static bool startsJsonObject(const std::string& path);
    /// Whether the file is text with a line importing brian2
    /// (`from brian2 import ...`, `import brian2`).
    static bool importsBrian2(const std::string& path);
};

} // namespace spikestudio
