#pragma once

#include <QString>
#include <string>
#include <utility>

namespace spikestudio {

struct RunSummary;

/// What the overlay legend says about two runs so a reader can tell them
/// apart: id, seed and simulated time, the constants whose values differ
/// between the two models, and "other model changes" when equations,
/// groups or monitors differ as well.
namespace RunCaptions {

/// One caption per run; `firstModel` and `secondModel` are the exact model
/// texts the runs were started with (Project::runModel).
std::pair<QString, QString> of(const RunSummary& first, const std::string& firstModel,
                               const RunSummary& second, const std::string& secondModel);

} // namespace RunCaptions

} // namespace spikestudio
