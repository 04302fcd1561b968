#pragma once

#include "runtime/SpikeRecord.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace spikestudio {

/// What a Sweep view tile draws of one run: its first SpikeMonitor's spikes
/// reduced to a fixed small size, so that a finished run hands the view a
/// few kilobytes however long it ran. Both a raster (spikes per cell of
/// time × neurons) and a population rate (per time bin) are kept; the view
/// chooses one for the whole sweep.
struct SweepThumbnail {
    static constexpr int kTimeBins = 160;
    static constexpr int kNeuronBins = 64;

    QString monitor; // the monitor's name; empty: the run recorded no spikes
    std::int64_t neurons = 0;
    double duration = 0.0;             // seconds shown
    std::vector<std::uint32_t> raster; // kNeuronBins rows of kTimeBins, row 0 = neuron 0
    std::vector<double> rate;          // Hz, per time bin
    double meanRate = 0.0;             // Hz per neuron over the duration

    /// The thumbnail of `record` over `duration` seconds (spikes outside are left out).
    static SweepThumbnail of(const SpikeRecord& record, double duration);
    bool empty() const { return monitor.isEmpty(); }
};

} // namespace spikestudio
