// The order in which a run takes numpy's random numbers within one
// operation, as Brian2's numpy target takes them: each draw site for every
// element before the next site (statement-major), both operands of and/or
// drawn, and synapse by synapse where numpy's code generator falls back on a
// Python loop (NumpyElementLoop's rule, unit-tested here row by row).
#include "engine/NetworkBuilder.h"
#include "expr/Parser.h"
#include "model/ModelReader.h"
#include "model/NumpyElementLoop.h"
#include "runtime/RandomGenerator.h"
#include "support/PlainValues.h"

#include <QtTest>

using namespace spikestudio;

namespace {

/// G (N neurons) runs `code` once, at the first step, from seed 7.
std::unique_ptr<Network> runOnce(const std::string& code, const std::string& extra = "",
                                 int neurons = 3) {
    const std::string json = R"J({"format": "spikestudio-model", "version": 1, "seed": 7,
  "dt": "0.1*ms", "duration": "0.1*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": )J" +
                             std::to_string(neurons) + R"J(,
    "equations": "x : 1\ny : 1\nz : 1",
    "run_regularly": [{"name": "draw", "dt": "0.1*ms", "code": ")J" +
                             code + R"J("}]})J" + extra + "]}";
    const CheckedModel checked = checkModel(readModel(json));
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    return network;
}

std::vector<double> valuesOf(const Network& network, const std::string& variable) {
    return plainValues(network.groups().front().variables.at(variable));
}

std::vector<double> uniforms(RandomGenerator& generator, int count) {
    std::vector<double> numbers;
    for (int k = 0; k < count; ++k)
        numbers.push_back(generator.uniform());
    return numbers;
}

std::vector<double> normals(RandomGenerator& generator, int count) {
    std::vector<double> numbers;
    for (int k = 0; k < count; ++k)
        numbers.push_back(generator.normal());
    return numbers;
}

/// The w and u each of S's six synapses holds after its one spike ran `onPre`.
std::pair<std::vector<double>, std::vector<double>> synapticDraws(const std::string& onPre) {
    const std::string json = R"J({"format": "spikestudio-model", "version": 1, "seed": 7,
  "dt": "0.1*ms", "duration": "0.3*ms",
  "groups": [{"name": "P", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0, 1],
              "times": ["0*ms", "0*ms"]},
             {"name": "G", "type": "NeuronGroup", "N": 3, "equations": "v : 1",
              "initial": {"v": "1"}}],
  "synapses": [{"name": "S", "source": "P", "target": "G", "model": "w : 1\nu : 1",
                "on_pre": ")J" +
                             onPre + R"J(", "connect": {}}]})J";
    const CheckedModel checked = checkModel(readModel(json));
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    const auto& values = network->synapses().front().variables;
    return {plainValues(values.at("w")), plainValues(values.at("u"))};
}

std::vector<Statement>
statements(const std::vector<std::tuple<std::string, AssignOp, std::string>>& lines) {
    std::vector<Statement> code;
    for (const auto& [target, op, value] : lines)
        code.push_back(Statement{target, op, parseExpression(value), {}});
    return code;
}

} // namespace

class TestDrawOrder : public QObject {
    Q_OBJECT

private slots:
    /// x takes the first N numbers, y the next N: numpy's rand(N) per statement.
    void eachStatementDrawsForEveryElementInTurn() {
        const auto network = runOnce("x = rand()\\ny = randn()\\nz = rand()");
        RandomGenerator stream(7);
        QCOMPARE(valuesOf(*network, "x"), uniforms(stream, 3));
        QCOMPARE(valuesOf(*network, "y"), normals(stream, 3));
        QCOMPARE(valuesOf(*network, "z"), uniforms(stream, 3));
    }

    /// The right side of `and` draws for every element, also where the left
    /// side is false: the next statement's numbers come after all of them.
    void bothSidesOfAndDraw() {
        const auto network = runOnce("x = int(i > 5 and rand() < 2)\\ny = rand()");
        RandomGenerator stream(7);
        uniforms(stream, 3);
        QCOMPARE(valuesOf(*network, "x"), (std::vector<double>{0, 0, 0}));
        QCOMPARE(valuesOf(*network, "y"), uniforms(stream, 3));
    }

    /// A pathway numpy runs as a loop (it writes v_post, which it reads)
    /// draws synapse by synapse; one that does not, statement by statement.
    void pathwaysDrawInNumpysOrder() {
        const auto pathway = synapticDraws;
        RandomGenerator stream(7);
        const std::vector<double> w = uniforms(stream, 6);
        const std::vector<double> u = normals(stream, 6);
        QCOMPARE(pathway("w = rand()\\nu = randn()"), std::pair(w, u));

        RandomGenerator loop(7);
        std::vector<double> wLoop, uLoop;
        for (int k = 0; k < 6; ++k) {
            wLoop.push_back(loop.uniform());
            uLoop.push_back(loop.normal());
        }
        QCOMPARE(pathway("w = rand()\\nu = randn()\\nv_post += 0.1*v_post*w"),
                 std::pair(wLoop, uLoop));
    }

    void numpyLoopsSynapseBySynapse_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<bool>("loops");
        for (int row = 0; row < 7; ++row)
            QTest::newRow(std::to_string(row).c_str()) << row << (row == 2 || row == 4 || row == 5);
    }

    /// Brian2's NumpyCodeGenerator.vectorise_code, rule by rule.
    void numpyLoopsSynapseBySynapse() {
        QFETCH(int, row);
        QFETCH(bool, loops);
        using A = AssignOp;
        const std::vector<std::vector<std::tuple<std::string, AssignOp, std::string>>> codes = {
            {{"w", A::Assign, "rand()"}, {"u", A::Add, "w"}}, // synapses' own only
            {{"v_post", A::Add, "w"}},                        // written, not read
            {{"v_post", A::Add, "0.1*v_post"}},               // read by itself
            {{"w", A::Assign, "v_post"}, {"v", A::Add, "w"}}, // read as v_post, written as v
            {{"x", A::Assign, "v_post"}, {"v_post", A::Assign, "x"}}, // read before written
            {{"v_post", A::Modulo, "3"}},                             // no ufunc.at for %
            {{"w", A::Assign, "v_post"}}, // read, nothing shared written
        };
        const SynapticIndexing indexing{
            [](const std::string& name) { return name == "v_post" || name == "v"; },
            [](const std::string& name) { return name == "v_post" || name == "v"; }};
        QCOMPARE(spikestudio::numpyLoopsSynapseBySynapse(statements(codes[size_t(row)]), indexing),
                 loops);
    }
};

QTEST_GUILESS_MAIN(TestDrawOrder)
#include "tst_draw_order.moc"
