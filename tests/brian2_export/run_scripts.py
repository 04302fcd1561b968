#!/usr/bin/python3
"""Runs scripts exported by `spikestudio export-brian2` in Brian2 (one
process, one script after the other) and writes each one's monitors in Spike
Studio's CSV contract, for tests/tst_export_brian2.cpp to compare with
`spikestudio run --csv`.

usage: run_scripts.py OUTROOT SCRIPT.py...

Each script runs as a module (not as __main__, so it does not plot) in a
fresh Brian2 scope; its monitors (found among its globals) are written to
OUTROOT/<script name>/<monitor>.csv. A script that fails leaves
OUTROOT/<script name>/error.txt with the last line of its traceback instead.
A script for the cython target (a model with a GSL method, which numpy cannot
run) is compiled as tests/reference/brian_ref.py compiles it: without
-ffast-math and fused multiply-adds (Brian2's default flags allow both, and
GSL's step-size control turns their rounding into differences as large as
the absolute error it is given: 1e-5 of a trace's range).
Needs Debian's python3-brian and a writable HOME.
"""
import gc
import os
import runpy
import sys
import traceback

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'reference'))

from brian_reference import import_brian2, recorded_variables, write_csv_files  # noqa: E402

MONITOR_TYPES = ('SpikeMonitor', 'StateMonitor', 'PopulationRateMonitor', 'EventMonitor')


class Monitors:
    """What write_csv_files needs: (spec, monitor) pairs."""

    def __init__(self, namespace):
        found = [value for value in namespace.values() if type(value).__name__ in MONITOR_TYPES]
        self.monitors = [({'name': monitor.name, 'type': type(monitor).__name__,
                           'variables': recorded_variables(monitor)}, monitor)
                         for monitor in sorted(found, key=lambda m: m.name)]


def run_one(brian2, script, outdir):
    brian2.start_scope()
    namespace = runpy.run_path(script, run_name='exported_model')
    write_csv_files(Monitors(namespace), outdir)


def main(outroot, scripts):
    brian2 = import_brian2()
    brian2.prefs.codegen.cpp.extra_compile_args_gcc = ['-w', '-O3', '-ffp-contract=off']
    for script in scripts:
        outdir = os.path.join(outroot, os.path.splitext(os.path.basename(script))[0])
        os.makedirs(outdir, exist_ok=True)
        try:
            run_one(brian2, script, outdir)
        except Exception as error:  # reported per script; the others still run
            lines = traceback.format_exception_only(type(error), error)
            with open(os.path.join(outdir, 'error.txt'), 'w') as report:
                report.write(lines[-1].strip() + '\n')
        gc.collect()


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().split('\n\n')[1])
    main(sys.argv[1], sys.argv[2:])
