// The checker reports every problem it finds, in order, the first first: a
// model with three independent mistakes gets three diagnostics, through
// checkModel and through `spikestudio check` (one line each, exit 1); what
// follows from a problem (a threshold of equations that fail, synapses onto a
// broken group) is not reported again.
#include "diagnostics/ModelProblems.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "support/CliRunner.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

/// A model whose groups are `groups` (JSON objects), with `rest` appended.
std::string model(const std::string& groups, const std::string& rest = "") {
    return R"({"format": "spikestudio-model", "version": 1, "duration": "1*ms", "groups": [)" +
           groups + "]" + rest + "}";
}

const std::string kGood = R"({"name": "G", "type": "NeuronGroup", "N": 2,
    "equations": "dv/dt = -v/(10*ms) : volt", "threshold": "v > 1*mV"})";

/// Three mistakes in three places: a threshold in the wrong unit, equations
/// that do not parse, a monitor of an unknown group.
const std::string kThreeMistakes =
    model(R"({"name": "A", "type": "NeuronGroup", "N": 2,
                "equations": "dv/dt = -v/(10*ms) : volt", "threshold": "v > 1*ms"},
             {"name": "B", "type": "NeuronGroup", "N": 2, "equations": "dv/dt = -v/(10*ms) : foo",
                "threshold": "v > 1"},)" +
              kGood,
          R"(, "monitors": [{"name": "m", "type": "SpikeMonitor", "source": "H"}])");

/// Every problem checking `text` finds, as "object/field", and the first message.
QStringList problemsOf(const std::string& text, QString* first = nullptr) {
    QStringList found;
    try {
        checkModel(readModel(text));
    } catch (const ModelProblems& problems) {
        for (const ModelError& error : problems.all())
            found << QString::fromStdString(error.where().object + "/" + error.where().field);
        if (first)
            *first = QString::fromUtf8(problems.what());
    } catch (const ModelError& error) { // a single problem must come as ModelProblems too
        found << "not ModelProblems: " + QString::fromUtf8(error.what());
    }
    return found;
}

} // namespace

class CheckProblemsTest : public QObject {
    Q_OBJECT

private slots:
    void threeIndependentMistakesGiveThreeDiagnosticsInOrder() {
        QString first;
        QCOMPARE(problemsOf(kThreeMistakes, &first),
                 QStringList({"A/threshold", "B/equations", "m/source"}));
        QVERIFY2(first.startsWith("'A', field 'threshold'"), qPrintable(first));
    }

    void aValidModelHasNone() { QCOMPARE(problemsOf(model(kGood)), QStringList()); }

    /// Past its equations, each field of a group is checked on its own.
    void everyFieldOfAGroupIsChecked() {
        const std::string text = model(R"({"name": "A", "type": "NeuronGroup", "N": 2,
            "equations": "dv/dt = -v/(10*ms) : volt", "threshold": "v > 1*ms",
            "reset": "v = 1*second", "initial": {"v": "3*mV", "w": "1"}})");
        QCOMPARE(problemsOf(text), QStringList({"A/threshold", "A/reset", "A/initial.w"}));
    }

    /// A group whose equations fail: its threshold, and the synapses and
    /// monitors of it, cannot be checked; other objects still are.
    void whatDependsOnABrokenObjectIsNotReportedAgain() {
        const std::string text =
            model(R"({"name": "A", "type": "NeuronGroup", "N": 2, "equations": "dv/dt = : volt",
                      "threshold": "v > 1*ms"},)" +
                      kGood,
                  R"(, "synapses": [{"name": "S", "source": "A", "target": "G", "on_pre": "v += 1"},
                       {"name": "T", "source": "G", "target": "G", "on_pre": "v_post += 1*ms"}],
                     "monitors": [{"name": "m", "type": "SpikeMonitor", "source": "A"},
                                  {"name": "n", "type": "StateMonitor", "source": "S",
                                   "variables": ["w"]}])");
        QCOMPARE(problemsOf(text), QStringList({"A/equations", "T/on_pre"}));
    }

    /// A problem in the constants or the model's dt stops the check there:
    /// everything reads them.
    void aBrokenFoundationStopsTheCheck() {
        const std::string text = model(R"({"name": "A", "type": "NeuronGroup", "N": 2,
            "equations": "dv/dt = : volt"})",
                                       R"(, "constants": {"tau": "1*"})");
        QCOMPARE(problemsOf(text), QStringList({"constants/tau"}));
    }

    void namesAreCheckedAsAWhole() {
        const std::string text = model(kGood + "," + kGood + R"(, {"name": "9x",
            "type": "PoissonGroup", "N": 1, "rates": "1*Hz"})");
        QCOMPARE(problemsOf(text), QStringList({"G/name", "9x/name"}));
    }

    void checkPrintsEveryProblemOnItsOwnLine() {
        QTemporaryDir dir;
        QFile file(dir.filePath("three.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(kThreeMistakes));
        file.close();
        const CliResult result = runCli({"check", file.fileName()});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.out, QString());
        const QStringList lines = result.err.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith("error: 'A', field 'threshold', line 1"),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith("error: 'B', field 'equations'"), qPrintable(lines[1]));
        QCOMPARE(lines[2], QString("error: 'm', field 'source': unknown source 'H'"));
    }
};

QTEST_GUILESS_MAIN(CheckProblemsTest)
#include "tst_check_problems.moc"
