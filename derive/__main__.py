"""``python -m derive``: see :mod:`derive.cli`."""

from derive.cli import command

command()
