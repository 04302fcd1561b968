// Stop pressed while a run is still being built: the build stops between two
// kernels and the run ends as stopped, without a network and without
// simulating a step.
#include "model/ModelReader.h"
#include "run/RunController.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;
using State = RunController::State;

namespace {

/// Many groups, each with kernels of its own to generate and compile.
Model manyGroups(int count) {
    std::string groups;
    for (int k = 0; k < count; ++k)
        groups += std::string(k ? "," : "") + R"({"name": "G)" + std::to_string(k) +
                  R"(", "type": "NeuronGroup", "N": 10, "method": "euler",
                      "equations": "dv/dt = ()" +
                  std::to_string(k + 1) + R"( - v)/tau : 1", "threshold": "v > 1",
                      "reset": "v = 0"})";
    return readModel(R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
                         "duration": "1*second", "constants": {"tau": "10*ms"},
                         "groups": [)" +
                     groups + "]}");
}

} // namespace

class TestRunControllerStop : public QObject {
    Q_OBJECT

    QTemporaryDir cache_;

private slots:
    void initTestCase() {
        QVERIFY(cache_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", cache_.path().toUtf8());
    }

    void stopDuringTheBuildEndsTheRunBeforeItsFirstStep() {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(manyGroups(200)));
        controller.stop(); // the worker is still checking or building
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(controller.state(), State::Stopped);
        QVERIFY(!controller.network()); // never built: a built one would be kept
        QCOMPARE(controller.progress().simulated, 0.0);
        QVERIFY(controller.message().isEmpty());

        // The next run builds and runs as usual.
        CheckOptions shortRun;
        shortRun.duration = "1*ms";
        QVERIFY(controller.start(manyGroups(2), shortRun));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(controller.state(), State::Finished);
        QVERIFY(controller.network());
    }
};

QTEST_MAIN(TestRunControllerStop)
#include "tst_run_controller_stop.moc"
