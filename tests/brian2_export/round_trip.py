#!/usr/bin/python3
"""import(export(model)) for tests/tst_export_brian2.cpp: imports scripts
exported by `spikestudio export-brian2` with Spike Studio's importer (one
process, one script after the other) and compares each imported model with
the model it was exported from, after normalising what may differ in form
but not in meaning.

usage: round_trip.py OUTROOT MODEL.json=SCRIPT.py...

Writes OUTROOT/<script name>.json (the imported model) and
OUTROOT/<script name>.diff: empty when the models are the same, else one
line per difference; a failed import leaves its one-line message there.

Same means: the same groups, synapses, PoissonInputs and monitors in the
same order (groups and Synapses objects that draw no random numbers may
come later: they draw nothing), with the same names (PoissonInputs: Brian2
names them itself),
fields and values; equations as Brian2 parses them; code one statement a
line; quantities (constants, dt, the duration, times, fixed rates, delays
and refractory periods) by their values in SI units; a GSL method's options
in any order, by their values; the seed; a protocol's segments, their
durations by value and their entries (seed entries included) as `initial`'s,
new spikes by their times' and period's values, a TimedArray's new values
as the model's TimedArrays, the default clock's new dt by its value;
BinomialFunctions by name in any order (the importer lists them as the code
first calls them), p by its value. The model's
name and description are the importer's own; constants that no code uses
(folded into the others by Python) are not carried over. Links are compared
by the array each neuron reads (Brian2 keeps a link to a subgroup or to
another linked variable as an index into the array behind it).
"""
import os
import re
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'reference'))

from brian_reference import import_brian2, load_model  # noqa: E402
from brian_reference.quantities import NotConstant, QuantityEvaluator  # noqa: E402
from brian2spikestudio.errors import ImportFailure  # noqa: E402
from brian2spikestudio.model_file import is_dt_entry  # noqa: E402

MISSING = object()


class Normaliser:
    """One model's texts and quantities in a form both models share."""

    def __init__(self, model):
        from brian2.equations.equations import Equations
        from brian2spikestudio.equations_text import code_text, equations_text
        from brian2.utils.stringtools import get_identifiers
        self.equations = lambda text: equations_text(Equations(str(text)))
        self.code = lambda text: code_text(str(text))
        self.identifiers = get_identifiers
        self.evaluator = QuantityEvaluator()
        self.constants = {}
        for name, text in model.get('constants', {}).items():
            value = self.evaluator.evaluate(text, 'constants', name)
            self.evaluator.define(name, value)
            self.constants[name] = value

    def quantity(self, text):
        """A fixed value as (SI number, dimensions), else the text stripped."""
        if text is MISSING:
            return MISSING
        try:
            value = self.evaluator.evaluate(text, '', '')
        except NotConstant:
            return str(text).strip()
        brian2 = import_brian2()
        return float(brian2.asarray(value)), tuple(brian2.get_dimensions(value)._dims)

    def text(self, value):
        return MISSING if value is MISSING else str(value).strip()


def compare(path, a, b, differences):
    if a != b:
        differences.append('%s: %r != %r' % (path, a, b))


def compare_fields(path, original, imported, rules, differences):
    for key in sorted(set(original) | set(imported)):
        rule = rules.get(key)
        if rule is None:
            compare('%s.%s' % (path, key), original.get(key, MISSING), imported.get(key, MISSING),
                    differences)
            continue
        left, right = rule[0](original.get(key, MISSING)), rule[1](imported.get(key, MISSING))
        compare('%s.%s' % (path, key), left, right, differences)


def initial_rule(normal):
    def rule(initial):
        if initial is MISSING:
            return MISSING
        if isinstance(initial, dict):
            return [(k, normal.text(v)) for k, v in initial.items()]
        return [assignment(entry, normal) for entry in initial]
    return rule


def assignment(entry, normal):
    """One entry of `initial` in its list form: numbers in SI units, slices
    as (start, stop, step), a single index as a list of one."""
    from brian2spikestudio.assignments import parse_slice
    result = {}
    for key, value in entry.items():
        if key == 'value' and isinstance(value, list):
            unit = normal.quantity(entry.get('unit', '1') or '1')
            result[key] = ([float(v) * unit[0] for v in value], unit[1])
        elif key in ('index', 'pre', 'post'):
            result[key] = (parse_slice(value) if isinstance(value, str)
                           else value if isinstance(value, list) else [value])
        elif key != 'unit':
            result[key] = normal.text(value)
    return sorted(result.items())


def protocol_rule(protocol, normal):
    """A protocol's segments: each duration by its value, each `set` entry as
    an entry of `initial`, as new spikes, as a TimedArray's new values, or as
    the default clock's new dt."""
    if protocol is MISSING:
        return MISSING
    return [(normal.quantity(segment['duration']),
             [set_entry(entry, normal) for entry in segment.get('set', [])])
            for segment in protocol]


def set_entry(entry, normal):
    if 'times' in entry:
        return spikes(entry, normal)
    if 'timed_array' in entry:
        return replacement(entry, normal)
    if is_dt_entry(entry):
        return [('dt', normal.quantity(entry['dt']))]
    return assignment(entry, normal)


def replacement(entry, normal):
    """A `set` entry replacing a TimedArray: its grid step and values in SI units."""
    fields = {key: value for key, value in entry.items() if key != 'timed_array'}
    values = timed_array_values(dict(fields, name=entry['timed_array']), normal)
    return sorted(dict(values, dt=normal.quantity(entry['dt'])).items())


def spikes(entry, normal):
    """A `set` entry of new spikes: its times and period by their values."""
    return sorted({'object': entry['object'], 'indices': entry['indices'],
                   'times': [normal.quantity(t) for t in entry['times']],
                   'period': normal.quantity(entry.get('period', MISSING))}.items())


def field_rules(normal):
    """field -> how one model's value of it is normalised."""
    def optional(function):
        return lambda value: MISSING if value is MISSING else function(value)

    return {
        'equations': optional(normal.equations),
        'model': lambda text: normal.equations('' if text is MISSING else text),
        'reset': optional(normal.code), 'on_pre': optional(normal.code),
        'on_post': optional(normal.code), 'threshold': normal.text, 'weight': normal.text,
        'refractory': normal.quantity, 'rates': normal.quantity, 'delay': normal.quantity,
        'dt': normal.quantity, 'period': normal.quantity, 'rate': normal.quantity,
        'initial': initial_rule(normal),
        'times': optional(lambda times: [normal.quantity(t) for t in times]),
        'connect': optional(lambda connect: [connect_call(c, normal) for c in connect]
                            if isinstance(connect, list) else connect_call(connect, normal)),
        'record': lambda record: True if record is MISSING else record,
        'pathways': optional(lambda pathways: [pathway_rule(p, normal) for p in pathways]),
        'run_regularly': optional(lambda entries: [run_regularly_entry(e, normal)
                                                   for e in entries]),
        'method_options': optional(lambda options: method_options(options, normal)),
    }


def method_options(options, normal):
    """A GSL method's options in any order, flags as booleans, the others by value."""
    def value(text):
        if isinstance(text, bool) or text in ('True', 'False'):
            return text in (True, 'True')
        return normal.quantity(text)
    return sorted((key, value(text)) for key, text in options.items())


def connect_call(connect, normal):
    """One connect object: index lists and flags as they are, expressions normalised."""
    return {k: (v if isinstance(v, (list, bool)) else normal.text(v)) for k, v in connect.items()}


def pathway_rule(pathway, normal):
    """A pathway with its code and delay normalised; the event 'spike' is the default."""
    return {'name': pathway['name'], 'direction': pathway['direction'],
            'code': normal.code(pathway['code']),
            'delay': normal.quantity(pathway.get('delay', '0*second')),
            'event': pathway.get('event', 'spike')}


def run_regularly_entry(entry, normal):
    result = dict(entry, code=normal.code(entry['code']))
    if 'dt' in entry:
        result['dt'] = normal.quantity(entry['dt'])
    return result


def object_rules(original, imported):
    """field -> (normalise the original's value, normalise the imported's value)."""
    left, right = field_rules(original), field_rules(imported)
    return {key: (left[key], right[key]) for key in left}


# Fields whose fixed values the script computes in Python: the importer gets
# their values, not the names of the constants they use.
VALUE_FIELDS = ('rates', 'rate', 'delay', 'refractory', 'dt', 'period', 'times',
                'method_options')
FLAGS = (True, False, 'True', 'False')


def used_names(model, normal):
    """Every identifier the model's Brian2 code uses (constants referenced
    only by values the script computes are folded into those values)."""
    names = set()

    def visit(value):
        if isinstance(value, str):
            names.update(normal.identifiers(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in VALUE_FIELDS or not is_fixed(item):
                    visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)
    def is_fixed(item):
        items = (item if isinstance(item, list) else list(item.values())
                 if isinstance(item, dict) else [item])
        return all(x in FLAGS or not isinstance(normal.quantity(x), str) for x in items)

    for kind in ('groups', 'synapses', 'poisson_inputs'):
        visit(model[kind])
    return names


def resolved_links(model):
    """The model with each group's links followed to the arrays behind them:
    the whole group, its variable, and the element each neuron reads (None
    for a shared variable, which Brian2 reads without an index)."""
    groups = {spec['name']: spec for spec in model.get('groups', [])}
    slices = {}
    for spec in groups.values():
        slices[spec['name']] = (spec['name'], 0)
        for subgroup in spec.get('subgroups', []):
            slices[subgroup['name']] = (spec['name'], subgroup['start'])

    def step(group, variable):
        for link in groups[group].get('links', []):
            if link['variable'] == variable:
                return link
        return None

    def element_map(group, link):
        whole, start = slices[link['source']]
        size = groups[group]['N']
        if 'index' in link:
            return whole, [start + k for k in link['index']]
        if groups[whole]['N'] == 1 or 'shared' in shared_variables(groups[whole]).get(
                link['source_variable'], ''):
            return whole, None
        return whole, [start + k for k in range(size)]

    resolved = dict(model, groups=[])
    for spec in model.get('groups', []):
        links = []
        for link in spec.get('links', []):
            whole, elements = element_map(spec['name'], link)
            variable = link['source_variable']
            while step(whole, variable) is not None:
                following = step(whole, variable)
                next_whole, next_elements = element_map(whole, following)
                if next_elements is None or elements is None:
                    elements = None if next_elements is None else [next_elements[0]] * spec['N']
                else:
                    elements = [next_elements[k] for k in elements]
                whole, variable = next_whole, following['source_variable']
            links.append({'variable': link['variable'], 'source': whole,
                          'source_variable': variable, 'elements': elements})
        resolved['groups'].append(dict(spec, links=links) if links else spec)
    return resolved


def shared_variables(spec):
    """Variable -> the unit and flags written after its colon, of a group's equations."""
    flags = {}
    for line in str(spec.get('equations', '')).splitlines():
        line = line.split('#', 1)[0]
        if ':' in line:
            left, right = line.rsplit(':', 1)
            target = left.split('=')[0].strip()
            differential = re.match(r'd(\w+)\s*/\s*dt$', target)
            flags[differential.group(1) if differential else target] = right
    return flags


def differences_between(original, imported):
    original, imported = resolved_links(original), resolved_links(imported)
    differences = []
    a, b = Normaliser(original), Normaliser(imported)
    for key in ('format', 'version', 'seed'):
        compare(key, original.get(key, MISSING), imported.get(key, MISSING), differences)
    for key in ('dt', 'duration'):
        compare(key, a.quantity(original.get(key, '0.1*ms' if key == 'dt' else MISSING)),
                b.quantity(imported.get(key, '0.1*ms' if key == 'dt' else MISSING)), differences)
    compare('protocol', protocol_rule(original.get('protocol', MISSING), a),
            protocol_rule(imported.get('protocol', MISSING), b), differences)
    used = used_names(original, a)
    expected = {name: value for name, value in a.constants.items() if name in used}
    compare('constants', sorted(expected), sorted(b.constants), differences)
    for name in set(expected) & set(b.constants):
        compare('constants.' + name, a.quantity(name), b.quantity(name), differences)
    compare('binomial_functions', binomial_functions(original, a),
            binomial_functions(imported, b), differences)
    rules = object_rules(a, b)
    for kind in ('timed_arrays', 'groups', 'synapses', 'poisson_inputs', 'monitors'):
        left, right = original.get(kind, []), imported.get(kind, [])
        if kind in ('groups', 'synapses'):  # the importer orders by first random draw
            right = sorted(right, key=lambda spec: [x['name'] for x in left].index(spec['name'])
                           if spec['name'] in [x['name'] for x in left] else len(left))
        compare(kind + ' count', len(left), len(right), differences)
        for index, (x, y) in enumerate(zip(left, right)):
            if kind == 'poisson_inputs':  # named by Brian2 in creation order
                x, y = dict(x, name=index), dict(y, name=index)
            if kind == 'timed_arrays':
                x, y = timed_array_values(x, a), timed_array_values(y, b)
            compare_fields('%s[%d]' % (kind, index), x, y, rules, differences)
    return differences


def binomial_functions(model, normal):
    """A model's BinomialFunctions sorted by name: n, p by its value, and
    whether approximated (the default when absent)."""
    return sorted((spec['name'], spec['n'], normal.quantity(spec['p']),
                   spec.get('approximate', True))
                  for spec in model.get('binomial_functions', []))


def timed_array_values(spec, normal):
    """A TimedArray's values in SI units."""
    unit = normal.quantity(spec.get('unit', '1') or '1')
    scale = unit[0] if isinstance(unit, tuple) else 1.0
    values = spec['values']
    rows = values if values and isinstance(values[0], list) else [values]
    return {'name': spec['name'], 'dt': spec['dt'],
            'dims': unit[1] if isinstance(unit, tuple) else (),
            'values': [[float(v) * scale for v in row] for row in rows]}


def round_trip(outroot, model_path, script):
    from brian2spikestudio.importer import import_script
    name = os.path.splitext(os.path.basename(script))[0]
    imported_path = os.path.join(outroot, name + '.json')
    try:
        import_script(script, imported_path)
        differences = differences_between(load_model(model_path), load_model(imported_path))
    except ImportFailure as failure:
        differences = ['import failed: %s' % failure]
    with open(os.path.join(outroot, name + '.diff'), 'w') as report:
        report.write(''.join(line + '\n' for line in differences))


def main(outroot, pairs):
    import_brian2()
    os.makedirs(outroot, exist_ok=True)
    for pair in pairs:
        model_path, script = pair.split('=', 1)
        round_trip(outroot, model_path, script)


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().split('\n\n')[1])
    main(sys.argv[1], sys.argv[2:])
