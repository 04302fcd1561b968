// exp as kernels compute it (core/expr/ExpFunction.inc): its accuracy over
// the whole double range against long double, its special values, and the
// same bits from the program's copy (libtcc's tier, the constant folder) and
// from the system compiler's inlined, vectorised copy (the native tier).
#include "codegen/KernelAbi.h"
#include "codegen/KernelTemplates.h"
#include "engine/CompiledKernel.h"
#include "engine/NativeCompiler.h"
#include "engine/TccCompiler.h"
#include "expr/MathFunctions.h"

#include <QtTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace spikestudio;

namespace {

/// |got - exact| in units of the last place of the double nearest `exact`
/// (the smallest subnormal's spacing below the normal range).
double ulpError(double got, long double exact) {
    const double nearest = static_cast<double>(exact);
    if (std::isinf(nearest))
        return std::isinf(got) ? 0.0 : std::numeric_limits<double>::infinity();
    const double magnitude = std::fabs(nearest);
    double spacing = std::nextafter(magnitude, std::numeric_limits<double>::infinity()) - magnitude;
    if (spacing == 0.0)
        spacing = std::numeric_limits<double>::denorm_min();
    // In long double: a difference below the smallest subnormal must not round to it.
    return static_cast<double>(std::fabs(static_cast<long double>(got) - exact) / spacing);
}

/// Arguments drawn uniformly in [low, high], always the same ones.
std::vector<double> arguments(double low, double high, int count) {
    std::mt19937_64 engine(20261202);
    std::uniform_real_distribution<double> uniform(low, high);
    std::vector<double> values(count);
    for (double& value : values)
        value = uniform(engine);
    return values;
}

/// A kernel writing spikestudio_exp of arrays[0] into arrays[1], element by element.
std::string expKernel() {
    return kernelTemplate("prelude") +
           "void spikestudio_kernel(void* const* _arrays, const double* _constants,\n"
           "                        SpikeStudioKernelContext* _context)\n{\n"
           "    const double* _a0 = (const double*)_arrays[0];\n"
           "    double* _a1 = (double*)_arrays[1];\n"
           "    int64_t _idx;\n"
           "    for (_idx = 0; _idx < _context->size; ++_idx)\n"
           "        _a1[_idx] = spikestudio_exp(_a0[_idx]);\n}\n";
}

std::vector<double> runExpKernel(const CompiledKernel& kernel, const std::vector<double>& input) {
    std::vector<double> output(input.size());
    void* arrays[] = {const_cast<double*>(input.data()), output.data()};
    SpikeStudioKernelContext context{};
    context.size = static_cast<int64_t>(input.size());
    kernel.function()(arrays, nullptr, &context);
    return output;
}

/// Every kind of argument: ordinary, tiny, near the reduction's edges, near
/// overflow and underflow, and the special values.
std::vector<double> testArguments() {
    std::vector<double> values = arguments(-750.0, 712.0, 20000);
    for (double x : arguments(-1e-6, 1e-6, 1000))
        values.push_back(x);
    for (double x :
         {0.0, -0.0, 1.0, -1.0, 0.34657359027997264, -0.34657359027997264, 709.782712893384, 709.79,
          -708.4, -745.13321910194122, -745.2, 1e-300, std::numeric_limits<double>::infinity(),
          -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()})
        values.push_back(x);
    return values;
}

bool sameBits(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestExpFunction : public QObject {
    Q_OBJECT

private slots:
    void isWithinItsDocumentedBound_data() {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<double>("bound"); // in ulp
        QTest::newRow("near zero") << -1e-3 << 1e-3 << 0.51;
        QTest::newRow("reduction range") << -0.35 << 0.35 << 0.7;
        QTest::newRow("ordinary") << -50.0 << 50.0 << 0.7;
        QTest::newRow("near overflow") << 700.0 << 709.78 << 0.7;
        QTest::newRow("normal results, small") << -708.39 << -700.0 << 0.7;
        QTest::newRow("subnormal results") << -745.13 << -708.4 << 0.8;
    }

    void isWithinItsDocumentedBound() {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(double, bound);
        double worst = 0.0, worstAt = 0.0;
        int beyondHalf = 0;
        const std::vector<double> values = arguments(low, high, 200000);
        for (double x : values) {
            const double error =
                ulpError(spikestudio_exp(x), std::exp(static_cast<long double>(x)));
            if (error > worst) {
                worst = error;
                worstAt = x;
            }
            beyondHalf += error > 0.5;
        }
        QVERIFY2(worst <= bound,
                 qPrintable(QString("%1 ulp at %2").arg(worst).arg(worstAt, 0, 'g', 17)));
        // Nearly always the double nearest the exact value.
        QVERIFY2(beyondHalf < int(values.size()) / 25, qPrintable(QString::number(beyondHalf)));
    }

    void specialValues() {
        const double inf = std::numeric_limits<double>::infinity();
        QCOMPARE(spikestudio_exp(0.0), 1.0);
        QCOMPARE(spikestudio_exp(-0.0), 1.0);
        QCOMPARE(spikestudio_exp(1e-300), 1.0);
        QCOMPARE(spikestudio_exp(inf), inf);
        QCOMPARE(spikestudio_exp(-inf), 0.0);
        QVERIFY(std::isnan(spikestudio_exp(std::numeric_limits<double>::quiet_NaN())));
        QVERIFY(std::isfinite(spikestudio_exp(709.782712893384)));
        QCOMPARE(spikestudio_exp(709.79), inf);
        QCOMPARE(spikestudio_exp(1e308), inf);
        QCOMPARE(spikestudio_exp(-745.13321910194122), std::numeric_limits<double>::denorm_min());
        QCOMPARE(spikestudio_exp(-745.2), 0.0);
        QCOMPARE(spikestudio_exp(-1e308), 0.0);
        QCOMPARE(spikestudio_exp(1.0), 2.718281828459045);
    }

    void theTccTierCallsTheSameFunction() {
        const std::vector<double> input = testArguments();
        const std::vector<double> output = runExpKernel(*TccCompiler::compile(expKernel()), input);
        for (size_t k = 0; k < input.size(); ++k)
            QVERIFY2(sameBits(output[k], spikestudio_exp(input[k])),
                     qPrintable(QString::number(input[k], 'g', 17)));
    }

    void theNativeTiersInlinedCopyGivesTheSameBits() {
        std::string whyNot;
        const std::optional<NativeCompiler> compiler = NativeCompiler::find(&whyNot);
        if (!compiler)
            QSKIP(whyNot.c_str());
        const std::vector<double> input = testArguments();
        const std::vector<double> output = runExpKernel(*compiler->compile(expKernel()), input);
        for (size_t k = 0; k < input.size(); ++k)
            QVERIFY2(sameBits(output[k], spikestudio_exp(input[k])),
                     qPrintable(QString::number(input[k], 'g', 17)));
    }
};

QTEST_MAIN(TestExpFunction)
#include "tst_exp_function.moc"
