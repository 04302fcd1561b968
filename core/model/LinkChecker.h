#pragma once

#include "model/CheckedModel.h"
#include "model/ProblemCollector.h"

#include <set>
#include <string>

namespace spikestudio {

/// Checks every group's `links` against the groups they name, as Brian2's
/// `linked_var` does (a known group and stored variable, the same unit, the
/// same size or an index within the source, no link leading back to itself,
/// a link for every `(linked)` variable), and stores each group's links
/// followed to the arrays that hold the values. Groups named in `failed`
/// (whose check failed) are skipped; problems go to `problems`, one per link.
void checkLinks(CheckedModel& checked, const std::set<std::string>& failed,
                ProblemCollector& problems);

} // namespace spikestudio
