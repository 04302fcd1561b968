#!/usr/bin/python3
"""Runs a Brian2 script with Spike Studio as its device and writes what its
monitors hold afterwards, read through Brian2 (mon.i, mon.t, mon.v, mon.rate),
as CSV files in the format of tests/brian2_scripts/reference (the CSV
contract of docs/model-format.md), for tst_brian2_device to compare with
Brian2's own runs.

usage: run_with_device.py SCRIPT.py OUTDIR [DEVICE OPTIONS as name=value ...]

The monitors of the network each run() ran are also written after that
run(), to OUTDIR/run-K/ (as make_reference.py writes them for scripts that
run several networks).

The script runs as `python3 SCRIPT.py` would, after
`import brian2spikestudio; set_device('spikestudio', ...)`; set_device()
calls of the script itself are kept from switching the device."""
import os
import runpy
import sys
from types import SimpleNamespace

HERE = os.path.dirname(os.path.abspath(__file__))
MONITOR_TYPES = ('SpikeMonitor', 'StateMonitor', 'PopulationRateMonitor', 'EventMonitor')


def device_options(arguments):
    options = {}
    for argument in arguments:
        name, _, value = argument.partition('=')
        options[name] = {'True': True, 'False': False}.get(value, value)
    return options


def keep_device(module_names=('brian2',)):
    """The script's own set_device() calls do nothing."""
    for module in list(sys.modules.values()):
        if (getattr(module, '__name__', '').startswith(module_names)
                and hasattr(module, 'set_device')):
            module.set_device = lambda *args, **kwargs: None


def write_monitors(monitors, outdir):
    from brian_reference.csv_files import recorded_variables, write_csv_files
    write_csv_files(SimpleNamespace(monitors=[
        ({'name': m.name, 'type': type(m).__name__, 'variables': recorded_variables(m)}, m)
        for m in sorted(monitors, key=lambda m: m.name)]), outdir)


def monitors_of(run):
    return [obj for obj in run.objects if type(obj).__name__ in MONITOR_TYPES]


def snapshot_every_run(device, outdir):
    """Writes the monitors after every run() into OUTDIR/run-K/."""
    network_run = device.network_run

    def run_and_write(network, duration, report=None, report_period=None, namespace=None,
                      profile=None, level=0):
        network_run(network, duration, report=report, report_period=report_period,
                    namespace=namespace, profile=profile, level=level + 1)  # one frame more
        runs = device.recording.runs()
        write_monitors(monitors_of(runs[-1]), os.path.join(outdir, 'run-%d' % len(runs)))

    device.network_run = run_and_write


def main(argv):
    script, outdir = os.path.abspath(argv[0]), os.path.abspath(argv[1])
    from brian2 import set_device
    import brian2spikestudio.device  # registers the device, from PYTHONPATH
    sys.path.insert(0, os.path.join(HERE, '..', 'reference'))
    import brian_reference.csv_files  # noqa: F401 (puts python/ on sys.path)
    set_device('spikestudio', **device_options(argv[2:]))
    keep_device()
    from brian2.devices.device import get_device
    device = get_device()
    snapshot_every_run(device, outdir)
    os.chdir(os.path.dirname(script))
    sys.path.insert(0, os.path.dirname(script))
    runpy.run_path(script, run_name='__main__')
    write_monitors(monitors_of(device.recording.runs()[-1]), outdir)


if __name__ == '__main__':
    main(sys.argv[1:])
