"""Model expressions that the exported script evaluates as Python (constants,
dt, the duration, spike times, fixed rates, delays and refractory periods):
parsed by Python's `ast` and checked node by node to be Brian2's expression
language (numbers, names, arithmetic, comparisons, and Brian2's functions
that give the same value every time), then written from the checked text or
the syntax tree, never evaluated. Anything else (attributes, subscripts,
strings, lambdas, keyword arguments, comments that could hide the rest of a
line) is refused, and integer arithmetic that would not end (2**2**40) too."""
import ast
import re

from ..model_file import ModelFileError

IDENTIFIER = re.compile(r'[A-Za-z][A-Za-z0-9_]*\Z')
# Brian2's functions that give the same value every time (no rand, randn,
# poisson); `from brian2 import *` provides them all (abs and int are Python's).
PURE_FUNCTIONS = frozenset((
    'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'arcsin', 'arccos', 'arctan', 'exp', 'log',
    'log10', 'expm1', 'log1p', 'exprel', 'sqrt', 'abs', 'ceil', 'floor', 'sign', 'int', 'clip'))
NUMERIC_CONSTANTS = frozenset(('pi', 'e', 'inf'))
# Units that `from brian2 import *` provides (tests/tst_export_brian2 checks each
# against Brian2); other unit names are imported from brian2.units.allunits.
KNOWN_UNITS = frozenset((
    'volt', 'mV', 'mvolt', 'uvolt', 'kvolt', 'amp', 'mA', 'mamp', 'uA', 'uamp', 'nA', 'namp',
    'pA', 'pamp', 'second', 'ms', 'msecond', 'us', 'usecond', 'siemens', 'mS', 'msiemens',
    'uS', 'usiemens', 'nS', 'nsiemens', 'psiemens', 'farad', 'uF', 'ufarad', 'nF', 'nfarad',
    'pF', 'pfarad', 'ohm', 'kohm', 'Mohm', 'Gohm', 'Hz', 'hertz', 'kHz', 'khertz', 'MHz',
    'metre', 'meter', 'cm', 'cmetre', 'mm', 'mmetre', 'um', 'umetre', 'nmetre', 'mole',
    'mmole', 'umole', 'molar', 'mM', 'mmolar', 'uM', 'umolar', 'nM', 'coulomb', 'kelvin',
    'kilogram', 'gram', 'joule', 'watt', 'pascal', 'liter', 'litre'))
ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
UNARY = (ast.UAdd, ast.USub, ast.Not)
COMPARISONS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
LARGEST_INTEGER_BITS = 1024  # Spike Studio's and the reference's limit for exact integers
LARGEST_INTEGER_POWER = 64


class CheckedExpression:
    """An expression in Brian2's language, ready to be written as Python."""

    def __init__(self, text, names, integer):
        self.text = text        # Python text with the same syntax tree as the model's
        self.names = names      # the identifiers it uses (not function names)
        self.integer = integer  # its value when it is integer arithmetic on integers


def check_expression(source, obj, fld, integers=None):
    """`source` (model text, or a JSON number) checked; ModelFileError naming
    `obj` and `fld` when it is not the expression language. `integers` maps
    constants with integer values to them (to bound integer arithmetic)."""
    if isinstance(source, bool) or isinstance(source, (int, float)):
        text = repr(source) if not isinstance(source, bool) else str(source)
        source = text
    if not isinstance(source, str):
        raise ModelFileError(obj, fld, 'expected an expression')
    try:
        tree = ast.parse(source.strip(), mode='eval')
    except SyntaxError as error:
        raise ModelFileError(obj, fld, "syntax error in '%s' (%s)" % (source, error.msg))
    except (ValueError, RecursionError, MemoryError):
        raise ModelFileError(obj, fld, "'%s...' cannot be read as an expression" % source[:40])
    checker = NodeChecker(obj, fld, source, integers or {})
    try:
        integer = checker.check(tree.body)
    except RecursionError:
        raise ModelFileError(obj, fld, "'%s...' is nested too deeply" % source[:40])
    return CheckedExpression(python_text(source, tree), checker.names, integer)


def python_text(source, tree):
    """The model's own text when Python reads exactly that expression from it
    (one line, no comment, no line continuation), else the tree written out."""
    text = source.strip()
    if '\n' in text or '\r' in text or '#' in text or '\\' in text:
        return ast.unparse(tree)
    return text


class NodeChecker:
    """Walks a syntax tree, refusing what is not the expression language."""

    def __init__(self, obj, fld, source, integers):
        self.obj, self.fld, self.source = obj, fld, source
        self.integers = integers
        self.names = set()

    def refuse(self, problem):
        raise ModelFileError(self.obj, self.fld, "'%s': %s" % (self.source, problem))

    def check(self, node):
        """Checks `node`; its integer value when it is integer arithmetic, else None."""
        if isinstance(node, ast.Constant):
            return self.constant(node.value)
        if isinstance(node, ast.Name):
            return self.name(node.id)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, UNARY):
            value = self.check(node.operand)
            return None if value is None or isinstance(node.op, ast.Not) else (
                -value if isinstance(node.op, ast.USub) else value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ARITHMETIC):
            return self.arithmetic(node.op, self.check(node.left), self.check(node.right))
        if isinstance(node, ast.Compare) and all(isinstance(op, COMPARISONS) for op in node.ops):
            for part in [node.left] + node.comparators:
                self.check(part)
            return None
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                self.check(value)
            return None
        if isinstance(node, ast.Call):
            return self.function_call(node)
        self.refuse('%s is not part of Brian2\'s expression language' % type(node).__name__)

    def constant(self, value):
        if isinstance(value, bool) or isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return None
        self.refuse('only numbers may appear as values, not %r' % (value,))

    def name(self, identifier):
        if not IDENTIFIER.match(identifier):
            self.refuse("'%s' is not a name of the model's language" % identifier)
        self.names.add(identifier)
        return self.integers.get(identifier)

    def function_call(self, node):
        function = node.func.id if isinstance(node.func, ast.Name) else None
        if function not in PURE_FUNCTIONS:
            self.refuse("'%s' cannot be computed before the run (only %s)"
                        % (ast.unparse(node.func), ', '.join(sorted(PURE_FUNCTIONS))))
        if node.keywords or any(isinstance(arg, ast.Starred) for arg in node.args):
            self.refuse('functions take positional arguments only')
        for arg in node.args:
            self.check(arg)
        return None

    def arithmetic(self, op, left, right):
        """Integer results are computed (and bounded); anything else is None."""
        if left is None or right is None or isinstance(op, ast.Div):
            return None
        if isinstance(op, (ast.FloorDiv, ast.Mod)) and right == 0:
            self.refuse('division by zero')
        if isinstance(op, ast.Pow):
            if right < 0:
                return None
            if right > LARGEST_INTEGER_POWER and abs(left) > 1:
                self.refuse('an integer power too large to compute exactly (write a float, '
                            'e.g. 2.0**%d)' % right)
        value = {ast.Add: int.__add__, ast.Sub: int.__sub__, ast.Mult: int.__mul__,
                 ast.FloorDiv: int.__floordiv__, ast.Mod: int.__mod__,
                 ast.Pow: int.__pow__}[type(op)](left, right)
        if value.bit_length() > LARGEST_INTEGER_BITS:
            self.refuse('an integer too large to compute exactly (write a float)')
        return value
