"""A limit the checker reads more than once (at each reading of the formula) is the same SymPy limit each time, in
one variable shared by every limit of its sign, and is taken once: a second difference of softplus, whose symbolic
limit is slow, is decided. A correct limit PASSes and its wrong variant FAILs."""

from checking import assert_page_pass_and_fail

from derive.docs import operations

SECOND_DIFFERENCE = r"f''(x) = \lim_{h \to 0} \frac{f(x+h) + f(x-h) - 2f(x)}{%s}"


def test_a_second_difference_is_checked(tmp_path):
    assert_page_pass_and_fail(tmp_path, r"f(x) = x^3; x: real", SECOND_DIFFERENCE % "h^2", SECOND_DIFFERENCE % "2 h^2")


def test_the_same_limit_read_again_is_taken_once(tmp_path):
    operations._symbolic_limit.cache_clear()
    assert_page_pass_and_fail(
        tmp_path, r"f(x) = \log(1 + e^x); x: real", SECOND_DIFFERENCE % "h^2", SECOND_DIFFERENCE % "2 h^2"
    )
    info = operations._symbolic_limit.cache_info()
    # two limits (over h^2 and over 2 h^2), each taken once and read again from the cache
    assert info.misses == 2 and info.hits > 0, info
