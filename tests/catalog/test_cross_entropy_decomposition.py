"""Cross-entropy = entropy + KL and Gibbs' inequality verify; wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Domain, Statement, Step, dimensions, probability_vector, verify
from derive.identities.cross_entropy_decomposition import CLOSE, FAR, TRUE, t
from derive.notation import KL, Entropy, Sum, k, n, p, q
from derive.oracles import mp_entropy, mp_kl
from derive.registry import load

RESULT = load("cross_entropy_decomposition")
INEQUALITY_STEPS = {("Gibbs' inequality", 1), ("strict for q != p", 1)}


def test_verifies_and_only_the_log_bound_is_numeric_only():
    report = catalog_report("cross_entropy_decomposition")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == INEQUALITY_STEPS
    assert all(step.symbolic in ("proved", "numeric-only") for step in report.steps)


def test_remarks_agree_with_plain_mpmath():
    report = verify(RESULT)
    with mpmath.workdps(30):
        expected = [mp_entropy(TRUE), mp_kl(TRUE, CLOSE), mp_kl(TRUE, FAR)]
        assert [r.value for r in report.remarks] == [mpmath.nstr(v, 6) for v in expected]


def test_entropy_minus_kl_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, Entropy(p, n) - KL(p, q, n)))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_inverted_quotient_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(0, 3, -Sum(p[k] * sp.log(p[k]), k, n) + Sum(p[k] * sp.log(q[k] / p[k]), k, n))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[0].steps[2].symbolic == "failed"
    assert report.claims[0].steps[2].counterexample


def test_reversed_gibbs_inequality_is_rejected():
    wrong = RESULT.with_claim(1, statement=Statement(KL(p, q, n), "<=", sp.Integer(0)))
    report = verify(wrong)
    assert not report.verified
    assert not report.claims[1].oracle.passed
    assert report.claims[1].chain_problem


def test_a_false_lower_bound_is_rejected_numerically():
    # D_KL(p||q) >= 1 - sum p_k (q_k/p_k - 1) is false at the sampled points
    wrong = RESULT.with_step(1, 2, 1 - Sum(p[k] * (q[k] / p[k] - 1), k, n))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[1].steps[1].symbolic == "failed"


def test_kl_of_distinct_vectors_is_not_zero():
    steps = (Step(KL(p, q, n)), Step(sp.Integer(0), because="wrongly: as for q = p"))
    wrong = RESULT.with_claim(2, statement=Statement(KL(p, q, n), "=", sp.Integer(0)), steps=steps)
    report = verify(wrong)
    assert not report.verified
    assert report.claims[2].steps[0].symbolic == "failed"


def test_strictness_fails_where_q_must_equal_p():
    # with n = 1 the only probability vector is (1), so q = p and D_KL = 0 is not > 0
    wrong = RESULT.with_claim(3, domain=Domain({n: dimensions(1), p: probability_vector(n), q: probability_vector(n)}))
    report = verify(wrong)
    assert not report.verified
    assert not report.claims[3].oracle.passed
    assert report.claims[3].steps[1].symbolic == "failed"


def test_wrong_limit_of_t_log_t_is_rejected():
    report = verify(RESULT.with_statement(4, sp.Integer(-1)))
    assert not report.verified
    assert not report.claims[4].oracle.passed
    report = verify(RESULT.with_step(4, 1, sp.Limit(1 - t, t, 0, "+")))
    assert report.claims[4].steps[0].symbolic == "failed"


def test_boundary_case_without_the_kl_part_is_rejected():
    entropy_only = Entropy(p, n - 1) - sp.Limit(t * sp.log(t), t, 0, "+")  # dropped D_KL and its limit term
    report = verify(RESULT.with_statement(5, entropy_only))
    assert not report.verified
    assert not report.claims[5].oracle.passed
