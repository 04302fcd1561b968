#pragma once

#include "CommandLine.h"

#include <cstddef>
#include <string>

namespace spikestudio {

/// `spikestudio sweep ... --emit-jobs DIR`: writes DIR/model.json (the model
/// as it is now) and DIR/sweep.sh, a Slurm job array of `tasks` tasks; task K
/// runs `spikestudio sweep DIR/model.json <the same options> --part K/tasks
/// --db DIR/part-K.spikestudio`. The script also runs under plain bash with
/// SLURM_ARRAY_TASK_ID set. Every option is shell-quoted, so no text of the
/// command line is ever read by the shell as code. Returns the script's path.
std::string writeJobArray(const CommandLine& line, const std::string& modelText, std::size_t tasks);

/// A text as one word of a POSIX shell command: 'it'\''s'.
std::string shellQuoted(const std::string& text);

} // namespace spikestudio
