#include "sweepresults/StoredSweepResults.h"

#include "diagnostics/UserError.h"
#include "storage/Project.h"
#include "storage/SweepStore.h"

namespace spikestudio {
namespace {

template <typename Read> auto naming(const std::string& what, Read read) {
    try {
        return read();
    } catch (const UserError& error) {
        throw UserError(what + ": " + error.what());
    }
}

} // namespace

SweepResultTable loadSweepResults(Project& project, std::int64_t sweepId) {
    SweepStore store(project);
    const SweepSummary sweep = store.sweep(sweepId);
    const std::string name = "sweep " + std::to_string(sweepId);
    SweepResultTable table(
        naming(name, [&] { return SweepPlan::fromSpecification(sweep.specification); }));
    for (const SweepRunEntry& entry : store.runsOf(sweepId)) {
        naming(name + ", run " + std::to_string(entry.runId), [&] {
            if (entry.variant < 0)
                throw UserError("variant " + std::to_string(entry.variant) +
                                " is not one of the sweep's");
            std::optional<RunStatistics> statistics;
            if (const auto json = project.runStatistics(entry.runId))
                statistics = parseRunStatistics(*json);
            table.add(std::size_t(entry.variant), project.run(entry.runId).status,
                      std::move(statistics), entry.runId);
            return 0;
        });
    }
    return table;
}

} // namespace spikestudio
