// The two kernel tiers give identical results: every reference model and
// every bundled example runs on libtcc alone, natively from the first step,
// switching natively halfway through, and switching whenever the background
// compiler is done; all records must agree bit for bit (CSV byte for byte).
// Without a working system compiler everything runs on libtcc, and says so.
#include "csv/CsvWriter.h"
#include "engine/LoadedNativeKernels.h"
#include "engine/NativeCompiler.h"
#include "engine/NativeTier.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "support/FileTree.h"
#include "support/ModelRows.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

/// When native code replaces libtcc's; Auto: as a run does by default
/// (startTier), from the first step when this process has the code loaded.
enum class Switch { Never, BeforeRun, Halfway, Background, Auto };

CheckedModel loadModel(const QString& path, const char* duration = nullptr) {
    CheckOptions options;
    if (duration)
        options.duration = duration;
    return checkModel(readModelFile(path.toStdString()), options);
}

/// Runs `model` with the tiers switched as asked; its CSVs go to `directory`.
TierStatus runInto(const CheckedModel& model, Switch when, const QString& directory) {
    BuildReport report;
    auto network = buildNetwork(model, &report);
    TierStatus status;
    {
        const std::unique_ptr<NativeTier> tier =
            when == Switch::Auto ? startTier(TierMode::Auto, *network, report.kernels)
                                 : std::make_unique<NativeTier>(*network, report.kernels);
        if (when == Switch::BeforeRun)
            tier->compileAndSwapNow();
        if (when == Switch::Background)
            tier->startInBackground();
        if (when == Switch::Halfway) {
            network->run(model.duration / 2);
            tier->compileAndSwapNow();
            network->run(model.duration - network->scheduler().time());
        } else {
            network->run(model.duration);
        }
        status = tier->status();
    }
    writeAllCsv(network->results(), directory.toStdString());
    return status;
}

QString writeScript(const QString& path, const QByteArray& text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

} // namespace

class TestTiers : public QObject {
    Q_OBJECT

    QTemporaryDir cache_;
    QTemporaryDir out_;
    bool haveCompiler_ = false;

    QString outDir(const QString& name) const { return out_.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(cache_.isValid() && out_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", cache_.path().toUtf8());
        qunsetenv("SPIKESTUDIO_CC");
        haveCompiler_ = NativeCompiler::find().has_value();
    }

    void init() { qunsetenv("SPIKESTUDIO_CC"); }

    void bothTiersGiveIdenticalResults_data() {
        QTest::addColumn<QString>("path");
        addModelRows(SPIKESTUDIO_SOURCE_DIR "/tests/reference/models", "reference/");
        addModelRows(SPIKESTUDIO_SOURCE_DIR "/resources/examples", "example/");
    }

    void bothTiersGiveIdenticalResults() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here: only libtcc can run");
        QFETCH(QString, path);
        const bool example = path.contains("/resources/examples/");
        const CheckedModel model = loadModel(path, example ? "100*ms" : nullptr);
        const QString name = QFileInfo(path).baseName();
        QCOMPARE(runInto(model, Switch::Never, outDir(name + "-tcc")).tier, KernelTier::Tcc);
        const QMap<QString, QByteArray> expected = filesOf(outDir(name + "-tcc"));
        QVERIFY(!expected.empty());
        for (Switch when : {Switch::BeforeRun, Switch::Halfway, Switch::Background}) {
            const QString directory = outDir(name + "-" + QString::number(int(when)));
            const TierStatus status = runInto(model, when, directory);
            QVERIFY2(status.problem.empty(), status.problem.c_str());
            if (when != Switch::Background) // it may still be compiling when a short run ends
                QCOMPARE(status.tier, KernelTier::Native);
            QVERIFY(filesOf(directory) == expected);
        }
    }

    // Native code from the cache: a second run compiles nothing; a cached
    // source that does not match (as after a hash collision) is rebuilt.
    void nativeKernelsAreCachedBySource() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here");
        const CheckedModel model =
            loadModel(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json", "5*ms");
        const TierStatus first = runInto(model, Switch::BeforeRun, outDir("cache-1"));
        const TierStatus second = runInto(model, Switch::BeforeRun, outDir("cache-2"));
        QCOMPARE(second.tier, KernelTier::Native);
        QCOMPARE(second.kernels, first.kernels);
        QCOMPARE(second.compiled, 0);
        const QDir cache(cache_.path());
        const QStringList sources = cache.entryList({"*.c"}, QDir::Files);
        QVERIFY(sources.size() >= first.kernels);
        for (const QString& source : sources) {
            QFile file(cache.filePath(source));
            QVERIFY(file.open(QIODevice::Append));
            file.write("/* changed */\n");
        }
        LoadedNativeKernels::instance().clear(); // as a new process, which reads the disk
        const TierStatus third = runInto(model, Switch::BeforeRun, outDir("cache-3"));
        QCOMPARE(third.compiled, third.kernels);
        QVERIFY(filesOf(outDir("cache-3")) == filesOf(outDir("cache-1")));
    }

    // Kernels this process loaded natively already (a sweep's later runs, a
    // model run again) run natively from the first step, with the same
    // results; never when the native tier is off or its cache refused since.
    void loadedNativeCodeRunsFromTheFirstStep() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here");
        const CheckedModel model =
            loadModel(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json", "5*ms");
        runInto(model, Switch::Never, outDir("loaded-tcc"));
        QCOMPARE(runInto(model, Switch::BeforeRun, outDir("loaded-1")).tier, KernelTier::Native);
        const TierStatus again = runInto(model, Switch::Auto, outDir("loaded-2"));
        QCOMPARE(again.tier, KernelTier::Native);
        QCOMPARE(again.nativeFromTime, std::optional<double>(0.0));
        QCOMPARE(again.compiled, 0);
        QVERIFY(!again.compiler.empty());
        QVERIFY(filesOf(outDir("loaded-2")) == filesOf(outDir("loaded-tcc")));

        qputenv("SPIKESTUDIO_CC", "none");
        const TierStatus off = runInto(model, Switch::Auto, outDir("loaded-off"));
        QCOMPARE(off.tier, KernelTier::Tcc);
        // The background's refusal may come after this short run has ended.
        QVERIFY2(off.compiling || QString::fromStdString(off.describe()).contains("switched off"),
                 off.describe().c_str());
        qunsetenv("SPIKESTUDIO_CC");
        const QByteArray cache = qgetenv("SPIKESTUDIO_CACHE_DIR");
        QVERIFY(QFile::setPermissions(cache_.path(), QFile::permissions(cache_.path()) |
                                                         QFile::WriteOther | QFile::ExeOther));
        const TierStatus unsafe = runInto(model, Switch::Auto, outDir("loaded-unsafe"));
        QVERIFY(QFile::setPermissions(cache_.path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QCOMPARE(unsafe.tier, KernelTier::Tcc);
        QVERIFY2(unsafe.compiling ||
                     QString::fromStdString(unsafe.describe()).contains("writable by other users"),
                 unsafe.describe().c_str());
        QCOMPARE(qgetenv("SPIKESTUDIO_CACHE_DIR"), cache);
    }

    // A compiler is asked who it is once per process (each asking forks the
    // whole process twice), and asked again only if it did not answer.
    void aCompilerIsAskedOnce() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here");
        const QString log = out_.filePath("asked.log");
        const QString wrapper =
            writeScript(out_.filePath("cc-counting"),
                        "#!/bin/sh\necho \"$1\" >> '" + log.toUtf8() + "'\nexec cc \"$@\"\n");
        qputenv("SPIKESTUDIO_CC", wrapper.toUtf8());
        // A run starting from loaded code asks only compilers asked before.
        std::string whyNot;
        QVERIFY(!NativeCompiler::find(&whyNot, nullptr, NativeCompiler::Asking::OnlyKnown));
        QVERIFY2(QString::fromStdString(whyNot).endsWith("was not asked yet"), whyNot.c_str());
        QVERIFY(!QFile::exists(log));
        for (int k = 0; k < 3; ++k)
            QVERIFY(NativeCompiler::find().has_value());
        QVERIFY(NativeCompiler::find(nullptr, nullptr, NativeCompiler::Asking::OnlyKnown));
        QFile asked(log);
        QVERIFY(asked.open(QIODevice::ReadOnly));
        QCOMPARE(asked.readAll(), QByteArray("--version\n-###\n"));
    }

    // -march=native: the CPU the compiler resolves it to is part of the cache
    // key, and a compiler that cannot name it builds for the generic CPU.
    void nativeCodeIsCachedPerCpu_data() {
        QTest::addColumn<QString>("targetAnswer");
        QTest::addColumn<QString>("description");
        QTest::newRow("another cpu")
            << "echo ' /usr/lib/cc1 -quiet \"-march=othercpu\" -mavx2' >&2; exit 0"
            << "-O3 -march=othercpu";
        QTest::newRow("cannot say") << "exit 1"
                                    << "-O3";
    }

    void nativeCodeIsCachedPerCpu() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here");
        QFETCH(QString, targetAnswer);
        QFETCH(QString, description);
        const CheckedModel model =
            loadModel(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json", "5*ms");
        const TierStatus own = runInto(model, Switch::BeforeRun, outDir("cpu-own"));
        QCOMPARE(own.tier, KernelTier::Native);
        const QString wrapper =
            writeScript(out_.filePath("cc-" + QString(QTest::currentDataTag()).replace(' ', '-')),
                        "#!/bin/sh\ncase \"$*\" in *-###*) " + targetAnswer.toUtf8() +
                            ";; esac\nexec cc \"$@\"\n");
        qputenv("SPIKESTUDIO_CC", wrapper.toUtf8());
        const TierStatus other = runInto(model, Switch::BeforeRun, outDir("cpu-other"));
        QCOMPARE(other.tier, KernelTier::Native);
        QCOMPARE(other.compiled, other.kernels);
        QVERIFY2(QString::fromStdString(other.compiler).endsWith(description),
                 other.compiler.c_str());
        QVERIFY(filesOf(outDir("cpu-other")) == filesOf(outDir("cpu-own")));
    }

    void withoutACompilerEverythingRunsOnLibtcc_data() {
        QTest::addColumn<QString>("compiler");
        QTest::addColumn<QString>("reason");
        QTest::newRow("switched off") << "none"
                                      << "switched off";
        QTest::newRow("missing") << "/nonexistent/cc"
                                 << "does not run";
        QTest::newRow("fails to compile") << "broken"
                                          << "the C compiler failed";
    }

    void withoutACompilerEverythingRunsOnLibtcc() {
        QFETCH(QString, compiler);
        QFETCH(QString, reason);
        if (compiler == "broken") // answers --version, refuses to compile
            compiler = writeScript(out_.filePath("broken-cc"),
                                   "#!/bin/sh\n[ \"$1\" = --version ] && echo 'fake cc 1.0' && "
                                   "exit 0\necho 'cannot compile this' >&2\nexit 1\n");
        qputenv("SPIKESTUDIO_CC", compiler.toUtf8());
        const CheckedModel model =
            loadModel(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json", "20*ms");
        for (Switch when : {Switch::BeforeRun, Switch::Background}) {
            const QString directory = outDir("fallback-" + QString::number(int(when)));
            const TierStatus status = runInto(model, when, directory);
            QCOMPARE(status.tier, KernelTier::Tcc);
            // In the background the failure may come after a short run has ended.
            if (when == Switch::BeforeRun || !status.compiling) {
                QVERIFY2(QString::fromStdString(status.problem).contains(reason),
                         status.describe().c_str());
                QVERIFY(
                    QString::fromStdString(status.describe()).startsWith("libtcc (native tier"));
            }
            QVERIFY(!filesOf(directory).isEmpty());
        }
    }

    void aRunOnLibtccOnlySaysSo() {
        const CheckedModel model =
            loadModel(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json", "5*ms");
        QCOMPARE(runInto(model, Switch::Never, outDir("plain")).describe(), std::string("libtcc"));
    }
};

QTEST_APPLESS_MAIN(TestTiers)
#include "tst_tiers.moc"
