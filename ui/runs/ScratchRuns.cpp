#include "runs/ScratchRuns.h"

#include "runs/ScratchProject.h"
#include "storage/Project.h"
#include "storage/RunCopier.h"

#include <algorithm>

namespace spikestudio {

QString ScratchRuns::moveInto(const QString& project) {
    try {
        Project scratch(ScratchProject::path().toStdString());
        // Runs deleted from the Runs tab meanwhile are no longer there to take.
        std::vector<std::int64_t> present;
        for (const RunSummary& run : scratch.runs())
            if (std::find(runs_.begin(), runs_.end(), run.id) != runs_.end())
                present.push_back(run.id);
        Project target(project.toStdString());
        copyRuns(scratch, target, present);
        runs_.clear();
        for (std::int64_t run : present)
            scratch.deleteRun(run);
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

} // namespace spikestudio
