// The distributions the Runs tab draws (core/analysis/SpikeDistributions and
// Histogram) on spike trains small enough to work out by hand.
#include "analysis/Histogram.h"
#include "analysis/SpikeDistributions.h"

#include <QtTest>
#include <cmath>

using namespace spikestudio;

namespace {

/// Neuron 0 at 1, 2, 3, 4 ms; neuron 1 at 1, 3, 7 ms; neuron 2 silent
/// (events in time order, as a monitor records them).
SpikeRecord threeNeurons() {
    SpikeRecord record;
    record.monitor = "spikes";
    record.countPerNeuron = {4, 3, 0};
    const std::pair<int, double> events[] = {{0, 1e-3}, {1, 1e-3}, {0, 2e-3}, {0, 3e-3},
                                             {1, 3e-3}, {0, 4e-3}, {1, 7e-3}};
    for (const auto& [neuron, time] : events) {
        record.indices.push_back(neuron);
        record.times.push_back(time);
    }
    return record;
}

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

} // namespace

class TestSpikeDistributions : public QObject {
    Q_OBJECT

private slots:
    void ratesAreCountsOverTheDuration() {
        QCOMPARE(neuronRates(threeNeurons(), 0.01), std::vector<double>({400, 300, 0}));
        QVERIFY(neuronRates(threeNeurons(), 0).empty());
    }

    void intervalsNeuronByNeuron() {
        const std::vector<double> intervals = interSpikeIntervals(threeNeurons());
        const double expected[] = {1e-3, 1e-3, 1e-3, 2e-3, 4e-3};
        QCOMPARE(intervals.size(), size_t(5));
        for (size_t k = 0; k < 5; ++k)
            QVERIFY2(near(intervals[k], expected[k]), qPrintable(QString::number(intervals[k])));
    }

    void cvsOfNeuronsWithThreeSpikes() {
        // Neuron 0: intervals 1, 1, 1 ms, CV 0. Neuron 1: 2 and 4 ms, mean 3,
        // SD 1, CV 1/3. Neuron 2 has no interval.
        const std::vector<double> cvs = neuronIsiCvs(threeNeurons());
        QCOMPARE(cvs.size(), size_t(2));
        QVERIFY(cvs[0] < 1e-9);
        QVERIFY(near(cvs[1], 1.0 / 3));
    }

    void histogramBinsFromSmallestToLargest() {
        const Histogram histogram = Histogram::ofValues(std::vector<double>{0, 1, 1, 2, 4}, 4);
        QCOMPARE(histogram.lower, 0.0);
        QCOMPARE(histogram.width, 1.0);
        QCOMPARE(histogram.counts, std::vector<double>({1, 2, 1, 1})); // 4 in the last bin
        const Histogram same = Histogram::ofValues(std::vector<double>{5, 5, 5}, 10);
        QCOMPARE(same.counts, std::vector<double>({3}));
        QVERIFY(Histogram::ofValues(std::vector<double>{NAN, INFINITY}, 5).counts.empty());
        QCOMPARE(Histogram::binsFor(0), size_t(1));
        QCOMPARE(Histogram::binsFor(10), size_t(4));
        QCOMPARE(Histogram::binsFor(100000), size_t(50));
    }
};

QTEST_MAIN(TestSpikeDistributions)
#include "tst_spike_distributions.moc"
