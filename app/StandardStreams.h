#pragma once

namespace spikestudio {

/// The process's exit status once standard output and standard error are
/// flushed: `status`, or 1 when anything written to them was lost (a full
/// disk, a closed pipe, `> /dev/full`), so that a script never takes a
/// truncated listing for a complete one.
int exitStatusAfterFlushing(int status);

} // namespace spikestudio
