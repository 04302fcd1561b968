// Brian2's synapse generator syntax for Synapses.connect(j='...'):
// `ELEMENT for VAR in range(...)|sample(...) [if COND]` and the bare form `'i'`
// (meaning `ELEMENT for _ in range(1)`). Every valid form is taken apart and
// compared piece by piece; every refusal is checked for its message and for a
// line and column that point at the problem in the whole text.
#include "diagnostics/ModelError.h"
#include "expr/ExprText.h"
#include "model/SynapseGenerator.h"
#include "support/GeneratorText.h"

#include <QtTest>

using namespace spikestudio;

namespace {

bool isIntegerNumber(const ExprPtr& expr, double value) {
    return expr && expr->kind == ExprKind::Number && expr->isIntegerLiteral &&
           expr->number == value;
}

} // namespace

class TestConnectGenerator : public QObject {
    Q_OBJECT

private slots:
    void validForms_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        // The examples of Brian2's documentation.
        QTest::newRow("range with if") << "k for k in range(i-3, i+4) if k != i"
                                       << "k|k|range|i - 3|i + 4|1|||k != i";
        QTest::newRow("bare i") << "i"
                                << "i|_|range|0|1|1|||";
        QTest::newRow("bare i+1") << "i+1"
                                  << "i + 1|_|range|0|1|1|||";
        QTest::newRow("range with random if") << "k for k in range(N_post) if rand() < 0.1"
                                              << "k|k|range|0|N_post|1|||rand() < 0.1";
        QTest::newRow("sample p") << "k for k in sample(N_post, p=0.1)"
                                  << "k|k|sample|0|N_post|1|0.1||";
        QTest::newRow("sample size with if") << "k for k in sample(10, 40, 2, size=5) if k % 3 == 0"
                                             << "k|k|sample|10|40|2||5|k % 3 == 0";
        QTest::newRow("range step") << "i + k for k in range(-1, 2, 1)"
                                    << "i + k|k|range|-1|2|1|||";
        // Further shapes.
        QTest::newRow("range one argument") << "k for k in range(N_post)"
                                            << "k|k|range|0|N_post|1|||";
        QTest::newRow("range two arguments") << "j for j in range(i, N_post)"
                                             << "j|j|range|i|N_post|1|||";
        QTest::newRow("sample two positional and p") << "k for k in sample(i, N_post, p=0.5)"
                                                     << "k|k|sample|i|N_post|1|0.5||";
        QTest::newRow("sample size expression") << "k for k in sample(N_post, size=N_post // 2)"
                                                << "k|k|sample|0|N_post|1||N_post // 2|";
        QTest::newRow("sample p with if") << "k for k in sample(N_post, p=0.2) if k != i"
                                          << "k|k|sample|0|N_post|1|0.2||k != i";
        QTest::newRow("calls and commas inside arguments")
            << "k for k in range(clip(i - 2, 0, N_post), clip(i + 3, 0, N_post))"
            << "k|k|range|clip(i - 2, 0, N_post)|clip(i + 3, 0, N_post)|1|||";
        QTest::newRow("bracketed argument") << "k for k in range((i + 1) * 2)"
                                            << "k|k|range|0|(i + 1) * 2|1|||";
        QTest::newRow("== is not a keyword argument") << "k for k in range(k == 1)"
                                                      << "k|k|range|0|k == 1|1|||";
        QTest::newRow("condition with and/or")
            << "k for k in range(N_post) if k > i and k < i + 5 or k == 0"
            << "k|k|range|0|N_post|1|||k > i and k < i + 5 or k == 0";
        QTest::newRow("element expression") << "(i + k) % N_post for k in range(3)"
                                            << "(i + k) % N_post|k|range|0|3|1|||";
        QTest::newRow("other loop variable") << "n_ for n_ in range(2)"
                                             << "n_|n_|range|0|2|1|||";
        QTest::newRow("extra white space") << "  k   for  k  in  range ( 3 )   if  k > 0  "
                                           << "k|k|range|0|3|1|||k > 0";
        QTest::newRow("comment at the end") << "k for k in range(3) if k > 0 # neighbours"
                                            << "k|k|range|0|3|1|||k > 0";
        QTest::newRow("line breaks inside brackets")
            << "k for k in range(\n    i - 3,\n    i + 4) if k != i"
            << "k|k|range|i - 3|i + 4|1|||k != i";
        QTest::newRow("line break inside bracketed element") << "(i\n + k) for k in range(3)"
                                                             << "i + k|k|range|0|3|1|||";
    }

    void validForms() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(describeGenerator(parseSynapseGenerator(text.toStdString())), expected);
    }

    void defaultsAreIntegerNumbers() {
        const SynapseGenerator ranged = parseSynapseGenerator("k for k in range(N_post)");
        QVERIFY(isIntegerNumber(ranged.low, 0));
        QVERIFY(isIntegerNumber(ranged.step, 1));
        QVERIFY(!ranged.probability);
        QVERIFY(!ranged.size);
        QVERIFY(!ranged.condition);

        const SynapseGenerator bare = parseSynapseGenerator("i");
        QCOMPARE(bare.iterator, GeneratorIterator::Range);
        QCOMPARE(bare.variable, std::string("_"));
        QVERIFY(isIntegerNumber(bare.low, 0));
        QVERIFY(isIntegerNumber(bare.high, 1));
        QVERIFY(isIntegerNumber(bare.step, 1));
        QVERIFY(!bare.probability);
        QVERIFY(!bare.size);
        QVERIFY(!bare.condition);

        const SynapseGenerator sampled = parseSynapseGenerator("k for k in sample(N_post, p=0.1)");
        QVERIFY(isIntegerNumber(sampled.low, 0));
        QVERIFY(isIntegerNumber(sampled.step, 1));
        QVERIFY(sampled.probability);
        QVERIFY(!sampled.size);
    }

    void positionsAreInWholeTextCoordinates() {
        //                          1        10        20        30        40
        //                          |        |         |         |         |
        const SynapseGenerator g = parseSynapseGenerator("k for k in range(N_post) if rand() < p");
        QCOMPARE(g.element->position.line, 1);
        QCOMPARE(g.element->position.column, 1);
        QCOMPARE(g.high->position.line, 1);
        QCOMPARE(g.high->position.column, 18); // N_post
        QVERIFY(g.condition);
        QCOMPARE(g.condition->kind, ExprKind::Compare);
        QCOMPARE(g.condition->operands.at(0)->position.column, 29); // rand()
        QCOMPARE(g.condition->operands.at(1)->position.column, 38); // p

        const SynapseGenerator s = parseSynapseGenerator("k for k in sample(N_post, size=n)");
        QCOMPARE(s.size->position.line, 1);
        QCOMPARE(s.size->position.column, 32); // n

        // Parts on later lines keep their own line and column.
        const SynapseGenerator m =
            parseSynapseGenerator("k for k in sample(\n  lo,\n  hi, p=q) if k != i");
        QCOMPARE(m.low->position.line, 2);
        QCOMPARE(m.low->position.column, 3);
        QCOMPARE(m.high->position.line, 3);
        QCOMPARE(m.high->position.column, 3);
        QCOMPARE(m.probability->position.line, 3);
        QCOMPARE(m.probability->position.column, 9);
        QCOMPARE(m.condition->operands.at(0)->position.line, 3);
        QCOMPARE(m.condition->operands.at(0)->position.column, 15);
    }

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message"); // a part of the problem text
        QTest::addColumn<int>("line");        // 0: not checked
        QTest::addColumn<int>("column");
        // Empty text.
        QTest::newRow("empty") << ""
                               << "empty" << 1 << 1;
        QTest::newRow("only white space") << "   "
                                          << "empty" << 1 << 1;
        QTest::newRow("only a comment") << "# nothing"
                                        << "empty" << 1 << 1;
        // The shape `ELEMENT for VAR in ITER`.
        QTest::newRow("missing in") << "k for k range(3)"
                                    << "without 'in'" << 1 << 3;
        QTest::newRow("missing element") << "for k in range(3)"
                                         << "missing expression" << 1 << 1;
        QTest::newRow("missing iterator") << "k for k in"
                                          << "range(...) or sample(...)" << 1 << 11;
        QTest::newRow("missing condition") << "k for k in range(3) if"
                                           << "missing condition after 'if'" << 1 << 23;
        QTest::newRow("two ifs") << "k for k in range(3) if k > 0 if k < 2"
                                 << "only one 'if'" << 1 << 30;
        // The loop variable.
        QTest::newRow("keyword variable and") << "k for and in range(3)"
                                              << "'and' cannot be a loop variable" << 1 << 7;
        QTest::newRow("keyword variable if") << "k for if in range(3)"
                                             << "'if' cannot be a loop variable" << 1 << 7;
        QTest::newRow("keyword variable True") << "k for True in range(3)"
                                               << "'True' cannot be a loop variable" << 1 << 7;
        QTest::newRow("number as variable") << "k for 3 in range(3)"
                                            << "loop variable" << 1 << 7;
        QTest::newRow("expression as variable") << "k for k + 1 in range(3)"
                                                << "loop variable" << 1 << 7;
        QTest::newRow("no variable") << "k for in range(3)"
                                     << "loop variable" << 1 << 7;
        // The iterator.
        QTest::newRow("unknown iterator") << "k for k in zip(3)"
                                          << "range(...) or sample(...)" << 1 << 12;
        QTest::newRow("iterator without call") << "k for k in range"
                                               << "range(...)" << 1 << 12;
        QTest::newRow("text after the iterator") << "k for k in range(3) x"
                                                 << "range(...)" << 1 << 12;
        QTest::newRow("range without arguments") << "k for k in range()"
                                                 << "1 to 3" << 1 << 12;
        QTest::newRow("range with four arguments") << "k for k in range(1, 2, 3, 4)"
                                                   << "1 to 3" << 1 << 12;
        QTest::newRow("sample without positional arguments") << "k for k in sample(p=0.1)"
                                                             << "1 to 3" << 1 << 12;
        QTest::newRow("sample with four positional arguments")
            << "k for k in sample(1, 2, 3, 4, p=0.1)"
            << "1 to 3" << 1 << 12;
        QTest::newRow("sample without p or size") << "k for k in sample(3)"
                                                  << "exactly one of" << 1 << 12;
        QTest::newRow("sample with p and size") << "k for k in sample(3, p=0.1, size=2)"
                                                << "exactly one of" << 1 << 12;
        QTest::newRow("== is not p=") << "k for k in sample(3, p==0.1)"
                                      << "exactly one of" << 1 << 12;
        QTest::newRow("range with p") << "k for k in range(3, p=0.5)"
                                      << "no 'p='" << 1 << 21;
        QTest::newRow("range with size") << "k for k in range(3, size=2)"
                                         << "no 'size='" << 1 << 21;
        QTest::newRow("unknown keyword") << "k for k in sample(3, q=0.1)"
                                         << "unexpected argument 'q='" << 1 << 22;
        QTest::newRow("p given twice") << "k for k in sample(3, p=0.1, p=0.2)"
                                       << "unexpected argument 'p='" << 1 << 29;
        QTest::newRow("positional after keyword") << "k for k in sample(3, p=0.1, 4)"
                                                  << "positional argument follows" << 1 << 29;
        QTest::newRow("missing keyword value") << "k for k in sample(N_post, size=)"
                                               << "missing value after '='" << 1 << 32;
        // Syntax errors inside the parts, at their place in the whole text.
        QTest::newRow("bad element") << "k + for k in range(3)"
                                     << "syntax error" << 1 << 5;
        QTest::newRow("bad argument") << "k for k in range(3 4)"
                                      << "unexpected '4'" << 1 << 20;
        QTest::newRow("bad keyword value") << "k for k in sample(0, N, p=0.1 0.2)"
                                           << "unexpected '0.2'" << 1 << 31;
        QTest::newRow("bad condition") << "k for k in range(3) if k >"
                                       << "syntax error" << 1 << 27;
        QTest::newRow("bad character") << "k for k in range(3) if k > $"
                                       << "'$'" << 1 << 28;
        QTest::newRow("bad condition on a later line") << "k for k in range(3) if (k >\n 1 +)"
                                                       << "syntax error" << 2 << 5;
        QTest::newRow("range keyword on a later line") << "k for k in range(\n  N_post,\n  p=0.5)"
                                                       << "no 'p='" << 3 << 3;
        // Brian2 says "only one iterator"; here any refusal will do, wherever it points.
        QTest::newRow("second iterator") << "k for k in range(3) for j in range(2)"
                                         << "syntax error" << 0 << 0;
    }

    void errors() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        try {
            const SynapseGenerator g = parseSynapseGenerator(text.toStdString());
            QFAIL(qPrintable("accepted as " + describeGenerator(g)));
        } catch (const ModelError& error) {
            const QString problem = QString::fromStdString(error.problem());
            QVERIFY2(problem.contains(message), qPrintable(problem));
            QCOMPARE(error.where().object, std::string());
            QCOMPARE(error.where().field, std::string());
            if (line > 0) { // 0: the place is not pinned down
                QCOMPARE(error.where().line, line);
                QCOMPARE(error.where().column, column);
            }
        }
    }

    // Brian2 parses '[' + text + ']' with Python, so line breaks outside
    // brackets, trailing commas and a bracketed iterator are all accepted there.
    void acceptedByBrian2_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("line break before if") << "k for k in range(3)\nif k > 0"
                                              << "k|k|range|0|3|1|||k > 0";
        QTest::newRow("trailing line break") << "k for k in range(3)\n"
                                             << "k|k|range|0|3|1|||";
        QTest::newRow("line break before in") << "k for k\nin range(3)"
                                              << "k|k|range|0|3|1|||";
        QTest::newRow("trailing comma") << "k for k in range(3,)"
                                        << "k|k|range|0|3|1|||";
        QTest::newRow("trailing comma after keyword") << "k for k in sample(3, p=0.1,)"
                                                      << "k|k|sample|0|3|1|0.1||";
        QTest::newRow("element across lines") << "k\n+ 1 for k in range(3)"
                                              << "k + 1|k|range|0|3|1|||";
        QTest::newRow("bracketed iterator") << "k for k in (range(3))"
                                            << "k|k|range|0|3|1|||";
    }

    void acceptedByBrian2() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString parsed;
        try {
            parsed = describeGenerator(parseSynapseGenerator(text.toStdString()));
        } catch (const ModelError& error) {
            parsed = QString::fromStdString("refused: " + error.problem());
        }
        QCOMPARE(parsed, expected);
    }
};

QTEST_APPLESS_MAIN(TestConnectGenerator)
#include "tst_connect_generator.moc"
