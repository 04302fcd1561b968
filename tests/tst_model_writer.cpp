// ModelWriter: every bundled and reference model survives read -> write -> read
// unchanged, field by field, and writing is stable (write(read(write)) == write).
#include "diagnostics/ModelError.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

/// Collects the names of fields that differ between two models.
class ModelDifferences {
public:
    QStringList between(const Model& a, const Model& b) {
        same("name", a.name, b.name);
        same("description", a.description, b.description);
        same("dt", a.dt, b.dt);
        same("duration", a.duration, b.duration);
        same("seed", a.seed, b.seed);
        same("constants", a.constants, b.constants);
        eachOf("timed_arrays", a.timedArrays, b.timedArrays, &ModelDifferences::timedArray);
        eachOf("groups", a.groups, b.groups, &ModelDifferences::group);
        eachOf("synapses", a.synapses, b.synapses, &ModelDifferences::synapses);
        eachOf("poisson_inputs", a.poissonInputs, b.poissonInputs, &ModelDifferences::input);
        eachOf("monitors", a.monitors, b.monitors, &ModelDifferences::monitor);
        return differences_;
    }

private:
    QStringList differences_;

    template <typename T> void same(const QString& field, const T& a, const T& b) {
        if (!(a == b))
            differences_ << field;
    }

    template <typename Spec>
    void eachOf(const QString& field, const std::vector<Spec>& a, const std::vector<Spec>& b,
                void (ModelDifferences::*compare)(const QString&, const Spec&, const Spec&)) {
        same(field + ".size", a.size(), b.size());
        for (size_t k = 0; k < std::min(a.size(), b.size()); ++k)
            (this->*compare)(field + "[" + QString::number(k) + "].", a[k], b[k]);
    }

    void timedArray(const QString& at, const TimedArraySpec& a, const TimedArraySpec& b) {
        same(at + "name", a.name, b.name);
        same(at + "dt", a.dt, b.dt);
        same(at + "unit", a.unit, b.unit);
        same(at + "values", a.values, b.values);
        same(at + "rows", a.rows, b.rows);
        same(at + "columns", a.columns, b.columns);
    }

    void group(const QString& at, const GroupSpec& a, const GroupSpec& b) {
        same(at + "name", a.name, b.name);
        same(at + "type", a.type, b.type);
        same(at + "N", a.size, b.size);
        same(at + "equations", a.equations, b.equations);
        same(at + "threshold", a.threshold, b.threshold);
        same(at + "reset", a.reset, b.reset);
        same(at + "refractory", a.refractory, b.refractory);
        same(at + "method", a.method, b.method);
        same(at + "dt", a.dt, b.dt);
        same(at + "initial", a.initial, b.initial);
        same(at + "rates", a.rates, b.rates);
        same(at + "indices", a.spikeIndices, b.spikeIndices);
        same(at + "times", a.spikeTimes, b.spikeTimes);
        same(at + "period", a.period, b.period);
    }

    void synapses(const QString& at, const SynapsesSpec& a, const SynapsesSpec& b) {
        same(at + "name", a.name, b.name);
        same(at + "source", a.source, b.source);
        same(at + "target", a.target, b.target);
        same(at + "model", a.model, b.model);
        same(at + "on_pre", a.onPre, b.onPre);
        same(at + "on_post", a.onPost, b.onPost);
        same(at + "connect.form", a.connect.form, b.connect.form);
        same(at + "connect.condition", a.connect.condition, b.connect.condition);
        same(at + "connect.p", a.connect.p, b.connect.p);
        same(at + "connect.n", a.connect.n, b.connect.n);
        same(at + "connect.i", a.connect.i, b.connect.i);
        same(at + "connect.j", a.connect.j, b.connect.j);
        same(at + "connect.generator", a.connect.generator, b.connect.generator);
        same(at + "connect.skip_if_invalid", a.connect.skipIfInvalid, b.connect.skipIfInvalid);
        same(at + "connect calls", a.laterConnects.size(), b.laterConnects.size());
        for (size_t k = 0; k < std::min(a.laterConnects.size(), b.laterConnects.size()); ++k) {
            const ConnectSpec& x = a.laterConnects[k];
            const ConnectSpec& y = b.laterConnects[k];
            const QString call = at + QString("connect[%1].").arg(k + 1);
            same(call + "form", x.form, y.form);
            same(call + "i", x.i, y.i);
            same(call + "j", x.j, y.j);
            same(call + "generator", x.generator, y.generator);
            same(call + "skip_if_invalid", x.skipIfInvalid, y.skipIfInvalid);
        }
        same(at + "multisynaptic_index", a.multisynapticIndex, b.multisynapticIndex);
        same(at + "delay", a.delay, b.delay);
        same(at + "method", a.method, b.method);
        same(at + "dt", a.dt, b.dt);
        same(at + "initial", a.initial, b.initial);
    }

    void input(const QString& at, const PoissonInputSpec& a, const PoissonInputSpec& b) {
        same(at + "name", a.name, b.name);
        same(at + "target", a.target, b.target);
        same(at + "variable", a.variable, b.variable);
        same(at + "N", a.count, b.count);
        same(at + "rate", a.rate, b.rate);
        same(at + "weight", a.weight, b.weight);
    }

    void monitor(const QString& at, const MonitorSpec& a, const MonitorSpec& b) {
        same(at + "name", a.name, b.name);
        same(at + "type", a.type, b.type);
        same(at + "source", a.source, b.source);
        same(at + "variables", a.variables, b.variables);
        same(at + "recordAll", a.recordAll, b.recordAll);
        same(at + "record", a.record, b.record);
        same(at + "dt", a.dt, b.dt);
    }
};

QStringList modelFiles() {
    QStringList files;
    for (const char* folder : {"/resources/examples", "/tests/reference/models"}) {
        const QDir dir(QStringLiteral(SPIKESTUDIO_SOURCE_DIR) + folder);
        for (const QString& name : dir.entryList({"*.json"}, QDir::Files, QDir::Name))
            files << dir.filePath(name);
    }
    return files;
}

/// A model that uses every field and every connect form.
Model everyFieldModel() {
    Model model;
    model.name = "all \"fields\"";
    model.description = "line one\nline two";
    model.duration = "5*ms";
    model.seed = 4294967295u;
    model.constants = {{"tau", "10*ms"}, {"a", "2*tau"}};
    model.timedArrays = {{"flat", "1*ms", "nA", {0, 0.5, 1e-300}, 3, 0},
                         {"table", "0.5*ms", "", {1, 2, 3, 4, 5, 6}, 3, 2}};
    GroupSpec neurons{"G",       GroupType::NeuronGroup,
                      3,         "dv/dt = -v/tau : 1",
                      "v > 1",   "v = 0",
                      "2*ms",    "euler",
                      "0.05*ms", {{"v", "rand()"}},
                      {},        "",
                      {},        {},
                      ""};
    GroupSpec poisson{"noise", GroupType::PoissonGroup, 10, "", "", "", "", "", "", {},
                      {},      "5*Hz + i*Hz",           {}, {}, ""};
    GroupSpec generator{"gen",  GroupType::SpikeGeneratorGroup,
                        2,      "",
                        "",     "",
                        "",     "",
                        "",     {},
                        {},     "",
                        {0, 1}, {"1*ms", "2*ms"},
                        "10*ms"};
    model.groups = {neurons, poisson, generator};
    SynapsesSpec rule{"S1",
                      "noise",
                      "G",
                      "w : 1",
                      "v += w",
                      "w += 0.1",
                      {ConnectSpec::Form::Rule, "i != j", "0.5", "2", {}, {}, "", true},
                      {{ConnectSpec::Form::Arrays, "", "", "", {1}, {0}, ""},
                       {ConnectSpec::Form::Generator, "", "", "", {}, {}, "i", true}},
                      "k",
                      "1*ms",
                      {},
                      "euler",
                      "0.1*ms",
                      {{"w", "0.5"}}};
    SynapsesSpec arrays{"S2",
                        "gen",
                        "G",
                        "",
                        "v += 1",
                        "",
                        {ConnectSpec::Form::Arrays, "", "0.9", "", {0, 1}, {2, 0}, ""},
                        {},
                        "",
                        "",
                        {},
                        "",
                        "",
                        {}};
    SynapsesSpec generated{
        "S3",
        "G",
        "G",
        "",
        "",
        "",
        {ConnectSpec::Form::Generator, "", "", "3", {}, {}, "k for k in range(i)"},
        {},
        "",
        "",
        {},
        "",
        "",
        {}};
    model.synapses = {rule, arrays, generated};
    model.poissonInputs = {{"background", "G", "v", 100, "5*Hz", "0.01"}};
    model.monitors = {{"spikes", MonitorType::Spike, "G", {}, false, {}, ""},
                      {"all", MonitorType::State, "G", {"v"}, true, {}, "1*ms"},
                      {"some", MonitorType::State, "S1", {"w"}, false, {0, 2}, ""},
                      {"none", MonitorType::State, "G", {"v"}, false, {}, ""},
                      {"rate", MonitorType::PopulationRate, "G", {}, false, {}, ""}};
    return model;
}

} // namespace

class TestModelWriter : public QObject {
    Q_OBJECT

private slots:
    void roundTripsBundledModels_data() {
        QTest::addColumn<QString>("path");
        const QStringList files = modelFiles();
        QVERIFY(files.size() >= 10);
        for (const QString& file : files)
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
    }

    void roundTripsBundledModels() {
        QFETCH(QString, path);
        const Model read = readModelFile(path.toStdString());
        const std::string written = writeModelJson(read);
        const Model reread = readModel(written);
        const QStringList differences = ModelDifferences().between(read, reread);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(", ")));
        QCOMPARE(QString::fromStdString(writeModelJson(reread)), QString::fromStdString(written));
    }

    void roundTripsEveryField() {
        const Model model = everyFieldModel();
        const std::string written = writeModelJson(model);
        const Model reread = readModel(written);
        const QStringList differences = ModelDifferences().between(model, reread);
        QVERIFY2(differences.isEmpty(),
                 qPrintable(differences.join(", ") + "\n" + written.c_str()));
        QCOMPARE(QString::fromStdString(writeModelJson(reread)), QString::fromStdString(written));
    }

    void keepsExpressionsAsStrings() {
        const Model model = readModel(R"({"format": "spikestudio-model", "version": 1,
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 1, "equations": "v : 1",
                        "refractory": "5"}],
            "synapses": [{"name": "S", "source": "G", "target": "G", "connect": {"p": "0.5"}}]})");
        const QString written = QString::fromStdString(writeModelJson(model));
        QVERIFY(written.contains(R"("refractory": "5")"));
        QVERIFY(written.contains(R"("p": "0.5")"));
        QVERIFY(written.contains(R"("N": 1)"));
    }

    // A plain JSON number becomes the shortest text that reads back as the same double:
    // 0.05, not 0.050000000000000003 (what the canvas and the inspector show).
    void readsPlainNumbersAsTheirShortestText() {
        const Model model = readModel(R"({"format": "spikestudio-model", "version": 1,
            "constants": {"a": 0.05, "b": 1e-05, "c": 3, "d": 0.1},
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 1, "equations": "v : 1"}],
            "synapses": [{"name": "S", "source": "G", "target": "G", "connect": {"p": 0.05}}]})");
        QCOMPARE(QString::fromStdString(model.synapses[0].connect.p), QString("0.05"));
        QStringList texts;
        for (const auto& [name, text] : model.constants)
            texts << QString::fromStdString(text);
        QCOMPARE(texts, QStringList({"0.05", "1e-05", "3", "0.1"}));
        QCOMPARE(std::stod(model.constants[0].second), 0.05);
    }

    void leavesUnusedExtensionsOut() {
        Model model;
        const QString written = QString::fromStdString(writeModelJson(model));
        QVERIFY(!written.contains("timed_arrays"));
        QVERIFY(!written.contains("poisson_inputs"));
        QVERIFY(!written.contains("seed"));
        QVERIFY(written.startsWith("{\n  \"format\": \"spikestudio-model\",\n  \"version\": 1,"));
    }

    void keepsListsOnOneLine() {
        const QString written = QString::fromStdString(writeModelJson(everyFieldModel()));
        QVERIFY(written.contains(R"("i": [0, 1])"));
        QVERIFY(written.contains("[1.0, 2.0],\n") && written.contains("\"values\": [\n"));
    }

    void writesFilesWhole() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("model.json").toStdString();
        writeModelFile(everyFieldModel(), path);
        const Model reread = readModelFile(path);
        QVERIFY(ModelDifferences().between(everyFieldModel(), reread).isEmpty());
        QVERIFY(!QFile::exists(dir.filePath("model.json.writing")));
        QVERIFY_THROWS_EXCEPTION(ModelError,
                                 writeModelFile(everyFieldModel(), "/nonexistent/dir/model.json"));
    }
};

QTEST_GUILESS_MAIN(TestModelWriter)
#include "tst_model_writer.moc"
