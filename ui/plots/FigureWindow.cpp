#include "plots/FigureWindow.h"

#include "plots/PlotStyle.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace spikestudio {

FigureWindow::FigureWindow(const QString& title, QWidget* parent)
    : QWidget(parent, Qt::Window), plot_(new QCustomPlot(this)), status_(new QLabel(this)) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(title);
    plot_->setObjectName("runPlot");
    status_->setObjectName("figureStatus");
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName("exportFigureButton");
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), "figure.png",
                                                          PlotStyle::saveFilter());
        if (!path.isEmpty())
            exportTo(path);
    });
    auto* bar = new QHBoxLayout;
    bar->addWidget(status_, 1);
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(plot_, 1);
    layout->addLayout(bar);
    resize(900, 700);
}

QString FigureWindow::exportTo(const QString& path) {
    const QString problem = PlotStyle::save(*plot_, path);
    status_->setText(problem.isEmpty() ? tr("Saved %1").arg(path) : problem);
    return problem;
}

} // namespace spikestudio
