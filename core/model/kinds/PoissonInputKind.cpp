#include "model/PoissonInputChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

PoissonInputSpec newPoissonInput() {
    PoissonInputSpec spec;
    spec.count = 100;
    spec.rate = "10*Hz";
    spec.weight = "0.1*mV";
    return spec;
}

PoissonInputKind describePoissonInput() {
    PoissonInputKind kind;
    kind.typeName = "PoissonInput";
    kind.family = ObjectFamily::PoissonInput;
    kind.label = "Poisson input";
    kind.shortLabel = "input";
    kind.summary = "100 inputs at 10 Hz, weight 0.1 mV";
    kind.description = "N independent Poisson inputs onto one variable of every neuron of "
                       "a NeuronGroup";
    kind.namePrefix = "background";
    kind.style = StyleRole::Input;
    kind.add(CommonFields::name("PoissonInput"), &PoissonInputSpec::name);
    kind.add(CommonFields::reference("target", "Target", {ObjectFamily::Group},
                                     "The NeuronGroup the inputs act on"),
             &PoissonInputSpec::target);
    kind.add({.key = "variable",
              .type = FieldType::Name,
              .required = true,
              .editor = EditorHint::Table,
              .label = "Variable",
              .description = "The target's state variable each input spike adds to"},
             &PoissonInputSpec::variable);
    kind.add({.key = "N",
              .type = FieldType::Integer,
              .required = true,
              .unit = UnitRule::Dimensionless,
              .editor = EditorHint::Table,
              .label = "N",
              .description = "The number of independent inputs per neuron",
              .minimum = 0,
              .maximum = std::numeric_limits<int>::max()},
             &PoissonInputSpec::count);
    kind.add({.key = "rate",
              .type = FieldType::Expression,
              .required = true,
              .unit = UnitRule::Rate,
              .editor = EditorHint::Table,
              .label = "Rate",
              .description = "The rate of each input (rate * dt at most 1)"},
             &PoissonInputSpec::rate);
    kind.add({.key = "weight",
              .type = FieldType::Expression,
              .required = true,
              .unit = UnitRule::TargetVariable,
              .editor = EditorHint::Table,
              .label = "Weight",
              .description = "What each input spike adds, in the variable's unit"},
             &PoissonInputSpec::weight);
    kind.add(CommonFields::when("synapses"), &PoissonInputSpec::when);
    kind.add(CommonFields::order("0"), &PoissonInputSpec::order);
    kind.add(CommonFields::active(), &PoissonInputSpec::active);
    kind.prototype = newPoissonInput;
    kind.check = checkPoissonInput;
    return kind;
}

} // namespace

const PoissonInputKind& poissonInputKind() {
    static const PoissonInputKind kind = describePoissonInput();
    return kind;
}

} // namespace spikestudio
