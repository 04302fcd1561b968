// Brian2's BinomialFunction in a model: read and refused, and drawn as
// Brian2's numpy target draws it — its normal approximation as numpy's
// normal(mean, deviation), otherwise numpy's binomial(n, p) (inversion or
// BTPE) — statement by statement in kernels, on every thread count and both
// tiers, synapse by synapse where numpy loops, and in initial values.
#include "engine/NativeCompiler.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "runtime/BinomialSampler.h"
#include "runtime/RandomGenerator.h"
#include "support/PlainValues.h"
#include "support/SharedRun.h"

#include <QtTest>
#include <cmath>

using namespace spikestudio;

namespace {

/// g: the normal approximation (n p = 30); f: numpy's inversion (n p = 10);
/// b: numpy's BTPE (n p = 300).
const std::string kFunctions = R"J("binomial_functions": [
    {"name": "g", "n": 100, "p": "0.3"},
    {"name": "f", "n": 100, "p": "0.1", "approximate": false},
    {"name": "b", "n": 1000, "p": "p_b", "approximate": false}],
  "constants": {"p_b": "0.3"},)J";

/// G (N neurons) with x, y, z; `groupFields` adds to G, `rest` to the model.
std::string modelWith(const std::string& groupFields, int neurons = 4,
                      const std::string& rest = "") {
    return R"J({"format": "spikestudio-model", "version": 1, "seed": 11,
  "dt": "0.1*ms", "duration": "0.1*ms", )J" +
           kFunctions + R"J(
  "groups": [{"name": "G", "type": "NeuronGroup", "N": )J" +
           std::to_string(neurons) + R"J(,
    "equations": "x : 1\ny : 1\nz : 1")J" +
           groupFields + "}]" + rest + "}";
}

std::string drawingEveryStep(const std::string& code) {
    return R"J(, "run_regularly": [{"name": "draw", "dt": "0.1*ms", "code": ")J" + code + "\"}]";
}

std::vector<double> valuesOf(const Network& network, const std::string& variable) {
    return plainValues(network.groups().front().variables.at(variable));
}

/// What numpy's normal(30, sqrt(21), size=count) gives next (g).
std::vector<double> gDraws(RandomGenerator& stream, int count) {
    const double mean = 100 * 0.3, deviation = std::sqrt(100 * 0.3 * (1 - 0.3));
    std::vector<double> numbers;
    for (int k = 0; k < count; ++k)
        numbers.push_back(mean + deviation * stream.normal());
    return numbers;
}

/// What numpy's binomial(n, p, size=count) gives next.
std::vector<double> binomials(RandomGenerator& stream, long long n, double p, int count) {
    std::vector<double> numbers;
    for (int k = 0; k < count; ++k)
        numbers.push_back(spikestudio_binomial(&stream, n, p));
    return numbers;
}

/// Two sources firing once onto three neurons, every pair connected; each
/// synapse runs `onPre` once.
std::string pathwayModel(const std::string& onPre) {
    return R"J({"format": "spikestudio-model", "version": 1, "seed": 11,
  "dt": "0.1*ms", "duration": "0.3*ms", )J" +
           kFunctions + R"J(
  "groups": [{"name": "P", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0, 1],
              "times": ["0*ms", "0*ms"]},
             {"name": "G", "type": "NeuronGroup", "N": 3, "equations": "v : 1",
              "initial": {"v": "1"}}],
  "synapses": [{"name": "S", "source": "P", "target": "G", "model": "w : 1\nu : 1",
                "on_pre": ")J" +
           onPre + R"J(", "connect": {}}]})J";
}

QString checkProblem(const std::string& json) {
    try {
        checkModel(readModel(json));
    } catch (const ModelError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestBinomialFunctions : public QObject {
    Q_OBJECT

private slots:
    void eachCallSiteDrawsForEveryNeuronInTurn_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("native");
        QTest::newRow("libtcc, 1 thread") << 1 << false;
        QTest::newRow("libtcc, 3 threads") << 3 << false;
        QTest::newRow("native, 3 threads") << 3 << true;
    }

    /// x takes g's four numbers, y f's, z b's: numpy runs each statement
    /// over the whole group; with the numbers drawn ahead, any thread count
    /// and either tier gives them.
    void eachCallSiteDrawsForEveryNeuronInTurn() {
        QFETCH(int, threads);
        QFETCH(bool, native);
        if (native && !NativeCompiler::find())
            QSKIP("no system C compiler here");
        const CheckedModel model =
            checkModel(readModel(modelWith(drawingEveryStep("x = g()\\ny = f()\\nz = b()"))));
        const auto network = runShared(model, threads, native);
        RandomGenerator stream(11);
        QCOMPARE(valuesOf(*network, "x"), gDraws(stream, 4));
        QCOMPARE(valuesOf(*network, "y"), binomials(stream, 100, 0.1, 4));
        QCOMPARE(valuesOf(*network, "z"), binomials(stream, 1000, 0.3, 4));
    }

    /// The kernel takes its numbers from blocks drawn ahead, one per site.
    void theKernelDrawsAheadSiteBySite() {
        BuildReport report;
        auto network = buildNetwork(
            checkModel(readModel(modelWith(drawingEveryStep("x = g()\\ny = f() + b()")))), &report);
        bool found = false;
        for (const LiveKernel& kernel : report.kernels) {
            if (kernel.bound->draws.sites.empty())
                continue;
            found = true;
            QVERIFY2(kernel.source.find("_context->rng") == std::string::npos,
                     kernel.source.c_str());
            using K = DrawKind;
            QCOMPARE(kernel.bound->draws.sites,
                     (std::vector<K>{K::Normal, K::Binomial, K::Binomial}));
            QCOMPARE(kernel.bound->draws.binomials,
                     (std::vector<BinomialSite>{{100, 0.1}, {1000, 0.3}}));
        }
        QVERIFY(found);
    }

    /// Initial values draw per call site for every neuron, as numpy
    /// evaluates `G.x = 'f()'`.
    void initialValuesDrawInNumpysOrder() {
        const CheckedModel model =
            checkModel(readModel(modelWith(R"J(, "initial": {"x": "f()", "y": "g() + b()"})J", 5)));
        const auto network = buildNetwork(model);
        RandomGenerator stream(11);
        QCOMPARE(valuesOf(*network, "x"), binomials(stream, 100, 0.1, 5));
        const std::vector<double> g = gDraws(stream, 5);
        const std::vector<double> b = binomials(stream, 1000, 0.3, 5);
        for (size_t k = 0; k < 5; ++k)
            QCOMPARE(valuesOf(*network, "y")[k], g[k] + b[k]);
    }

    /// A pathway numpy runs as a Python loop (it writes v_post, which it
    /// reads) draws synapse by synapse: f, then g, for each synapse in turn.
    void aLoopingPathwayDrawsSynapseBySynapse() {
        const std::string json = pathwayModel("w = f()\\nu = g()\\nv_post += 0.001*v_post*w");
        const CheckedModel model = checkModel(readModel(json));
        auto network = buildNetwork(model);
        network->run(model.duration);
        RandomGenerator stream(11);
        std::vector<double> w, u;
        for (int synapse = 0; synapse < 6; ++synapse) {
            w.push_back(binomials(stream, 100, 0.1, 1).front());
            u.push_back(gDraws(stream, 1).front());
        }
        QCOMPARE(plainValues(network->synapses().front().variables.at("w")), w);
        QCOMPARE(plainValues(network->synapses().front().variables.at("u")), u);
    }

    /// In an equation the call draws at every step, like rand(): euler adds
    /// dt * f()/ms.
    void equationsCallThemAtEveryStep() {
        const std::string json = modelWith(R"J(, "method": "euler")J", 3);
        const std::string withEquation = std::string(json).replace(
            json.find("x : 1\\ny : 1\\nz : 1"), std::string("x : 1\\ny : 1\\nz : 1").size(),
            "dx/dt = f()/ms : 1\\ny : 1\\nz : 1");
        const CheckedModel model = checkModel(readModel(withEquation));
        auto network = buildNetwork(model);
        network->run(model.duration);
        RandomGenerator stream(11);
        const std::vector<double> f = binomials(stream, 100, 0.1, 3);
        for (size_t k = 0; k < 3; ++k)
            QVERIFY(std::abs(valuesOf(*network, "x")[k] - 0.1 * f[k]) < 1e-12);
    }

    void badFunctionsAndCallsAreRefused_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("problem");
        QTest::newRow("a built-in's name")
            << R"("name": "f")"
            << R"("name": "rand")"
            << "'rand', field 'name': 'rand' is the name of a built-in function or constant";
        QTest::newRow("a constant's name") << R"("name": "f")"
                                           << R"("name": "p_b")"
                                           << "'p_b' is already a constant, unit or function";
        QTest::newRow("p above 1")
            << R"("p": "0.1")"
            << R"("p": "1.5")"
            << "'f', field 'p': p must be a probability from 0 to 1, got 1.5";
        QTest::newRow("p with a unit")
            << R"("p": "0.1")"
            << R"("p": "0.1*second")"
            << "'f', field 'p': DimensionMismatchError: p must be dimensionless, but has unit s";
        QTest::newRow("p infinite")
            << R"("p": "0.1")"
            << R"("p": "-inf")"
            << "'f', field 'p': p must be a probability from 0 to 1, got -inf";
        QTest::newRow("n below 0") << R"("n": 100, "p": "0.1")"
                                   << R"("n": -1, "p": "0.1")"
                                   << "field 'n'";
        QTest::newRow("called with an argument")
            << "x = f()"
            << "x = f(2)"
            << "Function 'f' was called with 1 parameters, needs 0.";
        QTest::newRow("used as a value")
            << "x = f()"
            << "x = f + 1"
            << "'f' was used like a variable/constant, but it is a function.";
    }

    /// Each with the object and field it concerns.
    void badFunctionsAndCallsAreRefused() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, problem);
        std::string json = modelWith(drawingEveryStep("x = f()"));
        const size_t at = json.find(from.toStdString());
        QVERIFY(at != std::string::npos);
        json.replace(at, size_t(from.size()), to.toStdString());
        const QString found = checkProblem(json);
        QVERIFY2(found.contains(problem), qPrintable(found));
    }
};

QTEST_GUILESS_MAIN(TestBinomialFunctions)
#include "tst_binomial_functions.moc"
