#pragma once

#include "equations/AbstractCode.h"
#include "equations/EquationSet.h"
#include "equations/integrators/GslSettings.h"
#include "equations/integrators/StateUpdateMethod.h"
#include "expr/ElementAssignment.h"
#include "expr/Scope.h"
#include "expr/Statement.h"
#include "model/CheckedLink.h"
#include "model/CheckedRunRegularly.h"
#include "model/ElementRange.h"
#include "model/LinkedSubexpression.h"
#include "model/Model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

enum class RefractoryKind { None, Time, Condition };

/// A custom event of a NeuronGroup after checking: its condition and the
/// code run for its elements, subexpressions substituted.
struct CheckedEvent {
    std::string name;
    ExprPtr condition;
    std::vector<Statement> code; // empty: none
};

/// A NeuronGroup after checking: every text parsed, every name resolved, every
/// unit checked, subexpressions substituted, and its state update as abstract code.
struct CheckedGroup {
    std::string name;
    GroupType type = GroupType::NeuronGroup;
    long long size = 0;
    double dt = 0.0;
    EquationSet equations;
    std::unique_ptr<Scope> scope; // variables, then the model's constants
    IntegrationMethod method = IntegrationMethod::Euler;
    GslSettings gsl;                  // a GSL method's solver settings (isGslMethod)
    AbstractCode stateUpdate;         // refractoriness update first, then integration
    ExprPtr threshold;                // null: the group never spikes
    std::vector<Statement> reset;     // right-hand sides with subexpressions substituted
    std::vector<CheckedEvent> events; // custom events beside `spike`, in the order declared
    RefractoryKind refractoryKind = RefractoryKind::None;
    ExprPtr refractory;
    std::vector<Statement> initial;             // `v = expr` in the order written
    std::vector<ElementAssignment> assignments; // `initial` as a list, in order
    std::vector<Assignment> constantOverDt;     // recomputed at the start of every step

    /// Per-element state the runtime allocates: parameters, differential
    /// variables, `constant over dt` values, refractoriness bookkeeping.
    std::vector<std::string> stateVariables;

    // SpikeGeneratorGroup: spike i fires neuron spikeIndices[i] at spikeTimes[i] (seconds),
    // repeated every `period` seconds when period > 0.
    std::vector<long long> spikeIndices;
    std::vector<double> spikeTimes;
    double period = 0.0;

    std::vector<SubgroupSpec> subgroups;           // checked against size
    std::vector<CheckedRunRegularly> runRegularly; // NeuronGroup
    std::vector<CheckedLink> links;                // NeuronGroup: one per (linked) variable
    /// NeuronGroup: its links that read a subexpression, now subexpressions
    /// of its own whose generated readers are in `links`.
    std::vector<LinkedSubexpression> linkedSubexpressions;

    /// The per-synapse variables of a Synapses object that another one acts on
    /// (Brian2's synapses on synapses): its parameters and differential
    /// variables, one element per synapse, `size` known only once connected.
    bool ofSynapses = false;

    /// The link of `variable`, or null when it is not a linked variable.
    const CheckedLink* linkOf(const std::string& variable) const {
        for (const CheckedLink& link : links)
            if (link.variable == variable)
                return &link;
        return nullptr;
    }
};

enum class SynapseSide { Pre, Post };

/// A synaptic pathway (`on_pre`, `on_post` or one of `pathways`): the
/// statements run for each synapse whose event arrives, event-driven updates
/// first, `lastupdate = t` last. Brian2 names it `<synapses>_<name>`.
struct CheckedPathway {
    std::string name = "pre";            // "pre" for on_pre, "post" for on_post
    SynapseSide side = SynapseSide::Pre; // whose events trigger it
    std::string event = "spike";         // of the source (pre) or the target (post)
    AbstractCode code;
    std::string codeField = "on_pre"; // the field messages name
    /// The pathway "pre" keeps its delay in the object's `delay`
    /// (CheckedSynapses::delay); any other has its own.
    bool objectDelay = false;
    ExprPtr delay; // per synapse (seconds), of a pathway without objectDelay; null = none
    std::string delayField;
    /// Brian2's numpy target runs this code synapse by synapse (a Python
    /// loop), so each synapse draws all its random numbers before the next;
    /// otherwise each draw is made for all due synapses in turn.
    bool drawsSynapseBySynapse = false;
};

/// `x_post = expr : unit (summed)`: every step, x of the target group (or the
/// source for `_pre`) is the sum of expr over the synapses onto each neuron.
struct CheckedSummedVariable {
    SynapseSide side = SynapseSide::Post;
    std::string variable; // in the target (or source) group
    ExprPtr value;        // per synapse, subexpressions substituted
};

/// A connect rule reduced to Brian2's generator form:
/// for each i: for each candidate k of the iterator: j = element, kept if condition.
struct CheckedConnect {
    ConnectSpec::Form form = ConnectSpec::Form::Rule;
    ExprPtr element; // j as a function of i and the loop variable
    std::string variable = "_k";
    bool sample = false;               // iterator is sample(...), else range(...)
    ExprPtr low, high, step;           // of i only
    ExprPtr probability, size;         // sample(): one of them
    ExprPtr condition;                 // null = always
    bool conditionUsesJ = false;       // evaluated per candidate (else once per i)
    bool conditionReadsTarget = false; // reads j or x_post: j is range-checked first
    ExprPtr multiplicity;              // n: synapses per pair
    std::vector<long long> i, j;       // Arrays
    ExprPtr arrayProbability;          // Arrays with p
    bool skipIfInvalid = false;        // pairs outside the groups are skipped, not refused
    /// A generator giving `i` for each target: its expressions are written
    /// with the roles swapped (i <-> j, x_pre <-> x_post, N_pre <-> N_post),
    /// to be run with source and target swapped, as Brian2 runs it.
    bool overPostsynaptic = false;
};

/// A Synapses object after checking.
struct CheckedSynapses {
    std::string name;
    size_t source = 0; // index into CheckedModel::groups; unused when sourceSynapses is set
    size_t target = 0; // unused when targetSynapses is set
    /// Synapses reading from synapses (Brian2's `Synapses(S, G, ...)`): the
    /// index into CheckedModel::synapses of the Synapses object the `_pre`
    /// names read (created before this one), and its variables seen as a group.
    std::optional<size_t> sourceSynapses;
    std::shared_ptr<const CheckedGroup> sourceFace;
    /// Synapses acting on synapses: the index into CheckedModel::synapses of
    /// the Synapses object targeted (created before this one), and its
    /// variables seen as a group (CheckedGroup::ofSynapses).
    std::optional<size_t> targetSynapses;
    std::shared_ptr<const CheckedGroup> targetFace;
    ElementRange sourceRange; // all of the source, or the subgroup it names
    ElementRange targetRange;
    double dt = 0.0;
    EquationSet equations;
    std::unique_ptr<Scope> outerScope; // pre/post names and specials, then constants
    std::unique_ptr<Scope> scope;      // own variables, then outerScope
    IntegrationMethod method = IntegrationMethod::Euler;
    AbstractCode stateUpdate; // clock-driven equations; empty when there are none
    std::vector<CheckedPathway> pathways;
    std::vector<CheckedSummedVariable> summed;
    std::vector<CheckedConnect> connects; // Brian2's connect() calls, applied in order
    std::string multisynapticIndex;       // an integer variable numbering each pair's synapses
    ExprPtr delay; // the pathway "pre"'s, per synapse (seconds); null = no delay
    std::vector<Statement> initial;
    std::vector<ElementAssignment> assignments;    // `initial` as a list, in order
    std::vector<Assignment> constantOverDt;        // recomputed at the start of every step
    std::vector<CheckedRunRegularly> runRegularly; // values resolved; writes as on_pre's
    /// Per-synapse arrays: parameters, differential variables, `constant
    /// over dt` values, lastupdate.
    std::vector<std::string> stateVariables;
};

/// A TimedArray after checking: values in SI units, row-major.
struct CheckedTimedArray {
    std::string name;
    double dt = 0.0;
    Dimension dim;
    std::vector<double> values;
    long long rows = 0;
    long long columns = 0; // 0: one-dimensional
};

/// A BinomialFunction after checking: how its calls draw.
struct CheckedBinomialFunction {
    std::string name;
    BinomialShape shape;
};

/// A PoissonInput after checking: each step, every neuron of the target draws
/// how many of its `count` inputs fired and adds that many times `weight`.
struct CheckedPoissonInput {
    std::string name;
    std::string scheduleName; // Brian2's own name for it, which orders it in its slot
    size_t target = 0;        // index into CheckedModel::groups
    ElementRange range;       // the target's neurons it drives
    std::string variable;
    long long count = 0;
    double probability = 0.0; // rate * the target's dt
    ExprPtr weight;           // subexpressions substituted
};

struct CheckedMonitor {
    const MonitorSpec* spec = nullptr;
    size_t group = 0;                  // index into CheckedModel::groups (or synapses)
    bool ofSynapses = false;           // StateMonitor of a Synapses object
    ElementRange range;                // of a group: all of it, or a subgroup's slice
    std::vector<ExprPtr> variables;    // StateMonitor: what each variable reads
    std::vector<Dimension> dimensions; // StateMonitor: the unit of each variable
    std::vector<long long> indices; // StateMonitor: recorded elements (from range.start) after all
                                    // of them when spec->recordAll (added when built)
    double dt = 0.0;
};

/// What a protocol changes before its segment: values of a group or of a
/// Synapses object, a constant kernels read, whether an object runs, or the
/// random stream's seed.
struct CheckedProtocolChange {
    enum class Kind {
        GroupValues,
        SynapseValues,
        Constant,
        Active,
        Seed,
        Spikes,
        TimedArray,
        Dt,
    };
    Kind kind = Kind::GroupValues;
    size_t group = 0; // GroupValues, Spikes: CheckedModel::groups; SynapseValues: ::synapses
    ElementAssignment assignment; // GroupValues, SynapseValues
    /// GroupValues, SynapseValues after a constant changed: the object's names
    /// with the constants' values as the protocol has them here (null: the
    /// object's scope), as Brian2 evaluates `G.v = 'tau/ms'` with the script's
    /// names at that line.
    std::shared_ptr<const Scope> scope;
    size_t constant = 0;                 // Constant: its position in the model's constants
    double value = 0.0;                  // Constant: the new value (SI); Dt: the new dt
    std::string object;                  // Active: the object whose operations it switches
    bool active = true;                  // Active: whether they run from this segment on
    Reseed reseed;                       // Seed
    std::vector<long long> spikeIndices; // Spikes: as CheckedGroup's, replacing them
    std::vector<double> spikeTimes;
    double period = 0.0;
    size_t timedArray = 0;                // TimedArray: its position in CheckedModel::timedArrays
    std::vector<double> timedArrayValues; // TimedArray: SI, padded to the array's rows
};

/// One segment of a protocol: the values set before it, then `duration`.
struct CheckedSegment {
    double duration = 0.0;
    std::vector<CheckedProtocolChange> set;
};

/// A model ready for code generation. Owns the Model it was checked from.
struct CheckedModel {
    Model model;
    std::unique_ptr<Scope> constants; // constants, then TimedArrays and BinomialFunctions
    std::vector<CheckedTimedArray> timedArrays;
    std::vector<CheckedBinomialFunction> binomialFunctions;
    std::vector<CheckedGroup> groups;
    std::vector<CheckedSynapses> synapses;
    std::vector<CheckedPoissonInput> poissonInputs;
    std::vector<CheckedMonitor> monitors;
    double dt = 0.0;
    double duration = 0.0;                // with a protocol: the sum of its segments
    std::vector<CheckedSegment> protocol; // empty: one run of `duration`
    std::uint32_t seed = 0;
};

struct CheckOptions {
    std::optional<std::string> duration; // overrides the model's
    std::optional<std::uint32_t> seed;   // overrides the model's
};

/// Gives a Model its meaning; throws ModelError naming object, field, line and column.
CheckedModel checkModel(Model model, const CheckOptions& options = {});

} // namespace spikestudio
