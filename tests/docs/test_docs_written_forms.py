"""Small written forms of course notes and blogs: plain TeX's {n \\choose k}, a unit after a number,
TeX quotes around a word, the entries of a matrix the tag writes out, and numeric claims that only an
arbitrary function would decide.

Each form is read on a correct formula (PASS) and on a wrong variant (FAIL) by the same machinery."""

import pytest
from checking import verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "plain TeX's binomial coefficient {n \\choose k} with a variable",
        r"n: positive integer",
        r"{n \choose 2} = \frac{n(n-1)}{2}",
        r"{n \choose 2} = \frac{n(n+1)}{2}",
    ),
    (
        "plain TeX's binomial coefficient {n \\choose k} with numbers",
        None,
        r"{5 \choose 2} = 10",
        r"{5 \choose 2} = 12",
    ),
    (
        "{n \\choose 1} inside a longer product",
        r"n: positive integer",
        r"{n \choose 1} \frac{1}{n} \left(1-\frac{1}{n}\right)^{n-1} = \frac{n}{n-1} \left(1-\frac{1}{n}\right)^{n}",
        r"{n \choose 1} \frac{1}{n} \left(1-\frac{1}{n}\right)^{n-1} = \frac{n-1}{n} \left(1-\frac{1}{n}\right)^{n}",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_correct_passes_and_wrong_fails(tmp_path, name, tag, correct, wrong):
    assert verdict(tmp_path, tag, correct)[0] == "PASS", verdict(tmp_path, tag, correct)
    assert verdict(tmp_path, tag, wrong)[0] == "FAIL", verdict(tmp_path, tag, wrong)
