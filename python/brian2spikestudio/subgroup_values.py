"""Values a script sets through a subgroup (`Pe = P[100:200]; Pe.v = 'i*mV'`),
as the same assignment on the whole group. In a subgroup Brian2 counts `i`
from the subgroup's start and `N` is the subgroup's size; indices and
conditions select among the subgroup's neurons. So the whole group's
assignment selects the slice (or the indices moved by the start), reads
`i - start` for `i` and the size for `N`, and draws a random number for
exactly the neurons Brian2 draws one for: the selected ones. A condition
is evaluated by Brian2 for every neuron of the subgroup; written for the
whole group it would be evaluated for every neuron of the group, so a
condition that draws random numbers is refused."""
import dataclasses

import numpy as np
from brian2.utils.stringtools import get_identifiers, word_substitute

from .binomial_functions import calls_binomial_function
from .errors import ImportFailure, unsupported

RANDOM_FUNCTIONS = {'rand', 'randn', 'poisson'}


def whole_group_assignment(event, group):
    """`event` (an assignment on a SubgroupPart of `group`) as one on `group`."""
    part = event.owner
    start, stop = int(part.start), int(part.stop)
    label = '%s[%d:%d].%s' % (group.name, start, stop, event.variable)
    relative = {'i': '(i - %d)' % start, 'N': '%d' % (stop - start)}
    code = word_substitute(event.code, relative) if event.code is not None else None
    index = event.index
    if isinstance(index, str) and index.strip() != 'True':
        if get_identifiers(index) & RANDOM_FUNCTIONS or calls_binomial_function(
                index, event.resolver, event.namespace):
            raise unsupported(event.where, '%s set where a condition with random numbers holds '
                              '(a condition drawing numbers through a subgroup)' % label)
        index = '(i >= %d and i < %d) and (%s)' % (start, stop, word_substitute(index, relative))
    else:
        index = absolute_index(index, start, stop, event.where, label)
    return dataclasses.replace(event, owner=group, resolver=group, index=index, code=code)


def absolute_index(index, start, stop, where, label):
    """A subgroup-relative Brian2 index as the whole group's: a slice, or indices."""
    if isinstance(index, str) or (isinstance(index, slice) and index == slice(None)):
        return slice(start, stop)
    if isinstance(index, slice):
        chosen = range(start, stop)[index]
        if chosen.step > 0:
            return slice(chosen.start, max(chosen.stop, chosen.start), chosen.step)
        return np.asarray(chosen, dtype=np.int64)
    if isinstance(index, tuple) or hasattr(index, '_indices') or hasattr(index, 'variables'):
        raise unsupported(where, '%s[...] indexed by a group or by several indices' % label)
    try:
        return np.arange(start, stop)[np.asarray(index)]
    except IndexError as error:
        raise ImportFailure(where, '%s: %s' % (label, error)) from None
