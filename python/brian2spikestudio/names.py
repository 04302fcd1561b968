"""External names in Brian2 code, resolved as Brian2 resolves them (the
object's own variables first, then Brian2's units, functions and constants,
then the object's `namespace=`, then the run's or the call's namespace), and
collected as the model's constants, TimedArrays and BinomialFunctions. A
model has one value per name: a name with two values is refused in code the
run evaluates, and carried as a second constant in values set or
connections made at the line that uses it."""
import re

import numpy as np
from brian2.core.functions import DEFAULT_CONSTANTS, DEFAULT_FUNCTIONS, Function
from brian2.core.namespace import DEFAULT_UNITS
from brian2.core.variables import Constant
from brian2.input.timedarray import TimedArray
from brian2.synapses.parse_synaptic_generator_syntax import parse_synapse_generator
from brian2.units.fundamentalunits import Quantity
from brian2.utils.stringtools import get_identifiers, word_substitute

from .binomial_functions import call_text, is_binomial_function, same_parameters
from .errors import ImportFailure, unsupported
from .quantities import dimensions_of, value_text

NOISE = re.compile(r'xi(_\w+)?$')
COMMENT = re.compile(r'#.*')
PLAIN_ASSIGNMENT = re.compile(r'(?:^|;)\s*([A-Za-z_]\w*)\s*=(?!=)', re.MULTILINE)
GENERATOR_ARGUMENTS = ('low', 'high', 'step', 'p', 'size')  # of range() and sample()


def generator_texts(generator):
    """The expressions of a generator `j` ("k for k in range(i-2, i+3) if k != i")
    and the name of its loop variable."""
    parsed = parse_synapse_generator(generator)
    texts = [parsed['element'], parsed['if_expression'] or '']
    texts += [parsed['iterator_kwds'].get(key) or '' for key in GENERATOR_ARGUMENTS]
    return texts, parsed['inner_variable']


def is_builtin(name):
    return name in DEFAULT_UNITS or name in DEFAULT_FUNCTIONS or name in DEFAULT_CONSTANTS


def same_value(a, b):
    return (type(a) is type(b) and np.array_equal(np.asarray(a), np.asarray(b))
            and dimensions_of(a) == dimensions_of(b))


class ExternalNames:
    """The constants, TimedArrays and BinomialFunctions a model's code needs,
    with where each was first used."""

    def __init__(self, object_namespaces=None):
        self.constants = {}     # name -> (value, where)
        self.aliases = {}       # name -> constants standing for its other values
        self.timed_arrays = {}  # name -> (TimedArray, where)
        self.binomial_functions = {}  # name -> (BinomialFunction, where)
        # id(object) -> its own namespace= as it was at the run translated
        # (the script may change it before a later run: G.namespace['x'] = ...)
        self.object_namespaces = object_namespaces or {}

    def add(self, obj, texts, namespace, where, local_names=()):
        """Resolves the external names in `texts` (code of `obj`) in `namespace`.
        Comments are no names, and neither are the local values code defines
        (`U_0 = ...` for a name `obj` does not have)."""
        for name in self._external(obj, texts, local_names):
            self._add_resolved(name, self._resolve(obj, name, namespace, where), where)

    def add_at_line(self, obj, texts, namespace, where, local_names=()):
        """As add(), for code Brian2 evaluates where the script runs it
        (values set, connect calls), with the names' values at that line: a
        constant whose value there differs from the model's is carried as a
        constant of its own (`grid_dist` set again between two assignments
        becomes `grid_dist_2` in the later ones). Returns the renames, which
        the caller applies to its texts with `renamed()`."""
        renames = {}
        for name in self._external(obj, texts, local_names):
            resolved = self._resolve(obj, name, namespace, where)
            if isinstance(resolved, Constant) and name in self.constants:
                alias = self._alias(name, constant_value(resolved), where, obj)
                if alias != name:
                    renames[name] = alias
                    continue
            self._add_resolved(name, resolved, where)
        return renames

    def _external(self, obj, texts, local_names):
        names = set()
        for text in texts:
            text = COMMENT.sub('', text or '')
            defined = set(PLAIN_ASSIGNMENT.findall(text))
            names.update(name for name in get_identifiers(text)
                         if not (name in local_names or name in defined or name in obj.variables
                                 or NOISE.match(name) or is_builtin(name)))
        return sorted(names)

    def _alias(self, name, value, where, obj):
        """`name`, or the constant standing for `name` with `value` (made now
        when there is none: name_2, name_3, ...)."""
        candidates = [name] + self.aliases.get(name, [])
        for candidate in candidates:
            if same_value(self.constants[candidate][0], value):
                return candidate
        number = len(candidates) + 1
        alias = '%s_%d' % (name, number)
        while (alias in self.constants or alias in self.timed_arrays
               or alias in self.binomial_functions or alias in obj.variables):
            number += 1
            alias = '%s_%d' % (name, number)
        self.aliases.setdefault(name, []).append(alias)
        self.constants[alias] = (value, where)
        return alias

    def _resolve(self, obj, name, namespace, where):
        snapshot = self.object_namespaces.get(id(obj))
        current = getattr(obj, 'namespace', None)
        try:
            if snapshot is not None:
                obj.namespace = snapshot  # resolved as the run resolved it
            return obj._resolve_external(name, run_namespace=namespace or {})
        except KeyError:
            raise ImportFailure(where, "the name '%s' cannot be resolved" % name)
        finally:
            if snapshot is not None:
                obj.namespace = current

    def _add_resolved(self, name, resolved, where):
        if isinstance(resolved, TimedArray):
            self._add_once(self.timed_arrays, name, resolved, where, lambda a, b: a is b)
        elif is_binomial_function(resolved):
            self._add_binomial(name, resolved, where)
        elif isinstance(resolved, Function):
            raise unsupported(where, "the Python function '%s' in Brian2 code" % name)
        elif isinstance(resolved, Constant):
            self._add_once(self.constants, name, constant_value(resolved), where, same_value)
        else:
            raise unsupported(where, "'%s', a variable of another object, in Brian2 code" % name)

    def _add_binomial(self, name, function, where):
        """A BinomialFunction called `name`: a model has one per name, so two
        of other parameters under one name (in two objects' namespaces) are
        refused, naming both."""
        if name in self.binomial_functions:
            first, first_where = self.binomial_functions[name]
            if not same_parameters(first, function):
                raise ImportFailure(where, "'%s' is %s here (Brian2's '%s') and %s at %s "
                                    "(Brian2's '%s'); a model has one BinomialFunction per name"
                                    % (name, call_text(function), function.name,
                                       call_text(first), first_where, first.name))
            return
        self.binomial_functions[name] = (function, where)

    @staticmethod
    def _add_once(table, name, value, where, same):
        if name in table and not same(table[name][0], value):
            first_value, first_where = table[name]
            raise ImportFailure(where, "'%s' has another value here than at %s; a model has "
                                "one value per constant" % (name, first_where))
        table.setdefault(name, (value, where))

    def constants_model(self):
        """The model's `constants`: name -> exact text."""
        return {name: value_text(value, where, "the constant '%s'" % name)
                for name, (value, where) in self.constants.items()}


def renamed(text, renames):
    """`text` with the names `renames` maps replaced as whole words."""
    return word_substitute(text, renames) if renames and isinstance(text, str) else text


def constant_value(constant):
    """A Brian2 Constant's value: a Python bool, int or float, or a Quantity."""
    value = np.asarray(constant.value).item()
    if constant.dim.is_dimensionless:
        return value
    return Quantity(value, dim=constant.dim)
