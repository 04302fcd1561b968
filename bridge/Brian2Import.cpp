#include "bridge/Brian2Import.h"

#include "bridge/PythonModule.h"
#include "diagnostics/ModelError.h"
#include "engine/ScratchDirectory.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "sweep/SweepPlan.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace spikestudio {

namespace {

namespace fs = std::filesystem;

constexpr const char* kInstallHint =
    "Python 3 and Brian2 (on Debian: apt-get install python3-brian)";

/// The program simulateImportsWithThisProgram() named, or "". Set once, by
/// main(), before any thread starts.
std::string& importEngine() {
    static std::string program;
    return program;
}

/// The importer's arguments for `script` and `modelPath`.
std::vector<std::string> importerArguments(const std::string& script,
                                           const std::string& modelPath) {
    std::vector<std::string> arguments{"-o", modelPath};
    if (!importEngine().empty())
        arguments.insert(arguments.end(), {"--engine", importEngine()});
    arguments.insert(arguments.end(), {"--", script});
    return arguments;
}

/// Runs the importer on `script`, writing the model to `modelPath`; its notes.
std::vector<std::string> runImporter(const std::string& script, const std::string& modelPath,
                                     std::chrono::seconds timeout) {
    ProcessLimits limits;
    limits.timeout = timeout;
    const ProcessResult result =
        runPythonModule("importer", importerArguments(script, modelPath), limits);
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

/// `model.sweep.json` beside `modelPath`, and `model-K.json`: the importer's
/// names for a sweep and for one model per network.
fs::path sweepPath(const fs::path& modelPath) {
    return modelPath.parent_path() / (modelPath.stem().string() + ".sweep.json");
}

fs::path networkPath(const fs::path& modelPath, std::size_t k) {
    return modelPath.parent_path() /
           (modelPath.stem().string() + "-" + std::to_string(k) + modelPath.extension().string());
}

std::string fileText(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    if (!file && !file.eof())
        throw ModelError({}, "cannot read what the importer wrote (" + path.string() + ")");
    return text.str();
}

/// Reads the sweep's specification into `imported`, checked against its
/// model as `spikestudio sweep` checks it.
void readSweep(const fs::path& path, const std::string& script, Brian2Import& imported) {
    imported.sweep = fileText(path);
    try {
        const SweepPlan plan = SweepPlan::fromSpecification(*imported.sweep);
        plan.checkAgainst(checkModel(imported.models[0]));
        imported.networks = plan.variantCount();
    } catch (const UserError& error) {
        throw ModelError({}, script + ": the imported sweep is refused: " + error.what());
    }
}

/// What the importer wrote for `script` at `modelPath` (see Brian2Import).
void readImport(const fs::path& modelPath, const std::string& script, Brian2Import& imported) {
    std::error_code error;
    if (fs::exists(modelPath, error)) {
        imported.models.push_back(checkedModel(modelPath.string(), script));
        if (fs::exists(sweepPath(modelPath), error))
            readSweep(sweepPath(modelPath), script, imported);
        return;
    }
    for (std::size_t k = 1; fs::exists(networkPath(modelPath, k), error); ++k)
        imported.models.push_back(checkedModel(networkPath(modelPath, k).string(), script));
    if (imported.models.empty())
        throw ModelError({}, script + ": the importer wrote no model");
    imported.networks = imported.models.size();
}

} // namespace

void simulateImportsWithThisProgram() {
    std::error_code error;
    const fs::path program = fs::canonical("/proc/self/exe", error);
    if (!error)
        importEngine() = program.string();
}

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
    const fs::path modelPath = scratch->path() / "model.json";
    Brian2Import imported;
    imported.notes = runImporter(scriptPath, modelPath.string(), timeout);
    readImport(modelPath, scriptPath, imported);
    return imported;
}

Model onlyModel(Brian2Import imported, const std::string& scriptPath) {
    if (imported.severalNetworks())
        throw ModelError({}, scriptPath + ": the script runs " + std::to_string(imported.networks) +
                                 " networks in turn; import it with `spikestudio import " +
                                 scriptPath + " -o FOLDER/`");
    return std::move(imported.models.front());
}

} // namespace spikestudio
