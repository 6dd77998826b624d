r"""A tag clause giving a function's gradient at its own variable (\nabla_\theta J(\theta) = 2\theta) defines the
gradient as a function, taken where the formula writes \nabla_\theta J at another argument (derive.docs.gradient_functions);
J itself stays undefined."""

from checking import assert_page_pass_and_fail, verdict

GRADIENT = r"\nabla_\theta J(\theta) = 2\theta; \eta > 0"


def test_a_step_at_another_argument_reads_the_gradient_the_tag_gives(tmp_path):
    assert_page_pass_and_fail(
        tmp_path, GRADIENT, r"u - \eta \nabla_\theta J(u) = (1 - 2\eta) u", r"u - \eta \nabla_\theta J(u) = u"
    )


def test_a_step_at_the_variable_itself_reads_it_too(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        GRADIENT,
        r"\theta - \eta \nabla_{\theta} J(\theta) = (1 - 2\eta)\theta",
        r"\theta - \eta \nabla_{\theta} J(\theta) = \theta",
    )


def test_the_function_whose_gradient_is_given_stays_undefined(tmp_path):
    result, detail = verdict(tmp_path, GRADIENT, r"J(u) = u^2")
    assert result == "UNKNOWN" and "J" in detail, detail
