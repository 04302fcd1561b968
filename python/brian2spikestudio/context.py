"""What every translator of a Brian2 object kind needs: the run being
translated, the script's calls before it, the names collected so far, and
the script lines for messages."""
from .capture import SubgroupPart
from .errors import unsupported
from .initial_values import InitialValues
from .names import ExternalNames
from .quantities import time_text
from .recording import Assignment, ConnectCall


class TranslationContext:
    def __init__(self, recording, run):
        self.recording = recording
        self.locator = recording.locator
        self.run = run
        position = recording.events.index(run)
        self.events = recording.events[:position]  # what the script did before this run
        self._positions = {id(event): k for k, event in enumerate(recording.events)}
        self.names = ExternalNames()
        self.objects = {obj.name for obj in run.objects}  # names: Brian2 links objects by proxies

    # -- where things are -----------------------------------------------------------------

    def position(self, event):
        return self._positions[id(event)]

    def where(self, obj):
        """The script line that created `obj`."""
        return self.locator.creation_of(obj)

    def fail(self, obj, feature):
        """Refuses `feature` of `obj`, naming the line that created it."""
        raise unsupported(self.where(obj), '%s in %s' % (feature, label(obj)))

    def in_model(self, obj):
        return obj.name in self.objects

    # -- what the script did ---------------------------------------------------------------

    def assignments_to(self, owner):
        """The values the script set on `owner`; values set through a subgroup
        of it (`G[3:7].v = ...`) are refused, never dropped."""
        events = [event for event in self.events if isinstance(event, Assignment)]
        for event in events:
            part = event.owner
            if isinstance(part, SubgroupPart) and part.source_name == owner.name:
                raise unsupported(event.where, 'values set through the subgroup %s[%d:%d]'
                                  % (owner.name, part.start, part.stop))
        return [event for event in events if event.owner.name == owner.name]

    def connect_calls(self, synapses):
        return [event for event in self.events
                if isinstance(event, ConnectCall) and event.synapses is synapses]

    def code_names(self, obj, texts):
        """Resolves the external names of code run during the simulation
        (equations, threshold, on_pre, ...) as the run resolves them."""
        self.names.add(obj, texts, self.run.namespace, self.where(obj))

    def initial_values(self, owner, skip=()):
        """The model's `initial` for `owner` from the assignments before the run."""
        values = InitialValues(self, owner)
        for event in self.assignments_to(owner):
            if event.variable not in skip:
                values.add(event)
        return values

    def clock_field(self, obj, spec, reference_clock=None):
        """Adds `dt` to `spec` when `obj` runs on a clock of its own."""
        reference = reference_clock if reference_clock is not None else self.run.default_clock
        if obj.clock is not reference:
            spec['dt'] = time_text(obj.clock.dt_, self.where(obj), 'dt')


def label(obj):
    """"NeuronGroup 'neurons'" for messages."""
    return "%s '%s'" % (obj.__class__.__name__, obj.name)
