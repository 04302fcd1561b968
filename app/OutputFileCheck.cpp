#include "OutputFileCheck.h"

#include "diagnostics/ModelError.h"

#include <filesystem>

namespace spikestudio {

void refuseUnwritableOutput(const std::string& path, const std::string& input,
                            const std::string& inputRole) {
    namespace fs = std::filesystem;
    auto refuse = [](const std::string& problem) {
        return ModelError({"command line", "-o", 0, 0}, problem);
    };
    std::error_code error;
    const fs::path folder = fs::absolute(path, error).parent_path();
    if (error || !fs::is_directory(folder, error))
        throw refuse("cannot write " + path + ": the folder " + folder.string() +
                     " does not exist");
    if (fs::is_directory(path, error))
        throw refuse(path + " is a folder");
    if (fs::equivalent(path, input, error))
        throw refuse("the output would replace " + inputRole);
}

} // namespace spikestudio
