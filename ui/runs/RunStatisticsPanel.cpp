#include "runs/RunStatisticsPanel.h"

#include "analysis/Histogram.h"
#include "analysis/SpikeDistributions.h"
#include "diagnostics/FailureMessage.h"
#include "plots/AxisUnit.h"
#include "plots/PlotStyle.h"
#include "runs/ReadOnlyCell.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "sweepresults/SweepResultTable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace spikestudio {
namespace {

double largest(const std::vector<double>& values) {
    double top = 0.0;
    for (double value : values)
        top = std::max(top, std::abs(value));
    return top;
}

/// One histogram in column `column` of the plot's layout.
void addHistogram(QCustomPlot& plot, int column, const std::vector<double>& values,
                  const Dimension& dimension, const QString& name, const QString& quantity) {
    auto* axes = new QCPAxisRect(&plot);
    plot.plotLayout()->addElement(0, column, axes);
    const AxisUnit unit = AxisUnit::forData(dimension, largest(values));
    const Histogram histogram = Histogram::ofValues(values, Histogram::binsFor(values.size()));
    auto* bars = new QCPBars(axes->axis(QCPAxis::atBottom), axes->axis(QCPAxis::atLeft));
    bars->setName(name);
    bars->setWidthType(QCPBars::wtPlotCoords);
    bars->setWidth(histogram.width * unit.factor);
    bars->setPen(Qt::NoPen);
    bars->setBrush(PlotStyle::kSpikeColour);
    QVector<double> keys, counts;
    for (size_t bin = 0; bin < histogram.counts.size(); ++bin) {
        keys << histogram.centre(bin) * unit.factor;
        counts << histogram.counts[bin];
    }
    bars->setData(keys, counts, true);
    axes->axis(QCPAxis::atBottom)->setLabel(unit.axisLabel(quantity));
    axes->axis(QCPAxis::atBottom)->ticker()->setTickCount(2); // three narrow panels side by side
    axes->axis(QCPAxis::atLeft)->setLabel(QObject::tr("count"));
    if (histogram.counts.empty()) {
        axes->axis(QCPAxis::atBottom)->setRange(0, 1);
        axes->axis(QCPAxis::atLeft)->setRange(0, 1);
        return;
    }
    const double span = histogram.width * double(histogram.counts.size()) * unit.factor;
    axes->axis(QCPAxis::atBottom)
        ->setRange(histogram.lower * unit.factor - span * 0.05,
                   histogram.lower * unit.factor + span * 1.05);
    const auto tallest = std::max_element(histogram.counts.begin(), histogram.counts.end());
    axes->axis(QCPAxis::atLeft)->setRange(0, std::max(1.0, *tallest * 1.1));
}

} // namespace

RunStatisticsPanel::RunStatisticsPanel(QWidget* parent)
    : QWidget(parent), note_(new QLabel(this)), table_(new QTableWidget(0, 2, this)),
      compute_(new QPushButton(tr("Compute statistics"), this)), monitor_(new QComboBox(this)),
      histograms_(new QPushButton(tr("Histograms"), this)), plot_(new QCustomPlot(this)) {
    note_->setObjectName("statisticsNote");
    note_->setWordWrap(true);
    table_->setObjectName("statisticsTable");
    table_->setHorizontalHeaderLabels({tr("Statistic"), tr("Value")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    compute_->setObjectName("computeStatisticsButton");
    compute_->setToolTip(tr("Compute this run's statistics from its records (they are shown, "
                            "not stored)"));
    monitor_->setObjectName("histogramMonitor");
    histograms_->setObjectName("histogramsButton");
    histograms_->setToolTip(tr("Histograms of the chosen SpikeMonitor's per-neuron rates, "
                               "inter-spike intervals and ISI CVs, from the run's records"));
    plot_->setObjectName("histogramPlot");
    plot_->setMinimumHeight(160);
    plot_->plotLayout()->clear();
    monitor_->setToolTip(tr("The SpikeMonitor whose histograms are drawn"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(compute_);
    bar->addWidget(monitor_);
    bar->addWidget(histograms_);
    bar->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(note_);
    layout->addWidget(table_, 1);
    layout->addLayout(bar);
    layout->addWidget(plot_, 2);
    connect(compute_, &QPushButton::clicked, this, [this] {
        if (const QString problem = computeStatistics(); !problem.isEmpty())
            note_->setText(problem);
    });
    connect(histograms_, &QPushButton::clicked, this, [this] {
        if (const QString problem = showHistograms(); !problem.isEmpty())
            note_->setText(problem);
    });
    connect(monitor_, &QComboBox::activated, this, [this] {
        if (records_)
            showHistograms();
    });
    setRun({}, 0);
}

void RunStatisticsPanel::setRun(const std::string& projectPath, std::int64_t runId) {
    projectPath_ = projectPath;
    runId_ = runId;
    statistics_.reset();
    computed_ = false;
    records_.reset();
    simulatedTime_ = 0.0;
    monitor_->clear();
    plot_->clearPlottables();
    plot_->plotLayout()->clear();
    plot_->replot();
    if (runId == 0) {
        note_->setText(tr("Select a run to see its statistics."));
    } else {
        try {
            Project project(projectPath_, ProjectAccess::ReadOnly);
            const RunSummary run = project.run(runId);
            simulatedTime_ = run.simulatedTime;
            if (const auto json = project.runStatistics(runId))
                statistics_ = parseRunStatistics(*json);
            note_->setText(statistics_
                               ? tr("Statistics of run %1, stored when it ended.").arg(runId)
                               : tr("Run %1 was stored without statistics (before they "
                                    "existed, or it did not end): Compute statistics "
                                    "works them out from its records.")
                                     .arg(runId));
        } catch (const std::exception& error) {
            note_->setText(QString::fromStdString(failureMessage(error, "reading the run")));
        }
    }
    showStatistics();
}

void RunStatisticsPanel::showStatistics() {
    table_->setRowCount(0);
    compute_->setVisible(runId_ != 0 && !statistics_);
    histograms_->setEnabled(runId_ != 0);
    monitor_->setEnabled(runId_ != 0);
    if (!statistics_)
        return;
    for (const SweepStatisticColumn& column : statisticColumnsOf(*statistics_)) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, readOnlyCell(QString::fromStdString(column.header())));
        const std::optional<double> value = statisticValue(*statistics_, column);
        table_->setItem(
            row, 1, readOnlyCell(value ? QString::number(*value, 'g', 6) : QStringLiteral("–")));
    }
    table_->resizeColumnToContents(0);
    if (monitor_->count() == 0)
        for (const SpikeTrainStatistics& monitor : statistics_->spikeMonitors)
            monitor_->addItem(QString::fromStdString(monitor.monitor));
}

QString RunStatisticsPanel::valueOf(const QString& statistic) const {
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->item(row, 0)->text() == statistic)
            return table_->item(row, 1)->text();
    return {};
}

QString RunStatisticsPanel::noteText() const {
    return note_->text();
}

QString RunStatisticsPanel::loadRecords() {
    if (records_)
        return {};
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        records_ = RunReader(project).read(runId_);
        if (monitor_->count() == 0)
            for (const SpikeRecord& record : records_->spikes)
                monitor_->addItem(QString::fromStdString(record.monitor));
        return {};
    } catch (const std::exception& error) {
        return QString::fromStdString(failureMessage(error, "reading the run's records"));
    }
}

QString RunStatisticsPanel::computeStatistics() {
    if (runId_ == 0)
        return tr("No run is selected.");
    if (const QString problem = loadRecords(); !problem.isEmpty())
        return problem;
    statistics_ = computeRunStatistics(records_->spikes, records_->states, simulatedTime_);
    computed_ = true;
    note_->setText(tr("Statistics of run %1, computed from its records over the %2 s it "
                      "simulated (not stored).")
                       .arg(runId_)
                       .arg(simulatedTime_, 0, 'g', 6));
    showStatistics();
    return {};
}

QString RunStatisticsPanel::showHistograms(const QString& monitor) {
    if (runId_ == 0)
        return tr("No run is selected.");
    if (const QString problem = loadRecords(); !problem.isEmpty())
        return problem;
    if (!monitor.isEmpty()) {
        const int index = monitor_->findText(monitor);
        if (index < 0)
            return tr("Run %1 has no SpikeMonitor '%2'.").arg(runId_).arg(monitor);
        monitor_->setCurrentIndex(index);
    }
    const std::string chosen = monitor_->currentText().toStdString();
    const auto record = std::find_if(records_->spikes.begin(), records_->spikes.end(),
                                     [&](const SpikeRecord& r) { return r.monitor == chosen; });
    if (record == records_->spikes.end())
        return tr("Run %1 has no SpikeMonitor '%2'.").arg(runId_).arg(monitor_->currentText());
    drawHistograms(*record, simulatedTime_);
    return {};
}

void RunStatisticsPanel::drawHistograms(const SpikeRecord& record, double duration) {
    plot_->clearPlottables();
    plot_->plotLayout()->clear();
    addHistogram(*plot_, 0, neuronRates(record, duration), Dimension::hertz(), kRates,
                 tr("rate per neuron"));
    addHistogram(*plot_, 1, interSpikeIntervals(record), Dimension::second(), kIntervals,
                 tr("inter-spike interval"));
    addHistogram(*plot_, 2, neuronIsiCvs(record), Dimension::dimensionless(), kCvs,
                 tr("ISI CV per neuron"));
    plot_->replot();
}

} // namespace spikestudio
