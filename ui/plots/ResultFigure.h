#pragma once

#include "runtime/RateRecord.h"
#include "runtime/SpikeRecord.h"
#include "runtime/StateRecord.h"

#include <QString>

class QCustomPlot;

namespace spikestudio {

class Network;

/// What a results figure shows: a spike raster, the population rate, and
/// state traces, stacked on one time axis. Any part may be missing.
struct FigureContent {
    QString title;
    double duration = 0.0; // seconds, the x range
    const SpikeRecord* spikes = nullptr;
    const RateRecord* rate = nullptr;
    const StateRecord* traces = nullptr;

    /// The first SpikeMonitor, PopulationRateMonitor and StateMonitor of a run.
    static FigureContent of(const Network& network, double duration, const QString& title);
};

/// Builds the stacked panels into `plot` (cleared first).
class ResultFigure {
public:
    static void build(QCustomPlot& plot, const FigureContent& content);

    /// Renders the figure without a window to PNG, JPEG, PDF or SVG (by the
    /// extension); returns an error message, or an empty string.
    static QString save(const FigureContent& content, const QString& path);
};

} // namespace spikestudio
