// The runs browser on a project with three runs: listed, plots shown again
// from the stored results, two runs overlaid (one colour each, a legend naming
// them by seed and changed constants), figures exported as SVG, CSV exported
// exactly as `spikestudio export` writes it, a run deleted; an unreadable
// project lists nothing.
#include "csv/CsvWriter.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "plots/FigureWindow.h"
#include "plots/PanelHeader.h"
#include "plots/PlotStyle.h"
#include "run/RunController.h"
#include "runs/RunCaptions.h"
#include "runs/RunsBrowser.h"
#include "runtime/Network.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "support/FileTree.h"
#include "support/SvgFile.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace spikestudio;

namespace {

Model cuba() {
    return readModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json");
}

Model cubaWithStrongerExcitation() {
    Model model = cuba();
    for (auto& [name, value] : model.constants)
        if (name == "we")
            value = "2*mV";
    return model;
}

QCPLegend* legendOf(QCustomPlot& plot) {
    for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
        if (auto* legend = qobject_cast<QCPLegend*>(element))
            return legend;
    return nullptr;
}

QString legendText(QCPLegend& legend, int item) {
    auto* entry = qobject_cast<QCPPlottableLegendItem*>(legend.item(item));
    return entry ? entry->plottable()->name() : QString();
}

/// The graphs of `plot` whose y axis is labelled `label`, in the order drawn.
QList<QCPGraph*> graphsLabelled(QCustomPlot& plot, const QString& label) {
    QList<QCPGraph*> graphs;
    for (int g = 0; g < plot.graphCount(); ++g)
        if (plot.graph(g)->valueAxis()->label() == label)
            graphs << plot.graph(g);
    return graphs;
}

} // namespace

class TestGuiRuns : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string project_;

    /// Runs `model` for 30 ms into the project; its results written as CSV to `csv`.
    void runInto(Model model, std::uint32_t seed, const QString& csv) {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        CheckOptions options;
        options.duration = "30*ms";
        options.seed = seed;
        QVERIFY(controller.start(std::move(model), options, project_));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        writeAllCsv(controller.network()->results(), csv.toStdString());
    }

    RunResults stored(std::int64_t run) {
        Project project(project_, ProjectAccess::ReadOnly);
        return RunReader(project).read(run);
    }

private slots:
    void initTestCase() {
        project_ = dir_.filePath("runs.spikestudio").toStdString();
        runInto(cuba(), 1, dir_.filePath("direct1"));
        runInto(cuba(), 2, dir_.filePath("direct2"));
        runInto(cubaWithStrongerExcitation(), 1, dir_.filePath("direct3"));
    }

    void captionsNameSeedTimeAndWhatChanged() {
        Project project(project_, ProjectAccess::ReadOnly);
        const RunSummary one = project.run(1), two = project.run(2), three = project.run(3);
        const auto [first, second] =
            RunCaptions::of(one, project.runModel(1), two, project.runModel(2));
        QCOMPARE(first, QString("Run 1 · seed 1 · 30 ms"));
        QCOMPARE(second, QString("Run 2 · seed 2 · 30 ms"));
        const auto [unchanged, changed] =
            RunCaptions::of(one, project.runModel(1), three, project.runModel(3));
        QCOMPARE(unchanged, QString("Run 1 · seed 1 · 30 ms · we = (60*0.27/10)*mV"));
        QCOMPARE(changed, QString("Run 3 · seed 1 · 30 ms · we = 2*mV"));

        Model smaller = cuba();
        smaller.groups.front().size = 100;
        RunSummary stopped = one;
        stopped.simulatedTime = 0.012;
        const auto [edited, original] =
            RunCaptions::of(stopped, writeModelJson(smaller), two, project.runModel(2));
        QCOMPARE(edited, QString("Run 1 · seed 1 · 12 ms of 30 ms · other model changes"));
        QCOMPARE(original, QString("Run 2 · seed 2 · 30 ms · other model changes"));
    }

    void twoRunsAreOverlaidInTwoColours() {
        RunsBrowser browser;
        browser.setProjectPath(project_);
        auto* overlay = browser.findChild<QPushButton*>("overlayButton");
        browser.selectRun(1);
        QVERIFY(!overlay->isEnabled());
        QVERIFY(!browser.overlaySelected());
        browser.selectRuns({1, 3});
        QCOMPARE(browser.selectedRuns(), (std::vector<std::int64_t>{1, 3}));
        QCOMPARE(browser.selectedRun(), std::int64_t(0)); // one-run actions are off
        QVERIFY(overlay->isEnabled());

        QWidget* window = browser.overlaySelected();
        QVERIFY(window);
        auto* plot = window->findChild<QCustomPlot*>("runPlot");
        QVERIFY(plot);
        const RunResults runs[2] = {stored(1), stored(3)};
        const QList<QCPGraph*> rasters = graphsLabelled(*plot, "neuron");
        QCOMPARE(rasters.size(), 2);
        for (int r = 0; r < 2; ++r) { // each raster holds its run's spikes in its colour
            QCOMPARE(rasters[r]->dataCount(), int(runs[r].spikes.front().times.size()));
            QCOMPARE(rasters[r]->scatterStyle().pen().color(), PlotStyle::kRunColours[r]);
        }
        // Each panel's header names the run (rasters), the monitor and the group.
        QStringList headers;
        for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
            if (auto* header = qobject_cast<PanelHeader*>(element))
                headers << header->text();
        QCOMPARE(headers, (QStringList{"run 1 · Spikes of 'P' · SpikeMonitor 'spikes'",
                                       "run 3 · Spikes of 'P' · SpikeMonitor 'spikes'",
                                       "Population rate of 'P' · PopulationRateMonitor 'rate'",
                                       "v[0] of 'P' · StateMonitor 'trace'",
                                       "v[1] of 'P' · StateMonitor 'trace'",
                                       "v[2] of 'P' · StateMonitor 'trace'"}));
        QVERIFY(runs[0].spikes.front().times != runs[1].spikes.front().times);
        const QList<QCPGraph*> rates = graphsLabelled(*plot, "rate [Hz]");
        QCOMPARE(rates.size(), 2);
        for (int index : {0, 1, 2}) { // v[0], v[1], v[2]: one panel each, both runs in it
            const QList<QCPGraph*> traces = graphsLabelled(*plot, QString("v[%1] [mV]").arg(index));
            QCOMPARE(traces.size(), 2);
            for (int r = 0; r < 2; ++r) {
                QCOMPARE(traces[r]->pen().color(), PlotStyle::kRunColours[r]);
                const StateRecord& record = runs[r].states.front();
                QCOMPARE(traces[r]->dataCount(), int(record.rowCount()));
                QCOMPARE(traces[r]->data()->at(20)->value, record.value(20, size_t(index)) * 1e3);
            }
        }
        QCPLegend* legend = legendOf(*plot);
        QVERIFY(legend);
        QCOMPARE(legend->itemCount(), 2);
        QCOMPARE(legendText(*legend, 0), QString("Run 1 · seed 1 · 30 ms · we = (60*0.27/10)*mV"));
        QCOMPARE(legendText(*legend, 1), QString("Run 3 · seed 1 · 30 ms · we = 2*mV"));
        window->close();
    }

    void aFigureIsExportedAsSvg() {
        RunsBrowser browser;
        browser.setProjectPath(project_);
        browser.selectRuns({1, 2});
        auto* window = qobject_cast<FigureWindow*>(browser.overlaySelected());
        QVERIFY(window);
        const QString path = dir_.filePath("overlay.svg");
        QCOMPARE(window->exportTo(path), QString());
        const SvgFile svg = SvgFile::read(path);
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QCOMPARE(svg.root, QString("svg"));
        const int spikes =
            int(stored(1).spikes.front().times.size() + stored(2).spikes.front().times.size());
        QCOMPARE(svg.elements.value("circle"), spikes); // every spike a vector dot
        QVERIFY(svg.elements.value("polyline") >= 8);   // 2 rates, 6 traces, axes
        QVERIFY(svg.elements.value("text") > 10);       // tick labels, axis labels, legend
        const QString problem = window->exportTo(dir_.filePath("overlay.bmp"));
        QVERIFY2(problem.contains(".svg") && problem.contains("overlay.bmp"), qPrintable(problem));
        QVERIFY(!QFile::exists(dir_.filePath("overlay.bmp")));
        window->close();
    }

    void listsShowsExportsAndDeletesRuns() {
        RunsBrowser browser;
        browser.setProjectPath(project_);
        QCOMPARE(browser.runCount(), 3);
        browser.selectRun(2);
        QCOMPARE(browser.selectedRun(), std::int64_t(2));

        QWidget* window = browser.showSelected();
        QVERIFY(window);
        auto* plot = window->findChild<QCustomPlot*>("runPlot");
        QVERIFY(plot && plot->graphCount() >= 3);
        QCOMPARE(legendOf(*plot)->itemCount(), 3); // v[0], v[1], v[2], each once
        window->close();

        QCOMPARE(browser.exportSelected(dir_.filePath("exported")), QString());
        QCOMPARE(filesOf(dir_.filePath("exported/run-2")), filesOf(dir_.filePath("direct2")));

        QCOMPARE(browser.deleteSelected(), QString());
        QCOMPARE(browser.runCount(), 2);
        QCOMPARE(Project(project_, ProjectAccess::ReadOnly).runs().front().id, std::int64_t(1));
        QCOMPARE(Project(project_, ProjectAccess::ReadOnly).runs().back().id, std::int64_t(3));
    }

    // Exports of different runs never overwrite each other; exporting a run
    // again asks first, naming the files, and says what it wrote where.
    void exportsGoInAFolderPerRunAndAskBeforeReplacing() {
        RunsBrowser browser;
        browser.setProjectPath(project_);
        QSignalSpy exported(&browser, &RunsBrowser::exported);
        const QString target = dir_.filePath("exports");
        browser.selectRun(1);
        QCOMPARE(browser.exportSelected(target), QString());
        QCOMPARE(filesOf(target + "/run-1"), filesOf(dir_.filePath("direct1")));
        QCOMPARE(exported.count(), 1);
        QVERIFY(browser.lastExport().contains(QDir::toNativeSeparators(target + "/run-1")));
        QVERIFY(browser.lastExport().contains("spikes.csv, trace.csv, rate.csv"));
        browser.selectRun(3);
        QCOMPARE(browser.exportSelected(target), QString()); // no question: a folder of its own
        QCOMPARE(filesOf(target + "/run-3"), filesOf(dir_.filePath("direct3")));
        QCOMPARE(filesOf(target + "/run-1"), filesOf(dir_.filePath("direct1")));

        // Run 1 again: the question names the files; Cancel writes nothing.
        QFile marker(target + "/run-1/spikes.csv");
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("edited by hand");
        marker.close();
        browser.selectRun(1);
        QString asked;
        auto answer = [&](const QString& button) {
            QTimer::singleShot(0, &browser, [&asked, button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(box && box->objectName() == "replaceExportBox");
                asked = box->text();
                for (QAbstractButton* candidate : box->buttons())
                    if (candidate->text() == button)
                        candidate->click();
            });
        };
        answer("Cancel");
        QCOMPARE(browser.exportSelected(target), QString());
        QVERIFY2(asked.contains("spikes.csv, trace.csv, rate.csv") &&
                     asked.contains(QDir::toNativeSeparators(target + "/run-1")),
                 qPrintable(asked));
        QVERIFY(browser.lastExport().contains("cancelled"));
        QCOMPARE(filesOf(target + "/run-1").value("spikes.csv"), QByteArray("edited by hand"));
        QCOMPARE(exported.count(), 2);

        answer("Replace");
        QCOMPARE(browser.exportSelected(target), QString());
        QCOMPARE(filesOf(target + "/run-1"), filesOf(dir_.filePath("direct1")));
        QCOMPARE(exported.count(), 3);

        // A folder that cannot be made is an error message, not a crash.
        QFile blocker(dir_.filePath("blocked"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!browser.exportSelected(dir_.filePath("blocked")).isEmpty());
    }

    /// "0" would say the neurons were silent: a run without a SpikeMonitor
    /// shows a dash, explained in its tooltip.
    void aRunWithoutSpikeMonitorShowsNoCount() {
        Model model = cuba();
        std::erase_if(model.monitors,
                      [](const MonitorSpec& m) { return m.type == MonitorType::Spike; });
        const std::string withSpikes = project_;
        project_ = dir_.filePath("no-spike-monitor.spikestudio").toStdString();
        runInto(std::move(model), 1, dir_.filePath("no-spikes"));
        RunsBrowser browser;
        browser.setProjectPath(project_);
        project_ = withSpikes;
        auto* table = browser.findChild<QTableWidget*>("runsTable");
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 5)->text(), QString("–"));
        QVERIFY(table->item(0, 5)->toolTip().contains("no SpikeMonitor"));

        browser.setProjectPath(withSpikes);
        bool counted = false;
        QVERIFY(table->item(0, 5)->text().toLongLong(&counted) > 0 && counted);
    }

    void anUnreadableProjectListsNothing() {
        const QString junk = dir_.filePath("junk.spikestudio");
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a project");
        file.close();
        RunsBrowser browser;
        browser.setProjectPath(junk.toStdString());
        QCOMPARE(browser.runCount(), 0);
        QVERIFY(!browser.exportSelected(dir_.filePath("nothing")).isEmpty());
    }
};

QTEST_MAIN(TestGuiRuns)
#include "tst_gui_runs.moc"
