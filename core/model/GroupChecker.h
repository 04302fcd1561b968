#pragma once

#include "model/AssignmentChecker.h"
#include "model/CheckedModel.h"
#include "model/CodeBlockChecker.h"

namespace spikestudio {

/// Checks one group of any type with its kind's checker against the model's
/// constants; `defaultDt` is the model's dt.
CheckedGroup checkGroup(const GroupSpec& spec, const Scope& constants, double defaultDt);

/// The checkers of each group kind (model/kinds/).
CheckedGroup checkNeuronGroup(const GroupSpec& spec, const Scope& constants, double defaultDt);
/// What a NeuronGroup's check needs beyond its own fields, from the model.
struct NeuronGroupContext {
    std::vector<LinkedSubexpression> linkedSubexpressions; // its links that read subexpressions
    bool legacyRefractoryTiming = false;                   // Model::legacyRefractoryTiming
};
CheckedGroup checkNeuronGroup(const GroupSpec& spec, const Scope& constants, double defaultDt,
                              const NeuronGroupContext& context);
CheckedGroup checkPoissonGroup(const GroupSpec& spec, const Scope& constants, double defaultDt);
CheckedGroup checkSpikeGeneratorGroup(const GroupSpec& spec, const Scope& constants,
                                      double defaultDt);

/// The method named in a model, or Brian2's choice when `name` is empty.
IntegrationMethod chooseMethod(const std::string& name, const EquationSet& equations,
                               const Scope& scope);

/// Why `name` cannot be written by code of `group` (reset, initial values,
/// synaptic pathways), or "" when it can. Constants count as writable only
/// when `allowConstant` is set (initial values).
std::string whyNotWritable(const CheckedGroup& group, const std::string& name, bool allowConstant);

/// The group as the owner of a block of code (a reset, an event's or
/// run_regularly's code): it writes the group's non-constant variables.
CodeBlockOwner codeOwner(const CheckedGroup& group);

/// What checking an assignment to `group`'s values needs (its `initial`
/// list, a protocol's values set between segments); refers to `group`.
AssignmentOwner groupAssignmentOwner(const CheckedGroup& group);

} // namespace spikestudio
