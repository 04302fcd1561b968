// Every identifier in the C generated for every model fits the grammar of
// generated names (codegen/GeneratedNames.h): the examples, the reference
// models, and a model whose every name is one the C library gives a meaning
// (system, printf, fork, …), with C hidden in its comments. User text never
// reaches the compiler as text.
#include "codegen/GeneratedNames.h"
#include "codegen/KernelTemplates.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"

#include <QDir>
#include <QRegularExpression>
#include <QtTest>

using namespace spikestudio;

namespace {

/// Names with a meaning in the C library, each legal in a model (C's
/// keywords and `main` are refused as names), and `main` in a comment.
const QStringList kHostileNames = {"system", "printf", "malloc", "exit",   "puts",
                                   "abort",  "getenv", "fopen",  "free",   "fork",
                                   "popen",  "execve", "memcpy", "unlink", "main"};

/// A model whose every object, variable and constant has a hostile name,
/// using every kind of kernel: state update, threshold, reset, refractoriness,
/// synapses with their own equations, a pathway, a summed variable,
/// N_incoming, a TimedArray, a PoissonInput, and state monitors of a group
/// and of synapses. Comments carry C that must be dropped.
const char* kHostileModel = R"json({"format": "spikestudio-model", "version": 1,
  "dt": "0.1*ms", "duration": "5*ms",
  "constants": {"printf": "10*ms", "exit": "2*mV"},
  "timed_arrays": [{"name": "fopen", "dt": "1*ms", "unit": "mV", "values": [0, 5, 10, 5]}],
  "groups": [
    {"name": "system", "type": "NeuronGroup", "N": 4, "method": "euler",
     "equations": "dmalloc/dt = (fopen(t) + fork - malloc)/printf : volt (unless refractory) # system(0); exit(1)\nfork : volt\ndexecve/dt = -execve/printf : 1\npopen : 1",
     "threshold": "malloc > exit", "reset": "malloc = 0*mV\nexecve += 1 # }\n# int main() {",
     "refractory": "1*ms"},
    {"name": "puts", "type": "NeuronGroup", "N": 3, "method": "exact",
     "equations": "dabort/dt = -abort/printf : volt\nmemcpy : volt"}],
  "synapses": [
    {"name": "getenv", "source": "system", "target": "puts",
     "model": "dfree/dt = -free/printf : 1 (clock-driven)\nunlink : volt\nmemcpy_post = unlink*N_incoming : volt (summed)",
     "on_pre": "abort_post += exit*free + execve_pre*mV\nfree += 1",
     "connect": {"condition": "i != j"}, "delay": "0.5*ms"}],
  "poisson_inputs": [
    {"name": "abort", "target": "system", "variable": "malloc", "N": 10, "rate": "100*Hz",
     "weight": "exit/10"}],
  "monitors": [
    {"name": "free", "type": "StateMonitor", "source": "system",
     "variables": ["malloc", "execve"], "record": true},
    {"name": "exit_trace", "type": "StateMonitor", "source": "getenv",
     "variables": ["free", "unlink"], "record": [0, 1]},
    {"name": "spikes", "type": "SpikeMonitor", "source": "system"}]})json";

QStringList modelFilesIn(const QString& folder) {
    QStringList paths;
    const QDir dir(QString(SPIKESTUDIO_SOURCE_DIR) + "/" + folder);
    for (const QString& name : dir.entryList({"*.json"}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

std::string generatedPart(const std::string& source) {
    const std::string& prelude = kernelTemplate("prelude");
    return source.starts_with(prelude) ? source.substr(prelude.size()) : std::string();
}

/// Fails naming the kernel and the pieces of its C outside the grammar.
void verifyKernelsFitTheGrammar(const CheckedModel& model) {
    BuildReport report;
    const auto network = buildNetwork(model, &report);
    QVERIFY(!report.kernels.empty());
    for (const LiveKernel& kernel : report.kernels) {
        QVERIFY2(kernel.source.starts_with(kernelTemplate("prelude")), kernel.name.c_str());
        const std::vector<std::string> breaches =
            breachesOfNameGrammar(generatedPart(kernel.source));
        QStringList pieces;
        for (const std::string& breach : breaches)
            pieces << QString::fromStdString(breach);
        QVERIFY2(breaches.empty(),
                 qPrintable(QString::fromStdString(kernel.name) + ": " + pieces.join(", ")));
    }
}

} // namespace

class TestGeneratedNames : public QObject {
    Q_OBJECT

private slots:
    // The grammar itself: what it lets through and what it stops.
    void theGrammarStopsAnythingNotGenerated_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("breaches");
        QTest::newRow("generated")
            << "double _v0 = _a3[_idx] * (1e-05) + _A01_4 * _B0_1;" << QStringList{};
        QTest::newRow("context fields")
            << "_count = _context->events[_context->sourceSize];" << QStringList{};
        QTest::newRow("comment") << "/* system(\"x\") */ _t0 = spikestudio_exp(_v1);" << QStringList{};
        QTest::newRow("user name") << "double v = _a0[_idx];" << QStringList{"v"};
        QTest::newRow("libc call") << "system(_t0);" << QStringList{"system"};
        QTest::newRow("a field elsewhere") << "double size = _N;" << QStringList{"size"};
        QTest::newRow("not a field") << "_context->v = 0;" << QStringList{"v"};
        QTest::newRow("numbered, wrong kind") << "_x0 = _a0_;" << QStringList{"_x0", "_a0_"};
        QTest::newRow("string") << "_t0 = \"sh\";" << QStringList{"\"sh\";"};
        QTest::newRow("preprocessor")
            << "#include <stdlib.h>\n_t0 = 1;" << QStringList{"#include <stdlib.h>"};
        QTest::newRow("keyword not used") << "goto _k;" << QStringList{"goto"};
    }

    void theGrammarStopsAnythingNotGenerated() {
        QFETCH(QString, code);
        QFETCH(QStringList, breaches);
        QStringList found;
        for (const std::string& breach : breachesOfNameGrammar(code.toStdString()))
            found << QString::fromStdString(breach);
        QCOMPARE(found, breaches);
    }

    // The builder checks every kernel before it compiles it.
    void aKernelOutsideTheGrammarIsNeverCompiled() {
        const std::string prelude = kernelTemplate("prelude");
        const std::string head = "void spikestudio_kernel(void* const* _arrays, const double* "
                                 "_constants, SpikeStudioKernelContext* _context)\n{\n";
        requireGeneratedNames(prelude + head + "    double _t0 = spikestudio_exp(_context->t);\n}\n");
        QVERIFY_THROWS_EXCEPTION(std::logic_error,
                                 requireGeneratedNames(prelude + head + "    system(0);\n}\n"));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, requireGeneratedNames(head + "}\n"));
    }

    void everyModelsKernelsFitTheGrammar_data() {
        QTest::addColumn<QString>("path");
        for (const QString& folder : {"resources/examples", "tests/reference/models"})
            for (const QString& path : modelFilesIn(folder))
                QTest::newRow(qPrintable(folder + "/" + QFileInfo(path).fileName())) << path;
    }

    void everyModelsKernelsFitTheGrammar() {
        QFETCH(QString, path);
        verifyKernelsFitTheGrammar(checkModel(readModelFile(path.toStdString())));
    }

    // C's and libc's names as the model's names: none of them reaches the C.
    void hostileNamesNeverReachTheCompiler() {
        const CheckedModel model = checkModel(readModel(kHostileModel));
        verifyKernelsFitTheGrammar(model);
        BuildReport report;
        const auto network = buildNetwork(model, &report);
        QStringList kernels; // every kind of kernel is there
        for (const LiveKernel& kernel : report.kernels)
            kernels << QString::fromStdString(kernel.name);
        QCOMPARE(kernels, QStringList({"system reset", "puts state update", "getenv state update",
                                       "getenv_summed_variable_memcpy_post", "getenv_pre",
                                       "abort PoissonInput", "free state monitor",
                                       "exit_trace state monitor",
                                       "system state update and threshold"}));
        for (const LiveKernel& kernel : report.kernels) {
            const QString code = QString::fromStdString(generatedPart(kernel.source));
            for (const QString& name : kHostileNames)
                QVERIFY2(!code.contains(QRegularExpression("\\b" + name + "\\b")),
                         qPrintable(QString::fromStdString(kernel.name) + ": " + name));
        }
    }
};

QTEST_GUILESS_MAIN(TestGeneratedNames)
#include "tst_generated_names.moc"
