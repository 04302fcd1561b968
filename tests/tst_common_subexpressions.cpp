// Sharing of repeated subexpressions within one element's update
// (codegen/CommonSubexpressions): what is shared and what must not be, and
// that models run with sharing give bit for bit the results of the same
// models run with the unshared code.
#include "codegen/CommonSubexpressions.h"
#include "engine/NetworkBuilder.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/ModelReader.h"

#include <QScopeGuard>
#include <QtTest>
#include <cstring>

using namespace spikestudio;

namespace {

Assignment assignment(const std::string& target, const char* value) {
    return Assignment{target, parseExpression(value)};
}

// No name is invariant but the ones listed.
InvariantNamePredicate invariantNames(std::set<std::string> names) {
    return [names](const std::string& name) { return names.count(name) > 0; };
}

const InvariantNamePredicate kNothingInvariant = [](const std::string&) { return false; };

std::vector<std::string> lines(const AbstractCode& code) {
    std::vector<std::string> text;
    for (const AbstractStatement& statement : code) {
        const auto& a = std::get<Assignment>(statement);
        text.push_back(a.target + " = " + toText(a.value));
    }
    return text;
}

/// The name a line `name = value` assigns.
std::string targetOf(const std::string& line) {
    return line.substr(0, line.find(" = "));
}

int countOf(const std::vector<std::string>& text, const std::string& piece) {
    int count = 0;
    for (const std::string& line : text)
        for (size_t at = line.find(piece); at != std::string::npos; at = line.find(piece, at + 1))
            ++count;
    return count;
}

/// Repeats everywhere, with random initial values: calls repeated across
/// writes in the reset and in synaptic code (where v and v_post name one
/// variable), in the state update, and in a threshold.
const char* kRepeatingModel = R"json({"format": "spikestudio-model", "version": 1,
  "dt": "0.1*ms", "duration": "40*ms", "seed": 7,
  "constants": {"tau": "10*ms"},
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 60, "method": "euler",
    "equations": "dv/dt = (exp(v/(5*mV))*mV + exp(v/(5*mV))*w*mV - v)/tau : volt\ndw/dt = (exp(v/(5*mV))/(1 + w) - w/(1 + w))/tau : 1",
    "threshold": "exp(v/(5*mV)) > 4 and exp(v/(5*mV))*w > 0.5",
    "reset": "v = v - 10*mV*exp(w)\nw = w + exp(w)/10\nv = v + exp(w)*mV",
    "initial": {"v": "rand()*9*mV", "w": "rand()"}}],
  "synapses": [{"name": "S", "source": "G", "target": "G", "model": "c : 1",
    "on_pre": "v_post += exp(-c - v/mV)*mV\nc = c + exp(-c - v/mV)\nv += exp(-c - v_post/mV)*0.1*mV",
    "connect": {"condition": "i != j", "p": 0.3}, "initial": {"c": "rand()"}}],
  "monitors": [{"name": "m", "type": "StateMonitor", "source": "G", "variables": ["v", "w"], "record": true},
    {"name": "cs", "type": "StateMonitor", "source": "S", "variables": ["c"], "record": [0, 1, 2]},
    {"name": "s", "type": "SpikeMonitor", "source": "G"}]})json";

/// What a run of a model recorded, and the C its kernels were generated as.
struct SharingRun {
    std::vector<std::vector<double>> states; // per state monitor, its values then its times
    std::vector<std::vector<std::int32_t>> spikes;
    std::vector<std::string> sources;
};

/// Runs `model` with kernels generated with or without sharing.
SharingRun runWithSharing(const CheckedModel& model, bool sharing) {
    setCommonSubexpressionSharing(sharing);
    const auto restore = qScopeGuard([] { setCommonSubexpressionSharing(true); });
    BuildReport report;
    const auto network = buildNetwork(model, &report);
    network->run(model.duration);
    SharingRun results;
    for (const StateRecord& record : network->stateRecords()) {
        results.states.push_back(record.values);
        results.states.push_back(record.times);
    }
    for (const SpikeRecord& record : network->spikeRecords())
        results.spikes.push_back(record.indices);
    for (const LiveKernel& kernel : report.kernels)
        results.sources.push_back(kernel.source);
    return results;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

} // namespace

class TestCommonSubexpressions : public QObject {
    Q_OBJECT

private slots:
    void aRepeatedCallIsComputedOnce() {
        const AbstractCode code = {assignment("_a", "exp(v/w) + 1"),
                                   assignment("_b", "2*exp(v/w)")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(text.size(), size_t(3));
        QCOMPARE(countOf(text, "exp("), 1);
        const std::string shared = targetOf(text[0]); // a new temporary, read by both
        QVERIFY(shared.starts_with("_") && shared != "_a" && shared != "_b");
        QCOMPARE(countOf({text[1], text[2]}, shared), 2);
        QCOMPARE(targetOf(text[1]), std::string("_a"));
        QCOMPARE(targetOf(text[2]), std::string("_b"));
    }

    // The rate functions of a Hodgkin-Huxley gate, as exponential Euler
    // writes them: alpha appears three times, the whole rate twice.
    void nestedRepeatsShareTheOutermostTree() {
        const AbstractCode code = {
            assignment("_B", "(0.32*(13 - v)/(exp((13 - v)/4) - 1))/(0.32*(13 - v)/(exp((13 - "
                             "v)/4) - 1) + exp(v))"),
            assignment("_m", "-_B + (_B + m)*exp((0.32*(13 - v)/(exp((13 - v)/4) - 1))*dt)")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(countOf(text, "exp((13 - v)"), 1);
        // The alpha tree is shared; its parts are not given temporaries of their own.
        QCOMPARE(text.size(), size_t(3));
    }

    void aWriteEndsTheLifeOfWhatReadTheOldValue() {
        const AbstractCode code = {assignment("_a", "exp(v)"), assignment("v", "v + 1"),
                                   assignment("_b", "exp(v)")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(text.size(), size_t(3));
        QCOMPARE(countOf(text, "exp(v)"), 2);
    }

    void aRepeatAfterAWriteToAnotherTemporaryIsShared() {
        const AbstractCode code = {assignment("_a", "exp(v)"), assignment("_w", "_w + 1"),
                                   assignment("_b", "exp(v)")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(countOf(text, "exp(v)"), 1);
    }

    // In a synapse's code v_post and v can be one array: a write to any
    // variable ends what read variables, but not what read temporaries only.
    void aWriteToAnyVariableEndsWhatReadVariables() {
        const AbstractCode code = {assignment("_a", "exp(v) + exp(_x/2)"),
                                   assignment("v_post", "0"),
                                   assignment("_b", "exp(v) + exp(_x/2)")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(countOf(text, "exp(v)"), 2);
        QCOMPARE(countOf(text, "exp(_x / 2)"), 1);
    }

    void randomNumbersAreNeverShared() {
        const AbstractCode code = {assignment("_a", "exp(rand())"),
                                   assignment("_b", "exp(rand())")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(text.size(), size_t(2));
        QCOMPARE(countOf(text, "rand()"), 2);
    }

    // Loop invariants are computed once per call already (LoopInvariants).
    void loopInvariantsAreLeftToHoisting() {
        const AbstractCode code = {assignment("_a", "v*exp(-dt/tau)"),
                                   assignment("_b", "w*exp(-dt/tau)")};
        const auto text = lines(shareCommonSubexpressions(code, invariantNames({"dt", "tau"})));
        QCOMPARE(text.size(), size_t(2));
    }

    void cheapTreesAreNotWorthATemporary() {
        const AbstractCode code = {assignment("_a", "v*w + 1"), assignment("_b", "v*w - 1")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(text.size(), size_t(2));
    }

    // C may skip the right operand of `and`: nothing is moved out of it.
    void theRightOperandOfALogicalOperatorStaysInPlace() {
        const AbstractCode code = {assignment("_a", "exp(v) > 1"),
                                   assignment("_b", "(v > 0) and (exp(v) > 1)")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(text.size(), size_t(2));
    }

    // Substitution shares subtrees: 40 levels of exp(s) + exp(s) stand for a
    // tree of 2^40 calls but are 80 nodes, each walked once; each call is
    // computed once.
    void aSharedGraphIsWalkedOnce() {
        ExprPtr s = makeName("v");
        for (int k = 0; k < 40; ++k)
            s = makeBinary(BinaryOp::Add, makeCall("exp", {s}), makeCall("exp", {s}));
        const auto text =
            lines(shareCommonSubexpressions({Assignment{"_a", s}}, kNothingInvariant));
        QCOMPARE(text.size(), size_t(41));
        for (size_t k = 0; k < 40; ++k)
            QCOMPARE(countOf({text[k]}, "exp("), 1);
        const std::string last = targetOf(text[39]);
        QCOMPARE(text.back(), "_a = " + last + " + " + last);
    }

    // The values: each model runs with shared and with unshared kernels (on
    // libtcc), and every recorded value and spike is the same, bit for bit.
    void sharingKeepsEveryValue_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("duration");
        const QString sources = SPIKESTUDIO_SOURCE_DIR;
        QTest::newRow("repeats everywhere") << QString(kRepeatingModel) << "40*ms";
        for (const char* path : {"/resources/examples/cobahh.json", "/resources/examples/hh.json",
                                 "/tests/reference/models/hh_exponential_euler.json",
                                 "/tests/reference/models/noise_heun_milstein.json"})
            QTest::newRow(path) << sources + path << "30*ms";
    }

    void sharingKeepsEveryValue() {
        QFETCH(QString, model);
        QFETCH(QString, duration);
        const Model read = model.startsWith("{") ? readModel(model.toStdString())
                                                 : readModelFile(model.toStdString());
        const CheckedModel checked = checkModel(read, {duration.toStdString(), std::nullopt});
        const SharingRun shared = runWithSharing(checked, true);
        const SharingRun unshared = runWithSharing(checked, false);
        QVERIFY2(shared.sources != unshared.sources, "nothing was shared: the test tests nothing");
        QCOMPARE(shared.states.size(), unshared.states.size());
        QVERIFY(!shared.states.empty() && !shared.states.front().empty());
        for (size_t k = 0; k < shared.states.size(); ++k)
            QVERIFY2(sameBits(shared.states[k], unshared.states[k]),
                     qPrintable(QString("state record %1").arg(k / 2)));
        QCOMPARE(shared.spikes, unshared.spikes);
    }

    void equalNumbersMatchOnlyExactly() {
        const AbstractCode code = {assignment("_a", "exp(v*0.1)"),
                                   assignment("_b", "exp(v*0.10000000000000002)")};
        const auto text = lines(shareCommonSubexpressions(code, kNothingInvariant));
        QCOMPARE(text.size(), size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestCommonSubexpressions)
#include "tst_common_subexpressions.moc"
