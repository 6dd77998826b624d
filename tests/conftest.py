import mpmath
import pytest


@pytest.fixture(autouse=True)
def reset_mpmath_precision():
    """Every test starts at mpmath's default precision, whatever the previous one did."""
    mpmath.mp.dps = 15
    yield
    mpmath.mp.dps = 15
