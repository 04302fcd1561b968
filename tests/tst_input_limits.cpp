// Long and deep input: every field that takes an expression or statements
// refuses text beyond ExprLimits with a one-line message naming object and
// field (exit 1, never a crash); text just under the limits checks and runs
// on both kernel tiers with a small stack, which shows that no stage recurses
// along an expression; chained subexpressions that double the tree at every
// level build as a graph; and `and`/`or` draw random numbers on their right
// only when the left side asks for it, however long that side is.
#include "diagnostics/ModelError.h"
#include "engine/NativeCompiler.h"
#include "engine/NetworkBuilder.h"
#include "expr/ExprLimits.h"
#include "model/ModelReader.h"
#include "support/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>
#include <pthread.h>

using namespace spikestudio;

namespace {

constexpr int kLimit = static_cast<int>(ExprLimits::kMaxTerms);

/// `count` copies of `term` joined by `op`: 2*count - 1 terms.
QString chain(const QString& term, const QString& op, int count) {
    QStringList terms;
    for (int k = 0; k < count; ++k)
        terms << term;
    return terms.join(" " + op + " ");
}

/// A chain of ones joined by '+' with exactly `terms` terms (odd).
QString ones(int terms) {
    return "(" + chain("1", "+", (terms + 1) / 2) + ")";
}

/// A small network with every kind of object, so that each field can be set.
QJsonObject baseModel() {
    return QJsonDocument::fromJson(R"({
      "format": "spikestudio-model", "version": 1, "name": "limits",
      "dt": "0.1*ms", "duration": "2*ms", "seed": 3,
      "constants": {"tau": "10*ms"},
      "groups": [
        {"name": "G", "type": "NeuronGroup", "N": 3, "method": "euler",
         "equations": "dv/dt = (1.5 - v)/tau : 1", "threshold": "v > 1", "reset": "v = 0"},
        {"name": "P", "type": "PoissonGroup", "N": 3, "rates": "100*Hz"}],
      "synapses": [
        {"name": "S", "source": "P", "target": "G", "model": "w : 1", "on_pre": "v += w",
         "connect": {"condition": "i != j"}}],
      "monitors": [
        {"name": "spikes", "type": "SpikeMonitor", "source": "G"},
        {"name": "trace", "type": "StateMonitor", "source": "G", "variables": ["v"], "record": [0, 1]}]
    })")
        .object();
}

QJsonObject withEntry(QJsonObject model, const char* list, const char* key,
                      const QJsonValue& value) {
    QJsonArray array = model[list].toArray();
    QJsonObject entry = array[0].toObject();
    entry[key] = value;
    array[0] = entry;
    model[list] = array;
    return model;
}

QJsonObject withGroup(const char* key, const QJsonValue& value) {
    return withEntry(baseModel(), "groups", key, value);
}

QJsonObject withSynapses(const char* key, const QJsonValue& value) {
    return withEntry(baseModel(), "synapses", key, value);
}

/// The model with `expression` (a chain of `terms` terms) in one field, and
/// the object and field a message about it must name.
struct FieldCase {
    QJsonObject model;
    QString object;
    QString field;
};

FieldCase fieldWith(const QString& field, const QString& chainText) {
    QJsonObject model = baseModel();
    const QString c = chainText;
    if (field == "constants") {
        QJsonObject constants = model["constants"].toObject();
        constants["c"] = c + "*mV";
        model["constants"] = constants;
        return {model, "constants", "c"};
    }
    if (field == "dt") {
        model["dt"] = c + "*0.0001*ms";
        return {model, "model", "dt"};
    }
    if (field == "equations")
        return {withGroup("equations", "dv/dt = (1.5 - v)/tau + 0*" + c + "/tau : 1"), "G",
                "equations"};
    if (field == "unit") // a unit declaration is parsed as an expression too
        return {withGroup("equations", "dv/dt = (1.5 - v)/tau : 1\nx : " +
                                           QString(c).replace("+", "*").mid(1).chopped(1)),
                "G", "equations"};
    if (field == "threshold")
        return {withGroup("threshold", "v > " + c), "G", "threshold"};
    if (field == "reset")
        return {withGroup("reset", "v = 0*" + c), "G", "reset"};
    if (field == "refractory")
        return {withGroup("refractory", c + "*0.0001*ms"), "G", "refractory"};
    if (field == "initial")
        return {withGroup("initial", QJsonObject{{"v", c + "*0.0001"}}), "G", "initial.v"};
    if (field == "rates") {
        QJsonArray groups = model["groups"].toArray();
        QJsonObject poisson = groups[1].toObject();
        poisson["rates"] = c + "*Hz";
        groups[1] = poisson;
        model["groups"] = groups;
        return {model, "P", "rates"};
    }
    if (field == "on_pre")
        return {withSynapses("on_pre", "v += w*" + c), "S", "on_pre"};
    if (field == "on_post")
        return {withSynapses("on_post", "w += 0.001*" + c), "S", "on_post"};
    if (field == "synapses model")
        return {withSynapses("model", "w : 1\nu = w*" + c + " : 1"), "S", "model"};
    if (field == "delay")
        return {withSynapses("delay", c + "*0.0001*ms"), "S", "delay"};
    if (field == "synapses initial")
        return {withSynapses("initial", QJsonObject{{"w", c + "*0.0001"}}), "S", "initial.w"};
    if (field == "condition")
        return {withSynapses("connect", QJsonObject{{"condition", "i != j and " + c + " > 0"}}),
                "S", "connect.condition"};
    if (field == "p")
        return {withSynapses("connect", QJsonObject{{"p", c + "*0.0001"}}), "S", "connect.p"};
    if (field == "n")
        return {withSynapses("connect", QJsonObject{{"condition", "i != j"}, {"n", c + "*0 + 1"}}),
                "S", "connect.n"};
    if (field == "generator")
        return {withSynapses("connect",
                             QJsonObject{{"j", "k for k in range(N_post) if " + c + " > 0"}}),
                "S", "connect.j"};
    if (field == "poisson input rate" || field == "poisson input weight") {
        const bool rate = field == "poisson input rate";
        model["poisson_inputs"] =
            QJsonArray{QJsonObject{{"name", "PI"},
                                   {"target", "G"},
                                   {"variable", "v"},
                                   {"N", 10},
                                   {"rate", rate ? c + "*Hz" : QString("10*Hz")},
                                   {"weight", rate ? QString("0.01") : "0.0001*" + c}}};
        return {model, "PI", rate ? "rate" : "weight"};
    }
    if (field == "timed array unit" || field == "timed array dt") {
        const bool unit = field == "timed array unit";
        QJsonObject array{{"name", "ta"},
                          {"dt", unit ? QString("1*ms") : c + "*ms"},
                          {"values", QJsonArray{1, 2}}};
        if (unit)
            array["unit"] = c + "*mV";
        model["timed_arrays"] = QJsonArray{array};
        return {model, "ta", unit ? "unit" : "dt"};
    }
    if (field == "monitor dt") {
        QJsonArray monitors = model["monitors"].toArray();
        QJsonObject trace = monitors[1].toObject();
        trace["dt"] = c + "*0.001*ms";
        monitors[1] = trace;
        model["monitors"] = monitors;
        return {model, "trace", "dt"};
    }
    qFatal("no such field");
}

const QStringList kFields = {"constants",
                             "dt",
                             "equations",
                             "unit",
                             "threshold",
                             "reset",
                             "refractory",
                             "initial",
                             "rates",
                             "on_pre",
                             "on_post",
                             "synapses model",
                             "delay",
                             "synapses initial",
                             "condition",
                             "p",
                             "n",
                             "generator",
                             "poisson input rate",
                             "poisson input weight",
                             "timed array unit",
                             "timed array dt",
                             "monitor dt"};

/// Runs the command line with its stack (and so every thread's default
/// stack) limited to `stackKb`: far less than the 8 MB of a main thread or
/// the 2 MB glibc gives a thread when the stack is unlimited.
CliResult runCliOnStack(int stackKb, const QStringList& arguments) {
    QProcess process;
    process.start("/bin/sh",
                  QStringList{"-c",
                              "ulimit -s " + QString::number(stackKb) + " && exec \"$0\" \"$@\"",
                              SPIKESTUDIO_CLI} +
                      arguments);
    process.waitForFinished(300000);
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// Flat chains of any length need no more stack than short ones: 256 KB is
// plenty. The parser recurses once per level of nesting (about 1 KB each, 200
// KB at the limit; several times more in sanitizer builds): nesting is tested
// on the usual 8 MB.
constexpr int kSmallStackKb = 256;
constexpr int kDefaultStackKb = 8192;

/// Runs `body` on a thread with a stack of `bytes`, as a worker thread of the
/// GUI (check, build) would be with a small default stack.
void onSmallStack(size_t bytes, const std::function<void()>& body) {
    struct Call {
        const std::function<void()>* body;
        std::exception_ptr error;
    } call{&body, nullptr};
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, bytes);
    pthread_t thread;
    const int started = pthread_create(
        &thread, &attributes,
        [](void* opaque) -> void* {
            auto* call = static_cast<Call*>(opaque);
            try {
                (*call->body)();
            } catch (...) {
                call->error = std::current_exception();
            }
            return nullptr;
        },
        &call);
    pthread_attr_destroy(&attributes);
    QCOMPARE(started, 0);
    pthread_join(thread, nullptr);
    if (call.error)
        std::rethrow_exception(call.error);
}

QByteArray contentsOf(const QString& directory) {
    QByteArray all;
    const QDir dir(directory);
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::ReadOnly);
        all += name.toUtf8() + "\n" + file.readAll();
    }
    return all;
}

/// How deeply brackets nest in generated C.
int deepestBrackets(const std::string& source) {
    int depth = 0, deepest = 0;
    for (char c : source) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        deepest = std::max(deepest, depth);
    }
    return deepest;
}

} // namespace

class TestInputLimits : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QTemporaryDir cache_;
    int files_ = 0;
    bool haveCompiler_ = false;

    QString write(const QJsonObject& model) {
        const QString path = dir_.filePath(QString("model%1.json").arg(files_++));
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(QJsonDocument(model).toJson(QJsonDocument::Compact));
        return path;
    }

    static void verifyRefused(const CliResult& result, const QString& object, const QString& field,
                              const QString& problem) {
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("'" + object + "', field '" + field + "'"),
                 qPrintable(result.err.left(300)));
        QVERIFY2(result.err.contains(problem), qPrintable(result.err.left(300)));
        QVERIFY(!result.err.contains("std::"));
        QCOMPARE(result.err.count('\n'), 1); // one line
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid() && cache_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", cache_.path().toUtf8());
        haveCompiler_ = NativeCompiler::find().has_value();
    }

    void overlongFieldIsRefused_data() {
        QTest::addColumn<QString>("field");
        for (const QString& field : kFields)
            QTest::newRow(qPrintable(field)) << field;
    }

    // One term over the limit is refused by check and by run, naming where.
    void overlongFieldIsRefused() {
        QFETCH(QString, field);
        const FieldCase c = fieldWith(field, ones(kLimit + 1));
        const QString path = write(c.model);
        for (const char* verb : {"check", "run"}) {
            const CliResult result = runCliOnStack(kSmallStackKb, {verb, path});
            verifyRefused(result, c.object, c.field, "too long");
            QVERIFY(result.err.contains("limit 10000"));
        }
    }

    void fieldJustUnderTheLimitRuns_data() { overlongFieldIsRefused_data(); }

    // The same field a few terms under the limit checks and runs, on a stack
    // of 256 KB: nothing recurses along the expression.
    void fieldJustUnderTheLimitRuns() {
        QFETCH(QString, field);
        const FieldCase c = fieldWith(field, ones(kLimit - 41));
        const QString path = write(c.model);
        for (const QStringList& arguments :
             {QStringList{"check", path}, QStringList{"run", path, "--tier", "tcc"}}) {
            const CliResult result = runCliOnStack(kSmallStackKb, arguments);
            QVERIFY2(result.exitCode == 0, qPrintable(field + ": " + result.err.left(300)));
        }
    }

    void durationOption() {
        const QString path = write(baseModel());
        const CliResult refused = runCliOnStack(
            kSmallStackKb, {"run", path, "--duration", ones(kLimit + 1) + "*0.01*ms"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("'duration'") && refused.err.contains("too long"),
                 qPrintable(refused.err.left(300)));
        const CliResult runs =
            runCliOnStack(kSmallStackKb, {"run", path, "--tier", "tcc", "--duration",
                                          ones(kLimit - 9) + "*0.0002*ms"});
        QVERIFY2(runs.exitCode == 0, qPrintable(runs.err.left(300)));
    }

    void operatorChain_data() {
        QTest::addColumn<QString>("under");
        QTest::addColumn<QString>("over");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("stackKb");
        const int n = (kLimit - 10) / 2; // terms per chain: about 2n
        const auto flat = [&](const char* name, const QString& term, const QString& op) {
            QTest::newRow(name) << "v > " + chain(term, op, n) << "v > " + chain(term, op, n + 8)
                                << "too long" << kSmallStackKb;
        };
        flat("+", "1", "+");
        flat("-", "1", "-");
        flat("*", "1", "*");
        flat("/", "1", "/");
        flat("%", "7", "%");
        flat("//", "7", "//");
        QTest::newRow("and") << "v > 1 and " + chain("v > 0", "and", n / 2)
                             << "v > 1 and " + chain("v > 0", "and", n / 2 + 8) << "too long"
                             << kSmallStackKb;
        QTest::newRow("or") << "v > 1 or " + chain("v > 9", "or", n / 2)
                            << "v > 1 or " + chain("v > 9", "or", n / 2 + 8) << "too long"
                            << kSmallStackKb;
        QTest::newRow("<") << "v < " + chain("2", "<", n) << "v < " + chain("2", "<", n + 8)
                           << "too long" << kSmallStackKb;
        const auto nested = [](const char* name, const QString& open, const QString& inner,
                               const QString& close) {
            const auto make = [&](int levels) {
                return open.repeated(levels) + inner + close.repeated(levels);
            };
            QTest::newRow(name) << make(ExprLimits::kMaxNesting)
                                << make(ExprLimits::kMaxNesting + 1) << "nested too deeply"
                                << kDefaultStackKb;
        };
        nested("brackets", "(", "v > 1", ")");
        nested("calls", "abs(", "v", ")");
        nested("unary minus", "-", "v", "");
        nested("not", "not ", "v > 1", "");
        nested("**", "1 ** ", "v", "");
    }

    // Every operator, flat or nested, just under and just over the limits.
    void operatorChain() {
        QFETCH(QString, under);
        QFETCH(QString, over);
        QFETCH(QString, problem);
        QFETCH(int, stackKb);
        // Non-boolean chains are compared with v to make a threshold.
        const auto threshold = [](const QString& text) {
            return text.startsWith("v") || text.startsWith("(") || text.startsWith("not")
                       ? text
                       : "v > " + text;
        };
        const CliResult refused =
            runCliOnStack(stackKb, {"check", write(withGroup("threshold", threshold(over)))});
        verifyRefused(refused, "G", "threshold", problem);
        const CliResult runs = runCliOnStack(
            stackKb, {"run", write(withGroup("threshold", threshold(under))), "--tier", "tcc"});
        QVERIFY2(runs.exitCode == 0, qPrintable(runs.err.left(300)));
    }

    void statementsShareOneLimit() {
        QStringList statements;
        for (int k = 0; k < kLimit / 3 + 1; ++k)
            statements << "v = v*1";
        const CliResult result =
            runCli({"check", write(withGroup("reset", statements.join("; ")))});
        verifyRefused(result, "G", "reset", "code too long");
    }

    void equationsShareOneLimit() {
        QStringList equations{"dv/dt = (1.5 - v)/tau : 1"};
        for (int k = 0; k < kLimit / 5; ++k)
            equations << QString("x%1 = v*2 + 1 : 1").arg(k);
        const CliResult result =
            runCli({"check", write(withGroup("equations", equations.join("\n")))});
        verifyRefused(result, "G", "equations", "equations too long");
    }

    void anEnormousFieldIsRefusedByCounting() {
        const QString huge = "v > " + chain("1", "+", 2'000'000);
        const CliResult result = runCli({"check", write(withGroup("threshold", huge))});
        verifyRefused(result, "G", "threshold", "expression too long: 4000001 terms");
    }

    void justUnderTheLimitBothTiersAgree_data() {
        QTest::addColumn<QJsonObject>("model");
        QTest::newRow("sum in an equation") << withGroup(
            "equations", "dv/dt = (1.5 - v)/tau + (" + chain("v", "-", (kLimit - 20) / 2) +
                             " + v)*0.001/tau : 1");
        QTest::newRow("and in a threshold")
            << withGroup("threshold", "v > 1 and " + chain("v > 0.5", "and", (kLimit - 10) / 4));
        QTest::newRow("statements in a reset")
            << withGroup("reset", "v = 0; " + chain("v = v*0.5 + 0.1", ";", (kLimit - 10) / 6));
        QTest::newRow("on_pre") << withSynapses("on_pre", "v += 0.05*" + ones(kLimit - 5));
    }

    // Both tiers compile code from a model at the limit and agree on every
    // value: libtcc and the system compiler both take the generated C.
    void justUnderTheLimitBothTiersAgree() {
        QFETCH(QJsonObject, model);
        const QString path = write(model);
        const QString tcc = dir_.filePath(QString("tcc%1").arg(files_));
        const QString native = dir_.filePath(QString("native%1").arg(files_));
        const CliResult onTcc =
            runCliOnStack(kSmallStackKb, {"run", path, "--tier", "tcc", "--csv", tcc});
        QVERIFY2(onTcc.exitCode == 0, qPrintable(onTcc.err.left(300)));
        if (!haveCompiler_)
            QSKIP("no system C compiler here: only libtcc can run");
        // The system compiler is a process of its own, with the usual stack.
        const CliResult onNative = runCli({"run", path, "--tier", "native", "--csv", native});
        QVERIFY2(onNative.exitCode == 0, qPrintable(onNative.err.left(300)));
        QVERIFY2(onNative.out.contains("tier: native"), qPrintable(onNative.out.right(300)));
        QVERIFY(!contentsOf(tcc).isEmpty());
        QCOMPARE(contentsOf(native), contentsOf(tcc));
    }

    // s_k = (s_{k-1} + s_{k-1})/2 stands for a tree of 2^k leaves that is v
    // exactly: the graph must be checked, generated and run as a graph.
    void chainedSubexpressionsBuildAsAGraph() {
        for (int levels : {20, 60}) {
            QStringList equations{"s0 = v : 1"};
            for (int k = 1; k <= levels; ++k)
                equations << QString("s%1 = (s%2 + s%2)/2 : 1").arg(k).arg(k - 1);
            equations << QString("dv/dt = (1.5 - s%1)/tau : 1").arg(levels);
            QJsonObject chained = withGroup("equations", equations.join("\n"));
            chained = withEntry(chained, "groups", "initial",
                                QJsonObject{{"v", QString("s%1*0 + 0.2").arg(levels)}});
            const CheckedModel model =
                checkModel(readModel(QJsonDocument(chained).toJson().toStdString()));
            BuildReport report;
            auto network = buildNetwork(model, &report);
            size_t bytes = 0;
            for (const auto& kernel : report.kernels)
                bytes += kernel.source.size();
            QVERIFY2(bytes < 200'000, qPrintable(QString::number(bytes))); // linear, not 2^levels

            const CliResult chainedRun = runCli(
                {"run", write(chained), "--csv", dir_.filePath(QString("chain%1").arg(levels))});
            QVERIFY2(chainedRun.exitCode == 0, qPrintable(chainedRun.err.left(300)));
            const CliResult plainRun = runCli(
                {"run",
                 write(withEntry(baseModel(), "groups", "initial", QJsonObject{{"v", "0.2"}})),
                 "--csv", dir_.filePath(QString("plain%1").arg(levels))});
            QCOMPARE(contentsOf(dir_.filePath(QString("chain%1").arg(levels))),
                     contentsOf(dir_.filePath(QString("plain%1").arg(levels))));
        }
    }

    // Checking and building on a thread with a small stack, as the GUI's
    // worker does: a flat chain at the limit in every kind of code.
    void checkAndBuildOnASmallThreadStack() {
        const QJsonObject model =
            withEntry(withEntry(fieldWith("equations", ones(kLimit - 41)).model, "groups",
                                "threshold", "v > " + ones(kLimit - 3)),
                      "groups", "reset", "v = 0*" + ones(kLimit - 5));
        const std::string json = QJsonDocument(model).toJson().toStdString();
        bool built = false;
        onSmallStack(256 * 1024, [&] {
            const CheckedModel checked = checkModel(readModel(json));
            BuildReport report;
            auto network = buildNetwork(checked, &report);
            network->run(checked.dt);
            for (const auto& kernel : report.kernels)
                QVERIFY2(deepestBrackets(kernel.source) < 200, kernel.name.c_str());
            built = true;
        });
        QVERIFY(built);
    }

    // Both operands of and/or are evaluated, as numpy's logical_and is: a
    // right operand that draws takes its numbers whatever the left one says,
    // so a threshold equals the same one with its operands swapped (v is
    // never negative: the drawing operand never decides), also when that
    // operand is too long for one C expression; and it differs from a
    // threshold that does not draw there.
    void conditionalRandomDrawsTakeTheirNumbers() {
        const QString longSum = "(" + chain("rand()", "+", 3000) + ") > 1";
        const QList<QPair<QString, QString>> swapped = {
            {"(v < 0 and rand() < 0.5) or rand() < 0.3",
             "(rand() < 0.5 and v < 0) or rand() < 0.3"},
            {"(v < 0 and " + longSum + ") or rand() < 0.3",
             "(" + longSum + " and v < 0) or rand() < 0.3"},
            {"not (v >= 0 or " + longSum + ") or rand() < 0.3",
             "not (" + longSum + " or v >= 0) or rand() < 0.3"}};
        const QString plain = dir_.filePath("random-plain");
        QCOMPARE(runCli({"run", write(withGroup("threshold", "rand() < 0.3")), "--tier", "tcc",
                         "--csv", plain})
                     .exitCode,
                 0);
        int k = 0;
        for (const auto& [threshold, twin] : swapped) {
            const QString reference = dir_.filePath(QString("random-twin-%1").arg(k));
            QCOMPARE(runCli({"run", write(withGroup("threshold", twin)), "--tier", "tcc", "--csv",
                             reference})
                         .exitCode,
                     0);
            QVERIFY(contentsOf(reference).contains("spikes"));
            QVERIFY(contentsOf(reference) != contentsOf(plain));
            for (const char* tier : {"tcc", "native"}) {
                const QString out = dir_.filePath(QString("random-%1-%2").arg(k).arg(tier));
                if (QString(tier) == "native" && !haveCompiler_)
                    continue;
                const CliResult result = runCli({"run", write(withGroup("threshold", threshold)),
                                                 "--tier", tier, "--csv", out});
                QVERIFY2(result.exitCode == 0, qPrintable(result.err.left(300)));
                QVERIFY(result.out.contains(QString("tier: ") +
                                            (tier[0] == 't' ? "libtcc" : "native")));
                QCOMPARE(contentsOf(out), contentsOf(reference));
            }
            ++k;
        }
    }

    void generatedCodeBeyondTheKernelLimitIsRefused() {
        // Each statement must compute the subexpression anew: v changed.
        QJsonObject model =
            withGroup("equations", "dv/dt = (1.5 - v)/tau : 1\ns = (" +
                                       chain("v", "+", kLimit / 2 - 100) + ")*0.001 : 1");
        model = withEntry(model, "groups", "reset", chain("v = s*0.001", ";", 30));
        const CliResult result = runCli({"run", write(model), "--tier", "tcc"});
        verifyRefused(result, "G", "reset", "generated code too large");
    }
};

QTEST_GUILESS_MAIN(TestInputLimits)
#include "tst_input_limits.moc"
