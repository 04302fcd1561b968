// A model's `protocol`: Brian2's several run() calls with values set between
// them. Read and written back, refused with one line naming object and field,
// and run: the segments continue one network (bit for bit the same as one
// run when nothing is set), values set between segments take effect at the
// first step of the next, drawing their random numbers from the run's
// stream. Between segments a protocol also changes constants (every kernel
// reads the new value), values of Synapses objects, and switches objects on
// and off. Agreement with Brian2 itself is in tst_import (protocol_values,
// protocol_segments) and tst_reference (protocol_segments).
#include "engine/NetworkBuilder.h"
#include "engine/ProtocolRun.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/CliRunner.h"
#include "support/ModelProblem.h"
#include "support/PlainValues.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <cstring>

using namespace spikestudio;

namespace {

/// Twenty noisy neurons driven by I; `protocol` is the model's protocol field
/// (or "" for none) and `duration` its duration field (or "").
std::string model(const std::string& protocol, const std::string& duration = "") {
    std::string text =
        R"j({"format": "spikestudio-model", "version": 1, "name": "protocol", "dt": "0.1*ms",
  "seed": 7,)j";
    if (!duration.empty())
        text += R"j( "duration": ")j" + duration + "\",";
    text += R"j(
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 20,
    "equations": "dv/dt = (I - v)/(10*ms) + 0.1*xi/sqrt(ms) : 1\nI : 1",
    "threshold": "v > 1", "reset": "v = 0", "method": "euler",
    "initial": {"v": "rand()", "I": "1.5"}, "subgroups": [{"name": "low", "start": 0, "stop": 10}]}],
  "synapses": [{"name": "S", "source": "G", "target": "G", "model": "w : 1",
    "on_pre": "v += w", "connect": {"condition": "i == j + 1"}}],
  "monitors": [{"name": "M", "type": "StateMonitor", "source": "G", "variables": ["v", "I"],
                "record": [0, 15]},
               {"name": "spikes", "type": "SpikeMonitor", "source": "G"}])j";
    if (!protocol.empty())
        text += R"j(, "protocol": )j" + protocol;
    return text + "}";
}

const char* const kChanges = R"j([{"duration": "30*ms"},
  {"duration": "20*ms", "set": [{"object": "G", "variable": "I", "value": "0"},
     {"object": "G", "variable": "I", "value": "1.2 + rand()", "index": ":10"}]},
  {"duration": "10*ms", "set": [{"object": "G", "variable": "v", "value": "rand()*0.5",
     "condition": "i >= 15"}]}])j";

std::unique_ptr<Network> runModel(const std::string& text) {
    const CheckedModel checked = checkModel(readModel(text));
    auto network = buildNetwork(checked);
    runProtocol(*network, checked);
    return network;
}

/// Relaxation of v towards `drive` with time constant `tau`, both constants
/// the protocol changes; S (from a spike generator) carries weights it sets,
/// `spikes` records the generator and is off in the second segment.
const char* const kSegments = R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "seed": 3, "constants": {"tau": "10*ms", "drive": "2"},
  "groups": [{"name": "In", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0, 1, 0, 1],
              "times": ["1*ms", "1*ms", "12*ms", "25*ms"]},
             {"name": "G", "type": "NeuronGroup", "N": 3, "method": "exact",
              "equations": "dv/dt = (drive - v)/tau : 1"},
             {"name": "H", "type": "NeuronGroup", "N": 3, "equations": "x : 1"}],
  "synapses": [{"name": "S", "source": "In", "target": "H", "model": "w : 1",
                "on_pre": "x += w", "connect": {}, "initial": {"w": "1"}}],
  "monitors": [{"name": "M", "type": "StateMonitor", "source": "G", "variables": ["v"],
                "record": [0]},
               {"name": "spikes", "type": "SpikeMonitor", "source": "In"}],
  "protocol": [{"duration": "10*ms"},
    {"duration": "10*ms", "set": [{"constant": "tau", "value": "2*tau"},
       {"constant": "drive", "value": "-1"},
       {"object": "S", "variable": "w", "value": "10 + j", "pre": [1]},
       {"object": "S", "variable": "w", "value": "0.5", "condition": "j == 0"},
       {"object": "spikes", "active": false}]},
    {"duration": "10*ms", "set": [{"object": "spikes", "active": true},
       {"object": "S", "active": false}]}]})j";

template <typename T> bool sameBits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

} // namespace

class TestProtocol : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void readAndWrittenBack() {
        const Model read = readModel(model(kChanges));
        QCOMPARE(read.protocol.size(), size_t(3));
        QCOMPARE(read.protocol[1].set.size(), size_t(2));
        QCOMPARE(read.protocol[1].set[1].object, std::string("G"));
        QCOMPARE(read.protocol[2].set[0].assignment.condition, std::string("i >= 15"));
        const std::string written = writeModelJson(read);
        QCOMPARE(writeModelJson(readModel(written)), written);
        QVERIFY(written.find(R"("object": "G")") != std::string::npos);
        // A model without a protocol writes none.
        QVERIFY(writeModelJson(readModel(model("", "60*ms"))).find("\"protocol\":") ==
                std::string::npos);
    }

    /// The run lasts the segments' sum; I changes at 30 ms (0 for neuron 15,
    /// a draw in [1.2, 2.2) for neuron 0), v of neuron 15 at 50 ms.
    void valuesChangeBetweenSegments() {
        const CheckedModel checked = checkModel(readModel(model(kChanges)));
        QCOMPARE(checked.duration, 0.06);
        auto network = buildNetwork(checked);
        runProtocol(*network, checked);
        const StateRecord& trace = network->stateRecords()[0];
        QCOMPARE(trace.rowCount(), size_t(600));
        // columns: v[0], v[15], I[0], I[15]
        QCOMPARE(trace.value(299, 2), 1.5);
        QCOMPARE(trace.value(299, 3), 1.5);
        QVERIFY(trace.value(300, 2) >= 1.2 && trace.value(300, 2) < 2.2);
        QCOMPARE(trace.value(300, 3), 0.0);
        QCOMPARE(trace.value(599, 2), trace.value(300, 2));
        QVERIFY(trace.value(500, 1) >= 0.0 && trace.value(500, 1) < 0.5);
        QVERIFY(trace.value(500, 1) != trace.value(499, 1));
    }

    /// Segments without values continue the network exactly: the noise, the
    /// spikes and the traces are those of one run of the total duration.
    void segmentsContinueOneNetwork() {
        auto once = runModel(model("", "60*ms"));
        auto segmented = runModel(
            model(R"j([{"duration": "25*ms"}, {"duration": "0*ms"}, {"duration": "35*ms"}])j"));
        QVERIFY(sameBits(once->stateRecords()[0].values, segmented->stateRecords()[0].values));
        QVERIFY(sameBits(once->spikeRecords()[0].indices, segmented->spikeRecords()[0].indices));
        QVERIFY(sameBits(once->spikeRecords()[0].times, segmented->spikeRecords()[0].times));
        QVERIFY(!once->spikeRecords()[0].indices.empty());
    }

    /// A monitor whose dt does not divide a segment's boundary starts and
    /// ends each segment where Brian2's clock does (set_interval rounds the
    /// network's time t to the clock's steps): 40 ms + 10 ms at a 0.3 ms
    /// monitor records the 167 samples of one 50 ms run, the last at 49.8 ms.
    void aClockStartsAndEndsSegmentsAtBrian2sSteps() {
        std::string text = model(R"j([{"duration": "40*ms"}, {"duration": "10*ms"}])j");
        const std::string record = R"j("record": [0, 15]})j";
        text.replace(text.find(record), record.size(), R"j("record": [0], "dt": "0.3*ms"})j");
        const auto network = runModel(text);
        const std::vector<double>& times = network->stateRecords()[0].times;
        QCOMPARE(times.size(), size_t(167));
        QCOMPARE(times[133], 133 * 0.0003);
        QCOMPARE(times[134], 134 * 0.0003); // 40.2 ms: step ceil(40/0.3)
        QCOMPARE(times.back(), 166 * 0.0003);
    }

    /// Brian2's `defaultclock.dt = ...` between runs (its test_dt_changes_between_runs):
    /// 0.5 ms at 0.1 ms, 0.5 ms at 0.5 ms, 0.5 ms at 0.1 ms records at 0 to 0.5 ms,
    /// 1 ms, then 1.1 to 1.4 ms. A group with a dt of its own keeps it, and a
    /// run_regularly without a dt follows its group's clock.
    void theDefaultClocksDtChangesBetweenSegments() {
        const std::string json = R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 1, "equations": "n : 1",
              "run_regularly": [{"name": "count", "code": "n += 1"}]},
             {"name": "own", "type": "NeuronGroup", "N": 1, "equations": "n : 1", "dt": "0.1*ms",
              "run_regularly": [{"name": "count_own", "code": "n += 1"}]}],
  "monitors": [{"name": "M", "type": "StateMonitor", "source": "G", "variables": ["n"],
                "record": true}],
  "protocol": [{"duration": "0.5*ms"}, {"duration": "0.5*ms", "set": [{"dt": "0.5*ms"}]},
               {"duration": "0.5*ms", "set": [{"dt": "0.1*ms"}]}]})j";
        const auto network = runModel(json);
        const std::vector<double>& times = network->stateRecords()[0].times;
        const std::vector<double> expected{0,           0.0001,      0.0002,     3 * 0.0001,
                                           0.0004,      0.0005,      0.001,      11 * 0.0001,
                                           12 * 0.0001, 13 * 0.0001, 14 * 0.0001};
        QCOMPARE(times.size(), expected.size());
        for (size_t k = 0; k < times.size(); ++k)
            QVERIFY2(std::abs(times[k] - expected[k]) < 1e-15, std::to_string(times[k]).c_str());
        QCOMPARE(network->groups()[0].variables.at("n")[0], 11.0); // 5 + 1 + 5 steps
        QCOMPARE(network->groups()[1].variables.at("n")[0], 15.0); // 0.1 ms throughout
        const std::string written = writeModelJson(readModel(json));
        QVERIFY2(written.find(R"({"dt": "0.5*ms"})") != std::string::npos ||
                     written.find(R"("dt": "0.5*ms")") != std::string::npos,
                 written.c_str());
    }

    /// Records are reserved whole before the run (readers keep pointers into
    /// them): a smaller dt in a later segment is counted in, so recording
    /// never moves them.
    void recordsReservedForASmallerDtDoNotMove() {
        const std::string text =
            model(R"j([{"duration": "2*ms"}, {"duration": "2*ms", "set": [{"dt": "0.01*ms"}]}])j");
        const CheckedModel checked = checkModel(readModel(text));
        auto network = buildNetwork(checked);
        const double* times = network->stateRecords()[0].times.data();
        const double* values = network->stateRecords()[0].values.data();
        runProtocol(*network, checked);
        QCOMPARE(network->stateRecords()[0].times.size(), size_t(20 + 200));
        QCOMPARE(network->stateRecords()[0].times.data(), times);
        QCOMPARE(network->stateRecords()[0].values.data(), values);
    }

    void dtChangesRefuseWhatIsBuiltForOneDt_data() {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("a TimedArray")
            << R"("timed_arrays": [{"name": "stim", "dt": "1*ms", "values": [0, 1]}],)"
            << "'model', field 'protocol[1].set[0].dt': the default clock's dt cannot change "
               "between segments with TimedArrays";
        QTest::newRow("a PoissonInput")
            << R"("poisson_inputs": [{"name": "drive", "target": "G", "variable": "v", "N": 10, "rate": "5*Hz", "weight": "0.1"}],)"
            << "with the PoissonInput 'drive' onto 'G'";
    }

    void dtChangesRefuseWhatIsBuiltForOneDt() {
        QFETCH(QString, extra);
        QFETCH(QString, message);
        std::string text =
            model(R"j([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"dt": "0.05*ms"}]}])j");
        text.insert(text.find(R"("groups")"), extra.toStdString() + "\n  ");
        const QString problem = QString::fromStdString(problemOf(text));
        QVERIFY2(problem.contains(message), qPrintable(problem));
    }

    /// Spikes in flight would need their steps converted: delays on the
    /// default clock are refused when the network is built.
    void dtChangesRefuseDelays() {
        std::string text =
            model(R"j([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"dt": "0.05*ms"}]}])j");
        const std::string onPre = R"j("on_pre": "v += w")j";
        text.replace(text.find(onPre), onPre.size(), R"j("on_pre": "v += w", "delay": "1*ms")j");
        const CheckedModel checked = checkModel(readModel(text));
        try {
            buildNetwork(checked);
            QFAIL("built");
        } catch (const ModelError& error) {
            QVERIFY2(std::string(error.what())
                             .find("'S', field 'delay': delays on the default "
                                   "clock, whose dt a protocol segment changes") !=
                         std::string::npos,
                     error.what());
        }
    }

    /// A value drawn between segments comes from the run's stream: another
    /// seed draws another value, the same seed the same one.
    void drawsComeFromTheRunsStream() {
        auto first = runModel(model(kChanges));
        auto again = runModel(model(kChanges));
        QVERIFY(sameBits(first->stateRecords()[0].values, again->stateRecords()[0].values));
        std::string reseeded = model(kChanges);
        reseeded.replace(reseeded.find(R"("seed": 7)"), 9, R"("seed": 8)");
        auto other = runModel(reseeded);
        QVERIFY(other->stateRecords()[0].value(300, 2) != first->stateRecords()[0].value(300, 2));
    }

    /// Brian2's test_random_values_fixed_and_random as a protocol: `seed(13579)`
    /// before the values of each run, `seed()` before each run's noise. Both
    /// runs start from the same values; their noise differs, and depends on
    /// the run's seed, from which fresh seeds are derived.
    void seedEntriesBetweenSegments() {
        const std::string text = R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 10, "method": "euler",
    "equations": "dv/dt = -v/(10*ms) + 0.1*xi/sqrt(ms) : 1",
    "initial": [{"seed": 13579}, {"variable": "v", "value": "rand()"}]}],
  "monitors": [{"name": "M", "type": "StateMonitor", "source": "G", "variables": ["v"],
                "record": true}],
  "protocol": [{"duration": "0.2*ms", "set": [{"seed": "fresh"}]},
    {"duration": "0.2*ms", "set": [{"seed": 13579},
       {"object": "G", "variable": "v", "value": "rand()"}, {"seed": "fresh"}]}]})j";
        const auto trace = [&](std::uint32_t seed) {
            CheckOptions options;
            options.seed = seed;
            const CheckedModel checked = checkModel(readModel(text), options);
            auto network = buildNetwork(checked);
            runProtocol(*network, checked);
            return network->stateRecords()[0];
        };
        const StateRecord first = trace(1);
        QCOMPARE(first.rowCount(), size_t(4));
        for (size_t n = 0; n < 10; ++n) {
            QCOMPARE(first.value(2, n), first.value(0, n));
            QVERIFY(first.value(3, n) - first.value(2, n) != first.value(1, n) - first.value(0, n));
        }
        QVERIFY(sameBits(trace(1).values, first.values));
        const StateRecord other = trace(2);
        QCOMPARE(other.value(0, 0), first.value(0, 0));
        QVERIFY(other.value(1, 0) != first.value(1, 0));
    }

    /// Brian2's test_spikegenerator_change_spikes and _change_period: each
    /// segment emits the spikes set before it (those before its start never),
    /// a period set before a segment repeats from its start, and spikes set
    /// without one end the repetition.
    void spikesAreSetBetweenSegments() {
        const std::string text = R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "groups": [{"name": "SG", "type": "SpikeGeneratorGroup", "N": 5,
    "indices": [3, 2, 1], "times": ["1*ms", "4*ms", "2*ms"], "period": "5*ms"}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "SG"}],
  "protocol": [{"duration": "10*ms"},
    {"duration": "10*ms", "set": [{"object": "SG", "indices": [4, 0, 1, 2],
       "times": ["9*ms", "11*ms", "12.5*ms", "12.5*ms"]}]},
    {"duration": "10*ms", "set": [{"object": "SG", "indices": [0],
       "times": ["1*ms"], "period": "2*ms"}]}]})j";
        const Model read = readModel(text);
        QCOMPARE(read.protocol[2].set[0].spikes->period, std::string("2*ms"));
        const std::string written = writeModelJson(read);
        QCOMPARE(writeModelJson(readModel(written)), written);
        auto network = runModel(text);
        const SpikeRecord& spikes = network->spikeRecords()[0];
        std::vector<std::pair<long long, long long>> got; // (step, neuron)
        for (size_t k = 0; k < spikes.times.size(); ++k)
            got.emplace_back(std::llround(spikes.times[k] / 1e-4), spikes.indices[k]);
        const std::vector<std::pair<long long, long long>> expected = {
            {10, 3},  {20, 1},  {40, 2},  {60, 3},  {70, 1}, {90, 2}, // periodic, then ended
            {110, 0}, {125, 1}, {125, 2},                             // 9 ms was in the past
            {210, 0}, {230, 0}, {250, 0}, {270, 0}, {290, 0}};        // every 2 ms from 20 ms
        QCOMPARE(got, expected);
    }

    /// Brian2's test_multiple_runs_function_change, and more: a TimedArray
    /// replaced by a longer one, then by a shorter one (its last value holds
    /// after its end, not the longer one's), and a table replaced row by row.
    void timedArraysAreReplacedBetweenSegments() {
        const std::string text = R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "timed_arrays": [{"name": "inp", "dt": "0.1*ms", "unit": "mV", "values": [1, 2]},
                   {"name": "table", "dt": "0.2*ms", "values": [[1, 10], [2, 20]]}],
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
    "equations": "v = inp(t) : volt\nw = table(t, i) : 1"}],
  "monitors": [{"name": "M", "type": "StateMonitor", "source": "G", "variables": ["v", "w"],
                "record": [0, 1]}],
  "protocol": [{"duration": "0.2*ms"},
    {"duration": "0.4*ms", "set": [{"timed_array": "inp", "dt": "0.1*ms", "unit": "volt",
       "values": [0, 0, 0.003, 0.004, 0.005, 0.006]}]},
    {"duration": "0.3*ms", "set": [{"timed_array": "inp", "dt": "0.1*ms", "unit": "mV",
       "values": [7]}, {"timed_array": "table", "dt": "0.2*ms", "values": [[3, 30]]}]}]})j";
        const Model read = readModel(text);
        QCOMPARE(read.protocol[1].set[0].timedArray->values.size(), size_t(6));
        const std::string written = writeModelJson(read);
        QCOMPARE(writeModelJson(readModel(written)), written);
        QVERIFY(written.find(R"("timed_array": "table")") != std::string::npos);
        auto network = runModel(text);
        const StateRecord& trace = network->stateRecords()[0]; // v[0], v[1], w[0], w[1]
        std::vector<double> v, w1;
        for (size_t row = 0; row < trace.rowCount(); ++row) {
            v.push_back(std::round(trace.value(row, 0) * 1e6) / 1e3);
            w1.push_back(trace.value(row, 3));
        }
        QCOMPARE(v, (std::vector<double>{1, 2, 3, 4, 5, 6, 7, 7, 7}));
        QCOMPARE(w1, (std::vector<double>{10, 10, 20, 20, 20, 20, 30, 30, 30}));
    }

    void segmentEntriesReadAndWrittenBack() {
        const Model read = readModel(kSegments);
        const std::vector<ProtocolChange>& set = read.protocol[1].set;
        QCOMPARE(set[0].constant, std::string("tau"));
        QCOMPARE(set[0].assignment.value, std::string("2*tau"));
        QCOMPARE(set[2].object, std::string("S"));
        QCOMPARE(set[2].assignment.pre.list, std::vector<long long>{1});
        QVERIFY(set[4].switchesActive() && !*set[4].active);
        const std::string written = writeModelJson(read);
        QCOMPARE(writeModelJson(readModel(written)), written);
        QVERIFY(written.find(R"("constant": "tau")") != std::string::npos);
        QVERIFY(written.find(R"("active": false)") != std::string::npos);
        QVERIFY(written.find(R"("pre": [1])") != std::string::npos);
        std::string seeded = kSegments;
        seeded.replace(seeded.find(R"j({"duration": "10*ms"},)j"), 22,
                       R"j({"duration": "10*ms", "set": [{"seed": "fresh"}]},)j");
        seeded.replace(seeded.find(R"j({"object": "spikes", "active": true},)j"), 38,
                       R"j({"object": "spikes", "active": true}, {"seed": 42},)j");
        const Model reseeded = readModel(seeded);
        QVERIFY(reseeded.protocol[0].set[0].reseeds() && !reseeded.protocol[0].set[0].reseed->seed);
        QCOMPARE(reseeded.protocol[2].set[1].reseed->seed, std::optional<std::uint32_t>(42));
        const std::string again = writeModelJson(reseeded);
        QCOMPARE(writeModelJson(readModel(again)), again);
        QVERIFY(again.find(R"("seed": "fresh")") != std::string::npos);
        QVERIFY(again.find(R"("seed": 42)") != std::string::npos);
    }

    /// From 10 ms v relaxes towards the new drive with the new time constant
    /// (2*tau of the old value), read by the running kernel.
    void constantsChangeBetweenSegments() {
        const CheckedModel checked = checkModel(readModel(kSegments));
        auto network = buildNetwork(checked);
        runProtocol(*network, checked);
        const StateRecord& trace = network->stateRecords()[0];
        const auto expected = [](double v0, double drive, double tau, double t) {
            return drive + (v0 - drive) * std::exp(-t / tau);
        };
        const double at10 = expected(0.0, 2.0, 0.01, 0.01);
        QVERIFY(std::abs(trace.value(100, 0) - at10) < 1e-12);
        QVERIFY(std::abs(trace.value(150, 0) - expected(at10, -1.0, 0.02, 0.005)) < 1e-12);
        QCOMPARE(network->constants()[0], 0.02); // the run ends with the last values
        QCOMPARE(network->constants()[1], -1.0);
    }

    /// Synaptic values set by presynaptic index and by condition, in order;
    /// x sums what arrived: 1 + 1 at 1 ms (both sources), then source 0's
    /// spike at 12 ms with the new weights; source 1's at 25 ms finds S off.
    void synapticValuesAndActiveBetweenSegments() {
        const CheckedModel checked = checkModel(readModel(kSegments));
        auto network = buildNetwork(checked);
        runProtocol(*network, checked);
        const SynapseState& s = network->synapses()[0];
        std::vector<double> w;
        for (long long k = 0; k < s.size(); ++k)
            w.push_back(s.variables.at("w")[size_t(k)]);
        // synapses (0,0) (0,1) (0,2) (1,0) (1,1) (1,2)
        QCOMPARE(w, (std::vector<double>{0.5, 1, 1, 0.5, 11, 12}));
        const auto& x = network->groups()[2].variables.at("x");
        QCOMPARE(plainValues(x), (std::vector<double>{2.5, 3, 3}));
        // the generator's spike at 12 ms falls in the segment `spikes` is off
        const SpikeRecord& spikes = network->spikeRecords()[0];
        QCOMPARE(spikes.times.size(), size_t(3));
        QVERIFY(std::abs(spikes.times.back() - 0.025) < 1e-12);
    }

    /// An object switched off stays off until a segment switches it on:
    /// without that entry `spikes` keeps only the spikes of the first segment.
    void switchedOffStaysOff() {
        std::string text = kSegments;
        text.replace(text.find(R"({"object": "spikes", "active": true},)"),
                     std::string(R"({"object": "spikes", "active": true},)").size(), "");
        const CheckedModel checked = checkModel(readModel(text));
        auto network = buildNetwork(checked);
        runProtocol(*network, checked);
        QCOMPARE(network->spikeRecords()[0].times.size(), size_t(2));
    }

    /// A constant keeps the unit it was declared with.
    void constantUnitIsChecked() {
        std::string text = kSegments;
        text.replace(text.find("2*tau"), 5, "2*mV");
        const std::string problem = problemOf(text);
        QVERIFY2(problem.find("'model', field 'protocol[1].set[0].value', line 1, column 1: "
                              "DimensionMismatchError: the constant 'tau' has unit s, but "
                              "'2*mV' has unit V") != std::string::npos,
                 problem.c_str());
    }

    /// Brian2 emits a spike generator's missed spikes at once when it runs
    /// again; until that is built, switching one is refused.
    void spikeGeneratorSwitchIsRefused() {
        std::string text = kSegments;
        text.replace(text.find(R"({"object": "spikes", "active": false})"),
                     std::string(R"({"object": "spikes", "active": false})").size(),
                     R"({"object": "In", "active": false})");
        const std::string problem = problemOf(text);
        QVERIFY2(problem.find("'model', field 'protocol[1].set[4].object': 'In' is a "
                              "SpikeGeneratorGroup; switching it on or off between segments is "
                              "not supported yet") != std::string::npos,
                 problem.c_str());
    }

    void refusals_data() {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("duration");
        QTest::addColumn<QString>("message");
        QTest::newRow("duration beside a protocol")
            << R"([{"duration": "1*ms"}])"
            << "10*ms"
            << "'model', field 'duration': a model with a protocol runs for the sum of its "
               "segments' durations; leave 'duration' out";
        QTest::newRow("empty") << "[]"
                               << ""
                               << "'model', field 'protocol': expected a non-empty list of "
                                  "segments";
        QTest::newRow("not a list") << R"({"duration": "1*ms"})"
                                    << ""
                                    << "'model', field 'protocol': expected a non-empty list";
        QTest::newRow("segment without duration")
            << R"([{"set": []}])"
            << ""
            << "'model', field 'protocol[0].duration': missing field";
        QTest::newRow("duration as a number")
            << R"([{"duration": 5}])"
            << ""
            << "'model', field 'protocol[0].duration': expected a time";
        QTest::newRow("negative duration")
            << R"([{"duration": "1*ms"}, {"duration": "-1*ms"}])"
            << ""
            << "'model', field 'protocol[1].duration', line 1, column 1: '-1*ms' must be a "
               "non-negative finite time";
        QTest::newRow("duration in volt")
            << R"([{"duration": "1*mV"}])"
            << ""
            << "'model', field 'protocol[0].duration', line 1, column 1: DimensionMismatchError: "
               "'1*mV' must be a time";
        QTest::newRow("unknown segment field")
            << R"([{"duration": "1*ms", "when": 3}])"
            << ""
            << "'model', field 'protocol[0].when': unknown field 'when'";
        QTest::newRow("set not a list")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": {}}])"
            << ""
            << "'model', field 'protocol[1].set': expected a list of values to set";
        QTest::newRow("entry without object")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"variable": "v", "value": "0"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].object': missing field 'object'";
        QTest::newRow("entry with an unknown field")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "variable": "v", "value": "0", "at": 1}]}])"
            << ""
            << "'G', field 'protocol[1].set[0].at': unknown field 'at'";
        QTest::newRow("values in the first segment")
            << R"([{"duration": "1*ms", "set": [{"object": "G", "variable": "v", "value": "0"}]}])"
            << ""
            << "'model', field 'protocol[0].set[0]': the first segment sets no values";
        QTest::newRow("unknown group")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "X", "variable": "v", "value": "0"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].object': unknown group or Synapses object 'X'";
        QTest::newRow("a subgroup")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "low", "variable": "v", "value": "0"}]}])"
            << ""
            << "'low' is a subgroup of 'G'; set the values on 'G' and select the neurons with "
               "'index'";
        QTest::newRow("a Synapses variable that is not one")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "S", "variable": "u", "value": "0"}]}])"
            << ""
            << "'S', field 'protocol[1].set[0].variable': 'u' is not a variable of 'S'";
        QTest::newRow("pre on a group")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "variable": "v", "value": "0", "pre": [1]}]}])"
            << ""
            << "'G', field 'protocol[1].set[0].pre': 'pre' only applies to a Synapses object's "
               "values";
        QTest::newRow("a synaptic index out of range")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "S", "variable": "w", "value": "0", "pre": [20]}]}])"
            << ""
            << "'S', field 'protocol[1].set[0].pre':";
        QTest::newRow("unknown constant")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"constant": "tau", "value": "5*ms"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].constant': 'tau' is not one of the model's "
               "constants";
        QTest::newRow("a constant entry with another field")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"constant": "tau", "value": "5*ms", "object": "G"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].object': unknown field 'object' in an entry "
               "that changes a constant";
        QTest::newRow("a constant's value as a number")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"constant": "tau", "value": 5}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].value': expected the constant's new value";
        QTest::newRow("a constant in the first segment")
            << R"([{"duration": "1*ms", "set": [{"constant": "tau", "value": "5*ms"}]}])"
            << ""
            << "'model', field 'protocol[0].set[0]': the first segment changes no constant";
        QTest::newRow("active not a boolean")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "M", "active": 0}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].active': expected true or false";
        QTest::newRow("active of an unknown object")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "Q", "active": false}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].object': unknown object 'Q'";
        QTest::newRow("active of a subgroup")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "low", "active": false}]}])"
            << ""
            << "'low' is a subgroup of 'G'; only 'G' as a whole can be switched on or off";
        QTest::newRow("active with values")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "active": false, "variable": "v"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].variable': unknown field 'variable' in an entry "
               "that switches 'active'";
        QTest::newRow("active in the first segment")
            << R"([{"duration": "1*ms", "set": [{"object": "M", "active": false}]}])"
            << ""
            << "'model', field 'protocol[0].set[0]': the first segment switches nothing";
        QTest::newRow("a seed entry with another field")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"seed": 3, "object": "G"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].object': unknown field 'object' in a seed "
               "entry (it has 'seed' only)";
        QTest::newRow("a seed out of range")
            << R"([{"duration": "1*ms", "set": [{"seed": 99999999999}]}])"
            << ""
            << "'model', field 'protocol[0].set[0].seed': the seed must be a whole number from 0 "
               "to 4294967295, or \"fresh\" for a new seed";
        QTest::newRow("values beside a seed in the first segment")
            << R"([{"duration": "1*ms", "set": [{"seed": 3}, {"object": "G", "variable": "v", "value": "0"}]}])"
            << ""
            << "'model', field 'protocol[0].set[1]': the first segment sets no values";
        QTest::newRow("spikes of a NeuronGroup")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "indices": [0], "times": ["1.5*ms"]}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].object': 'G' is not a SpikeGeneratorGroup; "
               "only a SpikeGeneratorGroup's spikes can be set";
        QTest::newRow("spikes of an unknown group")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "Q", "indices": [0], "times": ["1.5*ms"]}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].object': unknown SpikeGeneratorGroup 'Q'";
        QTest::newRow("spikes of different lengths")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "indices": [0, 1], "times": ["1.5*ms"]}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].times': 'indices' and 'times' must have the "
               "same length (2 and 1)";
        QTest::newRow("spike indices not whole numbers")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "indices": [-1], "times": ["1.5*ms"]}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].indices': expected a list of neuron indices";
        QTest::newRow("spikes beside values")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "indices": [0], "times": ["1.5*ms"], "value": "1"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].value': unknown field 'value' in an entry "
               "that sets spikes";
        QTest::newRow("spikes in the first segment")
            << R"([{"duration": "1*ms", "set": [{"object": "G", "indices": [0], "times": ["1.5*ms"]}]}])"
            << ""
            << "'model', field 'protocol[0].set[0]': the first segment sets no spikes";
        QTest::newRow("a TimedArray in the first segment")
            << R"([{"duration": "1*ms", "set": [{"timed_array": "x", "dt": "1*ms", "values": [1]}]}])"
            << ""
            << "'model', field 'protocol[0].set[0]': the first segment replaces no TimedArray";
        QTest::newRow("dt in the first segment")
            << R"([{"duration": "1*ms", "set": [{"dt": "0.05*ms"}]}])"
            << ""
            << "'model', field 'protocol[0].set[0]': the first segment changes no dt";
        QTest::newRow("dt that does not divide the segment's start")
            << R"([{"duration": "1.03*ms"}, {"duration": "1*ms", "set": [{"dt": "0.5*ms"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].dt': the segment starts at t = 0.00103 s, not "
               "a whole number of steps of 5e-04 s";
        QTest::newRow("dt not a time")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"dt": "0.5*mV"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].dt'";
        QTest::newRow("dt beside another field")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"dt": "0.05*ms", "object": "G"}]}])"
            << ""
            << "'model', field 'protocol[1].set[0].object': unknown field 'object' in an entry "
               "that "
               "changes the default clock's dt";
        QTest::newRow("unknown variable")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "variable": "u", "value": "0"}]}])"
            << ""
            << "'G', field 'protocol[1].set[0].variable':";
        QTest::newRow("wrong unit")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "variable": "v", "value": "3*mV"}]}])"
            << ""
            << "'G', field 'protocol[1].set[0].value', line 1, column 2: DimensionMismatchError";
        QTest::newRow("index out of range")
            << R"([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G", "variable": "v", "value": "0", "index": [20]}]}])"
            << ""
            << "'G', field 'protocol[1].set[0].index':";
    }

    void refusals() {
        QFETCH(QString, protocol);
        QFETCH(QString, duration);
        QFETCH(QString, message);
        const QString problem = QString::fromStdString(
            problemOf(model(protocol.toStdString(), duration.toStdString())));
        QVERIFY2(problem.contains(message), qPrintable(problem));
        QVERIFY(!problem.contains('\n'));
    }

    /// A duration given for the run cannot stand in for the segments: the
    /// command line says so on one line, exit 1, and writes nothing.
    /// What a SpikeGeneratorGroup's own spikes refuse, set between segments,
    /// names the entry's field.
    void badSpikesAreRefusedNamingTheEntry_data() {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("message");
        QTest::newRow("index outside") << R"("indices": [5], "times": ["11*ms"])"
                                       << "'SG', field 'protocol[1].set[0].indices': index 5 is "
                                          "outside the group (N = 5)";
        QTest::newRow("time without unit") << R"("indices": [1], "times": [0.011])"
                                           << "'SG', field 'protocol[1].set[0].times[0]'";
        QTest::newRow("twice in a step")
            << R"("indices": [1, 1], "times": ["11*ms", "11.01*ms"])"
            << "'SG', field 'protocol[1].set[0].times': using a dt of 1e-04 s, neuron 1 spikes "
               "more than once in one time step";
        QTest::newRow("period from mid-period")
            << R"("indices": [1], "times": ["1*ms"], "period": "3*ms")"
            << "'SG', field 'protocol[1].set[0].period': the new spikes repeat every 0.003 s from "
               "the segment's start at 0.01 s, which must be a whole number of periods";
        QTest::newRow("time beyond the period")
            << R"("indices": [1], "times": ["6*ms"], "period": "5*ms")"
            << "'SG', field 'protocol[1].set[0].period': every spike time must be shorter than "
               "the period";
    }

    void badSpikesAreRefusedNamingTheEntry() {
        QFETCH(QString, entry);
        QFETCH(QString, message);
        const std::string text = R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "groups": [{"name": "SG", "type": "SpikeGeneratorGroup", "N": 5, "indices": [0], "times": ["1*ms"]}],
  "protocol": [{"duration": "10*ms"}, {"duration": "10*ms", "set": [{"object": "SG", )j" +
                                 entry.toStdString() + "}]}]}";
        const QString problem = QString::fromStdString(problemOf(text));
        QVERIFY2(problem.contains(message), qPrintable(problem));
    }

    void badTimedArraysAreRefusedNamingTheEntry_data() {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << R"("timed_array": "other", "dt": "1*ms", "values": [1])"
                                 << "'model', field 'protocol[1].set[0].timed_array': 'other' is "
                                    "not one of the model's TimedArrays";
        QTest::newRow("another dt")
            << R"("timed_array": "inp", "dt": "2*ms", "values": [1])"
            << "'inp', field 'protocol[1].set[0].dt': the TimedArray keeps its grid step of "
               "0.001 s between segments (kernels are built for it), got 0.002 s";
        QTest::newRow("another unit")
            << R"("timed_array": "inp", "dt": "1*ms", "unit": "mV", "values": [1])"
            << "'inp', field 'protocol[1].set[0].unit': DimensionMismatchError: 'inp' has "
               "values in 1, the new ones are in V";
        QTest::newRow("a table for a column")
            << R"("timed_array": "inp", "dt": "1*ms", "values": [[1, 2]])"
            << "'inp', field 'protocol[1].set[0].values': the TimedArray keeps its one column "
               "between segments";
        QTest::newRow("no values") << R"("timed_array": "inp", "dt": "1*ms", "values": [])"
                                   << "'inp', field 'protocol[1].set[0].values'";
        QTest::newRow("a string value") << R"("timed_array": "inp", "dt": "1*ms", "values": ["a"])"
                                        << "'inp', field 'protocol[1].set[0].values'";
        QTest::newRow("no dt") << R"("timed_array": "inp", "values": [1])"
                               << "'inp', field 'protocol[1].set[0].dt': missing field 'dt'";
        QTest::newRow("a name beside it")
            << R"("timed_array": "inp", "name": "x", "dt": "1*ms", "values": [1])"
            << "'model', field 'protocol[1].set[0].name': unknown field 'name' in an entry that "
               "replaces a TimedArray";
        QTest::newRow("an unknown field")
            << R"("timed_array": "inp", "dt": "1*ms", "values": [1], "object": "G")"
            << "'inp', field 'protocol[1].set[0].object'";
    }

    void badTimedArraysAreRefusedNamingTheEntry() {
        QFETCH(QString, entry);
        QFETCH(QString, message);
        const std::string text = R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "timed_arrays": [{"name": "inp", "dt": "1*ms", "values": [1, 2]}],
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 1, "equations": "v = inp(t) : 1"}],
  "protocol": [{"duration": "10*ms"}, {"duration": "10*ms", "set": [{)j" +
                                 entry.toStdString() + "}]}]}";
        const QString problem = QString::fromStdString(problemOf(text));
        QVERIFY2(problem.contains(message), qPrintable(problem));
        QVERIFY(!problem.contains('\n'));
    }

    void commandLineDurationIsRefused() {
        const QString path = dir_.filePath("protocol.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(model(kChanges)));
        file.close();
        const CliResult result =
            runCli({"run", path, "--duration", "5*ms", "--csv", dir_.filePath("out")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("a duration given for the run cannot replace them"),
                 qPrintable(result.err));
        QVERIFY(!QFile::exists(dir_.filePath("out")));
        const CliResult ran = runCli({"run", path, "--csv", dir_.filePath("out")});
        QCOMPARE(ran.exitCode, 0);
        QVERIFY(QFile::exists(dir_.filePath("out/M.csv")));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
