// The command line as a user meets it: good runs, and bad input of every kind
// refused with exit status 1 and one clear message, never a crash, never a
// CSV written as if complete. Includes attempts to inject C through every
// text field of a model.
#include "support/CliRunner.h"
#include "support/SvgFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    using Result = CliResult;

    QString writeModel(const QString& name, const QByteArray& content) {
        const QString path = dir_.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return path;
    }

    /// A valid LIF model; `edit` changes one part of it.
    static QJsonObject lifModel() {
        return QJsonDocument::fromJson(R"({
          "format": "spikestudio-model", "version": 1, "name": "lif",
          "dt": "0.1*ms", "duration": "20*ms", "seed": 1,
          "constants": {"tau": "10*ms", "Vt": "-50*mV", "Vr": "-70*mV"},
          "groups": [{"name": "G", "type": "NeuronGroup", "N": 5,
            "equations": "dv/dt = (Vr - v + I)/tau : volt\nI : volt",
            "threshold": "v > Vt", "reset": "v = Vr", "refractory": "2*ms",
            "initial": {"v": "Vr", "I": "30*mV"}}],
          "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"},
            {"name": "trace", "type": "StateMonitor", "source": "G", "variables": ["v"], "record": [0]}]
        })")
            .object();
    }

    static QJsonObject withGroupField(const QString& field, const QJsonValue& value) {
        QJsonObject model = lifModel();
        QJsonArray groups = model["groups"].toArray();
        QJsonObject group = groups[0].toObject();
        group[field] = value;
        groups[0] = group;
        model["groups"] = groups;
        return model;
    }

private slots:
    void runWritesCsvAndSummary() {
        const QString model = writeModel("good.json", QJsonDocument(lifModel()).toJson());
        const QString out = dir_.filePath("good-out");
        const Result result = runCli({"run", model, "--csv", out});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("spikes G (spikes): "));
        QVERIFY(result.out.contains("compile"));
        QVERIFY(QFile::exists(out + "/spikes.csv"));
        QVERIFY(QFile::exists(out + "/trace.csv"));
        QFile trace(out + "/trace.csv");
        trace.open(QIODevice::ReadOnly);
        QCOMPARE(trace.readLine().trimmed(), QByteArray("t [s],v[0] [V]"));
    }

    void durationAndSeedOptions() {
        const QString model = writeModel("good2.json", QJsonDocument(lifModel()).toJson());
        const Result result = runCli({"run", model, "--duration", "5*ms", "--seed", "7"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("50 steps, seed 7"));
        QCOMPARE(runCli({"run", model, "--seed", "-3"}).exitCode, 1);
        QCOMPARE(runCli({"run", model, "--duration", "5*mV"}).exitCode, 1);
        QCOMPARE(runCli({"run", model, "--bogus"}).exitCode, 1);
    }

    /// `--profile`: one line per operation that ran (200 steps each here),
    /// and the rest of the simulation time; none without the option.
    void profileListsWhereTheTimeWent() {
        const QString model = writeModel("profiled.json", QJsonDocument(lifModel()).toJson());
        const Result result = runCli({"run", model, "--profile"});
        QCOMPARE(result.exitCode, 0);
        for (const char* line : {"profile G_stateupdater+G_spike_thresholder (G): ",
                                 "profile spikes (spikes): ", "profile trace (trace): "})
            QVERIFY2(result.out.contains(line), line);
        QVERIFY(result.out.contains(", 200 calls, "));
        QVERIFY(result.out.contains("profile rest (scheduler, between steps, timing): "));
        QVERIFY(!runCli({"run", model}).out.contains("profile "));
    }

    void checkVerb() {
        const QString model = writeModel("good3.json", QJsonDocument(lifModel()).toJson());
        const Result result = runCli({"check", model});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("ok"));
    }

    /// Object names follow Brian2's rule (any identifier): an object may be
    /// called `N`, `t`, `_x` or `exp`, which code may not use as names.
    void objectNamesFollowBrian2_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"N", "t", "i", "_x", "exp", "second", "lastspike"})
            QTest::newRow(name) << name;
    }

    void objectNamesFollowBrian2() {
        QFETCH(QString, name);
        QJsonObject model = withGroupField("name", name);
        QJsonArray monitors = model["monitors"].toArray();
        for (qsizetype k = 0; k < monitors.size(); ++k) {
            QJsonObject monitor = monitors[k].toObject();
            monitor["source"] = name;
            monitors[k] = monitor;
        }
        model["monitors"] = monitors;
        const QString path = writeModel("named-" + name + ".json", QJsonDocument(model).toJson());
        const Result result = runCli({"run", path, "--duration", "5*ms", "--tier", "tcc"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains("spikes " + name + " (spikes): "), qPrintable(result.out));
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        auto json = [](const QJsonObject& o) { return QJsonDocument(o).toJson(); };
        QJsonObject model;

        QTest::newRow("not json") << QByteArray("{\"format\": ") << "invalid JSON";
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12) << "invalid JSON";
        QTest::newRow("empty") << QByteArray() << "invalid JSON";
        model = lifModel();
        model["format"] = "something-else";
        QTest::newRow("wrong format") << json(model) << "not a Spike Studio model";
        model = lifModel();
        model["version"] = 2;
        QTest::newRow("newer version") << json(model) << "newer Spike Studio";
        model = lifModel();
        model["treshold"] = 1;
        QTest::newRow("unknown field") << json(model) << "unknown field 'treshold'";
        QTest::newRow("negative N") << json(withGroupField("N", -5)) << "'G', field 'N'";
        QTest::newRow("zero N") << json(withGroupField("N", 0)) << "field 'N'";
        QTest::newRow("string N") << json(withGroupField("N", "many")) << "expected an integer";
        QTest::newRow("huge N") << json(withGroupField("N", 1e15)) << "field 'N'";
        QTest::newRow("missing equations")
            << json(withGroupField("equations", QJsonValue())) << "field 'equations'";
        QTest::newRow("syntax error")
            << json(withGroupField("equations", "dv/dt = (Vr - v + I/tau : volt\nI : volt"))
            << "line 1";
        QTest::newRow("unknown identifier")
            << json(withGroupField("threshold", "v > Vthreshold")) << "unknown identifier";
        QTest::newRow("dimension mismatch")
            << json(withGroupField("threshold", "v > 0")) << "DimensionMismatchError";
        QTest::newRow("threshold not boolean")
            << json(withGroupField("threshold", "v")) << "must be a boolean";
        QTest::newRow("reset unit")
            << json(withGroupField("reset", "v = 0")) << "DimensionMismatchError";
        QTest::newRow("reset unknown variable")
            << json(withGroupField("reset", "w = Vr")) << "not a variable";
        QTest::newRow("refractory unit")
            << json(withGroupField("refractory", "2*mV")) << "time or a boolean";
        QTest::newRow("unknown method")
            << json(withGroupField("method", "magic")) << "unknown integration method";
        QTest::newRow("inapplicable method")
            << json(withGroupField("equations", "dv/dt = (Vr - v + I)/tau + xi*mV/sqrt(tau) : "
                                                "volt\nI : volt"))
                   .replace("\"refractory\"", "\"method\": \"exact\", \"refractory\"")
            << "cannot integrate";
        QTest::newRow("reserved variable")
            << json(withGroupField("equations", "dt : second")) << "reserves";
        QTest::newRow("C keyword variable")
            << json(withGroupField("equations", "dv/dt = -v/tau : volt\nint : 1")) << "reserved";
        QTest::newRow("group name not identifier")
            << json(withGroupField("name", "my group")) << "not a valid name";
        model = lifModel();
        model["monitors"] = QJsonArray{QJsonObject{{"name", "trace"},
                                                   {"type", "StateMonitor"},
                                                   {"source", "G"},
                                                   {"variables", QJsonArray{"v"}},
                                                   {"record", QJsonArray{0, 5}}}};
        QTest::newRow("record out of range") << json(model) << "out of range";
        model["monitors"] =
            QJsonArray{QJsonObject{{"name", "m"}, {"type", "SpikeMonitor"}, {"source", "H"}}};
        QTest::newRow("unknown source") << json(model) << "unknown source 'H'";
        model["monitors"] =
            QJsonArray{QJsonObject{{"name", "G"}, {"type", "SpikeMonitor"}, {"source", "G"}}};
        QTest::newRow("duplicate name") << json(model) << "already called 'G'";
        model = lifModel();
        model["constants"] = QJsonObject{{"tau", "10*ms"}, {"pi", "3"}};
        QTest::newRow("constant shadows built-in") << json(model) << "built-in";
        QTest::newRow("more neurons than memory")
            << json(withGroupField("N", 900000000)) << "9e8 neurons would need";
        model = lifModel();
        model["duration"] = "100000*second";
        model["monitors"] = QJsonArray{QJsonObject{{"name", "trace"},
                                                   {"type", "StateMonitor"},
                                                   {"source", "G"},
                                                   {"variables", QJsonArray{"v", "I"}},
                                                   {"record", true}}};
        QTest::newRow("monitor larger than memory") << json(model) << "'trace', field 'record'";
        model = lifModel();
        model["dt"] = "-0.1*ms";
        QTest::newRow("negative dt") << json(model) << "positive";
    }

    void badInput() {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString model = writeModel("bad.json", content);
        const QString out = dir_.filePath(QString("out-") + QTest::currentDataTag());
        const Result result = runCli({"run", model, "--csv", out});
        QCOMPARE(result.exitCode, 1);
        // One clear line per problem the checker finds, the expected one first.
        const QStringList lines = result.err.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(result.err.count('\n'), lines.size());
        for (const QString& line : lines)
            QVERIFY2(line.startsWith("error: "), qPrintable(result.err));
        QVERIFY2(lines.first().contains(message), qPrintable(result.err));
        QVERIFY(!QFile::exists(out));
    }

    void missingFile() {
        const Result result = runCli({"run", dir_.filePath("does-not-exist.json")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("cannot open"));
    }

    // Every text field reaches the compiler only as a parsed, resolved tree;
    // these must all be refused before code generation, and nothing runs.
    void injectionIsRefused_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        const QString marker = dir_.filePath("pwned");
        const QString call = "system(\"touch " + marker + "\")";
        QTest::newRow("threshold") << "threshold"
                                   << "v > Vt); " + call + "; (1";
        QTest::newRow("threshold comment") << "threshold"
                                           << "v > Vt /* */ " + call;
        QTest::newRow("reset") << "reset"
                               << "v = Vr; " + call;
        QTest::newRow("reset brace") << "reset"
                                     << "v = Vr }\nint main() { " + call + "; {";
        QTest::newRow("equation name") << "equations"
                                       << "dv/dt = -v/tau : volt\nI : volt\n"
                                          "x;system : 1";
        QTest::newRow("function call") << "threshold" << call;
        QTest::newRow("builtin") << "threshold"
                                 << "__builtin_trap() > 0";
        QTest::newRow("refractory") << "refractory"
                                    << "2*ms; " + call;
        QTest::newRow("name") << "name"
                              << "G; " + call;
        QTest::newRow("method") << "method"
                                << "exact\"; " + call;
    }

    void injectionIsRefused() {
        QFETCH(QString, field);
        QFETCH(QString, text);
        const QString model =
            writeModel("inject.json", QJsonDocument(withGroupField(field, text)).toJson());
        const Result result = runCli({"run", model});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith("error: "), qPrintable(result.err));
        QVERIFY(!QFile::exists(dir_.filePath("pwned")));
    }

    // '#' starts a comment in Brian2's language: such text is accepted, and
    // dropped before anything is generated.
    void commentsNeverReachTheCompiler() {
        QJsonObject model = withGroupField(
            "equations", "dv/dt = (Vr - v + I)/tau : volt # x\n#include <stdlib.h>\nI : volt");
        QJsonArray groups = model["groups"].toArray();
        QJsonObject group = groups[0].toObject();
        group["reset"] = "v = Vr\n#define X system(\"true\")";
        groups[0] = group;
        model["groups"] = groups;
        const QString path = writeModel("comments.json", QJsonDocument(model).toJson());
        const Result result = runCli({"run", path, "--show-kernels"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("spikestudio_kernel"));
        QVERIFY(!result.out.contains("#include"));
        QVERIFY(!result.out.contains("#define"));
        QVERIFY(!result.out.contains("system"));
        QVERIFY(!result.out.contains("stdlib"));
    }

    // Synaptic code, connect rules and delays are text too.
    void injectionThroughSynapsesIsRefused_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        const QString call = "system(\"touch " + dir_.filePath("pwned") + "\")";
        QTest::newRow("on_pre") << "on_pre"
                                << "v += 1*mV; " + call;
        QTest::newRow("on_post brace") << "on_post"
                                       << "v = Vr }\nint main() { " + call + "; {";
        QTest::newRow("model") << "model"
                               << "w : 1\nx;system : 1";
        QTest::newRow("delay") << "delay"
                               << "1*ms); " + call + "; (1";
        QTest::newRow("name") << "name"
                              << "S; " + call;
    }

    void injectionThroughSynapsesIsRefused() {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QJsonObject synapses{
            {"name", "S"}, {"source", "G"}, {"target", "G"}, {"on_pre", "v += 1*mV"}};
        synapses[field] = text;
        QJsonObject model = lifModel();
        model["synapses"] = QJsonArray{synapses};
        const QString path = writeModel("inject_synapses.json", QJsonDocument(model).toJson());
        const Result result = runCli({"run", path});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith("error: "), qPrintable(result.err));
        QVERIFY2(result.err.count('\n') == 1, qPrintable(result.err));
        QVERIFY(!QFile::exists(dir_.filePath("pwned")));
    }

    // TimedArray and PoissonInput fields are text too; values must be numbers.
    void injectionThroughInputsIsRefused_data() {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        const QString call = "system(\"touch " + dir_.filePath("pwned") + "\")";
        QTest::newRow("nothing injected") << "timed_arrays"
                                          << ""
                                          << "";
        QTest::newRow("timed array name") << "timed_arrays"
                                          << "name"
                                          << "ta; " + call;
        QTest::newRow("timed array unit") << "timed_arrays"
                                          << "unit"
                                          << "mV); " + call + "; (1";
        QTest::newRow("timed array dt") << "timed_arrays"
                                        << "dt"
                                        << "1*ms; " + call;
        QTest::newRow("poisson weight") << "poisson_inputs"
                                        << "weight"
                                        << "1*mV; " + call;
        QTest::newRow("poisson weight brace") << "poisson_inputs"
                                              << "weight"
                                              << "1*mV }\nint main() { " + call + "; {";
        QTest::newRow("poisson rate") << "poisson_inputs"
                                      << "rate"
                                      << "5*Hz); " + call + "; (1";
        QTest::newRow("poisson variable") << "poisson_inputs"
                                          << "variable"
                                          << "v; " + call;
        QTest::newRow("poisson name") << "poisson_inputs"
                                      << "name"
                                      << "p; " + call;
    }

    void injectionThroughInputsIsRefused() {
        QFETCH(QString, object);
        QFETCH(QString, field);
        QFETCH(QString, text);
        QJsonObject timed{
            {"name", "ta"}, {"dt", "1*ms"}, {"unit", "mV"}, {"values", QJsonArray{1, 2, 3}}};
        QJsonObject input{{"name", "p"}, {"target", "G"},  {"variable", "v"},
                          {"N", 10},     {"rate", "5*Hz"}, {"weight", "0.1*mV"}};
        if (!field.isEmpty())
            (object == "timed_arrays" ? timed : input)[field] = text;
        QJsonObject model = lifModel();
        model["timed_arrays"] = QJsonArray{timed};
        model["poisson_inputs"] = QJsonArray{input};
        const QString path = writeModel("inject_inputs.json", QJsonDocument(model).toJson());
        const Result result = runCli({"run", path});
        if (field.isEmpty()) { // the untouched model runs: the refusals above are the text's
            QCOMPARE(result.exitCode, 0);
            return;
        }
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith("error: "), qPrintable(result.err));
        QVERIFY(!QFile::exists(dir_.filePath("pwned")));
    }

    // A blow-up stops the run with the variable and group named; the results
    // up to it are kept (they show how it happened) and the run counts as failed.
    void aRunThatBlowsUpStopsWithAMessage_data() {
        QTest::addColumn<QString>("equations");
        QTest::addColumn<QString>("expected");
        QTest::newRow("infinity") << "dv/dt = v**2/ms : 1"
                                  << "'G', variable 'v': became +inf (neuron ";
        QTest::newRow("NaN") << "dv/dt = (v**2 - inf*v)/ms : 1"
                             << "'G', variable 'v': became NaN (neuron 0)";
    }

private:
    /// G's v, integrated with euler from 0.1*(i + 1), recorded for 20 ms.
    QString blowUpModel(const QString& equations) {
        QJsonObject model = withGroupField("equations", equations);
        QJsonArray groups = model["groups"].toArray();
        QJsonObject group = groups[0].toObject();
        for (const char* key : {"threshold", "reset", "refractory"})
            group.remove(key);
        group["method"] = "euler";
        group["initial"] = QJsonObject{{"v", "0.1*(i + 1)"}};
        groups[0] = group;
        model["groups"] = groups;
        model["monitors"] = QJsonArray{QJsonObject{{"name", "trace"},
                                                   {"type", "StateMonitor"},
                                                   {"source", "G"},
                                                   {"variables", QJsonArray{"v"}},
                                                   {"record", true}}};
        return writeModel("blowup.json", QJsonDocument(model).toJson());
    }

    static int dataRows(const QString& csv) {
        QFile file(csv);
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) - 1 : -1;
    }

private slots:

    void aRunThatBlowsUpStopsWithAMessage() {
        QFETCH(QString, equations);
        QFETCH(QString, expected);
        const QString path = blowUpModel(equations);
        const QString out = dir_.filePath("blowup-out");
        const QString project = dir_.filePath("blowup.spikestudio");
        const Result result = runCli({"run", path, "--csv", out, "--db", project});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith("error: " + expected), qPrintable(result.err));
        QVERIFY2(result.err.contains("the run stopped there"), qPrintable(result.err));
        const int rows = dataRows(out + "/trace.csv");
        QVERIFY2(rows > 0 && rows < 200, qPrintable(QString::number(rows))); // 20 ms would be 200
        const Result runs = runCli({"runs", project});
        QVERIFY2(runs.out.contains("failed") && runs.out.contains(expected), qPrintable(runs.out));
    }

    // `--allow-nan`: Brian2's behaviour, for scripts run through the Brian2 device.
    void aRunAllowedToBlowUpGoesOnAndWarns_data() { aRunThatBlowsUpStopsWithAMessage_data(); }

    void aRunAllowedToBlowUpGoesOnAndWarns() {
        QFETCH(QString, equations);
        QFETCH(QString, expected);
        const QString out = dir_.filePath("allowed-out");
        const Result result = runCli({"run", blowUpModel(equations), "--csv", out, "--allow-nan"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.startsWith("warning: " + expected), qPrintable(result.err));
        QVERIFY2(result.err.contains("by t = 20 ms; the run went on"), qPrintable(result.err));
        QCOMPARE(dataRows(out + "/trace.csv"), 200);
    }

    // `--plot` renders raster, rate and traces without a display.
    void plotIsRenderedHeadless_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("png") << "cuba.png" << QByteArray("\x89PNG");
        QTest::newRow("pdf") << "cuba.pdf" << QByteArray("%PDF");
    }

    void plotIsRenderedHeadless() {
        QFETCH(QString, file);
        QFETCH(QByteArray, magic);
        const QString path = dir_.filePath(file);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove("DISPLAY");
        environment.remove("QT_QPA_PLATFORM");
        process.setProcessEnvironment(environment);
        process.start(SPIKESTUDIO_CLI,
                      {"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json", "--duration",
                       "100*ms", "--plot", path});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QFile figure(path);
        QVERIFY(figure.open(QIODevice::ReadOnly));
        QVERIFY(figure.read(magic.size()) == magic);
        QVERIFY2(figure.size() > 20000, qPrintable(QString::number(figure.size())));
    }

    // An SVG plot is a vector drawing: well-formed XML, one circle per spike.
    void plotIsDrawnAsSvg() {
        const QString path = dir_.filePath("cuba.svg");
        const Result result = runCli({"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json",
                                      "--duration", "100*ms", "--seed", "4", "--plot", path});
        QCOMPARE(result.exitCode, 0);
        const QRegularExpressionMatch spikes =
            QRegularExpression("spikes P \\(spikes\\): (\\d+)").match(result.out);
        QVERIFY2(spikes.hasMatch(), qPrintable(result.out));
        const SvgFile svg = SvgFile::read(path);
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QCOMPARE(svg.root, QString("svg"));
        QCOMPARE(svg.elements.value("circle"), spikes.captured(1).toInt());
        QVERIFY(svg.elements.value("polyline") >= 4); // the rate and three traces
        QVERIFY(svg.elements.value("text") > 10);
    }

    void badPlotFilesAreRefused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown format")
            << dir_.filePath("plot.txt") << "must end in .png, .jpg, .pdf or .svg (not 'plot.txt')";
        QTest::newRow("missing directory")
            << dir_.filePath("no/such/dir/plot.png") << "cannot write";
        QTest::newRow("missing directory, svg")
            << dir_.filePath("no/such/dir/plot.svg") << "cannot write";
    }

    void badPlotFilesAreRefused() {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const QString model = writeModel("plot.json", QJsonDocument(lifModel()).toJson());
        const Result result = runCli({"run", model, "--plot", file});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("field '--plot'") && result.err.contains(message),
                 qPrintable(result.err));
    }

    void synapsesRunFromTheCommandLine() {
        const Result result = runCli({"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json",
                                      "--duration", "50*ms", "--csv", dir_.filePath("cuba")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("synapses Ce: P -> P, 255699 synapses"),
                 qPrintable(result.out));
        QVERIFY(QFile::exists(dir_.filePath("cuba/spikes.csv")));
    }

    void injectionThroughConstantNames() {
        QJsonObject model = lifModel();
        QJsonObject constants = model["constants"].toObject();
        constants["x; system(\"true\")"] = "1";
        model["constants"] = constants;
        const QString path = writeModel("inject2.json", QJsonDocument(model).toJson());
        const Result result = runCli({"run", path});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("not a valid name"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
