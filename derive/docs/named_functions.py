r"""Activation functions named in words (``\text{Tanhshrink}(x)``, ``\mathrm{relu6}(x)``, ``\text{GELU}(2)``,
``\text{sig}(z)``), and statistics of a vector's entries (``\text{mean}(\mathbf{r})``, ``\text{std}(\mathbf{r})``,
``\text{logsumexp}(x)``, ``\text{RMS}(x)``), read by the definitions the libraries and textbooks that name them give.

A name with several usual definitions is read in each: GELU is x Φ(x) and, as often, its tanh or its sigmoid
approximation (Hendrycks and Gimpel give all three); the hard sigmoid is ReLU6(x + 3)/6 in PyTorch and JAX,
clip((x + 1)/2, 0, 1) after Courbariaux et al. and clip(0.2x + 0.5, 0, 1) in Keras. A claim about such a name
stands only when every reading gives it the same verdict (:func:`derive.docs.decide._named_function_doubt`), and
a definition an author writes of it agrees with the usual meaning when it agrees with one reading. Names with a
parameter whose value the name alone does not fix (ELU's α, LeakyReLU's slope, Softshrink's λ) are not read. The
standard deviation of a vector's entries divides by their number n (NumPy's default) or by n - 1 (PyTorch's).
"""

from __future__ import annotations

from contextvars import ContextVar
from itertools import product

import sympy as sp

from derive.docs.context_values import set_within

SELU_ALPHA = sp.Float("1.6732632423543772848170429916717", 40)
SELU_SCALE = sp.Float("1.0507009873554804934193349852946", 40)


def _logistic(x):
    return 1 / (1 + sp.exp(-x))


def _relu6(x):
    return sp.Min(sp.Max(0, x), 6)


def _softplus(x):
    return sp.log(1 + sp.exp(x))


def _clip01(x):
    return sp.Min(sp.Max(0, x), 1)


def _entries_sum(vector, term):
    """The sum of ``term`` of each entry of a vector (a :class:`derive.docs.values.Vec`)."""
    k = sp.Dummy("k", integer=True, positive=True)
    return sp.Sum(term(vector.component(k)), (k, 1, vector.size))


def _mean(vector):
    return _entries_sum(vector, lambda x: x) / vector.size


def _std(divisor):
    """The standard deviation of a vector's entries, the squared deviations divided by ``divisor(n)``."""
    return lambda v: sp.sqrt(_entries_sum(v, lambda x: (x - _mean(v)) ** 2) / divisor(v.size))


# each name's readings: (what the reading is, the function of a number)
READINGS = {
    "gelu": (
        ("x Φ(x)", lambda x: x * (1 + sp.erf(x / sp.sqrt(2))) / 2),
        (
            "the tanh approximation",
            lambda x: x * (1 + sp.tanh(sp.sqrt(2 / sp.pi) * (x + sp.Rational(44715, 1000000) * x**3))) / 2,
        ),
        ("the sigmoid approximation x σ(1.702 x)", lambda x: x * _logistic(sp.Rational(1702, 1000) * x)),
    ),
    "hardsigmoid": (
        ("ReLU6(x + 3)/6", lambda x: _relu6(x + 3) / 6),
        ("clip((x + 1)/2, 0, 1)", lambda x: _clip01((x + 1) / 2)),
        ("clip(0.2 x + 0.5, 0, 1)", lambda x: _clip01(x / 5 + sp.Rational(1, 2))),
    ),
    "hardswish": (("x ReLU6(x + 3)/6", lambda x: x * _relu6(x + 3) / 6),),
    "hardtanh": (("clip(x, -1, 1)", lambda x: sp.Min(sp.Max(-1, x), 1)),),
    "relu6": (("min(max(0, x), 6)", _relu6),),
    "tanhshrink": (("x - tanh(x)", lambda x: x - sp.tanh(x)),),
    "logsigmoid": (("log σ(x)", lambda x: sp.log(_logistic(x))),),
    "softplus": (("log(1 + e^x)", _softplus),),
    "softsign": (("x / (1 + |x|)", lambda x: x / (1 + sp.Abs(x))),),
    "silu": (("x σ(x)", lambda x: x * _logistic(x)),),
    "swish": (("x σ(x)", lambda x: x * _logistic(x)),),
    "mish": (("x tanh(softplus(x))", lambda x: x * sp.tanh(_softplus(x))),),
    "selu": (
        (
            "λ (max(0, x) + min(0, α (e^x - 1))), λ ≈ 1.0507, α ≈ 1.6733",
            lambda x: SELU_SCALE * (sp.Max(0, x) + sp.Min(0, SELU_ALPHA * (sp.exp(x) - 1))),
        ),
    ),
    "quickgelu": (("x σ(1.702 x)", lambda x: x * _logistic(sp.Rational(1702, 1000) * x)),),
    "sig": (("the logistic sigmoid", _logistic),),
    # of a vector's entries
    "mean": (("the mean of the entries", _mean),),
    "std": (
        ("the standard deviation over n", _std(lambda n: n)),
        ("the standard deviation over n - 1", _std(lambda n: n - 1)),
    ),
    "logsumexp": (("log Σ_k exp(x_k)", lambda v: sp.log(_entries_sum(v, sp.exp))),),
    "rms": (("the root mean square of the entries", lambda v: sp.sqrt(_entries_sum(v, lambda x: x**2) / v.size)),),
}
# the names above that are functions of a whole vector, not of a number applied to each entry
OF_ENTRIES = frozenset({"mean", "std", "logsumexp", "rms"})
# the spellings of each name, as keys of the interpreter's atoms (Hardsigmoid, hard_sigmoid, HardSigmoid)
SPELLINGS = {
    spelling: name
    for name, spellings in {
        "gelu": ("gelu", "GELU", "Gelu"),
        "hardsigmoid": ("hardsigmoid", "Hardsigmoid", "HardSigmoid", "hard_sigmoid"),
        "hardswish": ("hardswish", "Hardswish", "HardSwish", "hard_swish"),
        "hardtanh": ("hardtanh", "Hardtanh", "HardTanh", "hard_tanh"),
        "relu6": ("relu6", "ReLU6", "Relu6"),
        "tanhshrink": ("tanhshrink", "Tanhshrink", "TanhShrink"),
        "logsigmoid": ("logsigmoid", "LogSigmoid", "log_sigmoid"),
        "softplus": ("softplus", "Softplus", "SoftPlus"),
        "softsign": ("softsign", "Softsign", "SoftSign"),
        "silu": ("silu", "SiLU", "Silu"),
        "swish": ("swish", "Swish"),
        "mish": ("mish", "Mish"),
        "selu": ("selu", "SELU", "Selu"),
        "quickgelu": ("quickgelu", "QuickGELU", "quick_gelu"),
        "sig": ("sig",),
        "mean": ("mean",),
        "std": ("std",),
        "logsumexp": ("logsumexp", "LogSumExp", "LSE"),
        "rms": ("RMS", "rms"),
    }.items()
    for spelling in spellings
}

# the spellings of the names whose usual definitions leave no room for an author's own (no parameter, no other
# function of the name): a definition that disagrees with every reading is a mistake, as a wrong entropy is
ONE_DEFINITION = frozenset(
    spelling
    for spelling, name in SPELLINGS.items()
    if name in ("gelu", "tanhshrink", "logsigmoid", "softsign", "silu", "mish", "relu6", "quickgelu")
)

_CHOSEN: ContextVar = ContextVar("named_function_readings", default=None)  # name -> the index of its reading
_NOTED: ContextVar = ContextVar("named_functions_met", default=None)
_ANY: ContextVar = ContextVar("named_function_any_reading", default=False)


def is_named(key: str) -> bool:
    """Whether an atom's name is an activation function or a statistic of a vector named in words."""
    return key in SPELLINGS


def of_entries(key: str) -> bool:
    """Whether the named function takes a whole vector (mean, std, logsumexp, RMS)."""
    return SPELLINGS[key] in OF_ENTRIES


def value(key: str, x):
    """The named function of the number x (of the vector x, for :func:`of_entries`), in the reading in force (the
    first, unless :func:`readings` puts another in force)."""
    name = SPELLINGS[key]
    noted = _NOTED.get()
    if noted is not None and len(READINGS[name]) > 1 and name not in noted:
        noted.append(name)
    chosen = _CHOSEN.get() or {}
    return READINGS[name][chosen.get(name, 0)][1](x)


def noting():
    """Within: the names with several readings a formula met are listed in the list yielded."""
    return set_within(_NOTED, [])


def readings(names):
    """Every choice of one reading per name: (a context manager that puts it in force, what it reads each name as)."""
    for choice in product(*(range(len(READINGS[name])) for name in names)):
        said = ", ".join(f"{name} as {READINGS[name][index][0]}" for name, index in zip(names, choice))
        yield set_within(_CHOSEN, dict(zip(names, choice))), said


def any_reading():
    """Within: a formula that holds in one reading of each name holds (an author's definition of the name agrees with
    the usual meaning when it agrees with one of its usual definitions)."""
    return set_within(_ANY, True)


def any_reading_suffices() -> bool:
    """Whether :func:`any_reading` is in force."""
    return _ANY.get()
