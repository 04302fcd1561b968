// Subgroups, Brian2's `Pe = P[start:stop]`: read and written back (a model
// without them byte for byte as before), refused with one line naming the
// group and the subgroup's field, and run with Brian2's indexing: synapses
// connect in the subgroup's own indices (i, j, N_pre, N_post from its start),
// monitors record a subgroup's elements with indices counted from its start,
// a PoissonInput drives only the subgroup's neurons. Numbers against Brian2
// are in tst_reference (tests/reference/models/subgroups_cuba.json).
#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/ModelProblem.h"
#include "support/PlainValues.h"

#include <QtTest>
#include <fstream>
#include <sstream>

using namespace spikestudio;

namespace {

/// Odd neurons of G start above threshold and spike in the first step.
/// `mid` = G[4:8]: its odd members 5 and 7 are its i = 1 and 3.
std::string modelWith(const std::string& subgroups, const std::string& synapses,
                      const std::string& monitors, const std::string& inputs = "") {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "1*ms",
  "seed": 3,
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 10,
    "equations": "v : 1\nx : 1\ny : 1\nz : 1", "threshold": "v > 0.5",
    "reset": "v = 0", "initial": {"v": "i % 2", "z": "10"}, "subgroups": )" +
           subgroups + R"(},
   {"name": "gen", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0], "times": ["0*ms"]}],
  "synapses": )" +
           synapses + R"(,)" + (inputs.empty() ? "" : R"( "poisson_inputs": )" + inputs + ",") +
           R"( "monitors": )" + monitors + "}";
}

const char* const kSubgroups =
    R"([{"name": "mid", "start": 4, "stop": 8}, {"name": "low", "start": 0, "stop": 4}])";
const char* const kSynapses =
    R"([{"name": "S", "source": "mid", "target": "low", "model": "w : 1",
         "on_pre": "x += i + 10*N_pre + 100*N_post", "connect": {"condition": "j == i"},
         "initial": {"w": "i + 10*j"}}])";

std::string problemOfSubgroups(const std::string& subgroups) {
    return problemOf(modelWith(subgroups, "[]", "[]"));
}

std::unique_ptr<Network> run(const std::string& json, CheckedModel& checked) {
    checked = checkModel(readModel(json));
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    return network;
}

} // namespace

class TestSubgroups : public QObject {
    Q_OBJECT

private slots:
    void readsAndWritesSubgroups() {
        const Model model = readModel(modelWith(kSubgroups, kSynapses, "[]"));
        QCOMPARE(model.groups[0].subgroups.size(), size_t(2));
        QCOMPARE(model.groups[0].subgroups[0].name, std::string("mid"));
        QCOMPARE(model.groups[0].subgroups[0].start, 4LL);
        QCOMPARE(model.groups[0].subgroups[0].stop, 8LL);
        const std::string written = writeModelJson(model);
        QVERIFY(written.find("\"subgroups\"") != std::string::npos);
        const Model again = readModel(written);
        QCOMPARE(writeModelJson(again), written);
        QCOMPARE(again.groups[0].subgroups[1].name, std::string("low"));
        QCOMPARE(again.groups[0].subgroups[1].stop, 4LL);
    }

    void writesModelsWithoutSubgroupsAsBefore() {
        // A committed model written by the writer before subgroups existed.
        std::ifstream file(SPIKESTUDIO_SOURCE_DIR "/tests/reference/models/cuba_network.json");
        std::stringstream text;
        text << file.rdbuf();
        const std::string written = writeModelJson(readModel(text.str()));
        QVERIFY(written.find("subgroups") == std::string::npos);
        QCOMPARE(writeModelJson(readModel(written)), written);
    }

    void refusesMalformedSubgroups_data() {
        QTest::addColumn<QString>("subgroups");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a list") << R"({"name": "a"})"
                                    << "'G', field 'subgroups': expected an array";
        QTest::newRow("not an object")
            << "[3]"
            << "'G', field 'subgroups[0]': expected an object with 'name', 'start' and "
               "'stop'";
        QTest::newRow("unknown key") << R"([{"name": "a", "start": 0, "stop": 2, "step": 1}])"
                                     << "'G', field 'subgroups[0]': unknown field 'step'";
        QTest::newRow("no name") << R"([{"start": 0, "stop": 2}])"
                                 << "'G', field 'subgroups[0].name': expected the subgroup's name "
                                    "as a string";
        QTest::newRow("start as text") << R"([{"name": "a", "start": "0", "stop": 2}])"
                                       << "'G', field 'subgroups[0].start': expected an integer";
        QTest::newRow("no stop") << R"([{"name": "a", "start": 0}])"
                                 << "'G', field 'subgroups[0].stop': expected an integer";
        QTest::newRow("fractional stop") << R"([{"name": "a", "start": 0, "stop": 2.5}])"
                                         << "'G', field 'subgroups[0].stop': expected an integer";
        QTest::newRow("negative start")
            << R"([{"name": "a", "start": -1, "stop": 2}])"
            << "'G', field 'subgroups[0].start': subgroup 'a' starts at -1; a start must be 0 or "
               "more";
        QTest::newRow("beyond the group")
            << R"([{"name": "a", "start": 0, "stop": 2}, {"name": "b", "start": 5, "stop": 11}])"
            << "'G', field 'subgroups[1].stop': subgroup 'b' stops at 11, beyond the 10 elements "
               "of 'G'";
        QTest::newRow("empty") << R"([{"name": "a", "start": 3, "stop": 3}])"
                               << "'G', field 'subgroups[0].stop': subgroup 'a' is empty: its "
                                  "start 3 is not below its stop 3 (the stop is exclusive)";
        // G's subgroups claim their names before the group after G does.
        QTest::newRow("a group's name") << R"([{"name": "gen", "start": 0, "stop": 2}])"
                                        << "'gen', field 'name': another group or object is "
                                           "already called 'gen'";
        QTest::newRow("its group's name") << R"([{"name": "G", "start": 0, "stop": 2}])"
                                          << "'G', field 'subgroups[0].name': another subgroup or "
                                             "object is already called 'G'";
        QTest::newRow("twice") << R"([{"name": "a", "start": 0, "stop": 2},
                                     {"name": "a", "start": 2, "stop": 4}])"
                               << "'G', field 'subgroups[1].name': another subgroup or object is "
                                  "already called 'a'";
        QTest::newRow("not a name") << R"([{"name": "2a", "start": 0, "stop": 2}])"
                                    << "'G', field 'subgroups[0].name': '2a' is not a valid name "
                                       "(letters, digits and '_', not starting with a digit)";
    }

    void refusesMalformedSubgroups() {
        QFETCH(QString, subgroups);
        QFETCH(QString, message);
        QCOMPARE(QString::fromStdString(problemOfSubgroups(subgroups.toStdString())), message);
    }

    void acceptsOverlappingSubgroups() {
        QCOMPARE(problemOfSubgroups(R"([{"name": "a", "start": 0, "stop": 6},
                                        {"name": "b", "start": 4, "stop": 10}])"),
                 std::string("(accepted)"));
    }

    void refusesSubgroupsOfASpikeGenerator() {
        const std::string json = R"({"format": "spikestudio-model", "version": 1,
          "duration": "1*ms", "groups": [{"name": "gen", "type": "SpikeGeneratorGroup", "N": 2,
          "indices": [0], "times": ["0*ms"], "subgroups": []}]})";
        QCOMPARE(problemOf(json), std::string("'gen', field 'subgroups': 'subgroups' only applies "
                                              "to a NeuronGroup or PoissonGroup"));
    }

    void refusesUnknownSubgroupReferences() {
        const std::string synapses =
            R"([{"name": "S", "source": "middle", "target": "G", "on_pre": "x += 1"}])";
        QCOMPARE(problemOf(modelWith(kSubgroups, synapses, "[]")),
                 std::string("'S', field 'source': unknown source group 'middle'"));
        const std::string monitor =
            R"([{"name": "m", "type": "StateMonitor", "source": "mid", "variables": ["x"],
                 "record": [4]}])";
        QCOMPARE(problemOf(modelWith(kSubgroups, "[]", monitor)),
                 std::string("'m', field 'record': index 4 is out of range for 'mid' of size 4"));
    }

    void poissonInputNeedsANeuronGroupsSubgroup() {
        const std::string inputs =
            R"([{"name": "in", "target": "mid", "variable": "v", "N": 1, "rate": "1*Hz",
                 "weight": "1"}])";
        QCOMPARE(problemOf(modelWith(kSubgroups, "[]", "[]", inputs)), std::string("(accepted)"));
    }

    void synapsesCountFromTheSubgroupsStart() {
        CheckedModel checked;
        const auto network = run(modelWith(kSubgroups, kSynapses, "[]"), checked);
        const SynapseState& s = network->synapses()[0];
        QCOMPARE(s.pre, (std::vector<std::int32_t>{4, 5, 6, 7}));
        QCOMPARE(s.post, (std::vector<std::int32_t>{0, 1, 2, 3}));
        QCOMPARE(plainValues(s.variables.at("w")), (std::vector<double>{0, 11, 22, 33}));
        // mid's i = 1 and 3 spiked: x += i + 10*4 + 100*4 on low's j = 1 and 3.
        const auto& x = network->groups()[0].variables.at("x");
        QCOMPARE(plainValues(x), (std::vector<double>{0, 441, 0, 443, 0, 0, 0, 0, 0, 0}));
    }

    void monitorsRecordTheSubgroupFromItsStart() {
        const std::string monitors = R"([
          {"name": "spikes", "type": "SpikeMonitor", "source": "mid"},
          {"name": "events", "type": "EventMonitor", "source": "mid", "variables": ["v"]},
          {"name": "rate", "type": "PopulationRateMonitor", "source": "mid"},
          {"name": "trace", "type": "StateMonitor", "source": "low", "variables": ["x"],
           "record": [3, 1]},
          {"name": "all", "type": "StateMonitor", "source": "mid", "variables": ["v"]}])";
        CheckedModel checked;
        const auto network = run(modelWith(kSubgroups, kSynapses, monitors), checked);
        for (const SpikeRecord& record : network->spikeRecords()) {
            QCOMPARE(record.indices, (std::vector<std::int32_t>{1, 3}));
            QCOMPARE(record.countPerNeuron, (std::vector<std::int64_t>{0, 1, 0, 1}));
            QCOMPARE(record.source, std::string("mid"));
        }
        QCOMPARE(network->spikeRecords()[1].values, (std::vector<double>{1, 1}));
        const RateRecord& rate = network->rateRecords()[0];
        QCOMPARE(rate.rates[0], 2.0 / (4 * 1e-4));
        QCOMPARE(rate.rates[1], 0.0);
        const StateRecord& trace = network->stateRecords()[0];
        QCOMPARE(trace.columns.size(), size_t(2));
        QCOMPARE(trace.columns[0].index, 3);
        QCOMPARE(trace.columns[1].index, 1);
        QCOMPARE(trace.values[0], 0.0);   // t = 0: before the spikes arrive
        QCOMPARE(trace.values[2], 443.0); // t = dt: x of G's neuron 3
        QCOMPARE(trace.values[3], 441.0);
        const StateRecord& all = network->stateRecords()[1];
        QCOMPARE(all.columns.size(), size_t(4));
        QCOMPARE(all.columns[3].index, 3);
        QCOMPARE(std::vector<double>(all.values.begin(), all.values.begin() + 4),
                 (std::vector<double>{0, 1, 0, 1})); // v of G's 4..7 at t = 0
    }

    void summedVariablesWriteOnlyTheirSubgroups() {
        const std::string synapses = R"json([
          {"name": "A", "source": "gen", "target": "low", "model": "z_post = 5 : 1 (summed)",
           "connect": {"condition": "i == 0"}},
          {"name": "B", "source": "gen", "target": "mid", "model": "z_post = 1 : 1 (summed)",
           "connect": {"condition": "i == 0"}}])json";
        CheckedModel checked;
        const auto network = run(modelWith(kSubgroups, synapses, "[]"), checked);
        QCOMPARE(plainValues(network->groups()[0].variables.at("z")),
                 (std::vector<double>{5, 5, 5, 5, 1, 1, 1, 1, 10, 10}));
        const std::string overlapping =
            R"([{"name": "mid", "start": 4, "stop": 8}, {"name": "low", "start": 0, "stop": 5}])";
        QCOMPARE(problemOf(modelWith(overlapping, synapses, "[]")),
                 std::string("'B', field 'model': 'z' of 'G' is already written by the summed "
                             "variable of 'A'; only one summed variable may write it (onto "
                             "subgroups, only onto subgroups that do not overlap)"));
    }

    void poissonInputDrivesOnlyTheSubgroup() {
        const std::string inputs =
            R"([{"name": "in", "target": "mid", "variable": "y", "N": 20, "rate": "1000*Hz",
                 "weight": "1 + 1000*i + 1000000*N"}])";
        CheckedModel checked;
        const auto network = run(modelWith(kSubgroups, "[]", "[]", inputs), checked);
        const auto& y = network->groups()[0].variables.at("y");
        for (int k = 0; k < 10; ++k) {
            if (k < 4 || k >= 8) {
                QCOMPARE(y[k], 0.0);
                continue;
            }
            // Each input adds 1 + 1000*(k - 4) + 1e6*4 (i and N the subgroup's).
            const double weight = 1 + 1000.0 * (k - 4) + 4e6;
            const double inputsReceived = y[k] / weight;
            QVERIFY2(inputsReceived > 5 && inputsReceived == std::round(inputsReceived),
                     qPrintable(QString("neuron %1: y = %2").arg(k).arg(y[k])));
        }
    }
};

QTEST_APPLESS_MAIN(TestSubgroups)
#include "tst_subgroups.moc"
