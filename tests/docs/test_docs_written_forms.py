"""Small written forms of course notes and blogs: plain TeX's {n \\choose k}, a unit after a number,
TeX quotes around a word, the entries of a matrix the tag writes out, and numeric claims that only an
arbitrary function would decide.

Each form is read on a correct formula (PASS) and on a wrong variant (FAIL) by the same machinery."""

import pytest
from checking import verdict, verdicts

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


@pytest.mark.parametrize("quoted", ['``p"', "``p''", "`p'"])
def test_a_word_in_tex_quotes_is_read_as_the_word_in_text_type(tmp_path, quoted):
    correct = rf"P({quoted}) = \frac{{5}}{{210}} \times \frac{{36}}{{210}} = 0.004081632653"
    wrong = rf"P({quoted}) = \frac{{5}}{{210}} \times \frac{{36}}{{210}} = 0.0398"
    as_text = [
        v for v, _ in verdicts(tmp_path, correct.replace(quoted, r"\text{p}"), wrong.replace(quoted, r"\text{p}"))
    ]
    assert as_text == ["PASS", "FAIL"]
    assert [v for v, _ in verdicts(tmp_path, correct, wrong)] == as_text


def test_a_tex_quote_that_closes_no_word_is_not_read(tmp_path):
    v, detail = verdicts(tmp_path, r"P(``p) = \frac{5}{210}")[0]
    assert v in ("UNPARSEABLE", "SKIPPED") and "unexpected '`'" in detail, (v, detail)
