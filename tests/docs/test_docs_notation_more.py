"""More notation of real ML documents: rounding brackets, determinants, hyperbolic functions,
transposes of whole terms, traces written without brackets, primed names, norms inside a
derivative, non-breaking spaces and Spinning Up's expectation macro. Each form is read on a
correct formula (PASS) and a wrong variant (FAIL) by the same machinery; what the checker
cannot decide stays UNKNOWN with the reason."""

import pytest
from checking import assert_pass_and_fail

from derive.docs import check_formula
from derive.docs.interpret import NotationError, Transposed, rewrite_chain

REAL = {"x": "real", "c": "real"}
CONV = {"H": "positive", "p": "positive", "k": "positive", "s": "positive"}
MATRICES = {"clauses": "A: matrix; B: matrix"}

# (name, correct formula, wrong variant, check_formula keywords)
PAIRS = [
    (
        "floor of an output size",
        r"\left\lfloor\frac{H + 2 p - (k - 1) - 1}{s} + 1\right\rfloor = \left\lfloor\frac{H - k + 2 p + s}{s}\right\rfloor",
        r"\left\lfloor\frac{H + 2 p - (k - 1)}{s} + 1\right\rfloor = \left\lfloor\frac{H - k + 2 p + s}{s}\right\rfloor",
        {"kinds": CONV},
    ),
    (
        "floor of numbers",
        r"\left\lfloor\frac{224 + 2 \times 3 - 1 \times (7 - 1) - 1}{2} + 1\right\rfloor = 112",
        r"\left\lfloor\frac{224 + 2 \times 3 - 1 \times (7 - 1) - 1}{2} + 1\right\rfloor = 113",
        {},
    ),
    ("ceiling of numbers", r"\lceil 7 / 2 \rceil = 4", r"\lceil 7 / 2 \rceil = 3", {}),
    (
        "floor inside a sum",
        r"\sum_{i=1}^{3} \lfloor i / 2 + 1 \rfloor = 5",
        r"\sum_{i=1}^{3} \lfloor i / 2 + 1 \rfloor = 6",
        {},
    ),
    (
        "second derivative of cosh",
        r"\frac{d^2}{dx^2} \cosh(cx) = c^2 \cosh(cx)",
        r"\frac{d^2}{dx^2} \cosh(cx) = c \cosh(cx)",
        {"kinds": REAL},
    ),
    ("prime of cosh", r"\cosh'(x) = \sinh(x)", r"\cosh'(x) = -\sinh(x)", {"kinds": REAL}),
    ("cosh and sinh", r"\cosh^2(x) - \sinh^2(x) = 1", r"\cosh^2(x) + \sinh^2(x) = 1", {"kinds": REAL}),
    ("determinant of a product", r"\det(AB) = \det A \det B", r"\det(A + B) = \det A + \det B", MATRICES),
    ("determinant of a transpose", r"\det(A^\top) = \det A", r"\det(A^\top) = -\det A", MATRICES),
    (
        "absolute determinant to a power",
        r"\log (\vert\det\mathbf{A}\vert^{x c}) = x c \log \vert\det\mathbf{A}\vert",
        r"\log (\vert\det\mathbf{A}\vert^{x c}) = (x + c) \log \vert\det\mathbf{A}\vert",
        {"clauses": "A: matrix; x: positive; c: positive"},
    ),
    (
        "determinant of a 2x2 matrix",
        r"\det \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} = -2",
        r"\det \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} = 2",
        {},
    ),
    (
        "trace without brackets",
        r"\operatorname{tr} AB = \operatorname{tr} BA",
        r"\operatorname{tr} AB = \operatorname{tr} A \operatorname{tr} B",
        MATRICES,
    ),
    (
        "transpose of a braced name",
        r"{\mathbf{q}}^\top \mathbf{k} = {\mathbf{k}}^\top \mathbf{q}",
        r"{\mathbf{q}}^\top \mathbf{k} = 2 {\mathbf{k}}^\top \mathbf{q}",
        {"kinds": {"q": "vector", "k": "vector"}},
    ),
    (
        "transpose of an application",
        r"\operatorname{softmax}(\mathbf{q})^\top \mathbf{k} = \mathbf{k}^\top \operatorname{softmax}(\mathbf{q})",
        r"\operatorname{softmax}(\mathbf{q})^\top \mathbf{k} = \mathbf{k}^\top \mathbf{q}",
        {"kinds": {"q": "vector", "k": "vector"}},
    ),
    (
        "primed name with a subscript",
        r"1 - \sigma({v'_{w}}^\top v_{c}) = \sigma(-{v'_{w}}^\top v_{c})",
        r"1 + \sigma({v'_{w}}^\top v_{c}) = \sigma(-{v'_{w}}^\top v_{c})",
        {"kinds": {"v'_w": "vector", "v_c": "vector"}},
    ),
    (
        "primed name as a second variable",
        r"(x + x')^2 = x^2 + 2 x x' + x'^2",
        r"(x + x')^2 = x^2 + x x' + x'^2",
        {"kinds": {"x": "real", "x'": "real"}},
    ),
    (
        "norm inside a partial derivative",
        r"\partial_{\mathbf{w}} \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2 = 2 \mathbf{X}^\top (\mathbf{X}\mathbf{w} - \mathbf{y})",
        r"\partial_{\mathbf{w}} \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2 = 2 \mathbf{X}^\top (\mathbf{y} - \mathbf{X}\mathbf{w})",
        {"clauses": "X: matrix; w: vector; y: vector"},
    ),
    (
        "a non-breaking space in a condition",
        r"|x| = x \quad \text{if~} x > 0",
        r"|x| = -x \quad \text{if~} x > 0",
        {"kinds": REAL},
    ),
    (
        "non-breaking spaces between terms",
        r"x^2~-~c^2 = (x - c)(x + c)",
        r"x^2~-~c^2 = (x - c)^2",
        {"kinds": REAL},
    ),
]


@pytest.mark.parametrize("name,correct,wrong,keywords", PAIRS, ids=[p[0] for p in PAIRS])
def test_notation_is_read_on_a_correct_formula_and_a_wrong_variant(name, correct, wrong, keywords):
    assert_pass_and_fail(correct, wrong, **keywords)


# what the checker cannot decide: UNKNOWN, and the reason says why
UNDECIDED = [
    # true at every real point but wrong at the integers: sampled points cannot see where a rounding jumps
    (r"\lceil x \rceil = \lfloor x \rfloor + 1", {"kinds": REAL}, "rounds to whole numbers"),
    (r"\det\begin{pmatrix} 1 & 2 \end{pmatrix} = 0", {}, "not square"),
    (r"\operatorname{tr}\begin{pmatrix} 1 & 2 \end{pmatrix} = 0", {}, "not square"),
]


@pytest.mark.parametrize("formula,keywords,reason", UNDECIDED, ids=[u[0] for u in UNDECIDED])
def test_what_cannot_be_decided_is_unknown_with_the_reason(formula, keywords, reason):
    verdict = check_formula(formula, **keywords)
    assert verdict["verdict"] == "UNKNOWN", verdict
    assert reason in verdict["detail"], verdict["detail"]


def test_untagged_trace_and_determinant_of_undeclared_names_are_not_read_as_numbers(tmp_path):
    # read as numbers, tr(AB) = tr(BA) and \nabla_A tr AB = B would hold: the formula does not say A, B are matrices
    from derive.docs import check_paths

    formulas = [
        r"\operatorname{tr}(AB) = \operatorname{tr}(BA)",
        r"\nabla_A \operatorname{tr} AB = B",
        r"\det(A) \det(B) = \det(AB)",
    ]
    page = tmp_path / "untagged.md"
    page.write_text("".join(f"$$\n{f}\n$$\n\n" for f in formulas), encoding="utf-8")
    records = check_paths([str(page)])
    assert len(records) == len(formulas)
    for record in records:
        assert record.verdict not in ("PASS", "FAIL"), record
        assert "does not say that its names are matrices" in record.detail, record.detail


def test_a_floor_proved_for_all_values_passes_and_its_shift_fails():
    # the same rule decides both: a proof for the correct one, a counterexample for the wrong one
    assert check_formula(r"\lfloor x + 1 \rfloor = \lfloor x \rfloor + 1", kinds=REAL)["verdict"] == "PASS"
    assert check_formula(r"\lfloor x + 1 \rfloor = \lfloor x \rfloor", kinds=REAL)["verdict"] == "FAIL"


def test_spinning_up_expectation_macro_reads_as_the_expectation():
    macro = rewrite_chain(r"\underE{i \sim p}{q_i} = 1")[0][0]
    written = rewrite_chain(r"\mathbb{E}_{i \sim p}[q_i] = 1")[0][0]
    assert [type(n).__name__ for n in macro.table.values()] == [type(n).__name__ for n in written.table.values()]
    assert check_formula(r"\underE{i \sim p}{1} = 1")["verdict"] == "PASS"
    assert check_formula(r"\underE{i \sim p}{1} = 2")["verdict"] == "FAIL"


def test_a_transpose_applies_to_the_whole_term_before_it():
    side = rewrite_chain(r"\max\{x, 0\}^\top = 1")[0][0]
    assert any(isinstance(node, Transposed) for node in side.table.values())
    with pytest.raises(Exception, match="transpose"):
        rewrite_chain(r"a + ^\top = 1")


def test_a_primed_name_with_a_subscript_is_a_name_of_its_own():
    side = rewrite_chain(r"v'_{w} = v_{w}")[0]
    keys = [node.key for node in side[0].table.values()]  # the table is shared by the sides
    assert keys == ["v'", "v"]


def test_unbalanced_rounding_brackets_are_reported():
    with pytest.raises(NotationError, match="never closed"):
        rewrite_chain(r"\lfloor x = 1")
    with pytest.raises(NotationError, match="without its opening"):
        rewrite_chain(r"x \rfloor = 1")
