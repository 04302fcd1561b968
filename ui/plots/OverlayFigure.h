#pragma once

#include "runtime/RunResults.h"

#include <QString>

class QCustomPlot;

namespace spikestudio {

/// One of the two runs an overlay compares: its records and how the legend
/// names it.
struct OverlayRun {
    const RunResults* results = nullptr;
    double duration = 0.0; // seconds
    QString name;          // "run 3": labels its raster
    QString caption;       // names it in the legend
};

/// Two runs in one figure, told apart by colour (PlotStyle::kRunColours) and
/// a legend with their captions: each run's spike raster in its own panel,
/// the population rates on top of each other, and the traces both runs
/// recorded (the same monitor, variable and index) on top of each other, one
/// panel per trace.
class OverlayFigure {
public:
    /// Builds into `plot` (cleared first); the plot copies what it draws.
    static void build(QCustomPlot& plot, const OverlayRun& first, const OverlayRun& second,
                      const QString& title);
};

} // namespace spikestudio
