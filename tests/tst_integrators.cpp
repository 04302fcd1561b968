// The state updaters: Brian2's choice of method, and the abstract code of
// each method checked by running it on numbers.
#include "diagnostics/ModelError.h"
#include "equations/EquationParser.h"
#include "equations/integrators/StateUpdateMethod.h"
#include "expr/ConstantFolder.h"
#include "runtime/LinearPropagator.h"

#include <QtTest>

using namespace spikestudio;

namespace {

struct Fixture {
    Scope constants;
    EquationSet equations;
    std::unique_ptr<Scope> scope;

    Fixture(const std::string& text, bool refractory = false) {
        constants.define("tau",
                         Symbol{SymbolKind::Constant, Dimension::second(), ValueType::Float, 0.01});
        constants.define("tau2",
                         Symbol{SymbolKind::Constant, Dimension::second(), ValueType::Float, 0.02});
        constants.define("E",
                         Symbol{SymbolKind::Constant, Dimension::volt(), ValueType::Float, -0.07});
        EquationContext context{EquationOwner::NeuronGroup, 1, refractory};
        equations = EquationSet::build(parseEquations(text), context, constants);
        scope = std::make_unique<Scope>(equations.variableScope(constants));
    }
};

/// Runs abstract code for one element: `values` holds the state, dt and t.
void execute(const AbstractCode& code, std::map<std::string, double>& values) {
    for (const AbstractStatement& statement : code) {
        const auto* assignment = std::get_if<Assignment>(&statement);
        QVERIFY(assignment);
        Scope scope;
        for (const auto& [name, value] : values)
            scope.define(name, Symbol{SymbolKind::Constant, Dimension(), ValueType::Float, value});
        scope.define("tau", Symbol{SymbolKind::Constant, Dimension(), ValueType::Float, 0.01});
        const auto value = foldConstant(assignment->value, scope);
        QVERIFY(value.has_value());
        values[assignment->target] = *value;
    }
}

} // namespace

class TestIntegrators : public QObject {
    Q_OBJECT

private slots:
    void methodChoice_data() {
        QTest::addColumn<QString>("equations");
        QTest::addColumn<QString>("method");
        QTest::newRow("linear") << "dv/dt = (E - v)/tau : volt"
                                << "exact";
        QTest::newRow("linear, per-neuron parameter")
            << "dv/dt = (E - v)/tau_v : volt\ntau_v : second"
            << "exact";
        QTest::newRow("coupled triangular") << "dv/dt = (g - v)/tau : 1\ndg/dt = -g/tau2 : 1"
                                            << "exact";
        QTest::newRow("constant drive is singular") << "dv/dt = 10*Hz : 1"
                                                    << "euler";
        QTest::newRow("zero drive is singular") << "dx/dt = 0/ms : 1"
                                                << "euler";
        QTest::newRow("integrator is singular") << "dv/dt = -v/tau : 1\ndw/dt = v/tau : 1"
                                                << "euler";
        QTest::newRow("oscillator is complex") << "dx/dt = y/tau : 1\ndy/dt = -x/tau : 1"
                                               << "euler";
        QTest::newRow("time-dependent drive") << "dv/dt = (sin(2*pi*t/tau) - v)/tau : 1"
                                              << "euler";
        QTest::newRow("nonlinear") << "dv/dt = v**2/(tau*volt) : volt"
                                   << "euler";
        QTest::newRow("additive noise") << "dv/dt = -v/tau + xi/sqrt(tau) : 1"
                                        << "euler";
        QTest::newRow("multiplicative noise") << "dv/dt = -v/tau + v*xi/sqrt(tau) : 1"
                                              << "heun";
    }

    void methodChoice() {
        QFETCH(QString, equations);
        QFETCH(QString, method);
        Fixture f(equations.toStdString());
        QCOMPARE(QString::fromStdString(nameOf(chooseIntegrationMethod(f.equations, *f.scope))),
                 method);
    }

    void inapplicableMethods_data() {
        QTest::addColumn<QString>("equations");
        QTest::addColumn<QString>("method");
        QTest::newRow("exact with noise") << "dv/dt = -v/tau + xi/sqrt(tau) : 1"
                                          << "exact";
        QTest::newRow("exact, nonlinear") << "dv/dt = v**2/tau : 1"
                                          << "exact";
        QTest::newRow("euler, multiplicative") << "dv/dt = v*xi/sqrt(tau) : 1"
                                               << "euler";
        QTest::newRow("rk4 with noise") << "dv/dt = xi/sqrt(tau) : 1"
                                        << "rk4";
        QTest::newRow("exponential euler, nonlinear") << "dv/dt = v**2/tau : 1"
                                                      << "exponential_euler";
        // Brian2's collect() finds v*v and 1/v as powers of v, and sin(v) without v
        // as a factor of its own: not conditionally linear.
        QTest::newRow("exponential euler, product") << "dv/dt = v*(1 + v)/tau : 1"
                                                    << "exponential_euler";
        QTest::newRow("exponential euler, only in a function") << "dv/dt = sin(v)/tau : 1"
                                                               << "exponential_euler";
        QTest::newRow("exponential euler, divided by v") << "dv/dt = (1 - v)/(v*tau) : 1"
                                                         << "exponential_euler";
    }

    void inapplicableMethods() {
        QFETCH(QString, equations);
        QFETCH(QString, method);
        Fixture f(equations.toStdString());
        bool refused = false;
        try {
            integrate(f.equations, *integrationMethodFromName(method.toStdString()), *f.scope);
        } catch (const ModelError& error) {
            refused = error.where().field == "method" &&
                      error.problem().find("cannot integrate") != std::string::npos;
        }
        QVERIFY(refused);
    }

    void explicitStepsOnDecay_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<double>("factor"); // x_new / x for dx/dt = -x/tau, h = dt/tau
        const double h = 0.1;
        QTest::newRow("euler") << "euler" << 1 - h;
        QTest::newRow("rk2") << "rk2" << 1 - h + h * h / 2;
        QTest::newRow("rk4") << "rk4" << 1 - h + h * h / 2 - h * h * h / 6 + h * h * h * h / 24;
        QTest::newRow("exponential_euler") << "exponential_euler" << std::exp(-h);
    }

    void explicitStepsOnDecay() {
        QFETCH(QString, method);
        QFETCH(double, factor);
        Fixture f("dx/dt = -x/tau : 1");
        const AbstractCode code =
            integrate(f.equations, *integrationMethodFromName(method.toStdString()), *f.scope);
        std::map<std::string, double> values{{"x", 2.0}, {"dt", 0.001}, {"t", 0.0}};
        execute(code, values);
        QVERIFY(std::abs(values["x"] - 2.0 * factor) < 1e-14);
    }

    /// Brian2's exponential_euler takes dv/dt = A(v)*v + B(v) when v's own
    /// factor is linear (Morris & Lecar's (V - V_Ca)*tanh(V)): A and B at the
    /// step's v, then v advanced exactly as if they were constant.
    void exponentialEulerTakesConditionallyLinearEquations() {
        Fixture f("dv/dt = (1 + tanh(v))*(2 - v)/tau + cos(v)/(1 + v*v)/tau : 1");
        const AbstractCode code =
            integrate(f.equations, IntegrationMethod::ExponentialEuler, *f.scope);
        const double v = 0.3, dt = 0.001, tau = 0.01;
        std::map<std::string, double> values{{"v", v}, {"dt", dt}, {"t", 0.0}};
        execute(code, values);
        const double A = -(1 + std::tanh(v)) / tau;
        const double B = (2 * (1 + std::tanh(v)) + std::cos(v) / (1 + v * v)) / tau;
        QVERIFY(std::abs(values["v"] - (-B / A + (v + B / A) * std::exp(A * dt))) < 1e-14);
    }

    void exactEmitsLinearSystem() {
        Fixture f("dv/dt = (g - v)/tau : 1\ndg/dt = -g/tau2 : 1");
        const AbstractCode code = integrate(f.equations, IntegrationMethod::Exact, *f.scope);
        const auto* update = std::get_if<LinearUpdate>(&code.front());
        QVERIFY(update);
        QCOMPARE(update->variables.size(), size_t(2));
        Scope numbers(&f.constants);
        QCOMPARE(*foldConstant(update->matrix[0], numbers), -100.0); // dv/dv = -1/tau
        QCOMPARE(*foldConstant(update->matrix[1], numbers), 100.0);  // dv/dg = 1/tau
        QVERIFY(!update->matrix[2]);                                 // dg/dv = 0
        QCOMPARE(*foldConstant(update->matrix[3], numbers), -50.0);  // dg/dg = -1/tau2
    }

    void propagatorMatchesClosedForm() {
        // dv/dt = (g - v)/tau, dg/dt = -g/tau2: v(t) has a known closed form.
        const double tau = 0.01, tau2 = 0.02, dt = 0.001;
        const double M[4] = {-1 / tau, 1 / tau, 0, -1 / tau2};
        double A[4], G[4];
        spikestudio_linear_propagator(2, M, dt, A, G);
        const double a = std::exp(-dt / tau), b = std::exp(-dt / tau2);
        QVERIFY(std::abs(A[0] - a) < 1e-15);
        QVERIFY(std::abs(A[3] - b) < 1e-15);
        const double coupling = (1 / tau) * (b - a) / (1 / tau - 1 / tau2);
        QVERIFY(std::abs(A[1] - coupling) < 1e-14);
        QVERIFY(std::abs(G[0] - tau * (1 - a)) < 1e-16);
        const double zero[1] = {0.0};
        double A0[1], G0[1];
        spikestudio_linear_propagator(1, zero, dt, A0, G0);
        QCOMPARE(A0[0], 1.0);
        QVERIFY(std::abs(G0[0] - dt) < 1e-18);
    }

    // Uncoupled variables take the closed form: exp(m dt) exactly as libm
    // gives it, and (exp(m dt) - 1)/m through expm1; coupled ones the series.
    void uncoupledVariablesHaveTheClosedForm() {
        const double tauPre = 0.02, tauPost = 0.0333, dt = 0.0173;
        const double M[4] = {-1 / tauPre, 0, 0, -1 / tauPost};
        double A[4], G[4];
        spikestudio_linear_propagator(2, M, dt, A, G);
        QCOMPARE(A[0], std::exp(-1 / tauPre * dt));
        QCOMPARE(A[3], std::exp(-1 / tauPost * dt));
        QCOMPARE(A[1], 0.0);
        QCOMPARE(A[2], 0.0);
        QCOMPARE(G[0], std::expm1(-1 / tauPre * dt) / (-1 / tauPre));
        QCOMPARE(G[1], 0.0);
        // The general path agrees to rounding: a tiny coupling switches to it.
        const double coupled[4] = {-1 / tauPre, 1e-300, 0, -1 / tauPost};
        double Ac[4], Gc[4];
        spikestudio_linear_propagator(2, coupled, dt, Ac, Gc);
        QVERIFY(std::abs(Ac[0] - A[0]) < 1e-15);
        QVERIFY(std::abs(Gc[3] - G[3]) < 1e-17);
    }

    void unlessRefractoryGatesTheUpdate() {
        Fixture f("dv/dt = (E - v)/tau : volt (unless refractory)", true);
        const AbstractCode euler = integrate(f.equations, IntegrationMethod::Euler, *f.scope);
        std::map<std::string, double> values{
            {"v", -0.05}, {"E", -0.07}, {"dt", 0.001}, {"t", 0.0}, {"not_refractory", 0.0}};
        execute(euler, values);
        QCOMPARE(values["v"], -0.05);
        const AbstractCode exact = integrate(f.equations, IntegrationMethod::Exact, *f.scope);
        const auto* update = std::get_if<LinearUpdate>(&exact.front());
        QVERIFY(update && update->gatedByRefractoriness[0]);
    }
};

QTEST_APPLESS_MAIN(TestIntegrators)
#include "tst_integrators.moc"
