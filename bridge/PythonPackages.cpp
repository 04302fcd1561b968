#include "PythonPackages.h"

#include <filesystem>

namespace spikestudio {

std::string pythonPackagesDirectory() {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path executable = fs::canonical("/proc/self/exe", error);
    if (error)
        return "";
    const fs::path packages = fs::weakly_canonical(
        executable.parent_path() / ".." / SPIKESTUDIO_PYTHON_INSTALL_DIR, error);
    return !error && fs::is_directory(packages / "brian2spikestudio", error) ? packages.string()
                                                                             : "";
}

} // namespace spikestudio
