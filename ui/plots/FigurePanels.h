#pragma once

#include "runtime/StateRecord.h"

#include <QColor>
#include <QString>
#include <vector>

class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QCPMarginGroup;
class QCustomPlot;

namespace spikestudio {

struct RateRecord;
struct SpikeRecord;

/// The pieces a results figure is made of, drawn from finished records:
/// ResultFigure shows one run with them, OverlayFigure two runs on top of
/// each other.
namespace FigurePanels {

/// PlotStyle's panel with the figure's smaller tick labels.
QCPAxisRect* addPanel(QCustomPlot& plot, int row, const QString& yLabel, QCPMarginGroup* margins);
/// A bold title across the figure in row `row`.
void addTitle(QCustomPlot& plot, int row, const QString& title);

/// Every spike as a dot; the y axis spans the source's neurons.
QCPGraph* addRaster(QCustomPlot& plot, QCPAxisRect* panel, const SpikeRecord& spikes,
                    const QColor& colour);
/// The rate smoothed as Brian2's smooth_rate (Gaussian, 1 ms), optionally
/// filled down to zero.
QCPGraph* addRate(QCustomPlot& plot, QCPAxisRect* panel, const RateRecord& record,
                  const QColor& colour, bool filled);
/// Column `column` of `record` in the display unit of its dimension (mV, nA, ...).
QCPGraph* addTrace(QCustomPlot& plot, QCPAxisRect* panel, const StateRecord& record, size_t column,
                   const QColor& colour);

/// " [mV]" for a column recorded in volts, "" for a dimensionless one.
QString unitSuffix(const StateRecord::Column& column);
/// Fits the panel's value axis to its graphs with a little room above and below.
void fitValueAxis(QCPAxisRect* panel);
/// Fits the rate axis to its graphs, starting at 0 Hz.
void fitRateAxis(QCPAxisRect* panel);
/// A legend in the panel's top right corner, empty; add items to it.
QCPLegend* addLegend(QCPAxisRect* panel);

/// Gives the panels one time axis from 0 to `duration` seconds, its ticks
/// labelled under the last panel only.
void shareTimeAxis(const std::vector<QCPAxisRect*>& panels, double duration);

} // namespace FigurePanels

} // namespace spikestudio
