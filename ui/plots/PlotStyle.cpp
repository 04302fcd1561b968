#include "plots/PlotStyle.h"

#include "plots/IntegerTicker.h"

#include <QFile>
#include <QFileInfo>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace spikestudio::PlotStyle {

namespace {

/// Vector drawing into an SVG file; QCustomPlot has no savePng-like call for it.
bool saveSvg(QCustomPlot& plot, const QString& path, int width, int height) {
    const QSize size(width > 0 ? width : plot.width(), height > 0 ? height : plot.height());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(QFileInfo(path).completeBaseName());
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

void useIntegerTicks(QCPAxisRect* panel) {
    panel->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<IntegerTicker>::create());
}

QCPGraph* addGraph(QCustomPlot& plot, QCPAxisRect* panel) {
    return plot.addGraph(panel->axis(QCPAxis::atBottom), panel->axis(QCPAxis::atLeft));
}

QString save(QCustomPlot& plot, const QString& path, int width, int height) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool saved = false;
    if (suffix == "png")
        saved = plot.savePng(path, width, height, 2.0);
    else if (suffix == "jpg" || suffix == "jpeg")
        saved = plot.saveJpg(path, width, height, 2.0);
    else if (suffix == "pdf")
        saved = plot.savePdf(path, width, height);
    else if (suffix == "svg")
        saved = saveSvg(plot, path, width, height);
    else
        return QObject::tr("the plot file must end in .png, .jpg, .pdf or .svg (not '%1')")
            .arg(QFileInfo(path).fileName());
    return saved ? QString() : QObject::tr("cannot write %1").arg(path);
}

QString saveFilter() {
    return QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf);;JPEG image (*.jpg)");
}

} // namespace spikestudio::PlotStyle
