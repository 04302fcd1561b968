#pragma once

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace spikestudio {

/// A top-level window around one results figure, with "Export…" to save it
/// as PNG, SVG, PDF or JPEG. Deletes itself when closed.
class FigureWindow : public QWidget {
    Q_OBJECT

public:
    FigureWindow(const QString& title, QWidget* parent);

    /// The figure; build it with ResultFigure or OverlayFigure.
    QCustomPlot* plot() const { return plot_; }
    /// Saves the figure by the extension of `path`; an error message, or "".
    QString exportTo(const QString& path);

private:
    QCustomPlot* plot_;
    QLabel* status_;
};

} // namespace spikestudio
