// The sweep summary plot (ui/sweep/SweepSummaryPlot) offscreen: one constant
// over three seeds draws the mean with ± SD error bars equal to the table's
// values, a grid of two a heat map whose cells are the table's values, a
// logarithmic range a logarithmic axis, clicking a point or cell emits that
// variant's runs, and the plot and table export; the Runs tab opens it for a
// run of a stored sweep.
#include "runs/RunsBrowser.h"
#include "storage/Project.h"
#include "support/CliRunner.h"
#include "support/FileTree.h"
#include "sweep/SeedList.h"
#include "sweep/SweepSummaryPlot.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <memory>
#include <qcustomplot.h>
#include <sstream>

using namespace spikestudio;

namespace {

RunStatistics rateOf(double rate) {
    SpikeTrainStatistics spikes;
    spikes.monitor = "spikes";
    spikes.neurons = 10;
    spikes.rateMean = rate;
    return {{spikes}, {}};
}

template <typename T> T* plottableNamed(QCustomPlot& plot, const QString& name) {
    for (int k = 0; k < plot.plottableCount(); ++k)
        if (plot.plottable(k)->name() == name)
            return qobject_cast<T*>(plot.plottable(k));
    return nullptr;
}

/// we = 1, 2, 4 mV over seeds 1 to 3: rates 1 + we/mV + seed, run ids 101 on.
SweepResultTable lineTable() {
    SweepResultTable table(SweepPlan({parseSweepAxis("we=[1, 2, 4]*mV")}, parseSeedList("1:3"),
                                     SweepCombination::Grid));
    const double we[] = {1, 2, 4};
    for (std::size_t k = 0; k < 9; ++k)
        table.add(k, RunStatus::Finished, rateOf(1 + we[k / 3] + double(k % 3 + 1)),
                  std::int64_t(101 + k));
    return table;
}

/// we = 1, 2 mV by taum = 10, 20, 40 ms: rate 10 * variant, variant 4 missing.
SweepResultTable gridTable() {
    SweepResultTable table(
        SweepPlan({parseSweepAxis("we=[1, 2]*mV"), parseSweepAxis("taum=[10, 20, 40]*ms")}, {},
                  SweepCombination::Grid));
    for (std::size_t k = 0; k < 6; ++k)
        if (k != 4)
            table.add(k, RunStatus::Finished, rateOf(10.0 * double(k)), std::int64_t(201 + k));
    return table;
}

void showAndLayOut(QWidget& widget) {
    widget.resize(800, 600);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    auto* plot = widget.findChild<QCustomPlot*>("summaryPlot");
    plot->replot();
}

void click(QCustomPlot& plot, QPoint at) {
    QTest::mouseClick(&plot, Qt::LeftButton, {}, at);
}

} // namespace

class TestGuiSweepSummary : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void oneConstantIsALineWithSpreadOverSeeds() {
        SweepSummaryPlot summary(lineTable(), "line");
        showAndLayOut(summary);
        QCOMPARE(summary.shownStatistic(), QString("spikes.rate_mean [Hz]"));
        auto* mean = plottableNamed<QCPGraph>(*summary.plot(), SweepSummaryPlot::kMean);
        auto* spread = plottableNamed<QCPErrorBars>(*summary.plot(), SweepSummaryPlot::kSpread);
        QVERIFY(mean && spread);
        // Seeds 1, 2, 3 add 1, 2, 3: the mean is 3 + we/mV, the SD sqrt(2/3).
        const double we[] = {1, 2, 4};
        QCOMPARE(mean->dataCount(), 3);
        for (int k = 0; k < 3; ++k) {
            QCOMPARE(mean->data()->at(k)->key, we[k]); // in mV
            QCOMPARE(mean->data()->at(k)->value, 3 + we[k]);
            QVERIFY(std::abs(spread->data()->at(k).errorPlus - std::sqrt(2.0 / 3)) < 1e-12);
        }
        QCOMPARE(summary.plot()->xAxis->label(), QString("we [mV]"));
        QCOMPARE(summary.plot()->xAxis->scaleType(), QCPAxis::stLinear);
        // Clicking the point of 4 mV chooses its three runs.
        QSignalSpy chosen(&summary, &SweepSummaryPlot::runsChosen);
        click(*summary.plot(), summary.pixelOf(2));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen[0][0].value<QList<qint64>>(), QList<qint64>({107, 108, 109}));
        // Far from any point: nothing.
        click(*summary.plot(), summary.pixelOf(2) + QPoint(60, 60));
        QCOMPARE(chosen.size(), 1);
    }

    void aLogarithmicRangeGetsALogarithmicAxis() {
        SweepResultTable table(
            SweepPlan({parseSweepAxis("rate=1*Hz:100*Hz:3:log")}, {}, SweepCombination::Grid));
        for (std::size_t k = 0; k < 3; ++k)
            table.add(k, RunStatus::Finished, rateOf(double(k)), std::int64_t(k + 1));
        SweepSummaryPlot summary(std::move(table), "log");
        QCOMPARE(summary.plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    }

    void twoConstantsAreAHeatMapOfTheTable() {
        SweepSummaryPlot summary(gridTable(), "grid");
        showAndLayOut(summary);
        auto* map = plottableNamed<QCPColorMap>(*summary.plot(), SweepSummaryPlot::kHeatMap);
        QVERIFY(map);
        QCOMPARE(map->data()->keySize(), 2);
        QCOMPARE(map->data()->valueSize(), 3);
        const SweepResultTable& table = summary.table();
        const SweepStatisticColumn rate = table.statisticColumns()[2];
        QCOMPARE(rate.header(), std::string("spikes.rate_mean [Hz]"));
        for (int a = 0; a < 2; ++a)
            for (int b = 0; b < 3; ++b) {
                const std::size_t variant = std::size_t(a * 3 + b);
                const double cell = map->data()->cell(a, b);
                if (variant == 4) {
                    QVERIFY(std::isnan(cell)); // not stored: no value
                    continue;
                }
                const auto row = std::find_if(table.rows().begin(), table.rows().end(),
                                              [&](const auto& r) { return r.variant == variant; });
                QCOMPARE(cell, *SweepResultTable::statistic(*row, rate));
            }
        QVERIFY(map->colorScale());
        QCOMPARE(map->colorScale()->axis()->label(), QString("spikes.rate_mean [Hz]"));
        QCOMPARE(summary.plot()->xAxis->label(), QString("we [mV]"));
        QCOMPARE(summary.plot()->yAxis->label(), QString("taum [ms]"));
        // The cell of we = 2 mV, taum = 40 ms is variant 6's: run 206.
        QSignalSpy chosen(&summary, &SweepSummaryPlot::runsChosen);
        const auto& points = summary.points();
        const auto corner = std::find_if(points.begin(), points.end(), [](const auto& p) {
            return p.xIndex == 1 && p.yIndex == 2;
        });
        click(*summary.plot(), summary.pixelOf(std::size_t(corner - points.begin())));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen[0][0].value<QList<qint64>>(), QList<qint64>({206}));
        // Another statistic redraws the map from its column.
        QVERIFY(summary.showStatistic("spikes.neurons"));
        map = plottableNamed<QCPColorMap>(*summary.plot(), SweepSummaryPlot::kHeatMap);
        QCOMPARE(map->data()->cell(1, 2), 10.0);
    }

    void plotAndTableExport() {
        SweepSummaryPlot summary(gridTable(), "grid");
        showAndLayOut(summary);
        for (const char* name : {"sweep.png", "sweep.svg", "sweep.pdf"}) {
            const QString path = dir_.filePath(name);
            QCOMPARE(summary.exportPlot(path), QString());
            QVERIFY(QFileInfo(path).size() > 1000);
        }
        QVERIFY(!summary.exportPlot(dir_.filePath("sweep.txt")).isEmpty());
        const QString csv = dir_.filePath("summary.csv");
        QCOMPARE(summary.exportTable(csv), QString());
        std::ostringstream expected;
        summary.table().writeCsv(expected);
        QCOMPARE(contents(csv), QByteArray::fromStdString(expected.str()));
        QVERIFY(!summary.exportTable(dir_.filePath("missing/summary.csv")).isEmpty());
    }

    void theRunsTabOpensTheSummaryOfARunsSweep() {
        const QByteArray model = R"({"format": "spikestudio-model", "version": 1,
 "dt": "0.1*ms", "duration": "20*ms", "seed": 1, "constants": {"rate": "50*Hz"},
 "groups": [{"name": "P", "type": "PoissonGroup", "N": 20, "rates": "rate"}],
 "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "P"}]})";
        writeText(dir_.filePath("poisson.json"), model);
        const QString project = dir_.filePath("sweep.spikestudio");
        QCOMPARE(runCli({"run", dir_.filePath("poisson.json"), "--db", project, "--tier", "tcc"})
                     .exitCode,
                 0);
        QCOMPARE(runCli({"sweep", dir_.filePath("poisson.json"), "--vary", "rate=[10, 20]*Hz",
                         "--seeds", "1:2", "--db", project, "--tier", "tcc", "--jobs", "1"})
                     .exitCode,
                 0);
        RunsBrowser browser;
        browser.setProjectPath(project.toStdString());
        QCOMPARE(browser.runCount(), 5);
        auto* button = browser.findChild<QPushButton*>("sweepSummaryButton");
        browser.selectRun(1); // a run of its own
        QVERIFY(!button->isEnabled());
        QCOMPARE(browser.sweepSummarySelected(), nullptr);
        browser.selectRun(4);
        QCOMPARE(browser.sweepOf(4), std::int64_t(1));
        QVERIFY(button->isEnabled());
        auto* summary = qobject_cast<SweepSummaryPlot*>(browser.sweepSummarySelected());
        QVERIFY(summary);
        QCOMPARE(summary->points().size(), size_t(2));
        QCOMPARE(summary->points()[1].runIds, std::vector<std::int64_t>({4, 5}));
        // Choosing a point selects its runs in the list.
        emit summary->runsChosen({2, 3});
        QCOMPARE(browser.selectedRuns(), std::vector<std::int64_t>({2, 3}));
        summary->close();
        // A sweep that is not there is refused with its number.
        try {
            SweepSummaryPlot::open(project.toStdString(), 5);
            QFAIL("sweep 5 does not exist");
        } catch (const std::exception& error) {
            QVERIFY2(QString(error.what()).contains("sweep 5"), error.what());
        }
    }

    /// With SPIKESTUDIO_UPDATE_DOCS=1 (under xvfb-run, docs/testing.md):
    /// the heat map of a 2-D CUBA sweep as docs/sweep-summary.png.
    void screenshotForTheDocs() {
        if (qgetenv("SPIKESTUDIO_UPDATE_DOCS") != "1")
            QSKIP("set SPIKESTUDIO_UPDATE_DOCS=1 to refresh docs/sweep-summary.png");
        const QString project = dir_.filePath("cuba-sweep.spikestudio");
        const CliResult sweep =
            runCli({"sweep", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json", "--vary",
                    "we=0.5*mV:2*mV:4", "--vary", "wi=-30*mV:-5*mV:4", "--seeds", "1:2",
                    "--duration", "300*ms", "--db", project},
                   600000);
        QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
        std::unique_ptr<SweepSummaryPlot> summary(SweepSummaryPlot::open(project.toStdString(), 1));
        summary->setAttribute(Qt::WA_DeleteOnClose, false);
        summary->resize(760, 560);
        summary->show();
        QVERIFY(QTest::qWaitForWindowExposed(summary.get()));
        QTest::qWait(200);
        QVERIFY(summary->grab().save(SPIKESTUDIO_SOURCE_DIR "/docs/sweep-summary.png"));
    }
};

QTEST_MAIN(TestGuiSweepSummary)
#include "tst_gui_sweep_summary.moc"
