"""A short plot of what the monitors recorded, as Brian2's documentation
draws it: the spike raster, the smoothed population rate and the first few
traces of each recorded variable, one panel each, time in ms. It is a
function, returning the figure, that the script calls and shows when run as
a program (python3 script.py): importing the script runs the simulation
without drawing."""
import ast
import re

from .expressions import KNOWN_UNITS
from .python_text import string_literal
from .script_names import SOLVER_COUNTS, check_recorded_name

TRACES = 5  # traces drawn per variable
FLAGS = {'unless refractory', 'constant', 'shared', 'event-driven', 'clock-driven', 'summed',
         'constant over dt', 'linked'}
# How a variable's unit is shown: Brian2's base units in their usual sizes.
DISPLAY_UNITS = {'volt': 'mV', 'amp': 'nA', 'siemens': 'nS', 'second': 'ms', 'Hz': 'Hz',
                 'hertz': 'Hz', '1/second': 'Hz', 'second**-1': 'Hz', 'farad': 'pF',
                 'ohm': 'Mohm', 'metre': 'um', 'meter': 'um'}
DIMENSIONLESS = {'1', 'boolean', 'integer', ''}
DIFFERENTIAL = re.compile(r'\s*d([A-Za-z]\w*)\s*/\s*dt\s*=')
NAMED = re.compile(r'\s*([A-Za-z]\w*)\s*(=|$)')


def variable_units(equations):
    """Each variable of Brian2 equations text -> its unit as written."""
    units = {}
    for line in str(equations).splitlines():
        line = line.split('#', 1)[0].strip()
        if ':' not in line:
            continue
        left, right = line.rsplit(':', 1)
        match = DIFFERENTIAL.match(left) or NAMED.match(left)
        if match:
            units[match.group(1)] = without_flags(right.strip())
    return units


def without_flags(unit):
    """"volt" from "volt (unless refractory)"."""
    if unit.endswith(')') and '(' in unit:
        head, flags = unit[:-1].rsplit('(', 1)
        if all(flag.strip() in FLAGS for flag in flags.split(',')):
            return head.strip()
    return unit


def is_unit_expression(text):
    """Units and numbers combined by * / ** only (e.g. "volt/second")."""
    try:
        tree = ast.parse(text, mode='eval')
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in KNOWN_UNITS:
            return False
        if not isinstance(node, (ast.Expression, ast.Name, ast.Load, ast.Constant, ast.BinOp,
                                 ast.Mult, ast.Div, ast.Pow, ast.UnaryOp, ast.USub)):
            return False
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            return False
    return True


def trace_expression(monitor, variable, unit, selection):
    """(values to plot, axis label) for one recorded variable."""
    if unit in DIMENSIONLESS:
        return '%s.%s%s.T' % (monitor, variable, selection), variable
    shown = DISPLAY_UNITS.get(unit, unit if is_unit_expression(unit) else None)
    if shown is None:  # a unit written in a way this plot does not know: SI values
        return '%s.%s_%s.T' % (monitor, variable, selection), '%s (SI units)' % variable
    divisor = shown if shown.isidentifier() else '(%s)' % shown
    return '%s.%s%s.T/%s' % (monitor, variable, selection, divisor), '%s (%s)' % (variable,
                                                                             shown)


class PlotWriter:
    """Collects the panels, then writes the function."""

    def __init__(self, model, names):
        self.names = names
        self.units = {spec['name']: variable_units(spec.get('equations', spec.get('model', '')))
                      for spec in model['groups'] + model['synapses']}
        for group in model['groups']:  # a subgroup's variables are its group's
            for subgroup in group.get('subgroups', []):
                self.units[subgroup['name']] = self.units[group['name']]
        self.panels = []  # (lines using AXIS for the panel's axes)

    def add(self, spec):
        monitor = self.names.variable(spec['name'])
        title = 'AXIS.set_title(%s, loc=\'left\', fontsize=\'small\')' % string_literal(
            '%s (%s of %s)' % (spec['name'], spec['type'], spec['source']))
        if spec['type'] in ('SpikeMonitor', 'EventMonitor') and spec.get('record', True) is False:
            self.panels.append([  # record=False keeps counts alone: a bar per neuron
                "AXIS.bar(arange(len(%s.count)), %s.count, color='k')" % (monitor, monitor),
                'AXIS.set_xlabel(%s)' % string_literal('%s index' % spec['source']),
                "AXIS.set_ylabel('events')", title])
        elif spec['type'] in ('SpikeMonitor', 'EventMonitor'):  # a raster of the events
            self.panels.append([
                "AXIS.plot(%s.t/ms, %s.i, '.k', markersize=2)" % (monitor, monitor),
                'AXIS.set_ylabel(%s)' % string_literal('%s index' % spec['source']), title])
        elif spec['type'] == 'PopulationRateMonitor':
            self.panels.append([
                'if %s:  # smooth_rate needs recorded values' % self.size_of(monitor + '.t'),
                '    AXIS.plot(%s.t/ms, %s.smooth_rate(width=1*ms)/Hz)' % (monitor, monitor),
                "AXIS.set_ylabel('rate (Hz)')", title])
        else:
            self.add_traces(spec, monitor, title)

    def size_of(self, values):
        """len(values), unless a constant of the model is called len."""
        return '%s[:].size' % values if 'len' in self.names.fixed else 'len(%s)' % values

    def add_traces(self, spec, monitor, title):
        record = spec.get('record', True)
        if record is False or record == []:
            return
        selection = '[:%d]' % TRACES if record is True or len(record) > TRACES else ''
        for variable in spec['variables']:
            check_recorded_name(variable, spec['name'], 'variables')
            unit = ('integer' if variable in SOLVER_COUNTS
                    else self.units.get(spec['source'], {}).get(variable))
            values, label = trace_expression(monitor, variable, unit if unit is not None else
                                             'unknown', selection)
            self.panels.append(['AXIS.plot(%s.t/ms, %s)' % (monitor, values),
                                'AXIS.set_ylabel(%s)' % string_literal(label), title])

    def lines(self):
        """The function and the call that runs it as a program; none without panels."""
        if not self.panels:
            return []
        function = self.names.fresh('plot_recordings')
        count = len(self.panels)
        body = ['import matplotlib.pyplot as plt',
                'figure, axes = plt.subplots(%d, 1, sharex=True, squeeze=False, '
                'figsize=(8, %s))' % (count, min(2 + 2 * count, 14)),
                'axes = axes[:, 0]']
        for index, panel in enumerate(self.panels):
            body += [line.replace('AXIS', 'axes[%d]' % index) for line in panel]
        body += ["axes[-1].set_xlabel('time (ms)')", 'figure.tight_layout()', 'return figure']
        return (['', 'def %s():' % function,
                 '    """What the monitors recorded: one panel per monitor and variable."""']
                + ['    ' + line for line in body]
                + ['', '', "if __name__ == '__main__':", '    import matplotlib.pyplot as plt',
                   '    %s()' % function, '    plt.show()'])
