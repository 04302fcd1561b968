"""Where numpy's random stream stands when a network starts.

Brian2 seeds numpy's stream once (seed()) and every network drawing from it
goes on where the one before stopped; restore() leaves the stream as it is
unless asked (`restore_random_state=True`). A model starts its stream from its
seed. When something the model does not hold drew from the stream between
the seed and the network (another network's run, values of objects
restore() undid, another seed()), the model's numbers differ from Brian2's:
a note says so."""
from .recording import RunCall, SeedCall

# Brian2's functions that draw from numpy's stream, as code objects name them.
DRAWING_FUNCTIONS = ('rand', 'randn', 'poisson')


def all_objects(objects):
    for obj in objects:
        yield obj
        yield from all_objects(obj.contained_objects)


def run_draws(run):
    """Whether `run`'s code draws random numbers (rand(), randn(), noise,
    Poisson groups and inputs)."""
    for obj in all_objects(run.objects):
        for code_object in getattr(obj, '_code_objects', ()):
            for name in code_object.variables:
                if name in DRAWING_FUNCTIONS or name.endswith('_binomial'):
                    return True
    return False


def moves_stream(event):
    if isinstance(event, RunCall):
        return run_draws(event)
    return isinstance(event, SeedCall) or event.draws_random


def starting_line(network):
    return (network.restored or network.runs[0]).where


def random_stream_notes(recording, network, model):
    """A note when `network`'s model cannot draw Brian2's numbers because the
    stream moved between its seed and its run for something it does not hold."""
    seeds = [event for event in network.events if isinstance(event, SeedCall)]
    if 'seed' not in model or not seeds:
        return []
    events = recording.events
    held = {id(event) for event in network.events}
    if network.restored is not None and network.restored.restore_random_state:
        # The stream went back to where it stood at store().
        start, stop = events.index(network.stored), events.index(network.restored)
        held |= {id(event) for event in events[start:stop + 1]}
    for event in events[events.index(seeds[-1]):events.index(network.runs[-1])]:
        if id(event) not in held and moves_stream(event):
            return ["%s: numpy's random stream is not where seed() left it when this network "
                    'runs: %s drew from it before (Brian2 goes on with one stream from network '
                    'to network)' % (starting_line(network), event.where)]
    return []
