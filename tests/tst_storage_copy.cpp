// Runs copied from one project into another (the scratch project's runs taken
// into the project a model is first saved as): every result comes back bit for
// bit under a new id, in one transaction; a run still being written, a missing
// run or copying a project into itself changes nothing.
#include "csv/CsvWriter.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "storage/Project.h"
#include "storage/RunCopier.h"
#include "storage/RunReader.h"
#include "storage/RunWriter.h"
#include "storage/StorageError.h"
#include "support/FileTree.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

const char* const kModel = R"({
  "format": "spikestudio-model", "version": 1, "name": "lif",
  "dt": "0.1*ms", "duration": "20*ms", "seed": 1,
  "constants": {"tau": "10*ms", "Vt": "-50*mV", "Vr": "-70*mV"},
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 5,
    "equations": "dv/dt = (Vr - v + I)/tau : volt\nI : volt",
    "threshold": "v > Vt", "reset": "v = Vr", "refractory": "2*ms",
    "initial": {"v": "Vr", "I": "30*mV + i*mV"}}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"},
    {"name": "trace", "type": "StateMonitor", "source": "G", "variables": ["v", "I"],
     "record": [0, 3]},
    {"name": "rate", "type": "PopulationRateMonitor", "source": "G"}]
})";

/// Runs the model with `seed` into `project` (flushing every step, so each
/// monitor has many chunks) and returns the run's id.
std::int64_t runInto(Project& project, std::uint32_t seed) {
    CheckOptions options;
    options.seed = seed;
    const CheckedModel checked = checkModel(readModel(kModel), options);
    auto network = buildNetwork(checked);
    RunWriter writer(project, *network, {kModel, checked.duration, checked.dt, checked.seed, {}});
    writer.setFlushInterval(std::chrono::milliseconds(0));
    network->run(checked.duration, [&writer] { return writer.flushIfDue(); });
    writer.finish(RunStatus::Stopped, "by the user");
    return writer.runId();
}

std::int64_t count(Project& project, const char* table) {
    return project.database().queryInt(std::string("SELECT count(*) FROM ") + table);
}

} // namespace

class TestStorageCopy : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    /// The CSV files a run exports, by name, with their bytes.
    QMap<QString, QByteArray> exported(Project& project, std::int64_t run, const QString& name) {
        const QString directory = dir_.filePath(name);
        writeAllCsv(RunReader(project).read(run), directory.toStdString());
        return filesOf(directory);
    }

private slots:
    void runsAreCopiedWithEveryResult() {
        Project scratch(dir_.filePath("scratch.spikestudio").toStdString());
        const std::int64_t one = runInto(scratch, 1);
        const std::int64_t two = runInto(scratch, 2);
        const std::int64_t three = runInto(scratch, 3);
        Project target(dir_.filePath("target.spikestudio").toStdString());
        const std::int64_t existing = runInto(target, 4);

        const std::vector<std::int64_t> copies = copyRuns(scratch, target, {three, one});
        QCOMPARE(copies.size(), size_t(2));
        QVERIFY(copies[0] != existing && copies[1] != existing && copies[0] != copies[1]);
        QCOMPARE(target.runs().size(), size_t(3));
        for (const auto& [original, copy] :
             {std::pair{three, copies[0]}, std::pair{one, copies[1]}}) {
            const RunSummary a = scratch.run(original), b = target.run(copy);
            QCOMPARE(b.seed, a.seed);
            QCOMPARE(b.status, RunStatus::Stopped);
            QCOMPARE(b.message, std::string("by the user"));
            QCOMPARE(b.startedAt, a.startedAt);
            QCOMPARE(b.spikeCount, a.spikeCount);
            QCOMPARE(b.monitorCount, std::int64_t(3));
            QCOMPARE(target.runModel(copy), scratch.runModel(original));
            QVERIFY(a.spikeCount.value_or(0) > 0);
            QCOMPARE(exported(target, copy, QString("copy%1").arg(copy)),
                     exported(scratch, original, QString("original%1").arg(original)));
        }
        QCOMPARE(scratch.runs().size(), size_t(3)); // the source is not changed
        QCOMPARE(scratch.run(two).seed, 2u);
        // The target's own run and everything it holds is untouched.
        QCOMPARE(target.run(existing).seed, 4u);
    }

    void refusedCopiesChangeNothing() {
        Project scratch(dir_.filePath("scratch2.spikestudio").toStdString());
        const std::int64_t ended = runInto(scratch, 1);
        Project target(dir_.filePath("target2.spikestudio").toStdString());
        const auto before =
            std::tuple{count(target, "runs"), count(target, "monitors"), count(target, "chunks")};

        QVERIFY_THROWS_EXCEPTION(StorageError, copyRuns(scratch, target, {ended, 9999}));
        {
            const CheckedModel checked = checkModel(readModel(kModel));
            auto network = buildNetwork(checked);
            RunWriter running(scratch, *network, {kModel, checked.duration, checked.dt, 1, {}});
            QVERIFY_THROWS_EXCEPTION(StorageError,
                                     copyRuns(scratch, target, {ended, running.runId()}));
        }
        Project same(scratch.path());
        QVERIFY_THROWS_EXCEPTION(StorageError, copyRuns(scratch, same, {ended}));
        QCOMPARE(
            (std::tuple{count(target, "runs"), count(target, "monitors"), count(target, "chunks")}),
            before);
        QCOMPARE(count(same, "runs"), std::int64_t(2)); // the ended run and the failed one
    }
};

QTEST_GUILESS_MAIN(TestStorageCopy)
#include "tst_storage_copy.moc"
