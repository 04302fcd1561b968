#pragma once

#include <qcustomplot.h>

namespace spikestudio {

/// The line above a panel that says what the panel shows ("Spikes of 'P' ·
/// SpikeMonitor 'spikes'"), with an optional one-line legend at its right end,
/// so neither ever covers data. Its left and right edges line up with the
/// panels' plotting area; text longer than the line ends in "…" rather than
/// widening the figure.
class PanelHeader : public QCPLayoutGrid {
    Q_OBJECT

public:
    /// A header in row `row` of `plot`'s layout, aligned through `margins`.
    static PanelHeader* insert(QCustomPlot& plot, int row, const QString& text,
                               QCPMarginGroup* margins, double pointSize);
    /// A header in cell (`row`, `column`) of `layout`, which is in a plot already.
    static PanelHeader* insert(QCPLayoutGrid& layout, int row, int column, const QString& text,
                               QCPMarginGroup* margins, double pointSize);

    /// The whole text, however much of it fits.
    QString text() const { return text_; }
    void setText(const QString& text);
    /// A legend in one line at the right end; add items, then call fitLegend().
    QCPLegend* legend();
    /// Gives the legend the width of its items.
    void fitLegend();

protected:
    /// Follows the margin group without widening it: its own margin is none.
    int calculateAutoMargin(QCP::MarginSide side) override;
    /// Once laid out, shows as much of the text as the line holds.
    void update(UpdatePhase phase) override;

private:
    PanelHeader() = default;

    QString text_;
    QCPTextElement* label_ = nullptr;
    QCPLegend* legend_ = nullptr;
    double pointSize_ = 8.0;
};

} // namespace spikestudio
