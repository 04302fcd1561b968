#pragma once

namespace spikestudio {

/// The most threads one run may use (`run --threads`, Run > Threads).
inline constexpr int kMostThreadsPerRun = 256;
/// The most runs a sweep may run at once (`sweep --jobs`, the Sweep dialog).
inline constexpr int kMostRunsAtOnce = 1024;

/// The number of cores this machine offers (at least 1, at most `most`):
/// the default for threads per run and for runs at once in a sweep.
int machineCores(int most);

} // namespace spikestudio
