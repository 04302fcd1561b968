// Scheduling as in Brian2: `when` and `order` on the objects Brian2 takes them
// on, `active`, and the `run_regularly` operations of NeuronGroups and Synapses. Read and
// written back (and left out when unused), refused with one line naming
// object and field, and run where Brian2 runs them: on their own clock, in
// their slot, by order then name; inactive objects do not run.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/ModelProblem.h"

#include <QtTest>
#include <map>

using namespace spikestudio;

namespace {

/// Two groups whose run_regularly draw from the one random stream, a
/// group that may be inactive, and monitors in chosen slots.
std::string model(const std::string& aRunRegularly, const std::string& cExtra = "",
                  const std::string& monitorExtra = "") {
    return R"({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "5*ms", "seed": 3,
  "groups": [
    {"name": "A", "type": "NeuronGroup", "N": 3, "equations": "dv/dt = (I - v)/(5*ms) : volt\nI : volt",
     "threshold": "v > 10*mV", "reset": "v = 0*mV", "run_regularly": [)" +
           aRunRegularly + R"(]},
    {"name": "B", "type": "NeuronGroup", "N": 3, "equations": "I : volt",
     "run_regularly": [{"code": "I = rand()*mV", "dt": "1*ms"}]},
    {"name": "C", "type": "NeuronGroup", "N": 2, "equations": "dv/dt = (20*mV - v)/(5*ms) : volt",
     "initial": {"v": "2*mV"})" +
           cExtra + R"(}],
  "monitors": [
    {"name": "a", "type": "StateMonitor", "source": "A", "variables": ["v", "I"], "record": true},
    {"name": "c", "type": "StateMonitor", "source": "C", "variables": ["v"], "record": true)" +
           monitorExtra + R"(}]
})";
}

const char* const kDraw = R"({"code": "I = rand()*30*mV", "dt": "1*ms"})";

/// A group of 5 with the subgroup Gs = G[1:4] and `operations` as its
/// run_regularly; every neuron's I and J recorded.
std::string subgroupModel(const std::string& operations) {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "3*ms",
  "seed": 5, "groups": [{"name": "G", "type": "NeuronGroup", "N": 5,
    "equations": "I : volt\nJ : 1", "subgroups": [{"name": "Gs", "start": 1, "stop": 4}],
    "run_regularly": [)" +
           operations + R"(]}],
  "monitors": [{"name": "g", "type": "StateMonitor", "source": "G", "variables": ["I", "J"],
                "record": true, "when": "end"}]})";
}

/// Synapses S from G (3) onto H (2), all pairs, w = i + 10*j, with
/// `operations` as S's run_regularly; H's acc and S's n recorded at the end.
std::string synapsesModel(const std::string& operations) {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "5*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 3, "equations": "I : 1"},
             {"name": "H", "type": "NeuronGroup", "N": 2, "equations": "acc : 1"}],
  "synapses": [{"name": "S", "source": "G", "target": "H", "model": "w : 1\nn : 1",
                "connect": {}, "initial": {"w": "i + 10*j"}, "run_regularly": [)" +
           operations + R"(]}],
  "monitors": [{"name": "h", "type": "StateMonitor", "source": "H", "variables": ["acc"],
                "record": true, "when": "end"},
               {"name": "s", "type": "StateMonitor", "source": "S", "variables": ["n"],
                "record": true, "when": "end"}]})";
}

std::unique_ptr<Network> run(const std::string& json) {
    const CheckedModel checked = checkModel(readModel(json));
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    return network;
}

const StateRecord& record(const Network& network, const std::string& monitor) {
    for (const StateRecord& record : network.stateRecords())
        if (record.monitor == monitor)
            return record;
    throw std::runtime_error("no monitor " + monitor);
}

/// Column `column` of monitor `monitor`, row by row.
std::vector<double> column(const Network& network, const std::string& monitor, size_t column) {
    const StateRecord& states = record(network, monitor);
    std::vector<double> values;
    for (size_t row = 0; row < states.rowCount(); ++row)
        values.push_back(states.value(row, column));
    return values;
}

} // namespace

class TestSchedule : public QObject {
    Q_OBJECT

private slots:
    void fieldsAreReadAndWrittenBack() {
        const std::string json = model(
            R"({"name": "draw", "code": "I = rand()*30*mV", "dt": "1*ms", "when": "before_groups", "order": -2})",
            R"(, "order": 4, "active": false)", R"(, "when": "after_end", "order": 7)");
        const Model read = readModel(json);
        const RunRegularlySpec& draw = read.groups[0].runRegularly.at(0);
        QCOMPARE(draw.name, std::string("draw"));
        QCOMPARE(draw.when, std::string("before_groups"));
        QCOMPARE(draw.order.value_or(0), -2LL);
        QCOMPARE(read.groups[2].order.value_or(0), 4LL);
        QVERIFY(!read.groups[2].active);
        QCOMPARE(read.monitors[1].when, std::string("after_end"));
        const std::string written = writeModelJson(read);
        const Model again = readModel(written);
        QCOMPARE(writeModelJson(again), written);
        QCOMPARE(again.groups[0].runRegularly.at(0).code, draw.code);
        QVERIFY(!again.groups[2].active);
        QCOMPARE(again.monitors[1].order.value_or(0), 7LL);
    }

    void unusedFieldsAreNotWritten() {
        const std::string written = writeModelJson(readModel(model(kDraw)));
        QVERIFY(written.find("\"when\"") == std::string::npos);
        QVERIFY(written.find("\"order\"") == std::string::npos);
        QVERIFY(written.find("\"active\"") == std::string::npos);
    }

    void badInputIsRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown slot")
            << QString::fromStdString(model(kDraw, "", R"(, "when": "ends")"))
            << "'c', field 'when': unknown schedule slot 'ends' (before_start, start, after_start, "
               "before_groups, groups, after_groups, before_thresholds, thresholds, "
               "after_thresholds, before_synapses, synapses, after_synapses, before_resets, "
               "resets, after_resets, before_end, end, after_end)";
        QTest::newRow("order not an integer")
            << QString::fromStdString(model(kDraw, R"(, "order": "1")"))
            << "'C', field 'order': expected an integer";
        QTest::newRow("order beyond an int")
            << QString::fromStdString(model(kDraw, R"(, "order": 3000000000)"))
            << "'C', field 'order': expected an integer from -2147483648 to 2147483647, got "
               "3000000000";
        QTest::newRow("active not a boolean")
            << QString::fromStdString(model(kDraw, R"(, "active": 0)"))
            << "'C', field 'active': expected true or false";
        QTest::newRow("when on a NeuronGroup")
            << QString::fromStdString(model(kDraw, R"(, "when": "end")"))
            << "'C', field 'when': 'when' only applies to a SpikeGeneratorGroup";
        QTest::newRow("run_regularly not a list")
            << QString::fromStdString(model(kDraw, R"(, "run_regularly": {"code": "v = 0*mV"})"))
            << "'C', field 'run_regularly': expected a list of operations";
        QTest::newRow("entry without code")
            << QString::fromStdString(model(R"({"dt": "1*ms"})"))
            << "'A', field 'run_regularly[0].code': missing field 'code'";
        QTest::newRow("entry with an unknown field")
            << QString::fromStdString(model(R"({"code": "v = 0*mV", "clock": "1*ms"})"))
            << "'A', field 'run_regularly[0]': unknown field 'clock'";
        QTest::newRow("entry order not an integer")
            << QString::fromStdString(model(R"({"code": "v = 0*mV", "order": 1.5})"))
            << "'A', field 'run_regularly[0].order': expected an integer";
        QTest::newRow("negative dt")
            << QString::fromStdString(model(R"({"code": "v = 0*mV", "dt": "-1*ms"})"))
            << "'A', field 'run_regularly[0].dt', line 1, column 1: '-1*ms' must be a positive "
               "finite time";
        QTest::newRow("entry slot unknown")
            << QString::fromStdString(model(R"({"code": "v = 0*mV", "when": "later"})"))
            << "'A', field 'run_regularly[0].when': unknown schedule slot 'later' (before_start, "
               "start, after_start, before_groups, groups, after_groups, before_thresholds, "
               "thresholds, after_thresholds, before_synapses, synapses, after_synapses, "
               "before_resets, resets, after_resets, before_end, end, after_end)";
        QTest::newRow("code writes an unknown variable")
            << QString::fromStdString(model(R"({"code": "u = 0*mV"})"))
            << "'A', field 'run_regularly[0].code', line 1, column 1: 'u' is not a variable of "
               "'A'";
        QTest::newRow("code in the wrong unit")
            << QString::fromStdString(model(R"({"code": "v = 3"})"))
            << "'A', field 'run_regularly[0].code', line 1, column 5: DimensionMismatchError: the "
               "expression '3' assigned to 'v' has unit 1, but 'v' has unit V";
        QTest::newRow("two entries with one name")
            << QString::fromStdString(model(
                   R"({"code": "v = 0*mV"}, {"code": "v = 1*mV", "name": "A_run_regularly"})"))
            << "'A', field 'run_regularly[1].name': another run_regularly of 'A' is already "
               "called 'A_run_regularly'";
        QTest::newRow("run_regularly on a subgroup the group lacks")
            << QString::fromStdString(subgroupModel(R"({"code": "J = 1", "subgroup": "Gx"})"))
            << "'G', field 'run_regularly[0].subgroup': 'Gx' is not one of the subgroups of 'G'";
        QTest::newRow("run_regularly subgroup not a string")
            << QString::fromStdString(subgroupModel(R"({"code": "J = 1", "subgroup": 1})"))
            << "'G', field 'run_regularly[0].subgroup': expected a string";
        QTest::newRow("run_regularly on synapses with a subgroup")
            << QString::fromStdString(synapsesModel(R"({"code": "n = 1", "subgroup": "Gs"})"))
            << "'S', field 'run_regularly[0].subgroup': a Synapses object has no subgroups to run "
               "code for";
        QTest::newRow("run_regularly on synapses writing an unknown variable")
            << QString::fromStdString(synapsesModel(R"({"code": "z = 1"})"))
            << "'S', field 'run_regularly[0].code', line 1, column 1: 'z' is not a variable of 'S' "
               "or its groups";
        QTest::newRow("run_regularly on synapses writing the delay")
            << QString::fromStdString(synapsesModel(R"({"code": "delay = 1*ms"})"))
            << "'S', field 'run_regularly[0].code', line 1, column 1: 'delay' is not a variable "
               "of 'S' or its groups";
        QTest::newRow("run_regularly on synapses with a bad dt")
            << QString::fromStdString(synapsesModel(R"({"code": "n = 1", "dt": "2*mV"})"))
            << "'S', field 'run_regularly[0].dt', line 1, column 1: DimensionMismatchError: "
               "'2*mV' must be a time, but has unit V";
        QTest::newRow("order of a SpikeMonitor without when")
            << QString::fromStdString(R"({"format": "spikestudio-model", "version": 1,
                 "duration": "1*ms", "groups": [{"name": "G", "type": "PoissonGroup", "N": 2,
                 "rates": "5*Hz"}], "monitors": [{"name": "s", "type": "SpikeMonitor",
                 "source": "G", "order": 1}]})")
            << "'s', field 'order': an 'order' needs a 'when' here (Brian2: 'Cannot specify "
               "order if when is not specified'); without both the monitor runs right after its "
               "source's threshold";
        QTest::newRow("when on a PopulationRateMonitor")
            << QString::fromStdString(R"({"format": "spikestudio-model", "version": 1,
                 "duration": "1*ms", "groups": [{"name": "G", "type": "PoissonGroup", "N": 2,
                 "rates": "5*Hz"}], "monitors": [{"name": "r", "type": "PopulationRateMonitor",
                 "source": "G", "when": "start"}]})")
            << "'r', field 'when': 'when' only applies to a SpikeMonitor or StateMonitor or "
               "EventMonitor";
    }

    void badInputIsRefused() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        QCOMPARE(QString::fromStdString(problemOf(json.toStdString())), message);
    }

    void aConditionalWriteIsRefusedNotRunDifferently() {
        const std::string json = R"json({"format": "spikestudio-model", "version": 1,
            "duration": "1*ms", "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
            "equations": "dv/dt = -v/(5*ms) : volt (unless refractory)", "threshold": "v > 1*mV",
            "refractory": "2*ms", "run_regularly": [{"code": "v = rand()*mV"}]}]})json";
        QCOMPARE(QString::fromStdString(problemOf(json)),
                 QString("'G', field 'run_regularly[0].code', line 1, column 1: 'v' is declared "
                         "(unless refractory); run_regularly code that writes it is not supported "
                         "yet"));
    }

    /// I is drawn at 0, 1, 2, ... ms only (before the monitor "a" records, by
    /// name: both run in slot start at order 0): between, it stays.
    void runRegularlyRunsOnItsOwnClock() {
        const auto network = run(model(kDraw));
        const std::vector<double> current = column(*network, "a", 3); // I[0]
        QCOMPARE(current.size(), size_t(50));
        for (size_t row = 1; row < current.size(); ++row)
            QCOMPARE(current[row] != current[row - 1], row % 10 == 0);
        QVERIFY(current[0] != 0.0);
    }

    /// A slow clock is due with a fast one when their times are within 1e-4
    /// of the smaller dt (Brian2's Network._nextclocks), not of its own: a
    /// counter stepped every 0.1 ms / 512 is set back at 10 ms after exactly
    /// 51,200 steps (within 1e-4 of 10 ms it was set back 5 steps early).
    void aSlowClockIsDueWithinTheFasterClocksTolerance() {
        const auto network = run(R"({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms/512", "duration": "10.01*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 1, "equations": "dn/dt = 1/dt : 1",
              "method": "euler", "run_regularly": [{"code": "n = 0", "dt": "10*ms"}]}],
  "monitors": [{"name": "m", "type": "StateMonitor", "source": "G", "variables": ["n"],
                "record": true, "dt": "0.1*ms", "when": "end"}]})");
        const std::vector<double> counts = column(*network, "m", 0);
        QCOMPARE(counts.size(), size_t(101));
        QCOMPARE(counts[99], 99.0 * 512 + 1); // at 9.9 ms: steps since the reset at 0
        QCOMPARE(counts[100], 1.0);           // set back at 10 ms, then one step
    }

    /// A's run_regularly draws before B's by name; with order 1 after it, so
    /// A gets the numbers B got and the other way round.
    void orderDecidesWhichOperationDrawsFirst() {
        const auto byName = run(model(kDraw));
        const auto later = run(model(R"({"code": "I = rand()*30*mV", "dt": "1*ms", "order": 1})"));
        const std::vector<double> first = column(*byName, "a", 3);
        const std::vector<double> second = column(*later, "a", 3);
        QVERIFY(first[1] != second[1]);
        QVERIFY(first[1] > 0.0 && second[1] > 0.0);
    }

    /// A StateMonitor in the end slot records after the step's update: its
    /// first row already moved, the start slot's is the initial value.
    void aMonitorAtTheEndRecordsAfterTheUpdate() {
        const auto atStart = run(model(kDraw));
        const auto atEnd = run(model(kDraw, "", R"(, "when": "end")"));
        QCOMPARE(column(*atStart, "c", 0).front(), 0.002);
        QVERIFY(column(*atEnd, "c", 0).front() > 0.002);
        QCOMPARE(column(*atEnd, "c", 0).front(), column(*atStart, "c", 0).at(1));
    }

    /// Brian2's `Gs.run_regularly(...)`: only the slice's neurons change, `i`
    /// counts from the slice's start, and rand() draws one number per neuron
    /// of the slice: the whole group's operation after it gets the numbers
    /// that follow.
    void runRegularlyOnASubgroupRunsForItsSliceOnly() {
        const std::string onSlice = R"({"code": "J = i + 1\nI = rand()*mV", "subgroup": "Gs"})";
        const std::string onGroup = R"({"name": "z", "code": "I = rand()*mV + I"})";
        const auto network = run(subgroupModel(onSlice));
        const StateRecord& states = record(*network, "g");
        for (long long neuron = 0; neuron < 5; ++neuron) {
            const bool inSlice = neuron >= 1 && neuron < 4;
            QCOMPARE(states.value(0, 5 + neuron), inSlice ? double(neuron) : 0.0); // J = i + 1
            QCOMPARE(states.value(0, neuron) != 0.0, inSlice);
        }
        // The slice drew 3 numbers per step; the whole group's z, by name
        // after it, draws the next 5.
        const auto both = run(subgroupModel(onSlice + ", " + onGroup));
        const auto alone = run(subgroupModel(onGroup));
        QVERIFY(record(*both, "g").value(0, 0) != record(*alone, "g").value(0, 0));
        const std::string written = writeModelJson(readModel(subgroupModel(onSlice)));
        QVERIFY(written.find(R"("subgroup": "Gs")") != std::string::npos);
        QVERIFY(writeModelJson(readModel(subgroupModel(onGroup))).find("\"subgroup\"") ==
                std::string::npos);
    }

    /// Brian2's `S.run_regularly(...)`: every synapse on the operation's own
    /// clock; code writing a postsynaptic variable writes it once per synapse,
    /// in synapse order (acc = 2*acc + w is not commutative).
    void runRegularlyOnSynapsesRunsForEverySynapseInOrder() {
        const auto network = run(synapsesModel(
            R"({"code": "n += 1", "dt": "1*ms"},
               {"code": "acc_post = 2*acc_post + w", "dt": "5*ms", "when": "end"})"));
        // Synapses (0,0), (0,1), (1,0), ... with w 0, 10, 1, 11, 2, 12.
        QCOMPARE(column(*network, "h", 0).front(), ((0.0 * 2 + 1) * 2 + 2));
        QCOMPARE(column(*network, "h", 1).front(), ((10.0 * 2 + 11) * 2 + 12));
        QCOMPARE(column(*network, "h", 0).back(), column(*network, "h", 0).front());
        for (size_t synapse = 0; synapse < 6; ++synapse) {
            const std::vector<double> counts = column(*network, "s", synapse);
            QCOMPARE(counts.at(9), 1.0);  // at 0 ms
            QCOMPARE(counts.at(10), 2.0); // at 1 ms
            QCOMPARE(counts.back(), 5.0);
        }
        const std::string written =
            writeModelJson(readModel(synapsesModel(R"({"code": "n += 1", "dt": "1*ms"})")));
        QVERIFY(written.find(R"("run_regularly": [)") != std::string::npos);
    }

    void anInactiveGroupKeepsItsState() {
        const auto network = run(model(kDraw, R"(, "active": false)"));
        for (double v : column(*network, "c", 0))
            QCOMPARE(v, 0.002);
        const auto active = run(model(kDraw));
        QVERIFY(column(*active, "c", 0).back() > 0.01);
    }

    /// `run --profile`: every operation counts its calls on its own clock
    /// (run_regularly every 1 ms: 5 in 5 ms, the rest every 0.1 ms: 50) and
    /// the time they took; an inactive one is never called; without
    /// profiling nothing is counted.
    void profilingCountsEachOperationOnItsClock() {
        const CheckedModel checked = checkModel(readModel(model(kDraw, R"(, "active": false)")));
        auto network = buildNetwork(checked);
        network->scheduler().setProfiling(true);
        network->run(checked.duration);
        std::map<std::string, OperationCost> costs;
        for (const Operation& operation : network->scheduler().operations())
            costs[operation.name] = operation.cost;
        // A's threshold runs in its state update's kernel (docs/architecture.md).
        QCOMPARE(costs.at("A_stateupdater+A_spike_thresholder").calls, 50LL);
        QCOMPARE(costs.at("A_run_regularly").calls, 5LL);
        QCOMPARE(costs.at("B_run_regularly").calls, 5LL);
        QCOMPARE(costs.at("a").calls, 50LL);
        QCOMPARE(costs.at("C_stateupdater").calls, 0LL);
        QVERIFY(costs.at("A_stateupdater+A_spike_thresholder").seconds > 0.0);

        auto unprofiled = buildNetwork(checked);
        unprofiled->run(checked.duration);
        for (const Operation& operation : unprofiled->scheduler().operations())
            QCOMPARE(operation.cost.calls, 0LL);
    }

    void anInactiveMonitorRecordsNothing() {
        const auto network = run(model(kDraw, "", R"(, "active": false)"));
        QCOMPARE(record(*network, "c").rowCount(), size_t(0));
        QCOMPARE(record(*network, "a").rowCount(), size_t(50));
    }
};

QTEST_APPLESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
