"""The raw moments E[X^k] of the continuous laws a tag may declare, in closed form from their parameters.

E[g(X)] for a polynomial g is then Σ_k c_k E[X^k]: exact, where quadrature of the density is only as good as its
error estimate, and a few operations where quadrature evaluates the density at thousands of points.
"""

import mpmath

MOST_DEGREE = 64  # a polynomial of higher degree is integrated as any other function


def raw_moments(law: str, reading: str, values: list, degree: int) -> list | None:
    """[E[X^0], ..., E[X^degree]] under the law with these parameter values (mpf, at the working precision); None
    for a law without a formula here."""
    moments = _MOMENTS.get(law)
    if moments is None or degree > MOST_DEGREE:
        return None
    return moments(reading, values, degree)


def _shifted(centre, scale, standard: list) -> list:
    """Moments of centre + scale·Z from the moments of Z, by the binomial theorem."""
    return [
        mpmath.fsum(mpmath.binomial(k, j) * centre ** (k - j) * scale**j * standard[j] for j in range(k + 1))
        for k in range(len(standard))
    ]


def _normal(reading, values, degree):
    mu, second = values
    deviation = second if reading == "deviation" else mpmath.sqrt(second)
    # E[Z^j] of a standard normal: (j - 1)!! for even j, 0 for odd j
    standard = [mpmath.fac2(j - 1) if j % 2 == 0 else mpmath.mpf(0) for j in range(degree + 1)]
    return _shifted(mu, deviation, standard)


def _laplace(reading, values, degree):
    mu, b = values
    # E[L^j] of a standard Laplace variable (density e^{-|x|}/2): j! for even j, 0 for odd j
    standard = [mpmath.factorial(j) if j % 2 == 0 else mpmath.mpf(0) for j in range(degree + 1)]
    return _shifted(mu, b, standard)


def _exponential(reading, values, degree):
    rate = 1 / values[0] if reading == "scale" else values[0]
    return [mpmath.factorial(k) / rate**k for k in range(degree + 1)]


def _gamma(reading, values, degree):
    shape, second = values
    theta = 1 / second if reading == "rate" else second
    return [mpmath.rf(shape, k) * theta**k for k in range(degree + 1)]


def _uniform(reading, values, degree):
    a, b = values
    return [(b ** (k + 1) - a ** (k + 1)) / ((k + 1) * (b - a)) for k in range(degree + 1)]


def _beta(reading, values, degree):
    a, b = values
    return [mpmath.rf(a, k) / mpmath.rf(a + b, k) for k in range(degree + 1)]


_MOMENTS = {
    "normal": _normal,
    "Laplace": _laplace,
    "exponential": _exponential,
    "gamma": _gamma,
    "uniform": _uniform,
    "beta": _beta,
}
