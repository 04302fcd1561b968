"""Brian2 equations as model text: one line per equation, each expression as
Brian2 parsed it (comments gone, continuation lines joined), units written
with names Spike Studio reads."""
from brian2.equations.equations import (BOOLEAN, DIFFERENTIAL_EQUATION, INTEGER, PARAMETER,
                                        SUBEXPRESSION, Equations)

from .quantities import unit_text


def equations_of(model):
    """The Equations a NeuronGroup or Synapses was given (a string or Equations)."""
    if model is None:
        return Equations('')
    return model if isinstance(model, Equations) else Equations(model)


def unit_of(equation):
    if equation.var_type == BOOLEAN:
        return 'boolean'
    if equation.var_type == INTEGER:
        return 'integer'
    return unit_text(equation.dim._dims)


def equation_line(equation):
    flags = ' (%s)' % ', '.join(equation.flags) if equation.flags else ''
    if equation.type == DIFFERENTIAL_EQUATION:
        left = 'd%s/dt = %s' % (equation.varname, equation.expr.code)
    elif equation.type == SUBEXPRESSION:
        left = '%s = %s' % (equation.varname, equation.expr.code)
    else:
        assert equation.type == PARAMETER
        left = equation.varname
    return '%s : %s%s' % (left, unit_of(equation), flags)


def equations_text(equations):
    """The text of Equations, in the order they were written."""
    return '\n'.join(equation_line(equation) for equation in equations.values())


def code_text(code):
    """Brian2 code (a reset, on_pre, ...) as model text: one statement per line,
    the indentation of a triple-quoted string removed (Brian2 ignores it)."""
    return '\n'.join(line.strip() for line in code.splitlines() if line.strip())


def expressions_of(equations):
    """The expression texts of Equations (for the names they use)."""
    return [equation.expr.code for equation in equations.values() if equation.expr is not None]
