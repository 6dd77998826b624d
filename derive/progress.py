"""Progress on a terminal ("[3/7] verifying layernorm_gradient (4 left)"); silent when piped."""

from __future__ import annotations

import sys


def show(done: int, total: int, name: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K[{done + 1}/{total}] verifying {name} ({total - done - 1} left)")
        sys.stderr.flush()


def clear() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()
