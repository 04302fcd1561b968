#include "document/ModelDefaults.h"

#include "document/EquationVariables.h"
#include "document/ModelLookup.h"
#include "model/ObjectKinds.h"

#include <algorithm>

namespace spikestudio {

namespace ModelDefaults {

namespace {

/// A name not yet used in `model`, made from `prefix` as ModelLookup::freeName makes it.
std::string newName(const Model& model, const std::string& prefix) {
    return ModelLookup::freeName(model, QString::fromStdString(prefix)).toStdString();
}

/// `prefix` if no object has that name yet, else the first free prefix_1, ...
std::string newSuffixedName(const Model& model, const std::string& prefix) {
    const QString base = QString::fromStdString(prefix);
    return ModelLookup::nameTaken(model, base) ? newName(model, prefix + "_") : prefix;
}

/// Groups whose neurons have equations (variables to act on and record).
bool hasEquations(const GroupSpec& group) {
    return ObjectKinds::of(group.type).hasField("equations");
}

} // namespace

GroupSpec group(GroupType type, const Model& model) {
    const GroupKind& kind = ObjectKinds::of(type);
    GroupSpec spec = kind.prototype();
    spec.type = type;
    spec.name = newName(model, kind.namePrefix);
    return spec;
}

SynapsesSpec synapses(const Model& model, const std::string& source, const std::string& target) {
    const SynapsesKind& kind = ObjectKinds::synapses();
    SynapsesSpec spec = kind.prototype();
    spec.name = newName(model, kind.namePrefix);
    spec.source = source;
    spec.target = target;
    const GroupSpec* targetGroup = ModelLookup::owningGroup(model, QString::fromStdString(target));
    if (targetGroup && hasEquations(*targetGroup))
        spec.onPre = "v_post += 0.5*mV";
    return spec;
}

MonitorSpec monitor(const Model& model, const std::string& source, MonitorType type,
                    const std::vector<std::string>& variables, long long count) {
    const MonitorKind& kind = ObjectKinds::of(type);
    MonitorSpec spec = kind.prototype();
    spec.name = newSuffixedName(model, kind.namePrefix + source);
    spec.type = type;
    spec.source = source;
    spec.variables = variables;
    // A small group has fewer neurons than asked for; record those it has.
    const GroupSpec* group = ModelLookup::group(model, QString::fromStdString(source));
    const long long recorded = group ? std::min(count, group->size) : count;
    for (long long k = 0; k < recorded; ++k)
        spec.record.push_back(k);
    return spec;
}

TimedArraySpec timedArray(const Model& model) {
    const TimedArrayKind& kind = ObjectKinds::timedArray();
    TimedArraySpec spec = kind.prototype();
    spec.name = newName(model, kind.namePrefix);
    return spec;
}

BinomialFunctionSpec binomialFunction(const Model& model) {
    const BinomialFunctionKind& kind = ObjectKinds::binomialFunction();
    BinomialFunctionSpec spec = kind.prototype();
    spec.name = newSuffixedName(model, kind.namePrefix);
    return spec;
}

PoissonInputSpec poissonInput(const Model& model) {
    const PoissonInputKind& kind = ObjectKinds::poissonInput();
    PoissonInputSpec spec = kind.prototype();
    spec.name = newName(model, kind.namePrefix);
    for (const GroupSpec& group : model.groups)
        if (hasEquations(group)) {
            spec.target = group.name;
            const QStringList variables = EquationVariables::stateVariables(group.equations);
            spec.variable = variables.isEmpty() ? "v" : variables.first().toStdString();
            break;
        }
    return spec;
}

Model emptyModel() {
    Model model;
    model.name = "untitled";
    model.duration = "100*ms";
    return model;
}

} // namespace ModelDefaults

} // namespace spikestudio
