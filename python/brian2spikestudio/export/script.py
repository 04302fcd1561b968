"""A model (a dict, its shape checked by model_file.check_model) as a
readable Brian2 script in the style of Brian2's documentation: imports and
device, defaultclock.dt and seed(), the constants as Python names with
units, TimedArrays, BinomialFunctions, groups with their initial values, synapses with their
connect calls, PoissonInputs, monitors, run(), and a plot of what the
monitors recorded.

Objects are created in the order in which Spike Studio draws their random
numbers (every group with its initial values, then each Synapses object's
connect, delay and values), so that with the seed, Brian2's numpy target
gives the same numbers and the same spikes."""
import textwrap

from ..model_file import (ModelFileError, is_dt_entry, is_seed_entry, is_spikes_entry,
                          is_timed_array_entry)
from .context import ExportContext
from .devices import DEVICES, build_directory, device_lines, device_notes
from .groups import assignment_lines, group_lines, link_lines, seed_line, set_spikes_lines
from .groups import uses_gsl
from .inputs import binomial_function_lines, poisson_input_lines, timed_array_lines
from .monitors import monitor_lines
from .plot import PlotWriter
from .python_text import docstring, string_literal
from .script_names import QUALIFIED_MODULE, SOLVER_COUNTS, ScriptNames, check_name
from .synapses import has_fixed_delay, synapses_lines

DEFAULT_DT = '0.1*ms'
DOCSTRING_WIDTH = 79
# The Brian2 (and numpy) names the script calls at module level.
API_NAMES = ('defaultclock', 'seed', 'prefs', 'set_device', 'device', 'TimedArray',
             'BinomialFunction',
             'NeuronGroup', 'PoissonGroup', 'SpikeGeneratorGroup', 'Synapses', 'PoissonInput',
             'SpikeMonitor', 'EventMonitor', 'StateMonitor', 'PopulationRateMonitor', 'run',
             'Quantity', 'array',
             'second')


POISSON_INPUTS_TITLE = '# Poisson inputs (Brian2 runs them in the order made, as Spike Studio)'


def replacing(change):
    """A protocol's TimedArray entry as the `timed_arrays` entry it replaces."""
    fields = {key: value for key, value in change.items() if key != 'timed_array'}
    return dict(fields, name=change['timed_array'])


def titled(title, lines):
    return [title] + lines if lines else []


class ExportOptions:
    def __init__(self, device='runtime', duration=None, seed=None, stem='model'):
        if device not in DEVICES:
            raise ModelFileError('command line', '--device', "unknown device '%s' (%s)"
                                 % (device, ', '.join(DEVICES)))
        self.device = device
        self.duration = duration  # replaces the model's duration (an expression)
        self.seed = seed          # replaces the model's seed
        self.stem = stem          # the script's name without .py (standalone folders)


class ExportedScript:
    def __init__(self, text, notes):
        self.text = text
        self.notes = notes  # what the chosen device does not support, for the user


def export_script(model, options):
    """The script for `model`; ModelFileError naming object and field when
    something in the model cannot be written as Brian2 Python."""
    constants = model.get('constants', {})
    fixed = [check_name(name, 'constants', name) for name in constants]
    fixed += [check_name(spec['name'], spec['name'], 'name') for spec in model['timed_arrays']]
    fixed += [check_name(spec['name'], spec['name'], 'name')
              for spec in model['binomial_functions']]
    names = ScriptNames(fixed, API_NAMES)
    for kind in ('groups', 'synapses', 'poisson_inputs', 'monitors'):
        for spec in model[kind]:
            names.variable(check_name(spec['name'], spec['name'], 'name'))
    context = ExportContext(model, names)
    body = ScriptBody(model, context, options)
    notes = device_notes(options.device, model,
                         lambda spec: has_fixed_delay(spec, context))
    return ExportedScript(body.text(), notes)


class ScriptBody:
    """Writes the sections in order; sections are lists of lines."""

    def __init__(self, model, context, options):
        self.model, self.context, self.options = model, context, options
        self.names = context.names

    def text(self):
        # The body first: writing it collects the unit names to import.
        body = [self.constants(), self.timed_arrays(), self.binomial_functions(),
                self.clock_and_seed(), self.groups(),
                self.synapses(), self.poisson_inputs(), self.solver_code_run(),
                self.monitors(), self.run(), self.plot()]
        sections = [self.header(), self.imports(), self.device()] + body
        return '\n\n'.join('\n'.join(section) for section in sections if section) + '\n'

    def header(self):
        lines = [str(self.model.get('name', '')).strip() or 'A Spike Studio model']
        description = str(self.model.get('description', '')).strip()
        if description:
            lines += [''] + [wrapped for line in description.splitlines()
                             for wrapped in textwrap.wrap(line, DOCSTRING_WIDTH) or ['']]
        lines += ['', 'Exported by Spike Studio as a Brian2 script (device: %s).'
                  % self.options.device]
        return [docstring(lines)]

    def imports(self):
        lines = ['from brian2 import *']
        if self.context.other_units:
            lines.append('from brian2.units.allunits import %s'
                         % ', '.join(sorted(self.context.other_units)))
        if self.names.needs_module():
            lines.append('import brian2 as %s' % QUALIFIED_MODULE)
        return lines

    def device(self):
        directory = string_literal(build_directory(self.options.stem, self.options.device))
        return device_lines(self.options.device, self.names, directory, uses_gsl(self.model))

    def clock_and_seed(self):
        dt = self.context.value(self.model.get('dt', DEFAULT_DT), 'model', 'dt').text
        lines = ['%s.dt = %s' % (self.context.api('defaultclock'), dt)]
        seed = self.options.seed if self.options.seed is not None else self.model.get('seed')
        if seed is None:
            lines.append('# No seed: every run draws other random numbers.')
        else:
            lines.append('%s(%d)' % (self.context.api('seed'), seed))
        if self.model.get('legacy_refractory_timing'):
            lines.append('# Refractory periods compared as times, as Brian2 2.1.2 and earlier did.')
            lines.append('%s.legacy.refractory_timing = True' % self.context.api('prefs'))
        return lines

    def constants(self):
        lines = ['# Parameters'] if self.model.get('constants') else []
        for name, source in self.model.get('constants', {}).items():
            expression = self.context.value(source, 'constants', name)
            self.context.define_constant(name, expression)
            lines.append('%s = %s' % (name, expression.text))
        return lines

    def timed_arrays(self):
        return titled('# Inputs over time', [line for spec in self.model['timed_arrays']
                                             for line in timed_array_lines(spec, self.context)])

    def binomial_functions(self):
        return titled('# Binomial distributions: each call in code draws anew',
                      [line for spec in self.model['binomial_functions']
                       for line in binomial_function_lines(spec, self.context)])

    def groups(self):
        multi_line = [spec for spec in self.model['groups'] if spec['type'] == 'NeuronGroup'
                      and len(str(spec['equations']).strip().splitlines()) > 1]
        lines = []
        for spec in self.model['groups']:
            equations = self.names.fresh('eqs' if len(multi_line) == 1 else
                                         'eqs_%s' % spec['name']) if spec in multi_line else None
            lines += group_lines(spec, self.context, equations)
        for spec in self.model['groups']:
            lines += link_lines(spec, self.context)
        return titled('# Groups', lines)

    def synapses(self):
        return titled('# Synapses', [line for spec in self.model['synapses']
                                     for line in synapses_lines(spec, self.context)])

    def poisson_inputs(self):
        inputs = self.model['poisson_inputs']
        lines = []
        for spec in inputs:
            lines += poisson_input_lines(spec, self.context)
        return titled(POISSON_INPUTS_TITLE if len(inputs) > 1 else '# Poisson input', lines)

    def monitors(self):
        return titled('# Monitors', [line for spec in self.model['monitors']
                                     for line in monitor_lines(spec, self.context)])

    def solver_code_run(self):
        """`run(0*second)` before the monitors when one records a GSL solver's
        counts: Brian2 adds `_step_count` and `_failed_steps` to a group when
        it makes the solver's code, at the first run()."""
        if not any(variable in SOLVER_COUNTS for spec in self.model['monitors']
                   for variable in spec.get('variables', [])):
            return []
        return ["# A run of no time (nothing happens) makes the GSL solvers' code and with it",
                '# the _step_count and _failed_steps that monitors record.',
                '%s(0*%s)' % (self.context.api('run'), self.context.api('second'))]

    def run(self):
        if 'protocol' in self.model:
            return self.protocol_runs()
        duration = self.options.duration
        if duration is None:
            if self.model.get('duration', '') == '':
                raise ModelFileError('model', 'duration', "missing field 'duration'")
            duration = self.model['duration']
        field = '--duration' if self.options.duration is not None else 'duration'
        text = self.context.value(duration, 'model', field).text
        return ['%s(%s)' % (self.context.api('run'), text)]

    def protocol_runs(self):
        """A run() call per segment, after the values the segment sets (the
        first segment's: seed entries only)."""
        if self.options.duration is not None:
            raise ModelFileError('model', '--duration', 'a model with a protocol runs its '
                                 'segments; a duration given for the run cannot replace them')
        lines = []
        for k, segment in enumerate(self.model['protocol']):
            for j, change in enumerate(segment.get('set', [])):
                lines += self.change_lines(change, 'protocol[%d].set[%d]' % (k, j))
            text = self.context.value(segment['duration'], 'model',
                                      'protocol[%d].duration' % k).text
            lines.append('%s(%s)' % (self.context.api('run'), text))
        return lines

    def change_lines(self, change, field):
        """Before a run(): a constant assigned anew (run() reads the namespace
        again), a TimedArray made anew under its name (likewise), the default
        clock's `defaultclock.dt = ...` (the next run() steps by it), an
        object's `active`, `seed(...)`, a SpikeGeneratorGroup's
        `set_spikes(...)`, or values set as in `initial`."""
        if is_seed_entry(change):
            return [seed_line(change, self.context)]
        if is_spikes_entry(change):
            return set_spikes_lines(change, field, self.context)
        if 'constant' in change:
            value = self.context.value(change['value'], 'model', field + '.value').text
            return ['%s = %s' % (change['constant'], value)]
        if is_timed_array_entry(change):
            return timed_array_lines(replacing(change), self.context, field + '.')
        if is_dt_entry(change):
            value = self.context.value(change['dt'], 'model', field + '.dt').text
            return ['%s.dt = %s' % (self.context.api('defaultclock'), value)]
        variable = self.context.variable(change['object'])
        if 'active' in change:
            return ['%s.active = %s' % (variable, change['active'])]
        entry = {key: value for key, value in change.items() if key != 'object'}
        return assignment_lines(entry, variable, change['object'], field, self.context)

    def plot(self):
        plot = PlotWriter(self.model, self.names)
        for spec in self.model['monitors']:
            plot.add(spec)
        return plot.lines()
