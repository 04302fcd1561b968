// One place (core/model/Seed) says which seeds are good: the model file's
// "seed", `spikestudio run --seed`, the run view's Seed box and the
// inspector's seed field refuse the same texts in the same words, and take
// the same good ones.
#include "diagnostics/ModelError.h"
#include "document/ModelFields.h"
#include "model/ModelReader.h"
#include "model/Seed.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "support/CliRunner.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

const char* const kModel = R"({"format": "spikestudio-model", "version": 1,
    "dt": "0.1*ms", "duration": "1*ms",
    "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                "equations": "dv/dt = -v/(10*ms) : 1"}]})";

template <typename T> T* child(QWidget& parent, const char* name) {
    T* widget = parent.findChild<T*>(name);
    if (!widget)
        qFatal("no widget called %s", name);
    return widget;
}

} // namespace

class TestGuiSeed : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString modelPath_;
    const QString problem_ = QString::fromStdString(Seed::problem());

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("cache").toUtf8());
        modelPath_ = dir_.filePath("model.json");
        QFile file(modelPath_);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kModel);
    }

    void goodSeeds_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("zero") << "0" << 0u;
        QTest::newRow("largest") << "4294967295" << 4294967295u;
        QTest::newRow("spaces around") << " 42 " << 42u;
    }

    void goodSeeds() {
        QFETCH(QString, text);
        QFETCH(quint32, seed);
        QCOMPARE(Seed::parse(text.toStdString()), std::optional<std::uint32_t>(seed));
        const CliResult cli = runCli({"run", modelPath_, "--seed", text, "--tier", "tcc"});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QVERIFY2(cli.out.contains(QString("seed %1)").arg(seed)), qPrintable(cli.out));
        Model model;
        QVERIFY(ModelFields::write(model, ObjectRef{}, "seed", text));
        QCOMPARE(model.seed, std::optional<std::uint32_t>(seed));
    }

    void badSeeds_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("negative") << "-4";
        QTest::newRow("too large") << "4294967296";
        QTest::newRow("far too large") << "99999999999999999999999";
        QTest::newRow("not a number") << "4x";
        QTest::newRow("hexadecimal") << "0x10";
        QTest::newRow("exponent") << "1e3";
        QTest::newRow("sign") << "+5";
        QTest::newRow("spaces inside") << "4 2";
    }

    void badSeeds() {
        QFETCH(QString, text);
        QVERIFY(!Seed::parse(text.toStdString()));

        const CliResult cli = runCli({"run", modelPath_, "--seed", text});
        QCOMPARE(cli.exitCode, 1);
        QCOMPARE(cli.err.trimmed(), "error: 'command line', field '--seed': " + problem_);

        RunView view([] { return std::optional<Model>(readModel(kModel)); });
        child<QLineEdit>(view, "runSeed")->setText(text);
        QTest::mouseClick(child<QPushButton>(view, "runButton"), Qt::LeftButton);
        QCOMPARE(view.controller().state(), RunController::State::Idle);
        QVERIFY2(child<QLabel>(view, "runStatus")->text().contains(problem_),
                 qPrintable(child<QLabel>(view, "runStatus")->text()));

        Model model;
        model.seed = 9;
        QVERIFY(!ModelFields::write(model, ObjectRef{}, "seed", text));
        QCOMPARE(model.seed, std::optional<std::uint32_t>(9));
        QVERIFY(ModelFields::valueProblem(model, ObjectRef{}, "seed", text).startsWith(problem_));
    }

    void theModelFileRefusesAnOutOfRangeSeedInTheSameWords() {
        for (const char* seed : {"-4", "4294967296"}) {
            const std::string json = std::string(R"({"format": "spikestudio-model", "version": 1,
                "seed": )") + seed + "}";
            try {
                readModel(json);
                QFAIL("the seed was taken");
            } catch (const ModelError& error) {
                QCOMPARE(error.where().field, std::string("seed"));
                QCOMPARE(QString::fromStdString(error.problem()), problem_);
            }
        }
    }
};

QTEST_MAIN(TestGuiSeed)
#include "tst_gui_seed.moc"
