#include "RunCommand.h"

#include "CommandErrors.h"
#include "csv/CsvWriter.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/PrintableText.h"
#include "engine/NativeTier.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "runtime/NonFiniteWatch.h"
#include "storage/PathChecks.h"
#include "storage/Project.h"
#include "storage/RunWriter.h"

#ifdef SPIKESTUDIO_WITH_GUI
#include "plots/HeadlessFigure.h"
#endif

#include <charconv>
#include <chrono>
#include <iomanip>
#include <optional>
#include <stdexcept>

namespace spikestudio {

namespace {

using Stopwatch = std::chrono::steady_clock;

double millisecondsSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

std::uint32_t parseSeed(const std::string& text) {
    unsigned long long value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() ||
        value > 4294967295ULL)
        throw ModelError({"command line", "--seed", 0, 0},
                         "the seed must be an integer from 0 to 4294967295");
    return static_cast<std::uint32_t>(value);
}

TierMode parseTier(const std::optional<std::string>& text) {
    if (!text || *text == "auto")
        return TierMode::Auto;
    if (*text == "tcc")
        return TierMode::Tcc;
    if (*text == "native")
        return TierMode::Native;
    throw ModelError({"command line", "--tier", 0, 0}, "the tier must be auto, tcc or native");
}

/// Whether `path` is a project rather than a model file (its first bytes).
bool isProjectFile(const std::string& path) {
    return PathChecks::hasSqliteHeader(path);
}

/// The model a project holds, as text; errors name the project.
Model readProjectModel(const std::string& path, std::string& text) {
    const std::optional<StoredModel> stored = Project(path, ProjectAccess::ReadOnly).model();
    if (!stored)
        throw ModelError({path, "", 0, 0}, "the project holds no model yet");
    text = stored->modelJson;
    try {
        return readModel(text);
    } catch (const ModelError& error) {
        if (error.where().object != "model file")
            throw;
        throw ModelError({path, "model", error.where().line, error.where().column},
                         "the project's model: " + error.problem());
    }
}

/// MODEL is a model file or a project (whose model runs, and which keeps the run).
CheckedModel loadAndCheck(const CommandLine& line, std::string& modelText) {
    if (line.positional.size() != 1)
        throw std::invalid_argument("expected exactly one MODEL file");
    CheckOptions options;
    options.duration = line.duration;
    if (line.seed)
        options.seed = parseSeed(*line.seed);
    const std::string& path = line.positional[0];
    Model model =
        isProjectFile(path) ? readProjectModel(path, modelText) : readModelFile(path, &modelText);
    return checkModel(std::move(model), options);
}

/// Opens (or creates) the project the run goes into, before anything runs, so
/// that a bad project file is refused first. A new project takes the model as
/// its own, created with it in one step (a failure leaves no file).
std::optional<Project> openProject(const CommandLine& line, const std::string& modelText) {
    std::optional<std::string> path = line.database;
    if (!path && isProjectFile(line.positional[0]))
        path = line.positional[0];
    if (!path)
        return std::nullopt;
    return Project::openOrCreate(*path, modelText);
}

/// `--plot FILE`: raster, rate and traces rendered without a display.
void savePlot(const Network& network, const CheckedModel& model, const std::string& path) {
#ifdef SPIKESTUDIO_WITH_GUI
    const std::string problem = saveResultFigure(
        network, model.duration, model.model.name.empty() ? "" : model.model.name, path);
    if (!problem.empty())
        throw ModelError({"command line", "--plot", 0, 0}, problem);
#else
    (void)network, (void)model, (void)path;
    throw ModelError({"command line", "--plot", 0, 0},
                     "this build has no GUI libraries, so it cannot draw plots");
#endif
}

/// What the run took, for the summary.
struct RunTimings {
    double parseMs = 0.0;
    double firstStepMs = 0.0; // from opening the model to the first step
    double simulateMs = 0.0;
    long long steps = 0;
};

void printSummary(const CheckedModel& model, const Network& network, const BuildReport& report,
                  const RunTimings& timings, const TierStatus& tier, std::ostream& out) {
    out << "model: " << (model.model.name.empty() ? "(unnamed)" : printable(model.model.name))
        << "\n";
    for (const CheckedGroup& group : model.groups) {
        out << "group " << printable(group.name) << ": " << typeName(group.type)
            << ", N=" << group.size;
        if (group.type == GroupType::NeuronGroup)
            out << ", method=" << nameOf(group.method);
        out << "\n";
    }
    for (const SynapseState& synapses : network.synapses())
        out << "synapses " << printable(synapses.name) << ": " << printable(synapses.source->name)
            << " -> " << printable(synapses.target->name) << ", " << synapses.size()
            << " synapses\n";
    for (const CheckedPoissonInput& input : model.poissonInputs)
        out << "poisson input " << printable(input.name) << ": " << input.count << " inputs -> "
            << printable(model.groups[input.target].name) << "." << printable(input.variable)
            << "\n";
    for (const SpikeRecord& record : network.spikeRecords())
        out << "spikes " << printable(record.source) << " (" << printable(record.monitor)
            << "): " << record.indices.size() << "\n";
    for (const StateRecord& record : network.stateRecords())
        out << "recorded " << printable(record.monitor) << ": " << record.rowCount()
            << " samples x " << record.columns.size() << " columns\n";
    size_t compiled = 0;
    for (const auto& kernel : report.kernels)
        compiled += !kernel.cached;
    out << std::fixed << std::setprecision(2) << "time: parse " << timings.parseMs
        << " ms, codegen " << report.timings.codegenMilliseconds << " ms, compile "
        << report.timings.compileMilliseconds << " ms (" << compiled << " of "
        << report.kernels.size() << " kernels compiled, libtcc), setup "
        << report.timings.setupMilliseconds << " ms, simulate " << timings.simulateMs << " ms ("
        << timings.steps << " steps, seed " << model.seed << ")\n";
    out << "first step: " << timings.firstStepMs << " ms after opening the model\n";
    out << "tier: " << printable(tier.describe()) << "\n";
}

} // namespace

int runCommand(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            const TierMode tierMode = parseTier(line.tier);
            const auto parseStart = Stopwatch::now();
            std::string modelText;
            const CheckedModel model = loadAndCheck(line, modelText);
            RunTimings timings;
            timings.parseMs = millisecondsSince(parseStart);
            std::optional<Project> project = openProject(line, modelText);
            BuildReport report;
            auto network = buildNetwork(model, &report);
            if (line.showKernels)
                for (const auto& kernel : report.kernels)
                    out << "/* ---- " << kernel.name << " ---- */\n" << kernel.source << "\n";
            std::optional<RunWriter> writer;
            if (project) // results are committed about once a second while the run goes on
                writer.emplace(*project, *network,
                               RunSettings{modelText, model.duration, model.dt, model.seed});
            NonFiniteWatch watch(*network);
            const std::unique_ptr<NativeTier> tier = startTier(tierMode, *network, report.kernels);
            timings.firstStepMs = millisecondsSince(parseStart);
            const auto simulateStart = Stopwatch::now();
            timings.steps = network->run(model.duration, [&] {
                return watch.keepGoing() && (!writer || writer->flushIfDue());
            });
            timings.simulateMs = millisecondsSince(simulateStart);
            const TierStatus tierStatus = tier->status();
            const bool finite = watch.scan();
            const auto& outOfMemory = network->memoryWatch().problem();
            if (writer) {
                writer->setTimings(report.timings.totalMilliseconds(), timings.simulateMs);
                if (!finite)
                    writer->finish(RunStatus::Failed, watch.found()->message());
                else if (outOfMemory)
                    writer->finish(RunStatus::Failed, *outOfMemory);
                else
                    writer->finish(RunStatus::Finished);
            }
            // Results up to a blow-up are kept: they show how it happened.
            if (line.csvDirectory)
                writeAllCsv(*network, *line.csvDirectory);
            if (line.plotFile)
                savePlot(*network, model, *line.plotFile);
            printSummary(model, *network, report, timings, tierStatus, out);
            if (writer)
                out << "stored as run " << writer->runId() << " in " << printable(project->path())
                    << "\n";
            if (!finite) {
                err << "error: " << printable(watch.found()->message()) << "\n";
                return 1;
            }
            if (const auto& memory = network->memoryWatch().problem()) {
                err << "error: " << printable(*memory) << "\n";
                return 1;
            }
            return 0;
        },
        "running " + (line.positional.empty() ? std::string("the model") : line.positional[0]));
}

int checkCommand(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            std::string modelText;
            const CheckedModel model = loadAndCheck(line, modelText);
            out << "ok: " << model.groups.size() << " groups, " << model.monitors.size()
                << " monitors; units and names check\n";
            return 0;
        },
        "checking " + (line.positional.empty() ? std::string("the model") : line.positional[0]));
}

} // namespace spikestudio
