"""How far \\nabla_\\theta reaches in ``\\nabla_\\theta f(x) g(x)`` (and \\frac{\\partial}{\\partial \\theta}, \\partial_\\theta): the
gradient of the product, or of f times g. A verdict stands only when both readings give it; each case is checked
through the public API."""

from checking import verdict

POLICY = r"\pi_\theta(a|s): function of \theta"


def test_a_later_factor_that_does_not_depend_on_theta_leaves_one_verdict(tmp_path):
    # Q is any function of (s, a) alone: both readings give Q ∇π, so the verdict stands
    tag = POLICY + "; Q: function"
    found, detail = verdict(
        tmp_path, tag, r"\nabla_\theta \pi_\theta(a|s) Q(s,a) = Q(s,a) \nabla_\theta \pi_\theta(a|s)"
    )
    assert found == "PASS", detail
    found, detail = verdict(
        tmp_path, tag, r"\nabla_\theta \pi_\theta(a|s) Q(s,a) = 2 Q(s,a) \nabla_\theta \pi_\theta(a|s)"
    )
    assert found == "FAIL", detail


def test_the_product_rule_under_an_operator_that_may_reach_one_factor_only_is_unknown_with_both_readings(tmp_path):
    # read as ∇(π Q) the right side is the product rule; read as (∇π) Q it drops π ∇Q: no verdict
    tag = POLICY + r"; Q^\pi(s, a): function of \theta"
    formula = (
        r"\nabla_\theta \pi_\theta(a|s) Q^\pi(s,a) = Q^\pi(s,a) \nabla_\theta \pi_\theta(a|s)"
        r" + \pi_\theta(a|s) \nabla_\theta Q^\pi(s,a)"
    )
    found, detail = verdict(tmp_path, tag, formula)
    assert found == "UNKNOWN", detail
    assert "alone or to the whole product" in detail and "the formula holds" in detail and "it fails" in detail, detail


def test_one_reading_held_and_the_other_undecided_is_no_pass(tmp_path):
    # read as the gradient of each product the sum of π Q is the sum's gradient; read as (∇π) Q it is not
    # decided (a function of θ that is no policy refutes it): the formula is not passed on the first reading alone
    tag = r"\pi_\theta(a \vert s): function of \theta; Q^\pi(s, a): function of \theta"
    formula = (
        r"\nabla_\theta \Big(\sum_{a \in \mathcal{A}} \pi_\theta(a \vert s)Q^\pi(s, a) \Big)"
        r" = \sum_{a \in \mathcal{A}} \Big( \nabla_\theta \pi_\theta(a \vert s)Q^\pi(s, a) \Big)"
    )
    found, detail = verdict(tmp_path, tag, formula)
    assert found == "UNKNOWN" and "is not decided" in detail, detail


def test_brackets_say_which_and_decide(tmp_path):
    tag = POLICY + r"; Q^\pi(s, a): function of \theta"
    product_rule = r"Q^\pi(s,a) \nabla_\theta \pi_\theta(a|s) + \pi_\theta(a|s) \nabla_\theta Q^\pi(s,a)"
    of_product = r"\nabla_\theta \left(\pi_\theta(a|s) Q^\pi(s,a)\right) = "
    assert verdict(tmp_path, tag, of_product + product_rule)[0] == "PASS"
    assert verdict(tmp_path, tag, of_product + r"Q^\pi(s,a) \nabla_\theta \pi_\theta(a|s)")[0] == "FAIL"
    of_factor = r"\left(\nabla_\theta \pi_\theta(a|s)\right) Q^\pi(s,a) = "
    assert verdict(tmp_path, tag, of_factor + r"Q^\pi(s,a) \nabla_\theta \pi_\theta(a|s)")[0] == "PASS"
    assert verdict(tmp_path, tag, of_factor + product_rule)[0] == "FAIL"


def test_a_gradient_of_a_variable_times_the_rest_is_of_the_product(tmp_path):
    # \nabla_x x^\top A x: a variable (transposed) is no function applied to arguments; one reading only
    found, detail = verdict(
        tmp_path,
        r"\mathbf{x}: vector; \mathbf{A}: matrix",
        r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{x} = 2\mathbf{x}",
    )
    assert found == "PASS", detail


def test_a_bracket_followed_by_more_is_read_both_ways_as_a_function_is(tmp_path):
    # \nabla_\theta (\log \pi_\theta(a|s)) Q: of the bracket times Q, or of the product; read as the product only, the
    # author's (\nabla \log \pi) Q had FAILed
    tag = POLICY + r"; Q^\pi(s, a): function of \theta; \pi_\theta(a|s) > 0"
    of_bracket = r"\nabla_\theta (\log \pi_\theta(a|s)) Q^\pi(s,a) = \frac{Q^\pi(s,a)}{\pi_\theta(a|s)} \nabla_\theta \pi_\theta(a|s)"
    found, detail = verdict(tmp_path, tag, of_bracket)
    assert found == "UNKNOWN" and "may apply to" in detail, (found, detail)
    # a later factor that does not depend on theta: both readings agree, and the verdict stands
    constant = POLICY + r"; \pi_\theta(a|s) > 0; c: real"
    assert (
        verdict(
            tmp_path,
            constant,
            r"\nabla_\theta (\log \pi_\theta(a|s)) c = \frac{c \nabla_\theta \pi_\theta(a|s)}{\pi_\theta(a|s)}",
        )[0]
        == "PASS"
    )
    assert (
        verdict(tmp_path, constant, r"\nabla_\theta (\log \pi_\theta(a|s)) c = c \nabla_\theta \pi_\theta(a|s)")[0]
        == "FAIL"
    )


def test_a_derivative_operator_written_as_a_fraction_or_with_a_subscript_reaches_as_far_as_nabla(tmp_path):
    # \frac{\partial}{\partial\theta} \pi Q and \partial_\theta \pi Q were read as of the product only, so the product
    # rule written with them (\partial(\pi Q) = \partial\pi Q + \pi \partial Q, meaning (\partial\pi) Q) FAILed
    tag = r"\pi(a|s): function of \theta; Q(s, a): function of \theta; \theta: real"
    for operator in (r"\frac{\partial}{\partial \theta}", r"\partial_\theta"):
        product_rule = (
            rf"{operator} \left(\pi(a|s) Q(s,a)\right) = {operator} \pi(a|s) Q(s,a) + \pi(a|s) {operator} Q(s,a)"
        )
        found, detail = verdict(tmp_path, tag, product_rule)
        assert found == "UNKNOWN" and "alone or to the whole product" in detail, (operator, found, detail)
        assert "the formula fails" in detail and "it holds" in detail, detail


def test_a_derivative_operator_before_a_factor_free_of_its_variable_leaves_one_verdict(tmp_path):
    tag = r"\pi(a|s): function of \theta; Q: function; \theta: real"
    for operator in (r"\frac{\partial}{\partial \theta}", r"\partial_\theta"):
        right = rf"Q(s,a) {operator} \pi(a|s)"
        found, detail = verdict(tmp_path, tag, rf"{operator} \pi(a|s) Q(s,a) = {right}")
        assert found == "PASS", (operator, detail)
        found, detail = verdict(tmp_path, tag, rf"{operator} \pi(a|s) Q(s,a) = 2 {right}")
        assert found == "FAIL", (operator, detail)


def test_a_square_bracket_followed_by_more_is_read_both_ways_as_a_round_one_is(tmp_path):
    # \frac{d}{dx}[2]\, x^2 is the derivative of the constant times x^2 in a product rule written out; read as the
    # derivative of the whole product it had FAILed the correct v'(x) and PASSed v'(x) = \frac{d}{dx}[2]\, x^2
    from checking import verdicts

    definition = r"v(x) = 2x^2"
    product_rule = r"v'(x) = 2\dfrac{\mathrm{d}}{\mathrm{d}x}[x^2] + \dfrac{\mathrm{d}}{\mathrm{d}x}[2]\,x^2"
    first_factor_only = r"v'(x) = \dfrac{d}{dx}[2]\, x^2"
    wrong = r"v'(x) = 3\dfrac{d}{dx}[x^2] + \dfrac{d}{dx}[2]\, x^2"
    alone = r"v'(x) = 2\dfrac{d}{dx}[x^2]"
    found = verdicts(tmp_path, definition, product_rule, first_factor_only, wrong, alone)
    assert found[1][0] == "SKIPPED" and "may apply to [2] alone" in found[1][1], found[1]
    assert found[2][0] == "SKIPPED" and "may apply to [2] alone" in found[2][1], found[2]
    assert found[3][0] == "FAIL", found[3]
    assert found[4][0] == "PASS", found[4]
