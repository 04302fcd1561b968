#pragma once

#include "CommandLine.h"
#include "engine/KernelTier.h"
#include "engine/RunSession.h"
#include "model/CheckedModel.h"

#include <optional>
#include <ostream>
#include <string>

namespace spikestudio {

/// What the commands that run a model (`run`, `sweep`) read alike from their
/// command line. Errors are ModelError naming the option, or
/// std::invalid_argument for a misused command line.

/// `--tier auto|tcc|native` (default auto).
TierMode parseTier(const std::optional<std::string>& text);
/// `--threads N`, 1 to kMostThreadsPerRun (default: the machine's cores).
ThreadOptions threadOptions(const std::optional<std::string>& text);
/// Exactly one MODEL (or PROJECT) argument.
void requireOneModel(const CommandLine& line);
/// `--duration` and `--seed`.
CheckOptions checkOptions(const CommandLine& line);
/// MODEL is a model file or a project (whose model runs, and which keeps the
/// run), or a file of an importing format (a Brian2 script, whose code runs):
/// imported first, its notes written to `err`.
ModelSource loadModel(const std::string& path, std::ostream& err);
/// The project the results go into (`--db`, or MODEL when it is a project);
/// none: they are not stored. A new project takes the model as its own,
/// created with it in one step (a failure leaves no file).
std::optional<std::string> projectPath(const CommandLine& line);

} // namespace spikestudio
