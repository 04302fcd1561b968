"""Imports a Brian2 script as a Spike Studio model.

usage: python3 -m brian2spikestudio.importer SCRIPT.py -o MODEL.json

Importing RUNS THE SCRIPT'S PYTHON CODE, as `python3 SCRIPT.py` would (in
its own directory, with its own __file__ and sys.argv): import only scripts
you would run. Brian2 is put into a capturing mode first, so the script's
run() calls record the network instead of simulating it; what the script
prints is dropped, and figures go to matplotlib's Agg backend (no window).
Whatever else the script does (writing files, say) happens as usual.
A script that raises after run() (it reads its monitors, which the capture
leaves empty) is run once more with Spike Studio simulating each run()
(simulated_capture.py; `--engine PROGRAM` names the spikestudio program).

The model (docs/model-format.md) is written to MODEL.json, replacing a file
of that name only when complete. A script that runs several networks in turn
(docs/brian2-import.md, "Several networks") writes MODEL.json and the sweep
MODEL.sweep.json when they differ only in numbers, else one model per
network, MODEL-1.json, MODEL-2.json, ...; `-o FOLDER/` writes into FOLDER
under the script's name. Each file written is named on stdout. Exit status 0 on success; 1 with one line
on stderr ("error: script.py:42: run_regularly on NeuronGroup 'G' is not
supported yet") when the script cannot be imported. Lines starting with "note: " say
where the imported model's random numbers will differ from Brian2's, and
that the script was simulated, with what it cost.
"""
import argparse
import json
import os
import sys
import warnings

from .atomic_file import CannotWrite, write_atomically
from .errors import ImportFailure
from .memory_limit import limit_memory
from .script_runner import ScriptRaised, ScriptSource, run_script

INSTALL_HINT = 'Brian2 is not installed for %s (on Debian: apt-get install python3-brian)'
SWEEP_EXTENSION = '.sweep.json'
RANDOM_NOTE_END = ("; the imported model's random numbers will differ from Brian2's "
                   '(their statistics will not)')


class ArgumentParser(argparse.ArgumentParser):
    """Bad arguments exit with status 1 and one line, like bad input."""

    def error(self, message):
        sys.exit('error: %s' % message)


def failure_text(text):
    """--simulate-after's value: the failure's where, what it raised, the run()'s where."""
    value = json.loads(text)
    if not (isinstance(value, list) and len(value) == 3
            and all(isinstance(item, str) for item in value)):
        raise ValueError('not three strings')
    return value


def parse_arguments(argv):
    parser = ArgumentParser(
        prog='python3 -m brian2spikestudio.importer',
        description='Imports a Brian2 script as a Spike Studio model. Importing runs the '
                    "script's Python code: import only scripts you would run.")
    parser.add_argument('script', help='the Brian2 script (it is run; "--" before it if its '
                                       'name starts with "-")')
    parser.add_argument('-o', dest='output', required=True, metavar='MODEL.json',
                        help='the model file to write (a folder: ending in "/")')
    parser.add_argument('--engine', metavar='PROGRAM',
                        help='the spikestudio program that simulates a script reading its '
                             'monitors after run() (default: SPIKESTUDIO_BINARY, else the one '
                             'installed with this package, else spikestudio on PATH)')
    # Internal: the importer a capture that failed after run() execs (simulated_capture.py).
    parser.add_argument('--simulate-after', type=failure_text, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def import_brian2():
    """Brian2, imported quietly and quickly: without its dependencies' warnings,
    without Cython (the capture never compiles; importing it takes longer than
    the rest of Brian2), and without Brian2's log files in the temp folder."""
    blocked = 'Cython' not in sys.modules
    if blocked:
        sys.modules['Cython'] = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            import brian2
    except ImportError:
        raise ImportFailure('', INSTALL_HINT % sys.executable)
    finally:
        if blocked:
            del sys.modules['Cython']
    remove_brian2_log_files()
    return brian2


def remove_brian2_log_files():
    from brian2.utils.logger import BrianLogger
    import logging
    if BrianLogger.file_handler is not None:
        logging.getLogger('brian2').removeHandler(BrianLogger.file_handler)
        logging.getLogger('py.warnings').removeHandler(BrianLogger.file_handler)
        BrianLogger.file_handler.close()
        BrianLogger.file_handler = None
    for attribute in ('tmp_log', 'tmp_script'):
        path = getattr(BrianLogger, attribute, None)
        if path is not None:
            try:
                os.remove(path)
            except OSError:
                pass
            setattr(BrianLogger, attribute, None)


def capture_only(source):
    """Runs the script under the capturing device, which simulates nothing;
    its Recording. RaisedAfterRun when the script raised after a run()."""
    from .capture import capturing
    from .recording import ScriptLocator
    from .simulated_capture import RaisedAfterRun
    with capturing(ScriptLocator(source.path, source.display)) as recording:
        try:
            run_script(source)
        except ScriptRaised as failure:
            runs = recording.runs()
            if runs:
                raise RaisedAfterRun(failure.where, failure.problem, runs[-1].where) from None
            raise
    return recording


def capture(source, script, output, program=None, simulate_after=None):
    """The script's Recording and the notes on how it was made. First
    captured without simulating; when the script raises after a run() (it
    reads its monitors), this process becomes a fresh importer of `script`
    into `output` that captures it while Spike Studio (`program`, or the
    one find_program finds) simulates each run(): simulated_capture.py.
    `simulate_after` (the failure's where, what it raised, the run()'s
    where) makes this that importer."""
    from .simulated_capture import (RaisedAfterRun, import_again_simulating,
                                    simulated_recording)
    if simulate_after:
        recording, note = simulated_recording(source, RaisedAfterRun(*simulate_after), program)
        return recording, [note]
    try:
        return capture_only(source), []
    except RaisedAfterRun as failed:
        import_again_simulating(failed, script, output, program)
        raise  # not reached: the process is the new importer now


def model_text(model):
    return json.dumps(model, indent=2, allow_nan=False) + '\n'


def model_path(output, source):
    """The model file `-o` names: in a folder, the script's name with .json."""
    if output.endswith(os.sep):
        name = os.path.splitext(os.path.basename(source.display))[0] + '.json'
        return os.path.join(output, name)
    return output


def files_to_write(translations, path):
    """(path, text) of every file the import writes (see the module)."""
    if len(translations) == 1:
        return [(path, model_text(translations[0].model))]
    from .network_sweep import as_sweep
    stem, extension = os.path.splitext(path)
    sweep = as_sweep([translation.model for translation in translations])
    if sweep is not None:
        return [(path, model_text(sweep.model)),
                (stem + SWEEP_EXTENSION, json.dumps(sweep.specification, indent=2) + '\n')]
    return [('%s-%d%s' % (stem, k, extension or '.json'), model_text(translation.model))
            for k, translation in enumerate(translations, 1)]


def import_script(script, output, program=None, simulate_after=None):
    """Imports `script` into the model file(s) `output` names, simulating
    with the spikestudio `program` if it must (see capture); the notes for
    the user and the paths written."""
    source = ScriptSource(script)
    path = model_path(output, source)
    if os.path.exists(path) and os.path.samefile(path, source.path):
        raise ImportFailure('', 'the output %s is the script itself' % path)
    limit_memory()
    import_brian2()
    from .translate import translate_networks
    recording, notes = capture(source, script, output, program, simulate_after)
    translations = translate_networks(recording)
    written = []
    try:
        for target, text in files_to_write(translations, path):
            write_atomically(target, text)
            written.append(target)
    except CannotWrite as error:
        for target in written:
            os.unlink(target)
        raise ImportFailure('', str(error))
    return notes + [note + RANDOM_NOTE_END for translation in translations
                    for note in translation.notes], written


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        notes, written = import_script(args.script, args.output, args.engine,
                                       args.simulate_after)
    except ImportFailure as failure:
        sys.exit('error: %s' % failure)
    except RecursionError:
        sys.exit('error: %s: nested too deeply to import' % args.script)
    except Exception as error:  # a case the importer does not know: say so, never a traceback
        lines = str(error).strip().splitlines()
        sys.exit('error: %s: the importer failed (%s%s)' % (
            args.script, type(error).__name__, ': ' + lines[0] if lines else ''))
    for note in notes:
        print('note: %s' % note, file=sys.stderr)
    for target in written:
        print('wrote %s' % target)


if __name__ == '__main__':
    main()
