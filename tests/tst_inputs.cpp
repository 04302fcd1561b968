// TimedArray and PoissonInput: the lookup grid, numpy's binomial stream, the
// dimension rules of TimedArray calls, the integrator choice they allow, and
// bad input refused with a message naming the object and field. Agreement with
// Brian2 on whole models lives in tst_reference (inputs_*).
#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "runtime/BinomialSampler.h"
#include "runtime/RandomGenerator.h"
#include "runtime/TimedArrayLookup.h"

#include <QtTest>
#include <cmath>

using namespace spikestudio;

namespace {

std::string modelWith(const std::string& timedArrays, const std::string& groupFields,
                      const std::string& poissonInputs = "[]") {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "2*ms",
      "timed_arrays": )" +
           timedArrays + R"(,
      "groups": [{"name": "G", "type": "NeuronGroup", "N": 3, )" +
           groupFields + R"(}],
      "poisson_inputs": )" +
           poissonInputs + "}";
}

const std::string kStimulus =
    R"([{"name": "stim", "dt": "1*ms", "unit": "mV", "values": [1, 2, 3]}])";

QString errorOf(const std::string& json) {
    try {
        const CheckedModel checked = checkModel(readModel(json));
        buildNetwork(checked)->run(checked.duration);
    } catch (const ModelError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

std::vector<double> drawBinomials(std::int64_t n, double p, int count) {
    const BinomialPlan plan = planBinomial(n, p);
    RandomGenerator random(3);
    std::vector<double> draws;
    for (int k = 0; k < count; ++k) {
        const double successes =
            spikestudio_binomial_inversion(&random, plan.n, plan.p, plan.q, plan.qn, plan.bound);
        draws.push_back(plan.countsFailures ? static_cast<double>(n) - successes : successes);
    }
    return draws;
}

} // namespace

class TestInputs : public QObject {
    Q_OBJECT

private slots:
    void timedArrayValueHoldsForItsWholeStep() {
        // Values 10, 20, 30 on a 1 ms grid, read by a 0.1 ms clock (K = 128).
        const double values[] = {10, 20, 30};
        const double epsilon = 1e-3 / 128;
        QCOMPARE(spikestudio_timed_array_1d(values, 3, epsilon, 128, 0.0), 10.0);
        QCOMPARE(spikestudio_timed_array_1d(values, 3, epsilon, 128, 0.9e-3), 10.0);
        QCOMPARE(spikestudio_timed_array_1d(values, 3, epsilon, 128, 1.0e-3), 20.0);
        QCOMPARE(spikestudio_timed_array_1d(values, 3, epsilon, 128, 2.9999e-3), 30.0);
    }

    void timedArrayClipsOutsideItsTable() {
        const double values[] = {10, 20, 30};
        QCOMPARE(spikestudio_timed_array_1d(values, 3, 1e-3 / 128, 128, -5.0), 10.0);
        QCOMPARE(spikestudio_timed_array_1d(values, 3, 1e-3 / 128, 128, 1e9), 30.0);
        QCOMPARE(spikestudio_timed_array_1d(values, 3, 1e-3 / 128, 128, std::nan("")), 10.0);
    }

    void twoDimensionalTimedArrayIndexesColumns() {
        const double table[] = {1, 2, 3, 4, 5, 6}; // two rows of three
        const double epsilon = 1e-3 / 128;
        QCOMPARE(spikestudio_timed_array_2d(table, 2, 3, epsilon, 128, 0.0, 2.0), 3.0);
        QCOMPARE(spikestudio_timed_array_2d(table, 2, 3, epsilon, 128, 1e-3, 0.0), 4.0);
        QVERIFY(std::isnan(spikestudio_timed_array_2d(table, 2, 3, epsilon, 128, 0.0, 3.0)));
        QVERIFY(std::isnan(spikestudio_timed_array_2d(table, 2, 3, epsilon, 128, 0.0, -1.0)));
    }

    void binomialPlanFollowsBrian2sChoice() {
        QVERIFY(planBinomial(400, 0.025).normal);   // n p = 10, n (1-p) = 390
        QVERIFY(!planBinomial(1000, 0.005).normal); // n p = 5 is not above 5
        QVERIFY(!planBinomial(8, 0.9).normal);
        QVERIFY(planBinomial(8, 0.9).countsFailures);
        const BinomialPlan normal = planBinomial(400, 0.025);
        QCOMPARE(normal.mean, 10.0);
        QCOMPARE(normal.deviation, std::sqrt(400 * 0.025 * 0.975));
    }

    void binomialDrawsAreNumpys_data() {
        // /usr/bin/python3 -c "import numpy as np; np.random.seed(3);
        //     print(list(np.random.binomial(n, p, size=12)))"   (numpy 1.24)
        QTest::addColumn<qint64>("n");
        QTest::addColumn<double>("p");
        QTest::addColumn<QVector<double>>("expected");
        QTest::newRow("sparse") << qint64(1000) << 0.001
                                << QVector<double>{1, 1, 0, 1, 2, 2, 0, 0, 0, 1, 0, 1};
        QTest::newRow("p above one half")
            << qint64(8) << 0.9 << QVector<double>{7, 7, 8, 7, 6, 6, 8, 8, 8, 7, 8, 7};
        QTest::newRow("moderate") << qint64(30) << 0.15
                                  << QVector<double>{5, 5, 3, 4, 7, 7, 2, 3, 2, 4, 1, 4};
    }

    void binomialDrawsAreNumpys() {
        QFETCH(qint64, n);
        QFETCH(double, p);
        QFETCH(QVector<double>, expected);
        const std::vector<double> draws = drawBinomials(n, p, 12);
        QCOMPARE(QVector<double>(draws.begin(), draws.end()), expected);
    }

    void locallyConstantTimedArrayAllowsExact_data() {
        QTest::addColumn<QString>("grid");
        QTest::addColumn<QString>("method");
        QTest::newRow("1 ms grid, 0.1 ms clock") << "1*ms"
                                                 << "exact";
        QTest::newRow("same grid") << "0.1*ms"
                                   << "exact";
        QTest::newRow("0.25 ms grid is not a multiple") << "0.25*ms"
                                                        << "euler";
        QTest::newRow("finer grid than the clock") << "0.05*ms"
                                                   << "euler";
    }

    void locallyConstantTimedArrayAllowsExact() {
        QFETCH(QString, grid);
        QFETCH(QString, method);
        // (moc misreads a raw string that ends in a quote, so plain strings here)
        const std::string arrays = "[{\"name\": \"stim\", \"dt\": \"" + grid.toStdString() +
                                   "\", \"unit\": \"mV\", \"values\": [1, 2, 3]}]";
        const CheckedModel checked = checkModel(
            readModel(modelWith(arrays, R"("equations": "dv/dt = (stim(t) - v)/(5*ms) : volt")")));
        QCOMPARE(QString::fromStdString(nameOf(checked.groups[0].method)), method);
    }

    void timedArrayDrivesTheGroup() {
        // v = stim(t) as a subexpression, recorded before each step's update.
        const CheckedModel checked = checkModel(readModel(
            R"({"format": "spikestudio-model", "version": 1, "dt": "0.5*ms", "duration": "3*ms",
                "timed_arrays": [{"name": "stim", "dt": "1*ms", "values": [1, 2, 3]}],
                "groups": [{"name": "G", "type": "NeuronGroup", "N": 1,
                            "equations": "x = stim(t) : 1"}],
                "monitors": [{"name": "m", "type": "StateMonitor", "source": "G",
                              "variables": ["x"], "record": [0]}]})"));
        auto network = buildNetwork(checked);
        network->run(checked.duration);
        const StateRecord& record = network->stateRecords().front();
        const std::vector<double> expected = {1, 1, 2, 2, 3, 3};
        QCOMPARE(record.values, expected);
    }

    void poissonInputAddsWeightTimesCount() {
        // p = 1: every one of the 4 inputs fires every step, so v grows by 4 * w per step.
        const CheckedModel checked = checkModel(readModel(modelWith(
            "[]", R"("equations": "v : volt")",
            R"j([{"name": "drive", "target": "G", "variable": "v", "N": 4, "rate": "10*kHz",
                 "weight": "0.5*mV*(i + 1)"}])j")));
        auto network = buildNetwork(checked);
        network->run(checked.duration);
        const auto& v = network->groups()[0].variable("v");
        for (int k = 0; k < 3; ++k)
            QCOMPARE(v[static_cast<size_t>(k)], 20 * 4 * 0.5e-3 * (k + 1));
    }

    void badInput_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const std::string& model, const char* message) {
            QTest::newRow(name) << QString::fromStdString(model) << message;
        };
        const std::string lif = R"("equations": "dv/dt = -v/(5*ms) : volt")";
        row("empty values", modelWith(R"([{"name": "s", "dt": "1*ms", "values": []}])", lif),
            "'s', field 'values': a TimedArray needs at least one value");
        row("ragged table",
            modelWith(R"([{"name": "s", "dt": "1*ms", "values": [[1, 2], [3]]}])", lif),
            "every row needs 2 values");
        row("text value", modelWith(R"([{"name": "s", "dt": "1*ms", "values": [1, "2"]}])", lif),
            "expected numbers");
        row("grid not a time", modelWith(R"([{"name": "s", "dt": "1*mV", "values": [1]}])", lif),
            "'s', field 'dt'");
        row("zero grid", modelWith(R"([{"name": "s", "dt": "0*ms", "values": [1]}])", lif),
            "'s', field 'dt'");
        row("bad unit",
            modelWith(R"([{"name": "s", "dt": "1*ms", "unit": "furlong", "values": [1]}])", lif),
            "'s', field 'unit'");
        row("built-in name", modelWith(R"([{"name": "exp", "dt": "1*ms", "values": [1]}])", lif),
            "'exp' is the name of a built-in function");
        row("unit name", modelWith(R"([{"name": "mV", "dt": "1*ms", "values": [1]}])", lif),
            "'mV' is the name of a unit");
        row("two with one name",
            modelWith(R"([{"name": "s", "dt": "1*ms", "values": [1]},
                          {"name": "s", "dt": "2*ms", "values": [2]}])",
                      lif),
            "'s' is already a constant, unit or TimedArray");
        row("unknown field",
            modelWith(R"([{"name": "s", "dt": "1*ms", "values": [1], "step": 2}])", lif),
            "unknown field 'step'");
        row("wrong unit in equation",
            modelWith(kStimulus, R"("equations": "dv/dt = (stim(t) - v)/(5*ms) : 1")"),
            "'G', field 'equations'");
        row("argument not a time", modelWith(kStimulus, R"("equations": "x = stim(3) : volt")"),
            "argument 1 of TimedArray 'stim' must be a time");
        row("wrong arity", modelWith(kStimulus, R"("equations": "x = stim(t, i) : volt")"),
            "was called with 2 parameters, needs 1");
        row("used as a value", modelWith(kStimulus, R"("equations": "x = stim : volt")"),
            "but it is a function");
        row("in an initial value",
            modelWith(kStimulus, lif + R"j(, "initial": {"v": "stim(0*ms)"})j"),
            "'G', field 'initial.v'");
        const std::string lifWithG =
            R"j("equations": "dv/dt = -v/(5*ms) : volt\ng : 1 (constant)")j";
        const auto input = [&](const std::string& fields) {
            return modelWith("[]", lifWithG, "[{\"name\": \"drive\", " + fields + "}]");
        };
        row("unknown target",
            input(R"("target": "X", "variable": "v", "N": 5, "rate": "1*Hz", "weight": "1*mV")"),
            "'drive', field 'target': unknown target 'X'");
        row("unknown variable",
            input(R"("target": "G", "variable": "u", "N": 5, "rate": "1*Hz", "weight": "1*mV")"),
            "'drive', field 'variable'");
        row("constant variable",
            input(R"("target": "G", "variable": "g", "N": 5, "rate": "1*Hz", "weight": "1")"),
            "declared constant");
        row("rate not a rate",
            input(R"("target": "G", "variable": "v", "N": 5, "rate": "1*ms", "weight": "1*mV")"),
            "'drive', field 'rate'");
        row("rate too high for dt",
            input(R"("target": "G", "variable": "v", "N": 5, "rate": "20*kHz", "weight": "1*mV")"),
            "rate * dt must lie between 0 and 1");
        row("negative rate",
            input(R"("target": "G", "variable": "v", "N": 5, "rate": "-1*Hz", "weight": "1*mV")"),
            "the rate must be finite and zero or more");
        row("weight unit",
            input(R"("target": "G", "variable": "v", "N": 5, "rate": "1*Hz", "weight": "1*nA")"),
            "'drive', field 'weight'");
        row("negative N",
            input(R"("target": "G", "variable": "v", "N": -5, "rate": "1*Hz", "weight": "1*mV")"),
            "'drive', field 'N'");
        row("name taken",
            modelWith("[]", lif,
                      R"([{"name": "G", "target": "G", "variable": "v", "N": 5, "rate": "1*Hz",
                           "weight": "1*mV"}])"),
            "already called 'G'");
    }

    void badInput() {
        QFETCH(QString, model);
        QFETCH(QString, message);
        const QString error = errorOf(model.toStdString());
        QVERIFY2(error.contains(message), qPrintable("got: " + error));
    }
};

QTEST_APPLESS_MAIN(TestInputs)
#include "tst_inputs.moc"
