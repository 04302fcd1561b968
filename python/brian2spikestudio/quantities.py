"""Brian2 values as model text that Spike Studio reads back as the very same
doubles: "-70*mV" where that is exact, else the SI value ("0.0123*volt").
Unit names are those both Brian2 and Spike Studio know."""
import math
import numbers

import numpy as np

from .errors import ImportFailure

# Brian2's base dimensions, in the order of Dimension._dims.
BASE_UNITS = ('metre', 'kilogram', 'second', 'amp', 'kelvin', 'mole', 'candela')


def dims(metre=0, kilogram=0, second=0, amp=0, kelvin=0, mole=0, candela=0):
    return (metre, kilogram, second, amp, kelvin, mole, candela)


# Units of value 1 with a name of their own, most familiar first; every
# name is one Spike Studio's unit registry knows.
NAMED_UNITS = (
    ('volt', dims(2, 1, -3, -1)), ('amp', dims(amp=1)), ('second', dims(second=1)),
    ('siemens', dims(-2, -1, 3, 2)), ('farad', dims(-2, -1, 4, 2)), ('ohm', dims(2, 1, -3, -2)),
    ('Hz', dims(second=-1)), ('metre', dims(metre=1)), ('coulomb', dims(second=1, amp=1)),
    ('mole', dims(mole=1)), ('kelvin', dims(kelvin=1)), ('kilogram', dims(kilogram=1)),
    ('newton', dims(1, 1, -2)), ('joule', dims(2, 1, -2)), ('watt', dims(2, 1, -3)),
    ('pascal', dims(-1, 1, -2)), ('weber', dims(2, 1, -2, -1)), ('tesla', dims(0, 1, -2, -1)),
    ('henry', dims(2, 1, -2, -2)), ('candela', dims(candela=1)),
)
# Prefixed names for the mantissa form ("-70*mV"), as Spike Studio's registry spells
# and scales them (a prefix's scale times the unit's value 1).
PREFIXED_NAMES = {
    'volt': {1e-3: 'mV', 1e-6: 'uvolt', 1e3: 'kvolt'},
    'amp': {1e-3: 'mA', 1e-6: 'uA', 1e-9: 'nA', 1e-12: 'pA'},
    'second': {1e-3: 'ms', 1e-6: 'us'},
    'siemens': {1e-3: 'mS', 1e-6: 'uS', 1e-9: 'nS', 1e-12: 'psiemens'},
    'farad': {1e-6: 'uF', 1e-9: 'nF', 1e-12: 'pF', 1e-15: 'ffarad'},
    'ohm': {1e3: 'kohm', 1e6: 'Mohm', 1e9: 'Gohm'},
    'Hz': {1e3: 'kHz', 1e6: 'MHz'},
    'metre': {1e-2: 'cm', 1e-3: 'mm', 1e-6: 'um', 1e-9: 'nmetre'},
    'mole': {1e-3: 'mmole', 1e-6: 'umole'},
}
MAX_REST_POWER = 3  # "siemens/metre**2": a named unit times metres and seconds up to the 3rd power


def is_dimensionless(dim):
    return all(power == 0 for power in dim)


def power_text(power):
    return str(int(power)) if float(power).is_integer() else repr(float(power))


def product_text(factors):
    """"volt/metre/second" from [('volt', 1), ('metre', -1), ('second', -1)]:
    without brackets, which Brian2's grammar for an equation's unit has not."""
    def factor(name, power):
        return name if abs(power) == 1 else '%s**%s' % (name, power_text(abs(power)))
    above = [factor(n, p) for n, p in factors if p > 0]
    below = [factor(n, p) for n, p in factors if p < 0]
    text = '*'.join(above) if above else '1'
    if below:
        text += ''.join('/' + factor_text for factor_text in below)
    return text


def named_unit_factors(dim):
    """The shortest way to write `dim` as a named unit times powers of metre and
    second ("siemens/metre**2", "volt/second"), or None."""
    best = None
    for name, unit_dim in NAMED_UNITS:
        rest = [d - u for d, u in zip(dim, unit_dim)]
        metre, second = rest[0], rest[2]
        if any(rest[k] for k in (1, 3, 4, 5, 6)) or not all(
                float(p).is_integer() and abs(p) <= MAX_REST_POWER for p in (metre, second)):
            continue
        cost = abs(metre) + abs(second)
        if best is None or cost < best[0]:
            factors = [(name, 1)] + [(n, p) for n, p in (('metre', metre), ('second', second)) if p]
            best = (cost, factors)
    return best[1] if best else None


def unit_text(dim):
    """The unit of `dim` (a 7-tuple of powers) as Spike Studio reads it: "1",
    "volt", "siemens/metre**2", else a product of SI base units."""
    dim = tuple(float(p) for p in dim)
    if is_dimensionless(dim):
        return '1'
    factors = named_unit_factors(dim)
    if factors is None:
        factors = [(name, power) for name, power in zip(BASE_UNITS, dim) if power]
    return product_text(factors)


def number_text(value):
    """A number as a model expression: integers as integers, doubles exactly."""
    if isinstance(value, (bool, np.bool_)):
        return 'True' if value else 'False'
    if isinstance(value, numbers.Integral):
        return str(int(value))
    value = float(value)
    if math.isnan(value):
        raise ValueError('NaN')
    if math.isinf(value):
        return 'inf' if value > 0 else '-inf'
    return repr(value)


def mantissa_text(value, scale):
    """The shortest number text m with m * scale == value exactly, or None."""
    mantissa = value / scale
    for digits in range(1, 18):
        text = plain_number(float('%.*g' % (digits, mantissa)))
        if float(text) * scale == value:
            return text
    return None


def plain_number(value):
    """repr() without a trailing ".0": "70", "0.1", "1e-05"."""
    text = repr(value)
    return text[:-2] if text.endswith('.0') else text


def quantity_text(value, dim):
    """A value in SI units with dimensions `dim` as an exact model expression,
    the shortest among the unit's familiar prefixes ("0.1*ms", "-70*mV")."""
    value = float(value)
    dim = tuple(float(p) for p in dim)
    if math.isnan(value):
        raise ValueError('NaN')
    if is_dimensionless(dim):
        return number_text(value)
    unit = unit_text(dim)
    if math.isinf(value):
        return '%s*%s' % ('inf' if value > 0 else '-inf', unit)
    if value == 0:
        return '0*%s' % unit
    candidates = [(1.0, unit)] + sorted(PREFIXED_NAMES.get(unit, {}).items())
    best = None
    for scale, name in candidates:
        text = mantissa_text(value, scale)
        if text is not None:
            text = '%s*%s' % (text, name)
            familiar = 1 <= abs(value) / scale < 1000
            if best is None or (len(text), not familiar) < (len(best[0]), not best[1]):
                best = (text, familiar)
    return best[0] if best else '%s*%s' % (plain_number(value), unit)


def dimensions_of(value):
    """The 7-tuple of powers of a Brian2 quantity, unit or plain number."""
    dim = getattr(value, 'dim', None)
    return tuple(dim._dims) if dim is not None else dims()


def value_text(value, where, what):
    """A scalar Brian2 value (a Quantity, number or boolean) as model text;
    ImportFailure for NaN, which no model can hold."""
    try:
        if isinstance(value, (bool, np.bool_)) or (
                isinstance(value, (numbers.Integral, np.integer)) and not hasattr(value, 'dim')):
            return number_text(value)
        return quantity_text(float(np.asarray(value)), dimensions_of(value))
    except ValueError:
        raise ImportFailure(where, '%s is NaN, which a model cannot hold' % what)


def time_text(seconds, where, what):
    """A time in seconds (a float or a Quantity) as model text."""
    try:
        return quantity_text(float(np.asarray(seconds)), dims(second=1))
    except ValueError:
        raise ImportFailure(where, '%s is NaN, which a model cannot hold' % what)


def dimension_text(dim):
    """A Brian2 Dimension as Spike Studio's messages write it: "1", "V",
    else Brian2's product of base units ("m^2 kg s^-4 A^-1")."""
    from brian2.units.fundamentalunits import get_unit
    return '1' if dim.is_dimensionless else str(get_unit(dim))
