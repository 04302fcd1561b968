// One RunSession runs a model for the command line and the desktop app alike:
// the sink sees begin, flushes and finish in that order with the run's
// settings, times and outcome (finished, stopped by a hook, failed with a
// non-finite value named, failed when storage refuses); a cancelled build
// ends stopped with nothing begun; sessions on two threads at once give the
// same results as one alone (they share no mutable state).
#include "diagnostics/ModelError.h"
#include "engine/RunSession.h"
#include "model/ModelReader.h"
#include "runtime/Network.h"
#include "storage/StorageError.h"

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace spikestudio;

namespace {

const char* const kModel = R"({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "20*ms", "seed": 7,
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 20,
    "equations": "dv/dt = (1.2 - v)/(10*ms) + 0.3*xi/sqrt(ms) : 1",
    "threshold": "v > 1", "reset": "v = 0"}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"},
    {"name": "trace", "type": "StateMonitor", "source": "G", "variables": ["v"],
     "record": [0, 5], "dt": "1*ms"}]
})";

const char* const kBlowsUp = R"({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "10*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
    "equations": "dv/dt = v*v/ms : 1", "initial": {"v": "1"}}]
})";

/// A storage backend that records what the session asked of it.
struct RecordingSink : RunSink {
    struct Log {
        std::vector<std::string> calls;
        RunSettings settings;
        std::vector<std::pair<std::string, double>> monitors; // name, dt at begin()
        RunOutcome outcome;
        bool destroyed = false;
    };
    Log& log;
    int failAfterFlushes = -1; // a flush that throws StorageError (-1: never)

    explicit RecordingSink(Log& log) : log(log) {}
    ~RecordingSink() override { log.destroyed = true; }
    void begin(const RunSettings& settings, const Network& network) override {
        log.calls.push_back("begin");
        log.settings = settings;
        for (const SpikeRecord& record : network.spikeRecords())
            log.monitors.emplace_back(record.monitor, record.dt);
        for (const StateRecord& record : network.stateRecords())
            log.monitors.emplace_back(record.monitor, record.dt);
    }
    void flushIfDue() override {
        if (log.calls.empty() || log.calls.back() != "flushIfDue")
            log.calls.push_back("flushIfDue");
        if (failAfterFlushes >= 0 && failAfterFlushes-- == 0)
            throw StorageError("x.spikestudio: the disk is full");
    }
    void flush() override { log.calls.push_back("flush"); }
    std::int64_t runId() const override { return 0; }
    void finish(const RunOutcome& outcome) override {
        log.calls.push_back("finish");
        log.outcome = outcome;
    }
    std::string describe() const override { return "recorded"; }
};

RunSession::Loader loaderOf(const std::string& json) {
    return [json] { return ModelSource{readModel(json), json}; };
}

RunSession::SinkOpener recordingInto(RecordingSink::Log& log, int failAfterFlushes = -1) {
    return [&log, failAfterFlushes](const std::string&) {
        auto sink = std::make_unique<RecordingSink>(log);
        sink->failAfterFlushes = failAfterFlushes;
        return sink;
    };
}

} // namespace

class TestRunSession : public QObject {
    Q_OBJECT

    QTemporaryDir cache_;

private slots:
    void initTestCase() {
        QVERIFY(cache_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", cache_.path().toUtf8());
    }

    void aFinishedRunBeginsFlushesAndFinishesItsSink() {
        RecordingSink::Log log;
        RunSession session(loaderOf(kModel), {}, TierMode::Tcc);
        session.setSinkOpener(recordingInto(log));
        bool built = false;
        RunSession::Hooks hooks;
        hooks.built = [&](Network&) { built = log.calls == std::vector<std::string>{"begin"}; };
        const RunReport report = session.run(hooks);
        QVERIFY2(built, "the sink begins before the built hook and the first step");
        QCOMPARE(report.status, RunStatus::Finished);
        QVERIFY(report.built);
        QCOMPARE(report.timings.steps, 200LL);
        QCOMPARE(log.calls, (std::vector<std::string>{"begin", "flushIfDue", "finish"}));
        QCOMPARE(log.settings.modelJson, std::string(kModel));
        QCOMPARE(log.settings.seed, 7u);
        QCOMPARE(log.settings.duration, 0.02);
        QCOMPARE(log.monitors,
                 (std::vector<std::pair<std::string, double>>{{"spikes", 1e-4}, {"trace", 1e-3}}));
        QCOMPARE(log.outcome.status, RunStatus::Finished);
        QVERIFY(log.outcome.buildMilliseconds.has_value());
        QVERIFY(log.outcome.simulateMilliseconds.has_value());
        QCOMPARE(*log.outcome.buildMilliseconds, report.timings.buildMs());
        QCOMPARE(report.stored, std::string("recorded"));
        QVERIFY2(log.destroyed && !session.sink(), "the sink closes when the run ends");
    }

    void aHookThatSaysStopEndsTheRunStopped() {
        RecordingSink::Log log;
        RunSession session(loaderOf(kModel), {}, TierMode::Tcc);
        session.setSinkOpener(recordingInto(log));
        int steps = 0;
        RunSession::Hooks hooks;
        hooks.betweenSteps = [&](Network&) { return ++steps < 50; };
        const RunReport report = session.run(hooks);
        QCOMPARE(report.status, RunStatus::Stopped);
        QCOMPARE(log.outcome.status, RunStatus::Stopped);
        QCOMPARE(session.network().spikeRecords().size(), size_t(1));
        QVERIFY(session.network().scheduler().time() < 0.006);
    }

    void aNonFiniteValueFailsTheRunWithTheVariableNamed() {
        RecordingSink::Log log;
        RunSession session(loaderOf(kBlowsUp), {}, TierMode::Tcc);
        session.setSinkOpener(recordingInto(log));
        const RunReport report = session.run({});
        QCOMPARE(report.status, RunStatus::Failed);
        QVERIFY2(report.message.find("'G', variable 'v'") != std::string::npos,
                 report.message.c_str());
        QCOMPARE(log.outcome.status, RunStatus::Failed);
        QCOMPARE(log.outcome.message, report.message);
    }

    void storageRefusingFailsTheRunAndDropsTheSink() {
        RecordingSink::Log log;
        RunSession session(loaderOf(kModel), {}, TierMode::Tcc);
        session.setSinkOpener(recordingInto(log, 3));
        const RunReport report = session.run({});
        QCOMPARE(report.status, RunStatus::Failed);
        QCOMPARE(report.message, std::string("x.spikestudio: the disk is full"));
        QVERIFY2(log.destroyed, "a sink that failed is destroyed, which marks its run failed");
        QCOMPARE(session.sink(), nullptr);
        QVERIFY(std::find(log.calls.begin(), log.calls.end(), "finish") == log.calls.end());
    }

    void aCancelledBuildEndsStoppedWithNothingBegun() {
        RecordingSink::Log log;
        RunSession session(loaderOf(kModel), {}, TierMode::Tcc);
        session.setSinkOpener(recordingInto(log));
        std::atomic<bool> cancel{true};
        RunSession::Hooks hooks;
        hooks.cancel = &cancel;
        const RunReport report = session.run(hooks);
        QCOMPARE(report.status, RunStatus::Stopped);
        QVERIFY(!report.built);
        QVERIFY(!session.hasNetwork());
        QVERIFY(log.calls.empty());
        QVERIFY2(!log.destroyed, "no sink was opened");
    }

    void aModelThatCannotRunOpensNoSink() {
        bool opened = false;
        RunSession session(loaderOf(R"({"format": "spikestudio-model", "version": 1,
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
                        "equations": "dv/dt = -v/ms : volt", "threshold": "v > 1"}]})"),
                           {}, TierMode::Tcc);
        session.setSinkOpener([&](const std::string&) -> std::unique_ptr<RunSink> {
            opened = true;
            return nullptr;
        });
        QVERIFY_THROWS_EXCEPTION(ModelError, session.run({}));
        QVERIFY(!opened);
    }

    void sessionsOnTwoThreadsGiveWhatOneAloneGives() {
        RunSession alone(loaderOf(kModel), {}, TierMode::Tcc);
        alone.run({});
        RunSession first(loaderOf(kModel), {}, TierMode::Auto);
        RunSession second(loaderOf(kModel), {}, TierMode::Auto);
        std::thread a([&] { first.run({}); });
        std::thread b([&] { second.run({}); });
        a.join();
        b.join();
        for (const RunSession* session : {&first, &second}) {
            const SpikeRecord& spikes = session->network().spikeRecords().front();
            QVERIFY(!spikes.indices.empty());
            QCOMPARE(spikes.indices, alone.network().spikeRecords().front().indices);
            QCOMPARE(spikes.times, alone.network().spikeRecords().front().times);
            QCOMPARE(session->network().stateRecords().front().values,
                     alone.network().stateRecords().front().values);
        }
    }
};

QTEST_GUILESS_MAIN(TestRunSession)
#include "tst_run_session.moc"
