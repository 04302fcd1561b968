// `initial` in its list form: values as arrays, by index, by slice, by
// condition and, for synapses, by pre/post index (Brian2's `G.v[10:20] = ...`,
// `S.w['i > j'] = ...`, `S.w[0, :] = ...`). Reading, writing and bad input
// (one message naming object and field), the values the engine sets, and how
// many random numbers each form draws. Exact agreement with Brian2's random
// stream is in tst_reference (initial_assignments).
#include "diagnostics/ModelProblems.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/PlainValues.h"

#include <QtTest>

using namespace spikestudio;

namespace {

/// A model with group G of `n` neurons (variables v in volt, x and y
/// dimensionless) whose `initial` is `initial`, and a Synapses object S
/// from G onto itself (connect `connect`, initial `synapseInitial`).
std::string model(int n, const std::string& initial, const std::string& connect = "",
                  const std::string& synapseInitial = "") {
    std::string text = R"j({"format": "spikestudio-model", "version": 1, "duration": "1*ms",
      "constants": {"w0": "2*mV"},
      "groups": [{"name": "G", "type": "NeuronGroup", "N": )j" +
                       std::to_string(n) +
                       R"j(, "equations": "v : volt\nx : 1\ny : 1\nz = 2*x : 1",
        "initial": )j" +
                       initial + "}]";
    if (!connect.empty())
        text += R"j(, "synapses": [{"name": "S", "source": "G", "target": "G",
          "model": "w : volt", "connect": )j" +
                connect + (synapseInitial.empty() ? "" : R"j(, "initial": )j" + synapseInitial) +
                "}]";
    return text + "}";
}

QString readProblem(const std::string& text) {
    try {
        readModel(text);
    } catch (const ModelError& error) {
        return QString::fromUtf8(error.what());
    }
    return "no error";
}

/// The first problem the checker (or, past it, building the network) finds.
QString problem(const std::string& text) {
    try {
        const CheckedModel checked = checkModel(readModel(text));
        buildConnectivity(checked);
    } catch (const ModelProblems& problems) {
        return QString::fromUtf8(problems.all().front().what());
    } catch (const ModelError& error) {
        return QString::fromUtf8(error.what());
    }
    return "no error";
}

std::unique_ptr<Network> built(const std::string& text, std::uint32_t seed = 7) {
    CheckOptions options;
    options.seed = seed;
    return buildConnectivity(checkModel(readModel(text), options));
}

std::vector<double> groupValues(const std::string& text, const std::string& variable,
                                std::uint32_t seed = 7) {
    return plainValues(built(text, seed)->groups().front().variables.at(variable));
}

std::vector<double> millivolts(const std::vector<double>& volts) {
    std::vector<double> result;
    for (double value : volts)
        result.push_back(std::round(value * 1e6) / 1e3);
    return result;
}

} // namespace

class InitialAssignmentsTest : public QObject {
    Q_OBJECT

private slots:
    void arraysIndicesSlicesAndConditionsApplyInOrder() {
        const std::string text = model(6, R"j([
            {"variable": "v", "value": [1, 2, 3, 4, 5, 6], "unit": "mV"},
            {"variable": "v", "value": "-1*mV", "index": "1:6:2"},
            {"variable": "v", "value": [7, 8], "unit": "mV", "index": [4, 4]},
            {"variable": "v", "value": "v + i*mV", "condition": "i >= 4"},
            {"variable": "v", "value": "w0", "index": 0}])j");
        // 1:6:2 is 1, 3, 5; index 4 twice: the last value wins (numpy's rule)
        QCOMPARE(millivolts(groupValues(text, "v")), std::vector<double>({2, -1, 3, -1, 12, 4}));
    }

    void aSingleNumberStandsForEverySelectedElement() {
        const std::string text =
            model(4, R"j([{"variable": "x", "value": [0.5], "index": "2:"}])j");
        QCOMPARE(groupValues(text, "x"), std::vector<double>({0, 0, 0.5, 0.5}));
    }

    /// A condition draws for every element, the value only for the selected
    /// ones (Brian2's group_variable_set_conditional): here `y` reads the
    /// stream after 4 draws for x in every variant that selects 4 elements.
    void randomNumbersAreDrawnForTheSelectedElementsOnly() {
        const auto y = [](const std::string& xEntry) {
            return groupValues(
                model(10, "[" + xEntry + R"j(, {"variable": "y", "value": "rand()"}])j"), "y");
        };
        const auto bySlice = y(R"j({"variable": "x", "value": "rand()", "index": "0:4"})j");
        const auto byList = y(R"j({"variable": "x", "value": "rand()", "index": [9, 0, 3, 3]})j");
        const auto byCondition =
            y(R"j({"variable": "x", "value": "rand()", "condition": "i < 4"})j");
        const auto all = y(R"j({"variable": "x", "value": "rand()"})j");
        QCOMPARE(byList, bySlice);
        QCOMPARE(byCondition, bySlice); // the condition drew none, the value 4
        QVERIFY(all != bySlice);
    }

    void conditionsWithRandomNumbersDrawForEveryElementFirst() {
        const auto y = [](const std::string& xEntry) {
            return groupValues(
                model(10, "[" + xEntry + R"j(, {"variable": "y", "value": "rand()"}])j"), "y");
        };
        // rand() < 2 holds everywhere: 10 draws for the condition, 10 for the value
        const auto twice =
            y(R"j({"variable": "x", "value": "rand()", "condition": "rand() < 2"})j");
        const auto twoEntries = y(R"j({"variable": "x", "value": "rand()"},
                                      {"variable": "x", "value": "rand()"})j");
        QCOMPARE(twice, twoEntries);
        QVERIFY(twice != y(R"j({"variable": "x", "value": "rand()"})j"));
    }

    /// Brian2's `seed(n)` between two assignments: a seed entry starts
    /// numpy's stream again, so two draws after the same seed are equal, and
    /// the first equals a model seeded with n (whatever the run's own seed).
    void aSeedEntryStartsTheStreamAgain() {
        const std::string draws = R"j({"variable": "x", "value": "rand() + randn()"},
            {"variable": "y", "value": "randn()"}, {"seed": 12345678},
            {"variable": "y", "value": "rand() + randn()"})j";
        const std::string text = model(9, "[" + draws + "]");
        const std::vector<double> x = groupValues(text, "x", 12345678);
        QCOMPARE(groupValues(text, "y", 12345678), x);
        QCOMPARE(groupValues(text, "y", 5), x); // the entry's seed, not the run's
        QVERIFY(groupValues(text, "x", 5) != x);
        // The cached second normal of the pair is dropped, as numpy's seed() does:
        // an odd count of normals before the entry changes nothing after it.
        const std::string odd =
            model(9, R"j([{"variable": "x", "value": "randn()", "index": 0}, {"seed": 12345678},
                   {"variable": "y", "value": "rand() + randn()"}])j");
        QCOMPARE(groupValues(odd, "y", 5), x);
    }

    /// `{"seed": "fresh"}` (Brian2's `seed()`): a new stream, derived from the
    /// run's seed, so the same run seed repeats it and another changes it.
    void aFreshSeedFollowsTheRunsSeed() {
        const std::string text =
            model(6, R"j([{"seed": 1}, {"variable": "x", "value": "rand()"}, {"seed": "fresh"},
                   {"variable": "y", "value": "rand()"}, {"seed": "fresh"},
                   {"variable": "v", "value": "rand()*mV"}])j");
        QCOMPARE(groupValues(text, "x", 3), groupValues(text, "x", 4));
        QCOMPARE(groupValues(text, "y", 3), groupValues(text, "y", 3));
        QVERIFY(groupValues(text, "y", 3) != groupValues(text, "y", 4));
        std::vector<double> v = groupValues(text, "v", 3);
        for (double& value : v)
            value *= 1e3;
        QVERIFY(v != groupValues(text, "y", 3)); // each fresh seed is another
        QVERIFY(groupValues(text, "y", 3) != groupValues(text, "x", 3));
    }

    void synapsesAreSelectedByNumberByPrePostAndByCondition() {
        const std::string text = model(3, R"j({"v": "0*mV"})j", R"j({})j",
                                       R"j([{"variable": "w", "value": "i*mV + j*0.1*mV"},
                      {"variable": "w", "value": "-1*mV", "pre": 0},
                      {"variable": "w", "value": "-2*mV", "pre": [1, 2], "post": "2:3"},
                      {"variable": "w", "value": "w*10", "condition": "i == j"},
                      {"variable": "w", "value": [5, 6], "unit": "mV", "index": "7:"}])j");
        auto network = built(text);
        const SynapseState& s = network->synapses().front();
        QCOMPARE(s.size(), 9); // every pair, i major
        QCOMPARE(millivolts(plainValues(s.variables.at("w"))),
                 std::vector<double>({-10, -1, -1, 1, 11, -2, 2, 5, 6}));
    }

    void theListFormIsWrittenBackAsRead() {
        const std::string text =
            model(5, R"j([{"variable": "v", "value": [1, 2.5], "unit": "mV", "index": [0, 3]},
                         {"variable": "x", "value": "rand()", "condition": "i > 1"},
                         {"variable": "y", "value": 2, "index": "1:5:2"},
                         {"variable": "y", "value": "3", "index": 4}, {"seed": 9},
                         {"seed": "fresh"}])j",
                  R"j({"p": 0.5})j",
                  R"j([{"seed": 4294967295},
                       {"variable": "w", "value": "w0", "pre": "0:2", "post": [1]}])j");
        const std::string written = writeModelJson(readModel(text));
        QCOMPARE(writeModelJson(readModel(written)), written);
        QVERIFY(written.find(R"j("index": "1:5:2")j") != std::string::npos ||
                written.find(R"j("index":"1:5:2")j") != std::string::npos);
        const Model again = readModel(written);
        QCOMPARE(again.groups[0].assignments.size(), size_t(6));
        QCOMPARE(again.groups[0].assignments[4].reseed->seed, std::optional<std::uint32_t>(9));
        QVERIFY(!again.groups[0].assignments[5].reseed->seed); // fresh
        QCOMPARE(again.synapses[0].assignments[0].reseed->seed,
                 std::optional<std::uint32_t>(4294967295u));
        QCOMPARE(again.groups[0].assignments[0].values, std::vector<double>({1, 2.5}));
        QCOMPARE(again.groups[0].assignments[3].index.list, std::vector<long long>({4}));
        QCOMPARE(again.synapses[0].assignments[1].post.list, std::vector<long long>({1}));
        QVERIFY(again.groups[0].initial.empty());
    }

    /// Map entries beside a list (added by an editor) are applied first, so
    /// they are written at the head of the list.
    void mapEntriesBesideAListLeadIt() {
        Model read = readModel(model(2, R"j([{"variable": "x", "value": "x + 1"}])j"));
        read.groups[0].initial.emplace_back("x", "5");
        const Model again = readModel(writeModelJson(read));
        QVERIFY(again.groups[0].initial.empty());
        QCOMPARE(again.groups[0].assignments.size(), size_t(2));
        QCOMPARE(again.groups[0].assignments[0].value, std::string("5"));
        QCOMPARE(groupValues(writeModelJson(read), "x"), std::vector<double>({6, 6}));
    }

    void theMapFormStaysAMap() {
        const Model read = readModel(model(2, R"j({"v": "w0", "x": "i"})j"));
        QVERIFY(read.groups[0].assignments.empty());
        const std::string written = writeModelJson(read);
        QVERIFY2(written.find(R"j("initial": {)j") != std::string::npos, written.c_str());
    }

    void badShapesAreRefusedWhenRead_data() {
        QTest::addColumn<QString>("initial");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a list or map") << R"j("v")j"
                                           << "'G', field 'initial': expected an object mapping "
                                              "names to expressions, or a list of assignments";
        QTest::newRow("entry not an object") << R"j([3])j"
                                             << "'G', field 'initial[0]': expected an object "
                                                "with 'variable' and 'value'";
        QTest::newRow("no value") << R"j([{"variable": "v"}])j"
                                  << "'G', field 'initial[0].value': missing field 'value'";
        QTest::newRow("unknown field")
            << R"j([{"variable": "v", "value": "1*mV", "indices": [1]}])j"
            << "'G', field 'initial[0].indices': unknown field 'indices'";
        QTest::newRow("a string among numbers")
            << R"j([{"variable": "x", "value": [1, "2"]}])j"
            << "'G', field 'initial[0].value': expected a list of numbers, got \"2\"";
        QTest::newRow("empty list") << R"j([{"variable": "x", "value": []}])j"
                                    << "'G', field 'initial[0].value': expected at least one "
                                       "number";
        QTest::newRow("negative index")
            << R"j([{"variable": "x", "value": 1, "index": [-1]}])j"
            << "'G', field 'initial[0].index': expected a non-negative whole number, a list of "
               "them or a slice 'start:stop', got -1";
        QTest::newRow("bad slice") << R"j([{"variable": "x", "value": 1, "index": "1:b"}])j"
                                   << "'G', field 'initial[0].index': expected a slice "
                                      "'start:stop' or 'start:stop:step' of non-negative whole "
                                      "numbers (step at least 1), got '1:b'";
        QTest::newRow("zero step") << R"j([{"variable": "x", "value": 1, "index": "::0"}])j"
                                   << "'G', field 'initial[0].index': expected a slice "
                                      "'start:stop' or 'start:stop:step' of non-negative whole "
                                      "numbers (step at least 1), got '::0'";
        QTest::newRow("pre on a group")
            << R"j([{"variable": "x", "value": 1}, {"variable": "x", "value": 1, "pre": 0}])j"
            << "'G', field 'initial[1].pre': 'pre' only applies to a Synapses object's values";
        QTest::newRow("unit without a list")
            << R"j([{"variable": "v", "value": "1", "unit": "mV"}])j"
            << "'G', field 'initial[0].unit': a unit applies only to a list of numbers";
        QTest::newRow("condition and index")
            << R"j([{"variable": "x", "value": 1, "index": 2, "condition": "i > 1"}])j"
            << "'G', field 'initial[0].condition': a condition cannot be combined with 'index', "
               "'pre' or 'post'";
        QTest::newRow("seed out of range")
            << R"j([{"seed": 4294967296}])j"
            << "'G', field 'initial[0].seed': the seed must be a whole number from 0 to "
               "4294967295, or \"fresh\" for a new seed";
        QTest::newRow("negative seed") << R"j([{"seed": -1}])j"
                                       << "'G', field 'initial[0].seed': the seed must be a "
                                          "whole number from 0 to 4294967295, or \"fresh\" "
                                          "for a new seed";
        QTest::newRow("seed as another word") << R"j([{"seed": "random"}])j"
                                              << "'G', field 'initial[0].seed': the seed must "
                                                 "be a whole number from 0 to 4294967295, or "
                                                 "\"fresh\" for a new seed";
        QTest::newRow("seed as a fraction") << R"j([{"seed": 1.5}])j"
                                            << "'G', field 'initial[0].seed': the seed must be "
                                               "a whole number from 0 to 4294967295, or "
                                               "\"fresh\" for a new seed";
        QTest::newRow("a seed entry that assigns")
            << R"j([{"seed": 1, "variable": "x", "value": "rand()"}])j"
            << "'G', field 'initial[0].variable': unknown field 'variable' in a seed entry (it "
               "has 'seed' only)";
        QTest::newRow("condition with a list")
            << R"j([{"variable": "x", "value": [1, 2], "condition": "i > 1"}])j"
            << "'G', field 'initial[0].value': with a condition the value must be an expression "
               "or one number (as in Brian2), not a list";
    }

    void badShapesAreRefusedWhenRead() {
        QFETCH(QString, initial);
        QFETCH(QString, message);
        QCOMPARE(readProblem(model(4, initial.toStdString())), message);
    }

    void badMeaningsAreRefusedByTheChecker_data() {
        QTest::addColumn<QString>("initial");
        QTest::addColumn<QString>("message");
        QTest::newRow("too few values") << R"j([{"variable": "x", "value": [1, 2, 3, 4, 5]}])j"
                                        << "'G', field 'initial[0].value': 5 values for 10 neurons";
        QTest::newRow("too many for the slice")
            << R"j([{"variable": "x", "value": [1, 2, 3], "index": "0:4:2"}])j"
            << "'G', field 'initial[0].value': 3 values for 2 selected neurons";
        QTest::newRow("index out of range")
            << R"j([{"variable": "x", "value": 1, "index": [3, 10]}])j"
            << "'G', field 'initial[0].index': index 10 is out of range for 10 neurons";
        QTest::newRow("slice beyond the group")
            << R"j([{"variable": "x", "value": 1, "index": "5:11"}])j"
            << "'G', field 'initial[0].index': index 11 is out of range for 10 neurons";
        QTest::newRow("unknown variable")
            << R"j([{"variable": "u", "value": 1}])j"
            << "'G', field 'initial[0].variable': 'u' is not a variable of 'G'";
        QTest::newRow("a subexpression")
            << R"j([{"variable": "z", "value": 1}])j"
            << "'G', field 'initial[0].variable': 'z' is a subexpression and cannot be assigned";
        QTest::newRow("numbers in the wrong unit")
            << R"j([{"variable": "v", "value": [1], "unit": "ms"}])j"
            << "'G', field 'initial[0].value': DimensionMismatchError: the values are in s, but "
               "'v' has unit V";
        QTest::newRow("a zero unit")
            << R"j([{"variable": "v", "value": [1], "unit": "0*mV"}])j"
            << "'G', field 'initial[0].unit': the unit must be a finite, non-zero quantity";
        QTest::newRow("a condition that is not one")
            << R"j([{"variable": "x", "value": 1, "condition": "i + 1"}])j"
            << "'G', field 'initial[0].condition'";
        QTest::newRow("an expression in the wrong unit")
            << R"j([{"variable": "v", "value": "3", "index": 1}])j"
            << "'G', field 'initial[0].value'";
    }

    void badMeaningsAreRefusedByTheChecker() {
        QFETCH(QString, initial);
        QFETCH(QString, message);
        const QString found = problem(model(10, initial.toStdString()));
        QVERIFY2(found.startsWith(message), qPrintable(found));
    }

    void synapseSelectionsAreCheckedWhenTheSynapsesExist() {
        const auto synapseProblem = [](const std::string& entry) {
            return problem(
                model(3, R"j({"v": "0*mV"})j", R"j({"condition": "i != j"})j", "[" + entry + "]"));
        };
        QCOMPARE(synapseProblem(R"j({"variable": "w", "value": "1*mV", "index": 6})j"),
                 QString("'S', field 'initial[0].index': index 6 is out of range for 6 synapses"));
        QCOMPARE(synapseProblem(R"j({"variable": "w", "value": [1, 2], "unit": "mV"})j"),
                 QString("'S', field 'initial[0].value': 2 values for 6 synapses"));
        QCOMPARE(synapseProblem(R"j({"variable": "w", "value": [1, 2, 3], "unit": "mV",
                                    "pre": 0})j"),
                 QString("'S', field 'initial[0].value': 3 values for 2 selected synapses"));
        QCOMPARE(synapseProblem(R"j({"variable": "w", "value": "1*mV", "post": [3]})j"),
                 QString("'S', field 'initial[0].post': index 3 is out of range for 3 "
                         "postsynaptic neurons"));
        QCOMPARE(synapseProblem(R"j({"variable": "q", "value": "1"})j"),
                 QString("'S', field 'initial[0].variable': 'q' is not a variable of 'S'"));
        QCOMPARE(synapseProblem(R"j({"variable": "w", "value": "1*mV", "pre": "0:2"})j"),
                 QString("no error"));
    }

    /// A million values for a million neurons are read and set; one more is a
    /// one-line message, not a crash.
    void largeArraysWithinTheLimits() {
        const int n = 1'000'000;
        std::string values = "0";
        values.reserve(2 * n + 8);
        for (int k = 1; k < n; ++k)
            values += ",1";
        const std::string good = model(n, R"j([{"variable": "x", "value": [)j" + values + "]}]");
        const std::vector<double> x = groupValues(good, "x");
        QCOMPARE(x.size(), size_t(n));
        QCOMPARE(x.front(), 0.0);
        QCOMPARE(x.back(), 1.0);
        const std::string bad = model(n, R"j([{"variable": "x", "value": [)j" + values + ",1]}]");
        QCOMPARE(problem(bad),
                 QString("'G', field 'initial[0].value': 1000001 values for 1000000 neurons"));
    }
};

QTEST_APPLESS_MAIN(InitialAssignmentsTest)
#include "tst_initial_assignments.moc"
