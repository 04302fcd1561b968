#!/usr/bin/python3
"""One run shared between threads: `spikestudio run --threads N` for N = 1 and
more, alternated in one invocation, the `simulate` time each run prints, medians.

usage: /usr/bin/python3 bench/thread_scaling.py SPIKESTUDIO_BINARY [options]

  --models LIST    model files (default: the CUBA and COBAHH examples and
                   bench/models/cuba_100k.json)
  --threads LIST   thread counts (default: 1 and the number of cores)
  --tier TIER      passed through (default: native)
  --duration EXPR  simulated time (default: 1*second)
  --reps N         repetitions of each cell (default 3)

Speed-up = median simulate time on 1 thread / median on N threads. Only the
simulation is timed (not building or compiling); the kernel cache is warmed
by one run first. Standard library only.
"""
import argparse
import os
import re
import statistics
import subprocess
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MODELS = ['resources/examples/cuba.json', 'resources/examples/cobahh.json',
                  'bench/models/cuba_100k.json']


def simulate_ms(command, environment):
    output = subprocess.run(command, check=True, capture_output=True, text=True,
                            env=environment).stdout
    match = re.search(r'simulate ([0-9.]+) ms', output)
    if not match:
        raise SystemExit('thread_scaling: no simulate time in the output of ' + ' '.join(command))
    return float(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('binary')
    parser.add_argument('--models', default=','.join(DEFAULT_MODELS))
    parser.add_argument('--threads', default='1,%d' % (os.cpu_count() or 1))
    parser.add_argument('--tier', default='native')
    parser.add_argument('--duration', default='1*second')
    parser.add_argument('--reps', type=int, default=3)
    options = parser.parse_args()
    models = [m if os.path.isabs(m) else os.path.join(REPO, m) for m in options.models.split(',')]
    counts = [int(n) for n in options.threads.split(',')]

    environment = dict(os.environ)
    cache = tempfile.mkdtemp(prefix='thread-bench-cache-')
    os.chmod(cache, 0o700)
    environment.setdefault('SPIKESTUDIO_CACHE_DIR', cache)

    print('| model | ' + ' | '.join('%d thread%s' % (n, '' if n == 1 else 's') for n in counts)
          + ' | speed-up |')
    print('| --- |' + ' ---: |' * (len(counts) + 1))
    for model in models:
        def run(threads, duration=options.duration):
            return [options.binary, 'run', model, '--tier', options.tier, '--duration',
                    duration, '--threads', str(threads)]
        simulate_ms(run(1, '1*ms'), environment)  # warms the kernel cache
        times = {n: [] for n in counts}
        for rep in range(options.reps):
            for n in counts:  # alternated, so load changes hit every column
                times[n].append(simulate_ms(run(n), environment))
        medians = {n: statistics.median(times[n]) for n in counts}
        print('| %s | %s | %.2f |' % (
            os.path.basename(model), ' | '.join('%.0f ms' % medians[n] for n in counts),
            medians[counts[0]] / medians[counts[-1]]))


if __name__ == '__main__':
    main()
