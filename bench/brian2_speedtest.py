#!/usr/bin/python3
"""Build one of Brian2's own speed tests as a cpp_standalone project.

usage: brian2_speedtest.py TEST N PROJECT_DIR [--threads T] [--method METHOD]

TEST is a class of brian2/tests/features/speed.py (LinearNeuronsOnly,
CUBAFixedConnectivity, ...), N its size. The test's own run() builds the
network, exactly as Brian2's speed-test runner does with its C++ standalone
configurations (`set_device('cpp_standalone', build_on_run=False)`, then
`device.build()`); --threads T sets prefs.devices.cpp_standalone.openmp_threads
(0, the default: no OpenMP, one thread); --method gives every NeuronGroup
that method where the test passes none (a variant of the test). Brian2 generates the code into
PROJECT_DIR and compiles it (`make`); bench/speed_table.py --speedtests then
runs `./main` there and times it.

Statements added around the network's run in the generated main() read
CLOCK_MONOTONIC and CLOCK_PROCESS_CPUTIME_ID before and after it and write
the wall time and the CPU time (of all threads) of the simulation loop to
results/speedtest_simulate_times.txt (Brian2's own timer,
results/last_run_info.txt, is std::clock CPU time without OpenMP and
omp_get_wtime wall time with it).

Prints one JSON object on stdout (Brian2's and make's output go to stderr):
  codegen_s, make_s   Python: building the network and generating code; make
  spike_files         [file, bytes per element] of each SpikeMonitor's
                      indices in the project once the binary ran: their
                      sizes count the spikes
  synapse_files       the same for each Synapses object's presynaptic indices
  run_command, run_environment   how to run the binary again (in PROJECT_DIR)
  openmp_threads, brian2_version, compiler_flags
"""
import argparse
import json
import os
import sys
import tempfile
import time

import numpy

TIMES_FILE = 'results/speedtest_simulate_times.txt'
BEFORE_RUN = '''struct timespec _speedtest_wall_start, _speedtest_cpu_start;
clock_gettime(CLOCK_MONOTONIC, &_speedtest_wall_start);
clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &_speedtest_cpu_start);'''
AFTER_RUN = '''{
    struct timespec _speedtest_wall_end, _speedtest_cpu_end;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &_speedtest_cpu_end);
    clock_gettime(CLOCK_MONOTONIC, &_speedtest_wall_end);
    std::ofstream _speedtest_out("%s");
    _speedtest_out.precision(17);
    _speedtest_out << (_speedtest_wall_end.tv_sec - _speedtest_wall_start.tv_sec)
                      + 1e-9 * (_speedtest_wall_end.tv_nsec - _speedtest_wall_start.tv_nsec)
                   << " " << (_speedtest_cpu_end.tv_sec - _speedtest_cpu_start.tv_sec)
                      + 1e-9 * (_speedtest_cpu_end.tv_nsec - _speedtest_cpu_start.tv_nsec)
                   << std::endl;
}''' % TIMES_FILE


METHODS = ('exact', 'linear', 'euler', 'rk2', 'rk4', 'exponential_euler', 'heun', 'milstein')


class Created:
    """SpikeMonitors and Synapses of the test, kept alive so that
    their results can be read after the build."""
    monitors = []
    synapses = []


def keep_created_objects(brian2):
    """Wraps the constructors (not connect(), which reads its caller's
    namespace: a wrapper there would hide the test's local names)."""
    for cls, created in ((brian2.SpikeMonitor, Created.monitors),
                         (brian2.Synapses, Created.synapses)):
        original_init = cls.__init__

        def init(self, *args, _original=original_init, _created=created, **kwargs):
            _original(self, *args, **kwargs)
            _created.append(self)

        cls.__init__ = init


class ArgumentParser(argparse.ArgumentParser):
    """Bad arguments: one line and exit status 1 (argparse's own is usage and 2)."""

    def error(self, message):
        sys.exit('%s: %s' % (self.prog, message))


def parse_arguments(argv):
    parser = ArgumentParser(prog='brian2_speedtest.py', description=__doc__.split('\n')[0])
    parser.add_argument('test', help='a class of brian2/tests/features/speed.py')
    parser.add_argument('n', type=int, help='its size')
    parser.add_argument('project', help='where the cpp_standalone project is generated')
    parser.add_argument('--threads', type=int, default=0,
                        help='OpenMP threads (0: no OpenMP, one thread)')
    parser.add_argument('--method', choices=METHODS,
                        help="the NeuronGroups' integration method where the test gives none")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error('N must be at least 1, not %d' % args.n)
    if args.threads < 0:
        parser.error('--threads must be 0 or more, not %d' % args.threads)
    args.project = os.path.abspath(args.project)
    return args


def speed_test_class(name):
    from brian2.tests.features import speed
    if name not in speed.__all__:
        raise ValueError('unknown speed test %r (known: %s)' % (name, ', '.join(speed.__all__)))
    return getattr(speed, name)


def default_method(brian2, method):
    """NeuronGroups created without a method get `method`."""
    original_init = brian2.NeuronGroup.__init__

    def init(self, *args, **kwargs):
        kwargs.setdefault('method', method)
        original_init(self, *args, **kwargs)

    brian2.NeuronGroup.__init__ = init


def result_file(device, variable):
    """[file name in the project, bytes per element] of an array the binary
    writes at its end: its size counts spikes or synapses."""
    return [device.get_array_filename(variable), int(numpy.dtype(variable.dtype).itemsize)]


def build(test_name, n, project, threads, method):
    import brian2
    test_class = speed_test_class(test_name)
    keep_created_objects(brian2)
    if method:
        default_method(brian2, method)
    brian2.set_device('cpp_standalone', build_on_run=False)
    brian2.prefs.devices.cpp_standalone.openmp_threads = threads
    device = brian2.get_device()
    device.insert_code('before_network_run', BEFORE_RUN)
    device.insert_code('after_network_run', AFTER_RUN)
    start = time.time()
    test_class(n).run()
    device.build(directory=project, compile=True, run=False, with_output=False)
    total = time.time() - start
    make = device.timers['compile']['make']
    clean = device.timers['compile'].get('clean') or 0.0
    return {
        'test': test_name, 'n': n, 'openmp_threads': threads, 'method': method,
        'brian2_version': brian2.__version__,
        'compiler_flags': ' '.join(brian2.prefs.codegen.cpp.extra_compile_args_gcc),
        'codegen_s': total - make - clean,
        'make_s': make,
        'spike_files': [result_file(device, monitor.variables['i'])
                        for monitor in Created.monitors],
        'synapse_files': [result_file(device, synapses.variables['_synaptic_pre'])
                          for synapses in Created.synapses],
        'run_command': list(brian2.prefs.devices.cpp_standalone.run_cmd_unix
                            if not isinstance(brian2.prefs.devices.cpp_standalone.run_cmd_unix,
                                              str)
                            else [brian2.prefs.devices.cpp_standalone.run_cmd_unix]),
        'run_environment': dict(brian2.prefs.devices.cpp_standalone.run_environment_variables,
                                **device.run_environment_variables),
    }


def main(argv):
    args = parse_arguments(argv)
    # stdout is for the JSON only: Brian2 and make write to file descriptor 1
    json_out = os.fdopen(os.dup(1), 'w')
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    with tempfile.TemporaryDirectory(prefix='brian2_speedtest_home_') as home:
        os.environ['HOME'] = home  # Brian2 reads no user preferences
        figures = build(args.test, args.n, args.project, args.threads, args.method)
    json_out.write(json.dumps(figures) + '\n')
    json_out.close()


if __name__ == '__main__':
    try:
        main(sys.argv[1:])
    except ValueError as error:
        sys.exit('brian2_speedtest.py: %s' % error)
