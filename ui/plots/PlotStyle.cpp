#include "plots/PlotStyle.h"

#include "files/AtomicOutputFile.h"
#include "plots/IntegerTicker.h"
#include "plots/MemoryFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace spikestudio::PlotStyle {

namespace {

/// Vector drawing into an SVG file; QCustomPlot has no savePng-like call for it.
bool saveSvg(QCustomPlot& plot, const QString& path, const QString& title, int width, int height) {
    const QSize size(width > 0 ? width : plot.width(), height > 0 ? height : plot.height());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(QObject::tr("Plot exported by Spike Studio"));
    QCPPainter painter;
    if (!painter.begin(&svg))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    plot.toPainter(&painter, size.width(), size.height());
    painter.end();
    return file.error() == QFileDevice::NoError;
}

} // namespace

QCPAxisRect* addPanel(QCustomPlot& plot, int row, const QString& label, QCPMarginGroup* margins) {
    auto* panel = new QCPAxisRect(&plot);
    plot.plotLayout()->addElement(row, 0, panel);
    panel->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    // Headers and the shared time axis take care of the space between panels.
    panel->setMinimumMargins(QMargins(15, 3, 15, 3));
    setValueLabel(panel, label);
    return panel;
}

void setValueLabel(QCPAxisRect* panel, const QString& label) {
    QCPAxis* axis = panel->axis(QCPAxis::atLeft);
    axis->setLabel(label);
    // The label runs up the panel: a shorter panel would cut it off.
    const int length = QFontMetrics(axis->labelFont()).horizontalAdvance(label) + 8;
    panel->setMinimumSize(panel->minimumSize().width(), std::max(length, 40));
}

void spaceTicks(QCustomPlot& plot) {
    const QString name = QStringLiteral("tickSpacing");
    if (plot.findChild<QObject*>(name, Qt::FindDirectChildrenOnly))
        return;
    auto* spacing = new QObject(&plot);
    spacing->setObjectName(name);
    QObject::connect(&plot, &QCustomPlot::afterLayout, spacing, [&plot] {
        bool changed = false;
        for (QCPAxisRect* panel : plot.axisRects()) {
            QCPAxis* axis = panel->axis(QCPAxis::atLeft);
            // A label and a label's height of space per tick.
            const int room = QFontMetrics(axis->tickLabelFont()).height() * 17 / 10;
            const int count = std::clamp(panel->rect().height() / std::max(room, 1), 2, 6);
            changed = changed || axis->ticker()->tickCount() != count;
            axis->ticker()->setTickCount(count);
        }
        // Ticks are placed before the layout: the next replot uses the new counts.
        if (changed)
            plot.replot(QCustomPlot::rpQueuedReplot);
    });
}

double rasterStretch(size_t neurons) {
    return neurons <= 2 ? 0.6 : neurons <= 20 ? 1.0 : 2.0;
}

void useIntegerTicks(QCPAxisRect* panel) {
    panel->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<IntegerTicker>::create());
}

QCPGraph* addGraph(QCustomPlot& plot, QCPAxisRect* panel) {
    return plot.addGraph(panel->axis(QCPAxis::atBottom), panel->axis(QCPAxis::atLeft));
}

/// Draws `plot` into the file at `target` in the format `suffix` names.
bool render(QCustomPlot& plot, const QString& suffix, const QString& target, const QString& title,
            int width, int height) {
    if (suffix == "png")
        return plot.savePng(target, width, height, 2.0);
    if (suffix == "jpg" || suffix == "jpeg")
        return plot.saveJpg(target, width, height, 2.0);
    if (suffix == "pdf")
        return plot.savePdf(target, width, height);
    return saveSvg(plot, target, title, width, height);
}

QString save(QCustomPlot& plot, const QString& path, int width, int height) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!QStringList{"png", "jpg", "jpeg", "pdf", "svg"}.contains(suffix))
        return QObject::tr("the plot file must end in .png, .jpg, .pdf or .svg (not '%1')")
            .arg(QFileInfo(path).fileName());
    try {
        // Drawn in memory, then written through checked writes to a
        // temporary renamed into place: a failure keeps any earlier file.
        AtomicOutputFile file(QFile::encodeName(path).toStdString());
        const MemoryFile drawing;
        if (!render(plot, suffix, drawing.path(), QFileInfo(path).completeBaseName(), width,
                    height))
            return QObject::tr("cannot draw the plot for %1").arg(path);
        const QByteArray bytes = drawing.contents();
        file.stream().write(bytes.constData(), bytes.size());
        file.commit();
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

QString saveFilter() {
    return QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf);;JPEG image (*.jpg)");
}

} // namespace spikestudio::PlotStyle
