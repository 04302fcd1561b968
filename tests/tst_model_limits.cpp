// Models that would exhaust memory, overflow a counter or do what Brian2
// refuses: each is refused fast with one message naming object and field and
// exit status 1, or (where a right answer exists) gives it. The command line
// runs with SPIKESTUDIO_MEMORY_LIMIT set small, so no test allocates much;
// without the estimates these models would run into the kernel's OOM killer.
// No output ever shows the C++ library's own words.
#include "diagnostics/FailureMessage.h"
#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "memory/MemoryBudget.h"
#include "model/ModelReader.h"
#include "support/CliRunner.h"
#include "support/CsvTable.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <new>
#include <stdexcept>
#include <system_error>

using namespace spikestudio;

namespace {

/// A model file from its parts (raw JSON text, so that it can hold duplicate keys).
QByteArray model(const QByteArray& groups, const QByteArray& rest = "",
                 const QByteArray& duration = "10*ms") {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "seed": 1,
               "duration": ")" +
           duration + R"(", "groups": [)" + groups + "]" + (rest.isEmpty() ? "" : ", " + rest) +
           "}";
}

const QByteArray kNeurons100k =
    R"({"name": "G", "type": "NeuronGroup", "N": 100000, "equations": "v : 1"})";
const QByteArray kTwoNeurons =
    R"({"name": "G", "type": "NeuronGroup", "N": 2, "equations": "v : 1"})";
const QByteArray kSpiking =
    R"({"name": "G", "type": "NeuronGroup", "N": 3, "equations": "v : 1", "threshold": "True"})";

QByteArray synapses(const QByteArray& connect, const QByteArray& extra = "") {
    return R"("synapses": [{"name": "S", "source": "G", "target": "G", "model": "w : 1",
                            "on_pre": "v += w", "connect": )" +
           connect + extra + "}]";
}

/// One neuron driven to spike every 11 steps of 1e-16 s, for 100 steps.
QByteArray fastNeuron(const QByteArray& refractory) {
    return R"x({"format": "spikestudio-model", "version": 1, "dt": "1e-16*second",
            "duration": "1e-14*second",
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 1,
              "equations": "dv/dt = 1/(1e-15*second) : 1 (unless refractory)",
              "threshold": "v > 1", "reset": "v = 0", "refractory": ")x" +
           refractory + R"x("}],
            "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"}]})x";
}

/// Words only the C++ library uses; none may reach a user.
const char* const kLibraryWords[] = {"std::",    "vector::",     "bad_alloc", "basic_string",
                                     "max_size", "length_error", "what()"};

} // namespace

class TestModelLimits : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QTemporaryDir cache_;
    int files_ = 0;

    QString write(const QByteArray& content) {
        const QString path = dir_.filePath(QString("model%1.json").arg(++files_));
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return path;
    }

    /// The command line with SPIKESTUDIO_MEMORY_LIMIT set to `limit` ("" to unset).
    static CliResult runWithLimit(const QStringList& arguments, const QString& limit,
                                  const QString& program = SPIKESTUDIO_CLI) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (limit.isEmpty())
            environment.remove(kMemoryLimitVariable);
        else
            environment.insert(kMemoryLimitVariable, limit);
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
        process.waitForFinished(120000);
        CliResult result;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    /// `spikestudio run MODEL --tier tcc` under a 256 MiB limit.
    CliResult run(const QByteArray& content, QStringList extra = {}) {
        return runWithLimit(QStringList{"run", write(content), "--tier", "tcc"} + extra, "256M");
    }

    /// Refused with exit status 1 and one error line that contains every part.
    static void expectRefused(const CliResult& result, const QStringList& parts) {
        QVERIFY2(result.exitCode == 1, qPrintable(result.out + result.err));
        QVERIFY2(result.err.startsWith("error: "), qPrintable(result.err));
        QCOMPARE(result.err.count('\n'), 1);
        for (const QString& part : parts)
            QVERIFY2(result.err.contains(part), qPrintable(result.err));
        expectNoLibraryWords(result);
    }

    static void expectNoLibraryWords(const CliResult& result) {
        for (const char* word : kLibraryWords)
            QVERIFY2(!result.err.contains(word) && !result.out.contains(word),
                     qPrintable(result.out + result.err));
    }

    static int spikeCount(const CliResult& result) {
        static const QRegularExpression line("spikes G \\(spikes\\): (\\d+)");
        const QRegularExpressionMatch match = line.match(result.out);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid() && cache_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", cache_.path().toUtf8());
    }

    // ---- memory estimates, refused before anything big is allocated

    void allToAllOnHundredThousandNeuronsIsRefused() {
        const CliResult result = run(model(kNeurons100k, synapses(R"({"p": 1.0})")));
        expectRefused(result, {"'S', field 'connect': 1e10 synapses would need",
                               "SPIKESTUDIO_MEMORY_LIMIT allows 256.0 MiB"});
    }

    void sampleWithProbabilityOneIsRefused() {
        const CliResult result =
            run(model(kNeurons100k, synapses(R"x({"j": "k for k in sample(N_post, p=1.0)"})x")));
        expectRefused(result, {"'S', field 'connect': about 1e10 synapses would need"});
    }

    void probabilityAsAnExpressionOfIIsEstimated() {
        const CliResult result =
            run(model(kNeurons100k, synapses(R"({"p": "0.5 + 0.4*i/N_pre"})")));
        expectRefused(result, {"'S', field 'connect': about 7e9 synapses would need"});
    }

    void aConditionIsEstimatedFromSampledSources() {
        const CliResult result = run(model(kNeurons100k, synapses(R"({"condition": "i != j"})")));
        expectRefused(result, {"'S', field 'connect': about 1e10 synapses would need"});
    }

    // A structured condition is not refused on a sample of sources: the one
    // sampled source that connects stands for 78 in the estimate (390,000
    // synapses, beyond this limit), but only it connects, and that fits.
    void aSparseConditionIsNotRefusedOnAnEstimate() {
        const CliResult result = runWithLimit(
            {"run",
             write(model(R"({"name": "G", "type": "NeuronGroup", "N": 5000, "equations": "v : 1"})",
                         synapses(R"({"condition": "i == 0 and j >= 0"})"))),
             "--tier", "tcc"},
            "4M");
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains("synapses S: G -> G, 5000 synapses"), qPrintable(result.out));
    }

    // A p that reads j becomes `rand() < p` per pair: its mean is estimated
    // from sampled sources, without drawing.
    void probabilityReadingJIsEstimated() {
        const CliResult result =
            run(model(kNeurons100k, synapses(R"x({"p": "exp(-abs(i - j)/50000.0)"})x")));
        expectRefused(result, {"'S', field 'connect': about ", " synapses would need"});
    }

    // randn() in a condition cannot be estimated without drawing: creating the
    // synapses counts them and stops at the limit.
    void creationStopsAtTheLimitWhenNothingEstimatesIt() {
        const CliResult result =
            run(model(kNeurons100k, synapses(R"({"condition": "randn() < 1.2"})")));
        expectRefused(result, {"'S', field 'connect': more than", "creating them stopped at "
                                                                  "source neuron"});
    }

    void manySynapsesPerPairAreRefused() {
        const CliResult result = run(model(kTwoNeurons, synapses(R"({"n": 2147483648})")));
        expectRefused(result, {"'S', field 'connect': 8.6e9 synapses would need"});
        const CliResult arrays =
            run(model(kTwoNeurons, synapses(R"({"i": [0], "j": [1], "n": 2147483648})")));
        expectRefused(arrays, {"'S', field 'connect': 2.1e9 synapses would need"});
    }

    // With memory to spare, the spike queue's 32-bit synapse ids are the limit.
    void moreThanTwoToTheThirtyOneSynapsesAreRefused() {
        const CliResult result = runWithLimit(
            {"check", write(model(kTwoNeurons, synapses(R"({"n": 2147483648})")))}, "1000T");
        QCOMPARE(result.exitCode, 0); // checking allocates nothing
        const CliResult refused = runWithLimit(
            {"run", write(model(kTwoNeurons, synapses(R"({"n": 2147483648})"))), "--tier", "tcc"},
            "1000T");
        expectRefused(refused, {"'S', field 'connect': 8.6e9 synapses; a Synapses object can "
                                "hold at most 2147483647"});
    }

    void aLongDelayIsRefusedByItsQueue() {
        const CliResult result =
            run(model(kSpiking, synapses(R"({"p": 1})", R"(, "delay": "10000*second")")));
        expectRefused(result, {"'S', field 'delay': a spike queue of 1e8 delay steps would need"});
    }

    void aHugeGroupIsRefused() {
        const CliResult result = run(model(
            R"({"name": "G", "type": "NeuronGroup", "N": 1000000000, "equations": "v : 1"})"));
        expectRefused(result, {"'G', field 'N': 1e9 neurons would need"});
    }

    void aLongPopulationRateIsRefused() {
        const CliResult result = run(model(kTwoNeurons,
                                           R"("monitors": [{"name": "rate", "type":
                                               "PopulationRateMonitor", "source": "G"}])",
                                           "1e6*second"));
        expectRefused(result, {"'rate', field 'source': recording the rate for 1e10 steps"});
    }

    void initialValuesCountTheirScratch() {
        // 2e6 neurons: 16 MB of state, but `v` below holds five columns at once.
        const CliResult result =
            runWithLimit({"run", write(model(R"x({"name": "G", "type": "NeuronGroup", "N": 2000000,
                  "equations": "v : 1", "initial": {"v": "i + (i + (i + (i + i)))"}})x")),
                          "--tier", "tcc"},
                         "60M");
        expectRefused(result, {"'G', field 'initial': evaluating the initial values would need"});
    }

    // The records of a SpikeMonitor grow with the run: it stops before they
    // outgrow the limit, keeps the results so far and stores the run as failed.
    void aRecordOutgrowingMemoryStopsTheRun() {
        const QString csv = dir_.filePath("spikes-out");
        const QString project = dir_.filePath("spikes.spikestudio");
        const CliResult result = runWithLimit(
            {"run",
             write(model(R"({"name": "P", "type": "PoissonGroup", "N": 1000, "rates": "5*kHz"})",
                         R"("monitors": [{"name": "spikes", "type": "SpikeMonitor",
                             "source": "P"}])",
                         "100*second")),
             "--tier", "tcc", "--csv", csv, "--db", project},
            "16M");
        expectRefused(result, {"'spikes', field 'source': the run stopped at t = ",
                               "spikes of 'P' recorded so far would soon need more than"});
        QVERIFY(QFile::exists(csv + "/spikes.csv"));
        const CliResult runs = runCli({"runs", project});
        QVERIFY2(runs.out.contains("failed") && runs.out.contains("would soon need"),
                 qPrintable(runs.out));
    }

    // Spikes in flight grow with the delays; the queue is watched too.
    void spikesInFlightStopTheRun() {
        const QByteArray json = model(
            R"({"name": "G", "type": "NeuronGroup", "N": 1000, "equations": "v : 1",
                "threshold": "True"})",
            synapses(R"({"p": 1})", R"x(, "delay": "(i + j)*1*ms")x"), "1*second");
        const CheckedModel checked = checkModel(readModel(json.toStdString()));
        auto network = buildNetwork(checked);
        network->memoryWatch().limitTo(64.0 * 1024 * 1024, "a test limit");
        network->run(checked.duration);
        const auto& problem = network->memoryWatch().problem();
        QVERIFY(problem.has_value());
        QVERIFY2(problem->starts_with("'S', field 'delay': the run stopped at t = "),
                 problem->c_str());
        QVERIFY(network->scheduler().time() < checked.duration);
    }

    void aModelFileThatNeverEndsIsRefused() {
        const CliResult result = runWithLimit({"check", "/dev/zero"}, "64M");
        expectRefused(result, {"'/dev/zero': a device or a pipe, not a model file"});
        const CliResult folder = runCli({"check", dir_.path()});
        expectRefused(folder, {"a folder, not a model file"});
        // A regular file too large to parse in the budget is refused part-way.
        QFile huge(dir_.filePath("huge.json"));
        QVERIFY(huge.open(QIODevice::WriteOnly) && huge.resize(64 << 20)); // sparse
        huge.close();
        expectRefused(runWithLimit({"check", huge.fileName()}, "64M"),
                      {"reading a model file of more than"});
    }

    void theLimitVariableIsValidated() {
        const QString path = write(model(kTwoNeurons));
        for (const QString& bad : {"abc", "0", "-5M", "12X", "1.5.5G", "99999999999T"})
            expectRefused(runWithLimit({"run", path, "--tier", "tcc"}, bad),
                          {"'SPIKESTUDIO_MEMORY_LIMIT': expected a size such as 512M or 4G"});
        QCOMPARE(runWithLimit({"run", path, "--tier", "tcc"}, "1G").exitCode, 0);
    }

    void memorySizesParse() {
        QCOMPARE(parseMemorySize("1048576"), std::optional<double>(1048576.0));
        QCOMPARE(parseMemorySize("512M"), std::optional<double>(512.0 * 1024 * 1024));
        QCOMPARE(parseMemorySize("1.5g"), std::optional<double>(1.5 * 1024 * 1024 * 1024));
        QCOMPARE(parseMemorySize("2GiB"), std::optional<double>(2.0 * 1024 * 1024 * 1024));
        QCOMPARE(parseMemorySize("64kB"), std::optional<double>(64.0 * 1024));
        for (const char* bad : {"", "M", "0", "0.1", "-1", "1e9", "5Q", "1 G", "8E"})
            QVERIFY2(!parseMemorySize(bad), bad);
        QVERIFY(!parseMemorySize("8388608T")); // 2^63 bytes
    }

    /// The command line in a shell whose address space is capped at `kibibytes`,
    /// with the budget set far above it: allocations fail for real.
    CliResult runCapped(const QStringList& arguments, int kibibytes) {
        QStringList quoted;
        for (const QString& argument : arguments)
            quoted << "'" + argument + "'";
        return runWithLimit({"-c", QString("ulimit -v %1; exec '%2' %3")
                                       .arg(kibibytes)
                                       .arg(SPIKESTUDIO_CLI, quoted.join(' '))},
                            "1000T", "/bin/sh");
    }

    // Memory that really runs out (the budget set far too high) is still named
    // by object and field, in words.
    void runningOutOfMemoryIsNamed() {
        const QString path = write(
            model(R"({"name": "G", "type": "NeuronGroup", "N": 500000000, "equations": "v : 1"})"));
        const CliResult result = runCapped({"run", path, "--tier", "tcc"}, 2000000);
        expectRefused(result, {"'G', field 'N': out of memory while creating 5e8 neurons"});
    }

    // `check` allocates nothing per element: `record: true` on 1e9 neurons is
    // listed when the network is built, after its memory is claimed.
    void checkDoesNotListEveryRecordedElement() {
        const QString path = write(
            model(R"({"name": "G", "type": "NeuronGroup", "N": 1000000000, "equations": "v : 1"})",
                  R"("monitors": [{"name": "trace", "type": "StateMonitor", "source": "G",
                             "variables": ["v"], "record": true}])"));
        const CliResult result = runCapped({"check", path}, 2000000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    }

    // ---- overflow: Brian2's result where it has a right one, else a refusal

    void aRunBeyondTheStepCounterIsRefused() {
        const CliResult result = runWithLimit(
            {"run", write(model(kTwoNeurons)), "--tier", "tcc", "--duration", "1e15*second"}, "");
        expectRefused(result, {"'model', field 'duration': 1e+15 s is 1e19 time steps of 1e-04 s",
                               "at most 2^40 = 1099511627776 steps"});
        QVERIFY(!result.out.contains("0 steps"));
    }

    // A refractory period past the int64 step counter (1000 s is 1e19 steps
    // of 1e-16 s) keeps the neuron refractory after its spike; Brian2's cast
    // made it none at all. In both tiers.
    void aVeryLongRefractoryPeriodHolds() {
        const QString path = write(fastNeuron("1000*second"));
        for (const QString tier : {"tcc", "native"}) {
            const CliResult result = runWithLimit({"run", path, "--tier", tier}, "");
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
            QCOMPARE(spikeCount(result), 1);
        }
        // 1e20 s at 0.1 ms: longer than the 1e4 s since Brian2's "never
        // spiked" lastspike, so refractory from the start (not "no refractory").
        const CliResult result = run(model(
            R"x({"name": "G", "type": "NeuronGroup", "N": 1,
                "equations": "dv/dt = 1/ms : 1 (unless refractory)", "threshold": "v > 1",
                "reset": "v = 0", "refractory": "1e20*second"})x",
            R"("monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"}])"));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(spikeCount(result), 0);
    }

    // With a dt of 1e-16 s, a neuron that never spiked (lastspike = -1e4 s)
    // last spiked 1e20 steps ago: not refractory, so it integrates and spikes.
    void aTinyDtKeepsNeverSpikedNeuronsFree() {
        const CliResult result = run(fastNeuron("1e-15*second"));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(spikeCount(result) >= 3, qPrintable(result.out));
    }

    // timestep() written in a model: beyond int64 the step count stays whole
    // and right (1e24), where the cast gave -2^63; in both tiers.
    void timestepBeyondInt64StaysRight() {
        const QString path = write(model(
            R"x({"name": "G", "type": "NeuronGroup", "N": 1,
                "equations": "steps = timestep(t + 1e20*second, dt) : 1"})x",
            R"("monitors": [{"name": "trace", "type": "StateMonitor", "source": "G",
                             "variables": ["steps"], "record": [0]}])",
            "1*ms"));
        for (const QString tier : {"tcc", "native"}) {
            const QString csv = dir_.filePath("timestep-" + tier);
            const CliResult result = runWithLimit({"run", path, "--tier", tier, "--csv", csv}, "");
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
            const CsvTable trace = CsvTable::read(csv + "/trace.csv");
            QVERIFY(trace.rows.size() > 2);
            QCOMPARE(trace.rows[1][1], 1e24);
        }
    }

    void rangeBoundsBeyondExactIntegersAreRefused() {
        for (const QByteArray generator :
             {QByteArray("k - 9223372036854775000 for k in range(9223372036854775000, "
                         "9223372036854775807)"),
              QByteArray("k for k in range(0, 2, 18014398509481984)"),
              QByteArray("k for k in sample(N_post, size=1e300)")}) {
            const CliResult result =
                run(model(kTwoNeurons, synapses(R"({"j": ")" + generator + R"("})")));
            expectRefused(result, {"'S', field 'connect'", "must be a number from -2^53 to 2^53"});
        }
    }

    void delaysBeyondTheQueueAreRefusedNotNegative() {
        for (const QByteArray delay :
             {QByteArray("214748.3648*second"), QByteArray("(1 + i)*214748.3648*second")}) {
            const CliResult result =
                run(model(kSpiking, synapses(R"({"p": 1})", R"(, "delay": ")" + delay + R"(")")));
            expectRefused(result, {"'S', field 'delay': the delay of synapse 0 is",
                                   "2.1e9 time steps", "a delay can be at most 2.1e9 steps"});
            QVERIFY(!result.err.contains("negative"));
        }
    }

    void spikeTimesBeyondTheStepCounterAreRefused() {
        const CliResult result = run(model(
            R"({"name": "gen", "type": "SpikeGeneratorGroup", "N": 1, "indices": [0],
                "times": ["1e300*second"]})"));
        expectRefused(result, {"'gen', field 'times[0]': 1e+300 s is",
                               "more than the 2^62 a clock can count"});
    }

    // ---- Brian2's refusals

    void negativeSynapsesPerPairAreRefused() {
        expectRefused(runCli({"check", write(model(kTwoNeurons, synapses(R"({"n": -1})")))}),
                      {"'S', field 'connect.n': the number of synapses per pair must be zero or "
                       "more, got -1"});
        expectRefused(run(model(kTwoNeurons, synapses(R"({"n": "i - 1"})"))),
                      {"'S', field 'connect.n': the number of synapses per pair for the pair "
                       "i=0, j=0 must be zero or more, got -1"});
    }

    void fractionalSynapsesPerPair() {
        expectRefused(
            runCli({"check", write(model(kTwoNeurons, synapses(R"({"n": 1.5})")))}),
            {"'S', field 'connect.n': n must be an integer or a string expression", "got 1.5"});
        // A string is an expression, truncated as Brian2's integer n: 2.7 makes 2.
        const CliResult result = run(model(kTwoNeurons, synapses(R"({"n": "2.7"})")));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains("synapses S: G -> G, 8 synapses"), qPrintable(result.out));
    }

    void negativeRefractoryIsRefused() {
        expectRefused(
            runCli({"check", write(model(R"({"name": "G", "type": "NeuronGroup", "N": 1,
                      "equations": "dv/dt = -v/ms : 1", "threshold": "v > 1",
                      "refractory": "-2*ms"})"))}),
            {"'G', field 'refractory'", "must be a finite time of zero or more, got -0.002 s"});
    }

    void negativePoissonRatesAreRefused() {
        expectRefused(runCli({"check", write(model(R"({"name": "P", "type": "PoissonGroup",
                                                     "N": 3, "rates": "-5*Hz"})"))}),
                      {"'P', field 'rates': the rates must be finite and zero or more, got -5 Hz"});
        expectRefused(
            runCli({"check", write(model(R"({"name": "G", "type": "NeuronGroup", "N": 3,
                                   "equations": "v : 1"})",
                                         R"("poisson_inputs": [{"name": "background", "target": "G",
                                   "variable": "v", "N": 10, "rate": "-5*Hz", "weight": "1"}])"))}),
            {"'background', field 'rate': the rate must be finite and zero or more, got -5 Hz"});
        // Rates that depend on i are known when the group is built.
        expectRefused(run(model(R"x({"name": "P", "type": "PoissonGroup", "N": 3,
                                     "rates": "(1 - i)*5*Hz"})x")),
                      {"'P', field 'rates': the rates of neuron 2 are -5 Hz"});
        QCOMPARE(run(model(R"x({"name": "P", "type": "PoissonGroup", "N": 3,
                                "rates": "(2 - i)*5*Hz"})x"))
                     .exitCode,
                 0);
    }

    void duplicateKeysAreRefused() {
        expectRefused(runCli({"check", write(R"({"format": "spikestudio-model", "version": 1,
                                   "duration": "1*ms", "duration": "2*ms", "groups": []})")}),
                      {"'model', field 'duration': the key 'duration' appears twice"});
        expectRefused(runCli({"check", write(model(R"({"name": "G", "type": "NeuronGroup", "N": 5,
                                             "N": 6, "equations": "v : 1"})"))}),
                      {"'G', field 'N': the key 'N' appears twice"});
        expectRefused(runCli({"check", write(model(R"({"name": "G", "type": "NeuronGroup", "N": 5,
                      "equations": "v : 1", "initial": {"v": "1", "v": "2"}})"))}),
                      {"'G', field 'initial.v': the key 'v' appears twice"});
        expectRefused(runCli({"check", write(model(R"({"type": "NeuronGroup", "N": 5, "N": 5})"))}),
                      {"'model', field 'groups[0].N': the key 'N' appears twice"});
    }

    void monitorNamesDifferingOnlyInCaseAreRefused() {
        expectRefused(runCli({"check", write(model(kTwoNeurons, R"("monitors": [
                       {"name": "spikes", "type": "SpikeMonitor", "source": "G"},
                       {"name": "Spikes", "type": "SpikeMonitor", "source": "G"}])"))}),
                      {"'Spikes', field 'name': another monitor is called 'spikes'"});
    }

    // ---- messages: the library's words never reach a user

    void failuresAreDescribedInPlainWords() {
        QCOMPARE(failureMessage(std::bad_alloc(), "running m.json"),
                 std::string("out of memory while running m.json"));
        QCOMPARE(failureMessage(std::length_error("vector::reserve"), "running m.json"),
                 std::string("out of memory while running m.json"));
        QCOMPARE(failureMessage(std::out_of_range("map::at"), "running m.json"),
                 std::string("internal error while running m.json; please report it"));
        const ModelError error({"S", "connect", 0, 0}, "a problem");
        QCOMPARE(failureMessage(error, "running"), std::string(error.what()));
        QCOMPARE(failureMessage(std::runtime_error("cannot write out/a.csv"), "running"),
                 std::string("cannot write out/a.csv"));
        const std::filesystem::filesystem_error file(
            "filesystem error: cannot create directories", "/x/y",
            std::make_error_code(std::errc::permission_denied));
        const std::string described = failureMessage(file, "writing CSV");
        QVERIFY2(described.starts_with("'/x/y': Permission denied") &&
                     described.find("filesystem error") == std::string::npos,
                 described.c_str());
        try {
            throw 42;
        } catch (...) {
            QCOMPARE(currentFailureMessage("running"),
                     std::string("an unexpected error stopped running; please report it"));
        }
    }
};

QTEST_GUILESS_MAIN(TestModelLimits)
#include "tst_model_limits.moc"
