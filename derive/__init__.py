"""derive: step-by-step derivations of the mathematics behind LLMs, verified twice.

The public API is what result modules need; everything else is internal.
"""

from derive.domain import (
    Domain,
    dimension,
    dimensions,
    index,
    matrix,
    positive,
    probability_vector,
    reals,
    vector,
)
from derive.docs import check_formula
from derive.errors import DeriveError
from derive.report import ResultReport
from derive.result import Claim, Remark, Result, Statement, Step
from derive.verify import verify
from derive.vocabulary import Vocabulary

__version__ = "0.1.0"

__all__ = sorted(
    [
        "Claim",
        "check_formula",
        "DeriveError",
        "Domain",
        "Remark",
        "Result",
        "ResultReport",
        "Statement",
        "Step",
        "dimension",
        "dimensions",
        "index",
        "matrix",
        "positive",
        "probability_vector",
        "reals",
        "vector",
        "verify",
        "Vocabulary",
    ]
)
