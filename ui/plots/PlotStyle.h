#pragma once

#include <QColor>
#include <QString>
#include <iterator>

class QCPAxisRect;
class QCPGraph;
class QCPMarginGroup;
class QCustomPlot;

namespace spikestudio {

/// What the saved figure and the live plot share: colours and stacked panels
/// on one time axis.
namespace PlotStyle {

inline const QColor kSpikeColour(0x1f, 0x3a, 0x68);
inline const QColor kRateColour(0xb3, 0x3c, 0x1f);
inline const QColor kTraceColours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                       QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                       QColor(0xff, 0x7f, 0x0e), QColor(0x8c, 0x56, 0x4b)};
/// Traces drawn per variable of a StateMonitor (one colour each).
constexpr size_t kMaxTraces = std::size(kTraceColours);
/// Two runs overlaid: blue and vermillion (Okabe and Ito), told apart also by
/// readers with red-green colour blindness and in greyscale print.
inline const QColor kRunColours[] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00)};

/// A panel in row `row` of `plot`, its left and right margins aligned with
/// the other panels of `margins`, the y axis labelled `label`.
QCPAxisRect* addPanel(QCustomPlot& plot, int row, const QString& label, QCPMarginGroup* margins);
/// Labels the panel's y axis and keeps the panel at least as tall as the
/// label, so that it is never cut off.
void setValueLabel(QCPAxisRect* panel, const QString& label);
/// How much of a figure's height a raster of `neurons` rows deserves against
/// a trace panel's 1: little for a row or two, the most for a population.
double rasterStretch(size_t neurons);
/// Ticks at whole numbers on the panel's y axis (neuron indices).
void useIntegerTicks(QCPAxisRect* panel);
/// Gives every panel's y axis as many ticks as its height holds without
/// labels running into each other, after each layout (once per plot).
void spaceTicks(QCustomPlot& plot);
/// A graph drawn in `panel` against its bottom and left axes.
QCPGraph* addGraph(QCustomPlot& plot, QCPAxisRect* panel);

/// Saves `plot` as PNG, JPEG (twice the pixels, for print), PDF or SVG by
/// the extension of `path`; `width`, `height` 0 keep the widget's size. Returns an
/// error message, or an empty string.
QString save(QCustomPlot& plot, const QString& path, int width = 0, int height = 0);
/// The file dialog filter for the formats save() writes.
QString saveFilter();

} // namespace PlotStyle

} // namespace spikestudio
