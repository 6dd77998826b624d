"""σ of an expression of a vector with an index after it, σ(z / T)_j, is an entry of the softmax, as σ(z)_j is: at
dimension 1 the expression's value is a number, the vector's one entry, and the softmax is taken of it all the same."""

from checking import verdict


def test_an_entry_of_sigma_of_a_scaled_vector_is_the_softmax_entry(tmp_path):
    for correct in (
        r"\sigma\left(\frac{\mathbf{z}}{T}\right)_j = \frac{e^{z_j / T}}{\sum_{k=1}^K e^{z_k / T}}",
        r"\sigma(2\mathbf{z})_j = \frac{e^{2 z_j}}{\sum_{k=1}^K e^{2 z_k}}",
    ):
        result, detail = verdict(tmp_path, None, correct)
        assert result == "PASS", (correct, result, detail)


def test_a_wrong_entry_of_sigma_of_a_scaled_vector_fails(tmp_path):
    wrong = r"\sigma\left(\frac{\mathbf{z}}{T}\right)_j = \frac{e^{z_j / T}}{\sum_{k=1}^K e^{z_k}}"
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "FAIL" and "n=1" in detail, (result, detail)


def test_an_equation_in_a_name_on_one_side_only_stays_unrefuted(tmp_path):
    # T = 1 solves it: the temperature on one side only leaves an equation, not an identity
    unscaled = r"\sigma\left(\frac{\mathbf{z}}{T}\right)_j = \frac{e^{z_j}}{\sum_{k=1}^K e^{z_k}}"
    assert verdict(tmp_path, None, unscaled)[0] == "SKIPPED"


def test_sigma_of_a_number_with_an_index_stays_a_function_of_its_own(tmp_path):
    result, detail = verdict(tmp_path, None, r"\sum_j \sigma(x)_j = 1")
    assert result == "SKIPPED" and "a function of its own" in detail, (result, detail)
