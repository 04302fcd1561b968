"""Reading a Spike Studio model file (format version 1, docs/model-format.md)
and checking its shape the way Spike Studio's reader does: valid JSON without
duplicate keys, the format tag and version, no unknown or missing fields,
every value of the right kind, names that are unique and references to
objects that exist. What the expressions mean is left to the reader's user
(Brian2 for tests/reference/brian_ref.py; the exporter checks what it writes
as Python). Needs no Brian2."""
import json
import re


class ModelFileError(Exception):
    """Bad input. The message names the object and the field first, as Spike
    Studio's own messages do: "'P', field 'N': expected an integer"."""

    def __init__(self, obj, fld, problem):
        where = ', '.join(part for part in (
            "'%s'" % obj if obj else '', "field '%s'" % fld if fld else '') if part)
        super().__init__('%s: %s' % (where, problem) if where else problem)

FORMAT_TAG = 'spikestudio-model'
FORMAT_VERSION = 1
IDENTIFIER = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')


def refuse_duplicate_keys(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ModelFileError('', '', "duplicate key '%s' in one JSON object" % key)
        result[key] = value
    return result


def refuse_constant(name):
    raise ModelFileError('', '', 'invalid JSON: %s is not a JSON number' % name)


def read_json(path):
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except OSError as error:
        raise ModelFileError('', '', 'cannot read the model file (%s)' % error.strerror)
    except UnicodeDecodeError:
        raise ModelFileError('', '', 'the model file is not UTF-8 text')
    try:
        return json.loads(text, object_pairs_hook=refuse_duplicate_keys,
                          parse_constant=refuse_constant)
    except json.JSONDecodeError as error:
        raise ModelFileError('', '', 'invalid JSON at line %d, column %d'
                             % (error.lineno, error.colno))
    except RecursionError:
        raise ModelFileError('', '', 'invalid JSON: nested too deeply')


# What each kind of value may be in the file (the same rules as core/model/ModelReader).
NAME, EXPRESSION, INTEGER, INTEGERS, NAMED, LIST, OBJECT, RECORD, STRINGS, INITIAL, BOOL, \
    CONNECT = range(12)

MODEL_FIELDS = {
    'format': NAME, 'version': INTEGER, 'name': EXPRESSION, 'description': EXPRESSION,
    'dt': EXPRESSION, 'duration': EXPRESSION, 'seed': INTEGER,
    'legacy_refractory_timing': BOOL, 'constants': NAMED,
    'timed_arrays': LIST, 'binomial_functions': LIST, 'groups': LIST, 'synapses': LIST, 'poisson_inputs': LIST,
    'monitors': LIST, 'protocol': LIST}
GROUP_FIELDS = {
    'NeuronGroup': {'equations': EXPRESSION, 'threshold': EXPRESSION, 'reset': EXPRESSION,
                    'refractory': EXPRESSION, 'method': EXPRESSION, 'method_options': NAMED, 'initial': INITIAL,
                    'subgroups': LIST, 'events': LIST, 'run_regularly': LIST, 'links': LIST,
                    'order': INTEGER},
    'PoissonGroup': {'rates': EXPRESSION, 'subgroups': LIST, 'order': INTEGER},
    'SpikeGeneratorGroup': {'indices': INTEGERS, 'times': LIST, 'period': EXPRESSION,
                            'when': NAME, 'order': INTEGER},
}
GROUP_COMMON = {'name': NAME, 'type': NAME, 'N': INTEGER, 'dt': EXPRESSION, 'active': BOOL}
GROUP_REQUIRED = {'NeuronGroup': ('equations',), 'PoissonGroup': ('rates',),
                  'SpikeGeneratorGroup': ('indices', 'times')}
SYNAPSES_FIELDS = {
    'name': NAME, 'source': NAME, 'target': NAME, 'model': EXPRESSION, 'on_pre': EXPRESSION,
    'on_post': EXPRESSION, 'connect': CONNECT, 'multisynaptic_index': NAME, 'delay': EXPRESSION,
    'pathways': LIST, 'method': EXPRESSION, 'dt': EXPRESSION, 'initial': INITIAL,
    'run_regularly': LIST, 'order': INTEGER, 'active': BOOL}
CONNECT_FIELDS = {'condition': EXPRESSION, 'p': EXPRESSION, 'n': EXPRESSION,
                  'skip_if_invalid': BOOL}
TIMED_ARRAY_FIELDS = {'name': NAME, 'dt': EXPRESSION, 'unit': EXPRESSION, 'values': LIST}
BINOMIAL_FUNCTION_FIELDS = {'name': NAME, 'n': INTEGER, 'p': EXPRESSION, 'approximate': BOOL}
POISSON_INPUT_FIELDS = {'name': NAME, 'target': NAME, 'variable': NAME, 'N': INTEGER,
                        'rate': EXPRESSION, 'weight': EXPRESSION, 'when': NAME,
                        'order': INTEGER, 'active': BOOL}
MONITOR_FIELDS = {'name': NAME, 'type': NAME, 'source': NAME, 'event': NAME, 'variables': STRINGS,
                  'record': RECORD, 'dt': EXPRESSION, 'when': NAME, 'order': INTEGER,
                  'active': BOOL}
MONITOR_TYPES = ('SpikeMonitor', 'StateMonitor', 'PopulationRateMonitor', 'EventMonitor')
# The fields beyond name, type and source each monitor type takes.
MONITOR_OWN_FIELDS = {'StateMonitor': ('variables', 'record', 'dt', 'when', 'order'),
                      'EventMonitor': ('event', 'variables', 'record', 'when', 'order'),
                      'SpikeMonitor': ('record', 'when', 'order')}
MAX_GROUP_SIZE = 1_000_000_000


def is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def value_is(kind, value):
    if kind == NAME:
        return isinstance(value, str)
    if kind == EXPRESSION:
        return isinstance(value, (str, int, float))  # bool is an int: True/False
    if kind == INTEGER:
        return is_integer(value)
    if kind == INTEGERS:
        return is_integer(value) or (isinstance(value, list) and all(map(is_integer, value)))
    if kind == NAMED:
        return isinstance(value, dict) and all(
            isinstance(v, (str, int, float)) for v in value.values())
    if kind == INITIAL:  # an ordered map, or a list of assignments (checked on their own)
        return isinstance(value, list) or value_is(NAMED, value)
    if kind == LIST:
        return isinstance(value, list)
    if kind == OBJECT:
        return isinstance(value, dict)
    if kind == CONNECT:  # one connect object, or a list of them (each checked on its own)
        return isinstance(value, dict) or (isinstance(value, list) and len(value) > 0)
    if kind == RECORD:
        return isinstance(value, bool) or (isinstance(value, list) and all(
            is_integer(k) and k >= 0 for k in value))
    if kind == BOOL:
        return isinstance(value, bool)
    return isinstance(value, list) and all(isinstance(v, str) for v in value)  # STRINGS


EXPECTED = {NAME: 'a string', EXPRESSION: 'a string or a number', INTEGER: 'an integer',
            INTEGERS: 'a list of integers', NAMED: 'an object mapping names to expressions',
            LIST: 'an array', OBJECT: 'a JSON object',
            RECORD: 'true, false or a list of non-negative integer indices',
            STRINGS: 'a list of variable names',
            INITIAL: 'an object mapping names to expressions, or a list of assignments',
            BOOL: 'true or false',
            CONNECT: 'a connect object, or a list of at least one'}


def check_fields(obj, name, fields, required=(), prefix=''):
    """Refuses a non-object, unknown keys, missing required keys and wrong kinds;
    `prefix` names a field within a list entry ('pathways[0].')."""
    if not isinstance(obj, dict):
        raise ModelFileError(name, prefix.rstrip('.'), 'expected a JSON object')
    for key, value in obj.items():
        if key not in fields:
            raise ModelFileError(name, prefix + key, "unknown field '%s'" % key)
        if not value_is(fields[key], value):
            raise ModelFileError(name, prefix + key, 'expected ' + EXPECTED[fields[key]])
    for key in required:
        if key not in obj:
            raise ModelFileError(name, prefix + key, "missing field '%s'" % key)


def check_integer(obj, name, key, low, high):
    if not low <= obj[key] <= high:
        raise ModelFileError(name, key, 'expected an integer from %d to %d, got %d'
                             % (low, high, obj[key]))


LARGEST_SEED = 2**32 - 1
FRESH_SEED = 'fresh'  # a seed entry's seed for Brian2's seed() without a number


def is_seed_entry(entry):
    """Whether an entry of `initial` or of a segment's `set` reseeds the
    random stream there (`{"seed": 13579}`, `{"seed": "fresh"}`)."""
    return isinstance(entry, dict) and 'seed' in entry


def check_seed_entry(entry, name, field):
    """A seed entry holds `seed` alone: a whole number from 0 to 2**32 - 1
    (numpy's RandomState(n)) or "fresh" (a seed of the run's own)."""
    for key in entry:
        if key != 'seed':
            raise ModelFileError(name, '%s.%s' % (field, key), "unknown field '%s' in a seed "
                                 "entry (it has 'seed' only)" % key)
    seed = entry['seed']
    if seed != FRESH_SEED and not (is_integer(seed) and 0 <= seed <= LARGEST_SEED):
        raise ModelFileError(name, field + '.seed', 'the seed must be a whole number from 0 to '
                             '%d, or "fresh" for a new seed' % LARGEST_SEED)


def object_name(obj, fallback):
    if isinstance(obj, dict) and isinstance(obj.get('name'), str):
        return obj['name']
    return fallback


def as_list(value):
    return [value] if is_integer(value) else value


SUBGROUP_FIELDS = {'name': NAME, 'start': INTEGER, 'stop': INTEGER}


def check_subgroups(subgroups, name, size):
    """Each subgroup a named slice [start, stop) within the group, as the
    reader and checker of core/model (Subgroups.cpp) require."""
    for k, subgroup in enumerate(subgroups):
        where = 'subgroups[%d]' % k
        check_fields(subgroup, name, SUBGROUP_FIELDS, ('name', 'start', 'stop'))
        start, stop = subgroup['start'], subgroup['stop']
        if start < 0:
            raise ModelFileError(name, where + '.start', "subgroup '%s' starts at %d; a start "
                                 'must be 0 or more' % (subgroup['name'], start))
        if stop > size:
            raise ModelFileError(name, where + '.stop', "subgroup '%s' stops at %d, beyond the "
                                 "%d elements of '%s'" % (subgroup['name'], stop, size, name))
        if start >= stop:
            raise ModelFileError(name, where + '.stop', "subgroup '%s' is empty: its start %d is "
                                 'not below its stop %d (the stop is exclusive)'
                                 % (subgroup['name'], start, stop))


EVENT_FIELDS = {'name': NAME, 'condition': NAME, 'code': NAME}


def check_events(events, name):
    """Each custom event an object with a name other than 'spike', used
    once, a condition and optional code, as core/model (EventSpecReader.cpp,
    EventChecker.cpp) requires; what the condition and code mean is Brian2's."""
    seen = set()
    for k, event in enumerate(events):
        where = 'events[%d]' % k
        if not isinstance(event, dict):
            raise ModelFileError(name, where, "expected an object with 'name', 'condition' "
                                 "and optionally 'code'")
        for key, value in event.items():
            if key not in EVENT_FIELDS:
                raise ModelFileError(name, where + '.' + key, "unknown field '%s'" % key)
            if not isinstance(value, str):
                raise ModelFileError(name, where + '.' + key, 'expected a string')
        for key in ('name', 'condition'):
            if key not in event:
                raise ModelFileError(name, where + '.' + key, "missing field '%s'" % key)
        event_name = event['name']
        if not IDENTIFIER.fullmatch(event_name):
            raise ModelFileError(name, where + '.name', "'%s' is not a valid name (letters, "
                                 "digits and '_', not starting with a digit)" % event_name)
        if event_name == 'spike':
            raise ModelFileError(name, where + '.name', "'spike' is the event of the group's "
                                 'threshold; a custom event needs another name')
        if event_name in seen:
            raise ModelFileError(name, where + '.name', "the group already has an event "
                                 "called '%s'" % event_name)
        seen.add(event_name)


def check_group(group, index):
    name = object_name(group, 'groups[%d]' % index)
    if not isinstance(group, dict):
        raise ModelFileError(name, '', 'expected a JSON object')
    if 'type' not in group:
        raise ModelFileError(name, 'type', "missing field 'type'")
    kind = group['type']
    if not isinstance(kind, str) or kind not in GROUP_FIELDS:
        raise ModelFileError(name, 'type', "unknown group type '%s' (%s)"
                             % (kind, ', '.join(GROUP_FIELDS)))
    check_fields(group, name, dict(GROUP_COMMON, **GROUP_FIELDS[kind]),
                 ('name', 'type', 'N') + GROUP_REQUIRED[kind])
    check_integer(group, name, 'N', 1, MAX_GROUP_SIZE)
    check_subgroups(group.get('subgroups', []), name, group['N'])
    check_events(group.get('events', []), name)
    check_run_regularly(group.get('run_regularly', []), name,
                        {s.get('name') for s in group.get('subgroups', [])})
    check_links(group.get('links', []), name)
    check_initial(group, name, synapses=False)
    if kind == 'SpikeGeneratorGroup':
        indices = group['indices'] = as_list(group['indices'])
        if len(indices) != len(group['times']):
            raise ModelFileError(name, 'times', "'indices' and 'times' must have the same "
                                 'length (%d and %d)' % (len(indices), len(group['times'])))
        for time in group['times']:
            if not value_is(EXPRESSION, time):
                raise ModelFileError(name, 'times', 'expected a list of time expressions')


RUN_REGULARLY_FIELDS = {'name': NAME, 'code': NAME, 'dt': EXPRESSION, 'when': NAME,
                        'order': INTEGER, 'subgroup': NAME}


def check_run_regularly(operations, name, subgroups):
    for k, operation in enumerate(operations):
        where = '%s run_regularly[%d]' % (name, k)
        check_fields(operation, where, RUN_REGULARLY_FIELDS, ('code',))
        if 'subgroup' in operation and operation['subgroup'] not in subgroups:
            raise ModelFileError(where, 'subgroup', "'%s' is not one of the subgroups of '%s'"
                                 % (operation['subgroup'], name))


LINK_FIELDS = {'variable': NAME, 'source': NAME, 'source_variable': NAME, 'index': INTEGERS}


def check_links(links, name):
    for k, link in enumerate(links):
        check_fields(link, '%s links[%d]' % (name, k), LINK_FIELDS,
                     ('variable', 'source', 'source_variable'))


def check_connects(connect, name):
    """`connect`: one object, or a list of them (successive connect() calls)."""
    if isinstance(connect, dict):
        check_connect(connect, name, 'connect')
        return
    for k, call in enumerate(connect):
        check_connect(call, name, 'connect[%d]' % k)


def generator_side(connect):
    """'j' or 'i' when a connect call is Brian2's generator syntax for that
    side (its text), else None."""
    return next((key for key in ('j', 'i') if isinstance(connect.get(key), str)), None)


def check_connect(connect, name, where):
    if not isinstance(connect, dict):
        raise ModelFileError(name, where, 'expected a JSON object')
    generator = generator_side(connect)
    fields = dict(CONNECT_FIELDS, i=INTEGERS, j=INTEGERS)
    if generator:
        fields[generator] = EXPRESSION
    check_fields(connect, name, fields, prefix=where + '.')
    if generator:
        other = 'i' if generator == 'j' else 'j'
        for key in ('condition', 'p', other):
            if key in connect:
                raise ModelFileError(name, where + '.' + key, "generator syntax for '%s' cannot "
                                     "be combined with '%s'" % (generator, key))
    elif 'i' in connect or 'j' in connect:
        if 'condition' in connect:
            raise ModelFileError(name, where + '.condition',
                                 "a condition cannot be combined with 'i' and 'j'")
        if connect.get('skip_if_invalid'):
            raise ModelFileError(name, where + '.skip_if_invalid',
                                 "skip_if_invalid needs a condition or generator syntax for 'j', "
                                 "not 'i' and 'j' arrays (Brian2: 'Can only use skip_if_invalid "
                                 "with string syntax')")
        for key in ('i', 'j'):
            if key not in connect:
                raise ModelFileError(name, where + '.' + key, "missing field '%s'" % key)
            connect[key] = as_list(connect[key])
        if len(connect['i']) != len(connect['j']):
            raise ModelFileError(name, where + '.j', "'i' and 'j' must have the same length "
                                 '(%d and %d)' % (len(connect['i']), len(connect['j'])))


PATHWAY_FIELDS = {'name': NAME, 'direction': NAME, 'code': NAME, 'delay': EXPRESSION,
                  'event': NAME}


def check_pathways(synapses, name):
    """Each entry of 'pathways' as core/model (PathwaysJson.cpp, PathwayPlan.cpp)
    reads it: name, direction and code, optionally delay and event; a direction
    not also given as on_pre / on_post."""
    for k, pathway in enumerate(synapses.get('pathways', [])):
        where = 'pathways[%d]' % k
        if not isinstance(pathway, dict):
            raise ModelFileError(name, where, "expected an object with 'name', 'direction' "
                                 "and 'code'")
        check_fields(pathway, name, PATHWAY_FIELDS, ('name', 'direction', 'code'),
                     prefix=where + '.')
        direction = pathway['direction']
        if direction not in ('pre', 'post'):
            raise ModelFileError(name, where + '.direction',
                                 'expected "pre" or "post", not "%s"' % direction)
        if synapses.get('on_' + direction, '') != '':
            raise ModelFileError(name, where + '.direction',
                                 "'on_%s' and pathways of direction '%s' cannot be combined; "
                                 "write the 'on_%s' code as the pathway '%s' in 'pathways'"
                                 % ((direction,) * 4))


def check_synapses(synapses, index):
    name = object_name(synapses, 'synapses[%d]' % index)
    check_fields(synapses, name, SYNAPSES_FIELDS, ('name', 'source', 'target'))
    check_pathways(synapses, name)
    check_connects(synapses.setdefault('connect', {}), name)
    check_initial(synapses, name, synapses=True)
    check_run_regularly(synapses.get('run_regularly', []), name, subgroups=())


def check_initial(spec, name, synapses):
    from .assignments import check_assignments  # it reports with ModelFileError from here
    if isinstance(spec.get('initial'), list):
        check_assignments(spec['initial'], name, synapses)


def check_timed_array(array, index):
    name = object_name(array, 'timed_arrays[%d]' % index)
    check_fields(array, name, TIMED_ARRAY_FIELDS, ('name',))
    check_timed_array_values(array, name)


def check_timed_array_values(array, name, prefix=''):
    """`dt` and `values` of a TimedArray, of the model's or of a protocol's
    entry replacing it (`prefix` names that entry: 'protocol[1].set[0].')."""
    check_fields(array, name, TIMED_ARRAY_FIELDS, ('dt', 'values'), prefix)
    values = array['values']
    if not values:
        raise ModelFileError(name, prefix + 'values', 'a TimedArray needs at least one value')
    rows = values if isinstance(values[0], list) else [values]
    width = len(rows[0])
    for row in rows:
        if not isinstance(row, list) or len(row) != width or not width:
            raise ModelFileError(name, prefix + 'values', 'every row needs %d values' % width)
        if not all(map(is_number, row)):
            raise ModelFileError(name, prefix + 'values', 'expected numbers (a list, or a list '
                                 'of equally long lists)')


def check_binomial_function(spec, index):
    """Brian2's BinomialFunction(n, p, approximate): n a whole number, p an
    expression (Spike Studio checks it is a probability)."""
    name = object_name(spec, 'binomial_functions[%d]' % index)
    check_fields(spec, name, BINOMIAL_FUNCTION_FIELDS, ('name', 'n', 'p'))
    check_integer(spec, name, 'n', 0, 2**31 - 1)


def timed_array_columns(values):
    """0 for a TimedArray of one column (called `name(t)`), else the width
    of its table (`name(t, i)`), as Spike Studio's checker counts them."""
    return len(values[0]) if values and isinstance(values[0], list) else 0


def columns_text(columns):
    return 'one column' if columns == 0 else '%d columns' % columns


def check_poisson_input(spec, index):
    name = object_name(spec, 'poisson_inputs[%d]' % index)
    check_fields(spec, name, POISSON_INPUT_FIELDS,
                 ('name', 'target', 'variable', 'N', 'rate', 'weight'))
    check_integer(spec, name, 'N', 0, 2**31 - 1)


def check_monitor(monitor, index):
    name = object_name(monitor, 'monitors[%d]' % index)
    check_fields(monitor, name, MONITOR_FIELDS, ('name', 'type', 'source'))
    if monitor['type'] not in MONITOR_TYPES:
        raise ModelFileError(name, 'type', "unknown monitor type '%s'" % monitor['type'])
    own = MONITOR_OWN_FIELDS.get(monitor['type'], ())
    for key in ('event', 'variables', 'record', 'dt', 'when', 'order'):
        if key in monitor and key not in own:
            takers = [t for t in MONITOR_TYPES if key in MONITOR_OWN_FIELDS.get(t, ())]
            raise ModelFileError(name, key,
                                 "'%s' only applies to a %s" % (key, ' or '.join(takers)))
    if monitor['type'] != 'StateMonitor' and not isinstance(monitor.get('record', True), bool):
        raise ModelFileError(name, 'record', 'expected true or false')
    if monitor['type'] == 'StateMonitor' and 'variables' not in monitor:
        # `[]` records the times of the steps alone, as Brian2's StateMonitor(G, []).
        raise ModelFileError(name, 'variables', "missing field 'variables'")


def check_names(model):
    """Object names are unique; every reference names an object that exists."""
    owners, functions = {}, set()
    for kind in ('timed_arrays', 'binomial_functions', 'groups', 'synapses', 'poisson_inputs',
                 'monitors'):
        for spec in model[kind]:
            if not IDENTIFIER.fullmatch(spec['name']):
                raise ModelFileError(spec['name'], 'name', "'%s' is not a valid name (letters, "
                                     "digits and '_', not starting with a digit)" % spec['name'])
            if kind in ('timed_arrays', 'binomial_functions'):  # functions, beside the constants
                if spec['name'] in functions or spec['name'] in model.get('constants', {}):
                    raise ModelFileError(spec['name'], 'name', "'%s' is already a constant, "
                                         'TimedArray or BinomialFunction' % spec['name'])
                functions.add(spec['name'])
                continue
            if spec['name'] in owners:
                raise ModelFileError(spec['name'], 'name', "another object is already called "
                                     "'%s'" % spec['name'])
            owners[spec['name']] = kind
            for k, subgroup in enumerate(spec.get('subgroups', [])):  # groups only
                if subgroup['name'] in owners:
                    raise ModelFileError(spec['name'], 'subgroups[%d].name' % k, "another object "
                                         "is already called '%s'" % subgroup['name'])
                owners[subgroup['name']] = kind
    # A Synapses object may read another one or act on it (Brian2's synapses
    # on synapses).
    references = [(s, side, ('groups', 'synapses'))
                  for s in model['synapses'] for side in ('source', 'target')]
    references += [(p, 'target', ('groups',)) for p in model['poisson_inputs']]
    references += [(m, 'source', ('groups', 'synapses') if m['type'] == 'StateMonitor'
                    else ('groups',)) for m in model['monitors']]
    for spec, key, kinds in references:
        if owners.get(spec[key]) not in kinds:
            raise ModelFileError(spec['name'], key, "unknown %s '%s'" % (key, spec[key]))


def check_model(model):
    """Checks the file's shape as Spike Studio's reader does; fills in empty lists."""
    check_fields(model, 'model', MODEL_FIELDS, ('format', 'version'))
    if model['format'] != FORMAT_TAG:
        raise ModelFileError('model', 'format', 'not a Spike Studio model (expected "%s")'
                             % FORMAT_TAG)
    check_integer(model, 'model', 'version', 1, 2**31 - 1)
    if model['version'] != FORMAT_VERSION:
        raise ModelFileError('model', 'version', 'this model was written by a newer Spike '
                             'Studio (format version %d)' % model['version'])
    if 'seed' in model:
        check_integer(model, 'model', 'seed', 0, 2**32 - 1)
    for kind, check in (('timed_arrays', check_timed_array),
                        ('binomial_functions', check_binomial_function), ('groups', check_group),
                        ('synapses', check_synapses), ('poisson_inputs', check_poisson_input),
                        ('monitors', check_monitor)):
        model.setdefault(kind, [])
        for index, spec in enumerate(model[kind]):
            check(spec, index)
    check_names(model)
    check_protocol(model)
    return model


def check_protocol(model):
    """`protocol`: segments with a duration and what changes before each: values
    of groups and Synapses objects, constants, objects switched on or off, a
    SpikeGeneratorGroup's spikes, a TimedArray's values, the default clock's
    dt, the random stream reseeded (before the first segment, only that)."""
    if 'protocol' not in model:
        return
    protocol = model['protocol']
    if not protocol:
        raise ModelFileError('model', 'protocol', 'expected a non-empty list of segments')
    if 'duration' in model:
        raise ModelFileError('model', 'duration', 'a model with a protocol runs for the sum of '
                             "its segments' durations; leave 'duration' out")
    for k, segment in enumerate(protocol):
        field = 'protocol[%d]' % k
        if not isinstance(segment, dict):
            raise ModelFileError('model', field, "expected an object with 'duration'")
        for key in segment:
            if key not in ('duration', 'set'):
                raise ModelFileError('model', '%s.%s' % (field, key), "unknown field '%s'" % key)
        if not isinstance(segment.get('duration'), str):
            raise ModelFileError('model', field + '.duration', 'expected a time such as "100*ms"')
        changes = segment.get('set', [])
        if not isinstance(changes, list):
            raise ModelFileError('model', field + '.set', 'expected a list of values to set')
        for j, change in enumerate(changes):
            where = '%s.set[%d]' % (field, j)
            if k == 0 and not is_seed_entry(change):
                refuse_in_first_segment(change, where)
            check_change(model, change, where)


def refuse_in_first_segment(change, where):
    """The first segment's `set` only reseeds: what runs in it is the model's own."""
    if is_spikes_entry(change):
        raise ModelFileError('model', where, "the first segment sets no spikes: what a "
                             "SpikeGeneratorGroup emits in it is its own 'indices' and 'times'")
    if is_timed_array_entry(change):
        raise ModelFileError('model', where, "the first segment replaces no TimedArray: it reads "
                             "the model's 'timed_arrays'")
    if is_dt_entry(change):
        raise ModelFileError('model', where, "the first segment changes no dt: it runs at the "
                             "model's 'dt'")
    raise ModelFileError('model', where, "the first segment only reseeds (seed entries): what "
                         "holds before the run is the model's 'constants' and the objects' "
                         "'initial' and 'active'")


def check_change(model, change, where):
    """One entry of a segment's `set`: {"constant", "value"}, {"object", "active"},
    a seed entry, new spikes of a SpikeGeneratorGroup, new values of a
    TimedArray, the default clock's new dt, or values of a group or Synapses
    object as in its `initial` list."""
    from .assignments import check_entry  # it reports with ModelFileError from here
    if not isinstance(change, dict):
        raise ModelFileError('model', where, "expected an object with 'object', 'variable' and "
                             "'value'")
    if is_seed_entry(change):
        check_seed_entry(change, 'model', where)
        return
    if is_spikes_entry(change):
        check_spikes_entry(model, change, where)
        return
    if 'constant' in change:
        if set(change) != {'constant', 'value'} or not isinstance(change['value'], str):
            raise ModelFileError('model', where, "expected 'constant' and 'value' (an "
                                 'expression)')
        if change['constant'] not in model.get('constants', {}):
            raise ModelFileError('model', where + '.constant', "'%s' is not one of the model's "
                                 'constants' % change['constant'])
        return
    runs = {spec['name'] for kind in ('groups', 'synapses', 'poisson_inputs', 'monitors')
            for spec in model[kind]}
    if 'active' in change:
        if set(change) != {'object', 'active'} or not isinstance(change['active'], bool):
            raise ModelFileError('model', where, "expected 'object' and 'active' (true or false)")
        if change['object'] not in runs:
            raise ModelFileError('model', where + '.object', "unknown object '%s'"
                                 % change['object'])
        return
    if is_timed_array_entry(change):
        check_timed_array_entry(model, change, where)
        return
    if is_dt_entry(change):
        check_dt_entry(change, where)
        return
    groups = {spec['name'] for spec in model['groups']}
    synapses = {spec['name'] for spec in model['synapses']}
    if change.get('object') not in groups | synapses:
        raise ModelFileError('model', where + '.object',
                             'expected the name of a group or Synapses object')
    check_entry({key: value for key, value in change.items() if key != 'object'},
                change['object'], 0, change['object'] in synapses)


SPIKES_FIELDS = ('object', 'indices', 'times', 'period')


def is_spikes_entry(change):
    """Whether a segment's `set` entry gives a SpikeGeneratorGroup new spikes
    (Brian2's set_spikes(): `{"object", "indices", "times", "period"}`)."""
    return isinstance(change, dict) and ('indices' in change or 'times' in change)


def check_spikes_entry(model, change, where):
    """New spikes as the reader takes them: the group's own fields' kinds,
    on a SpikeGeneratorGroup; what the times mean is left to the checker."""
    for key in change:
        if key not in SPIKES_FIELDS:
            raise ModelFileError('model', '%s.%s' % (where, key), "unknown field '%s' in an "
                                 'entry that sets spikes' % key)
    for key in SPIKES_FIELDS[:3]:
        if key not in change:
            raise ModelFileError('model', '%s.%s' % (where, key), "missing field '%s'" % key)
    indices, times = change['indices'], change['times']
    if not isinstance(indices, list) or not all(is_integer(k) and k >= 0 for k in indices):
        raise ModelFileError('model', where + '.indices', 'expected a list of neuron indices '
                             '(whole numbers from 0)')
    if not isinstance(times, list) or not all(value_is(EXPRESSION, t) for t in times):
        raise ModelFileError('model', where + '.times', 'expected a list of times such as '
                             '"1.5*ms"')
    if len(indices) != len(times):
        raise ModelFileError('model', where + '.times', "'indices' and 'times' must have the "
                             'same length (%d and %d)' % (len(indices), len(times)))
    if not isinstance(change.get('period', ''), str):
        raise ModelFileError('model', where + '.period', 'expected a time such as "5*ms"')
    check_spike_generator_named(model, change['object'], where + '.object')


def is_timed_array_entry(change):
    """Whether a segment's `set` entry replaces a TimedArray's values
    (Brian2's `stimulus = TimedArray(...)` between runs)."""
    return isinstance(change, dict) and 'timed_array' in change


def check_timed_array_entry(model, change, where):
    """`{"timed_array", "dt", "unit", "values"}`: fields as a `timed_arrays`
    entry's, replacing one of them with as many columns; its grid step and
    unit's dimension (which must stay too) are left to the checker."""
    name = change['timed_array']
    if not isinstance(name, str) or not name:
        raise ModelFileError('model', where + '.timed_array', "expected the name of one of the "
                             "model's TimedArrays")
    if 'name' in change:
        raise ModelFileError('model', where + '.name', "unknown field 'name' in an entry that "
                             'replaces a TimedArray')
    fields = {key: value for key, value in change.items() if key != 'timed_array'}
    check_timed_array_values(fields, name, where + '.')
    replaced = next((spec for spec in model['timed_arrays'] if spec['name'] == name), None)
    if replaced is None:
        raise ModelFileError('model', where + '.timed_array', "'%s' is not one of the model's "
                             'TimedArrays' % name)
    columns = timed_array_columns(replaced['values'])
    if timed_array_columns(change['values']) != columns:
        raise ModelFileError(name, where + '.values', 'the TimedArray keeps its %s between '
                             'segments' % columns_text(columns))


def is_dt_entry(change):
    """Whether a segment's `set` entry changes the default clock's step
    (Brian2's `defaultclock.dt = 0.05*ms` between runs: `{"dt": "0.05*ms"}`);
    a TimedArray's entry has a `dt` of its own."""
    return isinstance(change, dict) and 'dt' in change and not is_timed_array_entry(change)


def check_dt_entry(change, where):
    """`{"dt": TIME}` alone; what the time means is left to the checker."""
    for key in change:
        if key != 'dt':
            raise ModelFileError('model', '%s.%s' % (where, key), "unknown field '%s' in an "
                                 "entry that changes the default clock's dt" % key)
    if not isinstance(change['dt'], str) or not change['dt']:
        raise ModelFileError('model', where + '.dt', 'expected a time such as "0.05*ms"')


def check_spike_generator_named(model, name, where):
    """`name` is a SpikeGeneratorGroup of the model (not a subgroup of one)."""
    for group in model['groups']:
        if group['name'] == name:
            if group['type'] != 'SpikeGeneratorGroup':
                raise ModelFileError('model', where, "'%s' is not a SpikeGeneratorGroup; only "
                                     "a SpikeGeneratorGroup's spikes can be set" % name)
            return
        if any(subgroup['name'] == name for subgroup in group.get('subgroups', [])):
            raise ModelFileError('model', where, "'%s' is a subgroup of '%s'; spikes are set "
                                 'on a SpikeGeneratorGroup' % (name, group['name']))
    raise ModelFileError('model', where, "unknown SpikeGeneratorGroup '%s'" % name)


def sets_delays_in_initial(spec, variable=None):
    """Whether a Synapses object's `initial` list sets delays by index or
    condition (`delay` for the pathway 'pre', `up.delay` for another; any of
    them when `variable` is None): a delay per synapse, which a delay given
    to Brian2's constructor is not."""
    initial = spec.get('initial')
    return isinstance(initial, list) and any(
        isinstance(entry, dict) and is_delay_variable(entry.get('variable'), variable)
        for entry in initial)


def is_delay_variable(name, wanted):
    if wanted is not None:
        return name == wanted
    return isinstance(name, str) and (name == 'delay' or name.endswith('.delay'))


def load_model(path):
    """The model file at `path` as a dict, its shape checked."""
    return check_model(read_json(path))
