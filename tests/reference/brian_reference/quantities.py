"""Quantities the reference script evaluates itself: constants, dt, durations,
constant rates, spike times, TimedArray units. Everything else in a model is
Brian2 code and goes to Brian2 as text."""
import ast
import math
import operator

from .brian2_import import import_brian2
from .errors import ModelFileError, describe_brian2_error


class NotConstant(Exception):
    """An expression names something that is not a constant (e.g. `i` or `v`)."""


def is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


BINARY_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
                    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv,
                    ast.Mod: operator.mod, ast.Pow: operator.pow}
UNARY_OPERATORS = {ast.UAdd: operator.pos, ast.USub: operator.neg, ast.Not: operator.not_}
COMPARISONS = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
               ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne}
# Brian2's functions that give the same value every time (no rand, randn, poisson).
PURE_FUNCTIONS = ('sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'arcsin', 'arccos', 'arctan',
                  'exp', 'log', 'log10', 'expm1', 'log1p', 'exprel', 'sqrt', 'abs', 'ceil',
                  'floor', 'sign', 'int', 'clip')
LARGEST_EXACT_INTEGER_BITS = 1024  # beyond, integers continue as floats (no huge ints)


class QuantityEvaluator:
    """Evaluates Brian2 quantity expressions ("20*ms", "(60*0.27/10)*mV", "taum/2")
    from Brian2's units, the model's constants, numbers, arithmetic and Brian2's
    deterministic functions. The text is parsed by Python's `ast` and walked
    node by node; anything else (attributes, subscripts, strings, lambdas, ...)
    is refused, so model text never runs as Python."""

    def __init__(self):
        brian2 = import_brian2()
        from brian2.core.functions import DEFAULT_FUNCTIONS
        self.names = {name: getattr(brian2, name) for name in dir(brian2)
                      if not name.startswith('_') and isinstance(getattr(brian2, name),
                                                                   brian2.Unit)}
        self.names.update(pi=math.pi, e=math.e, inf=math.inf)
        self.functions = {name: DEFAULT_FUNCTIONS[name].pyfunc for name in PURE_FUNCTIONS}

    def define(self, name, value):
        self.names[name] = value

    def evaluate(self, expression, obj, fld):
        """The value of `expression` (a string, or a JSON number as it is)."""
        if not isinstance(expression, str):
            return expression
        try:
            tree = ast.parse(expression.strip(), mode='eval')
            return self._value(tree.body)
        except NotConstant:
            raise
        except ModelFileError as error:
            raise ModelFileError(obj, fld, '%s in \'%s\'' % (error, expression))
        except SyntaxError as error:
            raise ModelFileError(obj, fld, "syntax error in '%s' (%s)" % (expression, error.msg))
        except RecursionError:
            raise ModelFileError(obj, fld, "'%s...' is nested too deeply" % expression[:40])
        except Exception as error:  # Brian2's unit errors, division by zero, overflow
            raise ModelFileError(obj, fld, "cannot evaluate '%s': %s"
                                 % (expression, describe_brian2_error(error)))

    def _value(self, node):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value  # bool is an int
        if isinstance(node, ast.Name):
            if node.id in self.names:
                return self.names[node.id]
            raise NotConstant(node.id)
        if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPERATORS:
            return UNARY_OPERATORS[type(node.op)](self._value(node.operand))
        if isinstance(node, ast.BinOp) and type(node.op) in BINARY_OPERATORS:
            left, right = self._value(node.left), self._value(node.right)
            if isinstance(node.op, ast.Pow) and is_integer(left) and is_integer(right):
                left = float(left) if abs(right) > 64 else left
            return tame(BINARY_OPERATORS[type(node.op)](left, right))
        if isinstance(node, ast.Compare) and all(type(op) in COMPARISONS for op in node.ops):
            left = self._value(node.left)
            for op, comparator in zip(node.ops, node.comparators):
                right = self._value(comparator)
                if not COMPARISONS[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.BoolOp):
            result = self._value(node.values[0])
            for value in node.values[1:]:
                if bool(result) == isinstance(node.op, ast.Or):
                    return result
                result = self._value(value)
            return result
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in self.functions and not node.keywords):
            return self.functions[node.func.id](*[self._value(arg) for arg in node.args])
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            raise NotConstant(node.func.id)
        raise ModelFileError('', '', "'%s' is not allowed" % type(node).__name__)


def tame(value):
    """Keeps integer arithmetic from growing without bound (e.g. 9**64**64)."""
    if is_integer(value) and value.bit_length() > LARGEST_EXACT_INTEGER_BITS:
        return float(value)  # OverflowError beyond the doubles: reported as such
    return value
