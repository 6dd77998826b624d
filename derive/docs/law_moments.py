"""Expectations under the laws a tag may declare in closed form from their parameters: the raw moments E[X^k],
the mean absolute deviation E|X - c| and the moment generating function E[e^{sX}].

E[g(X)] for a polynomial g is then Σ_k c_k E[X^k]: exact, where quadrature of the density is only as good as its
error estimate, and a few operations where quadrature evaluates the density at thousands of points (or a series
its terms until they fall below the last digit).
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


def absolute_deviation(law: str, reading: str, values: list, centre) -> mpmath.mpf | None:
    """E|X - centre| under the law with these parameter values; None for a law without a formula here."""
    if law != "Laplace":
        return None
    mu, b = values
    distance = abs(centre - mu)
    # a standard Laplace variable L (density e^{-|x|}/2) has E|L - d| = d + e^{-d} for d >= 0; X = mu + bL
    return distance + b * mpmath.exp(-distance / b)


def exponential_moment(law: str, reading: str, values: list, rate) -> mpmath.mpf | None:
    """E[e^{rate·X}] under the law with these parameter values, +inf where its sum diverges; None for a law without
    a formula here."""
    if law == "Poisson":
        (lam,) = values
        return mpmath.exp(lam * (mpmath.exp(rate) - 1))
    if law == "geometric":
        (p,) = values
        ratio = (1 - p) * mpmath.exp(rate)  # of each term p (1 - p)^k e^{rate·k} of the sum to the one before
        if ratio >= 1:
            return mpmath.inf
        first = p * mpmath.exp(rate) if reading == "trials" else p  # the term at the support's least value
        return first / (1 - ratio)
    return None


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
