// The run view driven through its widgets on the offscreen platform: Run,
// Pause, Resume, Stop; the live plot ends up holding exactly what the
// monitors recorded and exports as PNG, PDF and SVG; a model with errors does
// not start; a blow-up shows its message; Run > Threads shares a run out
// without changing its spikes.
#include "MainWindow.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "plots/LivePlot.h"
#include "run/LiveRecords.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "runs/RunsBrowser.h"
#include "runs/ScratchProject.h"
#include "runtime/Network.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "support/SvgFile.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <algorithm>
#include <cmath>

using namespace spikestudio;
using State = RunController::State;

namespace {

Model cuba() {
    return readModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json");
}

template <typename T> T* child(QWidget& parent, const char* name) {
    T* widget = parent.findChild<T*>(name);
    if (!widget)
        qFatal("no widget called %s", name);
    return widget;
}

} // namespace

class TestGuiRun : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // the scratch project stays out of $HOME
    }

    void runPauseResumeStopThroughTheButtons() {
        RunView view([] { return std::optional<Model>(cuba()); });
        view.resize(900, 600);
        view.show();
        // Long enough that it cannot end on its own first (native code runs
        // CUBA's 1 s in well under 0.1 s).
        child<QLineEdit>(view, "runDuration")->setText("100*second");
        QSignalSpy ended(&view, &RunView::runEnded);
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view.controller().state(), State::Running, 30000);
        QVERIFY(!child<QPushButton>(view, "runButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(view.livePlot().spikePoints() > 0, 30000);
        QTest::mouseClick(child<QPushButton>(view, "pauseButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view.controller().state(), State::Paused, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(child<QPushButton>(view, "pauseButton")->text(),
                                  QString("Resume"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(view, "runStatus")->text().contains("paused"), 5000);
        QTest::mouseClick(child<QPushButton>(view, "pauseButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view.controller().state(), State::Running, 10000);
        QTest::mouseClick(child<QPushButton>(view, "stopButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
        QCOMPARE(view.controller().state(), State::Stopped);
        QVERIFY(child<QLabel>(view, "runStatus")->text().startsWith("Stopped at"));
        QVERIFY(child<QPushButton>(view, "runButton")->isEnabled());
        // Every recorded spike of the neurons the raster shows (it thins out
        // to 1 in 2, 4, ... neurons past its budget of dots).
        const Network* network = view.controller().network();
        const int stride = view.livePlot().neuronStride();
        const auto& indices = network->spikeRecords().front().indices;
        QCOMPARE(view.livePlot().spikePoints(),
                 qsizetype(std::count_if(indices.begin(), indices.end(),
                                         [stride](auto index) { return index % stride == 0; })));
    }

    void thePlotHoldsTheMonitorsDataAfterTheRun() {
        RunView view([] { return std::optional<Model>(cuba()); });
        view.show();
        child<QLineEdit>(view, "runDuration")->setText("150*ms");
        child<QLineEdit>(view, "runSeed")->setText("3");
        QSignalSpy ended(&view, &RunView::runEnded);
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(view.controller().state(), State::Finished);
        const Network* network = view.controller().network();
        const StateRecord& traces = network->stateRecords().front();
        QCOMPARE(view.livePlot().spikePoints(),
                 qsizetype(network->spikeRecords().front().indices.size()));
        QCOMPARE(view.livePlot().tracePoints(),
                 qsizetype(traces.rowCount() * std::min<size_t>(traces.columns.size(), 6)));
        QCOMPARE(view.livePlot().ratePoints(), qsizetype(150)); // one per 1 ms
        QVERIFY(child<QLabel>(view, "runStatus")->text().startsWith("Finished"));
    }

    // Run > Threads: one entry per core count, all cores checked first, off
    // during a run; a run shared between threads records the same spikes.
    void theThreadsMenuSharesTheRunWithoutChangingIt() {
        RunView view([] { return std::optional<Model>(cuba()); });
        view.show();
        QMenu* menu = view.threadsMenu();
        const int cores = std::max(QThread::idealThreadCount(), 1);
        QCOMPARE(menu->actions().size(), cores);
        QCOMPARE(view.threads(), cores);
        QCOMPARE(menu->actions().front()->text(),
                 cores == 1 ? QString("1 thread, one per core") : QString("1 thread"));
        QVERIFY(menu->actions().back()->text().endsWith("threads, one per core") || cores == 1);
        if (cores < 2)
            QSKIP("one core: nothing to share out");
        child<QLineEdit>(view, "runDuration")->setText("100*ms");
        child<QLineEdit>(view, "runSeed")->setText("3");
        std::vector<std::pair<std::vector<std::int32_t>, std::vector<double>>> spikes;
        for (int count : {1, 2}) {
            menu->actions()[count - 1]->trigger();
            QCOMPARE(view.threads(), count);
            QSignalSpy ended(&view, &RunView::runEnded);
            QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
            QVERIFY(!menu->isEnabled());
            QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
            QCOMPARE(view.controller().state(), State::Finished);
            QCOMPARE(view.controller().threads(), count);
            QVERIFY(menu->isEnabled());
            const SpikeRecord& record = view.controller().network()->spikeRecords().front();
            spikes.emplace_back(record.indices, record.times);
        }
        QVERIFY(!spikes[0].first.empty());
        QVERIFY(spikes[0] == spikes[1]);
    }

    void thePlotExportsAsImageAndPdf() {
        RunView view([] { return std::optional<Model>(cuba()); });
        view.resize(900, 600);
        view.show();
        child<QLineEdit>(view, "runDuration")->setText("50*ms");
        QSignalSpy ended(&view, &RunView::runEnded);
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QTemporaryDir dir;
        for (const char* name : {"plot.png", "plot.pdf", "plot.svg"}) {
            const QString path = dir.filePath(name);
            QVERIFY(view.exportPlot(path));
            QVERIFY(QFileInfo(path).size() > 5000);
        }
        const SvgFile svg = SvgFile::read(dir.filePath("plot.svg"));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QCOMPARE(svg.root, QString("svg"));
        QVERIFY(svg.elements.value("polyline") >= 4); // the rate and three traces
        QVERIFY(!view.exportPlot(dir.filePath("plot.txt")));
    }

    void aMillionSpikesAreThinnedToStaySmooth() {
        RunResults results;
        SpikeRecord& record = results.spikes.emplace_back();
        record.monitor = "spikes";
        record.countPerNeuron.assign(10000, 0);
        LiveRecords live;
        live.shapeLike(results);
        LivePlot plot;
        plot.reset(10.0);
        for (int step = 0; step < 100000; ++step) // 10 spikes per 0.1 ms step for 10 s
            for (int k = 0; k < 10; ++k) {
                const std::int32_t neuron = (step * 7919 + k * 997) % 10000;
                record.indices.push_back(neuron);
                record.times.push_back(step * 1e-4);
            }
        live.appendNewFrom(results);
        plot.refresh(live, 10.0);
        QVERIFY(plot.neuronStride() > 1);
        QVERIFY(plot.spikePoints() <= 20000);
        QVERIFY(plot.spikePoints() > 5000); // thinned, not emptied
    }

    // A constant typed in during the run changes the dynamics from the next
    // step on: v leaves 0 and follows 1 - exp(-(t - t0)/tau) exactly.
    void aConstantTypedDuringTheRunActsFromTheNextStep() {
        RunView view([] {
            return std::optional<Model>(readModel(R"({"format": "spikestudio-model",
                "version": 1, "dt": "0.1*ms", "duration": "100*second",
                "constants": {"tau": "10*ms", "drive": "0"},
                "groups": [{"name": "G", "type": "NeuronGroup", "N": 2000, "method": "exact",
                            "equations": "dv/dt = (drive - v)/tau : 1"}],
                "monitors": [{"name": "m", "type": "StateMonitor", "source": "G",
                              "variables": ["v"], "record": [0]}]})"));
        });
        view.show();
        QSignalSpy ended(&view, &RunView::runEnded);
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view.controller().progress().simulated > 0.01, 30000);
        auto* tau = child<QLineEdit>(view, "constant:tau");
        tau->setText("2*mV"); // the wrong unit is refused where it was typed
        QTest::keyClick(tau, Qt::Key_Return);
        QVERIFY(child<QLabel>(view, "constantProblem")->text().contains("needs the unit"));
        auto* drive = child<QLineEdit>(view, "constant:drive");
        drive->setText("1");
        QTest::keyClick(drive, Qt::Key_Return);
        QVERIFY(child<QLabel>(view, "constantProblem")->text().isEmpty());
        QTest::qWait(100);
        QTest::mouseClick(child<QPushButton>(view, "stopButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
        const StateRecord& trace = view.controller().network()->stateRecords().front();
        size_t first = 0;
        while (first < trace.rowCount() && trace.value(first, 0) == 0.0)
            ++first;
        QVERIFY(first > 10 && first + 10 < trace.rowCount());
        const double changedAt = trace.times[first - 1];
        for (size_t row = first; row < trace.rowCount(); ++row)
            QVERIFY(std::abs(trace.value(row, 0) -
                             (1 - std::exp(-(trace.times[row] - changedAt) / 0.01))) < 1e-9);
    }

    // An equation edited during the run goes into it (a note says when);
    // one the running network cannot take is refused with the reason.
    void anEquationEditedDuringTheRunIsSwappedIn() {
        const char* json = R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
            "duration": "100*second", "constants": {"tau": "10*ms"},
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 2000, "method": "exact",
                        "equations": "dv/dt = -v/tau : 1"}],
            "monitors": [{"name": "m", "type": "StateMonitor", "source": "G",
                          "variables": ["v"], "record": [0]}]})";
        RunView view([json] { return std::optional<Model>(readModel(json)); });
        view.show();
        QSignalSpy ended(&view, &RunView::runEnded);
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view.controller().progress().simulated > 0.01, 30000);
        auto* note = child<QLabel>(view, "editNote");
        Model edited = readModel(json);
        edited.groups[0].size = 3;
        view.applyEdit(edited);
        QVERIFY2(note->text().contains("not applied") && note->text().contains("next run"),
                 qPrintable(note->text()));
        edited = readModel(json);
        edited.groups[0].equations = "dv/dt = (1 - v)/tau : 1";
        view.applyEdit(edited);
        QVERIFY2(note->text().startsWith("Edit applied"), qPrintable(note->text()));
        QTest::qWait(100);
        QTest::mouseClick(child<QPushButton>(view, "stopButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
        const StateRecord& trace = view.controller().network()->stateRecords().front();
        QCOMPARE(trace.value(0, 0), 0.0);
        QVERIFY(trace.value(trace.rowCount() - 1, 0) > 0.0); // driven towards 1 after the edit
    }

    // Closing the window during a run asks first; "no" keeps it running, "yes"
    // stops it cleanly and keeps it, stopped, with its data: in the open
    // project, or with none open in the scratch project.
    void closingTheWindowDuringARunStopsAndKeepsIt_data() {
        QTest::addColumn<bool>("projectOpen");
        QTest::newRow("project open") << true;
        QTest::newRow("no project: scratch project") << false;
    }

    void closingTheWindowDuringARunStopsAndKeepsIt() {
        QFETCH(bool, projectOpen);
        QTemporaryDir dir;
        QString project = ScratchProject::path();
        QFile::remove(project);
        MainWindow window;
        window.setAutosaveDirectory(dir.filePath("autosave"));
        if (projectOpen) {
            project = dir.filePath("open.spikestudio");
            Project(project.toStdString()).saveModel(writeModelJson(cuba()));
            QVERIFY(window.openModelFile(project));
        } else {
            QVERIFY(window.openModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json"));
            QVERIFY(child<QLabel>(*window.runsBrowser(), "runsNote")->text().contains(project));
        }
        window.show();
        RunView& run = *window.runView();
        child<QLineEdit>(run, "runDuration")->setText("1000*second");
        QTest::mouseClick(child<QPushButton>(run, "runButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(run.controller().progress().simulated > 0.05, 30000);

        bool stop = false;
        int asked = 0;
        window.setStopRunHandler([&] {
            ++asked;
            return stop;
        });
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(run.isRunning());
        stop = true;
        QVERIFY(window.close());
        QCOMPARE(asked, 2);
        QCOMPARE(run.controller().state(), State::Stopped); // the worker has ended

        Project stored(project.toStdString(), ProjectAccess::ReadOnly);
        const std::vector<RunSummary> runs = stored.runs();
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs.front().status, RunStatus::Stopped);
        QVERIFY(runs.front().simulatedTime >= 0.05 && runs.front().simulatedTime < 1000);
        const RunResults results = RunReader(stored).read(runs.front().id);
        const SpikeRecord& spikes = run.controller().network()->results().spikes.front();
        QVERIFY(spikes.times.size() > 100);
        QCOMPARE(results.spikes.front().times, spikes.times);
        QCOMPARE(results.spikes.front().indices, spikes.indices);
        QFile::remove(ScratchProject::path());
    }

    void aModelWithErrorsDoesNotStart() {
        RunView view([] { return std::optional<Model>(); });
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QCOMPARE(view.controller().state(), State::Idle);
        QVERIFY(child<QLabel>(view, "runStatus")->text().contains("errors"));
    }

    void aBadSeedIsRefused() {
        RunView view([] { return std::optional<Model>(cuba()); });
        child<QLineEdit>(view, "runSeed")->setText("-4");
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QCOMPARE(view.controller().state(), State::Idle);
        QVERIFY(child<QLabel>(view, "runStatus")->text().contains("seed"));
    }

    // Monitors that would not fit in memory are refused before anything is
    // allocated (core's MemoryBudget); the run does not start and nothing is stored.
    void aRunTooBigForMemoryDoesNotStart() {
        RunView view([] {
            return std::optional<Model>(readModel(R"({"format": "spikestudio-model",
                "version": 1, "duration": "100000*second",
                "groups": [{"name": "G", "type": "NeuronGroup", "N": 1000,
                            "equations": "dv/dt = -v/(10*ms) : 1"}],
                "monitors": [{"name": "trace", "type": "StateMonitor", "source": "G",
                              "variables": ["v"], "record": true}]})"));
        });
        QTemporaryDir dir;
        const QString project = dir.filePath("big.spikestudio");
        view.setProjectPath(project.toStdString());
        QSignalSpy ended(&view, &RunView::runEnded);
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
        QCOMPARE(view.controller().state(), State::Failed);
        const QString status = child<QLabel>(view, "runStatus")->text();
        QVERIFY2(status.startsWith("Cannot start: 'trace', field 'record'") &&
                     status.contains("this machine can give"),
                 qPrintable(status));
        QVERIFY(child<QPushButton>(view, "runButton")->isEnabled());
        QVERIFY(!QFile::exists(project)); // refused before the project was touched
    }

    void aBlowUpShowsItsMessage() {
        RunView view([] {
            return std::optional<Model>(readModel(R"({"format": "spikestudio-model",
                "version": 1, "duration": "1*second",
                "groups": [{"name": "G", "type": "NeuronGroup", "N": 1, "method": "euler",
                            "equations": "dv/dt = v**2/ms : 1", "initial": {"v": "1"}}]})"));
        });
        QSignalSpy ended(&view, &RunView::runEnded);
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
        QVERIFY2(child<QLabel>(view, "runStatus")->text().contains("'G', variable 'v'"),
                 qPrintable(child<QLabel>(view, "runStatus")->text()));
    }
};

QTEST_MAIN(TestGuiRun)
#include "tst_gui_run.moc"
