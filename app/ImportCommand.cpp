#include "ImportCommand.h"

#include "CommandErrors.h"
#include "NumberOption.h"
#include "OutputFileCheck.h"
#include "bridge/Brian2Import.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/PrintableText.h"
#include "diagnostics/WholeNumber.h"
#include "files/AtomicOutputFile.h"
#include "formats/ModelFormats.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

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
/// A script of several networks writes beside `path`: `NAME.sweep.json`, or
/// `NAME-1.json`, `NAME-2.json`, ... (docs/brian2-import.md).
struct ImportTarget {
    std::string path;
    const ModelFormat* format = nullptr;
};

/// A file of a several-network import, written whole or not at all.
struct ImportFile {
    std::string path;
    std::string text;
    std::string role; // "the model", "the sweep", "network 2"
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

/// `-o FOLDER/`: the trailing slash says a folder is meant (an existing
/// folder named without it is refused, as before).
bool namesFolder(const std::string& output) {
    return output.ends_with('/');
}

/// -o (a folder: SCRIPT's name with .json in it), else SCRIPT's name with
/// .json in the current folder (never replaced).
std::string outputPath(const CommandLine& line, const std::string& script) {
    const std::string name = fs::path(script).stem().string() + ".json";
    if (line.output && namesFolder(*line.output)) {
        std::error_code error;
        if (!fs::is_directory(*line.output, error))
            throw outputError("cannot write into " + *line.output + ": no such folder");
        return (fs::path(*line.output) / name).string();
    }
    if (line.output)
        return *line.output;
    const std::string path = name;
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
    return std::chrono::seconds(numberOption(
        *text, "--timeout", "the timeout must be a number of seconds", 1, kLongestTimeoutSeconds));
}

std::string modelSummary(const Model& model) {
    std::string text =
        std::to_string(model.groups.size()) + " groups, " + std::to_string(model.synapses.size()) +
        " synapses, " + std::to_string(model.poissonInputs.size()) + " Poisson inputs, " +
        std::to_string(model.monitors.size()) + " monitors, " +
        (model.protocol.empty()
             ? "duration " + printable(model.duration)
             : "a protocol of " + std::to_string(model.protocol.size()) + " segments");
    if (model.seed)
        text += ", seed " + std::to_string(*model.seed);
    return text;
}

void printSummary(const Model& model, const std::string& script, const ImportTarget& target,
                  std::ostream& out) {
    out << "imported " << printable(script) << ": " << modelSummary(model) << "\n"
        << (target.format->can(FormatCapability::KeepsRuns) ? "saved as the model of " : "wrote ")
        << printable(target.path) << "\n";
}

fs::path besideTarget(const std::string& path, const std::string& suffix) {
    const fs::path target(path);
    return target.parent_path() / (target.stem().string() + suffix);
}

/// The files of a script that ran several networks (see ImportTarget).
std::vector<ImportFile> networkFiles(const Brian2Import& imported, const std::string& path) {
    if (imported.sweep)
        return {{path, writeModelJson(imported.models[0]), "the model"},
                {besideTarget(path, ".sweep.json").string(), *imported.sweep, "the sweep"}};
    std::vector<ImportFile> files;
    const std::string extension = fs::path(path).extension().string();
    for (std::size_t k = 0; k < imported.models.size(); ++k)
        files.push_back({besideTarget(path, "-" + std::to_string(k + 1) + extension).string(),
                         writeModelJson(imported.models[k]), "network " + std::to_string(k + 1)});
    return files;
}

/// Writes every file, each to a temporary first; renamed into place only
/// once all are written.
void writeAll(const std::vector<ImportFile>& files) {
    std::vector<std::unique_ptr<AtomicOutputFile>> outputs;
    for (const ImportFile& file : files) {
        outputs.push_back(std::make_unique<AtomicOutputFile>(file.path));
        outputs.back()->stream() << file.text;
    }
    for (const auto& output : outputs)
        output->commit();
}

void printNetworks(const Brian2Import& imported, const std::string& script,
                   const std::vector<ImportFile>& files, std::ostream& out) {
    out << "imported " << printable(script) << ": " << imported.networks
        << " networks run in turn, "
        << (imported.sweep ? "differing only in numbers: one model and a sweep" : "one model each")
        << "\n";
    for (std::size_t k = 0; k < files.size(); ++k) {
        out << "wrote " << printable(files[k].path) << " (" << files[k].role;
        if (!imported.sweep)
            out << ": " << modelSummary(imported.models[k]);
        out << ")\n";
    }
    if (imported.sweep)
        out << "run it: spikestudio sweep " << printable(files[0].path) << " --spec "
            << printable(files[1].path) << "\n";
}

/// Several networks go into model files, never into a project (it holds one model).
void refuseProjectForNetworks(const Brian2Import& imported, const ImportTarget& target) {
    if (imported.severalNetworks() && target.format->can(FormatCapability::KeepsRuns))
        throw outputError("the script runs " + std::to_string(imported.networks) +
                          " networks in turn and a project holds one model: name a model file "
                          "or a folder (-o FOLDER/)");
}

void writeNetworks(const Brian2Import& imported, const std::string& script,
                   const ImportTarget& target, std::ostream& out) {
    const std::vector<ImportFile> files = networkFiles(imported, target.path);
    for (const ImportFile& file : files)
        refuseUnwritableOutput(file.path, script, "the script");
    writeAll(files);
    printNetworks(imported, script, files, out);
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
            refuseProjectForNetworks(imported, target);
            for (const std::string& note : imported.notes)
                err << printable(note) << "\n";
            if (imported.severalNetworks()) {
                writeNetworks(imported, script, target, out);
                return 0;
            }
            const Model& model = imported.models[0];
            target.format->write(model, "{}", target.path);
            printSummary(model, script, target, out);
            return 0;
        },
        "importing " + (line.positional.empty() ? std::string("the script") : line.positional[0]));
}

} // namespace spikestudio
