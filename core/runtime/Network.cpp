#include "runtime/Network.h"

namespace spikestudio {

GroupState* Network::findGroup(const std::string& name) {
    for (GroupState& group : groups_)
        if (group.name == name)
            return &group;
    return nullptr;
}

} // namespace spikestudio
