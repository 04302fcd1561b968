#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace spikestudio {

/// Ordered name -> expression pairs (`constants`, `initial`): order matters,
/// later entries may use earlier ones.
using NamedExpressions = std::vector<std::pair<std::string, std::string>>;

/// A NeuronGroup of model format v1. Text fields hold Brian2 source as written.
struct NeuronGroupSpec {
    std::string name;
    long long size = 0; // N
    std::string equations;
    std::string threshold;
    std::string reset;
    std::string refractory; // a time expression or a boolean condition; "" = none
    std::string method;     // "" = chosen as Brian2 chooses
    std::string dt;         // "" = the model's dt
    NamedExpressions initial;
};

enum class MonitorType { Spike, State, PopulationRate };

struct MonitorSpec {
    std::string name;
    MonitorType type = MonitorType::Spike;
    std::string source;
    std::vector<std::string> variables; // StateMonitor
    bool recordAll = false;             // StateMonitor "record": true
    std::vector<long long> record;      // StateMonitor indices
    std::string dt;                     // StateMonitor; "" = the source's dt
};

/// Model format v1 as plain data: exactly what the JSON file says, nothing
/// checked beyond its shape. ModelChecker gives it meaning.
struct Model {
    std::string name;
    std::string description;
    std::string dt = "0.1*ms";
    std::string duration;
    std::optional<std::uint32_t> seed;
    NamedExpressions constants;
    std::vector<NeuronGroupSpec> groups;
    std::vector<MonitorSpec> monitors;
};

const char* typeName(MonitorType type);

} // namespace spikestudio
