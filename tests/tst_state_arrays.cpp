// State arrays start on cache lines: the kernels' vector loads and stores
// then never straddle two lines (from malloc's 16-byte boundaries a cache-bound
// update ran half as slow again). Every variable of a built network, of
// neuron groups and of synapses, and arrays of every length.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "runtime/StateArray.h"

#include <QtTest>
#include <cstdint>

using namespace spikestudio;

namespace {

bool onCacheLine(const double* values) {
    return reinterpret_cast<std::uintptr_t>(values) % 64 == 0;
}

const char* kModel = R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "duration": "1*ms", "seed": 1, "constants": {"tau": "10*ms"},
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 1003,
    "equations": "dv/dt = (I - v)/tau : volt\nI : volt", "threshold": "v > 10*mV",
    "reset": "v = 0*mV", "initial": {"I": "(12 + i*0.01)*mV"}},
   {"name": "H", "type": "NeuronGroup", "N": 20000, "equations": "dx/dt = -x/tau : 1"}],
  "synapses": [{"name": "S", "source": "G", "target": "H", "model": "w : 1\nc : 1",
    "on_pre": "x_post += w", "connect": {"p": 0.01}, "initial": {"w": "0.5"}}]})j";

} // namespace

class TestStateArrays : public QObject {
    Q_OBJECT

private slots:
    void arraysOfEveryLengthStartOnACacheLine() {
        for (size_t length : {1, 3, 8, 1000, 100000, 1000003}) {
            StateArray values(length, 1.0);
            QVERIFY2(onCacheLine(values.data()), qPrintable(QString::number(length)));
            values.resize(length * 2 + 1);
            QVERIFY(onCacheLine(values.data()));
        }
    }

    void everyVariableOfANetworkStartsOnACacheLine() {
        const auto network = buildNetwork(checkModel(readModel(kModel)));
        network->run(0.001);
        int checked = 0;
        for (const GroupState& group : network->groups())
            for (const auto& [name, values] : group.variables) {
                QVERIFY2(onCacheLine(values.data()),
                         qPrintable(QString::fromStdString(group.name + "." + name)));
                ++checked;
            }
        for (const SynapseState& synapses : network->synapses())
            for (const auto& [name, values] : synapses.variables) {
                QVERIFY2(onCacheLine(values.data()),
                         qPrintable(QString::fromStdString(synapses.name + "." + name)));
                ++checked;
            }
        QCOMPARE(checked, 5); // G.v, G.I, H.x, S.w, S.c
    }
};

QTEST_APPLESS_MAIN(TestStateArrays)
#include "tst_state_arrays.moc"
