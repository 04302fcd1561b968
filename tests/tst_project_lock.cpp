// A project that another program keeps locked: writes wait for the lock (up
// to SPIKESTUDIO_LOCK_TIMEOUT), go on when it is released in time, and
// otherwise fail with a message that names the lock and its holder; the run
// so far stays readable, even while the lock is still held.
#include "runtime/Network.h"
#include "storage/LockTimeout.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "storage/RunWriter.h"
#include "storage/StorageError.h"
#include "support/CliRunner.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <sqlite3.h>
#include <unistd.h>

using namespace spikestudio;

namespace {

/// Another connection holding the project's write lock (BEGIN EXCLUSIVE) until released.
class LockHolderConnection {
public:
    explicit LockHolderConnection(const QString& path) {
        sqlite3_open(path.toUtf8().constData(), &db_);
        sqlite3_busy_timeout(db_, 60000);
        locked_ = sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~LockHolderConnection() {
        release();
        sqlite3_close(db_);
    }
    bool locked() const { return locked_; }
    void release() {
        if (locked_)
            sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
        locked_ = false;
    }

private:
    sqlite3* db_ = nullptr;
    bool locked_ = false;
};

/// A network with one spike monitor whose records the test appends by hand.
struct RecordedNetwork {
    Network network{1};
    Clock& clock = network.scheduler().clockFor(1e-4);
    SpikeRecord& spikes = network.spikeRecords().emplace_back();

    RecordedNetwork() {
        network.scheduler().add(Operation{ScheduleSlot::Thresholds, 1, "spikes", &clock, [] {}});
        spikes.monitor = "spikes";
        spikes.source = "G";
        spikes.dt = clock.dt();
        spikes.countPerNeuron.assign(10, 0);
    }
    void record(int steps) {
        for (int k = 0; k < steps; ++k) {
            const std::int32_t events[] = {k % 10};
            spikes.append(events, 1, clock.t());
            clock.tick();
        }
    }
};

std::int64_t chunkCount(const QString& path) {
    sqlite3* db = nullptr;
    std::int64_t count = 0;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM chunks", -1, &statement, nullptr) ==
                SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            count = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return count;
}

} // namespace

class TestProjectLock : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void init() { qunsetenv(LockTimeout::kVariable); }
    void cleanup() { qunsetenv(LockTimeout::kVariable); }

    void aFlushWaitsForALockReleasedInTime() {
        const QString path = dir_.filePath("released.spikestudio");
        Project project(path.toStdString());
        RecordedNetwork recorded;
        RunWriter writer(project, recorded.network, {"{}", 1.0, 1e-4, 1});
        recorded.record(20);
        LockHolderConnection lock(path);
        QVERIFY(lock.locked());
        int waits = 0;
        project.database().setLockWaitObserver([&](std::chrono::milliseconds) {
            ++waits;
            lock.release(); // the other program is done while the flush waits
        });
        writer.flush();
        QVERIFY(waits > 0);
        writer.finish(RunStatus::Finished);
        const RunResults results = RunReader(project).read(writer.runId());
        QCOMPARE(results.spikes.front().indices.size(), size_t(20));
    }

    void aLockHeldTooLongFailsTheFlushNamingIt() {
        qputenv(LockTimeout::kVariable, "0.3");
        const QString path = dir_.filePath("locked.spikestudio");
        std::int64_t runId = 0;
        {
            Project project(path.toStdString());
            RecordedNetwork recorded;
            RunWriter writer(project, recorded.network, {"{}", 1.0, 1e-4, 1});
            runId = writer.runId();
            recorded.record(30);
            writer.flush();
            recorded.record(30);
            LockHolderConnection lock(path);
            QVERIFY(lock.locked());
            int waits = 0;
            project.database().setLockWaitObserver([&](std::chrono::milliseconds) { ++waits; });
            std::string error;
            try {
                writer.flush();
            } catch (const StorageError& caught) {
                error = caught.what();
            }
            QVERIFY(waits > 0);
            QVERIFY2(error.find("locked.spikestudio: cannot start writing to the project: the "
                                "project is locked by another program") != std::string::npos,
                     error.c_str());
            QVERIFY2(error.find("gave up after waiting 0.3 s, see SPIKESTUDIO_LOCK_TIMEOUT") !=
                         std::string::npos,
                     error.c_str());
            QVERIFY2(error.find("results up to t = 0.003 s stay in the project") !=
                         std::string::npos,
                     error.c_str());
            // Readable while the other program still holds the lock.
            Project reader(path.toStdString(), ProjectAccess::ReadOnly);
            QCOMPARE(RunReader(reader).read(runId).spikes.front().indices.size(), size_t(30));
        } // the lock goes, then the writer marks the run failed with the reason
        Project project(path.toStdString(), ProjectAccess::ReadOnly);
        const RunSummary run = project.run(runId);
        QCOMPARE(run.status, RunStatus::Failed);
        QVERIFY2(run.message.find("locked by another program") != std::string::npos,
                 run.message.c_str());
    }

    void aCliRunStopsNamingTheLockAndKeepsItsResults() {
        const QString path = dir_.filePath("cli.spikestudio");
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(LockTimeout::kVariable, "1");
        process.setProcessEnvironment(environment);
        process.start(SPIKESTUDIO_CLI,
                      {"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba_neurons.json",
                       "--duration", "1000*second", "--tier", "tcc", "--db", path});
        // The first results are committed about a second after the start.
        QTRY_VERIFY_WITH_TIMEOUT(chunkCount(path) > 0, 60000);
        LockHolderConnection lock(path);
        QVERIFY(lock.locked());
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("the project is locked by another program (process " +
                              QString::number(getpid())),
                 qPrintable(err));
        QVERIFY2(err.contains("holds its lock; gave up after waiting 1 s") &&
                     err.contains("stay in the project"),
                 qPrintable(err));
        // Listed and exported while the lock is still held.
        const CliResult runs = runCli({"runs", path});
        QCOMPARE(runs.exitCode, 0);
        QVERIFY2(runs.out.contains("interrupted"), qPrintable(runs.out));
        const CliResult exported =
            runCli({"export", path, "--run", "1", "--csv", dir_.filePath("cli-export")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile spikes(dir_.filePath("cli-export/spikes.csv"));
        QVERIFY(spikes.open(QIODevice::ReadOnly));
        QVERIFY(spikes.readAll().count('\n') > 10);
    }

    void aBadLockTimeoutIsRefused_data() {
        QTest::addColumn<QByteArray>("value");
        for (const char* value : {"", "soon", "-1", "1e9", "nan", "5s"})
            QTest::newRow(value) << QByteArray(value);
    }

    void aBadLockTimeoutIsRefused() {
        QFETCH(QByteArray, value);
        qputenv(LockTimeout::kVariable, value);
        std::string error;
        try {
            Project(dir_.filePath("timeout.spikestudio").toStdString());
        } catch (const StorageError& caught) {
            error = caught.what();
        }
        QVERIFY2(error.find("SPIKESTUDIO_LOCK_TIMEOUT: expected seconds from 0 to 3600") == 0,
                 error.c_str());
        QVERIFY(!QFile::exists(dir_.filePath("timeout.spikestudio")));
    }
};

QTEST_GUILESS_MAIN(TestProjectLock)
#include "tst_project_lock.moc"
