"""A vector the tag declares without a size beside matrices sized in letters takes the size the formula's products
need (derive.docs.vector_sizes)."""

from checking import assert_page_pass_and_fail, verdict

LORA = (
    r"W = W_0 + \Delta W; \Delta W = BA; W_0: d \times k matrix; B: d \times r matrix; A: r \times k matrix;"
    r" x: vector"
)


def test_an_unsized_vector_takes_the_size_its_products_need(tmp_path):
    # a course chapter on LoRA: the adapted layer's output, with x of size k
    assert_page_pass_and_fail(
        tmp_path, LORA, r"h = Wx = W_0x + \Delta Wx = W_0x + BAx", r"h = Wx = W_0x + \Delta Wx = W_0x - BAx"
    )


def test_the_size_read_is_said(tmp_path):
    found = verdict(tmp_path, LORA, r"W_0x + BAx = (W_0 + BA)x")
    assert found[0] == "PASS" and "x of size k" in found[1], found


def test_products_no_size_fits_stay_unread(tmp_path):
    # AB multiplies an r x k matrix by a d x r one: no size of x makes the shapes fit
    found = verdict(tmp_path, LORA, r"W_0x + ABx = (W_0 + BA)x")
    assert found[0] == "UNKNOWN" and "shapes" in found[1], found
