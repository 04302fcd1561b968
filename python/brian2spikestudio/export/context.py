"""What every writer of an object kind needs: the model, the script's names,
and how a model expression becomes Python text."""
from ..model_file import ModelFileError
from .expressions import KNOWN_UNITS, NUMERIC_CONSTANTS, check_expression
from .python_text import string_literal


class ExportContext:
    def __init__(self, model, names):
        self.model = model
        self.names = names
        self.constants = set()     # constants defined so far, in the script's order
        self.integers = {}         # constants with integer values
        self.other_units = set()   # unit names to import from brian2.units.allunits
        self.object_names = {spec['name'] for kind in ('groups', 'synapses', 'poisson_inputs',
                                                       'monitors') for spec in model[kind]}
        self.timed_arrays = {spec['name'] for spec in model['timed_arrays']}
        self.binomial_functions = {spec['name'] for spec in model['binomial_functions']}
        self.all_constants = set(model.get('constants', {}))

    def define_constant(self, name, expression):
        self.constants.add(name)
        if expression.integer is not None:
            self.integers[name] = expression.integer

    def value(self, source, obj, fld):
        """A value fixed before the run (a constant, dt, a duration): Python text.
        Its names must be constants defined before it, or units."""
        expression = check_expression(source, obj, fld, self.integers)
        for name in expression.names:
            self.require_value_name(name, obj, fld)
        return expression

    def require_value_name(self, name, obj, fld):
        if name in self.constants or name in NUMERIC_CONSTANTS or name in KNOWN_UNITS:
            return
        if name in self.all_constants:
            raise ModelFileError(obj, fld, "uses the constant '%s' before it is defined" % name)
        if (name in self.object_names or name in self.timed_arrays
                or name in self.binomial_functions):
            raise ModelFileError(obj, fld, "'%s' is not a constant or a unit (a value fixed "
                                 'before the run cannot use objects, TimedArrays or '
                                 'BinomialFunctions)' % name)
        self.other_units.add(name)  # a unit `from brian2 import *` does not provide

    def is_unit(self, name):
        """Whether `name` stands for a unit in the script (not a constant)."""
        return name not in self.constants and (name in KNOWN_UNITS or name in self.other_units)

    def is_fixed(self, source):
        """Whether `source` is a value fixed before the run that Python can
        compute as written: only numbers, constants, units and Brian2's
        deterministic functions (not i, t, variables or rand())."""
        try:
            expression = check_expression(source, '', '', self.integers)
        except ModelFileError:
            return False
        return all(name in self.constants or name in NUMERIC_CONSTANTS or name in KNOWN_UNITS
                   for name in expression.names)

    def value_or_code(self, source, obj, fld):
        """A fixed value as Python, anything else as a string of Brian2 code."""
        if self.is_fixed(source):
            return self.value(source, obj, fld).text
        return string_literal(source) if isinstance(source, str) else repr(source)

    def api(self, name):
        return self.names.api(name)

    def variable(self, model_name):
        return self.names.variable(model_name)
