// The native spike queue that generated pathway kernels call each step, in
// Brian2's order: push the step's spikes, read the synapses due (in blocks),
// process them, advance. Timing is checked step by step and against a plain reference model.
#include "runtime/SpikeQueue.h"

#include <QtTest>
#include <map>
#include <random>
#include <stdexcept>

using namespace spikestudio;

namespace {

using Ids = std::vector<std::int32_t>;

/// The synapse ids the queue delivers in its current step.
Ids due(const SpikeQueue& queue) {
    Ids ids = queue.dueIds();
    if (static_cast<std::int64_t>(ids.size()) != queue.dueCount())
        throw std::logic_error("dueCount() disagrees with the blocks");
    return ids;
}

/// What a generated kernel reads: every block through the C entry point.
Ids dueThroughC(SpikeQueue& queue) {
    Ids delivered;
    std::int64_t first = 0;
    const std::int32_t* ids = nullptr;
    for (std::int64_t block = 0, size;
         (size = spikestudio_queue_block(&queue, block, &first, &ids)) >= 0; ++block) {
        if (size == 0)
            throw std::logic_error("an empty block");
        for (std::int64_t k = 0; k < size; ++k)
            delivered.push_back(ids ? ids[k] : static_cast<std::int32_t>(first + k));
    }
    return delivered;
}

/// One step in Brian2's order: push, read, advance; returns what was due.
Ids step(SpikeQueue& queue, const Ids& spikes) {
    queue.push(spikes.data(), static_cast<std::int64_t>(spikes.size()));
    Ids delivered = due(queue);
    queue.advance();
    return delivered;
}

/// The same step through the C entry points a generated kernel uses.
Ids stepThroughC(SpikeQueue& queue, const Ids& spikes) {
    spikestudio_queue_push(&queue, spikes.data(), static_cast<std::int64_t>(spikes.size()));
    Ids delivered = dueThroughC(queue);
    spikestudio_queue_advance(&queue);
    return delivered;
}

/// Brian2's semantics written out plainly: every synapse of a spiking source is
/// due `delay` steps later, appended in spike order and then creation order.
class ReferenceQueue {
public:
    ReferenceQueue(Ids sourceOfSynapse, Ids delayOfSynapse)
        : sources_(std::move(sourceOfSynapse)), delays_(std::move(delayOfSynapse)) {}

    Ids step(long long now, const Ids& spikes) {
        for (std::int32_t neuron : spikes)
            for (size_t s = 0; s < sources_.size(); ++s)
                if (sources_[s] == neuron)
                    pending_[now + delays_[s]].push_back(static_cast<std::int32_t>(s));
        Ids delivered = std::move(pending_[now]);
        pending_.erase(now);
        return delivered;
    }

private:
    Ids sources_;
    Ids delays_;
    std::map<long long, Ids> pending_;
};

} // namespace

class TestSpikeQueue : public QObject {
    Q_OBJECT

private slots:
    void zeroDelayActsInTheSameStep() {
        SpikeQueue queue;
        queue.prepare({0, 1, 0}, 2, {});
        QCOMPARE(queue.slotCount(), 1);
        QCOMPARE(queue.synapseCount(), 3);
        QCOMPARE(step(queue, {0}), (Ids{0, 2}));
        QCOMPARE(step(queue, {}), Ids{});
        QCOMPARE(step(queue, {1}), Ids{1});
    }

    void explicitZeroDelayActsInTheSameStep() {
        SpikeQueue queue;
        queue.prepare({0, 0}, 1, {0});
        QCOMPARE(step(queue, {0}), (Ids{0, 1}));
    }

    void homogeneousDelayArrivesExactlyThatManyStepsLater() {
        SpikeQueue queue;
        queue.prepare({0, 0, 1}, 2, {3});
        QCOMPARE(queue.slotCount(), 4);
        QCOMPARE(step(queue, {0}), Ids{}); // step 0: the spike
        QCOMPARE(step(queue, {}), Ids{});  // steps 1 and 2: still in flight
        QCOMPARE(step(queue, {}), Ids{});
        QCOMPARE(step(queue, {}), (Ids{0, 1})); // step 3: delivered
        QCOMPARE(step(queue, {}), Ids{});       // and only once
    }

    void heterogeneousDelaysDeliverOneSynapsePerStep() {
        SpikeQueue queue;
        queue.prepare({0, 0, 0}, 1, {2, 0, 1});
        QCOMPARE(queue.slotCount(), 3);
        QCOMPARE(step(queue, {0}), Ids{1});
        QCOMPARE(step(queue, {}), Ids{2});
        QCOMPARE(step(queue, {}), Ids{0});
        QCOMPARE(step(queue, {}), Ids{});
    }

    void idsOfOneSourceComeInCreationOrder() {
        // Synapses of source 1 are created interleaved with those of other sources.
        SpikeQueue queue;
        queue.prepare({1, 0, 1, 2, 1, 0, 1}, 3, {});
        QCOMPARE(step(queue, {1}), (Ids{0, 2, 4, 6}));
        queue.prepare({1, 0, 1, 2, 1, 0, 1}, 3, {1, 1, 1, 1, 1, 1, 1});
        step(queue, {1});
        QCOMPARE(step(queue, {}), (Ids{0, 2, 4, 6}));
    }

    void twoSourcesOntoOneTargetAreBothDelivered() {
        // Synapses 0 and 1 (from sources 0 and 1) and 2 (a second one from 0) share a target.
        SpikeQueue queue;
        queue.prepare({0, 1, 0}, 2, {});
        QCOMPARE(step(queue, {0, 1}), (Ids{0, 2, 1}));
        queue.prepare({0, 1, 0}, 2, {2});
        QCOMPARE(step(queue, {1, 0}), Ids{});
        QCOMPARE(step(queue, {}), Ids{});
        QCOMPARE(step(queue, {}), (Ids{1, 0, 2}));
    }

    void aSourceSpikingInTwoStepsDeliversTwice() {
        SpikeQueue queue;
        queue.prepare({0}, 1, {2});
        QCOMPARE(step(queue, {0}), Ids{});
        QCOMPARE(step(queue, {0}), Ids{});
        QCOMPARE(step(queue, {}), Ids{0});
        QCOMPARE(step(queue, {}), Ids{0});
        QCOMPARE(step(queue, {}), Ids{});
    }

    void sourcesWithoutSynapsesDeliverNothing() {
        SpikeQueue queue;
        queue.prepare({2}, 4, {});
        QCOMPARE(step(queue, {0, 1, 3}), Ids{});
        queue.prepare({}, 3, {});
        QCOMPARE(queue.synapseCount(), 0);
        QCOMPARE(step(queue, {0, 1, 2}), Ids{});
    }

    void prepareDiscardsPendingSpikes() {
        SpikeQueue queue;
        queue.prepare({0}, 1, {1});
        step(queue, {0});
        queue.prepare({0}, 1, {1});
        QCOMPARE(step(queue, {}), Ids{});
    }

    void matchesTheReferenceOverManySteps_data() {
        QTest::addColumn<Ids>("sources");
        QTest::addColumn<Ids>("delays"); // as given to prepare
        QTest::newRow("heterogeneous")
            << Ids{0, 1, 2, 0, 1, 2, 0, 3, 3} << Ids{0, 5, 2, 3, 1, 4, 5, 5, 0};
        QTest::newRow("homogeneous") << Ids{3, 1, 2, 0, 1, 2, 0, 3} << Ids{5};
        QTest::newRow("no delay") << Ids{3, 1, 2, 0, 1, 2, 0, 3} << Ids{};
        QTest::newRow("grouped by source, heterogeneous")
            << Ids{0, 0, 1, 2, 2, 3, 3} << Ids{3, 0, 2, 5, 1, 4, 0};
        QTest::newRow("grouped by source, homogeneous") << Ids{0, 1, 1, 1, 3, 3} << Ids{2};
    }

    void matchesTheReferenceOverManySteps() {
        // Spikes arrive while earlier ones are pending, and the ring wraps ~170 times.
        QFETCH(Ids, sources);
        QFETCH(Ids, delays);
        const Ids delayOfSynapse = delays.size() == sources.size()
                                       ? delays
                                       : Ids(sources.size(), delays.empty() ? 0 : delays[0]);
        SpikeQueue queue;
        queue.prepare(sources, 4, delays);
        ReferenceQueue reference(sources, delayOfSynapse);
        std::mt19937 random(7);
        std::bernoulli_distribution spikes(0.3);
        for (long long now = 0; now < 1000; ++now) {
            Ids spiking;
            for (std::int32_t neuron = 0; neuron < 4; ++neuron)
                if (spikes(random))
                    spiking.push_back(neuron);
            QCOMPARE(step(queue, spiking), reference.step(now, spiking));
        }
    }

    void synapsesGroupedBySourceNeedNoIdArray() {
        // Synapses made source by source (every generator connect): entry k is synapse k.
        SpikeQueue queue;
        queue.prepare({0, 0, 1, 3, 3}, 4, {});
        QVERIFY(!queue.storesSynapseIds());
        QCOMPARE(queue.synapseCount(), 5);
        QCOMPARE(step(queue, {3, 0}), (Ids{3, 4, 0, 1}));
        queue.prepare({0, 0, 1, 3, 3}, 4, {1, 0, 2, 0, 1});
        QVERIFY(!queue.storesSynapseIds());
        QCOMPARE(step(queue, {0, 3}), (Ids{1, 3}));
        QCOMPARE(step(queue, {1}), (Ids{0, 4}));
        QCOMPARE(step(queue, {}), Ids{});
        QCOMPARE(step(queue, {}), Ids{2});
        // Interleaved sources (connect arrays, a post pathway) keep the ids.
        queue.prepare({1, 0, 1}, 2, {});
        QVERIFY(queue.storesSynapseIds());
        QCOMPARE(step(queue, {1, 0}), (Ids{0, 2, 1}));
    }

    void cEntryPointsBehaveLikeTheMethods() {
        const Ids sources = {0, 1, 0, 2, 1};
        const Ids delays = {1, 0, 3, 2, 3};
        SpikeQueue viaMethods, viaC;
        viaMethods.prepare(sources, 3, delays);
        viaC.prepare(sources, 3, delays);
        const std::vector<Ids> spikesPerStep = {{0, 1}, {2}, {}, {0, 1, 2}, {},
                                                {},     {1}, {}, {},        {}};
        for (const Ids& spikes : spikesPerStep)
            QCOMPARE(stepThroughC(viaC, spikes), step(viaMethods, spikes));
    }

    void advanceKeepsSlotMemory() {
        // After warm-up a slot is refilled in place: the hot path does not allocate.
        SpikeQueue queue;
        queue.prepare({0, 0, 0, 1, 1}, 2, {0, 1, 0, 1, 0});
        const Ids spikes = {0, 1};
        for (int k = 0; k < 3; ++k)
            step(queue, spikes);
        const std::size_t warm = queue.growingBytes();
        for (int k = 0; k < 10; ++k)
            step(queue, spikes);
        QCOMPARE(queue.growingBytes(), warm);
    }

    /// One delay for all: a spike's synapses are one block of consecutive
    /// ids, joined with the next source's when they touch, and nothing is
    /// copied per synapse; a layout grouped by source hands out its ids.
    void oneDelayForAllGivesBlocks() {
        SpikeQueue identity;
        identity.prepare({0, 0, 1, 1, 1, 2, 3}, 4, {});
        const Ids spikes = {0, 1, 3};
        identity.push(spikes.data(), 3);
        std::int64_t first = -1;
        const std::int32_t* ids = nullptr;
        QCOMPARE(identity.dueBlock(0, &first, &ids), 5); // sources 0 and 1 touch
        QCOMPARE(first, 0);
        QVERIFY(ids == nullptr);
        QCOMPARE(identity.dueBlock(1, &first, &ids), 1);
        QCOMPARE(first, 6);
        QCOMPARE(identity.dueBlock(2, &first, &ids), -1);
        QCOMPARE(identity.dueCount(), 6);
        identity.advance();
        QCOMPARE(identity.dueCount(), 0);
        QCOMPARE(identity.dueBlock(0, &first, &ids), -1);

        SpikeQueue grouped;
        grouped.prepare({1, 0, 1, 0}, 2, {});
        const std::int32_t source = 1;
        grouped.push(&source, 1);
        QCOMPARE(grouped.dueBlock(0, &first, &ids), 2);
        QVERIFY(ids != nullptr);
        QCOMPARE(Ids(ids, ids + 2), (Ids{0, 2}));
        QCOMPARE(grouped.dueIds(), (Ids{0, 2}));
    }

    void prepareRefusesBadInput() {
        SpikeQueue queue;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.prepare({0}, 1, {-1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.prepare({0, 0}, 1, {2, -3}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.prepare({2}, 2, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.prepare({-1}, 2, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.prepare({0, 0, 0}, 1, {1, 2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.prepare({0}, 1, {1, 2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.prepare({}, -1, {}));
    }

    void aRefusedPrepareKeepsTheQueueAsItWas() {
        SpikeQueue queue;
        queue.prepare({0, 1}, 2, {1});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.prepare({0, 5}, 2, {}));
        QCOMPARE(queue.synapseCount(), 2);
        QCOMPARE(step(queue, {0, 1}), Ids{});
        QCOMPARE(step(queue, {}), (Ids{0, 1}));
    }
};

QTEST_APPLESS_MAIN(TestSpikeQueue)
#include "tst_spike_queue.moc"
