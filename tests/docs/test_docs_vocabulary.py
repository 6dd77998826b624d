"""Every result is bindable from a document: its declared vocabulary decides a correct formula and refutes a wrong one."""

import pytest

from derive.docs.report import check_paths
from derive.registry import catalog_names, load
from derive.vocabulary import Vocabulary, vocabulary_for


def _document(tmp_path, name, formulas, clauses=""):
    """A Markdown page with each formula tagged with the result ``name`` (and the tag ``clauses``)."""
    tag = name + (f"; {clauses}" if clauses else "")
    text = "\n\n".join(f"Some prose.\n\n<!-- derive: {tag} -->\n$${latex}$$" for latex in formulas) + "\n"
    page = tmp_path / f"{name}.md"
    page.write_text(text)
    return check_paths([page])


@pytest.mark.parametrize("name", catalog_names())
def test_every_result_declares_a_vocabulary_with_examples(name):
    declared = load(name).vocabulary
    assert isinstance(declared, Vocabulary), f"{name} declares no documentation vocabulary"
    assert declared.examples, f"{name}'s vocabulary has no example formulas"


@pytest.mark.parametrize("name", catalog_names())
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tmp_path):
    vocabulary = vocabulary_for(load(name))
    for example in vocabulary.examples:
        correct, wrong, clauses = (*example, "")[:3]
        records = _document(tmp_path, name, [correct, wrong], clauses)
        assert [r.latex for r in records] == [correct, wrong]
        right, refuted = records
        assert right.verdict == "PASS", (correct, right.verdict, right.detail)
        assert refuted.verdict == "FAIL", (wrong, refuted.verdict, refuted.detail)


def _verdicts(tmp_path, tag, formulas):
    page = tmp_path / "clauses.md"
    page.write_text("".join(f"<!-- derive: {tag} -->\n$${latex}$$\n\n" for latex in formulas))
    return [(record.verdict, record.detail) for record in check_paths([page])]


# Each tag clause: a formula that holds under it PASSes, a wrong variant FAILs (the same machinery decides both).
CLAUSES = [
    # a function of the document, in the result's notation
    (
        "log_softmax_stable; g(x) = \\log\\sum_i e^{x_i}",
        r"g(z) = m + \log \sum_k e^{z_k - m}",
        r"g(z) = \log \sum_k e^{z_k - m}",
    ),
    (
        "softmax_jacobian; \\operatorname{LSE}(v) := \\log\\sum_i e^{v_i}",
        r"\frac{\partial \operatorname{LSE}(z)}{\partial z_j} = s_j",
        r"\frac{\partial \operatorname{LSE}(z)}{\partial z_j} = s_j (1 - s_j)",
    ),
    ("tanh_derivative; \\phi(t) = \\frac{1}{1 + e^{-t}}", r"\tanh(x) = 2\phi(2x) - 1", r"\tanh(x) = \phi(2x) - 1"),
    (
        "g(\\mathbf{x}) \\stackrel{\\textrm{def}}{=} \\log\\sum_i \\exp x_i",
        r"e^{g(x)} = \sum_i e^{x_i}",
        r"e^{g(x)} = \sum_i x_i",
    ),
    # kinds
    ("a: real number", r"(a + 1)^2 = a^2 + 2a + 1", r"(a + 1)^2 = a^2 + 1"),
    (
        "u: vector",
        r"\sum_{i=1}^{n} (u_i - 1) = \sum_{i=1}^{n} u_i - n",
        r"\sum_{i=1}^{n} (u_i - 1) = \sum_{i=1}^{n} u_i - 1",
    ),
    ("w: distribution", r"\sum_{i=1}^{n} w_i = 1", r"\sum_{i=1}^{n} w_i^2 = 1"),
    (
        "M: matrix; k: index",
        r"\sum_{j=1}^{n} M_{ij} \delta_{jk} = M_{ik}",
        r"\sum_{j=1}^{n} M_{ij} \delta_{jk} = M_{ki}",
    ),
    ("T: dimension", r"\sum_{t=1}^{T} t = \frac{T(T + 1)}{2}", r"\sum_{t=1}^{T} t = \frac{T^2}{2}"),
    (
        "g: sequence over t",
        r"\sum_{s=1}^{t} g_s - \sum_{s=1}^{t-1} g_s = g_t",
        r"\sum_{s=1}^{t} g_s - \sum_{s=1}^{t-1} g_s = g_{t-1}",
    ),
    # ranges
    (
        "ppo_clipped_objective; A > 0",
        r"L^{\mathrm{CLIP}}(r) \le (1 + \epsilon) A",
        r"L^{\mathrm{CLIP}}(r) \le (1 - \epsilon) A",
    ),
    ("ppo_clipped_objective; A > 0; 0 < \\epsilon < 0.2", r"(1 - \epsilon) A > 0.8 A", r"(1 - \epsilon) A > 0.9 A"),
    (
        "layernorm_gradient; \\epsilon > 0",
        r"\sqrt{\sigma^2 + \epsilon} > \sigma",
        r"\sqrt{\sigma^2 + \epsilon} < \sigma",
    ),
    ("c: real; c \\ge 1", r"\log c \ge 0", r"\log c \ge 1"),
    # model parameters
    (
        "attention_scaling; variance \\sigma^2",
        r"\operatorname{Var}(q \cdot k) = d \sigma^4",
        r"\operatorname{Var}(q \cdot k) = d \sigma^2",
    ),
    (
        "attention_scaling; mean \\mu; variance \\sigma^2",
        r"\operatorname{Var}(q \cdot k) = d(\sigma^4 + 2\sigma^2\mu^2)",
        r"\operatorname{Var}(q \cdot k) = d\sigma^4",
    ),
    ("softmax_cross_entropy_gradient; one-hot target", r"L = -\log p_t", r"L = -\log p_j"),
    ("perplexity; H in bits", r"\operatorname{PPL}(p) = 2^{H(p)}", r"\operatorname{PPL}(p) = e^{H(p)}"),
    (
        "mutual_information; H in bits",
        r"I(X;Y) = H(X) - H(X \mid Y) \le \log_2 n",
        r"I(X;Y) = H(X) - H(X \mid Y) \le \log n - 1",
    ),
    ("mutual_information; equal dimensions", r"H(Y) \le \log n", r"H(Y) \le \log n - 1"),
    ("mutual_information; distinct dimensions", r"(m - n)^2 \ge 1", r"(m - n)^2 \ge 5"),
    # a dimension fixed by the tag
    (
        "projection_memory; d = 4096",
        r"\operatorname{bytes}_{\mathrm{bf16}}(W) = 33554432",
        r"\operatorname{bytes}_{\mathrm{bf16}}(W) = 33554431",
    ),
    (
        "softmax_jacobian; n = 3",
        r"\sum_{j=1}^{3} \frac{\partial s_i}{\partial z_j} = 0",
        r"\sum_{j=1}^{2} \frac{\partial s_i}{\partial z_j} = 0",
    ),
    # a function named with its subscript is not the plain one
    (
        "gelu_derivative",
        r"\operatorname{GELU}(1) - \operatorname{GELU}_{\tanh}(1) > 0",
        r"\operatorname{GELU}(1) - \operatorname{GELU}_{\tanh}(1) < 0",
    ),
]


@pytest.mark.parametrize("tag, correct, wrong", CLAUSES)
def test_a_tag_clause_binds_the_notation(tag, correct, wrong, tmp_path):
    (right, why_right), (refuted, why_refuted) = _verdicts(tmp_path, tag, [correct, wrong])
    assert right == "PASS", (correct, why_right)
    assert refuted == "FAIL", (wrong, why_refuted)


# A clause changes what is decided: without it the same formula is not a PASS.
NEEDED = [
    ("ppo_clipped_objective", "A > 0", r"L^{\mathrm{CLIP}}(r) \le (1 + \epsilon) A"),
    ("perplexity", "H in bits", r"\operatorname{PPL}(p) = 2^{H(p)}"),
    ("mutual_information", "equal dimensions", r"H(Y) \le \log n"),
    ("mutual_information", "distinct dimensions", r"(m - n)^2 \ge 1"),
    ("attention_scaling", "variance \\sigma^2", r"\operatorname{Var}(q \cdot k) = d \sigma^4"),
    ("log_softmax_stable", "g(x) = \\log\\sum_i e^{x_i}", r"g(z) = m + \log \sum_k e^{z_k - m}"),
]


@pytest.mark.parametrize("result, clause, formula", NEEDED)
def test_without_its_clause_the_formula_is_not_a_pass(result, clause, formula, tmp_path):
    (without, _), (with_clause, _) = _verdicts(tmp_path, result, [formula]) + _verdicts(
        tmp_path, f"{result}; {clause}", [formula]
    )
    assert with_clause == "PASS" and without != "PASS"


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        ("softmax_jacobian; one-hot target", r"s_i = s_i", "no model parameter"),
        ("softmax_jacobian; \\kappa > 0", r"s_i = s_i", "does not have"),
        ("ppo_clipped_objective; A > 5", r"A = A", "no values"),
        ("softmax_jacobian; variance of v \\sigma^2", r"s_i = s_i", "no model parameter"),
        (
            "lora_parameter_count; r = 8; d_{in} = 4096; d_{out} = 4096",
            r"\operatorname{params}(A) + \operatorname{params}(B) = 65536",
            "sampled numbers",
        ),
        (
            "gelu_derivative",
            r"\operatorname{GELU}_{\mathrm{fast}}(1) = \operatorname{GELU}(1)",
            "no GELU with a subscript",
        ),
        (  # a singular value of another matrix is not one of the result's M (it had been read as sigma_1 of M)
            "eckart_young",
            r"\sigma_1(B)^2 \le \sum_{i=1}^{m}\sum_{j=1}^{n} M_{ij}^2",
            "singular value of B",
        ),
    ],
)
def test_a_clause_or_name_the_result_cannot_honour_is_unknown_with_the_reason(tag, formula, expected, tmp_path):
    [(verdict, detail)] = _verdicts(tmp_path, tag, [formula])
    assert verdict == "UNKNOWN" and expected in detail, detail


def test_existing_clauses_keep_their_meaning():
    from derive.docs.tags import parse_tag

    binding = parse_tag(r"softmax_jacobian; s = \operatorname{softmax}(z); x = z; A: real; log base 2; erratum")
    assert binding.overrides == {"s": r"\operatorname{softmax}(z)", "x": "z"}
    assert binding.kinds == {"A": "real"} and binding.log_base == "2" and binding.erratum and not binding.clauses


def test_the_checker_knows_no_particular_result():
    """No module of the checker (nor the vocabulary type) imports a result or names one outside its docstrings."""
    import ast
    from pathlib import Path

    import derive

    names = set(catalog_names())
    engine = Path(derive.__file__).parent
    for path in [*sorted((engine / "docs").rglob("*.py")), engine / "vocabulary.py"]:
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert not any(m.startswith("derive.identities") for m in modules), (
                    f"{path.name} imports a result module"
                )
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not any(word in names for word in node.value.replace(";", " ").split()), (
                    f"{path.name} names a result: {node.value!r}"
                )


def test_check_formula_takes_tag_clauses():
    from derive.docs import check_formula

    assert check_formula(r"\operatorname{PPL}(p) = 2^{H(p)}", "perplexity", clauses="H in bits")["verdict"] == "PASS"
    assert check_formula(r"\operatorname{PPL}(p) = 2^{H(p)}", "perplexity")["verdict"] == "FAIL"
    assert check_formula(r"\operatorname{PPL}(p) = 3^{H(p)}", "perplexity", clauses="H in bits")["verdict"] == "FAIL"
    bad = check_formula("x = x", clauses="bad clause here")
    assert bad["verdict"] == "UNKNOWN" and "cannot read the clause" in bad["detail"]


def test_a_singular_value_written_with_its_matrix_is_the_results(tmp_path):
    correct = r"\sigma_1(M)^2 \le \sum_{i=1}^{m}\sum_{j=1}^{n} M_{ij}^2"
    verdicts = _verdicts(tmp_path, "eckart_young", [correct, correct.replace(r"\le", r"\ge")])
    assert [verdict for verdict, _ in verdicts] == ["PASS", "FAIL"], verdicts
