// A group's state update and threshold run as one kernel where nothing is
// scheduled between them and the threshold draws no random numbers of its
// own; otherwise they stay two. Fused or not, a group spikes the same: a
// monitor recording between the two (which keeps them apart) changes none of
// the spikes or final values, on one thread or three, on both tiers.
#include "csv/CsvWriter.h"
#include "csv/FinalStateWriter.h"
#include "engine/NativeCompiler.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "runtime/Scheduler.h"
#include "support/FileTree.h"
#include "support/SharedRun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

/// Three groups: G (noise, refractoriness, drawn ahead), Plain (no
/// refractoriness) and Drawing (a threshold drawing numbers); `between` adds
/// StateMonitors recording G and Plain between their update and threshold.
std::string model(bool between) {
    const std::string monitors =
        between ? R"json(, {"name": "mid", "type": "StateMonitor", "source": "G",
                        "variables": ["v"], "record": [3], "when": "before_thresholds"},
                     {"name": "mid_plain", "type": "StateMonitor", "source": "Plain",
                        "variables": ["v"], "record": [3], "when": "before_thresholds"})json"
                : "";
    return R"json({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
        "duration": "60*ms", "seed": 11,
        "constants": {"tau": "10*ms"},
        "groups": [{"name": "G", "type": "NeuronGroup", "N": 300, "method": "euler",
                    "equations": "dv/dt = (1.1 + 0.2*i/N - v)/tau + 0.3*xi/sqrt(tau) : 1 (unless refractory)",
                    "threshold": "v > 1", "reset": "v = 0", "refractory": "2*ms",
                    "initial": {"v": "rand()"}},
                   {"name": "Plain", "type": "NeuronGroup", "N": 70, "method": "exact",
                    "equations": "dv/dt = (1.3 - v)/tau : 1", "threshold": "v > 1",
                    "reset": "v = 0.1*i/N", "initial": {"v": "0.01*i"}},
                   {"name": "Drawing", "type": "NeuronGroup", "N": 50, "method": "exact",
                    "equations": "dv/dt = (1.2 - v)/tau : 1", "threshold": "v > 0.9 + 0.2*rand()",
                    "reset": "v = 0"}],
        "synapses": [{"name": "S", "source": "G", "target": "Plain", "on_pre": "v_post += 0.01",
                      "connect": {"p": 0.1}}],
        "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"},
                     {"name": "plain_spikes", "type": "SpikeMonitor", "source": "Plain"},
                     {"name": "drawing_spikes", "type": "SpikeMonitor", "source": "Drawing"})json" +
           monitors + "]}";
}

CheckedModel checked(bool between) {
    return checkModel(readModel(model(between)));
}

} // namespace

class TestThresholdFusion : public QObject {
    Q_OBJECT

    QTemporaryDir cache_;
    QTemporaryDir out_;

    /// The run's files without the monitors only one variant has.
    QMap<QString, QByteArray> run(bool between, int threads, bool native) {
        const QString directory =
            out_.filePath(QString("%1-%2-%3").arg(between).arg(threads).arg(native));
        const CheckedModel model = checked(between);
        const auto network = runShared(model, threads, native);
        writeAllCsv(network->results(), directory.toStdString());
        writeFinalState(*network, model, directory.toStdString());
        QMap<QString, QByteArray> files = filesOf(directory);
        for (const QString& name : files.keys())
            if (name.startsWith("mid") || name == "index.json")
                files.remove(name);
        return files;
    }

private slots:
    void initTestCase() {
        QVERIFY(cache_.isValid() && out_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", cache_.path().toUtf8());
    }

    void onlyNeighboursWithoutDrawsAreFused() {
        BuildReport report;
        const auto fused = buildNetwork(checked(false), &report);
        for (const auto& n : fused->fusedThresholds())
            QCOMPARE(fused->fusedThresholds(), (std::set<std::string>{"G", "Plain"}));
        QStringList names;
        for (const LiveKernel& kernel : report.kernels)
            names << QString::fromStdString(kernel.name);
        QVERIFY(names.contains("G state update and threshold"));
        QVERIFY(!names.contains("G state update") && !names.contains("G threshold"));
        QVERIFY(names.contains("Drawing state update") && names.contains("Drawing threshold"));

        const auto apart = buildNetwork(checked(true));
        QVERIFY(apart->fusedThresholds().empty());
        QStringList operations;
        for (const Operation& operation : fused->scheduler().operations())
            operations << QString::fromStdString(operation.name);
        QVERIFY(operations.contains("G_stateupdater+G_spike_thresholder"));
        QVERIFY(!operations.contains("G_spike_thresholder"));
    }

    // Only the operations the builder lets a threshold move past may lie
    // between the two joined; the joined one keeps the first's place.
    void theSchedulerJoinsOnlyAcrossWhatMayBeCrossed() {
        Scheduler scheduler;
        Clock& clock = scheduler.clockFor(1e-4);
        QStringList ran;
        for (const char* name :
             {"A_stateupdater", "B_stateupdater", "A_spike_thresholder", "B_spike_thresholder"}) {
            const bool update = QByteArray(name).endsWith("stateupdater");
            scheduler.add(Operation{update ? ScheduleSlot::Groups : ScheduleSlot::Thresholds, 0,
                                    name, &clock, [&ran, name] { ran << name; },
                                    QByteArray(name).left(1).toStdString()});
        }
        const auto onlyB = [](const Operation& operation) { return operation.owner == "B"; };
        const auto nothing = [](const Operation&) { return false; };
        QVERIFY(!scheduler.mayJoin("A_stateupdater", "A_spike_thresholder", nothing));
        QVERIFY(!scheduler.mayJoin("A_spike_thresholder", "A_stateupdater", onlyB));
        QVERIFY(!scheduler.mayJoin("A_stateupdater", "B_spike_thresholder", onlyB));
        QVERIFY(scheduler.mayJoin("B_stateupdater", "B_spike_thresholder", nothing) == false);
        QVERIFY(scheduler.mayJoin("A_stateupdater", "A_spike_thresholder", onlyB));
        scheduler.join("A_stateupdater", "A_spike_thresholder", [&ran] { ran << "A both"; });
        scheduler.run(1e-4);
        QCOMPARE(ran, QStringList({"A both", "B_stateupdater", "B_spike_thresholder"}));
    }

    // A threshold is not moved past a group it links to or that links to
    // it: one might read what the other writes.
    void linksKeepThresholdsInPlace() {
        const std::string json = R"json({"format": "spikestudio-model", "version": 1,
            "dt": "0.1*ms", "duration": "1*ms",
            "groups": [{"name": "A", "type": "NeuronGroup", "N": 4, "method": "exact",
                        "equations": "dv/dt = (2 - v)/(10*ms) : 1\nu : 1 (linked)",
                        "threshold": "u > 1", "reset": "v = 0",
                        "links": [{"variable": "u", "source": "B", "source_variable": "v"}]},
                       {"name": "B", "type": "NeuronGroup", "N": 4, "method": "exact",
                        "equations": "dv/dt = (2 - v)/(10*ms) : 1", "threshold": "v > 1",
                        "reset": "v = 0"},
                       {"name": "C", "type": "NeuronGroup", "N": 4, "method": "exact",
                        "equations": "dv/dt = (2 - v)/(10*ms) : 1", "threshold": "v > 1",
                        "reset": "v = 0"}]})json";
        const auto network = buildNetwork(checkModel(readModel(json)));
        // A's threshold would move past B's update (A reads B's v), B's past
        // A's threshold; C's past A's and B's thresholds, which is safe.
        QCOMPARE(network->fusedThresholds(), (std::set<std::string>{"C"}));
    }

    void fusedOrNotTheGroupsSpikeAlike() {
        const QMap<QString, QByteArray> apart = run(true, 1, false);
        QVERIFY(apart.contains("spikes.csv") && apart.contains("G.v.npy"));
        QVERIFY(apart.value("spikes.csv").count('\n') > 50);
        QVERIFY(apart.value("plain_spikes.csv").count('\n') > 20);
        const std::pair<int, bool> variants[] = {{1, false}, {3, false}, {1, true}};
        for (const auto& [threads, native] : variants) {
            if (native && !NativeCompiler::find())
                continue;
            QCOMPARE(run(false, threads, native), apart);
        }
    }
};

QTEST_GUILESS_MAIN(TestThresholdFusion)
#include "tst_threshold_fusion.moc"
