#include "RunCommand.h"

#include "CommandErrors.h"
#include "csv/CsvWriter.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/PrintableText.h"
#include "engine/RunSession.h"
#include "formats/ModelFormats.h"
#include "model/ModelReader.h"
#include "model/Seed.h"
#include "runtime/Network.h"
#include "storage/ModelOpener.h"
#include "storage/ProjectRunSink.h"

#ifdef SPIKESTUDIO_WITH_GUI
#include "plots/HeadlessFigure.h"
#endif

#include <iomanip>
#include <optional>
#include <stdexcept>

namespace spikestudio {

namespace {

TierMode parseTier(const std::optional<std::string>& text) {
    if (!text || *text == "auto")
        return TierMode::Auto;
    if (*text == "tcc")
        return TierMode::Tcc;
    if (*text == "native")
        return TierMode::Native;
    throw ModelError({"command line", "--tier", 0, 0}, "the tier must be auto, tcc or native");
}

void requireOneModel(const CommandLine& line) {
    if (line.positional.size() != 1)
        throw std::invalid_argument("expected exactly one MODEL file");
}

CheckOptions checkOptions(const CommandLine& line) {
    CheckOptions options;
    options.duration = line.duration;
    if (line.seed)
        options.seed = Seed::fromOption(*line.seed, "--seed");
    return options;
}

/// MODEL is a model file or a project (whose model runs, and which keeps the
/// run), or a file of an importing format (a Brian2 script, whose code runs):
/// imported first, its notes written to `err`.
ModelSource loadModel(const std::string& path, std::ostream& err) {
    const ModelFormat* format = ModelFormats::ofContent(path);
    if (format && format->can(FormatCapability::Import)) {
        LoadedModel imported = format->read(path);
        for (const std::string& note : imported.notes)
            err << printable(note) << "\n";
        return {std::move(imported.model), std::move(imported.text)};
    }
    OpenedModel opened = openModel(path);
    return {std::move(opened.model), std::move(opened.text)};
}

/// The project the run goes into (`--db`, or MODEL when it is a project);
/// none: the run is not stored. A new project takes the model as its own,
/// created with it in one step (a failure leaves no file).
std::optional<std::string> projectPath(const CommandLine& line) {
    if (line.database)
        return line.database;
    if (isProjectFile(line.positional[0]))
        return line.positional[0];
    return std::nullopt;
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
        << " ms, codegen " << timings.codegenMs << " ms, compile " << timings.compileMs << " ms ("
        << compiled << " of " << report.kernels.size() << " kernels compiled, libtcc), setup "
        << timings.setupMs << " ms, simulate " << timings.simulateMs << " ms (" << timings.steps
        << " steps, seed " << model.seed << ")\n";
    out << "first step: " << timings.firstStepMs << " ms after opening the model\n";
    out << "tier: " << printable(tier.describe()) << "\n";
}

} // namespace

int runCommand(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            requireOneModel(line);
            const TierMode tierMode = parseTier(line.tier);
            RunSession session([&] { return loadModel(line.positional[0], err); },
                               checkOptions(line), tierMode);
            if (const std::optional<std::string> path = projectPath(line))
                session.setSinkOpener([path = *path](const std::string& modelText) {
                    return std::make_unique<ProjectRunSink>(path, modelText);
                });
            RunSession::Hooks hooks;
            if (line.showKernels)
                hooks.built = [&](Network&) {
                    for (const auto& kernel : session.buildReport().kernels)
                        out << "/* ---- " << kernel.name << " ---- */\n" << kernel.source << "\n";
                };
            const RunReport report = session.run(hooks);
            const CheckedModel& model = *session.model();
            // Results up to a blow-up are kept: they show how it happened.
            if (line.csvDirectory)
                writeAllCsv(session.network(), *line.csvDirectory);
            if (line.plotFile)
                savePlot(session.network(), model, *line.plotFile);
            printSummary(model, session.network(), session.buildReport(), report.timings,
                         report.tier, out);
            if (!report.stored.empty())
                out << report.stored << "\n";
            if (report.status == RunStatus::Failed) {
                err << "error: " << printable(report.message) << "\n";
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
            requireOneModel(line);
            const CheckedModel model =
                checkModel(loadModel(line.positional[0], err).model, checkOptions(line));
            out << "ok: " << model.groups.size() << " groups, " << model.monitors.size()
                << " monitors; units and names check\n";
            return 0;
        },
        "checking " + (line.positional.empty() ? std::string("the model") : line.positional[0]));
}

} // namespace spikestudio
