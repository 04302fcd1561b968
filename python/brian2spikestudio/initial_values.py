"""A group's or Synapses object's values set before the run, as the model's
`initial` (and a Synapses object's `delay`). Values the same for every
element, set once each, become the ordered map (`"v": "El"`); anything more
(an index, a slice, a condition, `S.w[0, :]`, an array of different values,
a variable set again, a seed() before a value: its seed entry) makes
`initial` the list of assignments, one per script line, in script order,
which Spike Studio applies as Brian2 did.
What still cannot be expressed (a subgroup or a third synapse index as the
index, NaN) is refused with its line."""
import numpy as np
from brian2.units.fundamentalunits import DimensionMismatchError, Quantity
from brian2.utils.stringtools import get_identifiers

from .errors import ImportFailure, unsupported
from .names import renamed
from .quantities import dimensions_of, is_dimensionless, unit_text, value_text


def as_quantity(items, event):
    """A list or tuple of values as one Quantity (Brian2 takes `[I_e, 0*uA]`
    in amp); items of different units are the script's error, named."""
    try:
        return Quantity(items)
    except DimensionMismatchError as error:
        raise ImportFailure(event.where, '%s is set from values of different units (%s)'
                            % (assignment_label(event), error))


def is_whole(index):
    """Whether an assignment's index means every element."""
    if isinstance(index, str):
        return index.strip() == 'True'
    return isinstance(index, slice) and index == slice(None)


def assignment_label(event):
    return '%s.%s' % (event.owner.name, event.variable)


class InitialValues:
    """Builds `initial` from one object's assignments, in the order made."""

    def __init__(self, context, owner, variable_of=lambda event: event.variable):
        self.context = context
        self.owner = owner
        self.variable_of = variable_of  # the model's name of what an assignment sets
        self.values = {}   # variable -> model text, in the order set (the map form)
        self.events = {}   # variable -> the assignment that set it
        self.entries = []  # the list form, one entry per assignment
        self.is_list = False

    def field(self):
        """The model's `initial`: the list when one is needed, else the map."""
        return self.entries if self.is_list else self.values

    def add(self, event):
        entry = self.entry(event)
        seed = self.context.seed_entry_before(event)
        if seed is not None:  # seed() before the value: only the list holds it
            self.entries.append(seed)
            self.is_list = True
        self.entries.append(entry)
        if self.is_list:
            return
        if set(entry) != {'variable', 'value'} or isinstance(entry['value'], list):
            self.is_list = True
            return
        variable = entry['variable']
        if variable in self.values and not self._may_replace(event):
            self.is_list = True
            return
        self.values.pop(variable, None)
        self.values[variable] = entry['value']
        self.events[variable] = event

    def entry(self, event):
        """One assignment as an entry of the list form."""
        entry = {'variable': self.variable_of(event)}
        names = self.context.names
        if isinstance(event.index, str) and not is_whole(event.index):
            renames = names.add_at_line(event.resolver, [event.index], event.namespace,
                                        event.where)
            entry['condition'] = renamed(event.index, renames)
        elif not is_whole(event.index):
            entry.update(IndexTranslator(event, self.owner).fields())
        if event.code is not None:
            renames = names.add_at_line(event.resolver, [event.code], event.namespace,
                                        event.where)
            entry['value'] = renamed(event.code, renames)
        else:
            entry.update(self._numbers(event))
        return {key: entry[key] for key in ('variable', 'value', 'unit', 'index', 'pre', 'post',
                                             'condition') if key in entry}

    def _numbers(self, event):
        """One value as model text, or different values as numbers in SI units."""
        raw = event.values
        if isinstance(raw, (list, tuple)):
            raw = as_quantity(raw, event)  # `[I_e, 0*uA]`: the list's unit is its items'
        values = np.asarray(raw)
        if values.size == 0:
            raise ImportFailure(event.where, '%s is set from an empty array'
                                % assignment_label(event))
        if values.ndim > 1:
            raise unsupported(event.where, '%s set from a %d-dimensional array'
                              % (assignment_label(event), values.ndim))
        first = values.flat[0]
        if values.size == 1 or np.all(values == first):
            if hasattr(raw, 'dim'):
                first = Quantity(first, dim=raw.dim)
            return {'value': value_text(first, event.where, assignment_label(event))}
        numbers_ = np.asarray(values, dtype=np.float64).ravel()
        if np.any(np.isnan(numbers_)):
            raise ImportFailure(event.where, '%s holds NaN, which a model cannot hold'
                                % assignment_label(event))
        result = {'value': [float(v) if not float(v).is_integer() or abs(v) > 2**53
                            else int(v) for v in numbers_]}
        dim = dimensions_of(raw)
        if not is_dimensionless(dim):
            result['unit'] = unit_text(dim)
        return result

    def _may_replace(self, event):
        """A variable set twice keeps the map form when the earlier value drew
        no random numbers and nothing set in between read it."""
        earlier = self.events[self.variable_of(event)]
        readers = [later for later in self.events.values() if later is not earlier
                   and self._position(later) > self._position(earlier)
                   and event.variable in get_identifiers(later.code or '')]
        return not (earlier.draws_random or readers
                    or event.variable in get_identifiers(event.code or ''))

    def _position(self, event):
        return self.context.position(event)


class IndexTranslator:
    """A Brian2 index (slice, integer, array, boolean mask; for synapses also a
    (pre, post) pair) as the fields of a list entry, indices made non-negative."""

    def __init__(self, event, owner):
        self.event = event
        self.owner = owner

    def fields(self):
        index = self.event.index
        if hasattr(index, '_indices') or hasattr(index, 'variables'):
            raise unsupported(self.event.where, '%s[...] indexed by a group'
                              % assignment_label(self.event))
        if isinstance(index, tuple):
            return self._pair(index)
        return {'index': self._axis(index, len(self.owner))}

    def _pair(self, index):
        if len(index) == 3:
            if not (isinstance(index[2], slice) and index[2] == slice(None)):
                raise unsupported(self.event.where, '%s[i, j, k]: synapses chosen by their '
                                  'multisynaptic index' % assignment_label(self.event))
            index = index[:2]
        if len(index) != 2:
            raise ImportFailure(self.event.where, '%s: an index of %d parts'
                                % (assignment_label(self.event), len(index)))
        result = {}
        for key, part, group in (('pre', index[0], self.owner.source),
                                 ('post', index[1], self.owner.target)):
            if not (isinstance(part, slice) and part == slice(None)):
                result[key] = self._axis(part, len(group))
        return result

    def _axis(self, part, size):
        """'start:stop:step', or a list of indices; out-of-range indices refused."""
        if isinstance(part, slice):
            start, stop, step = part.indices(size)
            if step > 0:
                text = '%s:%d' % (start or '', stop)
                return text + (':%d' % step if step != 1 else '')
            return list(range(start, stop, step))
        values = np.asarray(part)
        if values.dtype == bool:
            values = np.nonzero(values)[0]
        if values.size == 0 or not np.issubdtype(values.dtype, np.integer):
            raise unsupported(self.event.where, '%s[...] with an index that is not whole '
                              'numbers' % assignment_label(self.event))
        indices = [int(k) + size if int(k) < 0 else int(k) for k in values.ravel()]
        outside = [k for k in indices if not 0 <= k < size]
        if outside:
            raise ImportFailure(self.event.where, '%s: index %d is out of range for %d elements'
                                % (assignment_label(self.event), outside[0], size))
        return indices if values.ndim else indices[0]


