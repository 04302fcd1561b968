#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace spikestudio {

class Project;

/// `export PROJECT --sweep ID --csv DIR`: writes `DIR/summary.csv` (the
/// sweep's result table) and each stored variant's monitors in
/// `DIR/variant-NNNN/` (NNNN the table's `variant`, from 1) as `export --run`
/// writes one run. The folder appears whole or not at all: everything is
/// written into a new folder beside it and renamed into place at the end.
/// Refuses a `directory` that exists and is not an empty folder. Returns the
/// number of variants written; throws UserError or std::runtime_error with
/// one line naming the sweep, run or file.
std::size_t exportSweepCsv(Project& project, std::int64_t sweepId, const std::string& directory);

/// `variant-0001` for variant 0: the folder of a variant's monitors.
std::string variantFolderName(std::size_t variant);

} // namespace spikestudio
