"""What every translator of a Brian2 object kind needs: the run being
translated, the script's calls before it, the names collected so far, and
the script lines for messages."""
from .capture import SubgroupPart
from .errors import unsupported
from .initial_values import InitialValues
from .names import ExternalNames
from .quantities import time_text
from .recording import Assignment, ConnectCall
from .seed_entries import SeedPlan
from .subgroup_values import whole_group_assignment


class TranslationContext:
    def __init__(self, recording, run, history_until=None, seeds=None):
        """`history_until`: the run() call up to which the script's calls count
        (default `run`; a protocol's later runs count from its first);
        `seeds`: the network's SeedPlan (default: no seed() placed)."""
        self.recording = recording
        self.locator = recording.locator
        self.run = run
        self.first_run = history_until or run  # the run whose state the model starts from
        position = recording.events.index(self.first_run)
        self.events = recording.events[:position]  # what the script did before that run
        self._positions = {id(event): k for k, event in enumerate(recording.events)}
        self.names = ExternalNames(run.namespaces)
        self.objects = {obj.name for obj in run.objects}  # names: Brian2 links objects by proxies
        self.subgroups = {}  # group name -> its subgroups' specs, in the order first used
        self._translated = []  # assignments made through subgroups, as the whole group's
        self.seeds = seeds if seeds is not None else SeedPlan()

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

    def object_named(self, name):
        """The run's object called `name`, or None."""
        return next((obj for obj in self.run.objects if obj.name == name), None)

    def group_name(self, group, kinds):
        """The model name of `group` when it is one of `kinds` in the run, or a
        subgroup of one (Brian2's `P[start:stop]`, which becomes the group's
        subgroup `P_start_stop`); None otherwise."""
        if group.__class__ in kinds and self.in_model(group):
            return group.name
        if group.__class__.__name__ == 'Subgroup':
            whole = group.source
            if whole.__class__ in kinds and self.in_model(whole):
                return self.subgroup_name(whole, int(group.start), int(group.stop))
        return None

    def subgroup_name(self, group, start, stop):
        """The script's variable for the slice (`Pe` for `Pe = P[:3200]`), else
        `P_0_3200`; one name per slice of a group, never one of another object."""
        entries = self.subgroups.setdefault(group.name, [])
        for entry in entries:
            if (entry['start'], entry['stop']) == (start, stop):
                return entry['name']
        taken = self.objects | {e['name'] for es in self.subgroups.values() for e in es}
        name = self.script_variable(group, start, stop, taken)
        if name is None:
            name = base = '%s_%d_%d' % (group.name, start, stop)
            suffix = 1
            while name in taken:
                name = '%s_%d' % (base, suffix)
                suffix += 1
        entries.append({'name': name, 'start': start, 'stop': stop})
        return name

    def script_variable(self, group, start, stop, taken):
        """The first (alphabetically) of the script's names at the run that
        holds this slice of `group`, when one does and its name is free."""
        names = []
        for name, value in (self.run.namespace or {}).items():
            if type(value).__name__ != 'Subgroup' or name.startswith('_') or len(name) > 64:
                continue
            if (value.source.name, int(value.start), int(value.stop)) == (group.name, start, stop):
                names.append(name)
        free = sorted(name for name in names if name not in taken)
        return free[0] if free else None

    # -- what the script did ---------------------------------------------------------------

    def assignments_to(self, owner):
        """The values the script set on `owner`, in script order; values set
        through a subgroup of it (`G[3:7].v = ...`) as the same assignment on
        `owner` (see subgroup_values)."""
        result = []
        for event in self.events:
            if not isinstance(event, Assignment):
                continue
            part = event.owner
            if isinstance(part, SubgroupPart) and part.source_name == owner.name:
                whole = whole_group_assignment(event, owner)
                self._positions[id(whole)] = self._positions[id(event)]
                self._translated.append(whole)  # keeps its id unique while positions hold it
                result.append(whole)
            elif not isinstance(part, SubgroupPart) and part.name == owner.name:
                result.append(event)
        return result

    def seed_entry_before(self, event):
        """The seed entry an `initial` list puts before `event`'s entry, or None."""
        return self.seeds.entry_before(self.position(event))

    def connect_calls(self, synapses):
        return [event for event in self.events
                if isinstance(event, ConnectCall) and event.synapses is synapses]

    def code_names(self, obj, texts):
        """Resolves the external names of code run during the simulation
        (equations, threshold, on_pre, ...) as the run resolves them."""
        self.names.add(obj, texts, self.run.namespace, self.where(obj))

    def initial_values(self, owner, keep=lambda event: True, **naming):
        """The model's `initial` for `owner` from the assignments before the
        run (those `keep` accepts); `naming` as InitialValues takes it."""
        values = InitialValues(self, owner, **naming)
        for event in self.assignments_to(owner):
            if keep(event):
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
