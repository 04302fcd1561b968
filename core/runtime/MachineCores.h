#pragma once

namespace spikestudio {

/// The number of cores this machine offers (at least 1, at most `most`):
/// the default for threads per run and for runs at once in a sweep.
int machineCores(int most);

} // namespace spikestudio
