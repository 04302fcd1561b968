"""Building, from a checked model dict, the Brian2 objects it describes: the
seed of a model -> Brian2 exporter. Nothing here runs the network or writes
files."""
import math
from dataclasses import dataclass, field

import numpy as np
from brian2spikestudio.assignments import brian2_item
from brian2spikestudio.model_file import (FRESH_SEED, is_dt_entry, is_seed_entry,
                                          is_spikes_entry, is_timed_array_entry)
from brian2spikestudio.quantities import dimension_text

from .brian2_import import import_brian2
from .errors import ModelFileError, describe_brian2_error
from .quantities import NotConstant, QuantityEvaluator

DEFAULT_DT = '0.1*ms'


@dataclass
class BrianNetwork:
    """The Brian2 objects a model describes, ready to run."""
    network: object
    duration: object
    namespace: dict
    objects: dict = field(default_factory=dict)   # name -> group, Synapses or monitor
    monitors: list = field(default_factory=list)  # (monitor spec, Brian2 monitor)
    segments: list = field(default_factory=list)  # a protocol's (duration, changes)
    change: object = None                         # applies one change of a segment

    def run(self):
        if not self.segments:
            self.network.run(self.duration, namespace=self.namespace)
            return
        for duration, changes in self.segments:  # a script's run() calls, one per segment
            for where, change in changes:
                self.change(change, where)
            self.network.run(duration, namespace=self.namespace)


class NetworkBuilder:
    """Builds, in the model's order, the Brian2 objects of one model. The order
    matters: groups, then each Synapses object's connect, delay and initial
    values draw from numpy's random stream exactly as Spike Studio does."""

    def __init__(self, model, duration=None, seed=None):
        self.b2 = import_brian2()
        self.model = model
        self.duration_text = duration if duration is not None else model.get('duration')
        self.seed = seed if seed is not None else model.get('seed')
        self.evaluator = QuantityEvaluator()
        self.namespace = {}
        self.built = None
        self.replacements = {}  # a protocol entry's field -> the TimedArray it makes
        self.where = ('model', '')  # the object and field being built, for Brian2's errors

    def build(self):
        b2 = self.b2
        self.define_constants()
        self.add_timed_arrays()
        self.add_binomial_functions()
        segments = self.protocol_segments()
        if self.duration_text in (None, '') and not segments:
            raise ModelFileError('model', 'duration', "missing field 'duration'")
        duration = (sum((d for d, _ in segments), 0 * b2.second) if segments else
                    self.time(self.duration_text, 'model', 'duration', allow_zero=True))
        if self.seed is not None:
            b2.seed(self.seed)
        self.where = ('model', 'dt')
        b2.defaultclock.dt = self.time(self.model.get('dt', DEFAULT_DT), 'model', 'dt')
        self.built = BrianNetwork(b2.Network(), duration, self.namespace, segments=segments,
                                  change=self.apply_change)
        for spec in self.model['groups']:
            group = GROUP_BUILDERS[spec['type']](self, spec)
            self.add(spec, group)
            for subgroup in spec.get('subgroups', []):  # Brian2's P[start:stop]
                self.built.objects[subgroup['name']] = group[subgroup['start']:subgroup['stop']]
        for spec in self.model['groups']:
            self.link_variables(spec)
        for spec in self.model['synapses']:
            self.add(spec, self.synapses(spec))
        for spec in self.model['poisson_inputs']:
            self.built.objects[spec['name']] = self.poisson_input(spec)
            self.built.network.add(self.built.objects[spec['name']])
        if self.records_solver_counts():
            # A GSL solver's _step_count and _failed_steps exist once its code
            # is made: a run of no time, before the monitors (no step is taken).
            self.built.network.run(0 * b2.second, namespace=self.namespace)
        for spec in self.model['monitors']:
            monitor = MONITOR_BUILDERS[spec['type']](self, spec)
            self.add(spec, monitor)
            self.built.monitors.append((spec, monitor))
        return self.built

    def records_solver_counts(self):
        return any(variable in ('_step_count', '_failed_steps')
                   for spec in self.model['monitors'] if spec['type'] == 'StateMonitor'
                   for variable in spec.get('variables', []))

    def add(self, spec, obj):
        self.built.objects[spec['name']] = obj
        self.built.network.add(obj)
        obj.active = spec.get('active', True)

    @staticmethod
    def schedule_arguments(spec):
        """`when` and `order` as given: Brian2's defaults otherwise."""
        return {key: spec[key] for key in ('when', 'order') if key in spec}

    def add_run_regularly(self, group, spec):
        for k, entry in enumerate(spec.get('run_regularly', [])):
            options = self.schedule_arguments(entry)
            if 'dt' in entry:
                options['dt'] = self.time(entry['dt'], spec['name'], 'run_regularly[%d].dt' % k)
            if 'name' in entry:
                options['name'] = entry['name']
            self.where = (spec['name'], 'run_regularly[%d].code' % k)
            group.run_regularly(entry['code'], **options)

    # -- values ------------------------------------------------------------------------

    def quantity(self, text, obj, fld):
        self.where = (obj, fld)
        try:
            return self.evaluator.evaluate(text, obj, fld)
        except NotConstant as name:
            raise ModelFileError(obj, fld, "'%s' is not a constant or unit (a value fixed "
                                 "before the run cannot use i, t, variables or rand())" % name)

    def constant_or_text(self, text):
        """A constant quantity when `text` is one, else the text for Brian2
        (e.g. rates that depend on i or t)."""
        try:
            return self.evaluator.evaluate(text, *self.where)
        except (NotConstant, ModelFileError):
            return str(text)

    def time(self, text, obj, fld, allow_zero=False):
        value = self.quantity(text, obj, fld)
        if not self.b2.have_same_dimensions(value, self.b2.second):
            raise ModelFileError(obj, fld, "'%s' must be a time" % text)
        seconds = float(value / self.b2.second)
        if not math.isfinite(seconds) or seconds < 0 or (seconds == 0 and not allow_zero):
            raise ModelFileError(obj, fld, "'%s' must be a %s finite time"
                                 % (text, 'non-negative' if allow_zero else 'positive'))
        return value

    def clock_arguments(self, spec):
        return {'dt': self.time(spec['dt'], spec['name'], 'dt')} if 'dt' in spec else {}

    def define_constants(self):
        for name, text in self.model.get('constants', {}).items():
            value = self.quantity(text, 'constants', name)
            self.namespace[name] = value
            self.evaluator.define(name, value)

    def add_timed_arrays(self):
        for spec in self.model['timed_arrays']:
            self.namespace[spec['name']] = self.timed_array(spec, name=spec['name'])

    def add_binomial_functions(self):
        for spec in self.model.get('binomial_functions', []):
            probability = self.quantity(spec['p'], spec['name'], 'p')
            self.namespace[spec['name']] = self.b2.BinomialFunction(
                spec['n'], float(probability), approximate=spec.get('approximate', True))

    def timed_array(self, spec, prefix='', name=None):
        """The Brian2 TimedArray of a `timed_arrays` entry, or of a protocol's
        entry replacing one (`prefix` names it: 'protocol[1].set[0].')."""
        unit = self.timed_array_unit(spec, prefix)
        self.where = (spec['name'], prefix + 'values')
        values = np.asarray(spec['values'], dtype=np.float64) * unit
        return self.b2.TimedArray(values, dt=self.time(spec['dt'], spec['name'], prefix + 'dt'),
                                  name=name)

    def timed_array_unit(self, spec, prefix=''):
        """The unit the values are written in; none or "" means dimensionless."""
        if spec.get('unit', '') == '':
            return 1
        unit = self.quantity(spec['unit'], spec['name'], prefix + 'unit')
        if not math.isfinite(float(np.asarray(unit))) or float(np.asarray(unit)) == 0:
            raise ModelFileError(spec['name'], prefix + 'unit', 'the unit must be a finite, '
                                 'non-zero quantity')
        return unit

    def set_initial_values(self, obj, spec):
        """`initial` in the order written; numbers as they are, text as Brian2 code."""
        if isinstance(spec.get('initial'), list):
            self.set_assignments(obj, spec)
            return
        for variable, value in spec.get('initial', {}).items():
            self.where = (spec['name'], 'initial.' + variable)
            setattr(obj, variable, value)

    def set_assignments(self, obj, spec, where=None):
        """`initial` as a list: `obj.var[item] = value` entry by entry, as a
        script writes it (lists of numbers times their unit). `where` names
        a single entry found elsewhere (a protocol's)."""
        for position, entry in enumerate(spec['initial']):
            field = where or 'initial[%d]' % position
            self.where = (spec['name'], field)
            if is_seed_entry(entry):
                self.reseed(entry)
                continue
            value = entry['value']
            if isinstance(value, list):
                unit = (self.quantity(entry['unit'], spec['name'], field + '.unit')
                        if entry.get('unit', '') != '' else 1)
                value = np.asarray(value, dtype=np.float64) * unit
            item = brian2_item(entry)
            if item is None:
                setattr(obj, entry['variable'], value)
            else:
                getattr(obj, entry['variable']).set_item(item, value, namespace=self.namespace)

    def reseed(self, entry):
        """A seed entry: numpy's stream from RandomState(n), or from a fresh
        seed for "fresh" (Brian2's seed(), whose numbers no run repeats)."""
        self.b2.seed(None if entry['seed'] == FRESH_SEED else entry['seed'])

    # -- protocol ------------------------------------------------------------------------

    def protocol_segments(self):
        """(duration, [(field, change)]) per segment of the model's protocol."""
        segments = []
        for k, segment in enumerate(self.model.get('protocol', [])):
            field = 'protocol[%d]' % k
            duration = self.time(segment['duration'], 'model', field + '.duration',
                                 allow_zero=True)
            changes = [('%s.set[%d]' % (field, j), change)
                       for j, change in enumerate(segment.get('set', []))]
            segments.append((duration, changes))
        self.check_spike_periods(segments)
        self.make_replacements(segments)
        return segments

    def make_replacements(self, segments):
        """The TimedArrays a protocol's entries make, before anything runs:
        each keeps the grid step and unit dimension of the model's TimedArray
        it replaces, as Spike Studio's checker requires (its number of columns
        model_file checked)."""
        for _, changes in segments:
            for where, change in changes:
                if is_timed_array_entry(change):
                    self.replacements[where] = self.replacement(change, where)

    def replacement(self, change, where):
        name = change['timed_array']
        fields = {key: value for key, value in change.items() if key != 'timed_array'}
        array = self.timed_array(dict(fields, name=name), where + '.')
        model_array = self.namespace[name]
        if not math.isclose(array.dt, model_array.dt, rel_tol=1e-9):
            raise ModelFileError(name, where + '.dt', 'the TimedArray keeps its grid step of %g '
                                 's between segments (kernels are built for it), got %g s'
                                 % (model_array.dt, array.dt))
        if array.dim != model_array.dim:
            raise ModelFileError(name, where + '.unit', "DimensionMismatchError: '%s' has values "
                                 'in %s, the new ones are in %s'
                                 % (name, dimension_text(model_array.dim),
                                    dimension_text(array.dim)))
        return array

    def check_spike_periods(self, segments):
        """New spikes with a period repeat from their segment's start, which
        must be a whole number of periods, as Spike Studio's checker requires
        (Brian2 would count the periods from t = 0)."""
        start = 0.0
        for duration, changes in segments:
            for where, change in changes:
                period = self.spike_period(change, where)
                if period > 0 and not is_whole_number(start / period):
                    raise ModelFileError(change['object'], where + '.period', "the new spikes "
                                         "repeat every %g s from the segment's start at %g s, "
                                         'which must be a whole number of periods'
                                         % (period, start))
            start += float(duration / self.b2.second)

    def spike_period(self, change, where):
        """A spikes entry's period in seconds; 0 for none (or another entry)."""
        if not is_spikes_entry(change) or change.get('period', '') == '':
            return 0.0
        return float(self.time(change['period'], change['object'], where + '.period',
                               allow_zero=True) / self.b2.second)

    def apply_change(self, change, where):
        """What a script does between two run() calls: assigns a constant anew
        (the next run reads the namespace again), switches an object's
        `active`, reseeds, gives a SpikeGeneratorGroup new spikes
        (set_spikes()), makes a TimedArray anew under its name (the next run
        reads the namespace again), sets `defaultclock.dt` (the next run
        steps by it), or sets values as `initial` does."""
        if is_seed_entry(change):
            self.reseed(change)
        elif 'constant' in change:
            value = self.quantity(change['value'], 'model', where + '.value')
            self.namespace[change['constant']] = value
            self.evaluator.define(change['constant'], value)
        elif 'active' in change:
            self.built.objects[change['object']].active = change['active']
        elif is_spikes_entry(change):
            self.set_spikes(change, where)
        elif is_timed_array_entry(change):
            self.namespace[change['timed_array']] = self.replacements[where]
        elif is_dt_entry(change):
            self.where = ('model', where + '.dt')
            self.b2.defaultclock.dt = self.time(change['dt'], 'model', where + '.dt')
        else:
            entry = {key: value for key, value in change.items() if key != 'object'}
            self.set_assignments(self.built.objects[change['object']],
                                 {'name': change['object'], 'initial': [entry]}, where)

    def set_spikes(self, change, where):
        """Brian2's set_spikes() before a segment: spikes before its start are
        never emitted (Brian2 warns of them), a period repeats from it."""
        name = change['object']
        seconds = self.spike_seconds(change['times'], name, where + '.times')
        period = self.spike_period(change, where) * self.b2.second
        self.where = (name, where + '.times')
        self.built.objects[name].set_spikes(np.asarray(change['indices']),
                                            np.asarray(seconds) * self.b2.second, period=period)

    def spike_seconds(self, times, name, field):
        """Spike times (model text) in seconds."""
        return [float(self.time(t, name, '%s[%d]' % (field, k), allow_zero=True) / self.b2.second)
                for k, t in enumerate(times)]

    # -- groups ------------------------------------------------------------------------

    def neuron_group(self, spec):
        options = self.clock_arguments(spec)
        for key in ('threshold', 'reset', 'method', 'refractory'):
            if spec.get(key, '') != '':
                options[key] = str(spec[key])  # refractory: a time or a condition, as text
        events = {event['name']: event['condition'] for event in spec.get('events', [])}
        if events:
            options['events'] = events
        if spec.get('method_options'):
            options['method_options'] = self.method_options(spec)
        self.where = (spec['name'], 'equations')
        group = self.b2.NeuronGroup(spec['N'], spec['equations'], name=spec['name'],
                                    namespace=self.namespace, order=spec.get('order', 0),
                                    **options)
        for event in spec.get('events', []):
            if event.get('code', '') != '':
                self.where = (spec['name'], 'events')
                group.run_on_event(event['name'], event['code'])
        self.set_initial_values(group, spec)
        self.add_run_regularly(group, spec)
        return group

    def method_options(self, spec):
        """Brian2's method_options of a GSL method: `absolute_error[v]` entries
        gather into absolute_error_per_variable; True and False are flags."""
        options, per_variable = {}, {}
        for key, text in spec['method_options'].items():
            where = 'method_options.' + key
            if isinstance(text, bool) or text in ('True', 'False'):
                options[key] = text in (True, 'True')
            elif key.startswith('absolute_error[') and key.endswith(']'):
                per_variable[key[len('absolute_error['):-1]] = self.quantity(text, spec['name'],
                                                                            where)
            elif key == 'max_steps':
                options[key] = int(self.quantity(text, spec['name'], where))
            else:
                options[key] = float(self.quantity(text, spec['name'], where))
        if per_variable:
            options['absolute_error_per_variable'] = per_variable
        return options

    def link_variables(self, spec):
        """Brian2's `G.x = linked_var(H, 'v', index=...)` for each entry of `links`."""
        group = self.built.objects[spec['name']]
        for k, link in enumerate(spec.get('links', [])):
            self.where = (spec['name'], 'links[%d]' % k)
            index = np.asarray(link['index']) if 'index' in link else None
            source = self.built.objects[link['source']]
            setattr(group, link['variable'],
                    self.b2.linked_var(source, link['source_variable'], index=index))

    def poisson_group(self, spec):
        options = self.clock_arguments(spec)
        self.where = (spec['name'], 'rates')
        return self.b2.PoissonGroup(spec['N'], rates=self.constant_or_text(spec['rates']),
                                    name=spec['name'], namespace=self.namespace,
                                    order=spec.get('order', 0), **options)

    def spike_generator_group(self, spec):
        name = spec['name']
        options = self.clock_arguments(spec)
        if spec.get('period', '') != '':
            options['period'] = self.time(spec['period'], name, 'period', allow_zero=True)
        seconds = self.spike_seconds(spec['times'], name, 'times')
        self.where = (name, 'times')
        return self.b2.SpikeGeneratorGroup(spec['N'], np.asarray(spec['indices']),
                                           np.asarray(seconds) * self.b2.second, name=name,
                                           **options, **self.schedule_arguments(spec))

    # -- synapses and inputs -------------------------------------------------------------

    def synapses(self, spec):
        name = spec['name']
        objects = self.built.objects
        options = self.clock_arguments(spec)
        for key in ('on_pre', 'on_post', 'method'):
            if spec.get(key, '') != '':
                options[key] = str(spec[key])
        options.update(pathway_arguments(spec.get('pathways', [])))
        if spec.get('multisynaptic_index', '') != '':
            options['multisynaptic_index'] = str(spec['multisynaptic_index'])
        self.where = (name, 'model')
        synapses = self.b2.Synapses(objects[spec['source']], objects[spec['target']],
                                    model=str(spec.get('model', '')), name=name,
                                    namespace=self.namespace, order=spec.get('order', 0),
                                    **options)
        calls = spec['connect'] if isinstance(spec['connect'], list) else [spec['connect']]
        for k, call in enumerate(calls):
            connect = dict(call)
            for key in ('i', 'j'):
                if isinstance(connect.get(key), list):
                    connect[key] = np.asarray(connect[key])
            self.where = (name, 'connect[%d]' % k if len(calls) > 1 else 'connect')
            synapses.connect(**connect)
        if spec.get('delay', '') != '':
            self.where = (name, 'delay')
            synapses.delay = str(spec['delay'])
        self.set_pathway_delays(synapses, spec)
        self.set_initial_values(synapses, spec)
        return synapses

    def set_pathway_delays(self, synapses, spec):
        """Each pathway's own delay, in Spike Studio's order: the pathway 'pre'
        first, then the pre pathways, then the post ones, each as written."""
        pathways = spec.get('pathways', [])
        ordered = ([p for p in pathways if p['name'] == 'pre' and p['direction'] == 'pre'] +
                   [p for p in pathways if p['direction'] == 'pre' and p['name'] != 'pre'] +
                   [p for p in pathways if p['direction'] == 'post'])
        for k, pathway in enumerate(ordered):
            if pathway.get('delay', '') != '':
                self.where = (spec['name'], 'pathways[%d].delay' % pathways.index(pathway))
                getattr(synapses, pathway['name']).delay = str(pathway['delay'])

    def poisson_input(self, spec):
        """Brian2 names PoissonInputs itself (poissoninput, poissoninput_1, ... in
        creation order); that name orders them in the synapses slot, as in Spike Studio."""
        rate = self.quantity(spec['rate'], spec['name'], 'rate')
        self.where = (spec['name'], 'weight')
        poisson_input = self.b2.PoissonInput(self.built.objects[spec['target']],
                                             spec['variable'], spec['N'], rate,
                                             str(spec['weight']), **self.schedule_arguments(spec))
        poisson_input.active = spec.get('active', True)
        return poisson_input

    # -- monitors ------------------------------------------------------------------------

    def spike_monitor(self, spec):
        self.where = (spec['name'], 'source')
        return self.b2.SpikeMonitor(self.built.objects[spec['source']], name=spec['name'],
                                    **self.schedule_arguments(spec))

    def event_monitor(self, spec):
        self.where = (spec['name'], 'variables')
        return self.b2.EventMonitor(self.built.objects[spec['source']], spec.get('event', 'spike'),
                                    variables=spec.get('variables') or None, name=spec['name'],
                                    **self.schedule_arguments(spec))

    def state_monitor(self, spec):
        options = self.clock_arguments(spec)
        self.where = (spec['name'], 'variables')
        return self.b2.StateMonitor(self.built.objects[spec['source']], spec['variables'],
                                    record=spec.get('record', True), name=spec['name'],
                                    **options, **self.schedule_arguments(spec))

    def rate_monitor(self, spec):
        self.where = (spec['name'], 'source')
        return self.b2.PopulationRateMonitor(self.built.objects[spec['source']],
                                             name=spec['name'])


def is_whole_number(value):
    """Within rounding (Spike Studio's checker allows 1e-9 of it)."""
    return abs(value - round(value)) <= 1e-9 * max(1.0, value)


def pathway_arguments(pathways):
    """on_pre / on_post as dicts of the pathways of each direction, and on_event."""
    arguments = {}
    for direction in ('pre', 'post'):
        codes = {p['name']: str(p['code']) for p in pathways if p['direction'] == direction}
        if codes:
            arguments['on_' + direction] = codes
    events = {p['name']: p['event'] for p in pathways if p.get('event', '') != ''}
    if events:
        arguments['on_event'] = events
    return arguments


GROUP_BUILDERS = {'NeuronGroup': NetworkBuilder.neuron_group,
                  'PoissonGroup': NetworkBuilder.poisson_group,
                  'SpikeGeneratorGroup': NetworkBuilder.spike_generator_group}
MONITOR_BUILDERS = {'SpikeMonitor': NetworkBuilder.spike_monitor,
                    'StateMonitor': NetworkBuilder.state_monitor,
                    'PopulationRateMonitor': NetworkBuilder.rate_monitor,
                    'EventMonitor': NetworkBuilder.event_monitor}


def build_network(model, duration=None, seed=None):
    """The Brian2 network `model` (a checked dict, see load_model) describes, not
    yet run. `duration` and `seed` replace the model's. Errors from Brian2 come
    out as ModelFileError naming the object and field being built."""
    builder = NetworkBuilder(model, duration, seed)
    try:
        return builder.build()
    except ModelFileError:
        raise
    except Exception as error:
        raise ModelFileError(*builder.where, 'Brian2 refused it: ' + describe_brian2_error(error))
