// The native tier trusts the program and the system compiler, nothing on
// disk. A kernel cache another user could change is not used at all; a cached
// object is loaded only when its bytes are the ones compiled from this very
// source (swapped, truncated and forged objects are removed and rebuilt, the
// run's results unchanged, never a signal); a kernel that calls a function
// outside libtcc's whitelist is refused by the native compiler on its own;
// and a compiler that never returns is killed, with everything it started,
// by the timeout or by a cancel. Each test has its own cache directory.
#include "engine/CacheFiles.h"
#include "engine/CancelFlag.h"
#include "engine/ChildProcess.h"
#include "engine/LoadedNativeKernels.h"
#include "engine/NativeCompiler.h"
#include "engine/PrivateDirectory.h"
#include "support/HangingCompiler.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <sys/stat.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>

using namespace spikestudio;

namespace {

const QString kCuba = SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json";
constexpr int kCliTimeoutMs = 100000; // below the compiler's default timeout of 120 s

struct CliRun {
    int exitCode = -1; // -1: crashed (a signal) or did not finish
    QString out;
    QString err;

    QString lineStarting(const QString& prefix) const {
        for (const QString& line : out.split('\n'))
            if (line.startsWith(prefix))
                return line;
        return {};
    }
    QString tierLine() const { return lineStarting("tier: "); }
    QString spikeLine() const { return lineStarting("spikes P "); }
    /// "6 kernels, 2 compiled in ..." -> 2; -1 when the line says nothing of it.
    int compiledKernels() const {
        const QRegularExpressionMatch match =
            QRegularExpression("(\\d+) compiled in").match(tierLine());
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }
};

/// `spikestudio run <cuba> --duration 20*ms --tier <tier>` with `environment` added.
CliRun runCuba(const QString& tier, const QMap<QString, QString>& environment) {
    QProcess process;
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.begin(); it != environment.end(); ++it)
        variables.insert(it.key(), it.value());
    process.setProcessEnvironment(variables);
    process.start(SPIKESTUDIO_CLI, {"run", kCuba, "--duration", "20*ms", "--tier", tier});
    CliRun run;
    if (!process.waitForFinished(kCliTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QString sha256Of(const QByteArray& bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// The cache entries (keys) in `directory`.
QStringList entriesIn(const QString& directory) {
    QStringList keys;
    for (const QString& record : QDir(directory).entryList({"*.sha256"}, QDir::Files, QDir::Name))
        keys << record.chopped(7);
    return keys;
}

/// Every entry's object matches its record, and no scratch directory is left.
bool cacheIsConsistent(const QString& directory) {
    if (!QDir(directory).entryList({"build-*"}, QDir::AllEntries | QDir::System).isEmpty())
        return false;
    for (const QString& key : entriesIn(directory)) {
        const QByteArray object = readAll(directory + "/" + key + ".so");
        const QByteArray record = readAll(directory + "/" + key + ".sha256");
        if (!record.contains(
                QString("object %1 %2\n").arg(sha256Of(object)).arg(object.size()).toUtf8()))
            return false;
    }
    return true;
}

void copyDirectory(const QString& from, const QString& to) {
    QDir().mkpath(to);
    for (const QString& name : QDir(from).entryList(QDir::Files))
        QFile::copy(from + "/" + name, to + "/" + name);
}

/// A minimal kernel around `body`; `declarations` go before it.
std::string kernelSource(const std::string& declarations, const std::string& body) {
    return declarations +
           "\nvoid spikestudio_kernel(void* const* arrays, const double* constants, "
           "void* context) {\n    double* x = (double*)arrays[0];\n    " +
           body + "\n}\n";
}

} // namespace

class TestNativeSecurity : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    QTemporaryDir golden_; // CUBA's kernels, compiled once; only copied from
    QString goldenSpikes_;
    bool haveCompiler_ = false;
    int caseNumber_ = 0;

    /// A fresh directory under the test's own folder.
    QString freshDirectory(const QString& name) {
        const QString path = work_.filePath(QString("%1-%2").arg(name).arg(++caseNumber_));
        QDir().mkpath(path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

    QString hangingCompiler(const QString& pidFile) {
        return writeHangingCompiler(work_.filePath(QString("hanging-cc-%1").arg(++caseNumber_)),
                                    pidFile);
    }

    /// A shared object with a constructor that creates `marker` when loaded.
    QString plantedObject(const QString& marker) {
        const QString source = work_.filePath("planted.c");
        const QString object = work_.filePath("planted.so");
        writeAll(source,
                 "#include <fcntl.h>\n#include <unistd.h>\n"
                 "__attribute__((constructor)) static void planted(void) {\n"
                 "    close(open(\"" +
                     marker.toUtf8() +
                     "\", O_CREAT | O_WRONLY, 0600));\n}\n"
                     "void spikestudio_kernel(void* const* a, const double* c, void* x) {}\n");
        QProcess cc;
        cc.start("cc", {"-shared", "-fPIC", "-o", object, source});
        return cc.waitForFinished(60000) && cc.exitCode() == 0 ? object : QString();
    }

    /// Writes CUBA's cache entries into `directory` with `object` in place of
    /// each shared object and records that match it: a forgery as complete as
    /// anyone who can write to the directory can make.
    void forgeEntries(const QString& directory, const QString& object) {
        const QByteArray bytes = readAll(object);
        for (const QString& key : entriesIn(golden_.path())) {
            QFile::copy(golden_.filePath(key + ".c"), directory + "/" + key + ".c");
            writeAll(directory + "/" + key + ".so", bytes);
            QByteArray record = readAll(golden_.filePath(key + ".sha256"));
            record.truncate(record.indexOf("object "));
            record += QString("object %1 %2\n").arg(sha256Of(bytes)).arg(bytes.size()).toUtf8();
            writeAll(directory + "/" + key + ".sha256", record);
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(work_.isValid() && golden_.isValid());
        qunsetenv("SPIKESTUDIO_CC");
        qunsetenv("SPIKESTUDIO_CC_TIMEOUT");
        qputenv("SPIKESTUDIO_CACHE_DIR", golden_.path().toUtf8());
        haveCompiler_ = NativeCompiler::find().has_value();
        if (!haveCompiler_)
            return;
        const CliRun run = runCuba("native", {{"SPIKESTUDIO_CACHE_DIR", golden_.path()}});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.tierLine().startsWith("tier: native"), qPrintable(run.tierLine()));
        goldenSpikes_ = run.spikeLine();
        QVERIFY(!goldenSpikes_.isEmpty());
        QVERIFY(entriesIn(golden_.path()).size() >= 2);
        const CliRun tcc = runCuba("tcc", {{"SPIKESTUDIO_CACHE_DIR", golden_.path()}});
        QCOMPARE(tcc.spikeLine(), goldenSpikes_);
    }

    void init() {
        qunsetenv("SPIKESTUDIO_CC");
        qunsetenv("SPIKESTUDIO_CC_TIMEOUT");
        qputenv("SPIKESTUDIO_CACHE_DIR", freshDirectory("cache").toUtf8());
        LoadedNativeKernels::instance().clear(); // each case meets its cache as a new process
    }

    // A directory other users can change is never used, however well-formed
    // the objects planted in it: the run stays on libtcc and says why.
    void plantedObjectInUnsafeDirectoryIsNotLoaded_data() {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("reason");
        QTest::newRow("world-writable") << "mode 0777"
                                        << "is writable by other users (mode 0777)";
        QTest::newRow("group-writable") << "mode 0775"
                                        << "is writable by other users (mode 0775)";
        QTest::newRow("foreign owner") << "owner nobody"
                                       << "belongs to user id";
        QTest::newRow("parent world-writable") << "parent 0777"
                                               << "-parent";
    }

    void plantedObjectInUnsafeDirectoryIsNotLoaded() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here");
        QFETCH(QString, layout);
        QFETCH(QString, reason);
        if (layout == "owner nobody" && geteuid() != 0)
            QSKIP("only root can give a directory to another user");
        const QString marker = work_.filePath(QString("loaded-%1").arg(++caseNumber_));
        const QString object = plantedObject(marker);
        QVERIFY(!object.isEmpty());
        const QString parent = freshDirectory("parent");
        const QString cache = parent + "/kernels";
        QDir().mkpath(cache);
        forgeEntries(cache, object);
        if (layout == "mode 0777")
            QCOMPARE(chmod(cache.toUtf8().constData(), 0777), 0);
        if (layout == "mode 0775")
            QCOMPARE(chmod(cache.toUtf8().constData(), 0775), 0);
        if (layout == "owner nobody")
            QCOMPARE(chown(cache.toUtf8().constData(), 65534, 65534), 0);
        if (layout == "parent 0777") {
            QCOMPARE(chmod(cache.toUtf8().constData(), 0700), 0);
            QCOMPARE(chmod(parent.toUtf8().constData(), 0777), 0);
            reason = parent + " is writable by other users (mode 0777)";
        }
        const CliRun run = runCuba("native", {{"SPIKESTUDIO_CACHE_DIR", cache}});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.tierLine().startsWith("tier: libtcc (native tier unavailable: kernel cache "
                                           "directory refused: "),
                 qPrintable(run.tierLine()));
        QVERIFY2(run.tierLine().contains(reason), qPrintable(run.tierLine()));
        QVERIFY2(!QFile::exists(marker), "the planted object was loaded");
        QCOMPARE(run.spikeLine(), goldenSpikes_);
    }

    // The same forgery in the user's own directory passes the record check
    // but not the audit (it needs libc and has an initialiser): removed,
    // rebuilt, never loaded.
    void forgedObjectInOwnDirectoryIsRefusedAndRebuilt() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here");
        const QString marker = work_.filePath("loaded-own");
        const QString object = plantedObject(marker);
        QVERIFY(!object.isEmpty());
        const QString cache = freshDirectory("forged");
        forgeEntries(cache, object);
        const CliRun run = runCuba("native", {{"SPIKESTUDIO_CACHE_DIR", cache}});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!QFile::exists(marker), "the forged object was loaded");
        QVERIFY2(run.tierLine().startsWith("tier: native"), qPrintable(run.tierLine()));
        QCOMPARE(run.compiledKernels(), int(entriesIn(golden_.path()).size()));
        QCOMPARE(run.spikeLine(), goldenSpikes_);
        QVERIFY(cacheIsConsistent(cache));
    }

    // Swapping two cached objects used to run the wrong code (a wrong CUBA
    // spike count, exit 0): both are rebuilt now.
    void swappedObjectsAreDetectedAndRebuilt() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here");
        const QString cache = freshDirectory("swapped");
        copyDirectory(golden_.path(), cache);
        const QStringList keys = entriesIn(cache);
        const QString first = cache + "/" + keys[0] + ".so", second = cache + "/" + keys[1] + ".so";
        const QByteArray firstBytes = readAll(first);
        QVERIFY(firstBytes != readAll(second));
        QVERIFY(writeAll(first, readAll(second)) && writeAll(second, firstBytes));
        const CliRun run = runCuba("native", {{"SPIKESTUDIO_CACHE_DIR", cache}});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.tierLine().startsWith("tier: native"), qPrintable(run.tierLine()));
        QCOMPARE(run.compiledKernels(), 2);
        QCOMPARE(run.spikeLine(), goldenSpikes_);
        QVERIFY(cacheIsConsistent(cache));
        QCOMPARE(runCuba("native", {{"SPIKESTUDIO_CACHE_DIR", cache}}).compiledKernels(), 0);
    }

    // A truncated object crashed every later run with SIGBUS: now the bytes
    // are checked before anything is mapped, and the entry is rebuilt.
    void damagedObjectIsRemovedAndRebuilt_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated to half") << "half";
        QTest::newRow("emptied") << "empty";
        QTest::newRow("zeroed, same size") << "zeroed";
        QTest::newRow("replaced by a directory") << "directory";
    }

    void damagedObjectIsRemovedAndRebuilt() {
        if (!haveCompiler_)
            QSKIP("no system C compiler here");
        QFETCH(QString, damage);
        const QString cache = freshDirectory("damaged");
        copyDirectory(golden_.path(), cache);
        const QString object = cache + "/" + entriesIn(cache)[0] + ".so";
        const QByteArray bytes = readAll(object);
        if (damage == "half")
            QVERIFY(QFile::resize(object, bytes.size() / 2));
        if (damage == "empty")
            QVERIFY(QFile::resize(object, 0));
        if (damage == "zeroed")
            QVERIFY(writeAll(object, QByteArray(bytes.size(), '\0')));
        if (damage == "directory")
            QVERIFY(QFile::remove(object) && QDir().mkdir(object));
        const CliRun run = runCuba("native", {{"SPIKESTUDIO_CACHE_DIR", cache}});
        QCOMPARE(run.exitCode, 0); // -1 would be a signal
        QVERIFY2(run.tierLine().startsWith("tier: native"), qPrintable(run.tierLine()));
        QCOMPARE(run.compiledKernels(), 1);
        QCOMPARE(run.spikeLine(), goldenSpikes_);
        QCOMPARE(readAll(object), bytes);
        QVERIFY(cacheIsConsistent(cache));
    }

    // libtcc's whitelist holds for native code without libtcc in front: the
    // native compiler alone refuses a kernel that reaches any other function.
    void unlistedFunctionIsRefusedByTheNativeCompiler_data() {
        QTest::addColumn<QString>("declarations");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("system, declared") << "int system(const char*);"
                                          << "system(\"touch MARKER\");"
                                          << "undefined reference to `system'";
        QTest::newRow("system, undeclared") << ""
                                            << "system(\"touch MARKER\");"
                                            << "error: implicit declaration of function";
        QTest::newRow("libm outside the whitelist")
            << "double cbrt(double);"
            << "x[0] = cbrt(x[0]);"
            << "native kernel refused: it calls 'cbrt', which kernels may not call";
        QTest::newRow("initialiser")
            << "volatile int early; __attribute__((constructor)) static void first(void) { "
               "early = 1; }"
            << "x[0] = 1;"
            << "native kernel refused: it has an initialiser";
    }

    void unlistedFunctionIsRefusedByTheNativeCompiler() {
        QFETCH(QString, declarations);
        QFETCH(QString, body);
        QFETCH(QString, reason);
        std::string whyNot;
        const std::optional<NativeCompiler> compiler = NativeCompiler::find(&whyNot);
        if (!compiler)
            QSKIP(whyNot.c_str());
        // The control: a whitelisted call compiles, loads and runs.
        double value = 2.0;
        void* arrays[] = {&value};
        compiler->compile(kernelSource("double log(double);", "x[0] = log(x[0]);"))
            ->function()(arrays, nullptr, nullptr);
        QCOMPARE(value, std::log(2.0));
        const QString marker = work_.filePath(QString("system-ran-%1").arg(++caseNumber_));
        body.replace("MARKER", marker);
        try {
            compiler->compile(kernelSource(declarations.toStdString(), body.toStdString()));
            QFAIL("the kernel was accepted");
        } catch (const std::runtime_error& error) {
            QVERIFY2(QString(error.what()).contains(reason) &&
                         !QString(error.what()).contains('\n'),
                     error.what());
        }
        QVERIFY(!QFile::exists(marker));
        const QString cache = QString::fromStdString(compiler->cacheDirectory().string());
        QCOMPARE(entriesIn(cache).size(), 1); // the control's only
        QVERIFY(cacheIsConsistent(cache));
    }

    // A compiler that never returns, with a child holding its output open
    // (like cc1 under the driver): the timeout kills the whole group.
    void hangingCompilerIsKilledByTheTimeout() {
        const QString pids = work_.filePath(QString("timeout-pids-%1").arg(++caseNumber_));
        qputenv("SPIKESTUDIO_CC", hangingCompiler(pids).toUtf8());
        qputenv("SPIKESTUDIO_CC_TIMEOUT", "2.5");
        std::string whyNot;
        const std::optional<NativeCompiler> compiler = NativeCompiler::find(&whyNot);
        QVERIFY2(compiler, whyNot.c_str());
        QCOMPARE(compiler->timeout(), std::chrono::milliseconds(2500));
        try {
            compiler->compile(kernelSource("", "x[0] = 1;"));
            QFAIL("the hanging compiler gave a kernel");
        } catch (const std::runtime_error& error) {
            QCOMPARE(
                QString(error.what()),
                QString("the C compiler did not finish within 2.5 s (SPIKESTUDIO_CC_TIMEOUT)"));
        }
        const QStringList started = startedProcesses(pids);
        QCOMPARE(started.size(), 2);
        for (const QString& pid : started)
            QTRY_VERIFY2_WITH_TIMEOUT(!processAlive(pid), qPrintable("still running: " + pid),
                                      10000);
        QVERIFY(cacheIsConsistent(QString::fromStdString(compiler->cacheDirectory().string())));
    }

    // Cancel kills the compiler's whole group and the compile returns; the
    // latency is printed, not asserted (the functional bound: it returns
    // long before the 120 s default timeout).
    void cancelKillsTheWholeCompilerGroup() {
        const QString pids = work_.filePath(QString("cancel-pids-%1").arg(++caseNumber_));
        qputenv("SPIKESTUDIO_CC", hangingCompiler(pids).toUtf8());
        std::string whyNot;
        const std::optional<NativeCompiler> compiler = NativeCompiler::find(&whyNot);
        QVERIFY2(compiler, whyNot.c_str());
        CancelFlag cancel;
        std::string outcome;
        QElapsedTimer sinceCancel;
        std::thread compiling([&] {
            try {
                compiler->compile(kernelSource("", "x[0] = 1;"), nullptr, &cancel);
                outcome = "compiled";
            } catch (const std::runtime_error& error) {
                outcome = error.what();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(startedProcesses(pids).size() == 2, 60000); // under way
        sinceCancel.start();
        cancel.request();
        compiling.join();
        qInfo("compile returned %.2f ms after cancel", sinceCancel.nsecsElapsed() / 1e6);
        QCOMPARE(outcome, std::string("native compilation cancelled"));
        for (const QString& pid : startedProcesses(pids))
            QTRY_VERIFY2_WITH_TIMEOUT(!processAlive(pid), qPrintable("still running: " + pid),
                                      10000);
        QVERIFY(cacheIsConsistent(QString::fromStdString(compiler->cacheDirectory().string())));
    }

    // `run` with a compiler that never returns: in the background (auto) the
    // run ends on libtcc and exits at once; natively first, after the timeout.
    void runExitsPromptlyWithAHangingCompiler_data() {
        QTest::addColumn<QString>("tier");
        QTest::addColumn<QString>("timeout");
        QTest::addColumn<QString>("tierLine");
        QTest::newRow("auto") << "auto"
                              << ""
                              << "tier: libtcc (native compilation still under way when the "
                                 "run ended)";
        QTest::newRow("native") << "native"
                                << "3"
                                << "tier: libtcc (native tier unavailable: the C compiler did "
                                   "not finish within 3 s (SPIKESTUDIO_CC_TIMEOUT))";
    }

    void runExitsPromptlyWithAHangingCompiler() {
        QFETCH(QString, tier);
        QFETCH(QString, timeout);
        QFETCH(QString, tierLine);
        const QString pids = work_.filePath(QString("run-pids-%1").arg(++caseNumber_));
        QMap<QString, QString> environment = {
            {"SPIKESTUDIO_CC", hangingCompiler(pids)},
            {"SPIKESTUDIO_CACHE_DIR", freshDirectory("hanging-run")}};
        if (!timeout.isEmpty())
            environment["SPIKESTUDIO_CC_TIMEOUT"] = timeout;
        const CliRun run = runCuba(tier, environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.tierLine(), tierLine);
        if (haveCompiler_)
            QCOMPARE(run.spikeLine(), goldenSpikes_);
        if (tier == "native") // auto may end before its compiler starts
            QCOMPARE(startedProcesses(pids).size(), 2);
        for (const QString& pid : startedProcesses(pids))
            QTRY_VERIFY2_WITH_TIMEOUT(!processAlive(pid), qPrintable("still running: " + pid),
                                      10000);
    }

    void invalidTimeoutSwitchesTheNativeTierOff_data() {
        QTest::addColumn<QString>("value");
        for (const char* value : {"abc", "0", "-1", "nan", "inf", "1e9", "5s", " 5", "0x10"})
            QTest::newRow(value) << value;
    }

    void invalidTimeoutSwitchesTheNativeTierOff() {
        QFETCH(QString, value);
        qputenv("SPIKESTUDIO_CC_TIMEOUT", value.toUtf8());
        std::string whyNot;
        QVERIFY(!NativeCompiler::find(&whyNot));
        QVERIFY2(QString::fromStdString(whyNot).startsWith("SPIKESTUDIO_CC_TIMEOUT must be a "
                                                           "number of seconds"),
                 whyNot.c_str());
    }

    // When the cache directory cannot be made, there is no fallback to a
    // shared directory such as $TMPDIR: the native tier is off.
    void noFallbackToASharedDirectory() {
        const QString temporary = freshDirectory("tmpdir");
        const QString file = work_.filePath("not-a-directory");
        QVERIFY(writeAll(file, "x"));
        qunsetenv("SPIKESTUDIO_CACHE_DIR");
        const QByteArray home = qgetenv("HOME"), xdg = qgetenv("XDG_CACHE_HOME"),
                         tmpdir = qgetenv("TMPDIR");
        qputenv("XDG_CACHE_HOME", file.toUtf8());
        qputenv("TMPDIR", temporary.toUtf8());
        std::string whyNot;
        const bool found = NativeCompiler::find(&whyNot).has_value();
        qunsetenv("XDG_CACHE_HOME");
        qunsetenv("HOME");
        std::string whyNotWithoutHome;
        const bool foundWithoutHome = NativeCompiler::find(&whyNotWithoutHome).has_value();
        qputenv("HOME", home);
        if (!xdg.isNull())
            qputenv("XDG_CACHE_HOME", xdg);
        if (tmpdir.isNull())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", tmpdir);
        QVERIFY(!found && !foundWithoutHome);
        QVERIFY2(whyNot == "kernel cache directory refused: cannot create " +
                               (file + "/spikestudio").toStdString() + ": Not a directory",
                 whyNot.c_str());
        QVERIFY2(QString::fromStdString(whyNotWithoutHome).startsWith("no kernel cache directory"),
                 whyNotWithoutHome.c_str());
        QVERIFY(QDir(temporary).isEmpty());
    }

    // A sticky, world-writable ancestor (like /tmp) is fine: others cannot
    // rename or remove what is in it. A symbolic link is checked where it leads.
    void privateDirectoryChecks() {
        const QString sticky = freshDirectory("sticky");
        QCOMPARE(chmod(sticky.toUtf8().constData(), 01777), 0);
        std::string whyNot;
        const auto made = ensurePrivateDirectory((sticky + "/a/b").toStdString(), &whyNot);
        QVERIFY2(made, whyNot.c_str());
        struct stat status;
        QCOMPARE(lstat(made->c_str(), &status), 0);
        QCOMPARE(status.st_mode & 07777, mode_t(0700));
        QCOMPARE(lstat((sticky + "/a").toUtf8().constData(), &status), 0);
        QCOMPARE(status.st_mode & 07777, mode_t(0700));
        const QString open = freshDirectory("open");
        QCOMPARE(chmod(open.toUtf8().constData(), 0777), 0);
        const QString link = work_.filePath("link-to-open");
        QVERIFY(QFile::link(open, link));
        QVERIFY(!ensurePrivateDirectory(link.toStdString(), &whyNot));
        QCOMPARE(QString::fromStdString(whyNot),
                 QDir(open).canonicalPath() + " is writable by other users (mode 0777)");
        const QString own = freshDirectory("own");
        const QString linkToOwn = work_.filePath("link-to-own");
        QVERIFY(QFile::link(own, linkToOwn));
        QCOMPARE(
            QString::fromStdString(
                ensurePrivateDirectory(linkToOwn.toStdString(), &whyNot).value_or("").string()),
            QDir(own).canonicalPath());
    }

    // Scratch and cache files are never opened through a planted link or FIFO.
    void cacheFilesDoNotFollowLinks() {
        const QString directory = freshDirectory("links");
        const QString target = directory + "/target";
        QVERIFY(writeAll(target, "precious"));
        const QString link = directory + "/link";
        QVERIFY(QFile::link(target, link));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 writeNewFile(link.toStdString(), "overwritten"));
        QCOMPARE(readAll(target), QByteArray("precious"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 writeNewFile(target.toStdString(), "overwritten"));
        QVERIFY(!readRegularFile(link.toStdString(), 1024));
        QCOMPARE(readRegularFile(target.toStdString(), 1024).value_or(""), "precious");
        QVERIFY(!readRegularFile(target.toStdString(), 4)); // over the limit
        const QString fifo = directory + "/fifo";
        QCOMPARE(mkfifo(fifo.toUtf8().constData(), 0600), 0);
        QVERIFY(!readRegularFile(fifo.toStdString(), 1024)); // returns, no writer needed
    }

    // A process killed while its compiler ran leaves its scratch directory;
    // the next run removes it once it is a day old (a young one may be in use).
    void abandonedScratchDirectoriesAreRemoved() {
        const QString cache = qEnvironmentVariable("SPIKESTUDIO_CACHE_DIR");
        QVERIFY(QDir(cache).mkdir("build-abandoned") && QDir(cache).mkdir("build-in-use"));
        QVERIFY(writeAll(cache + "/build-abandoned/kernel.c", "int x;"));
        const timeval twoDaysAgo[2] = {{time(nullptr) - 2 * 86400, 0},
                                       {time(nullptr) - 2 * 86400, 0}};
        QCOMPARE(utimes((cache + "/build-abandoned").toUtf8().constData(), twoDaysAgo), 0);
        NativeCompiler::find();
        QVERIFY(!QFileInfo::exists(cache + "/build-abandoned"));
        QVERIFY(QFileInfo::exists(cache + "/build-in-use"));
    }

    // A program that never stops talking is still timed out, and what it
    // says is capped.
    void endlessOutputIsCappedAndTimedOut() {
        ProcessLimits limits;
        limits.timeout = std::chrono::milliseconds(300);
        limits.maxOutput = 1000;
        const ProcessResult result = runProcess({"yes"}, limits);
        QVERIFY(result.started);
        QVERIFY(result.timedOut);
        QCOMPARE(result.output.size(), size_t(1000));
        const ProcessResult quick = runProcess({"sh", "-c", "echo hello; exit 3"}, limits);
        QVERIFY(!quick.timedOut && !quick.cancelled);
        QCOMPARE(quick.exitCode, 3);
        QCOMPARE(quick.output, std::string("hello\n"));
    }
};

QTEST_APPLESS_MAIN(TestNativeSecurity)
#include "tst_native_security.moc"
