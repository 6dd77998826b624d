r"""A function the formula itself defines in a stated clause, \nabla_\theta L(\theta) = 2(\theta - 2), \quad \text{where }
L(\theta) = (\theta - 2)^2, is read with that definition, tagged or not, as a name the clause gives a value is
(\text{where } \beta = 0.9): L had been a name nothing binds. A clause that writes none of the parameters
(\text{where } g(x) = 0) is a condition on the function, not its definition, and stays unread."""

from checking import assert_page_pass_and_fail, verdict

WHERE = r", \quad \text{where } L(\theta) = (\theta - 2)^2"


def test_a_function_the_formula_defines_where_it_is_used(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"\theta: real",
        r"\nabla_\theta L(\theta) = 2(\theta - 2)" + WHERE,
        r"\nabla_\theta L(\theta) = 3(\theta - 2)" + WHERE,
    )


def test_a_function_the_formula_defines_untagged(tmp_path):
    result, detail = verdict(tmp_path, None, r"\nabla_\theta L(\theta) = 2(\theta - 2)" + WHERE)
    assert result == "PASS", (result, detail)
    result, detail = verdict(tmp_path, None, r"\nabla_\theta L(\theta) = 2\theta" + WHERE)
    assert result == "FAIL", (result, detail)


def test_a_function_the_formula_defines_applied_at_a_number(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"a: real",
        r"f(a) + f(2) = a^2 + 4 \quad \text{where } f(x) = x^2",
        r"f(a) + f(2) = a^2 + 2 \quad \text{where } f(x) = x^2",
    )


def test_a_clause_that_writes_no_parameter_is_a_condition_left_unread(tmp_path):
    result, detail = verdict(tmp_path, r"a: real", r"g(a) = 0 \quad \text{where } g(x) = 0")
    assert result == "UNKNOWN" and "cannot be imposed" in detail, (result, detail)
