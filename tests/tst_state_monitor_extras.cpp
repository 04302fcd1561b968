// A StateMonitor records what its source stores without an equation, as
// Brian2's does: a refractory group's `lastspike` and `not_refractory`, a
// synapse's `lastupdate` (with event-driven equations). Checked against the
// spikes the same run recorded; refused, naming monitor and field, where the
// source has no such variable. A StateMonitor of no variables (Brian2's
// StateMonitor(G, [], record=True)) records the times of its steps alone,
// in the run, the CSV and a project.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "support/CliRunner.h"
#include "support/ModelProblem.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace spikestudio;

namespace {

/// One neuron driven above threshold spikes every few ms; it excites a
/// second through an STDP-like synapse whose trace is event-driven.
std::string model(const std::string& monitors, const std::string& refractory = "2*ms") {
    return R"json({"format": "spikestudio-model", "version": 1, "name": "extras",
  "dt": "0.1*ms", "duration": "20*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 1,
    "equations": "dv/dt = (1.5 - v)/(2*ms) : 1 (unless refractory)",
    "threshold": "v > 1", "reset": "v = 0", "refractory": ")json" +
           refractory + R"json("},
   {"name": "H", "type": "NeuronGroup", "N": 1, "equations": "u : 1"}],
  "synapses": [{"name": "S", "source": "G", "target": "H",
    "model": "dx/dt = -x/(5*ms) : 1 (event-driven)", "on_pre": "x += 1\nu += x",
    "connect": {}}],
  "monitors": [)json" +
           monitors + R"json(, {"name": "spikes", "type": "SpikeMonitor", "source": "G"}]})json";
}

const char* const kMonitors =
    R"({"name": "clock", "type": "StateMonitor", "source": "G",
        "variables": ["lastspike", "not_refractory"], "record": [0]},
       {"name": "update", "type": "StateMonitor", "source": "S", "variables": ["lastupdate"],
        "record": [0]})";

} // namespace

class TestStateMonitorExtras : public QObject {
    Q_OBJECT

private slots:
    /// At every recorded step lastspike is the time of the last spike so far,
    /// not_refractory is 0 exactly within 2 ms after it, and the synapse's
    /// lastupdate is the time its last presynaptic spike arrived.
    void recordsTheStoredClocks() {
        const CheckedModel checked = checkModel(readModel(model(kMonitors)));
        auto network = buildNetwork(checked);
        network->run(checked.duration);
        const std::vector<double>& spikeTimes = network->spikeRecords()[0].times;
        QVERIFY(spikeTimes.size() >= 3);
        const StateRecord& clock = network->stateRecords()[0];
        const StateRecord& update = network->stateRecords()[1];
        QCOMPARE(clock.columns[0].variable, std::string("lastspike"));
        QVERIFY(clock.columns[0].dim == Dimension::second());
        for (size_t row = 0; row < clock.rowCount(); ++row) {
            const double t = clock.times[row];
            double last = -1e4; // Brian2's "never spiked"
            for (double spike : spikeTimes)
                if (spike < t - 1e-12) // the monitor runs before this step's threshold
                    last = spike;
            QCOMPARE(clock.value(row, 0), last);
            // not_refractory was computed in the previous step's state update
            const bool refractory = (t - 1e-4) - last < 2e-3 - 1e-9;
            QCOMPARE(clock.value(row, 1), refractory ? 0.0 : 1.0);
            QCOMPARE(update.value(row, 0), last < 0 ? 0.0 : last);
        }
    }

    void noVariablesRecordsTheTimesAlone() {
        const std::string text =
            model(R"({"name": "times", "type": "StateMonitor", "source": "G", "variables": [],
                      "record": true, "dt": "0.5*ms"})");
        const CheckedModel checked = checkModel(readModel(text));
        auto network = buildNetwork(checked);
        network->run(checked.duration);
        const StateRecord& times = network->stateRecords()[0];
        QVERIFY(times.columns.empty() && times.values.empty());
        QCOMPARE(times.rowCount(), size_t(40));
        QCOMPARE(times.times[3], 1.5e-3);

        QTemporaryDir dir;
        const QString path = dir.filePath("times.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(text));
        file.close();
        const QString project = dir.filePath("p.spikestudio");
        QCOMPARE(runCli({"run", path, "--csv", dir.filePath("csv"), "--db", project}).exitCode, 0);
        QCOMPARE(
            runCli({"export", project, "--run", "1", "--csv", dir.filePath("stored")}).exitCode, 0);
        for (const QString& folder : {"csv", "stored"}) {
            QFile csv(dir.filePath(folder + "/times.csv"));
            QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(folder));
            const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
            QCOMPARE(lines.size(), 41);
            QCOMPARE(lines[0], QByteArray("t [s]"));
            QCOMPARE(lines[4].toDouble(), 1.5e-3);
        }
    }

    void refusedWhereTheSourceHasNone_data() {
        QTest::addColumn<QString>("monitor");
        QTest::addColumn<QString>("refractory");
        QTest::addColumn<QString>("message");
        QTest::newRow("lastspike without refractory")
            << R"({"name": "clock", "type": "StateMonitor", "source": "G",
                  "variables": ["lastspike"]})"
            << ""
            << "'clock', field 'variables': 'lastspike' is not a variable of 'G'";
        QTest::newRow("lastspike of a group without it")
            << R"({"name": "clock", "type": "StateMonitor", "source": "H",
                  "variables": ["not_refractory"]})"
            << "2*ms"
            << "'clock', field 'variables': 'not_refractory' is not a variable of 'H'";
        QTest::newRow("lastupdate of a group")
            << R"({"name": "clock", "type": "StateMonitor", "source": "G",
                  "variables": ["lastupdate"]})"
            << "2*ms"
            << "'clock', field 'variables': 'lastupdate' is not a variable of 'G'";
        QTest::newRow("variables missing")
            << R"({"name": "clock", "type": "StateMonitor", "source": "G"})"
            << "2*ms"
            << "'clock', field 'variables': missing field 'variables'";
        QTest::newRow("variables not names")
            << R"({"name": "clock", "type": "StateMonitor", "source": "G", "variables": [1]})"
            << "2*ms"
            << "'clock', field 'variables': expected a list of variable names";
    }

    void refusedWhereTheSourceHasNone() {
        QFETCH(QString, monitor);
        QFETCH(QString, refractory);
        QFETCH(QString, message);
        std::string text = model(monitor.toStdString(), refractory.toStdString());
        if (refractory.isEmpty()) { // no refractory period, so no flag either
            text.replace(text.find(R"(, "refractory": "")"), 18, "");
            text.replace(text.find(" (unless refractory)"), 20, "");
        }
        const QString problem = QString::fromStdString(problemOf(text));
        QVERIFY2(problem.contains(message), qPrintable(problem));
    }
};

QTEST_APPLESS_MAIN(TestStateMonitorExtras)
#include "tst_state_monitor_extras.moc"
