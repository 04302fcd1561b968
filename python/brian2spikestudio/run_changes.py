"""What a script changes between two run() calls besides values: a constant
the next run() resolves anew (`tau = 5*ms`, `G.namespace['tau'] = 5*ms`), a
TimedArray the next run() resolves to another one (`stimulus =
TimedArray(...)` again) and an object's `active`. They become entries of the
protocol's next segment (docs/model-format.md, "Protocol"), after the values
set there: those were evaluated with the names as they were when the script
set them."""
from brian2.units.allunits import second

from .errors import unsupported
from .quantities import dimension_text

ACTIVE_LISTS = ('groups', 'synapses', 'poisson_inputs', 'monitors')


def active_flags(model):
    """Every object's `active` in `model`, by name."""
    return {spec['name']: spec.get('active', True)
            for kind in ACTIVE_LISTS for spec in model.get(kind, [])}


def without_active(value):
    """A list of a model's object specs with their `active` left out (which a
    protocol may change); anything else as it is."""
    if not isinstance(value, list):
        return value
    return [{key: field for key, field in spec.items() if key != 'active'}
            if isinstance(spec, dict) else spec for spec in value]


class RunState:
    """The constants, TimedArrays and `active` flags of the run() before, to
    tell what the next one changed."""

    def __init__(self, model, arrays):
        """`arrays`: the Brian2 TimedArray behind each of the model's, by name."""
        self.constants = dict(model.get('constants', {}))
        self.timed_arrays = {spec['name']: spec for spec in model.get('timed_arrays', [])}
        self.arrays = dict(arrays)
        self.active = active_flags(model)
        self.generators = {spec['name'] for spec in model.get('groups', [])
                           if spec.get('type') == 'SpikeGeneratorGroup'}

    def changes_to(self, later, run, arrays):
        """The `set` entries that take the run before to `later` (the next
        run's model, `arrays` its TimedArrays); the state becomes the later
        run's."""
        return (self.constant_changes(later, run) + self.timed_array_changes(later, run, arrays)
                + self.active_changes(later, run))

    def constant_changes(self, later, run):
        changes = []
        for name, value in later.get('constants', {}).items():
            if name not in self.constants:
                raise unsupported(run.where, "several run() calls with changes between them "
                                  "(the constant '%s' is used here, not before)" % name)
            if self.constants[name] != value:
                changes.append({'constant': name, 'value': value})
                self.constants[name] = value
        return changes

    def timed_array_changes(self, later, run, arrays):
        """A name the next run() resolves to another TimedArray: its values
        replace the model's TimedArray of that name."""
        changes = []
        for spec in later.get('timed_arrays', []):
            name = spec['name']
            if name not in self.timed_arrays:
                raise unsupported(run.where, "several run() calls with changes between them "
                                  "(the TimedArray '%s' is used here, not before)" % name)
            if spec == self.timed_arrays[name]:
                continue
            check_replacement(name, self.arrays[name], arrays[name], run.where)
            changes.append(replacement_entry(spec))
            self.timed_arrays[name], self.arrays[name] = spec, arrays[name]
        return changes

    def active_changes(self, later, run):
        changes = []
        for name, active in active_flags(later).items():
            if self.active.get(name, True) == active:
                continue
            if name in self.generators:
                raise unsupported(run.where, "the SpikeGeneratorGroup '%s' switched on or off "
                                  'between two run() calls' % name)
            changes.append({'object': name, 'active': active})
            self.active[name] = active
        return changes


def replacement_entry(spec):
    """The protocol's entry giving the model's TimedArray `spec`'s values."""
    return {'timed_array': spec['name'],
            **{key: value for key, value in spec.items() if key != 'name'}}


def check_replacement(name, before, after, where):
    """A model's TimedArray keeps its grid step, the dimension of its values
    and its number of columns between segments (Spike Studio builds its
    kernels for them); only its values and length may change."""
    problem = None
    if after.dt != before.dt:
        problem = 'another dt (%s, was %s)' % (after.dt * second, before.dt * second)
    elif after.dim != before.dim:
        problem = 'values in another unit (%s, was %s)' % (dimension_text(after.dim),
                                                           dimension_text(before.dim))
    elif columns(after) != columns(before):
        problem = 'another number of columns (%d, was %d)' % (columns(after), columns(before))
    if problem is not None:
        raise unsupported(where, "a TimedArray '%s' replaced between two run() calls with %s"
                          % (name, problem))


def columns(array):
    """1 for a TimedArray of one column (`inp(t)`), else the table's width."""
    return 1 if array.values.ndim == 1 else array.values.shape[1]
