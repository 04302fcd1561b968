"""What a script changes between two run() calls besides values: a constant
the next run() resolves anew (`tau = 5*ms`, `G.namespace['tau'] = 5*ms`) and
an object's `active`. Both become entries of the protocol's next segment
(docs/model-format.md, "Protocol"), after the values set there: those were
evaluated with the names as they were when the script set them."""
from .errors import unsupported

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
    """The constants and `active` flags of the run() before, to tell what the
    next one changed."""

    def __init__(self, model):
        self.constants = dict(model.get('constants', {}))
        self.active = active_flags(model)
        self.generators = {spec['name'] for spec in model.get('groups', [])
                           if spec.get('type') == 'SpikeGeneratorGroup'}

    def changes_to(self, later, run):
        """The `set` entries that take the run before to `later` (the next
        run's model); the state becomes the later run's."""
        changes = []
        for name, value in later.get('constants', {}).items():
            if name not in self.constants:
                raise unsupported(run.where, "several run() calls with changes between them "
                                  "(the constant '%s' is used here, not before)" % name)
            if self.constants[name] != value:
                changes.append({'constant': name, 'value': value})
                self.constants[name] = value
        for name, active in active_flags(later).items():
            if self.active.get(name, True) == active:
                continue
            if name in self.generators:
                raise unsupported(run.where, "the SpikeGeneratorGroup '%s' switched on or off "
                                  'between two run() calls' % name)
            changes.append({'object': name, 'active': active})
            self.active[name] = active
        return changes
