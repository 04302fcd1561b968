"""Where numpy's random stream stands when a network starts.

Brian2 seeds numpy's stream once (seed()) and every network drawing from it
goes on where the one before stopped; restore() leaves the stream as it is
unless asked (`restore_random_state=True`). A model starts its stream from its
seed, and reseeds it where its seed entries stand (the network's own seed()
calls). When something the model does not hold drew from the stream after
one of those seed(n) calls, before the model draws again (another network's
run, values of objects restore() undid, another seed()), the model's numbers
differ from Brian2's: a note says so."""
from .binomial_functions import is_binomial_function
from .capture import SubgroupPart
from .recording import Assignment, ConnectCall, RunCall, SeedCall

# Brian2's functions that draw from numpy's stream, as code objects name them.
DRAWING_FUNCTIONS = ('rand', 'randn', 'poisson')


def all_objects(objects):
    for obj in objects:
        yield obj
        yield from all_objects(obj.contained_objects)


def run_draws(run):
    """Whether `run`'s code draws random numbers (rand(), randn(), noise,
    Poisson groups and inputs, BinomialFunctions)."""
    for obj in all_objects(run.objects):
        for code_object in getattr(obj, '_code_objects', ()):
            for name, value in code_object.variables.items():
                if name in DRAWING_FUNCTIONS or is_binomial_function(value):
                    return True
    return False


def owner_of(event):
    """The name of the object an event changes (Brian2 objects' names are unique)."""
    if isinstance(event, ConnectCall):
        return event.synapses.name
    if isinstance(event.owner, SubgroupPart):
        return event.owner.source_name
    return event.owner.name


def is_draw(event):
    """Whether `event` is a value set or a connect() that drew random numbers."""
    return isinstance(event, (Assignment, ConnectCall)) and event.draws_random


def draws_for(event, members):
    """Whether `event` draws random numbers for one of the objects named `members`."""
    return is_draw(event) and owner_of(event) in members


def moves_stream(event):
    if isinstance(event, RunCall):
        return run_draws(event)
    return isinstance(event, SeedCall) or event.draws_random


def starting_line(network):
    return (network.restored or network.runs[0]).where


def held_events(recording, network):
    """The ids of the calls whose draws `network`'s model holds: the calls
    that made its state, and those restore(restore_random_state=True) undid."""
    events = recording.events
    held = {id(event) for event in network.events}
    if network.restored is not None and network.restored.restore_random_state:
        # The stream went back to where it stood at store().
        start, stop = events.index(network.stored), events.index(network.restored)
        held |= {id(event) for event in events[start:stop + 1]}
    return held


def random_stream_notes(recording, network, carried):
    """A note when `network`'s model cannot draw Brian2's numbers because the
    stream moved, after a seed(n) the model carries out (`carried`: its seed()
    calls) and before the model drew from it again, for something the model
    does not hold."""
    events = recording.events
    carried = {id(call) for call in carried}
    held = held_events(recording, network)
    members = {obj.name for obj in network.runs[0].objects}
    segments = {id(run) for run in network.runs}
    explicit, moved = False, None
    for event in events[:events.index(network.runs[-1]) + 1]:
        if id(event) in carried:
            explicit, moved = event.seed is not None, None
        elif id(event) not in held:
            if explicit and moved is None and moves_stream(event):
                moved = event
        elif moved is not None and (draws_for(event, members) or (
                id(event) in segments and run_draws(event))):
            return ["%s: numpy's random stream is not where seed() left it when this network "
                    'runs: %s drew from it before (Brian2 goes on with one stream from network '
                    'to network)' % (starting_line(network), moved.where)]
    return []
