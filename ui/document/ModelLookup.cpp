#include "document/ModelLookup.h"

namespace spikestudio {

namespace ModelLookup {

bool nameTaken(const Model& model, const QString& name) {
    const std::string key = name.toStdString();
    auto named = [&](const auto& specs) {
        for (const auto& spec : specs)
            if (spec.name == key)
                return true;
        return false;
    };
    if (subgroup(model, name))
        return true;
    for (const auto& [constant, value] : model.constants)
        if (constant == key)
            return true;
    return named(model.groups) || named(model.synapses) || named(model.monitors) ||
           named(model.poissonInputs) || named(model.timedArrays) || named(model.binomialFunctions);
}

const SubgroupSpec* subgroup(const Model& model, const QString& name) {
    const std::string key = name.toStdString();
    for (const GroupSpec& group : model.groups)
        for (const SubgroupSpec& subgroup : group.subgroups)
            if (subgroup.name == key)
                return &subgroup;
    return nullptr;
}

QStringList groupChoices(const Model& model) {
    QStringList names;
    for (const GroupSpec& group : model.groups) {
        names << QString::fromStdString(group.name);
        for (const SubgroupSpec& subgroup : group.subgroups)
            names << QString::fromStdString(subgroup.name);
    }
    return names;
}

QString freeName(const Model& model, const QString& prefix) {
    for (int number = 1;; ++number) {
        const QString candidate = prefix + QString::number(number);
        if (!nameTaken(model, candidate))
            return candidate;
    }
}

} // namespace ModelLookup

} // namespace spikestudio
