#include "ExportBrian2Command.h"

#include "CommandErrors.h"
#include "OutputFileCheck.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/PrintableText.h"
#include "diagnostics/WholeNumber.h"
#include "formats/Exporters.h"
#include "formats/ModelFormats.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "model/Seed.h"
#include "storage/Project.h"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace spikestudio {

namespace {

/// The model to export (with what replaces its duration and seed) and the device.
struct ExportSource {
    ExportInput input;
    std::string device = "runtime";
    std::string description; // "cuba.json", "runs.spikestudio, run 3"
};

std::int64_t parseRunId(const std::string& text) {
    const auto id = wholeNumber(text, 1, INT64_MAX);
    if (!id)
        throw ModelError({"command line", "--run", 0, 0},
                         "--run needs a run number, got '" + text + "'");
    return std::int64_t(*id);
}

/// Seconds as an exact Brian2 quantity ("0.25*second").
std::string secondsText(double seconds) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, seconds);
    return std::string(buffer, result.ptr) + "*second";
}

/// The model a stored run used, with the run's seed, and its duration when
/// it differs from that model's own (a model with a protocol keeps its segments).
ExportSource storedRun(Project& project, const std::string& path, const std::string& runText) {
    const std::int64_t id = parseRunId(runText);
    const RunSummary run = project.run(id);
    ExportSource source{
        {project.runModel(id), {}, run.seed}, {}, path + ", run " + std::to_string(id)};
    const Model model = readModel(source.input.modelJson);
    // A protocol's segments give its duration, which no other may replace.
    if (model.protocol.empty() &&
        (model.duration.empty() || checkModel(model).duration != run.duration))
        source.input.duration = secondsText(run.duration);
    return source;
}

ExportSource projectModel(const std::string& path, const std::optional<std::string>& runText) {
    Project project(path, ProjectAccess::ReadOnly);
    if (runText)
        return storedRun(project, path, *runText);
    const std::optional<StoredModel> stored = project.model();
    if (!stored)
        throw ModelError({path, "", 0, 0}, "the project holds no model yet");
    return {{stored->modelJson, {}, {}}, {}, path};
}

ExportSource exportSource(const CommandLine& line) {
    if (line.positional.size() != 1)
        throw std::invalid_argument("expected exactly one MODEL or PROJECT file");
    const std::string& path = line.positional[0];
    ExportSource source;
    if (ModelFormats::keepsRuns(path)) { // a project, by content
        source = projectModel(path, line.runId);
    } else {
        if (line.runId)
            throw ModelError({"command line", "--run", 0, 0},
                             path + " is a model file; --run picks a run of a PROJECT");
        readModelFile(path, &source.input.modelJson);
        source.description = path;
    }
    if (line.device)
        source.device = *line.device;
    if (line.duration)
        source.input.duration = *line.duration;
    if (line.seed)
        source.input.seed = Seed::fromOption(*line.seed, "--seed");
    return source;
}

const std::string& scriptPath(const CommandLine& line) {
    if (!line.output)
        throw std::invalid_argument("export-brian2 needs -o SCRIPT.py");
    refuseUnwritableOutput(*line.output, line.positional[0], "the model");
    return *line.output;
}

} // namespace

int exportBrian2Command(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            const ExportSource source = exportSource(line);
            const std::string& script = scriptPath(line);
            const Exporter& brian2 = *Exporters::byShortName("brian2");
            for (const std::string& note : brian2.write(source.input, source.device, script))
                err << printable(note) << "\n";
            out << "exported " << printable(source.description) << " as a Brian2 script for the "
                << printable(source.device) << " device: " << printable(script) << "\n";
            return 0;
        },
        "exporting the model as a Brian2 script");
}

} // namespace spikestudio
