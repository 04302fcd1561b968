#include "model/GroupChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

GroupSpec newNeuronGroup() {
    GroupSpec spec;
    spec.size = 100;
    spec.equations = "dv/dt = -v/(10*ms) : volt (unless refractory)";
    spec.threshold = "v > 10*mV";
    spec.reset = "v = 0*mV";
    spec.refractory = "2*ms";
    return spec;
}

GroupKind describeNeuronGroup() {
    GroupKind kind;
    kind.typeName = "NeuronGroup";
    kind.type = GroupType::NeuronGroup;
    kind.family = ObjectFamily::Group;
    kind.label = "neuron group";
    kind.shortLabel = "neurons";
    kind.summary = "leaky integrate-and-fire, 100 neurons";
    kind.description = "Neurons whose state follows differential equations";
    kind.namePrefix = "G";
    kind.style = StyleRole::Neurons;
    kind.add(CommonFields::name("group"), &GroupSpec::name);
    kind.add(CommonFields::typeName(), {});
    kind.add(CommonFields::groupSize(), &GroupSpec::size);
    kind.add({.key = "equations",
              .type = FieldType::Equations,
              .required = true,
              .unit = UnitRule::Declared,
              .editor = EditorHint::CodeEditor,
              .label = "Equations",
              .example = "dv/dt = -v/tau : volt",
              .description = "Brian2 equations: differential equations, subexpressions and "
                             "parameters, each with its unit and flags",
              .lines = 6,
              .liveEditable = true},
             &GroupSpec::equations);
    kind.add({.key = "threshold",
              .type = FieldType::Expression,
              .unit = UnitRule::Condition,
              .editor = EditorHint::Expression,
              .label = "Threshold",
              .emptyMeans = "none",
              .description = "The condition under which a neuron spikes",
              .liveEditable = true},
             &GroupSpec::threshold);
    kind.add({.key = "reset",
              .type = FieldType::Statements,
              .unit = UnitRule::PerStatementTarget,
              .editor = EditorHint::CodeEditor,
              .label = "Reset",
              .emptyMeans = "none",
              .description = "Statements run for every neuron that spiked (needs a threshold)",
              .lines = 2,
              .liveEditable = true},
             &GroupSpec::reset);
    kind.add(CommonFields::events(), &GroupSpec::events);
    kind.add({.key = "refractory",
              .type = FieldType::Expression,
              .unit = UnitRule::TimeOrCondition,
              .editor = EditorHint::Expression,
              .label = "Refractory",
              .emptyMeans = "none",
              .description = "A refractory period after each spike, or a condition that "
                             "holds while a neuron is refractory",
              .liveEditable = true},
             &GroupSpec::refractory);
    kind.add(CommonFields::method(true), &GroupSpec::method);
    kind.add({.key = "method_options",
              .type = FieldType::NamedExpressions,
              .unit = UnitRule::Any,
              .editor = EditorHint::Table,
              .label = "Method options",
              .emptyMeans = "Brian2's defaults",
              .example = "absolute_error[v] = 0.01*mV",
              .description = "Options of a GSL method (Brian2's method_options): "
                             "absolute_error, absolute_error[VARIABLE] (in the variable's "
                             "unit), max_steps, adaptable_timestep, use_last_timestep, "
                             "save_step_count, save_failed_steps"},
             &GroupSpec::methodOptions);
    kind.add(CommonFields::initial(true),
             InitialSlot<GroupSpec>{&GroupSpec::initial, &GroupSpec::assignments});
    kind.add(CommonFields::dt("the model's dt"), &GroupSpec::dt);
    kind.add(CommonFields::subgroups(), &GroupSpec::subgroups);
    kind.add(CommonFields::runRegularly("neuron"), &GroupSpec::runRegularly);
    kind.add(CommonFields::links(), &GroupSpec::links);
    kind.add(CommonFields::order("0"), &GroupSpec::order);
    kind.add(CommonFields::active(), &GroupSpec::active);
    kind.prototype = newNeuronGroup;
    kind.check = checkNeuronGroup;
    return kind;
}

} // namespace

const GroupKind& neuronGroupKind() {
    static const GroupKind kind = describeNeuronGroup();
    return kind;
}

} // namespace spikestudio
