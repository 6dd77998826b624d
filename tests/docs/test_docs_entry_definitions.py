r"""A vector the tag defines entry by entry, s_i = \frac{e^{x_i}}{\sum_j e^{x_j}}, written whole in the formula
(\nabla_{\mathbf x} H = \mathbf s - \mathbf y) is the vector of those entries over the notation's index: the whole name
had been left unbound. A definition that writes its index only as a number (w_i = 2^i), or that names the whole
name itself (x_q = x / S + Z), defines no such vector."""

from checking import assert_page_pass_and_fail, verdict

SOFTMAX = r"s_i = \frac{e^{x_i}}{\sum_j e^{x_j}}"


def test_the_whole_name_is_the_vector_of_the_entries_the_tag_defines(tmp_path):
    assert_page_pass_and_fail(
        tmp_path, SOFTMAX, r"\mathbf s = \operatorname{softmax}(\mathbf x)", r"\mathbf s = \exp(\mathbf x)"
    )


def test_the_gradient_of_the_cross_entropy_is_the_defined_vector_less_the_target(tmp_path):
    tag = rf"H = -\sum_{{i=1}}^n y_i \log s_i; {SOFTMAX}; \mathbf y: probability vector"
    result, detail = verdict(tmp_path, tag, r"\nabla_{\mathbf x} H = \mathbf s - \mathbf y")
    assert result == "PASS", (result, detail)


def test_a_product_of_the_whole_vector_with_itself_sums_its_entries(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"w_i = x_i^2",
        r"\mathbf{w}^\top \mathbf{w} = \sum_i x_i^4",
        r"\mathbf{w}^\top \mathbf{w} = \sum_i x_i^2",
    )


def test_a_definition_that_writes_its_index_only_as_a_number_gives_no_vector(tmp_path):
    result, detail = verdict(tmp_path, r"w_i = 2^i", r"w = 2")
    assert result == "UNKNOWN" and "'w' is not bound" in detail, (result, detail)
