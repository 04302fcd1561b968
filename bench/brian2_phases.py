#!/usr/bin/python3
"""Run a model file (format v1) once in Brian2 and report where the time went.

usage: brian2_phases.py MODEL.json --target standalone|cython|numpy
                        [--duration EXPR] [--cache-dir DIR]

The network is built by tests/reference/brian_ref.py (its main() is called,
as bench/brian2_standalone_time.py does), so Brian2 runs exactly what the
reference tests run. This script only adds timers around it:

  standalone  cpp_standalone in a fresh temporary project directory: code
              generation, `make`, and the binary run once.
  cython      runtime mode with the Cython target; Cython's cache is
              --cache-dir (a fresh temporary directory when omitted, i.e. a
              cold cache; pass the same directory twice for a warm run).
  numpy       runtime mode with the numpy target.

Prints one JSON object on stdout (everything else goes to stderr):
  first_step_s     process start until the first time step begins. The start
                   is SPIKESTUDIO_BENCH_T0 (time.time() of the parent just
                   before it started this process) when set, otherwise this
                   script's first line. Includes Python start, importing
                   Brian2, building the network, code generation and, for
                   cython, compilation; for standalone also `make`, starting
                   the binary, creating synapses and setting initial values
                   inside it (a timestamp written by code inserted into the
                   generated main() just before the network runs).
  compile_s        standalone: wall time of `make`. cython: time spent in
                   Brian2's CythonExtensionManager.create_extension (cythonize
                   + g++, or loading the module from the cache). numpy: 0.
  simulate_s       the simulation loop: Brian2's own timer (standalone:
                   Network::run inside the binary, std::clock; runtime: the
                   Python loop in Network.run, time.time()).
  peak_rss_kb      standalone: peak RSS of the binary (its VmHWM, read by
                   code inserted at the end of the generated main());
                   runtime: peak RSS of this Python process (getrusage SELF),
                   read right after the run. Compilers are not included.
  python_peak_rss_kb  (standalone) the Python process that generated the code.
  spikes           spikes recorded by the model's SpikeMonitors
  synapses         synapses created (all Synapses objects)
  brian2_version, target, cython_version, make_s, binary_s (standalone)
"""
import time

T_SCRIPT_START = time.time()

import csv  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402

BRIAN_REF_DIR = os.environ.get(
    'SPIKESTUDIO_BRIAN_REF_DIR',
    os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'reference'))

STAMP_FILE = 'results/bench_first_step.txt'
HWM_FILE = 'results/bench_peak_rss.txt'
# Inserted into the generated main() right before the network runs; main.cpp
# already includes <time.h>, <fstream> and <string>. The binary runs in the
# project directory.
STAMP_CODE = '''
{
    struct timespec _bench_now;
    clock_gettime(CLOCK_REALTIME, &_bench_now);
    std::ofstream _bench_out("%s");
    _bench_out << _bench_now.tv_sec << " " << _bench_now.tv_nsec << std::endl;
}
''' % STAMP_FILE
# Inserted at the very end of main(): the binary's own peak RSS (VmHWM, kB).
# os.wait4 cannot give it: on Linux a child's ru_maxrss starts from the RSS of
# the process that forked it (here the Python process, often larger).
HWM_CODE = '''
{
    std::ifstream _bench_status("/proc/self/status");
    std::ofstream _bench_hwm("%s");
    std::string _bench_line;
    while (std::getline(_bench_status, _bench_line))
        if (_bench_line.rfind("VmHWM:", 0) == 0)
            _bench_hwm << _bench_line.substr(6) << std::endl;
}
''' % HWM_FILE


def option(name, default=None):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def spike_count(model, outdir):
    total = 0
    for monitor in model.get('monitors', []):
        if monitor['type'] == 'SpikeMonitor':
            with open(os.path.join(outdir, monitor['name'] + '.csv')) as f:
                total += sum(1 for _ in csv.reader(f)) - 1  # minus the header
    return total


class Figures:
    """What the patched Brian2 functions record."""
    run_loop_start = None      # runtime: when Network.before_run returned
    after_run_rss_kb = None    # runtime: peak RSS right after Network.run
    compile_s = 0.0            # cython: time inside create_extension
    synapses = []              # every Synapses object that was connected


def install_timers(brian2, target):
    import brian2.core.network as network_module

    original_before_run = network_module.Network.before_run

    def before_run(self, *args, **kwargs):
        result = original_before_run(self, *args, **kwargs)
        Figures.run_loop_start = time.time()  # Network.run's loop starts next
        return result

    network_module.Network.before_run = before_run

    original_connect = brian2.Synapses.connect

    def connect(self, *args, **kwargs):
        Figures.synapses.append(self)
        return original_connect(self, *args, **kwargs)

    brian2.Synapses.connect = connect

    if target == 'cython':
        from brian2.codegen.runtime.cython_rt import extension_manager
        original_create = extension_manager.CythonExtensionManager.create_extension

        def create_extension(self, *args, **kwargs):
            start = time.time()
            try:
                return original_create(self, *args, **kwargs)
            finally:
                Figures.compile_s += time.time() - start

        extension_manager.CythonExtensionManager.create_extension = create_extension

    if target == 'standalone':
        from brian2.devices.cpp_standalone import device as standalone_module
        original_network_run = standalone_module.CPPStandaloneDevice.network_run

        def network_run(self, *args, **kwargs):
            self.insert_code('main', STAMP_CODE)
            self.insert_code('after_end', HWM_CODE)
            return original_network_run(self, *args, **kwargs)

        standalone_module.CPPStandaloneDevice.network_run = network_run

    original_run = network_module.Network.run

    def run(self, *args, **kwargs):
        result = original_run(self, *args, **kwargs)
        Figures.after_run_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return result

    # Network.run is wrapped by device_override; wrap the outside.
    network_module.Network.run = run


def main():
    t0 = float(os.environ.get('SPIKESTUDIO_BENCH_T0', T_SCRIPT_START))
    model_path = os.path.abspath(sys.argv[1])
    target = option('--target', 'standalone')
    if target not in ('standalone', 'cython', 'numpy'):
        raise SystemExit('--target must be standalone, cython or numpy')
    duration = option('--duration')
    cache_dir = option('--cache-dir')
    # stdout is for the JSON only: Brian2, brian_ref.py and make (os.system)
    # write to file descriptor 1, so it points to stderr until the end.
    json_out = os.fdopen(os.dup(1), 'w')
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    with tempfile.TemporaryDirectory(prefix='brian2_phases_') as scratch:
        os.environ['HOME'] = scratch  # Brian2 reads no user preferences
        model = json.load(open(model_path))
        outdir = os.path.join(scratch, 'out')
        project_dir = os.path.join(scratch, 'project')

        import brian2
        install_timers(brian2, target)
        if target == 'cython':
            import Cython
            brian2.prefs.codegen.runtime.cython.cache_dir = (
                os.path.abspath(cache_dir) if cache_dir else os.path.join(scratch, 'cython'))
        sys.path.insert(0, os.path.abspath(BRIAN_REF_DIR))
        sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
        import brian_ref
        arguments = [model_path, outdir] + (['--duration', duration] if duration else [])
        if target == 'standalone':
            arguments += ['--standalone', project_dir]
        else:
            arguments += ['--target', target]
        brian_ref.main(arguments)

        device = brian2.get_device()
        figures = {'target': target, 'brian2_version': brian2.__version__,
                   'simulate_s': device._last_run_time,
                   'spikes': spike_count(model, outdir),
                   'synapses': int(sum(len(s) for s in Figures.synapses))}
        if target == 'standalone':
            with open(os.path.join(project_dir, STAMP_FILE)) as f:
                seconds, nanoseconds = f.read().split()
            figures['first_step_s'] = int(seconds) + int(nanoseconds) * 1e-9 - t0
            figures['compile_s'] = device.timers['compile']['make']
            figures['make_s'] = device.timers['compile']['make']
            figures['binary_s'] = device.timers['run_binary']
            with open(os.path.join(project_dir, HWM_FILE)) as f:
                figures['peak_rss_kb'] = int(f.read().split()[0])
            figures['python_peak_rss_kb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            figures['compiler_flags'] = ' '.join(
                brian2.prefs.codegen.cpp.extra_compile_args_gcc)
        else:
            figures['first_step_s'] = Figures.run_loop_start - t0
            figures['compile_s'] = Figures.compile_s
            figures['peak_rss_kb'] = Figures.after_run_rss_kb
            if target == 'cython':
                figures['cython_version'] = Cython.__version__
    json_out.write(json.dumps(figures) + '\n')
    json_out.close()


if __name__ == '__main__':
    main()
