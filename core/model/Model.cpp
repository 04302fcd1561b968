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

} // namespace spikestudio
