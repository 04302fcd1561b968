#include "bridge/Brian2Import.h"

#include "bridge/PythonModule.h"
#include "diagnostics/ModelError.h"
#include "engine/ScratchDirectory.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"

#include <filesystem>
#include <memory>

namespace spikestudio {

namespace {

namespace fs = std::filesystem;

constexpr const char* kInstallHint =
    "Python 3 and Brian2 (on Debian: apt-get install python3-brian)";

/// Runs the importer on `script`, writing the model to `modelPath`; its notes.
std::vector<std::string> runImporter(const std::string& script, const std::string& modelPath,
                                     std::chrono::seconds timeout) {
    ProcessLimits limits;
    limits.timeout = timeout;
    const ProcessResult result =
        runPythonModule("importer", {"-o", modelPath, "--", script}, limits);
    if (result.timedOut)
        throw ModelError({}, script + ": the script did not finish within " +
                                 std::to_string(timeout.count()) + " s");
    requireSuccess(result, "the importer", kInstallHint);
    return noteLines(result);
}

/// The model the importer wrote, read and checked as `check` would.
Model checkedModel(const std::string& modelPath, const std::string& script) {
    try {
        Model model = readModelFile(modelPath);
        checkModel(model);
        return model;
    } catch (const ModelError& error) {
        const std::string where =
            error.where().object == modelPath ? error.problem() : std::string(error.what());
        throw ModelError({}, script + ": the imported model is refused: " + where);
    }
}

} // namespace

void requireBrian2Script(const std::string& path) {
    std::error_code error;
    if (!fs::exists(path, error))
        throw ModelError({path, "", 0, 0}, "no such file");
    if (!fs::is_regular_file(path, error))
        throw ModelError({path, "", 0, 0}, "not a Python script (a folder or a device)");
}

Brian2Import importBrian2Script(const std::string& scriptPath, std::chrono::seconds timeout) {
    requireBrian2Script(scriptPath);
    const std::unique_ptr<ScratchDirectory> scratch = scratchDirectoryFor("the importer");
    const std::string modelPath = (scratch->path() / "model.json").string();
    Brian2Import imported;
    imported.notes = runImporter(scriptPath, modelPath, timeout);
    imported.model = checkedModel(modelPath, scriptPath);
    return imported;
}

} // namespace spikestudio
