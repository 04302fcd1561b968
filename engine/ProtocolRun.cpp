#include "engine/ProtocolRun.h"

#include "runtime/ElementAssignments.h"

namespace spikestudio {

namespace {

/// Brian2 applies what a script changes between two `run()` calls before the
/// next run starts: values are written (drawing random numbers in order), a
/// constant is read anew by every kernel, the active objects are listed
/// again, `seed()` starts the random stream again, `set_spikes()` gives a
/// SpikeGeneratorGroup new spikes, a TimedArray gets new values and
/// `defaultclock.dt = ...` gives the default clock its new step.
void applyChange(Network& network, const CheckedModel& checked,
                 const CheckedProtocolChange& change) {
    switch (change.kind) {
    case CheckedProtocolChange::Kind::GroupValues:
        applyGroupAssignments({change.assignment},
                              change.scope ? *change.scope : *checked.groups[change.group].scope,
                              network.groups()[change.group], network.random());
        break;
    case CheckedProtocolChange::Kind::SynapseValues:
        applySynapseAssignments({change.assignment},
                                change.scope ? *change.scope
                                             : *checked.synapses[change.group].scope,
                                network.synapses()[change.group], network.random());
        break;
    case CheckedProtocolChange::Kind::Constant:
        network.constants().at(change.constant) = change.value;
        break;
    case CheckedProtocolChange::Kind::Active:
        network.scheduler().setActive(change.object, change.active);
        break;
    case CheckedProtocolChange::Kind::Seed:
        network.random().reseed(change.reseed);
        break;
    case CheckedProtocolChange::Kind::TimedArray: {
        // Same length (padded by the checker): kernels keep their pointer to it.
        std::vector<double>& values =
            network.timedArrays().at(checked.timedArrays[change.timedArray].name);
        std::copy(change.timedArrayValues.begin(), change.timedArrayValues.end(), values.begin());
        break;
    }
    case CheckedProtocolChange::Kind::Dt:
        // The builder made the default clock apart (changesDefaultDt); the run
        // converts the network's time into its new steps.
        network.scheduler().setDefaultDt(change.value);
        break;
    case CheckedProtocolChange::Kind::Spikes:
        // Spikes before the segment's first step are never emitted, as Brian2
        // skips those set_spikes gives in the past.
        *network.groups()[change.group].spikeGenerator = SpikeGenerator(
            change.spikeIndices, change.spikeTimes, change.period, checked.groups[change.group].dt);
        break;
    }
}

void applyChanges(Network& network, const CheckedModel& checked, const CheckedSegment& segment) {
    for (const CheckedProtocolChange& change : segment.set)
        applyChange(network, checked, change);
}

/// Brian2 ends every run by emptying the spike space (and each custom
/// event's) of every active thresholder, so the next run starts with no
/// spikes of the last step: a group switched off then stays silent. A
/// SpikeGeneratorGroup has no thresholder and keeps its last step's spikes.
void endRun(Network& network, const CheckedModel& checked) {
    for (size_t g = 0; g < checked.groups.size(); ++g) {
        if (checked.groups[g].type == GroupType::SpikeGeneratorGroup ||
            !network.scheduler().isActive(checked.groups[g].name))
            continue;
        GroupState& group = network.groups()[g];
        if (!group.events.empty())
            group.events.back() = 0;
        for (auto& [event, space] : group.customEvents)
            if (!space.empty())
                space.back() = 0;
    }
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
        endRun(network, checked);
    }
    return rounds;
}

} // namespace spikestudio
