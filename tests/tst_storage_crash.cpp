// A run killed at any moment (SIGKILL, as a power cut or `kill -9`) leaves a
// project that opens, with the run reported interrupted and its results up to
// the last committed chunk readable. The writer is a forked child process that
// records and flushes in a loop until the parent kills it.
#include "runtime/Network.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "storage/RunWriter.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace spikestudio;

namespace {

constexpr double kDt = 1e-4;
constexpr int kNeurons = 100;
constexpr int kStepsPerFlush = 50;

/// What the child records at `step`: three spikes and one row of two values.
std::array<std::int32_t, 3> spikesAt(std::int64_t step) {
    return {static_cast<std::int32_t>(step % kNeurons),
            static_cast<std::int32_t>((step * 7 + 1) % kNeurons),
            static_cast<std::int32_t>((step * 13 + 2) % kNeurons)};
}

/// The child: records into `path` and flushes every kStepsPerFlush steps,
/// reporting each committed flush's last step on `report`, until killed.
[[noreturn]] void recordForever(const std::string& path, int report) {
    try {
        Project project(path);
        Network network(1);
        Clock& clock = network.scheduler().clockFor(kDt);
        network.scheduler().add(Operation{ScheduleSlot::Thresholds, 1, "spikes", &clock, [] {}});
        network.scheduler().add(Operation{ScheduleSlot::Start, 0, "trace", &clock, [] {}});
        SpikeRecord& spikes = network.spikeRecords().emplace_back();
        spikes.monitor = "spikes";
        spikes.source = "G";
        spikes.dt = kDt;
        spikes.countPerNeuron.assign(kNeurons, 0);
        StateRecord& trace = network.stateRecords().emplace_back();
        trace.monitor = "trace";
        trace.source = "G";
        trace.dt = kDt;
        trace.columns = {{"v", 0, Dimension::volt()}, {"v", 5, Dimension::volt()}};
        RunWriter writer(project, network, {"{\"child\": true}", 1e6, kDt, 1});
        for (std::int64_t step = 0;; ++step) {
            const auto events = spikesAt(step);
            spikes.append(events.data(), 3, clock.t());
            trace.times.push_back(clock.t());
            trace.values.push_back(std::sin(static_cast<double>(step)));
            trace.values.push_back(std::cos(static_cast<double>(step)) * 1e-3);
            clock.tick();
            if (step % kStepsPerFlush == kStepsPerFlush - 1) {
                writer.flush();
                if (write(report, &step, sizeof step) != sizeof step)
                    _exit(4);
            }
        }
    } catch (const std::exception&) {
        _exit(3);
    }
}

} // namespace

class TestStorageCrash : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int runningSeen_ = 0;

    /// Starts the child, waits for `flushes` committed flushes plus `delayUs`,
    /// kills it; returns the last step the child reported committed.
    std::int64_t recordAndKill(const std::string& path, int flushes, int delayUs) {
        int fds[2];
        if (pipe(fds) != 0)
            qFatal("pipe failed");
        const pid_t child = fork();
        if (child == 0) {
            close(fds[0]);
            recordForever(path, fds[1]);
        }
        close(fds[1]);
        std::int64_t last = -1;
        for (int k = 0; k < flushes; ++k)
            if (read(fds[0], &last, sizeof last) != sizeof last)
                break;
        {
            // Another process reading while the run goes on sees it running.
            Project reader(path, ProjectAccess::ReadOnly);
            if (reader.runs().at(0).status != RunStatus::Running)
                qWarning("a live run was not reported running");
            runningSeen_ += reader.runs().at(0).status == RunStatus::Running;
        }
        usleep(static_cast<useconds_t>(delayUs));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        close(fds[0]);
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
            qWarning("the child ended by itself (status %d)", status);
        return last;
    }

    static void checkResults(const RunResults& results, std::int64_t committedStep) {
        QCOMPARE(results.spikes.size(), size_t(1));
        const SpikeRecord& spikes = results.spikes[0];
        const auto steps = static_cast<std::int64_t>(spikes.indices.size() / 3);
        QVERIFY2(steps > committedStep, "everything reported committed is there");
        QCOMPARE(steps % kStepsPerFlush, std::int64_t(0)); // whole flushes only
        for (std::int64_t step = 0; step < steps; ++step) {
            const auto events = spikesAt(step);
            const double t = static_cast<double>(step) * kDt;
            for (size_t k = 0; k < 3; ++k) {
                QCOMPARE(spikes.indices[static_cast<size_t>(step * 3) + k], events[k]);
                QCOMPARE(spikes.times[static_cast<size_t>(step * 3) + k], t);
            }
        }
        const StateRecord& trace = results.states[0];
        QCOMPARE(static_cast<std::int64_t>(trace.rowCount()), steps);
        for (size_t row = 0; row < trace.rowCount(); ++row) {
            QCOMPARE(trace.values[row * 2], std::sin(static_cast<double>(row)));
            QCOMPARE(trace.values[row * 2 + 1], std::cos(static_cast<double>(row)) * 1e-3);
        }
    }

private slots:
    void aKilledRunLeavesAnOpenableProject_data() {
        QTest::addColumn<int>("flushes");
        QTest::addColumn<int>("delayUs");
        for (int k = 0; k < 6; ++k)
            QTest::newRow(qPrintable(QString("kill %1").arg(k))) << 1 + k % 3 << k * 700;
    }

    void aKilledRunLeavesAnOpenableProject() {
        QFETCH(int, flushes);
        QFETCH(int, delayUs);
        const std::string path =
            dir_.filePath(QString("killed-%1-%2.spikestudio").arg(flushes).arg(delayUs))
                .toStdString();
        const std::int64_t committed = recordAndKill(path, flushes, delayUs);
        QVERIFY2(committed >= 0, "the child committed at least one flush");
        QVERIFY2(runningSeen_ > 0, "a live writer's run is reported running");
        runningSeen_ = 0;
        {
            Project project(path, ProjectAccess::ReadOnly);
            const auto runs = project.runs();
            QCOMPARE(runs.size(), size_t(1));
            QCOMPARE(runs[0].status, RunStatus::Interrupted);
            QVERIFY(runs[0].simulatedTime >= static_cast<double>(committed) * kDt);
            checkResults(RunReader(project).read(runs[0].id), committed);
        }
        // Opened for writing, the interruption is written down for good.
        Project project(path);
        QCOMPARE(project.database().queryText("SELECT status FROM runs"),
                 std::string("interrupted"));
        checkResults(RunReader(project).read(project.runs()[0].id), committed);
    }
};

QTEST_GUILESS_MAIN(TestStorageCrash)
#include "tst_storage_crash.moc"
