// Brian2's successive connect() calls on one Synapses object (`connect` as a
// list), skip_if_invalid and multisynaptic_index: synapses appended call by
// call, pairs outside the groups skipped only when asked, each pair's
// synapses numbered, N_incoming counted over all calls, the writer keeping
// every form, and bad input refused naming the call (`connect[1].p`).
// Agreement with Brian2's numbers: tst_reference (synapses_several_connects).
#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/PlainValues.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace spikestudio;

namespace {

/// Source A (`pre` neurons) and target B (`post` neurons) joined by S with `connect`.
std::string model(const std::string& connect, const std::string& extra = "", int pre = 3,
                  int post = 4) {
    return R"J({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "0.2*ms",
      "groups": [{"name": "A", "type": "NeuronGroup", "N": )J" +
           std::to_string(pre) + R"J(, "equations": "v : 1"},
                 {"name": "B", "type": "NeuronGroup", "N": )J" +
           std::to_string(post) + R"J(, "equations": "v : 1"}],
      "synapses": [{"name": "S", "source": "A", "target": "B", "model": "w : 1",
                    "connect": )J" +
           connect + extra + "}]}";
}

std::unique_ptr<Network> build(const std::string& json) {
    const CheckedModel checked = checkModel(readModel(json));
    return buildNetwork(checked);
}

std::vector<std::pair<int, int>> pairsOf(const Network& network) {
    const SynapseState& s = network.synapses().front();
    std::vector<std::pair<int, int>> pairs;
    for (size_t k = 0; k < s.pre.size(); ++k)
        pairs.emplace_back(s.pre[k], s.post[k]);
    return pairs;
}

QString errorOf(const std::string& json) {
    try {
        build(json);
    } catch (const ModelError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

using Pairs = std::vector<std::pair<int, int>>;

} // namespace

class TestSeveralConnects : public QObject {
    Q_OBJECT

private slots:
    void callsAppendInOrder() {
        auto network = build(model(R"J([{"condition": "i == j"}, {"i": [2, 0], "j": [3, 0]},
                                       {"j": "i + 1"}])J"));
        const Pairs expected{{0, 0}, {1, 1}, {2, 2}, {2, 3}, {0, 0}, {0, 1}, {1, 2}, {2, 3}};
        QCOMPARE(pairsOf(*network), expected);
    }

    void aSingleObjectStillReads() {
        const Model m = readModel(model(R"J({"condition": "i == j"})J"));
        QVERIFY(m.synapses.front().laterConnects.empty());
        QCOMPARE(m.synapses.front().connect.condition, std::string("i == j"));
        QCOMPARE(pairsOf(*build(model(R"J({"condition": "i == j"})J"))),
                 (Pairs{{0, 0}, {1, 1}, {2, 2}}));
    }

    void incomingAndOutgoingCountAllCalls() {
        // w reads the counts after every call: B[1] gets two synapses, one per call.
        auto network = build(model(R"J([{"i": [0], "j": [1]}, {"i": [2, 2], "j": [1, 3]}])J",
                                   R"J(, "initial": {"w": "N_incoming + 10*N_outgoing"})J"));
        QCOMPARE(plainValues(network->synapses().front().variables.at("w")),
                 (std::vector<double>{12.0, 22.0, 21.0}));
    }

    void skipIfInvalidDropsPairsOutsideTheTarget() {
        const std::string generator =
            R"J({"j": "k for k in range(i - 1, i + 2)", "skip_if_invalid": true})J";
        const Pairs expected{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}, {2, 2}};
        QCOMPARE(pairsOf(*build(model(generator, "", 3, 3))), expected);
        // Without it, the same generator is refused, naming the call.
        QVERIFY(errorOf(model(R"J([{"i": 0, "j": 0}, {"j": "k for k in range(i - 1, i + 2)"}])J",
                              "", 3, 3))
                    .startsWith("'S', field 'connect[1]': the connect rule produced the target "
                                "index j=-1"));
    }

    void skipIfInvalidFiltersBeforeAConditionReadsTheTarget() {
        // v_post of j=-1 or j=3 would be outside B: Brian2 skips them first.
        const std::string connect =
            R"J({"j": "k for k in range(i - 1, i + 2) if v_post == 0", "skip_if_invalid": true})J";
        QCOMPARE(pairsOf(*build(model(connect, "", 3, 3))).size(), size_t(7));
    }

    void skipIfInvalidClampsTheSampleSize() {
        // size 5 of 4 targets: all of them (no draw); a negative size: none.
        const Pairs all{{0, 0}, {0, 1}, {0, 2}, {0, 3}};
        QCOMPARE(
            pairsOf(*build(model(
                R"J({"j": "k for k in sample(N_post, size=5 - 6*i)", "skip_if_invalid": true})J",
                "", 2, 4))),
            all);
        QVERIFY(errorOf(model(R"J({"j": "k for k in sample(N_post, size=5)"})J", "", 1, 4))
                    .contains("bigger than the population size 4"));
    }

    void multisynapticIndexNumbersEachPair() {
        auto network =
            build(model(R"J([{"i": [0, 1], "j": [0, 0], "n": 2}, {"condition": "i == 0 and j == 0"},
                            {"i": 1, "j": 0}])J",
                        R"J(, "multisynaptic_index": "k", "on_pre": "v += k")J"));
        QCOMPARE(pairsOf(*network), (Pairs{{0, 0}, {0, 0}, {1, 0}, {1, 0}, {0, 0}, {1, 0}}));
        QCOMPARE(plainValues(network->synapses().front().variables.at("k")),
                 (std::vector<double>{0, 1, 0, 1, 2, 2}));
    }

    void writerKeepsEveryForm() {
        const std::string connect =
            R"J([{"condition": "i != j", "p": 0.5, "n": 2, "skip_if_invalid": true},
                {"i": [0, 1], "j": [2, 3], "p": 0.25},
                {"j": "k for k in range(i, i + 2)", "skip_if_invalid": true}])J";
        const Model m = readModel(model(connect, R"J(, "multisynaptic_index": "idx")J"));
        const nlohmann::json written = nlohmann::json::parse(writeModelJson(m));
        const nlohmann::json& s = written.at("synapses").at(0);
        // Numbers read as expressions are written as text.
        const std::string expected =
            R"J([{"condition": "i != j", "p": "0.5", "n": "2", "skip_if_invalid": true},
                {"i": [0, 1], "j": [2, 3], "p": "0.25"},
                {"j": "k for k in range(i, i + 2)", "skip_if_invalid": true}])J";
        QCOMPARE(s.at("connect").dump(), nlohmann::json::parse(expected).dump());
        QCOMPARE(s.at("multisynaptic_index").get<std::string>(), std::string("idx"));
        const Model again = readModel(writeModelJson(m));
        QCOMPARE(again.synapses.front().laterConnects.size(), size_t(2));
        QVERIFY(again.synapses.front().connect.skipIfInvalid);
        // One call stays an object, without the new fields.
        const nlohmann::json single =
            nlohmann::json::parse(writeModelJson(readModel(model(R"J({"condition": "i != j"})J"))));
        QCOMPARE(single.at("synapses").at(0).at("connect").dump(),
                 std::string(R"J({"condition":"i != j"})J"));
        QVERIFY(!single.at("synapses").at(0).contains("multisynaptic_index"));
    }

    void badInput_data() {
        QTest::addColumn<QString>("connect");
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty list") << "[]"
                                    << ""
                                    << "'S', field 'connect': expected at least one connect "
                                       "object in the list";
        QTest::newRow("not an object") << R"J([{}, 3])J"
                                       << ""
                                       << "'S', field 'connect[1]': expected a JSON object";
        QTest::newRow("unknown field") << R"J([{}, {"q": 1}])J"
                                       << ""
                                       << "'S', field 'connect[1].q': unknown field 'q'";
        QTest::newRow("negative p") << R"J([{}, {"p": -0.5}])J"
                                    << ""
                                    << "'S', field 'connect[1].p': p must not be negative, got "
                                       "-0.5";
        QTest::newRow("bad condition") << R"J([{"condition": "i < 2"}, {"condition": "v_pre"}])J"
                                       << ""
                                       << "'S', field 'connect[1].condition'";
        QTest::newRow("index outside") << R"J([{}, {"i": [0], "j": [4]}])J"
                                       << ""
                                       << "'S', field 'connect[1].j': the target index 4 is "
                                          "outside the range [0, 3] of group 'B'";
        QTest::newRow("unequal arrays") << R"J([{}, {"i": [0, 1], "j": [2]}])J"
                                        << ""
                                        << "'S', field 'connect[1].j': 'i' and 'j' must have the "
                                           "same length (2 and 1)";
        QTest::newRow("skip with arrays")
            << R"J({"i": [0], "j": [7], "skip_if_invalid": true})J"
            << ""
            << "'S', field 'connect.skip_if_invalid': skip_if_invalid needs a condition or "
               "generator syntax";
        QTest::newRow("skip not a flag") << R"J([{}, {"j": "i", "skip_if_invalid": 1}])J"
                                         << ""
                                         << "'S', field 'connect[1].skip_if_invalid': expected "
                                            "true or false";
        QTest::newRow("generator and p") << R"J([{}, {"j": "i", "p": 0.5}])J"
                                         << ""
                                         << "'S', field 'connect[1].p': generator syntax for 'j' "
                                            "cannot be combined with 'p'";
        QTest::newRow("bad generator") << R"J([{}, {"j": "k for k in"}])J"
                                       << ""
                                       << "'S', field 'connect[1].j'";
        QTest::newRow("index taken") << "{}"
                                     << R"J(, "multisynaptic_index": "w")J"
                                     << "'S', field 'multisynaptic_index': 'w' is already a "
                                        "variable of 'S'";
        QTest::newRow("index reserved") << "{}"
                                        << R"J(, "multisynaptic_index": "i")J"
                                        << "'S', field 'multisynaptic_index': 'i'";
        QTest::newRow("index not a name") << "{}"
                                          << R"J(, "multisynaptic_index": "2k")J"
                                          << "'S', field 'multisynaptic_index'";
        QTest::newRow("index not text") << "{}"
                                        << R"J(, "multisynaptic_index": 3)J"
                                        << "'S', field 'multisynaptic_index'";
    }

    void badInput() {
        QFETCH(QString, connect);
        QFETCH(QString, extra);
        QFETCH(QString, message);
        const QString error = errorOf(model(connect.toStdString(), extra.toStdString()));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestSeveralConnects)
#include "tst_several_connects.moc"
