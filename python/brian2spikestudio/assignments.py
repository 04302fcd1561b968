"""`initial` in its list form (docs/model-format.md, "Initial values"): each
entry sets `variable` to `value` for the elements `index`, `condition` or, on
a Synapses object, `pre` and `post` select, in the order written; a seed
entry (`{"seed": 13579}`) reseeds the random stream between them. Checking an
entry's shape as Spike Studio's reader does, and turning its selection into
what Brian2 indexes with (an object, or Python text for the exporter). Needs
no Brian2."""
import re

from .model_file import ModelFileError, check_seed_entry, is_seed_entry

SLICE = re.compile(r'\s*(\d*)\s*:\s*(\d*)\s*(?::\s*(\d*)\s*)?')
ENTRY_FIELDS = ('variable', 'value', 'unit', 'index', 'condition', 'pre', 'post')


def is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def parse_slice(text):
    """(start, stop, step) of 'start:stop:step' (stop None: to the end), else None."""
    match = SLICE.fullmatch(text)
    if not match:
        return None
    start, stop, step = match.groups()
    step = int(step) if step else 1
    if step < 1:
        return None
    return int(start) if start else 0, int(stop) if stop else None, step


def check_selection(entry, key, name, field):
    value = entry.get(key)
    if value is None:
        return
    if isinstance(value, str):
        if parse_slice(value) is None:
            raise ModelFileError(name, field + '.' + key, "expected a slice 'start:stop' or "
                                 "'start:stop:step' of non-negative whole numbers (step at "
                                 "least 1), got '%s'" % value)
        return
    items = value if isinstance(value, list) else [value]
    if not items or not all(is_integer(k) and k >= 0 for k in items):
        raise ModelFileError(name, field + '.' + key, 'expected a non-negative whole number, a '
                             "list of them or a slice 'start:stop'")


def check_entry(entry, name, position, synapses):
    field = 'initial[%d]' % position
    if not isinstance(entry, dict):
        raise ModelFileError(name, field, "expected an object with 'variable' and 'value'")
    for key in entry:
        if key not in ENTRY_FIELDS:
            raise ModelFileError(name, field + '.' + key, "unknown field '%s'" % key)
        if key in ('pre', 'post') and not synapses:
            raise ModelFileError(name, field + '.' + key,
                                 "'%s' only applies to a Synapses object's values" % key)
    for key in ('variable', 'value'):
        if key not in entry:
            raise ModelFileError(name, field + '.' + key, "missing field '%s'" % key)
    if not isinstance(entry['variable'], str):
        raise ModelFileError(name, field + '.variable', 'expected a variable name')
    value = entry['value']
    if isinstance(value, list):
        if not value or not all(map(is_number, value)):
            raise ModelFileError(name, field + '.value', 'expected a list of numbers')
        if 'unit' in entry and not isinstance(entry['unit'], str):
            raise ModelFileError(name, field + '.unit', 'expected a unit expression as a string')
    elif 'unit' in entry:
        raise ModelFileError(name, field + '.unit', 'a unit applies only to a list of numbers')
    elif not isinstance(value, (str, int, float)):
        raise ModelFileError(name, field + '.value',
                             'expected an expression, a number or a list of numbers')
    for key in ('index', 'pre', 'post'):
        check_selection(entry, key, name, field)
    if 'condition' in entry:
        if not isinstance(entry['condition'], str):
            raise ModelFileError(name, field + '.condition',
                                 'expected a boolean expression as a string')
        if any(key in entry for key in ('index', 'pre', 'post')):
            raise ModelFileError(name, field + '.condition', "a condition cannot be combined "
                                 "with 'index', 'pre' or 'post'")
        if isinstance(value, list):
            raise ModelFileError(name, field + '.value', 'with a condition the value must be '
                                 'an expression or one number (as in Brian2), not a list')
    if 'index' in entry and ('pre' in entry or 'post' in entry):
        raise ModelFileError(name, field + '.index', "'index' selects synapses by number; it "
                             "cannot be combined with 'pre' or 'post'")


def check_assignments(entries, name, synapses):
    for position, entry in enumerate(entries):
        if is_seed_entry(entry):
            check_seed_entry(entry, name, 'initial[%d]' % position)
        else:
            check_entry(entry, name, position, synapses)


def entries_of(spec):
    """`initial` as a list of entries, whichever form the file uses."""
    initial = spec.get('initial', {})
    if isinstance(initial, dict):
        return [{'variable': variable, 'value': value} for variable, value in initial.items()]
    return initial


def selection_object(value):
    """One axis as Brian2 indexes it: a slice, a list, or an integer."""
    if value is None:
        return slice(None)
    if isinstance(value, str):
        start, stop, step = parse_slice(value)
        return slice(start, stop, step)
    return value


def brian2_item(entry):
    """What `obj.var[item] = ...` takes for this entry; None for every element."""
    if 'condition' in entry:
        return entry['condition']
    if 'pre' in entry or 'post' in entry:
        return selection_object(entry.get('pre')), selection_object(entry.get('post'))
    if 'index' in entry:
        return selection_object(entry['index'])
    return None


def selection_text(value):
    if value is None:
        return ':'
    if isinstance(value, str):
        start, stop, step = parse_slice(value)
        text = '%s:%s' % (start or '', '' if stop is None else stop)
        return text + (':%d' % step if step != 1 else '')
    return repr(value)


def brian2_item_text(entry):
    """The brackets Brian2 code writes after `G.v` for this entry ('' for all)."""
    if 'condition' in entry:
        return '[%r]' % entry['condition']
    if 'pre' in entry or 'post' in entry:
        return '[%s, %s]' % (selection_text(entry.get('pre')), selection_text(entry.get('post')))
    if 'index' in entry:
        return '[%s]' % selection_text(entry['index'])
    return ''
