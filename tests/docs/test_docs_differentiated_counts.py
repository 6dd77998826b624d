r"""A name the shared notation counts with (N, K: a size) that the formula differentiates by, \frac{d}{dN}, is a
variable of the formula's own: explore-then-commit's regret differentiated by the pulls per arm N."""

from tests.docs.checking import assert_page_pass_and_fail, verdict

REGRET = r"\frac{d}{dN} \left( N K + T \sqrt{\frac{2\ln(2 K/\delta)}{N}} \right)"


def test_a_count_differentiated_by_is_a_variable(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"N > 0; K \ge 1; T > 0; 0 < \delta < 1",
        REGRET + r" = K - T \cdot \frac{1}{2} \sqrt{\frac{2\ln(2 K /\delta)}{N^3}}",
        REGRET + r" = K - T \sqrt{\frac{2\ln(2 K /\delta)}{N^3}}",  # the 1/2 of the derivative of N^{-1/2} dropped
    )


def test_a_count_the_formula_does_not_differentiate_by_stays_a_size(tmp_path):
    found = verdict(tmp_path, r"N > 0", r"\sum_{i=1}^{N} 1 = N")
    assert found[0] == "PASS", found
