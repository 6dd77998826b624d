"""derive: step-by-step derivations of the mathematics behind LLMs, verified twice.

The public API is what result modules need; everything else is internal. Names are
imported on first use, so importing :mod:`derive` (as the pytest plugin does in every
pytest run) costs nothing until something is asked for.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module

__version__ = "0.1.0"  # also the distribution's version (pyproject reads it from here)

__all__ = [
    "Claim",
    "DeriveError",
    "Domain",
    "Remark",
    "Result",
    "ResultReport",
    "Statement",
    "Step",
    "Vocabulary",
    "check_formula",
    "dimension",
    "dimensions",
    "index",
    "matrix",
    "positive",
    "probability_vector",
    "reals",
    "vector",
    "verify",
]

_HOME = {
    "Claim": "derive.result",
    "DeriveError": "derive.errors",
    "Domain": "derive.domain",
    "Remark": "derive.result",
    "Result": "derive.result",
    "ResultReport": "derive.report",
    "Statement": "derive.result",
    "Step": "derive.result",
    "Vocabulary": "derive.vocabulary",
    "check_formula": "derive.docs",
    "dimension": "derive.domain",
    "dimensions": "derive.domain",
    "index": "derive.domain",
    "matrix": "derive.domain",
    "positive": "derive.domain",
    "probability_vector": "derive.domain",
    "reals": "derive.domain",
    "vector": "derive.domain",
    "verify": "derive.verify",
}


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module 'derive' has no attribute {name!r}")
    value = getattr(import_module(_HOME[name]), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted([*globals(), *__all__])


class _Package(types.ModuleType):
    """This package, whose public function ``verify`` is not replaced by its submodule ``derive.verify``.

    Importing a submodule sets it as an attribute of its package; with lazy names that would
    leave ``derive.verify`` the module instead of the function once anything imported it.
    """

    def __setattr__(self, name, value):
        if isinstance(value, types.ModuleType) and name in _HOME and _HOME[name] == value.__name__:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
