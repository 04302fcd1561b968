// Unit errors in reset and synaptic code point at the token that is wrong and
// say which unit it needs: `ge += 0.5` names '0.5' (line and column) and volt.
#include "diagnostics/ModelError.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"

#include <QtTest>

using namespace spikestudio;

namespace {

Model cubaWith(const std::string& onPre, const std::string& reset) {
    Model model = readModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json");
    model.synapses.front().onPre = onPre;
    model.groups.front().reset = reset;
    return model;
}

/// The error checking `model` raises (the test fails when it checks).
ModelError checkError(const Model& model) {
    try {
        checkModel(model);
    } catch (const ModelError& error) {
        return error;
    }
    return ModelError({}, "no error");
}

} // namespace

class TestUnitDiagnostics : public QObject {
    Q_OBJECT

private slots:
    void incrementsOfTheWrongUnitPointAtTheirValue_data() {
        QTest::addColumn<QString>("onPre");
        QTest::addColumn<QString>("reset");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("on_pre +=") << "ge += 0.5"
                                   << "v = Vr"
                                   << "on_pre" << 1 << 7
                                   << "'0.5' added to 'ge' needs a unit of volt (like 'ge'), "
                                      "but has unit 1";
        QTest::newRow("reset, second line -=")
            << "ge += we"
            << "v = Vr\ngi -= 3*ms"
            << "reset" << 2 << 7
            << "'3 * ms' subtracted from 'gi' needs a unit of volt (like 'gi'), but has unit s";
        QTest::newRow("a sum starts at its first term")
            << "ge += (taue + taui)*2"
            << "v = Vr"
            << "on_pre" << 1 << 8 << "added to 'ge' needs a unit of volt";
        QTest::newRow("plain assignment: the value")
            << "ge = 0.5"
            << "v = Vr"
            << "on_pre" << 1 << 6 << "'0.5' assigned to 'ge'";
    }

    void incrementsOfTheWrongUnitPointAtTheirValue() {
        QFETCH(QString, onPre);
        QFETCH(QString, reset);
        QFETCH(QString, field);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const ModelError error = checkError(cubaWith(onPre.toStdString(), reset.toStdString()));
        QCOMPARE(QString::fromStdString(error.where().field), field);
        QCOMPARE(error.where().line, line);
        QCOMPARE(error.where().column, column);
        QVERIFY2(QString::fromStdString(error.problem()).contains(message), error.what());
        QVERIFY(QString::fromStdString(error.problem()).startsWith("DimensionMismatchError"));
    }

    void aDimensionlessTargetSaysSo() {
        Model model = cubaWith("ge += we", "v = Vr");
        model.groups.front().equations += "\ncount : 1";
        model.groups.front().reset = "v = Vr\ncount += 2*mV";
        const ModelError error = checkError(model);
        QCOMPARE(error.where().line, 2);
        QCOMPARE(error.where().column, 10);
        QVERIFY2(QString::fromStdString(error.problem())
                     .contains("'2 * mV' added to 'count' must be dimensionless"),
                 error.what());
    }

    void incrementsOfTheRightUnitCheck() {
        checkModel(cubaWith("ge += 0.5*mV", "v = Vr\nge -= we"));
    }
};

QTEST_GUILESS_MAIN(TestUnitDiagnostics)
#include "tst_unit_diagnostics.moc"
