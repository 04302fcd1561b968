#pragma once

namespace spikestudio {

/// The elements of a group that a Synapses object, monitor, PoissonInput or
/// run_regularly acts on: [start, start + size), all of them or a subgroup's
/// slice. Indices it sees (i, j, recorded indices) count from `start`, as in Brian2.
struct ElementRange {
    long long start = 0;
    long long size = 0;
};

} // namespace spikestudio
