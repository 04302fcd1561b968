"""A Recording as a Spike Studio model (format version 1, docs/model-format.md).

Each kind of Brian2 object has its translator (groups, synapses, inputs,
monitors: KINDS below); a kind without one, or a feature of a kind the
format cannot express yet, fails the import with the feature, the object
and its script line, never a model that would behave differently. Several
run() calls make one run of the total duration when nothing changes between
them, and a protocol of segments when values are set (or seed() or
set_spikes() is called, a TimedArray replaced or defaultclock.dt changed)
between them."""
import os
from dataclasses import replace

import numpy as np
from brian2.groups.neurongroup import NeuronGroup
from brian2.input.poissongroup import PoissonGroup
from brian2.input.poissoninput import PoissonInput
from brian2.input.spikegeneratorgroup import SpikeGeneratorGroup
from brian2.monitors.ratemonitor import PopulationRateMonitor
from brian2.monitors.spikemonitor import EventMonitor, SpikeMonitor
from brian2.monitors.statemonitor import StateMonitor
from brian2.synapses.synapses import Synapses
from brian2.utils.stringtools import get_identifiers

from . import groups, inputs, monitors, synapses
from .binomial_functions import binomial_function_spec
from .context import TranslationContext, label
from .errors import ImportFailure, unsupported
from .quantities import time_text, unit_text
from .protocol import end_with_seed, protocol_segments
from .random_order import foreign_draws_notes, plan_random_order
from .networks import simulated_networks
from .random_stream import random_stream_notes
from .recording import Assignment, ConnectCall, SpikesCall
from .run_changes import RunState, without_active
from .scheduling import schedule_fields
from .seed_entries import plan_seeds

FORMAT_TAG = 'spikestudio-model'
FORMAT_VERSION = 1
DEFAULT_SCHEDULE = ['start', 'groups', 'thresholds', 'synapses', 'resets', 'end']

# Brian2 type -> (the model's list, translator); the type must match exactly
# (a SpatialNeuron is a NeuronGroup, but not one the format can hold).
KINDS = {
    NeuronGroup: ('groups', groups.neuron_group),
    PoissonGroup: ('groups', groups.poisson_group),
    SpikeGeneratorGroup: ('groups', groups.spike_generator_group),
    Synapses: ('synapses', synapses.synapses),
    PoissonInput: ('poisson_inputs', inputs.poisson_input),
    SpikeMonitor: ('monitors', monitors.spike_monitor),
    EventMonitor: ('monitors', monitors.event_monitor),
    StateMonitor: ('monitors', monitors.state_monitor),
    PopulationRateMonitor: ('monitors', monitors.rate_monitor),
}
# Kinds known not to fit the format yet, by type name: what to call them.
UNSUPPORTED_KINDS = {
    'NetworkOperation': 'network_operation', 'SpatialNeuron': 'SpatialNeuron',
}


class Translation:
    """The model and the notes for the user."""

    def __init__(self, model, notes, segments=(), arrays=None):
        self.model = model
        self.notes = notes
        self.segments = list(segments)  # the protocol's, before what later runs change
        self.seeds = None  # the network's SeedPlan
        self.arrays = arrays or {}  # the Brian2 TimedArray behind each of the model's


def translate(recording):
    """The model of the network the script ran last (the device runs it)."""
    return translate_network(recording, simulated_networks(recording)[-1])


def translate_networks(recording):
    """One Translation per network the script simulated, in the order run."""
    return [translate_network(recording, network) for network in simulated_networks(recording)]


def translate_network(recording, network):
    """`network`'s model, translated from the calls that made its state."""
    translation = translate_runs(replace(recording, events=network.events), network.runs)
    translation.notes += random_stream_notes(recording, network, translation.seeds.calls())
    return translation


def translate_runs(recording, runs):
    """The model of `runs`, run() calls continuing one network. What changes
    between them (values set, constants and TimedArrays the next run()
    resolves anew, objects switched on or off, seed() calls, defaultclock.dt)
    becomes the protocol's segments."""
    seeds = plan_seeds(recording.events, runs, {obj.name for obj in runs[0].objects})
    first = translate_run(recording, runs[0], protocol_runs=runs, seeds=seeds)
    segments = first.segments
    state = RunState(first.model, first.arrays)
    duration = 0.0
    for k, (previous, run) in enumerate(zip([None] + runs, runs)):
        if previous is not None:
            later = check_same_network(recording, runs[0], previous, run, first.model, seeds)
            changes = state.changes_to(later.model, run, later.arrays)
            if changes:
                segments[k].setdefault('set', []).extend(changes)
            if run.default_dt != previous.default_dt:
                segments[k].setdefault('set', []).insert(0, dt_entry(run))
        end_with_seed(segments[k], seeds, run)
        duration += run.duration
    first.notes += foreign_draws_notes(recording.events, recording.events.index(runs[0]) + 1)
    if any('set' in segment for segment in segments):
        first.model['protocol'] = segments
    else:
        first.model['duration'] = time_text(duration, runs[-1].where, 'the duration')
    first.seeds = seeds
    return first


def dt_entry(run):
    """`defaultclock.dt = ...` before `run`: the segment's `{"dt": ...}`
    entry, first in its `set`. The default clock (and whatever follows it)
    steps by it from the segment on; the network's time is kept, as Brian2's
    Clock._set_t_update_dt keeps it at the next run()."""
    return {'dt': time_text(run.default_dt, run.where, 'defaultclock.dt')}


def translate_run(recording, run, protocol_runs=(), history_until=None, seeds=None):
    """The model of one run() call, without its duration; with the
    `protocol` of `protocol_runs` when values are set between them; `seeds`
    (a SeedPlan) places the script's seed() calls."""
    context = TranslationContext(recording, run, history_until, seeds)
    lists = {'groups': [], 'synapses': [], 'poisson_inputs': [], 'monitors': []}
    check_schedule_and_precision(run, context)
    for obj in sorted(run.objects,
                      key=lambda o: (recording.creation_order.get(o.name, 0), o.name)):
        kind = KINDS.get(type(obj))
        if kind is None:
            feature = UNSUPPORTED_KINDS.get(type(obj).__name__, '%s objects' % type(obj).__name__)
            raise unsupported(context.where(obj), "%s ('%s')" % (feature, obj.name))
        spec = kind[1](obj, context)
        schedule_fields(obj, spec, context)
        lists[kind[0]].append((obj, spec))
    check_synapses_read_final_values(context, lists['synapses'])
    plan = plan_random_order(context, lists['groups'], lists['synapses'])
    segments = (protocol_segments(context, list(protocol_runs), {o.name for o in run.objects})
                if protocol_runs else [])
    model = {'format': FORMAT_TAG, 'version': FORMAT_VERSION,
             'name': os.path.splitext(os.path.basename(recording.locator.display))[0],
             'description': 'Imported from the Brian2 script %s'
                            % os.path.basename(recording.locator.display),
             'dt': time_text(run.default_dt, run.where, 'defaultclock.dt')}
    if plan.seed is not None:
        model['seed'] = int(plan.seed)
    if run.legacy_refractory_timing:
        # Brian2 2.1.2's refractoriness: periods compared as times, not steps.
        model['legacy_refractory_timing'] = True
    model['constants'] = context.names.constants_model()
    model['timed_arrays'] = [timed_array(name, array, where) for name, (array, where)
                             in context.names.timed_arrays.items()]
    functions = [binomial_function_spec(name, function, where) for name, (function, where)
                 in context.names.binomial_functions.items()]
    if functions:  # Brian2's BinomialFunctions the code calls, by the names it calls them
        model['binomial_functions'] = functions
    model['groups'] = [with_subgroups(spec, context) for _, spec in plan.groups]
    model['synapses'] = [spec for _, spec in plan.synapses]
    model['poisson_inputs'] = inputs.schedule_order([spec for _, spec in lists['poisson_inputs']])
    model['monitors'] = [spec for _, spec in lists['monitors']]
    arrays = {name: array for name, (array, _) in context.names.timed_arrays.items()}
    return Translation(model, plan.notes, segments, arrays)


def with_subgroups(spec, context):
    """The group's spec with the subgroups the run's objects use."""
    subgroups = context.subgroups.get(spec['name'])
    if subgroups:
        spec['subgroups'] = sorted(subgroups, key=lambda s: (s['start'], s['stop']))
    return spec


def check_schedule_and_precision(run, context):
    """Spike Studio runs Brian2's default schedule in double precision."""
    if list(run.network.schedule) != DEFAULT_SCHEDULE:
        raise unsupported(run.where, 'a changed schedule (%s)' % ', '.join(run.network.schedule))
    for obj in run.objects:
        for name, variable in getattr(obj, 'variables', {}).items():
            dtype = np.dtype(getattr(variable, 'dtype', np.float64))
            if dtype.kind == 'f' and dtype.itemsize != 8 and not name.startswith('_'):
                raise unsupported(context.where(obj), "%s precision for '%s' of %s"
                                  % (dtype.name, name, label(obj)))


def timed_array(name, array, where):
    values = np.asarray(array.values, dtype=float)
    if not np.all(np.isfinite(values)):
        raise ImportFailure(where, "the TimedArray '%s' holds NaN or infinite values" % name)
    spec = {'name': name, 'dt': time_text(array.dt, where, "the dt of TimedArray '%s'" % name)}
    if not array.dim.is_dimensionless:
        spec['unit'] = unit_text(array.dim._dims)
    spec['values'] = values.tolist()
    return spec


def check_synapses_read_final_values(context, synapses_specs):
    """Spike Studio sets every group's values before any Synapses object
    connects or sets its own; a connect or a synaptic value that reads a
    group variable the script sets later would read another value."""
    for syn, _ in synapses_specs:
        for event in context.events:
            if not (isinstance(event, ConnectCall) and event.synapses is syn) and not (
                    isinstance(event, Assignment) and event.owner.name == syn.name):
                continue
            texts = ((event.condition, event.p, event.n, event.j)
                     if isinstance(event, ConnectCall) else (event.code,))
            read = set()
            for text in texts:
                if isinstance(text, str):
                    read |= get_identifiers(text)
            for later in context.events[context.position(event) + 1:]:
                if (isinstance(later, Assignment)
                        and later.owner.name in (syn.source.name, syn.target.name)
                        and read & {later.variable, later.variable + '_pre',
                                    later.variable + '_post'}):
                    raise unsupported(event.where, "reading %s.%s here, before the script sets "
                                      'it (%s)' % (later.owner.name, later.variable, later.where))


def same_spikes(a, b):
    """Whether two (indices, times, period) are equal."""
    return (a[2] == b[2] and np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]))


def check_generator_spikes(recording, previous, run):
    """Each SpikeGeneratorGroup's spikes at `run` are those at the run
    before, or those of the last set_spikes() since (the protocol's entry):
    spikes changed in any other way cannot be carried over."""
    events = recording.events
    between = events[events.index(previous) + 1:events.index(run)]
    for name, spikes in run.generator_spikes.items():
        calls = [event for event in between
                 if isinstance(event, SpikesCall) and event.group == name]
        expected = ((calls[-1].indices, calls[-1].times, calls[-1].period) if calls
                    else previous.generator_spikes[name])
        if not same_spikes(spikes, expected):
            raise unsupported(run.where, "the spikes of the SpikeGeneratorGroup '%s' changed "
                              'between two run() calls other than by set_spikes()' % name)


def check_same_binomial_functions(model, later, where):
    """A later run() calls the BinomialFunctions of the first, with the same
    n, p and approximate: the model has them from its start."""
    before = {spec['name']: spec for spec in model.get('binomial_functions', [])}
    for spec in later.get('binomial_functions', []):
        name = spec['name']
        if name not in before:
            raise unsupported(where, "several run() calls with changes between them (the "
                              "BinomialFunction '%s' is used here, not before)" % name)
        if spec != before[name]:
            raise unsupported(where, "a BinomialFunction '%s' replaced between two run() calls "
                              'with other n, p or approximate' % name)


def check_default_clock_followers(recording, run):
    """An object on the default clock whose owner runs on a clock of its own
    (`StateMonitor(G, 'v', clock=defaultclock)`, a run_regularly with
    `clock=defaultclock` of such a group) has a `dt` of its own in the model,
    which a protocol's dt entry does not change: with defaultclock.dt changed
    it would keep the first run's."""
    clock = run.default_clock
    for obj in run.objects:
        owner_clock = obj.source.clock if isinstance(obj, StateMonitor) else obj.clock
        parts = [obj] if isinstance(obj, StateMonitor) else [
            runner for part in obj.contained_objects
            for runner in ([part] + list(part.contained_objects)
                           if type(part).__name__ == 'Subgroup' else [part])
            if type(runner).__name__ == 'CodeRunner']
        for part in parts:
            if part.clock is clock and owner_clock is not clock:
                what, owner = ((label(part), obj.source) if part is obj
                               else ("run_regularly '%s'" % part.name, obj))
                raise unsupported(recording.locator.creation_of(part),
                                  '%s on defaultclock while %s runs on a clock of its own, '
                                  'with defaultclock.dt changed between two run() calls'
                                  % (what, label(owner)))


def check_same_network(recording, first, previous, run, model, seeds):
    """A later run() call continues the first run's network: the same objects;
    its translation (returned) may differ from the first's only in the
    default clock's dt (the segment's dt entry), the constants, the
    TimedArrays' values and the objects' `active` (RunState); values set in
    between are the protocol's, anything else changed is refused
    (protocol.change_entry)."""
    if {obj.name for obj in run.objects} != {obj.name for obj in previous.objects}:
        raise unsupported(run.where, 'several run() calls on different objects')
    if run.default_dt != previous.default_dt:
        check_default_clock_followers(recording, run)
    check_generator_spikes(recording, previous, run)
    later = translate_run(recording, run, history_until=first, seeds=seeds)
    check_same_binomial_functions(model, later.model, run.where)
    for key in model:
        if key in ('dt', 'duration', 'protocol', 'constants', 'timed_arrays'):
            continue
        if without_active(later.model.get(key)) != without_active(model[key]):
            raise unsupported(run.where, "several run() calls with changes between them (the "
                              "model's '%s' differ)" % key)
    return later
