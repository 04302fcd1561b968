#pragma once

#include "model/ObjectKind.h"

#include <string>
#include <string_view>
#include <vector>

namespace spikestudio {

/// Every kind of object a model can hold, each described once (model/kinds/).
/// The only mapping between type names, GroupType/MonitorType and kinds.
namespace ObjectKinds {

const std::vector<const GroupKind*>& groups();
const std::vector<const MonitorKind*>& monitors();
const SynapsesKind& synapses();
const PoissonInputKind& poissonInput();
const TimedArrayKind& timedArray();
const BinomialFunctionKind& binomialFunction();

/// Every kind, groups first, in the order the model file lists them.
const std::vector<const ObjectKind*>& all();

const GroupKind& of(GroupType type);
const MonitorKind& of(MonitorType type);

/// The kind of `family` called `typeName`, or null.
const GroupKind* groupNamed(std::string_view typeName);
const MonitorKind* monitorNamed(std::string_view typeName);

/// "NeuronGroup, PoissonGroup, SpikeGeneratorGroup": the type names of a family.
std::string typeNames(ObjectFamily family);

} // namespace ObjectKinds

} // namespace spikestudio
