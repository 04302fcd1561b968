#include "bridge/PythonModule.h"

#include "bridge/PythonPackages.h"
#include "diagnostics/ModelError.h"
#include "engine/ScratchDirectory.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace spikestudio {

namespace {

constexpr const char* kDefaultPython = "/usr/bin/python3";

/// Runs a module of the package from the directory given as the first
/// argument ("" for Python's own search path); the module's name is the
/// second. -P keeps the current folder off the import path, -B keeps Python
/// from writing next to the package.
constexpr const char* kBootstrap =
    "import importlib, sys\n"
    "packages = sys.argv.pop(1)\n"
    "module = sys.argv.pop(1)\n"
    "if packages:\n"
    "    sys.path.insert(0, packages)\n"
    "importlib.import_module('brian2spikestudio.' + module).main()\n";

std::vector<std::string> outputLines(const std::string& output) {
    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string text; std::getline(in, text);)
        if (!text.empty())
            lines.push_back(text);
    return lines;
}

/// The module's one line of failure, without its "error: ".
std::string failureLine(const ProcessResult& result, const std::string& role) {
    const std::vector<std::string> lines = outputLines(result.output);
    if (lines.empty())
        return role + " stopped without a message (exit status " + std::to_string(result.exitCode) +
               ")";
    const std::string& last = lines.back();
    return last.rfind("error: ", 0) == 0 ? last.substr(7) : last;
}

} // namespace

std::string pythonExecutable() {
    const char* chosen = std::getenv("SPIKESTUDIO_PYTHON");
    return chosen && *chosen ? chosen : kDefaultPython;
}

ProcessResult runPythonModule(const std::string& module, const std::vector<std::string>& arguments,
                              const ProcessLimits& limits) {
    std::vector<std::string> command{pythonExecutable(),        "-B",  "-P", "-c", kBootstrap,
                                     pythonPackagesDirectory(), module};
    command.insert(command.end(), arguments.begin(), arguments.end());
    return runProcess(command, limits);
}

void requireSuccess(const ProcessResult& result, const std::string& role,
                    const std::string& install) {
    if (!result.started)
        throw ModelError({}, "cannot start " + pythonExecutable() + ", the Python that runs " +
                                 role + ": install " + install + " or set SPIKESTUDIO_PYTHON");
    if (result.timedOut)
        throw ModelError({}, role + " did not finish in time");
    if (result.exitCode != 0)
        throw ModelError({}, failureLine(result, role));
}

std::vector<std::string> noteLines(const ProcessResult& result) {
    std::vector<std::string> notes;
    for (const std::string& line : outputLines(result.output))
        if (line.rfind("note: ", 0) == 0)
            notes.push_back(line);
    return notes;
}

std::unique_ptr<ScratchDirectory> scratchDirectoryFor(const std::string& role) {
    try {
        return std::make_unique<ScratchDirectory>(std::filesystem::temp_directory_path());
    } catch (const std::exception& error) {
        throw ModelError({}, role + " needs a temporary folder: " + error.what());
    }
}

} // namespace spikestudio
