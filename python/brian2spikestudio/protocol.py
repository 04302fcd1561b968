"""Several run() calls with values set between them (`run(100*ms); G.I =
0*nA; S.w['i > j'] = 0; run(100*ms)`) as the model's `protocol`
(docs/model-format.md, "Protocol"): one segment per run() call, each with the
values the script set on groups and Synapses objects since the run before
it, in script order, and the spikes set_spikes() gave a SpikeGeneratorGroup
(the last call before the run: each replaces the one before). Spike Studio
sets them between the segments from the
same random stream, as Brian2 does between its runs; a seed() reseeds it
there as a seed entry (seed_entries.py: before the value that draws next,
or at the end of the segment when its run draws first). Constants and
`active` flags changed between runs are added by run_changes.py. Anything
else changed between runs (a connect(), synaptic delays) is refused with
its line; a restore() starts another network (networks.py)."""
from .capture import SubgroupPart
from .errors import unsupported
from .groups import spike_fields
from .initial_values import InitialValues
from .quantities import time_text
from .recording import Assignment, ConnectCall, SpikesCall
from .seed_entries import seed_entry
from .subgroup_values import whole_group_assignment


def protocol_segments(context, runs, members):
    """The segments of `runs` (the script's run() calls in order); `members`
    are the names of the first run's objects. The seed ending a segment's
    `set` is added by end_with_seed, after the constants and flags."""
    segments = [{'duration': time_text(runs[0].duration, runs[0].where, 'the duration')}]
    events = context.recording.events
    for previous, run in zip(runs, runs[1:]):
        segment = {'duration': time_text(run.duration, run.where, 'the duration')}
        changes = []
        for position in range(events.index(previous) + 1, events.index(run)):
            changes += change_entries(context, position, members, run)
        if changes:
            segment['set'] = changes
        segments.append(segment)
    return segments


def change_entries(context, position, members, run):
    """The `set` entries for the call at `position` between two runs: its
    value, after the seed entry placed before it."""
    entry = change_entry(context, context.recording.events[position], members, run)
    if entry is None:
        return []
    seed = context.seeds.before.get(position)
    return [seed_entry(seed), entry] if seed is not None else [entry]


def end_with_seed(segment, seeds, run):
    """Adds the seed() that comes after the values set before `run` (whose
    segment this is) when `run` draws before anything else does."""
    call = seeds.at_runs.get(id(run))
    if call is not None:
        segment.setdefault('set', []).append(seed_entry(call))


def change_entry(context, event, members, run):
    """The `set` entry for a value set between two runs; None for events that
    change nothing of the network; refused for changes a protocol cannot hold."""
    if isinstance(event, SpikesCall):
        return spikes_entry(context, event, members, run)
    if isinstance(event, Assignment):
        owner = event.owner
        name = owner.source_name if isinstance(owner, SubgroupPart) else owner.name
        if name not in members:
            return None
        group = context.object_named(name)
        if group is None:
            raise unsupported(event.where, 'values of %s set between two run() calls' % name)
        if group.__class__.__name__ == 'Synapses' and event.variable == 'delay':
            raise unsupported(event.where, 'the delays of %s set between two run() calls' % name)
        if isinstance(owner, SubgroupPart):
            event = whole_group_assignment(event, group)
        entry = InitialValues(context, group).entry(event)
        return {'object': name, **entry}
    if isinstance(event, ConnectCall) and event.synapses.name in members:
        raise unsupported(run.where, 'several run() calls with changes between them (%s.connect() '
                          'at %s)' % (event.synapses.name, event.where))
    return None


def spikes_entry(context, event, members, run):
    """`SG.set_spikes(...)` between two runs: the group's spikes from `run`'s
    segment on (`{"object", "indices", "times", "period"}`); None when the
    script replaces them again before `run`."""
    if event.group not in members or replaced_before(context, event, run):
        return None
    check_period_start(event, run)
    return {'object': event.group,
            **spike_fields((event.indices, event.times, event.period), event.where)}


def replaced_before(context, event, run):
    """Whether another set_spikes() of the same group follows `event` before `run`."""
    events = context.recording.events
    return any(isinstance(later, SpikesCall) and later.group == event.group
               for later in events[context.position(event) + 1:events.index(run)])


def check_period_start(event, run):
    """Brian2 counts the periods of new spikes from t = 0, a model from the
    start of the segment: the two agree when `run` starts on a whole number
    of periods."""
    if event.period > 0 and not is_whole_number(run.start / event.period):
        raise unsupported(event.where, "set_spikes() with a period of %s at t = %s, not a whole "
                          'number of periods (Brian2 counts periods from t = 0, a model from '
                          "the run's start), in SpikeGeneratorGroup '%s'"
                          % (time_text(event.period, event.where, 'period'),
                             time_text(run.start, run.where, 'the time'), event.group))


def is_whole_number(value):
    """Within rounding (Spike Studio's checker allows 1e-9 of it)."""
    return abs(value - round(value)) <= 1e-9 * max(1.0, value)
