// Statistics of a run (analysis/): rates, ISI CV, Fano factor and dominant
// frequency of spike trains whose answers are known; means and SDs of
// recorded variables; the JSON a project keeps, read back and refused when
// damaged; and a stored run carrying them.
#include "analysis/PowerSpectrum.h"
#include "analysis/RunStatistics.h"
#include "diagnostics/UserError.h"
#include "storage/Project.h"
#include "support/CliRunner.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <random>

using namespace spikestudio;

namespace {

constexpr double kPi = 3.14159265358979323846;

/// A record of `neurons` neurons with the given (index, time) events in time order.
SpikeRecord recordOf(int neurons, const std::vector<std::pair<int, double>>& events) {
    SpikeRecord record;
    record.monitor = "spikes";
    record.countPerNeuron.assign(size_t(neurons), 0);
    for (const auto& [index, time] : events) {
        const std::int32_t i = index;
        record.append(&i, 1, time);
    }
    return record;
}

/// Independent Poisson trains at `rate` Hz, merged in time order (fixed seed).
SpikeRecord poissonRecord(int neurons, double rate, double duration) {
    std::mt19937_64 random(12345);
    std::exponential_distribution<double> interval(rate);
    std::vector<std::pair<double, int>> events;
    for (int n = 0; n < neurons; ++n)
        for (double t = interval(random); t < duration; t += interval(random))
            events.emplace_back(t, n);
    std::sort(events.begin(), events.end());
    std::vector<std::pair<int, double>> ordered;
    for (const auto& [t, n] : events)
        ordered.emplace_back(n, t);
    return recordOf(neurons, ordered);
}

QString refusalOf(const std::string& json) {
    try {
        parseRunStatistics(json);
    } catch (const UserError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestRunStatistics : public QObject {
    Q_OBJECT

private slots:
    void regularTrainsHaveNoVariabilityAndTheirFrequency() {
        // Neuron 0 fires every 10 ms, neuron 1 every 20 ms, over one second.
        std::vector<std::pair<int, double>> events;
        for (int k = 0; k < 100; ++k) {
            events.emplace_back(0, k * 0.01 + 0.0005);
            if (k % 2 == 0)
                events.emplace_back(1, k * 0.01 + 0.0005);
        }
        const SpikeTrainStatistics s = spikeTrainStatistics(recordOf(2, events), 1.0);
        QCOMPARE(s.neurons, std::int64_t(2));
        QCOMPARE(s.spikes, std::int64_t(150));
        QCOMPARE(s.rateMean, 75.0);
        QCOMPARE(s.rateSd, 25.0);
        QVERIFY(s.isiCvMean && std::abs(*s.isiCvMean) < 1e-9);
        QCOMPARE(s.isiCvNeurons, std::int64_t(2));
        QVERIFY(s.dominantFrequency);
        // Every 10 ms one or two spikes: 100 Hz carries 150 spikes' worth of power, 50 Hz 50.
        QCOMPARE(*s.dominantFrequency, 100.0);
    }

    void poissonTrainsHaveUnitCvAndFano() {
        const SpikeTrainStatistics s = spikeTrainStatistics(poissonRecord(200, 20.0, 10.0), 10.0);
        QVERIFY2(std::abs(s.rateMean - 20.0) < 0.5, qPrintable(QString::number(s.rateMean)));
        QVERIFY(s.isiCvMean);
        QVERIFY2(std::abs(*s.isiCvMean - 1.0) < 0.05, qPrintable(QString::number(*s.isiCvMean)));
        QVERIFY(s.fanoFactor);
        QVERIFY2(std::abs(*s.fanoFactor - 1.0) < 0.1, qPrintable(QString::number(*s.fanoFactor)));
    }

    void synchronousFiringRaisesTheFanoFactor() {
        // 100 neurons firing together every 25 ms.
        std::vector<std::pair<int, double>> events;
        for (int k = 0; k < 40; ++k)
            for (int n = 0; n < 100; ++n)
                events.emplace_back(n, k * 0.025 + 0.001);
        const SpikeTrainStatistics s = spikeTrainStatistics(recordOf(100, events), 1.0);
        QVERIFY(s.fanoFactor && *s.fanoFactor > 50);
        QCOMPARE(*s.dominantFrequency, 40.0);
    }

    void silentNeuronsGiveNoRatiosOnlyZeros() {
        const SpikeTrainStatistics s = spikeTrainStatistics(recordOf(10, {}), 0.5);
        QCOMPARE(s.rateMean, 0.0);
        QVERIFY(!s.isiCvMean);
        QVERIFY(!s.fanoFactor);
        QVERIFY(!s.dominantFrequency);
        const SpikeTrainStatistics notRun = spikeTrainStatistics(recordOf(10, {{1, 0.0}}), 0.0);
        QCOMPARE(notRun.rateMean, 0.0);
    }

    void dominantFrequencyOfASine() {
        std::vector<double> signal;
        for (int k = 0; k < 1000; ++k)
            signal.push_back(3.0 + std::sin(2 * kPi * 40.0 * k * 1e-3));
        QCOMPARE(*dominantFrequency(signal, 1e-3), 40.0);
        QVERIFY(!dominantFrequency(std::vector<double>(100, 2.0), 1e-3));
        QVERIFY(!dominantFrequency({1, 2, 3}, 1e-3));
    }

    void variablesMeanAndSdOverElementsAndSamples() {
        StateRecord record;
        record.monitor = "trace";
        record.columns = {
            {"v", 0, Dimension::volt()}, {"v", 1, Dimension::volt()}, {"w", 0, Dimension()}};
        record.times = {0.0, 0.1};
        record.values = {-0.065, -0.063, 1.0, -0.061, -0.067, 3.0};
        const auto variables = stateStatistics(record);
        QCOMPARE(variables.size(), size_t(2));
        QCOMPARE(variables[0].variable, std::string("v"));
        QVERIFY(variables[0].dimension == Dimension::volt());
        QCOMPARE(variables[0].samples, std::int64_t(4));
        QVERIFY(std::abs(variables[0].mean - -0.064) < 1e-15);
        QVERIFY(std::abs(variables[0].sd - std::sqrt(5e-6)) < 1e-15);
        QCOMPARE(variables[1].mean, 2.0);
        QCOMPARE(variables[1].sd, 1.0);
    }

    void jsonReadsBackWhatItWrote() {
        std::deque<SpikeRecord> spikes{poissonRecord(20, 10.0, 1.0)};
        std::deque<StateRecord> states(1);
        states[0].monitor = "m";
        states[0].columns = {{"I", 0, Dimension::amp()}};
        states[0].times = {0.0};
        states[0].values = {1e-9};
        const RunStatistics written = computeRunStatistics(spikes, states, 1.0);
        const RunStatistics read = parseRunStatistics(runStatisticsJson(written));
        QCOMPARE(read.spikeMonitors.size(), size_t(1));
        QCOMPARE(read.spikeMonitors[0].spikes, written.spikeMonitors[0].spikes);
        QCOMPARE(read.spikeMonitors[0].rateSd, written.spikeMonitors[0].rateSd);
        QCOMPARE(read.spikeMonitors[0].isiCvMean, written.spikeMonitors[0].isiCvMean);
        QCOMPARE(read.spikeMonitors[0].dominantFrequency,
                 written.spikeMonitors[0].dominantFrequency);
        QCOMPARE(read.stateVariables.size(), size_t(1));
        QVERIFY(read.stateVariables[0].dimension == Dimension::amp());
        QCOMPARE(read.stateVariables[0].mean, 1e-9);
    }

    void damagedJsonIsRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << "{"
                                  << "not a JSON object";
        QTest::newRow("array") << "[]"
                               << "not a JSON object";
        QTest::newRow("newer") << R"({"version": 2})"
                               << "version 2 is not known";
        QTest::newRow("no lists") << R"({"version": 1})"
                                  << "'spike_monitors' is not a list";
        QTest::newRow("bad entry")
            << R"({"version": 1, "spike_monitors": [3], "state_variables": []})"
            << "not an object";
        QTest::newRow("text rate") << R"({"version": 1, "spike_monitors": [{"monitor": "m",
              "neurons": 1, "spikes": 1, "duration_s": 1, "rate_mean_hz": "x"}],
              "state_variables": []})"
                                   << "'rate_mean_hz' is missing or not a number";
        QTest::newRow("short dimension")
            << R"({"version": 1, "spike_monitors": [], "state_variables": [{"monitor": "m",
              "variable": "v", "dimension": [1], "samples": 1, "mean": 0, "sd": 0}]})"
            << "seven exponents";
    }
    void damagedJsonIsRefused() {
        QFETCH(QString, json);
        QFETCH(QString, problem);
        const QString refusal = refusalOf(json.toStdString());
        QVERIFY2(refusal.startsWith("the stored run statistics are not readable: ") &&
                     refusal.contains(problem),
                 qPrintable(refusal));
    }

    void aStoredRunKeepsItsStatistics() {
        QTemporaryDir dir;
        const QString project = dir.filePath("cuba.spikestudio");
        const CliResult run = runCli({"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json",
                                      "--duration", "100*ms", "--tier", "tcc", "--db", project});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("statistics spikes: rate ") &&
                     run.out.contains("statistics trace.v: mean "),
                 qPrintable(run.out));
        Project stored(project.toStdString(), ProjectAccess::ReadOnly);
        const auto json = stored.runStatistics(1);
        QVERIFY(json);
        const RunStatistics statistics = parseRunStatistics(*json);
        QCOMPARE(statistics.spikeMonitors.size(), size_t(1));
        QCOMPARE(statistics.spikeMonitors[0].spikes, *stored.run(1).spikeCount);
        QCOMPARE(statistics.spikeMonitors[0].neurons, std::int64_t(4000));
        QCOMPARE(statistics.spikeMonitors[0].duration, 0.1);
        QVERIFY(run.out.contains(QString("over 4000 neurons")));
    }
};

QTEST_MAIN(TestRunStatistics)
#include "tst_run_statistics.moc"
