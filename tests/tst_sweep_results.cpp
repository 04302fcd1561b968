// A stored sweep's result table (core/sweepresults): a row per stored run
// with its values, seed, status, run id and every statistic under flattened
// column names; the CSV written from it; damaged projects refused with the
// sweep and run named. Statistics are written by hand, so every cell is known.
#include "diagnostics/UserError.h"
#include "runtime/Network.h"
#include "storage/Database.h"
#include "storage/Project.h"
#include "storage/RunWriter.h"
#include "storage/SweepStore.h"
#include "sweep/SeedList.h"
#include "sweepresults/StoredSweepResults.h"

#include <QTemporaryDir>
#include <QtTest>
#include <sstream>

using namespace spikestudio;

namespace {

SweepPlan twoPointsTwoSeeds() {
    return SweepPlan({parseSweepAxis("we=[1, 2]*mV")}, parseSeedList("1:2"),
                     SweepCombination::Grid);
}

/// Variant k: 10 neurons firing 20 (k+1) spikes in 1 s; variant 1 has no
/// neuron with three spikes (ISI CV undefined).
RunStatistics statisticsOf(std::size_t k) {
    SpikeTrainStatistics spikes;
    spikes.monitor = "spikes";
    spikes.neurons = 10;
    spikes.spikes = std::int64_t(20 * (k + 1));
    spikes.duration = 1.0;
    spikes.rateMean = 2.0 * double(k + 1);
    spikes.rateSd = 0.5;
    if (k != 1) {
        spikes.isiCvMean = 0.25;
        spikes.isiCvNeurons = 4;
    }
    spikes.fanoFactor = 1.5;
    VariableStatistics v{"trace", "v", Dimension::volt(), 100, -0.0625, 0.001953125};
    return {{spikes}, {v}};
}

/// Stores variant `k` of sweep `sweep` and returns its run id.
std::int64_t storeVariant(Project& project, std::int64_t sweep, std::size_t k, RunStatus status) {
    Network network{1};
    RunWriter writer(project, network,
                     {"{}", 1.0, 1e-4, 1, SweepMembership{sweep, std::int64_t(k)}});
    writer.setStatistics(runStatisticsJson(statisticsOf(k)));
    writer.finish(status);
    return writer.runId();
}

} // namespace

class TestSweepResults : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    /// A sweep of 4 variants of which 0, 1 and 3 were stored (2 cancelled).
    std::string storedSweep(const char* name, std::int64_t& sweepId) {
        const std::string path = dir_.filePath(name).toStdString();
        Project project(path);
        sweepId = SweepStore(project).create(twoPointsTwoSeeds().specificationJson(), 4, "{}");
        storeVariant(project, sweepId, 3, RunStatus::Stopped);
        storeVariant(project, sweepId, 0, RunStatus::Finished);
        storeVariant(project, sweepId, 1, RunStatus::Finished);
        return path;
    }

private slots:
    void rowsHoldValuesSeedsStatusRunsAndStatistics() {
        std::int64_t id = 0;
        Project project(storedSweep("rows.spikestudio", id));
        const SweepResultTable table = loadSweepResults(project, id);
        QCOMPARE(table.rows().size(), size_t(3));
        const SweepResultRow& last = table.rows()[2];
        QCOMPARE(last.variant, size_t(3));
        QCOMPARE(last.values, std::vector<double>{0.002});
        QCOMPARE(*last.seed, 2u);
        QCOMPARE(last.status, RunStatus::Stopped);
        QCOMPARE(*last.runId, std::int64_t(1)); // stored first
        QCOMPARE(table.pointOf(last), size_t(1));
        QCOMPARE(table.pointOf(table.rows()[1]), size_t(0));
        const auto columns = table.statisticColumns();
        QCOMPARE(columns.size(), size_t(10));
        QCOMPARE(columns[2].header(), std::string("spikes.rate_mean [Hz]"));
        QCOMPARE(columns[9].header(), std::string("trace.v.sd [V]"));
        QCOMPARE(*SweepResultTable::statistic(last, columns[2]), 8.0);
        QVERIFY(!SweepResultTable::statistic(table.rows()[1], columns[4])); // no ISI CV
    }

    void csvHasAColumnPerStatistic() {
        std::int64_t id = 0;
        Project project(storedSweep("csv.spikestudio", id));
        std::ostringstream csv;
        loadSweepResults(project, id).writeCsv(csv);
        QCOMPARE(QString::fromStdString(csv.str()),
                 QString("variant,we [V],seed,status,run id,spikes.neurons,spikes.spikes,"
                         "spikes.rate_mean [Hz],spikes.rate_sd [Hz],spikes.isi_cv_mean,"
                         "spikes.isi_cv_neurons,spikes.fano_factor,"
                         "spikes.dominant_frequency [Hz],trace.v.mean [V],trace.v.sd [V]\n"
                         "1,0.001,1,finished,2,10,20,2,0.5,0.25,4,1.5,,-0.0625,0.001953125\n"
                         "2,0.001,2,finished,3,10,40,4,0.5,,0,1.5,,-0.0625,0.001953125\n"
                         "4,0.002,2,stopped,1,10,80,8,0.5,0.25,4,1.5,,-0.0625,0.001953125\n"));
    }

    void damagedProjectsAreRefusedNamingSweepAndRun() {
        std::int64_t id = 0;
        Project project(storedSweep("damaged.spikestudio", id));
        try {
            loadSweepResults(project, 9);
            QFAIL("sweep 9 does not exist");
        } catch (const UserError& error) {
            QVERIFY2(QString(error.what()).contains("sweep 9"), error.what());
        }
        project.database().execute("UPDATE runs SET sweep_variant = 99 WHERE id = 2");
        try {
            loadSweepResults(project, id);
            QFAIL("a variant outside the sweep was accepted");
        } catch (const UserError& error) {
            QVERIFY2(QString(error.what()).contains("sweep 1, run 2") &&
                         QString(error.what()).contains("variant 100"),
                     error.what());
        }
        project.database().execute("UPDATE runs SET sweep_variant = 0 WHERE id = 2");
        project.database().execute(
            "UPDATE run_statistics SET statistics_json = '{\"version\": 7}' WHERE run_id = 3");
        try {
            loadSweepResults(project, id);
            QFAIL("damaged statistics were accepted");
        } catch (const UserError& error) {
            QVERIFY2(QString(error.what()).contains("sweep 1, run 3"), error.what());
        }
        project.database().execute(
            "UPDATE sweeps SET specification = '{\"vary\": [\"we=\"]}' WHERE id = 1");
        try {
            loadSweepResults(project, id);
            QFAIL("a damaged specification was accepted");
        } catch (const UserError& error) {
            QVERIFY2(QString(error.what()).startsWith("sweep 1: "), error.what());
        }
    }
};

QTEST_MAIN(TestSweepResults)
#include "tst_sweep_results.moc"
