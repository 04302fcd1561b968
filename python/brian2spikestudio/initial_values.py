"""A group's or Synapses object's values set before the run, as the model's
ordered `initial` expressions (and a Synapses object's `delay`). What the
format cannot hold yet (conditional or indexed assignments, arrays of
different values, random values set twice) is refused with its line."""
import numpy as np
from brian2.units.fundamentalunits import Quantity
from brian2.utils.stringtools import get_identifiers

from .errors import ImportFailure, unsupported
from .quantities import value_text


def is_whole(index):
    """Whether an assignment's index means every element."""
    if isinstance(index, str):
        return index.strip() == 'True'
    return isinstance(index, slice) and index == slice(None)


def assignment_label(event):
    return '%s.%s' % (event.owner.name, event.variable)


class InitialValues:
    """Builds `initial` from one object's assignments, in the order made."""

    def __init__(self, context, owner):
        self.context = context
        self.owner = owner
        self.values = {}   # variable -> model text, in the order set
        self.events = {}   # variable -> the assignment that set it

    def add(self, event):
        self._refuse_partial(event)
        text = self._text(event)
        if event.variable in self.values:
            self._replace_earlier(event)
        self.values[event.variable] = text
        self.events[event.variable] = event

    def _refuse_partial(self, event):
        if is_whole(event.index):
            return
        if isinstance(event.index, str):
            raise unsupported(event.where, "conditional assignment %s['%s']"
                              % (assignment_label(event), event.index))
        raise unsupported(event.where, 'indexed assignment %s[...]' % assignment_label(event))

    def _text(self, event):
        if event.code is not None:
            self.context.names.add(event.resolver, [event.code], event.namespace, event.where)
            return event.code
        values = np.asarray(event.values)
        if values.size == 0:
            raise ImportFailure(event.where, '%s is set from an empty array'
                                % assignment_label(event))
        if values.size > 1 and not np.all(values == values.flat[0]):
            raise unsupported(event.where, '%s set from an array of different values (arrays '
                              'for variables)' % assignment_label(event))
        first = values.flat[0]
        if hasattr(event.values, 'dim'):
            first = Quantity(first, dim=event.values.dim)
        return value_text(first, event.where, assignment_label(event))

    def _replace_earlier(self, event):
        """A variable set twice: the later value wins when the earlier one drew no
        random numbers and nothing set in between read it."""
        earlier = self.events[event.variable]
        readers = [later for later in self.events.values() if later is not earlier
                   and self._position(later) > self._position(earlier)
                   and event.variable in get_identifiers(later.code or '')]
        if earlier.draws_random or readers or event.variable in get_identifiers(event.code or ''):
            raise unsupported(event.where, '%s set a second time before the run (first at %s)'
                              % (assignment_label(event), earlier.where))
        del self.values[event.variable]

    def _position(self, event):
        return self.context.position(event)
