#include "bridge/Brian2Export.h"

#include "bridge/PythonModule.h"
#include "diagnostics/ModelError.h"
#include "engine/ScratchDirectory.h"
#include "files/AtomicOutputFile.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace spikestudio {

namespace {

namespace fs = std::filesystem;

constexpr const char* kRole = "the Brian2 exporter";
constexpr std::chrono::seconds kExportTimeout{300};

void checkDevice(const std::string& device) {
    const std::vector<std::string>& devices = brian2ExportDevices();
    if (std::find(devices.begin(), devices.end(), device) != devices.end())
        return;
    std::string known;
    for (const std::string& name : devices)
        known += (known.empty() ? "" : ", ") + name;
    throw ModelError({"command line", "--device", 0, 0},
                     "unknown device '" + device + "' (" + known + ")");
}

/// The model as `check` checks it, with the options' duration and seed.
void checkExportedModel(const std::string& modelJson, const Brian2ExportOptions& options) {
    CheckOptions check;
    check.duration = options.duration;
    check.seed = options.seed;
    checkModel(readModel(modelJson), check);
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    if (!file.flush())
        throw ModelError({}, std::string(kRole) + " cannot write its temporary model file");
}

std::string readText(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    if (!file)
        throw ModelError({}, std::string(kRole) + " wrote no script");
    return text.str();
}

/// The script's file name inside the scratch folder: the exporter names a
/// standalone device's project folder after it.
std::string scratchScriptName(const std::string& scriptPath) {
    const std::string name = fs::path(scriptPath).filename().string();
    return name.empty() || name == "." || name == ".." ? "model.py" : name;
}

std::string withoutPrefix(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
}

std::vector<std::string> exporterArguments(const fs::path& model, const fs::path& script,
                                           const Brian2ExportOptions& options) {
    std::vector<std::string> arguments{model.string(), "-o", script.string(), "--device",
                                       options.device};
    if (options.duration)
        arguments.insert(arguments.end(), {"--duration", *options.duration});
    if (options.seed)
        arguments.insert(arguments.end(), {"--seed", std::to_string(*options.seed)});
    return arguments;
}

} // namespace

const std::vector<std::string>& brian2ExportDevices() {
    static const std::vector<std::string> devices{"runtime", "cpp_standalone", "cuda_standalone",
                                                  "genn"};
    return devices;
}

std::vector<std::string> exportBrian2Script(const std::string& modelJson,
                                            const std::string& scriptPath,
                                            const Brian2ExportOptions& options) {
    checkDevice(options.device);
    checkExportedModel(modelJson, options);
    std::unique_ptr<AtomicOutputFile> output;
    try { // refuses a missing folder or a folder as the target before any work
        output = std::make_unique<AtomicOutputFile>(scriptPath);
    } catch (const std::runtime_error& error) {
        throw ModelError({}, error.what());
    }
    const std::unique_ptr<ScratchDirectory> scratch = scratchDirectoryFor(kRole);
    const fs::path model = scratch->path() / "model.json";
    const fs::path script = scratch->path() / scratchScriptName(scriptPath);
    writeText(model, modelJson);
    ProcessLimits limits;
    limits.timeout = kExportTimeout;
    const ProcessResult result =
        runPythonModule("exporter", exporterArguments(model, script, options), limits);
    try {
        requireSuccess(result, kRole, "Python 3");
    } catch (const ModelError& error) { // the exporter names its input: our temporary file
        throw ModelError({}, withoutPrefix(error.problem(), model.string() + ": "));
    }
    try {
        output->stream() << readText(script);
        output->commit();
    } catch (const std::runtime_error& error) {
        if (dynamic_cast<const ModelError*>(&error))
            throw;
        throw ModelError({}, error.what());
    }
    return noteLines(result);
}

} // namespace spikestudio
