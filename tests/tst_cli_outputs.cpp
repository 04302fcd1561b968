// What the command line writes and prints, given hostile input: a project
// whose monitor names are paths or control characters is refused on export
// with one line naming the monitor and the field, writing nothing anywhere;
// planted symbolic links are not followed; a write that fails (file size
// limit, full disk) keeps the earlier file; names and stored messages are
// printed escaped; standard output that cannot be written gives exit 1.
#include "support/CliRunner.h"
#include "support/FileSizeLimit.h"
#include "support/FileTree.h"
#include "support/SmallDisk.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <sqlite3.h>

namespace {

QString example(const char* name) {
    return QString(SPIKESTUDIO_SOURCE_DIR "/resources/examples/") + name;
}

/// Runs one SQL statement with `text` bound to its first parameter.
void execute(const QString& project, const char* sql, const QByteArray& text = {}) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(project.toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr), SQLITE_OK);
    if (!text.isNull())
        sqlite3_bind_text(statement, 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    const int stepped = sqlite3_step(statement);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    QCOMPARE(stepped, SQLITE_DONE);
}

/// The command line run with `limit` bytes as its largest file (RLIMIT_FSIZE).
CliResult runCliLimited(const QStringList& arguments, rlim_t limit) {
    QProcess process;
    process.setChildProcessModifier([limit] { FileSizeLimit::applyInChild(limit); });
    process.start(SPIKESTUDIO_CLI, arguments);
    process.waitForFinished(120000);
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestCliOutputs : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString baseProject_;

    QString freshDir(const QString& name) const { return freshDirectory(QDir(dir_.path()), name); }

private slots:
    void initTestCase() {
        baseProject_ = dir_.filePath("base.spikestudio");
        const CliResult run = runCli({"run", example("cuba_neurons.json"), "--duration", "5*ms",
                                      "--tier", "tcc", "--db", baseProject_});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void exportRefusesCraftedMonitorNames_data() {
        QTest::addColumn<QByteArray>("spikesName");
        QTest::addColumn<QByteArray>("traceName");
        QTest::addColumn<QString>("expected");
        const QByteArray outside = dir_.filePath("crafted/outside/abs").toUtf8();
        QTest::newRow("absolute") << outside << QByteArray("trace") << "'/' or '\\'";
        QTest::newRow("parent") << QByteArray("../../x") << QByteArray("trace") << "'/' or '\\'";
        QTest::newRow("nested") << QByteArray("a/b") << QByteArray("trace") << "'/' or '\\'";
        QTest::newRow("dotdot") << QByteArray("..") << QByteArray("trace") << "names a folder";
        QTest::newRow("control") << QByteArray("x\n\x1b[2Jy") << QByteArray("trace")
                                 << "control characters";
        QTest::newRow("case") << QByteArray("spikes") << QByteArray("Spikes")
                              << "differ only in case";
    }

    void exportRefusesCraftedMonitorNames() {
        QFETCH(QByteArray, spikesName);
        QFETCH(QByteArray, traceName);
        QFETCH(QString, expected);
        const QString root = freshDir("crafted");
        QDir().mkpath(root + "/outside");
        const QString project = root + "/crafted.spikestudio";
        QVERIFY(QFile::copy(baseProject_, project));
        execute(project, "UPDATE monitors SET name = ? WHERE name = 'spikes'", spikesName);
        execute(project, "UPDATE monitors SET name = ? WHERE name = 'trace'", traceName);
        const QStringList before = treeOf(root);
        const CliResult exported =
            runCli({"export", project, "--run", "1", "--csv", root + "/a/b/out"});
        QCOMPARE(exported.exitCode, 1);
        QCOMPARE(exported.err.count('\n'), 1);
        QVERIFY2(exported.err.contains("monitor") && exported.err.contains("field 'name'") &&
                     exported.err.contains(expected) && exported.err.contains("run 1"),
                 qPrintable(exported.err));
        QVERIFY2(!exported.err.contains('\x1b'), qPrintable(exported.err));
        QCOMPARE(treeOf(root), before);
    }

    void csvDoesNotFollowPlantedSymlinks() {
        const QString root = freshDir("links");
        writeText(root + "/victim", "precious");
        QDir().mkpath(root + "/out");
        QVERIFY(QFile::link(root + "/victim", root + "/out/spikes.csv.partial"));
        const CliResult run = runCli({"run", example("cuba_neurons.json"), "--duration", "5*ms",
                                      "--tier", "tcc", "--csv", root + "/out"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(contents(root + "/victim"), QByteArray("precious"));
        QVERIFY(contents(root + "/out/spikes.csv").startsWith("i,t [s]"));

        QVERIFY(QFile::remove(root + "/out/trace.csv"));
        QVERIFY(QFile::link(root + "/victim", root + "/out/trace.csv"));
        const CliResult linked = runCli({"run", example("cuba_neurons.json"), "--duration", "5*ms",
                                         "--tier", "tcc", "--csv", root + "/out"});
        QCOMPARE(linked.exitCode, 1);
        QVERIFY2(linked.err.contains("trace.csv: it is a symbolic link"), qPrintable(linked.err));
        QCOMPARE(contents(root + "/victim"), QByteArray("precious"));
    }

    void aPlotOnAFullDiskKeepsTheEarlierOne() {
        const QString scratch = freshDir("plot") + "/figure.png";
        const QStringList arguments{
            "run", example("cuba_neurons.json"), "--duration", "20*ms", "--tier", "tcc", "--plot"};
        QCOMPARE(runCli(arguments + QStringList{scratch}).exitCode, 0);
        const QByteArray earlier = contents(scratch);
        QVERIFY(earlier.size() > 8 * 1024);
        // Room for the earlier figure and a little more, not for a second one.
        const QByteArray size = "size=" + QByteArray::number(earlier.size() / 1024 + 12) + "k";
        const SmallDisk disk(freshDir("plot-disk"), size.constData());
        if (!disk.mounted())
            QSKIP("cannot mount a small tmpfs here (needs root)");
        const QString plot = disk.path() + "/figure.png";
        writeText(plot, earlier);
        const CliResult full = runCli(arguments + QStringList{plot});
        QCOMPARE(full.exitCode, 1);
        QVERIFY2(full.err.contains("figure.png: the disk is full; the earlier file is unchanged"),
                 qPrintable(full.err));
        QCOMPARE(contents(plot), earlier);
        QCOMPARE(treeOf(disk.path()), QStringList{"figure.png"});
    }

    void aCsvPastTheFileSizeLimitKeepsTheEarlierOnes() {
        const QString root = freshDir("csv-limit");
        const QStringList arguments{
            "run", example("cuba_neurons.json"), "--duration", "50*ms", "--tier", "tcc", "--csv",
            root};
        QCOMPARE(runCli(arguments).exitCode, 0);
        QMap<QString, QByteArray> earlier;
        for (const char* name : {"rate.csv", "spikes.csv", "trace.csv"})
            earlier[name] = contents(root + "/" + name);
        QVERIFY(earlier["spikes.csv"].size() > 16 * 1024);
        const CliResult limited = runCliLimited(arguments, 16 * 1024);
        QCOMPARE(limited.exitCode, 1);
        QVERIFY2(limited.err.contains(".csv: the file would be larger than allowed; the earlier "
                                      "file is unchanged"),
                 qPrintable(limited.err));
        for (const QString& name : earlier.keys())
            QCOMPARE(contents(root + "/" + name), earlier[name]);
        QCOMPARE(treeOf(root), earlier.keys());
    }

    void aPlotIsNotWrittenThroughASymlink() {
        const QString root = freshDir("plot-link");
        writeText(root + "/victim", "precious");
        QVERIFY(QFile::link(root + "/victim", root + "/figure.svg"));
        const CliResult run = runCli({"run", example("cuba_neurons.json"), "--duration", "5*ms",
                                      "--tier", "tcc", "--plot", root + "/figure.svg"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("symbolic link"), qPrintable(run.err));
        QCOMPARE(contents(root + "/victim"), QByteArray("precious"));
    }

    void aProjectOnAFullDiskLeavesNoFile() {
        const SmallDisk disk(freshDir("full"), "size=48k");
        if (!disk.mounted())
            QSKIP("cannot mount a small tmpfs here (needs root)");
        const CliResult run = runCli({"run", example("cuba_neurons.json"), "--duration", "5*ms",
                                      "--tier", "tcc", "--db", disk.path() + "/p.spikestudio"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("cannot create the project: the disk is full; no file was left"),
                 qPrintable(run.err));
        QCOMPARE(treeOf(disk.path()), QStringList{});
    }

    void emptyFileNamesAreRefused_data() {
        QTest::addColumn<QString>("option");
        for (const char* option : {"--db", "--csv", "--plot"})
            QTest::newRow(option) << option;
    }

    void emptyFileNamesAreRefused() {
        QFETCH(QString, option);
        const CliResult run = runCli({"run", example("cuba_neurons.json"), option, ""});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("error: option " + option + " needs a value, not an empty"),
                 qPrintable(run.err));
    }

    void aFolderIsNotAModel_data() {
        QTest::addColumn<QString>("verb");
        QTest::newRow("run") << "run";
        QTest::newRow("check") << "check";
    }

    void aFolderIsNotAModel() {
        QFETCH(QString, verb);
        const QString folder = freshDir("a-folder");
        const CliResult result = runCli({verb, folder});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("not a model file") && !result.err.contains("JSON"),
                 qPrintable(result.err));
    }

    void aFullStandardOutputGivesExitOne_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("check") << QStringList{"check", example("cuba_neurons.json")};
        QTest::newRow("runs") << QStringList{"runs", baseProject_};
        QTest::newRow("help") << QStringList{"--help"};
    }

    void aFullStandardOutputGivesExitOne() {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.setStandardOutputFile("/dev/full");
        process.start(SPIKESTUDIO_CLI, arguments);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("cannot write to standard output"));
    }

    void namesArePrintedEscaped() {
        QFile file(example("cuba_neurons.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject model = QJsonDocument::fromJson(file.readAll()).object();
        model["name"] = "evil\nspikes P (spikes): 0\x1b[2J";
        const QString path = dir_.filePath("evil.json");
        writeText(path, QJsonDocument(model).toJson());
        const CliResult run = runCli({"run", path, "--duration", "2*ms", "--tier", "tcc"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("model: evil\\nspikes P (spikes): 0\\x1b[2J\n"),
                 qPrintable(run.out));
        QVERIFY(!run.out.contains('\x1b'));
    }

    void storedMessagesArePrintedEscaped() {
        const QString project = dir_.filePath("message.spikestudio");
        QVERIFY(QFile::copy(baseProject_, project));
        execute(project, "UPDATE runs SET message = ?1, started_at = ?1",
                "fine\n   2  forged line\x1b]0;title\x07");
        const CliResult runs = runCli({"runs", project});
        QCOMPARE(runs.exitCode, 0);
        QCOMPARE(runs.out.count('\n'), 1);
        QCOMPARE(runs.out.count("fine\\n   2  forged line\\x1b]0;title\\x07"), 2);
    }

    void errorMessagesAreEscaped() {
        const CliResult result = runCli({"check", dir_.filePath("no\nsuch\x1b[31m.json")});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains("no\\nsuch\\x1b[31m.json"), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_cli_outputs.moc"
