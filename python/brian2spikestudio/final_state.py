"""The groups' and synapses' state after a run, as after a standalone run.

`spikestudio run --final-state DIR` writes every group's and Synapses
object's variables as the run left them (DIR/index.json and one NumPy .npy
file per variable, docs/final-state.md); here they are stored through
Brian2's device API (each variable's set_value, as Brian2's C++ standalone
device fills its arrays from its results folder). A Synapses object takes
the synapses Spike Studio made (`i`, `j`, `delay`): without seed() they are
not those Brian2 drew when the script called connect()."""
import json
import os

import numpy as np
from brian2.core.variables import ArrayVariable
from brian2.synapses.synapses import Synapses

from .errors import ImportFailure

INDEX = 'index.json'
FORMAT = ('spikestudio-final-state', 1)
# A Synapses object's structure: set by replace_synapses, not as values.
STRUCTURE = ('i', 'j', 'delay', '_synaptic_pre', '_synaptic_post')
DIMENSION_TOLERANCE = 1e-9


def failure(text):
    return ImportFailure('', 'the state Spike Studio wrote after the run: ' + text)


def read_index(directory):
    """The index's objects by name."""
    try:
        with open(os.path.join(directory, INDEX), encoding='utf-8') as f:
            index = json.load(f)
        if (index['format'], index['version']) != FORMAT:
            raise ValueError('not format %s version %d' % FORMAT)
        return {entry['name']: entry for entry in index['objects']}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise failure('cannot read %s (%s)' % (INDEX, error))


def read_array(directory, entry, variable):
    """The values of `variable` (an index entry) of the object `entry`."""
    path = os.path.join(directory, os.path.basename(variable['file']))
    try:
        values = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as error:
        raise failure("cannot read '%s' of '%s' (%s)" % (variable['name'], entry['name'], error))
    if values.shape != (variable['size'],):
        raise failure("'%s' of '%s' has %s values, the index says %d"
                      % (variable['name'], entry['name'], values.shape, variable['size']))
    return values


def check_dimension(obj, name, brian_variable, variable):
    written = np.asarray(variable['dimension'], dtype=float)
    expected = np.asarray(brian_variable.dim._dims, dtype=float)
    if written.shape != expected.shape or np.any(np.abs(written - expected)
                                                 > DIMENSION_TOLERANCE):
        raise failure("'%s' of %s '%s' has the unit '%s' in Spike Studio, not %s"
                      % (name, type(obj).__name__, obj.name, variable['unit'],
                         brian_variable.dim))


def own_state_variables(obj):
    """The array variables `obj` owns that a run may change (not references to
    other objects' variables, not constants or Brian2's bookkeeping)."""
    for name, variable in obj.variables.items():
        if (isinstance(variable, ArrayVariable) and not variable.read_only
                and not variable.constant and name not in STRUCTURE
                and getattr(variable.owner, 'name', None) == obj.name):
            yield name, variable


def replace_synapses(synapses, arrays, directory, entry):
    """Gives `synapses` the synapses Spike Studio made, unless they are those
    Brian2 made already."""
    pre = read_array(directory, entry, arrays['i']).astype(np.int32)
    post = read_array(directory, entry, arrays['j']).astype(np.int32)
    variables = synapses.variables
    if (len(synapses) == len(pre) and np.array_equal(variables['_synaptic_pre'].get_value(), pre)
            and np.array_equal(variables['_synaptic_post'].get_value(), post)):
        return
    for variable in synapses._registered_variables:
        variable.resize(len(pre))
    variables['N'].set_value(len(pre))
    variables['_synaptic_pre'].set_value(pre)
    variables['_synaptic_post'].set_value(post)
    for counts in ('N_incoming', 'N_outgoing'):
        variables[counts].set_value(np.zeros(variables[counts].size, dtype=np.int32))
    synapses._update_synapse_numbers(0)
    delays = read_array(directory, entry, arrays['delay'])
    for pathway in synapses._pathways:
        # `delay` is the pathway 'pre''s (S.delay); other pathways keep the delays
        # the script gave them.
        if pathway.objname == 'pre' and not pathway.variables['delay'].scalar:
            pathway.variables['delay'].set_value(delays)


def fill_object(obj, entry, directory):
    """Fills `obj` from its index entry; returns the names of the variables filled."""
    arrays = {variable['name']: variable for variable in entry['variables']}
    if isinstance(obj, Synapses):
        replace_synapses(obj, arrays, directory, entry)
    filled = set()
    for name, brian_variable in own_state_variables(obj):
        variable = arrays.get(name)
        if variable is None:
            continue
        check_dimension(obj, name, brian_variable, variable)
        values = read_array(directory, entry, variable)
        if brian_variable.scalar:  # a shared variable: Spike Studio keeps it per element
            values = values[:1]
        if len(values) != brian_variable.size:
            raise failure("'%s' of %s '%s' has %d values, Brian2 expects %d"
                          % (name, type(obj).__name__, obj.name, len(values),
                             brian_variable.size))
        brian_variable.set_value(values.astype(brian_variable.dtype))
        filled.add(name)
    return filled


def fill_final_state(objects, directory):
    """Fills every group and Synapses object among `objects` that the index
    names; returns the (object name, variable name) pairs filled."""
    index = read_index(directory)
    filled = set()
    for obj in objects:
        entry = index.get(getattr(obj, 'name', None))
        if entry is not None:
            filled |= {(obj.name, name) for name in fill_object(obj, entry, directory)}
    return filled
