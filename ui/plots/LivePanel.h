#pragma once

#include <QString>

class QCPAxisRect;
class QCPMarginGroup;
class QCustomPlot;

namespace spikestudio {

class PanelHeader;

/// One panel of the live view under its header line: dragged and zoomed in
/// both directions, with few ticks (live panels are short).
struct LivePanel {
    PanelHeader* header = nullptr;
    QCPAxisRect* axes = nullptr;

    /// The header in row `row`, the panel in row `row + 1`.
    static LivePanel add(QCustomPlot& plot, int row, const QString& caption,
                         const QString& valueLabel, QCPMarginGroup* margins);
};

} // namespace spikestudio
