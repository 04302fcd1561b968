"""The seed, and the order of the model's groups and synapses, so that Spike
Studio draws the script's random numbers where Brian2's numpy target drew
them: after seeding, every group's initial values (groups in model order),
then each Synapses object's connect, delay and initial values. When the
script's order cannot be kept (or the script draws numpy numbers itself),
the model still runs the same network, but its random numbers differ from
Brian2's: a note says so."""
from .capture import SubgroupPart
from .model_file import sets_delays_in_initial
from .pathways import delay_rank, delay_variable
from .recording import Assignment, ConnectCall, SeedCall

INFINITY = float('inf')


class RandomPlan:
    def __init__(self, seed, groups, synapses, notes):
        self.seed = seed          # the model's seed, or None for a fresh one per run
        self.groups = groups      # (object, spec) in model order
        self.synapses = synapses
        self.notes = notes


def owner_of(event):
    """The name of the object an event changes (Brian2 objects' names are unique)."""
    if isinstance(event, ConnectCall):
        return event.synapses.name
    if isinstance(event.owner, SubgroupPart):
        return event.owner.source_name
    return event.owner.name


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
    """`groups` and `synapses` are (object, spec) pairs in the order created."""
    events = context.events + [context.run]
    seeds = [event for event in events if isinstance(event, SeedCall)]
    seeded_at = events.index(seeds[-1]) + 1 if seeds else 0
    seed = seeds[-1].seed if seeds else None
    after_seed = events[seeded_at:]
    drawing = [event for event in after_seed
               if isinstance(event, (Assignment, ConnectCall)) and event.draws_random]
    first_draw = {}
    for rank, event in enumerate(drawing):
        first_draw.setdefault(owner_of(event), rank)
    groups = sorted(groups, key=lambda pair: first_draw.get(pair[0].name, INFINITY))
    synapses = targets_first(sorted(synapses,
                                    key=lambda pair: first_draw.get(pair[0].name, INFINITY)))
    if seed is None:
        return RandomPlan(None, groups, synapses, [])
    notes = []
    in_model = {obj.name for obj, _ in groups + synapses}
    early = [event for event in events[:seeded_at]
             if isinstance(event, (Assignment, ConnectCall)) and event.draws_random
             and owner_of(event) in in_model]
    if early:
        notes.append('%s: seed() comes after random numbers were drawn (%s)'
                     % (seeds[-1].where, early[0].where))
    foreign = [event for event in after_seed if event.foreign_draws_before]
    if foreign:
        notes.append('%s: the script draws numbers from numpy\'s random stream itself before '
                     'this line' % foreign[0].where)
    outside = [event for event in drawing if owner_of(event) not in in_model]
    if outside:
        notes.append('%s: random numbers are drawn for an object the run does not include'
                     % outside[0].where)
    expected = spike_studio_order(drawing, groups, synapses)
    actual = [event for event in drawing if owner_of(event) in in_model]
    if expected != actual:
        first = next(a for a, e in zip(actual, expected) if a is not e)
        notes.append('%s: random numbers are drawn here in another order than Spike Studio '
                     "draws them (every group's values, then each Synapses object's connect, "
                     'delay and values)' % first.where)
    return RandomPlan(seed, groups, synapses, notes)


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
