// Projects in SQLite, the everyday path: the model saved and read back, runs
// recorded in chunks while they run and read back bit for bit, so that the CSV
// exported from the project equals the CSV written from the live run; a failed
// save or a full disk leaves the project as it was.
#include "csv/CsvWriter.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "storage/ChunkCodec.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "storage/RunWriter.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace spikestudio;

namespace {

std::string readText(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

template <typename T> bool sameBits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

/// Every CSV of `results` as text, keyed by file name.
std::map<std::string, std::string> csvFiles(const RunResults& results, const QString& directory) {
    writeAllCsv(results, directory.toStdString());
    std::map<std::string, std::string> files;
    for (const QString& name : QDir(directory).entryList(QDir::Files))
        files[name.toStdString()] = readText(directory + "/" + name);
    return files;
}

const char* const kSmallModel = R"({
  "format": "spikestudio-model", "version": 1, "name": "lif",
  "dt": "0.1*ms", "duration": "20*ms", "seed": 1,
  "constants": {"tau": "10*ms", "Vt": "-50*mV", "Vr": "-70*mV"},
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 5,
    "equations": "dv/dt = (Vr - v + I)/tau : volt\nI : volt",
    "threshold": "v > Vt", "reset": "v = Vr", "refractory": "2*ms",
    "initial": {"v": "Vr", "I": "30*mV + i*mV"}}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"},
    {"name": "trace", "type": "StateMonitor", "source": "G", "variables": ["v", "I"],
     "record": [0, 3], "dt": "0.3*ms"},
    {"name": "rate", "type": "PopulationRateMonitor", "source": "G"}]
})";

} // namespace

class TestStorage : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    QString newPath() { return dir_.filePath(QString("project%1.spikestudio").arg(files_++)); }

    /// Runs `model` recording into `project` (flushing every `interval`) and
    /// returns the network that ran.
    std::unique_ptr<Network> runInto(Project& project, const std::string& modelJson,
                                     std::chrono::milliseconds interval, std::int64_t* runId) {
        const CheckedModel checked = checkModel(readModel(modelJson));
        auto network = buildNetwork(checked);
        RunWriter writer(project, *network,
                         {modelJson, checked.duration, checked.dt, checked.seed});
        writer.setFlushInterval(interval);
        network->run(checked.duration, [&writer] { return writer.flushIfDue(); });
        writer.setTimings(1.5, 2.5);
        writer.finish(RunStatus::Finished);
        *runId = writer.runId();
        return network;
    }

    void compareRecords(const Network& ran, const RunResults& stored) {
        QCOMPARE(stored.spikes.size(), ran.spikeRecords().size());
        for (size_t k = 0; k < stored.spikes.size(); ++k) {
            const SpikeRecord& a = ran.spikeRecords()[k];
            const SpikeRecord& b = stored.spikes[k];
            QCOMPARE(b.monitor, a.monitor);
            QCOMPARE(b.source, a.source);
            QCOMPARE(b.dt, a.dt);
            QVERIFY(sameBits(b.indices, a.indices));
            QVERIFY2(sameBits(b.times, a.times), "spike times must come back bit for bit");
            QVERIFY(sameBits(b.countPerNeuron, a.countPerNeuron));
            QCOMPARE(b.columns.size(), a.columns.size());
            for (size_t c = 0; c < a.columns.size(); ++c) {
                QCOMPARE(b.columns[c].variable, a.columns[c].variable);
                QVERIFY(b.columns[c].dim == a.columns[c].dim);
            }
            QVERIFY2(sameBits(b.values, a.values), "event values must come back bit for bit");
        }
        QCOMPARE(stored.states.size(), ran.stateRecords().size());
        for (size_t k = 0; k < stored.states.size(); ++k) {
            const StateRecord& a = ran.stateRecords()[k];
            const StateRecord& b = stored.states[k];
            QCOMPARE(b.dt, a.dt);
            QCOMPARE(b.columns.size(), a.columns.size());
            for (size_t c = 0; c < a.columns.size(); ++c) {
                QCOMPARE(b.columns[c].variable, a.columns[c].variable);
                QCOMPARE(b.columns[c].index, a.columns[c].index);
                QVERIFY(b.columns[c].dim == a.columns[c].dim);
            }
            QVERIFY(sameBits(b.times, a.times));
            QVERIFY(sameBits(b.values, a.values));
        }
        QCOMPARE(stored.rates.size(), ran.rateRecords().size());
        for (size_t k = 0; k < stored.rates.size(); ++k) {
            QCOMPARE(stored.rates[k].dt, ran.rateRecords()[k].dt);
            QVERIFY(sameBits(stored.rates[k].times, ran.rateRecords()[k].times));
            QVERIFY(sameBits(stored.rates[k].rates, ran.rateRecords()[k].rates));
        }
    }

private slots:
    void spikeStepRunsRoundTripExactly() {
        const double dt = 0.1e-3;
        // Several spikes in one step, a long gap, indices that need 1, 2 and 4 varint bytes.
        const std::vector<std::int32_t> indices = {5, 0, 200, 70000, 3, 2147483647, 1};
        const std::vector<std::int64_t> steps = {0, 0, 0, 7, 7, 2000000, 2000001};
        std::vector<double> times;
        for (std::int64_t step : steps)
            times.push_back(static_cast<double>(step) * dt);
        std::vector<std::byte> blob;
        QVERIFY(ChunkCodec::packSpikeStepRuns(indices, times, dt, blob));
        std::vector<std::int32_t> readIndices;
        std::vector<double> readTimes;
        ChunkCodec::unpackSpikeStepRuns(blob, dt, readIndices, readTimes);
        QCOMPARE(readIndices, indices);
        QCOMPARE(readTimes, times);
        QVERIFY(blob.size() < indices.size() * 4); // 21 bytes for 7 spikes
    }

    void spikeStepRunsRefuseWhatTheyCannotHold() {
        std::vector<std::byte> blob;
        const double dt = 0.1e-3;
        QVERIFY(!ChunkCodec::packSpikeStepRuns(std::vector<std::int32_t>{0},
                                               std::vector<double>{0.33e-4}, dt,
                                               blob)); // not a whole step
        QVERIFY(!ChunkCodec::packSpikeStepRuns(std::vector<std::int32_t>{0, 1},
                                               std::vector<double>{2 * dt, 1 * dt}, dt, blob));
        QVERIFY(!ChunkCodec::packSpikeStepRuns(std::vector<std::int32_t>{-1},
                                               std::vector<double>{0.0}, dt, blob));
    }

    void corruptSpikeStepRunsThrow() {
        std::vector<std::int32_t> indices;
        std::vector<double> times;
        const std::vector<std::byte> truncated = {std::byte{0x0a}, std::byte{0x02},
                                                  std::byte{0x01}};
        QVERIFY_THROWS_EXCEPTION(StorageError,
                                 ChunkCodec::unpackSpikeStepRuns(truncated, 1e-4, indices, times));
        const std::vector<std::byte> endless = {std::byte{0x80}, std::byte{0x80}};
        QVERIFY_THROWS_EXCEPTION(StorageError,
                                 ChunkCodec::unpackSpikeStepRuns(endless, 1e-4, indices, times));
    }

    void modelRoundTrip() {
        const QString path = newPath();
        {
            Project project(path.toStdString());
            QVERIFY(!project.model());
            project.saveModel(kSmallModel, R"({"G": [10, 20]})");
            project.saveModel(std::string(kSmallModel) + " ", R"({"G": [30, 40]})");
        }
        Project project(path.toStdString(), ProjectAccess::ReadOnly);
        const auto model = project.model();
        QVERIFY(model);
        QCOMPARE(model->modelJson, std::string(kSmallModel) + " ");
        QCOMPARE(model->layoutJson, std::string(R"({"G": [30, 40]})"));
        QVERIFY(model->savedAt.size() >= 20);
        QVERIFY(project.metadata().count("created_at"));
        QCOMPARE(project.metadata().at("created_with").rfind("Spike Studio ", 0), size_t(0));
    }

    void resultsRoundTrip_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("intervalMs");
        QTest::newRow("small, flushed every step") << QString(kSmallModel) << 0;
        QTest::newRow("small, flushed at the end") << QString(kSmallModel) << 1000000;
        const QDir models(SPIKESTUDIO_SOURCE_DIR "/tests/reference/models");
        for (const QString& file : models.entryList({"*.json"}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(file))
                << QString::fromStdString(readText(models.filePath(file))) << 1;
    }

    void resultsRoundTrip() {
        QFETCH(QString, model);
        QFETCH(int, intervalMs);
        const QString path = newPath();
        std::int64_t runId = 0;
        std::unique_ptr<Network> ran;
        {
            Project project(path.toStdString());
            ran = runInto(project, model.toStdString(), std::chrono::milliseconds(intervalMs),
                          &runId);
        }
        Project project(path.toStdString(), ProjectAccess::ReadOnly);
        const RunResults stored = RunReader(project).read(runId);
        compareRecords(*ran, stored);

        const auto direct =
            csvFiles(ran->results(), dir_.filePath(QString("direct%1").arg(files_)));
        const auto fromDb = csvFiles(stored, dir_.filePath(QString("fromdb%1").arg(files_)));
        QVERIFY(!direct.empty());
        QVERIFY2(direct == fromDb, "CSV from the project must equal CSV from the run");

        const RunSummary summary = project.run(runId);
        QCOMPARE(summary.status, RunStatus::Finished);
        QCOMPARE(project.runModel(runId), model.toStdString());
        QCOMPARE(summary.buildMilliseconds.value_or(0), 1.5);
        QCOMPARE(summary.simulateMilliseconds.value_or(0), 2.5);
        std::int64_t spikes = 0;
        for (const SpikeRecord& record : ran->spikeRecords())
            spikes += static_cast<std::int64_t>(record.indices.size());
        const std::optional<std::int64_t> expected =
            ran->spikeRecords().empty() ? std::nullopt : std::optional(spikes);
        QCOMPARE(summary.spikeCount, expected);
        QCOMPARE(summary.simulatedTime, ran->scheduler().time());
        // Spike times are all step * dt: stored as 8 bytes per spike.
        QCOMPARE(project.database().queryInt("SELECT count(*) FROM chunks WHERE format = "
                                             "'spike_times'"),
                 std::int64_t(0));
    }

    // A monitor's dt comes from its record, not from the scheduler: this
    // StateMonitor is named like its group's state updater (0.1 ms) and was
    // once stored with that operation's dt instead of its own 1 ms.
    void aMonitorsOwnDtIsStoredWhateverItsName() {
        const std::string model = R"({
          "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "5*ms",
          "seed": 3,
          "groups": [{"name": "P", "type": "NeuronGroup", "N": 2,
            "equations": "dv/dt = (1 - v)/(10*ms) : 1", "threshold": "v > 0.3",
            "reset": "v = 0"}],
          "monitors": [{"name": "P_stateupdater", "type": "StateMonitor", "source": "P",
             "variables": ["v"], "record": true, "dt": "1*ms"},
            {"name": "P_spike_thresholder", "type": "SpikeMonitor", "source": "P"}]
        })";
        const QString path = newPath();
        std::int64_t runId = 0;
        Project project(path.toStdString());
        const auto ran = runInto(project, model, std::chrono::milliseconds(0), &runId);
        QCOMPARE(ran->stateRecords().front().dt, 1e-3);
        SqlStatement storedDt =
            project.database().prepare("SELECT dt FROM monitors WHERE name = 'P_stateupdater'");
        QVERIFY(storedDt.step());
        QCOMPARE(storedDt.columnDouble(0), 1e-3);
        const RunResults stored = RunReader(project).read(runId);
        QCOMPARE(stored.states.front().dt, 1e-3);
        QCOMPARE(stored.spikes.front().dt, 1e-4);
        QVERIFY(!stored.spikes.front().times.empty());
        compareRecords(*ran, stored);

        const QString csvDir = dir_.filePath("own-dt");
        const auto files = csvFiles(stored, csvDir);
        std::istringstream csv(files.at("P_stateupdater.csv"));
        std::string line;
        std::getline(csv, line); // header
        std::vector<std::string> times;
        while (std::getline(csv, line))
            times.push_back(line.substr(0, line.find(',')));
        QCOMPARE(times, (std::vector<std::string>{"0", "0.001", "0.002", "0.003", "0.004"}));
    }

    void flushingEveryStepWritesChunksNotNumbers() {
        const QString path = newPath();
        std::int64_t runId = 0;
        Project project(path.toStdString());
        runInto(project, kSmallModel, std::chrono::milliseconds(0), &runId);
        // 200 steps, one flush each: at most one chunk per monitor per flush,
        // and none for a flush that found nothing new.
        const std::int64_t chunks = project.database().queryInt("SELECT count(*) FROM chunks");
        QVERIFY(chunks > 3);
        QVERIFY(chunks <= 3 * 201);
        QCOMPARE(project.database().queryText("SELECT DISTINCT format FROM chunks c JOIN monitors "
                                              "m ON m.id = c.monitor_id WHERE m.type = 'spike'"),
                 std::string("spike_step_runs"));
    }

    void deletingARunRemovesItsResults() {
        const QString path = newPath();
        Project project(path.toStdString());
        std::int64_t first = 0, second = 0;
        runInto(project, kSmallModel, std::chrono::milliseconds(1000), &first);
        runInto(project, kSmallModel, std::chrono::milliseconds(1000), &second);
        const auto chunksOf = [&](std::int64_t run) {
            return project.database().queryInt(
                "SELECT count(*) FROM chunks c JOIN monitors m ON m.id = c.monitor_id "
                "WHERE m.run_id = " +
                std::to_string(run));
        };
        QVERIFY(chunksOf(first) > 0);
        project.deleteRun(first);
        QCOMPARE(project.runs().size(), size_t(1));
        QCOMPARE(project.runs()[0].id, second);
        QCOMPARE(chunksOf(first), std::int64_t(0));
        QCOMPARE(project.database().queryInt("SELECT count(*) FROM monitors WHERE run_id = " +
                                             std::to_string(first)),
                 std::int64_t(0));
        QVERIFY(chunksOf(second) > 0);
        QVERIFY_THROWS_EXCEPTION(StorageError, project.deleteRun(first));
    }

    void runsAreListedInOrder() {
        const QString path = newPath();
        Project project(path.toStdString());
        std::int64_t first = 0, second = 0;
        runInto(project, kSmallModel, std::chrono::milliseconds(1000), &first);
        runInto(project, kSmallModel, std::chrono::milliseconds(1000), &second);
        const auto runs = project.runs();
        QCOMPARE(runs.size(), size_t(2));
        QCOMPARE(runs[0].id, first);
        QCOMPARE(runs[1].id, second);
        QCOMPARE(runs[0].seed, 1u);
        QCOMPARE(runs[0].dt, 1e-4);
        QCOMPARE(runs[0].monitorCount, std::int64_t(3));
        QVERIFY_THROWS_EXCEPTION(StorageError, project.run(12345));
    }

    void aWriterDestroyedUnfinishedMarksTheRunFailed() {
        Project project(newPath().toStdString());
        const CheckedModel checked = checkModel(readModel(kSmallModel));
        auto network = buildNetwork(checked);
        std::int64_t id = 0;
        {
            RunWriter writer(project, *network, {kSmallModel, 0.02, 1e-4, 1});
            id = writer.runId();
            QCOMPARE(project.run(id).status, RunStatus::Running);
        }
        QCOMPARE(project.run(id).status, RunStatus::Failed);
    }

    void aFailedModelSaveKeepsThePreviousModel() {
        const QString path = newPath();
        Project project(path.toStdString());
        project.saveModel(kSmallModel, "{}");
        // The second statement of the save fails: the first must be undone.
        project.database().execute("CREATE TEMP TRIGGER refuse BEFORE INSERT ON project "
                                   "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
        QVERIFY_THROWS_EXCEPTION(StorageError, project.saveModel("{\"other\": 1}", "{}"));
        QCOMPARE(project.model()->modelJson, std::string(kSmallModel));
        project.database().execute("DROP TRIGGER temp.refuse");
        Project reopened(path.toStdString(), ProjectAccess::ReadOnly);
        QCOMPARE(reopened.model()->modelJson, std::string(kSmallModel));
    }

    void aFullDiskGivesAClearErrorAndLosesNothing() {
        const QString path = newPath();
        Project project(path.toStdString());
        project.saveModel(kSmallModel, "{}");
        // The file may not grow past its current size: SQLite reports SQLITE_FULL.
        const std::int64_t pages = project.database().queryInt("PRAGMA page_count");
        project.database().execute("PRAGMA max_page_count = " + std::to_string(pages + 2));
        try {
            project.saveModel(std::string(1 << 20, ' ') + kSmallModel, "{}");
            QFAIL("a save past the size limit must fail");
        } catch (const StorageError& error) {
            QVERIFY2(QString(error.what()).contains("disk is full"), error.what());
        }
        QCOMPARE(project.model()->modelJson, std::string(kSmallModel));

        // A run's flush fails the same way; after space is freed the next flush
        // stores everything that was missed.
        const CheckedModel checked = checkModel(readModel(kSmallModel));
        project.database().execute("PRAGMA max_page_count = 1000000");
        auto network = buildNetwork(checked);
        RunWriter writer(project, *network, {kSmallModel, checked.duration, checked.dt, 1});
        network->run(0.01);
        const std::int64_t now = project.database().queryInt("PRAGMA page_count");
        project.database().execute("PRAGMA max_page_count = " + std::to_string(now));
        network->run(0.5); // 5000 more rates alone need 80 kB
        try {
            writer.flush();
            QFAIL("a flush past the size limit must fail");
        } catch (const StorageError& error) {
            QVERIFY2(QString(error.what()).contains("disk is full"), error.what());
        }
        project.database().execute("PRAGMA max_page_count = 1000000");
        writer.finish(RunStatus::Finished);
        compareRecords(*network, RunReader(project).read(writer.runId()));
        QCOMPARE(project.database().queryText("PRAGMA quick_check"), std::string("ok"));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
