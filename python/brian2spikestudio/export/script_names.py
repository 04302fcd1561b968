"""The Python names of an exported script. Constants, TimedArrays and
BinomialFunctions keep their model names (Brian2 finds them by those names
when the run starts);
every other name is chosen so that nothing shadows anything: an object whose
model name is taken gets a Python variable with "_" appended (its Brian2
name stays the model's), and a Brian2 function the script calls whose name is
also a constant's is called as `brian2.<function>` through `import brian2 as
_brian2` (model names never start with "_")."""
import keyword

from ..model_file import ModelFileError
from .expressions import IDENTIFIER

QUALIFIED_MODULE = '_brian2'
# Names the plot function gives its own local variables, or calls.
PLOT_LOCALS = ('plt', 'figure', 'axes', 'len')
# The GSL solver's counts a group has with save_step_count and save_failed_steps.
SOLVER_COUNTS = ('_step_count', '_failed_steps')


def check_name(name, obj, fld):
    """A model name that can be a Python name: ASCII letters, digits and "_",
    not starting with "_" or a digit, not a Python keyword."""
    if not isinstance(name, str) or not IDENTIFIER.match(name) or keyword.iskeyword(name):
        raise ModelFileError(obj, fld, "'%s' cannot be a name in a Brian2 script (letters, digits "
                             "and '_', starting with a letter, not a Python keyword)" % (name,))
    return name


def check_recorded_name(name, obj, fld):
    """A variable a monitor records: a Python name, or one of the GSL
    solver's counts (`_step_count`, `_failed_steps`), which Brian2 names so."""
    return name if name in SOLVER_COUNTS else check_name(name, obj, fld)


class ScriptNames:
    """Allocates the script's names; `api(name)` is how the script calls a
    Brian2 function, `variable(name)` the Python variable of a model object."""

    def __init__(self, fixed, api_names):
        self.fixed = set(fixed)                       # constants and functions
        self.qualified = self.fixed & set(api_names)  # API names they shadow
        self.taken = self.fixed | set(api_names) | set(PLOT_LOCALS)
        self.variables = {}

    def api(self, name):
        return '%s.%s' % (QUALIFIED_MODULE, name) if name in self.qualified else name

    def needs_module(self):
        return bool(self.qualified)

    def variable(self, model_name):
        """The Python variable for the object `model_name`, allocated on first use."""
        if model_name not in self.variables:
            self.variables[model_name] = self.fresh(model_name)
        return self.variables[model_name]

    def fresh(self, base):
        """An unused name starting with `base`, taken from now on."""
        name = base
        while name in self.taken or keyword.iskeyword(name):
            name += '_'
        self.taken.add(name)
        return name
