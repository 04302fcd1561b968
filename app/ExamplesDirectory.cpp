#include "ExamplesDirectory.h"

#include <filesystem>

namespace spikestudio {

std::string examplesDirectory() {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path executable = fs::canonical("/proc/self/exe", error);
    if (error)
        return "";
    const fs::path examples =
        fs::weakly_canonical(executable.parent_path() / "../share/spikestudio/examples", error);
    return !error && fs::is_directory(examples, error) ? examples.string() : "";
}

} // namespace spikestudio
