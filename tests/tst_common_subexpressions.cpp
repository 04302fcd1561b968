// Sharing of repeated subexpressions within one element's update
// (codegen/CommonSubexpressions): what is shared, what must not be, and that
// the rewritten code reads the same values as the original.
#include "codegen/CommonSubexpressions.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"

#include <QtTest>

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

int countOf(const std::vector<std::string>& text, const std::string& piece) {
    int count = 0;
    for (const std::string& line : text)
        for (size_t at = line.find(piece); at != std::string::npos; at = line.find(piece, at + 1))
            ++count;
    return count;
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
        QCOMPARE(text[0].substr(0, 11), std::string("__shared_0 "));
        QCOMPARE(countOf(text, "__shared_0"), 3);
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
        QCOMPARE(text.back(), std::string("_a = __shared_39 + __shared_39"));
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
