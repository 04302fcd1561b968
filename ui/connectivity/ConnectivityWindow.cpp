#include "connectivity/ConnectivityWindow.h"

#include "connectivity/ConnectivityFigure.h"
#include "plots/PlotStyle.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <qcustomplot.h>

namespace spikestudio {

ConnectivityWindow::ConnectivityWindow(Model model, const QString& synapses,
                                       std::optional<std::uint32_t> seed, const QString& origin,
                                       QWidget* parent)
    : QWidget(parent, Qt::Window), wanted_(synapses), runSeed_(seed.has_value()),
      plot_(new QCustomPlot(this)) {
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName("connectivityWindow");
    setWindowTitle(tr("Connectivity · %1").arg(origin));
    buildControls();
    status_->setText(
        tr("Creating the synapses of %1 as a run would, without running…").arg(origin));
    connect(&watcher_, &QFutureWatcher<ModelConnectivity>::finished, this,
            &ConnectivityWindow::takeResult);
    watcher_.setFuture(QtConcurrent::run(&ModelConnectivity::build, std::move(model), seed));
    resize(1000, 760);
}

void ConnectivityWindow::buildControls() {
    synapses_ = new QComboBox(this);
    synapses_->setObjectName("connectivitySynapses");
    synapses_->setEnabled(false);
    variables_ = new QComboBox(this);
    variables_->setObjectName("connectivityVariable");
    variables_->setToolTip(tr("The synaptic variable (or the delay) in the histogram"));
    variables_->setEnabled(false);
    status_ = new QLabel(this);
    status_->setObjectName("connectivityStatus");
    status_->setWordWrap(true);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0); // busy: how long connecting takes is not known
    busy_->setMaximumWidth(120);
    export_ = new QPushButton(tr("Export…"), this);
    export_->setObjectName("exportConnectivityButton");
    export_->setEnabled(false);
    plot_->setObjectName("connectivityPlot");
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Synapses"), this));
    bar->addWidget(synapses_);
    bar->addWidget(new QLabel(tr("Histogram of"), this));
    bar->addWidget(variables_);
    bar->addWidget(busy_);
    bar->addStretch(1);
    bar->addWidget(export_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(status_);
    layout->addWidget(plot_, 1);
    connect(synapses_, &QComboBox::currentIndexChanged, this, [this] {
        fillVariables();
        redraw();
    });
    connect(variables_, &QComboBox::currentIndexChanged, this, &ConnectivityWindow::redraw);
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export figure"), "connectivity.png", PlotStyle::saveFilter());
        if (!path.isEmpty())
            exportTo(path);
    });
}

bool ConnectivityWindow::isBuilding() const {
    return watcher_.isRunning();
}

void ConnectivityWindow::takeResult() {
    connectivity_ = watcher_.result();
    busy_->hide();
    if (!connectivity_.problem.isEmpty()) {
        status_->setText(tr("Cannot create the synapses: %1").arg(connectivity_.problem));
    } else if (connectivity_.synapses.empty()) {
        status_->setText(tr("This model has no Synapses object: connect two groups to see "
                            "their connectivity here."));
    } else {
        status_->clear();
        status_->hide();
        const QSignalBlocker blocker(synapses_);
        for (const SynapsesSummary& summary : connectivity_.synapses)
            synapses_->addItem(QString::fromStdString(summary.name));
        synapses_->setCurrentIndex(std::max(0, synapses_->findText(wanted_)));
        synapses_->setEnabled(true);
        export_->setEnabled(true);
        fillVariables();
        redraw();
    }
    built_ = true;
    emit built();
}

void ConnectivityWindow::fillVariables() {
    const SynapsesSummary* summary = connectivity_.find(synapses_->currentText().toStdString());
    const QSignalBlocker blocker(variables_);
    variables_->clear();
    if (!summary)
        return;
    for (const SynapsesSummary::Variable& variable : summary->variables)
        variables_->addItem(QString::fromStdString(variable.name));
    // A weight is what people look at first.
    variables_->setCurrentIndex(std::max(0, variables_->findText("w")));
    variables_->setEnabled(variables_->count() > 1);
}

void ConnectivityWindow::redraw() {
    const SynapsesSummary* summary = connectivity_.find(synapses_->currentText().toStdString());
    if (!summary)
        return;
    const QString seed =
        runSeed_ ? tr("the run's seed %1: the synapses it had").arg(connectivity_.seed)
        : connectivity_.seedFromModel
            ? tr("the model's seed %1: the synapses every run with it has").arg(connectivity_.seed)
            : tr("seed %1, drawn for this view: the model has no seed, so each run connects "
                 "differently")
                  .arg(connectivity_.seed);
    ConnectivityFigure::build(*plot_, *summary, size_t(std::max(0, variables_->currentIndex())),
                              seed);
    plot_->replot();
}

QString ConnectivityWindow::shownSynapses() const {
    return synapses_->currentText();
}

QString ConnectivityWindow::shownVariable() const {
    return variables_->currentText();
}

void ConnectivityWindow::showSynapses(const QString& name) {
    synapses_->setCurrentIndex(synapses_->findText(name));
}

void ConnectivityWindow::showVariable(const QString& name) {
    variables_->setCurrentIndex(variables_->findText(name));
}

QString ConnectivityWindow::statusText() const {
    return status_->text();
}

QString ConnectivityWindow::exportTo(const QString& path) {
    const QString problem = PlotStyle::save(*plot_, path);
    status_->setText(problem.isEmpty() ? tr("Saved %1").arg(path) : problem);
    status_->show();
    return problem;
}

} // namespace spikestudio
