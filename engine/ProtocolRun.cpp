#include "engine/ProtocolRun.h"

#include "runtime/ElementAssignments.h"

namespace spikestudio {

namespace {

void applyChanges(Network& network, const CheckedModel& checked, const CheckedSegment& segment) {
    for (const CheckedProtocolChange& change : segment.set)
        applyGroupAssignments({change.assignment}, *checked.groups[change.group].scope,
                              network.groups()[change.group], network.random());
}

} // namespace

long long runProtocol(Network& network, const CheckedModel& checked,
                      const std::function<bool()>& keepGoing) {
    if (checked.protocol.empty())
        return network.run(checked.duration, keepGoing);
    bool stopped = false;
    const auto going = [&] {
        stopped = keepGoing && !keepGoing();
        return !stopped;
    };
    long long rounds = 0;
    for (const CheckedSegment& segment : checked.protocol) {
        applyChanges(network, checked, segment);
        rounds += network.run(segment.duration, going);
        if (stopped)
            break;
    }
    return rounds;
}

} // namespace spikestudio
