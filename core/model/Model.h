#pragma once

#include "model/AssignmentSpec.h"
#include "model/BinomialFunctionSpec.h"
#include "model/EventSpec.h"
#include "model/LinkSpec.h"
#include "model/ProtocolSpec.h"
#include "model/RunRegularlySpec.h"
#include "model/TimedArraySpec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace spikestudio {

/// Ordered name -> expression pairs (`constants`, `initial`): order matters,
/// later entries may use earlier ones.
using NamedExpressions = std::vector<std::pair<std::string, std::string>>;

enum class GroupType { NeuronGroup, PoissonGroup, SpikeGeneratorGroup };

/// A named contiguous slice of a group, Brian2's `Pe = P[start:stop]`
/// (`stop` exclusive), which synapses, monitors and PoissonInputs may name.
struct SubgroupSpec {
    std::string name;
    long long start = 0;
    long long stop = 0;
};

/// A group of model format v1 (NeuronGroup, PoissonGroup or SpikeGeneratorGroup).
/// Text fields hold Brian2 source as written; fields of other types stay empty.
struct GroupSpec {
    std::string name;
    GroupType type = GroupType::NeuronGroup;
    long long size = 0; // N
    std::string equations;
    std::string threshold;
    std::string reset;
    std::string refractory; // a time expression or a boolean condition; "" = none
    std::string method;     // "" = chosen as Brian2 chooses
    std::string dt;         // "" = the model's dt
    NamedExpressions initial;
    std::vector<AssignmentSpec> assignments;    // `initial` as a list (indices, arrays)
    std::string rates;                          // PoissonGroup: a rate, or an expression of i and t
    std::vector<long long> spikeIndices;        // SpikeGeneratorGroup
    std::vector<std::string> spikeTimes;        // SpikeGeneratorGroup, time expressions
    std::string period;                         // SpikeGeneratorGroup; "" = no repetition
    std::vector<SubgroupSpec> subgroups;        // NeuronGroup, PoissonGroup
    std::vector<RunRegularlySpec> runRegularly; // NeuronGroup
    std::vector<EventSpec> events;              // NeuronGroup: custom events beside `spike`
    std::vector<LinkSpec> links;                // NeuronGroup: its (linked) variables
    std::string when;               // schedule slot (Brian2's `when`); "" = the kind's default
    std::optional<long long> order; // Brian2's `order`; none = the kind's default
    bool active = true;             // Brian2's `active`: an inactive object does not run
    NamedExpressions methodOptions; // NeuronGroup: a GSL method's options (method_options)
};

/// How a Synapses object creates its synapses (Brian2's `connect`).
struct ConnectSpec {
    enum class Form { Rule, Arrays, Generator };
    Form form = Form::Rule;
    std::string condition;         // Rule: "" = every pair
    std::string p;                 // Rule or Arrays: "" = 1
    std::string n;                 // synapses per pair: "" = 1
    std::vector<long long> i, j;   // Arrays
    std::string generator;         // Generator: `j` in Brian2's generator syntax
    bool overPostsynaptic = false; // Generator: it gives `i`, for each target j in turn
    bool skipIfInvalid = false;    // Rule or Generator: skip pairs outside the groups
};

/// A synaptic pathway written in `pathways` (Brian2's `on_pre={'up': ...}`,
/// `S.up.delay`, `on_event`): `code` runs for each synapse when `event` of
/// the listening group (the source for "pre", the target for "post") arrives
/// after `delay`. Text as written; the checker gives it meaning.
struct PathwaySpec {
    std::string name;
    std::string direction; // "pre" or "post"
    std::string code;
    std::string delay; // a time expression per synapse; "" = 0
    std::string event; // "" = "spike"
};

/// A Synapses object of model format v1.
struct SynapsesSpec {
    std::string name;
    std::string source;
    std::string target;
    std::string model; // Brian2 synaptic equations
    std::string onPre;
    std::string onPost;
    ConnectSpec connect;                    // the first connect() call
    std::vector<ConnectSpec> laterConnects; // further connect() calls, applied in order
    std::string multisynapticIndex;         // Brian2's multisynaptic_index; "" = none
    std::string delay;                 // a time expression per synapse for the pre pathway; "" = 0
    std::vector<PathwaySpec> pathways; // besides on_pre (named "pre") and on_post ("post")
    std::string method;
    std::string dt;
    NamedExpressions initial;
    std::vector<AssignmentSpec> assignments;    // `initial` as a list (indices, arrays)
    std::vector<RunRegularlySpec> runRegularly; // code run for every synapse on a clock
    std::string when;               // schedule slot (Brian2's `when`); "" = the kind's default
    std::optional<long long> order; // Brian2's `order`; none = the kind's default
    bool active = true;             // Brian2's `active`: an inactive object does not run
};

/// Brian2's PoissonInput: N independent Poisson inputs at `rate` onto one
/// variable of every neuron of `target`, each spike adding `weight`.
struct PoissonInputSpec {
    std::string name;
    std::string target;
    std::string variable;
    long long count = 0; // N
    std::string rate;
    std::string weight;             // an expression in the target's names
    std::string when;               // schedule slot (Brian2's `when`); "" = the kind's default
    std::optional<long long> order; // Brian2's `order`; none = the kind's default
    bool active = true;             // Brian2's `active`: an inactive object does not run
};

enum class MonitorType { Spike, State, PopulationRate, Event };

struct MonitorSpec {
    std::string name;
    MonitorType type = MonitorType::Spike;
    std::string source;
    std::vector<std::string> variables; // StateMonitor, EventMonitor
    bool recordAll = false;             // StateMonitor "record": true
    std::vector<long long> record;      // StateMonitor indices
    bool recordEvents = true;           // Spike/EventMonitor "record": false keeps counts only
    std::string dt;                     // StateMonitor; "" = the source's dt
    std::string event;                  // EventMonitor; "" = "spike"
    std::string when;                   // schedule slot (Brian2's `when`); "" = the kind's default
    std::optional<long long> order;     // Brian2's `order`; none = the kind's default
    bool active = true;                 // Brian2's `active`: an inactive object does not run
};

/// Model format v1 as plain data: exactly what the JSON file says, nothing
/// checked beyond its shape. ModelChecker gives it meaning.
struct Model {
    std::string name;
    std::string description;
    std::string dt = "0.1*ms";
    std::string duration;
    std::optional<std::uint32_t> seed;
    /// Brian2's prefs.legacy.refractory_timing: a refractory period compares
    /// times, (t - lastspike) > refractory, as Brian2 2.1.2 and earlier did,
    /// instead of whole time steps.
    bool legacyRefractoryTiming = false;
    NamedExpressions constants;
    std::vector<TimedArraySpec> timedArrays;
    std::vector<BinomialFunctionSpec> binomialFunctions;
    std::vector<GroupSpec> groups;
    std::vector<PoissonInputSpec> poissonInputs;
    std::vector<SynapsesSpec> synapses;
    std::vector<MonitorSpec> monitors;
    std::vector<ProtocolSegmentSpec> protocol; // empty: one run of `duration`
};

const char* typeName(MonitorType type);
const char* typeName(GroupType type);

} // namespace spikestudio
