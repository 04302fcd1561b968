#!/usr/bin/python3
"""Time a model file (format v1) in Brian2's cpp_standalone target.

usage: brian2_standalone_time.py MODEL.json [--runs N]

Builds the model exactly as tests/reference/brian_ref.py does (it calls that
script's main() with --standalone), so Brian2 generates, compiles (make) and
runs the C++ project once; then it runs the same compiled binary N-1 more
times. Everything happens in a temporary directory (also used as HOME, so
Brian2 reads no user preferences) that is removed at the end.

Prints one `key value` line per figure, for bench/network_bench.cpp:
  brian2_version     Brian2's version
  compiler_flags     Brian2's g++ flags for the generated code
  openmp_threads     0 means single-threaded
  spikes             spikes recorded by the model's SpikeMonitors (first run)
  make_seconds       wall time of `make` (compiling the generated project)
  binary_seconds     median wall time of running the compiled binary: process
                     start, synapse creation, initial values, simulation,
                     writing results (Brian2's own `run_binary` timer)
  run_seconds        median time of the simulation loop alone, as Brian2's
                     Network::run measures it inside the binary (std::clock,
                     i.e. CPU time of the single simulating thread)
  runs               how many binary runs the medians are over
"""
import csv
import json
import os
import statistics
import sys
import tempfile

BRIAN_REF_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests',
                             'reference')


def option(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def spike_count(model_path, outdir):
    model = json.load(open(model_path))
    total = 0
    for monitor in model.get('monitors', []):
        if monitor['type'] == 'SpikeMonitor':
            with open(os.path.join(outdir, monitor['name'] + '.csv')) as f:
                total += sum(1 for _ in csv.reader(f)) - 1  # minus the header
    return total


def build_and_run_once(model_path, project_dir, outdir):
    """brian_ref.py's main() with --standalone: generate, make, run once."""
    sys.path.insert(0, os.path.abspath(BRIAN_REF_DIR))
    sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
    import brian_ref
    brian_ref.main([model_path, outdir, '--standalone', project_dir])


def rerun_binary(device):
    """Runs the already compiled binary again; returns (binary s, loop s)."""
    device.run(device.project_dir, False, [])
    return device.timers['run_binary'], device._last_run_time


def main():
    model_path = os.path.abspath(sys.argv[1])
    runs = max(1, int(option('--runs', '3')))
    with tempfile.TemporaryDirectory(prefix='brian2_standalone_') as scratch:
        os.environ['HOME'] = scratch
        project_dir = os.path.join(scratch, 'project')
        outdir = os.path.join(scratch, 'out')
        build_and_run_once(model_path, project_dir, outdir)
        import brian2
        device = brian2.get_device()
        binary_times = [device.timers['run_binary']]
        loop_times = [device._last_run_time]
        for _ in range(runs - 1):
            binary, loop = rerun_binary(device)
            binary_times.append(binary)
            loop_times.append(loop)
        print('brian2_version', brian2.__version__)
        print('compiler_flags', ' '.join(brian2.prefs.codegen.cpp.extra_compile_args_gcc))
        print('openmp_threads', brian2.prefs.devices.cpp_standalone.openmp_threads)
        print('spikes', spike_count(model_path, outdir))
        print('make_seconds', device.timers['compile']['make'])
        print('binary_seconds', statistics.median(binary_times))
        print('run_seconds', statistics.median(loop_times))
        print('runs', runs)


if __name__ == '__main__':
    main()
