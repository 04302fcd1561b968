// Synapses acting on synapses (Brian2's `Synapses(P, S, on_pre='w_post += c')`):
// j and N_post count the target's synapses, pathway code and summed variables
// write the target's per-synapse arrays, and what cannot work is refused with
// one line naming the object and field. Agreement with Brian2 number for
// number is in tst_reference (synapses_on_synapses) and tst_import.
#include "support/ModelRun.h"
#include "support/PlainValues.h"

#include <QtTest>

using namespace spikestudio;

namespace {

/// A (2 neurons) onto B (3 neurons) through S, all to all (6 synapses, j = 0..5),
/// M (2 generators) spiking at 0.2 ms, and `more` further Synapses objects.
std::string model(const std::string& more, const std::string& sModel = "w : 1\\ny : 1",
                  const std::string& sTarget = "B") {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "1*ms",
      "groups": [{"name": "A", "type": "NeuronGroup", "N": 2, "equations": "v : 1"},
                 {"name": "B", "type": "NeuronGroup", "N": 3, "equations": "v : 1"},
                 {"name": "M", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0, 1],
                  "times": ["0.2*ms", "0.2*ms"]}],
      "synapses": [{"name": "S", "source": "A", "target": ")" +
           sTarget + R"(", "model": ")" + sModel + R"(",
                    "connect": {}, "initial": {"w": "1 + j + 10*i"}})" +
           more + "]}";
}

std::vector<double> valuesOf(Network& network, const std::string& synapses,
                             const std::string& variable) {
    for (SynapseState& s : network.synapses())
        if (s.name == synapses)
            return plainValues(s.variable(variable));
    throw std::logic_error("no such synapses");
}

} // namespace

class TestSynapsesOnSynapses : public QObject {
    Q_OBJECT

private slots:
    /// Each spike of M adds c to the w of the synapses of S it reaches.
    void onPreWritesTheTargetsWeights() {
        auto network = runModelJson(model(R"(, {"name": "S2", "source": "M", "target": "S",
            "model": "c : 1", "on_pre": "w_post += c", "connect": {"i": [0, 1, 1], "j": [4, 4, 1]},
            "initial": {"c": "0.5 + i"}})"));
        // S: (i, j) = (0,0) (0,1) (0,2) (1,0) (1,1) (1,2), w = 1 + j + 10 i.
        const std::vector<double> expected{1, 2 + 1.5, 3, 11, 12 + 0.5 + 1.5, 13};
        QCOMPARE(valuesOf(*network, "S", "w"), expected);
    }

    /// N_post is the number of the target's synapses, in connect rules,
    /// initial values and code alike; j indexes them.
    void nPostCountsTheTargetsSynapses() {
        auto network = runModelJson(model(R"(, {"name": "S2", "source": "M", "target": "S",
            "model": "c : 1", "on_pre": "w_post += N_post + 100*c",
            "connect": {"j": "k for k in range(N_post) if k % 2 == i"},
            "initial": {"c": "N_post*j"}})"));
        const std::vector<double>& c = valuesOf(*network, "S2", "c");
        QCOMPARE(c, (std::vector<double>{0, 12, 24, 6, 18, 30}));
        const std::vector<double>& w = valuesOf(*network, "S", "w");
        for (size_t k = 0; k < w.size(); ++k) {
            const double initial = 1 + static_cast<double>(k % 3) + 10 * static_cast<double>(k / 3);
            QCOMPARE(w[k], initial + 6 + 100 * 6 * static_cast<double>(k));
        }
    }

    /// A summed variable writes a parameter of each target synapse: the sum
    /// over the synapses onto it, every step.
    void summedVariableWritesTheTargetsParameter() {
        auto network = runModelJson(model(R"j(, {"name": "S3", "source": "M", "target": "S",
            "model": "c : 1\ny_post = c*(1 + j) : 1 (summed)", "connect": {"condition": "j != 3"},
            "initial": {"c": "1 + i"}})j"));
        const std::vector<double>& y = valuesOf(*network, "S", "y");
        for (size_t k = 0; k < y.size(); ++k)
            QCOMPARE(y[k], k == 3 ? 0.0 : 3.0 * (1.0 + static_cast<double>(k)));
    }

    /// A condition reads the target's variables, after its initial values.
    void connectReadsTheTargetsVariables() {
        auto network = runModelJson(model(R"(, {"name": "S2", "source": "M", "target": "S",
            "model": "c : 1", "connect": {"condition": "w_post > 11.5 and i == 0"}})"));
        const SynapseState& s2 = network->synapses()[1];
        QCOMPARE(s2.post, (std::vector<std::int32_t>{4, 5}));
        QCOMPARE(network->synapses()[0].size(), 6LL);
    }

    void refused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const std::string& json, const char* message) {
            QTest::newRow(name) << QString::fromStdString(json) << message;
        };
        row("itself", model("", "w : 1", "S"),
            "'S', field 'target': a Synapses object cannot act on itself");
        row("a later one",
            model(R"(, {"name": "S2", "source": "M", "target": "S3", "model": "c : 1"},
                       {"name": "S3", "source": "M", "target": "S", "model": "d : 1"})"),
            "'S2', field 'target': the Synapses object 'S3' it acts on must come before 'S2' in "
            "the model's synapses (Brian2 creates it first)");
        row("a cycle", model(R"(, {"name": "S2", "source": "M", "target": "S3", "model": "c : 1"},
                       {"name": "S3", "source": "M", "target": "S2", "model": "d : 1"})"),
            "'S2', field 'target': the Synapses objects act on each other in a cycle (S2 -> S3 "
            "-> S2)");
        row("on_post",
            model(R"(, {"name": "S2", "source": "M", "target": "S", "on_post": "w_post += 1"})"),
            "'S2', field 'on_post': 'S' has no event 'spike' (it is a Synapses object: synapses "
            "have no events)");
        row("an index beyond the synapses",
            model(
                R"(, {"name": "S2", "source": "M", "target": "S", "connect": {"i": [0], "j": [6]}})"),
            "'S2', field 'connect.j': the target index 6 is outside the range [0, 5] of the 6 "
            "synapses of 'S'");
        row("a generator beyond the synapses",
            model(R"(, {"name": "S2", "source": "M", "target": "S", "connect": {"j": "i + 5"}})"),
            "'S2', field 'connect': the connect rule produced the target index j=6 outside the "
            "allowed range from 0 to 5");
        row("a post selection beyond the synapses",
            model(R"(, {"name": "S2", "source": "M", "target": "S", "model": "c : 1",
                "initial": [{"variable": "c", "post": [9], "value": "1"}]})"),
            "'S2', field 'initial[0].post': index 9 is out of range for 6 postsynaptic elements");
        row("a subexpression of the target",
            model(R"(, {"name": "S2", "source": "M", "target": "S", "on_pre": "z_post += 1"})",
                  "w : 1\\nz = 2*w : 1"),
            "'S2', field 'on_pre'");
    }

    void refused() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const QString error = QString::fromStdString(runProblemOf(json.toStdString()));
        QVERIFY2(error.contains(message), qPrintable("got: " + error));
    }
};

QTEST_APPLESS_MAIN(TestSynapsesOnSynapses)
#include "tst_synapses_on_synapses.moc"
