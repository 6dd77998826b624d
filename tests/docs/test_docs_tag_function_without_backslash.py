r"""A tag clause whose meaning is a function of the notation written without its backslash (``c = exp(b)``,
``T_{i} = exp(-\sum_{j=1}^{i-1}\sigma_{j}\delta_{j})``, as CS231n's NeRF notes write it) is read as that function,
where checking whether the clause only respells a name had stopped the check with an internal error."""

from checking import assert_page_pass_and_fail, verdict


def test_a_name_defined_by_exp_without_a_backslash_is_read(tmp_path):
    assert_page_pass_and_fail(tmp_path, r"b: real; c = exp(b)", r"\ln c = b", r"\ln c = 2b")


def test_a_transmittance_defined_by_exp_without_a_backslash_is_read(tmp_path):
    tag = r"\sigma_i > 0; \delta_i > 0; T_{i} = exp(-\sum_{j=1}^{i-1}\sigma_{j}\delta_{j})"
    result, detail = verdict(tmp_path, tag, r"T_{1} = 1")
    assert result == "PASS", (result, detail)
    result, detail = verdict(tmp_path, tag, r"T_{1} = e")
    assert result in ("FAIL", "UNKNOWN") and "internal error" not in detail, (result, detail)
