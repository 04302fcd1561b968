"""Brian2's BinomialFunction(n, p, approximate) as the model's
`binomial_functions` (docs/model-format.md).

Brian2 keeps neither n, p nor approximate on the function (it keeps code
made from them), so a hook on BinomialFunction.__init__, installed when this
package's capture is imported (before a script or a network makes any),
notes them on every instance. Code calls a function by the name it has in
the namespace the code resolves (`f()` for `f = BinomialFunction(...)`), not
by its Brian2 name (`_binomial`, `_binomial_1`, ...): the model's function
takes that name, as its code text is the script's. A PoissonInput makes a
BinomialFunction of its own, which its code calls: the PoissonInput is the
model's (`poisson_inputs`), its function is not."""
import functools

import numpy as np
from brian2.input.binomial import BinomialFunction
from brian2.utils.stringtools import get_identifiers

from .errors import ImportFailure

PARAMETERS = 'spikestudio_parameters'  # the attribute the hook sets: (n, p, approximate)
LARGEST_N = 2 ** 31 - 1  # the model's limit for n (and numpy's C long on 32-bit systems)


def install_binomial_hook():
    """BinomialFunction.__init__ notes its n, p and approximate on the
    instance (for every device: it changes nothing else)."""
    if getattr(BinomialFunction, 'spikestudio_hooks', False):
        return
    original = BinomialFunction.__init__

    @functools.wraps(original)
    def init(self, n, p, approximate=True, name='_binomial*'):
        original(self, n, p, approximate=approximate, name=name)
        setattr(self, PARAMETERS, (n, p, approximate))

    BinomialFunction.__init__ = init
    BinomialFunction.spikestudio_hooks = True


def is_binomial_function(value):
    return isinstance(value, BinomialFunction)


def calls_binomial_function(text, obj, namespace):
    """Whether Brian2 code `text` of `obj` calls a BinomialFunction, its names
    resolved as Brian2 resolves them (`namespace`: the run's or the line's)."""
    for name in get_identifiers(text):
        if name in obj.variables:
            continue
        try:
            resolved = obj._resolve_external(name, run_namespace=namespace or {})
        except Exception:  # not a name Brian2 resolves: Brian2 says so itself
            continue
        if is_binomial_function(resolved):
            return True
    return False


def parameters(function, name, where):
    """(n, p, approximate) of `function`, called `name` in code, as the model
    holds them: n a Python int, p a float, approximate a bool."""
    noted = getattr(function, PARAMETERS, None)
    if noted is None:
        raise ImportFailure(where, "the BinomialFunction '%s' (Brian2's '%s') was made before "
                            'brian2spikestudio was imported, so its n and p are unknown: '
                            'import brian2spikestudio before making it' % (name, function.name))
    n, p, approximate = noted
    what = "the BinomialFunction '%s'" % name
    n_value = float(np.asarray(n))
    if not (n_value.is_integer() and 0 <= n_value <= LARGEST_N):
        raise ImportFailure(where, '%s: n must be a whole number from 0 to %d, got %s'
                            % (what, LARGEST_N, n))
    p_value = float(np.asarray(p))
    if not 0.0 <= p_value <= 1.0:  # NaN too
        raise ImportFailure(where, '%s: p must be a probability from 0 to 1, got %r'
                            % (what, p_value))
    return int(n_value), p_value, bool(approximate)


def same_parameters(a, b):
    """Whether two BinomialFunctions draw alike (both from numpy's one stream)."""
    return a is b or (getattr(a, PARAMETERS, None) is not None
                      and call_text(a) == call_text(b))


def call_text(function):
    """`BinomialFunction(100, 0.1, approximate=False)`, as a script makes it."""
    noted = getattr(function, PARAMETERS, None)
    if noted is None:
        return "BinomialFunction('%s', made before brian2spikestudio was imported)" % (
            function.name)
    n, p, approximate = noted
    n_value = float(np.asarray(n))
    n_text = repr(int(n_value)) if n_value.is_integer() else repr(n_value)
    text = 'BinomialFunction(%s, %r' % (n_text, float(np.asarray(p)))
    return text + (')' if approximate else ', approximate=False)')


def binomial_function_spec(name, function, where):
    """The model's entry for `function`, called `name` in code."""
    n, p, approximate = parameters(function, name, where)
    spec = {'name': name, 'n': n, 'p': repr(p)}
    if not approximate:
        spec['approximate'] = False
    return spec
