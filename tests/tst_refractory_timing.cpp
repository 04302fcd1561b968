// Brian2's prefs.legacy.refractory_timing as the model's
// "legacy_refractory_timing": a refractory period compared as a time,
// (t - lastspike) > period, as Brian2 2.1.2 and earlier did, instead of in
// whole steps. Read and written back, refused where Brian2 2.1.2 could not
// have compared, and run to Brian2's own spike train (its
// test_refractoriness_repeated_legacy).
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/ModelProblem.h"

#include <QtTest>
#include <cmath>
#include <map>

using namespace spikestudio;

namespace {

/// One neuron that spikes whenever it may, for 10,000 steps of 0.1 ms.
std::string model(const std::string& legacy, const std::string& refractory = "\"1*ms\"",
                  const std::string& equations = "x : 1") {
    return R"J({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "duration": "1*second", )J" +
           legacy + R"J(
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 1, "equations": ")J" +
           equations + R"J(", "threshold": "True", "refractory": )J" + refractory + R"J(}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"}]})J";
}

/// How many times each interval between two spikes, in steps, occurs.
std::map<long, int> intervals(const std::string& json, std::vector<double>* firstGaps = nullptr) {
    const CheckedModel checked = checkModel(readModel(json));
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    const std::vector<double>& times = network->spikeRecords().front().times;
    std::map<long, int> counts;
    for (size_t k = 1; k < times.size(); ++k) {
        ++counts[std::lround((times[k] - times[k - 1]) / 1e-4)];
        if (firstGaps && k <= 10)
            firstGaps->push_back(std::round((times[k] - times[k - 1]) * 1e5) / 100.0); // ms
    }
    return counts;
}

} // namespace

class TestRefractoryTiming : public QObject {
    Q_OBJECT

private slots:
    void theSwitchIsReadAndWrittenBack() {
        const Model legacy = readModel(model(R"J("legacy_refractory_timing": true,)J"));
        QVERIFY(legacy.legacyRefractoryTiming);
        const std::string written = writeModelJson(legacy);
        QVERIFY(written.find(R"J("legacy_refractory_timing": true)J") != std::string::npos);
        QVERIFY(readModel(written).legacyRefractoryTiming);
        const Model current = readModel(model(""));
        QVERIFY(!current.legacyRefractoryTiming);
        QVERIFY(writeModelJson(current).find("legacy") == std::string::npos);
    }

    /// Brian2 2.1.2's train: 0.1 ms steps whose times are not exact, so a
    /// period of 1 ms compared as a time lets a spike through after 10 or 11
    /// steps (Brian2's test: the first gaps, and 899 of 10 against 91 of 11).
    void legacyTimingGivesBrian2_1sSpikeTrain() {
        std::vector<double> firstGaps;
        const auto legacy = intervals(model(R"J("legacy_refractory_timing": true,)J"), &firstGaps);
        QCOMPARE(firstGaps, (std::vector<double>{1.1, 1, 1.1, 1, 1.1, 1.1, 1.1, 1.1, 1, 1.1}));
        QCOMPARE(legacy, (std::map<long, int>{{10, 899}, {11, 91}}));
        // Compared in whole steps (Brian2 2.2 and later): always 10 steps.
        QCOMPARE(intervals(model("")), (std::map<long, int>{{10, 999}}));
    }

    void badInputIsRefused() {
        QCOMPARE(problemOf(model(R"J("legacy_refractory_timing": 1,)J")),
                 std::string("'model', field 'legacy_refractory_timing': expected true or false"));
        QCOMPARE(problemOf(model(R"J("legacy_refractory_timing": true,)J", "\"period\"",
                                 "period : second")),
                 std::string("'G', field 'refractory': with legacy_refractory_timing the "
                             "refractory period must be known before the run (Brian2 2.1.2 "
                             "wrote it into the code as a number)"));
        // A condition does not compare times: the switch changes nothing.
        QCOMPARE(problemOf(model(R"J("legacy_refractory_timing": true,)J", "\"x > 1\"")),
                 std::string("(accepted)"));
    }
};

QTEST_GUILESS_MAIN(TestRefractoryTiming)
#include "tst_refractory_timing.moc"
