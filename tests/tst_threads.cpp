// Threads share a kernel's elements without changing a bit: every reference
// model and every bundled example runs 50 ms on one thread, then on 2 and 3
// threads on libtcc and on 3 natively, with every kernel that may be shared
// split into as many parts as there are threads (grain 1); every record and
// every final value must agree byte for byte. Kernels that draw random numbers, or whose elements
// may meet, stay on one thread.
#include "csv/CsvWriter.h"
#include "csv/FinalStateWriter.h"
#include "engine/NativeCompiler.h"
#include "engine/NativeTier.h"
#include "engine/NetworkBuilder.h"
#include "engine/SplitDecision.h"
#include "model/ModelReader.h"
#include "runtime/WorkerPool.h"
#include "support/CliRunner.h"
#include "support/FileTree.h"
#include "support/ModelRows.h"
#include "support/SharedRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <cmath>
#include <set>
#include <thread>

using namespace spikestudio;

namespace {

/// A model for 50 ms (a protocol runs its own segments).
CheckedModel loadModel(const QString& path) {
    Model model = readModelFile(path.toStdString());
    CheckOptions options;
    if (model.protocol.empty())
        options.duration = "50*ms";
    return checkModel(std::move(model), options);
}

/// Runs `model` on `threads` threads, each shared kernel split as finely as
/// the threads allow; records and final state go to `directory`.
void runInto(const CheckedModel& model, int threads, bool native, const QString& directory) {
    const auto network = runShared(model, threads, native);
    writeAllCsv(network->results(), directory.toStdString());
    writeFinalState(*network, model, directory.toStdString());
}

/// Writes `json` into `dir` as `name` and returns its path.
QString writeModel(const QTemporaryDir& dir, const char* name, const char* json) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

/// The names of the kernels a model shares out between threads.
std::set<std::string> sharedKernels(const QString& path) {
    BuildReport report;
    auto network = buildNetwork(loadModel(path), &report);
    std::set<std::string> shared;
    for (const LiveKernel& kernel : report.kernels)
        if (kernel.bound->workers)
            shared.insert(kernel.name);
    return shared;
}

} // namespace

class TestThreads : public QObject {
    Q_OBJECT

    QTemporaryDir cache_;
    QTemporaryDir out_;
    bool haveCompiler_ = false;

    QString outDir(const QString& name) const { return out_.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(cache_.isValid() && out_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", cache_.path().toUtf8());
        qunsetenv("SPIKESTUDIO_CC");
        haveCompiler_ = NativeCompiler::find().has_value();
    }

    void everyThreadCountGivesTheSameBits_data() {
        QTest::addColumn<QString>("path");
        addModelRows(SPIKESTUDIO_SOURCE_DIR "/tests/reference/models", "reference/");
        addModelRows(SPIKESTUDIO_SOURCE_DIR "/resources/examples", "example/");
    }

    void everyThreadCountGivesTheSameBits() {
        QFETCH(QString, path);
        const CheckedModel model = loadModel(path);
        const QString name = QFileInfo(path).baseName();
        runInto(model, 1, false, outDir(name + "-1"));
        const QMap<QString, QByteArray> expected = filesOf(outDir(name + "-1"));
        QVERIFY(!expected.empty());
        const std::pair<int, bool> variants[] = {{2, false}, {3, false}, {3, true}};
        for (const auto& [threads, native] : variants) {
            if (native && !haveCompiler_)
                continue;
            const QString directory =
                outDir(QString("%1-%2-%3").arg(name).arg(threads).arg(native ? "native" : "tcc"));
            runInto(model, threads, native, directory);
            const QMap<QString, QByteArray> got = filesOf(directory);
            QCOMPARE(got.keys(), expected.keys());
            for (auto it = expected.begin(); it != expected.end(); ++it)
                QVERIFY2(got.value(it.key()) == it.value(),
                         qPrintable(QString("%1 differs on %2 threads (%3)")
                                        .arg(it.key())
                                        .arg(threads)
                                        .arg(native ? "native" : "libtcc")));
        }
    }

    void badThreadCountsAreRefused_data() {
        QTest::addColumn<QString>("text");
        for (const char* text : {"0", "257", "-1", "two", "1.5", " 2", "99999999999999999999"})
            QTest::newRow(text) << QString(text);
    }

    // `--threads` takes 1 to 256: anything else is one line naming the
    // option, exit 1, before anything runs or is written.
    void badThreadCountsAreRefused() {
        QFETCH(QString, text);
        const QString csv = out_.filePath("refused-csv");
        const CliResult cli = runCli({"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json",
                                      "--threads", text, "--duration", "1*ms", "--csv", csv});
        QCOMPARE(cli.exitCode, 1);
        QCOMPARE(cli.err.trimmed(), QString("error: 'command line', field '--threads': the "
                                            "number of threads must be a whole number from 1 "
                                            "to 256"));
        QVERIFY(!QFileInfo::exists(csv));
    }

    // An empty value is the command line's own error, as for every option.
    void anEmptyThreadCountIsRefused() {
        const CliResult cli = runCli(
            {"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json", "--threads", ""});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.startsWith("error: option --threads needs a value"), qPrintable(cli.err));
    }

    void theSummarySaysHowManyThreadsRan() {
        const CliResult cli = runCli({"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json",
                                      "--threads", "2", "--duration", "5*ms", "--tier", "tcc"});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QVERIFY2(cli.out.contains("threads: 2 ("), qPrintable(cli.out));
    }

    // What may be shared: CUBA's state update and threshold (one kernel),
    // its reset, and its pathways, split by the target neurons they write.
    void independentKernelsAreShared() {
        const std::set<std::string> shared =
            sharedKernels(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json");
        QVERIFY2(shared.count("P state update and threshold") == 1,
                 "CUBA's state update and threshold are shared");
        QVERIFY(shared.count("P reset") == 1);
        // Each pathway writes only its targets' ge or gi: split by target.
        QVERIFY(shared.count("Ce_pre") == 1);
        QVERIFY(shared.count("Ci_pre") == 1);
    }

    // A pathway's calls split the neurons it writes; one that also reads the
    // same group's variable by the presynaptic index (one array when the
    // Synapses connect a group to itself) runs whole.
    void aPathwayReadingWhatOthersWriteStaysWhole() {
        QTemporaryDir dir;
        const QString path = writeModel(
            dir, "recurrent.json", R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 50,
                        "equations": "dv/dt = (1.2 - v)/(10*ms) : 1\ny : 1",
                        "threshold": "v > 1", "reset": "v = 0"}],
            "synapses": [{"name": "Reads", "source": "G", "target": "G",
                          "on_pre": "v_post += 0.01*v_pre", "connect": {"p": 0.2}},
                         {"name": "Writes", "source": "G", "target": "G",
                          "on_pre": "y_post += 1", "connect": {"p": 0.2}}]})");
        const std::set<std::string> shared = sharedKernels(path);
        QVERIFY(shared.count("Reads_pre") == 0);
        QVERIFY(shared.count("Writes_pre") == 1);
    }

    // A summed variable's calls each take a range of the neurons it writes
    // (of a subgroup: from its first) and add its synapses in synapse order:
    // the same bits on any number of threads.
    void summedVariablesAreSharedByTheNeuronsTheyWrite() {
        QTemporaryDir dir;
        const QString path = writeModel(
            dir, "summed.json", R"json({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
            "duration": "20*ms", "seed": 3,
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 203,
                        "equations": "dv/dt = (I - v + Igap + Isub)/(10*ms) : 1\nI : 1 (constant)\nIgap : 1\nIsub : 1",
                        "threshold": "v > 1", "reset": "v = 0",
                        "initial": {"I": "0.9 + 0.3*i/N", "v": "rand()"},
                        "subgroups": [{"name": "Gmid", "start": 37, "stop": 163}]},
                       {"name": "H", "type": "NeuronGroup", "N": 90,
                        "equations": "dx/dt = (y - x)/(5*ms) : 1\ny : 1\nz = 0.1*x : 1"}],
            "synapses": [{"name": "gap", "source": "G", "target": "G",
                          "model": "w : 1 (constant)\nIgap_post = w*(v_pre - v_post) : 1 (summed)",
                          "connect": {"p": 0.1}, "initial": {"w": "0.01*rand()"}},
                         {"name": "into_sub", "source": "G", "target": "Gmid",
                          "model": "Isub_post = 0.01*v_pre*(1 + j) : 1 (summed)",
                          "connect": {"p": 0.2}},
                         {"name": "into_h", "source": "G", "target": "H",
                          "model": "y_post = v_pre + 0.5*x_post + z_post : 1 (summed)",
                          "connect": {"p": 0.3}}],
            "monitors": [{"name": "trace", "type": "StateMonitor", "source": "G",
                          "variables": ["v", "Igap", "Isub"], "record": [0, 40, 100, 202]}]})json");
        const std::set<std::string> shared = sharedKernels(path);
        QVERIFY(shared.count("gap_summed_variable_Igap_post") == 1);
        QVERIFY(shared.count("into_sub_summed_variable_Isub_post") == 1);
        QVERIFY(shared.count("into_h_summed_variable_y_post") == 1);

        const CheckedModel model = checkModel(readModelFile(path.toStdString()));
        runInto(model, 1, false, outDir("summed-1"));
        const QMap<QString, QByteArray> expected = filesOf(outDir("summed-1"));
        QVERIFY(!expected.empty());
        for (int threads : {2, 3, 5}) {
            const QString directory = outDir(QString("summed-%1").arg(threads));
            runInto(model, threads, false, directory);
            QCOMPARE(filesOf(directory), expected);
        }
    }

    // numpy's stream is one sequence, drawn statement after statement, each
    // for all elements. A kernel whose every draw is rand() or randn() has its
    // numbers drawn ahead in that order and is shared out (OU's noise, both
    // kinds, a draw on the right of `and`, a reset's draws); one that draws
    // another way (poisson) draws itself, whole.
    void kernelsDrawingAheadAreSharedTheOthersStayWhole() {
        const QString path = SPIKESTUDIO_SOURCE_DIR "/tests/reference/models/ou_euler.json";
        if (!QFile::exists(path))
            QSKIP("no OU reference model");
        BuildReport report;
        auto network = buildNetwork(loadModel(path), &report);
        bool sawDrawsAhead = false;
        for (const LiveKernel& kernel : report.kernels) {
            QVERIFY2(kernel.source.find("_context->rng") == std::string::npos, kernel.name.c_str());
            if (kernel.source.find("_context->draws") != std::string::npos) {
                sawDrawsAhead = true;
                QVERIFY2(kernel.bound->workers, kernel.name.c_str());
                QCOMPARE(kernel.bound->draws.sites, std::vector<DrawKind>{DrawKind::Normal});
            }
        }
        QVERIFY(sawDrawsAhead);

        const auto drawsAhead = [](const char* code, const char* reset = "") {
            BuildReport built;
            const std::string model =
                std::string("{\"format\": \"spikestudio-model\", \"version\": 1, "
                            "\"duration\": \"1*ms\", \"groups\": [{\"name\": \"G\", "
                            "\"type\": \"NeuronGroup\", \"N\": 500, \"equations\": "
                            "\"x : 1\\ny : 1\", \"threshold\": \"x > 0.5\", \"reset\": \"") +
                reset +
                "\", \"run_regularly\": [{\"name\": \"draw\", "
                "\"dt\": \"0.1*ms\", \"code\": \"" +
                code + "\"}]}]}";
            auto builtNetwork = buildNetwork(checkModel(readModel(model)), &built);
            std::vector<DrawKind> sites;
            for (const LiveKernel& kernel : built.kernels) {
                if (kernel.source.find("_context->rng") != std::string::npos)
                    return std::vector<DrawKind>{}; // draws itself
                if (!kernel.bound->draws.sites.empty() && kernel.bound->workers)
                    sites.insert(sites.end(), kernel.bound->draws.sites.begin(),
                                 kernel.bound->draws.sites.end());
            }
            return sites;
        };
        using K = DrawKind;
        QCOMPARE(drawsAhead("x = rand()\\ny = randn()"), (std::vector<K>{K::Uniform, K::Normal}));
        QCOMPARE(drawsAhead("x = int(x > 0.5 and rand() < 0.5)"), std::vector<K>{K::Uniform});
        QCOMPARE(drawsAhead("x = 0", "x = rand(); y = randn()"),
                 (std::vector<K>{K::Uniform, K::Normal}));
        QVERIFY(drawsAhead("x = poisson(2.0)").empty());
    }

    // The pool itself: every part of every piece of work runs exactly once,
    // run() returns only when all of them are done, and says how many of
    // them the workers ran.
    void thePoolRunsEveryPartOnce() {
        for (int threads : {1, 2, 3, 8}) {
            WorkerPool pool(threads);
            QCOMPARE(pool.threads(), threads);
            struct Work {
                std::atomic<int> calls[8];
                std::thread::id callers[8];
            } work;
            for (int round = 0; round < 5000; ++round) {
                for (auto& calls : work.calls)
                    calls = 0;
                const int parts = 1 + round % threads;
                const int workersParts = pool.run(
                    parts,
                    [](void* data, int part) {
                        auto* w = static_cast<Work*>(data);
                        w->calls[part].fetch_add(1);
                        w->callers[part] = std::this_thread::get_id();
                    },
                    &work);
                int byWorkers = 0;
                for (int part = 0; part < 8; ++part) {
                    QCOMPARE(work.calls[part].load(), part < parts ? 1 : 0);
                    byWorkers += part < parts && work.callers[part] != std::this_thread::get_id();
                }
                QCOMPARE(workersParts, byWorkers); // what the workers ran, as run() says
            }
        }
    }

    void theGrainDecidesHowManyParts() {
        WorkerPool pool(4);
        pool.setGrain(100);
        pool.setPartTime(0.0);
        QCOMPARE(pool.partsFor(50), 1);
        QCOMPARE(pool.partsFor(250), 2);
        QCOMPARE(pool.partsFor(100000), 4);
        pool.resize(1);
        QCOMPARE(pool.partsFor(100000), 1);
    }

    // A part must hold at least the part time's worth of measured work.
    void thePartTimeDecidesHowManyParts() {
        WorkerPool pool(4);
        pool.setGrain(1);
        pool.setPartTime(20000.0);
        QCOMPARE(pool.partsWorth(1000, 10.0), 1); // 10 us in all: not worth a thread
        QCOMPARE(pool.partsWorth(4000, 10.0), 2); // 40 us: two parts of 20
        QCOMPARE(pool.partsWorth(1000000, 10.0), 4);
        QCOMPARE(pool.partsWorth(1000000, 0.0), 1); // nothing measured yet
        QCOMPARE(pool.partsFor(1000), 4);           // the grain alone
        pool.setPartTime(0.0);
        QCOMPARE(pool.partsWorth(1000, 0.0), 4);
    }

    // Sharing out is chosen by measuring: eight whole calls, then eight
    // shared ones, and the least time per element of each way decides.
    void theSplitDecisionMeasuresBothWays() {
        using Trial = SplitDecision::Trial;
        static const int code = 0, newCode = 0;
        const auto decide = [](double wholeNs, double sharedNs) {
            SplitDecision decision;
            for (Trial trial = decision.nextTrial(&code, true); trial != Trial::None;
                 trial = decision.nextTrial(&code, true)) {
                decision.add(trial, 0, std::chrono::nanoseconds(1)); // no elements: no sample
                const double each = trial == Trial::Whole ? wholeNs : sharedNs;
                decision.add(trial, 100, std::chrono::nanoseconds(std::int64_t(each * 100)));
            }
            return decision;
        };
        QVERIFY(decide(10.0, 6.0).shares());
        QVERIFY(!decide(10.0, 9.5).shares()); // not clearly faster
        QVERIFY(!decide(10.0, 14.0).shares());
        QCOMPARE(decide(10.0, 6.0).wholeNanosecondsPerElement(), 10.0);

        SplitDecision order;
        QString trials;
        for (Trial trial = order.nextTrial(&code, true); trial != Trial::None;
             trial = order.nextTrial(&code, true)) {
            trials += trial == Trial::Whole ? 'W' : 'S';
            order.add(trial, 1, std::chrono::nanoseconds(1));
        }
        QCOMPARE(trials, QString("WWWWWWWWSSSSSSSS"));

        SplitDecision decision = decide(10.0, 6.0);
        QCOMPARE(decision.nextTrial(&code, true), Trial::None);
        QCOMPARE(decision.nextTrial(&newCode, true), Trial::Whole); // new code: measured again
        QVERIFY(std::isinf(decision.wholeNanosecondsPerElement()));
    }

    // One round of trials can be wrong (a virtual machine's second core slow
    // for a moment): the rounds come again, 256 calls after the first, then
    // twice as far apart each time up to 4096 calls, four calls each way,
    // and each round's own samples decide.
    void laterRoundsMendADecision() {
        using Trial = SplitDecision::Trial;
        static const int code = 0;
        SplitDecision decision;
        long long quiet = 0; // calls without a trial since the last trial
        // Runs calls until a round has been decided; returns its trials and
        // sets `untimed` to the calls without one before it.
        const auto round = [&](double wholeNs, double sharedNs, long long& untimed) {
            QString trials;
            for (int call = 0; call < 10000; ++call) { // a round that never comes fails
                const Trial trial = decision.nextTrial(&code, true);
                if (trial == Trial::None) {
                    ++quiet;
                    if (!trials.isEmpty())
                        return trials;
                    continue;
                }
                if (trials.isEmpty())
                    untimed = quiet;
                quiet = 0;
                trials += trial == Trial::Whole ? 'W' : 'S';
                const double each = trial == Trial::Whole ? wholeNs : sharedNs;
                decision.add(trial, 100, std::chrono::nanoseconds(std::int64_t(each * 100)));
            }
            return trials;
        };
        long long untimed = 0;
        QCOMPARE(round(10.0, 14.0, untimed), QString("WWWWWWWWSSSSSSSS"));
        QCOMPARE(untimed, 0);
        QVERIFY(!decision.shares()); // the second core was slow during this round
        QCOMPARE(round(10.0, 6.0, untimed), QString("WWWWSSSS"));
        QCOMPARE(untimed, 256 - 1); // counted from the call that ended the first round
        QVERIFY(decision.shares());
        QCOMPARE(decision.wholeNanosecondsPerElement(), 10.0);
        QCOMPARE(round(12.0, 20.0, untimed), QString("WWWWSSSS"));
        QCOMPARE(untimed, 512 - 1);
        QVERIFY(!decision.shares()); // this round's samples alone decide
        QCOMPARE(decision.wholeNanosecondsPerElement(), 12.0);
        for (const long long interval : {1024, 2048, 4096, 4096}) {
            round(10.0, 6.0, untimed);
            QCOMPARE(untimed, interval - 1);
        }
        QVERIFY(decision.shares());
    }

    // Shared trials the workers missed (the caller ran every part while they
    // were waking up) are not samples: the slow ones below would otherwise
    // decide against sharing. Workers that miss 64 in a row are not coming,
    // and then the calls are what sharing costs.
    void sharedTrialsTheWorkersMissedAreNoSamples() {
        using Trial = SplitDecision::Trial;
        static const int code = 0;
        const auto nanoseconds = [](double each) {
            return std::chrono::nanoseconds(std::int64_t(each * 100));
        };
        SplitDecision waking;
        for (int call = 0; call < 8; ++call) {
            QCOMPARE(waking.nextTrial(&code, true), Trial::Whole);
            waking.add(Trial::Whole, 100, nanoseconds(10.0));
        }
        for (int call = 0; call < 20; ++call) { // the caller alone: slower than whole
            QCOMPARE(waking.nextTrial(&code, true), Trial::Shared);
            waking.add(Trial::Shared, 100, nanoseconds(12.0), false);
        }
        for (int call = 0; call < 8; ++call) {
            QCOMPARE(waking.nextTrial(&code, true), Trial::Shared);
            waking.add(Trial::Shared, 100, nanoseconds(6.0), true);
        }
        QCOMPARE(waking.nextTrial(&code, true), Trial::None);
        QVERIFY(waking.shares());

        SplitDecision absent;
        for (int call = 0; call < 8; ++call) {
            QCOMPARE(absent.nextTrial(&code, true), Trial::Whole);
            absent.add(Trial::Whole, 100, nanoseconds(10.0));
        }
        int shared = 0;
        while (absent.nextTrial(&code, true) == Trial::Shared && shared < 1000) {
            absent.add(Trial::Shared, 100, nanoseconds(12.0), false);
            ++shared;
        }
        QCOMPARE(shared, 63 + 8); // 63 missed and let go, then 8 samples
        QVERIFY(!absent.shares());
    }

    // A kernel whose calls are too small to share out is measured whole
    // eight times, then runs untimed and whole: no trial is left pending
    // that would time every call.
    void callsTooSmallToShareEndTheTrials() {
        using Trial = SplitDecision::Trial;
        static const int code = 0;
        SplitDecision decision;
        for (int call = 0; call < 8; ++call) {
            QCOMPARE(decision.nextTrial(&code, false), Trial::Whole);
            decision.add(Trial::Whole, 100, std::chrono::nanoseconds(500));
        }
        for (int call = 0; call < 100; ++call)
            QCOMPARE(decision.nextTrial(&code, false), Trial::None);
        QVERIFY(!decision.shares());
        QCOMPARE(decision.nextTrial(&code, true), Trial::Shared); // a call large enough
    }
};

QTEST_GUILESS_MAIN(TestThreads)
#include "tst_threads.moc"
