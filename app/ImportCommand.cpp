#include "ImportCommand.h"

#include "CommandErrors.h"
#include "OutputFileCheck.h"
#include "bridge/Brian2Import.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/PrintableText.h"
#include "diagnostics/WholeNumber.h"
#include "formats/ModelFormats.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

namespace spikestudio {

namespace {

namespace fs = std::filesystem;

constexpr long long kLongestTimeoutSeconds = 7 * 24 * 3600;

/// Where the import goes: a model file, or a project whose model it becomes.
struct ImportTarget {
    std::string path;
    const ModelFormat* format = nullptr;
};

const std::string& scriptPath(const CommandLine& line) {
    if (line.positional.size() != 1)
        throw std::invalid_argument("expected exactly one SCRIPT file");
    requireBrian2Script(line.positional[0]);
    return line.positional[0];
}

ModelError outputError(const std::string& problem) {
    return ModelError({"command line", "-o", 0, 0}, problem);
}

/// -o, else SCRIPT's name with .json in the current folder (never replaced).
std::string outputPath(const CommandLine& line, const std::string& script) {
    if (line.output)
        return *line.output;
    const std::string path = fs::path(script).stem().string() + ".json";
    std::error_code error;
    if (fs::exists(path, error))
        throw outputError(path + " already exists; name the output with -o");
    return path;
}

ImportTarget importTarget(const CommandLine& line, const std::string& script) {
    ImportTarget target;
    target.path = outputPath(line, script);
    refuseUnwritableOutput(target.path, script, "the script");
    target.format = &ModelFormats::forWriting(target.path);
    return target;
}

std::chrono::seconds parseTimeout(const std::optional<std::string>& text) {
    if (!text)
        return kDefaultImportTimeout;
    const auto seconds = wholeNumber(*text, 1, kLongestTimeoutSeconds);
    if (!seconds)
        throw ModelError({"command line", "--timeout", 0, 0},
                         "the timeout must be a number of seconds from 1 to " +
                             std::to_string(kLongestTimeoutSeconds));
    return std::chrono::seconds(*seconds);
}

void printSummary(const Model& model, const std::string& script, const ImportTarget& target,
                  std::ostream& out) {
    out << "imported " << printable(script) << ": " << model.groups.size() << " groups, "
        << model.synapses.size() << " synapses, " << model.poissonInputs.size()
        << " Poisson inputs, " << model.monitors.size() << " monitors, duration "
        << printable(model.duration);
    if (model.seed)
        out << ", seed " << *model.seed;
    out << "\n"
        << (target.format->can(FormatCapability::KeepsRuns) ? "saved as the model of " : "wrote ")
        << printable(target.path) << "\n";
}

} // namespace

int importCommand(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            const std::string& script = scriptPath(line);
            const ImportTarget target = importTarget(line, script);
            const std::chrono::seconds timeout = parseTimeout(line.timeout);
            const Brian2Import imported = importBrian2Script(script, timeout);
            for (const std::string& note : imported.notes)
                err << printable(note) << "\n";
            const Model& model = imported.model;
            target.format->write(model, "{}", target.path);
            printSummary(model, script, target, out);
            return 0;
        },
        "importing " + (line.positional.empty() ? std::string("the script") : line.positional[0]));
}

} // namespace spikestudio
