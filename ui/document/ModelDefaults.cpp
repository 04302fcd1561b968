#include "document/ModelDefaults.h"

#include "document/ModelLookup.h"

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

Model emptyModel() {
    Model model;
    model.name = "untitled";
    model.duration = "100*ms";
    return model;
}

} // namespace ModelDefaults

} // namespace spikestudio
