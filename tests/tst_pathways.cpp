// Several synaptic pathways per Synapses object, Brian2's
// `on_pre={'up': ..., 'down': ...}`, `S.post.delay`, `on_event`: read and
// written back (a model with only on_pre / on_post / delay byte for byte as
// before), refused with one line naming the object and the pathway's field,
// and run with Brian2's semantics: a queue per pathway, each with its own
// delay (a post pathway's in steps of the target's clock), pathways of one
// direction in the order of their names. Numbers against Brian2 are in
// tst_reference (tests/reference/models/synapses_pathways_stdp_delays.json),
// both tiers in tst_tiers.
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

/// `gen` spikes once at 1 ms; G (one neuron, no threshold) holds the
/// variables pathways write; H spikes in every step once its v is set.
std::string modelWith(const std::string& synapses) {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "10*ms",
  "seed": 5,
  "groups": [{"name": "gen", "type": "SpikeGeneratorGroup", "N": 1, "indices": [0], "times": ["1*ms"]},
   {"name": "G", "type": "NeuronGroup", "N": 1, "equations": "x : 1\ny : 1\na : 1\nb : 1"},
   {"name": "H", "type": "NeuronGroup", "N": 1, "equations": "v : 1", "threshold": "v > 0"}],
  "synapses": )" +
           synapses + R"(,
  "monitors": [{"name": "trace", "type": "StateMonitor", "source": "G",
                "variables": ["x", "y", "a", "b"], "record": true}]})";
}

std::string synapsesWith(const std::string& fields) {
    return R"([{"name": "S", "source": "gen", "target": "G", "connect": {}, )" + fields + "}]";
}

std::string problemOfSynapses(const std::string& fields) {
    return problemOf(modelWith(synapsesWith(fields)));
}

/// The message building the network (not checking it) of S with `fields`
/// gives, or "(built)".
std::string buildProblemOfSynapses(const std::string& fields) {
    const CheckedModel checked = checkModel(readModel(modelWith(synapsesWith(fields))));
    try {
        buildNetwork(checked);
    } catch (const ModelError& error) {
        return error.what();
    }
    return "(built)";
}

const char* const kTwoPre =
    R"("pathways": [{"name": "up", "direction": "pre", "code": "x_post += 1", "delay": "2*ms"},
                    {"name": "down", "direction": "pre", "code": "y_post += 1", "delay": "5*ms",
                     "event": "spike"}])";

/// The first recorded time (s) at which `variable` of G is not 0.
double firstChange(const Network& network, const std::string& variable) {
    const StateRecord& record = network.stateRecords().front();
    for (size_t c = 0; c < record.columns.size(); ++c)
        if (record.columns[c].variable == variable)
            for (size_t row = 0; row < record.rowCount(); ++row)
                if (record.value(row, c) != 0.0)
                    return record.times[row];
    return -1.0;
}

std::unique_ptr<Network> run(const std::string& json) {
    const CheckedModel checked = checkModel(readModel(json));
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    return network;
}

double finalValue(const Network& network, const std::string& variable) {
    return network.groups()[1].variables.at(variable)[0];
}

} // namespace

class TestPathways : public QObject {
    Q_OBJECT

private slots:
    void readsAndWritesPathways() {
        const Model model = readModel(modelWith(synapsesWith(kTwoPre)));
        const std::vector<PathwaySpec>& pathways = model.synapses[0].pathways;
        QCOMPARE(pathways.size(), size_t(2));
        QCOMPARE(pathways[0].name, std::string("up"));
        QCOMPARE(pathways[0].direction, std::string("pre"));
        QCOMPARE(pathways[0].code, std::string("x_post += 1"));
        QCOMPARE(pathways[0].delay, std::string("2*ms"));
        QCOMPARE(pathways[0].event, std::string(""));
        QCOMPARE(pathways[1].delay, std::string("5*ms"));
        QCOMPARE(pathways[1].event, std::string("spike"));
        const std::string written = writeModelJson(model);
        QVERIFY(written.find("\"pathways\"") != std::string::npos);
        QVERIFY2(written.find("\"event\": \"spike\"") != std::string::npos, written.c_str());
        const Model again = readModel(written);
        QCOMPARE(writeModelJson(again), written);
        QCOMPARE(again.synapses[0].pathways[1].name, std::string("down"));
        QCOMPARE(again.synapses[0].pathways[0].event, std::string(""));
    }

    void readsAPlainNumberAsText() {
        const Model model = readModel(modelWith(synapsesWith(
            R"("pathways": [{"name": "up", "direction": "pre", "code": "", "delay": 0.005}])")));
        QCOMPARE(model.synapses[0].pathways[0].delay, std::string("0.005"));
    }

    void writesSimpleSynapsesAsBefore() {
        // Written by the writer before pathways existed, byte for byte.
        std::ifstream file(SPIKESTUDIO_SOURCE_DIR "/resources/examples/stdp_song2000.json");
        std::stringstream text;
        text << file.rdbuf();
        const Model model = readModel(text.str());
        QVERIFY(model.synapses[0].pathways.empty());
        const std::string written = writeModelJson(model);
        QVERIFY(written.find("pathways") == std::string::npos);
        QCOMPARE(writeModelJson(readModel(written)), written);
    }

    void refusesMalformedPathways_data() {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a list") << R"("pathways": {"name": "up"})"
                                    << "'S', field 'pathways': expected an array";
        QTest::newRow("not an object") << R"("pathways": ["up"])"
                                       << "'S', field 'pathways[0]': expected an object with "
                                          "'name', 'direction' and 'code'";
        QTest::newRow("unknown key")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": "", "delays": "1*ms"}])"
            << "'S', field 'pathways[0].delays': unknown field 'delays'";
        QTest::newRow("no name") << R"("pathways": [{"direction": "pre", "code": "x_post += 1"}])"
                                 << "'S', field 'pathways[0].name': missing field 'name'";
        QTest::newRow("no code") << R"("pathways": [{"name": "up", "direction": "pre"}])"
                                 << "'S', field 'pathways[0].code': missing field 'code'";
        QTest::newRow("code as a number")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": 3}])"
            << "'S', field 'pathways[0].code': expected the pathway's code as a string";
        QTest::newRow("delay as a list")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": "", "delay": [1]}])"
            << "'S', field 'pathways[0].delay': expected a time expression as a string";
        QTest::newRow("event as a number")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": "", "event": 1}])"
            << "'S', field 'pathways[0].event': expected the name of an event as a string";
    }

    void refusesMalformedPathways() {
        QFETCH(QString, fields);
        QFETCH(QString, message);
        QCOMPARE(QString::fromStdString(problemOfSynapses(fields.toStdString())), message);
    }

    void refusesMeaninglessPathways_data() {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("message");
        QTest::newRow("direction")
            << R"("pathways": [{"name": "up", "direction": "sideways", "code": "x_post += 1"}])"
            << "'S', field 'pathways[0].direction': expected \"pre\" or \"post\", not "
               "\"sideways\"";
        QTest::newRow("on_pre and a pre pathway")
            << R"("on_pre": "x_post += 1",
                  "pathways": [{"name": "up", "direction": "pre", "code": "y_post += 1"}])"
            << "'S', field 'pathways[0].direction': 'on_pre' and pathways of direction 'pre' "
               "cannot be combined; write the 'on_pre' code as the pathway 'pre' in 'pathways'";
        QTest::newRow("on_post and a post pathway")
            << R"("on_post": "x_post += 1", "pathways": [{"name": "p", "direction": "post",
                  "code": "y_post += 1"}])"
            << "'S', field 'pathways[0].direction': 'on_post' and pathways of direction 'post' "
               "cannot be combined; write the 'on_post' code as the pathway 'post' in "
               "'pathways'";
        QTest::newRow("a name twice")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": "x_post += 1"},
                               {"name": "up", "direction": "pre", "code": "y_post += 1"}])"
            << "'S', field 'pathways[1].name': another pathway of 'S' is already called 'up'";
        QTest::newRow("on_pre's name")
            << R"("on_pre": "x_post += 1",
                  "pathways": [{"name": "pre", "direction": "post", "code": "y_post += 1"}])"
            << "'S', field 'pathways[0].name': another pathway of 'S' is already called 'pre'";
        QTest::newRow("a variable's name")
            << R"("model": "w : 1", "pathways": [{"name": "w", "direction": "pre", "code": ""}])"
            << "'S', field 'pathways[0].name': 'w' is a variable of 'S'; a pathway needs a name "
               "of its own";
        QTest::newRow("not a name")
            << R"("pathways": [{"name": "2up", "direction": "pre", "code": ""}])"
            << "'S', field 'pathways[0].name': '2up' is not a valid name (letters, digits and "
               "'_', not starting with a digit)";
        QTest::newRow("a reserved name")
            << R"("pathways": [{"name": "delay", "direction": "pre", "code": ""}])"
            << "'S', field 'pathways[0].name': 'delay' is a name Brian2 reserves";
        QTest::newRow("an event the source lacks")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": "", "event": "custom"}])"
            << "'S', field 'pathways[0].event': 'gen' has no event 'custom' (its events: "
               "'spike')";
        QTest::newRow("a target without threshold")
            << R"("pathways": [{"name": "back", "direction": "post", "code": "x_post += 1"}])"
            << "'S', field 'pathways[0].event': 'G' has no event 'spike' (it has no events: no "
               "threshold)";
        QTest::newRow("the object's delay without on_pre")
            << QString(kTwoPre) + R"(, "delay": "1*ms")"
            << "'S', field 'delay': 'delay' is the delay of 'on_pre', which is not given; write "
               "each pathway's delay as its own 'delay' in 'pathways'";
        QTest::newRow("a delay that is not a time")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": "", "delay": "2*mV"}])"
            << "'S', field 'pathways[0].delay', line 1, column 1: DimensionMismatchError: the "
               "delay '2*mV' must be a time, but has unit V";
        QTest::newRow("bad code")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": "q_post += 1"}])"
            << "'S', field 'pathways[0].code', line 1, column 1: 'q_post' is not a variable of "
               "'S' or its groups";
        QTest::newRow("another pathway's delay in code")
            << R"("pathways": [{"name": "up", "direction": "pre", "code": "x_post += delay/ms"}])"
            << "'S', field 'pathways[0].code', line 1, column 1: 'delay' in the code of pathway "
               "'up' is not supported: only the pathway 'pre' reads its delay";
        QTest::newRow("delay set without the pathway 'pre'")
            << QString(kTwoPre) + R"(, "initial": [{"variable": "delay", "value": "1*ms"}])"
            << "'S', field 'initial[0].variable': 'delay' is the delay of the pathway 'pre', "
               "which 'S' does not have";
        QTest::newRow("delay set to a voltage")
            << R"("on_pre": "x_post += 1",
                  "initial": [{"variable": "delay", "value": "1*mV", "condition": "i == 0"}])"
            << "'S', field 'initial[0].value', line 1, column 2: DimensionMismatchError: the "
               "expression '1 * mV' assigned to 'delay' has unit V, but 'delay' has unit s";
        QTest::newRow("delay set for a pathway S does not have")
            << QString(kTwoPre) + R"(, "initial": [{"variable": "side.delay", "value": "1*ms"}])"
            << "'S', field 'initial[0].variable': 'S' has no pathway 'side' whose delay to set";
        QTest::newRow("the pathway 'pre''s delay by its pathway's name")
            << R"("on_pre": "x_post += 1", "initial": [{"variable": "pre.delay", "value": "1*ms"}])"
            << "'S', field 'initial[0].variable': the delay of the pathway 'pre' is the variable "
               "'delay' of 'S': write 'delay'";
        QTest::newRow("delays in the map form of initial")
            << QString(kTwoPre) + R"(, "initial": {"up.delay": "1*ms"})"
            << "'S', field 'initial.up.delay': delays are set in the list form of 'initial': "
               "[{\"variable\": \"up.delay\", \"value\": ...}]";
        QTest::newRow("a pathway's delay set to a voltage")
            << QString(kTwoPre) +
                   R"(, "initial": [{"variable": "up.delay", "value": "1*mV", "index": 0}])"
            << "'S', field 'initial[0].value', line 1, column 2: DimensionMismatchError: the "
               "expression '1 * mV' assigned to 'up.delay' has unit V, but 'up.delay' has unit s";
        QTest::newRow("delay set from numbers in volts")
            << R"("on_pre": "x_post += 1",
                  "initial": [{"variable": "delay", "value": [1], "unit": "mV"}])"
            << "'S', field 'initial[0].value': DimensionMismatchError: the values are in V, but "
               "'delay' has unit s";
    }

    void refusesMeaninglessPathways() {
        QFETCH(QString, fields);
        QFETCH(QString, message);
        QCOMPARE(QString::fromStdString(problemOfSynapses(fields.toStdString())), message);
    }

    void refusesNegativeDelayNamingThePathway() {
        QCOMPARE(buildProblemOfSynapses(
                     R"("pathways": [{"name": "up", "direction": "pre", "code": "x_post += 1"},
                            {"name": "down", "direction": "pre", "code": "", "delay": "-1*ms"}])"),
                 std::string("'S', field 'pathways[1].delay': the delay of synapse 0 is "
                             "-0.001000 s; delays must be non-negative"));
    }

    void delaysSetByConditionAndIndexReachTheQueue() {
        // Brian2's S.delay['i == 0'] = ...: two sources spike at 1 ms; the
        // delay field stays for synapses the list does not select.
        const std::string model = R"({"format": "spikestudio-model", "version": 1,
          "dt": "0.1*ms", "duration": "4*ms",
          "groups": [{"name": "gen", "type": "SpikeGeneratorGroup", "N": 3,
                      "indices": [0, 1, 2], "times": ["1*ms", "1*ms", "1*ms"]},
                     {"name": "G", "type": "NeuronGroup", "N": 3, "equations": "x : 1"}],
          "synapses": [{"name": "S", "source": "gen", "target": "G", "on_pre": "x_post += 1",
            "connect": {"i": [0, 1, 2], "j": [0, 1, 2]}, "delay": "1*ms",
            "initial": [{"variable": "delay", "condition": "i == 0", "value": "2.5*ms"},
                        {"variable": "delay", "index": 1, "value": "5*ms"}]}]})";
        const auto network = run(model);
        const auto& delays = network->synapses().front().variables.at("delay");
        QCOMPARE(plainValues(delays), (std::vector<double>{0.0025, 0.005, 0.001}));
        // Delivered by 4 ms: the 3.5 ms and the 2 ms arrivals, not the 6 ms one.
        QCOMPARE(plainValues(network->groups()[1].variables.at("x")),
                 (std::vector<double>{1, 0, 1}));
    }

    void aPathwaysDelaysSetByConditionAndIndexReachItsQueue() {
        // Brian2's S.down.delay['i == 0'] = ...: the pathway's delay field
        // stays for synapses the list does not select; 'up' keeps its own.
        const std::string model = R"({"format": "spikestudio-model", "version": 1,
          "dt": "0.1*ms", "duration": "4*ms",
          "groups": [{"name": "gen", "type": "SpikeGeneratorGroup", "N": 3,
                      "indices": [0, 1, 2], "times": ["1*ms", "1*ms", "1*ms"]},
                     {"name": "G", "type": "NeuronGroup", "N": 3, "equations": "x : 1\ny : 1"}],
          "synapses": [{"name": "S", "source": "gen", "target": "G",
            "connect": {"i": [0, 1, 2], "j": [0, 1, 2]},
            "pathways": [{"name": "up", "direction": "pre", "code": "x_post += 1"},
                         {"name": "down", "direction": "pre", "code": "y_post += 1",
                          "delay": "1*ms"}],
            "initial": [{"variable": "down.delay", "condition": "i == 0", "value": "2.5*ms"},
                        {"variable": "down.delay", "index": 1, "value": "5*ms"}]}]})";
        const auto network = run(model);
        QCOMPARE(network->synapses().front().pathwayDelays.at("down"),
                 (std::vector<double>{0.0025, 0.005, 0.001}));
        // Delivered by 4 ms: the 3.5 ms and the 2 ms arrivals, not the 6 ms one.
        QCOMPARE(plainValues(network->groups()[1].variables.at("y")),
                 (std::vector<double>{1, 0, 1}));
        QCOMPARE(plainValues(network->groups()[1].variables.at("x")),
                 (std::vector<double>{1, 1, 1}));
    }

    void aPathwaysDelaysDefaultToZeroOutsideTheList() {
        // Without a delay field, synapses the list does not select have none
        // (Brian2's per-synapse delays start at 0).
        const auto network = run(modelWith(synapsesWith(
            R"("pathways": [{"name": "up", "direction": "pre", "code": "x_post += 1"},
                            {"name": "down", "direction": "pre", "code": "y_post += 1"}],
               "initial": [{"variable": "down.delay", "condition": "i == 1", "value": "2*ms"}])")));
        QCOMPARE(network->synapses().front().pathwayDelays.at("down"), std::vector<double>{0.0});
        QCOMPARE(firstChange(*network, "y"), 0.0011);
    }

    void aNeuronsVariableMayBeCalledDelay() {
        // Brian2 reserves `delay` in Synapses only: in synaptic code it is the
        // synapse's own delay, the neuron's is `delay_post`.
        const std::string model = R"({"format": "spikestudio-model", "version": 1,
          "dt": "0.1*ms", "duration": "4*ms",
          "groups": [{"name": "gen", "type": "SpikeGeneratorGroup", "N": 1, "indices": [0],
                      "times": ["1*ms"]},
                     {"name": "G", "type": "NeuronGroup", "N": 1,
                      "equations": "x : 1\ndelay : second", "initial": {"delay": "3*ms"}}],
          "synapses": [{"name": "S", "source": "gen", "target": "G", "delay": "1*ms",
            "on_pre": "x_post += delay/ms + 10*delay_post/ms", "connect": {}}]})";
        QCOMPARE(plainValues(run(model)->groups()[1].variables.at("x")), std::vector<double>{31.0});
        std::string synapticDelay = model;
        synapticDelay.replace(synapticDelay.find(R"("delay": "1*ms",)"), 16,
                              R"("model": "delay : second",)");
        QCOMPARE(
            QString::fromStdString(problemOf(synapticDelay)),
            QString("'S', field 'model', line 1, column 1: 'delay' is a name Brian2 reserves"));
    }

    void negativeDelayFromTheListIsRefusedNamingItsEntry() {
        QCOMPARE(
            buildProblemOfSynapses(
                R"("model": "w : 1", "on_pre": "x_post += w", "initial": [{"variable": "w", "value": "1"},
                {"variable": "delay", "value": "-1*ms", "condition": "i == 0"}])"),
            std::string("'S', field 'initial[1].value': the delay of synapse 0 is "
                        "-0.001000 s; delays must be non-negative"));
    }

    void negativePathwayDelayFromTheListIsRefusedNamingItsLastEntry() {
        QCOMPARE(buildProblemOfSynapses(QString(kTwoPre).toStdString() + R"(, "initial": [
                {"variable": "down.delay", "value": "-1*ms", "condition": "i == 0"},
                {"variable": "up.delay", "value": "1*ms", "index": 0},
                {"variable": "down.delay", "value": "-2*ms", "index": 0}])"),
                 std::string("'S', field 'initial[2].value': the delay of synapse 0 is "
                             "-0.002000 s; delays must be non-negative"));
    }

    void aPathwaysDelaysCannotChangeBetweenRuns() {
        std::string model = modelWith(synapsesWith(kTwoPre));
        const std::string duration = R"("duration": "10*ms",)";
        model.erase(model.find(duration), duration.size());
        model.insert(model.rfind('}'), R"(, "protocol": [{"duration": "1*ms"}, {"duration": "1*ms",
            "set": [{"object": "S", "variable": "up.delay", "value": "1*ms"}]}])");
        QCOMPARE(QString::fromStdString(problemOf(model)),
                 QString("'S', field 'protocol[1].set[0].variable': the delays of 'S' cannot "
                         "change between runs: its spike queues are built once, before the "
                         "first"));
    }

    void delaysCannotChangeBetweenRuns() {
        std::string model = modelWith(synapsesWith(R"("on_pre": "x_post += 1")"));
        const std::string duration = R"("duration": "10*ms",)";
        model.erase(model.find(duration), duration.size()); // a protocol gives the durations
        model.insert(model.rfind('}'), R"(, "protocol": [{"duration": "1*ms"}, {"duration": "1*ms",
            "set": [{"object": "S", "variable": "delay", "value": "1*ms"}]}])");
        QCOMPARE(QString::fromStdString(problemOf(model)),
                 QString("'S', field 'protocol[1].set[0].variable': the delays of 'S' cannot "
                         "change between runs: its spike queues are built once, before the "
                         "first"));
    }

    void eachPrePathwayHasItsOwnDelay() {
        const auto network = run(modelWith(synapsesWith(kTwoPre)));
        // Spike at 1 ms; each delivery is seen by the monitor one step later.
        QCOMPARE(firstChange(*network, "x"), 0.0031);
        QCOMPARE(firstChange(*network, "y"), 0.0061);
    }

    void eachPostPathwayHasItsOwnDelay() {
        // G spikes when gen's spike reaches it through S; T listens to G's spikes.
        const std::string synapses = R"([
          {"name": "S", "source": "gen", "target": "H", "on_pre": "v_post = 1", "connect": {}},
          {"name": "T", "source": "G", "target": "H", "connect": {},
           "pathways": [{"name": "post", "direction": "post", "code": "b_pre += 1"},
                        {"name": "back", "direction": "post", "code": "a_pre += 1",
                         "delay": "3*ms"}]}])";
        const auto network = run(modelWith(synapses));
        // H spikes at 1.1 ms (v set at 1.0 ms, threshold a step later).
        QCOMPARE(firstChange(*network, "b"), 0.0012);
        QCOMPARE(firstChange(*network, "a"), 0.0042);
    }

    void pathwaysOfOneDirectionRunInTheOrderOfTheirNames() {
        // Brian2 sorts by slot, order, then name: 'alpha' runs before 'zeta'.
        const auto network = run(modelWith(synapsesWith(
            R"("pathways": [{"name": "zeta", "direction": "pre", "code": "x_post = 1"},
                            {"name": "alpha", "direction": "pre", "code": "x_post = 2"}])")));
        QCOMPARE(finalValue(*network, "x"), 1.0);
    }

    /// Brian2 runs a pathway when its source's clock is due, but its code
    /// reads t of the Synapses object's own clock: with a 0.2 ms clock that
    /// last stepped at 1.0 ms, a spike at 1.1 ms writes t = 1.2 ms (Brian2
    /// 2.5.1 gives lastupdate 0.6 ms for a spike at 0.5 ms likewise).
    void pathwayCodeReadsTheSynapsesOwnClock() {
        const std::string json = R"J({"format": "spikestudio-model", "version": 1,
  "dt": "0.1*ms", "duration": "2*ms",
  "groups": [{"name": "gen", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0, 1],
              "times": ["0.5*ms", "0.8*ms"]},
             {"name": "G", "type": "NeuronGroup", "N": 1, "equations": "v : 1"}],
  "synapses": [{"name": "S", "source": "gen", "target": "G", "dt": "0.2*ms",
    "model": "w : 1\nda/dt = -a/(10*ms) : 1 (event-driven)", "on_pre": "a += 1\nw = t/ms",
    "connect": {}}]})J";
        const auto network = run(json);
        const auto& synapses = network->synapses().front().variables;
        QCOMPARE(plainValues(synapses.at("lastupdate")),
                 (std::vector<double>{3 * 0.0002, 4 * 0.0002}));
        QCOMPARE(plainValues(synapses.at("w")),
                 (std::vector<double>{3 * 0.0002 / 0.001, 4 * 0.0002 / 0.001}));
    }
};

QTEST_APPLESS_MAIN(TestPathways)
#include "tst_pathways.moc"
