// Projects from the command line: `run --db` stores every run, `runs` lists
// them, `export` writes the same CSV `run --csv` wrote, and so does this
// process from the stored records alone (no Network); a run killed with
// SIGKILL leaves a project that opens with the run marked interrupted; bad
// projects and arguments are refused with one message and files left as they were.
#include "csv/CsvWriter.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "support/CliRunner.h"
#include "support/FileTree.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliProjects : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    using Result = CliResult;

    static QString example(const char* name) {
        return QString(SPIKESTUDIO_SOURCE_DIR "/resources/examples/") + name;
    }

    static QByteArray checksum(const QString& path) {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

private slots:
    void exportEqualsWhatTheRunWrote() {
        const QString project = dir_.filePath("cuba.spikestudio");
        const QString direct = dir_.filePath("direct");
        const Result run = runCli({"run", example("cuba.json"), "--duration", "200*ms", "--db",
                                   project, "--csv", direct});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("stored as run 1 in"), qPrintable(run.out));
        const Result exported =
            runCli({"export", project, "--run", "1", "--csv", dir_.filePath("exported")});
        QCOMPARE(exported.exitCode, 0);
        const auto written = filesOf(direct);
        QVERIFY(written.contains("spikes.csv") && written["spikes.csv"].size() > 1000);
        QCOMPARE(filesOf(dir_.filePath("exported")), written);
    }

    /// A project another process wrote, exported here from RunReader's
    /// records alone: the outputs need no Network (this test builds none).
    void aStoredRunExportsFromItsRecordsAlone() {
        const QString project = dir_.filePath("adex.spikestudio");
        const QString direct = dir_.filePath("adex-direct");
        QCOMPARE(runCli({"run", example("adex.json"), "--duration", "100*ms", "--db", project,
                         "--csv", direct})
                     .exitCode,
                 0);
        spikestudio::Project stored(project.toStdString(), spikestudio::ProjectAccess::ReadOnly);
        const spikestudio::RunResults results = spikestudio::RunReader(stored).read(1);
        QCOMPARE(results.spikes.size(), size_t(1));
        QCOMPARE(results.states.size(), size_t(1));
        QCOMPARE(results.rates.size(), size_t(1));
        QCOMPARE(results.states.front().monitor, std::string("trace"));
        QVERIFY(results.states.front().dt > 0);
        const QString fromRecords = dir_.filePath("adex-from-records");
        spikestudio::writeAllCsv(results, fromRecords.toStdString());
        const auto written = filesOf(direct);
        QCOMPARE(written.keys(), (QStringList{"rate.csv", "spikes.csv", "trace.csv"}));
        QVERIFY(written["spikes.csv"].count('\n') > 10);
        QCOMPARE(filesOf(fromRecords), written);
    }

    void runsAppendAndAreListed() {
        const QString project = dir_.filePath("lif.spikestudio");
        for (const char* seed : {"1", "2"})
            QCOMPARE(runCli({"run", example("cuba_neurons.json"), "--duration", "20*ms", "--seed",
                             seed, "--db", project})
                         .exitCode,
                     0);
        const Result runs = runCli({"runs", project});
        QCOMPARE(runs.exitCode, 0);
        const QStringList lines = runs.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].contains("finished") && lines[0].contains("seed 1"),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].contains("finished") && lines[1].contains("seed 2"),
                 qPrintable(lines[1]));
    }

    /// A run without a SpikeMonitor recorded no spikes: "0 spikes" would say
    /// its neurons were silent.
    void aRunWithoutSpikeMonitorSaysSo() {
        const QString model = dir_.filePath("driven.json");
        QFile file(model);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "20*ms", "seed": 1,
          "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                      "equations": "dv/dt = (2 - v)/(5*ms) : 1", "threshold": "v > 1",
                      "reset": "v = 0"}],
          "monitors": [{"name": "trace", "type": "StateMonitor", "source": "G",
                        "variables": ["v"], "record": [0]}]})");
        file.close();
        const QString project = dir_.filePath("driven.spikestudio");
        QCOMPARE(runCli({"run", model, "--db", project}).exitCode, 0);
        const Result runs = runCli({"runs", project});
        QCOMPARE(runs.exitCode, 0);
        QVERIFY2(runs.out.contains("seed 1, no spike monitor"), qPrintable(runs.out));
        QVERIFY2(!runs.out.contains("0 spikes"), qPrintable(runs.out));
    }

    void aProjectRunsItsOwnModel() {
        const QString project = dir_.filePath("own.spikestudio");
        QCOMPARE(
            runCli({"run", example("cuba_neurons.json"), "--duration", "10*ms", "--db", project})
                .exitCode,
            0);
        const Result again = runCli({"run", project, "--duration", "10*ms"});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("stored as run 2 in"), qPrintable(again.out));
        QCOMPARE(runCli({"check", project}).exitCode, 0);
    }

    void aProjectWithABrokenModelIsRefused() {
        const QString path = dir_.filePath("broken.spikestudio");
        spikestudio::Project(path.toStdString()).saveModel("{\"format\": \"spikestudio-model\",");
        const QByteArray before = checksum(path);
        const Result result = runCli({"run", path});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("the project's model: invalid JSON"), qPrintable(result.err));
        QCOMPARE(checksum(path), before);
    }

    void aKilledRunLeavesAnOpenableProject() {
        const QString project = dir_.filePath("killed.spikestudio");
        QProcess run;
        run.start(SPIKESTUDIO_CLI,
                  {"run", example("cuba.json"), "--duration", "60*second", "--db", project});
        QVERIFY(run.waitForStarted());
        // Wait until the run has committed results, then kill it mid-run.
        QElapsedTimer waited;
        waited.start();
        Result listed;
        while (waited.elapsed() < 60000) {
            QTest::qWait(200);
            listed = runCli({"runs", project});
            if (listed.exitCode == 0 && listed.out.contains(" spikes") &&
                !listed.out.contains(" 0 spikes"))
                break;
        }
        QVERIFY2(run.state() == QProcess::Running, "the run ended before it could be killed");
        run.kill(); // SIGKILL: no chance to clean up
        QVERIFY(run.waitForFinished());
        const Result after = runCli({"runs", project});
        QCOMPARE(after.exitCode, 0);
        QVERIFY2(after.out.contains("interrupted"), qPrintable(after.out));
        const Result exported =
            runCli({"export", project, "--run", "1", "--csv", dir_.filePath("partial")});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(QFile(dir_.filePath("partial/spikes.csv")).size() > 100);
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString missing = dir_.filePath("missing.spikestudio");
        QTest::newRow("runs without project")
            << QStringList{"runs"} << "expected exactly one PROJECT";
        QTest::newRow("runs of a missing file")
            << QStringList{"runs", missing} << "missing.spikestudio";
        QTest::newRow("export without --run")
            << QStringList{"export", missing, "--csv", dir_.filePath("x")} << "--run";
        QTest::newRow("export with a bad id")
            << QStringList{"export", missing, "--run", "two", "--csv", dir_.filePath("x")}
            << "run number";
        QTest::newRow("export without --csv")
            << QStringList{"export", missing, "--run", "1"} << "--csv";
    }

    void badInput() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result result = runCli(arguments);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith("error: ") && result.err.contains(message),
                 qPrintable(result.err));
        QVERIFY(!QFile::exists(dir_.filePath("missing.spikestudio")));
    }

    void foreignFilesAreRefusedUntouched_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("not a project\n");
        QTest::newRow("empty-looking SQLite header") << QByteArray("SQLite format 3\0garbage", 24);
    }

    void foreignFilesAreRefusedUntouched() {
        QFETCH(QByteArray, content);
        const QString path = dir_.filePath("foreign.spikestudio");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        const QByteArray before = checksum(path);
        const Result run =
            runCli({"run", example("cuba_neurons.json"), "--duration", "5*ms", "--db", path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("error: "), qPrintable(run.err));
        QVERIFY2(!run.out.contains("stored as run"), qPrintable(run.out));
        QCOMPARE(runCli({"runs", path}).exitCode, 1);
        QCOMPARE(checksum(path), before);
    }
};

QTEST_GUILESS_MAIN(TestCliProjects)
#include "tst_cli_projects.moc"
