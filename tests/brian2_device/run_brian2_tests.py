#!/usr/bin/python3
"""Runs Brian2's own tests, as Debian's python3-brian installs them, against
the spikestudio device and writes a table of the outcomes (Markdown, for
docs/brian2-device-tests.md). Nothing of Brian2's tests is copied: they run
from /usr/lib/python3/dist-packages/brian2.

1. The standalone-compatible tests (pytest marker `standalone_compatible`,
   not `long`; the GSL tests too, as `brian2.test(test_GSL=True)` adds
   them), the way `brian2.test(test_standalone=...)` runs a standalone
   device: Brian2's PreferencePlugin sets the device before every test with
   the options standalone devices get (directory=None, with_output=False),
   Brian2's conftest resets it after, and a NotImplementedError counts as
   skipped (fail_for_not_implemented=False).
2. The feature tests (brian2/tests/features): every FeatureTest, run by the
   device and by Brian2's numpy target in processes of their own, judged by
   the test's own check() or compare() at Brian2's tolerances (strict 1e-5,
   tolerant 5%). Brian2 2.5.1's run_feature_tests cannot run under Python 3
   (its child-process code has Python 2 syntax), so this script runs each
   test the same way itself.

usage: run_brian2_tests.py [-o TABLE.md] [-k PYTEST_EXPRESSION] [--no-features]
                           [--tests-from BRIAN2_SOURCE]
Needs python3-brian, python3-pytest, a writable HOME, and the device
(brian2spikestudio on PYTHONPATH, the program found as the device finds it).

Debian installs part of Brian2's tests. --tests-from runs the whole suite of
a Brian2 source tree of the installed version instead (`git archive 2.5.1
brian2/tests | tar -x` in a clone of Brian2's repository gives it): the
installed package is copied into a scratch folder with that tests folder in
place of its own, and the tests run from there. Nothing is copied into this
repository.
"""
import argparse
import collections
import os
import pickle
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
FEATURE_MODULES = ('input', 'monitors', 'neurongroup', 'synapses')
STRICT, TOLERANT = 1e-5, 0.05


# -- reasons -------------------------------------------------------------------------------

# What the model format cannot express yet (issue 17), by a word of the
# importer's message: the class of reason shown in the table.
FORMAT_FEATURES = [  # the most specific first: a message may also name a subgroup
    ('run_regularly', 'run_regularly'),
    ('indexed by a group', 'values indexed by a subgroup'),
    ('(scheduling)', "when= / order= scheduling"),
    ('inactive part', 'a part of an object made inactive on its own'),
    ('several run() calls', 'several run() calls with changes between them'),
    ('store()/restore()', 'store() / restore()'),
    ('custom event', 'custom events'),
    ('subgroup', 'subgroups'),
]


def reason_class(message):
    """A short class for why a test did not pass."""
    text = message or ''
    if 'is not supported yet' in text:
        for word, feature in FORMAT_FEATURES:
            if word in text:
                return 'not in the model format yet: ' + feature
        detail = text.split(' is not supported yet')[0].rsplit(': ', 1)[-1]
        return 'not in the model format yet: ' + detail[:60]
    if 'after a run is not available' in text:
        return 'a variable Spike Studio does not keep, read after a run'
    if 'Spike Studio could not run the network' in text:
        return 'refused or failed by Spike Studio'
    if 'InaccuracyError' in text or 'AssertionError' in text or 'assert ' in text:
        return 'results differ'
    first = text.strip().splitlines()[0] if text.strip() else ''
    return 'other: ' + first[:80] if first else 'other'


# -- 1. pytest -----------------------------------------------------------------------------

def run_pytest(junit_path, expression):
    import brian2
    import brian2spikestudio.device  # registers the device
    from brian2.tests import PreferencePlugin, make_argv
    import pytest
    brian2.prefs.reset_to_defaults()
    brian2.prefs['codegen.target'] = 'numpy'
    plugin = PreferencePlugin(brian2.prefs, fail_for_not_implemented=False)
    plugin.device = 'spikestudio'
    plugin.device_options = {'directory': None, 'with_output': False}
    brian2_dir = os.path.dirname(brian2.__file__)
    argv = make_argv([brian2_dir], 'standalone_compatible and not long', test_GSL=True)
    argv += ['--junitxml', junit_path, '-p', 'no:cacheprovider', '-q', '-rN']
    if expression:
        argv += ['-k', expression]
    pytest.main(argv, plugins=[plugin])


def pytest_rows(junit_path):
    rows = []
    for case in ElementTree.parse(junit_path).getroot().iter('testcase'):
        name = '%s::%s' % (case.get('classname', '').replace('brian2.tests.', ''),
                           case.get('name'))
        outcome, message = 'pass', ''
        for child in case:
            if child.tag in ('failure', 'error'):
                outcome = 'fail'
                message = (child.get('message') or '') + '\n' + (child.text or '')
            elif child.tag == 'skipped':
                outcome = 'skip'
                message = (child.get('message') or '') + '\n' + (child.text or '')
        rows.append((name, outcome, reason_class(message) if outcome != 'pass' else ''))
    return rows


# -- 2. feature tests --------------------------------------------------------------------------

def feature_tests():
    import importlib
    from brian2.tests.features.base import FeatureTest
    for module in FEATURE_MODULES:
        importlib.import_module('brian2.tests.features.' + module)
    return sorted(FeatureTest.__subclasses__(), key=lambda test: test.fullname())


def run_feature_in_child(device, module, name, out):
    """In a fresh process: runs one FeatureTest on `device`, pickles its results."""
    import warnings
    warnings.simplefilter('ignore')
    import importlib
    import brian2
    import brian2spikestudio.device  # noqa: F401 (registers the device)
    brian2.prefs.reset_to_defaults()
    brian2.prefs.codegen.target = 'numpy'
    if device == 'spikestudio':
        brian2.set_device('spikestudio', tier='tcc')
    test = getattr(importlib.import_module(module), name)()
    try:
        test.run()
        outcome = (None, test.results())
    except Exception as error:
        outcome = ('%s: %s' % (type(error).__name__, str(error).strip()), None)
    with open(out, 'wb') as f:
        pickle.dump(outcome, f)


def feature_result(device, test, folder):
    out = os.path.join(folder, '%s-%s.pickle' % (test.fullname(), device))
    subprocess.run([sys.executable, os.path.abspath(__file__), '--feature-child', device,
                    test.__module__, test.__name__, out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    if not os.path.exists(out):
        return 'the test process died', None
    with open(out, 'rb') as f:
        return pickle.load(f)


def judge(test, results, baseline, tolerance):
    """The test's own check(), or its compare() against Brian2's numpy run.
    FeatureTest.compare_arrays cannot compare with today's numpy (it negates
    a boolean array with '-'): compare_arrays below does it, for a compare()
    that calls it on each of its arrays and for one that is an alias of it."""
    from brian2.tests.features.base import FeatureTest
    FeatureTest.compare_arrays = lambda self, maxrelerr, base, test: compare_arrays(
        maxrelerr, base, test)
    instance = test()
    try:
        instance.check(tolerance, results)
    except NotImplementedError:
        try:
            instance.compare(tolerance, baseline, results)
        except TypeError as error:
            if 'boolean negative' not in str(error):
                raise
            compare_arrays(tolerance, baseline, results)


def compare_arrays(tolerance, base, test):
    """FeatureTest.compare_arrays's rule (the largest relative error where
    the baseline is not zero; zero where it is), for the arrays it cannot
    compare itself with today's numpy (it negates a boolean array with '-')."""
    from brian2.tests.features.base import InaccuracyError
    import numpy as np
    if isinstance(base, dict):
        for key in base:
            compare_arrays(tolerance, base[key], test[key])
        return
    base, test = np.asarray(base), np.asarray(test)
    if base.shape != test.shape:
        raise InaccuracyError(np.inf)
    nonzero = base != 0
    error = np.amax(np.abs(base[nonzero] - test[nonzero]) / np.abs(base[nonzero]), initial=0.0)
    if error > tolerance:
        raise InaccuracyError(error)
    if (test[~nonzero] != 0).any():
        raise InaccuracyError(np.inf)


def feature_rows():
    from brian2.tests.features.base import InaccuracyError
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for test in feature_tests():
            name = 'features::' + test.fullname()
            error, baseline = feature_result('numpy', test, folder)
            if error:
                rows.append((name, 'skip', 'Brian2 itself fails: ' + error.splitlines()[0][:60]))
                continue
            error, results = feature_result('spikestudio', test, folder)
            if error:
                outcome = 'skip' if error.startswith('NotImplementedError') else 'fail'
                rows.append((name, outcome, reason_class(error)))
                continue
            try:
                judge(test, results, baseline, STRICT)
                rows.append((name, 'pass', ''))
            except InaccuracyError as strict:
                try:
                    judge(test, results, baseline, TOLERANT)
                    rows.append((name, 'pass', 'within 5%% (error %.2g%%)' % (100 * strict.error)))
                except InaccuracyError as tolerant:
                    rows.append((name, 'fail', 'results differ (error %.2g%%)'
                                 % (100 * tolerant.error)))
            except Exception as other:  # results of another shape than Brian2's
                rows.append((name, 'fail', reason_class('%s: %s' % (type(other).__name__,
                                                                      other))))
    return rows


# -- the table -------------------------------------------------------------------------------

def markdown(sections):
    import brian2
    lines = ["# Brian2's own tests against the spikestudio device", '',
             'Brian2 %s as Debian installs it (python3-brian), run against '
             "`set_device('spikestudio')` by `tests/brian2_device/run_brian2_tests.py` "
             '(see [brian2-device.md](brian2-device.md#brian2s-own-tests)). '
             '"not in the model format yet" names what the model format cannot hold yet '
             '(issue 17); the run() then fails with that message.' % brian2.__version__, '']
    for title, rows in sections:
        counts = collections.Counter(outcome for _, outcome, _ in rows)
        lines += ['## %s' % title, '',
                  '%d tests: %d pass, %d fail, %d skip' % (
                      len(rows), counts['pass'], counts['fail'], counts['skip']), '']
        reasons = collections.Counter(reason for _, outcome, reason in rows if outcome != 'pass')
        if reasons:
            lines += ['| reason (fail or skip) | tests |', '| --- | --- |']
            lines += ['| %s | %d |' % (reason, n) for reason, n in reasons.most_common()]
            lines.append('')
        lines += ['| test | outcome | reason |', '| --- | --- | --- |']
        lines += ['| `%s` | %s | %s |' % (name, outcome, reason.replace('|', '\\|'))
                  for name, outcome, reason in rows]
        lines.append('')
    return '\n'.join(lines)


def package_with_tests(source, folder):
    """A folder to put first on PYTHONPATH: the installed brian2 package,
    copied, with the tests of the Brian2 source tree `source`."""
    import shutil
    import brian2
    tests = os.path.join(source, 'brian2', 'tests')
    if not os.path.isfile(os.path.join(tests, 'test_synapses.py')):
        sys.exit('error: %s holds no brian2/tests/test_synapses.py' % source)
    overlay = os.path.join(folder, 'overlay')
    package = os.path.join(overlay, 'brian2')
    shutil.copytree(os.path.dirname(brian2.__file__), package,
                    ignore=shutil.ignore_patterns('__pycache__', 'tests'))
    shutil.copytree(tests, os.path.join(package, 'tests'))
    return overlay


def main(argv):
    if argv[:1] == ['--feature-child']:
        run_feature_in_child(*argv[1:5])
        return
    if argv[:1] == ['--pytest-child']:
        run_pytest(argv[1], argv[2] if len(argv) > 2 else '')
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-o', dest='output', help='the Markdown table to write')
    parser.add_argument('-k', dest='expression', default='', help='pytest -k selection')
    parser.add_argument('--no-features', action='store_true')
    parser.add_argument('--tests-from', metavar='BRIAN2_SOURCE',
                        help="a Brian2 source tree whose brian2/tests to run")
    args = parser.parse_args(argv)
    sections = []
    with tempfile.TemporaryDirectory() as folder:
        environment = dict(os.environ)
        if args.tests_from:
            environment['PYTHONPATH'] = os.pathsep.join(
                [package_with_tests(args.tests_from, folder)]
                + [p for p in [environment.get('PYTHONPATH')] if p])
        junit = os.path.join(folder, 'junit.xml')
        subprocess.run([sys.executable, os.path.abspath(__file__), '--pytest-child', junit,
                        args.expression], cwd=folder, env=environment)
        sections.append(('Standalone-compatible tests (brian2/tests)', pytest_rows(junit)))
    if not args.no_features:
        sections.append(('Feature tests (brian2/tests/features)', feature_rows()))
    table = markdown(sections)
    if args.output:
        with open(args.output, 'w') as f:
            f.write(table)
    print(table)


if __name__ == '__main__':
    main(sys.argv[1:])
