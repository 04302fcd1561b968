"""Python source text for values taken from a model: string literals that no
text can break out of, numbers that read back as the same double, and calls
and lists laid out within the line width of Brian2's documentation."""
WIDTH = 88
BLOCK_QUOTE = "'''"


def string_literal(text):
    """A one-line Python literal of `text`, whatever it holds (quotes,
    backslashes, newlines and other control characters are escaped)."""
    return repr(str(text))


def is_block_safe(text):
    """Whether `text` can stand between triple quotes exactly as it is."""
    return (all(char == '\n' or char.isprintable() for char in text)
            and '\\' not in text and BLOCK_QUOTE not in text and not text.endswith("'"))


def block_literal(text, indent):
    """Multi-line text as a triple-quoted literal, its lines indented by
    `indent` spaces (Brian2 ignores the indentation of equations and code);
    a one-line literal when the text cannot stand between triple quotes."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    body = '\n'.join(lines)
    if len(lines) < 2 or not is_block_safe(body):
        return string_literal(body if lines else text)
    pad = ' ' * indent
    return BLOCK_QUOTE + '\n' + '\n'.join(pad + line for line in lines) + '\n' + pad + BLOCK_QUOTE


def docstring(lines):
    """A module docstring holding `lines` of user text, escaped when needed."""
    text = '\n'.join(lines)
    if all(char == '\n' or char.isprintable() for char in text) and '\\' not in text and (
            '"""' not in text and not text.endswith('"')):
        return '"""' + text + '\n"""'
    return string_literal(text)


def number_literal(value):
    """A JSON number or boolean as Python: integers as integers, doubles by
    their shortest exact text."""
    if isinstance(value, bool):
        return 'True' if value else 'False'
    if isinstance(value, int):
        return str(value)
    return repr(float(value))


def value_literal(value):
    """A JSON scalar from a model: text as a string literal, else a number."""
    return string_literal(value) if isinstance(value, str) else number_literal(value)


def wrapped_items(items, indent, width=WIDTH):
    """Items separated by commas, wrapped into lines of at most `width`
    characters after `indent` spaces (the first line starts where the caller is)."""
    lines, line = [], ''
    for item in items:
        candidate = item if not line else line + ', ' + item
        if line and indent + len(candidate) + 1 > width:
            lines.append(line + ',')
            line = item
        else:
            line = candidate
    lines.append(line)
    return ('\n' + ' ' * indent).join(lines)


def list_literal(items, indent):
    """A Python list of already written items, wrapped under its bracket."""
    return '[' + wrapped_items(items, indent + 1) + ']'


def call(head, arguments, width=WIDTH):
    """`head` ("P = NeuronGroup(") followed by `arguments` and ")": on one line
    when it fits, else the arguments wrapped under the opening parenthesis.
    Arguments that span lines (block literals) were indented for that column."""
    one_line = head + ', '.join(arguments) + ')'
    if '\n' not in one_line and len(one_line) <= width:
        return one_line
    indent = len(head)
    lines, line = [], head
    for argument in arguments:
        first = argument.split('\n', 1)[0]
        if line != head and (len(line) + 2 + len(first) > width or '\n' in argument
                             or '\n' in line):
            lines.append(line + ',')
            line = ' ' * indent + argument
        else:
            line = line + (', ' if line != head else '') + argument
    lines.append(line + ')')
    return '\n'.join(lines)
