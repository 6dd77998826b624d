"""The logistic function's derivative is sigmoid'(t) = sigmoid(t)(1 − sigmoid(t)).

An example of a result kept outside the catalog: verify it with
``python -m derive examples/logistic_derivative.py --output DIR`` (or run it from your own
folder, which gets ./output/: a result of your own never writes into the package's output/).
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, reals
from derive.notation import Logistic
from derive.oracles import mp_logistic

t = sp.Symbol("t", real=True)
derivative = sp.Derivative(Logistic(t), t)

logistic_derivative = Result(
    title="Derivative of the logistic function",
    area="Softmax and losses",
    references=["bridle1990"],
    domain=Domain({t: reals(-6, 6)}),
    claims=[
        Claim(
            statement=sp.Eq(derivative, Logistic(t) * (1 - Logistic(t)), evaluate=False),
            steps=[
                Step(derivative),
                Step(sp.Derivative(1 / (1 + sp.exp(-t)), t), because="definition of the logistic function"),
                Step(sp.exp(-t) / (1 + sp.exp(-t)) ** 2, because="chain rule"),
                Step(Logistic(t) * (1 - Logistic(t)), because=r"$e^{-t}/(1+e^{-t}) = 1 - \operatorname{sigmoid}(t)$"),
            ],
            oracle=lambda point: mpmath.diff(mp_logistic, point.t),
        )
    ],
)
