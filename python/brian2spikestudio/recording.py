"""What the capturing device records while a script runs: every call that
shapes the network, in the order the script made them, each with the script
line it came from ("script.py:42")."""
import re
import sys
from dataclasses import dataclass, field


# Events compare by identity: a loop records equal calls (seed(11) each time)
# that are different events, found in lists with index().
@dataclass(kw_only=True, eq=False)
class Event:
    where: str                          # "script.py:42"
    draws_random: bool = False          # it drew numbers from numpy's random stream
    foreign_draws_before: bool = False  # the script drew numbers itself since the last event


@dataclass(kw_only=True, eq=False)
class Assignment(Event):
    """`G.v = ...`, `S.w['i > j'] = ...`, `S.delay = ...` by the script. Brian2
    hands the hooks weak proxies, so objects are told apart by their names
    (unique among the objects that exist)."""
    owner: object       # the group or Synapses whose variable is set (a proxy)
    resolver: object    # the object whose names the code uses (a pathway for S.pre.delay)
    variable: str
    index: object       # 'True' for every element, a condition string, or indices
    code: str = None    # the expression, when given as text
    values: object = None  # the value(s), when given as numbers
    namespace: dict = None


@dataclass(kw_only=True, eq=False)
class ConnectCall(Event):
    synapses: object
    condition: object = None
    i: object = None
    j: object = None
    p: object = 1.0
    n: object = 1
    skip_if_invalid: bool = False
    namespace: dict = None


@dataclass(kw_only=True, eq=False)
class SeedCall(Event):
    seed: object


@dataclass(kw_only=True, eq=False)
class SpikesCall(Event):
    """`SG.set_spikes(indices, times, period)`: the SpikeGeneratorGroup's
    spikes from the next run() on, as Brian2 keeps them (sorted by time,
    then index; times and period in seconds, period 0 for none)."""
    group: str           # the SpikeGeneratorGroup's name
    indices: object = None
    times: object = None
    period: float = 0.0


@dataclass(kw_only=True, eq=False)
class StateCall(Event):
    """store() or restore() of a network's state, kept under `name` (in
    memory, or in `filename`)."""
    kind: str
    name: str = 'default'
    filename: object = None
    restore_random_state: bool = False  # restore(): numpy's random state too


@dataclass(kw_only=True, eq=False)
class RunCall(Event):
    network: object
    objects: list           # the network's objects (kept alive for translation)
    duration: float         # seconds
    start: float = 0.0      # the network's time when the run began, seconds
    namespace: dict         # the names the run resolves, as Brian2 collected them
    default_clock: object   # the device's defaultclock
    default_dt: float       # its dt in seconds at the run
    active: dict = None     # id(object) -> its `active` flag at the run, parts included
    namespaces: dict = None  # id(object) -> a copy of its own namespace= at the run
    # SpikeGeneratorGroup name -> its (indices, times, period) at the run: set_spikes()
    # changes them without an assignment the capture would see.
    generator_spikes: dict = None
    # prefs.legacy.refractory_timing at the run (a script may switch it back after)
    legacy_refractory_timing: bool = False


class ReferredSubexpressions:
    """Where each subexpression a group reads under a name of its own comes
    from: Brian2 (Variables.add_referred_subexpression) gives the group a new
    Subexpression of its own, so `group.variables[name]` no longer names the
    group and the subexpression it reads (a linked variable's, a subgroup's
    view of its group's subexpressions). Kept by the Variables object, which
    is kept alive with it (so its id is never another's)."""

    def __init__(self):
        self._by_variables = {}  # id(Variables) -> (Variables, {name: (group, subexpression name)})

    def add(self, variables, name, group, subexpression_name):
        entry = self._by_variables.setdefault(id(variables), (variables, {}))
        entry[1][name] = (group, subexpression_name)

    def source_of(self, variables, name):
        """(group, subexpression name) that `name` of `variables` reads, or None."""
        entry = self._by_variables.get(id(variables))
        return entry[1].get(name) if entry is not None else None


@dataclass
class Recording:
    """Everything a script did to its networks, in order."""
    locator: object
    events: list = field(default_factory=list)
    synapses_models: dict = field(default_factory=dict)  # id(Synapses) -> its `model` argument
    device_requests: list = field(default_factory=list)  # set_device() calls neutralised
    creation_order: dict = field(default_factory=dict)   # object name -> rank of creation
    # Subexpressions other groups read under a name of their own (a linked
    # variable, a subgroup's view); see ReferredSubexpressions.
    referred_subexpressions: ReferredSubexpressions = field(
        default_factory=ReferredSubexpressions)

    def runs(self):
        return [event for event in self.events if isinstance(event, RunCall)]


class ScriptLocator:
    """Lines of the script: where a call came from, where an object was made."""

    def __init__(self, path, display):
        self.path = path        # absolute, as the script's code objects know it
        self.display = display  # as the user named it, for messages

    def at(self, line):
        return '%s:%d' % (self.display, line)

    def here(self):
        """The innermost line of the script in the current call stack."""
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self.path:
                return self.at(frame.f_lineno)
            frame = frame.f_back
        return self.display

    def creation_of(self, obj):
        """The script line that created a Brian2 object (from the creation stack
        Brian2 keeps with every object)."""
        stack = getattr(obj, '_full_creation_stack', '')
        lines = re.findall(r"File '%s', line (\d+)," % re.escape(self.path), stack)
        return self.at(int(lines[-1])) if lines else self.display
