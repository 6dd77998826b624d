"""``python -m derive``: see :mod:`derive.cli`."""

import sys

from derive.cli import main

sys.exit(main())
