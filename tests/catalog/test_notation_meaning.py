"""The shared notation has one meaning everywhere: in every catalog module a class named ``Expectation``
or ``Mean`` is the expectation of an expression under a law (:class:`derive.notation.Expectation`), and
one named ``Variance`` is the variance under a law (:class:`derive.notation.Variance`); a result's own
quantity (the mean of LayerNorm's features, a weighted mean) takes a name of its own."""

import importlib
import inspect

import pytest
import sympy as sp

from derive.notation import Expectation, Notation, Variance
from derive.registry import catalog_names

SHARED = {"Expectation": Expectation, "Mean": Expectation, "Variance": Variance}


def misnamed(namespace: dict) -> list[str]:
    """Classes in ``namespace`` that carry a shared name but are not that shared notation."""
    return [
        f"{name} = {value.__module__}.{value.__qualname__}"
        for name, value in namespace.items()
        if name in SHARED and inspect.isclass(value) and issubclass(value, sp.Basic)
        if not issubclass(value, SHARED[name])
    ]


@pytest.mark.parametrize("name", catalog_names())
def test_shared_names_keep_their_meaning_in_the_catalog(name):
    module = importlib.import_module(f"derive.identities.{name}")
    assert misnamed(vars(module)) == []


def test_a_different_quantity_under_a_shared_name_is_caught():
    class Variance(Notation):  # the population variance of a vector's entries: not a variance under a law
        nargs = 2

    assert misnamed({"Variance": Variance}) != []


def test_the_shared_notation_and_its_reprintings_pass():
    from derive.identities.variance_shortcut import Mean

    assert misnamed({"Variance": Variance, "Expectation": Expectation, "Mean": Mean}) == []
