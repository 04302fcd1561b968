#include "model/GroupChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

GroupSpec newSpikeGeneratorGroup() {
    GroupSpec spec;
    spec.size = 1;
    spec.spikeIndices = {0};
    spec.spikeTimes = {"10*ms"};
    return spec;
}

std::optional<FieldProblem> unpairedSpikes(const GroupSpec& spec) {
    if (spec.spikeTimes.size() == spec.spikeIndices.size())
        return std::nullopt;
    return FieldProblem{"times", "'indices' and 'times' must have the same length (" +
                                     std::to_string(spec.spikeIndices.size()) + " and " +
                                     std::to_string(spec.spikeTimes.size()) + ")"};
}

GroupKind describeSpikeGeneratorGroup() {
    GroupKind kind;
    kind.typeName = "SpikeGeneratorGroup";
    kind.type = GroupType::SpikeGeneratorGroup;
    kind.family = ObjectFamily::Group;
    kind.label = "spike generator";
    kind.shortLabel = "generator";
    kind.summary = "spikes at given times";
    kind.description = "Neurons that spike at the times given";
    kind.namePrefix = "generator";
    kind.style = StyleRole::Generator;
    kind.add(CommonFields::name("group"), &GroupSpec::name);
    kind.add(CommonFields::typeName(), {});
    kind.add(CommonFields::groupSize(), &GroupSpec::size);
    kind.add({.key = "indices",
              .type = FieldType::Integers,
              .required = true,
              .editor = EditorHint::Table,
              .label = "Indices",
              .description = "Which neuron fires each spike"},
             &GroupSpec::spikeIndices);
    kind.add({.key = "times",
              .type = FieldType::Expressions,
              .required = true,
              .unit = UnitRule::Time,
              .editor = EditorHint::Table,
              .label = "Times",
              .description = "When each spike fires, one time per index"},
             &GroupSpec::spikeTimes);
    kind.add({.key = "period",
              .type = FieldType::Expression,
              .unit = UnitRule::Time,
              .editor = EditorHint::Expression,
              .label = "Period",
              .emptyMeans = "no repetition",
              .description = "Repeats the spikes every period (a multiple of dt)"},
             &GroupSpec::period);
    kind.add(CommonFields::dt("the model's dt"), &GroupSpec::dt);
    kind.add(CommonFields::when("thresholds"), &GroupSpec::when);
    kind.add(CommonFields::order("0"), &GroupSpec::order);
    kind.add(CommonFields::active(), &GroupSpec::active);
    kind.prototype = newSpikeGeneratorGroup;
    kind.shapeProblem = unpairedSpikes;
    kind.check = checkSpikeGeneratorGroup;
    return kind;
}

} // namespace

const GroupKind& spikeGeneratorGroupKind() {
    static const GroupKind kind = describeSpikeGeneratorGroup();
    return kind;
}

} // namespace spikestudio
