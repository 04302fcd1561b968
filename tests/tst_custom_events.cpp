// Custom events of a NeuronGroup (Brian2's events= and run_on_event): read and
// written back (files without them unchanged), refused with one line naming
// the group and the entry's field, and run as Brian2 runs them: checked after
// the thresholds without refractoriness, their code after the resets, in the
// order of their names, recorded by EventMonitors before the code changes
// anything. The numbers against Brian2 are in tst_reference and tst_tiers
// (tests/reference/models/custom_events.json).
#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "model/GroupEvents.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/CliRunner.h"
#include "support/ModelProblem.h"
#include "support/PlainValues.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

/// A group whose v grows by 0.1 a step (dt 0.1 ms): 'up' holds from the
/// step v passes 0.95 on, as does its threshold, which then keeps it
/// refractory for the rest of the run. `events` goes in as the group's field.
std::string modelWithEvents(const std::string& events, const std::string& monitors = "[]") {
    return R"({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "3*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
    "equations": "dv/dt = 1/ms : 1\nx : 1\ny : 1\nc : 1 (constant)\nz = 2*v : 1",
    "threshold": "v > 0.95", "refractory": "1000*ms", "events": )" +
           events + R"(}],
  "monitors": )" +
           monitors + "}";
}

const char* const kTwoEvents =
    R"([{"name": "up", "condition": "v > 0.95"},
        {"name": "free", "condition": "v > 0.95 and not_refractory", "code": "y = 1"}])";

std::unique_ptr<Network> runModel(const std::string& json) {
    const CheckedModel checked = checkModel(readModel(json));
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    return network;
}

const SpikeRecord& recordOf(const Network& network, const std::string& monitor) {
    for (const SpikeRecord& record : network.spikeRecords())
        if (record.monitor == monitor)
            return record;
    throw std::runtime_error("no monitor " + monitor);
}

} // namespace

class TestCustomEvents : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void readAndWrittenBackInOrder() {
        const Model model = readModel(modelWithEvents(kTwoEvents));
        const std::vector<EventSpec>& events = model.groups[0].events;
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].name, std::string("up"));
        QCOMPARE(events[0].condition, std::string("v > 0.95"));
        QVERIFY(events[0].code.empty());
        QCOMPARE(events[1].name, std::string("free"));
        QCOMPARE(events[1].code, std::string("y = 1"));
        const std::string written = writeModelJson(model);
        QVERIFY(written.find("\"events\": [") != std::string::npos);
        QVERIFY(written.find(R"("code": "y = 1")") != std::string::npos);
        QCOMPARE(written.find(R"("code": "")"), std::string::npos); // empty code left out
        QCOMPARE(written.find(R"("name": "up")") < written.find(R"("name": "free")"), true);
        QCOMPARE(writeModelJson(readModel(written)), written);
    }

    /// A model without events is written as before: no `events` key at all.
    void aModelWithoutEventsIsWrittenWithoutTheField() {
        const std::string written = writeModelJson(readModel(modelWithEvents("[]")));
        QCOMPARE(written.find("\"events\""), std::string::npos);
    }

    void readerRefusals_data() {
        QTest::addColumn<QString>("events");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a list") << R"({"up": "v > 1"})"
                                    << "'G', field 'events': expected an array";
        QTest::newRow("an entry that is not an object")
            << R"(["up"])"
            << "'G', field 'events[0]': expected an object with 'name', 'condition' and "
               "optionally 'code'";
        QTest::newRow("an unknown field")
            << R"([{"name": "up", "condition": "v > 1", "when": "resets"}])"
            << "'G', field 'events[0].when': unknown field 'when'";
        QTest::newRow("no name") << R"([{"condition": "v > 1"}])"
                                 << "'G', field 'events[0].name': missing field 'name'";
        QTest::newRow("no condition")
            << R"([{"name": "up", "condition": "v > 1"}, {"name": "down"}])"
            << "'G', field 'events[1].condition': missing field 'condition'";
        QTest::newRow("a name that is a number")
            << R"([{"name": 3, "condition": "v > 1"}])"
            << "'G', field 'events[0].name': expected the event's name as a string";
        QTest::newRow("code that is not text")
            << R"([{"name": "up", "condition": "v > 1", "code": ["v = 0"]}])"
            << "'G', field 'events[0].code': expected code as a string";
    }

    void readerRefusals() { refusedWith(); }

    void checkerRefusals_data() {
        QTest::addColumn<QString>("events");
        QTest::addColumn<QString>("message");
        QTest::newRow("spike") << R"([{"name": "spike", "condition": "v > 1"}])"
                               << "'G', field 'events[0].name': 'spike' is the event of the "
                                  "group's threshold; a custom event needs another name";
        QTest::newRow("not an identifier")
            << R"([{"name": "2up", "condition": "v > 1"}])"
            << "'G', field 'events[0].name': '2up' is not a valid name";
        QTest::newRow("twice")
            << R"([{"name": "up", "condition": "v > 1"}, {"name": "up", "condition": "v > 2"}])"
            << "'G', field 'events[1].name': the group already has an event called 'up'";
        QTest::newRow("a condition that is not boolean")
            << R"([{"name": "up", "condition": "v - 1"}])"
            << "'G', field 'events[0].condition', line 1, column 3: The event condition 'v - 1' "
               "must be a boolean expression";
        QTest::newRow("an unknown name in the condition")
            << R"([{"name": "up", "condition": "w > 1"}])"
            << "'G', field 'events[0].condition', line 1, column 1: unknown identifier 'w'";
        QTest::newRow("code writing a constant")
            << R"([{"name": "up", "condition": "v > 1", "code": "x = 0\nc = 1"}])"
            << "'G', field 'events[0].code', line 2, column 1: 'c' is constant and cannot be "
               "changed by code";
        QTest::newRow("code writing a subexpression")
            << R"([{"name": "up", "condition": "v > 1", "code": "z = 0"}])"
            << "'G', field 'events[0].code', line 1, column 1: 'z' is a subexpression and "
               "cannot be assigned";
        QTest::newRow("code in the wrong unit")
            << R"([{"name": "up", "condition": "v > 1", "code": "x = 1*mV"}])"
            << "'G', field 'events[0].code', line 1, column 6: DimensionMismatchError: the "
               "expression '1 * mV' assigned to 'x' has unit V, but 'x' has unit 1";
        QTest::newRow("code with a syntax error")
            << R"([{"name": "up", "condition": "v > 1", "code": "x = 1 +"}])"
            << "'G', field 'events[0].code', line 1, column";
    }

    void checkerRefusals() { refusedWith(); }

    /// The one list of a group's events: 'spike' first when it has a
    /// threshold, then its own in the order declared; monitors name them.
    void eventsOfAGroupAreSpikeThenItsOwn() {
        const CheckedModel checked = checkModel(readModel(modelWithEvents(kTwoEvents)));
        QCOMPARE(eventsOf(checked.groups[0]), (std::vector<std::string>{"spike", "up", "free"}));
        const std::string monitor =
            R"([{"name": "m", "type": "EventMonitor", "source": "G", "event": "down"}])";
        QCOMPARE(problemOf(modelWithEvents(kTwoEvents, monitor)),
                 std::string("'m', field 'event': 'G' has no event 'down' (its events: 'spike', "
                             "'up', 'free')"));
        // Without a threshold a group's events are its own only.
        std::string noThreshold = modelWithEvents(kTwoEvents, R"([{"name": "m", "type":
            "EventMonitor", "source": "G"}])");
        noThreshold.replace(noThreshold.find(R"("threshold": "v > 0.95", )"), 25, "");
        noThreshold.replace(noThreshold.find(R"( and not_refractory)"), 19, "");
        QCOMPARE(problemOf(noThreshold),
                 std::string("'m', field 'event': 'G' has no event 'spike' (its events: 'up', "
                             "'free')"));
    }

    /// 'up' ignores the refractoriness that holds after the only spike; 'free'
    /// asks for it and never holds: the spike's thresholder, which runs
    /// before it in the same step, has already made the neuron refractory.
    void customEventsIgnoreRefractorinessUnlessTheConditionSaysSo() {
        const std::string monitors =
            R"([{"name": "ups", "type": "EventMonitor", "source": "G", "event": "up"},
                {"name": "frees", "type": "EventMonitor", "source": "G", "event": "free"},
                {"name": "spikes", "type": "SpikeMonitor", "source": "G"}])";
        auto network = runModel(modelWithEvents(kTwoEvents, monitors));
        QCOMPARE(recordOf(*network, "spikes").countPerNeuron, (std::vector<std::int64_t>{1, 1}));
        QVERIFY(recordOf(*network, "frees").indices.empty());
        QCOMPARE(plainValues(network->groups()[0].variable("y")), (std::vector<double>{0.0, 0.0}));
        // v passes 0.95 in step 9 (t = 0.9 ms) and grows on: 'up' holds from
        // then to the end, steps 9 to 29, for both neurons, starting with the spike.
        const SpikeRecord& ups = recordOf(*network, "ups");
        QCOMPARE(ups.countPerNeuron, (std::vector<std::int64_t>{21, 21}));
        QCOMPARE(ups.times.front(), recordOf(*network, "spikes").times.front());
    }

    /// Codes run after the resets in the order of the events' names (Brian2
    /// sorts <group>_<event>_resetter), whatever order they are declared in;
    /// a monitor records the values before any of them ran.
    void codesRunInNameOrderAfterTheMonitorsRecord() {
        const char* const events =
            R"([{"name": "b", "condition": "t > 0.45*ms and t < 0.55*ms", "code": "x = 10*x + 2"},
                {"name": "a", "condition": "t > 0.45*ms and t < 0.55*ms", "code": "x = 10*x + 1"}])";
        const std::string monitors = R"([{"name": "as", "type": "EventMonitor", "source": "G",
            "event": "a", "variables": ["x"]}])";
        auto network = runModel(modelWithEvents(events, monitors));
        QCOMPARE(plainValues(network->groups()[0].variable("x")),
                 (std::vector<double>{12.0, 12.0}));
        const SpikeRecord& as = recordOf(*network, "as");
        QCOMPARE(as.indices, (std::vector<std::int32_t>{0, 1}));
        QCOMPARE(as.values, (std::vector<double>{0.0, 0.0}));
        QVERIFY(std::abs(as.times.front() - 0.5e-3) < 1e-12);
    }

    /// `spikestudio check` says it on one line and exits 1.
    void theCommandLineRefusesWithOneLine() {
        QVERIFY(dir_.isValid());
        const QString path = dir_.filePath("bad.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(
            modelWithEvents(R"([{"name": "spike", "condition": "v > 1"}])")));
        file.close();
        const CliResult result = runCli({"check", path});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.err.trimmed().count('\n'), 0);
        QVERIFY2(result.err.contains("'G', field 'events[0].name': 'spike' is the event"),
                 qPrintable(result.err));
    }

private:
    static void refusedWith() {
        QFETCH(QString, events);
        QFETCH(QString, message);
        const QString problem =
            QString::fromStdString(problemOf(modelWithEvents(events.toStdString())));
        QVERIFY2(problem.contains(message), qPrintable(problem));
        QVERIFY(!problem.contains('\n'));
    }
};

QTEST_APPLESS_MAIN(TestCustomEvents)
#include "tst_custom_events.moc"
