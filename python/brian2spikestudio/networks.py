"""The networks a script simulates, one model each.

A script may run several networks in turn: a fresh network per parameter
value (`for I in currents: start_scope(); G = NeuronGroup(...); run(...)`),
several Network objects, or one network brought back with restore() and run
again. Every run() belongs to one simulated network:

- a run() continues the network of the run() before it when it runs the same
  objects and no restore() came between them (a protocol segment), or those
  and monitors made since (a warm-up run before the recording starts: the
  new monitors are inactive in the segments before, as in Brian2 they did
  not exist yet); a run() of no time before it is no segment (it changes
  nothing: Brian2 only prepares the objects, which is why scripts use
  `run(0*ms)` to make GSL's `_step_count` exist before a StateMonitor
  records it), so what the script did after it counts as done before;
- a run() of other objects, all new (none ran before), starts a new network
  from t = 0;
- a run() after restore() starts a new network whose history is the script's
  calls up to the matching store(), then those after the restore(): the
  state Brian2 brings back is what those calls made (store() at t > 0 keeps
  the runs before it, which become the new network's first segments), and
  whatever the script did between store() and restore() is undone.

Anything else (a network that continues objects another network ran, runs
alternating between networks) is refused with its line."""
from dataclasses import dataclass, field

from brian2 import EventMonitor, PopulationRateMonitor, StateMonitor

from .errors import ImportFailure, unsupported
from .recording import RunCall, StateCall

DIFFERENT_OBJECTS = 'several run() calls on different objects'
# Objects that may join a network after it ran (SpikeMonitor is an EventMonitor).
MONITOR_TYPES = (EventMonitor, StateMonitor, PopulationRateMonitor)


@dataclass
class SimulatedNetwork:
    """One network as the script simulated it, from t = 0."""
    runs: list                 # its run() calls in order: the protocol's segments
    events: list               # the calls that made its state, up to its last run()
    restored: object = None    # the restore() (a StateCall) it starts from, if any
    stored: object = None      # the matching store()
    objects: frozenset = field(default_factory=frozenset)  # ids of its objects


def state_key(call):
    return (call.name, call.filename)


def object_ids(run):
    return frozenset(id(obj) for obj in run.objects)


def state_label(call):
    where = " in '%s'" % call.filename if call.filename else ''
    return "'%s'%s" % (call.name, where)


class NetworkSplitter:
    """Walks the recording once, keeping the history of the current state."""

    def __init__(self):
        self.timeline = []   # the calls that made the current state, in order
        self.stored = {}     # (name, file) -> (timeline at store(), the store() call)
        self.restore = None  # the restore() since the last run(), with its store()
        self.networks = []
        self.ran = {}        # id(object) -> the run() where it first ran

    def add(self, event):
        if isinstance(event, StateCall):
            self.state_call(event)
            return
        self.timeline.append(event)
        if isinstance(event, RunCall):
            self.run_call(event)

    def state_call(self, call):
        if call.kind == 'store()':
            self.stored[state_key(call)] = (list(self.timeline), call)
            return
        saved = self.stored.get(state_key(call))
        if saved is None:
            raise ImportFailure(call.where, 'restore() of the state %s, which the script did not '
                                'store() before' % state_label(call))
        self.timeline = list(saved[0])
        self.restore = (call, saved[1])

    def run_call(self, run):
        ids = object_ids(run)
        current = self.networks[-1] if self.networks else None
        if current is not None and self.restore is None and self.continues(current, run, ids):
            if current.runs[-1].duration == 0:
                current.runs.pop()  # no segment: it ran no time step
            current.runs.append(run)
            current.events = list(self.timeline)
            return
        if self.restore is not None:
            network = self.restored_network(run, ids)
        else:
            self.refuse_objects_run_before(run, ids)
            network = SimulatedNetwork(runs=[run], events=list(self.timeline), objects=ids)
        if network.runs[0].start != 0:
            raise unsupported(run.where, DIFFERENT_OBJECTS)
        for obj_id in ids:
            self.ran.setdefault(obj_id, run)
        self.networks.append(network)
        self.restore = None

    def continues(self, current, run, ids):
        """Whether `run` continues `current`: its objects, or those and new
        monitors. The monitors join `current`'s earlier runs switched off, so
        that every segment runs the same objects."""
        if ids == current.objects:
            return True
        added = [obj for obj in run.objects if id(obj) not in current.objects]
        if not current.objects < ids or not all(
                isinstance(obj, MONITOR_TYPES) and id(obj) not in self.ran for obj in added):
            return False
        for earlier in current.runs:
            earlier.objects = list(earlier.objects) + added
            earlier.active = {**(earlier.active or {}), **{id(obj): False for obj in added}}
        current.objects = ids
        for obj in added:
            self.ran[id(obj)] = run
        return True

    def restored_network(self, run, ids):
        """The network restore() brought back: the runs before its store() of
        the same objects, then `run`."""
        earlier = []
        for event in reversed(self.timeline[:-1]):
            if isinstance(event, RunCall):
                if object_ids(event) != ids:
                    break
                earlier.insert(0, event)
        restore, store = self.restore
        return SimulatedNetwork(runs=earlier + [run], events=list(self.timeline),
                                restored=restore, stored=store, objects=ids)

    def refuse_objects_run_before(self, run, ids):
        """A new network of objects that ran before would continue their state."""
        for obj in run.objects:
            first = self.ran.get(id(obj))
            if first is not None:
                raise unsupported(run.where, "%s (%s '%s' ran before, at %s, and keeps its "
                                  'state)' % (DIFFERENT_OBJECTS, type(obj).__name__, obj.name,
                                              first.where))


def simulated_networks(recording):
    """The networks `recording` simulated, in the order they ran."""
    splitter = NetworkSplitter()
    for event in recording.events:
        splitter.add(event)
    if not splitter.networks:
        raise ImportFailure(recording.locator.display, 'the script never calls run()')
    return splitter.networks
