// The GSL methods (Brian2's gsl_rk2 ... gsl_rk8pd and their method_options):
// options checked with one line naming the group and the option, the
// regrouping that decides which parts of a derivative see the step's t,
// a solver that cannot meet its error bound stopping the run with exit
// status 1, and elements sharing one step size (use_last_timestep False)
// kept in one pass. The numbers against Brian2's Cython GSL are in
// tst_reference and tst_tiers (tests/reference/models/gsl_methods.json).
#include "codegen/ArithmeticRegrouping.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "support/CliRunner.h"
#include "support/ModelProblem.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

/// One LIF group with `method` and `options` (a JSON object's text, or "").
std::string modelWith(const std::string& method, const std::string& options,
                      const std::string& equations = "dv/dt = (I - v)/tau : volt\\nI : volt\\n"
                                                     "tau : second") {
    std::string group = R"({"name": "G", "type": "NeuronGroup", "N": 2, "equations": ")" +
                        equations + R"(", "method": ")" + method +
                        R"(", "initial": {"I": "20*mV", "tau": "10*ms"})";
    if (!options.empty())
        group += R"(, "method_options": )" + options;
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "5*ms",
               "groups": [)" +
           group + "}]}";
}

/// Regroups `text` with a, b, t, dt, pi as scalars and v, f, tau_i per element.
std::string regrouped(const std::string& text) {
    Scope scope;
    for (const char* shared : {"a", "b", "t", "dt"})
        scope.define(shared, Symbol(SymbolKind::Shared, Dimension(), ValueType::Float, 0.0));
    for (const char* own : {"v", "f", "tau_i"})
        scope.define(own, Symbol(SymbolKind::PerElement, Dimension(), ValueType::Float, 0.0));
    scope.define("k", Symbol(SymbolKind::PerElement, Dimension(), ValueType::Integer, 0.0));
    const ArithmeticRegrouping regrouping(scope, [&](const ExprPtr& expr) {
        for (const std::string& name : collectNames(expr)) {
            const auto symbol = scope.lookup(name);
            if (!symbol || symbol->kind == SymbolKind::PerElement)
                return false;
        }
        return true;
    });
    return toText(regrouping.regroup(parseExpression(text)));
}

} // namespace

class TestGslMethods : public QObject {
    Q_OBJECT

private slots:
    void optionsRefused_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("options of another method")
            << "rk4"
            << R"({"absolute_error": 1e-6})"
            << "'G', field 'method_options': only the GSL methods take options; method 'rk4' "
               "takes none";
        QTest::newRow("an unknown option")
            << "gsl"
            << R"({"relative_error": 1e-6})"
            << "'G', field 'method_options.relative_error', line 1, column 1: unknown method "
               "option 'relative_error'";
        QTest::newRow("a negative error")
            << "gsl_rk4"
            << R"({"absolute_error": -1e-6})"
            << "'G', field 'method_options.absolute_error', line 1, column 1: '-1e-06' must be "
               "a positive finite number";
        QTest::newRow("an error with a unit")
            << "gsl"
            << R"({"absolute_error": "1*mV"})"
            << "'G', field 'method_options.absolute_error', line 1, column 1: "
               "DimensionMismatchError: '1*mV' must have the unit of a number";
        QTest::newRow("a variable's error in another unit")
            << "gsl"
            << R"({"absolute_error[v]": "1e-3"})"
            << "'G', field 'method_options.absolute_error[v]', line 1, column 1: "
               "DimensionMismatchError: '1e-3' must have the unit of 'v', but has unit 1";
        QTest::newRow("the error of a parameter")
            << "gsl"
            << R"({"absolute_error[tau]": "1*ms"})"
            << "'G', field 'method_options.absolute_error[tau]', line 1, column 1: 'tau' is "
               "not integrated by the method";
        QTest::newRow("the error of no variable")
            << "gsl"
            << R"({"absolute_error[u]": "1*mV"})"
            << "'G', field 'method_options.absolute_error[u]', line 1, column 1: there is no "
               "variable 'u'";
        QTest::newRow("no steps")
            << "gsl"
            << R"({"max_steps": 0})"
            << "'G', field 'method_options.max_steps', line 1, column 1: max_steps must be a "
               "whole number from 1 to 1000000000, got '0'";
        QTest::newRow("half a step")
            << "gsl"
            << R"({"max_steps": 2.5})"
            << "'G', field 'method_options.max_steps', line 1, column 1: max_steps must be a "
               "whole number from 1 to 1000000000, got '2.5'";
        QTest::newRow("too many steps")
            << "gsl"
            << R"({"max_steps": 1e12})"
            << "'G', field 'method_options.max_steps', line 1, column 1: max_steps must be a "
               "whole number from 1 to 1000000000, got '1e+12'";
        QTest::newRow("a flag that is not one")
            << "gsl"
            << R"({"adaptable_timestep": "maybe"})"
            << "'G', field 'method_options.adaptable_timestep', line 1, column 1: expected True "
               "or False, got 'maybe'";
        QTest::newRow("a count flag that is not one")
            << "gsl"
            << R"({"save_step_count": 1})"
            << "'G', field 'method_options.save_step_count', line 1, column 1: expected True or "
               "False, got '1'";
        QTest::newRow("options that are not an object")
            << "gsl"
            << R"(["absolute_error"])"
            << "'G', field 'method_options': expected an object mapping names to expressions";
    }

    void optionsRefused() {
        QFETCH(QString, method);
        QFETCH(QString, options);
        QFETCH(QString, message);
        const QString problem = QString::fromStdString(
            problemOf(modelWith(method.toStdString(), options.toStdString())));
        QVERIFY2(problem.startsWith(message), qPrintable(problem));
        QVERIFY(!problem.contains('\n'));
    }

    void optionsAccepted() {
        QCOMPARE(problemOf(modelWith("gsl", R"({"save_failed_steps": false})")),
                 std::string("(accepted)"));
        // The solver's counts become integer variables a StateMonitor may record.
        const CheckedModel counted = checkModel(
            readModel(modelWith("gsl", R"({"save_step_count": true, "save_failed_steps": true})")));
        const std::vector<std::string>& state = counted.groups[0].stateVariables;
        QCOMPARE(std::vector<std::string>(state.end() - 2, state.end()),
                 (std::vector<std::string>{"_step_count", "_failed_steps"}));
        QVERIFY(counted.groups[0].gsl.saveStepCount && counted.groups[0].gsl.saveFailedSteps);
        const CheckedModel checked = checkModel(readModel(modelWith(
            "gsl_rk8pd", R"({"absolute_error[v]": "0.01*mV", "absolute_error": 1e-4,
                             "max_steps": 7, "use_last_timestep": false})",
            "dv/dt = (I - v + w)/tau : volt\\ndw/dt = -w/tau : volt\\nI : volt\\ntau : second")));
        const GslSettings& gsl = checked.groups[0].gsl;
        QCOMPARE(nameOf(checked.groups[0].method), std::string("gsl_rk8pd"));
        QCOMPARE(gsl.variables, (std::vector<std::string>{"v", "w"}));
        // A variable's own error wins, whatever the order the options are written in.
        QCOMPARE(gsl.absoluteErrors, (std::vector<double>{1e-5, 1e-4}));
        QCOMPARE(gsl.maxSteps, 7LL);
        QVERIFY(gsl.adaptableTimestep);
        QVERIFY(!gsl.useLastTimestep);
        QCOMPARE(nameOf(checkModel(readModel(modelWith("gsl", ""))).groups[0].method),
                 std::string("gsl_rkf45"));
    }

    void equationsRefused_data() {
        QTest::addColumn<QString>("equations");
        QTest::addColumn<QString>("message");
        QTest::newRow("noise")
            << "dv/dt = (I - v)/tau + 0.1*mV*xi/sqrt(tau) : volt\\nI : volt\\ntau : second"
            << "'G', field 'method': method 'gsl_rkf45' cannot integrate these equations: the "
               "GSL methods integrate deterministic equations only";
        QTest::newRow("random numbers")
            << "dv/dt = (I*rand() - v)/tau : volt\\nI : volt\\ntau : second"
            << "'G', field 'method': method 'gsl_rkf45' cannot integrate these equations: the "
               "equation of 'v' draws random numbers";
    }

    void equationsRefused() {
        QFETCH(QString, equations);
        QFETCH(QString, message);
        const QString problem =
            QString::fromStdString(problemOf(modelWith("gsl", "", equations.toStdString())));
        QVERIFY2(problem.startsWith(message), qPrintable(problem));
    }

    void synapsesRefused() {
        const std::string model = R"json({"format": "spikestudio-model", "version": 1,
            "duration": "1*ms",
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 2, "equations": "v : 1"}],
            "synapses": [{"name": "S", "source": "G", "target": "G", "method": "gsl",
                          "model": "dw/dt = -w/(10*ms) : 1 (clock-driven)",
                          "connect": {"condition": "i != j"}}]})json";
        const QString problem = QString::fromStdString(problemOf(model));
        QVERIFY2(problem.startsWith("'S', field 'method': the GSL methods integrate the "
                                    "equations of NeuronGroups only"),
                 qPrintable(problem));
    }

    /// Brian2's collect: numbers multiplied out first, then the scalar
    /// factors, then the per-element ones; an integer product stays whole.
    void sumsAndProductsRegroupAsBrian2Does_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("regrouped");
        QTest::newRow("t after a per-element factor") << "2*pi*f*t"
                                                      << "2.0 * (pi * t) * f";
        QTest::newRow("a divisor per element") << "t/tau_i"
                                               << "t / tau_i";
        QTest::newRow("scalar divisors first") << "v*a/b/tau_i"
                                               << "a / b * v / tau_i";
        QTest::newRow("terms that cancel") << "a*v/a"
                                           << "v";
        QTest::newRow("sums") << "v - 1 + a - t"
                              << "-1.0 + a - t + v";
        QTest::newRow("an integer product is one term") << "k*3*v"
                                                        << "k * 3 * v";
        QTest::newRow("inside a function") << "sin(2*pi*f*t)"
                                           << "sin(2.0 * (pi * t) * f)";
    }

    void sumsAndProductsRegroupAsBrian2Does() {
        QFETCH(QString, expression);
        QFETCH(QString, regrouped);
        QCOMPARE(QString::fromStdString(::regrouped(expression.toStdString())), regrouped);
    }

    /// Without use_last_timestep each element starts from the step size the
    /// one before it ended with: the elements are not shared out.
    void sharedStepSizesRunInOnePass() {
        QTemporaryDir dir;
        const auto sharedKernels = [&](const std::string& options) {
            const QString path = dir.filePath("steps.json");
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return QString("cannot write");
            file.write(QByteArray::fromStdString(modelWith("gsl", options)));
            file.close();
            const CliResult cli = runCli({"run", path, "--tier", "tcc", "--threads", "2"});
            const qsizetype at = cli.out.indexOf("threads: 2 (");
            return at < 0 ? cli.out + cli.err : cli.out.mid(at, cli.out.indexOf('\n', at) - at);
        };
        QCOMPARE(sharedKernels(""),
                 QString("threads: 2 (1 of 1 kernels share out their elements)"));
        QCOMPARE(sharedKernels(R"({"use_last_timestep": false})"),
                 QString("threads: 2 (0 of 1 kernels share out their elements)"));
    }

    /// A bound no solver meets in one step: Brian2's IntegrationError, here
    /// the run stops with one line and exit status 1.
    void aSolverThatFailsStopsTheRun() {
        QTemporaryDir dir;
        const QString path = dir.filePath("fails.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(
            modelWith("gsl_rkck", R"({"max_steps": 1, "absolute_error[v]": "1e-30*mV"})")));
        file.close();
        const CliResult cli = runCli({"run", path, "--tier", "tcc"});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains("'G', field 'method_options': the GSL solver could not "
                                  "integrate neuron 0 over the step at t = 0 ms"),
                 qPrintable(cli.err));
        QCOMPARE(cli.err.trimmed().count('\n'), 0);
    }
};

QTEST_APPLESS_MAIN(TestGslMethods)
#include "tst_gsl_methods.moc"
