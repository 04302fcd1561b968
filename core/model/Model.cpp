#include "model/Model.h"

#include "model/ObjectKinds.h"

namespace spikestudio {

const char* typeName(MonitorType type) {
    return ObjectKinds::of(type).typeName.c_str();
}

const char* typeName(GroupType type) {
    return ObjectKinds::of(type).typeName.c_str();
}

} // namespace spikestudio
