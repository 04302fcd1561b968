#pragma once

#include "plots/AxisUnit.h"
#include "runtime/StateRecord.h"

#include <QColor>
#include <QString>
#include <vector>

class QCPAxisRect;
class QCPGraph;
class QCPMarginGroup;
class QCustomPlot;

namespace spikestudio {

class PanelHeader;
struct RateRecord;
struct SpikeRecord;

/// The pieces a results figure is made of, drawn from finished records:
/// ResultFigure shows one run with them, OverlayFigure two runs on top of
/// each other. Times are in seconds (TimeAxis labels them).
namespace FigurePanels {

/// PlotStyle's panel with the figure's smaller tick labels.
QCPAxisRect* addPanel(QCustomPlot& plot, int row, const QString& yLabel, QCPMarginGroup* margins);
/// The line above a panel naming what it shows (PanelHeader).
PanelHeader* addHeader(QCustomPlot& plot, int row, const QString& text, QCPMarginGroup* margins);
/// A bold title across the figure in row `row`.
void addTitle(QCustomPlot& plot, int row, const QString& title);

/// Every spike as a dot; the y axis spans the source's neurons, ticks on
/// whole neurons.
QCPGraph* addRaster(QCustomPlot& plot, QCPAxisRect* panel, const SpikeRecord& spikes,
                    const QColor& colour);
/// The rate smoothed as Brian2's smooth_rate (Gaussian, 1 ms), optionally
/// filled down to zero.
QCPGraph* addRate(QCustomPlot& plot, QCPAxisRect* panel, const RateRecord& record,
                  const QColor& colour, bool filled);
/// Column `column` of `record` in `unit`.
QCPGraph* addTrace(QCustomPlot& plot, QCPAxisRect* panel, const StateRecord& record, size_t column,
                   const AxisUnit& unit, const QColor& colour);

/// Fits the panel's value axis to its graphs with a little room above and below.
void fitValueAxis(QCPAxisRect* panel);
/// Fits the rate axis to its graphs, starting at 0 Hz.
void fitRateAxis(QCPAxisRect* panel);

/// Gives the panels one time axis from 0 to `duration` seconds, its ticks
/// labelled under the last panel only, in ms, s or min by the duration.
void shareTimeAxis(const std::vector<QCPAxisRect*>& panels, double duration);

} // namespace FigurePanels

} // namespace spikestudio
