"""The script's seed() calls as the model's `seed` and its seed entries
(docs/model-format.md): Brian2 reseeds numpy's stream wherever the script
calls seed(); a model reseeds where a seed entry stands, `{"seed": 13579}`
or `{"seed": "fresh"}` (seed() without a number), in a group's or Synapses
object's `initial` list or in a protocol segment's `set`. So:

- the seed() in effect at the model's first random draw is the model's
  `seed` (none when there was none, or it had no number: a fresh seed per run);
- every later seed() becomes a seed entry just before the next call that
  draws: the value set next (in its object's `initial` list before the first
  run(), delays included, or in the next segment's `set` between runs), or,
  when a run() draws first (noise, Poisson input), at the end of that run's
  segment's `set`;
- a seed() followed by another before anything draws does nothing in Brian2,
  nor does one after which nothing draws: both are left out;
- a seed() before a draw a model cannot reseed before (a connect()) is left
  out, and a note says so (random_order.py)."""
from .model_file import FRESH_SEED
from .random_stream import draws_for, run_draws
from .recording import SeedCall


def is_explicit(call):
    """Whether a seed() call (or None: no call) gave a number: Brian2's numbers
    after it can be the model's."""
    return call is not None and call.seed is not None


def seed_value(call):
    """The whole number seed(n) gave (Brian2 takes integers only, numpy
    those from 0 to 2**32 - 1); None for seed()."""
    return None if call.seed is None else int(call.seed)


def seed_entry(call):
    """The seed entry of a seed() call."""
    value = seed_value(call)
    return {'seed': FRESH_SEED if value is None else value}


def seed_label(call):
    return 'seed(%s)' % ('' if call.seed is None else call.seed)


class SeedPlan:
    """Where the model reseeds, by position in the network's calls."""

    def __init__(self, first_call=None):
        self.first_call = first_call  # the seed() in effect at the first draw, or None
        self.before = {}   # position of a drawing call -> the seed() placed just before it
        self.at_runs = {}  # id(run()) -> the seed() that ends the `set` of its segment
        self.placed = set()  # positions whose seed an `initial` list took

    def model_seed(self):
        """The model's `seed`, or None for a fresh one per run."""
        return seed_value(self.first_call) if self.first_call is not None else None

    def entry_before(self, position):
        """The seed entry an `initial` list puts before the value set at
        `position`, or None; noted as placed."""
        call = self.before.get(position)
        if call is None:
            return None
        self.placed.add(position)
        return seed_entry(call)

    def lost(self, stop):
        """(position, seed()) of the seeds placed before draws ahead of
        position `stop` that no `initial` list took, in order."""
        return sorted((position, call) for position, call in self.before.items()
                      if position < stop and position not in self.placed)

    def calls(self):
        """The seed() calls the model carries out, as its seed or seed entries."""
        carried = [self.first_call] if self.first_call is not None else []
        return carried + list(self.before.values()) + list(self.at_runs.values())


def plan_seeds(events, runs, members):
    """The SeedPlan of a network: `events` are its calls in order, `runs` its
    run() calls (the protocol's segments), `members` the names of its objects."""
    start = events.index(runs[0])
    first = next((k for k in range(start) if draws_for(events[k], members)), start)
    earlier = [event for event in events[:first] if isinstance(event, SeedCall)]
    plan = SeedPlan(earlier[-1] if earlier else None)
    segments = {id(run) for run in runs}
    last = events.index(runs[-1])
    pending = None
    for position in range(first + 1, last + 1):
        event = events[position]
        if isinstance(event, SeedCall):
            pending = event
        elif pending is None:
            continue
        elif draws_for(event, members):
            plan.before[position] = pending
            pending = None
        elif id(event) in segments:
            if draws_from(events[position + 1:last + 1], runs[runs.index(event):], members):
                plan.at_runs[id(event)] = pending
            pending = None
    return plan


def draws_from(later_events, later_runs, members):
    """Whether anything of the network draws in `later_runs` or `later_events`."""
    return (any(run_draws(run) for run in later_runs)
            or any(draws_for(event, members) for event in later_events))


def governing_seeds(events, start=0):
    """(event, the seed() call last before it, or None) for the events from
    `start` on: the call whose stream Brian2 draws the event's numbers from."""
    call = None
    for event in events[:start]:
        if isinstance(event, SeedCall):
            call = event
    for event in events[start:]:
        yield event, call
        if isinstance(event, SeedCall):
            call = event
