#!/usr/bin/python3
"""How close Spike Studio's kernels come to what this CPU can do at most.

usage: /usr/bin/python3 bench/hardware_bound.py SPIKESTUDIO MACHINE_PEAK
           [--models cuba,cobahh] [--reps 5] [--threads 1]

For each model (resources/examples/MODEL.json), in one invocation:
  1. the CPU's peak: MACHINE_PEAK --json (build/bench/machine_peak), the
     additions and multiplications, divisions and bandwidth one thread gets;
  2. the work per element of every state update, threshold and pathway
     kernel, counted in the C the native tier compiles (`run --show-kernels`):
     arithmetic operations (+ - * / comparisons, selections), divisions
     among them, each call of exp as the operations of Spike Studio's exp
     (counted in its source the same way), and the bytes read and written
     per element (every array element the loop loads or stores, 8 bytes a
     double, 4 an index);
  3. the time each kernel takes per step: `run --tier native --profile`
     (medians of --reps runs, warm kernel cache);
  4. the bound: a kernel cannot be faster than its additions and
     multiplications at the peak rate of 4-lane vectors (what gcc's
     -march=native uses here), nor than its divisions at the division rate
     (a unit of its own), nor than its bytes at the bandwidth of the working
     set (the group's arrays; the better of read and triad). Each bound
     over the measured time is the fraction of that limit reached.

Elements per call: a group's N for state updates and thresholds, its spikes
per step for resets; for a pathway the synapses due per step, spikes of its source (the model's
SpikeMonitor on it) times synapses per source neuron, over the steps.
Counting C operators is an estimate: the compiler may fold or add work, and
the bound ignores latency chains, loop overhead and the blend of both sides
of a selection. Markdown on stdout, progress on stderr.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(os.path.dirname(HERE), 'resources', 'examples')
LANES = 4  # gcc 12's -march=native here: 256-bit vectors for loops

BINARY_OPERATOR = re.compile(r'(?<=[\w\)\]\s])\s*(<=|>=|==|!=|&&|\|\||[-+*/<>&|?])(?![=+-])')
NUMBER = re.compile(r'\b\d+\.?\d*(?:[eE][-+]?\d+)?\b|0x[0-9a-fA-F.]+p[-+]?\d+')
ARRAY_ACCESS = re.compile(r'(_a\d+)\[([^\]]+)\]')


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f'error: {" ".join(command)} failed: {result.stderr.strip()[:300]}')
    return result.stdout


def block_after(text, start):
    """The text between the brace opened at or after `start` and its match."""
    open_at = text.index('{', start)
    depth = 0
    for position in range(open_at, len(text)):
        depth += {'{': 1, '}': -1}.get(text[position], 0)
        if depth == 0:
            return text[open_at + 1:position]
    raise ValueError('unbalanced braces')


def operations(code):
    """Arithmetic operators in C text, and how many of them divide."""
    code = re.sub(r'/\*.*?\*/', ' ', code, flags=re.S)
    code = NUMBER.sub('0', code)
    code = re.sub(r'\((?:double|int64_t|int32_t)\)', ' ', code)  # casts
    found = BINARY_OPERATOR.findall(code)
    return len(found), found.count('/')  # a '?' counts too: a blend


def exp_operations(prelude):
    """Operations of one call of Spike Studio's exp, as the native tier inlines it."""
    total = 0
    for name, times in (('spikestudio_exp_inline', 1), ('spikestudio_exp_tail', 1),
                        ('spikestudio_exp_pow2', 2)):
        body = block_after(prelude, prelude.index(f'double {name}('))
        total += times * operations(body)[0]
    return total


def kernels_of(show_kernels_output):
    """{kernel name: C text} from `run --show-kernels`."""
    parts = re.split(r'/\* ---- (.+?) ---- \*/\n', show_kernels_output)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def element_work(source, exp_cost):
    """Operations, divisions, exp calls and bytes per element of a kernel's loop."""
    body_start = source.index('void spikestudio_kernel(')
    kernel = source[body_start:]
    loop = re.search(r'for \((_idx|_k) = [^;]*;[^;]*;[^)]*\)', kernel)
    body = block_after(kernel, loop.end())  # a threshold's: the loop checking a block
    ops, divisions = operations(body)
    exps = body.count('spikestudio_exp(')
    loads = {name for name, index in ARRAY_ACCESS.findall(body)}
    stores = set(re.findall(r'(_a\d+)\[[^\]]+\]\s*=[^=]', body))
    indices = len(re.findall(r'_synaptic_(?:pre|post)\[', body)) + ('_due[' in body)
    return {'ops': ops + exps * exp_cost, 'divisions': divisions, 'exps': exps,
            'bytes': 8 * (len(loads) + len(stores)) + 4 * indices,
            'arrays': len(loads)}


OPERATION_OF_KERNEL = [(' state update', '_stateupdater'), (' threshold', '_spike_thresholder'),
                       (' reset', '_spike_resetter')]


def operation_name(kernel):
    for suffix, operation_suffix in OPERATION_OF_KERNEL:
        if kernel.endswith(suffix):
            return kernel[:-len(suffix)] + operation_suffix
    return kernel


def profile(binary, model, reps, threads):
    """Median seconds per call of every operation, and the run's summary."""
    per_call, summary = {}, ''
    for rep in range(reps):
        summary = run([binary, 'run', model, '--tier', 'native', '--threads', str(threads),
                       '--profile'])
        for name, seconds, unit, calls in re.findall(
                r'^profile (\S+) \(.*?\): ([\d.e+-]+) (s|ms|us), [\d.]+%, (\d+) calls', summary,
                re.M):
            scale = {'s': 1.0, 'ms': 1e-3, 'us': 1e-6}[unit]
            per_call.setdefault(name, []).append(float(seconds) * scale / int(calls))
    return {name: statistics.median(times) for name, times in per_call.items()}, summary


def elements_per_call(kernel, source, summary, steps):
    groups = {name: int(n) for name, n in re.findall(r'^group (\S+): \w+, N=(\d+)', summary, re.M)}
    group = kernel.split(' ')[0]
    if kernel.endswith(' reset'):  # the step's spikes
        return spikes_of(group, summary) / steps, group
    if '_context->queue' not in source:
        return groups[group], group
    synapses = re.search(rf'^synapses {re.escape(kernel.split("_")[0])}: (\S+) -> \S+, (\d+) '
                         r'synapses', summary, re.M)
    source_group, count = synapses.group(1), int(synapses.group(2))
    return spikes_of(source_group, summary) * count / groups[source_group] / steps, source_group


def spikes_of(group, summary):
    return int(re.search(rf'^spikes {re.escape(group)} \(.*?\): (\d+)', summary, re.M).group(1))


def bandwidth_for(peak, working_set):
    """One thread's bandwidth (the better of read and triad) at the smallest
    measured size that holds the working set."""
    levels = peak['bandwidth']
    level = next((level for level in levels if level['bytes'] >= working_set), levels[-1])
    return max(level['read_1'], level['triad_1']), level['bytes']


def size_name(size):
    return f'{size >> 20} MiB' if size >= 1 << 20 else f'{size >> 10} KiB'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('binary')
    parser.add_argument('machine_peak')
    parser.add_argument('--models', default='cuba,cobahh')
    parser.add_argument('--reps', type=int, default=5)
    parser.add_argument('--threads', type=int, default=1)
    options = parser.parse_args()
    if options.reps < 1 or options.threads < 1:
        sys.exit('error: --reps and --threads must be at least 1')
    log('measuring the CPU peak')
    peak = json.loads(run([options.machine_peak, '--json']))
    add_mul = peak['add_mul_per_s'][str(LANES)]
    divide = peak['div_per_s'][str(LANES)]
    print(f'Peak, one thread: {add_mul:.3g} additions and multiplications per second '
          f'({LANES} lanes), {divide:.3g} divisions per second ({LANES} lanes).\n')
    print('| model | kernel | elements per step | operations per element (exp calls, '
          'divisions) | bytes per element | measured per step | arithmetic bound | '
          'memory bound (working set) | arithmetic bound / measured | memory bound / measured |')
    print('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for model in options.models.split(','):
        path = os.path.join(EXAMPLES, f'{model}.json')
        log(f'{model}: kernels')
        shown = run([options.binary, 'run', path, '--tier', 'native', '--duration', '1*ms',
                     '--show-kernels'])
        kernels = kernels_of(shown.split('\nmodel: ')[0])
        exp_cost = exp_operations(next(iter(kernels.values())))
        log(f'{model}: profiling, {options.reps} runs')
        per_call, summary = profile(options.binary, path, options.reps, options.threads)
        steps = int(re.search(r'simulate [\d.]+ ms \((\d+) steps', summary).group(1))
        for kernel, source in kernels.items():
            name = operation_name(kernel)
            if name not in per_call or 'state monitor' in kernel:
                continue
            work = element_work(source, exp_cost)
            elements, group = elements_per_call(kernel, source, summary, steps)
            group_size = int(re.search(rf'^group {re.escape(group)}: \w+, N=(\d+)', summary,
                                       re.M).group(1))
            # Divisions run on their own unit, beside additions and multiplications.
            arithmetic = elements * max((work['ops'] - work['divisions']) / add_mul,
                                        work['divisions'] / divide)
            working_set = group_size * 8 * max(1, work['arrays'])
            bandwidth, level = bandwidth_for(peak, working_set)
            memory = elements * work['bytes'] / bandwidth
            measured = per_call[name]
            print(f'| {model} | {kernel} | {elements:,.0f} | {work["ops"]} ({work["exps"]}, '
                  f'{work["divisions"]}) | {work["bytes"]} | {measured * 1e6:.3g} us | '
                  f'{arithmetic * 1e6:.3g} us | {memory * 1e6:.3g} us ({size_name(level)}) | '
                  f'{arithmetic / measured:.0%} | {memory / measured:.0%} |')
    print(f'\nOne exp call counts as {exp_cost} operations.')


if __name__ == '__main__':
    main()
