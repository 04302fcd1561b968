"""The one error bad input gets (the model file reader's), and Brian2's errors in one line."""
from brian2spikestudio.model_file import ModelFileError

__all__ = ['ModelFileError', 'describe_brian2_error', 'first_line']


def first_line(error):
    """The first line of an exception's message (Brian2's can run to many lines)."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def describe_brian2_error(error):
    """One line for an exception from Brian2: the original error's type and first
    line, after the name of the Brian2 object it wraps when it wraps one."""
    owner = getattr(error, '_brian_objname', None)
    original = error.__cause__ if owner and error.__cause__ is not None else error
    text = '%s: %s' % (type(original).__name__, first_line(original))
    return "Brian2 object '%s': %s" % (owner, text) if owner else text
