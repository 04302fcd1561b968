#!/usr/bin/python3
"""How many of Brian2's own example scripts Spike Studio imports.

usage: survey.py EXAMPLES_DIR [-o TABLE.md] [--timeout SECONDS]

EXAMPLES_DIR is the `examples` folder of a Brian2 source tree of the installed
version (Debian's python3-brian does not ship it; `git archive 2.5.1 examples`
of Brian2's repository gives it). Every script is imported with
`python3 -m brian2spikestudio.importer` in a scratch folder; a script counts
as imported when the importer exits with status 0 ("imported, simulated"
with what it cost when the importer had to simulate it to get past its
analysis: set SPIKESTUDIO_BINARY, or it finds the program as the importer
does). Scripts outside the
importer's scope by design (SpatialNeuron, network_operation, helper modules
without a run(), multiprocessing pools) are listed apart with the reason and
do not count against the ratio; so does a script the importer refuses
because the script itself raised an exception, when Brian2 alone (numpy
target, same Python, same matplotlib) raises the same one: there is no
Brian2 result to reproduce. Runs outside ctest: the examples are not part
of this repository and some take minutes of Python before their first run().
"""
import argparse
import collections
import os
import pathlib
import re
import subprocess
import sys
import tempfile

# Why a script is outside the importer's scope, by what it uses.
OUT_OF_SCOPE = [
    (re.compile(r'\bSpatialNeuron\b'), 'SpatialNeuron (multicompartment neurons)'),
    (re.compile(r'@network_operation|\bnetwork_operation\('), 'network_operation (Python code)'),
    (re.compile(r'\bmultiprocessing\b|\bjoblib\b'), 'a multiprocessing pool'),
    (re.compile(r'\bsbi\b|\bcv2\b'), 'packages outside Debian (sbi, OpenCV)'),
]

PYTHON = '/usr/bin/python3'
# The importer's note for a script it simulated; its cost.
SIMULATED_NOTE = re.compile(r'^note: the script uses what its monitors recorded .*? '
                            r'simulating its (\d+ run\(\) calls?, which took [0-9.]+ s)',
                            re.MULTILINE)


def out_of_scope_reason(source):
    for pattern, reason in OUT_OF_SCOPE:
        if pattern.search(source):
            return reason
    if not re.search(r'\brun\(', source):
        return 'no run() (a helper module)'
    return None


def import_script(script, package_root, timeout):
    """(status, first line of the importer's message)."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, PYTHONPATH=str(package_root), HOME=scratch,
                   MPLBACKEND='Agg')
        try:
            done = subprocess.run(
                [PYTHON, '-m', 'brian2spikestudio.importer', str(script), '-o',
                 os.path.join(scratch, 'model.json')],
                cwd=scratch, env=env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return 'timeout', 'still running after %d s' % timeout
    errors = [line for line in done.stderr.splitlines() if line.startswith('error:')]
    message = errors[0] if errors else (done.stderr.strip().splitlines() or [''])[-1]
    if done.returncode != 0:
        return 'refused', message
    simulated = SIMULATED_NOTE.search(done.stderr)
    if simulated:  # the script reads its monitors: imported by simulating it
        return 'imported, simulated', simulated.group(1)
    return 'imported', ''


# The importer's refusal when the script's own code failed.
SCRIPT_RAISED = re.compile(r'the script raised (\w+): (.*?)(, even with its runs simulated.*)?$')


def brian2_failure(script, timeout):
    """The last line of the traceback when Brian2 alone fails running the
    script (None when it runs, or is still running after `timeout`)."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, HOME=scratch, MPLBACKEND='Agg')
        try:
            done = subprocess.run([PYTHON, str(script)], cwd=scratch, env=env,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
    lines = done.stderr.strip().splitlines()
    return lines[-1] if done.returncode != 0 and lines else None


def fails_in_brian2_too(script, message, timeout):
    """The reason to count a refused script out of scope: Brian2 itself
    raises the exception the importer reported; None otherwise."""
    raised = SCRIPT_RAISED.search(message)
    if not raised:
        return None
    failure = brian2_failure(script, timeout)
    if failure != '%s: %s' % (raised.group(1), raised.group(2)):
        return None
    return 'the script fails under Brian2 itself (%s)' % failure


def refusal_kind(message):
    """The message without its script location, to group refusals."""
    return re.sub(r'^error: [^:]*:\d+: ', '', message)


def survey(examples, package_root, timeout):
    rows = []
    for script in sorted(examples.rglob('*.py')):
        name = str(script.relative_to(examples))
        reason = out_of_scope_reason(script.read_text(errors='replace'))
        if reason:
            rows.append((name, 'out of scope', reason))
            continue
        status, message = import_script(script, package_root, timeout)
        if status == 'refused':
            reason = fails_in_brian2_too(script, message, timeout)
            if reason:
                status, message = 'out of scope', reason
        rows.append((name, status, message))
        print('%-60s %s' % (name, status), file=sys.stderr)
    return rows


def table(rows):
    counted = [row for row in rows if row[1] != 'out of scope']
    imported = sum(1 for row in counted if row[1].startswith('imported'))
    simulated = sum(1 for row in counted if row[1] == 'imported, simulated')
    lines = ['%d of %d examples in scope import (%.0f%%), %d of them simulated to get past '
             'their analysis; %d out of scope.' %
             (imported, len(counted), 100.0 * imported / max(len(counted), 1), simulated,
              len(rows) - len(counted)), '',
             '| example | result | reason |', '| --- | --- | --- |']
    lines += ['| %s | %s | %s |' % (name, status, reason.replace('|', '\\|'))
              for name, status, reason in rows]
    kinds = collections.Counter(refusal_kind(row[2]) for row in counted
                                if not row[1].startswith('imported'))
    if kinds:
        lines += ['', 'Refusals by message:', '']
        lines += ['- %d × %s' % (count, kind) for kind, count in kinds.most_common()]
    return '\n'.join(lines) + '\n'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('examples', type=pathlib.Path)
    parser.add_argument('-o', dest='output', type=pathlib.Path)
    parser.add_argument('--timeout', type=int, default=300)
    args = parser.parse_args()
    if not args.examples.is_dir():
        sys.exit('error: %s is not a folder' % args.examples)
    package_root = pathlib.Path(__file__).resolve().parents[2] / 'python'
    text = table(survey(args.examples.resolve(), package_root, args.timeout))
    if args.output:
        args.output.write_text(text)
    else:
        sys.stdout.write(text)


if __name__ == '__main__':
    main()
