"""The audit of the source articles (docs/source-claims.md): the rounding rule, the ASSUMPTION verdict,
the per-claim verdicts and totals, the errata files, and the independent computations that decide the
claims the documentation checker cannot express (each named in the page as ``Decided by:``)."""

import itertools
import re
import subprocess
import sys
from fractions import Fraction as F
from pathlib import Path

import mpmath
import pytest

from derive import errata
from derive.docs.decide import Binding, decide
from derive.docs.report import check_paths
from derive.docs.rounding import RULE, approximate_places, is_rounding_of, is_truncation_of

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "source-claims.md"


# --- the rounding rule ----------------------------------------------------------------------------------


def verdict_of(latex):
    return decide(latex, Binding()).verdict


def test_a_correct_rounding_passes_and_a_truncation_fails():
    assert is_rounding_of(mpmath.mpf(29) / 35, "0.829", 3)  # 0.828571...
    assert not is_rounding_of(mpmath.mpf(29) / 35, "0.828", 3)  # the truncation
    assert verdict_of(r"\frac{29}{35} \approx 0.829") == "PASS"
    assert verdict_of(r"\frac{29}{35} \approx 0.828") == "FAIL"


def test_after_approximately_a_long_figure_may_be_truncated_and_a_short_one_must_be_rounded():
    """π ≈ 3.1415 quotes π's leading digits; ≈ 3.2 for 3.296 is a wrong rounding, and = 3814.69 for 3814.697 a
    wrong value: a truncation is accepted only after ≈ and with at least four significant digits."""
    assert is_truncation_of(mpmath.pi, "3.1415", 4) and not is_truncation_of(mpmath.pi, "3.1417", 4)
    assert not is_truncation_of(mpmath.log(27), "3.2", 1)
    assert verdict_of(r"\pi \approx 3.1415") == "PASS"
    assert verdict_of(r"\pi \approx 3.1417") == "FAIL"
    assert verdict_of(r"-\log(1/27) \approx 3.3") == "PASS"
    assert verdict_of(r"-\log(1/27) \approx 3.2") == "FAIL"
    assert verdict_of(r"\frac{10^{9} \times 1024 \times 4}{2^{30}} = 3814.69") == "FAIL"


def test_after_approximately_a_whole_number_is_written_to_its_last_nonzero_digit_however_long():
    """≈ 63000 is to the thousands; ≈ 10^{800000} to 10^{800000}, counted from its digits, not by division."""
    with mpmath.workdps(60):
        assert approximate_places(mpmath.mpf(63000), 0) == -3
        assert approximate_places(mpmath.mpf(63001), 0) == 0
        assert approximate_places(mpmath.mpf(10) ** 800000, 0) == -800000
        assert approximate_places(3 * mpmath.mpf(10) ** 800000, 0) == -800000
        assert approximate_places(mpmath.mpf(63000), 2) == 2  # written with decimals: keeps them


def test_a_figure_one_unit_off_in_its_last_digit_fails():
    assert verdict_of(r"-\ln 0.01 - (-\ln 0.1) \approx 2.30") == "PASS"
    assert verdict_of(r"-\ln 0.01 - (-\ln 0.1) \approx 2.31") == "FAIL"  # ln 10 = 2.3026
    assert verdict_of(r"\frac{1}{\sqrt{2}} = 0.708") == "FAIL"


def test_percentages_follow_the_same_rule():
    assert verdict_of(r"\frac{2}{3} \approx 66.7\%") == "PASS"
    assert verdict_of(r"\frac{2}{3} \approx 66.6\%") == "FAIL"
    assert verdict_of(r"\operatorname{softmax}(5.2, 2.1, -0.8) \approx (95.5\%, 4.3\%, 0.2\%)") == "PASS"
    assert verdict_of(r"\operatorname{softmax}(5.2, 2.1, -0.8) \approx (95.4\%, 4.3\%, 0.2\%)") == "FAIL"


def test_an_exact_tie_admits_both_neighbours_and_nothing_further():
    eighth = mpmath.mpf(1) / 8
    assert is_rounding_of(eighth, "0.12", 2) and is_rounding_of(eighth, "0.13", 2)
    assert not is_rounding_of(eighth, "0.11", 2)
    assert verdict_of(r"\frac{1}{8} \approx 0.13") == "PASS"
    assert verdict_of(r"\frac{1}{8} \approx 0.14") == "FAIL"


def test_integers_written_without_decimals_are_rounded_too():
    assert verdict_of(r"e^{3.1} \approx 22") == "PASS"  # 22.198
    assert verdict_of(r"\frac{181}{8} \approx 22") == "FAIL"  # 22.625 rounds to 23


def test_the_page_states_the_rule_once_at_the_top():
    text = PAGE.read_text(encoding="utf-8")
    assert text.count(RULE) == 1
    assert text.index(RULE) < text.index("## `000_")


# --- the ASSUMPTION verdict -------------------------------------------------------------------------------

WINS = r"\sum_{k=5}^{10} \frac{10!}{k!\,(10-k)!} \, 0.6^k \, 0.4^{10-k} \approx 83\%"  # 0.8338
LOSSES = r"\sum_{k=6}^{10} \frac{10!}{k!\,(10-k)!} \, 0.6^k \, 0.4^{10-k} \approx 83\%"  # 0.6331


def records_of(tmp_path, body):
    page = tmp_path / "page.md"
    page.write_text(body, encoding="utf-8")
    return check_paths([str(page)])


def test_a_reading_that_holds_and_one_that_fails_as_recorded(tmp_path):
    records = records_of(
        tmp_path,
        f"<!-- derive: assumption: ties count as wins; fails-under: ties count as losses -->\n${WINS}$\n\n"
        f"<!-- derive: fails-under: ties count as losses -->\n${LOSSES}$\n",
    )
    assert [r.verdict for r in records] == ["ASSUMPTION", "ASSUMPTION"]
    assert records[0].detail.startswith("holds if ties count as wins; fails if ties count as losses")
    assert records[1].detail.startswith("fails if ties count as losses") and "0.6331" in records[1].detail


def test_a_holding_reading_that_is_refuted_is_a_failure(tmp_path):
    records = records_of(tmp_path, f"<!-- derive: assumption: ties count as losses -->\n${LOSSES}$\n")
    assert records[0].verdict == "FAIL" and "recorded as holding" in records[0].detail


def test_a_failing_reading_that_holds_is_a_failure(tmp_path):
    records = records_of(tmp_path, f"<!-- derive: fails-under: ties count as wins -->\n${WINS}$\n")
    assert records[0].verdict == "FAIL" and "recorded as failing" in records[0].detail


def test_assumption_clauses_are_read_and_checked():
    from derive.docs.tags import TagError, parse_tag

    binding = parse_tag("softmax_jacobian; assumption: one  shared scalar; fails-under: a vector; c: real")
    assert (binding.assumption, binding.fails_under, binding.kinds) == ("one shared scalar", "a vector", {"c": "real"})
    with pytest.raises(TagError, match="either an erratum"):
        parse_tag("erratum; assumption: anything")
    with pytest.raises(TagError, match="needs the reading"):
        parse_tag("fails-under:  ")


# --- claims, verdicts and totals --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def claims():
    return errata.audit(PAGE, use_cache=True)


@pytest.mark.slow
def test_every_claim_verdict_is_recomputed_and_consistent(claims):
    assert errata.problems(claims) == []
    assert len(claims) > 200
    assert {c.article for c in claims} == {
        "000_c973c20f3d50f56f.txt",
        "001_c562c1f75373f238.txt",
        "002_9cf00fb329d22313.txt",
        "003_915916fcd311714c.txt",
        "004_1c13a11eecdaed7d.txt",
    }


@pytest.mark.slow
def test_the_page_shows_the_recomputed_totals(claims):
    assert errata.totals_markdown(claims) in PAGE.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_readme_shows_the_same_totals(claims):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for row in errata.totals_markdown(claims).splitlines()[2:]:
        assert row in readme


@pytest.mark.slow
def test_the_committed_errata_are_what_the_audit_generates(claims):
    name = "docs/source-claims.md"
    assert (ROOT / "docs" / "errata.md").read_text(encoding="utf-8") == errata.errata_markdown(claims, name)
    assert (ROOT / "output" / "errata.tex").read_text(encoding="utf-8") == errata.errata_latex(claims, name)


@pytest.mark.slow
def test_every_wrong_claim_reaches_the_errata_with_its_evidence(claims):
    document = errata.errata_markdown(claims, "docs/source-claims.md")
    for claim in claims:
        if claim.verdict == errata.WRONG:
            assert f"### {claim.ident}. {claim.title}" in document
            assert claim.fields["Quoted"] in document and claim.fields["True"] in document
            assert errata._evidence(claim), claim.ident


def test_catalog_links_name_real_results_with_their_theorem_numbers():
    from derive.registry import catalog_names

    numbers = errata.theorem_numbers(ROOT / "output" / "appendix.tex")
    assert len(numbers) == len(catalog_names())
    links = re.findall(r"`([a-z_0-9]+)` \(Theorem (\d+) of the appendix\)", PAGE.read_text(encoding="utf-8"))
    assert len(links) > 50
    for name, number in links:
        assert numbers.get(name) == int(number), name


def test_every_deciding_test_exists():
    named = set(re.findall(r"tests/audit/test_audit\.py::(test_\w+)", PAGE.read_text(encoding="utf-8")))
    assert named and named <= set(globals()), named - set(globals())


def claim_with(stated, verdicts, **fields):
    claim = errata.Claim("999-1", "a claim", stated, "x.txt", 1, 9, fields=dict(fields))
    claim.records = [type("R", (), {"verdict": v, "detail": d, "line": 2, "result": None})() for v, d in verdicts]
    errata.decide_claim(claim)
    return claim


def test_a_heading_that_disagrees_with_the_formulas_is_a_problem():
    assert claim_with("correct", [("PASS", "")]).problems == []
    assert (
        "the heading says correct, the formulas say wrong"
        in claim_with("correct", [("ERRATUM", "refuted")], Quoted="`x`", **{"True": "y"}).problems
    )
    assert claim_with("wrong", [("ERRATUM", "refuted")], Quoted="`x`", **{"True": "y"}).problems == []
    assert "a wrong claim says what is true ('True:')" in claim_with("wrong", [("ERRATUM", "r")], Quoted="`x`").problems
    assert claim_with("not checkable", [("SKIPPED", ""), ("PASS", "")]).problems == []
    assert any("FAIL" in p for p in claim_with("correct", [("PASS", ""), ("FAIL", "boom")]).problems)


def test_an_assumption_needs_a_holding_and_a_failing_reading():
    both = [("ASSUMPTION", "holds if a: ok"), ("ASSUMPTION", "fails if b: refuted")]
    assert claim_with("assumption", both, Quoted="`x`").problems == []
    only = claim_with("assumption", both[:1], Quoted="`x`")
    assert any("one formula that holds" in p for p in only.problems)


def test_a_test_decided_claim_keeps_its_heading_only_with_a_named_test():
    decided = claim_with(
        "wrong", [], Quoted="`x`", **{"True": "y", "Decided by": "`tests/audit/test_audit.py::test_x`"}
    )
    assert decided.verdict == "wrong" and decided.problems == []
    assert claim_with("wrong", [], Quoted="`x`", **{"True": "y"}).verdict == "not checkable"


def test_claim_entries_are_read_field_by_field(tmp_path):
    page = tmp_path / "claims.md"
    page.write_text(
        "# Title\n\n## `a.txt`\n\n### 001-1. A sum (wrong)\n\nWhere: `a.txt`, line 1.\nProse after the locator.\n"
        "Quoted: `1 + 1 = 3`\nTrue: the sum is 2,\nnot 3.\n\n<!-- derive: erratum -->\n$$\n1 + 1 = 3\n$$\n\n"
        "### 001-2. Another (correct)\n\nWhere: `a.txt`, line 2.\n",
        encoding="utf-8",
    )
    first, second = errata.read_claims(page)
    assert (first.ident, first.title, first.stated, first.article) == ("001-1", "A sum", "wrong", "a.txt")
    assert first.fields == {"Where": "`a.txt`, line 1.", "Quoted": "`1 + 1 = 3`", "True": "the sum is 2, not 3."}
    assert first.line < first.end < second.line
    bad = tmp_path / "bad.md"
    bad.write_text("## `a.txt`\n\n### 001-1. No verdict\n", encoding="utf-8")
    with pytest.raises(errata.AuditError, match="verdict one of"):
        errata.read_claims(bad)


def test_errata_command_refuses_an_inconsistent_page_and_writes_nothing(tmp_path):
    page = tmp_path / "claims.md"
    page.write_text(
        "## `a.txt`\n\n### 001-1. Sum (wrong)\n\nWhere: `a.txt`, line 1.\n\n<!-- derive: -->\n$$\n1 + 1 = 2\n$$\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "derive", "errata", str(page), "--output", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1 and "the heading says wrong, the formulas say correct" in run.stderr
    assert not (tmp_path / "errata.md").exists() and not (tmp_path / "out").exists()


def test_errata_command_on_a_missing_page_is_one_line_and_status_2(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "derive", "errata", str(tmp_path / "none.md")], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "no claims page" in run.stderr


def test_latex_escaping():
    assert errata.tex_escape("`a_b` 50% σ ≈ 0.3") == r"\texttt{a\_b} 50\% $\sigma$ $\approx$ 0.3"


@pytest.mark.pdf
@pytest.mark.slow
def test_the_latex_errata_compile(tmp_path):
    from conftest import require_tex

    require_tex()
    (tmp_path / "errata.tex").write_text((ROOT / "output" / "errata.tex").read_text(encoding="utf-8"), encoding="utf-8")
    run = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "errata.tex"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout[-2000:]


# --- independent computations deciding claims the checker cannot express ----------------------------------


def softmax(values):
    exps = [mpmath.exp(v) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


def eigenvalues(rows):
    with mpmath.workdps(40):
        values, _ = mpmath.eig(mpmath.matrix(rows))
        return sorted((mpmath.mpf(abs(v)) for v in values), reverse=True)


def test_stationary_distribution_is_not_the_column_sums():
    """001-12: total attention received (column sums) and the stationary distribution rank positions differently."""
    A = [[F(1, 10), F(1, 10), F(4, 5)], [F(1, 10), F(3, 10), F(3, 5)], [F(1, 10), F(4, 5), F(1, 10)]]
    pi = [F(1, 10), F(73, 150), F(31, 75)]
    assert sum(pi) == 1 and all(sum(row) == 1 for row in A)
    assert [sum(pi[i] * A[i][j] for i in range(3)) for j in range(3)] == pi  # π A = π
    columns = [sum(A[i][j] for i in range(3)) for j in range(3)]
    assert max(range(3), key=columns.__getitem__) == 2 and max(range(3), key=pi.__getitem__) == 1


def test_attention_eigenvalues_of_the_worked_example():
    """001-11 and 001-13: the article's softmax(QKᵀ/√2) has eigenvalue 1 and the others inside the unit circle."""
    Q = [[1.0, 0.5], [0.3, 0.8], [0.1, 0.9]]
    K = [[0.9, 0.2], [0.4, 0.7], [0.2, 0.8]]
    with mpmath.workdps(40):
        rows = [softmax([sum(mpmath.mpf(a) * b for a, b in zip(q, k)) / mpmath.sqrt(2) for k in K]) for q in Q]
        moduli = eigenvalues(rows)
        assert abs(moduli[0] - 1) < mpmath.mpf(10) ** -30
        assert all(m < mpmath.mpf("0.99") for m in moduli[1:])


def test_spectral_gap_is_not_focus():
    """001-14: the gap 1 − |λ₂| does not grow with how focused the rows are."""
    uniform = [[F(1, 3)] * 3 for _ in range(3)]
    self_focused = [[F(9, 10) if i == j else F(1, 20) for j in range(3)] for i in range(3)]
    one_column = [[F(98, 100), F(1, 100), F(1, 100)] for _ in range(3)]
    gap = {
        name: 1 - eigenvalues([[mpmath.mpf(x.numerator) / x.denominator for x in row] for row in m])[1]
        for name, m in (("uniform", uniform), ("self", self_focused), ("column", one_column))
    }
    focus = {"uniform": F(1, 3), "self": F(9, 10), "column": F(98, 100)}  # the largest weight in a row
    assert gap["uniform"] > gap["self"] and focus["uniform"] < focus["self"]  # less focused, larger gap
    assert abs(gap["uniform"] - gap["column"]) < mpmath.mpf(10) ** -12  # opposite focus, same gap 1
    assert abs(gap["self"] - mpmath.mpf("0.15")) < mpmath.mpf(10) ** -12


def test_relu_at_zero_and_below():
    """001-19, 001-20: ReLU's one-sided slopes at 0 are 0 and 1 (no derivative); below 0 the gradient is killed."""
    relu = lambda x: max(mpmath.mpf(0), x)  # noqa: E731
    with mpmath.workdps(40):
        h = mpmath.mpf(10) ** -20
        assert (relu(h) - relu(0)) / h == 1 and (relu(-h) - relu(0)) / (-h) == 0
        assert mpmath.diff(relu, mpmath.mpf(2)) == 1  # active: passes the gradient unchanged
        assert mpmath.diff(relu, mpmath.mpf(-1)) == 0  # inactive: multiplies it by 0


def test_square_summable_steps_alone_do_not_converge():
    """001-37: η_t = 1/(t+1)² has Σ η_t² < ∞, yet gradient descent on x²/2 from 10 stops at 5."""
    x, steps = F(10), 400
    for t in range(1, steps + 1):
        x -= F(1, (t + 1) ** 2) * x  # gradient of x²/2 is x
    assert x == 10 * F(steps + 2, 2 * (steps + 1))  # the telescoping product, which tends to 1/2
    assert x > 5
    assert sum(F(1, (t + 1) ** 2) for t in range(1, steps + 1)) < 1  # Σ η_t converges, so steps stop short


@pytest.mark.slow
def test_robbins_monro_result_verifies():
    """001-38, 001-39: the catalog's Robbins–Monro result (1/t meets both conditions, 1/√t only the first)."""
    from conftest import catalog_report

    assert catalog_report("robbins_monro_step_sizes").verified


@pytest.mark.slow
def test_eckart_young_result_verifies():
    """004-14: the catalog's Eckart–Young result."""
    from conftest import catalog_report

    assert catalog_report("eckart_young").verified


def bandit_gradient_moments(baseline):
    """Two actions, policy (1/2, 1/2), rewards (1, 0): mean and variance of (R − b)·∂log π/∂θ₁."""
    policy, rewards, scores = (F(1, 2), F(1, 2)), (F(1), F(0)), (F(1, 2), F(-1, 2))
    mean = sum(p * (r - baseline) * s for p, r, s in zip(policy, rewards, scores))
    second = sum(p * ((r - baseline) * s) ** 2 for p, r, s in zip(policy, rewards, scores))
    return mean, second - mean**2


def test_a_baseline_reduces_variance_only_near_the_best_one():
    """002-8, 002-93: any constant keeps the mean; only one near b* (here the mean reward 1/2) lowers the variance."""
    means = {b: bandit_gradient_moments(F(b))[0] for b in (0, F(1, 2), 3, -2)}
    assert len(set(means.values())) == 1  # unbiased whatever the constant
    variance = {b: bandit_gradient_moments(F(b))[1] for b in (0, F(1, 2), 1, 3, -2)}
    assert variance[F(1, 2)] == 0 < variance[0]  # the mean reward is the best baseline here
    assert variance[1] == variance[0]  # the edge of the band (0, 2b*)
    assert variance[3] > variance[0] and variance[-2] > variance[0]  # far constants increase the variance


def test_group_baseline_keeps_the_gradient_unbiased():
    """002-91: with the group mean (own reward included) as baseline the expected gradient keeps its direction,
    scaled by (G − 1)/G; with a baseline independent of the sample it is exactly unchanged."""
    policy, rewards, scores = (F(1, 2), F(1, 2)), (F(1), F(0)), (F(1, 2), F(-1, 2))
    plain = sum(p * r * s for p, r, s in zip(policy, rewards, scores))
    for G in (2, 3, 4):
        total = F(0)
        for draw in itertools.product(range(2), repeat=G):
            weight = 1
            for a in draw:
                weight *= policy[a]
            mean = sum(rewards[a] for a in draw) / G
            total += weight * sum((rewards[a] - mean) * scores[a] for a in draw) / G
        assert total == plain * F(G - 1, G)


def test_zero_entropy_allows_different_outputs():
    """002-52: zero entropy at every input says nothing about the outputs being the same across inputs."""
    policy = {"2 + 2": {"4": F(1), "5": F(0)}, "2 + 3": {"4": F(0), "5": F(1)}}
    for answers in policy.values():
        assert sum(answers.values()) == 1
        assert sum(-p * mpmath.log(p) for p in answers.values() if p) == 0
    assert len({max(a, key=a.get) for a in policy.values()}) == 2


def test_weight_decay_is_l2_only_for_sgd():
    """002-71: decoupled decay equals an L2 penalty for SGD, not for Adam's first step."""
    w, g, lam, eta, eps = F(2), F(1, 2), F(1, 10), F(1, 100), F(1, 10**8)
    assert w - eta * (g + lam * w) == w - eta * g - eta * lam * w  # SGD: the same update

    def adam_first_step(gradient):  # m̂ = gradient, v̂ = gradient² after bias correction; √v̂ = |gradient|
        return eta * gradient / (abs(gradient) + eps)

    with_l2 = w - adam_first_step(g + lam * w)
    decoupled = w - adam_first_step(g) - eta * lam * w
    assert with_l2 != decoupled and abs(with_l2 - decoupled) > F(1, 1000)


def test_unit_vector_dot_products_have_variance_one_over_d():
    """004-7: for random unit vectors (normalised sign vectors) the dot product has mean 0 and variance 1/d."""
    variances = []
    for d in range(1, 6):
        vectors = list(itertools.product((-1, 1), repeat=d))
        products = [F(sum(a * b for a, b in zip(u, v)), d) for u in vectors for v in vectors]
        mean = sum(products) / len(products)
        variances.append(sum((x - mean) ** 2 for x in products) / len(products))
        assert mean == 0 and variances[-1] == F(1, d)
    assert variances == sorted(variances, reverse=True)  # shrinks as d grows


def test_attention_without_positions_is_permutation_equivariant():
    """002-81: without positions, reordering the tokens only reorders attention's outputs."""
    X = [[1.0, 0.5], [0.3, 0.8], [0.1, 0.9]]

    def attention(rows):
        weights = [softmax([sum(mpmath.mpf(a) * b for a, b in zip(q, k)) for k in rows]) for q in rows]
        return [[sum(w * mpmath.mpf(v[c]) for w, v in zip(ws, rows)) for c in range(2)] for ws in weights]

    order = [2, 0, 1]
    original, permuted = attention(X), attention([X[i] for i in order])
    for position, source in enumerate(order):
        assert all(abs(a - b) < mpmath.mpf(10) ** -12 for a, b in zip(permuted[position], original[source]))


def clipped(r, advantage, eps=mpmath.mpf("0.2")):
    return min(r * advantage, min(max(r, 1 - eps), 1 + eps) * advantage)


def test_clipped_objective_has_slope_outside_the_band():
    """002-95: with A = +1 and r = 0.5 < 1 − ε the objective is the unclipped rA, with slope 1."""
    assert clipped(mpmath.mpf("0.5"), 1) == mpmath.mpf("0.5")
    assert abs(mpmath.diff(lambda r: clipped(r, 1), mpmath.mpf("0.5")) - 1) < mpmath.mpf(10) ** -10
    assert mpmath.diff(lambda r: clipped(r, 1), mpmath.mpf("1.5")) == 0  # flat only on the favoured side


def test_clipped_objective_never_exceeds_the_unclipped_one():
    """002-100: min(rA, clip(r)A) ≤ rA, and where they differ the slope in r is 0."""
    for r in [mpmath.mpf(k) / 10 for k in range(1, 31)]:
        for advantage in (-2, -0.5, 0.5, 2):
            value = clipped(r, advantage)
            assert value <= r * advantage
            if value != r * advantage and abs(r - 0.8) > 0.01 and abs(r - 1.2) > 0.01:
                assert mpmath.diff(lambda x: clipped(x, advantage), r) == 0


def test_one_clipped_step_can_leave_the_band():
    """002-96, 002-97, 002-99: one gradient step on the clipped objective takes the ratio far beyond 1 + ε."""
    z_old = [mpmath.mpf(0), mpmath.log(9)]  # π_old = (0.1, 0.9); the sampled action 0 has A = +1
    p_old = softmax(z_old)[0]

    def objective(z0, z1):
        return clipped(softmax([z0, z1])[0] / p_old, 1)

    gradient = [
        mpmath.diff(lambda u: objective(u, z_old[1]), z_old[0]),
        mpmath.diff(lambda u: objective(z_old[0], u), z_old[1]),
    ]
    assert abs(gradient[0] - mpmath.mpf("0.9")) < mpmath.mpf(10) ** -10  # at r = 1: the unclipped gradient
    step = mpmath.mpf("2.5")
    p_new = softmax([z + step * g for z, g in zip(z_old, gradient)])[0]
    assert p_new / p_old > 8  # 10 % became more than 80 %: ratio above 8, not 1.2


def test_temperature_limits_and_entropy():
    """003-8, 004-56: entropy grows with T; T → 0 is one-hot for a unique maximum (not for a tie); T → ∞ uniform."""

    def entropy(values):
        return -sum(p * mpmath.log(p) for p in values if p > 0)

    z = [5.2, 2.1, 1.5, 0.3, -0.8]
    with mpmath.workdps(40):
        temperatures = [mpmath.mpf(t) for t in ("0.05", "0.1", "0.5", "1", "2", "10", "1000")]
        entropies = [entropy(softmax([v / t for v in z])) for t in temperatures]
        assert entropies == sorted(entropies)
        assert entropies[0] < mpmath.mpf(10) ** -20 and abs(entropies[-1] - mpmath.log(5)) < mpmath.mpf("0.001")
        tied = softmax([v / mpmath.mpf("0.001") for v in (1, 1, 0)])
        assert abs(entropy(tied) - mpmath.log(2)) < mpmath.mpf(10) ** -20  # a tie keeps entropy log 2


def test_softmax_has_the_most_entropy_at_its_expected_logit():
    """003-15: moving along the distributions with the same expected logit lowers the entropy."""
    z = [1, 0, -1]
    q = softmax(z)
    direction = [1, -2, 1]  # keeps the total and Σ p z
    assert sum(d * v for d, v in zip(direction, z)) == 0
    best = -sum(p * mpmath.log(p) for p in q)
    for t in [mpmath.mpf(k) / 100 for k in range(-10, 11) if k]:
        p = [a + t * d for a, d in zip(q, direction)]
        if min(p) > 0:
            assert -sum(x * mpmath.log(x) for x in p) < best


def test_gaussian_density_integrates_to_one():
    """004-28: the density of N(μ, σ²) as written integrates to 1."""
    for mu, sigma in ((0, 1), (1.5, 0.1), (-2, 3)):
        density = lambda x: mpmath.exp(-((x - mu) ** 2) / (2 * sigma**2)) / mpmath.sqrt(2 * mpmath.pi * sigma**2)  # noqa: E731
        assert abs(mpmath.quad(density, [-mpmath.inf, mu, mpmath.inf]) - 1) < mpmath.mpf(10) ** -12


def test_rag_formula_needs_conditional_independence():
    """004-57: P(a | q, d) ∝ P(a | d) P(d | q) (in a) holds iff the answer ignores the question given the docs."""

    def normalised(weights):
        total = sum(weights)
        return [w / total for w in weights]

    for answer_uses_question in (True, False):
        p_q = {0: F(1, 2), 1: F(1, 2)}
        p_d_q = {(0, 0): F(4, 5), (1, 0): F(1, 5), (0, 1): F(3, 10), (1, 1): F(7, 10)}  # P(d | q)

        def p_a_dq(a, d, q):
            key = q if answer_uses_question else d
            return F(9, 10) if a == key else F(1, 10)

        joint = {(q, d, a): p_q[q] * p_d_q[(d, q)] * p_a_dq(a, d, q) for q in (0, 1) for d in (0, 1) for a in (0, 1)}
        p_a_d = {
            (a, d): sum(joint[(q, d, a)] for q in (0, 1)) / sum(joint[(q, d, b)] for q in (0, 1) for b in (0, 1))
            for a in (0, 1)
            for d in (0, 1)
        }
        agree = all(
            normalised([p_a_d[(a, d)] * p_d_q[(d, q)] for a in (0, 1)]) == [p_a_dq(a, d, q) for a in (0, 1)]
            for q in (0, 1)
            for d in (0, 1)
        )
        assert agree is (not answer_uses_question)


def test_squared_error_gradient_vanishes_when_confidently_wrong():
    """004-61: on a confidently wrong softmax output the squared-error gradient vanishes, cross-entropy's does not."""
    z = mpmath.mpf(10)  # logits (z, 0), the target is class 2

    def squared_error(u):
        p = softmax([u, 0])
        return ((p[0] - 0) ** 2 + (p[1] - 1) ** 2) / 2

    def cross_entropy(u):
        return -mpmath.log(softmax([u, 0])[1])

    assert abs(mpmath.diff(squared_error, z)) < mpmath.mpf("0.001")
    assert mpmath.diff(cross_entropy, z) > mpmath.mpf("0.99")
