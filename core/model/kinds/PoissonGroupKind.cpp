#include "model/GroupChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

GroupSpec newPoissonGroup() {
    GroupSpec spec;
    spec.size = 100;
    spec.rates = "10*Hz";
    return spec;
}

GroupKind describePoissonGroup() {
    GroupKind kind;
    kind.typeName = "PoissonGroup";
    kind.type = GroupType::PoissonGroup;
    kind.family = ObjectFamily::Group;
    kind.label = "Poisson group";
    kind.shortLabel = "Poisson";
    kind.summary = "100 inputs at 10 Hz";
    kind.description = "Independent Poisson spike trains";
    kind.namePrefix = "input";
    kind.style = StyleRole::Stimulus;
    kind.add(CommonFields::name("group"), &GroupSpec::name);
    kind.add(CommonFields::typeName(), {});
    kind.add(CommonFields::groupSize(), &GroupSpec::size);
    kind.add({.key = "rates",
              .type = FieldType::Expression,
              .required = true,
              .unit = UnitRule::Rate,
              .editor = EditorHint::Expression,
              .label = "Rates",
              .example = "10*Hz",
              .description = "The firing rate: a rate, or an expression of i and t"},
             &GroupSpec::rates);
    kind.add(CommonFields::dt("the model's dt"), &GroupSpec::dt);
    kind.add(CommonFields::subgroups(), &GroupSpec::subgroups);
    kind.add(CommonFields::order("0"), &GroupSpec::order);
    kind.add(CommonFields::active(), &GroupSpec::active);
    kind.prototype = newPoissonGroup;
    kind.check = checkPoissonGroup;
    return kind;
}

} // namespace

const GroupKind& poissonGroupKind() {
    static const GroupKind kind = describePoissonGroup();
    return kind;
}

} // namespace spikestudio
