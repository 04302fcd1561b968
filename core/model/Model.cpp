#include "model/Model.h"

namespace spikestudio {

const char* typeName(MonitorType type) {
    switch (type) {
    case MonitorType::Spike:
        return "SpikeMonitor";
    case MonitorType::State:
        return "StateMonitor";
    case MonitorType::PopulationRate:
        return "PopulationRateMonitor";
    }
    return "Monitor";
}

const char* typeName(GroupType type) {
    switch (type) {
    case GroupType::NeuronGroup:
        return "NeuronGroup";
    case GroupType::PoissonGroup:
        return "PoissonGroup";
    case GroupType::SpikeGeneratorGroup:
        return "SpikeGeneratorGroup";
    }
    return "group";
}

} // namespace spikestudio
