#pragma once

#include "runtime/RunResults.h"

#include <QString>
#include <vector>

class QCustomPlot;

namespace spikestudio {

/// What a results figure shows, stacked on one time axis: a raster per
/// SpikeMonitor, a rate per PopulationRateMonitor and a panel per variable of
/// each StateMonitor. Any part may be missing.
struct FigureContent {
    QString title;
    double duration = 0.0; // seconds, the x range
    std::vector<const SpikeRecord*> spikes;
    std::vector<const RateRecord*> rates;
    std::vector<const StateRecord*> traces;
    std::vector<double> segmentStarts; // a protocol's segments (seconds); empty: none

    /// Every record of a run that holds something to draw; points into `results`.
    static FigureContent of(const RunResults& results, double duration, const QString& title);
    bool empty() const { return spikes.empty() && rates.empty() && traces.empty(); }
};

/// Builds the stacked panels into `plot` (cleared first), each under a header
/// naming its monitor and group, each variable on its own axis in its own
/// unit (an SI prefix chosen for its values).
class ResultFigure {
public:
    static void build(QCustomPlot& plot, const FigureContent& content);

    /// Renders the figure without a window to PNG, JPEG, PDF or SVG (by the
    /// extension); returns an error message, or an empty string.
    static QString save(const FigureContent& content, const QString& path);
};

} // namespace spikestudio
