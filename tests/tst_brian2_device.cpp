// set_device('spikestudio'): Brian2 scripts run by Spike Studio from inside
// Python. Scripts of the import corpus (tests/brian2_scripts) run with the
// device, and what their monitors hold afterwards, read through Brian2
// (mon.i, mon.t, mon.v, mon.rate), must equal Brian2 2.5.1's own numpy runs of
// the same scripts (tests/brian2_scripts/reference): spike for spike, traces
// within 1e-6 of each column's range. The groups' and synapses' state read
// afterwards (G.v, S.w, S.i, len(S), ...) equals Brian2's numpy run of the same
// network with the same seed, and without a seed the synapses read back are
// those Spike Studio made. A script as users write it reads its
// results with units and records its run in a project; the device finds the
// program installed beside its package; and what it cannot do fails with an
// exception naming the object or option. Scripts that run several networks in
// turn (a fresh network per value, restore() in a loop, restore() of a state
// stored halfway) leave after every run() the monitors Brian2's runtime leaves.
// Skipped when python3-brian is missing.
#include "support/CliRunner.h"
#include "support/CsvTable.h"
#include "support/MonitorComparison.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kPython = "/usr/bin/python3";

QString sourcePath(const QString& relative) {
    return QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/") + relative;
}

/// The build tree's package folder (build/lib/python3/dist-packages), beside build/app.
QString buildTreePackages() {
    return QDir::cleanPath(QFileInfo(SPIKESTUDIO_CLI).absolutePath() +
                           "/../lib/python3/dist-packages");
}

/// Corpus scripts run with the device: synapses, plasticity, two run() calls,
/// inputs, TimedArrays, clocks of their own, values recorded at spikes, GSL
/// methods, seed() between values and between runs, set_spikes() between runs,
/// BinomialFunctions, defaultclock.dt changed between runs.
const QStringList kCorpusScripts = {"cuba",
                                    "stdp",
                                    "two_runs",
                                    "poisson_input",
                                    "timed_arrays",
                                    "clocks_and_dt",
                                    "event_monitor",
                                    "gsl_methods",
                                    "seeds_between_runs",
                                    "spike_generator_set_spikes",
                                    "binomial_functions",
                                    "dt_between_runs"};

/// A BinomialFunction made before the package was imported: its n and p
/// were noted by no hook, so the run() refuses it.
const char* kEarlyBinomialScript = "from brian2 import *\n"
                                   "early = BinomialFunction(100, 0.1)\n"
                                   "import brian2spikestudio\n"
                                   "set_device('spikestudio', tier='tcc')\n"
                                   "G = NeuronGroup(3, 'x : 1', name='G')\n"
                                   "G.run_regularly('x = early()')\n"
                                   "try:\n"
                                   "    run(1*ms)\n"
                                   "except Exception as error:\n"
                                   "    print('%s: %s' % (type(error).__name__, error))\n";

/// Corpus scripts that run several networks in turn: their monitors are
/// compared after every run() (reference/<script>/run-K/).
const QStringList kNetworkScripts = {"networks_if_curve", "networks_store_restore",
                                     "networks_restore_midway"};

/// Python processes run side by side (most of each is Brian2 being imported).
class PythonBatch {
public:
    void add(const QString& key, const QStringList& arguments, const QProcessEnvironment& env,
             const QString& workingDirectory) {
        pending_.append({key, arguments, env, workingDirectory});
    }

    void run(int concurrency) {
        QList<QPair<QString, QProcess*>> running;
        while (!pending_.isEmpty() || !running.isEmpty()) {
            while (!pending_.isEmpty() && running.size() < concurrency) {
                const Job job = pending_.takeFirst();
                auto* process = new QProcess;
                process->setProcessEnvironment(job.env);
                process->setWorkingDirectory(job.workingDirectory);
                process->start(kPython, job.arguments);
                running.append({job.key, process});
            }
            for (int k = 0; k < running.size(); ++k) {
                QProcess* process = running[k].second;
                if (process->state() != QProcess::NotRunning && !process->waitForFinished(20))
                    continue;
                CliResult& result = results_[running[k].first];
                result.exitCode = process->exitStatus() == QProcess::NormalExit &&
                                          process->error() != QProcess::FailedToStart
                                      ? process->exitCode()
                                      : -1;
                result.out = QString::fromUtf8(process->readAllStandardOutput());
                result.err = QString::fromUtf8(process->readAllStandardError());
                delete process;
                running.removeAt(k--);
            }
        }
    }

    CliResult result(const QString& key) const { return results_.value(key); }

private:
    struct Job {
        QString key;
        QStringList arguments;
        QProcessEnvironment env;
        QString workingDirectory;
    };
    QList<Job> pending_;
    QMap<QString, CliResult> results_;
};

bool brianInstalled() {
    QProcess python;
    python.start(kPython, {"-c", "import brian2"});
    return python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit &&
           python.exitCode() == 0;
}

} // namespace

class TestBrian2Device : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    PythonBatch batch_;

    /// Python with the source tree's package and the program under test.
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PYTHONPATH", sourcePath("python"));
        env.insert("SPIKESTUDIO_BINARY", SPIKESTUDIO_CLI);
        return env;
    }

    QString folder(const QString& name) const {
        QDir(dir_.path()).mkpath(name);
        return dir_.filePath(name);
    }

    /// The line "CASE: ..." error_cases.py printed.
    QString caseLine(const QString& name) const {
        for (const QString& line : batch_.result("errors").out.split('\n'))
            if (line.startsWith(name + ": "))
                return line;
        return {};
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Brian2 and the kernel cache write under HOME: never the developer's.
        qputenv("HOME", folder("home").toUtf8());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("kernels").toUtf8());
        if (!brianInstalled())
            QSKIP("python3-brian is not installed (apt-get install python3-brian): the Brian2 "
                  "device cannot be tested");
        const QString runner = sourcePath("tests/brian2_device/run_with_device.py");
        for (const QString& name : kCorpusScripts + kNetworkScripts)
            batch_.add(name,
                       {runner, sourcePath("tests/brian2_scripts/" + name + ".py"),
                        dir_.filePath(name + "-out"), "tier=tcc"},
                       environment(), dir_.path());
        batch_.add("usage", {sourcePath("tests/brian2_device/usage.py")}, environment(),
                   folder("usage"));
        batch_.add("errors", {sourcePath("tests/brian2_device/error_cases.py")}, environment(),
                   folder("errors"));
        batch_.add("final state", {sourcePath("tests/brian2_device/final_state.py")}, environment(),
                   folder("final-state"));
        batch_.add("blow up", {sourcePath("tests/brian2_device/blow_up.py")}, environment(),
                   folder("blow-up"));
        QFile early(folder("early") + "/early.py");
        QVERIFY(early.open(QIODevice::WriteOnly) && early.write(kEarlyBinomialScript) > 0);
        early.close();
        batch_.add("early binomial", {early.fileName()}, environment(), folder("early"));
        QProcessEnvironment installed = QProcessEnvironment::systemEnvironment();
        installed.insert("PYTHONPATH", buildTreePackages());
        installed.insert("PATH", "/usr/bin:/bin");
        installed.remove("SPIKESTUDIO_BINARY");
        batch_.add("installed", {sourcePath("tests/brian2_device/usage.py")}, installed,
                   folder("installed"));
        batch_.run(3);
    }

    // -- the corpus, against Brian2's own runs -------------------------------------------

    void monitorsMatchBrian2_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name : kCorpusScripts)
            QTest::newRow(qPrintable(name)) << name;
    }

    void monitorsMatchBrian2() {
        QFETCH(QString, name);
        const CliResult ran = batch_.result(name);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err.right(2000)));
        const QDir reference(sourcePath("tests/brian2_scripts/reference/" + name));
        const QString out = dir_.filePath(name + "-out");
        const QStringList expected = reference.entryList({"*.csv"}, QDir::Files, QDir::Name);
        QVERIFY2(!expected.isEmpty(), qPrintable("no reference for " + name));
        QCOMPARE(QDir(out).entryList({"*.csv"}, QDir::Files, QDir::Name), expected);
        for (const QString& file : expected) {
            const CsvTable brian = CsvTable::read(reference.filePath(file));
            const CsvTable ours = CsvTable::read(out + "/" + file);
            QVERIFY2(!brian.rows.isEmpty(), qPrintable(file + ": an empty reference"));
            if (brian.header.first() == "i")
                compareSpikeTables(ours, brian, 1e-9, name + "/" + file);
            else
                compareValueTables(ours, brian, name + "/" + file);
        }
    }

    void networksMatchBrian2AfterEveryRun_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name : kNetworkScripts)
            QTest::newRow(qPrintable(name)) << name;
    }

    void networksMatchBrian2AfterEveryRun() {
        QFETCH(QString, name);
        const CliResult ran = batch_.result(name);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err.right(2000)));
        const QDir reference(sourcePath("tests/brian2_scripts/reference/" + name));
        const QStringList runs = reference.entryList({"run-*"}, QDir::Dirs, QDir::Name);
        QVERIFY2(runs.size() == 3, qPrintable(runs.join(", ")));
        const QString out = dir_.filePath(name + "-out");
        QCOMPARE(QDir(out).entryList({"run-*"}, QDir::Dirs, QDir::Name), runs);
        for (const QString& run : runs) {
            const QDir expected(reference.filePath(run));
            const QStringList files = expected.entryList({"*.csv"}, QDir::Files, QDir::Name);
            QCOMPARE(QDir(out + "/" + run).entryList({"*.csv"}, QDir::Files, QDir::Name), files);
            for (const QString& file : files) {
                const CsvTable brian = CsvTable::read(expected.filePath(file));
                const CsvTable ours = CsvTable::read(out + "/" + run + "/" + file);
                QVERIFY2(!brian.rows.isEmpty(), qPrintable(run + "/" + file + ": empty"));
                if (brian.header.first() == "i")
                    compareSpikeTables(ours, brian, 1e-9, name + "/" + run + "/" + file);
                else
                    compareValueTables(ours, brian, name + "/" + run + "/" + file);
            }
        }
    }

    // -- the groups' and synapses' state after a run ---------------------------------------

    void stateAfterTheRunMatchesBrian2() {
        const CliResult ran = batch_.result("final state");
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err.right(2000)));
        QVERIFY2(!ran.out.contains("FAILED") && ran.out.trimmed().endsWith("\nok"),
                 qPrintable(ran.out));
        QCOMPARE(ran.out.count(": ok\n"), 1 + 2 * 14 + 4); // every fact was checked
    }

    // A NaN or infinity does not stop a run in Brian2: it warns afterwards.
    void valuesThatBlowUpWarnAsInBrian2() {
        const CliResult ran = batch_.result("blow up");
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err.right(2000)));
        QVERIFY2(!ran.out.contains("FAILED") && ran.out.trimmed().endsWith("\nok"),
                 qPrintable(ran.out));
        QCOMPARE(ran.out.count(": ok\n"), 5);
    }

    // -- a script as users write it ------------------------------------------------------

    void resultsReadThroughBrian2WithUnits() {
        const CliResult ran = batch_.result("usage");
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err.right(2000)));
        QVERIFY2(!ran.out.contains("FAILED") && ran.out.trimmed().endsWith("\nok"),
                 qPrintable(ran.out));
        // v rises from 0 towards its drive with tau = 10 ms and is reset to 0 at 10 mV:
        // every 10 ms * ln(drive / (drive - 10 mV)), for drives of 11, 13, 15 and 17 mV
        // 2, 3, 4 and 5 spikes in 50 ms (14 in all).
        QVERIFY2(ran.out.contains("spikes of the fastest neuron: 5\n"), qPrintable(ran.out));
    }

    void runIsRecordedInTheProject() {
        const CliResult listed = runCli({"runs", dir_.filePath("usage/runs.spikestudio")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QCOMPARE(listed.out.count("finished"), 1);
        QVERIFY2(listed.out.contains("14 spikes"), qPrintable(listed.out));
    }

    void programIsFoundBesideThePackage() {
        if (!QFileInfo::exists(buildTreePackages() + "/brian2spikestudio"))
            QSKIP("the build tree has no package folder (SPIKESTUDIO_PYTHON_INSTALL_DIR is "
                  "absolute)");
        const CliResult ran = batch_.result("installed");
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err.right(2000)));
        QVERIFY2(ran.out.trimmed().endsWith("\nok"), qPrintable(ran.out));
    }

    // -- what the device cannot do ---------------------------------------------------------

    void failuresNameTheirCause_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("feature the model format lacks")
            << "unsupported_feature"
            << "ImportFailure: error_cases.py:19: Synapses 'S1' run only as a part of NeuronGroup "
               "'G1' is not supported yet";
        QTest::newRow("model refused by Spike Studio")
            << "refused_by_spike_studio"
            << "RunFailure: error_cases.py:27: Spike Studio could not run the network: "
               "'constants', field 'auto': 'auto' is a reserved word of C";
        QTest::newRow("state Spike Studio does not keep")
            << "state_spike_studio_lacks"
            << "NotImplementedError: the value of '_spikespace' of NeuronGroup 'G3' after a run "
               "is not available from the spikestudio device: Spike Studio does not hold this "
               "variable";
        QTest::newRow("second run with changes")
            << "second_run_with_changes"
            << "ImportFailure: error_cases.py:42: several run() calls with changes between them "
               "(S4.connect() at error_cases.py:41) is not supported yet";
        QTest::newRow("dt changed with delays on the default clock")
            << "dt_change_with_delays"
            << "RunFailure: error_cases.py:49: Spike Studio could not run the network: 'S7', "
               "field 'delay': delays on the default clock, whose dt a protocol segment changes, "
               "are not supported yet (spikes in flight would change steps)";
        QTest::newRow("a random condition through a subgroup")
            << "values_through_subgroup"
            << "ImportFailure: error_cases.py:69: G6[1:3].v set where a condition with random "
               "numbers holds (a condition drawing numbers through a subgroup) is not supported "
               "yet";
        QTest::newRow("program missing")
            << "program_missing"
            << "RunFailure: SPIKESTUDIO_BINARY=/nonexistent/spikestudio is not an executable "
               "file";
        QTest::newRow("unknown tier")
            << "unknown_tier"
            << "ValueError: set_device('spikestudio', tier='fast'): the tier must be one of "
               "auto, tcc, native";
        QTest::newRow("unknown option")
            << "unknown_option"
            << "TypeError: set_device('spikestudio') has no option 'threads'";
    }

    void binomialFunctionMadeBeforeThePackageFails() {
        const CliResult ran = batch_.result("early binomial");
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err.right(2000)));
        QVERIFY2(ran.out.startsWith("ImportFailure: early.py:5: the BinomialFunction 'early' "
                                    "(Brian2's '_binomial') was made before brian2spikestudio "
                                    "was imported, so its n and p are unknown: import "
                                    "brian2spikestudio before making it"),
                 qPrintable(ran.out + ran.err.right(2000)));
    }

    void failuresNameTheirCause() {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const CliResult ran = batch_.result("errors");
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err.right(2000)));
        const QString line = caseLine(name);
        QVERIFY2(line.startsWith(name + ": " + expected),
                 qPrintable("expected '" + expected + "', got: " + line));
    }
};

QTEST_GUILESS_MAIN(TestBrian2Device)
#include "tst_brian2_device.moc"
