"""A chain with a link the checker cannot read: the links it can read alone are decided alone (derive.docs.links_apart)."""

from tests.docs.checking import verdict

PRECISION = r"\mathrm{precision} = \mathrm{true\_positives} / (\mathrm{true\_positives} + \mathrm{false\_positives})"


def test_a_false_arithmetic_link_refutes_a_chain_whose_first_link_the_tag_defines_in_words(tmp_path):
    holds = verdict(tmp_path, PRECISION, r"\mathrm{precision} = \frac{40}{40 + 10} = 0.8")
    assert holds[0] == "UNKNOWN", holds
    assert r"link 2 (\frac{40}{40+10} = 0.8) holds" in holds[1], holds
    assert "link 1" in holds[1] and "is not read ('true_positives' is not bound" in holds[1], holds
    wrong = verdict(tmp_path, PRECISION, r"\mathrm{precision} = \frac{40}{40 + 10} = 0.75")
    assert wrong[0] == "FAIL", wrong
    assert r"link 2 (\frac{40}{40+10} = 0.75) fails, read alone: component 1: 0.8 is not 0.75" in wrong[1], wrong
    assert "link 1" in wrong[1] and "is not read" in wrong[1], wrong


def test_a_worked_value_of_a_quantity_defined_in_words_is_not_refuted_for_all_values_of_the_words(tmp_path):
    # the words the tag defines precision by are on one side only: a particular value, not a claim for all values
    value = verdict(tmp_path, PRECISION, r"\mathrm{precision} = \frac{40}{40 + 10}")
    assert value[0] == "UNKNOWN" and "may be an equation in them" in value[1], value
    correct = verdict(
        tmp_path,
        PRECISION,
        r"\mathrm{precision} = \frac{\mathrm{true\_positives}}{\mathrm{true\_positives} + \mathrm{false\_positives}}",
    )
    assert correct[0] == "PASS", correct
    wrong = verdict(
        tmp_path, PRECISION, r"\mathrm{precision} = \frac{\mathrm{true\_positives}}{\mathrm{false\_positives}}"
    )
    assert wrong[0] == "FAIL", wrong


def test_a_product_of_probabilities_nothing_binds_leaves_its_arithmetic_to_be_checked(tmp_path):
    correct = r"\Pr(\text{heads}, \text{heads}) = \Pr(\text{heads})^2 = 0.5^2 = 0.25"
    holds = verdict(tmp_path, "", correct)
    assert holds[0] == "UNKNOWN", holds
    assert "link 3 (0.5^2 = 0.25) holds, read alone" in holds[1] and "link 1" in holds[1], holds
    assert "link 2" in holds[1] and "are not read" in holds[1], holds
    wrong = verdict(tmp_path, "", correct.replace("0.25", "0.5"))
    assert wrong[0] == "FAIL" and "link 3 (0.5^2 = 0.5) fails, read alone" in wrong[1], wrong


POSTERIOR = (
    r"P(\theta \mid \mathcal{D}) = \textsf{Beta}(\theta \mid \alpha_H + N_H, \alpha_T + N_T)"
    r" = \frac{\theta^{N_H + \alpha_H - 1} (1 - \theta)^{N_T + \alpha_T - 1}}{B(N_H + \alpha_H, N_T + \alpha_T)}"
)
RANGED = r"0 < \theta < 1; \alpha_H > 0; \alpha_T > 0; N_H > 0; N_T > 0"


def test_a_law_written_at_a_point_and_names_the_tag_ranges_leave_a_link_to_be_read_alone(tmp_path):
    # the posterior P(theta | D) is not read, but the Beta density written out is a claim of its own in names the
    # tag ranges (alpha_H > 0 declares the alpha of \alpha_H) and a law whose meaning no other link changes
    holds = verdict(tmp_path, RANGED, POSTERIOR)
    assert holds[0] == "UNKNOWN" and "link 2" in holds[1] and "holds, read alone" in holds[1], holds
    assert "link 1" in holds[1] and "is not read" in holds[1], holds
    wrong = verdict(tmp_path, RANGED, POSTERIOR.replace("N_H + \\alpha_H - 1", "N_H + \\alpha_H"))
    assert wrong[0] == "FAIL" and "link 2" in wrong[1] and "fails, read alone" in wrong[1], wrong


def test_a_link_that_writes_a_name_an_unread_link_defines_is_not_decided_alone(tmp_path):
    # p is a probability by the tag, but the first claim defines it by counts nothing binds: 1 - p = 0.3 is not
    # refuted at sampled probabilities, which are not the author's p
    found = verdict(tmp_path, "p: probability", r"p = \frac{\mathrm{wins}}{\mathrm{games}}, \quad 1 - p = 0.3")
    assert found[0] == "UNKNOWN" and "read alone" not in found[1], found


def test_a_link_whose_function_only_an_arbitrary_reading_gives_is_not_decided_alone(tmp_path):
    found = verdict(tmp_path, "", r"\mathrm{blob} = g(2) = 2 g(1)")
    assert found[0] == "UNKNOWN" and "read alone" not in found[1], found


IMPORTANCE = r"p: distribution; q: distribution; q(x) > 0; f: function"
# the last link, a Monte Carlo estimate over T draws nothing binds, is not read
STEPS = r"\sum_x f(x) p(x) = \sum_x f(x) \frac{{{}}}{{{}}} q(x) \approx \frac{{1}}{{T}} \sum_{{t=1}}^T f(x^t) w(x^t)"


def test_a_link_in_its_own_summed_variable_and_a_function_the_tag_declares_any_is_decided_alone(tmp_path):
    # x is the link's own, bound by its sums, and f any function by the tag: the link is read alone
    holds = verdict(tmp_path, IMPORTANCE, STEPS.format("p(x)", "q(x)"))
    assert holds[0] == "UNKNOWN" and "holds, read alone" in holds[1] and "link 2" in holds[1], holds
    wrong = verdict(tmp_path, IMPORTANCE, STEPS.format("q(x)", "p(x)"))
    assert wrong[0] == "FAIL" and "link 1" in wrong[1] and "fails, read alone" in wrong[1], wrong
    assert "f left arbitrary: any function" in wrong[1], wrong


def test_a_link_with_a_function_the_tag_does_not_declare_any_is_still_not_decided_alone(tmp_path):
    undeclared = IMPORTANCE.replace("; f: function", "")
    found = verdict(tmp_path, undeclared, STEPS.format("q(x)", "p(x)"))
    assert found[0] == "UNKNOWN" and "read alone" not in found[1], found


def test_untagged_each_link_is_read_alone_as_a_formula_of_its_own(tmp_path):
    from tests.docs.checking import verdicts

    correct = r"\Pr(\text{heads}, \text{heads}) = \Pr(\text{heads})^2 = 0.5^2 = 0.25"
    (holds, wrong, named) = verdicts(
        tmp_path, correct, correct.replace("0.25", "0.5"), r"\Pr(\text{heads}) = q^2 = 0.5^2 = 0.25"
    )
    # untagged, what the checker cannot decide is SKIPPED, with the reason
    assert holds[0] == "SKIPPED" and "link 3 (0.5^2 = 0.25) holds, read alone" in holds[1], holds
    assert "Pr is not bound" in holds[1], holds
    assert wrong[0] == "FAIL" and "link 3 (0.5^2 = 0.5) fails, read alone" in wrong[1], wrong
    # q is the formula's own variable, on one side only: q^2 = 0.5^2 is not read alone as a link; \Pr(\text{heads})
    # names the value of the chain, and the rest sets q^2 to a value its arithmetic works out
    assert named[0] == "PASS" and "Pr names the value of the chain" in named[1], named
    assert "an equation in the first side's names, set to the value of the chain" in named[1], named


DIFFERENCE_QUOTIENT = (
    r"\frac{\partial f(x,y)}{\partial x} = \frac{f(x+h,y) - f(x,y)}{h} = \frac{(x+h)y - xy}{h}"
    r" = \frac{xy + hy - xy}{h} = \frac{hy}{h} = y"
)


def test_untagged_links_in_the_formulas_own_names_after_an_unknown_function_are_claims_for_all_values(tmp_path):
    # f is no function the formula states, but the algebra after it is claimed for every x, y and h
    holds = verdict(tmp_path, None, DIFFERENCE_QUOTIENT)
    assert holds[0] == "SKIPPED", holds
    assert r"link 4 (\frac{xy+hy-xy}{h} = \frac{hy}{h})" in holds[1] and "hold, read alone" in holds[1], holds
    assert "link 1" in holds[1] and "f is not bound" in holds[1], holds
    wrong = verdict(tmp_path, None, DIFFERENCE_QUOTIENT.replace("xy + hy - xy", "xy + hy + xy"))
    assert wrong[0] == "FAIL", wrong
    assert r"link 3 (\frac{(x+h)y-xy}{h} = \frac{xy+hy+xy}{h}) fails, read alone: an identity in h, x, y" in wrong[1]
    # a chain's link that sets a name to a value is an equation read alone, never refuted (y = x may be meant)
    equation = verdict(tmp_path, None, DIFFERENCE_QUOTIENT.replace("= y", "= x"))
    assert equation[0] == "SKIPPED" and "fails, read alone" not in equation[1], equation


def test_untagged_a_link_that_writes_a_parameter_of_a_function_an_unread_link_defines_is_not_read_alone(tmp_path):
    # y is what l is applied to: l's role (a cross-entropy's target) may make y a distribution, whose entries sum to 1
    chain = (
        r"l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_j y_j \log \hat{y}_j"
        r" = \sum_j y_j \log \sum_k \exp(o_k) - \sum_j y_j o_j = \log \sum_k \exp(o_k) - \sum_j y_j o_j"
    )
    found = verdict(tmp_path, None, chain)
    assert found[0] == "SKIPPED" and "read alone" not in found[1], found
    # the same link after a chain that applies no function is read alone, and refuted for weights a summing to other
    # than 1 (a target named y may be a distribution, whose entries sum to 1: that link is then left undecided)
    unapplied = chain.replace(r"l(\mathbf{y}, \hat{\mathbf{y}}) = ", r"\frac{d g(o)}{d o} = ")
    alone = verdict(tmp_path, None, unapplied.replace("y_j", "a_j"))
    assert alone[0] == "FAIL" and "link 3" in alone[1] and "fails, read alone" in alone[1], alone


def test_untagged_a_formula_that_states_conditions_has_its_named_links_read_only_with_it(tmp_path):
    # a link read alone would lose the condition, under which the author may mean it
    stated = verdict(tmp_path, None, r"\frac{d g(x)}{dx} = 2x + 2 = 2(x + 2), \quad \text{for } x < 0")
    assert "read alone" not in stated[1], stated
    # the rest after the first side, read with its condition, fails for every x < 0
    assert stated[0] == "FAIL" and "g sets no condition on the rest" in stated[1] and "at x=-" in stated[1], stated
    refuted = verdict(tmp_path, None, r"\frac{d g(x)}{dx} = 2x + 2 = 2(x + 2)")
    assert refuted[0] == "FAIL" and "link 2 (2x+2 = 2(x+2)) fails, read alone" in refuted[1], refuted
    holds = verdict(tmp_path, None, r"\frac{d g(x)}{dx} = 2x + 4 = 2(x + 2)")
    assert holds[0] == "SKIPPED" and "link 2 (2x+4 = 2(x+2)) holds, read alone" in holds[1], holds


def test_a_link_in_the_results_names_is_read_only_with_the_whole_chain(tmp_path):
    # the result's names may be meant in the sense the unread link gives them: only the tag's own are read alone
    tag = "softmax_cross_entropy_gradient; one-hot target"
    wrong_first = r"L = \sum_i y_i \log p_i = \mathrm{Unk}(z) = 2 + 2 = 4"
    found = verdict(tmp_path, tag, wrong_first)
    assert found[0] == "UNKNOWN", found
    assert "link 4 (2+2 = 4) holds, read alone" in found[1] and "names the tag does not define" in found[1], found
    # refuted whatever Unk is: its last two sides differ by the same amount for every generic choice of it
    refuted = verdict(tmp_path, tag, wrong_first.replace("= 4", "= 5"))
    assert refuted[0] == "FAIL" and "'2+2' and '5' differ by -1.0" in refuted[1], refuted


def test_a_side_in_notation_the_checker_does_not_model_leaves_the_other_links_to_be_read(tmp_path):
    # \ast (a convolution) is not modelled: the links beside its side are still claims, read alone
    correct = r"G_x = [-1, 0, 1] \ast [105, 255, 55] = -105 + 0 + 55 = -50"
    holds = verdict(tmp_path, "", correct)
    assert holds[0] == "UNKNOWN" and "link 3 (-105+0+55 = -50) holds, read alone" in holds[1], holds
    assert r"are not read (\ast is not supported)" in holds[1], holds
    wrong = verdict(tmp_path, "", correct.replace("= -50", "= 50"))
    assert wrong[0] == "FAIL" and "link 3 (-105+0+55 = 50) fails, read alone" in wrong[1], wrong
    # a gradient without its variable, beside values the tag gives: the values' arithmetic is read alone
    tag = "f(x+1, y) = 55; f(x-1, y) = 105; f(x, y+1) = 90; f(x, y-1) = 40"
    chain = (
        r"\nabla f = \begin{bmatrix} f(x+1, y) - f(x-1, y)\\ f(x, y+1) - f(x, y-1) \end{bmatrix}"
        r" = \begin{bmatrix} 55-105\\ 90-40 \end{bmatrix} = \begin{bmatrix} -50\\ VALUE \end{bmatrix}"
    )
    holds = verdict(tmp_path, tag, chain.replace("VALUE", "50"))
    assert holds[0] == "UNKNOWN" and "link 3" in holds[1] and r"\nabla without the variable" in holds[1], holds
    wrong = verdict(tmp_path, tag, chain.replace("VALUE", "40"))
    assert wrong[0] == "FAIL" and "link 3" in wrong[1] and "fails, read alone" in wrong[1], wrong


def test_a_formula_of_one_link_in_notation_not_modelled_stays_unknown(tmp_path):
    found = verdict(tmp_path, "", r"G_x = [-1, 0, 1] \ast [105, 255, 55]")
    assert found[0] == "UNKNOWN" and r"\ast is not supported" in found[1], found


def test_a_chain_too_long_to_read_whole_is_not_read_link_by_link(monkeypatch):
    import derive.docs.reading as reading
    from derive.docs import check_formula

    read = []
    monkeypatch.setattr(reading, "read_links", lambda text, *_: read.append(text) or ([], []))
    chain = " = ".join(["x"] * (reading.MAX_CHARACTERS // 2)) + " = y + 1"
    for tag in (None, "softmax_jacobian"):
        found = check_formula(chain, tag)
        assert found["verdict"] == "UNKNOWN" and "formula too long to check" in found["detail"], found
    assert not read, "a formula over the length limit was read link by link"
