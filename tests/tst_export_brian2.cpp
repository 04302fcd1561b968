// `spikestudio export-brian2`: models out as readable Brian2 scripts
// (docs/brian2-export.md). Every bundled example and reference model is
// exported and run by Brian2's numpy target (Cython for a GSL method;
// tests/brian2_export/run_scripts.py) and by `spikestudio run` with the
// same seed: spikes within one dt, traces
// within 1e-6 of each column's range. Each script is imported back
// (tests/brian2_export/round_trip.py) and must give the same model; so must
// tests/brian2_export/edge_cases.json, the exporter's less common forms. One
// model runs under Brian2's C++ standalone device; the brian2cuda and
// brian2genn scripts, which cannot run here, must hold the lines those
// packages document and be valid Python. Bad input fails with one line and
// writes nothing; names and descriptions cannot break out of their strings,
// and the exporter refuses Python hidden in expressions. The tests that run
// Brian2 are skipped, with a message, when python3-brian is missing.
#include "support/CliRunner.h"
#include "support/CsvTable.h"
#include "support/MonitorComparison.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kSource = QStringLiteral(SPIKESTUDIO_SOURCE_DIR);
const QString kPython = QStringLiteral("/usr/bin/python3");

/// Durations that keep the large examples quick in Brian2's numpy target.
const QMap<QString, QString> kShortDurations{
    {"example-cuba", "100*ms"},          {"example-cobahh", "40*ms"},
    {"example-cuba_neurons", "100*ms"},  {"example-brunel2000", "100*ms"},
    {"example-stdp_song2000", "300*ms"}, {"example-adex", "300*ms"},
    {"reference-cuba_network", "100*ms"}};

/// A model to export and run, and what replaces its duration and seed in both.
struct RoundTripCase {
    QString name;
    QString model;
    QStringList options;
};

QJsonObject readJson(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// Models whose exported script the importer refuses, and why (each a
/// documented limit of the import, docs/brian2-import.md).
const QMap<QString, QString> kNotImportedBack{
    {"reference-protocol_segments",
     "a Synapses value set between runs reads a constant changed since the first run"}};

QList<RoundTripCase> roundTripCases() {
    QList<RoundTripCase> cases;
    const QList<QPair<QString, QString>> folders{{"example", kSource + "/resources/examples"},
                                                 {"reference", kSource + "/tests/reference/models"},
                                                 {"export", kSource + "/tests/brian2_export"}};
    for (const auto& [prefix, folder] : folders) {
        for (const QString& file : QDir(folder).entryList({"*.json"}, QDir::Files, QDir::Name)) {
            RoundTripCase entry{
                prefix + "-" + QFileInfo(file).completeBaseName(), folder + "/" + file, {}};
            if (kShortDurations.contains(entry.name))
                entry.options << "--duration" << kShortDurations[entry.name];
            if (!readJson(entry.model).contains("seed")) // the same numbers on both sides
                entry.options << "--seed"
                              << "5";
            cases.append(entry);
        }
    }
    return cases;
}

/// The smallest step of the clocks a model uses: spikes may differ by one of it.
double spikeTolerance(const QString& modelPath) {
    double smallest = 1e-4;
    bool found = false;
    const QJsonObject model = readJson(modelPath);
    QStringList texts{model["dt"].toString("0.1*ms")};
    for (const QJsonValue& group : model["groups"].toArray())
        texts << group.toObject()["dt"].toString();
    const QRegularExpression pattern(R"(^([0-9.e+-]+)\*(ms|us|second)$)");
    for (const QString& text : texts) {
        const QRegularExpressionMatch match = pattern.match(text);
        if (!match.hasMatch())
            continue;
        const QString unit = match.captured(2);
        const double value = match.captured(1).toDouble() * (unit == "ms"   ? 1e-3
                                                             : unit == "us" ? 1e-6
                                                                            : 1.0);
        smallest = found ? std::min(smallest, value) : value;
        found = true;
    }
    return smallest;
}

/// Whether a group of the model uses one of Brian2's GSL methods.
bool usesGsl(const QString& modelPath) {
    for (const QJsonValue& group : readJson(modelPath)["groups"].toArray())
        if (group.toObject()["method"].toString().startsWith("gsl"))
            return true;
    return false;
}

bool pythonCan(const QString& code) {
    QProcess python;
    python.start(kPython, {"-c", code});
    return python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit &&
           python.exitCode() == 0;
}

} // namespace

class TestExportBrian2 : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    bool brian_ = false;
    QList<RoundTripCase> cases_;
    QMap<QString, CliResult> exports_; // by case name
    QMap<QString, CliResult> runs_;

    QString scriptOf(const QString& name) const { return dir_.filePath("scripts/" + name + ".py"); }

    QString write(const QString& name, const QByteArray& text) {
        const QString path = dir_.filePath(name);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(text);
        return path;
    }

    static CliResult exportModel(const QStringList& arguments) {
        return runCli(QStringList{"export-brian2"} + arguments);
    }

    /// Python with HOME in the test's folder (Brian2 writes there), in `folder`.
    CliResult runPython(const QStringList& arguments, const QString& folder = {},
                        int timeoutMs = 600000) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("HOME", dir_.filePath("home"));
        environment.insert("MPLBACKEND", "Agg");
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(folder.isEmpty() ? dir_.path() : folder);
        process.start(kPython, arguments);
        process.waitForFinished(timeoutMs);
        CliResult result;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    /// Starts run_scripts.py on `scripts`, writing under `outroot`.
    QProcess* startBrian2(const QStringList& scripts, const QString& outroot) {
        auto* process = new QProcess(this);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("HOME", dir_.filePath("home"));
        process->setProcessEnvironment(environment);
        process->setWorkingDirectory(dir_.path());
        process->start(kPython,
                       QStringList{kSource + "/tests/brian2_export/run_scripts.py", outroot} +
                           scripts);
        return process;
    }

    /// A failed command: exit status 1, one "error: " line naming every
    /// fragment, nothing on stdout, no output file.
    static void expectFailure(const CliResult& result, const QString& output,
                              const QStringList& fragments) {
        QVERIFY2(result.exitCode == 1,
                 qPrintable(QString::number(result.exitCode) + ": " + result.out + result.err));
        QVERIFY2(result.err.startsWith("error: ") && result.err.count('\n') == 1,
                 qPrintable("not one error line: " + result.err));
        for (const QString& fragment : fragments)
            QVERIFY2(result.err.contains(fragment),
                     qPrintable("'" + fragment + "' missing from: " + result.err));
        QVERIFY(result.out.isEmpty());
        QVERIFY2(output.isEmpty() || !QFile::exists(output), qPrintable(output + " was written"));
        QVERIFY(!result.err.contains("Traceback"));
    }

    /// Every CSV of `brian` (Brian2 running the script) against `ours`.
    static void compareOutputs(const QString& ours, const QString& brian, double dt,
                               const QString& what) {
        const QStringList expected = QDir(brian).entryList({"*.csv"}, QDir::Files, QDir::Name);
        QVERIFY2(!expected.isEmpty(), qPrintable(what + ": Brian2 wrote no CSV"));
        QCOMPARE(QDir(ours).entryList({"*.csv"}, QDir::Files, QDir::Name), expected);
        for (const QString& file : expected) {
            const CsvTable theirs = CsvTable::read(brian + "/" + file);
            const CsvTable mine = CsvTable::read(ours + "/" + file);
            if (theirs.header.first() == "i")
                compareSpikeTables(mine, theirs, dt * 1.0001, what + "/" + file);
            else
                compareValueTables(mine, theirs, what + "/" + file);
        }
    }

    /// Exports every case; then Brian2 runs the scripts in two processes
    /// while Spike Studio runs the models here.
    void exportAndRunEverything() {
        QStringList scripts;
        for (const RoundTripCase& entry : cases_) {
            exports_[entry.name] =
                exportModel(QStringList{entry.model, "-o", scriptOf(entry.name)} + entry.options);
            if (exports_[entry.name].exitCode == 0)
                scripts << scriptOf(entry.name);
        }
        if (!brian_)
            return;
        const qsizetype half = (scripts.size() + 1) / 2;
        QList<QProcess*> brian{startBrian2(scripts.mid(0, half), dir_.filePath("brian2")),
                               startBrian2(scripts.mid(half), dir_.filePath("brian2"))};
        for (const RoundTripCase& entry : cases_)
            runs_[entry.name] =
                runCli(QStringList{"run", entry.model, "--csv", dir_.filePath("ours/" + entry.name),
                                   "--tier", "tcc"} +
                       entry.options);
        for (QProcess* process : brian) {
            process->waitForFinished(-1);
            const QString err = QString::fromUtf8(process->readAllStandardError());
            QVERIFY2(process->exitCode() == 0, qPrintable(err));
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QDir(dir_.path()).mkpath("home");
        QDir(dir_.path()).mkpath("scripts");
        qputenv("HOME", dir_.filePath("home").toUtf8());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("kernels").toUtf8());
        qunsetenv("SPIKESTUDIO_PYTHON");
        brian_ = pythonCan("import brian2");
        if (!brian_)
            qWarning("python3-brian is not installed (apt-get install python3-brian): the tests "
                     "that run exported scripts in Brian2 are skipped");
        cases_ = roundTripCases();
        QVERIFY(cases_.size() >= 20);
        exportAndRunEverything();
    }

    // -- round trip by simulation ------------------------------------------------------------

    void everyModelExports_data() {
        QTest::addColumn<QString>("name");
        for (const RoundTripCase& entry : cases_)
            QTest::newRow(qPrintable(entry.name)) << entry.name;
    }

    void everyModelExports() {
        QFETCH(QString, name);
        const CliResult& result = exports_[name];
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err)); // no notes for the runtime
        QVERIFY(result.out.startsWith("exported "));
        QVERIFY(
            result.out.contains("as a Brian2 script for the runtime device: " + scriptOf(name)));
        const QString script = readText(scriptOf(name));
        QVERIFY(script.contains("from brian2 import *\n"));
        // numpy, whose random numbers Spike Studio reproduces; cython when a
        // group uses a GSL method, which Brian2's numpy target cannot run.
        const QString model = std::find_if(cases_.begin(), cases_.end(), [&](const auto& c) {
                                  return c.name == name;
                              })->model;
        QVERIFY(script.contains(usesGsl(model) ? "prefs.codegen.target = 'cython'\n"
                                               : "prefs.codegen.target = 'numpy'\n"));
        QVERIFY(script.contains("\nrun("));
    }

    void brian2RunsTheScriptAsSpikeStudioRunsTheModel_data() { everyModelExports_data(); }

    void brian2RunsTheScriptAsSpikeStudioRunsTheModel() {
        if (!brian_)
            QSKIP("python3-brian is not installed");
        QFETCH(QString, name);
        const RoundTripCase entry = *std::find_if(cases_.begin(), cases_.end(),
                                                  [&](const auto& c) { return c.name == name; });
        const QString brian = dir_.filePath("brian2/" + name);
        QVERIFY2(!QFile::exists(brian + "/error.txt"),
                 qPrintable(name + ": " + readText(brian + "/error.txt")));
        QVERIFY2(runs_[name].exitCode == 0, qPrintable(runs_[name].err));
        compareOutputs(dir_.filePath("ours/" + name), brian, spikeTolerance(entry.model), name);
    }

    // -- round trip by structure -------------------------------------------------------------

    void importingTheScriptGivesTheModelBack() {
        if (!brian_)
            QSKIP("python3-brian is not installed");
        QStringList pairs;
        for (const RoundTripCase& entry : cases_) { // exported again, as they are
            if (kNotImportedBack.contains(entry.name))
                continue;
            const QString script = dir_.filePath("structure/" + entry.name + ".py");
            QDir().mkpath(dir_.filePath("structure"));
            QCOMPARE(exportModel({entry.model, "-o", script}).exitCode, 0);
            pairs << entry.model + "=" + script;
        }
        // The control: one model against another model's script must differ.
        const QString other = dir_.filePath("structure/control.py");
        QCOMPARE(
            exportModel({kSource + "/tests/reference/models/lif_default_method.json", "-o", other})
                .exitCode,
            0);
        pairs << kSource + "/tests/reference/models/lif_exact.json=" + other;
        const QString outroot = dir_.filePath("imported");
        const CliResult result =
            runPython(QStringList{kSource + "/tests/brian2_export/round_trip.py", outroot} + pairs);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        for (const RoundTripCase& entry : cases_) {
            if (kNotImportedBack.contains(entry.name))
                continue;
            const QString diff = outroot + "/" + entry.name + ".diff";
            QVERIFY2(QFile::exists(diff), qPrintable(diff));
            QVERIFY2(readText(diff).isEmpty(), qPrintable(entry.name + ":\n" + readText(diff)));
            const CliResult check = runCli({"check", outroot + "/" + entry.name + ".json"});
            QVERIFY2(check.exitCode == 0, qPrintable(entry.name + ": " + check.err));
        }
        const QString control = readText(outroot + "/control.diff");
        QVERIFY2(control.contains("groups[0].N") && control.contains("groups[0].refractory"),
                 qPrintable(control));
    }

    void spikestudioImportReadsAnExportedScript() {
        if (!brian_)
            QSKIP("python3-brian is not installed");
        const QString script = scriptOf("example-cuba");
        const QString model = dir_.filePath("cuba-imported.json");
        const CliResult result = runCli({"import", script, "-o", model}, 600000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err)); // the same random numbers
        const QJsonObject imported = readJson(model);
        QCOMPARE(imported["duration"].toString(), QString("100*ms"));
        QCOMPARE(imported["seed"].toInt(), 1);
        QCOMPARE(imported["synapses"].toArray().size(), 2);
    }

    // BinomialFunctions are made after the constants their p reads and before
    // the objects whose code calls them, under the names the code calls.
    void binomialFunctionsAreMadeBeforeTheObjects() {
        const QString script = dir_.filePath("binomial/binomial.py");
        QDir().mkpath(dir_.filePath("binomial"));
        const CliResult result =
            exportModel({kSource + "/tests/brian2_export/binomial_functions.json", "-o", script});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList text = readText(script).split('\n');
        qsizetype previous = -1;
        for (const QString& line :
             {QString("p_small = 0.1"), QString("counts = BinomialFunction(100, 0.3)"),
              QString("small = BinomialFunction(100, p_small, "
                      "approximate=False)"),
              QString("big = BinomialFunction(1000, 0.3, approximate=False)"),
              QString("seed(7)")}) {
            const qsizetype at = text.indexOf(line);
            QVERIFY2(at > previous, qPrintable(line + " missing or out of order"));
            previous = at;
        }
        QVERIFY(previous < text.indexOf(QRegularExpression("^G = NeuronGroup\\(.*")));
    }

    // -- the plot, and the script run as a program ----------------------------------------

    void theScriptRunsAsAProgramAndPlots() {
        if (!brian_ || !pythonCan("import matplotlib"))
            QSKIP("python3-brian or python3-matplotlib is not installed");
        // Every kind of panel: spikes, rate, traces of a synapse variable, several variables.
        const QString script = dir_.filePath("program/plot.py");
        QDir().mkpath(dir_.filePath("program"));
        const CliResult exported =
            exportModel({kSource + "/tests/reference/models/constant_over_dt_two_clocks.json", "-o",
                         script, "--duration", "5*ms"});
        QCOMPARE(exported.exitCode, 0);
        const CliResult ran = runPython({"-c", "import runpy, matplotlib.pyplot as plt\n"
                                               "plt.show = lambda: plt.savefig('plot.png')\n"
                                               "runpy.run_path('plot.py', run_name='__main__')\n"},
                                        dir_.filePath("program"));
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY(QFileInfo(dir_.filePath("program/plot.png")).size() > 10000);
    }

    // -- devices ------------------------------------------------------------------------------

    void cppStandaloneScriptRunsUnderBrian2() {
        if (!brian_)
            QSKIP("python3-brian is not installed");
        // Deterministic (no random numbers): the standalone device's own generator does not matter.
        const QString model = kSource + "/tests/reference/models/lif_exact.json";
        const QString folder = dir_.filePath("standalone");
        QDir().mkpath(folder);
        const QString script = folder + "/lif.py";
        QCOMPARE(exportModel({model, "-o", script, "--device", "cpp_standalone"}).exitCode, 0);
        QVERIFY(readText(script).contains(
            "\nset_device('cpp_standalone', directory='lif_cpp_standalone')\n"));
        const CliResult brian = runPython(
            {kSource + "/tests/brian2_export/run_scripts.py", folder + "/brian2", script}, folder);
        QVERIFY2(brian.exitCode == 0, qPrintable(brian.err));
        QVERIFY2(!QFile::exists(folder + "/brian2/lif/error.txt"),
                 qPrintable(readText(folder + "/brian2/lif/error.txt")));
        QVERIFY(QFile::exists(folder + "/lif_cpp_standalone/main.cpp")); // it was C++
        const CliResult ours = runCli({"run", model, "--csv", folder + "/ours", "--tier", "tcc"});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.err));
        compareOutputs(folder + "/ours", folder + "/brian2/lif", 1e-4, "cpp_standalone");
    }

    void gpuDevicesGetTheLinesTheirPackagesDocument_data() {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("cuda_standalone")
            << "cuda_standalone"
            << QStringList{"from brian2 import *", "import brian2cuda",
                           "set_device(\"cuda_standalone\", directory='cuba_cuda_standalone')"};
        QTest::newRow("genn") << "genn"
                              << QStringList{"from brian2 import *", "import brian2genn",
                                             "set_device('genn', directory='cuba_genn', "
                                             "use_GPU=True)"};
    }

    void gpuDevicesGetTheLinesTheirPackagesDocument() {
        QFETCH(QString, device);
        QFETCH(QStringList, lines);
        const QString script = dir_.filePath("gpu-" + device + "/cuba.py");
        QDir().mkpath(QFileInfo(script).path());
        const CliResult result = exportModel(
            {kSource + "/resources/examples/cuba.json", "-o", script, "--device", device});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.contains("for the " + device + " device"));
        const QStringList text = readText(script).split('\n');
        qsizetype previous = -1; // the lines, in this order, before any object is made
        for (const QString& line : lines) {
            const qsizetype at = text.indexOf(line);
            QVERIFY2(at > previous, qPrintable(line + " missing or out of order"));
            previous = at;
        }
        QVERIFY(previous < text.indexOf(QRegularExpression("^P = NeuronGroup\\(.*")));
        QVERIFY(!text.contains("prefs.codegen.target = 'numpy'"));
        // Valid Python, compiled without Brian2 or the device's package.
        const CliResult compiled = runPython(
            {"-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')", script});
        QVERIFY2(compiled.exitCode == 0, qPrintable(compiled.err));
    }

    void gennNotesWhatItCannotRun() {
        const QString script = dir_.filePath("genn-notes.py");
        const CliResult chain =
            exportModel({kSource + "/tests/reference/models/synapses_chain_delays.json", "-o",
                         script, "--device", "genn"});
        QCOMPARE(chain.exitCode, 0);
        QVERIFY2(chain.err.contains("note: 'feed' has a different delay per synapse, which "
                                    "brian2genn does not support"),
                 qPrintable(chain.err));
        QVERIFY(!chain.err.contains("'link' has a different delay")); // one delay: constructor
        QVERIFY(readText(script).contains("delay=2.25*ms, name='link')"));
        QVERIFY(chain.err.contains("note: brian2genn runs the synapses before the groups"));
        const CliResult arrays =
            exportModel({kSource + "/tests/reference/models/inputs_timed_arrays.json", "-o", script,
                         "--device", "genn"});
        QVERIFY2(arrays.err.contains("brian2genn supports TimedArrays only in run_regularly"),
                 qPrintable(arrays.err));
        const CliResult runtime = exportModel(
            {kSource + "/tests/reference/models/synapses_chain_delays.json", "-o", script});
        QVERIFY(runtime.err.isEmpty());
    }

    // -- projects and runs --------------------------------------------------------------------

    void exportsTheModelAStoredRunUsed() {
        const QString project = dir_.filePath("runs.spikestudio");
        const QString model = kSource + "/tests/reference/models/lif_exact.json";
        QCOMPARE(runCli({"run", model, "--db", project, "--duration", "20*ms", "--seed", "9",
                         "--tier", "tcc"})
                     .exitCode,
                 0);
        const QString script = dir_.filePath("run1.py");
        const CliResult result = exportModel({project, "--run", "1", "-o", script});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.contains("exported " + project + ", run 1 as a Brian2 script"));
        const QString text = readText(script);
        QVERIFY2(text.contains("\nseed(9)\n") && text.contains("\nrun(0.02*second)\n"),
                 qPrintable(text));
        const CliResult current = exportModel({project, "-o", script}); // the project's model
        QVERIFY2(current.exitCode == 0, qPrintable(current.err));
        QVERIFY(readText(script).contains("\nseed(1)\n") &&
                readText(script).contains("\nrun(100*ms)\n"));
        const CliResult overridden =
            exportModel({project, "--run", "1", "-o", script, "--seed", "4"});
        QCOMPARE(overridden.exitCode, 0);
        QVERIFY(readText(script).contains("\nseed(4)\n"));
    }

    // -- bad input ----------------------------------------------------------------------------

    void refusesWhatCannotBeExported() {
        const QString script = dir_.filePath("bad/out.py");
        QDir().mkpath(dir_.filePath("bad"));
        const QString cuba = kSource + "/resources/examples/cuba.json";
        const QString unitError = write(
            "bad/units.json",
            R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "1*ms",
                "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                            "equations": "dv/dt = -v : volt"}]})");
        expectFailure(exportModel({unitError, "-o", script}), script,
                      {"'G', field 'equations'", "DimensionMismatchError"});
        const QString spikeEvent = write(
            "bad/event.json",
            R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "1*ms",
                "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                            "equations": "dv/dt = -v/ms : 1",
                            "events": [{"name": "spike", "condition": "v > 1"}]}]})");
        expectFailure(exportModel({spikeEvent, "-o", script}), script,
                      {"'G', field 'events[0].name'", "'spike' is the event"});
        const QString slice = write(
            "bad/slice.json",
            R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "1*ms",
                "groups": [{"name": "G", "type": "NeuronGroup", "N": 2, "equations": "v : 1",
                            "run_regularly": [{"code": "v = 1", "subgroup": "Gx"}]}]})");
        expectFailure(
            exportModel({slice, "-o", script}), script,
            {"'G', field 'run_regularly[0].subgroup'", "'Gx' is not one of the subgroups"});
        const QString typo = write("bad/typo.json", R"({"format": "spikestudio-model",
            "version": 1, "duration": "1*ms", "treshold": 1})");
        expectFailure(exportModel({typo, "-o", script}), script, {"unknown field 'treshold'"});
        const QString mixed = write(
            "bad/pathways.json",
            R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "1*ms",
                "groups": [{"name": "G", "type": "NeuronGroup", "N": 2, "equations": "v : 1",
                            "threshold": "v > 1"}],
                "synapses": [{"name": "S", "source": "G", "target": "G", "on_pre": "v += 1",
                              "pathways": [{"name": "up", "direction": "pre",
                                            "code": "v -= 1"}]}]})");
        expectFailure(exportModel({mixed, "-o", script}), script,
                      {"'S', field 'pathways[0].direction'", "cannot be combined"});
        expectFailure(exportModel({dir_.filePath("bad/missing.json"), "-o", script}), script,
                      {"missing.json"});
        expectFailure(exportModel({cuba, "-o", script, "--device", "tpu"}), script,
                      {"--device", "unknown device 'tpu'", "cuda_standalone, genn"});
        expectFailure(exportModel({cuba, "-o", dir_.filePath("no-such-folder/out.py")}), "",
                      {"-o", "does not exist"});
        expectFailure(exportModel({cuba, "-o", dir_.filePath("bad")}), "", {"is a folder"});
        const QString copy = dir_.filePath("bad/copy.json");
        QFile::copy(cuba, copy);
        expectFailure(exportModel({copy, "-o", copy}), "", {"would replace the model"});
        const CliResult noOutput = exportModel({cuba}); // misuse: the message, then the usage
        QCOMPARE(noOutput.exitCode, 1);
        QVERIFY(noOutput.err.startsWith("error: export-brian2 needs -o SCRIPT.py\nusage:"));
        expectFailure(exportModel({cuba, "-o", script, "--run", "1"}), script,
                      {"--run", "is a model file"});
        expectFailure(exportModel({cuba, "-o", script, "--seed", "-3"}), script, {"--seed"});
        expectFailure(exportModel({cuba, "-o", script, "--duration", "5*mV"}), script,
                      {"duration"});
    }

    void refusesRunsAProjectDoesNotHave() {
        const QString project = dir_.filePath("empty.spikestudio");
        const QString model = kSource + "/tests/reference/models/lif_exact.json";
        QCOMPARE(
            runCli({"run", model, "--db", project, "--duration", "1*ms", "--tier", "tcc"}).exitCode,
            0);
        const QString script = dir_.filePath("norun.py");
        expectFailure(exportModel({project, "--run", "7", "-o", script}), script,
                      {"there is no run 7"});
        expectFailure(exportModel({project, "--run", "x", "-o", script}), script,
                      {"--run needs a run number"});
    }

    void explainsAMissingPython() {
        const QString script = dir_.filePath("nopython.py");
        qputenv("SPIKESTUDIO_PYTHON", dir_.filePath("no-python").toUtf8());
        const CliResult result =
            exportModel({kSource + "/resources/examples/cuba.json", "-o", script});
        qunsetenv("SPIKESTUDIO_PYTHON");
        expectFailure(result, script, {"cannot start", "the Brian2 exporter", "Python 3"});
    }

    void namesAndDescriptionsStayText() {
        const QString name = QString::fromUtf8(
            "He said \"hi\" ''' \\n \"\"\"\nimport os; os.system('touch MARKER') # \\\\ \xc3\xa9");
        QJsonObject model = readJson(kSource + "/tests/reference/models/lif_exact.json");
        model["name"] = name;
        model["description"] = name + "\n\nsecond paragraph \\";
        const QString path = write("quotes/model.json", QJsonDocument(model).toJson());
        const QString script = dir_.filePath("quotes/quotes.py");
        const CliResult result = exportModel({path, "-o", script, "--duration", "5*ms"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        // Valid Python whose docstring holds the name and description as they are.
        const CliResult docstring = runPython(
            {"-c",
             "import ast, sys; tree = ast.parse(open(sys.argv[1], encoding='utf-8').read());"
             "sys.stdout.buffer.write(ast.get_docstring(tree, clean=False).encode())",
             script});
        QVERIFY2(docstring.exitCode == 0, qPrintable(docstring.err));
        QVERIFY(docstring.out.startsWith(name + "\n\n" + name + "\n"));
        QVERIFY(docstring.out.contains("second paragraph \\"));
        if (!brian_)
            return;
        const CliResult ran = runPython(
            {kSource + "/tests/brian2_export/run_scripts.py", dir_.filePath("quotes/out"), script},
            dir_.filePath("quotes"));
        QVERIFY2(ran.exitCode == 0 && !QFile::exists(dir_.filePath("quotes/out/quotes/error.txt")),
                 qPrintable(ran.err + readText(dir_.filePath("quotes/out/quotes/error.txt"))));
        QVERIFY(QFile::exists(dir_.filePath("quotes/out/quotes/spikes.csv")));
        QVERIFY(!QFile::exists(dir_.filePath("quotes/MARKER")));
    }

    void namesThatShadowTheScriptsOwnStayApart() {
        // A constant called run, and a group called like a constant: Brian2 must still run.
        const QString path = write("shadow/model.json", R"json({"format": "spikestudio-model",
            "version": 1, "dt": "0.1*ms", "duration": "5*ms", "seed": 3,
            "constants": {"run": "10*ms", "seed": "2", "tau": "run*seed"},
            "groups": [{"name": "eqs", "type": "NeuronGroup", "N": 3,
                        "equations": "dv/dt = (1.5 - v)/tau : 1\nw : 1",
                        "threshold": "v > 1", "reset": "v = 0",
                        "initial": {"v": "rand()"}}],
            "monitors": [{"name": "figure", "type": "SpikeMonitor", "source": "eqs"},
                         {"name": "axes", "type": "StateMonitor", "source": "eqs",
                          "variables": ["v"], "record": [0]}]})json");
        const QString script = dir_.filePath("shadow/shadow.py");
        const CliResult result = exportModel({path, "-o", script});
        if (result.exitCode != 0 && result.err.contains("'run'")) // Spike Studio refuses the name
            QSKIP("Spike Studio's checker refuses a constant called run");
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString text = readText(script);
        QVERIFY2(text.contains("import brian2 as _brian2\n") &&
                     text.contains("\n_brian2.run(5*ms)\n") && text.contains("\n_brian2.seed(3)\n"),
                 qPrintable(text));
        QVERIFY2(text.contains("\neqs_ = '"
                               "''\n") &&
                     text.contains("\neqs = NeuronGroup(3, eqs_, ") &&
                     text.contains("\nfigure_ = SpikeMonitor(eqs, name='figure')\n"),
                 qPrintable(text));
        if (!brian_)
            return;
        const CliResult ran = runPython(
            {kSource + "/tests/brian2_export/run_scripts.py", dir_.filePath("shadow/out"), script});
        QVERIFY2(!QFile::exists(dir_.filePath("shadow/out/shadow/error.txt")),
                 qPrintable(readText(dir_.filePath("shadow/out/shadow/error.txt")) + ran.err));
        QVERIFY(QFile::exists(dir_.filePath("shadow/out/shadow/axes.csv")));
    }

    // -- the exporter module on its own (no Spike Studio check before it) ---------------------

    void exporterRefusesPythonHiddenInExpressions_data() {
        QTest::addColumn<QString>("constant");
        QTest::addColumn<QString>("message");
        QTest::newRow("call") << "__import__('os').system('touch MARKER')"
                              << "cannot be computed before the run";
        QTest::newRow("attribute") << "ms.__class__"
                                   << "Attribute is not part";
        QTest::newRow("string") << "'a' * 3"
                                << "only numbers may appear";
        QTest::newRow("lambda") << "(lambda: 1)()"
                                << "cannot be computed before the run";
        QTest::newRow("subscript") << "[1][0]"
                                   << "is not part";
        QTest::newRow("keyword") << "exp(x=1)"
                                 << "positional arguments only";
        QTest::newRow("underscore") << "_hidden"
                                    << "is not a name";
        QTest::newRow("later constant") << "b"
                                        << "before it is defined";
        QTest::newRow("power tower") << "2**2**40"
                                     << "integer power too large";
        QTest::newRow("huge integer") << "(10**60)**20"
                                      << "integer too large";
        QTest::newRow("division by zero") << "7 // 0"
                                          << "division by zero";
        QTest::newRow("two statements") << "1; import os"
                                        << "syntax error";
    }

    void exporterRefusesPythonHiddenInExpressions() {
        QFETCH(QString, constant);
        QFETCH(QString, message);
        QJsonObject model = readJson(kSource + "/tests/reference/models/lif_exact.json");
        QJsonObject constants = model["constants"].toObject();
        constants.insert("a", constant);
        constants.insert("b", "1");
        model["constants"] = constants;
        const QString path = write("module/model.json", QJsonDocument(model).toJson());
        const QString script = dir_.filePath("module/out.py");
        const CliResult result = runPython(
            {"-B", "-m", "brian2spikestudio.exporter", path, "-o", script}, kSource + "/python");
        expectFailure(result, script, {"'constants', field 'a'", message});
        QVERIFY(!QFile::exists(kSource + "/python/MARKER"));
    }

    void exporterWritesExpressionsWithoutTheirComments() {
        // A comment in a fixed value would hide the rest of its line in the script.
        QJsonObject model = readJson(kSource + "/tests/reference/models/lif_exact.json");
        QJsonArray groups = model["groups"].toArray();
        QJsonObject group = groups[0].toObject();
        group["refractory"] = "5*ms # , name='other'";
        groups[0] = group;
        model["groups"] = groups;
        const QString path = write("module/comment.json", QJsonDocument(model).toJson());
        const QString script = dir_.filePath("module/comment.py");
        const CliResult result = runPython(
            {"-B", "-m", "brian2spikestudio.exporter", path, "-o", script}, kSource + "/python");
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString text = readText(script);
        QVERIFY2(text.contains("refractory=5 * ms,") && !text.contains("name='other'"),
                 qPrintable(text));
    }

    void exporterModuleRefusesBadArguments() {
        const QString model = kSource + "/tests/reference/models/lif_exact.json";
        const QString script = dir_.filePath("module/args.py");
        const auto exporter = [&](const QStringList& arguments) {
            return runPython(QStringList{"-B", "-m", "brian2spikestudio.exporter"} + arguments,
                             kSource + "/python");
        };
        expectFailure(exporter({model, "-o", script, "--device", "gpu"}), script,
                      {"--device", "unknown device 'gpu'"});
        expectFailure(exporter({model, "-o", script, "--seed", "4294967296"}), script, {"--seed"});
        expectFailure(exporter({model, "-o", model}), "", {"would replace the model"});
        expectFailure(exporter({model}), script, {"-o"});
        const QString notJson = write("module/not.json", "{\"format\": ");
        expectFailure(exporter({notJson, "-o", script}), script, {"invalid JSON"});
    }

    void knownUnitsAreBrian2s() {
        if (!brian_)
            QSKIP("python3-brian is not installed");
        const CliResult result = runPython(
            {"-B", "-c",
             "import sys, brian2\n"
             "sys.path.insert(0, sys.argv[1])\n"
             "from brian2spikestudio.export.expressions import KNOWN_UNITS\n"
             "namespace = {}\n"
             "exec('from brian2 import *', namespace)\n"
             "missing = sorted(n for n in KNOWN_UNITS if not isinstance(namespace.get(n), "
             "brian2.Unit))\n"
             "sys.exit(' '.join(missing) or None)\n",
             kSource + "/python"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestExportBrian2)
#include "tst_export_brian2.moc"
