#!/usr/bin/python3
"""Runs the Brian2 scripts of this folder with Brian2 itself (numpy target)
and writes what their monitors recorded as the reference tst_import compares
imports against: reference/<script>/<monitor>.csv, in the CSV contract of
docs/model-format.md (tests/reference/brian_reference writes the files).

usage: make_reference.py [SCRIPT.py ...]   (default: every script here)

Each script runs in a process of its own (Brian2 keeps names and clocks
between networks), in its own directory, as `python3 SCRIPT.py` would run it,
except that set_device() keeps Brian2's runtime device and code is generated
for numpy, whose random numbers Spike Studio reproduces; a GSL method's state
update, which numpy cannot run, is Cython's (the script asks for the cython
target, as Brian2 requires), compiled as tests/reference/brian_ref.py
compiles it: without -ffast-math and fused multiply-adds. Scripts that run
several networks in turn (SEVERAL_NETWORKS) are compared network by network:
after their K-th run() call, the monitors of that run's network are also
written to reference/<script>/run-K/. Needs Debian's python3-brian and a
writable HOME.
"""
import os
import runpy
import shutil
import subprocess
import tempfile
import sys
from types import SimpleNamespace

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, 'reference')
MONITOR_TYPES = ('SpikeMonitor', 'StateMonitor', 'PopulationRateMonitor', 'EventMonitor')
SEVERAL_NETWORKS = ('networks_if_curve', 'networks_store_restore', 'networks_restore_midway')


def write_monitors(monitors, outdir):
    """The monitors' CSV files in `outdir` (replaced)."""
    from brian_reference import recorded_variables, write_csv_files
    shutil.rmtree(outdir, ignore_errors=True)
    write_csv_files(SimpleNamespace(monitors=[
        ({'name': m.name, 'type': type(m).__name__, 'variables': recorded_variables(m)}, m)
        for m in sorted(monitors, key=lambda m: m.name)]), outdir)


def scripts(names):
    if names:
        return [os.path.abspath(name) for name in names]
    return sorted(os.path.join(HERE, name) for name in os.listdir(HERE)
                  if name.endswith('.py') and name != os.path.basename(__file__))


def runtime_device_recording_runs(snapshots=None):
    """Brian2's runtime device (numpy target; GSL methods as the script's
    target compiles them) that keeps every network it runs;
    with `snapshots` (a folder), the monitors after every run() in run-K/."""
    from brian2.codegen.runtime.numpy_rt import NumpyCodeObject
    from brian2.core.namespace import get_local_namespace
    from brian2.core.network import Network
    from brian2.devices.device import RuntimeDevice

    class RecordingRuntimeDevice(RuntimeDevice):
        monitors = {}  # name -> monitor, of every network run (a MagicNetwork
                       # forgets its objects once it has run)
        runs = 0

        def code_object_class(self, codeobj_class=None, fallback_pref='codegen.target'):
            if codeobj_class is not None and codeobj_class.__name__.startswith('GSL'):
                return codeobj_class  # a GSL method's, for the target the script chose
            return NumpyCodeObject

        def network_run(self, network, duration, report=None, report_period=None,
                        namespace=None, profile=None, level=0):
            if namespace is None:
                namespace = get_local_namespace(level=level + 2)
            running = [obj for obj in network.objects if type(obj).__name__ in MONITOR_TYPES]
            for obj in running:
                self.monitors.setdefault(obj.name, obj)
            kwargs = {} if report_period is None else {'report_period': report_period}
            Network.run.original_function(network, duration, report=report, namespace=namespace,
                                          profile=profile, **kwargs)
            self.runs += 1
            if snapshots is not None:
                write_monitors(running, os.path.join(snapshots, 'run-%d' % self.runs))

    return RecordingRuntimeDevice()


def run_one(script, outdir):
    """In a fresh process: runs `script`, writes its monitors into `outdir`."""
    sys.path.insert(0, os.path.join(HERE, '..', 'reference'))
    from brian_reference import import_brian2
    brian2 = import_brian2()
    device_module = sys.modules['brian2.devices.device']
    several = os.path.splitext(os.path.basename(script))[0] in SEVERAL_NETWORKS
    snapshots = tempfile.mkdtemp() if several else None
    device = runtime_device_recording_runs(snapshots)
    device_module.all_devices['reference_runtime'] = device
    device_module.set_device('reference_runtime')
    for module in list(sys.modules.values()):
        if getattr(module, '__name__', '').startswith('brian2') and hasattr(module, 'set_device'):
            module.set_device = lambda *args, **kwargs: None
    brian2.prefs.codegen.target = 'numpy'
    brian2.prefs.codegen.cpp.extra_compile_args_gcc = ['-w', '-O3', '-ffp-contract=off']
    os.chdir(os.path.dirname(script))
    sys.path.insert(0, os.path.dirname(script))
    runpy.run_path(script, run_name='__main__')
    write_monitors(device.monitors.values(), outdir)
    if snapshots is not None:
        for name in os.listdir(snapshots):
            shutil.move(os.path.join(snapshots, name), os.path.join(outdir, name))
        os.rmdir(snapshots)


def main(argv):
    if argv[:1] == ['--one']:
        run_one(argv[1], argv[2])
        return
    for script in scripts(argv):
        name = os.path.splitext(os.path.basename(script))[0]
        print('%s ...' % name, flush=True)
        # Brian2 draws several noise terms (xi_1, xi_2) in the order it meets
        # them in a Python set of their names, which follows Python's string
        # hashing; a fixed hash seed makes that order, and so the reference,
        # the same on every run (with 1: name order, as Spike Studio draws).
        environment = dict(os.environ, PYTHONHASHSEED='1')
        with open(os.devnull, 'w') as quiet:
            subprocess.run([sys.executable, os.path.abspath(__file__), '--one', script,
                            os.path.join(REFERENCE, name)], check=True, stdout=quiet,
                           env=environment)


if __name__ == '__main__':
    main(sys.argv[1:])
