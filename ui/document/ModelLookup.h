#pragma once

#include "model/Model.h"

#include <QString>
#include <QStringList>

namespace spikestudio {

/// Finds objects of a Model by name (nullptr or -1 when there is none).
namespace ModelLookup {

template <typename Spec> int indexOf(const std::vector<Spec>& specs, const QString& name) {
    const std::string key = name.toStdString();
    for (size_t k = 0; k < specs.size(); ++k)
        if (specs[k].name == key)
            return static_cast<int>(k);
    return -1;
}

template <typename ModelType> auto* group(ModelType& model, const QString& name) {
    const int index = indexOf(model.groups, name);
    return index < 0 ? nullptr : &model.groups[static_cast<size_t>(index)];
}

template <typename ModelType> auto* synapses(ModelType& model, const QString& name) {
    const int index = indexOf(model.synapses, name);
    return index < 0 ? nullptr : &model.synapses[static_cast<size_t>(index)];
}

/// The group called `name`, or the group whose subgroup is called `name`.
template <typename ModelType> auto* owningGroup(ModelType& model, const QString& name) {
    const std::string key = name.toStdString();
    for (auto& candidate : model.groups) {
        if (candidate.name == key)
            return &candidate;
        for (const SubgroupSpec& subgroup : candidate.subgroups)
            if (subgroup.name == key)
                return &candidate;
    }
    return static_cast<decltype(&model.groups.front())>(nullptr);
}

/// The subgroup called `name`, or nullptr.
const spikestudio::SubgroupSpec* subgroup(const spikestudio::Model& model, const QString& name);

/// What synapses, monitors and PoissonInputs may name as their group: every
/// group, each followed by its subgroups.
QStringList groupChoices(const spikestudio::Model& model);

/// Whether any named object (group, synapses, monitor, input, constant,
/// TimedArray, BinomialFunction, subgroup) already uses `name`.
bool nameTaken(const spikestudio::Model& model, const QString& name);

/// `prefix` followed by the smallest number that gives a free name.
QString freeName(const spikestudio::Model& model, const QString& prefix);

} // namespace ModelLookup

} // namespace spikestudio
