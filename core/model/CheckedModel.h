#pragma once

#include "equations/AbstractCode.h"
#include "equations/EquationSet.h"
#include "equations/integrators/StateUpdateMethod.h"
#include "expr/Scope.h"
#include "expr/Statement.h"
#include "model/Model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

enum class RefractoryKind { None, Time, Condition };

/// A NeuronGroup after checking: every text parsed, every name resolved, every
/// unit checked, subexpressions substituted, and its state update as abstract code.
struct CheckedGroup {
    std::string name;
    long long size = 0;
    double dt = 0.0;
    EquationSet equations;
    std::unique_ptr<Scope> scope; // variables, then the model's constants
    IntegrationMethod method = IntegrationMethod::Euler;
    AbstractCode stateUpdate;     // refractoriness update first, then integration
    ExprPtr threshold;            // null: the group never spikes
    std::vector<Statement> reset; // right-hand sides with subexpressions substituted
    RefractoryKind refractoryKind = RefractoryKind::None;
    ExprPtr refractory;
    std::vector<Statement> initial;         // `v = expr` in the order written
    std::vector<Assignment> constantOverDt; // recomputed at the start of every step

    /// Per-element state the runtime allocates: parameters, differential
    /// variables, `constant over dt` values, refractoriness bookkeeping.
    std::vector<std::string> stateVariables;
};

struct CheckedMonitor {
    const MonitorSpec* spec = nullptr;
    size_t group = 0;                  // index into CheckedModel::groups
    std::vector<ExprPtr> variables;    // StateMonitor: what each variable reads
    std::vector<Dimension> dimensions; // StateMonitor: the unit of each variable
    std::vector<long long> indices;    // StateMonitor: recorded elements
    double dt = 0.0;
};

/// A model ready for code generation. Owns the Model it was checked from.
struct CheckedModel {
    Model model;
    std::unique_ptr<Scope> constants;
    std::vector<CheckedGroup> groups;
    std::vector<CheckedMonitor> monitors;
    double dt = 0.0;
    double duration = 0.0;
    std::uint32_t seed = 0;
};

struct CheckOptions {
    std::optional<std::string> duration; // overrides the model's
    std::optional<std::uint32_t> seed;   // overrides the model's
};

/// Gives a Model its meaning; throws ModelError naming object, field, line and column.
CheckedModel checkModel(Model model, const CheckOptions& options = {});

} // namespace spikestudio
