// Linked variables (Brian2's `G.x = linked_var(H, 'v', index=...)`): read
// and written back, refused with one line naming object and field, and run
// reading the source's own array at Brian2's point of evaluation, neuron by
// neuron, through an index, through a subgroup, shared and along a chain;
// Synapses read a neuron-by-neuron link as `x_pre`/`x_post`. And noise `xi`
// in clock-driven synaptic equations, drawn per synapse.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/ModelProblem.h"

#include <QtTest>

using namespace spikestudio;

namespace {

const char* const kGEquations = "dx/dt = (v_other - x)/(1*ms) : volt\\nv_other : volt (linked)";

/// H: four driven neurons; G reads H's v (or its shared drive) through
/// `links`; `gExtra` adds fields to G, `extra` objects after it.
std::string model(const std::string& links, const std::string& gExtra = "",
                  const std::string& extra = "", const std::string& synapses = "",
                  const std::string& gEquations = kGEquations) {
    return R"J({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "3*ms", "seed": 2,
  "groups": [
    {"name": "H", "type": "NeuronGroup", "N": 4,
     "equations": "dv/dt = (I - v)/(2*ms) : volt\nI : volt\ndrive : volt (shared)",
     "initial": {"I": "(1 + i)*mV", "drive": "3*mV"},
     "subgroups": [{"name": "Hhigh", "start": 2, "stop": 4}]},
    {"name": "G", "type": "NeuronGroup", "N": 4,
     "equations": ")J" +
           gEquations + R"J(", "links": [)J" + links + "]" + gExtra + R"J(})J" + extra + R"J(
  ],
  "synapses": [)J" +
           synapses +
           R"J(],
  "monitors": [
    {"name": "h", "type": "StateMonitor", "source": "H", "variables": ["v"], "record": true},
    {"name": "g", "type": "StateMonitor", "source": "G", "variables": ["v_other"], "record": true}
  ]
})J";
}

const char* const kSameSize = R"J({"variable": "v_other", "source": "H", "source_variable": "v"})J";
const char* const kIndexed =
    R"J({"variable": "v_other", "source": "H", "source_variable": "v", "index": [3, 0, 0, 2]})J";

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

/// Every recorded row of G's v_other[k] equals H's v[source(k)], and H's v moves.
template <typename Source> void expectReads(const Network& network, Source source) {
    const StateRecord& h = record(network, "h");
    const StateRecord& g = record(network, "g");
    QCOMPARE(g.rowCount(), size_t(30));
    for (size_t row = 0; row < g.rowCount(); ++row)
        for (size_t k = 0; k < 4; ++k)
            QCOMPARE(g.value(row, k), h.value(row, source(k)));
    QVERIFY(h.value(29, 3) > h.value(1, 3));
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
}

/// model() with H's subexpression `rectified` (reading the subexpression
/// `excess`, a parameter, `i` and `N`) recorded by "h", and G's linked `r`
/// (through `link`, reading `rectified`) by "g".
std::string subexpressionModel(const std::string& link, const std::string& extra = "") {
    std::string json =
        model(link, "", extra, "", "dx/dt = (r - x)/(1*ms) : volt\\nr : volt (linked)");
    replaceOnce(json, R"J(drive : volt (shared)")J",
                R"J(drive : volt (shared)\nexcess = v - I*N/8 : volt\n)J"
                R"J(rectified = clip(excess, 0*mV, inf*mV) + 0.1*mV*i : volt")J");
    replaceOnce(json, R"("variables": ["v"])", R"("variables": ["rectified"])");
    replaceOnce(json, R"("variables": ["v_other"])", R"("variables": ["r"])");
    return json;
}

std::string subexpressionLink(const std::string& source, const std::string& index = "") {
    return R"J({"variable": "r", "source": ")J" + source +
           R"J(", "source_variable": "rectified")J" +
           (index.empty() ? "" : R"J(, "index": )J" + index) + "}";
}

} // namespace

class TestLinkedVariables : public QObject {
    Q_OBJECT

private slots:
    void linksAreReadAndWrittenBack() {
        const Model read = readModel(model(kIndexed, "", ""));
        const LinkSpec& link = read.groups[1].links.at(0);
        QCOMPARE(link.variable, std::string("v_other"));
        QCOMPARE(link.source, std::string("H"));
        QCOMPARE(link.sourceVariable, std::string("v"));
        QVERIFY(link.hasIndex);
        QCOMPARE(link.index, (std::vector<long long>{3, 0, 0, 2}));
        const std::string written = writeModelJson(read);
        QVERIFY(written.find(R"J("index": [)J") != std::string::npos);
        QCOMPARE(writeModelJson(readModel(written)), written);
        const Model plain = readModel(model(kSameSize));
        QVERIFY(!plain.groups[1].links.at(0).hasIndex);
        QVERIFY(writeModelJson(plain).find("\"index\"") == std::string::npos);
        const std::string plainText = writeModelJson(plain);
        QVERIFY(plainText.find("\"links\"") != std::string::npos);
        QCOMPARE(plainText.find("\"links\""), plainText.rfind("\"links\"")); // H has none
    }

    void aLinkReadsItsSourceNeuronByNeuron() {
        expectReads(*run(model(kSameSize)), [](size_t k) { return k; });
    }

    void aLinkReadsThroughItsIndex() {
        const size_t source[] = {3, 0, 0, 2};
        expectReads(*run(model(kIndexed)), [&source](size_t k) { return source[k]; });
    }

    void aLinkToASubgroupReadsFromItsStart() {
        const auto network = run(model(
            R"J({"variable": "v_other", "source": "Hhigh", "source_variable": "v", "index": [1, 0, 1, 1]})J"));
        const size_t source[] = {3, 2, 3, 3};
        expectReads(*network, [&source](size_t k) { return source[k]; });
    }

    /// K reads G's linked variable: it reads H's array through G's index.
    void aChainOfLinksReadsTheArrayBehindIt() {
        const std::string k = R"J(,
    {"name": "K", "type": "NeuronGroup", "N": 4, "equations": "w : volt (linked)",
     "links": [{"variable": "w", "source": "G", "source_variable": "v_other"}]})J";
        const CheckedModel checked = checkModel(readModel(model(kIndexed, "", k)));
        const CheckedLink& link = checked.groups[2].links.at(0);
        QCOMPARE(link.sourceGroup, std::string("H"));
        QCOMPARE(link.sourceVariable, std::string("v"));
        QCOMPARE(link.indices, (std::vector<long long>{3, 0, 0, 2}));
        std::string json = model(kIndexed, "", k);
        json.replace(json.find(R"J("source": "G", "variables": ["v_other"])J"),
                     std::string(R"J("source": "G", "variables": ["v_other"])J").size(),
                     R"J("source": "K", "variables": ["w"])J");
        const size_t source[] = {3, 0, 0, 2};
        expectReads(*run(json), [&source](size_t k) { return source[k]; });
    }

    /// A link to a subexpression reads it as Brian2 does: the subexpression
    /// of the source, each variable it reads (and `i`) taken at the element
    /// the link says, neuron by neuron, through an index and a subgroup.
    void aLinkReadsASubexpressionOfItsSource() {
        expectReads(*run(subexpressionModel(subexpressionLink("H"))), [](size_t k) { return k; });
        const size_t indexed[] = {3, 0, 0, 2};
        expectReads(*run(subexpressionModel(subexpressionLink("H", "[3, 0, 0, 2]"))),
                    [&indexed](size_t k) { return indexed[k]; });
        const size_t sliced[] = {3, 2, 3, 3};
        expectReads(*run(subexpressionModel(subexpressionLink("Hhigh", "[1, 0, 1, 1]"))),
                    [&sliced](size_t k) { return sliced[k]; });
        const CheckedModel checked =
            checkModel(readModel(subexpressionModel(subexpressionLink("H", "[3, 0, 0, 2]"))));
        const CheckedGroup& g = checked.groups[1];
        QCOMPARE(g.equations.find("r")->kind, EquationKind::Subexpression);
        QCOMPARE(g.linkOf("r"), nullptr); // its readers hold the links
        QCOMPARE(g.linkOf("_r__v")->indices, (std::vector<long long>{3, 0, 0, 2}));
        QCOMPARE(g.linkOf("_r__I")->sourceVariable, std::string("I"));
        QCOMPARE(g.assignments.front().values, (std::vector<double>{3, 0, 0, 2})); // its i
    }

    /// K reads G's `r`, itself a link to H's subexpression: through G's readers.
    void aChainOfLinksReadsASubexpressionBehindIt() {
        const std::string k = R"J(,
    {"name": "K", "type": "NeuronGroup", "N": 4, "equations": "w : volt (linked)",
     "links": [{"variable": "w", "source": "G", "source_variable": "r"}]})J";
        std::string json = subexpressionModel(subexpressionLink("H", "[3, 0, 0, 2]"), k);
        replaceOnce(json, R"J("source": "G", "variables": ["r"])J",
                    R"J("source": "K", "variables": ["w"])J");
        const size_t source[] = {3, 0, 0, 2};
        expectReads(*run(json), [&source](size_t k) { return source[k]; });
    }

    /// Every neuron of G reads H's one shared value.
    void aLinkToASharedVariableReadsItsOneValue() {
        const auto network =
            run(model(R"J({"variable": "v_other", "source": "H", "source_variable": "drive"})J"));
        const StateRecord& g = record(*network, "g");
        for (size_t k = 0; k < 4; ++k)
            QCOMPARE(g.value(5, k), 0.003);
    }

    /// Synapses read a neuron-by-neuron link as x_pre; one through an index
    /// is no name of theirs, as in Brian2.
    void synapsesReadANeuronByNeuronLink() {
        const std::string synapses =
            R"J({"name": "S", "source": "G", "target": "H", "on_pre": "v_post += v_other_pre",
                "connect": {"i": [0, 1], "j": [1, 2]}})J";
        QCOMPARE(problemOf(model(kSameSize, "", "", synapses)), std::string("(accepted)"));
        QCOMPARE(problemOf(model(kIndexed, "", "", synapses)),
                 std::string("'S', field 'on_pre', line 1, column 11: unknown identifier "
                             "'v_other_pre'"));
    }

    /// A reset writing a linked variable writes its source's element (Brian2's
    /// test_linked_var_in_reset), here through a subgroup: G's neuron k counts
    /// the spikes of H's neuron k + 2 into H.hits.
    void aResetWritesTheLinkedSourceElement() {
        const std::string json = R"J({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "2*ms",
  "groups": [
    {"name": "H", "type": "NeuronGroup", "N": 4, "equations": "hits : 1",
     "subgroups": [{"name": "Hhigh", "start": 2, "stop": 4}]},
    {"name": "G", "type": "NeuronGroup", "N": 2,
     "equations": "dv/dt = (2 + i - v)/(1*ms) : 1\ncount : 1 (linked)",
     "threshold": "v > 1", "reset": "v = 0\ncount += 1",
     "links": [{"variable": "count", "source": "Hhigh", "source_variable": "hits"}]}
  ],
  "monitors": [
    {"name": "h", "type": "StateMonitor", "source": "H", "variables": ["hits"], "record": true},
    {"name": "spikes", "type": "SpikeMonitor", "source": "G"}
  ]
})J";
        const auto network = run(json);
        const StateRecord& h = record(*network, "h");
        const size_t last = h.rowCount() - 1;
        QCOMPARE(h.value(last, 0), 0.0);
        QCOMPARE(h.value(last, 1), 0.0);
        const std::vector<std::int64_t>& counts = network->spikeRecords().at(0).countPerNeuron;
        const double counted[2] = {double(counts.at(0)), double(counts.at(1))};
        QVERIFY(counted[1] > counted[0] && counted[0] > 0);
        // The row of step k is recorded before that step's reset.
        QVERIFY(h.value(last, 2) >= counted[0] - 1 && h.value(last, 2) <= counted[0]);
        QVERIFY(h.value(last, 3) >= counted[1] - 1 && h.value(last, 3) <= counted[1]);
    }

    void badInputIsRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const std::string& json, const char* message) {
            QTest::newRow(name) << QString::fromStdString(json) << QString(message);
        };
        row("entry not an object", model("3"),
            "'G', field 'links[0]': expected an object with 'variable', 'source', "
            "'source_variable' and optional 'index'");
        row("unknown field",
            model(R"J({"variable": "v_other", "source": "H", "source_variable": "v", "step": 1})J"),
            "'G', field 'links[0]': unknown field 'step'");
        row("missing source", model(R"J({"variable": "v_other", "source_variable": "v"})J"),
            "'G', field 'links[0].source': missing field 'source'");
        row("index not a list",
            model(
                R"J({"variable": "v_other", "source": "H", "source_variable": "v", "index": "i"})J"),
            "'G', field 'links[0].index': expected a list of integers, one per neuron");
        row("index of numbers",
            model(
                R"J({"variable": "v_other", "source": "H", "source_variable": "v", "index": [0.5, 1, 2, 3]})J"),
            "'G', field 'links[0].index': expected a list of integers, one per neuron");
        row("unknown group",
            model(R"J({"variable": "v_other", "source": "Q", "source_variable": "v"})J"),
            "'G', field 'links[0].source': unknown group 'Q'");
        row("unknown variable",
            model(R"J({"variable": "v_other", "source": "H", "source_variable": "u"})J"),
            "'G', field 'links[0].source_variable': 'u' is not a variable of 'H' (a link reads "
            "parameters, differential variables and subexpressions)");
        std::string lastspike = subexpressionModel(subexpressionLink("H"));
        replaceOnce(lastspike, "+ 0.1*mV*i", "+ 0.1*mV*int(lastspike > 0*ms)");
        replaceOnce(lastspike, R"("N": 4,)",
                    R"("N": 4, "threshold": "v > 3*mV", "refractory": "1*ms",)");
        row("subexpression reading lastspike", lastspike,
            "'G', field 'links[0].source_variable': the subexpression 'H.rectified' reads "
            "'lastspike', which a link cannot carry over to 'G'");
        std::string ownName = subexpressionModel(subexpressionLink("H"));
        replaceOnce(ownName, "+ 0.1*mV*i", "+ 0.1*mV*scale");
        replaceOnce(ownName, R"("seed": 2,)", R"("seed": 2, "constants": {"scale": "2"},)");
        replaceOnce(ownName, R"("equations": "dx/dt)", R"("equations": "scale : 1\ndx/dt)");
        row("subexpression reading a name of the linking group", ownName,
            "'G', field 'links[0].source_variable': the subexpression 'H.rectified' reads "
            "'scale', which 'G' defines too: the name would mean its own variable there");
        std::string otherClock = subexpressionModel(subexpressionLink("H"));
        replaceOnce(otherClock, "+ 0.1*mV*i", "+ 0.1*mV*dt/ms");
        replaceOnce(otherClock, R"("N": 4,)", R"("N": 4, "dt": "0.05*ms",)");
        row("subexpression reading dt of another clock", otherClock,
            "'G', field 'links[0].source_variable': the subexpression 'H.rectified' reads 'dt' "
            "of another clock than 'G''s");
        row("unit mismatch",
            model(kSameSize, "", "", "", "dx/dt = -x/(1*ms) : volt\\nv_other : amp (linked)"),
            "'G', field 'links[0].source_variable': the unit of 'v_other' (A) does not match that "
            "of its source 'H.v' (V)");
        row("not a linked variable",
            model(R"J({"variable": "x", "source": "H", "source_variable": "v"})J"),
            "'G', field 'links[0].variable': 'x' is not a (linked) parameter of 'G'");
        row("linked twice", model(std::string(kSameSize) + ", " + kIndexed),
            "'G', field 'links[1].variable': 'v_other' is linked twice");
        row("no link", model(""),
            "'G', field 'links': 'v_other' is declared (linked) but no entry of 'links' names "
            "its source");
        row("size mismatch",
            model(R"J({"variable": "v_other", "source": "Hhigh", "source_variable": "v"})J"),
            "'G', field 'links[0].source': 'Hhigh' has 2 neurons and 'G' 4; give an 'index' "
            "saying which neuron each one reads");
        row("index too short",
            model(
                R"J({"variable": "v_other", "source": "H", "source_variable": "v", "index": [0, 1]})J"),
            "'G', field 'links[0].index': expected 4 indices, one per neuron of 'G', got 2");
        row("index outside",
            model(
                R"J({"variable": "v_other", "source": "H", "source_variable": "v", "index": [0, 1, 4, 0]})J"),
            "'G', field 'links[0].index': index 4 is outside 'H' (N = 4)");
        row("negative index",
            model(
                R"J({"variable": "v_other", "source": "H", "source_variable": "v", "index": [0, -1, 2, 0]})J"),
            "'G', field 'links[0].index': index -1 is outside 'H' (N = 4)");
        row("index of a shared variable",
            model(
                R"J({"variable": "v_other", "source": "H", "source_variable": "drive", "index": [0, 0, 0, 0]})J"),
            "'G', field 'links[0].index': 'H.drive' is shared (one value); leave 'index' out");
        row("linked to itself",
            model(R"J({"variable": "v_other", "source": "G", "source_variable": "v_other"})J"),
            "'G', field 'links': the link of 'v_other' leads back to itself (G.v_other -> "
            "G.v_other)");
        row("a cycle through another group",
            model(R"J({"variable": "v_other", "source": "K", "source_variable": "w"})J", "", R"J(,
    {"name": "K", "type": "NeuronGroup", "N": 4, "equations": "w : volt (linked)",
     "links": [{"variable": "w", "source": "G", "source_variable": "v_other"}]
})J"),
            "'G', field 'links': the link of 'v_other' leads back to itself (G.v_other -> K.w -> "
            "G.v_other)");
        row("written by the reset through an index",
            model(kIndexed, R"J(, "threshold": "x > 1*mV", "reset": "v_other = 0*mV")J"),
            "'G', field 'reset', line 1, column 1: 'v_other' is linked to 'v' of 'H' through a "
            "link that gives several neurons one element; writing it is supported only where "
            "each neuron has its own");
        row("written by the reset of several neurons through a shared variable",
            model(R"J({"variable": "v_other", "source": "H", "source_variable": "drive"})J",
                  R"J(, "threshold": "x > 1*mV", "reset": "v_other = 0*mV")J"),
            "'G', field 'reset', line 1, column 1: 'v_other' is linked to 'drive' of 'H' "
            "through a link that gives several neurons one element; writing it is supported "
            "only where each neuron has its own");
        row("given an initial value", model(kSameSize, R"J(, "initial": {"v_other": "1*mV"})J"),
            "'G', field 'initial.v_other': 'v_other' is a linked variable of 'G'; it reads its "
            "source's values and cannot be written");
        row("read by an initial value", model(kSameSize, R"J(, "initial": {"x": "2*v_other"})J"),
            "'G', field 'initial.x': 'v_other' is a linked variable; values set before the run "
            "or between segments, connect rules and delays cannot read it (not supported yet)");
        row("read by a connect rule",
            model(kSameSize, "", "",
                  R"J({"name": "S", "source": "G", "target": "H", "on_pre": "v_post += 1*mV",
                      "connect": {"condition": "v_other_pre > 0*mV"}})J"),
            "'S', field 'connect': 'v_other_pre' is a linked variable; values set before the "
            "run or between segments, connect rules and delays cannot read it (not supported "
            "yet)");
        row("written by a summed variable",
            model(kSameSize, "", "",
                  R"J({"name": "S", "source": "H", "target": "G",
                      "model": "v_other_post = v_pre : volt (summed)", "connect": {}
        })J"),
            "'S', field 'model': 'v_other' of 'G' is a linked variable; a summed variable "
            "cannot write it");
        row("written by a synapse",
            model(kSameSize, "", "",
                  R"J({"name": "S", "source": "H", "target": "G", "on_pre": "v_other += 1*mV",
                      "connect": {}})J"),
            "'S', field 'on_pre', line 1, column 1: 'v_other' is a linked variable of 'G'; it "
            "reads its source's values and cannot be written");
        row("linked in synapses",
            R"J({"format": "spikestudio-model", "version": 1, "duration": "1*ms",
  "groups": [{"name": "A", "type": "NeuronGroup", "N": 2, "equations": "v : 1"}],
  "synapses": [{"name": "S", "source": "A", "target": "A", "model": "w : 1 (linked)", "connect": {}
        }]
        })J",
            "'S', field 'model', line 1, column 1: linked variables are supported in NeuronGroups "
            "only: 'w'");
    }

    void badInputIsRefused() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        QCOMPARE(QString::fromStdString(problemOf(json.toStdString())), message);
    }

    void otherObjectsCannotUseALinkedVariable() {
        const std::string head =
            R"J({"format": "spikestudio-model", "version": 1, "duration": "1*ms",
  "groups": [{"name": "H", "type": "NeuronGroup", "N": 2, "equations": "v : volt"},
             {"name": "G", "type": "NeuronGroup", "N": 2, "equations": "dx/dt = -x/ms : volt\nu : volt (linked)",
              "threshold": "x > 1*mV", "links": [{"variable": "u", "source": "H", "source_variable": "v"}]}],)J";
        QCOMPARE(
            problemOf(head + R"J( "monitors": [{"name": "e", "type": "EventMonitor", "source": "G",
            "event": "spike", "variables": ["u"]}]})J"),
            std::string("'e', field 'variables': 'u' is a linked variable of 'G'; an "
                        "EventMonitor records stored variables"));
        QCOMPARE(problemOf(head +
                           R"J( "poisson_inputs": [{"name": "p", "target": "G", "variable": "u",
            "N": 10, "rate": "5*Hz", "weight": "1*mV"}]})J"),
                 std::string("'p', field 'variable': 'u' is a linked variable; a PoissonInput "
                             "cannot change it"));
    }

    /// xi in a clock-driven synaptic equation: each synapse draws its own
    /// number every step (an OU process per synapse), the same for a seed.
    void synapticNoiseIsDrawnPerSynapse() {
        const std::string json = R"J({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "duration": "5*ms", "seed": 9,
  "groups": [{"name": "A", "type": "NeuronGroup", "N": 3, "equations": "v : 1"}],
  "synapses": [{"name": "S", "source": "A", "target": "A", "method": "euler",
    "model": "dw/dt = -w/(5*ms) + xi/sqrt(5*ms) : 1 (clock-driven)", "connect": {}}],
  "monitors": [{"name": "w", "type": "StateMonitor", "source": "S", "variables": ["w"],
                "record": true}]
    })J";
        const auto first = run(json);
        const auto second = run(json);
        const StateRecord& w = record(*first, "w");
        QCOMPARE(w.columns.size(), size_t(9));
        for (size_t a = 0; a < 9; ++a)
            for (size_t b = a + 1; b < 9; ++b)
                QVERIFY(w.value(49, a) != w.value(49, b));
        for (size_t c = 0; c < 9; ++c)
            QCOMPARE(w.value(49, c), record(*second, "w").value(49, c));
        QCOMPARE(w.value(0, 0), 0.0);
        QVERIFY(w.value(1, 0) != 0.0);
    }
};

QTEST_APPLESS_MAIN(TestLinkedVariables)
#include "tst_linked_variables.moc"
