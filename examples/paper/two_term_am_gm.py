"""For real a and b, the mean of the squares is at least their product: (a² + b²)/2 ≥ ab, with equality only at a = b.

An example of a result of your own, kept outside the catalog and citing a source from
your own BibTeX file (``refs.bib``, key ``cauchy1821``). Put it in an appendix with
``python -m derive appendix two_term_am_gm.py --bib refs.bib --only``.
"""

import sympy as sp

from derive import Claim, Domain, Result, Step, reals

a, b = sp.symbols("a b", real=True)
mean_of_squares = sp.Mul(a**2 + b**2, sp.Pow(2, -1, evaluate=False), evaluate=False)  # kept as (a² + b²)/2

two_term_am_gm = Result(
    title="Two-term inequality of arithmetic and geometric means",
    area="Results of this paper",
    references=["cauchy1821"],
    domain=Domain({a: reals(-5, 5), b: reals(-5, 5)}),
    claims=[
        Claim(
            statement=sp.Ge(mean_of_squares, a * b, evaluate=False),
            steps=[
                Step(mean_of_squares),
                Step(a * b + (a - b) ** 2 / 2, because=r"$a^2 + b^2 = 2ab + (a - b)^2$"),
                Step(a * b, relation=">=", because=r"a square is never negative: $(a - b)^2 \ge 0$"),
            ],
            oracle=lambda point: (point.a**2 + point.b**2) / 2,
        )
    ],
)
