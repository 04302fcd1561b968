#include "engine/LiveEdit.h"

#include "model/ModelWriter.h"
#include "model/ObjectKinds.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace spikestudio {

namespace {

/// The model with every field an edit may change mid-run blanked out.
std::string structureOf(Model model) {
    model.name.clear();
    model.description.clear();
    model.duration.clear();
    model.seed.reset();
    for (auto& [name, value] : model.constants)
        value.clear();
    for (GroupSpec& group : model.groups) {
        const GroupKind& kind = ObjectKinds::of(group.type);
        for (size_t k = 0; k < kind.fields.size(); ++k)
            if (kind.fields[k].liveEditable)
                clearField(kind.members[k], group);
    }
    return writeModelJson(model);
}

/// "a NeuronGroup's equations, threshold, ...": what the kinds let change mid-run.
std::string liveEditableFields() {
    std::string text;
    for (const GroupKind* kind : ObjectKinds::groups()) {
        std::string keys;
        for (const FieldDescriptor& field : kind->fields)
            if (field.liveEditable)
                keys += (keys.empty() ? "" : ", ") + field.key;
        if (!keys.empty())
            text += (text.empty() ? "" : "; ") + ("a " + kind->typeName + "'s " + keys);
    }
    return text;
}

std::vector<std::string> sorted(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    return names;
}

std::map<std::string, std::shared_ptr<BoundKernel>> byName(const LiveKernels& kernels) {
    std::map<std::string, std::shared_ptr<BoundKernel>> named;
    for (const LiveKernel& kernel : kernels)
        named[kernel.name] = kernel.bound;
    return named;
}

} // namespace

std::string LiveEdit::whyNot(const CheckedModel& running, const CheckedModel& edited) {
    if (structureOf(running.model) != structureOf(edited.model))
        return "only " + liveEditableFields() +
               " and the constants' values can change during a run";
    for (size_t k = 0; k < running.groups.size(); ++k)
        if (sorted(running.groups[k].stateVariables) != sorted(edited.groups[k].stateVariables))
            return "group '" + running.groups[k].name +
                   "' would get other state variables than the running network holds";
    return {};
}

LiveKernels LiveEdit::apply(const CheckedModel& running, const CheckedModel& edited,
                            Network& network, const LiveKernels& current) {
    // The running model's group kernels, rebuilt (from the kernel cache): the
    // edit must have exactly the same ones, or an operation would be missing.
    LiveKernels before, after;
    const std::vector<double> oldConstants = rebuildGroupKernels(running, network, before);
    const std::vector<double> newConstants = rebuildGroupKernels(edited, network, after);
    // Only the constants the edit changes: a protocol may have changed others.
    std::vector<std::pair<size_t, double>> constants;
    for (size_t k = 0; k < newConstants.size() && k < oldConstants.size(); ++k)
        if (newConstants[k] != oldConstants[k])
            constants.emplace_back(k, newConstants[k]);
    const auto oldNames = byName(before), newNames = byName(after);
    const bool sameKernels =
        std::equal(oldNames.begin(), oldNames.end(), newNames.begin(), newNames.end(),
                   [](const auto& a, const auto& b) { return a.first == b.first; });
    if (!sameKernels)
        throw std::runtime_error("the edit adds or removes a threshold, reset or state update; "
                                 "it takes effect at the next run");
    LiveKernels updated = current;
    std::vector<std::pair<std::shared_ptr<BoundKernel>, std::shared_ptr<BoundKernel>>> swaps;
    for (LiveKernel& kernel : updated) {
        const auto edit = std::find_if(after.begin(), after.end(),
                                       [&](const auto& k) { return k.name == kernel.name; });
        if (edit == after.end())
            continue;
        swaps.emplace_back(kernel.bound, edit->bound);
        kernel.source = edit->source;
    }
    Network* target = &network;
    network.betweenSteps().post([target, swaps, constants = std::move(constants)] {
        for (const auto& [running, edited] : swaps)
            *running = *edited; // code, arrays and context; the scheduled call stays
        for (const auto& [index, value] : constants)
            target->constants()[index] = value;
    });
    return updated;
}

} // namespace spikestudio
