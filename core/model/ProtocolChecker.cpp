#include "model/ProtocolChecker.h"

#include "diagnostics/ModelError.h"
#include "model/CheckSupport.h"
#include "model/GroupChecker.h"

namespace spikestudio {

namespace {

std::string segmentField(size_t k) {
    return "protocol[" + std::to_string(k) + "]";
}

/// The index of the group a change names; refused for anything else.
size_t changedGroup(const CheckedModel& checked, const ProtocolChange& change,
                    const std::string& field) {
    for (size_t g = 0; g < checked.groups.size(); ++g)
        if (checked.groups[g].name == change.object)
            return g;
    for (const GroupSpec& group : checked.model.groups)
        for (const SubgroupSpec& subgroup : group.subgroups)
            if (subgroup.name == change.object)
                throw ModelError({"model", field + ".object", 0, 0},
                                 "'" + change.object + "' is a subgroup of '" + group.name +
                                     "'; set the values on '" + group.name +
                                     "' and select the neurons with 'index'");
    for (const SynapsesSpec& synapses : checked.model.synapses)
        if (synapses.name == change.object)
            throw ModelError({"model", field + ".object", 0, 0},
                             "'" + change.object +
                                 "' is a Synapses object; a protocol sets values of groups "
                                 "only (synaptic values between segments are not supported yet)");
    throw ModelError({"model", field + ".object", 0, 0}, "unknown group '" + change.object + "'");
}

} // namespace

double checkProtocolDurations(const Model& model, const Scope& constants, bool overrideGiven,
                              std::vector<CheckedSegment>& segments) {
    if (!model.duration.empty())
        throw ModelError({"model", "duration", 0, 0},
                         "a model with a protocol runs for the sum of its segments' durations; "
                         "leave 'duration' out");
    if (overrideGiven)
        throw ModelError({"model", "protocol", 0, 0},
                         "a model with a protocol runs its segments; a duration given for the "
                         "run cannot replace them");
    double total = 0.0;
    segments.clear();
    for (size_t k = 0; k < model.protocol.size(); ++k) {
        CheckedSegment segment;
        segment.duration = positiveTime(model.protocol[k].duration, constants, "model",
                                        segmentField(k) + ".duration", true);
        total += segment.duration;
        segments.push_back(std::move(segment));
    }
    return total;
}

void checkProtocolChanges(CheckedModel& checked) {
    const std::vector<ProtocolSegmentSpec>& protocol = checked.model.protocol;
    for (size_t k = 0; k < protocol.size() && k < checked.protocol.size(); ++k)
        for (size_t j = 0; j < protocol[k].set.size(); ++j) {
            const std::string field = segmentField(k) + ".set[" + std::to_string(j) + "]";
            if (k == 0)
                throw ModelError({"model", field, 0, 0},
                                 "the first segment sets no values: what holds before the run "
                                 "is the objects' 'initial'");
            const ProtocolChange& change = protocol[k].set[j];
            const size_t group = changedGroup(checked, change, field);
            checked.protocol[k].set.push_back(
                {group, checkAssignment(change.assignment, field,
                                        groupAssignmentOwner(checked.groups[group]))});
        }
}

} // namespace spikestudio
