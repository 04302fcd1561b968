// `spikestudio sweep`: every variant is an ordinary run of its own model (the
// same CSV as `run` of that model), results do not depend on --jobs, a project
// keeps the sweep with its runs in order, a variant that fails leaves the
// others, and bad options are refused before anything is run or stored.
#include "storage/Project.h"
#include "storage/SweepStore.h"
#include "support/CliRunner.h"
#include "support/FileTree.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace spikestudio;

namespace {

QString example(const char* name) {
    return QString(SPIKESTUDIO_SOURCE_DIR "/resources/examples/") + name;
}

/// Every file under `root` by relative path, with its bytes.
QMap<QString, QByteArray> allFilesOf(const QString& root) {
    QMap<QString, QByteArray> files;
    for (const QString& entry : treeOf(root))
        if (QFileInfo(QDir(root).filePath(entry)).isFile())
            files[entry] = contents(QDir(root).filePath(entry));
    return files;
}

const QByteArray kPoissonModel = R"({"format": "spikestudio-model", "version": 1,
 "dt": "0.1*ms", "duration": "20*ms", "seed": 1, "constants": {"rate": "50*Hz"},
 "groups": [{"name": "P", "type": "PoissonGroup", "N": 20, "rates": "rate"}],
 "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "P"}]})";

} // namespace

class TestCliSweep : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QStringList cubaSweep(const QString& csv, const char* jobs) const {
        return {"sweep",      example("cuba.json"),
                "--vary",     "we=[1, 2]*mV",
                "--seeds",    "1:2",
                "--duration", "30*ms",
                "--tier",     "tcc",
                "--jobs",     jobs,
                "--csv",      csv};
    }

private slots:
    void resultsDoNotDependOnTheNumberOfJobs() {
        const QString one = dir_.filePath("jobs1"), two = dir_.filePath("jobs2");
        const CliResult sequential = runCli(cubaSweep(one, "1"));
        QCOMPARE(sequential.exitCode, 0);
        const CliResult parallel = runCli(cubaSweep(two, "2"));
        QCOMPARE(parallel.exitCode, 0);
        const auto files = allFilesOf(one);
        QVERIFY2(files.contains("sweep.csv") && files.contains("run-0004/spikes.csv"),
                 qPrintable(QStringList(files.keys()).join(' ')));
        QCOMPARE(allFilesOf(two), files);
        // Seeds 1 and 2 of one point: different random streams, different spikes.
        QVERIFY(files["run-0001/spikes.csv"] != files["run-0002/spikes.csv"]);
        // The table: four rows in variant order, each finished.
        const QStringList rows = sequential.out.trimmed().split('\n');
        QCOMPARE(rows.size(), 5);
        QVERIFY2(rows[0].startsWith("variant  we [V]  seed  status"), qPrintable(rows[0]));
        for (int k = 1; k <= 4; ++k)
            QVERIFY2(rows[k].startsWith(QString::number(k) + " ") && rows[k].contains("finished"),
                     qPrintable(rows[k]));
        QVERIFY2(sequential.err.contains("kernels: ") && sequential.err.contains("[4/4]"),
                 qPrintable(sequential.err));
    }

    void eachVariantIsTheRunOfItsOwnModel() {
        const QString project = dir_.filePath("sweep.spikestudio");
        const QString csv = dir_.filePath("stored");
        const CliResult sweep = runCli({"sweep", example("cuba.json"), "--vary", "we=[1, 2]*mV",
                                        "--vary", "taum=[10, 20]*ms", "--duration", "30*ms",
                                        "--tier", "tcc", "--db", project, "--csv", csv});
        QCOMPARE(sweep.exitCode, 0);
        QVERIFY2(sweep.out.contains("stored as sweep 1 in"), qPrintable(sweep.out));
        Project stored(project.toStdString(), ProjectAccess::ReadOnly);
        SweepStore sweeps(stored);
        QCOMPARE(sweeps.sweeps().size(), size_t(1));
        QCOMPARE(sweeps.sweep(1).variants, std::int64_t(4));
        const auto runs = sweeps.runsOf(1);
        QCOMPARE(runs.size(), size_t(4));
        for (size_t k = 0; k < runs.size(); ++k)
            QCOMPARE(runs[k].variant, std::int64_t(k));
        // Variant 3 (we = 2 mV, taum = 10 ms), run from its own model by `run`.
        const QString model = dir_.filePath("variant3.json");
        writeText(model, QByteArray::fromStdString(stored.runModel(runs[2].runId)));
        QVERIFY(contents(model).contains("taum"));
        const QString alone = dir_.filePath("alone");
        const CliResult run =
            runCli({"run", model, "--duration", "30*ms", "--tier", "tcc", "--csv", alone});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(filesOf(alone), filesOf(csv + "/run-0003"));
        QVERIFY(filesOf(csv + "/run-0003") != filesOf(csv + "/run-0001"));
        // The project lists it.
        const CliResult listed = runCli({"sweeps", project});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains("sweep 1") && listed.out.contains("4 of 4 runs stored") &&
                     listed.out.contains("we=[1, 2]*mV"),
                 qPrintable(listed.out));
    }

    void aFailingVariantLeavesTheOthers() {
        const QString model = dir_.filePath("poisson.json");
        writeText(model, kPoissonModel);
        const QString project = dir_.filePath("poisson.spikestudio");
        const CliResult sweep = runCli(
            {"sweep", model, "--vary", "rate=[10, -5, 30]*Hz", "--db", project, "--tier", "tcc"});
        QCOMPARE(sweep.exitCode, 1);
        QVERIFY2(sweep.err.contains("rate=-5 Hz: failed") && sweep.err.contains("'rates'") &&
                     sweep.err.contains("error: 1 of 3 runs failed"),
                 qPrintable(sweep.err));
        Project stored(project.toStdString(), ProjectAccess::ReadOnly);
        const auto runs = SweepStore(stored).runsOf(1);
        QCOMPARE(runs.size(), size_t(2)); // the failed variant never reached storage
        QCOMPARE(runs[0].variant, std::int64_t(0));
        QCOMPARE(runs[1].variant, std::int64_t(2));
    }

    void zipPairsValues() {
        const QString model = dir_.filePath("zip.json");
        writeText(model, kPoissonModel);
        const CliResult sweep = runCli({"sweep", model, "--vary", "rate=10*Hz:30*Hz:3", "--zip",
                                        "--vary", "rate2=[1,2,3]", "--tier", "tcc"});
        QCOMPARE(sweep.exitCode, 1); // rate2 is not a constant of the model
        QVERIFY2(sweep.err.contains("the model has no constant 'rate2' (its constants: rate)"),
                 qPrintable(sweep.err));
    }

    // A sweep's specification as a project keeps it (and `import` writes it)
    // runs the sweep --vary, --zip and --seeds give.
    void specificationFileRunsLikeItsOptions() {
        const QString model = dir_.filePath("spec.json");
        writeText(model, kPoissonModel);
        const QString spec = dir_.filePath("spec.sweep.json");
        writeText(spec, R"({"vary": ["rate=[10, 30]*Hz"], "combination": "zip", "seeds": [4]})");
        const CliResult fromFile =
            runCli({"sweep", model, "--spec", spec, "--tier", "tcc", "--jobs", "1"});
        QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.err));
        const CliResult fromOptions = runCli({"sweep", model, "--vary", "rate=[10, 30]*Hz",
                                              "--seeds", "4", "--tier", "tcc", "--jobs", "1"});
        QVERIFY2(fromOptions.exitCode == 0, qPrintable(fromOptions.err));
        QVERIFY2(fromFile.out.count('\n') == 3, qPrintable(fromFile.out)); // header and 2 runs
        QCOMPARE(fromFile.out, fromOptions.out);
    }

    void badOptionsAreRefusedBeforeAnythingRuns_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no vary") << QStringList{} << "sweep needs at least one --vary";
        QTest::newRow("unknown constant")
            << QStringList{"--vary", "tau=[1]*ms"} << "the model has no constant 'tau'";
        QTest::newRow("wrong unit") << QStringList{"--vary", "we=[1]*ms"} << "'we' is in";
        QTest::newRow("no count") << QStringList{"--vary", "we=1*mV:2*mV"} << "needs a count";
        QTest::newRow("zero jobs") << QStringList{"--vary", "we=1*mV", "--jobs", "0"} << "--jobs";
        QTest::newRow("text jobs")
            << QStringList{"--vary", "we=1*mV", "--jobs", "all"} << "whole number from 1 to 1024";
        QTest::newRow("bad seeds")
            << QStringList{"--vary", "we=1*mV", "--seeds", "3:1"} << "--seeds '3:1'";
        QTest::newRow("bad tier") << QStringList{"--vary", "we=1*mV", "--tier", "fast"}
                                  << "auto, tcc or native";
        QTest::newRow("zip lengths")
            << QStringList{"--vary", "we=[1,2]*mV", "--vary", "taum=[1,2,3]*ms", "--zip"}
            << "need as many values each";
        QTest::newRow("bad duration")
            << QStringList{"--vary", "we=1*mV", "--duration", "5*mV"} << "duration";
        QTest::newRow("missing spec")
            << QStringList{"--spec", dir_.filePath("none.sweep.json")} << "'--spec': cannot read";
        const QString notJson = dir_.filePath("not-json.sweep.json");
        writeText(notJson, "vary: we");
        QTest::newRow("spec not JSON") << QStringList{"--spec", notJson} << "not a JSON object";
        const QString spec = dir_.filePath("we.sweep.json");
        writeText(spec, R"({"vary": ["we=[1, 2]*mV"], "combination": "zip", "seeds": []})");
        QTest::newRow("spec and vary")
            << QStringList{"--spec", spec, "--vary", "we=1*mV"} << "leave out --vary and --zip";
        const QString unknown = dir_.filePath("tau.sweep.json");
        writeText(unknown, R"({"vary": ["tau=[1]*ms"], "combination": "grid", "seeds": []})");
        QTest::newRow("spec of another model")
            << QStringList{"--spec", unknown} << "the model has no constant 'tau'";
    }
    void badOptionsAreRefusedBeforeAnythingRuns() {
        QFETCH(QStringList, options);
        QFETCH(QString, problem);
        const QString project = dir_.filePath("refused.spikestudio");
        const QString csv = dir_.filePath("refused-csv");
        const CliResult sweep = runCli(
            QStringList{"sweep", example("cuba.json"), "--db", project, "--csv", csv} + options);
        QCOMPARE(sweep.exitCode, 1);
        QVERIFY2(sweep.err.startsWith("error: ") && sweep.err.contains(problem),
                 qPrintable(sweep.err));
        QVERIFY(!sweep.err.contains("[1/"));
        QVERIFY(!QFile::exists(project));
        QVERIFY(!QFile::exists(csv));
    }

    /// --emit-jobs, each task run by bash as Slurm would (SLURM_ARRAY_TASK_ID),
    /// and merge: one sweep again, run for run the sweep run in one piece. The
    /// folder's name holds a quote and a '$': the script must not expand them.
    void jobArrayPartsMergeIntoTheSweep() {
        const QString model = dir_.filePath("array.json");
        writeText(model, kPoissonModel);
        const QStringList sweep{"sweep",   model, "--vary", "rate=[10, 20, 30, 40, 50]*Hz",
                                "--seeds", "1:2", "--tier", "tcc"};
        const QString whole = dir_.filePath("whole.spikestudio");
        QCOMPARE(runCli(sweep + QStringList{"--db", whole}).exitCode, 0);
        const QString folder = dir_.filePath("it's $HOME");
        const CliResult emitted =
            runCli(sweep + QStringList{"--emit-jobs", folder, "--tasks", "3"});
        QCOMPARE(emitted.exitCode, 0);
        QVERIFY2(emitted.out.contains("a job array of 3 tasks for 10 runs"),
                 qPrintable(emitted.out));
        QVERIFY(contents(folder + "/sweep.sh").contains("#SBATCH --array=0-2"));
        QStringList parts;
        for (int task = 0; task < 3; ++task) {
            QProcess bash;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert("SPIKESTUDIO", SPIKESTUDIO_CLI);
            environment.insert("SLURM_ARRAY_TASK_ID", QString::number(task));
            bash.setProcessEnvironment(environment);
            bash.setWorkingDirectory(dir_.path());
            bash.start("bash", {folder + "/sweep.sh"});
            QVERIFY(bash.waitForFinished(60000));
            QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
            parts << folder + QString("/part-%1.spikestudio").arg(task);
            QVERIFY(QFile::exists(parts.back()));
        }
        QVERIFY(!QFile::exists(dir_.filePath(QDir::homePath().mid(1))));
        const QString merged = dir_.filePath("merged.spikestudio");
        const CliResult merge = runCli(QStringList{"merge"} + parts + QStringList{"-o", merged});
        QCOMPARE(merge.exitCode, 0);
        QVERIFY2(merge.out.contains("merged 10 runs from 3 projects") &&
                     merge.out.contains("sweep 1: 10 of 10 runs"),
                 qPrintable(merge.out));
        // Merging again copies nothing: every variant is there.
        const CliResult again = runCli(QStringList{"merge"} + parts + QStringList{"-o", merged});
        QVERIFY2(again.out.contains("merged 0 runs") && again.out.contains("10 runs were there"),
                 qPrintable(again.out));
        Project one(whole.toStdString(), ProjectAccess::ReadOnly);
        Project gathered(merged.toStdString(), ProjectAccess::ReadOnly);
        const auto expected = SweepStore(one).runsOf(1);
        const auto found = SweepStore(gathered).runsOf(1);
        QCOMPARE(found.size(), expected.size());
        for (size_t k = 0; k < found.size(); ++k) {
            QCOMPARE(found[k].variant, expected[k].variant);
            QCOMPARE(*gathered.runStatistics(found[k].runId),
                     *one.runStatistics(expected[k].runId));
            QCOMPARE(gathered.runModel(found[k].runId), one.runModel(expected[k].runId));
        }
    }

    void badPartsAndArraysAreRefused_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("problem");
        QTest::newRow("part past the end") << QStringList{"--part", "3/3"} << "write K/N";
        QTest::newRow("part text") << QStringList{"--part", "x"} << "write K/N";
        QTest::newRow("no tasks") << QStringList{"--emit-jobs", dir_.filePath("jobs"), "--tasks",
                                                 "0"}
                                  << "from 1 to 10000";
        QTest::newRow("jobs with db") << QStringList{"--emit-jobs", dir_.filePath("jobs"), "--db",
                                                     dir_.filePath("x.spikestudio")}
                                      << "its tasks take --part and --db";
        QTest::newRow("control character")
            << QStringList{"--emit-jobs", dir_.filePath("a\nb")} << "control character";
    }
    void badPartsAndArraysAreRefused() {
        QFETCH(QStringList, options);
        QFETCH(QString, problem);
        const QString model = dir_.filePath("parts.json");
        writeText(model, kPoissonModel);
        const CliResult sweep =
            runCli(QStringList{"sweep", model, "--vary", "rate=[1,2]*Hz"} + options);
        QCOMPARE(sweep.exitCode, 1);
        QVERIFY2(sweep.err.contains(problem), qPrintable(sweep.err));
        QVERIFY(!QFile::exists(dir_.filePath("jobs")));
    }

    void mergeRefusesBadParts() {
        const QString notProject = dir_.filePath("plain.txt");
        writeText(notProject, "hello");
        const QString into = dir_.filePath("into.spikestudio");
        const CliResult merge = runCli({"merge", notProject, "-o", into});
        QCOMPARE(merge.exitCode, 1);
        QVERIFY2(merge.err.startsWith("error: ") && merge.err.contains("plain.txt"),
                 qPrintable(merge.err));
        QVERIFY(!QFile::exists(into));
        QCOMPARE(runCli({"merge", into}).exitCode, 1);
    }

    /// Ctrl+C stops the running variant between two steps (stored as
    /// stopped), starts no other, keeps what ended and says so; status 130.
    void anInterruptKeepsWhatEnded() {
        const QString project = dir_.filePath("interrupted.spikestudio");
        QProcess sweep;
        sweep.start(SPIKESTUDIO_CLI,
                    {"sweep", example("cuba_neurons.json"), "--vary", "taum=[10, 20, 30]*ms",
                     "--duration", "4*second", "--jobs", "1", "--tier", "tcc", "--db", project});
        QVERIFY(sweep.waitForStarted());
        sweep.setReadChannel(QProcess::StandardError); // progress lines come there
        QByteArray progress;
        while (!progress.contains("[1/3]") && sweep.state() == QProcess::Running &&
               sweep.waitForReadyRead(120000))
            progress += sweep.readAllStandardError();
        QVERIFY2(progress.contains("[1/3]"), progress.constData());
        // Interrupt once the second variant is running (its row is stored).
        const auto storedRuns = [&] { return runCli({"runs", project}).out.count("\n"); };
        while (storedRuns() < 2 && sweep.state() == QProcess::Running)
            QTest::qWait(50);
        ::kill(pid_t(sweep.processId()), SIGINT);
        QVERIFY(sweep.waitForFinished(120000));
        progress += sweep.readAllStandardError();
        QCOMPARE(sweep.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sweep.exitCode(), 130);
        QVERIFY2(progress.contains("[2/3] taum=0.02 s: stopped") &&
                     progress.contains("stopped: 2 of 3 runs ended") && !progress.contains("[3/3]"),
                 progress.constData());
        Project stored(project.toStdString(), ProjectAccess::ReadOnly);
        const auto runs = stored.runs();
        QCOMPARE(runs.size(), size_t(2));
        QCOMPARE(runs[0].status, RunStatus::Finished);
        QCOMPARE(runs[1].status, RunStatus::Stopped);
        QVERIFY(runs[1].simulatedTime < 4.0);
    }

    void sweepsOfAProjectWithoutAnyIsSaid() {
        const QString project = dir_.filePath("plain.spikestudio");
        QCOMPARE(
            runCli({"run", example("cuba_neurons.json"), "--duration", "1*ms", "--db", project})
                .exitCode,
            0);
        const CliResult listed = runCli({"sweeps", project});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.startsWith("no sweeps in"), qPrintable(listed.out));
        const CliResult missing = runCli({"sweeps", dir_.filePath("missing.spikestudio")});
        QCOMPARE(missing.exitCode, 1);
    }
};

QTEST_MAIN(TestCliSweep)
#include "tst_cli_sweep.moc"
