#include "MergeCommand.h"

#include "CommandErrors.h"
#include "diagnostics/PrintableText.h"
#include "storage/Project.h"
#include "storage/RunCopier.h"
#include "storage/StorageError.h"
#include "storage/SweepStore.h"

#include <filesystem>
#include <map>
#include <memory>
#include <set>

namespace spikestudio {
namespace {

struct MergeCounts {
    std::size_t copied = 0;
    std::size_t skipped = 0; // a sweep's variant PROJECT holds already
};

/// The runs of `part` to copy into `into`: each sweep's runs joining the
/// matching sweep of `into` (created if missing) at their variant, unless it
/// holds that variant already; runs outside sweeps as they are.
std::vector<RunToCopy> runsToCopy(Project& part, Project& into, MergeCounts& counts) {
    std::vector<RunToCopy> runs;
    std::set<std::int64_t> inSweeps;
    SweepStore partSweeps(part), intoSweeps(into);
    for (const SweepSummary& sweep : partSweeps.sweeps()) {
        const std::int64_t target = intoSweeps.findOrCreate(sweep.specification, sweep.variants,
                                                            partSweeps.model(sweep.id));
        std::set<std::int64_t> present;
        for (const SweepRunEntry& entry : intoSweeps.runsOf(target))
            present.insert(entry.variant);
        for (const SweepRunEntry& entry : partSweeps.runsOf(sweep.id)) {
            inSweeps.insert(entry.runId);
            if (!present.insert(entry.variant).second) {
                ++counts.skipped;
                continue;
            }
            runs.push_back({entry.runId, SweepMembership{target, entry.variant}});
        }
    }
    for (const RunSummary& run : part.runs())
        if (!inSweeps.count(run.id))
            runs.push_back({run.id, std::nullopt});
    return runs;
}

std::string modelOf(Project& part) {
    if (const auto model = part.model())
        return model->modelJson;
    throw StorageError(part.path() + ": the project holds no model");
}

} // namespace

int mergeCommand(const CommandLine& line, std::ostream& out, std::ostream& err) {
    return reportingErrors(
        err,
        [&] {
            if (line.positional.empty() || !line.output)
                throw std::invalid_argument("merge needs PART... and -o PROJECT");
            // Every part opens (and is a project) before anything is written.
            std::vector<std::unique_ptr<Project>> parts;
            for (const std::string& path : line.positional) {
                std::error_code error;
                if (std::filesystem::equivalent(path, *line.output, error))
                    throw StorageError(path + ": a part cannot be merged into itself");
                parts.push_back(std::make_unique<Project>(path, ProjectAccess::ReadOnly));
            }
            Project into = Project::openOrCreate(*line.output, modelOf(*parts.front()));
            MergeCounts counts;
            for (auto& part : parts) {
                const std::vector<RunToCopy> runs = runsToCopy(*part, into, counts);
                copyRunsJoiningSweeps(*part, into,
                                      runs); // one transaction per part: all of it or none
                counts.copied += runs.size();
            }
            out << "merged " << counts.copied << " runs from " << parts.size() << " projects into "
                << printable(*line.output);
            if (counts.skipped > 0)
                out << "; " << counts.skipped << " runs were there already";
            out << "\n";
            for (const SweepSummary& sweep : SweepStore(into).sweeps())
                out << "sweep " << sweep.id << ": " << sweep.stored << " of " << sweep.variants
                    << " runs\n";
            return 0;
        },
        "merging into " + (line.output ? *line.output : std::string("the project")));
}

} // namespace spikestudio
