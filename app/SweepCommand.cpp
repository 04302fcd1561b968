#include "SweepCommand.h"

#include "CommandErrors.h"
#include "InterruptFlag.h"
#include "JobArray.h"
#include "NumberOption.h"
#include "RunOptions.h"
#include "SweepSpecificationFile.h"
#include "SweepTable.h"
#include "csv/CsvWriter.h"
#include "diagnostics/FailureMessage.h"
#include "diagnostics/PrintableText.h"
#include "diagnostics/WholeNumber.h"
#include "engine/SweepRunner.h"
#include "files/AtomicOutputFile.h"
#include "runtime/MachineCores.h"
#include "runtime/Network.h"
#include "storage/RunSinks.h"
#include "storage/SweepStore.h"
#include "sweep/SeedList.h"

#include <cstdio>
#include <filesystem>
#include <mutex>

namespace spikestudio {
namespace {

constexpr std::size_t kMaxTasks = 10000;

std::size_t parseJobs(const std::optional<std::string>& text) {
    if (!text)
        return static_cast<std::size_t>(machineCores(kMostRunsAtOnce));
    return numberOption(*text, "--jobs", "the number of jobs must be a whole number", 1,
                        static_cast<std::size_t>(kMostRunsAtOnce));
}

struct VariantRange {
    std::size_t first = 0;
    std::size_t end = 0;
};

/// `--part K/N`: the K-th (from 0) of N near-equal consecutive parts.
VariantRange partOf(const std::optional<std::string>& text, std::size_t variants) {
    if (!text)
        return {0, variants};
    const std::size_t slash = text->find('/');
    const std::string_view whole(*text);
    const auto parts = slash == std::string::npos
                           ? std::nullopt
                           : wholeNumber(whole.substr(slash + 1), 1, kMaxTasks);
    const auto part = parts ? wholeNumber(whole.substr(0, slash), 0, *parts - 1) : std::nullopt;
    if (!part)
        throw ModelError({"command line", "--part", 0, 0},
                         "write K/N: part K (from 0) of N parts, N from 1 to " +
                             std::to_string(kMaxTasks));
    return {*part * variants / *parts, (*part + 1) * variants / *parts};
}

std::size_t taskCount(const std::optional<std::string>& text, std::size_t variants) {
    std::size_t tasks = 10;
    if (text)
        tasks = numberOption(*text, "--tasks", "the number of tasks must be a whole number", 1,
                             kMaxTasks);
    return std::min(tasks, variants);
}

SweepPlan planOf(const CommandLine& line) {
    if (line.vary.empty())
        throw std::invalid_argument("sweep needs at least one --vary NAME=VALUES (or --spec FILE)");
    std::vector<SweepAxis> axes;
    for (const std::string& text : line.vary)
        axes.push_back(parseSweepAxis(text));
    return SweepPlan(std::move(axes),
                     line.seeds ? parseSeedList(*line.seeds) : std::vector<std::uint32_t>{},
                     line.zip ? SweepCombination::Zip : SweepCombination::Grid);
}

std::string runFolder(const std::string& directory, std::size_t variant) {
    char name[32];
    std::snprintf(name, sizeof name, "run-%04zu", variant + 1);
    return (std::filesystem::path(directory) / name).string();
}

/// Where a sweep's results go: a project (the sweep and its runs) and CSV files.
class SweepOutputs {
public:
    SweepOutputs(const CommandLine& line, const ModelSource& base, const SweepPlan& plan)
        : csvDirectory_(line.csvDirectory), project_(projectPath(line)) {
        if (!project_)
            return;
        Project project = Project::openOrCreate(*project_, base.text);
        sweepId_ = SweepStore(project).create(plan.specificationJson(line.duration),
                                              std::int64_t(plan.variantCount()), base.text);
    }

    SweepRunner::SinkOpener sinkOpener() const {
        if (!project_)
            return {};
        return [path = *project_, sweepId = sweepId_](const SweepVariant& variant,
                                                      const std::string& text) {
            return openRunSink(path, text,
                               {SweepMembership{sweepId, std::int64_t(variant.index)}, {}});
        };
    }

    /// A variant's monitors as CSV (DIR/run-NNNN/); the first failure is kept.
    void writeRunCsv(const SweepVariant& variant, const Network& network) {
        if (!csvDirectory_ || !csvFailure_.empty())
            return;
        try {
            writeAllCsv(network.results(), runFolder(*csvDirectory_, variant.index));
        } catch (const std::exception& error) {
            csvFailure_ = failureMessage(error, "writing CSV files");
        }
    }

    /// Completes the table with the stored runs, writes DIR/sweep.csv and prints it.
    void finish(SweepTable& table, std::ostream& out) {
        if (project_) {
            Project project(*project_);
            for (const SweepRunEntry& run : SweepStore(project).runsOf(sweepId_))
                table.setRunId(std::size_t(run.variant), run.runId);
        }
        if (csvDirectory_ && csvFailure_.empty()) {
            AtomicOutputFile file((std::filesystem::path(*csvDirectory_) / "sweep.csv").string());
            table.writeCsv(file.stream());
            file.commit();
        }
        table.print(out);
        if (project_)
            out << "stored as sweep " << sweepId_ << " in " << printable(*project_) << "\n";
        if (!csvFailure_.empty())
            throw std::runtime_error(csvFailure_);
    }

private:
    std::optional<std::string> csvDirectory_;
    std::optional<std::string> project_;
    std::int64_t sweepId_ = 0;
    std::string csvFailure_;
};

/// The evidence that a sweep compiles once: kernels compiled per run.
void printCompilation(const std::vector<SweepVariantOutcome>& outcomes, std::ostream& err) {
    std::size_t compiled = 0, kernels = 0;
    for (const SweepVariantOutcome& outcome : outcomes) {
        compiled += outcome.kernelsCompiled;
        kernels += outcome.kernels;
    }
    err << "kernels: " << compiled << " compiled, " << kernels - compiled
        << " taken from the cache, over " << outcomes.size() << " runs\n";
}

} // namespace

int sweepCommand(const CommandLine& given, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            const CommandLine line = withSweepSpecification(given);
            requireOneModel(line);
            SweepPlan plan = planOf(line);
            const std::size_t jobs = parseJobs(line.jobs);
            const TierMode tier = parseTier(line.tier);
            const CheckOptions options = checkOptions(line);
            ModelSource base = loadModel(line.positional[0], err);
            // The model as it stands must be sound, and every swept name one of its constants.
            plan.checkAgainst(checkModel(base.model, options));
            const VariantRange range = partOf(line.part, plan.variantCount());
            if (line.emitJobs) {
                if (line.part || line.database || line.csvDirectory)
                    throw std::invalid_argument(
                        "--emit-jobs writes a job array: its tasks take --part and --db");
                const std::size_t tasks = taskCount(line.tasks, plan.variantCount());
                const std::string script = writeJobArray(line, base.text, tasks);
                out << "wrote " << printable(script) << ": a job array of " << tasks
                    << " tasks for " << plan.variantCount() << " runs\n";
                return 0;
            }
            SweepOutputs outputs(line, base, plan);
            SweepTable table(plan);
            SweepRunner runner(base.model, plan, options, tier);
            runner.setSinkOpener(outputs.sinkOpener());
            runner.restrictTo(range.first, range.end);
            err << "sweep: " << range.end - range.first << " runs";
            if (line.part)
                err << " (" << range.first + 1 << " to " << range.end << " of "
                    << plan.variantCount() << ")";
            err << ", " << std::min(jobs, std::max<std::size_t>(1, range.end - range.first))
                << " at a time\n";
            const std::atomic<bool>& interrupted = watchInterrupts();
            const auto outcomes = runner.run(
                jobs,
                [&](const SweepVariantOutcome& outcome, const Network* network) {
                    table.add(outcome);
                    if (network)
                        outputs.writeRunCsv(outcome.variant, *network);
                    err << table.progressLine(outcome) << "\n" << std::flush;
                },
                &interrupted);
            outputs.finish(table, out);
            printCompilation(outcomes, err);
            if (interrupted) {
                err << "stopped: " << outcomes.size() << " of " << plan.variantCount()
                    << " runs ended; the others did not start\n";
                return kInterruptedStatus;
            }
            std::size_t failed = 0;
            for (const SweepVariantOutcome& outcome : outcomes)
                failed += outcome.report.status == RunStatus::Failed;
            if (failed > 0) {
                err << "error: " << failed << " of " << outcomes.size() << " runs failed\n";
                return 1;
            }
            return 0;
        },
        "sweeping " + (given.positional.empty() ? std::string("the model") : given.positional[0]));
}

int sweepsCommand(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            if (line.positional.size() != 1)
                throw std::invalid_argument("expected exactly one PROJECT file");
            Project project(line.positional[0], ProjectAccess::ReadOnly);
            const auto sweeps = SweepStore(project).sweeps();
            if (sweeps.empty())
                out << "no sweeps in " << printable(line.positional[0]) << "\n";
            for (const SweepSummary& sweep : sweeps)
                out << "sweep " << sweep.id << "  " << printable(sweep.createdAt) << "  "
                    << sweep.stored << " of " << sweep.variants << " runs stored  "
                    << printable(sweep.specification) << "\n";
            return 0;
        },
        "listing the sweeps of " +
            (line.positional.empty() ? std::string("the project") : line.positional[0]));
}

} // namespace spikestudio
