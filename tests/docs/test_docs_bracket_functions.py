"""Functions a tag defines with square brackets, f[x] = x^2 + 1, applied as f[...] in the formula (derive.docs.bracket_functions)."""

import pytest
from checking import verdict

from derive.docs.bracket_functions import applications_in_parentheses, bracket_definitions

# (tag, correct formula, wrong variant)
PAIRS = [
    (r"f[x] = x^2 + 1", r"f[2] = 5", r"f[2] = 6"),
    (
        r"\text{sig}[z] = \frac{1}{1+\exp[-z]}; z: real",
        r"\text{sig}[z] + \text{sig}[-z] = 1",
        r"\text{sig}[z] - \text{sig}[-z] = 1",
    ),
    (
        r"\text{cosine}[u, v] = \frac{u \cdot v}{\|u\| \|v\|}; \mathbf{u}: vector; \beta > 0",
        r"\text{cosine}[\mathbf{u}, \beta \mathbf{u}] = 1",
        r"\text{cosine}[\mathbf{u}, -\beta \mathbf{u}] = 1",
    ),
    (  # one bracket function inside another's argument
        r"\text{f}[x] = x^2 + \sin[x]; g[x] = 2 x; x: real",
        r"\text{f}[g[x]] = 4 x^2 + \sin[2 x]",
        r"\text{f}[g[x]] = 2 x^2 + \sin[2 x]",
    ),
]


@pytest.mark.parametrize("tag, correct, wrong", PAIRS)
def test_a_function_defined_with_square_brackets_is_applied_with_them(tmp_path, tag, correct, wrong):
    holds = verdict(tmp_path, tag, correct)
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, tag, wrong)
    assert fails[0] == "FAIL", fails


def test_only_the_names_a_tag_defines_so_are_rewritten():
    clauses, heads = bracket_definitions([r"\text{f}[x] = x^2", r"s: vector"])
    assert heads == (r"\text{f}",) and clauses[0] == r"\text{f}(x) = x^2", clauses
    written = applications_in_parentheses(r"\text{f}[s[0]] + s[1] + \exp[f]", heads)
    assert written == r"\text{f}(s[0]) + s[1] + \exp[f]", written
    assert bracket_definitions([r"s[0] = 1"])[1] == ()  # an entry given a value defines no function
