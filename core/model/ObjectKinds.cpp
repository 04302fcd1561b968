#include "model/ObjectKinds.h"

#include <stdexcept>

namespace spikestudio {

// One line each here and in the lists below registers a kind (model/kinds/).
const GroupKind& neuronGroupKind();
const GroupKind& poissonGroupKind();
const GroupKind& spikeGeneratorGroupKind();
const SynapsesKind& synapsesKind();
const MonitorKind& spikeMonitorKind();
const MonitorKind& stateMonitorKind();
const MonitorKind& populationRateMonitorKind();
const MonitorKind& eventMonitorKind();
const PoissonInputKind& poissonInputKind();
const TimedArrayKind& timedArrayKind();
const BinomialFunctionKind& binomialFunctionKind();

const FieldDescriptor* ObjectKind::field(std::string_view key) const {
    for (const FieldDescriptor& descriptor : fields)
        if (descriptor.key == key)
            return &descriptor;
    return nullptr;
}

namespace ObjectKinds {

const std::vector<const GroupKind*>& groups() {
    static const std::vector<const GroupKind*> kinds{&neuronGroupKind(), &poissonGroupKind(),
                                                     &spikeGeneratorGroupKind()};
    return kinds;
}

const std::vector<const MonitorKind*>& monitors() {
    static const std::vector<const MonitorKind*> kinds{&spikeMonitorKind(), &stateMonitorKind(),
                                                       &populationRateMonitorKind(),
                                                       &eventMonitorKind()};
    return kinds;
}

const SynapsesKind& synapses() {
    return synapsesKind();
}

const PoissonInputKind& poissonInput() {
    return poissonInputKind();
}

const TimedArrayKind& timedArray() {
    return timedArrayKind();
}

const BinomialFunctionKind& binomialFunction() {
    return binomialFunctionKind();
}

const std::vector<const ObjectKind*>& all() {
    static const std::vector<const ObjectKind*> kinds = [] {
        std::vector<const ObjectKind*> list{&timedArray(), &binomialFunction()};
        list.insert(list.end(), groups().begin(), groups().end());
        list.push_back(&poissonInput());
        list.push_back(&synapses());
        list.insert(list.end(), monitors().begin(), monitors().end());
        return list;
    }();
    return kinds;
}

const GroupKind& of(GroupType type) {
    for (const GroupKind* kind : groups())
        if (kind->type == type)
            return *kind;
    throw std::logic_error("a group type without a kind");
}

const MonitorKind& of(MonitorType type) {
    for (const MonitorKind* kind : monitors())
        if (kind->type == type)
            return *kind;
    throw std::logic_error("a monitor type without a kind");
}

const GroupKind* groupNamed(std::string_view typeName) {
    for (const GroupKind* kind : groups())
        if (kind->typeName == typeName)
            return kind;
    return nullptr;
}

const MonitorKind* monitorNamed(std::string_view typeName) {
    for (const MonitorKind* kind : monitors())
        if (kind->typeName == typeName)
            return kind;
    return nullptr;
}

std::string typeNames(ObjectFamily family) {
    std::string names;
    for (const ObjectKind* kind : all())
        if (kind->family == family)
            names += (names.empty() ? "" : ", ") + kind->typeName;
    return names;
}

} // namespace ObjectKinds

} // namespace spikestudio
