#pragma once

#include <stdexcept>
#include <string>

namespace spikestudio {

/// The C template `codegen/templates/<name>.c` (embedded at build time).
const std::string& kernelTemplate(const std::string& name);

/// Replaces the first `placeholder` (`%OWNER%`) in a template's text; a
/// template without it is a programming error.
inline void replaceFirst(std::string& text, const std::string& placeholder,
                         const std::string& value) {
    const size_t at = text.find(placeholder);
    if (at == std::string::npos)
        throw std::logic_error("kernel template without " + placeholder);
    text.replace(at, placeholder.size(), value);
}

} // namespace spikestudio
