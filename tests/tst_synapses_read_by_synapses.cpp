// Synapses read by synapses (Brian2's `Synapses(S, G, 'y_post = x_pre : 1
// (summed)')`, as its astrocyte models write): i and N_pre count the source's
// synapses, `x_pre` reads the source synapse's variable in connect rules,
// initial values, code and summed variables, and what cannot work (a pathway
// from synapses, which send no events; an object read before it exists) is
// refused with one line naming the object and field. Agreement with Brian2
// number for number is in tst_import (synapses_read_by_synapses.py).
#include "support/ModelRun.h"
#include "support/PlainValues.h"

#include <QtTest>

using namespace spikestudio;

namespace {

/// A (2 neurons) onto B (3 neurons) through S, all to all (6 synapses, i.e.
/// (i, j) = (0,0) (0,1) (0,2) (1,0) (1,1) (1,2)) with x = 1 + j + 10 i,
/// C (2 cells), and `more` further Synapses objects.
std::string model(const std::string& more, const std::string& sModel = "x : 1") {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "0.3*ms",
      "groups": [{"name": "A", "type": "NeuronGroup", "N": 2, "equations": "v : 1"},
                 {"name": "B", "type": "NeuronGroup", "N": 3, "equations": "v : 1"},
                 {"name": "C", "type": "NeuronGroup", "N": 2, "equations": "y : 1\nz : 1"}],
      "synapses": [{"name": "S", "source": "A", "target": "B", "model": ")" +
           sModel + R"(",
                    "connect": {}, "initial": {"x": "1 + j + 10*i"}})" +
           more + "]}";
}

const SynapseState& synapsesOf(const Network& network, const std::string& name) {
    for (const SynapseState& s : network.synapses())
        if (s.name == name)
            return s;
    throw std::logic_error("no such synapses");
}

} // namespace

class TestSynapsesReadBySynapses : public QObject {
    Q_OBJECT

private slots:
    /// A summed variable sums the source synapses' x into each cell, every step.
    void summedVariableReadsTheSourcesVariable() {
        auto network = runModelJson(model(R"j(, {"name": "R", "source": "S", "target": "C",
            "model": "y_post = 2*x_pre : 1 (summed)", "connect": {"j": "i % 2"}})j"));
        const SynapseState& r = synapsesOf(*network, "R");
        QCOMPARE(r.pre, (std::vector<std::int32_t>{0, 1, 2, 3, 4, 5}));
        QCOMPARE(r.post, (std::vector<std::int32_t>{0, 1, 0, 1, 0, 1}));
        // x = 1, 2, 3, 11, 12, 13: C[0] sums 2*(1 + 3 + 12), C[1] 2*(2 + 11 + 13).
        QCOMPARE(plainValues(network->groups()[2].variables.at("y")),
                 (std::vector<double>{32, 52}));
    }

    /// N_pre is the number of the source's synapses and i indexes them, in
    /// connect rules (generators and conditions on the source's variables),
    /// initial values and code alike.
    void nPreAndICountTheSourcesSynapses() {
        auto network = runModelJson(model(R"j(, {"name": "R", "source": "S", "target": "C",
            "model": "c : 1\nz_post = c : 1 (summed)",
            "connect": [{"j": "0 for _ in range(1) if 2*i < N_pre"}, {"condition": "x_pre > 11.5 and j == 1"}],
            "initial": {"c": "100*N_pre + i + x_pre"}})j"));
        const SynapseState& r = synapsesOf(*network, "R");
        QCOMPARE(r.pre, (std::vector<std::int32_t>{0, 1, 2, 4, 5}));
        QCOMPARE(r.post, (std::vector<std::int32_t>{0, 0, 0, 1, 1}));
        QCOMPARE(plainValues(r.variables.at("c")), (std::vector<double>{601, 603, 605, 616, 618}));
        QCOMPARE(plainValues(network->groups()[2].variables.at("z")),
                 (std::vector<double>{1809, 1234}));
    }

    /// Index arrays beyond the source's synapses are refused once they exist.
    void indexArraysCountTheSourcesSynapses() {
        auto network = runModelJson(model(R"j(, {"name": "R", "source": "S", "target": "C",
            "model": "y_post = x_pre : 1 (summed)", "connect": {"i": [5, 0], "j": [1, 1]}})j"));
        QCOMPARE(plainValues(network->groups()[2].variables.at("y")), (std::vector<double>{0, 14}));
    }

    void refused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const std::string& json, const char* message) {
            QTest::newRow(name) << QString::fromStdString(json) << message;
        };
        row("itself", model(R"(, {"name": "R", "source": "R", "target": "C", "model": "c : 1"})"),
            "'R', field 'source': a Synapses object cannot be its own source");
        row("a later one",
            model(R"(, {"name": "R", "source": "R2", "target": "C", "model": "c : 1"},
                       {"name": "R2", "source": "S", "target": "C", "model": "d : 1"})"),
            "'R', field 'source': the Synapses object 'R2' it reads from must come before 'R' "
            "in the model's synapses (Brian2 creates it first)");
        row("a cycle", model(R"(, {"name": "R", "source": "R2", "target": "C", "model": "c : 1"},
                       {"name": "R2", "source": "R", "target": "C", "model": "d : 1"})"),
            "'R', field 'source': the Synapses objects read each other in a cycle (R -> R2 -> "
            "R)");
        row("on_pre from synapses",
            model(R"(, {"name": "R", "source": "S", "target": "C", "on_pre": "y_post += 1"})"),
            "'R', field 'on_pre': 'S' has no event 'spike' (it is a Synapses object: synapses "
            "have no events)");
        row("a pre pathway from synapses", model(R"(, {"name": "R", "source": "S", "target": "C",
                "pathways": [{"name": "up", "direction": "pre", "code": "y_post += 1"}]})"),
            "'R', field 'pathways[0].event': 'S' has no event 'spike' (it is a Synapses "
            "object: synapses have no events)");
        row("an index beyond the synapses",
            model(
                R"(, {"name": "R", "source": "S", "target": "C", "connect": {"i": [6], "j": [0]}})"),
            "'R', field 'connect.i': the source index 6 is outside the range [0, 5] of the 6 "
            "synapses of 'S'");
        row("a pre selection beyond the synapses",
            model(R"(, {"name": "R", "source": "S", "target": "C", "model": "c : 1",
                "initial": [{"variable": "c", "pre": [7], "value": "1"}]})"),
            "'R', field 'initial[0].pre': index 7 is out of range for 6 presynaptic elements");
        row("a subexpression of the source",
            model(R"j(, {"name": "R", "source": "S", "target": "C",
                "model": "y_post = q_pre : 1 (summed)"})j",
                  "x : 1\\nq = 2*x : 1"),
            "'R', field 'model'");
    }

    void refused() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const QString error = QString::fromStdString(runProblemOf(json.toStdString()));
        QVERIFY2(error.contains(message), qPrintable("got: " + error));
    }
};

QTEST_APPLESS_MAIN(TestSynapsesReadBySynapses)
#include "tst_synapses_read_by_synapses.moc"
