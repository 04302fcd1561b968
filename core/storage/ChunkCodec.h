#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace spikestudio {

/// Packs monitor results into the blob formats of docs/project-file.md, and back.
/// - spike_step_runs (schema 2 on): for each time step with spikes, varint of
///   the step minus the previous such step (the first: minus 0), varint of the
///   spike count, then each neuron index as a varint (LEB128, unsigned);
/// - spike_steps (schema 1, read only): per spike int32 neuron index, int32 time step;
/// - spike_times: per spike int32 neuron index, float64 time (when t is not step * dt);
/// - f64_rows:    per row float64 t, then one float64 per column;
/// - spike_counts (schema 4 on): per neuron its int64 event count, for a
///   monitor that counts without recording events (the chunk's count is
///   the number of neurons).
/// All little-endian, no padding.
class ChunkCodec {
public:
    /// Packs spikes [begin, end) as steps when every time is exactly step * dt
    /// (then returns true); otherwise leaves `out` empty and returns false.
    static bool packSpikeStepRuns(std::span<const std::int32_t> indices,
                                  std::span<const double> times, double dt,
                                  std::vector<std::byte>& out);
    static void packSpikeTimes(std::span<const std::int32_t> indices, std::span<const double> times,
                               std::vector<std::byte>& out);
    /// Rows of `times[r]` followed by values[r * columns ...].
    static void packRows(std::span<const double> times, std::span<const double> values,
                         size_t columns, std::vector<std::byte>& out);

    static void packCounts(std::span<const std::int64_t> counts, std::vector<std::byte>& out);

    static void unpackSpikeStepRuns(std::span<const std::byte> blob, double dt,
                                    std::vector<std::int32_t>& indices, std::vector<double>& times);
    static void unpackSpikeSteps(std::span<const std::byte> blob, double dt,
                                 std::vector<std::int32_t>& indices, std::vector<double>& times);
    static void unpackSpikeTimes(std::span<const std::byte> blob,
                                 std::vector<std::int32_t>& indices, std::vector<double>& times);
    static void unpackRows(std::span<const std::byte> blob, size_t columns,
                           std::vector<double>& times, std::vector<double>& values);
    /// Adds the blob's counts to `counts`, which must hold as many; returns how many.
    static size_t unpackCounts(std::span<const std::byte> blob, std::vector<std::int64_t>& counts);
};

} // namespace spikestudio
