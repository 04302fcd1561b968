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

/// Replaces each of the `times` places `placeholder` stands in a template's
/// text; a template with it in more or fewer places is a programming error.
inline void replaceEach(std::string& text, const std::string& placeholder, const std::string& value,
                        int times) {
    for (int k = 0; k < times; ++k)
        replaceFirst(text, placeholder, value);
    if (text.find(placeholder) != std::string::npos)
        throw std::logic_error("kernel template with " + placeholder + " in more than " +
                               std::to_string(times) + " places");
}

} // namespace spikestudio
