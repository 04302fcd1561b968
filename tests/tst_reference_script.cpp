// tests/reference/brian_ref.py, the script that makes the Brian2 reference data:
// it still reproduces the committed CSVs (byte for byte, or to 1e-12 where
// numpy's CPU-dependent exp rounds otherwise) for models covering what
// it builds itself (TimedArrays, PoissonInputs, spike generators, array and
// generator connects, delays, synaptic state, a refractory condition, a protocol
// changing values, constants and active between its segments); it agrees
// with Spike Studio on what no reference model uses (a spike generator's
// period, `n` and `p` with connect arrays, --duration and --seed); and it
// refuses bad input with one line naming object and field, exit status 1 and
// no CSV, never running model text as Python. Skipped where /usr/bin/python3
// cannot import brian2 (python3-brian is optional).
#include "support/CliRunner.h"
#include "support/CsvTable.h"
#include "support/FileTree.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestReferenceScript : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    static QString referenceDir() {
        return QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/tests/reference");
    }

    /// Runs /usr/bin/python3 with HOME in the test's own directory, so Brian2
    /// writes nothing into the developer's home.
    CliResult runPython(const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("HOME", dir_.filePath("home"));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(dir_.path()); // where injected code would leave MARKER
        process.start("/usr/bin/python3", arguments);
        process.waitForFinished(-1);
        CliResult result;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    CliResult runScript(const QStringList& arguments) {
        return runPython(QStringList{referenceDir() + "/brian_ref.py"} + arguments);
    }

    QString writeFile(const QString& name, const QByteArray& content) {
        const QString path = dir_.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return path;
    }

    /// A model using what the reference models do not: a spike generator
    /// repeating with a period, `n` synapses per pair and `p` with connect arrays.
    static QByteArray periodAndMultiplicityModel() {
        return R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
          "duration": "30*ms", "seed": 5, "constants": {"tau": "5*ms"},
          "groups": [
            {"name": "clock", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0, 1],
             "times": ["1*ms", "2.5*ms"], "period": "4*ms"},
            {"name": "cells", "type": "NeuronGroup", "N": 3, "method": "exact",
             "equations": "dv/dt = -v/tau : 1", "threshold": "v > 1", "reset": "v = 0"}],
          "synapses": [
            {"name": "twice", "source": "clock", "target": "cells", "model": "w : 1",
             "on_pre": "v += w", "connect": {"i": [0, 1, 1], "j": [0, 1, 2], "n": 2},
             "initial": {"w": "0.3 + 0.1*j"}},
            {"name": "some", "source": "clock", "target": "cells", "on_pre": "v += 0.45",
             "connect": {"i": [0, 0, 1, 1], "j": [1, 2, 0, 2], "p": 0.5}}],
          "monitors": [
            {"name": "input", "type": "SpikeMonitor", "source": "clock"},
            {"name": "spikes", "type": "SpikeMonitor", "source": "cells"},
            {"name": "trace", "type": "StateMonitor", "source": "cells", "variables": ["v"]},
            {"name": "rate", "type": "PopulationRateMonitor", "source": "cells"}]})j";
    }

    static void compareTables(const QString& ours, const QString& brian) {
        const CsvTable a = CsvTable::read(ours), b = CsvTable::read(brian);
        QCOMPARE(a.header, b.header);
        QCOMPARE(a.rows.size(), b.rows.size());
        for (int r = 0; r < a.rows.size(); ++r)
            for (int c = 0; c < a.header.size(); ++c)
                QVERIFY2(std::abs(a.rows[r][c] - b.rows[r][c]) <=
                             1e-12 * std::max(1.0, std::abs(b.rows[r][c])),
                         qPrintable(QString("%1, row %2, column %3: %4 against Brian2's %5")
                                        .arg(ours)
                                        .arg(r)
                                        .arg(a.header[c])
                                        .arg(a.rows[r][c])
                                        .arg(b.rows[r][c])));
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QDir(dir_.path()).mkpath("home");
        if (!QFile::exists("/usr/bin/python3") || runPython({"-c", "import brian2"}).exitCode != 0)
            QSKIP("/usr/bin/python3 cannot import brian2 (install python3-brian)");
    }

    void reproducesCommittedReferences_data() {
        QTest::addColumn<QString>("model");
        for (const char* model :
             {"inputs_timed_arrays", "inputs_poisson_input", "synapses_chain_delays",
              "synapses_pre_before_post", "lif_default_method", "subgroups_cuba",
              "synapses_on_synapses", "protocol_segments"})
            QTest::newRow(model) << QString(model);
    }

    void reproducesCommittedReferences() {
        QFETCH(QString, model);
        const QString out = dir_.filePath("reference-" + model);
        const CliResult result = runScript({referenceDir() + "/models/" + model + ".json", out});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const auto committed = filesOf(referenceDir() + "/brian2/" + model);
        QVERIFY(!committed.isEmpty());
        QCOMPARE(filesOf(out).keys(), committed.keys());
        // Byte for byte on the machine that made them; elsewhere to the last
        // bits only: numpy picks its exp and log by the CPU (AVX512F or AVX2),
        // which round differently in the last bit.
        for (const QString& name : committed.keys())
            if (filesOf(out)[name] != committed[name])
                compareTables(out + "/" + name, referenceDir() + "/brian2/" + model + "/" + name);
    }

    void agreesWithSpikeStudioOnPeriodAndMultiplicity() {
        const QString model = writeFile("period.json", periodAndMultiplicityModel());
        const QStringList overrides{"--duration", "12*ms", "--seed", "7"};
        const QString brian = dir_.filePath("period-brian");
        const QString ours = dir_.filePath("period-ours");
        const CliResult script = runScript(QStringList{model, brian} + overrides);
        QVERIFY2(script.exitCode == 0, qPrintable(script.err));
        const CliResult cli = runCli(QStringList{"run", model, "--csv", ours} + overrides);
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        // 12 ms of a 4 ms period: each of the two inputs fires three times.
        QCOMPARE(CsvTable::read(brian + "/input.csv").rows.size(), 6);
        QCOMPARE(CsvTable::read(brian + "/trace.csv").rows.size(), 120);
        QVERIFY(!CsvTable::read(brian + "/spikes.csv").rows.isEmpty());
        QCOMPARE(filesOf(ours).keys(), filesOf(brian).keys());
        for (const QString& name : filesOf(brian).keys())
            compareTables(ours + "/" + name, brian + "/" + name);
    }

    void seedChangesTheRandomDraws() {
        const QString model = writeFile("seeded.json", periodAndMultiplicityModel());
        const QString first = dir_.filePath("seed-7"), second = dir_.filePath("seed-8");
        QCOMPARE(runScript({model, first, "--duration", "12*ms", "--seed", "7"}).exitCode, 0);
        QCOMPARE(runScript({model, second, "--duration", "12*ms", "--seed", "8"}).exitCode, 0);
        QVERIFY(filesOf(first)["trace.csv"] != filesOf(second)["trace.csv"]);
    }

    void refusesBadInput_data() {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<QString>("message");
        const QByteArray group = R"j("groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
            "method": "euler", "equations": "dv/dt = -v/(10*ms) : 1"}])j";
        const auto model = [](const QByteArray& rest) {
            return R"j({"format": "spikestudio-model", "version": 1, "duration": "1*ms")j" + rest +
                   "}";
        };
        QTest::newRow("not JSON") << QByteArray(R"j({"format": )j") << "invalid JSON at line 1";
        QTest::newRow("a JSON array") << QByteArray("[1, 2]") << "'model': expected a JSON object";
        QTest::newRow("NaN") << model(R"j(, "dt": NaN)j") << "NaN is not a JSON number";
        QTest::newRow("duplicate key")
            << model(R"j(, "duration": "2*ms")j") << "duplicate key 'duration'";
        QTest::newRow("format tag") << QByteArray(R"j({"format": "brian", "version": 1})j")
                                    << "'model', field 'format': not a Spike Studio model";
        QTest::newRow("newer version")
            << QByteArray(R"j({"format": "spikestudio-model", "version": 2})j")
            << "'model', field 'version': this model was written by a newer Spike Studio";
        QTest::newRow("unknown field") << model(R"j(, "treshold": "v > 1")j")
                                       << "'model', field 'treshold': unknown field 'treshold'";
        QTest::newRow("group size")
            << model(R"j(, "groups": [{"name": "G", "type": "NeuronGroup", "N": 0,
                "equations": "dv/dt = -v/ms : 1"}])j")
            << "'G', field 'N': expected an integer from 1";
        QTest::newRow("group type")
            << model(R"j(, "groups": [{"name": "G", "type": "NeuronGroups", "N": 1}])j")
            << "'G', field 'type': unknown group type 'NeuronGroups'";
        QTest::newRow("monitor source")
            << model(", " + group + R"j(, "monitors": [{"name": "m", "type": "SpikeMonitor",
                "source": "H"}])j")
            << "'m', field 'source': unknown source 'H'";
        QTest::newRow("path in a monitor name")
            << model(", " + group + R"j(, "monitors": [{"name": "../escaped",
                "type": "SpikeMonitor", "source": "G"}])j")
            << "'../escaped', field 'name': '../escaped' is not a valid name";
        QTest::newRow("arrays of different length")
            << model(", " + group + R"j(, "synapses": [{"name": "S", "source": "G",
                "target": "G", "connect": {"i": [0, 1], "j": [0]}}])j")
            << "'S', field 'connect.j': 'i' and 'j' must have the same length (2 and 1)";
        QTest::newRow("Python in a constant")
            << model(R"j(, "constants": {"a": "__import__('os').system('touch MARKER')"})j")
            << "'constants', field 'a': 'Call' is not allowed";
        QTest::newRow("attribute in a constant")
            << model(R"j(, "constants": {"a": "(1).__class__"})j")
            << "'constants', field 'a': 'Attribute' is not allowed";
        QTest::newRow("huge power") << model(R"j(, "constants": {"a": "9**9**9**9"})j")
                                    << "'constants', field 'a': cannot evaluate '9**9**9**9'";
        QTest::newRow("units that do not add")
            << model(R"j(, "constants": {"a": "1*mV + 1*ms"})j")
            << "'constants', field 'a': cannot evaluate '1*mV + 1*ms': DimensionMismatchError";
        QTest::newRow("dt not a time")
            << model(R"j(, "dt": "0.1*mV")j") << "'model', field 'dt': '0.1*mV' must be a time";
        // Refused by Brian2 itself: the message still names object and field.
        QTest::newRow("Python in an initial value")
            << model(R"j(, "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                "method": "euler", "equations": "dv/dt = -v/(10*ms) : 1",
                "initial": {"v": "__import__('os').system('touch MARKER')"}}])j")
            << "'G', field 'initial.v': Brian2 refused it";
        QTest::newRow("seed entry with another field")
            << model(R"j(, "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                "equations": "dv/dt = -v/(10*ms) : 1", "initial": [{"seed": 3, "variable": "v"}]}])j")
            << "'G', field 'initial[0].variable': unknown field 'variable' in a seed entry";
        QTest::newRow("seed out of range")
            << model(R"j(, "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                "equations": "dv/dt = -v/(10*ms) : 1", "initial": [{"seed": 4294967296}]}])j")
            << "'G', field 'initial[0].seed': the seed must be a whole number from 0 to 4294967295";
        QTest::newRow("StateMonitor without variables")
            << model(", " + group + R"j(, "monitors": [{"name": "m", "type": "StateMonitor",
                "source": "G"}])j")
            << "'m', field 'variables': missing field 'variables'";
        // New spikes between segments (Brian2's set_spikes()).
        const auto protocol = [](const QByteArray& segments) {
            return R"j({"format": "spikestudio-model", "version": 1, "groups": [
                {"name": "G", "type": "NeuronGroup", "N": 2, "equations": "dv/dt = -v/(10*ms) : 1"},
                {"name": "SG", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0],
                 "times": ["1*ms"]}], "protocol": )j" +
                   segments + "}";
        };
        QTest::newRow("spikes of a NeuronGroup")
            << protocol(R"j([{"duration": "1*ms"}, {"duration": "1*ms", "set": [{"object": "G",
                "indices": [0], "times": ["1.5*ms"]}]}])j")
            << "'model', field 'protocol[1].set[0].object': 'G' is not a SpikeGeneratorGroup";
        QTest::newRow("spikes in the first segment")
            << protocol(R"j([{"duration": "1*ms", "set": [{"object": "SG", "indices": [0],
                "times": ["0.5*ms"]}]}])j")
            << "'model', field 'protocol[0].set[0]': the first segment sets no spikes";
        QTest::newRow("spikes repeating from mid-period")
            << protocol(R"j([{"duration": "10*ms"}, {"duration": "10*ms", "set": [{"object": "SG",
                "indices": [1], "times": ["1*ms"], "period": "3*ms"}]}])j")
            << "'SG', field 'protocol[1].set[0].period': the new spikes repeat every 0.003 s from "
               "the segment's start at 0.01 s, which must be a whole number of periods";
        QTest::newRow("unknown recorded variable")
            << model(", " + group + R"j(, "monitors": [{"name": "m", "type": "StateMonitor",
                "source": "G", "variables": ["w"]}])j")
            << "'m', field 'variables': Brian2 refused it";
    }

    void refusesBadInput() {
        QFETCH(QByteArray, model);
        QFETCH(QString, message);
        const QString path = writeFile("bad.json", model);
        const QString out = dir_.filePath("bad-out");
        QDir(out).removeRecursively();
        const CliResult result = runScript({path, out});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith("brian_ref.py: " + path + ": "), qPrintable(result.err));
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QCOMPARE(result.err.trimmed().count('\n'), 0);
        QVERIFY2(filesOf(out).isEmpty(), "no CSV may be written for a refused model");
        QVERIFY2(!QFile::exists(dir_.filePath("MARKER")), "model text ran as Python");
    }

    void refusesBadArguments() {
        const QString model = referenceDir() + "/models/lif_exact.json";
        for (const QStringList& arguments :
             {QStringList{model}, QStringList{model, dir_.filePath("x"), "--seed", "-1"},
              QStringList{model, dir_.filePath("x"), "--target", "fortran"},
              QStringList{dir_.filePath("missing.json"), dir_.filePath("x")}}) {
            const CliResult result = runScript(arguments);
            QVERIFY2(result.exitCode == 1, qPrintable(arguments.join(' ')));
            QVERIFY2(!result.err.isEmpty(), qPrintable(arguments.join(' ')));
            QVERIFY(filesOf(dir_.filePath("x")).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestReferenceScript)
#include "tst_reference_script.moc"
