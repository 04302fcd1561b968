#include "RunCommand.h"

#include "CommandErrors.h"
#include "ProfileText.h"
#include "RunOptions.h"
#include "StatisticsText.h"
#include "csv/CsvWriter.h"
#include "csv/FinalStateWriter.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/PrintableText.h"
#include "engine/RunSession.h"
#include "formats/ModelFormats.h"
#include "model/ModelReader.h"
#include "model/Seed.h"
#include "runtime/Network.h"
#include "storage/ModelOpener.h"
#include "storage/RunSinks.h"

#ifdef SPIKESTUDIO_WITH_GUI
#include "plots/HeadlessFigure.h"
#endif

#include <iomanip>
#include <optional>
#include <stdexcept>

namespace spikestudio {

namespace {

/// `--plot FILE`: raster, rate and traces rendered without a display.
void savePlot(const RunResults& results, const CheckedModel& model, const std::string& path) {
#ifdef SPIKESTUDIO_WITH_GUI
    const std::string problem = saveResultFigure(
        results, model.duration, model.model.name.empty() ? "" : model.model.name, path);
    if (!problem.empty())
        throw ModelError({"command line", "--plot", 0, 0}, problem);
#else
    (void)results, (void)model, (void)path;
    throw ModelError({"command line", "--plot", 0, 0},
                     "this build has no GUI libraries, so it cannot draw plots");
#endif
}

void printRecordCounts(const RunResults& results, std::ostream& out) {
    for (const SpikeRecord& record : results.spikes)
        out << "spikes " << printable(record.source) << " (" << printable(record.monitor)
            << "): " << record.indices.size() << "\n";
    for (const StateRecord& record : results.states)
        out << "recorded " << printable(record.monitor) << ": " << record.rowCount()
            << " samples x " << record.columns.size() << " columns\n";
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
    printRecordCounts(network.results(), out);
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
    size_t shared = 0;
    for (const auto& kernel : report.kernels)
        shared += kernel.bound && kernel.bound->workers;
    out << "threads: " << network.workers().threads() << " (" << shared << " of "
        << report.kernels.size() << " kernels share out their elements)\n";
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
                    return openRunSink(path, modelText);
                });
            if (line.allowNonFinite)
                session.setNonFinitePolicy(NonFinitePolicy::Continue);
            session.setThreads(threadOptions(line.threads));
            RunSession::Hooks hooks;
            hooks.built = [&](Network& network) {
                if (line.showKernels)
                    for (const auto& kernel : session.buildReport().kernels)
                        out << "/* ---- " << kernel.name << " ---- */\n" << kernel.source << "\n";
                network.scheduler().setProfiling(line.profile);
            };
            const RunReport report = session.run(hooks);
            const CheckedModel& model = *session.model();
            // Results up to a blow-up are kept: they show how it happened.
            if (line.csvDirectory)
                writeAllCsv(session.network().results(), *line.csvDirectory);
            if (line.finalStateDirectory)
                writeFinalState(session.network(), model, *line.finalStateDirectory);
            if (line.plotFile)
                savePlot(session.network().results(), model, *line.plotFile);
            printSummary(model, session.network(), session.buildReport(), report.timings,
                         report.tier, out);
            printStatistics(report.statistics, out);
            if (line.profile)
                printProfile(session.network().scheduler().operations(),
                             report.timings.simulateMs / 1e3, out);
            if (!report.stored.empty())
                out << report.stored << "\n";
            if (!report.warning.empty())
                err << "warning: " << printable(report.warning) << "\n";
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
