#include "ProjectCommands.h"

#include "CommandErrors.h"
#include "csv/CsvWriter.h"
#include "diagnostics/PrintableText.h"
#include "diagnostics/WholeNumber.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "sweepresults/SweepExport.h"

#include <iomanip>
#include <stdexcept>

namespace spikestudio {

namespace {

const std::string& projectPath(const CommandLine& line) {
    if (line.positional.size() != 1)
        throw std::invalid_argument("expected exactly one PROJECT file");
    return line.positional[0];
}

std::int64_t parseNumber(const std::string& text, const char* option, const char* what) {
    const auto id = wholeNumber(text, 1, INT64_MAX);
    if (!id)
        throw std::invalid_argument(std::string(option) + " needs a " + what + " number, got '" +
                                    printable(text) + "'");
    return std::int64_t(*id);
}

std::int64_t parseRunId(const std::optional<std::string>& text) {
    if (!text)
        throw std::invalid_argument(
            "export needs --run ID or --sweep ID (see 'spikestudio runs PROJECT')");
    return parseNumber(*text, "--run", "run");
}

int exportSweep(const CommandLine& line, std::ostream& out) {
    if (line.runId)
        throw std::invalid_argument("export takes --run ID or --sweep ID, not both");
    const std::int64_t id = parseNumber(*line.sweepId, "--sweep", "sweep");
    if (!line.csvDirectory)
        throw std::invalid_argument("export needs --csv DIR");
    Project project(projectPath(line), ProjectAccess::ReadOnly);
    const std::size_t variants = exportSweepCsv(project, id, *line.csvDirectory);
    out << "exported sweep " << id << " (" << variants << " runs) to "
        << printable(*line.csvDirectory) << "\n";
    return 0;
}

void printRun(const RunSummary& run, std::ostream& out) {
    out << std::setw(4) << run.id << "  " << printable(run.startedAt) << "  " << std::left
        << std::setw(11) << runStatusName(run.status) << std::right << "  " << std::setprecision(6)
        << run.simulatedTime << " of " << run.duration << " s, dt " << run.dt << " s, seed "
        << run.seed << ", "
        << (run.spikeCount ? std::to_string(*run.spikeCount) + " spikes" : "no spike monitor");
    if (run.simulateMilliseconds)
        out << ", simulated in " << std::fixed << std::setprecision(1) << *run.simulateMilliseconds
            << " ms" << std::defaultfloat;
    if (!run.message.empty())
        out << " (" << printable(run.message) << ")";
    out << "\n";
}

} // namespace

int runsCommand(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            Project project(projectPath(line), ProjectAccess::ReadOnly);
            const std::vector<RunSummary> runs = project.runs();
            if (runs.empty())
                out << "no runs in " << printable(project.path()) << "\n";
            for (const RunSummary& run : runs)
                printRun(run, out);
            return 0;
        },
        "listing the runs");
}

int exportCommand(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            const std::string& path = projectPath(line);
            if (line.sweepId)
                return exportSweep(line, out);
            const std::int64_t id = parseRunId(line.runId);
            if (!line.csvDirectory)
                throw std::invalid_argument("export needs --csv DIR");
            Project project(path, ProjectAccess::ReadOnly);
            const RunSummary run = project.run(id);
            const RunResults results = RunReader(project).read(id);
            try {
                writeAllCsv(results, *line.csvDirectory);
            } catch (const std::runtime_error& error) { // names the monitor or file
                throw std::runtime_error(path + ", run " + std::to_string(id) + ": " +
                                         error.what());
            }
            out << "exported run " << id << " (" << runStatusName(run.status) << ") to "
                << printable(*line.csvDirectory) << "\n";
            return 0;
        },
        line.sweepId ? "exporting the sweep" : "exporting the run");
}

} // namespace spikestudio
