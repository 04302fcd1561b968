"""The order of the model's groups and synapses, so that Spike Studio draws
the script's random numbers where Brian2's numpy target drew them: after
seeding, every group's initial values (groups in model order, each list in
its order, seed entries included), then each Synapses object's connect,
delay and initial values. When the script's order cannot be kept (or the
script draws numpy numbers itself, or reseeds where a model cannot), the
model still runs the same network, but its random numbers differ from
Brian2's: a note says so. Only numbers drawn after a seed(n) can be
Brian2's, so only those are checked (seed_entries.py places the seeds)."""
from .model_file import sets_delays_in_initial
from .pathways import delay_rank, delay_variable
from .random_stream import is_draw, owner_of
from .recording import Assignment, ConnectCall, SeedCall
from .seed_entries import governing_seeds, is_explicit, seed_label

INFINITY = float('inf')
ORDER = ("random numbers are drawn here in another order than Spike Studio draws them "
         "(every group's values, then each Synapses object's connect, delay and values)")


class RandomPlan:
    def __init__(self, seed, groups, synapses, notes):
        self.seed = seed          # the model's seed, or None for a fresh one per run
        self.groups = groups      # (object, spec) in model order
        self.synapses = synapses
        self.notes = notes


def is_delay(event):
    return isinstance(event, Assignment) and event.variable == 'delay'


def targets_first(synapses):
    """`synapses` in their order, except that a Synapses object acting on
    another (Brian2's synapses on synapses) comes after it: the model creates
    them in its order. Brian2 cannot make a cycle of them."""
    ordered, remaining = [], list(synapses)
    while remaining:
        waiting = {obj.name for obj, _ in remaining}
        ready = next(pair for pair in remaining if pair[0].target.name not in waiting)
        ordered.append(ready)
        remaining.remove(ready)
    return ordered


def plan_random_order(context, groups, synapses):
    """`groups` and `synapses` are (object, spec) pairs in the order created,
    their `initial` lists made (with the seed entries they took)."""
    seeds = context.seeds
    events = context.events + [context.run]
    start = events.index(seeds.first_call) + 1 if seeds.first_call is not None else 0
    drawing = [event for event in events[start:] if is_draw(event)]
    first_draw = {}
    for rank, event in enumerate(drawing):
        first_draw.setdefault(owner_of(event), rank)
    groups = sorted(groups, key=lambda pair: first_draw.get(pair[0].name, INFINITY))
    synapses = targets_first(sorted(synapses,
                                    key=lambda pair: first_draw.get(pair[0].name, INFINITY)))
    notes = random_notes(context, events, start, groups, synapses)
    return RandomPlan(seeds.model_seed(), groups, synapses, notes)


def random_notes(context, events, start, groups, synapses):
    """Where the model's numbers will differ from those Brian2 drew after a
    seed(n): `events` are the calls from the start of the network to its
    first run(), the model's seed in effect from `start` on."""
    seeds = context.seeds
    in_model = {obj.name for obj, _ in groups + synapses}
    lost = seeds.lost(len(context.events))
    notes = lost_seed_notes(lost, context.recording.events)
    notes += foreign_draws_notes(events, start)
    governed = [(event, call) for event, call in governing_seeds(events, start)
                if is_draw(event)]
    outside = [event for event, call in governed
               if owner_of(event) not in in_model and is_explicit(call)]
    if outside:
        notes.append('%s: random numbers are drawn for an object the run does not include'
                     % outside[0].where)
    theirs = [(event, call) for event, call in governed if owner_of(event) in in_model]
    ours = spike_studio_order([event for event, _ in theirs], groups, synapses)
    first = first_out_of_order(theirs, reseeded(ours, seeds, context.position),
                               {id(call) for _, call in lost})
    if first is not None:
        notes.append('%s: %s' % (first.where, ORDER))
    return notes


def lost_seed_notes(lost, events):
    """The first seed(n) before the run that no `initial` list took (`lost`:
    (position of the draw after it, the call)): the draw is one a model
    cannot reseed before."""
    for position, call in lost:
        if is_explicit(call):
            return ['%s: %s is left out of the model: the next random numbers are drawn by '
                    '%s, before which a model cannot reseed'
                    % (call.where, seed_label(call), drawing_label(events[position]))]
    return []


def drawing_label(event):
    if isinstance(event, ConnectCall):
        return '%s.connect() (%s)' % (event.synapses.name, event.where)
    return '%s.%s (%s)' % (owner_of(event), event.variable, event.where)


def foreign_draws_notes(events, start):
    """A note on the first call from `start` on, after a seed(n), before which
    the script drew numbers from numpy's stream itself."""
    for event, call in governing_seeds(events, start):
        if event.foreign_draws_before and is_explicit(call) and not isinstance(event, SeedCall):
            return ["%s: the script draws numbers from numpy's random stream itself before "
                    'this line' % event.where]
    return []


def first_out_of_order(theirs, ours, lost):
    """The first draw after a seed(n) that Spike Studio makes from another
    point of the stream than Brian2; None. `theirs` and `ours` are (draw,
    the seed() call it follows) in the script's order and in Spike Studio's;
    the epochs of the `lost` calls are noted on their own."""
    mine = epochs(ours)
    for key, (call, draws) in epochs(theirs).items():
        if is_explicit(call) and key not in lost:
            first = first_difference(draws, mine.get(key, (call, []))[1])
            if first is not None:
                return first
    return None


def reseeded(ours, seeds, position):
    """(draw, the seed() Spike Studio draws it after) for the draws in order
    `ours`: the model's seed, then each seed entry from where it stands. A
    seed left out counts as standing there too: it is noted on its own."""
    call = seeds.first_call
    for event in ours:
        call = seeds.before.get(position(event), call)
        yield event, call


def epochs(pairs):
    """id(seed() call) -> (the call, the draws after it, in order)."""
    result = {}
    for event, call in pairs:
        result.setdefault(id(call), (call, []))[1].append(event)
    return result


def first_difference(draws, ours):
    """The first draw where two sequences of draws differ, or None."""
    for theirs, mine in zip(draws, ours):
        if theirs is not mine:
            return theirs
    if len(draws) != len(ours):
        longer = draws if len(draws) > len(ours) else ours
        return longer[min(len(draws), len(ours))]
    return None


def spike_studio_order(drawing, groups, synapses):
    """The drawing events in the order Spike Studio would make those draws."""
    order = []
    for group, _ in groups:
        order += [event for event in drawing if owner_of(event) == group.name]
    for syn, spec in synapses:
        own = [event for event in drawing if owner_of(event) == syn.name]
        order += [event for event in own if isinstance(event, ConnectCall)]
        delays = [event for event in own if is_delay(event) and not in_initial(event, spec)]
        order += sorted(delays, key=delay_rank)
        order += [event for event in own if isinstance(event, Assignment)
                  and not any(event is delay for delay in delays)]
    return order


def in_initial(delay, spec):
    """Whether a delay assignment is an entry of the `initial` list, drawn in
    script order with the values (a pathway's delays set by condition)."""
    return sets_delays_in_initial(spec, delay_variable(delay.resolver))
