// Units, the expression parser, unit declarations, dimension rules and the
// equations parser: valid input and Brian2's error cases.
#include "diagnostics/ModelError.h"
#include "equations/EquationParser.h"
#include "equations/EquationSet.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprLimits.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "expr/UnitDeclarationParser.h"
#include "units/UnitRegistry.h"

#include <QtTest>
#include <cmath>

using namespace spikestudio;

namespace {

Scope constantsScope() {
    Scope scope;
    scope.define("tau", Symbol{SymbolKind::Constant, Dimension::second(), ValueType::Float, 0.01});
    scope.define("v", Symbol{SymbolKind::PerElement, Dimension::volt(), ValueType::Float, 0});
    scope.define("g", Symbol{SymbolKind::PerElement, Dimension::siemens(), ValueType::Float, 0});
    scope.define("x", Symbol{SymbolKind::PerElement, Dimension(), ValueType::Float, 0});
    scope.define("t", Symbol{SymbolKind::Shared, Dimension::second(), ValueType::Float, 0});
    return scope;
}

/// `x1 = x0 + 1 : 1` ... `xN = x(N-1) + 1 : 1`, one per line.
QString chainOfSubexpressions(int count) {
    QStringList lines;
    for (int k = 1; k <= count; ++k)
        lines << QString("x%1 = x%2 + 1 : 1").arg(k).arg(k - 1);
    return lines.join("\n");
}

/// The error `body` throws, or an empty problem if it throws none.
template <typename Body> ModelError errorOf(Body body) {
    try {
        body();
    } catch (const ModelError& error) {
        return error;
    }
    return ModelError({}, "");
}

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT

private slots:
    void unitValues_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("dimension");
        QTest::newRow("mV") << "mV" << 1e-3 << "m^2 kg s^-3 A^-1";
        QTest::newRow("mvolt") << "mvolt" << 1e-3 << "m^2 kg s^-3 A^-1";
        QTest::newRow("nS") << "nS" << 1e-9 << "m^-2 kg^-1 s^3 A^2";
        QTest::newRow("pF") << "pF" << 1e-12 << "m^-2 kg^-1 s^4 A^2";
        QTest::newRow("ms") << "ms" << 1e-3 << "s";
        QTest::newRow("Hz") << "Hz" << 1.0 << "s^-1";
        QTest::newRow("kHz") << "kHz" << 1e3 << "s^-1";
        QTest::newRow("cm2") << "cm2" << 1e-4 << "m^2";
        QTest::newRow("um2") << "um2" << 1e-12 << "m^2";
        QTest::newRow("mM") << "mM" << 1.0 << "m^-3 mol";
        QTest::newRow("molar") << "molar" << 1e3 << "m^-3 mol";
        QTest::newRow("gram") << "gram" << 1e-3 << "kg";
        QTest::newRow("kilogram") << "kilogram" << 1.0 << "kg";
        QTest::newRow("litre") << "litre" << 1e-3 << "m^3";
        QTest::newRow("ymetre") << "ymetre" << 1e-24 << "m";
        QTest::newRow("Ysecond") << "Ysecond" << 1e24 << "s";
        QTest::newRow("dasecond") << "dasecond" << 10.0 << "s";
        QTest::newRow("mvolt2") << "mvolt2" << 1e-6 << "m^4 kg^2 s^-6 A^-2";
        QTest::newRow("ohm") << "Mohm" << 1e6 << "m^2 kg s^-3 A^-2";
    }

    void unitValues() {
        QFETCH(QString, name);
        QFETCH(double, value);
        QFETCH(QString, dimension);
        const auto unit = UnitRegistry::instance().lookup(name.toStdString());
        QVERIFY(unit.has_value());
        QVERIFY(std::abs(unit->value - value) <= 1e-12 * value);
        QCOMPARE(QString::fromStdString(unit->dim.toString()), dimension);
    }

    void notUnits() {
        for (const char* name : {"V", "S", "volts", "mvolt4", "xvolt", "", "m V"})
            QVERIFY2(!UnitRegistry::instance().contains(name), name);
    }

    void dimensionAlgebra() {
        const Dimension ohm = Dimension::volt() / Dimension::amp();
        QCOMPARE(ohm * Dimension::siemens(), Dimension());
        QCOMPARE(Dimension::volt().power(2).power(0.5), Dimension::volt());
        QCOMPARE(QString::fromStdString(Dimension::volt().unitSymbol()), QString("V"));
        QCOMPARE(QString::fromStdString(Dimension::siemens().unitSymbol()), QString("S"));
        QCOMPARE(QString::fromStdString(Dimension().unitSymbol()), QString(""));
    }

    void unitDeclarations() {
        QCOMPARE(parseUnitDeclaration("volt").dim, Dimension::volt());
        QCOMPARE(parseUnitDeclaration("amp/metre**2").dim,
                 Dimension::amp() / Dimension::metre().power(2));
        QCOMPARE(parseUnitDeclaration("siemens/meter ** 2").dim,
                 Dimension::siemens() / Dimension::metre().power(2));
        QCOMPARE(parseUnitDeclaration("1").dim, Dimension());
        QCOMPARE(parseUnitDeclaration("second**-1").dim, Dimension::hertz());
        QCOMPARE(parseUnitDeclaration("1/second").dim, Dimension::hertz());
        QCOMPARE(parseUnitDeclaration("Hz").dim, Dimension::hertz());
        QCOMPARE(parseUnitDeclaration("mmolar").dim,
                 Dimension::mole() / Dimension::metre().power(3));
        QVERIFY(parseUnitDeclaration("boolean").type == ValueType::Boolean);
        QVERIFY(parseUnitDeclaration(" integer ").type == ValueType::Integer);
    }

    void unitDeclarationErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("column");
        QTest::newRow("prefixed") << "mV"
                                  << "use 'volt'" << 1;
        QTest::newRow("power suffix") << "metre2"
                                      << "'metre ** 2'" << 1;
        QTest::newRow("unknown") << "volt/fortnight"
                                 << "unknown unit 'fortnight'" << 6;
        QTest::newRow("number") << "2*volt"
                                << "only contain the number 1" << 1;
        QTest::newRow("syntax") << "volt*"
                                << "syntax error" << 6;
        QTest::newRow("addition") << "volt + amp"
                                  << "'*', '/' and '**' only" << 6;
    }

    void unitDeclarationErrors() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QFETCH(int, column);
        const ModelError error = errorOf([&] { parseUnitDeclaration(text.toStdString()); });
        QVERIFY2(QString::fromStdString(error.problem()).contains(message), error.what());
        QCOMPARE(error.where().column, column);
    }

    void precedence_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");
        QTest::newRow("power binds tighter than minus") << "-2**2" << -4.0;
        QTest::newRow("power is right associative") << "2**3**2" << 512.0;
        QTest::newRow("power of negative exponent") << "2**-1" << 0.5;
        QTest::newRow("product before sum") << "1 + 2*3" << 7.0;
        QTest::newRow("left associative") << "8/4/2" << 1.0;
        QTest::newRow("floor division") << "-7//2" << -4.0;
        QTest::newRow("python modulo") << "-7 % 3" << 2.0;
        QTest::newRow("true division") << "7/2" << 3.5;
        QTest::newRow("chained comparison") << "1 < 2 < 3" << 1.0;
        QTest::newRow("chained comparison false") << "1 < 3 < 2" << 0.0;
        QTest::newRow("not before and") << "not 1 > 2 and 2 > 1" << 1.0;
        QTest::newRow("or") << "False or True" << 1.0;
        QTest::newRow("functions") << "exp(0) + log10(100) + sqrt(16) + abs(-2)" << 9.0;
        QTest::newRow("exprel at zero") << "exprel(0)" << 1.0;
        QTest::newRow("clip") << "clip(5, 0, 3)" << 3.0;
        QTest::newRow("int truncates") << "int(-2.7)" << -2.0;
        QTest::newRow("sign") << "sign(-3)" << -1.0;
        QTest::newRow("timestep") << "timestep(0.3, 0.1)" << 3.0;
        QTest::newRow("pi") << "pi" << M_PI;
        QTest::newRow("units") << "20*ms + 1*second" << 1.02;
        QTest::newRow("comment") << "1 + 1 # ignored" << 2.0;
    }

    void precedence() {
        QFETCH(QString, text);
        QFETCH(double, value);
        const Scope scope;
        const auto folded = foldConstant(parseExpression(text.toStdString()), scope);
        QVERIFY(folded.has_value());
        QCOMPARE(*folded, value);
    }

    void syntaxErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::newRow("dangling operator") << "v +" << 4;
        QTest::newRow("unclosed bracket") << "(v + 1" << 7;
        QTest::newRow("keyword") << "lambda + 1" << 1;
        QTest::newRow("bad character") << "v $ 1" << 3;
        QTest::newRow("empty") << "   " << 1;
        QTest::newRow("two values") << "v v" << 3;
        QTest::newRow("bad number") << "1.5x" << 1;
    }

    void syntaxErrors() {
        QFETCH(QString, text);
        QFETCH(int, column);
        const ModelError error = errorOf([&] { parseExpression(text.toStdString()); });
        QVERIFY2(!error.problem().empty(), "no error");
        QCOMPARE(error.where().column, column);
    }

    void deepNestingIsRefused() {
        const std::string deep = std::string(5000, '(') + "1" + std::string(5000, ')');
        QVERIFY(!errorOf([&] { parseExpression(deep); }).problem().empty());
        const std::string minus = std::string(100000, '-') + "1";
        QVERIFY(!errorOf([&] { parseExpression(minus); }).problem().empty());
    }

    void printsBack() {
        for (const char* text : {"(a + b) * c", "a - (b - c)", "-a ** 2", "(-a) ** 2",
                                 "a ** b ** c", "(a ** b) ** c", "not (a and b)", "f(a, b + 1)"}) {
            const std::string printed = toText(parseExpression(text));
            QCOMPARE(QString::fromStdString(printed), QString(text));
        }
    }

    void statements() {
        const auto code = parseStatements("v = Vr; w += b\n\n  x **= 2 # comment");
        QCOMPARE(code.size(), size_t(3));
        QCOMPARE(QString::fromStdString(code[1].target), QString("w"));
        QVERIFY(code[1].op == AssignOp::Add);
        QVERIFY(code[2].op == AssignOp::Power);
        QVERIFY(!errorOf([] { parseStatements("v == 3"); }).problem().empty());
        QVERIFY(!errorOf([] { parseStatements("3 = v"); }).problem().empty());
    }

    void dimensions_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("unit");
        QTest::newRow("voltage over time") << "v/tau"
                                           << "m^2 kg s^-4 A^-1";
        QTest::newRow("ohm's law") << "g*v"
                                   << "A";
        QTest::newRow("sqrt halves") << "sqrt(tau)"
                                     << "s^0.5";
        QTest::newRow("constant power") << "tau**2"
                                        << "s^2";
        QTest::newRow("abs keeps") << "abs(v)"
                                   << "m^2 kg s^-3 A^-1";
        QTest::newRow("clip keeps") << "clip(v, -1*mV, 1*mV)"
                                    << "m^2 kg s^-3 A^-1";
        QTest::newRow("exp of ratio") << "exp(v/mV)"
                                      << "1";
        QTest::newRow("comparison is boolean") << "v > 3*mV"
                                               << "1";
        QTest::newRow("timestep") << "timestep(t, tau)"
                                  << "1";
    }

    void dimensions() {
        QFETCH(QString, text);
        QFETCH(QString, unit);
        const Scope scope = constantsScope();
        const ValueInfo info = checkDimensions(parseExpression(text.toStdString()), scope);
        QCOMPARE(QString::fromStdString(info.dim.toString()), unit);
    }

    void dimensionErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("sum across units") << "v + tau"
                                          << "inconsistent units";
        QTest::newRow("literal plus voltage") << "v + 0"
                                              << "inconsistent units";
        QTest::newRow("comparison with literal") << "v > 0"
                                                 << "different units";
        QTest::newRow("modulo") << "v % tau"
                                << "inconsistent units";
        QTest::newRow("exp of voltage") << "exp(v)"
                                        << "Argument number 1 for function exp";
        QTest::newRow("clip bounds") << "clip(v, 0, 1)"
                                     << "Argument number 2";
        QTest::newRow("variable exponent") << "v**x"
                                           << "constant power";
        QTest::newRow("floor division with units") << "v // mV"
                                                   << "Floor division";
        QTest::newRow("unknown name") << "v + w"
                                      << "unknown identifier 'w'";
        QTest::newRow("function as value") << "exp + 1"
                                           << "it is a function";
        QTest::newRow("value as function") << "v(1)"
                                           << "used like a function";
        QTest::newRow("unknown function") << "foo(1)"
                                          << "unknown function 'foo'";
        QTest::newRow("arity") << "exp(1, 2)"
                               << "called with 2 parameters, needs 1";
        QTest::newRow("logical of numbers") << "v > mV and 3"
                                            << "ought to be boolean";
    }

    void dimensionErrors() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Scope scope = constantsScope();
        const ModelError error =
            errorOf([&] { checkDimensions(parseExpression(text.toStdString()), scope); });
        QVERIFY2(QString::fromStdString(error.problem()).contains(message), error.what());
        QVERIFY(error.where().column >= 1);
    }

    void equations() {
        const auto eqs = parseEquations("dv/dt = (I - v)/tau : volt (unless refractory)\n"
                                        "# a comment line\n"
                                        "I = g*(E -\n   v) : amp\n"
                                        "g : siemens (constant, shared)\n");
        QCOMPARE(eqs.size(), size_t(3));
        QVERIFY(eqs[0].kind == EquationKind::Differential);
        QVERIFY(eqs[0].hasFlag("unless refractory"));
        QVERIFY(eqs[1].kind == EquationKind::Subexpression);
        QVERIFY(eqs[2].kind == EquationKind::Parameter);
        QVERIFY(eqs[2].hasFlag("shared") && eqs[2].hasFlag("constant"));
    }

    /// Brian2 reads an equation up to its ':'; a line break in it is white
    /// space, also outside brackets (Brian2's synfire example breaks a line
    /// after a trailing '+'; a continuation line may also start with one).
    void equationsSpanLinesOutsideBrackets() {
        const auto eqs = parseEquations("dv/dt = -v/tau +\n      1/tau : 1\n"
                                        "x = v\n    + 2 : 1\n"
                                        "y : 1\n");
        QCOMPARE(eqs.size(), size_t(3));
        QCOMPARE(toText(eqs[0].expr), toText(parseExpression("-v/tau + 1/tau")));
        QCOMPARE(toText(eqs[1].expr), toText(parseExpression("v + 2")));
        QCOMPARE(eqs[1].position.line, 3);
        QCOMPARE(eqs[2].position.line, 5);
    }

    void equationErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::newRow("missing unit") << "dv/dt = -v/tau"
                                      << "missing ':'" << 1;
        QTest::newRow("bad derivative") << "dv/dx = -v/tau : volt"
                                        << "d" << 1;
        QTest::newRow("prefixed unit") << "v : mV"
                                       << "use 'volt'" << 1;
        QTest::newRow("wrong rhs unit") << "dv/dt = -v : volt"
                                        << "expected" << 1;
        QTest::newRow("subexpression unit") << "v : volt\nI = v : amp"
                                            << "Inconsistent units" << 2;
        QTest::newRow("cycle") << "a = b : 1\nb = a : 1"
                               << "circular" << 1;
        QTest::newRow("reserved name") << "t : second"
                                       << "reserves" << 1;
        QTest::newRow("underscore") << "_x : 1"
                                    << "starts with '_'" << 1;
        QTest::newRow("pre suffix") << "x_pre : 1"
                                    << "_pre" << 1;
        QTest::newRow("duplicate") << "x : 1\nx : 1"
                                   << "more than once" << 2;
        QTest::newRow("bad flag") << "x : 1 (event-driven)"
                                  << "unexpected flag" << 1;
        QTest::newRow("noise in subexpression") << "x = xi*second**0.5 : 1"
                                                << "noise" << 1;
        QTest::newRow("integer derivative") << "dx/dt = 1/second : integer"
                                            << "floating" << 1;
        QTest::newRow("unit name") << "mV : volt"
                                   << "unit" << 1;
        QTest::newRow("C keyword") << "double : 1"
                                   << "C" << 1;
        QTest::newRow("refractory flag without refractory")
            << "dv/dt = -v/tau : volt (unless refractory)"
            << "no 'refractory'" << 1;
        QTest::newRow("random subexpression") << "dv/dt = -v/tau : volt\nI = rand()*v : volt"
                                              << "stateful function" << 2;
        QTest::newRow("cycle in a long chain")
            << chainOfSubexpressions(3000) + "\nx0 = x3000 : 1"
            << "circular subexpression dependencies: x0 -> x3000 -> x2999" << 3001;
    }

    void aLongChainOfSubexpressionsIsOrdered() {
        const Scope constants = constantsScope();
        const EquationSet set = EquationSet::build(
            parseEquations((chainOfSubexpressions(3000) + "\nx0 = 1 : 1").toStdString()),
            EquationContext{}, constants);
        const auto& ordered = set.orderedSubexpressions();
        QCOMPARE(ordered.size(), size_t(3001));
        QCOMPARE(QString::fromStdString(ordered.front()->name), QString("x0"));
        QCOMPARE(QString::fromStdString(ordered.back()->name), QString("x3000"));
    }

    // Flat chains of every operator just under the limit parse and are
    // walked (units, folding, text) without recursion; one more term is refused.
    void longChains_data() {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("term");
        QTest::addColumn<double>("value");
        const int terms = static_cast<int>(ExprLimits::kMaxTerms);
        QTest::newRow("+") << "+"
                           << "1" << double(terms / 2);
        QTest::newRow("-") << "-"
                           << "1" << double(2 - terms / 2);
        QTest::newRow("*") << "*"
                           << "1" << 1.0;
        QTest::newRow("/") << "/"
                           << "1" << 1.0;
        QTest::newRow("%") << "%"
                           << "1" << 0.0;
        QTest::newRow("//") << "//"
                            << "1" << 1.0;
        QTest::newRow("and") << "and"
                             << "True" << 1.0;
        QTest::newRow("or") << "or"
                            << "False" << 0.0;
        QTest::newRow("<=") << "<="
                            << "1" << 1.0;
    }

    void longChains() {
        QFETCH(QString, op);
        QFETCH(QString, term);
        QFETCH(double, value);
        const size_t limit = ExprLimits::kMaxTerms;
        const auto chainOf = [&](size_t terms) {
            std::string text = term.toStdString();
            for (size_t k = 1; 2 * k + 1 <= terms; ++k)
                text += " " + op.toStdString() + " " + term.toStdString();
            return text;
        };
        const ExprPtr expr = parseExpression(chainOf(limit - 1));
        const Scope scope = constantsScope();
        QVERIFY(checkDimensions(expr, scope).dim.isDimensionless());
        QCOMPARE(foldConstant(expr, scope).value_or(-1e9), value);
        QCOMPARE(toText(expr).size(), kMaxTextLength + 3);
        QVERIFY(toText(expr).ends_with("..."));
        const ModelError error = errorOf([&] { parseExpression(chainOf(limit + 1)); });
        QVERIFY2(error.problem().starts_with("expression too long: 10001 terms, limit 10000"),
                 error.what());
    }

    void nestingLimit_data() {
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<QString>("close");
        QTest::newRow("brackets") << "("
                                  << "x"
                                  << ")";
        QTest::newRow("calls") << "abs("
                               << "x"
                               << ")";
        QTest::newRow("unary minus") << "-"
                                     << "x"
                                     << "";
        QTest::newRow("unary plus") << "+"
                                    << "x"
                                    << "";
        QTest::newRow("not") << "not "
                             << "x > 1"
                             << "";
        QTest::newRow("power") << "2 ** "
                               << "x"
                               << "";
    }

    // The parser is the one stage that recurses, once per level of nesting.
    void nestingLimit() {
        QFETCH(QString, open);
        QFETCH(QString, inner);
        QFETCH(QString, close);
        const int limit = ExprLimits::kMaxNesting;
        const auto nested = [&](int levels) {
            return (open.repeated(levels) + inner + close.repeated(levels)).toStdString();
        };
        const ExprPtr deepest = parseExpression(nested(limit));
        checkDimensions(deepest, constantsScope());
        const ModelError error = errorOf([&] { parseExpression(nested(limit + 1)); });
        QVERIFY2(error.problem().starts_with("expression nested too deeply: more than 200 levels"),
                 error.what());
    }

    void statementsAndEquationsShareOneLimit() {
        std::string reset = "v = 0";
        while (reset.size() < 7 * ExprLimits::kMaxTerms / 2)
            reset += "; v = v*2";
        QVERIFY(errorOf([&] { parseStatements(reset); }).problem().starts_with("code too long"));
        std::string equations;
        for (int k = 0; k < 3000; ++k)
            equations += "y" + std::to_string(k) + " = x*2 + 1 : 1\n";
        const ModelError error = errorOf([&] { parseEquations(equations); });
        QVERIFY2(error.problem().starts_with("equations too long"), error.what());
        QCOMPARE(error.where().line, 2001); // 5 terms each: the 2001st passes 10,000
    }

    // Trees deeper than any stack built in code (integrators and substitution
    // build trees too): every walk and the destructor go without recursion.
    void deepTreesBuiltInCode() {
        const int depth = 100000;
        ExprPtr left = makeName("x");
        ExprPtr right = makeName("x");
        for (int k = 0; k < depth; ++k) {
            left = makeBinary(BinaryOp::Add, left, makeNumber(1.0));
            right = makeUnary(UnaryOp::Minus, makeCall("abs", {right}));
        }
        const Scope scope = constantsScope();
        for (const ExprPtr& expr : {left, right}) {
            QVERIFY(checkDimensions(expr, scope).dim.isDimensionless());
            QVERIFY(!foldConstant(expr, scope));
            QCOMPARE(collectNames(expr), std::set<std::string>{"x"});
            QVERIFY(!drawsRandomNumbers(expr));
            QCOMPARE(toText(expr, 100).size(), size_t(103));
            const ExprPtr replaced =
                replaceNames(expr, [](const std::string&) { return makeNumber(2.0); });
            QVERIFY(foldConstant(replaced, scope).has_value());
        }
        QCOMPARE(foldConstant(
                     replaceNames(left, [](const std::string&) { return makeNumber(2.0); }), scope)
                     .value(),
                 2.0 + depth);
    } // the trees are freed here

    // A chain of half a million operations is freed without a recursion per node.
    void aLongChainIsFreedWithoutRecursion() {
        ExprPtr chain = makeName("x");
        for (int k = 0; k < 500000; ++k)
            chain = makeBinary(BinaryOp::Multiply, chain, makeName("x"));
        const std::weak_ptr<const Expr> observer = chain;
        chain.reset();
        QVERIFY(observer.expired());
    }

    // Substitution shares subtrees: 64 levels of s_k = s_{k-1} + s_{k-1}
    // stand for a tree of 2^64 leaves, walked as the 130 nodes they are.
    void sharedGraphsAreWalkedOnce() {
        ExprPtr s = makeName("x");
        for (int k = 0; k < 64; ++k)
            s = makeBinary(BinaryOp::Add, s, s);
        const Scope scope = constantsScope();
        QVERIFY(checkDimensions(s, scope).dim.isDimensionless());
        QCOMPARE(collectNames(s).size(), size_t(1));
        const ExprPtr two = replaceNames(s, [](const std::string&) { return makeNumber(2.0); });
        QCOMPARE(foldConstant(two, scope).value(), std::ldexp(2.0, 64));
        QVERIFY(toText(s).ends_with("..."));
    }

    void equationErrors() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QFETCH(int, line);
        const Scope constants = constantsScope();
        const ModelError error = errorOf([&] {
            EquationSet::build(parseEquations(text.toStdString()), EquationContext{}, constants);
        });
        QVERIFY2(QString::fromStdString(error.problem()).contains(message), error.what());
        QCOMPARE(error.where().line, line);
    }
};

QTEST_APPLESS_MAIN(TestLanguage)
#include "tst_language.moc"
