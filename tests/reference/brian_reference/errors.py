"""The one error bad input gets."""


class ModelFileError(Exception):
    """Bad input. The message names the object and the field first, as Spike
    Studio's own messages do: "'P', field 'N': expected an integer"."""

    def __init__(self, obj, fld, problem):
        where = ', '.join(part for part in (
            "'%s'" % obj if obj else '', "field '%s'" % fld if fld else '') if part)
        super().__init__('%s: %s' % (where, problem) if where else problem)


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
