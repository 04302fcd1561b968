#pragma once

#include <string>
#include <string_view>

namespace spikestudio {

/// A name that becomes a file name inside a folder the user chose (a
/// monitor's name becomes `<name>.csv`). Names come from model and project
/// files, which are untrusted: only a plain file name may pass, never a path.
class OutputName {
public:
    /// Longest name in bytes: with an extension and a temporary's suffix it
    /// still fits every common file system's 255-byte limit.
    static constexpr size_t kMaxBytes = 200;

    /// Why `name` cannot be used as a plain file name, or "" when it can:
    /// empty, too long, "." or "..", a path separator, a control character,
    /// or bytes that are not UTF-8.
    static std::string problem(std::string_view name);

    /// The form under which two names give the same file on a
    /// case-insensitive file system (ASCII letters folded).
    static std::string caseFolded(std::string_view name);
};

} // namespace spikestudio
