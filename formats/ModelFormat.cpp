#include "formats/ModelFormat.h"

#include "diagnostics/ModelError.h"

#include <filesystem>

namespace spikestudio {

void ModelFormat::write(const Model&, const std::string&, const std::string& path) const {
    throw ModelError({path, "", 0, 0}, "Spike Studio cannot write a " + name());
}

std::string ModelFormat::nameFilter() const {
    std::string patterns;
    for (const std::string& extension : extensions())
        patterns += (patterns.empty() ? "*." : " *.") + extension;
    return name() + " (" + patterns + ")";
}

bool ModelFormat::matchesExtension(const std::string& path) const {
    const std::string extension = std::filesystem::path(path).extension().string();
    for (const std::string& own : extensions())
        if (extension == "." + own)
            return true;
    return false;
}

} // namespace spikestudio
