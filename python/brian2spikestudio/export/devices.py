"""The device lines of an exported script, as Brian2 and the device packages
document them, and what the model uses that a device cannot do.

- runtime: Brian2's runtime device with the numpy target, whose random
  numbers Spike Studio reproduces; the cython target when a group uses a
  GSL method, which numpy cannot run.
- cpp_standalone: Brian2's C++ standalone device; with build_on_run (the
  default) run() generates the project in `directory`, compiles it and runs it.
- cuda_standalone: brian2cuda's GPU device ("import brian2cuda",
  set_device("cuda_standalone"); options as for cpp_standalone).
- genn: brian2genn's GeNN device ("import brian2genn", set_device('genn');
  use_GPU=False runs GeNN's CPU-only mode).
"""
import textwrap

from ..model_file import sets_delays_in_initial

DEVICES = ('runtime', 'cpp_standalone', 'cuda_standalone', 'genn')
DEVICE_PACKAGES = {'cuda_standalone': 'brian2cuda', 'genn': 'brian2genn'}

RUNTIME_LINES = (
    "# Brian2's runtime device with the numpy target: with the same seed it draws the same",
    "# random numbers as Spike Studio ('cython' runs faster, with other random numbers).",
)
GSL_RUNTIME_LINES = (
    "# Brian2's runtime device with the cython target: its numpy target cannot run the GSL",
    "# methods. Cython's random numbers may differ from Spike Studio's (not their statistics).",
)
STANDALONE_COMMENT = (
    "run() generates the simulation as a {kind} project in {directory}, compiles and runs it "
    "(build_on_run); afterwards the monitors hold the results. Its random numbers come from "
    "the device's own generator: the same statistics as Spike Studio's, other numbers.")
COMMENT_WIDTH = 88
DEVICE_KINDS = {'cpp_standalone': 'C++', 'cuda_standalone': 'CUDA (brian2cuda)',
                'genn': 'GeNN (brian2genn)'}


def build_directory(stem, device):
    """Where a standalone device writes its project: beside the working folder."""
    return '%s_%s' % (stem, device)


def device_lines(device, names, directory_literal, gsl=False):
    """The lines after `from brian2 import *` that choose the device; `gsl`:
    whether a group uses a GSL method (the runtime device needs Cython then)."""
    if device == 'runtime':
        if gsl:
            return list(GSL_RUNTIME_LINES) + ["%s.codegen.target = 'cython'" % names.api('prefs')]
        return list(RUNTIME_LINES) + ["%s.codegen.target = 'numpy'" % names.api('prefs')]
    comment = textwrap.wrap(
        STANDALONE_COMMENT.format(kind=DEVICE_KINDS[device], directory=directory_literal),
        COMMENT_WIDTH, initial_indent='# ', subsequent_indent='# ', break_long_words=False,
        break_on_hyphens=False)
    set_device = names.api('set_device')
    if device == 'cpp_standalone':
        return comment + ["%s('cpp_standalone', directory=%s)" % (set_device, directory_literal)]
    if device == 'cuda_standalone':
        return comment + ['import brian2cuda',
                          '%s("cuda_standalone", directory=%s)' % (set_device, directory_literal)]
    return comment + ['import brian2genn',
                      "# use_GPU=False runs GeNN's CPU-only mode",
                      "%s('genn', directory=%s, use_GPU=True)" % (set_device, directory_literal)]


def device_notes(device, model, fixed_delay):
    """What `model` uses that `device` does not support, as documented by the
    device's package; `fixed_delay(spec)` tells whether a Synapses object's
    delay is one value for every synapse."""
    if device == 'genn':
        return gsl_notes(device, model) + genn_notes(model, fixed_delay)
    if device == 'cuda_standalone':
        return gsl_notes(device, model) + cuda_notes(model, fixed_delay)
    if device == 'cpp_standalone':
        return gsl_notes(device, model)
    return []


def gsl_notes(device, model):
    """Brian2 runs its GSL methods on the runtime device (Cython) and on
    cpp_standalone only (its GSL code refuses the devices derived from it);
    Brian2 2.5.1 not even on cpp_standalone (its issue #1686)."""
    if device == 'cpp_standalone':
        problem = ("which Brian2 2.5.1 (Debian 12's) cannot run on cpp_standalone "
                   '(NotImplementedError: its issue #1686, fixed in 2025)')
    else:
        problem = ('which Brian2 runs only on the runtime device (Cython) and cpp_standalone, '
                   'not on %s' % DEVICE_PACKAGES[device])
    return ["'%s' uses the GSL method '%s', %s" % (spec['name'], spec['method'], problem)
            for spec in model['groups'] if str(spec.get('method', '')).startswith('gsl')]


def genn_notes(model, fixed_delay):
    """brian2genn's documented exclusions that a model can meet."""
    notes = []
    for spec in model['synapses']:
        if ('delay' in spec or sets_delays_in_initial(spec)) and not fixed_delay(spec):
            notes.append("'%s' has a different delay per synapse, which brian2genn does not "
                         'support (heterogeneous delays)' % spec['name'])
        summed = [line for line in str(spec.get('model', '')).splitlines() if 'summed' in line]
        if len(summed) > 1:
            notes.append("'%s' has %d summed variables; brian2genn supports one per Synapses "
                         'object' % (spec['name'], len(summed)))
    if model['timed_arrays']:
        notes.append('brian2genn supports TimedArrays only in run_regularly operations, so '
                     "'%s' cannot run on it" % model['timed_arrays'][0]['name'])
    for spec in model['groups'] + model['synapses']:
        if 'dt' in spec:
            notes.append("'%s' has a clock of its own; brian2genn runs every object on one "
                         'clock' % spec['name'])
            break
    notes.append('brian2genn runs the synapses before the groups in each time step, so spike '
                 'times can differ by one time step from Spike Studio and Brian2')
    return notes


def cuda_notes(model, fixed_delay):
    """brian2cuda's documented known issues that a model can meet."""
    groups = {spec['name']: spec for spec in model['groups']}
    notes = []
    for spec in model['synapses']:
        source = groups.get(spec['source'], {})
        if 'delay' in spec and fixed_delay(spec) and (
                source.get('dt') != spec.get('dt')):
            notes.append("'%s' has one delay for all synapses and another dt than its source "
                         "'%s', which brian2cuda gets wrong (its known issue #222)"
                         % (spec['name'], spec['source']))
    return notes
