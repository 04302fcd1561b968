// EventMonitor, Brian2's monitor of a group's events ('spike' until groups
// declare their own): read and written back, refused with one line naming the
// monitor and field, recording per spike its index, time and the values of
// chosen variables after the threshold and before the reset; its columns
// stored in a project, read back bit for bit and written as CSV. With
// `"record": false` a spike or event monitor keeps each neuron's count alone.
#include "csv/CsvWriter.h"
#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "storage/RunWriter.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"
#include "support/CliRunner.h"
#include "support/ModelProblem.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cstring>
#include <sstream>

using namespace spikestudio;

namespace {

/// Each spike also counts itself in `c` (in the reset), so the value of `c`
/// an event records tells whether it was taken before or after the reset.
std::string modelWithMonitor(const std::string& monitor) {
    return R"({
  "format": "spikestudio-model", "version": 1, "name": "events",
  "dt": "0.1*ms", "duration": "30*ms", "seed": 1,
  "constants": {"tau": "10*ms", "Vt": "-50*mV", "Vr": "-70*mV"},
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 4,
    "equations": "dv/dt = (Vr - v + I)/tau : volt\nI : volt\nc : 1\nx = 2*v : volt",
    "threshold": "v > Vt", "reset": "v = Vr\nc += 1", "refractory": "1*ms",
    "initial": {"v": "Vr", "I": "30*mV + 5*i*mV"}},
   {"name": "H", "type": "NeuronGroup", "N": 2, "equations": "du/dt = -u/tau : 1"}],
  "synapses": [{"name": "S", "source": "G", "target": "H", "on_pre": "u += 1",
    "connect": {"condition": "True"}}],
  "monitors": [)" +
           monitor +
           R"(, {"name": "spikes", "type": "SpikeMonitor", "source": "G"}]
})";
}

const char* const kEvents =
    R"({"name": "events", "type": "EventMonitor", "source": "G", "event": "spike",
        "variables": ["v", "c"]})";

std::unique_ptr<Network> runModel(const std::string& json) {
    const CheckedModel checked = checkModel(readModel(json));
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    return network;
}

template <typename T> bool sameBits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

/// Runs `network` (built from `json`) into `project`, flushing at every step; the run's id.
std::int64_t runFlushingEveryStep(Project& project, const std::string& json,
                                  const CheckedModel& checked, Network& network) {
    RunWriter writer(project, network, {json, checked.duration, checked.dt, checked.seed});
    writer.setFlushInterval(std::chrono::milliseconds(0));
    network.run(checked.duration, [&writer] { return writer.flushIfDue(); });
    writer.finish(RunStatus::Finished);
    return writer.runId();
}

/// What reading run `runId` says once `sql` has damaged the project (undone after).
QString problemAfterDamage(Project& project, std::int64_t runId, const std::string& sql) {
    project.database().execute("SAVEPOINT damage");
    project.database().execute(sql);
    QString problem;
    try {
        RunReader(project).read(runId);
    } catch (const StorageError& error) {
        problem = error.what();
    }
    project.database().execute("ROLLBACK TO damage; RELEASE damage");
    return problem;
}

} // namespace

class TestEventMonitor : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void readerAndWriterRoundTrip() {
        const Model model = readModel(modelWithMonitor(kEvents));
        const MonitorSpec& events = model.monitors[0];
        QCOMPARE(events.type, MonitorType::Event);
        QCOMPARE(events.event, std::string("spike"));
        QCOMPARE(events.variables, (std::vector<std::string>{"v", "c"}));
        const std::string written = writeModelJson(model);
        QVERIFY(written.find(R"("type": "EventMonitor")") != std::string::npos);
        QVERIFY(written.find(R"("event": "spike")") != std::string::npos);
        QCOMPARE(writeModelJson(readModel(written)), written);

        // Without event and variables: 'spike', only i and t; written without them.
        const Model bare = readModel(
            modelWithMonitor(R"({"name": "events", "type": "EventMonitor", "source": "G"})"));
        QVERIFY(bare.monitors[0].event.empty() && bare.monitors[0].variables.empty());
        const std::string bareText = writeModelJson(bare);
        QVERIFY(bareText.find("\"event\"") == std::string::npos);
        QVERIFY(bareText.find("\"variables\": [\"v\"") == std::string::npos);
        auto network = runModel(bareText);
        QVERIFY(network->spikeRecords()[0].columns.empty());
        QVERIFY(sameBits(network->spikeRecords()[0].indices, network->spikeRecords()[1].indices));
    }

    void refusals_data() {
        QTest::addColumn<QString>("monitor");
        QTest::addColumn<QString>("message");
        const QString head = R"({"name": "events", "type": "EventMonitor", )";
        QTest::newRow("unknown event")
            << head + R"("source": "G", "event": "custom"})"
            << "'events', field 'event': 'G' has no event 'custom' (its events: 'spike')";
        QTest::newRow("a group without threshold")
            << head + R"("source": "H"})"
            << "'events', field 'event': 'H' has no event 'spike' (it has no events: no "
               "threshold)";
        QTest::newRow("unknown variable")
            << head + R"("source": "G", "variables": ["v", "nothing"]})"
            << "'events', field 'variables': 'nothing' is not a variable of 'G'";
        QTest::newRow("a variable of another group")
            << head + R"("source": "G", "variables": ["u"]})"
            << "'events', field 'variables': 'u' is not a variable of 'G'";
        QTest::newRow("a subexpression")
            << head + R"("source": "G", "variables": ["x"]})"
            << "'events', field 'variables': 'x' is a subexpression of 'G'; an EventMonitor "
               "records stored variables";
        QTest::newRow("a Synapses source")
            << head + R"("source": "S"})"
            << "'events', field 'source': 'S' is a Synapses object; an EventMonitor records the "
               "events of a group";
        QTest::newRow("unknown source") << head + R"("source": "nobody"})"
                                        << "'events', field 'source': unknown source 'nobody'";
        QTest::newRow("record indices") << head + R"("source": "G", "record": [0]})"
                                        << "'events', field 'record': expected true or false";
        QTest::newRow("counts alone with variables")
            << head + R"("source": "G", "variables": ["v"], "record": false})"
            << "'events', field 'record': 'record': false counts the events only, so it records "
               "no variables";
        QTest::newRow("an event that is not a name") << head + R"("source": "G", "event": 3})"
                                                     << "'events', field 'event':";
    }

    void refusals() {
        QFETCH(QString, monitor);
        QFETCH(QString, message);
        const QString problem =
            QString::fromStdString(problemOf(modelWithMonitor(monitor.toStdString())));
        QVERIFY2(problem.contains(message), qPrintable(problem));
        QVERIFY(!problem.contains('\n'));
    }

    /// `spikestudio check` and `run` say it on one line, exit 1 and write nothing.
    void theCommandLineRefusesWithOneLine() {
        const QString path = dir_.filePath("bad.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(modelWithMonitor(
            R"({"name": "events", "type": "EventMonitor", "source": "G", "event": "custom"})")));
        file.close();
        for (const QStringList& arguments :
             {QStringList{"check", path},
              QStringList{"run", path, "--csv", dir_.filePath("out")}}) {
            const CliResult result = runCli(arguments);
            QCOMPARE(result.exitCode, 1);
            QCOMPARE(result.err.trimmed().count('\n'), 0);
            QVERIFY2(result.err.contains("'events', field 'event': 'G' has no event 'custom'"),
                     qPrintable(result.err));
        }
        QVERIFY(!QFile::exists(dir_.filePath("out")));
    }

    /// Brian2 records an event's values in the slot after the threshold: v
    /// above threshold, c not yet counting the spike the reset will count.
    void recordsValuesAfterThresholdBeforeReset() {
        auto network = runModel(modelWithMonitor(kEvents));
        const SpikeRecord& events = network->spikeRecords()[0];
        const SpikeRecord& spikes = network->spikeRecords()[1];
        QCOMPARE(events.columns.size(), size_t(2));
        QCOMPARE(events.columns[0].variable, std::string("v"));
        QCOMPARE(QString::fromStdString(events.columns[0].dim.unitSymbol()), QString("V"));
        QVERIFY(events.columns[1].dim.isDimensionless());
        QVERIFY(events.indices.size() > 8);
        QVERIFY(sameBits(events.indices, spikes.indices));
        QVERIFY(sameBits(events.times, spikes.times));
        QCOMPARE(events.values.size(), 2 * events.indices.size());
        std::vector<double> earlier(4, 0.0);
        for (size_t k = 0; k < events.indices.size(); ++k) {
            const auto neuron = static_cast<size_t>(events.indices[k]);
            QVERIFY2(events.value(k, 0) > -0.05, "v is recorded after the threshold");
            QCOMPARE(events.value(k, 1), earlier[neuron]); // before the reset's c += 1
            earlier[neuron] += 1.0;
        }
    }

    /// A SpikeGeneratorGroup has the 'spike' event without a threshold.
    void aSpikeGeneratorGroupHasTheSpikeEvent() {
        auto network = runModel(R"({
  "format": "spikestudio-model", "version": 1, "name": "generator",
  "dt": "0.1*ms", "duration": "5*ms", "seed": 1,
  "groups": [{"name": "P", "type": "SpikeGeneratorGroup", "N": 3, "indices": [2, 0],
    "times": ["1*ms", "2*ms"]}],
  "monitors": [{"name": "events", "type": "EventMonitor", "source": "P"}]
})");
        QCOMPARE(network->spikeRecords()[0].indices, (std::vector<std::int32_t>{2, 0}));
    }

    void csvHasAColumnPerVariable() {
        SpikeRecord record;
        record.monitor = "events";
        record.countPerNeuron.assign(3, 0);
        record.columns = {{"v", Dimension::volt()}, {"c", Dimension{}}};
        const std::int32_t second[] = {2, 0};
        const std::int32_t first[] = {1};
        record.append(first, 1, 0.0);
        record.values.insert(record.values.end(), {-0.049, 0.0});
        record.append(second, 2, 1e-4);
        record.values.insert(record.values.end(), {-0.0495, 3.0, -0.04, 1.0});
        std::ostringstream out;
        writeSpikeCsv(record, out);
        QCOMPARE(out.str(), std::string("i,t [s],v [V],c\n"
                                        "1,0,-0.049,0\n"
                                        "0,1e-04,-0.04,1\n"
                                        "2,1e-04,-0.0495,3\n"));
    }

    /// Stored while it runs (a flush every step), read back bit for bit, CSV
    /// from the project equal to CSV from the run.
    void storageRoundTrip() {
        const std::string json = modelWithMonitor(kEvents);
        const CheckedModel checked = checkModel(readModel(json));
        auto network = buildNetwork(checked);
        const std::string path = dir_.filePath("events.spikestudio").toStdString();
        std::int64_t runId = 0;
        {
            Project project(path);
            runId = runFlushingEveryStep(project, json, checked, *network);
        }
        Project project(path, ProjectAccess::ReadOnly);
        const RunResults stored = RunReader(project).read(runId);
        const SpikeRecord& ran = network->spikeRecords()[0];
        const auto found = std::find_if(stored.spikes.begin(), stored.spikes.end(),
                                        [](const SpikeRecord& r) { return r.monitor == "events"; });
        QVERIFY(found != stored.spikes.end());
        QCOMPARE(found->columns.size(), size_t(2));
        QCOMPARE(found->columns[1].variable, std::string("c"));
        QVERIFY(found->columns[0].dim == ran.columns[0].dim);
        QVERIFY(sameBits(found->indices, ran.indices));
        QVERIFY(sameBits(found->times, ran.times));
        QVERIFY(sameBits(found->values, ran.values));
        QVERIFY(sameBits(found->countPerNeuron, ran.countPerNeuron));
        std::ostringstream direct, fromProject;
        writeSpikeCsv(ran, direct);
        writeSpikeCsv(*found, fromProject);
        QCOMPARE(fromProject.str(), direct.str());
    }

    /// `"record": false` (Brian2's record=False): the counts of the spike
    /// monitor beside it, no events; stored as counts (replaced at every
    /// flush), read back, written as a CSV of counts; damaged counts refused.
    void countsAloneAreKeptStoredAndWritten() {
        const std::string json = modelWithMonitor(
            R"({"name": "counts", "type": "SpikeMonitor", "source": "G", "record": false})");
        QVERIFY(writeModelJson(readModel(json)).find(R"("record": false)") != std::string::npos);
        const CheckedModel checked = checkModel(readModel(json));
        auto network = buildNetwork(checked);
        const std::string path = dir_.filePath("counts.spikestudio").toStdString();
        Project project(path);
        const std::int64_t runId = runFlushingEveryStep(project, json, checked, *network);
        const SpikeRecord& counts = network->spikeRecords()[0];
        const SpikeRecord& spikes = network->spikeRecords()[1];
        QVERIFY(!counts.keepsEvents && counts.indices.empty() && counts.times.empty());
        QCOMPARE(counts.countPerNeuron, spikes.countPerNeuron);
        QVERIFY(counts.eventCount() > 8);
        QCOMPARE(counts.eventCount(), std::int64_t(spikes.indices.size()));

        const RunResults stored = RunReader(project).read(runId);
        const SpikeRecord& read = stored.spikes[0];
        QCOMPARE(read.monitor, std::string("counts"));
        QVERIFY(!read.keepsEvents && read.indices.empty());
        QCOMPARE(read.countPerNeuron, counts.countPerNeuron);
        std::ostringstream csv;
        writeSpikeCsv(read, csv);
        std::string expected = "i,count\n";
        for (size_t k = 0; k < 4; ++k)
            expected += std::to_string(k) + "," + std::to_string(counts.countPerNeuron[k]) + "\n";
        QCOMPARE(csv.str(), expected);

        auto expectProblem = [&](const std::string& sql, const QString& message) {
            const QString problem = problemAfterDamage(project, runId, sql);
            QVERIFY2(problem.contains(message), qPrintable(problem));
        };
        const char* const ofCounts = " WHERE monitor_id = (SELECT id FROM monitors WHERE name = "
                                     "'counts')";
        expectProblem(
            (std::string("UPDATE chunks SET data = substr(data, 9), count = 3") + ofCounts).c_str(),
            "a chunk of spike counts has 3 neurons, its monitor 4");
        expectProblem(std::string("UPDATE chunks SET data = CAST(x'FFFFFFFFFFFFFFFF' || "
                                  "substr(data, 9) AS BLOB)") +
                          ofCounts,
                      "a chunk of spike counts holds a negative count");
    }

    /// A project is untrusted: an event naming a neuron out of range, or an
    /// event chunk of a monitor without columns, is refused with a message.
    void damagedEventChunksAreRefused() {
        const std::string json = modelWithMonitor(kEvents);
        const CheckedModel checked = checkModel(readModel(json));
        auto network = buildNetwork(checked);
        const std::string path = dir_.filePath("damaged.spikestudio").toStdString();
        Project project(path);
        std::int64_t runId = 0;
        {
            RunWriter writer(project, *network, {json, checked.duration, checked.dt, checked.seed});
            network->run(checked.duration);
            writer.finish(RunStatus::Finished);
            runId = writer.runId();
        }
        auto expectProblem = [&](const char* sql, const QString& expected) {
            const QString problem = problemAfterDamage(project, runId, sql);
            QVERIFY2(problem.contains(expected), qPrintable(problem));
        };
        // The first row's index (after its time) becomes neuron 7 of 4.
        expectProblem("UPDATE chunks SET data = CAST(substr(data, 1, 8) || "
                      "x'0000000000001C40' || substr(data, 17) AS BLOB) WHERE monitor_id = "
                      "(SELECT id FROM monitors WHERE name = 'events')",
                      "a stored event of 'events' names neuron 7, out of range");
        expectProblem("DELETE FROM monitor_columns WHERE monitor_id = "
                      "(SELECT id FROM monitors WHERE name = 'events')",
                      "the spike monitor 'events' has a chunk of format 'f64_rows' but 0 recorded "
                      "variables");
    }
};

QTEST_APPLESS_MAIN(TestEventMonitor)
#include "tst_event_monitor.moc"
