#pragma once

#include "model/AssignmentSpec.h"
#include "model/TimedArraySpec.h"

#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// New spikes of a SpikeGeneratorGroup (Brian2's `SG.set_spikes(indices,
/// times, period)` between two runs): the lists as the group's own fields.
struct SpikeListSpec {
    std::vector<long long> indices;
    std::vector<std::string> times; // time expressions
    std::string period;             // "" = no repetition
};

/// What a protocol changes between two segments, one of seven kinds:
/// - values of a group or Synapses object (Brian2's `G.I = 0*nA`, `S.w['i > j'] = ...`
///   written between two `run()` calls): `object` and `assignment`;
/// - a constant (`tau = 5*ms` before the next `run()`, which reads the namespace
///   again): `constant`, with its new value in `assignment.value`;
/// - whether an object runs (`M.active = False`): `object` and `active`;
/// - the random stream's seed (`seed(13579)` or `seed()`): `reseed`;
/// - a SpikeGeneratorGroup's spikes (`SG.set_spikes(...)`): `object` and `spikes`;
/// - a TimedArray's values (`stimulus = TimedArray(...)` again): `timedArray`,
///   named as the TimedArray it replaces;
/// - the default clock's step (`defaultclock.dt = 0.05*ms`): `dt`.
struct ProtocolChange {
    std::string object;
    AssignmentSpec assignment;
    std::string constant;                     // non-empty: this entry changes the constant
    std::optional<bool> active;               // set: this entry switches `object` on or off
    std::optional<Reseed> reseed;             // set: this entry seeds the random stream again
    std::optional<SpikeListSpec> spikes;      // set: this entry replaces `object`'s spikes
    std::optional<TimedArraySpec> timedArray; // set: this entry replaces a TimedArray
    std::string dt; // non-empty: the default clock's new step, a time expression

    bool changesConstant() const { return !constant.empty(); }
    bool switchesActive() const { return active.has_value(); }
    bool reseeds() const { return reseed.has_value(); }
    bool setsSpikes() const { return spikes.has_value(); }
    bool replacesTimedArray() const { return timedArray.has_value(); }
    bool changesDt() const { return !dt.empty(); }
    /// Values of a group or Synapses object: none of the other kinds.
    bool setsValues() const {
        return !changesConstant() && !switchesActive() && !reseeds() && !setsSpikes() &&
               !replacesTimedArray() && !changesDt();
    }
    static ProtocolChange seedEntry(const Reseed& reseed) {
        ProtocolChange change;
        change.reseed = reseed;
        return change;
    }
};

/// One `run()` of a script with several: the values set before it, then
/// `duration` of simulation continuing the network as it is.
struct ProtocolSegmentSpec {
    std::string duration;            // a time expression
    std::vector<ProtocolChange> set; // applied in order before the segment runs
};

} // namespace spikestudio
