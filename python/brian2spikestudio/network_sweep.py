"""Several networks that differ only in numbers, as one model and a sweep.

A script that runs a fresh network per parameter value (an I-F curve loop),
or restores one network and runs it with another value, imports as one
sweep (docs/sweeps.md) when its networks' models are the same except for:

- the values of constants (names the code uses: `tau`, `I0`), and
- numbers set before a run (`G.I = 0.5*nA`) or between runs (a protocol's
  `set`): an entry setting one number for the same variable, elements and
  object at the same place in every model. Each such number becomes a
  constant of the model (`<object>_<variable>`), which the entry then reads.

Object names may differ (Brian2 numbers the objects of every new network:
`neurongroup_1`, ...) as long as they keep their order: within a time step
Brian2 runs an operation's objects in the order of their names. Everything
else (equations, expressions, arrays, connect rules, seeds, durations,
monitors) must be equal. The sweep zips the values: its k-th variant is the
k-th network, and its specification is the one `spikestudio sweep --spec`
reads and a project keeps (`{"vary": [...], "combination": "zip", "seeds": []}`)."""
import copy
import re

import numpy as np

NAME_FIELDS = ('name', 'source', 'target', 'object')
NAMED_LISTS = ('groups', 'synapses', 'poisson_inputs', 'monitors')
# A number, possibly times or over units: the value texts the importer writes.
NUMBER_TEXT = re.compile(r'^-?[0-9][0-9.]*(e[+-]?[0-9]+)?'
                         r'([*/][A-Za-z][A-Za-z0-9]*(\*\*-?[0-9]+)?)*$')


class Sweep:
    def __init__(self, model, specification, varied):
        self.model = model                  # the first network's model, reading the constants
        self.specification = specification  # as a project keeps it
        self.varied = varied                # the names of the constants that vary


def object_names(model):
    """The model's object and subgroup names, in model order."""
    names = []
    for kind in NAMED_LISTS:
        for spec in model.get(kind, []):
            names.append(spec.get('name'))
            names += [sub.get('name') for sub in spec.get('subgroups', [])]
    return names


def renamed(model, mapping):
    """`model` with every reference to an object named as `mapping` says."""
    if isinstance(model, dict):
        return {key: (mapping.get(value, value) if key in NAME_FIELDS and isinstance(value, str)
                      else renamed(value, mapping)) for key, value in model.items()}
    if isinstance(model, list):
        return [renamed(value, mapping) for value in model]
    return model


def names_like(model, base):
    """`model` with the base model's object names, or None when its objects
    do not correspond one to one in the same order of names."""
    names, base_names = object_names(model), object_names(base)
    if len(names) != len(base_names) or len(set(names)) != len(names):
        return None
    mapping = dict(zip(names, base_names))
    if [mapping[name] for name in sorted(names)] != sorted(base_names):
        return None
    return renamed(model, mapping)


def unit_dimensions(text):
    """The dimensions of a number text as Brian2 reads it; None if it is not one."""
    if not NUMBER_TEXT.match(text):
        return None
    from brian2.core.namespace import DEFAULT_UNITS
    try:
        value = eval(text, {'__builtins__': {}}, dict(DEFAULT_UNITS))  # a number and units only
    except Exception:
        return None
    return tuple(getattr(getattr(value, 'dim', None), '_dims', np.zeros(7)))


class Differences:
    """Where a model differs from the base: constants, and numbers set."""

    def __init__(self):
        self.numbers = []    # paths of number texts that differ
        self.constants = set()

    def compare(self, base, other, path=()):
        """False when `other` differs from `base` in anything but numbers set."""
        if isinstance(base, dict) and isinstance(other, dict):
            if list(base) != list(other):
                return False
            return all(self.compare(base[key], other[key], path + (key,)) for key in base)
        if isinstance(base, list) and isinstance(other, list):
            return len(base) == len(other) and all(
                self.compare(a, b, path + (k,)) for k, (a, b) in enumerate(zip(base, other)))
        if base == other and type(base) is type(other):
            return True
        if not (is_number_set(path) and isinstance(base, str) and isinstance(other, str)):
            return False
        dimensions = unit_dimensions(base)
        if dimensions is None or dimensions != unit_dimensions(other):
            return False
        if path[0] == 'constants':
            self.constants.add(path[1])
        elif path not in self.numbers:
            self.numbers.append(path)
        return True


def is_number_set(path):
    """A constant's value, a value of `initial` (map or list form) of a group
    or Synapses object, or a value a protocol segment sets."""
    if len(path) == 2 and path[0] == 'constants':
        return True
    if len(path) >= 4 and path[0] in ('groups', 'synapses') and path[2] == 'initial':
        return len(path) == 4 or (len(path) == 5 and path[4] == 'value')
    return (len(path) == 5 and path[0] == 'protocol' and path[2] == 'set'
            and path[4] == 'value')


def at(model, path):
    for key in path:
        model = model[key]
    return model


def put(model, path, value):
    at(model, path[:-1])[path[-1]] = value


def constant_name(model, path, taken):
    """`<object>_<variable>` for a number set at `path`, unique in `taken`."""
    if path[0] == 'protocol':
        entry = at(model, path[:-1])
        base = ('%s_later' % entry['constant'] if 'constant' in entry  # a constant changed
                else '%s_%s' % (entry['object'], entry['variable']))
    else:
        obj = at(model, path[:2])
        variable = path[3] if len(path) == 4 else at(model, path[:-1])['variable']
        base = '%s_%s' % (obj['name'], variable)
    base = re.sub(r'\W', '_', base).lstrip('_') or 'value'
    name, suffix = base, 2
    while name in taken:
        name = '%s_%d' % (base, suffix)
        suffix += 1
    taken.add(name)
    return name


def used_names(model):
    """Every identifier the model's text holds: a new constant takes none of them."""
    return set(re.findall(r'[A-Za-z_][A-Za-z0-9_]*', repr(model)))


def as_sweep(models):
    """A Sweep when `models` (two or more) differ only in numbers; else None."""
    if len(models) < 2:
        return None
    base = models[0]
    aligned = [names_like(model, base) for model in models[1:]]
    if any(model is None for model in aligned):
        return None
    differences = Differences()
    if not all(differences.compare(base, model) for model in aligned):
        return None
    if not differences.numbers and not differences.constants:
        return None
    everything = [base] + aligned
    model = copy.deepcopy(base)
    axes = {name: [m['constants'][name] for m in everything]
            for name in sorted(differences.constants)}
    taken = used_names(base)
    for path in differences.numbers:
        name = constant_name(base, path, taken)
        model['constants'][name] = at(base, path)
        put(model, path, name)
        axes[name] = [at(m, path) for m in everything]
    vary = ['%s=[%s]' % (name, ', '.join(values)) for name, values in axes.items()]
    specification = {'vary': vary, 'combination': 'zip', 'seeds': []}
    return Sweep(model, specification, list(axes))
