// Runs on a worker thread: to the end, paused, resumed and stopped (results
// kept), a constant changed mid-run changing the dynamics from that step on
// (checked against the exact solution), NaN stopping the run with the variable
// named, a run outgrowing memory stopped with the monitor named, runs stored
// in a project, bad models failing without a crash, and a native compiler
// that never returns holding up neither an edit nor a new run.
#include "model/ModelReader.h"
#include "run/RunController.h"
#include "runtime/Network.h"
#include "storage/Project.h"
#include "support/HangingCompiler.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <cmath>
#include <functional>
#include <thread>

using namespace spikestudio;
using State = RunController::State;

namespace {

Model exampleModel(const char* name) {
    return readModelFile(std::string(SPIKESTUDIO_SOURCE_DIR "/resources/examples/") + name);
}

Model modelOf(const char* json) {
    return readModel(json);
}

/// v relaxes to `drive` with tau = 10 ms; drive starts at 0, so v stays 0.
/// Long and wide enough to be still running when the test acts on it.
const char* kDrivenModel = R"({"format": "spikestudio-model", "version": 1,
    "dt": "0.1*ms", "duration": "100*second",
    "constants": {"tau": "10*ms", "drive": "0"},
    "groups": [{"name": "G", "type": "NeuronGroup", "N": 2000, "method": "exact",
                "equations": "dv/dt = (drive - v)/tau : 1"}],
    "monitors": [{"name": "m", "type": "StateMonitor", "source": "G", "variables": ["v"],
                  "record": [0]}]})";

/// kDrivenModel with a threshold v never reaches: its state update and
/// threshold run as one kernel.
const char* kThresholdModel = R"({"format": "spikestudio-model", "version": 1,
    "dt": "0.1*ms", "duration": "100*second",
    "constants": {"tau": "10*ms", "drive": "0"},
    "groups": [{"name": "G", "type": "NeuronGroup", "N": 2000, "method": "exact",
                "equations": "dv/dt = (drive - v)/tau : 1", "threshold": "v > 2",
                "reset": "v = 0"}],
    "monitors": [{"name": "m", "type": "StateMonitor", "source": "G", "variables": ["v"],
                  "record": [0]}]})";

/// v is exactly 0 until a change, then follows 1 - exp(-(t - t0)/10 ms) from
/// the step after it (the exact solution from that step on).
void verifyHeldAtZeroThenRelaxedToOne(const StateRecord& trace) {
    size_t first = 0;
    while (first < trace.rowCount() && trace.value(first, 0) == 0.0)
        ++first;
    QVERIFY(first > 10 && first + 10 < trace.rowCount());
    const double changedAt = trace.times[first - 1];
    for (size_t row = first; row < trace.rowCount(); ++row) {
        const double expected = 1.0 - std::exp(-(trace.times[row] - changedAt) / 0.01);
        QVERIFY2(std::abs(trace.value(row, 0) - expected) < 1e-9,
                 qPrintable(QString("row %1").arg(row)));
    }
}

/// Calls `action` on a thread of its own and waits (generously) for it to
/// return. A call that never returns fails the test: the thread is then
/// abandoned unjoined, which ends the test program.
bool returnsOnItsOwn(const std::function<void()>& action) {
    std::atomic<bool> returned{false};
    std::thread caller([&] {
        action();
        returned = true;
    });
    QElapsedTimer waited;
    waited.start();
    while (!returned && waited.elapsed() < 60000)
        QTest::qWait(10);
    if (!returned)
        return false;
    caller.join();
    return true;
}

} // namespace

/// Starts `json`, pauses the run, hands the running model to `edit`, then
/// lets the run go on for a moment and stops it.
void runEditedWhilePaused(RunController& controller, const char* json,
                          const std::function<void(const Model&)>& edit) {
    QSignalSpy finished(&controller, &RunController::finished);
    const Model running = modelOf(json);
    QVERIFY(controller.start(running));
    QTRY_VERIFY_WITH_TIMEOUT(controller.progress().simulated > 0.01, 30000);
    controller.pause();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), State::Paused, 10000);
    edit(running);
    controller.resume();
    QTest::qWait(100);
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
}

class TestRunController : public QObject {
    Q_OBJECT

private slots:
    void runsToTheEndOnAWorkerThread() {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        CheckOptions options;
        options.duration = "200*ms";
        QVERIFY(controller.start(exampleModel("cuba.json"), options));
        QVERIFY(!controller.start(exampleModel("cuba.json"), options)); // one run at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(controller.state(), State::Finished);
        const Network* network = controller.network();
        QVERIFY(network);
        QCOMPARE(controller.progress().simulated, network->scheduler().time());
        // What the plots hold is what the monitors recorded.
        controller.live().read([&](const RunResults& plotted) {
            QCOMPARE(plotted.spikes.front().indices, network->results().spikes.front().indices);
            QCOMPARE(plotted.states.front().values, network->results().states.front().values);
            QCOMPARE(plotted.rates.front().rates, network->results().rates.front().rates);
        });
    }

    void pausesResumesAndStopsKeepingResults() {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        // Long enough that it cannot end on its own first: native code runs
        // CUBA's 1 s in well under 0.1 s.
        CheckOptions options;
        options.duration = "100*second";
        QVERIFY(controller.start(exampleModel("cuba.json"), options));
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().simulated > 0.02, 30000);
        controller.pause();
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), State::Paused, 10000);
        const double pausedAt = controller.progress().simulated;
        QTest::qWait(300);
        QCOMPARE(controller.progress().simulated, pausedAt);
        controller.resume();
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().simulated > pausedAt, 10000);
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(controller.state(), State::Stopped);
        const Network* network = controller.network();
        QVERIFY(network);
        QVERIFY(network->scheduler().time() < 100.0);
        QVERIFY(!network->spikeRecords().front().indices.empty());
        QVERIFY(controller.progress().speed() > 0);
    }

    void aChangedConstantActsFromTheNextStep() {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(modelOf(kDrivenModel)));
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().simulated > 0.01, 30000);
        controller.pause();
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), State::Paused, 10000);
        QVERIFY(controller.setConstant("drive", 1.0));
        QVERIFY(!controller.setConstant("no_such_constant", 1.0));
        controller.resume();
        QTest::qWait(100);
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const StateRecord& trace = controller.network()->stateRecords().front();
        // Before the change v is exactly 0; after it, 1 - exp(-(t - t0)/tau).
        verifyHeldAtZeroThenRelaxedToOne(trace);
    }

    // An edited equation swaps in at a step boundary with the state kept: v
    // stays 0 under the old equation, then relaxes to 1 from the value it had.
    void anEditedEquationActsFromTheNextStepWithTheStateKept() {
        RunController controller;
        runEditedWhilePaused(controller, kDrivenModel, [&](const Model& running) {
            Model edited = running;
            edited.groups[0].equations = "dv/dt = (1 - v)/tau : 1";
            const QString refusal = controller.applyEdit(edited);
            QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        });
        QVERIFY(!QTest::currentTestFailed());
        verifyHeldAtZeroThenRelaxedToOne(controller.network()->stateRecords().front());
    }

    // A group whose state update and threshold run as one kernel is rebuilt
    // as one: the edited equation acts from the next step. A threshold edited
    // to draw random numbers would take them in another order there: it
    // waits for the next run.
    void aFusedStateUpdateAndThresholdAreEditedTogether() {
        RunController controller;
        runEditedWhilePaused(controller, kThresholdModel, [&](const Model& running) {
            Model drawing = running;
            drawing.groups[0].threshold = "v > 2 + rand()";
            QVERIFY(controller.applyEdit(drawing).contains("draw random numbers"));
            Model edited = running;
            edited.groups[0].equations = "dv/dt = (1 - v)/tau : 1";
            const QString refusal = controller.applyEdit(edited);
            QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        });
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(controller.network()->fusedThresholds().count("G"), 1u);
        verifyHeldAtZeroThenRelaxedToOne(controller.network()->stateRecords().front());
    }

    // An edit needs a network that runs: before the first run and after a
    // run ended it is refused, and the model being run is never touched.
    void anEditWithoutARunGoingIsRefused() {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        const Model running = modelOf(kDrivenModel);
        QCOMPARE(controller.applyEdit(running), QString("no run is going"));
        QCOMPARE(controller.state(), State::Idle);
        CheckOptions shortRun;
        shortRun.duration = "10*ms";
        QVERIFY(controller.start(running, shortRun));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(controller.state(), State::Finished);
        Model edited = running;
        edited.groups[0].equations = "dv/dt = (1 - v)/tau : 1";
        QCOMPARE(controller.applyEdit(edited), QString("no run is going"));
        QCOMPARE(controller.state(), State::Finished);
    }

    // What the running network cannot take waits for the next run, and a bad
    // equation is refused with the checker's message; the run goes on.
    void editsThatCannotApplyMidRunAreRefused_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("size") << "N"
                              << "2"
                              << "next run";
        QTest::newRow("new variable") << "equations"
                                      << "dv/dt = (w - v)/tau : 1\ndw/dt = -w/tau : 1"
                                      << "other state variables";
        QTest::newRow("adds a threshold") << "threshold"
                                          << "v > 0.5"
                                          << "adds or removes";
        QTest::newRow("unit error") << "equations"
                                    << "dv/dt = (drive - v) : 1"
                                    << "unit";
    }

    void editsThatCannotApplyMidRunAreRefused() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        const Model running = modelOf(kDrivenModel);
        QVERIFY(controller.start(running));
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().simulated > 0.01, 30000);
        Model edited = running;
        if (field == "N")
            edited.groups[0].size = value.toLongLong();
        else if (field == "threshold")
            edited.groups[0].threshold = value.toStdString();
        else
            edited.groups[0].equations = value.toStdString();
        const QString refusal = controller.applyEdit(edited);
        QVERIFY2(refusal.contains(expected), qPrintable(refusal));
        QVERIFY(controller.isActive());
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(controller.state(), State::Stopped);
    }

    void nonFiniteValuesFailTheRun() {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(modelOf(R"({"format": "spikestudio-model", "version": 1,
            "dt": "0.1*ms", "duration": "1*second",
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 2, "method": "euler",
                        "equations": "dv/dt = v**2/ms : 1", "initial": {"v": "1"}}]})")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(controller.state(), State::Failed);
        QVERIFY2(controller.message().contains("'G', variable 'v': became"),
                 qPrintable(controller.message()));
        QVERIFY(controller.network()->scheduler().time() < 0.1);
    }

    // A SpikeMonitor outgrowing the memory limit stops the run between two
    // steps: failed, with the monitor named, its results so far kept.
    void aRunOutgrowingMemoryFails() {
        qputenv("SPIKESTUDIO_MEMORY_LIMIT", "16M");
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(modelOf(R"({"format": "spikestudio-model", "version": 1,
            "dt": "0.1*ms", "duration": "100*second",
            "groups": [{"name": "P", "type": "PoissonGroup", "N": 1000, "rates": "5*kHz"}],
            "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "P"}]})")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        qunsetenv("SPIKESTUDIO_MEMORY_LIMIT");
        QCOMPARE(controller.state(), State::Failed);
        QVERIFY2(controller.message().startsWith("'spikes', field 'source': the run stopped at t"),
                 qPrintable(controller.message()));
        QVERIFY(!controller.network()->spikeRecords().front().indices.empty());
    }

    void badModelsFailWithTheirMessage() {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(modelOf(R"({"format": "spikestudio-model", "version": 1,
            "duration": "1*ms",
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                        "equations": "dv/dt = -v : 1"}]})")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(controller.state(), State::Failed);
        QVERIFY2(controller.message().contains("'G', field 'equations'"),
                 qPrintable(controller.message()));
        QVERIFY(!controller.network());
    }

    void runsAreStoredInTheProject() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("runs.spikestudio").toStdString();
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        CheckOptions options;
        options.duration = "50*ms";
        QVERIFY(controller.start(exampleModel("cuba.json"), options, path));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(controller.state(), State::Finished);
        Project project(path, ProjectAccess::ReadOnly);
        const auto runs = project.runs();
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs[0].status, RunStatus::Finished);
        QCOMPARE(runs[0].spikeCount.value_or(-1),
                 std::int64_t(controller.network()->spikeRecords().front().indices.size()));
    }

    // The background compiler hangs with a child holding its pipe (like
    // cc1). An edit and a new run cancel it at once instead of waiting for
    // it under the run's lock, and the simulation goes on meanwhile.
    void aHangingNativeCompilerHoldsUpNeitherEditsNorNewRuns() {
        QTemporaryDir dir;
        const QString pids = dir.filePath("pids");
        qputenv("SPIKESTUDIO_CC", writeHangingCompiler(dir.filePath("cc"), pids).toUtf8());
        const QByteArray testCache = qgetenv("SPIKESTUDIO_CACHE_DIR");
        qputenv("SPIKESTUDIO_CACHE_DIR", dir.filePath("cache").toUtf8());
        const auto restore = qScopeGuard([testCache] {
            qunsetenv("SPIKESTUDIO_CC");
            qputenv("SPIKESTUDIO_CACHE_DIR", testCache); // the test's own, set by CTest
        });
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        const Model running = modelOf(kDrivenModel);
        QVERIFY(controller.start(running));
        QTRY_VERIFY_WITH_TIMEOUT(startedProcesses(pids).size() == 2, 30000);
        Model edited = running;
        edited.groups[0].equations = "dv/dt = (1 - v)/tau : 1";
        QString refusal = "not returned";
        QVERIFY(returnsOnItsOwn([&] { refusal = controller.applyEdit(edited); }));
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        const double editedAt = controller.progress().simulated;
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().simulated > editedAt, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(startedProcesses(pids).size() == 4, 30000); // the edit's compile
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(returnsOnItsOwn([&] { QVERIFY(controller.start(running)); }));
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        controller.wait();
        for (const QString& pid : startedProcesses(pids).mid(0, 4))
            QTRY_VERIFY2_WITH_TIMEOUT(!processAlive(pid), qPrintable("still running: " + pid),
                                      10000);
    }
};

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_run_controller.moc"
