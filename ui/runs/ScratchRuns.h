#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace spikestudio {

/// The runs the current model made in the scratch project (ScratchProject)
/// before it had a project of its own, so that they can go with it when it
/// is first saved as one.
class ScratchRuns {
public:
    void add(std::int64_t run) { runs_.push_back(run); }
    /// A new or other model: its runs are not these.
    void forget() { runs_.clear(); }
    std::size_t count() const { return runs_.size(); }

    /// Moves the runs into `project` (copied in one transaction, then deleted
    /// from the scratch project); returns why not, or "" on success.
    QString moveInto(const QString& project);

private:
    std::vector<std::int64_t> runs_;
};

} // namespace spikestudio
