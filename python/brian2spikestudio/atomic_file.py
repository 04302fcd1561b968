"""Files that appear complete or not at all."""
import os
import tempfile


class CannotWrite(Exception):
    """One line: "cannot write PATH (reason)"."""


def write_atomically(path, text):
    """Writes `text` (UTF-8) to a temporary beside `path`, created with the
    mode open() would give it, and renames it into place."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix='.' + os.path.basename(path) + '.',
                                             dir=directory)
    except OSError as error:
        raise CannotWrite('cannot write %s (%s)' % (path, error.strerror))
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(handle, 0o666 & ~umask)  # as open() would create it, not mkstemp's 0600
        with os.fdopen(handle, 'w', encoding='utf-8') as output:
            output.write(text)
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise CannotWrite('cannot write %s (%s)' % (path, error.strerror))
