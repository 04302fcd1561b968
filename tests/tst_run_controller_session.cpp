// The command line and the desktop app run a model through the same
// RunSession: for the same model and seed they store the same run (every row
// of runs, monitors, monitor_columns and chunks but ids, dates and times), and
// both store how long the build and the simulation took.
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "run/RunController.h"
#include "storage/Project.h"
#include "storage/SqlStatement.h"
#include "support/CliRunner.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

const char* const kModel = R"({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "30*ms", "seed": 11,
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 40,
    "equations": "dv/dt = (1.1 - v)/(10*ms) + 0.4*xi/sqrt(ms) : 1",
    "threshold": "v > 1", "reset": "v = 0", "refractory": "1*ms"}],
  "synapses": [{"name": "S", "source": "G", "target": "G", "on_pre": "v += 0.02",
    "connect": {"p": 0.1}}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"},
    {"name": "trace", "type": "StateMonitor", "source": "G", "variables": ["v"],
     "record": [0, 7], "dt": "0.5*ms"},
    {"name": "rate", "type": "PopulationRateMonitor", "source": "G"}]
})";

/// Every row of `sql` as text, columns joined by '|'.
QStringList rows(Project& project, const char* sql) {
    SqlStatement select = project.database().prepare(sql);
    QStringList all;
    while (select.step()) {
        QStringList columns;
        for (int c = 0; c < select.columnCount(); ++c)
            columns << QString::fromStdString(select.columnText(c));
        all << columns.join('|');
    }
    return all;
}

/// What a stored run is, whoever stored it: settings, outcome, monitors and results.
QStringList storedRun(const QString& path) {
    Project project(path.toStdString(), ProjectAccess::ReadOnly);
    QStringList all;
    all << rows(project, "SELECT duration, dt, seed, model_json, status, message, simulated_time, "
                         "build_ms IS NOT NULL AND build_ms > 0, "
                         "simulate_ms IS NOT NULL AND simulate_ms > 0 FROM runs");
    all << rows(project, "SELECT position, name, type, source, source_size, dt FROM monitors "
                         "ORDER BY id");
    all << rows(project, "SELECT m.name, c.position, variable, element, unit, dimension FROM "
                         "monitor_columns c JOIN monitors m ON m.id = c.monitor_id "
                         "ORDER BY m.id, c.position");
    all << rows(project, "SELECT m.name, first, count, format, hex(data) FROM chunks c JOIN "
                         "monitors m ON m.id = c.monitor_id ORDER BY m.id, first");
    return all;
}

} // namespace

class TestRunControllerSession : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("cache").toUtf8());
    }

    void bothCallersStoreTheSameRun() {
        // The model text both store: the GUI writes its model out, so the CLI reads that text.
        const std::string text = writeModelJson(readModel(kModel));
        const QString modelPath = dir_.filePath("model.json");
        QFile file(modelPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.data(), static_cast<qint64>(text.size()));
        file.close();

        const QString cliProject = dir_.filePath("cli.spikestudio");
        const CliResult cli = runCli({"run", modelPath, "--db", cliProject, "--tier", "tcc"});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QVERIFY2(cli.out.contains("stored as run 1 in"), qPrintable(cli.out));

        const QString guiProject = dir_.filePath("gui.spikestudio");
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(readModel(kModel), {}, guiProject.toStdString()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        controller.wait();
        QCOMPARE(controller.state(), RunController::State::Finished);
        QCOMPARE(controller.storedRunId(), std::int64_t(1));

        const QStringList fromCli = storedRun(cliProject);
        const QStringList fromGui = storedRun(guiProject);
        QVERIFY(fromCli.size() > 5);
        QVERIFY2(fromCli.front().endsWith("|finished||0.03|1|1"), qPrintable(fromCli.front()));
        QCOMPARE(fromGui, fromCli);
    }
};

QTEST_MAIN(TestRunControllerSession)
#include "tst_run_controller_session.moc"
