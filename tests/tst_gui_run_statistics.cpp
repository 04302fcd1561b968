// The Runs tab's statistics (ui/runs/RunStatisticsPanel) offscreen: the
// stored figures of the selected run, a run stored without them computed on
// demand and not stored, and histograms of per-neuron rates, inter-spike
// intervals and ISI CVs of a run whose spikes are known.
#include "runs/RunStatisticsPanel.h"
#include "runs/RunsBrowser.h"
#include "storage/Database.h"
#include "storage/Project.h"
#include "support/CliRunner.h"
#include "support/FileTree.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace spikestudio;

namespace {

// Neuron 0 fires at 1, 2, 3, 4 ms, neuron 1 at 1, 3, 7 ms, neuron 2 never,
// over 10 ms: rates 400, 300 and 0 Hz, intervals 1, 1, 1, 2, 4 ms, ISI CVs 0 and 1/3.
const QByteArray kKnownSpikes = R"({"format": "spikestudio-model", "version": 1,
 "dt": "0.1*ms", "duration": "10*ms", "seed": 1,
 "groups": [{"name": "G", "type": "SpikeGeneratorGroup", "N": 3,
   "indices": [0, 1, 0, 0, 1, 0, 1],
   "times": ["1*ms", "1*ms", "2*ms", "3*ms", "3*ms", "4*ms", "7*ms"]}],
 "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"}]})";

QCPBars* barsNamed(QCustomPlot& plot, const QString& name) {
    for (int k = 0; k < plot.plottableCount(); ++k)
        if (plot.plottable(k)->name() == name)
            return qobject_cast<QCPBars*>(plot.plottable(k));
    return nullptr;
}

double total(QCPBars& bars) {
    double sum = 0.0;
    for (auto it = bars.data()->constBegin(); it != bars.data()->constEnd(); ++it)
        sum += it->value;
    return sum;
}

} // namespace

class TestGuiRunStatistics : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

private slots:
    void initTestCase() {
        writeText(dir_.filePath("known.json"), kKnownSpikes);
        project_ = dir_.filePath("known.spikestudio");
        for (int run = 0; run < 2; ++run)
            QCOMPARE(runCli({"run", dir_.filePath("known.json"), "--db", project_, "--tier", "tcc"})
                         .exitCode,
                     0);
        // Run 2 as a project from before statistics keeps it.
        Project project(project_.toStdString());
        project.database().execute("DELETE FROM run_statistics WHERE run_id = 2");
    }

    void theSelectedRunsStoredStatisticsAreShown() {
        RunsBrowser browser;
        browser.setProjectPath(project_.toStdString());
        browser.selectRun(1);
        RunStatisticsPanel* panel = browser.statisticsPanel();
        QVERIFY(panel->statistics() && !panel->computed());
        QCOMPARE(panel->valueOf("spikes.spikes"), QString("7"));
        QCOMPARE(panel->valueOf("spikes.rate_mean [Hz]"), QString("233.333"));
        QCOMPARE(panel->valueOf("spikes.isi_cv_neurons"), QString("2"));
        QCOMPARE(panel->valueOf("spikes.isi_cv_mean").toDouble(), 0.166667);
        QVERIFY(!panel->findChild<QPushButton*>("computeStatisticsButton")->isVisibleTo(panel));
        browser.selectRuns({});
        QVERIFY(!panel->statistics());
    }

    void aRunWithoutStatisticsIsComputedOnDemandNotStored() {
        RunsBrowser browser;
        browser.setProjectPath(project_.toStdString());
        browser.selectRun(2);
        RunStatisticsPanel* panel = browser.statisticsPanel();
        QVERIFY(!panel->statistics());
        QVERIFY(panel->noteText().contains("without statistics"));
        QVERIFY(panel->findChild<QPushButton*>("computeStatisticsButton")->isVisibleTo(panel));
        QCOMPARE(panel->computeStatistics(), QString());
        QVERIFY(panel->computed());
        QCOMPARE(panel->valueOf("spikes.rate_mean [Hz]"), QString("233.333"));
        QVERIFY(panel->noteText().contains("not stored"));
        Project project(project_.toStdString(), ProjectAccess::ReadOnly);
        QVERIFY(!project.runStatistics(2));
    }

    void histogramsOfAKnownRun() {
        RunStatisticsPanel panel;
        panel.setRun(project_.toStdString(), 1);
        QCOMPARE(panel.showHistograms("spikes"), QString());
        QCustomPlot& plot = *panel.histogramPlot();
        QCPBars* rates = barsNamed(plot, RunStatisticsPanel::kRates);
        QCPBars* intervals = barsNamed(plot, RunStatisticsPanel::kIntervals);
        QCPBars* cvs = barsNamed(plot, RunStatisticsPanel::kCvs);
        QVERIFY(rates && intervals && cvs);
        QCOMPARE(total(*rates), 3.0); // three neurons
        QCOMPARE(total(*intervals), 5.0);
        QCOMPARE(total(*cvs), 2.0);
        // Intervals 1, 1, 1, 2, 4 ms in 3 bins of 1 ms: three in the first
        // (centred on 1.5 ms), 4 ms in the last.
        QCOMPARE(intervals->dataCount(), 3);
        QCOMPARE(intervals->data()->at(0)->value, 3.0);
        QCOMPARE(intervals->data()->at(2)->value, 1.0);
        QVERIFY(std::abs(intervals->data()->at(0)->key - 1.5) < 1e-9);
        QCOMPARE(intervals->keyAxis()->label(), QString("inter-spike interval [ms]"));
        // Rates 0, 300, 400 Hz in 2 bins of 200 Hz: 1 and 2.
        QCOMPARE(rates->data()->at(0)->value, 1.0);
        QCOMPARE(rates->data()->at(1)->value, 2.0);
        QVERIFY(!panel.showHistograms("nothing").isEmpty());
        RunStatisticsPanel none;
        QVERIFY(!none.showHistograms().isEmpty());
    }
};

QTEST_MAIN(TestGuiRunStatistics)
#include "tst_gui_run_statistics.moc"
