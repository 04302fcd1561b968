// A pathway whose due synapses reach consecutive neurons (all-to-all,
// one-to-one, ranges of targets) counts the target instead of reading it and
// turns the owner test into loop bounds, 64 synapses at a time
// (codegen/templates/synapses_pathway.c). Every source here spikes in every
// step and every synapse adds its own weight to its target, so each target's
// sum follows from the synapse list alone: checked on one to three threads
// (each owning a slice of the targets that cuts through the runs), on libtcc
// and on native code, for connections whose runs are whole, broken by a gap,
// joined across sources or absent; and, where each source's targets ascend,
// for the slice of them a thread finds by bisection.
#include "engine/NativeCompiler.h"
#include "model/ModelReader.h"
#include "support/PlainValues.h"
#include "support/SharedRun.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

constexpr int kSteps = 10; // 1 ms at dt = 0.1 ms

/// `sources` neurons spiking in every step, connected by `connect` onto
/// `targets` neurons; synapse weights differ by source and target.
std::string modelWith(int sources, int targets, const std::string& connect) {
    return R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "1*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": )" +
           std::to_string(sources) + R"(, "equations": "u : 1", "threshold": "True"},
             {"name": "H", "type": "NeuronGroup", "N": )" +
           std::to_string(targets) + R"(, "equations": "v : 1"}],
  "synapses": [{"name": "S", "source": "G", "target": "H", "model": "w : 1",
                "on_pre": "v_post += w", "connect": )" +
           connect + R"(, "initial": {"w": "1 + 1000*i + 0.001*j"}}]})";
}

/// One source onto targets 0 to n - 1 in order but for `at` and `at + 1`.
QString swappedPair(int n, int at) {
    QStringList sources;
    QStringList targets;
    for (int k = 0; k < n; ++k) {
        sources << "0";
        targets << QString::number(k == at ? at + 1 : k == at + 1 ? at : k);
    }
    return QString("{\"i\": [%1], \"j\": [%2]}").arg(sources.join(", "), targets.join(", "));
}

/// What each target must hold: every synapse's weight once per step.
std::vector<double> expectedSums(const SynapseState& synapses, std::size_t targets) {
    std::vector<double> sums(targets, 0.0);
    for (int step = 0; step < kSteps; ++step)
        for (std::size_t s = 0; s < synapses.post.size(); ++s)
            sums[static_cast<std::size_t>(synapses.post[s])] += synapses.variables.at("w")[s];
    return sums;
}

} // namespace

class TestConsecutiveTargets : public QObject {
    Q_OBJECT

    QTemporaryDir cache_;

private slots:
    void initTestCase() {
        QVERIFY(cache_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", cache_.path().toUtf8());
        qunsetenv("SPIKESTUDIO_CC");
    }

    void everyTargetGetsEachSynapseOnce_data() {
        QTest::addColumn<int>("sources");
        QTest::addColumn<int>("targets");
        QTest::addColumn<QString>("connect");
        // Runs join across sources into one due block; 300 targets cut into
        // 64-synapse chunks that straddle sources and thread slices.
        QTest::newRow("all-to-all") << 3 << 300 << "{}";
        QTest::newRow("one-to-one") << 200 << 200 << "{\"j\": \"i\"}";
        QTest::newRow("one-to-one, shifted") << 150 << 200 << "{\"j\": \"i + 50\"}";
        QTest::newRow("all but self") << 100 << 100 << "{\"condition\": \"i != j\"}";
        QTest::newRow("ranges of twenty")
            << 10 << 200 << "{\"j\": \"k for k in range(i*20, i*20 + 20)\"}";
        QTest::newRow("reversed ranges")
            << 4 << 100 << "{\"j\": \"k for k in range(99 - i, -1, -1)\"}";
        QTest::newRow("random") << 20 << 150 << "{\"p\": 0.5}";
        // Each source's targets ascend (a thread bisects for its slice of
        // them), but later sources reach earlier targets.
        QTest::newRow("wide and sparse") << 6 << 1000 << "{\"p\": 0.3}";
        QTest::newRow("later sources onto earlier targets")
            << 10 << 200 << "{\"j\": \"k for k in range((9 - i)*20, (9 - i)*20 + 20)\"}";
        QTest::newRow("pairs listed out of source order")
            << 3 << 50 << "{\"i\": [2, 2, 0, 0, 1, 0], \"j\": [5, 40, 3, 4, 0, 49]}";
        QTest::newRow("two synapses each") << 100 << 100 << "{\"j\": \"i\", \"n\": 2}";
        // The ends of a chunk 63 apart, but two targets swapped inside it.
        QTest::newRow("a swapped pair") << 1 << 100 << swappedPair(100, 10);
    }

    void everyTargetGetsEachSynapseOnce() {
        QFETCH(int, sources);
        QFETCH(int, targets);
        QFETCH(QString, connect);
        const CheckedModel model =
            checkModel(readModel(modelWith(sources, targets, connect.toStdString())));
        const bool haveCompiler = NativeCompiler::find().has_value();
        for (const int threads : {1, 2, 3})
            for (const bool native : {false, true}) {
                if (native && !haveCompiler)
                    continue;
                const auto network = runShared(model, threads, native);
                const SynapseState& synapses = network->synapses().front();
                QVERIFY(!synapses.post.empty());
                const auto& sums = network->groups()[1].variables.at("v");
                QVERIFY2(
                    plainValues(sums) == expectedSums(synapses, static_cast<std::size_t>(targets)),
                    qPrintable(
                        QString("%1 threads, %2").arg(threads).arg(native ? "native" : "libtcc")));
            }
    }
};

QTEST_GUILESS_MAIN(TestConsecutiveTargets)
#include "tst_consecutive_targets.moc"
