// `spikestudio import`: Brian2 scripts in, checked models out. The corpus in
// tests/brian2_scripts (written for this test) is imported and run, and its
// monitors compared with Brian2 2.5.1's own run of the same scripts
// (tests/brian2_scripts/reference, made by make_reference.py): spikes equal
// within one dt, traces within 1e-6 of each column's range; statistics only
// where a script draws numpy numbers itself (and the import says so). Then
// every feature the model format cannot express yet, and bad input, must fail
// with one line naming the feature or problem and its script line, leaving no
// output behind. Skipped when python3-brian is missing.
#include "model/ModelReader.h"
#include "support/CliRunner.h"
#include "support/CsvTable.h"
#include "support/MonitorComparison.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

namespace {

QString corpusDir() {
    return QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/tests/brian2_scripts");
}

/// Scripts whose own numpy draws move Brian2's random stream: compared by statistics.
const QStringList kStatisticalScripts = {"own_numpy_random"};

/// Scripts that use what their monitors recorded after run(): imported by
/// simulating them (docs/brian2-import.md, "Scripts that read their monitors").
const QStringList kSimulatedScripts = {"monitors_read_between_runs"};
const QString kSimulatedNote = "note: the script uses what its monitors recorded";

/// Scripts that run several networks in turn, compared network by network
/// with Brian2's monitors after the run() that ended each network
/// (reference/<script>/run-K/, K counting the script's run() calls).
struct NetworkScript {
    QString name;
    bool sweep;          // imported as a model and its sweep, else one model each
    QList<int> lastRuns; // per network, the run() call that ended it
};

const QList<NetworkScript> kNetworkScripts = {
    {"networks_if_curve", true, {1, 2, 3}},
    {"networks_store_restore", true, {1, 2, 3}},
    {"networks_restore_midway", false, {2, 3}},
};

bool runsSeveralNetworks(const QString& name) {
    return std::any_of(kNetworkScripts.begin(), kNetworkScripts.end(),
                       [&](const NetworkScript& script) { return script.name == name; });
}

/// Every CSV file of `folder` against Brian2's of `reference`, paired in the
/// order of their names (a new network's monitors are named anew:
/// `spikemonitor_1`), spikes within `dt`, values within 1e-6 of their range.
void compareMonitorFolders(const QString& folder, const QString& reference, double dt,
                           const QString& label) {
    const QStringList expected = QDir(reference).entryList({"*.csv"}, QDir::Files, QDir::Name);
    const QStringList ours = QDir(folder).entryList({"*.csv"}, QDir::Files, QDir::Name);
    QVERIFY2(!expected.isEmpty(), qPrintable("no reference in " + reference));
    QCOMPARE(ours.size(), expected.size());
    for (int k = 0; k < expected.size(); ++k) {
        const CsvTable brian = CsvTable::read(reference + "/" + expected[k]);
        const CsvTable mine = CsvTable::read(folder + "/" + ours[k]);
        QVERIFY2(!brian.rows.isEmpty(), qPrintable(expected[k] + ": an empty reference"));
        if (brian.header.first() == "i")
            compareSpikeTables(mine, brian, dt * 1.0001, label + "/" + expected[k]);
        else
            compareValueTables(mine, brian, label + "/" + expected[k]);
        if (QTest::currentTestFailed())
            return;
    }
}

bool brianInstalled() {
    QProcess python;
    python.start("/usr/bin/python3", {"-c", "import brian2"});
    return python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit &&
           python.exitCode() == 0;
}

/// The 1-based number of the line of `text` marked with "# <-".
int markedLine(const QString& text) {
    const QStringList lines = text.split('\n');
    for (int k = 0; k < lines.size(); ++k)
        if (lines[k].contains("# <-"))
            return k + 1;
    return 0;
}

/// The smallest step of the clocks a model uses: spikes may differ by one of it.
double spikeTolerance(const QString& modelPath) {
    QFile file(modelPath);
    file.open(QIODevice::ReadOnly);
    const QString dt = QJsonDocument::fromJson(file.readAll()).object()["dt"].toString();
    const QRegularExpressionMatch match =
        QRegularExpression(R"(^([0-9.e+-]+)\*(ms|us|second)$)").match(dt);
    if (!match.hasMatch())
        return 1e-4;
    const double scale = match.captured(2) == "ms" ? 1e-3 : match.captured(2) == "us" ? 1e-6 : 1;
    return match.captured(1).toDouble() * scale;
}

/// Commands run side by side: an import is mostly Python starting and
/// Brian2 being imported, so the many imports of this test run concurrently.
class CommandBatch {
public:
    void add(const QString& key, const QStringList& arguments) {
        pending_.append({key, arguments});
    }

    void run(int concurrency) {
        QList<QPair<QString, QProcess*>> running;
        while (!pending_.isEmpty() || !running.isEmpty()) {
            while (!pending_.isEmpty() && running.size() < concurrency) {
                const auto [key, arguments] = pending_.takeFirst();
                auto* process = new QProcess;
                process->start(SPIKESTUDIO_CLI, arguments);
                running.append({key, process});
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
    QList<QPair<QString, QStringList>> pending_;
    QMap<QString, CliResult> results_;
};

/// A script using a feature the model format cannot express yet; its line
/// that must be named is marked "# <-".
struct FeatureCase {
    const char* name;
    QString script;
    QString feature;
};

QList<FeatureCase> unsupportedFeatures() {
    const QString group = "from brian2 import *\n"
                          "G = NeuronGroup(3, 'dv/dt = -v/(10*ms) : 1', threshold='v > 1', "
                          "reset='v = 0', name='G')\n";
    return {
        {"random condition through a subgroup",
         group + "H = G[1:3]\nH.v['rand() < 0.5'] = 0.5  # <-\nrun(1*ms)\n",
         "a condition drawing numbers through a subgroup"},
        {"binomial condition through a subgroup",
         group + "f = BinomialFunction(10, 0.5)\nH = G[1:3]\nH.v['f() > 4'] = 0.5  # <-\n"
                 "run(1*ms)\n",
         "a condition drawing numbers through a subgroup"},
        {"pathway delays set from their own",
         group + "S = Synapses(G, G, on_pre={'up': 'v += 0.1', 'down': 'v -= 0.1'})  # <-\n"
                 "S.connect()\nS.up.delay = [1, 2, 3, 4, 5, 6, 7, 8, 9]*ms\n"
                 "S.up.delay['i > 0'] = 'delay + 1*ms'\nrun(1*ms)\n",
         "the delays of the pathway 'up' set from its own delays"},
        {"synapses run only through their source's run_regularly",
         group + "S = Synapses(G, G, 'w : 1', name='S')  # <-\nS.connect()\n"
                 "S.run_regularly('w = rand()', dt=1*ms)\nnet = Network(G)\nnet.run(1*ms)\n",
         "Synapses 'S' run only as a part of NeuronGroup 'G'"},
        {"custom event code in another slot",
         "from brian2 import *\nG = NeuronGroup(3, 'v : 1', events={'up': 'v > 0.5'})\n"
         "G.run_on_event('up', 'v = 0', when='resets')  # <-\nrun(1*ms)\n",
         "when='resets' (scheduling) on NeuronGroup"},
        {"connect between runs",
         group + "S = Synapses(G, G, on_pre='v += 0.1', name='S')\nS.connect(i=0, j=1)\nrun(1*ms)\n"
                 "S.connect(i=1, j=0)\nrun(1*ms)  # <-\n",
         "several run() calls with changes between them (S.connect() at"},
        {"synaptic delays between runs",
         group + "S = Synapses(G, G, 'w : 1', on_pre='v += w', name='S')\nS.connect()\n"
                 "run(1*ms)\nS.delay = 2*ms  # <-\nrun(1*ms)\n",
         "the delays of S set between two run() calls"},
        {"PoissonGroup rates set by condition",
         "from brian2 import *\nP = PoissonGroup(4, 10*Hz, name='P')  # <-\n"
         "P.rates['i > 1'] = 20*Hz\nrun(1*ms)\n",
         "rates set by condition or by an expression per neuron"},
        {"spike generator switched between runs",
         "from brian2 import *\nI = SpikeGeneratorGroup(2, [0, 1], [1, 2]*ms, name='I')\n"
         "run(1*ms)\nI.active = False\nrun(1*ms)  # <-\n",
         "the SpikeGeneratorGroup 'I' switched on or off between two run() calls"},
        {"runs alternating between networks",
         group + "H = NeuronGroup(2, 'v : 1', name='H')\nnet1 = Network(G)\nnet2 = Network(H)\n"
                 "net1.run(1*ms)\nnet2.run(1*ms)\nnet1.run(1*ms)  # <-\n",
         "several run() calls on different objects"},
        {"values between connect calls",
         group + "S = Synapses(G, G, 'w : 1', on_pre='v += w', name='S')\n"
                 "S.connect(i=0, j=1)\nS.w = 0.5  # <-\nS.connect(i=1, j=0)\nrun(1*ms)\n",
         "values of Synapses 'S' set between two of its connect() calls"},
        {"indexed by a group", group + "G.v[G[0:2]] = 0.5  # <-\nrun(1*ms)\n",
         "G.v[...] indexed by a group"},
        {"linked to a synaptic subexpression",
         group + "S = Synapses(G, G, 'w : 1\\nh = 2*w : 1', name='S')\nS.connect(j='i')\n"
                 "H = NeuronGroup(3, 'x : 1 (linked)', name='H')  # <-\n"
                 "H.x = linked_var(S, 'h')\nrun(1*ms)\n",
         "the linked variable 'x' reading S"},
        {"when of a threshold",
         "from brian2 import *\nG = NeuronGroup(3, 'v : 1', threshold='v > 1')  # <-\n"
         "G.set_event_schedule('spike', when='after_synapses')\nrun(1*ms)\n",
         "when='after_synapses'"},
        {"network_operation",
         group + "@network_operation(dt=1*ms)  # <-\ndef kick():\n    G.v += 0.1\nrun(1*ms)\n",
         "network_operation"},
        {"SpatialNeuron",
         "from brian2 import *\nneuron = SpatialNeuron(morphology=Soma(30*um), "
         "model='Im = 1*uA/cm**2 : amp/meter**2')  # <-\nrun(1*ms)\n",
         "SpatialNeuron"},
        {"python function",
         group + "@check_units(x=1, result=1)\ndef f(x):\n    return x\n"
                 "H = NeuronGroup(2, 'dv/dt = f(v)/ms : 1')  # <-\nrun(1*ms)\n",
         "the Python function 'f'"},
        {"GSL on Synapses",
         group + "S = Synapses(G, G, 'dw/dt = -w/(5*ms) : 1 (clock-driven)', method='gsl_rk4', "
                 "name='S')  # <-\nS.connect()\nrun(1*ms)\n",
         "the GSL method 'gsl_rk4' (GSL integrates NeuronGroups only) in Synapses 'S'"},
        {"options of a method other than GSL",
         "from brian2 import *\nG = NeuronGroup(2, 'dv/dt = -v/ms : 1', method='linear', "
         "method_options={'simplify': False}, name='G')  # <-\nrun(1*ms)\n",
         "method_options (simplify) with the method 'linear' in NeuronGroup 'G'"},
        {"float32",
         "from brian2 import *\nprefs.core.default_float_dtype = float32\n"
         "G = NeuronGroup(2, 'dv/dt = -v/ms : 1')  # <-\nrun(1*ms)\n",
         "float32 precision for 'v'"},
        {"schedule",
         group + "net = Network(G)\n"
                 "net.schedule = ['start', 'groups', 'synapses', 'thresholds', 'resets', 'end']\n"
                 "net.run(1*ms)  # <-\n",
         "a changed schedule"},
        {"value read before it is set",
         "from brian2 import *\nG = NeuronGroup(3, 'x : 1', threshold='x > 1', name='G')\n"
         "S = Synapses(G, G, on_pre='x += 1')\nS.connect(condition='x_pre > 0')  # <-\n"
         "G.x = 'i'\nrun(1*ms)\n",
         "reading G.x here, before the script sets it"},
        {"new spikes repeating from mid-period",
         "from brian2 import *\nG = SpikeGeneratorGroup(2, [0], [1]*ms, name='G')\n"
         "M = SpikeMonitor(G)\nrun(2*ms)\n"
         "G.set_spikes([1], [1]*ms, period=3*ms)  # <-\nrun(2*ms)\n",
         "set_spikes() with a period of 3*ms at t = 2*ms, not a whole number of periods "
         "(Brian2 counts periods from t = 0, a model from the run's start), in "
         "SpikeGeneratorGroup 'G'"},
        {"TimedArray replaced with another dt",
         "from brian2 import *\ninp = TimedArray([1, 2], dt=1*ms)\n"
         "G = NeuronGroup(1, 'v = inp(t) : 1', name='G')\nrun(2*ms)\n"
         "inp = TimedArray([3, 4], dt=2*ms)\nrun(2*ms)  # <-\n",
         "a TimedArray 'inp' replaced between two run() calls with another dt (2. ms, was "
         "1. ms)"},
        {"monitor on defaultclock of a group on its own clock, dt changed",
         "from brian2 import *\nG = NeuronGroup(2, 'v : 1', dt=0.2*ms, name='G')\n"
         "M = StateMonitor(G, 'v', record=True, clock=defaultclock, name='M')  # <-\n"
         "run(1*ms)\ndefaultclock.dt = 0.05*ms\nrun(1*ms)\n",
         "StateMonitor 'M' on defaultclock while NeuronGroup 'G' runs on a clock of its own, "
         "with defaultclock.dt changed between two run() calls"},
        {"BinomialFunction replaced between runs",
         "from brian2 import *\nf = BinomialFunction(10, 0.5)\n"
         "G = NeuronGroup(3, 'x : 1', name='G')\nG.run_regularly('x = f()')\nrun(1*ms)\n"
         "f = BinomialFunction(10, 0.6)\nrun(1*ms)  # <-\n",
         "a BinomialFunction 'f' replaced between two run() calls with other n, p or "
         "approximate"},
    };
}

} // namespace

class TestImport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    CommandBatch batch_; // the corpus's and the unsupported features' imports

    QString featureScript(const char* name) const {
        return dir_.filePath(QString("feature-%1.py").arg(QString(name).replace(' ', '-')));
    }

    static QStringList corpusNames() {
        QStringList names;
        for (const QString& script : QDir(corpusDir()).entryList({"*.py"}, QDir::Files, QDir::Name))
            if (script != "make_reference.py")
                names.append(QFileInfo(script).completeBaseName());
        return names;
    }

    /// Starts every corpus import and every unsupported feature's import, side by side.
    void importConcurrently() {
        for (const QString& name : corpusNames())
            batch_.add(name, {"import", corpusDir() + "/" + name + ".py", "-o",
                              dir_.filePath(name + ".json")});
        for (const FeatureCase& feature : unsupportedFeatures()) {
            const QString script = featureScript(feature.name);
            writeScript(QFileInfo(script).fileName(), feature.script);
            batch_.add(script, {"import", script, "-o", script.chopped(3) + ".json"});
        }
        batch_.run(std::max(2, QThread::idealThreadCount()));
    }

    QString writeScript(const QString& name, const QString& text) {
        const QString path = dir_.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(text.toUtf8());
        return path;
    }

    /// Imports `script` into `model`; the result of the command.
    static CliResult import(const QString& script, const QString& model,
                            const QStringList& extra = {}) {
        return runCli(QStringList{"import", script, "-o", model} + extra, 600000);
    }

    /// A failed import: exit status 1, one line on stderr that contains every
    /// fragment, nothing on stdout, and no output file.
    static void expectFailure(const CliResult& result, const QString& output,
                              const QStringList& fragments) {
        QVERIFY2(result.exitCode == 1,
                 qPrintable("exit status " + QString::number(result.exitCode) + ": " + result.out +
                            result.err));
        QVERIFY2(result.err.startsWith("error: ") && result.err.count('\n') == 1,
                 qPrintable("not one error line: " + result.err));
        for (const QString& fragment : fragments)
            QVERIFY2(result.err.contains(fragment),
                     qPrintable("'" + fragment + "' missing from: " + result.err));
        QVERIFY(result.out.isEmpty());
        QVERIFY2(output.isEmpty() || !QFile::exists(output), qPrintable(output + " was written"));
        QVERIFY(!result.err.contains("Traceback"));
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Brian2 and the kernel cache write under HOME: never the developer's.
        QDir(dir_.path()).mkpath("home");
        qputenv("HOME", dir_.filePath("home").toUtf8());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("kernels").toUtf8());
        qunsetenv("SPIKESTUDIO_PYTHON");
        if (!brianInstalled())
            QSKIP("python3-brian is not installed (apt-get install python3-brian): the Brian2 "
                  "importer cannot be tested");
        importConcurrently();
    }

    // -- the corpus, against Brian2's own runs -------------------------------------------

    void corpusMatchesBrian2_data() {
        QTest::addColumn<QString>("name");
        const QStringList names = corpusNames();
        QVERIFY(names.size() >= 15);
        for (const QString& name : names)
            if (!runsSeveralNetworks(name))
                QTest::newRow(qPrintable(name)) << name;
    }

    void corpusMatchesBrian2() {
        QFETCH(QString, name);
        const QString model = dir_.filePath(name + ".json");
        const QString out = dir_.filePath(name + "-out");
        const CliResult imported = batch_.result(name);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains("wrote " + model));
        const bool statistical = kStatisticalScripts.contains(name);
        const bool simulated = kSimulatedScripts.contains(name);
        // The importer says when random numbers will differ from Brian2's, and
        // when it simulated the script, and only then.
        QCOMPARE(imported.err.contains("random numbers will differ"), statistical);
        QCOMPARE(imported.err.contains(kSimulatedNote), simulated);
        QCOMPARE(int(imported.err.count("note: ")), int(statistical) + int(simulated));
        const CliResult ran = runCli({"run", model, "--csv", out, "--tier", "tcc"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));

        const QDir reference(corpusDir() + "/reference/" + name);
        const QStringList expected = reference.entryList({"*.csv"}, QDir::Files, QDir::Name);
        QVERIFY2(!expected.isEmpty(), qPrintable("no reference for " + name));
        QCOMPARE(QDir(out).entryList({"*.csv"}, QDir::Files, QDir::Name), expected);
        const double dt = spikeTolerance(model);
        for (const QString& file : expected) {
            const CsvTable brian = CsvTable::read(reference.filePath(file));
            const CsvTable ours = CsvTable::read(out + "/" + file);
            QVERIFY2(!brian.rows.isEmpty(), qPrintable(file + ": an empty reference"));
            if (statistical) {
                QCOMPARE(ours.header, brian.header);
                const double count = brian.rows.size();
                QVERIFY2(std::abs(ours.rows.size() - count) <= 0.1 * count,
                         qPrintable(QString("%1: %2 rows, Brian2 %3")
                                        .arg(file)
                                        .arg(ours.rows.size())
                                        .arg(count)));
            } else if (brian.header.first() == "i") {
                compareSpikeTables(ours, brian, dt * 1.0001, name + "/" + file);
            } else {
                compareValueTables(ours, brian, name + "/" + file);
            }
        }
    }

    // -- scripts that run several networks in turn -------------------------------------

    void networksMatchBrian2_data() {
        QTest::addColumn<int>("script");
        for (int k = 0; k < kNetworkScripts.size(); ++k)
            QTest::newRow(qPrintable(kNetworkScripts[k].name)) << k;
    }

    /// Each network, as the import wrote it (a sweep's variant, or a model of
    /// its own), run and compared with Brian2's monitors after that network.
    void networksMatchBrian2() {
        QFETCH(int, script);
        const NetworkScript& networks = kNetworkScripts[script];
        const QString name = networks.name;
        const CliResult imported = batch_.result(name);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(!imported.err.contains("note: "), qPrintable(imported.err));
        const QString count = QString::number(networks.lastRuns.size());
        QVERIFY2(imported.out.contains("imported " + corpusDir() + "/" + name + ".py: " + count +
                                       " networks run in turn"),
                 qPrintable(imported.out));
        const QString reference = corpusDir() + "/reference/" + name;
        const QString model = dir_.filePath(name + ".json");
        QStringList folders;
        if (networks.sweep) {
            const QString spec = dir_.filePath(name + ".sweep.json");
            QVERIFY(imported.out.contains("wrote " + model + " (the model)"));
            QVERIFY(imported.out.contains("wrote " + spec + " (the sweep)"));
            QVERIFY(!QFile::exists(dir_.filePath(name + "-1.json")));
            const QString out = dir_.filePath(name + "-sweep");
            const CliResult swept = runCli(
                {"sweep", model, "--spec", spec, "--csv", out, "--tier", "tcc", "--jobs", "1"});
            QVERIFY2(swept.exitCode == 0, qPrintable(swept.err));
            for (int k = 1; k <= networks.lastRuns.size(); ++k)
                folders.append(out + QString("/run-%1").arg(k, 4, 10, QChar('0')));
        } else {
            QVERIFY(!QFile::exists(model));
            for (int k = 1; k <= networks.lastRuns.size(); ++k) {
                const QString path = dir_.filePath(QString("%1-%2.json").arg(name).arg(k));
                QVERIFY2(imported.out.contains("wrote " + path + " (network " + QString::number(k) +
                                               ": "),
                         qPrintable(imported.out));
                const QString out = dir_.filePath(QString("%1-%2-out").arg(name).arg(k));
                const CliResult ran = runCli({"run", path, "--csv", out, "--tier", "tcc"});
                QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
                folders.append(out);
            }
        }
        const double dt = spikeTolerance(networks.sweep ? model : dir_.filePath(name + "-1.json"));
        for (int k = 0; k < folders.size(); ++k) {
            compareMonitorFolders(folders[k],
                                  reference + "/run-" + QString::number(networks.lastRuns[k]), dt,
                                  name + " network " + QString::number(k + 1));
            if (QTest::currentTestFailed())
                return;
        }
    }

    // restore() undoes what the script set after store(): the second network
    // starts from the value stored, and the two differ only in that value.
    void restoreUndoesValuesSetAfterStore() {
        const QString script = writeScript(
            "undo.py", "from brian2 import *\n"
                       "G = NeuronGroup(3, 'dv/dt = -v/(10*ms) : 1', name='G')\n"
                       "G.v = 0.2\nstore()\nG.v = 0.5\nrun(1*ms)\nrestore()\nrun(2*ms)\n");
        const QString model = dir_.filePath("undo.json");
        const CliResult imported = import(script, model);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QFile spec(dir_.filePath("undo.sweep.json"));
        QVERIFY(!spec.exists()); // the durations differ: two models
        for (const auto& [k, value] : {std::pair{1, "0.5"}, std::pair{2, "0.2"}}) {
            QFile file(dir_.filePath(QString("undo-%1.json").arg(k)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject group = QJsonDocument::fromJson(file.readAll())
                                          .object()["groups"]
                                          .toArray()
                                          .first()
                                          .toObject();
            QCOMPARE(group["initial"].toObject()["v"].toString(), QString(value));
        }
    }

    // A number set between the runs of each network becomes a constant of the
    // sweep; an expression that differs makes one model per network.
    void numbersSetBetweenRunsBecomeSweepConstants() {
        const QString loop = "from brian2 import *\n"
                             "for x in [1, 2]:\n"
                             "    start_scope()\n"
                             "    G = NeuronGroup(2, 'dv/dt = (I - v)/(10*ms) : 1\\nI : 1',\n"
                             "                    name='G%d' % x)\n"
                             "    run(5*ms)\n"
                             "    G.I[:1] = %1\n"
                             "    run(5*ms)\n";
        const QString script = writeScript("between.py", loop.arg("x"));
        const CliResult imported = import(script, dir_.filePath("between.json"));
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QFile spec(dir_.filePath("between.sweep.json"));
        QVERIFY(spec.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(spec.readAll()).object()["vary"].toArray().first(),
                 QJsonValue("G1_I=[1, 2]"));
        QFile model(dir_.filePath("between.json"));
        QVERIFY(model.open(QIODevice::ReadOnly));
        const QJsonObject set = QJsonDocument::fromJson(model.readAll())
                                    .object()["protocol"]
                                    .toArray()[1]
                                    .toObject()["set"]
                                    .toArray()
                                    .first()
                                    .toObject();
        QCOMPARE(set["value"].toString(), QString("G1_I"));
        QCOMPARE(set["index"].toString(), QString(":1"));
        const CliResult swept = runCli(
            {"sweep", model.fileName(), "--spec", spec.fileName(), "--tier", "tcc", "--jobs", "1"});
        QVERIFY2(swept.exitCode == 0, qPrintable(swept.err));
        QVERIFY2(swept.out.contains("G1_I"), qPrintable(swept.out));

        const QString expressions = writeScript("expressions.py", loop.arg("'%d*rand()' % x"));
        const CliResult separate = import(expressions, dir_.filePath("expressions.json"));
        QVERIFY2(separate.exitCode == 0, qPrintable(separate.err));
        QVERIFY2(separate.out.contains(": 2 networks run in turn, one model each\n"),
                 qPrintable(separate.out));
    }

    // Values set and connections made use a constant's value at their line
    // (Brian2 evaluates them there): a constant set again in between becomes a
    // constant of its own in those that see the new value; code the run
    // evaluates keeps the value at the run.
    void constantSetAgainIsCarriedAtItsLine() {
        const QString script =
            writeScript("again.py", "from brian2 import *\n"
                                    "d = 2*um\n"
                                    "tau = 10*ms\n"
                                    "G = NeuronGroup(3, 'dv/dt = -v/tau : 1\\nx : metre', "
                                    "name='G')\n"
                                    "G.x = 'i*d'\n"
                                    "G.v = 'tau/ms'\n"
                                    "d = 5*um\n"
                                    "tau = 20*ms\n"
                                    "H = NeuronGroup(2, 'x : metre', name='H')\n"
                                    "H.x = 'i*d'\n"
                                    "S = Synapses(G, H, name='S')\n"
                                    "S.connect('x_pre < 0.7*d')\n"
                                    "run(1*ms)\n");
        const CliResult imported = import(script, dir_.filePath("again.json"));
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QFile file(dir_.filePath("again.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject model = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject constants = model["constants"].toObject();
        QCOMPARE(constants["d"].toString(), QString("2*um"));
        QCOMPARE(constants["d_2"].toString(), QString("5*um"));
        QCOMPARE(constants["tau"].toString(), QString("20*ms")); // the run's, for the equations
        QCOMPARE(constants["tau_2"].toString(), QString("10*ms"));
        const QJsonArray groups = model["groups"].toArray();
        QCOMPARE(groups[0].toObject()["initial"].toObject()["x"].toString(), QString("i*d"));
        QCOMPARE(groups[0].toObject()["initial"].toObject()["v"].toString(), QString("tau_2/ms"));
        QCOMPARE(groups[1].toObject()["initial"].toObject()["x"].toString(), QString("i*d_2"));
        QCOMPARE(model["synapses"].toArray()[0].toObject()["connect"].toObject()["condition"],
                 QJsonValue("x_pre < 0.7*d_2"));
        const CliResult ran = runCli({"run", file.fileName(), "--tier", "tcc"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY2(ran.out.contains("synapses S: G -> H, 4 synapses"), qPrintable(ran.out));
    }

    // BinomialFunctions the code calls become the model's binomial_functions,
    // under the names the code calls them by (from the script or an object's
    // namespace=), n, p and approximate as made; one made alike under one
    // name in two namespaces is one entry, and a PoissonInput's own is none.
    // Two of other parameters under one name are refused, naming both.
    void binomialFunctionsAreTakenByTheirNames() {
        const QString script =
            writeScript("binomial.py", "from brian2 import *\n"
                                       "f = BinomialFunction(20, 0.25, approximate=False)\n"
                                       "G = NeuronGroup(3, 'x : 1', name='G')\n"
                                       "G.x = 'f()'\n"
                                       "H = NeuronGroup(2, 'y : 1', name='H', namespace={\n"
                                       "    'f': BinomialFunction(20, 0.25, approximate=False),\n"
                                       "    'g': BinomialFunction(1000, 0.3)})\n"
                                       "H.run_regularly('y = f() + g()')\n"
                                       "P = PoissonInput(G, 'x', 10, 10*Hz, weight=1)\n"
                                       "run(1*ms)\n");
        const CliResult imported = import(script, dir_.filePath("binomial.json"));
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QFile file(dir_.filePath("binomial.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject model = QJsonDocument::fromJson(file.readAll()).object();
        QMap<QString, QJsonObject> functions;
        for (const QJsonValue& entry : model["binomial_functions"].toArray())
            functions[entry.toObject()["name"].toString()] = entry.toObject();
        QCOMPARE(functions.keys(), (QList<QString>{"f", "g"}));
        QCOMPARE(functions["f"],
                 (QJsonObject{{"name", "f"}, {"n", 20}, {"p", "0.25"}, {"approximate", false}}));
        QCOMPARE(functions["g"], (QJsonObject{{"name", "g"}, {"n", 1000}, {"p", "0.3"}}));

        const QString twice = writeScript(
            "binomial-twice.py",
            "from brian2 import *\n"
            "G = NeuronGroup(3, 'x : 1', name='G', namespace={'f': BinomialFunction(100, 0.1)})\n"
            "H = NeuronGroup(3, 'x : 1', name='H',\n"
            "                namespace={'f': BinomialFunction(100, 0.3, approximate=False)})\n"
            "G.run_regularly('x = f()')\n"
            "H.run_regularly('x = f()')\n"
            "run(1*ms)\n");
        expectFailure(import(twice, dir_.filePath("binomial-twice.json")),
                      dir_.filePath("binomial-twice.json"),
                      {twice +
                       ":3: 'f' is BinomialFunction(100, 0.3, approximate=False) here "
                       "(Brian2's '_binomial_1') and BinomialFunction(100, 0.1) at " +
                       twice +
                       ":2 (Brian2's '_binomial'); a model has one "
                       "BinomialFunction per name"});
    }

    // A project holds one model: several networks are refused before anything
    // is written; a folder takes the files under the script's name.
    void severalNetworksGoIntoModelFiles() {
        const QString script =
            writeScript("sizes.py", "from brian2 import *\n"
                                    "for n in [2, 3]:\n"
                                    "    start_scope()\n"
                                    "    G = NeuronGroup(n, 'dv/dt = -v/(10*ms) : 1')\n"
                                    "    run(1*ms)\n");
        const QString project = dir_.filePath("sizes.spikestudio");
        expectFailure(import(script, project), project,
                      {"-o", "the script runs 2 networks in turn", "a project holds one model"});
        QDir(dir_.path()).mkpath("sizes-folder");
        const QString folder = dir_.filePath("sizes-folder");
        const CliResult imported = import(script, folder + "/");
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(": 2 networks run in turn, one model each\n"),
                 qPrintable(imported.out));
        QCOMPARE(QDir(folder).entryList(QDir::Files, QDir::Name),
                 (QStringList{"sizes-1.json", "sizes-2.json"}));
        QVERIFY(runCli({"run", folder + "/sizes-2.json", "--tier", "tcc"}).out.contains("N=3"));
        expectFailure(import(script, dir_.filePath("no-such-folder") + "/"), {},
                      {"no such folder"});
        // `run` and the desktop app open one model: they name the import that takes several.
        expectFailure(runCli({"run", script}, 600000), {},
                      {"the script runs 2 networks in turn", "spikestudio import"});
    }

    // -- what the model format cannot express yet -----------------------------------------

    void unsupportedFeatureFails_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("feature");
        for (const FeatureCase& feature : unsupportedFeatures())
            QTest::newRow(feature.name) << featureScript(feature.name) << feature.feature;
    }

    void unsupportedFeatureFails() {
        QFETCH(QString, script);
        QFETCH(QString, feature);
        QFile file(script);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const int line = markedLine(QString::fromUtf8(file.readAll()));
        QVERIFY(line > 0);
        const QString model = script.chopped(3) + ".json";
        expectFailure(
            batch_.result(script), model,
            {script + ":" + QString::number(line) + ": ", feature, "is not supported yet"});
    }

    void randomNumbersInAnotherOrderAreNoted() {
        // Brian2 draws the weights before the delays; Spike Studio draws delays first.
        const QString path =
            writeScript("order.py", "from brian2 import *\n"
                                    "seed(4)\n"
                                    "G = NeuronGroup(4, 'v : 1', threshold='v > 1')\n"
                                    "S = Synapses(G, G, 'w : 1', on_pre='v += w')\n"
                                    "S.connect()\n"
                                    "S.w = 'rand()'\n"
                                    "S.delay = 'rand()*ms'\n"
                                    "run(1*ms)\n");
        const CliResult result = import(path, dir_.filePath("order.json"));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.startsWith("note: " + path +
                                       ":6: random numbers are drawn here in "
                                       "another order") &&
                     result.err.contains("random numbers will differ from Brian2's"),
                 qPrintable(result.err));
        QCOMPARE(result.err.count('\n'), 1);
    }

    // seed() after the model's first random draw becomes a seed entry where the
    // script draws next: before a value (in the group's `initial` list before
    // the first run(), in the next segment's `set` between runs), or at the end
    // of a segment's `set` when its run's noise draws first (Brian2's
    // test_random_values_fixed_and_random); a seed() followed by another is left out.
    void seedCallsBecomeSeedEntries() {
        const QString path = writeScript(
            "seeds.py", "from brian2 import *\n"
                        "G = NeuronGroup(10, 'dv/dt = -v/(10*ms) + 0.1*xi/sqrt(ms) : 1', "
                        "method='euler', name='G')\n"
                        "H = NeuronGroup(4, 'x : 1\\ny : 1', name='H')\n"
                        "seed(13579)\n"
                        "G.v = 'rand()'\n"
                        "H.x = 'rand()'\n"
                        "seed(13579)\n"
                        "seed(8)\n"
                        "H.y = 'rand()'\n"
                        "seed()\n"
                        "run(1*ms)\n"
                        "seed(13579)\n"
                        "G.v = 'rand()'\n"
                        "seed()\n"
                        "run(1*ms)\n");
        const QString model = dir_.filePath("seeds.json");
        const CliResult imported = import(path, model);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.err.isEmpty(), qPrintable(imported.err));
        QFile file(model);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json["seed"].toInteger(), qint64(13579));
        QCOMPARE(json["groups"].toArray()[1].toObject()["initial"].toArray(),
                 QJsonDocument::fromJson(R"json([{"variable": "x", "value": "rand()"}, {"seed": 8},
                                             {"variable": "y", "value": "rand()"}])json")
                     .array());
        QCOMPARE(json["protocol"].toArray(),
                 QJsonDocument::fromJson(R"json([{"duration": "1*ms", "set": [{"seed": "fresh"}]},
                     {"duration": "1*ms", "set": [{"seed": 13579},
                      {"object": "G", "variable": "v", "value": "rand()"}, {"seed": "fresh"}]}])json")
                     .array());
        const CliResult checked = runCli({"check", model});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
    }

    // A model cannot reseed before a connect(): the seed() is left out, with a note.
    void seedBeforeAConnectIsNoted() {
        const QString path =
            writeScript("connect-seed.py", "from brian2 import *\n"
                                           "seed(1)\n"
                                           "G = NeuronGroup(4, 'v : 1', threshold='v > 1', "
                                           "name='G')\n"
                                           "G.v = 'rand()'\n"
                                           "S = Synapses(G, G, on_pre='v += 0.5', name='S')\n"
                                           "seed(2)\n"
                                           "S.connect(p=0.5)\n"
                                           "run(1*ms)\n");
        const CliResult result = import(path, dir_.filePath("connect-seed.json"));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.startsWith("note: " + path +
                                       ":6: seed(2) is left out of the model: the next random "
                                       "numbers are drawn by S.connect() (" +
                                       path + ":7), before which a model cannot reseed") &&
                     result.err.contains("random numbers will differ from Brian2's"),
                 qPrintable(result.err));
        QCOMPARE(result.err.count('\n'), 1);
    }

    // defaultclock.dt changed between two run() calls becomes a dt entry at
    // the start of the next segment's set (before its values and a seed
    // entry), where the dt differs from the run before's: set and set back
    // before a run() is none. The model's dt is the first run's; a group made
    // with a dt of its own keeps it.
    void dtChangedBetweenRunsIsASegmentEntry() {
        const QString path = writeScript(
            "dt-changes.py", "from brian2 import *\n"
                             "G = NeuronGroup(2, 'dv/dt = (I - v)/(10*ms) + 0.1*xi/sqrt(ms) : 1\\n"
                             "I : 1', method='euler', name='G')\n"
                             "H = NeuronGroup(1, 'x : 1', dt=0.1*ms, name='H')\n"
                             "run(1*ms)\n"
                             "defaultclock.dt = 0.05*ms\n"
                             "G.I = 2\n"
                             "seed(7)\n"
                             "run(1*ms)\n"
                             "run(1*ms)\n"
                             "defaultclock.dt = 0.2*ms\n"
                             "defaultclock.dt = 0.1*ms\n"
                             "run(1*ms)\n"
                             "defaultclock.dt = 0.1*ms\n"
                             "run(1*ms)\n");
        const QString model = dir_.filePath("dt-changes.json");
        const CliResult imported = import(path, model);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains("monitors, a protocol of 5 segments\n"),
                 qPrintable(imported.out));
        QFile file(model);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json["dt"].toString(), QString("0.1*ms"));
        QCOMPARE(json["groups"].toArray()[1].toObject()["dt"].toString(), QString("0.1*ms"));
        QCOMPARE(json["protocol"].toArray(), QJsonDocument::fromJson(R"json([{"duration": "1*ms"},
                     {"duration": "1*ms", "set": [{"dt": "0.05*ms"},
                      {"object": "G", "variable": "I", "value": "2"}, {"seed": 7}]},
                     {"duration": "1*ms"},
                     {"duration": "1*ms", "set": [{"dt": "0.1*ms"}]},
                     {"duration": "1*ms"}])json")
                                                 .array());
        const CliResult checked = runCli({"check", model});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
    }

    // Brian2's test_long_run: one step of (2**31 - 5)*0.1 ms, then six of
    // 0.1 ms. The huge dt is written as text that reads back as the very same
    // double, so the network's time is a whole number of 0.1 ms steps.
    void hugeDtBetweenRunsReadsBackExactly() {
        const QString path =
            writeScript("long-run.py", "from brian2 import *\n"
                                       "G = NeuronGroup(1, 'x : 1', name='G')\n"
                                       "G.run_regularly('x += 1')\n"
                                       "M = StateMonitor(G, 'x', record=True, when='end', "
                                       "name='M')\n"
                                       "defaultclock.dt = 0.1*ms\n"
                                       "start_time = (2**31 - 5)*defaultclock.dt\n"
                                       "defaultclock.dt = start_time\n"
                                       "run(start_time)\n"
                                       "defaultclock.dt = 0.1*ms\n"
                                       "run(6*defaultclock.dt)\n");
        const QString model = dir_.filePath("long-run.json");
        const CliResult imported = import(path, model);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QFile file(model);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json["dt"].toString(), QString("214748364.3*ms"));
        QCOMPARE(json["protocol"].toArray()[1].toObject()["set"].toArray(),
                 QJsonDocument::fromJson(R"json([{"dt": "0.1*ms"}])json").array());
        const QString out = dir_.filePath("long-run-out");
        const CliResult ran = runCli({"run", model, "--csv", out, "--tier", "tcc"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        const CsvTable trace = CsvTable::read(out + "/M.csv");
        QCOMPARE(trace.rows.size(), 7);
        const double start = (2147483648.0 - 5) * 1e-4;
        for (int k = 0; k < 7; ++k) {
            QCOMPARE(trace.rows[k][1], double(k + 1)); // one run_regularly per step
            if (k > 0)
                QCOMPARE(trace.rows[k][0], start + (k - 1) * 1e-4);
        }
    }

    /// prefs.legacy.refractory_timing as it stood at run(), also when the
    /// script switches it back afterwards (as Brian2's own test does).
    void legacyRefractoryTimingIsTakenAtTheRun() {
        const QString path =
            writeScript("legacy.py", "from brian2 import *\n"
                                     "prefs.legacy.refractory_timing = True\n"
                                     "G = NeuronGroup(1, 'v : 1', threshold='True', "
                                     "refractory=1*ms, name='G')\n"
                                     "run(1*ms)\n"
                                     "prefs.legacy.refractory_timing = False\n");
        const QString out = dir_.filePath("legacy.json");
        const CliResult result = import(path, out);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(spikestudio::readModelFile(out.toStdString()).legacyRefractoryTiming);
    }

    // -- bad input ---------------------------------------------------------------------------

    void scriptThatRaisesFails() {
        const QString path = writeScript("raises.py", "from brian2 import *\n"
                                                      "x = 1\n"
                                                      "y = x / 0\n"
                                                      "run(1*ms)\n");
        const QString model = dir_.filePath("raises.json");
        expectFailure(import(path, model), model,
                      {path + ":3: the script raised ZeroDivisionError: division by zero"});
    }

    void brian2ErrorNamesItsOrigin() {
        const QString path = writeScript("units.py", "from brian2 import *\n"
                                                     "G = NeuronGroup(2, 'dv/dt = -v : volt')\n"
                                                     "run(1*ms)\n");
        const QString model = dir_.filePath("units.json");
        expectFailure(import(path, model), model,
                      {path + ":3: the script raised DimensionMismatchError"});
    }

    // A script that reads its monitors after run() is simulated to get past
    // them; one that still fails reports its error as any script does.
    void errorAfterRunEvenWhenSimulatedFails() {
        const QString path = writeScript("after.py", "from brian2 import *\n"
                                                     "G = NeuronGroup(2, 'dv/dt = -v/ms : 1', "
                                                     "threshold='v > 1', reset='v = 0')\n"
                                                     "M = SpikeMonitor(G)\n"
                                                     "run(1*ms)\n"
                                                     "print(M.t[0])\n");
        const QString model = dir_.filePath("after.json");
        expectFailure(import(path, model), model,
                      {path + ":5: the script raised IndexError",
                       "even with its runs simulated by Spike Studio"});
    }

    // What the script computes from a run's data is Spike Studio's: the
    // second run's input below is the first run's spike count (10 here, as in
    // Brian2); the note says the script was simulated, and what that cost.
    void valuesComputedFromARunAreSpikeStudios() {
        const QString path =
            writeScript("count.py", "from brian2 import *\n"
                                    "G = NeuronGroup(2, 'dv/dt = (I - v)/(10*ms) : 1\\nI : 1', "
                                    "threshold='v > 1', reset='v = 0', method='exact', name='G')\n"
                                    "G.I = 2\n"
                                    "M = SpikeMonitor(G)\n"
                                    "run(40*ms)\n"
                                    "last = M.t[-1]\n"
                                    "G.I = M.num_spikes\n"
                                    "run(10*ms)\n");
        const QString model = dir_.filePath("count.json");
        const CliResult result = import(path, model);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.err.startsWith(kSimulatedNote + " (without data: IndexError at " + path +
                                       ":6, "),
                 qPrintable(result.err));
        QCOMPARE(int(result.err.count('\n')), 1);
        QVERIFY2(result.err.contains("after run() at " + path +
                                     ":5), so the import ran it again "
                                     "with Spike Studio simulating its 2 run() calls, which took "),
                 qPrintable(result.err));
        QVERIFY2(result.err.contains(" s of simulation)"), qPrintable(result.err));
        QFile file(model);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY2(QRegularExpression(R"("variable": "I",\s*"value": "10")")
                     .match(QString::fromUtf8(json))
                     .hasMatch(),
                 json.constData());
    }

    // Without the spikestudio program the capture's error stays, saying why
    // the script could not be simulated; `spikestudio import` names itself
    // as the program, so it never lacks one.
    void withoutTheProgramTheErrorSaysWhy() {
        const QString path = writeScript("reads.py", "from brian2 import *\n"
                                                     "G = NeuronGroup(2, 'dv/dt = (2 - v)/ms : 1', "
                                                     "threshold='v > 1', reset='v = 0')\n"
                                                     "M = SpikeMonitor(G)\n"
                                                     "run(5*ms)\n"
                                                     "first = M.t[0]\n");
        const QString model = dir_.filePath("reads.json");
        QProcess python;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("PYTHONPATH", SPIKESTUDIO_SOURCE_DIR "/python");
        environment.insert("SPIKESTUDIO_BINARY", dir_.filePath("no-program"));
        python.setProcessEnvironment(environment);
        python.start("/usr/bin/python3", {"-m", "brian2spikestudio.importer", path, "-o", model});
        QVERIFY(python.waitForFinished(120000));
        QCOMPARE(python.exitCode(), 1);
        const QString err = QString::fromUtf8(python.readAllStandardError());
        QCOMPARE(int(err.count('\n')), 1);
        for (const QString& fragment :
             QStringList{path + ":5: the script raised IndexError", "after run() at " + path + ":4",
                         "monitors hold no data",
                         "simulating the script to get past it needs the "
                         "spikestudio program: SPIKESTUDIO_BINARY=" +
                             dir_.filePath("no-program") + " is not an executable file"})
            QVERIFY2(err.contains(fragment), qPrintable("'" + fragment + "' missing from: " + err));
        QVERIFY(!QFile::exists(model));

        qputenv("SPIKESTUDIO_BINARY", dir_.filePath("no-program").toUtf8());
        const CliResult fromTheProgram = import(path, model);
        qunsetenv("SPIKESTUDIO_BINARY");
        QVERIFY2(fromTheProgram.exitCode == 0, qPrintable(fromTheProgram.err));
        QVERIFY(fromTheProgram.err.startsWith(kSimulatedNote));
    }

    void scriptThatNeverRunsFails() {
        const QString path = writeScript("norun.py", "from brian2 import *\n"
                                                     "G = NeuronGroup(2, 'v : 1')\n");
        const QString model = dir_.filePath("norun.json");
        expectFailure(import(path, model), model, {path + ": the script never calls run()"});
    }

    void syntaxErrorFails() {
        const QString path = writeScript("syntax.py", "from brian2 import *\n"
                                                      "G = NeuronGroup(2, 'v : 1'\n"
                                                      "run(1*ms)\n");
        const QString model = dir_.filePath("syntax.json");
        expectFailure(import(path, model), model, {path + ":", "syntax error"});
    }

    void exitStatusOfTheScriptCounts() {
        const QString path = writeScript("exits.py", "import sys\nsys.exit(3)\n");
        const QString model = dir_.filePath("exits.json");
        expectFailure(import(path, model), model, {path + ":2: the script exited with status 3"});
    }

    void missingScriptFails() {
        const QString model = dir_.filePath("missing.json");
        expectFailure(import(dir_.filePath("no-such-script.py"), model), model,
                      {"no-such-script.py", "no such file"});
        expectFailure(import(dir_.path(), model), model, {"not a Python script"});
    }

    void outputIntoMissingFolderFails() {
        const QString path = writeScript("fine.py", "from brian2 import *\n"
                                                    "G = NeuronGroup(2, 'dv/dt = -v/ms : 1')\n"
                                                    "run(1*ms)\n");
        const QString model = dir_.filePath("no-such-folder/fine.json");
        expectFailure(import(path, model), model, {"-o", "does not exist"});
        expectFailure(import(path, path), "", {"would replace the script"});
        expectFailure(import(path, dir_.path()), "", {"is a folder"});
    }

    void badTimeoutFails() {
        const QString path = writeScript("fine.py", "from brian2 import *\n");
        for (const char* timeout : {"0", "abc", "-5", "99999999999"})
            expectFailure(import(path, dir_.filePath("t.json"), {"--timeout", timeout}), "",
                          {"--timeout", "number of seconds"});
    }

    void scriptThatNeverEndsTimesOut() {
        const QString path = writeScript("forever.py", "while True:\n    pass\n");
        const QString model = dir_.filePath("forever.json");
        expectFailure(import(path, model, {"--timeout", "2"}), model,
                      {path + ": the script did not finish within 2 s"});
    }

    void missingPythonOrBrian2IsExplained() {
        const QString path = writeScript("fine.py", "from brian2 import *\n");
        const QString model = dir_.filePath("fine.json");
        qputenv("SPIKESTUDIO_PYTHON", dir_.filePath("no-python").toUtf8());
        const CliResult noPython = import(path, model);
        qunsetenv("SPIKESTUDIO_PYTHON");
        expectFailure(noPython, model, {"cannot start", "apt-get install python3-brian"});

        // A Brian2 that cannot be imported, ahead of the real one on Python's path.
        QDir(dir_.path()).mkpath("nobrian/brian2");
        writeScript("nobrian/brian2/__init__.py", "raise ImportError('no brian2 here')\n");
        qputenv("PYTHONPATH", dir_.filePath("nobrian").toUtf8());
        const CliResult noBrian = import(path, model);
        qunsetenv("PYTHONPATH");
        expectFailure(noBrian, model, {"Brian2 is not installed", "apt-get install python3-brian"});
    }

    // -- how the script runs and where the model goes ----------------------------------------

    void scriptRunsAsItWouldAlone() {
        // Its own folder, __file__, sys.argv and __main__; files beside it; output dropped;
        // set_device and device.build neutralised.
        QDir(dir_.path()).mkpath("own");
        writeScript("own/params.txt", "12\n");
        const QString path = writeScript(
            "own/alone.py",
            "import os, sys\n"
            "from brian2 import *\n"
            "assert os.path.samefile(os.getcwd(), os.path.dirname(os.path.abspath(__file__)))\n"
            "assert sys.argv[0].endswith('alone.py')\n"
            "N = int(open('params.txt').read())\n"
            "print('x' * 200000)\n"
            "os.write(1, b'y' * 200000)\n"
            "set_device('cpp_standalone', directory=None)\n"
            "if __name__ == '__main__':\n"
            "    G = NeuronGroup(N, 'dv/dt = -v/ms : 1', name='G')\n"
            "    run(1*ms)\n"
            "    device.build()\n");
        const QString model = dir_.filePath("alone.json");
        const CliResult result = import(path, model);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.err.isEmpty());
        QVERIFY(result.out.startsWith("imported " + path + ": 1 groups"));
        QFile file(model);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json["groups"].toArray()[0].toObject()["N"].toInt(), 12);
        QCOMPARE(runCli({"check", model}).exitCode, 0);
        QVERIFY(!QDir(dir_.filePath("own")).exists("__pycache__"));
    }

    void plottingOpensNoWindow() {
        QProcess python;
        python.start("/usr/bin/python3", {"-c", "import matplotlib"});
        if (!python.waitForFinished(120000) || python.exitCode() != 0)
            QSKIP("python3-matplotlib is not installed");
        // show() must neither open a window nor block, nor even warn.
        const QString path = writeScript(
            "plots.py", "import warnings\n"
                        "warnings.simplefilter('error', UserWarning)\n"
                        "import matplotlib\n"
                        "import matplotlib.pyplot as plt\n"
                        "from brian2 import *\n"
                        "G = NeuronGroup(2, 'dv/dt = (1.5 - v)/(10*ms) : 1', threshold='v > 1', "
                        "reset='v = 0')\n"
                        "M = StateMonitor(G, 'v', record=0)\n"
                        "run(5*ms)\n"
                        "assert 'quiet_backend' in matplotlib.get_backend()\n"
                        "plt.plot(M.t/ms, M.v[0])\n"
                        "plt.show()\n"
                        "figure()\n"
                        "show()\n");
        const CliResult result = import(path, dir_.filePath("plots.json"));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    }

    void defaultOutputIsBesideTheCurrentFolder() {
        QDir(dir_.path()).mkpath("default");
        const QString path = writeScript("default/net.py", "from brian2 import *\n"
                                                           "G = NeuronGroup(2, 'v : 1')\n"
                                                           "run(1*ms)\n");
        QProcess first;
        first.setWorkingDirectory(dir_.filePath("default"));
        first.start(SPIKESTUDIO_CLI, {"import", "net.py"});
        QVERIFY(first.waitForFinished(600000));
        QCOMPARE(first.exitCode(), 0);
        QVERIFY(QFile::exists(dir_.filePath("default/net.json")));
        QProcess again; // never replaces a file it was not told to
        again.setWorkingDirectory(dir_.filePath("default"));
        again.start(SPIKESTUDIO_CLI, {"import", "net.py"});
        QVERIFY(again.waitForFinished(600000));
        QCOMPARE(again.exitCode(), 1);
        QVERIFY(QString::fromUtf8(again.readAllStandardError()).contains("already exists"));
        (void)path;
    }

    void importsIntoAProject() {
        const QString first = writeScript("first.py", "from brian2 import *\n"
                                                      "A = NeuronGroup(2, 'v : 1', name='A')\n"
                                                      "run(1*ms)\n");
        const QString second = writeScript("second.py", "from brian2 import *\n"
                                                        "B = NeuronGroup(3, 'v : 1', name='B')\n"
                                                        "run(2*ms)\n");
        const QString project = dir_.filePath("imported.spikestudio");
        const CliResult created = import(first, project);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(created.out.contains("saved as the model of " + project));
        QVERIFY(runCli({"check", project}).exitCode == 0);
        const CliResult ran = runCli({"run", project, "--tier", "tcc"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY(ran.out.contains("group A: NeuronGroup, N=2"));
        // A second import replaces the model; the project keeps its run.
        QCOMPARE(import(second, project).exitCode, 0);
        QVERIFY(
            runCli({"run", project, "--tier", "tcc"}).out.contains("group B: NeuronGroup, N=3"));
        QVERIFY(runCli({"runs", project}).out.contains("   1  "));
    }

    // The target's format is told by its content: a project renamed .json takes
    // the import as its model and keeps its runs.
    void importsIntoARenamedProject() {
        const QString script = writeScript("renamed.py", "from brian2 import *\n"
                                                         "C = NeuronGroup(4, 'v : 1', name='C')\n"
                                                         "run(1*ms)\n");
        const QString project = dir_.filePath("renamed.spikestudio");
        QCOMPARE(import(script, project).exitCode, 0);
        QCOMPARE(runCli({"run", project, "--tier", "tcc"}).exitCode, 0);
        const QString renamed = dir_.filePath("renamed-project.json");
        QVERIFY(QFile::rename(project, renamed));
        const CliResult again = import(script, renamed);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(again.out.contains("saved as the model of " + renamed));
        QVERIFY(runCli({"runs", renamed}).out.contains("   1  "));
    }

    // A model file named .spikestudio is refused before the script runs, and kept.
    void refusesAModelFileNamedAsAProject() {
        const QString trace = dir_.filePath("script-ran.txt");
        const QString script =
            writeScript("traced.py", "from brian2 import *\nopen('" + trace +
                                         "', 'w').close()\nG = NeuronGroup(1, 'v : 1')\n"
                                         "run(1*ms)\n");
        const QString fake = dir_.filePath("model-file.spikestudio");
        const QByteArray model = R"({"format": "spikestudio-model", "version": 1})";
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(model);
        file.close();
        const CliResult refused = import(script, fake);
        expectFailure(refused, {}, {"model-file.spikestudio", "rename it to .json"});
        QVERIFY(!QFile::exists(trace));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), model);
    }

    // `run` and `check` import a Brian2 script first (told by its content, not its
    // name); the run is stored only with --db; a refused script fails as import does.
    void runsAndChecksAScriptDirectly() {
        const QString script = writeScript("direct.txt", "from brian2 import *\n"
                                                         "D = NeuronGroup(5, 'v : 1', name='D')\n"
                                                         "run(1*ms)\n");
        const CliResult ran = runCli({"run", script, "--tier", "tcc"}, 600000);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY(ran.out.contains("group D: NeuronGroup, N=5"));
        QVERIFY(!ran.out.contains("stored as run"));
        const CliResult checked = runCli({"check", script}, 600000);
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
        QVERIFY(checked.out.startsWith("ok: 1 groups"));

        const QString refused = writeScript("refused.py", "from brian2 import *\n"
                                                          "G = NeuronGroup(3, 'v : 1')\n"
                                                          "M = SpikeMonitor(G[1:3])\n"
                                                          "run(1*ms)\n");
        expectFailure(runCli({"run", refused}, 600000), {}, {"refused.py:3"});
    }

    void helpSaysTheScriptRuns() {
        const CliResult help = runCli({"import", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("spikestudio import SCRIPT.py"));
        QVERIFY(help.out.contains("RUNS"));
        QVERIFY(runCli({"--help"}).out.contains("spikestudio import"));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
