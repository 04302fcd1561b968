#include "document/ModelDefaults.h"

#include "document/EquationVariables.h"
#include "document/ModelLookup.h"

#include <algorithm>

namespace spikestudio {

namespace ModelDefaults {

namespace {

QString namePrefix(GroupType type) {
    switch (type) {
    case GroupType::NeuronGroup:
        return "G";
    case GroupType::PoissonGroup:
        return "input";
    case GroupType::SpikeGeneratorGroup:
        return "generator";
    }
    return "G";
}

} // namespace

GroupSpec group(GroupType type, const Model& model) {
    GroupSpec spec;
    spec.type = type;
    spec.name = ModelLookup::freeName(model, namePrefix(type)).toStdString();
    switch (type) {
    case GroupType::NeuronGroup:
        spec.size = 100;
        spec.equations = "dv/dt = -v/(10*ms) : volt (unless refractory)";
        spec.threshold = "v > 10*mV";
        spec.reset = "v = 0*mV";
        spec.refractory = "2*ms";
        break;
    case GroupType::PoissonGroup:
        spec.size = 100;
        spec.rates = "10*Hz";
        break;
    case GroupType::SpikeGeneratorGroup:
        spec.size = 1;
        spec.spikeIndices = {0};
        spec.spikeTimes = {"10*ms"};
        break;
    }
    return spec;
}

SynapsesSpec synapses(const Model& model, const std::string& source, const std::string& target) {
    SynapsesSpec spec;
    spec.name = ModelLookup::freeName(model, "S").toStdString();
    spec.source = source;
    spec.target = target;
    const GroupSpec* targetGroup = ModelLookup::group(model, QString::fromStdString(target));
    if (targetGroup && targetGroup->type == GroupType::NeuronGroup)
        spec.onPre = "v_post += 0.5*mV";
    spec.connect.p = "0.1";
    return spec;
}

MonitorSpec monitor(const Model& model, const std::string& source, MonitorType type,
                    const std::vector<std::string>& variables, long long count) {
    const char* prefix = type == MonitorType::Spike            ? "spikes_"
                         : type == MonitorType::PopulationRate ? "rate_"
                                                               : "trace_";
    MonitorSpec spec;
    const QString base = prefix + QString::fromStdString(source);
    spec.name =
        (ModelLookup::nameTaken(model, base) ? ModelLookup::freeName(model, base + "_") : base)
            .toStdString();
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
    TimedArraySpec spec;
    spec.name = ModelLookup::freeName(model, "stimulus").toStdString();
    spec.dt = "10*ms";
    spec.values = {0, 1};
    spec.rows = 2;
    return spec;
}

PoissonInputSpec poissonInput(const Model& model) {
    PoissonInputSpec spec;
    spec.name = ModelLookup::freeName(model, "background").toStdString();
    for (const GroupSpec& group : model.groups)
        if (group.type == GroupType::NeuronGroup) {
            spec.target = group.name;
            const QStringList variables = EquationVariables::stateVariables(group.equations);
            spec.variable = variables.isEmpty() ? "v" : variables.first().toStdString();
            break;
        }
    spec.count = 100;
    spec.rate = "10*Hz";
    spec.weight = "0.1*mV";
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
