// Kernel bindings (codegen/ArrayBinding, engine/ArrayBinder): every kind of
// binding resolves to the runtime's own storage of the object it names (no
// copy), the source and target of synapses are told apart, and a binding
// with nothing to bind to is refused rather than bound to a null pointer.
#include "engine/ArrayBinder.h"

#include <QtTest>
#include <stdexcept>

using namespace spikestudio;

namespace {

/// Two groups of different sizes joined by three synapses; each variable
/// holds values no other holds.
struct SmallNetwork {
    Network network{1};
    GroupState* source = nullptr;
    GroupState* target = nullptr;
    SynapseState* synapses = nullptr;

    SmallNetwork() {
        source = &network.groups().emplace_back();
        source->name = "A";
        source->size = 2;
        source->variables["v"] = {1.0, 2.0};
        target = &network.groups().emplace_back();
        target->name = "B";
        target->size = 3;
        target->variables["v"] = {10.0, 20.0, 30.0};
        synapses = &network.synapses().emplace_back();
        synapses->name = "S";
        synapses->source = source;
        synapses->target = target;
        synapses->pre = {0, 0, 1};
        synapses->post = {2, 1, 2};
        synapses->variables["w"] = {0.5, 0.25, 0.125};
        network.timedArrays()["stimulus"] = {7.0, 8.0};
    }
};

double* asDoubles(void* pointer) {
    return static_cast<double*>(pointer);
}

} // namespace

class TestArrayBinder : public QObject {
    Q_OBJECT

private slots:
    void aGroupKernelReadsTheGroupsOwnArrays() {
        SmallNetwork small;
        const BindingTargets targets{small.network, small.target};
        QCOMPARE(resolveArray(binding::OwnVariable{"v"}, targets),
                 static_cast<void*>(small.target->variables["v"].data()));
        QCOMPARE(resolveArray(binding::TimedArrayValues{"stimulus"}, targets),
                 static_cast<void*>(small.network.timedArrays()["stimulus"].data()));
    }

    void aSynapseKernelReadsItsOwnItsSourcesAndItsTargetsArrays() {
        SmallNetwork small;
        const BindingTargets targets{small.network, nullptr, small.synapses};
        const std::vector<void*> arrays =
            resolveArrays({binding::OwnVariable{"w"}, binding::GroupVariable{SynapseSide::Pre, "v"},
                           binding::GroupVariable{SynapseSide::Post, "v"}},
                          targets);
        QCOMPARE(arrays.size(), size_t(3));
        QCOMPARE(arrays[0], static_cast<void*>(small.synapses->variables["w"].data()));
        QCOMPARE(arrays[1], static_cast<void*>(small.source->variables["v"].data()));
        QCOMPARE(arrays[2], static_cast<void*>(small.target->variables["v"].data()));
    }

    // N_outgoing counts per source neuron, N_incoming per target neuron.
    void synapsesPerNeuronAreCountedOnTheirSide() {
        SmallNetwork small;
        const BindingTargets targets{small.network, nullptr, small.synapses};
        const double* outgoing =
            asDoubles(resolveArray(binding::SynapsesPerNeuron{SynapseSide::Pre}, targets));
        const double* incoming =
            asDoubles(resolveArray(binding::SynapsesPerNeuron{SynapseSide::Post}, targets));
        QCOMPARE(std::vector<double>(outgoing, outgoing + 2), std::vector<double>({2.0, 1.0}));
        QCOMPARE(std::vector<double>(incoming, incoming + 3), std::vector<double>({0.0, 1.0, 2.0}));
    }

    // A state monitor's kernel gets its indices, and where its row pointer
    // lives: moving the row on needs no change to the bound arrays.
    void aStateMonitorGetsItsIndicesAndItsRowCursor() {
        SmallNetwork small;
        StateRecording recording;
        recording.indices = {0, 2};
        const BindingTargets targets{small.network, small.target, nullptr, &recording};
        const std::vector<void*> arrays =
            resolveArrays({binding::RecordedIndices{}, binding::RecordRow{}}, targets);
        QCOMPARE(arrays[0], static_cast<void*>(recording.indices.data()));
        QCOMPARE(arrays[1], static_cast<void*>(&recording.row));
        double row[2] = {};
        recording.row = row;
        QCOMPARE(*static_cast<double* const*>(arrays[1]), static_cast<double*>(row));
    }

    void aBindingWithNothingToBindToIsRefused_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("own variable of no object") << 0;
        QTest::newRow("group variable in a group kernel") << 1;
        QTest::newRow("synapse counts in a group kernel") << 2;
        QTest::newRow("recorded indices outside a monitor") << 3;
        QTest::newRow("record row outside a monitor") << 4;
    }

    void aBindingWithNothingToBindToIsRefused() {
        QFETCH(int, which);
        SmallNetwork small;
        const std::vector<ArrayBinding> bindings = {
            binding::OwnVariable{"v"}, binding::GroupVariable{SynapseSide::Post, "v"},
            binding::SynapsesPerNeuron{SynapseSide::Post}, binding::RecordedIndices{},
            binding::RecordRow{}};
        const BindingTargets targets{small.network, which == 0 ? nullptr : small.target};
        QVERIFY_THROWS_EXCEPTION(std::logic_error,
                                 resolveArray(bindings[static_cast<size_t>(which)], targets));
    }

    void aVariableTheObjectDoesNotHaveIsRefused() {
        SmallNetwork small;
        QVERIFY_THROWS_EXCEPTION(
            std::out_of_range,
            resolveArray(binding::OwnVariable{"u"}, BindingTargets{small.network, small.source}));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range,
                                 resolveArray(binding::TimedArrayValues{"missing"},
                                              BindingTargets{small.network, small.source}));
    }

    void bindingsDescribeThemselves() {
        QCOMPARE(describe(binding::GroupVariable{SynapseSide::Pre, "v"}), std::string("pre v"));
        QCOMPARE(describe(binding::SynapsesPerNeuron{SynapseSide::Post}),
                 std::string("N_incoming"));
        QCOMPARE(describe(binding::TimedArrayValues{"stimulus"}),
                 std::string("TimedArray stimulus"));
    }
};

QTEST_GUILESS_MAIN(TestArrayBinder)
#include "tst_array_binder.moc"
