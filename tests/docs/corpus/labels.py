"""The truth of every corpus formula, computed from its meaning in plain mpmath or exact arithmetic.

Each entry of ``CHECKS`` maps a formula id to a function that returns True when the formula holds
as its source means it and False when it does not. The checks are written by hand from the
formula's meaning (derivatives by finite differences with ``mpmath.diff``, expectations by exact
enumeration, integrals by quadrature, worked numbers by rounding rules) and never call the
documentation checker or the catalog.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from math import comb, factorial, prod

from mpmath import cos, diff, erf, exp, inf, inverse, log, matrix, mp, mpf, nsum, pi, quad, sin, sqrt, tanh

PRECISION = 40  # digits; every check runs at this precision (see ``holds``)
_saved_dps, mp.dps = mp.dps, PRECISION  # the fixtures below are computed at it too; restored at the end
TOL = mpf(10) ** -20

REAL = [(mpf("-1.3"),), (mpf("0.4"),), (mpf("2.1"),)]
POS = [(mpf("0.37"),), (mpf("1.9"),), (mpf("3.2"),)]


# ---- helpers ------------------------------------------------------------------------------


def _flat(v):
    if isinstance(v, matrix):
        return [v[i, j] for i in range(v.rows) for j in range(v.cols)], (v.rows, v.cols)
    if isinstance(v, (list, tuple)):
        out = []
        for x in v:
            out.extend(_flat(x)[0])
        return out, (len(v),)
    return [v], ()


def close(a, b, tol=TOL) -> bool:
    """Equal to ``tol`` (relative to the size of a), for numbers, lists and matrices of the same shape."""
    fa, sa = _flat(a)
    fb, sb = _flat(b)
    if sa != sb or len(fa) != len(fb):
        return False
    return all(abs(mpf(x) - mpf(y)) <= tol * (1 + abs(mpf(x))) for x, y in zip(fa, fb))


def identity(*sides, points=REAL) -> bool:
    """Every side takes the same value at every point (each point a tuple of arguments)."""
    return all(all(close(sides[0](*p), s(*p)) for s in sides[1:]) for p in points)


def always(pred, points) -> bool:
    return all(pred(*p) for p in points)


def D(f, x, n=1):
    return diff(f, x, n)


def grad(f, x):
    """Gradient of f at the list x by central finite differences (mpmath.diff per coordinate)."""
    out = []
    for i in range(len(x)):

        def g(t, i=i):
            y = list(x)
            y[i] = t
            return f(y)

        out.append(diff(g, x[i]))
    return out


def mgrad(f, X):
    """Gradient of a function of a matrix, entry by entry, as a matrix."""
    G = matrix(X.rows, X.cols)
    for i in range(X.rows):
        for j in range(X.cols):

            def g(t, i=i, j=j):
                Y = X.copy()
                Y[i, j] = t
                return f(Y)

            G[i, j] = diff(g, X[i, j])
    return G


def rounds_to(value, written: str) -> bool:
    """The written decimal is the value rounded to the digits written (half a unit in the last place)."""
    decimals = len(written.split(".")[1]) if "." in written else 0
    return abs(mpf(value) - mpf(written)) <= mpf("0.5") * mpf(10) ** -decimals * (1 + mpf(10) ** -12)


def sigmoid(x):
    return 1 / (1 + exp(-x))


def softmax(z):
    m = max(z)
    e = [exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def lse(z):
    m = max(z)
    return m + log(sum(exp(v - m) for v in z))


def entropy(p, base=None):
    h = -sum(x * log(x) for x in p if x)
    return h / log(base) if base else h


def cross_entropy(p, q):
    return -sum(a * log(b) for a, b in zip(p, q) if a)


def kl(p, q):
    return sum(a * log(a / b) for a, b in zip(p, q) if a)


def dot(u, v):
    return sum(a * b for a, b in zip(u, v))


def norm(u):
    return sqrt(dot(u, u))


def mean(dist):
    """Mean of a finite distribution given as {value: probability}."""
    return sum(v * p for v, p in dist.items())


def var(dist):
    m = mean(dist)
    return sum((v - m) ** 2 * p for v, p in dist.items())


def expect(dist, f):
    return sum(f(v) * p for v, p in dist.items())


def push(dist, f):
    """The distribution of f(X)."""
    out = {}
    for v, p in dist.items():
        out[f(v)] = out.get(f(v), 0) + p
    return out


def product(d1, d2, f):
    """The distribution of f(X, Y) for independent X ~ d1, Y ~ d2."""
    out = {}
    for (a, p), (b, q) in itertools.product(d1.items(), d2.items()):
        out[f(a, b)] = out.get(f(a, b), 0) + p * q
    return out


def mat(rows):
    return matrix([[mpf(x) for x in r] for r in rows])


def vec(xs):
    return [mpf(x) for x in xs]


def col(xs):
    return matrix([[mpf(x)] for x in xs])


def scalar(m):
    return m[0, 0] if isinstance(m, matrix) else m


# ---- shared fixtures ------------------------------------------------------------------------

P3 = vec(["0.5", "0.3", "0.2"])
Q3 = vec(["0.2", "0.5", "0.3"])
Z3 = vec(["1.2", "-0.7", "0.4"])
Y3 = vec([0, 1, 0])
JOINT = [
    [mpf("0.10"), mpf("0.25"), mpf("0.05")],
    [mpf("0.30"), mpf("0.05"), mpf("0.25")],
]  # p(x, y), x in 2 values, y in 3
PX = [sum(r) for r in JOINT]
PY = [sum(JOINT[i][j] for i in range(2)) for j in range(3)]
HXY = entropy([v for r in JOINT for v in r])
HX, HY = entropy(PX), entropy(PY)
H_Y_GIVEN_X = -sum(JOINT[i][j] * log(JOINT[i][j] / PX[i]) for i in range(2) for j in range(3))
H_X_GIVEN_Y = -sum(JOINT[i][j] * log(JOINT[i][j] / PY[j]) for i in range(2) for j in range(3))
MI = sum(JOINT[i][j] * log(JOINT[i][j] / (PX[i] * PY[j])) for i in range(2) for j in range(3))
DX = {mpf(-1): mpf("0.2"), mpf("0.5"): mpf("0.5"), mpf(3): mpf("0.3")}  # a discrete random variable
DY = {mpf(0): mpf("0.6"), mpf(2): mpf("0.4")}
A2 = mat([[1, 2], [-0.5, 3]])  # not symmetric
SPD = mat([[2, 0.5], [0.5, 1]])  # symmetric positive definite
C2 = col([0.3, -1.1])
X2 = col([0.7, -1.2])
DISTS = [
    vec(p) for p in (["0.5", "0.3", "0.2"], ["0.1", "0.1", "0.8"], ["0.3", "0.3", "0.4"], ["0.97", "0.02", "0.01"])
]


H_OFFSET = mpf("0.4")


def _h(x, Q=SPD, c=C2, b=H_OFFSET):
    return scalar(x.T * Q * x) / 2 + scalar(x.T * c) + b


def _rademacher_dot(d):
    """Exact distribution of q.k for q, k with independent uniform +-1 components (mean 0, variance 1)."""
    out = {}
    for signs in itertools.product((-1, 1), repeat=2 * d):
        v = mpf(sum(signs[i] * signs[d + i] for i in range(d)))
        out[v] = out.get(v, 0) + mpf(1) / 2 ** (2 * d)
    return out


def _rmsprop_average(gammas_g):
    gamma, gs = gammas_g
    s = mpf(0)
    for g in gs:
        s = gamma * s + (1 - gamma) * g**2
    return s


CHECKS = {}

# ---- d2l ------------------------------------------------------------------------------------

_NR = [(mpf(3), mpf("1.7")), (mpf(7), mpf("0.4"))]
_XN = [(mpf("1.7"), mpf("2.5")), (mpf("0.6"), mpf("-1.3"))]
_AX = [(mpf("1.5"), mpf("0.3")), (mpf(-2), mpf("1.1"))]
_ABCX = [(mpf("1.5"), mpf("-0.4"), mpf("2"), mpf("0.3")), (mpf(-2), mpf("1.1"), mpf("0.5"), mpf("-0.7"))]
_UV = [(mpf("0.3"), mpf("1.2")), (mpf("-1.5"), mpf("0.4"))]
_MAT = mat([[1, 2], [-0.5, 3]])
_x2 = vec([0.7, -1.2])


def _quad_grad(A, x):
    return grad(lambda y: sum(y[i] * A[i, j] * y[j] for i in range(2) for j in range(2)), x)


def _matvec(A, x):
    return [sum(A[i, j] * x[j] for j in range(A.cols)) for i in range(A.rows)]


def _lse_o(y, o):
    return -sum(yj * log(sj) for yj, sj in zip(y, softmax(o)))


CHECKS.update(
    {
        "d2l-calc-circle": lambda: identity(
            lambda n, r: n * r * mpf(1) / 2 * (2 * pi * r / n), lambda n, r: pi * r**2, points=_NR
        ),
        "d2l-calc-circle~const": lambda: identity(
            lambda n, r: n * r * mpf(1) / 2 * (2 * pi * r / n), lambda n, r: 2 * pi * r**2, points=_NR
        ),
        "d2l-calc-power": lambda: identity(
            lambda x, n: D(lambda t: t**n, x), lambda x, n: n * x ** (n - 1), points=_XN
        ),
        "d2l-calc-power~exp": lambda: identity(
            lambda x, n: D(lambda t: t**n, x), lambda x, n: n * x ** (n + 1), points=_XN
        ),
        "d2l-calc-exp": lambda: identity(lambda x: D(exp, x), exp),
        "d2l-calc-exp~power": lambda: identity(lambda x: D(exp, x), lambda x: x * exp(x - 1)),
        "d2l-calc-ln": lambda: identity(lambda x: D(log, x), lambda x: 1 / x, points=POS),
        "d2l-calc-ln~sign": lambda: identity(lambda x: D(log, x), lambda x: -1 / x, points=POS),
        "d2l-calc-poly": lambda: identity(
            lambda x: D(lambda t: 3 * t**2 - 4 * t, x),
            lambda x: 3 * D(lambda t: t**2, x) - 4 * D(lambda t: t, x),
            lambda x: 6 * x - 4,
        ),
        "d2l-calc-poly~sign": lambda: identity(
            lambda x: D(lambda t: 3 * t**2 - 4 * t, x),
            lambda x: 3 * D(lambda t: t**2, x) - 4 * D(lambda t: t, x),
            lambda x: 6 * x + 4,
        ),
        "d2l-calc-fprime1": lambda: close(D(lambda t: 3 * t**2 - 4 * t, 1), 2),
        "d2l-calc-fprime1~value": lambda: close(D(lambda t: 3 * t**2 - 4 * t, 1), 10),
        "d2l-calc-quadform": lambda: close(_quad_grad(_MAT, _x2), _matvec(_MAT + _MAT.T, _x2)),
        "d2l-calc-quadform~sym": lambda: close(_quad_grad(_MAT, _x2), _matvec(2 * _MAT, _x2)),
        "d2l-calc-norm2": lambda: close(grad(lambda y: dot(y, y), _x2), [2 * v for v in _x2]),
        "d2l-calc-norm2~const": lambda: close(grad(lambda y: dot(y, y), _x2), _x2),
        "d2l-calc-frob": lambda: close(
            mgrad(lambda Y: sum(Y[i, j] ** 2 for i in range(2) for j in range(2)), _MAT), 2 * _MAT
        ),
        "d2l-calc-frob~transpose": lambda: close(
            mgrad(lambda Y: sum(Y[i, j] ** 2 for i in range(2) for j in range(2)), _MAT), 2 * _MAT.T
        ),
        "d2l-sv-linear": lambda: identity(lambda a, x: D(lambda t: a * t, x), lambda a, x: a, points=_AX),
        "d2l-sv-linear~swap": lambda: identity(lambda a, x: D(lambda t: a * t, x), lambda a, x: x, points=_AX),
        "d2l-sv-log": lambda: identity(lambda x: D(log, x), lambda x: 1 / x, points=POS),
        "d2l-sv-log~power": lambda: identity(lambda x: D(log, x), lambda x: 1 / x**2, points=POS),
        "d2l-sv-quadratic": lambda: identity(
            lambda a, b, c, x: D(lambda t: a * t**2 + b * t + c, x), lambda a, b, c, x: 2 * a * x + b, points=_ABCX
        ),
        "d2l-sv-quadratic~const": lambda: identity(
            lambda a, b, c, x: D(lambda t: a * t**2 + b * t + c, x), lambda a, b, c, x: a * x + b, points=_ABCX
        ),
        "d2l-sv-quadratic2": lambda: identity(
            lambda a, b, c, x: D(lambda t: a * t**2 + b * t + c, x, 2), lambda a, b, c, x: 2 * a, points=_ABCX
        ),
        "d2l-sv-quadratic2~drop": lambda: identity(
            lambda a, b, c, x: D(lambda t: a * t**2 + b * t + c, x, 2), lambda a, b, c, x: 2 * a * x + b, points=_ABCX
        ),
        "d2l-sv-factorial": lambda: 6 == 3 * 2 == factorial(3),
        "d2l-sv-factorial~off": lambda: 6 == 3 * 2 == factorial(4),
        "d2l-sv-epsilon-squared": lambda: Fraction(1, 10**7) ** 2 == Fraction(1, 10**13),
        "d2l-sv-epsilon-squared~fixed": lambda: Fraction(1, 10**7) ** 2 == Fraction(1, 10**14),
        "d2l-mv-bx": lambda: identity(lambda b, x: D(lambda t: b * t, x), lambda b, x: b, points=_AX),
        "d2l-mv-bx~sq": lambda: identity(lambda b, x: D(lambda t: b * t, x), lambda b, x: b**2, points=_AX),
        "d2l-mv-ax2": lambda: identity(
            lambda a, x: D(lambda t: a * t**2, x), lambda a, x: 2 * a * x, lambda a, x: (a + a) * x, points=_AX
        ),
        "d2l-mv-ax2~drop": lambda: identity(
            lambda a, x: D(lambda t: a * t**2, x), lambda a, x: a * x, lambda a, x: (a + a) * x, points=_AX
        ),
        "d2l-mv-chain-fu": lambda: identity(
            lambda u, v: D(lambda t: (t + v) ** 2, u), lambda u, v: 2 * (u + v), points=_UV
        ),
        "d2l-mv-chain-fu~drop": lambda: identity(
            lambda u, v: D(lambda t: (t + v) ** 2, u), lambda u, v: 2 * u, points=_UV
        ),
        "d2l-mv-lse-exercise": lambda: identity(
            lambda x, y: D(lambda t: log(exp(t) + exp(y)), x), lambda x, y: exp(x) / (exp(x) + exp(y)), points=_UV
        ),
        "d2l-mv-lse-exercise~swap": lambda: identity(
            lambda x, y: D(lambda t: log(exp(t) + exp(y)), x), lambda x, y: exp(y) / (exp(x) + exp(y)), points=_UV
        ),
        "d2l-it-0010": lambda: close(-log(mpf(1) / 2**4, 2), 4),
        "d2l-it-0010~bits": lambda: close(-log(mpf(1) / 2**4, 2), 2),
        "d2l-it-entropy": lambda: all(
            close(expect({i: p[i] for i in range(3)}, lambda i, p=p: -log(p[i])), -sum(x * log(x) for x in p))
            for p in DISTS
        ),
        "d2l-it-entropy~sign": lambda: all(
            close(expect({i: p[i] for i in range(3)}, lambda i, p=p: -log(p[i])), sum(x * log(x) for x in p))
            for p in DISTS
        ),
        "d2l-it-maxent": lambda: all(entropy(p) <= log(3) for p in DISTS),
        "d2l-it-maxent~direction": lambda: all(entropy(p) >= log(3) for p in DISTS),
        "d2l-it-conditional": lambda: close(H_Y_GIVEN_X, HXY - HX),
        "d2l-it-conditional~swap": lambda: close(H_Y_GIVEN_X, HXY - HY),
        "d2l-it-mi": lambda: close(MI, HX - H_X_GIVEN_Y),
        "d2l-it-mi~sign": lambda: close(MI, HX + H_X_GIVEN_Y),
        "d2l-it-ce": lambda: close(cross_entropy(P3, Q3), entropy(P3) + kl(P3, Q3)),
        "d2l-it-ce~swap": lambda: close(cross_entropy(P3, Q3), entropy(P3) + kl(Q3, P3)),
        "d2l-it-kl-log": lambda: identity(
            lambda p, q: -log(q / p),
            lambda p, q: -log(q) - (-log(p)),
            points=[(mpf("0.3"), mpf("0.6")), (mpf("0.9"), mpf("0.2"))],
        ),
        "d2l-it-kl-log~sign": lambda: identity(
            lambda p, q: -log(q / p),
            lambda p, q: -log(q) + (-log(p)),
            points=[(mpf("0.3"), mpf("0.6")), (mpf("0.9"), mpf("0.2"))],
        ),
        "d2l-it-bce": lambda: _bce(lambda pi_, y: pi_**y * (1 - pi_) ** (1 - y)),
        "d2l-it-bce~exp": lambda: _bce(lambda pi_, y: pi_**y * (1 - pi_) ** y),
        "d2l-sr-softmax": lambda: all(close(softmax(Z3)[i], exp(Z3[i]) / sum(exp(v) for v in Z3)) for i in range(3)),
        "d2l-sr-softmax~index": lambda: all(
            close(softmax(Z3)[i], exp(Z3[j]) / sum(exp(v) for v in Z3)) for i in range(3) for j in range(3)
        ),
        "d2l-sr-ce": lambda: close(_lse_o(Y3, Z3), sum(Y3) * lse(Z3) - dot(Y3, Z3)),
        "d2l-sr-ce~sign": lambda: close(_lse_o(Y3, Z3), sum(Y3) * lse(Z3) + dot(Y3, Z3)),
        "d2l-sr-ce-grad": lambda: close(grad(lambda o: _lse_o(Y3, o), Z3), [s - y for s, y in zip(softmax(Z3), Y3)]),
        "d2l-sr-ce-grad~sign": lambda: close(
            grad(lambda o: _lse_o(Y3, o), Z3), [s + y for s, y in zip(softmax(Z3), Y3)]
        ),
        "d2l-sr-self-ce": lambda: close(cross_entropy(P3, P3), entropy(P3)),
        "d2l-sr-self-ce~double": lambda: close(cross_entropy(P3, P3), 2 * entropy(P3)),
        "d2l-sr-lse-shift": lambda: close(lse([v + mpf("0.7") for v in Z3]), lse(Z3)),
        "d2l-sr-lse-shift~fixed": lambda: close(lse([v + mpf("0.7") for v in Z3]), lse(Z3) + mpf("0.7")),
        "d2l-sr-realsoftmax": lambda: always(
            lambda a, b: log(exp(a) + exp(b)) > max(a, b), _UV + [(mpf(5), mpf(5)), (mpf(-30), mpf(2))]
        ),
        "d2l-sr-realsoftmax~direction": lambda: always(lambda a, b: log(exp(a) + exp(b)) < max(a, b), _UV),
        "d2l-prob-bayes": lambda: _bayes(lambda pba, pa, pb, col_: pba * pa / pb),
        "d2l-prob-bayes~swap": lambda: _bayes(lambda pba, pa, pb, col_: pba * pa / pa),
        "d2l-prob-total": lambda: _bayes(lambda pba, pa, pb, col_: pba * pa / sum(c[0] * c[1] for c in col_)),
        "d2l-prob-total~drop": lambda: _bayes(lambda pba, pa, pb, col_: pba * pa / sum(c[0] for c in col_)),
        "d2l-prob-hiv": lambda: rounds_to(mpf("0.0015") / (mpf("0.0015") + mpf("0.01") * mpf("0.9985")), "0.1306"),
        "d2l-prob-hiv~value": lambda: rounds_to(
            mpf("0.0015") / (mpf("0.0015") + mpf("0.01") * mpf("0.9985")), "0.1506"
        ),
        "d2l-rv-var": lambda: (
            close(var(DX), expect(DX, lambda v: (v - mean(DX)) ** 2))
            and close(var(DX), expect(DX, lambda v: v * v) - mean(DX) ** 2)
        ),
        "d2l-rv-var~sign": lambda: (
            close(var(DX), expect(DX, lambda v: (v - mean(DX)) ** 2))
            and close(var(DX), expect(DX, lambda v: v * v) + mean(DX) ** 2)
        ),
        "d2l-rv-var-affine": lambda: close(var(push(DX, lambda v: -2 * v + 5)), 4 * var(DX)),
        "d2l-rv-var-affine~power": lambda: close(var(push(DX, lambda v: -2 * v + 5)), -2 * var(DX)),
        "d2l-rv-var-sum": lambda: close(var(product(DX, DY, lambda a, b: a + b)), var(DX) + var(DY)),
        "d2l-rv-var-sum~diff": lambda: close(var(product(DX, DY, lambda a, b: a - b)), var(DX) - var(DY)),
        "d2l-rv-mean-affine": lambda: close(mean(push(DX, lambda v: 3 * v + 2)), 3 * mean(DX) + 2),
        "d2l-rv-mean-affine~drop": lambda: close(mean(push(DX, lambda v: 3 * v + 2)), 3 * mean(DX)),
        "d2l-rv-sqrt": lambda: identity(lambda a: a + 4 * sqrt(2 * mpf(1) / 8), lambda a: a + 2),
        "d2l-rv-sqrt~value": lambda: identity(lambda a: a + 4 * sqrt(2 * mpf(1) / 8), lambda a: a + 1),
        "d2l-rv-exp-moments": lambda: close(quad(lambda x: x**2 * exp(-x), [0, inf]), 2),
        "d2l-rv-exp-moments~value": lambda: close(quad(lambda x: x**2 * exp(-x), [0, inf]), 1),
        "d2l-rv-cov-self": lambda: close(expect(DX, lambda v: (v - mean(DX)) * (v - mean(DX))), var(DX)),
        "d2l-rv-cov-self~sq": lambda: close(expect(DX, lambda v: (v - mean(DX)) * (v - mean(DX))), var(DX) ** 2),
        "d2l-dist-bern-var": lambda: all(close(var({0: 1 - p, 1: p}), p * (1 - p)) for p in (mpf("0.3"), mpf("0.85"))),
        "d2l-dist-bern-var~drop": lambda: all(close(var({0: 1 - p, 1: p}), p) for p in (mpf("0.3"), mpf("0.85"))),
        "d2l-dist-unif-mean": lambda: all(
            sum(Fraction(k, n) for k in range(1, n + 1)) == Fraction(1 + n, 2) for n in range(1, 12)
        ),
        "d2l-dist-unif-mean~value": lambda: all(
            sum(Fraction(k, n) for k in range(1, n + 1)) == Fraction(n, 2) for n in range(1, 12)
        ),
        "d2l-dist-unif-var": lambda: all(_uvar(n) == Fraction(n * n - 1, 12) for n in range(1, 12)),
        "d2l-dist-unif-var~const": lambda: all(_uvar(n) == Fraction(n * n - 1, 6) for n in range(1, 12)),
        "d2l-dist-cont-unif-var": lambda: always(
            lambda a, b: close(quad(lambda x: (x - (a + b) / 2) ** 2 / (b - a), [a, b]), (b - a) ** 2 / 12),
            [(mpf(-1), mpf("2.5")), (mpf("0.2"), mpf("0.9"))],
        ),
        "d2l-dist-cont-unif-var~sq": lambda: always(
            lambda a, b: close(quad(lambda x: (x - (a + b) / 2) ** 2 / (b - a), [a, b]), (b - a) / 12),
            [(mpf(-1), mpf("2.5")), (mpf("0.2"), mpf("0.9"))],
        ),
        "d2l-dist-binomial-var": lambda: all(
            _binvar(n, p) == n * (p / n) * (1 - p / n) == p * (1 - p / n)
            for n in (2, 5, 9)
            for p in (Fraction(1, 3), Fraction(3, 4))
        ),
        "d2l-dist-binomial-var~drop": lambda: all(
            _binvar(n, p) == n * (p / n) * (1 - p / n) == p * (1 - p)
            for n in (2, 5, 9)
            for p in (Fraction(1, 3), Fraction(3, 4))
        ),
        "d2l-dist-binom": lambda: comb(5, 2) == factorial(5) // (factorial(2) * factorial(3)) == 10,
        "d2l-dist-binom~value": lambda: comb(5, 2) == factorial(5) // (factorial(2) * factorial(3)) == 20,
        "d2l-la-dot": lambda: close(
            scalar(col(_x2 + [3]).T * col([0.5, 2, -1])), sum(a * b for a, b in zip(_x2 + [3], vec([0.5, 2, -1])))
        ),
        "d2l-la-dot~index": lambda: close(
            scalar(col(_x2 + [3]).T * col([0.5, 2, -1])),
            sum(a * b for a, b in zip(_x2 + [3], reversed(vec([0.5, 2, -1])))),
        ),
        "d2l-la-scale-norm": lambda: always(
            lambda a: close(norm([a * v for v in _x2]), abs(a) * norm(_x2)), [(mpf(-2),), (mpf("0.5"),)]
        ),
        "d2l-la-scale-norm~abs": lambda: always(
            lambda a: close(norm([a * v for v in _x2]), a * norm(_x2)), [(mpf(-2),), (mpf("0.5"),)]
        ),
        "d2l-la-transpose-sum": lambda: close(A2.T + SPD.T + _MAT.T, (A2 + SPD + _MAT).T),
        "d2l-la-transpose-sum~drop": lambda: close(_MAT.T + A2 * 2, (_MAT + A2 * 2).T),
        "d2l-la-celsius": lambda: Fraction(5, 9) * (212 - 32) == 100,
        "d2l-la-celsius~value": lambda: Fraction(5, 9) * (212 - 32) == 90,
        "d2l-mlp-sigmoid": lambda: identity(lambda x: exp(x) / (1 + exp(x)), lambda x: 1 / (1 + exp(-x))),
        "d2l-mlp-sigmoid~sign": lambda: identity(lambda x: exp(x) / (1 + exp(x)), lambda x: 1 / (1 + exp(x))),
        "d2l-mlp-sigmoid-grad": lambda: identity(
            lambda x: D(sigmoid, x), lambda x: exp(-x) / (1 + exp(-x)) ** 2, lambda x: sigmoid(x) * (1 - sigmoid(x))
        ),
        "d2l-mlp-sigmoid-grad~sign": lambda: identity(
            lambda x: D(sigmoid, x), lambda x: exp(-x) / (1 + exp(-x)) ** 2, lambda x: sigmoid(x) * (1 + sigmoid(x))
        ),
        "d2l-mlp-tanh": lambda: identity(tanh, lambda x: (1 - exp(-2 * x)) / (1 + exp(-2 * x))),
        "d2l-mlp-tanh~const": lambda: identity(tanh, lambda x: (1 - exp(-x)) / (1 + exp(-x))),
        "d2l-mlp-tanh-grad": lambda: identity(lambda x: D(tanh, x), lambda x: 1 - tanh(x) ** 2),
        "d2l-mlp-tanh-grad~sign": lambda: identity(lambda x: D(tanh, x), lambda x: 1 + tanh(x) ** 2),
        "d2l-mlp-tanh-sigmoid": lambda: identity(lambda x: tanh(x) + 1, lambda x: 2 * sigmoid(2 * x)),
        "d2l-mlp-tanh-sigmoid~arg": lambda: identity(lambda x: tanh(x) + 1, lambda x: 2 * sigmoid(x)),
        "d2l-mlp-prelu": lambda: identity(
            lambda a, x: x if x > 0 else a * x,
            lambda a, x: max(0, x) + a * min(0, x),
            points=_AX + [(mpf("0.1"), mpf(-3))],
        ),
        "d2l-mlp-relu-grad": lambda: (
            close(D(lambda t: max(0, t), mpf("-0.7")), 0) and close(D(lambda t: max(0, t), mpf("0.7")), 1)
        ),
        "d2l-mlp-relu-grad~swap": lambda: (
            close(D(lambda t: max(0, t), mpf("-0.7")), 1) and close(D(lambda t: max(0, t), mpf("0.7")), 0)
        ),
        "d2l-adam-geom": lambda: all(
            close(sum(b**i for i in range(t)), (1 - b**t) / (1 - b))
            for b in (mpf("0.9"), mpf("0.3"))
            for t in range(1, 7)
        ),
        "d2l-adam-geom~off": lambda: all(
            close(sum(b**i for i in range(t)), (1 - b ** (t + 1)) / (1 - b))
            for b in (mpf("0.9"), mpf("0.3"))
            for t in range(1, 7)
        ),
        "d2l-adam-update": lambda: _adam_first_ratio(correct_second=True),
        "d2l-adam-update~nocorr": lambda: _adam_first_ratio(correct_second=False),
        "d2l-mom-geom": lambda: all(
            close(nsum(lambda t, b=b: b**t, [0, inf]), 1 / (1 - b)) for b in (mpf("0.9"), mpf("0.3"))
        ),
        "d2l-mom-geom~sign": lambda: all(
            close(nsum(lambda t, b=b: b**t, [0, inf]), 1 / (1 + b)) for b in (mpf("0.9"), mpf("0.3"))
        ),
        "d2l-mom-ten": lambda: 1 / (1 - Fraction(9, 10)) == 10,
        "d2l-mom-ten~value": lambda: 1 / (1 - Fraction(9, 10)) == 9,
        "d2l-mom-decay": lambda: identity(
            lambda x, e, l: x - e * l * x,
            lambda x, e, l: (1 - e * l) * x,
            points=[(mpf("0.5"), mpf("0.1"), mpf(3)), (mpf(-2), mpf("0.7"), mpf("0.2"))],
        ),
        "d2l-mom-decay~sign": lambda: identity(
            lambda x, e, l: x - e * l * x,
            lambda x, e, l: (1 + e * l) * x,
            points=[(mpf("0.5"), mpf("0.1"), mpf(3)), (mpf(-2), mpf("0.7"), mpf("0.2"))],
        ),
        "d2l-mom-quadratic-min": lambda: close(
            grad(lambda y: _h(col(y)), _x2), list(SPD * (col(_x2) - inverse(SPD) * C2))
        ),
        "d2l-mom-quadratic-min~fixed": lambda: close(
            grad(lambda y: _h(col(y)), _x2), list(SPD * (col(_x2) + inverse(SPD) * C2))
        ),
        "d2l-mom-bprime": lambda: close(_h(-inverse(SPD) * C2), mpf("0.4") - scalar(C2.T * inverse(SPD) * C2) / 2),
        "d2l-mom-bprime~sign": lambda: close(_h(-inverse(SPD) * C2), mpf("0.4") + scalar(C2.T * inverse(SPD) * C2) / 2),
        "d2l-mom-rewrite": lambda: _completed_square(-1),
        "d2l-mom-rewrite~fixed": lambda: _completed_square(+1),
        "d2l-rms-unroll": lambda: _rms_unrolled(square_last=False),
        "d2l-rms-unroll~fixed": lambda: _rms_unrolled(square_last=True),
        "d2l-rms-ten": lambda: 1 / (1 - Fraction(9, 10)) == 10,
        "d2l-att-scaled": lambda: close(var(push(_rademacher_dot(3), lambda v: v / sqrt(3))), 1),
        "d2l-att-scaled~root": lambda: close(var(push(_rademacher_dot(3), lambda v: v / 3)), 1),
        "d2l-att-unscaled": lambda: close(var(_rademacher_dot(3)), 3),
        "d2l-att-unscaled~sqrt": lambda: close(var(_rademacher_dot(3)), sqrt(3)),
        "d2l-wd-step": lambda: _wd_step(+1),
        "d2l-wd-step~sign": lambda: _wd_step(-1),
        "d2l-wd-norm": lambda: close(norm(_x2) ** 2, scalar(col(_x2).T * col(_x2))),
        "d2l-wd-norm~outer": lambda: close(norm(_x2) ** 2, col(_x2) * col(_x2).T),
        "d2l-gp-noise": lambda: rounds_to(mpf("0.283") ** 2, "0.81"),
        "d2l-gp-noise~fixed": lambda: rounds_to(mpf("0.283") ** 2, "0.080"),
        "d2l-lm-perplexity": lambda: close(exp(-(log(mpf("0.5")) + log(mpf("0.125"))) / 2), 4),
        "d2l-lm-perplexity~sign": lambda: close(exp((log(mpf("0.5")) + log(mpf("0.125"))) / 2), 4),
        "d2l-lm-chain": lambda: _chain4(drop_first=False),
        "d2l-lm-chain~drop": lambda: _chain4(drop_first=True),
    }
)


def _bce(term):
    pis, ys = vec(["0.3", "0.6", "0.8"]), (1, 0, 1)
    left = log(mp.fprod(term(p, y) for p, y in zip(pis, ys)))
    return close(left, sum(y * log(p) + (1 - y) * log(1 - p) for p, y in zip(pis, ys)))


def _bayes(rhs):
    """P(A=a | B=b) from a joint table against the formula, for every a, b."""
    for a in range(2):
        for b in range(3):
            pa, pb = PX[a], PY[b]
            pba = JOINT[a][b] / pa
            col_ = [(JOINT[i][b] / PX[i], PX[i]) for i in range(2)]
            if not close(JOINT[a][b] / pb, rhs(pba, pa, pb, col_)):
                return False
    return True


def _uvar(n):
    m = Fraction(n + 1, 2)
    return sum((Fraction(k) - m) ** 2 for k in range(1, n + 1)) / n


def _binvar(n, p):
    q = p / n
    probs = {k: comb(n, k) * q**k * (1 - q) ** (n - k) for k in range(n + 1)}
    m = sum(k * w for k, w in probs.items())
    return sum((k - m) ** 2 * w for k, w in probs.items())


def _adam_first_ratio(correct_second):
    b1, b2, g = mpf("0.9"), mpf("0.999"), mpf("0.3")
    m, v = (1 - b1) * g, (1 - b2) * g * g
    vhat = v / (1 - b2) if correct_second else v
    return close((m / (1 - b1)) / sqrt(vhat), 1)


def _completed_square(sign):
    Qi = inverse(SPD)
    for x in (X2, col([2, 0.3])):
        y = x + sign * Qi * C2
        if not close(_h(x), scalar(y.T * SPD * y) / 2 + mpf("0.4") - scalar(C2.T * Qi * C2) / 2):
            return False
    return True


def _rms_unrolled(square_last):
    gamma, gs = mpf("0.9"), vec(["0.5", "-1.3", "2.0"])
    s = _rmsprop_average((gamma, gs))
    g2, g1, g0 = gs[0], gs[1], gs[2]
    last = g2**2 if square_last else g2
    return close(s, (1 - gamma) * (g0**2 + gamma * g1**2 + gamma**2 * last))


def _wd_step(sign):
    pts = [
        (mpf("0.5"), mpf(2), mpf("0.1"), mpf(1), mpf("0.05"), mpf("0.3")),
        (mpf(-1), mpf("0.4"), mpf(-2), mpf("0.7"), mpf("0.2"), mpf(2)),
    ]
    return identity(
        lambda w, x, b, y, e, l: w - e * (l * w + x * (w * x + b - y)),
        lambda w, x, b, y, e, l: (1 - sign * e * l) * w - e * x * (w * x + b - y),
        points=pts,
    )


def _chain4(drop_first):
    import random

    rng = random.Random(4)
    weights = {k: mpf(rng.randint(1, 9)) for k in itertools.product((0, 1), repeat=4)}
    total = sum(weights.values())
    P = {k: w / total for k, w in weights.items()}

    def marg(prefix):
        return sum(p for k, p in P.items() if k[: len(prefix)] == prefix)

    for k in P:
        rhs = (
            (1 if drop_first else marg(k[:1]))
            * marg(k[:2])
            / marg(k[:1])
            * marg(k[:3])
            / marg(k[:2])
            * P[k]
            / marg(k[:3])
        )
        if not close(P[k], rhs):
            return False
    return True


# ---- courses: Spinning Up, CS231n, d2l word2vec ------------------------------------------------


def clip(x, lo, hi):
    return min(max(x, lo), hi)


def _gauss_loglik(factor_logsigma, log_const):
    a, mu, sd = vec(["0.3", "-1.2", "2.0"]), vec(["0.1", "-0.5", "1.0"]), vec(["0.7", "1.3", "2.2"])
    exact = sum(log(1 / sqrt(2 * pi * s**2) * exp(-((x - m) ** 2) / (2 * s**2))) for x, m, s in zip(a, mu, sd))
    k = len(a)
    formula = -(sum((x - m) ** 2 / s**2 + factor_logsigma * log(s) for x, m, s in zip(a, mu, sd)) + k * log_const) / 2
    return close(exact, formula)


def _softmax_policy_grad(theta, a):
    """Gradient in theta of log softmax(theta)_a, by finite differences."""
    return grad(lambda th: log(softmax(th)[a]), theta)


_TH = vec(["0.3", "-0.8", "1.1"])


def _eglp(value):
    p = softmax(_TH)
    g = [sum(p[a] * _softmax_policy_grad(_TH, a)[k] for a in range(3)) for k in range(3)]
    return close(g, [value] * 3)


def _logderiv(divide):
    a = 1
    lhs = grad(lambda th: softmax(th)[a], _TH)
    glog = _softmax_policy_grad(_TH, a)
    p = softmax(_TH)[a]
    rhs = [g / p for g in glog] if divide else [p * g for g in glog]
    return close(lhs, rhs)


def _traj_grad(with_log):
    """A two-step trajectory with fixed dynamics probabilities; the policy is softmax(theta) at each step."""
    actions, rho0, dyn = (0, 2), mpf("0.4"), (mpf("0.7"), mpf("0.2"))

    def logP(th):
        p = softmax(th)
        return log(rho0) + sum(log(d) + log(p[a]) for d, a in zip(dyn, actions))

    lhs = grad(logP, _TH)
    if with_log:
        terms = [_softmax_policy_grad(_TH, a) for a in actions]
    else:
        terms = [grad(lambda th, a=a: softmax(th)[a], _TH) for a in actions]
    return close(lhs, [sum(t[k] for t in terms) for k in range(3)])


_PPO_PTS = [
    (r, A, e)
    for r in vec(["0.5", "0.85", "1", "1.1", "1.6"])
    for A in vec(["1.3", "0.4", "0"])
    for e in vec(["0.2", "0.1"])
]
_PPO_NEG = [
    (r, A, e)
    for r in vec(["0.5", "0.85", "1", "1.1", "1.6"])
    for A in vec(["-1.3", "-0.4"])
    for e in vec(["0.2", "0.1"])
]


def _ppo_lhs(r, A, e):
    return min(r * A, clip(r, 1 - e, 1 + e) * A)


def _g_cases(e, A, swap=False):
    hi, lo = (1 + e) * A, (1 - e) * A
    if swap:
        hi, lo = lo, hi
    return hi if A >= 0 else lo


CHECKS.update(
    {
        "spinup-gauss-loglik": lambda: _gauss_loglik(2, log(2 * pi)),
        "spinup-gauss-loglik~two": lambda: _gauss_loglik(1, log(2 * pi)),
        "spinup-gauss-loglik~pi": lambda: _gauss_loglik(2, log(pi)),
        "spinup-discounted": lambda: sum(Fraction(9, 10) ** t for t in range(3)) == Fraction(271, 100),
        "spinup-discounted~value": lambda: sum(Fraction(9, 10) ** t for t in range(3)) == 3,
        "spinup-logderiv": lambda: _logderiv(divide=False),
        "spinup-logderiv~div": lambda: _logderiv(divide=True),
        "spinup-softmax-policy": lambda: close(softmax(Z3), [exp(v) / sum(exp(u) for u in Z3) for v in Z3]),
        "spinup-softmax-policy~sign": lambda: close(softmax(Z3), [exp(-v) / sum(exp(-u) for u in Z3) for v in Z3]),
        "spinup-eglp": lambda: _eglp(0),
        "spinup-eglp~one": lambda: _eglp(1),
        "spinup-baseline": lambda: all(close([mpf("2.5") * g for g in _eglp_vector()], [0, 0, 0]) for _ in (0,)),
        "spinup-baseline~b": lambda: close([mpf("2.5") * g for g in _eglp_vector()], [mpf("2.5")] * 3),
        "spinup-grad-logp-traj": lambda: _traj_grad(with_log=True),
        "spinup-grad-logp-traj~nolog": lambda: _traj_grad(with_log=False),
        "spinup-ppo-pos": lambda: always(lambda r, A, e: close(_ppo_lhs(r, A, e), min(r, 1 + e) * A), _PPO_PTS),
        "spinup-ppo-pos~max": lambda: always(lambda r, A, e: close(_ppo_lhs(r, A, e), max(r, 1 + e) * A), _PPO_PTS),
        "spinup-ppo-neg": lambda: always(lambda r, A, e: close(_ppo_lhs(r, A, e), max(r, 1 - e) * A), _PPO_NEG),
        "spinup-ppo-neg~bound": lambda: always(lambda r, A, e: close(_ppo_lhs(r, A, e), max(r, 1 + e) * A), _PPO_NEG),
        "spinup-ppo-g": lambda: always(
            lambda r, A, e: close(_ppo_lhs(r, A, e), min(r * A, _g_cases(e, A))), _PPO_PTS + _PPO_NEG
        ),
        "spinup-ppo-g~swap": lambda: always(
            lambda r, A, e: close(_ppo_lhs(r, A, e), min(r * A, _g_cases(e, A, swap=True))), _PPO_PTS + _PPO_NEG
        ),
        "cs231n-svm-example": lambda: max(0, -7 - 13 + 10) + max(0, 11 - 13 + 10) == 8,
        "cs231n-svm-example~value": lambda: max(0, -7 - 13 + 10) + max(0, 11 - 13 + 10) == -2,
        "cs231n-softmax-loss": lambda: close(-log(softmax(Z3)[0]), -Z3[0] + lse(Z3)),
        "cs231n-softmax-loss~sign": lambda: close(-log(softmax(Z3)[0]), Z3[0] + lse(Z3)),
        "cs231n-ce-def": lambda: close(entropy(P3) + kl(P3, Q3), -sum(p * log(q) for p, q in zip(P3, Q3))),
        "cs231n-ce-def~swap": lambda: close(entropy(P3) + kl(P3, Q3), -sum(q * log(p) for p, q in zip(P3, Q3))),
        "cs231n-shift": lambda: all(
            close(softmax(Z3)[0], rhs)
            for C in (mpf("0.3"), mpf(7))
            for rhs in (
                C * exp(Z3[0]) / (C * sum(exp(v) for v in Z3)),
                exp(Z3[0] + log(C)) / sum(exp(v + log(C)) for v in Z3),
            )
        ),
        "cs231n-shift~numerator": lambda: all(
            close(softmax(Z3)[0], rhs)
            for C in (mpf("0.3"), mpf(7))
            for rhs in (C * exp(Z3[0]) / (C * sum(exp(v) for v in Z3)), exp(Z3[0] + log(C)) / sum(exp(v) for v in Z3))
        ),
        "cs231n-softmax-numbers": lambda: all(
            rounds_to(v, w) for v, w in zip(softmax(vec(["0.5", "-1", "0"])), ("0.55", "0.12", "0.33"))
        ),
        "cs231n-softmax-numbers~order": lambda: all(
            rounds_to(v, w) for v, w in zip(softmax(vec(["0.5", "-1", "0"])), ("0.55", "0.33", "0.12"))
        ),
        "cs231n-softmax-numbers2": lambda: all(
            rounds_to(v, w) for v, w in zip(softmax(vec(["1", "-2", "0"])), ("0.7", "0.04", "0.26"))
        ),
        "cs231n-softmax-numbers2~temp": lambda: all(
            rounds_to(v, w) for v, w in zip(softmax(vec(["1", "-2", "0"])), ("0.55", "0.12", "0.33"))
        ),
        "cs231n-exp-numbers": lambda: all(
            rounds_to(exp(mpf(x)), w) for x, w in (("0.5", "1.65"), ("-1", "0.37"), ("0", "1"))
        ),
        "cs231n-exp-numbers~value": lambda: all(
            rounds_to(exp(mpf(x)), w) for x, w in (("0.5", "1.65"), ("-1", "0.47"), ("0", "1"))
        ),
        "cs231n-mul-grad": lambda: identity(lambda x, y: D(lambda t: t * y, x), lambda x, y: y, points=_UV),
        "cs231n-mul-grad~swap": lambda: identity(lambda x, y: D(lambda t: t * y, x), lambda x, y: x, points=_UV),
        "cs231n-mul-grad-num": lambda: close(D(lambda t: t * -3, 4), -3),
        "cs231n-mul-grad-num~value": lambda: close(D(lambda t: t * -3, 4), 4),
        "cs231n-max-grad": lambda: identity(
            lambda x, y: D(lambda t: max(t, y), x), lambda x, y: 1 if x >= y else 0, points=_UV + [(mpf(2), mpf(-1))]
        ),
        "cs231n-max-grad~swap": lambda: identity(
            lambda x, y: D(lambda t: max(t, y), x), lambda x, y: 1 if y >= x else 0, points=_UV + [(mpf(2), mpf(-1))]
        ),
        "cs231n-inverse-grad": lambda: identity(lambda x: D(lambda t: 1 / t, x), lambda x: -1 / x**2, points=POS),
        "cs231n-inverse-grad~sign": lambda: identity(lambda x: D(lambda t: 1 / t, x), lambda x: 1 / x**2, points=POS),
        "cs231n-sigmoid-grad": lambda: identity(
            lambda x: D(sigmoid, x),
            lambda x: exp(-x) / (1 + exp(-x)) ** 2,
            lambda x: (1 + exp(-x) - 1) / (1 + exp(-x)) * (1 / (1 + exp(-x))),
            lambda x: (1 - sigmoid(x)) * sigmoid(x),
        ),
        "cs231n-sigmoid-grad~square": lambda: identity(
            lambda x: D(sigmoid, x),
            lambda x: exp(-x) / (1 + exp(-x)),
            lambda x: (1 + exp(-x) - 1) / (1 + exp(-x)) * (1 / (1 + exp(-x))),
            lambda x: (1 - sigmoid(x)) * sigmoid(x),
        ),
        "cs231n-sigmoid-073": lambda: rounds_to(sigmoid(mpf(1)), "0.73"),
        "cs231n-sigmoid-073~value": lambda: rounds_to(sigmoid(mpf(1)), "0.63"),
        "cs231n-sigmoid-local": lambda: rounds_to((1 - mpf("0.73")) * mpf("0.73"), "0.2"),
        "cs231n-sigmoid-local~value": lambda: rounds_to((1 - mpf("0.73")) * mpf("0.73"), "0.3"),
        "cs231n-ce-grad": lambda: all(
            close(grad(lambda f, y=y: -log(softmax(f)[y]), Z3), [softmax(Z3)[k] - (k == y) for k in range(3)])
            for y in range(3)
        ),
        "cs231n-ce-grad~sign": lambda: all(
            close(grad(lambda f, y=y: -log(softmax(f)[y]), Z3), [(k == y) - softmax(Z3)[k] for k in range(3)])
            for y in range(3)
        ),
        "cs231n-ce-grad-numbers": lambda: (
            [Fraction(2, 10), Fraction(3, 10) - 1, Fraction(5, 10)]
            == [Fraction(2, 10), Fraction(-7, 10), Fraction(5, 10)]
        ),
        "cs231n-ce-grad-numbers~index": lambda: (
            [Fraction(2, 10), Fraction(3, 10) - 1, Fraction(5, 10)]
            == [Fraction(-8, 10), Fraction(3, 10), Fraction(5, 10)]
        ),
        "cs231n-l2-grad": lambda: identity(
            lambda l, w: D(lambda t: l * t**2 / 2, w),
            lambda l, w: l * w,
            points=[(mpf("0.1"), mpf("1.5")), (mpf(3), mpf("-0.4"))],
        ),
        "cs231n-l2-grad~const": lambda: identity(
            lambda l, w: D(lambda t: l * t**2 / 2, w),
            lambda l, w: 2 * l * w,
            points=[(mpf("0.1"), mpf("1.5")), (mpf(3), mpf("-0.4"))],
        ),
        "cs231n-var-product": lambda: close(
            var(product(DX, DY, lambda a, b: a * b)),
            mean(DX) ** 2 * var(DY) + mean(DY) ** 2 * var(DX) + var(DX) * var(DY),
        ),
        "cs231n-var-product~drop": lambda: close(
            var(product(DX, DY, lambda a, b: a * b)), mean(DX) ** 2 * var(DY) + mean(DY) ** 2 * var(DX)
        ),
        "cs231n-var-sum-init": lambda: _init_variance(lambda n, vw, vx: n * vw * vx),
        "cs231n-var-sum-init~sqrt": lambda: _init_variance(lambda n, vw, vx: sqrt(n) * vw * vx),
        "d2l-w2v-grad": lambda: _w2v(+1),
        "d2l-w2v-grad~sign": lambda: _w2v(-1),
    }
)


def _eglp_vector():
    p = softmax(_TH)
    return [sum(p[a] * _softmax_policy_grad(_TH, a)[k] for a in range(3)) for k in range(3)]


def _init_variance(rhs):
    """n independent zero-mean products w_i x_i; the exact variance of their sum by enumeration."""
    w = {mpf(-1): mpf("0.5"), mpf(1): mpf("0.5")}
    x = {mpf(-2): mpf("0.25"), mpf(0): mpf("0.5"), mpf(2): mpf("0.25")}
    wx = product(w, x, lambda a, b: a * b)
    for n in (1, 2, 3):
        total = {mpf(0): mpf(1)}
        for _ in range(n):
            total = product(total, wx, lambda a, b: a + b)
        if not close(var(total), rhs(n, var(w), var(x))):
            return False
    return True


def _w2v(sign):
    U = [vec(["0.2", "-0.5"]), vec(["1.1", "0.3"]), vec(["-0.7", "0.9"])]
    vc, o = vec(["0.4", "-1.3"]), 1

    def logp(v):
        return dot(U[o], v) - lse([dot(u, v) for u in U])

    lhs = grad(logp, vc)
    weights = [exp(dot(u, vc)) for u in U]
    avg = [sum(w * u[k] for w, u in zip(weights, U)) / sum(weights) for k in range(2)]
    return close(lhs, [U[o][k] - sign * avg[k] for k in range(2)])


# ---- libraries: PyTorch, TensorFlow, TRL, JAX ---------------------------------------------------


def _softplus_beta(x, b):
    return log(1 + exp(b * x)) / b


_ELU_PTS = [(mpf("1.5"), mpf("0.3")), (mpf("0.7"), mpf("2.5")), (mpf(1), mpf("-1.2")), (mpf("0.3"), mpf("-0.4"))]
_XB = [(mpf("0.3"), mpf("2")), (mpf("-1.2"), mpf("0.5"))]
_R5 = vec(["1.0", "0.0", "0.5", "2.0", "0.25"])
_F = lambda t: t**3 + 2 * t**2 - 3 * t + 1  # noqa: E731


def _elu(a, x):
    return x if x > 0 else a * (exp(x) - 1)


def _k3(reverse):
    pt, pr = P3, Q3
    lhs = sum(p * (r / p - log(r / p) - 1) for p, r in zip(pt, pr))
    return close(lhs, kl(pr, pt) if reverse else kl(pt, pr))


CHECKS.update(
    {
        "torch-tanh-def": lambda: identity(tanh, lambda x: (exp(x) - exp(-x)) / (exp(x) + exp(-x))),
        "torch-tanh-def~sign": lambda: identity(tanh, lambda x: (exp(x) - exp(-x)) / (exp(x) - exp(-x) + 2)),
        "torch-softplus-def": lambda: identity(
            lambda x, b: D(lambda t: _softplus_beta(t, b), x), lambda x, b: sigmoid(b * x), points=_XB
        ),
        "torch-softplus-def~beta": lambda: identity(
            lambda x, b: D(lambda t: _softplus_beta(t, b), x), lambda x, b: b * sigmoid(b * x), points=_XB
        ),
        "torch-logsigmoid-def": lambda: identity(lambda x: log(sigmoid(x)), lambda x: log(1 / (1 + exp(-x)))),
        "torch-logsigmoid-softplus": lambda: identity(lambda x: log(1 / (1 + exp(-x))), lambda x: -log(1 + exp(-x))),
        "torch-logsigmoid-softplus~arg": lambda: identity(lambda x: log(1 / (1 + exp(-x))), lambda x: -log(1 + exp(x))),
        "torch-softmin-def": lambda: close(softmax([-v for v in Z3]), [exp(-v) / sum(exp(-u) for u in Z3) for v in Z3]),
        "torch-softmin-sum": lambda: close(sum(exp(-v) / sum(exp(-u) for u in Z3) for v in Z3), 1),
        "torch-softmin-sum~value": lambda: close(sum(exp(-v) / sum(exp(-u) for u in Z3) for v in Z3), 0),
        "torch-logsoftmax-def": lambda: close(
            [log(s) for s in softmax(Z3)], [log(exp(v) / sum(exp(u) for u in Z3)) for v in Z3]
        ),
        "torch-logsoftmax-lse": lambda: close([log(s) for s in softmax(Z3)], [v - lse(Z3) for v in Z3]),
        "torch-logsoftmax-lse~sign": lambda: close([log(s) for s in softmax(Z3)], [v + lse(Z3) for v in Z3]),
        "torch-logsoftmax-lse~index": lambda: all(
            close(log(softmax(Z3)[i]), Z3[j] - lse(Z3)) for i in range(3) for j in range(3)
        ),
        "torch-elu-def": lambda: identity(_elu, lambda a, x: max(0, x) + min(0, a * (exp(x) - 1)), points=_ELU_PTS),
        "torch-elu-def~sign": lambda: identity(
            _elu, lambda a, x: max(0, x) + min(0, a * (exp(x) + 1)), points=_ELU_PTS
        ),
        "torch-kldiv-def": lambda: identity(
            lambda p, t: t * log(t / p),
            lambda p, t: t * (log(t) - log(p)),
            points=[(mpf("0.3"), mpf("0.6")), (mpf("0.9"), mpf("0.2"))],
        ),
        "torch-kldiv-def~swap": lambda: identity(
            lambda p, t: t * log(t / p),
            lambda p, t: t * (log(p) - log(t)),
            points=[(mpf("0.3"), mpf("0.6")), (mpf("0.9"), mpf("0.2"))],
        ),
        "torch-silu-grad": lambda: identity(
            lambda x: D(lambda t: t * sigmoid(t), x), lambda x: sigmoid(x) * (1 + x * (1 - sigmoid(x)))
        ),
        "torch-silu-grad~drop": lambda: identity(
            lambda x: D(lambda t: t * sigmoid(t), x), lambda x: x * sigmoid(x) * (1 - sigmoid(x))
        ),
        "keras-kld-example": lambda: rounds_to(kl(vec([".4", ".9", ".2"]), vec([".5", ".8", ".12"])), "0.11891246"),
        "keras-kld-example~fixed": lambda: rounds_to(
            kl(vec([".4", ".9", ".2"]), vec([".5", ".8", ".12"])), "0.11891244"
        ),
        "keras-kld-example~swap": lambda: rounds_to(
            kl(vec([".5", ".8", ".12"]), vec([".4", ".9", ".2"])), "0.11891246"
        ),
        "trl-grpo-adv-mean": lambda: close(sum((r - sum(_R5) / 5) / _std(_R5) for r in _R5), 0),
        "trl-grpo-adv-mean~one": lambda: close(sum((r - sum(_R5) / 5) / _std(_R5) for r in _R5), 1),
        "trl-grpo-k3": lambda: _k3(reverse=False),
        "trl-grpo-k3~reverse": lambda: _k3(reverse=True),
        "trl-grpo-k3-positive": lambda: always(
            lambda x: x - log(x) - 1 >= 0, [(mpf(v),) for v in ("0.01", "0.5", "1", "2", "40")]
        ),
        "trl-grpo-k3-positive~direction": lambda: always(
            lambda x: x - log(x) - 1 <= 0, [(mpf(v),) for v in ("0.01", "0.5", "1", "2", "40")]
        ),
        "trl-rloo-baseline": lambda: _rloo(lambda G: mpf(G) / (G - 1)),
        "trl-rloo-baseline~factor": lambda: _rloo(lambda G: mpf(G - 1) / G),
        "trl-rloo-sum": lambda: close(_rloo_total(), 0),
        "trl-rloo-sum~mean": lambda: close(_rloo_total(), sum(_R5) / 5),
        "trl-dpo-init": lambda: close(-log(sigmoid(mpf("0.1") * (log(1) - log(1)))), log(2)),
        "trl-dpo-init~half": lambda: close(-log(sigmoid(mpf("0.1") * (log(1) - log(1)))), mpf(1) / 2),
        "trl-dpo-grad": lambda: always(
            lambda u, v, b: close(D(lambda t: -log(sigmoid(b * t - b * v)), u), -b * sigmoid(b * v - b * u)),
            [(mpf("0.3"), mpf("-0.4"), mpf("0.1")), (mpf("-2"), mpf("1.5"), mpf("2"))],
        ),
        "trl-dpo-grad~arg": lambda: always(
            lambda u, v, b: close(D(lambda t: -log(sigmoid(b * t - b * v)), u), -b * sigmoid(b * u - b * v)),
            [(mpf("0.3"), mpf("-0.4"), mpf("0.1")), (mpf("-2"), mpf("1.5"), mpf("2"))],
        ),
        "trl-reward-softplus": lambda: identity(
            lambda a, b: -log(sigmoid(a - b)), lambda a, b: log(1 + exp(-(a - b))), points=_UV
        ),
        "trl-reward-softplus~sign": lambda: identity(
            lambda a, b: -log(sigmoid(a - b)), lambda a, b: log(1 + exp(a - b)), points=_UV
        ),
        "jax-d1": lambda: identity(lambda x: D(_F, x), lambda x: 3 * x**2 + 4 * x - 3),
        "jax-d1~const": lambda: identity(lambda x: D(_F, x), lambda x: 3 * x**2 + 2 * x - 3),
        "jax-d2": lambda: identity(lambda x: D(_F, x, 2), lambda x: 6 * x + 4),
        "jax-d2~drop": lambda: identity(lambda x: D(_F, x, 2), lambda x: 6 * x),
        "jax-d3": lambda: identity(lambda x: D(_F, x, 3), lambda x: mpf(6)),
        "jax-at1": lambda: close(D(_F, 1), 4),
        "jax-at1~value": lambda: close(D(_F, 1), 2),
        "jax-at1-second": lambda: close(D(_F, 1, 2), 10),
        "jax-at1-second~value": lambda: close(D(_F, 1, 2), 6),
    }
)


def _std(r):
    m = sum(r) / len(r)
    return sqrt(sum((v - m) ** 2 for v in r) / len(r))


def _rloo(factor):
    for G in (2, 3, 5):
        r = _R5[:G]
        for i in range(G):
            loo = r[i] - sum(r[j] for j in range(G) if j != i) / (G - 1)
            if not close(loo, factor(G) * (r[i] - sum(r) / G)):
                return False
    return True


def _rloo_total():
    G = 5
    return sum(_R5[i] - sum(_R5[j] for j in range(G) if j != i) / (G - 1) for i in range(G))


# ---- books, notes, papers, blog ---------------------------------------------------------------


def softplus(x):
    return log(1 + exp(x))


def _phi(x):
    return exp(-x * x / 2) / sqrt(2 * pi)


def _Phi(x):
    """The standard normal CDF by quadrature of the density (not through erf)."""
    return quad(_phi, [-inf, 0, x]) if x > 0 else quad(_phi, [-inf, x])


_C3 = mat([[0, 1], [2, -1]])
_PROBS = [(mpf("0.2"),), (mpf("0.65"),), (mpf("0.9"),)]


def _tr(M):
    return sum(M[i, i] for i in range(M.rows))


def _rot(a):
    return mat([[mp.cos(a), -mp.sin(a)], [mp.sin(a), mp.cos(a)]])


def _logistic_grad(sign):
    theta, x = vec(["0.4", "-1.1", "0.7"]), vec(["1.5", "0.2", "-0.8"])
    for y in (0, 1, mpf("0.3")):

        def ell(th, y=y):
            h = sigmoid(dot(th, x))
            return y * log(h) + (1 - y) * log(1 - h)

        h = sigmoid(dot(theta, x))
        if not close(grad(ell, theta), [sign * (y - h) * xj for xj in x]):
            return False
    return True


def _normal_grad(transposed):
    X, th, y = A2, vec(["0.3", "-0.6"]), col([1, -2])

    def J(t):
        r = X * col(t) - y
        return scalar(r.T * r) / 2

    G = (X * X.T) if transposed else (X.T * X)
    return close(grad(J, th), list(G * col(th) - X.T * y))


def _adam_unrolled(exponent):
    b2, gs = mpf("0.999"), vec(["0.5", "-1.2", "2.0", "0.1"])
    v = mpf(0)
    for t in range(1, len(gs) + 1):
        v = b2 * v + (1 - b2) * gs[t - 1] ** 2
        if not close(v, (1 - b2) * sum(b2 ** exponent(t, i) * gs[i - 1] ** 2 for i in range(1, t + 1))):
            return False
    return True


def _dpo_objective_optimal(temperature_reading):
    """The formula's policy maximises E_pi[r] - beta KL(pi || pi_ref): no move between two outcomes improves it."""
    beta, r, ref = mpf("0.5"), vec(["1.0", "-0.3", "0.4"]), vec(["0.5", "0.3", "0.2"])
    w = [p * exp(temperature_reading(v, beta)) for p, v in zip(ref, r)]
    pi_ = [x / sum(w) for x in w]

    def J(p):
        return dot(p, r) - beta * sum(a * log(a / b) for a, b in zip(p, ref))

    h = mpf("1e-6")
    for i, j in itertools.permutations(range(3), 2):
        moved = list(pi_)
        moved[i] += h
        moved[j] -= h
        if J(moved) > J(pi_) + h * h * 10:
            return False
    return True


def _dpo_reward(sign):
    beta, r, ref = mpf("0.5"), vec(["1.0", "-0.3", "0.4"]), vec(["0.5", "0.3", "0.2"])
    Z = sum(p * exp(v / beta) for p, v in zip(ref, r))
    pi_ = [p * exp(v / beta) / Z for p, v in zip(ref, r)]
    return close(r, [beta * log(a / b) + sign * beta * log(Z) for a, b in zip(pi_, ref)])


def _gae(power):
    g, r, V = mpf("0.9"), vec(["1.0", "-0.5", "2.0"]), vec(["0.3", "1.1", "-0.4", "0.8"])
    d = [r[k] + g * V[k + 1] - V[k] for k in range(3)]
    return close(d[0] + g * d[1] + g**2 * d[2], -V[0] + r[0] + g * r[1] + g**2 * r[2] + g**power * V[3])


_A_LN = vec(["0.5", "-1.3", "2.2", "0.9"])


def _ln_stats():
    m = sum(_A_LN) / 4
    s = sqrt(sum((a - m) ** 2 for a in _A_LN) / 4)
    return [(a - m) / s for a in _A_LN]


def _std_pop(r):
    m = sum(r) / len(r)
    return sqrt(sum((v - m) ** 2 for v in r) / len(r))


def _normalised(r):
    m = sum(r) / len(r)
    return [(v - m) / _std_pop(r) for v in r]


CHECKS.update(
    {
        "dlb-sigmoid-exp": lambda: identity(sigmoid, lambda x: exp(x) / (exp(x) + exp(0))),
        "dlb-sigmoid-exp~sign": lambda: identity(sigmoid, lambda x: exp(-x) / (exp(-x) + exp(0))),
        "dlb-sigmoid-deriv": lambda: identity(lambda x: D(sigmoid, x), lambda x: sigmoid(x) * (1 - sigmoid(x))),
        "dlb-sigmoid-deriv~square": lambda: identity(lambda x: D(sigmoid, x), lambda x: sigmoid(x) ** 2),
        "dlb-sigmoid-complement": lambda: identity(lambda x: 1 - sigmoid(x), lambda x: sigmoid(-x)),
        "dlb-sigmoid-complement~arg": lambda: identity(lambda x: 1 - sigmoid(x), sigmoid),
        "dlb-log-sigmoid": lambda: identity(lambda x: log(sigmoid(x)), lambda x: -softplus(-x)),
        "dlb-log-sigmoid~arg": lambda: identity(lambda x: log(sigmoid(x)), lambda x: -softplus(x)),
        "dlb-softplus-deriv": lambda: identity(lambda x: D(softplus, x), sigmoid),
        "dlb-softplus-deriv~arg": lambda: identity(lambda x: D(softplus, x), lambda x: sigmoid(-x)),
        "dlb-logit": lambda: always(lambda x: close(sigmoid(log(x / (1 - x))), x), _PROBS),
        "dlb-logit~inverted": lambda: always(lambda x: close(sigmoid(log((1 - x) / x)), x), _PROBS),
        "dlb-softplus-inverse": lambda: always(lambda x: close(softplus(log(exp(x) - 1)), x), POS),
        "dlb-softplus-inverse~sign": lambda: always(lambda x: close(softplus(log(exp(x) + 1)), x), POS),
        "dlb-softplus-integral": lambda: identity(
            softplus, lambda x: quad(sigmoid, [-inf, 0, x]) if x > 0 else quad(sigmoid, [-inf, x])
        ),
        "dlb-softplus-odd": lambda: identity(lambda x: softplus(x) - softplus(-x), lambda x: x),
        "dlb-softplus-odd~sum": lambda: identity(lambda x: softplus(x) + softplus(-x), lambda x: x),
        "dlb-softmax-shift": lambda: close(softmax([v - max(Z3) for v in Z3]), softmax(Z3)),
        "dlb-softmax-shift~scale": lambda: close(softmax([v / max(Z3) for v in Z3]), softmax(Z3)),
        "dlb-transpose-product": lambda: close((A2 * _C3).T, _C3.T * A2.T),
        "dlb-transpose-product~order": lambda: close((A2 * _C3).T, A2.T * _C3.T),
        "dlb-dot-symmetric": lambda: close(scalar(col(_x2).T * col([3, "0.5"])), scalar(col([3, "0.5"]).T * col(_x2))),
        "dlb-dot-symmetric~outer": lambda: close(scalar(col(_x2).T * col([3, "0.5"])), col([3, "0.5"]) * col(_x2).T),
        "dlb-trace-cyclic": lambda: (
            close(_tr(A2 * SPD * _C3), _tr(_C3 * A2 * SPD)) and close(_tr(A2 * SPD * _C3), _tr(SPD * _C3 * A2))
        ),
        "dlb-trace-cyclic~swap": lambda: (
            close(_tr(A2 * SPD * _C3), _tr(_C3 * A2 * SPD)) and close(_tr(A2 * SPD * _C3), _tr(SPD * A2 * _C3))
        ),
        "dlb-frobenius-trace": lambda: close(
            sqrt(sum(A2[i, j] ** 2 for i in range(2) for j in range(2))), sqrt(_tr(A2 * A2.T))
        ),
        "dlb-frobenius-trace~sqrt": lambda: close(
            sqrt(sum(A2[i, j] ** 2 for i in range(2) for j in range(2))), _tr(A2 * A2.T)
        ),
        "cs229-gprime": lambda: identity(lambda z: D(sigmoid, z), lambda z: sigmoid(z) * (1 - sigmoid(z))),
        "cs229-gprime~sign": lambda: identity(lambda z: D(sigmoid, z), lambda z: sigmoid(z) * (1 + sigmoid(z))),
        "cs229-logistic-grad": lambda: _logistic_grad(+1),
        "cs229-logistic-grad~sign": lambda: _logistic_grad(-1),
        "cs229-normal-grad": lambda: _normal_grad(transposed=False),
        "cs229-normal-grad~transpose": lambda: _normal_grad(transposed=True),
        "cs229-trace-grad": lambda: close(mgrad(lambda A: _tr(A * _C3), A2), _C3.T),
        "cs229-trace-grad~transpose": lambda: close(mgrad(lambda A: _tr(A * _C3), A2), _C3),
        "adam-unrolled": lambda: _adam_unrolled(lambda t, i: t - i),
        "adam-unrolled~exp": lambda: _adam_unrolled(lambda t, i: i),
        "adam-bias": lambda: all(
            close((1 - b) * sum(b ** (t - i) for i in range(1, t + 1)), 1 - b**t)
            for b in (mpf("0.999"), mpf("0.5"))
            for t in range(1, 6)
        ),
        "adam-bias~off": lambda: all(
            close((1 - b) * sum(b ** (t - i) for i in range(1, t + 1)), 1 - b ** (t - 1))
            for b in (mpf("0.999"), mpf("0.5"))
            for t in range(1, 6)
        ),
        "adam-efficient": lambda: _adam_efficient(swap=False),
        "adam-efficient~swap": lambda: _adam_efficient(swap=True),
        "adamw-prop1": lambda: _adamw(lambda l, a: l / a),
        "adamw-prop1~scale": lambda: _adamw(lambda l, a: l * a),
        "ppo-lower-bound": lambda: always(lambda r, A, e: _ppo_lhs(r, A, e) <= r * A, _PPO_PTS + _PPO_NEG),
        "ppo-lower-bound~direction": lambda: always(lambda r, A, e: _ppo_lhs(r, A, e) >= r * A, _PPO_PTS + _PPO_NEG),
        "ppo-at-old": lambda: always(lambda r, A, e: close(_ppo_lhs(1, A, e), A), _PPO_PTS + _PPO_NEG),
        "ppo-at-old~eps": lambda: always(lambda r, A, e: close(_ppo_lhs(1, A, e), (1 + e) * A), _PPO_PTS + _PPO_NEG),
        "ppo-gae-telescope": lambda: _gae(3),
        "ppo-gae-telescope~power": lambda: _gae(2),
        "dpo-bradley-terry": lambda: identity(
            lambda a, b: exp(a) / (exp(a) + exp(b)), lambda a, b: sigmoid(a - b), points=_UV
        ),
        "dpo-bradley-terry~swap": lambda: identity(
            lambda a, b: exp(a) / (exp(a) + exp(b)), lambda a, b: sigmoid(b - a), points=_UV
        ),
        "dpo-optimal": lambda: _dpo_objective_optimal(lambda v, beta: v / beta),
        "dpo-optimal~beta": lambda: _dpo_objective_optimal(lambda v, beta: v * beta),
        "dpo-reward": lambda: _dpo_reward(+1),
        "dpo-reward~sign": lambda: _dpo_reward(-1),
        "att-footnote-var": lambda: close(
            dot(_x2 + [mpf(3)], vec(["0.5", "2", "-1"])),
            sum(a * b for a, b in zip(_x2 + [mpf(3)], vec(["0.5", "2", "-1"]))),
        ),
        "att-footnote-variance": lambda: all(close(var(_rademacher_dot(d)), d) for d in (1, 2, 3)),
        "att-footnote-variance~square": lambda: all(close(var(_rademacher_dot(d)), d * d) for d in (1, 2, 3)),
        "att-head-dim": lambda: Fraction(512, 8) == 64,
        "att-head-dim~value": lambda: Fraction(512, 8) == 32,
        "att-sinusoid-shift": lambda: identity(
            lambda w, p, k: mp.sin(w * (p + k)),
            lambda w, p, k: mp.sin(w * p) * mp.cos(w * k) + mp.cos(w * p) * mp.sin(w * k),
            points=[(mpf("0.3"), mpf(5), mpf(2)), (mpf("1.7"), mpf("-0.4"), mpf("3.3"))],
        ),
        "att-sinusoid-shift~sign": lambda: identity(
            lambda w, p, k: mp.sin(w * (p + k)),
            lambda w, p, k: mp.sin(w * p) * mp.cos(w * k) - mp.cos(w * p) * mp.sin(w * k),
            points=[(mpf("0.3"), mpf(5), mpf(2)), (mpf("1.7"), mpf("-0.4"), mpf("3.3"))],
        ),
        "ln-zero-mean": lambda: close(sum(_ln_stats()) / 4, 0),
        "ln-zero-mean~one": lambda: close(sum(_ln_stats()) / 4, 1),
        "ln-unit-var": lambda: close(sum(v * v for v in _ln_stats()) / 4, 1),
        "ln-unit-var~H": lambda: close(sum(v * v for v in _ln_stats()), 1),
        "gelu-erf": lambda: identity(lambda x: x * _Phi(x), lambda x: x * (1 + erf(x / sqrt(2))) / 2),
        "gelu-erf~root": lambda: identity(lambda x: x * _Phi(x), lambda x: x * (1 + erf(x / 2)) / 2),
        "gelu-grad": lambda: identity(lambda x: D(lambda t: t * _Phi(t), x), lambda x: _Phi(x) + x * _phi(x)),
        "gelu-grad~sign": lambda: identity(lambda x: D(lambda t: t * _Phi(t), x), lambda x: _Phi(x) - x * _phi(x)),
        "rope-relative": lambda: _rope(lambda m, n: n - m),
        "rope-relative~sum": lambda: _rope(lambda m, n: n + m),
        "bn-identity": lambda: identity(
            lambda x, m, s: sqrt(s * s) * (x - m) / sqrt(s * s) + m,
            lambda x, m, s: x,
            points=[(mpf("0.3"), mpf("-1"), mpf("2.5")), (mpf(4), mpf("0.5"), mpf("0.2"))],
        ),
        "bn-identity~var": lambda: identity(
            lambda x, m, s: s * s * (x - m) / sqrt(s * s) + m,
            lambda x, m, s: x,
            points=[(mpf("0.3"), mpf("-1"), mpf("2.5")), (mpf(4), mpf("0.5"), mpf("0.2"))],
        ),
        "dsm-kl-zero": lambda: always(lambda p: close(p / p - log(p / p) - 1, 0), _PROBS),
        "dsm-advantage-scale": lambda: close(_normalised([mpf("2.5") * v + 1 for v in _R5]), _normalised(_R5)),
        "dsm-advantage-scale~neg": lambda: close(_normalised([mpf("-2.5") * v + 1 for v in _R5]), _normalised(_R5)),
        "kl-blog-ratio": lambda: close(sum(q * (p / q) for p, q in zip(P3, Q3)), 1),
        "kl-blog-ratio~value": lambda: close(sum(q * (p / q) for p, q in zip(P3, Q3)), 0),
        "kl-blog-k1": lambda: close(sum(q * -log(p / q) for p, q in zip(P3, Q3)), kl(Q3, P3)),
        "kl-blog-k1~direction": lambda: close(sum(q * -log(p / q) for p, q in zip(P3, Q3)), kl(P3, Q3)),
        "kl-blog-k3": lambda: close(sum(q * (p / q - 1 - log(p / q)) for p, q in zip(P3, Q3)), kl(Q3, P3)),
        "kl-blog-k3~half": lambda: close(sum(q * (p / q - 1 - log(p / q)) for p, q in zip(P3, Q3)), kl(Q3, P3) / 2),
        "lora-count": lambda: 4096 * 8 + 8 * 4096 == 65536,
        "lora-count~product": lambda: 4096 * 8 * 8 * 4096 == 65536,
        "lora-count-symbolic": lambda: all(
            d * r + r * k == r * (d + k) for d, k, r in ((4096, 4096, 8), (3, 5, 2), (7, 1, 4))
        ),
        "lora-count-symbolic~dk": lambda: all(
            d * r + r * k == d * k for d, k, r in ((4096, 4096, 8), (3, 5, 2), (7, 1, 4))
        ),
    }
)


def _adam_efficient(swap):
    a, m, v = mpf("0.001"), mpf("0.3"), mpf("0.02")
    for b1, b2, t in ((mpf("0.9"), mpf("0.999"), 1), (mpf("0.9"), mpf("0.999"), 7)):
        lhs = a * (m / (1 - b1**t)) / sqrt(v / (1 - b2**t))
        x1, x2 = (b2, b1) if swap else (b1, b2)
        if not close(lhs, a * sqrt(1 - x2**t) / (1 - x1**t) * m / sqrt(v)):
            return False
    return True


def _adamw(l2_of):
    f = lambda th: th**4  # noqa: E731
    for th, a, lam in ((mpf("0.7"), mpf("0.1"), mpf("0.01")), (mpf("-1.3"), mpf("0.5"), mpf("0.2"))):
        lhs = th - a * D(lambda t, lam=lam, a=a: f(t) + l2_of(lam, a) / 2 * t**2, th)
        if not close(lhs, (1 - lam) * th - a * D(f, th)):
            return False
    return True


def _rope(angle):
    q, k, th = col([0.3, -1.2]), col([2, 0.5]), mpf("0.7")
    for m, n in ((1, 4), (3, 2), (0, 5)):
        if not close(scalar((_rot(m * th) * q).T * (_rot(n * th) * k)), scalar(q.T * _rot(angle(m, n) * th) * k)):
            return False
    return True


# ---- additions: maximum likelihood, unbiased variance, RMSNorm, PyTorch LayerNorm -----------------

_LIK = lambda t: t**9 * (1 - t) ** 4  # noqa: E731
_A_RMS = vec(["0.5", "-1.3", "2.2", "0.9"])
_X_LN = vec(["0.5", "-1.3", "2.2", "0.9"])


def _sample_variance_expectation(divisor):
    """E[sum (x_i - mean)^2 / divisor(n)] over all outcomes of n independent draws, against the variance."""
    dist = {mpf(0): mpf("0.3"), mpf(1): mpf("0.5"), mpf(4): mpf("0.2")}
    for n in (2, 3):
        total = mpf(0)
        for draw in itertools.product(dist.items(), repeat=n):
            xs = [v for v, _ in draw]
            p = mp.fprod(q for _, q in draw)
            m = sum(xs) / n
            total += p * sum((x - m) ** 2 for x in xs) / divisor(n)
        if not close(total, var(dist)):
            return False
    return True


def _root_mean_square(a):
    return sqrt(sum(v * v for v in a) / len(a))


LN_EPS = mpf("0.1")


def _ln_out(x, eps=LN_EPS):
    m = sum(x) / len(x)
    v = sum((u - m) ** 2 for u in x) / len(x)
    return [(u - m) / sqrt(v + eps) for u in x], v, eps


CHECKS.update(
    {
        "d2l-mle-derivative": lambda: identity(
            lambda t: D(_LIK, t),
            lambda t: 9 * t**8 * (1 - t) ** 4 - 4 * t**9 * (1 - t) ** 3,
            lambda t: t**8 * (1 - t) ** 3 * (9 - 13 * t),
            points=_PROBS,
        ),
        "d2l-mle-derivative~const": lambda: identity(
            lambda t: D(_LIK, t),
            lambda t: 9 * t**8 * (1 - t) ** 4 - 4 * t**9 * (1 - t) ** 3,
            lambda t: t**8 * (1 - t) ** 3 * (9 - 12 * t),
            points=_PROBS,
        ),
        "d2l-mle-argmax": lambda: close(D(_LIK, mpf(9) / 13), 0),
        "d2l-mle-argmax~value": lambda: close(D(_LIK, mpf(9) / 14), 0),
        "d2l-stat-unbiased": lambda: _sample_variance_expectation(lambda n: n - 1),
        "d2l-stat-unbiased~n": lambda: _sample_variance_expectation(lambda n: n),
        "rms-scale-invariance": lambda: all(
            close(
                [lam * a / _root_mean_square([lam * b for b in _A_RMS]) for a in _A_RMS],
                [a / _root_mean_square(_A_RMS) for a in _A_RMS],
            )
            for lam in (mpf("0.3"), mpf(4))
        ),
        "rms-scale-invariance~any": lambda: all(
            close(
                [-lam * a / _root_mean_square([-lam * b for b in _A_RMS]) for a in _A_RMS],
                [a / _root_mean_square(_A_RMS) for a in _A_RMS],
            )
            for lam in (mpf("0.3"), mpf(4))
        ),
        "rms-unit": lambda: close(sum((a / _root_mean_square(_A_RMS)) ** 2 for a in _A_RMS) / 4, 1),
        "rms-unit~sum": lambda: close(sum((a / _root_mean_square(_A_RMS)) ** 2 for a in _A_RMS), 1),
        "torch-ln-mean": lambda: close(sum(_ln_out(_X_LN)[0]) / 4, 0),
        "torch-ln-mean~beta": lambda: close(sum(y + mpf("0.5") for y in _ln_out(_X_LN)[0]) / 4, 0),
        "torch-ln-var": lambda: close(
            sum(y * y for y in _ln_out(_X_LN)[0]) / 4, _ln_out(_X_LN)[1] / (_ln_out(_X_LN)[1] + _ln_out(_X_LN)[2])
        ),
        "torch-ln-var~one": lambda: close(sum(y * y for y in _ln_out(_X_LN)[0]) / 4, 1),
    }
)


# ---- CS231n VGGNet case study: exact integer arithmetic -------------------------------------------

_VGG_WEIGHTS = [1728, 36864, 73728, 147456, 294912, 589824, 589824, 1179648] + [2359296] * 5
_VGG_MEMORY = (
    224 * 224 * 3
    + 2 * 224 * 224 * 64
    + 112 * 112 * 64
    + 2 * 112 * 112 * 128
    + 56 * 56 * 128
    + 3 * 56 * 56 * 256
    + 28 * 28 * 256
    + 3 * 28 * 28 * 512
    + 4 * 14 * 14 * 512
    + 7 * 7 * 512
    + 2 * 4096
    + 1000
)


def _vgg_conv_weights():
    """The table's weight column recomputed from the layer shapes (3x3 kernels)."""
    channels = [3, 64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512]
    return [3 * 3 * a * b for a, b in zip(channels, channels[1:])]


CHECKS.update(
    {
        "cs231n-neurons": lambda: 55 * 55 * 96 == 290400,
        "cs231n-neurons~digits": lambda: 55 * 55 * 96 == 209400,
        "cs231n-first-layer-params": lambda: 290400 * (11 * 11 * 3 + 1) == 105705600,
        "cs231n-first-layer-params~nobias": lambda: 290400 * (11 * 11 * 3) == 105705600,
        "cs231n-vgg-conv-weights": lambda: (3 * 3 * 512) * 512 == 2359296,
        "cs231n-vgg-conv-weights~square": lambda: (3 * 512) * 512 == 2359296,
        "cs231n-vgg-fc-weights": lambda: 7 * 7 * 512 * 4096 == 102760448,
        "cs231n-vgg-total-params": lambda: (
            _vgg_conv_weights() == _VGG_WEIGHTS
            and rounds_to(mpf(sum(_VGG_WEIGHTS) + 7 * 7 * 512 * 4096 + 4096 * 4096 + 4096 * 1000) / 10**6, "138")
        ),
        "cs231n-vgg-total-params~fc": lambda: rounds_to(
            mpf(sum(_VGG_WEIGHTS) + 4096 * 4096 + 4096 * 1000) / 10**6, "138"
        ),
        "cs231n-vgg-total-memory": lambda: rounds_to(mpf(_VGG_MEMORY) / 10**6, "24"),
        "cs231n-vgg-total-memory~fixed": lambda: rounds_to(mpf(_VGG_MEMORY) / 10**6, "15.2"),
        "cs231n-vgg-bytes": lambda: rounds_to(mpf(24 * 10**6 * 4) / 10**6, "93"),
        "cs231n-vgg-bytes~mib": lambda: rounds_to(mpf(24 * 10**6 * 4) / 2**20, "91.6"),
    }
)


# ---- formulas in their source notation: limits, proportionality, norms, a one-step policy gradient ------


def _pg_one_step(with_log):
    """J(theta) = sum_a softmax(theta)_a R(a); its gradient against E_a[grad (log) pi(a) R(a)], by enumeration."""
    R = vec(["1.0", "-0.5", "2.0"])
    lhs = grad(lambda th: dot(softmax(th), R), _TH)
    p = softmax(_TH)
    terms = [_softmax_policy_grad(_TH, a) if with_log else grad(lambda th, a=a: softmax(th)[a], _TH) for a in range(3)]
    return close(lhs, [sum(p[a] * terms[a][k] * R[a] for a in range(3)) for k in range(3)])


def _quotient_limit(power):
    f = lambda t: 3 * t**2 - 4 * t
    for x in (mpf("0.4"), mpf("-1.3")):
        q = mp.limit(lambda h, x=x: (f(x + h) - f(x)) / h**power, 0)
        if not (mp.isfinite(q) and close(q, D(f, x), tol=mpf(10) ** -12)):
            return False
    return True


CHECKS.update(
    {
        "d2l-calc-limit": lambda: _quotient_limit(1),
        "d2l-calc-limit~power": lambda: _quotient_limit(2),
        "d2l-sr-propto": lambda: len({mp.nstr(s / exp(o), 25) for s, o in zip(softmax(Z3), Z3)}) == 1,
        "d2l-sr-propto~sign": lambda: len({mp.nstr(s / exp(-o), 25) for s, o in zip(softmax(Z3), Z3)}) == 1,
        "d2l-it-maxent-conditions": lambda: (
            all(entropy(p) <= log(3) for p in DISTS) and close(entropy([mpf(1) / 3] * 3), log(3))
        ),
        "d2l-it-maxent-conditions~half": lambda: (
            all(entropy(p) <= log(3) / 2 for p in DISTS) and close(entropy([mpf(1) / 3] * 3), log(3) / 2)
        ),
        "d2l-la-l2": lambda: close(mp.norm(matrix(_x2)), sqrt(sum(v * v for v in _x2))),
        "d2l-la-l2~sqrt": lambda: close(mp.norm(matrix(_x2)), sum(v * v for v in _x2)),
        "d2l-la-l1": lambda: close(mp.norm(matrix(_x2), 1), sum(abs(v) for v in _x2)),
        "d2l-la-l1~abs": lambda: close(mp.norm(matrix(_x2), 1), sum(_x2)),
        "spinup-pg-theorem": lambda: _pg_one_step(with_log=True),
        "spinup-pg-theorem~nolog": lambda: _pg_one_step(with_log=False),
    }
)


# ---- labml.ai annotated implementations ---------------------------------------------------------


def _adam_step(root):
    """The Adam update with epsilon = 0 after three steps from zero state, against alpha m-hat / v-hat^(1/root)."""
    a, b1, b2, gs = mpf("0.001"), mpf("0.9"), mpf("0.999"), vec(["0.3", "-0.1", "0.25"])
    m = v = mpf(0)
    for g in gs:
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
    t = len(gs)
    mhat, vhat = m / (1 - b1**t), v / (1 - b2**t)
    return close(a * mhat / sqrt(vhat), a * mhat / vhat ** (mpf(1) / root))


def _adam_eps_hat(eps_hat):
    a, b1, b2, eps, m, v = mpf("0.001"), mpf("0.9"), mpf("0.999"), mpf("1e-4"), mpf("0.03"), mpf("0.0002")
    for t in (1, 5, 40):
        lhs = a * sqrt(1 - b2**t) / (1 - b1**t) * m / (sqrt(v) + eps_hat(b2, t, eps))
        if not close(lhs, a * (m / (1 - b1**t)) / (sqrt(v / (1 - b2**t)) + eps)):
            return False
    return True


def _rho(b2, t):
    return 2 / (1 - b2) - 1 - 2 * t * b2**t / (1 - b2**t)


def _roformer_theta(i, d):
    """RoFormer, equation (15): theta_i = 10000^(-2(i-1)/d)."""
    return mpf(10000) ** (-mpf(2) * (i - 1) / d)


def _gae_two_step(discount_second):
    g, r, V = mpf("0.9"), vec(["1.0", "-0.5"]), vec(["0.3", "1.1", "-0.4"])
    d = [r[k] + g * V[k + 1] - V[k] for k in range(2)]
    return close(r[0] + g * r[1] + g**2 * V[2] - V[0], d[0] + (g if discount_second else 1) * d[1])


def _gae_recursion(extra_lambda):
    g, lam, d = mpf("0.9"), mpf("0.95"), vec(["0.4", "-1.2", "0.7"])
    lhs = d[0] + g * lam * (d[1] + g * lam * d[2])
    return close(lhs, sum(g**l * lam ** (l + extra_lambda) * d[l] for l in range(3)))


def _distill_ratio(use_division):
    T = mpf("2.5")
    q = softmax([v / T for v in Z3])
    return all(
        close(q[i] / q[j], exp((Z3[i] - Z3[j]) / T if use_division else (Z3[i] - Z3[j]) * T))
        for i in range(3)
        for j in range(3)
        if i != j
    )


CHECKS.update(
    {
        "labml-adam-step": lambda: _adam_step(root=1),
        "labml-adam-step~fixed": lambda: _adam_step(root=2),
        "labml-adam-eps": lambda: _adam_eps_hat(lambda b2, t, eps: (1 - b2**t) * eps),
        "labml-adam-eps~fixed": lambda: _adam_eps_hat(lambda b2, t, eps: sqrt(1 - b2**t) * eps),
        "labml-radam-rho1": lambda: all(close(_rho(b, 1), 1) for b in (mpf("0.999"), mpf("0.5"))),
        "labml-radam-rho1~value": lambda: all(close(_rho(b, 1), 2) for b in (mpf("0.999"), mpf("0.5"))),
        "labml-radam-rhoinf": lambda: 2 / (1 - Fraction(999, 1000)) - 1 == 1999,
        "labml-radam-rhoinf~value": lambda: 2 / (1 - Fraction(999, 1000)) - 1 == 2000,
        "labml-rope-theta": lambda: all(
            close(mpf(10000) ** (mpf(2) * (i - 1) / d), _roformer_theta(i, d))
            for d in (4, 8)
            for i in range(1, d // 2 + 1)
        ),
        "labml-rope-theta-code": lambda: all(
            close(mpf(10000) ** (-mpf(2) * (i - 1) / d), _roformer_theta(i, d))
            for d in (4, 8)
            for i in range(1, d // 2 + 1)
        ),
        "labml-gae-two-step": lambda: _gae_two_step(discount_second=True),
        "labml-gae-two-step~undiscounted": lambda: _gae_two_step(discount_second=False),
        "labml-gae-recursion": lambda: _gae_recursion(0),
        "labml-gae-recursion~power": lambda: _gae_recursion(1),
        "labml-bn-var": lambda: close(var(DX), expect(DX, lambda v: v * v) - mean(DX) ** 2),
        "labml-bn-var~sign": lambda: close(var(DX), expect(DX, lambda v: v * v) + mean(DX) ** 2),
        "labml-distill-ratio": lambda: _distill_ratio(True),
        "labml-distill-ratio~times": lambda: _distill_ratio(False),
    }
)


# ---- Hugging Face perplexity page -------------------------------------------------------------------

_NLL = -(log(mpf("0.5")) + log(mpf("0.25")))

CHECKS.update(
    {
        "hf-ppl-example": lambda: rounds_to(exp(_NLL / 2), "2.83"),
        "hf-ppl-example~sum": lambda: rounds_to(exp(_NLL), "2.83"),
        "hf-ppl-bits": lambda: close(exp(_NLL / 2), mpf(2) ** (-(log(mpf("0.5"), 2) + log(mpf("0.25"), 2)) / 2)),
        "hf-ppl-bits~base": lambda: close(exp(_NLL / 2), mpf(2) ** (_NLL / 2)),
    }
)


# ---- blocks kept as written ---------------------------------------------------------------------------


def _rules(ln_derivative):
    rows = [
        identity(lambda c, x: D(lambda t: c, x), lambda c, x: 0, points=[(mpf("2.5"), mpf("0.7"))]),
        identity(lambda x, n: D(lambda t: t**n, x), lambda x, n: n * x ** (n - 1), points=_XN),
        identity(lambda x: D(exp, x), exp, points=POS),
        identity(lambda x: D(log, x), ln_derivative, points=POS),
    ]
    return all(rows)


def _ce_block(last):
    y, o = Y3, Z3
    sides = [
        -sum(yj * log(exp(oj) / sum(exp(ok) for ok in o)) for yj, oj in zip(y, o)),
        sum(yj * log(sum(exp(ok) for ok in o)) for yj in y) - dot(y, o),
        last(o) - dot(y, o),
    ]
    return all(close(sides[0], s) for s in sides[1:])


def _momentum_unroll(power):
    b, g = mpf("0.9"), vec(["0.3", "-1.1", "0.6"])  # g_{t-2,t-3}, g_{t-1,t-2}, g_{t,t-1}
    v_t2 = mpf("0.45")
    v_t1 = b * v_t2 + g[1]
    v_t = b * v_t1 + g[2]
    return close(v_t, b**power * v_t2 + b * g[1] + g[2])


CHECKS.update(
    {
        "d2l-calc-rules-block": lambda: _rules(lambda x: 1 / x),
        "d2l-calc-rules-block~ln": lambda: _rules(log),
        "d2l-sr-ce-block": lambda: _ce_block(lambda o: log(sum(exp(ok) for ok in o))),
        "d2l-sr-ce-block~last": lambda: _ce_block(lambda o: sum(exp(ok) for ok in o)),
        "d2l-int-power": lambda: all(
            close(quad(lambda y: n * y ** (n - 1), [0, x]), x**n) for x, n in ((mpf("0.7"), mpf("2.5")), (2, 3))
        ),
        "d2l-int-power~factor": lambda: all(
            close(quad(lambda y: n * y ** (n - 1), [0, x]), n * x**n) for x, n in ((mpf("0.7"), mpf("2.5")), (2, 3))
        ),
        "d2l-int-exp": lambda: always(lambda x: close(quad(exp, [0, x]), exp(x) - 1), REAL),
        "d2l-int-exp~lower": lambda: always(lambda x: close(quad(exp, [0, x]), exp(x)), REAL),
        "d2l-rms-series": lambda: all(
            close(nsum(lambda k, g=g: g**k, [0, inf]), 1 / (1 - g)) for g in (mpf("0.9"), mpf("0.2"))
        ),
        "d2l-rms-series~sign": lambda: all(
            close(nsum(lambda k, g=g: g**k, [0, inf]), 1 / (1 + g)) for g in (mpf("0.9"), mpf("0.2"))
        ),
        "d2l-mom-unroll": lambda: _momentum_unroll(2),
        "d2l-mom-unroll~power": lambda: _momentum_unroll(1),
        "cs231n-exp-arrow": lambda: identity(lambda x: D(exp, x), exp),
        "cs231n-exp-arrow~power": lambda: identity(lambda x: D(exp, x), lambda x: x * exp(x - 1)),
        "udl-cm20315-derivative-row": lambda: _derivative_row(-1),
        "udl-cm20315-derivative-row~fixed": lambda: _derivative_row(+1),
    }
)


def _derivative_row(sine_sign) -> bool:
    """d log z = 1/z, d cos z = -sin z, d exp z = exp z and d sin z = sine_sign * cos z, all at positive z."""
    return (
        identity(lambda z: D(log, z), lambda z: 1 / z, points=POS)
        and identity(lambda z: D(mp.cos, z), lambda z: -mp.sin(z), points=POS)
        and identity(lambda z: D(exp, z), exp, points=POS)
        and identity(lambda z: D(mp.sin, z), lambda z: sine_sign * mp.cos(z), points=POS)
    )


# ---- more attention and normalisation ------------------------------------------------------------


def _rope_same(factor):
    q, k, th = col([0.3, -1.2]), col([2, 0.7]), mpf("0.7")
    return all(close(scalar((_rot(m * th) * q).T * (_rot(m * th) * k)), factor * scalar(q.T * k)) for m in (0, 1, 5))


def _bn_grads(which, with_xhat):
    """l = sum_i c_i y_i with y = gamma x-hat + beta: the gradient in gamma or beta by finite differences."""
    c, xhat = vec(["0.4", "-1.1", "0.7", "2.0"]), _ln_stats()
    gamma, beta = mpf("1.3"), mpf("-0.2")

    def loss(g, b):
        return sum(ci * (g * x + b) for ci, x in zip(c, xhat))

    lhs = D(lambda g: loss(g, beta), gamma) if which == "gamma" else D(lambda b: loss(gamma, b), beta)
    return close(lhs, sum(ci * (x if with_xhat else 1) for ci, x in zip(c, xhat)))


_VALS = vec(["0.5", "-2.0", "1.25"])

CHECKS.update(
    {
        "att-heads-cost": lambda: 8 * 64 == 512,
        "att-heads-cost~value": lambda: 8 * 64 == 256,
        "rope-same-position": lambda: _rope_same(1),
        "rope-same-position~double": lambda: _rope_same(2),
        "bn-grad-gamma": lambda: _bn_grads("gamma", with_xhat=True),
        "bn-grad-gamma~drop": lambda: _bn_grads("gamma", with_xhat=False),
        "bn-grad-beta": lambda: _bn_grads("beta", with_xhat=False),
        "bn-grad-beta~xhat": lambda: _bn_grads("beta", with_xhat=True),
        "d2l-att-weights-sum": lambda: close(sum(softmax(Z3)), 1),
        "d2l-att-weights-sum~m": lambda: close(sum(softmax(Z3)), 3),
        "d2l-att-convex": lambda: all(
            min(_VALS) <= dot(softmax(z), _VALS) <= max(_VALS)
            for z in (Z3, vec(["5", "-3", "0"]), vec(["0", "0", "0"]))
        ),
        "d2l-att-convex~min": lambda: all(
            dot(softmax(z), _VALS) <= min(_VALS) for z in (Z3, vec(["5", "-3", "0"]), vec(["0", "0", "0"]))
        ),
    }
)


# ---- blog posts (Lil'Log) ------------------------------------------------------------------------


def _bern_kl(r, rh):
    return kl([r, 1 - r], [rh, 1 - rh])


_RR = [(mpf("0.3"), mpf("0.7")), (mpf("0.05"), mpf("0.2")), (mpf("0.9"), mpf("0.6"))]


def _elbo(prior_sign):
    """A discrete latent model: prior p(z), likelihood p(x|z) at the observed x, an encoder q(z|x)."""
    prior, lik, q = vec(["0.2", "0.5", "0.3"]), vec(["0.7", "0.1", "0.4"]), vec(["0.6", "0.1", "0.3"])
    px = dot(prior, lik)
    post = [a * b / px for a, b in zip(prior, lik)]
    lhs = log(px) - kl(q, post)
    rhs = dot(q, [log(v) for v in lik]) + prior_sign * kl(q, prior)
    return close(lhs, rhs)


_ABX = [(mpf("0.7"), mpf("1.9"), mpf("0.3")), (mpf("2.5"), mpf("0.4"), mpf("0.8"))]


def _em_deltas():
    P, Q, d = [3, 2, 1, 4], [1, 2, 4, 3], [0]
    for a, b in zip(P, Q):
        d.append(d[-1] + a - b)
    return d


def _es_gradient(factor):
    """d/dtheta E F(theta + sigma eps) against factor * E[F(theta + sigma eps) eps], eps ~ N(0, 1), by quadrature."""

    def F(x):
        return x**3 - 2 * x + exp(-x * x / 3)

    def gauss(e):
        return exp(-e * e / 2) / sqrt(2 * pi)

    out = []
    for theta, sigma in ((mpf("0.3"), mpf("0.5")), (mpf("-1.1"), mpf("1.7"))):
        lhs = D(lambda t: quad(lambda e: F(t + sigma * e) * gauss(e), [-inf, inf]), theta)
        rhs = factor(sigma) * quad(lambda e: F(theta + sigma * e) * e * gauss(e), [-inf, inf])
        out.append(close(lhs, rhs, mpf(10) ** -12))
    return all(out)


_DIFF = [(mpf("0.02"), mpf("0.9"), mpf("1.3"), mpf("-0.4")), (mpf("0.3"), mpf("0.45"), mpf("-0.7"), mpf("1.2"))]


def _diff_mu(x0_coef_prev):
    """mu-tilde as the source writes its first form (coefficient of x_0 from alpha-bar_t or alpha-bar_{t-1})."""

    def one(beta, abar_prev, xt, x0):
        alpha = 1 - beta
        abar = alpha * abar_prev
        c = sqrt(abar_prev) / (1 - abar_prev) if x0_coef_prev else sqrt(abar) / (1 - abar)
        lhs = (sqrt(alpha) / beta * xt + c * x0) / (alpha / beta + 1 / (1 - abar_prev))
        rhs = sqrt(alpha) * (1 - abar_prev) / (1 - abar) * xt + sqrt(abar_prev) * beta / (1 - abar) * x0
        return close(lhs, rhs)

    return always(one, _DIFF)


def _diff_mu_noise(sqrt_in_noise):
    def one(beta, abar_prev, xt, z):
        alpha = 1 - beta
        abar = alpha * abar_prev
        x0 = (xt - sqrt(1 - abar) * z) / sqrt(abar)
        mu = sqrt(alpha) * (1 - abar_prev) / (1 - abar) * xt + sqrt(abar_prev) * beta / (1 - abar) * x0
        den = sqrt(1 - abar) if sqrt_in_noise else 1 - abar
        return close(mu, (xt - beta / den * z) / sqrt(alpha))

    return always(one, _DIFF)


def _diff_beta_tilde(inverted):
    def one(beta, abar_prev, *_):
        alpha = 1 - beta
        abar = alpha * abar_prev
        ratio = (1 - abar) / (1 - abar_prev) if inverted else (1 - abar_prev) / (1 - abar)
        return close(1 / (alpha / beta + 1 / (1 - abar_prev)), ratio * beta)

    return always(one, _DIFF)


_W3 = mat([[1.2, -0.3, 0.5], [0.4, 2.0, -1.1], [0.0, 0.7, 0.9]])
_S4 = vec(["0.3", "-1.2", "2.0", "0.45"])


def _lil_w2v_loss(sign):
    out = []
    for z in (Z3, vec(["4.0", "-2.5", "0.1", "1.3"])):
        lhs = -log(softmax(z)[0])
        out.append(close(lhs, -z[0] + sign * log(sum(exp(v) for v in z))))
    return all(out)


CHECKS.update(
    {
        "lil-vae-bernoulli-kl": lambda: always(
            lambda r, rh: close(_bern_kl(r, rh), r * log(r / rh) + (1 - r) * log((1 - r) / (1 - rh))), _RR
        ),
        "lil-vae-bernoulli-kl~drop": lambda: always(lambda r, rh: close(_bern_kl(r, rh), r * log(r / rh)), _RR),
        "lil-vae-bernoulli-kl~swap": lambda: always(
            lambda r, rh: close(_bern_kl(r, rh), r * log(r / rh) + (1 - r) * log((1 - rh) / (1 - r))), _RR
        ),
        "lil-vae-kl-expectation": lambda: all(
            close(kl(p, q), dot(p, [log(a / b) for a, b in zip(p, q)])) for p, q in itertools.permutations(DISTS, 2)
        ),
        "lil-vae-kl-expectation~measure": lambda: all(
            close(kl(p, q), dot(q, [log(a / b) for a, b in zip(p, q)])) for p, q in itertools.permutations(DISTS, 2)
        ),
        "lil-vae-elbo": lambda: _elbo(-1),
        "lil-vae-elbo~sign": lambda: _elbo(+1),
        "lil-gan-derivative": lambda: always(
            lambda a, b, x: close(D(lambda t: a * log(t) + b * log(1 - t), x), a / x - b / (1 - x)), _ABX
        ),
        "lil-gan-derivative~sign": lambda: always(
            lambda a, b, x: close(D(lambda t: a * log(t) + b * log(1 - t), x), a / x + b / (1 - x)), _ABX
        ),
        "lil-gan-derivative-ln10": lambda: always(
            lambda a, b, x: close(
                D(lambda t: a * log(t, 10) + b * log(1 - t, 10), x), a / log(10) / x - b / log(10) / (1 - x)
            ),
            _ABX,
        ),
        "lil-gan-derivative-ln10~factor": lambda: always(
            lambda a, b, x: close(
                D(lambda t: a * log(t, 10) + b * log(1 - t, 10), x), a * log(10) / x - b * log(10) / (1 - x)
            ),
            _ABX,
        ),
        "lil-gan-optimal-d": lambda: always(
            lambda a, b, _x: close(D(lambda t: a * log(t) + b * log(1 - t), a / (a + b)), 0), _ABX
        ),
        "lil-gan-optimal-d~swap": lambda: always(
            lambda a, b, _x: close(D(lambda t: a * log(t) + b * log(1 - t), b / (a + b)), 0), _ABX
        ),
        "lil-gan-global-min": lambda: close(2 * log(mpf(1) / 2), -2 * log(2)),
        "lil-gan-global-min~factor": lambda: close(2 * log(mpf(1) / 2), -log(2)),
        "lil-gan-em-step3": lambda: _em_deltas()[3] == 2 + 1 - 4 == -1,
        "lil-gan-em-step3~sign": lambda: _em_deltas()[3] == 2 + 1 - 4 == 1,
        "lil-gan-em-total": lambda: sum(abs(d) for d in _em_deltas()) == 5,
        "lil-gan-em-total~abs": lambda: sum(_em_deltas()) == 5,
        "lil-bandit-hoeffding-threshold": lambda: always(
            lambda p, t: close(exp(-2 * t * (-log(p) / (2 * t))), p), [(mpf("0.05"), mpf(7)), (mpf("0.3"), mpf(2))]
        ),
        "lil-bandit-hoeffding-threshold~power": lambda: always(
            lambda p, t: close(exp(-2 * t * (-log(p) / t)), p), [(mpf("0.05"), mpf(7)), (mpf("0.3"), mpf(2))]
        ),
        "lil-bandit-ucb1": lambda: always(
            lambda t, n: close(sqrt(-log(t**-4) / (2 * n)), sqrt(2 * log(t) / n)),
            [(mpf(10), mpf(3)), (mpf(57), mpf(20))],
        ),
        "lil-bandit-ucb1~factor": lambda: always(
            lambda t, n: close(sqrt(-log(t**-4) / (2 * n)), sqrt(4 * log(t) / n)),
            [(mpf(10), mpf(3)), (mpf(57), mpf(20))],
        ),
        "lil-info-kl-split": lambda: all(
            close(kl(p, q), cross_entropy(p, q) - entropy(p)) for p, q in itertools.permutations(DISTS, 2)
        ),
        "lil-info-kl-split~sign": lambda: all(
            close(kl(p, q), cross_entropy(p, q) + entropy(p)) for p, q in itertools.permutations(DISTS, 2)
        ),
        "lil-info-kl-ce": lambda: all(
            close(kl(p, q), cross_entropy(p, q) - entropy(p)) for p, q in itertools.permutations(DISTS, 2)
        ),
        "lil-info-kl-ce~swap": lambda: all(
            close(kl(p, q), entropy(p) - cross_entropy(p, q)) for p, q in itertools.permutations(DISTS, 2)
        ),
        "lil-info-mi": lambda: close(MI, HX - H_X_GIVEN_Y),
        "lil-info-mi~sign": lambda: close(MI, HX + H_X_GIVEN_Y),
        "lil-info-exp-sum": lambda: all(
            exp(sum(ds)) >= sum(exp(v) for v in ds) for ds in ([mpf(0), mpf(0)], [mpf(2), mpf(3)], [mpf("0.1")] * 3)
        ),
        "lil-rl-geometric": lambda: always(
            lambda lam: close(nsum(lambda n: lam**n, [0, inf]), 1 / (1 - lam)), [(mpf("0.3"),), (mpf("0.9"),)]
        ),
        "lil-rl-geometric~sign": lambda: always(
            lambda lam: close(nsum(lambda n: lam**n, [0, inf]), 1 / (1 + lam)), [(mpf("0.3"),), (mpf("0.9"),)]
        ),
        "lil-rl-lambda-weights": lambda: always(
            lambda lam: close((1 - lam) * nsum(lambda n: lam ** (n - 1), [1, inf]), 1), [(mpf("0.3"),), (mpf("0.9"),)]
        ),
        "lil-rl-lambda-weights~index": lambda: always(
            lambda lam: close((1 - lam) * nsum(lambda n: lam**n, [1, inf]), 1), [(mpf("0.3"),), (mpf("0.9"),)]
        ),
        "lil-rl-mc-update": lambda: always(
            lambda a, v, g: close((1 - a) * v + a * g, v + a * (g - v)),
            [(mpf("0.1"), mpf("2.5"), mpf("-0.7")), (mpf("0.8"), mpf("-1"), mpf("3"))],
        ),
        "lil-rl-mc-update~sign": lambda: always(
            lambda a, v, g: close((1 - a) * v + a * g, v + a * (v - g)),
            [(mpf("0.1"), mpf("2.5"), mpf("-0.7")), (mpf("0.8"), mpf("-1"), mpf("3"))],
        ),
        "lil-rl-es-gradient": lambda: _es_gradient(lambda s: 1 / s),
        "lil-rl-es-gradient~scale": lambda: _es_gradient(lambda s: s),
        "lil-w2v-loss": lambda: _lil_w2v_loss(+1),
        "lil-w2v-loss~sign": lambda: _lil_w2v_loss(-1),
        "lil-w2v-negative": lambda: identity(lambda x: 1 - sigmoid(x), lambda x: sigmoid(-x)),
        "lil-w2v-negative~sign": lambda: identity(lambda x: 1 + sigmoid(x), lambda x: sigmoid(-x)),
        "lil-w2v-nce-posterior": lambda: always(
            lambda p, q, n: close((p / (n + 1)) / (p / (n + 1) + n / (n + 1) * q), p / (p + n * q)),
            [(mpf("0.3"), mpf("0.01"), mpf(5)), (mpf("0.05"), mpf("0.2"), mpf(15))],
        ),
        "lil-w2v-nce-posterior~drop": lambda: always(
            lambda p, q, n: close((p / (n + 1)) / (p / (n + 1) + n / (n + 1) * q), p / (p + q)),
            [(mpf("0.3"), mpf("0.01"), mpf(5)), (mpf("0.05"), mpf("0.2"), mpf(15))],
        ),
        "lil-flow-det-inverse": lambda: all(
            close(mp.det(M) * mp.det(inverse(M)), mp.det(M * inverse(M))) and close(mp.det(M * inverse(M)), 1)
            for M in (A2, SPD, _W3)
        ),
        "lil-flow-det-inverse~transpose": lambda: all(close(mp.det(M) * mp.det(M.T), 1) for M in (A2, SPD, _W3)),
        "lil-flow-coupling-det": lambda: close(mp.det(mp.diag([exp(v) for v in _S4])), exp(sum(_S4))),
        "lil-flow-coupling-det~sum": lambda: close(sum(exp(v) for v in _S4), exp(sum(_S4))),
        "lil-flow-glow-logdet": lambda: always(
            lambda h, w: close(log(abs(mp.det(_W3)) ** (h * w)), h * w * log(abs(mp.det(_W3)))),
            [(mpf(4), mpf(6)), (mpf(32), mpf(32))],
        ),
        "lil-flow-glow-logdet~sum": lambda: always(
            lambda h, w: close(log(abs(mp.det(_W3)) ** (h * w)), (h + w) * log(abs(mp.det(_W3)))),
            [(mpf(4), mpf(6)), (mpf(32), mpf(32))],
        ),
        "lil-diff-merged-sd": lambda: always(
            lambda a, b: close(sqrt((1 - a) + a * (1 - b)), sqrt(1 - a * b)),
            [(mpf("0.9"), mpf("0.95")), (mpf("0.2"), mpf("0.6"))],
        ),
        "lil-diff-merged-sd~drop": lambda: always(
            lambda a, b: close(sqrt((1 - a) + (1 - b)), sqrt(1 - a * b)),
            [(mpf("0.9"), mpf("0.95")), (mpf("0.2"), mpf("0.6"))],
        ),
        "lil-diff-beta-tilde": lambda: _diff_beta_tilde(False),
        "lil-diff-beta-tilde~inverted": lambda: _diff_beta_tilde(True),
        "lil-diff-mu-tilde": lambda: _diff_mu(False),
        "lil-diff-mu-tilde~fixed": lambda: _diff_mu(True),
        "lil-diff-mu-noise": lambda: _diff_mu_noise(True),
        "lil-diff-mu-noise~sqrt": lambda: _diff_mu_noise(False),
    }
)


# ---- more documentation and course pages -------------------------------------------------------


def _rnn_step_jacobian(weight):
    """d h_t / d h_{t-1} of h_t = tanh(W_hh h_{t-1} + W_xh x_t) by finite differences, against tanh'(.) * weight."""

    def one(whh, wxh, x, h):
        lhs = D(lambda t: tanh(whh * t + wxh * x), h)
        rhs = D(tanh, whh * h + wxh * x) * (whh if weight == "hh" else wxh)
        return close(lhs, rhs)

    return always(
        one, [(mpf("0.8"), mpf("-1.3"), mpf("0.4"), mpf("0.25")), (mpf("-1.7"), mpf("0.6"), mpf("2"), mpf("-0.3"))]
    )


def _rnn_through_time(power):
    """d h_T / d h_1 of the linear recurrence h_t = w h_{t-1} + u x_t, against w to the given power of (T, w)."""
    u, xs = mpf("0.5"), vec(["0.3", "-1.0", "2.0", "0.7", "-0.2"])
    out = []
    for T, w in ((3, mpf("0.7")), (5, mpf("1.3"))):

        def h_T(h1, T=T, w=w):
            h = h1
            for t in range(2, T + 1):
                h = w * h + u * xs[t - 1]
            return h

        out.append(close(D(h_T, mpf("0.4")), power(T, w)))
    return all(out)


_SVM_W = mat([[0.2, -0.5], [1.1, 0.3], [-0.4, 0.9]])  # three classes, two features
_SVM_X, _SVM_Y, _SVM_DELTA = vec(["1.5", "-0.8"]), 0, mpf(1)


def _svm_loss(W):
    s = [W[j, 0] * _SVM_X[0] + W[j, 1] * _SVM_X[1] for j in range(W.rows)]
    return sum(max(mpf(0), s[j] - s[_SVM_Y] + _SVM_DELTA) for j in range(W.rows) if j != _SVM_Y)


def _svm_grad(row, sign):
    """The gradient of the SVM loss in one weight row by finite differences, against the indicator formula."""
    G = mgrad(_svm_loss, _SVM_W)
    s = [_SVM_W[j, 0] * _SVM_X[0] + _SVM_W[j, 1] * _SVM_X[1] for j in range(3)]
    active = [1 if s[j] - s[_SVM_Y] + _SVM_DELTA > 0 else 0 for j in range(3)]
    if row == "y":
        coef = -sum(active[j] for j in range(3) if j != _SVM_Y)
        js = [_SVM_Y]
    else:
        js = [j for j in range(3) if j != _SVM_Y]
    return all(close([G[j, 0], G[j, 1]], [sign * (coef if row == "y" else active[j]) * v for v in _SVM_X]) for j in js)


def _floor_same(drop_one):
    return all(
        (n - k + (k - 1) + s) // s == (n + s - (0 if drop_one else 1)) // s
        for n in range(1, 13)
        for k in range(1, n + 1)
        for s in range(1, 5)
    )


_ETA = [(mpf("0.1"), mpf("0.001"), mpf(50)), (mpf("3"), mpf("0.5"), mpf(7))]


def _cosine(eta0, etaT, T, t):
    return etaT + (eta0 - etaT) / 2 * (1 + mp.cos(pi * t / T))


def _gauss_nll(half):
    def one(sigma, y, w, x, b):
        lhs = -log(exp(-((y - w * x - b) ** 2) / (2 * sigma**2)) / sqrt(2 * pi * sigma**2))
        return close(lhs, (mpf(1) / 2 if half else 1) * log(2 * pi * sigma**2) + (y - w * x - b) ** 2 / (2 * sigma**2))

    return always(
        one,
        [(mpf("0.7"), mpf("1.2"), mpf("0.5"), mpf("-2"), mpf("0.3")), (mpf("2.5"), mpf(-3), mpf(1), mpf(4), mpf(0))],
    )


_LX = mat([[1, 2], [-0.5, 3], [2, 0.4]])  # 3 examples, 2 features
_LW, _LY = vec(["0.3", "-0.7"]), vec(["1.0", "0.2", "-1.5"])


def _d2l_normal_grad(form):
    g = grad(lambda w: sum((_LY[i] - _LX[i, 0] * w[0] - _LX[i, 1] * w[1]) ** 2 for i in range(3)), _LW)
    r = [_LX[i, 0] * _LW[0] + _LX[i, 1] * _LW[1] - _LY[i] for i in range(3)]  # Xw - y
    if form == "transpose":  # 2 X (Xw - y) has 3 entries where the gradient has 2: a different shape
        return close(g, [2 * sum(_LX[i, j] * r[j] for j in range(2)) for i in range(3)])
    sign = 1 if form == "right" else -1
    return close(g, [sign * 2 * sum(_LX[i, j] * r[i] for i in range(3)) for j in range(2)])


def _jensen_log(direction):
    """P(X) = sum_Y P(Y) P(X|Y) for a latent Y with three values, at two observed values of X."""
    py = vec(["0.2", "0.5", "0.3"])
    out = []
    for px_given_y in (vec(["0.9", "0.1", "0.4"]), vec(["0.05", "0.6", "0.3"])):
        lhs = dot(py, [-log(v) for v in px_given_y])
        rhs = -log(dot(py, px_given_y))
        out.append(lhs >= rhs if direction == ">=" else lhs <= rhs)
    return all(out)


def _midpoint(direction):
    fs = (exp, lambda t: t**4, lambda t: log(1 + exp(t)))
    pts = [(mpf("0.3"), mpf("0.5")), (mpf("-1.2"), mpf("2"))]
    out = []
    for f in fs:
        for x, e in pts:
            lhs, rhs = (f(x + e) + f(x - e)) / 2, f((x + e) / 2 + (x - e) / 2)
            out.append((lhs >= rhs if direction == ">=" else lhs <= rhs) and close(rhs, f(x)))
    return all(out)


_POSENC = [(mpf(3), mpf("1.5"), mpf("0.1")), (mpf(17), mpf(-4), mpf("0.0316"))]


def _hardswish_cases(div):
    def cases(x):
        return mpf(0) if x <= -3 else x if x >= 3 else x * (x + 3) / div

    return all(
        close(cases(x), x * min(max(mpf(0), x + 3), mpf(6)) / 6) for x in vec(["-4", "-1.5", "0.5", "2.9", "3.5"])
    )


def _softsign_grad(power):
    return all(
        close(D(lambda t: t / (1 + abs(t)), x), 1 / (1 + abs(x)) ** power) for x in vec(["-2.3", "-0.4", "0.7", "3"])
    )


def _sac_value(sign):
    """A discrete policy over three actions: E[Q] + alpha H(pi) against E[Q + sign alpha log pi]."""
    pi_a, q, alpha = vec(["0.2", "0.5", "0.3"]), vec(["1.5", "-0.4", "2.2"]), mpf("0.3")
    return close(
        dot(pi_a, q) + alpha * entropy(pi_a), dot(pi_a, [qa + sign * alpha * log(p) for qa, p in zip(q, pi_a)])
    )


_XS = vec(["-2.5", "-0.6", "0.3", "1.7", "7.5"])

CHECKS.update(
    {
        "cs231n-nn1-tanh": lambda: identity(tanh, lambda x: 2 * sigmoid(2 * x) - 1),
        "cs231n-nn1-tanh~scale": lambda: identity(tanh, lambda x: 2 * sigmoid(x) - 1),
        "cs231n-nn1-tanh~shift": lambda: identity(tanh, lambda x: 2 * sigmoid(2 * x)),
        "cs231n-nn1-weights-left": lambda: 3 * 4 + 4 * 2 == 20,
        "cs231n-nn1-weights-left~value": lambda: 3 * 4 + 4 * 2 == 24,
        "cs231n-nn1-params-left": lambda: (3 * 4 + 4 * 2) + (4 + 2) == 26,
        "cs231n-nn1-params-left~value": lambda: (3 * 4 + 4 * 2) + 2 == 26,
        "cs231n-nn1-weights-right": lambda: 3 * 4 + 4 * 4 + 4 * 1 == 12 + 16 + 4 == 32,
        "cs231n-nn1-weights-right~value": lambda: 3 * 4 + 4 * 4 + 4 * 1 == 12 + 20 + 4 == 36,
        "cs231n-nn1-params-right": lambda: 32 + (4 + 4 + 1) == 41,
        "cs231n-nn1-params-right~value": lambda: 32 + (4 + 4 + 1) == 42,
        "cs231n-rnn-jacobian": lambda: _rnn_step_jacobian("hh"),
        "cs231n-rnn-jacobian~weight": lambda: _rnn_step_jacobian("xh"),
        "cs231n-rnn-product": lambda: _rnn_through_time(lambda T, w: (w ** (T - 1)) ** (T - 1)),
        "cs231n-rnn-product~fixed": lambda: _rnn_through_time(lambda T, w: w ** (T - 1)),
        "cs231n-opt1-svm-grad-j": lambda: _svm_grad("j", 1),
        "cs231n-opt1-svm-grad-j~sign": lambda: _svm_grad("j", -1),
        "cs231n-opt1-svm-grad-y": lambda: _svm_grad("y", 1),
        "cs231n-opt1-svm-grad-y~sign": lambda: _svm_grad("y", -1),
        "d2l-pad-shrink": lambda: 240 - 10 * (5 - 1) == 200,
        "d2l-pad-shrink~k": lambda: 240 - 10 * 5 == 200,
        "d2l-pad-first-output": lambda: 0 * 0 + 0 * 1 + 0 * 2 + 0 * 3 == 0,
        "d2l-pad-stride-outputs": lambda: 0 * 0 + 0 * 1 + 1 * 2 + 2 * 3 == 8,
        "d2l-pad-stride-outputs~value": lambda: 0 * 0 + 0 * 1 + 1 * 2 + 2 * 3 == 9,
        "d2l-pad-stride-outputs2": lambda: 0 * 0 + 6 * 1 + 0 * 2 + 0 * 3 == 6,
        "d2l-pad-stride-outputs2~value": lambda: 0 * 0 + 6 * 1 + 0 * 2 + 0 * 3 == 7,
        "d2l-pad-same": lambda: _floor_same(False),
        "d2l-pad-same~off": lambda: _floor_same(True),
        "d2l-pool-max": lambda: max(1, 2, 4, 5) == 5,
        "d2l-pool-max~value": lambda: max(1, 2, 4, 5) == 1,
        "d2l-pool-max4": lambda: max(4, 5, 7, 8) == 8,
        "d2l-pool-max4~value": lambda: max(4, 5, 7, 8) == 7,
        "d2l-cosine-end": lambda: always(lambda a, b, T: close(_cosine(a, b, T, T), b), _ETA),
        "d2l-cosine-end~value": lambda: always(lambda a, b, T: close(_cosine(a, b, T, T), a), _ETA),
        "d2l-cosine-start": lambda: always(lambda a, b, T: close(_cosine(a, b, T, 0), a), _ETA),
        "d2l-cosine-start~half": lambda: always(lambda a, b, T: close(b + (a - b) * (1 + mp.cos(pi * 0 / T)), a), _ETA),
        "d2l-linreg-nll": lambda: _gauss_nll(True),
        "d2l-linreg-nll~half": lambda: _gauss_nll(False),
        "d2l-linreg-normal-grad": lambda: _d2l_normal_grad("right"),
        "d2l-linreg-normal-grad~sign": lambda: _d2l_normal_grad("sign"),
        "d2l-linreg-normal-grad~transpose": lambda: _d2l_normal_grad("transpose"),
        "d2l-convex-jensen-log": lambda: _jensen_log(">="),
        "d2l-convex-jensen-log~dir": lambda: _jensen_log("<="),
        "d2l-convex-midpoint": lambda: _midpoint(">="),
        "d2l-convex-midpoint~dir": lambda: _midpoint("<="),
        "d2l-posenc-sin": lambda: always(
            lambda i, d, w: close(mp.cos(d * w) * mp.sin(i * w) + mp.sin(d * w) * mp.cos(i * w), mp.sin((i + d) * w)),
            _POSENC,
        ),
        "d2l-posenc-sin~sign": lambda: always(
            lambda i, d, w: close(mp.cos(d * w) * mp.sin(i * w) - mp.sin(d * w) * mp.cos(i * w), mp.sin((i + d) * w)),
            _POSENC,
        ),
        "d2l-posenc-cos": lambda: always(
            lambda i, d, w: close(-mp.sin(d * w) * mp.sin(i * w) + mp.cos(d * w) * mp.cos(i * w), mp.cos((i + d) * w)),
            _POSENC,
        ),
        "d2l-posenc-cos~sign": lambda: always(
            lambda i, d, w: close(mp.sin(d * w) * mp.sin(i * w) + mp.cos(d * w) * mp.cos(i * w), mp.cos((i + d) * w)),
            _POSENC,
        ),
        "torch-sigmoid-def": lambda: identity(sigmoid, lambda x: 1 / (1 + exp(-x))),
        "torch-sigmoid-def~sign": lambda: identity(sigmoid, lambda x: 1 / (1 + exp(x))),
        "torch-mish-closed": lambda: identity(
            lambda x: x * tanh(log(1 + exp(x))), lambda x: x * ((1 + exp(x)) ** 2 - 1) / ((1 + exp(x)) ** 2 + 1)
        ),
        "torch-mish-closed~square": lambda: identity(
            lambda x: x * tanh(log(1 + exp(x))), lambda x: x * ((1 + exp(x)) - 1) / ((1 + exp(x)) + 1)
        ),
        "torch-celu-slope": lambda: always(lambda a: close(D(lambda x: a * (exp(x / a) - 1), 0), 1), POS),
        "torch-celu-slope~elu": lambda: always(lambda a: close(D(lambda x: a * (exp(x) - 1), 0), 1), POS),
        "torch-hardswish-relu6": lambda: _hardswish_cases(6),
        "torch-hardswish-relu6~scale": lambda: _hardswish_cases(3),
        "torch-softsign-derivative": lambda: _softsign_grad(2),
        "torch-softsign-derivative~power": lambda: _softsign_grad(1),
        "torch-relu6-difference": lambda: all(
            close(min(max(mpf(0), x), mpf(6)), max(mpf(0), x) - max(mpf(0), x - 6)) for x in _XS
        ),
        "torch-relu6-difference~shift": lambda: all(
            close(min(max(mpf(0), x), mpf(6)), max(mpf(0), x) - max(mpf(0), x + 6)) for x in _XS
        ),
        "torch-leakyrelu-max": lambda: all(
            close(max(mpf(0), x) + a * min(mpf(0), x), max(x, a * x)) for x in _XS for a in (mpf("0.01"), mpf("0.3"))
        ),
        "torch-leakyrelu-max~min": lambda: all(
            close(max(mpf(0), x) + a * min(mpf(0), x), min(x, a * x)) for x in _XS for a in (mpf("0.01"), mpf("0.3"))
        ),
        "torch-gelu-erf": lambda: identity(
            lambda x: x * quad(lambda t: exp(-t * t / 2), [-inf, x]) / sqrt(2 * pi),
            lambda x: x / 2 * (1 + erf(x / sqrt(2))),
        ),
        "torch-gelu-erf~scale": lambda: identity(
            lambda x: x * quad(lambda t: exp(-t * t / 2), [-inf, x]) / sqrt(2 * pi), lambda x: x / 2 * (1 + erf(x / 2))
        ),
        "torch-smoothl1-slope": lambda: always(lambda b: close(D(lambda r: r**2 / 2 / b, b), 1), POS),
        "torch-smoothl1-slope~beta": lambda: always(lambda b: close(D(lambda r: r**2 / 2, b), 1), POS),
        "torch-smoothl1-huber": lambda: always(
            lambda b, r: close(b * (r - b / 2) / b, r - b / 2), [(mpf("0.5"), mpf("1.7")), (mpf(2), mpf("2.2"))]
        ),
        "torch-smoothl1-huber~offset": lambda: always(
            lambda b, r: close(b * (r - b / 2) / b, r - b**2 / 2), [(mpf("0.5"), mpf("1.7")), (mpf(2), mpf("2.2"))]
        ),
        "torch-huber-continuous": lambda: always(lambda d: close(d**2 / 2, d * (d - d / 2)), POS),
        "torch-huber-continuous~half": lambda: always(lambda d: close(d**2 / 2, d * d), POS),
        "spinup-sac-value": lambda: _sac_value(-1),
        "spinup-sac-value~sign": lambda: _sac_value(+1),
        "spinup-sac-entropy": lambda: all(close(entropy(p), dot(p, [-log(v) for v in p])) for p in DISTS),
        "spinup-sac-entropy~sign": lambda: all(close(entropy(p), dot(p, [log(v) for v in p])) for p in DISTS),
    }
)


# ---- a third batch: Evolution Strategies, contrastive learning, labml.ai, TRPO, beam search -------


def _bern_kl_second_order(sign):
    """KL[p_theta || p_{theta+d}] / d^2 for the Bernoulli family p_theta = sigmoid(theta) at a tiny d, against sign F/2."""
    out = []
    for theta in (mpf("0.3"), mpf("-1.4")):
        p, d = sigmoid(theta), mpf(10) ** -12
        fisher = p * (1 - p)  # E[(d/dtheta log p)^2] for the Bernoulli family in its logit
        ratio = kl([p, 1 - p], [sigmoid(theta + d), 1 - sigmoid(theta + d)]) / d**2
        out.append(close(ratio, sign * fisher / 2, mpf(10) ** -8))
    return all(out)


def _score_mean(value):
    """E[d/dtheta log p_theta(x)] under x ~ p_theta, for a Bernoulli and a categorical (softmax) family."""
    theta = mpf("0.7")
    bern = sum(
        pr * D(lambda t, x=x: log(sigmoid(t) if x else 1 - sigmoid(t)), theta)
        for x, pr in ((1, sigmoid(theta)), (0, 1 - sigmoid(theta)))
    )
    z = vec(["0.3", "-1.2", "2.0"])
    cat = sum(softmax(z)[k] * D(lambda t, k=k: log(softmax([t, z[1], z[2]])[k]), z[0]) for k in range(3))
    return close(bern, value) and close(cat, value)


_ES_B = matrix([[mp.cos(mpf("0.6")), mp.sin(mpf("0.6"))], [-mp.sin(mpf("0.6")), mp.cos(mpf("0.6"))]])
_ES_LAM = vec(["2.0", "0.5"])


def _es_d_power(power, stated):
    """D = diag(lambda_i): D^power against diag of the stated function of lambda_i."""
    return close(mp.diag([v**power for v in _ES_LAM]), mp.diag([stated(v) for v in _ES_LAM]))


def _es_c_inverse_sqrt(power):
    """C = B^T D^2 B: C^{-1/2} (from its eigen-decomposition, independently) against B^T D^power B."""
    C = _ES_B.T * mp.diag([v**2 for v in _ES_LAM]) * _ES_B
    E, Q = mp.eigsy(C)
    c_inv_sqrt = Q * mp.diag([1 / sqrt(E[i]) for i in range(2)]) * Q.T
    return close(c_inv_sqrt, _ES_B.T * mp.diag([v**power for v in _ES_LAM]) * _ES_B)


_ES_X, _ES_MU = vec(["0.4", "1.9", "-0.3", "2.2"]), mpf("0.8")


def _npair(one):
    sp, sn = mpf("1.3"), vec(["0.2", "-0.9", "1.7"])
    lhs = log((1 if one else 0) + sum(exp(v - sp) for v in sn))
    return close(lhs, -log(exp(sp) / (exp(sp) + sum(exp(v) for v in sn))))


def _mi_conditional(over_c):
    """sum p(x,c) log p(x|c)/p(x) (or /p(c)) against the mutual information, on a joint of x (3 values) and c (2)."""
    pxc = [[JOINT[c][x] for c in range(2)] for x in range(3)]
    px, pc = PY, PX
    val = sum(pxc[x][c] * log(pxc[x][c] / pc[c] / (pc[c] if over_c else px[x])) for x in range(3) for c in range(2))
    return close(MI, val)


_DDPM = [(mpf("0.02"), mpf("0.9"), mpf("1.3"), mpf("-0.4")), (mpf("0.3"), mpf("0.45"), mpf("-0.7"), mpf("1.2"))]


def _ddpm_mu_theta(lead):
    def one(beta, abar_prev, xt, eps):
        alpha = 1 - beta
        abar = alpha * abar_prev
        x0 = (xt - sqrt(1 - abar) * eps) / sqrt(abar)
        mu_tilde = sqrt(abar_prev) * beta / (1 - abar) * x0 + sqrt(alpha) * (1 - abar_prev) / (1 - abar) * xt
        return close(mu_tilde, (xt - beta / sqrt(1 - abar) * eps) / sqrt(lead(alpha, abar)))

    return always(one, _DDPM)


def _ddpm_two_steps(scaled):
    """Var(x_2 | x_0) by exact enumeration of Rademacher noises (mean 0, variance 1), against the stated sum."""

    def one(b1, b2):
        a1, a2 = 1 - b1, 1 - b2
        values = [sqrt(a2) * sqrt(b1) * e1 + sqrt(b2) * e2 for e1 in (-1, 1) for e2 in (-1, 1)]
        variance = sum(v**2 for v in values) / 4
        return close(variance, (a2 * b1 if scaled else b1) + b2) and close(variance, 1 - a1 * a2)

    return always(one, [(mpf("0.1"), mpf("0.2")), (mpf("0.02"), mpf("0.6"))])


def _noam(t, w, alpha=1, d=1):
    return alpha / sqrt(d) * min(1 / sqrt(t), t / w ** mpf("1.5"))


_TRPO_H, _TRPO_G = SPD, vec(["0.6", "-1.1"])


def _trpo_step(two):
    delta = mpf("0.01")
    hinv_g = inverse(_TRPO_H) * col(_TRPO_G)
    quad_form = scalar(col(_TRPO_G).T * hinv_g)
    step = sqrt((2 if two else 1) * delta / quad_form) * hinv_g
    return step, delta, quad_form


CHECKS.update(
    {
        "lil-es-kl-fisher": lambda: _bern_kl_second_order(-1),
        "lil-es-kl-fisher~fixed": lambda: _bern_kl_second_order(+1),
        "lil-es-score-mean": lambda: _score_mean(0),
        "lil-es-score-mean~one": lambda: _score_mean(1),
        "lil-es-d-inverse-sqrt": lambda: _es_d_power(mpf(-1) / 2, lambda v: 1 / v),
        "lil-es-d-inverse-sqrt~fixed": lambda: _es_d_power(-1, lambda v: 1 / v),
        "lil-es-c-inverse-sqrt": lambda: _es_c_inverse_sqrt(mpf(-1) / 2),
        "lil-es-c-inverse-sqrt~fixed": lambda: _es_c_inverse_sqrt(-1),
        "lil-es-cma-path": lambda: always(
            lambda a, lam: close(sqrt(1 - (1 - a) ** 2) * sqrt(lam), sqrt(a * (2 - a) * lam)),
            [(mpf("0.1"), mpf(6)), (mpf("0.7"), mpf(20))],
        ),
        "lil-es-cma-path~factor": lambda: always(
            lambda a, lam: close(sqrt(1 - (1 - a) ** 2) * sqrt(lam), sqrt(a * (1 - a) * lam)),
            [(mpf("0.1"), mpf(6)), (mpf("0.7"), mpf(20))],
        ),
        "lil-es-mean-update": lambda: close(
            _ES_MU + sum(x - _ES_MU for x in _ES_X) / len(_ES_X), sum(_ES_X) / len(_ES_X)
        ),
        "lil-es-mean-update~avg": lambda: close(_ES_MU + sum(x - _ES_MU for x in _ES_X), sum(_ES_X) / len(_ES_X)),
        "lil-contrastive-npair": lambda: _npair(True),
        "lil-contrastive-npair~one": lambda: _npair(False),
        "lil-contrastive-nce-sigmoid": lambda: always(
            lambda p, q: close(sigmoid(log(p) - log(q)), p / (p + q)), [(mpf("0.3"), mpf("0.05")), (mpf(2), mpf(7))]
        ),
        "lil-contrastive-nce-sigmoid~swap": lambda: always(
            lambda p, q: close(sigmoid(log(p) - log(q)), q / (p + q)), [(mpf("0.3"), mpf("0.05")), (mpf(2), mpf(7))]
        ),
        "lil-contrastive-mi": lambda: _mi_conditional(False),
        "lil-contrastive-mi~marginal": lambda: _mi_conditional(True),
        "labml-ddpm-mu-theta": lambda: _ddpm_mu_theta(lambda a, ab: a),
        "labml-ddpm-mu-theta~bar": lambda: _ddpm_mu_theta(lambda a, ab: ab),
        "labml-ddpm-two-steps": lambda: _ddpm_two_steps(True),
        "labml-ddpm-two-steps~drop": lambda: _ddpm_two_steps(False),
        "labml-noam-corner": lambda: always(
            lambda w: close(1 / sqrt(w), w / w ** mpf("1.5")) and close(_noam(w, w), 1 / sqrt(w)), POS
        ),
        "labml-noam-corner~power": lambda: always(lambda w: close(1 / sqrt(w), w / w ** mpf("0.5")), POS),
        "labml-noam-peak": lambda: close(
            max(_noam(t, mpf(4000), 2, 512) for t in range(3990, 4011)), 2 / sqrt(512 * 4000)
        ),
        "labml-noam-peak~sqrt": lambda: close(
            max(_noam(t, mpf(4000), 2, 512) for t in range(3990, 4011)), 2 / (512 * sqrt(4000))
        ),
        "labml-amsgrad-mean-slope": lambda: always(
            lambda x: close(sum(1010 * x if t % 101 == 1 else -10 * x for t in range(1, 102)) / 101, mpf(10) / 101 * x),
            REAL,
        ),
        "labml-amsgrad-mean-slope~sign": lambda: always(
            lambda x: close(
                sum(1010 * x if t % 101 == 1 else -10 * x for t in range(1, 102)) / 101, -mpf(10) / 101 * x
            ),
            REAL,
        ),
        "spinup-trpo-step-kl": lambda: (lambda s, d, _q: close(scalar(s.T * _TRPO_H * s) / 2, d))(*_trpo_step(True)),
        "spinup-trpo-step-kl~two": lambda: (lambda s, d, _q: close(scalar(s.T * _TRPO_H * s) / 2, d))(
            *_trpo_step(False)
        ),
        "spinup-trpo-gain": lambda: (lambda s, d, q: close(scalar(col(_TRPO_G).T * s), sqrt(2 * d * q)))(
            *_trpo_step(True)
        ),
        "spinup-trpo-gain~sqrt": lambda: (lambda s, d, q: close(scalar(col(_TRPO_G).T * s), sqrt(2 * d) * q))(
            *_trpo_step(True)
        ),
        "d2l-beam-greedy": lambda: rounds_to(mpf("0.5") * mpf("0.4") * mpf("0.4") * mpf("0.6"), "0.048"),
        "d2l-beam-greedy~value": lambda: rounds_to(mpf("0.5") * mpf("0.4") * mpf("0.4") * mpf("0.6"), "0.054"),
        "d2l-beam-better": lambda: rounds_to(mpf("0.5") * mpf("0.3") * mpf("0.6") * mpf("0.6"), "0.054"),
        "d2l-beam-better~value": lambda: rounds_to(mpf("0.5") * mpf("0.3") * mpf("0.6") * mpf("0.6"), "0.045"),
        "d2l-beam-count": lambda: 10000 * 10 == 10**5,
        "d2l-beam-count~value": lambda: 10000 * 10 == 10**4,
        "d2l-beam-exhaustive": lambda: 10000**10 == 10**40,
        "d2l-beam-exhaustive~value": lambda: 10000**10 == 10**14,
    }
)


# ---- a fourth batch: CosineAnnealingLR, Conv2d, RMSNorm, CosineSimilarity, d2l gradient descent -----


def _cos_closed(emin, emax, tcur, tmax):
    return emin + (emax - emin) * (1 + mp.cos(pi * tcur / tmax)) / 2


_CA = [(mpf("0.001"), mpf("0.1"), mpf(3), mpf(10)), (mpf("0.5"), mpf(2), mpf("7.5"), mpf(8))]


def _cos_recursion(plus):
    def one(emin, emax, tcur, tmax):
        ratio = (1 + mp.cos(pi * (tcur + 1) / tmax)) / (1 + (1 if plus else -1) * mp.cos(pi * tcur / tmax))
        nxt = emin + (_cos_closed(emin, emax, tcur, tmax) - emin) * ratio
        return close(nxt, _cos_closed(emin, emax, tcur + 1, tmax))

    return always(one, _CA)


def _cos_restart(half):
    def one(emin, emax, _tcur, tmax):
        rhs = emin + (emax - emin) * (1 - mp.cos(pi / tmax)) * (mpf(1) / 2 if half else 1)
        return close(_cos_closed(emin, emax, tmax + 1, tmax), rhs) and close(_cos_closed(emin, emax, tmax, tmax), emin)

    return always(one, _CA)


def _conv_out(n, p, k, s, drop_one=False):
    """PyTorch's H_out with dilation 1 (floor of a rational, exactly)."""
    return int(Fraction(n + 2 * p - (k - 1) - (0 if drop_one else 1), s) + 1) if n + 2 * p >= k else None


def _conv_vs_d2l(drop_one):
    return all(
        _conv_out(n, p, k, s, drop_one) == (n - k + 2 * p + s) // s
        for n in range(1, 12)
        for p in range(0, 3)
        for k in range(1, n + 2 * p + 1)
        for s in range(1, 4)
    )


_RMS_X = vec(["0.3", "-1.2", "2.5", "0.05", "-0.7"])
_CS_X1, _CS_X2 = vec(["0.3", "-1.2", "2.5"]), vec(["1.1", "0.4", "-0.6"])


def _rms(x):
    return sqrt(sum(v**2 for v in x) / len(x))


def _cosine_sim(a, b):
    return dot(a, b) / (norm(a) * norm(b))


_CX = [(mpf("0.7"), mpf("1.3")), (mpf("-2.1"), mpf("0.4")), (mpf("0.15") * pi, mpf("-3"))]

CHECKS.update(
    {
        "torch-cosine-recursion": lambda: _cos_recursion(True),
        "torch-cosine-recursion~sign": lambda: _cos_recursion(False),
        "torch-cosine-restart-step": lambda: _cos_restart(True),
        "torch-cosine-restart-step~half": lambda: _cos_restart(False),
        "torch-cosine-bottom": lambda: always(lambda a, b, _t, T: close(_cos_closed(a, b, T, T), a), _CA),
        "torch-cosine-bottom~max": lambda: always(lambda a, b, _t, T: close(_cos_closed(a, b, T, T), b), _CA),
        "torch-conv2d-vs-d2l": lambda: _conv_vs_d2l(False),
        "torch-conv2d-vs-d2l~off": lambda: _conv_vs_d2l(True),
        "torch-conv2d-same": lambda: _conv_out(32, 1, 3, 1) == 32,
        "torch-conv2d-same~value": lambda: _conv_out(32, 1, 3, 1) == 30,
        "torch-conv2d-stride2": lambda: _conv_out(224, 3, 7, 2) == 112,
        "torch-conv2d-stride2~value": lambda: _conv_out(224, 3, 7, 2) == 113,
        "torch-rmsnorm-unit": lambda: close(_rms([v / _rms(_RMS_X) for v in _RMS_X]), 1),
        "torch-rmsnorm-unit~n": lambda: close(_rms([v / _rms(_RMS_X) for v in _RMS_X]), sqrt(len(_RMS_X))),
        "torch-cosine-sim-scale": lambda: close(
            _cosine_sim(_CS_X1, [2 * v for v in _CS_X2]), _cosine_sim(_CS_X1, _CS_X2)
        ),
        "torch-cosine-sim-scale~double": lambda: close(
            _cosine_sim(_CS_X1, [2 * v for v in _CS_X2]), 2 * _cosine_sim(_CS_X1, _CS_X2)
        ),
        "torch-cosine-sim-self": lambda: close(_cosine_sim(_CS_X1, _CS_X1), 1),
        "torch-cosine-sim-self~norm": lambda: close(_cosine_sim(_CS_X1, _CS_X1), norm(_CS_X1)),
        "d2l-gd-taylor-exact": lambda: always(lambda x, e: close((x + e) ** 2 / 2, x**2 / 2 + e * x + e**2 / 2), _CX),
        "d2l-gd-taylor-exact~half": lambda: always(lambda x, e: close((x + e) ** 2 / 2, x**2 / 2 + e * x + e**2), _CX),
        "d2l-gd-cosh-hessian": lambda: always(
            lambda c, x: close(D(lambda t: mp.cosh(c * t), x, 2), c**2 * mp.cosh(c * x)), _CX
        ),
        "d2l-gd-cosh-hessian~power": lambda: always(
            lambda c, x: close(D(lambda t: mp.cosh(c * t), x, 2), c * mp.cosh(c * x)), _CX
        ),
        "d2l-gd-xcos-gradient": lambda: always(
            lambda c, x: close(D(lambda t: t * mp.cos(c * t), x), mp.cos(c * x) - c * x * mp.sin(c * x)), _CX
        ),
        "d2l-gd-xcos-gradient~sign": lambda: always(
            lambda c, x: close(D(lambda t: t * mp.cos(c * t), x), mp.cos(c * x) + c * x * mp.sin(c * x)), _CX
        ),
    }
)


# ---- more Lil'Log: the Transformer family, exploration, controllable generation, overfitting -------

_TF_Q = vec(["0.4", "-1.1", "0.8", "0.3"])
_TF_K = [vec(["1.0", "0.2", "-0.5", "0.7"]), vec(["-0.3", "0.9", "1.4", "0.1"]), vec(["0.6", "-0.8", "0.2", "-1.2"])]


def _tf_weights(scale_inside):
    """The softmax of the scaled scores q.k_j / sqrt(d_k) against the post's expression for a_ij."""
    dk = len(_TF_Q)
    scores = [dot(_TF_Q, k) for k in _TF_K]
    truth = softmax([v / sqrt(dk) for v in scores])
    if scale_inside:
        stated = [exp(v / sqrt(dk)) / sum(exp(u / sqrt(dk)) for u in scores) for v in scores]
    else:
        stated = [exp(v) / (sqrt(dk) * sum(exp(u) for u in scores)) for v in scores]
    return close(truth, stated)


def _pseudocount(one_minus_prime):
    def one(N, n):
        rho, rho2 = N / n, (N + 1) / (n + 1)
        stated = rho * (1 - (rho2 if one_minus_prime else rho)) / (rho2 - rho)
        return close(n * rho, N) and close(stated, N)

    return always(one, [(mpf(3), mpf(10)), (mpf(1), mpf(1000)), (mpf("2.5"), mpf(7))])


_O = vec(["1.5", "-0.3", "0.8", "2.2"])


def _temperature(times):
    out = []
    for T in (mpf("0.5"), mpf(3)):
        p = softmax([v / T for v in _O])
        stated = softmax([v * T for v in _O]) if times else softmax([v / T for v in _O])
        ratios = [a / b for a, b in zip(p, stated)]
        out.append(all(close(r, ratios[0]) for r in ratios))  # proportional: one positive factor for all i
    return all(out)


_F_VALS = vec(["2.0", "-1.0", "0.5"])


def _importance(inverted):
    out = []
    for p, q in itertools.permutations(DISTS, 2):
        w = [(b / a if inverted else a / b) for a, b in zip(p, q)]
        out.append(close(dot(p, _F_VALS), sum(qi * wi * f for qi, wi, f in zip(q, w, _F_VALS))))
    return all(out)


def _density_ratio(inverted_prior):
    """A joint q(x, y) over three x and y in {0, 1}: the class-conditional ratio by Bayes' rule."""
    joint = {0: vec(["0.10", "0.25", "0.05"]), 1: vec(["0.30", "0.05", "0.25"])}  # q(x, y) by y
    qy = {y: sum(joint[y]) for y in (0, 1)}
    out = []
    for x in range(3):
        qx = joint[0][x] + joint[1][x]
        lhs = (joint[1][x] / qy[1]) / (joint[0][x] / qy[0])
        prior = qy[1] / qy[0] if inverted_prior else qy[0] / qy[1]
        out.append(close(lhs, prior * (joint[1][x] / qx) / (joint[0][x] / qx)))
    return all(out)


_OV_X = vec(["0.5", "-1.2", "2.0"])
_OV_W = mat([[0.3, -0.7, 1.1, 0.2], [0.8, 0.4, -0.5, 1.3], [-0.6, 0.9, 0.1, -0.2]])
_OV_B, _OV_V = vec(["0.1", "-0.4", "0.6", "1.5"]), vec(["1.2", "-0.8", "0.5", "2.0"])


def _relu_sum(with_max):
    pre = [sum(_OV_X[r] * _OV_W[r, i] for r in range(3)) - _OV_B[i] for i in range(4)]
    network = sum(v * max(mpf(0), h) for v, h in zip(_OV_V, pre))
    stated = sum(v * (max(mpf(0), h) if with_max else h) for v, h in zip(_OV_V, pre))
    return close(network, stated)


CHECKS.update(
    {
        "lil-tf-scaled-softmax": lambda: _tf_weights(False),
        "lil-tf-scaled-softmax~fixed": lambda: _tf_weights(True),
        "lil-explore-pseudocount": lambda: _pseudocount(True),
        "lil-explore-pseudocount~factor": lambda: _pseudocount(False),
        "lil-ctrl-temperature": lambda: _temperature(False),
        "lil-ctrl-temperature~times": lambda: _temperature(True),
        "lil-ctrl-importance": lambda: _importance(False),
        "lil-ctrl-importance~inverted": lambda: _importance(True),
        "lil-ctrl-density-ratio": lambda: _density_ratio(False),
        "lil-ctrl-density-ratio~prior": lambda: _density_ratio(True),
        "lil-overfit-relu-sum": lambda: _relu_sum(True),
        "lil-overfit-relu-sum~nomax": lambda: _relu_sum(False),
    }
)


# ---- formulas quoted word for word (quotes.toml) -------------------------------------------------


def _gan_js_value(sign):
    """L(G, D*) with D* = p_r / (p_r + p_g), against 2 JS(p_r, p_g) + sign 2 log 2, over pairs of distributions."""
    out = []
    for pr, pg in itertools.permutations(DISTS, 2):
        value = sum(a * log(a / (a + b)) + b * log(b / (a + b)) for a, b in zip(pr, pg))
        m = [(a + b) / 2 for a, b in zip(pr, pg)]
        js = (kl(pr, m) + kl(pg, m)) / 2
        out.append(close(value, 2 * js + sign * 2 * log(2)))
    return all(out)


def _mi_over(denominator):
    """sum p(x,y) log p(x|y)/p(x) (or /p(y)) against the mutual information, x in 2 values and y in 3."""
    val = sum(
        JOINT[i][j] * log(JOINT[i][j] / PY[j] / (PX[i] if denominator == "x" else PY[j]))
        for i in range(2)
        for j in range(3)
    )
    return close(MI, val)


def _inverse_derivative(reciprocal):
    """f(x) = x^3 + x: the derivative of its inverse at y = f(x), by finite differences of a root finder."""

    def f(t):
        return t**3 + t

    def f_inv(y):
        return mp.findroot(lambda t: f(t) - y, 0)

    out = []
    for x in (mpf("0.4"), mpf("-1.3"), mpf("2")):
        lhs = D(f_inv, f(x))
        out.append(close(lhs, 1 / D(f, x) if reciprocal else D(f, x), mpf(10) ** -15))
    return all(out)


def _onehot_ce(weighted):
    p, o = softmax(Z3), 1  # the observed word is index 1
    y = [1 if i == o else 0 for i in range(3)]
    lhs = -sum(yi * log(pk) for yi, pk in zip(y, p))
    rhs = -log(p[o]) if weighted else -sum(log(pk) for pk in p)
    return close(lhs, rhs)


_NLL_X = [vec(["0.5", "1.2"]), vec(["-1.0", "0.3"]), vec(["2.0", "-0.7"])]
_NLL_Y, _NLL_W, _NLL_B = vec(["1.1", "-0.4", "0.9"]), vec(["0.8", "-0.3"]), mpf("0.2")


def _nll_sum(square):
    out = []
    for sigma in (mpf("0.6"), mpf("1.7")):
        res = [y - dot(_NLL_W, x) - _NLL_B for x, y in zip(_NLL_X, _NLL_Y)]
        nll = -sum(log(exp(-(r**2) / (2 * sigma**2)) / sqrt(2 * pi * sigma**2)) for r in res)
        stated = sum(log(2 * pi * sigma**2) / 2 + r**2 / (2 * (sigma**2 if square else sigma)) for r in res)
        out.append(close(nll, stated))
    return all(out)


def _second_difference(denominator):
    """f'' against the second difference at a tiny epsilon, for convex f; and f'' >= 0."""
    eps = mpf(10) ** -10
    out = []
    for f in (lambda t: log(1 + exp(t)), exp, lambda t: t**4):
        for x in (mpf("0.3"), mpf("-1.2")):
            second = D(f, x, 2)
            diff2 = (f(x + eps) + f(x - eps) - 2 * f(x)) / (denominator * eps**2)
            out.append(close(second, diff2, mpf(10) ** -8) and second >= 0)
    return all(out)


def _ddpm_x0(sign):
    def one(abar, x0, e):
        xt = sqrt(abar) * x0 + sqrt(1 - abar) * e
        return close(x0, (xt + sign * sqrt(1 - abar) * e) / sqrt(abar))

    return always(one, [(mpf("0.9"), mpf("1.3"), mpf("-0.4")), (mpf("0.05"), mpf("-0.7"), mpf("1.2"))])


CHECKS.update(
    {
        "lil-gan-js-value": lambda: _gan_js_value(-1),
        "lil-gan-js-value~sign": lambda: _gan_js_value(+1),
        "lil-info-mi-conditional": lambda: _mi_over("x"),
        "lil-info-mi-conditional~marginal": lambda: _mi_over("y"),
        "lil-flow-inverse-derivative": lambda: _inverse_derivative(True),
        "lil-flow-inverse-derivative~power": lambda: _inverse_derivative(False),
        "lil-w2v-onehot-ce": lambda: _onehot_ce(True),
        "lil-w2v-onehot-ce~sum": lambda: _onehot_ce(False),
        "d2l-linreg-nll-sum": lambda: _nll_sum(True),
        "d2l-linreg-nll-sum~variance": lambda: _nll_sum(False),
        "d2l-convex-second-difference": lambda: _second_difference(1),
        "d2l-convex-second-difference~half": lambda: _second_difference(2),
        "labml-ddpm-x0": lambda: _ddpm_x0(-1),
        "labml-ddpm-x0~sign": lambda: _ddpm_x0(+1),
    }
)


# ---- a held-out fifth batch: torchmetrics, scikit-learn, optax, UDL notebooks, HF courses and blog ----

_COUNTS = [(2, 1, 3, 7), (0, 4, 1, 5), (5, 2, 2, 1)]  # (S, D, I, C): substitutions, deletions, insertions, correct


def _rates(f):
    return always(lambda S, D, I, C: f(*(mpf(v) for v in (S, D, I, C))), _COUNTS)


_CNP = [(mpf(3), mpf(5), mpf(4)), (mpf(2), mpf(7), mpf(3)), (mpf(6), mpf(9), mpf(8))]  # (C, N, P)


def _npv(denominator_fp):
    """Negative predictive value from labelled examples: the share of true negatives among the predicted negatives."""
    pairs = [(0, 0)] * 5 + [(1, 0)] * 2 + [(0, 1)] * 3 + [(1, 1)] * 4  # (actual, predicted)
    predicted_negative = [a for a, p in pairs if p == 0]
    truth = Fraction(predicted_negative.count(0), len(predicted_negative))
    tn = sum(1 for a, p in pairs if a == 0 and p == 0)
    fp = sum(1 for a, p in pairs if a == 0 and p == 1)
    fn = sum(1 for a, p in pairs if a == 1 and p == 0)
    return truth == Fraction(tn, tn + (fp if denominator_fp else fn))


_U5_X = [mpf("0.7"), mpf("-1.2"), mpf("2.5"), mpf("0.3")]
_YS = [mpf("-0.4"), mpf("1.1"), mpf("0.9"), mpf("-2.0")]


def _pnorm(d, p):
    return sum(abs(v) ** p for v in d) ** (1 / mpf(p))


def _jsd(P, Q):
    M = [(a + b) / 2 for a, b in zip(P, Q)]
    return kl(P, M) / 2 + kl(Q, M) / 2


_JS_P = [mpf("0.2"), mpf("0.5"), mpf("0.3")]
_JS_Q = [mpf("0.6"), mpf("0.1"), mpf("0.3")]
_JS_M = [(a + b) / 2 for a, b in zip(_JS_P, _JS_Q)]
_IPT = [(mpf(3), mpf(7), mpf(5)), (mpf("0.5"), mpf(2), mpf("4.5"))]  # (I, P, T)
_TFF = [(mpf(5), mpf(2), mpf(3)), (mpf(1), mpf(4), mpf("0.5"))]  # (TP, FP, FN)


def _f1(tp, fp, fn, beta=1):
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


_WARD_S = [(mpf("0.1"), mpf("0.4")), (mpf("0.9"), mpf("-0.2"))]
_WARD_T = [(mpf("2.0"), mpf("1.5")), (mpf("2.6"), mpf("0.7")), (mpf("1.8"), mpf("1.1"))]
_WARD_V = [(mpf("-1.5"), mpf("2.2")), (mpf("-0.7"), mpf("3.1")), (mpf("-1.1"), mpf("1.9")), (mpf("0.2"), mpf("2.8"))]


def _ward(a, b):
    """The Ward distance: sqrt(2 |a||b|/(|a|+|b|)) times the distance between the centroids."""
    ca = [sum(p[k] for p in a) / len(a) for k in range(2)]
    cb = [sum(p[k] for p in b) / len(b) for k in range(2)]
    return sqrt(2 * len(a) * len(b) / mpf(len(a) + len(b))) * sqrt(sum((x - y) ** 2 for x, y in zip(ca, cb)))


def _ward_update(sign):
    s, t, v = _WARD_S, _WARD_T, _WARD_V
    T = len(v) + len(s) + len(t)
    stated = sqrt(
        ((len(v) + len(s)) * _ward(v, s) ** 2 + (len(v) + len(t)) * _ward(v, t) ** 2 + sign * len(v) * _ward(s, t) ** 2)
        / T
    )
    return close(_ward(s + t, v), stated)


_LATLON = [(mpf("0.3"), mpf("-0.8"), mpf("1.2"), mpf("-0.4")), (mpf("1.1"), mpf("0.9"), mpf("-2.5"), mpf("2.0"))]


def _haversine(half):
    def one(a, b, c, d):
        h = 2 if half else 1
        inside = mp.sin((a - b) / h) ** 2 + mp.cos(a) * mp.cos(b) * mp.sin((c - d) / h) ** 2
        if inside > 1:  # no real arcsine: the left side has no value where the right one has
            return False
        return close(2 * mp.asin(sqrt(inside)), mp.acos(mp.sin(a) * mp.sin(b) + mp.cos(a) * mp.cos(b) * mp.cos(c - d)))

    return always(one, _LATLON)


_SCHED = [(mpf("0.1"), mpf("0.001"), mpf(100), mpf(400), mpf(2)), (mpf(-1), mpf(3), mpf(5), mpf(7), mpf("0.5"))]


def _poly(I, E, B, T, P, t, sign=-1):
    return (I - E) * (1 + sign * (t - B) / T) ** P + E


def _linear(I, E, B, T, t, flipped=False):
    return I + (t - B) / T * ((I - E) if flipped else (E - I))


_COS = [(mpf("0.1"), mpf("0.2"), mpf(1000), mpf(1)), (mpf(3), mpf("0.05"), mpf(7), mpf("2.5"))]  # (I, alpha, T, p)


def _cosine_decay(I, alpha, T, p, t):
    return alpha * I + (1 - alpha) * I * ((1 + mp.cos(pi * t / T)) / 2) ** p


_BETA = [mpf("0.3"), mpf("-0.2")]
_OMEGA = mat([[mpf("0.5"), mpf("-1.1"), mpf("0.7")], [mpf("1.3"), mpf("0.4"), mpf("-0.6")]])
_X3 = col([mpf("0.9"), mpf("-0.3"), mpf("1.7")])


def _udl_matrix(swapped):
    y = col(_BETA) + _OMEGA * _X3
    w = _OMEGA.copy()
    if swapped:
        w[0, 1], w[1, 0] = _OMEGA[1, 0], _OMEGA[0, 1]
    stated = [_BETA[r] + sum(w[r, c] * _X3[c] for c in range(3)) for r in range(2)]
    return close([y[0], y[1]], stated)


def _regions(with_jfact):
    for D_ in range(1, 7):
        for Di in range(0, D_ + 1):
            left = sum(comb(D_, j) for j in range(Di + 1))
            right = sum(
                Fraction(factorial(D_), factorial(D_ - j) * (factorial(j) if with_jfact else 1)) for j in range(Di + 1)
            )
            if left != right:
                return False
    return True


_TOY = [
    (
        mpf("0.3"),
        mpf("1.1"),
        mpf("-0.4"),
        mpf("0.8"),
        mpf("0.2"),
        mpf("-0.9"),
        mpf("0.5"),
        mpf("1.4"),
        mpf("0.7"),
        mpf("0.25"),
    ),
    (
        mpf("-1.0"),
        mpf("0.6"),
        mpf("0.9"),
        mpf("-0.5"),
        mpf("1.3"),
        mpf("0.4"),
        mpf("-0.2"),
        mpf("0.9"),
        mpf("-1.1"),
        mpf("2.0"),
    ),
]  # (beta0, omega0, beta1, omega1, beta2, omega2, beta3, omega3, x, y)


def _toy_domega0(sign, with_x):
    def one(b0, w0, b1, w1, b2, w2, b3, w3, x, y):
        def loss(t):
            return (b3 + w3 * mp.cos(b2 + w2 * exp(b1 + w1 * mp.sin(b0 + t * x))) - y) ** 2

        inner = b1 + w1 * mp.sin(b0 + w0 * x)
        stated = (
            sign
            * 2
            * (b3 + w3 * mp.cos(b2 + w2 * exp(inner)) - y)
            * w1
            * w2
            * w3
            * (x if with_x else 1)
            * mp.cos(b0 + w0 * x)
            * exp(inner)
            * mp.sin(b2 + w2 * exp(inner))
        )
        return close(D(loss, w0), stated)

    return always(one, _TOY)


_HBW = [
    (mpf("0.4"), mpf("-0.3"), mpf("1.2"), mpf("0.5")),
    (mpf("-1.7"), mpf("0.8"), mpf("-0.6"), mpf("2.2")),
]  # (h, b3, w3, y)


def _phi_moments(with_square):
    """x* = eps sigma + mu with eps = +-1 (mean 0, variance 1): its variance against sigma^2 = exp(phi)^2."""

    def one(phi):
        scale = exp(phi) ** 2 if with_square else exp(phi)
        values = [e * scale + phi**3 for e in (-1, 1)]
        m = sum(values) / 2
        return close(m, phi**3) and close(sum((v - m) ** 2 for v in values) / 2, exp(phi) ** 2)

    return always(one, [(mpf("0.4"),), (mpf("-0.7"),)])


def _normal(x, m, s):
    return exp(-((x - m) ** 2) / (2 * s**2)) / sqrt(2 * pi * s**2)


def _score_function(with_log):
    """d/dphi E[x^2 + sin x] under Norm(phi^3, exp(phi)^2) against the expectation of f times d/dphi log Pr."""

    def mean_f(phi):
        m, s = phi**3, exp(phi)
        return m**2 + s**2 + mp.sin(m) * exp(-(s**2) / 2)

    def one(phi):
        m, s = phi**3, exp(phi)

        def dlog(x):
            return -1 + 3 * phi**2 * (x - m) / s**2 + (x - m) ** 2 / s**2

        def weight(x):
            return dlog(x) if with_log else _normal(x, m, s) * dlog(x)

        right = quad(lambda x: (x**2 + mp.sin(x)) * weight(x) * _normal(x, m, s), [-inf, m, inf])
        return close(D(mean_f, phi), right, mpf(10) ** -15)

    return always(one, [(mpf("0.3"),), (mpf("-0.5"),)])


def _density_total(with_sqrt):
    def one(m, s):
        c = sqrt(2 * pi * s**2) if with_sqrt else 2 * pi * s**2
        return close(quad(lambda x: exp(-((x - m) ** 2) / (2 * s**2)) / c, [-inf, m, inf]), 1, mpf(10) ** -15)

    return always(one, [(mpf("0.2"), mpf("0.5")), (mpf(-1), mpf("1.3"))])


def _udl_importance(right_way):
    def f(y):
        return exp(-((y - 3) ** 4))

    def p(y):
        return _normal(y, 0, 1)

    def q(y):
        return _normal(y, 3, 1)

    left = quad(lambda y: f(y) * p(y), [-inf, 0, 3, inf])
    weight = (lambda y: p(y) / q(y)) if right_way else (lambda y: q(y) / p(y))
    return close(left, quad(lambda y: f(y) * weight(y) * q(y), [-inf, 0, 3, inf]), mpf(10) ** -15)


_QU = [
    (mpf("0.4"), mpf("2.0"), mpf("1.0"), mpf("0.9"), mpf("0.1")),
    (mpf("-1.3"), mpf("0.5"), mpf("-0.2"), mpf("0.99"), mpf("0.5")),
]


def _elo_expected(ra, rb):
    return 1 / (1 + mpf(10) ** ((rb - ra) / 400))


_ELO_PTS = [(mpf(2600), mpf(2300)), (mpf(1500), mpf(1720))]
_POSF = [(lambda x: x**2 + 1), (lambda x: exp(mp.sin(x)) + 2)]


def _log_derivative(inverted):
    def one(x):
        for f in _POSF:
            stated = f(x) / D(f, x) if inverted else D(f, x) / f(x)
            if not close(D(lambda t: log(f(t)), x), stated):
                return False
        return True

    return always(one, [(mpf("0.3"),), (mpf("-1.2"),)])


def _ratio_trick(power):
    def one(theta):
        P, dP = sigmoid(theta), D(sigmoid, theta)
        return close(P / P * dP, P**power * dP / P)

    return always(one, [(mpf("0.3"),), (mpf("-1.2"),)])


_AB = [(mpf("0.9"), mpf("0.5")), (mpf("0.3"), mpf("0.02"))]  # (alpha_t, bar alpha_{t-1})


def _diffusion_mean(with_sqrt):
    def one(a, abar_prev, x0, e):
        abar, beta = a * abar_prev, 1 - a
        xt = sqrt(abar) * x0 + sqrt(1 - abar) * e
        c = sqrt(1 - abar) if with_sqrt else 1 - abar
        left = (xt - beta / c * e) / sqrt(a)
        right = sqrt(abar_prev) * beta / (1 - abar) * x0 + sqrt(a) * (1 - abar_prev) / (1 - abar) * xt
        return close(left, right)

    return always(one, [(*ab, mpf("1.3"), mpf("-0.4")) for ab in _AB])


def _two_steps(stated):
    def one(b1, b2):
        coefficients = (sqrt(1 - b2) * sqrt(b1), sqrt(b2))
        values = [coefficients[0] * e1 + coefficients[1] * e2 for e1 in (-1, 1) for e2 in (-1, 1)]
        variance = sum(v**2 for v in values) / 4  # mean 0
        return close(variance, stated(b1, b2))

    return always(one, [(mpf("0.1"), mpf("0.3")), (mpf("0.02"), mpf("0.5"))])


def _diffusion_loss(with_sqrt):
    def eps_theta(x, t):
        return tanh(x) + t

    def one(abar, x0, e, t):
        xt = sqrt(abar) * x0 + sqrt(1 - abar) * e
        c = sqrt(1 - abar) if with_sqrt else 1 - abar
        return close((e - eps_theta(xt, t)) ** 2, (e - eps_theta(sqrt(abar) * x0 + c * e, t)) ** 2)

    return always(one, [(mpf("0.3"), mpf("1.2"), mpf("-0.7"), mpf(5)), (mpf("0.8"), mpf("-0.4"), mpf("1.5"), mpf(1))])


def _poly_features(shift):
    def one(x, t0, t1, t2):
        feats = [x ** (k + shift) for k in range(3)]
        return close(t0 + t1 * x + t2 * x**2, sum(f * t for f, t in zip(feats, (t0, t1, t2))))

    return always(one, [(mpf("1.3"), mpf("0.5"), mpf("-2"), mpf("0.7")), (mpf("-0.6"), mpf("1"), mpf("0.4"), mpf("3"))])


_DPL = [(mpf("0.7"), mpf("2.5"), mpf("1.3")), (mpf("3.1"), mpf("0.9"), mpf("0.4"))]  # (d, p, l)


def _expsine(d, p, l):
    return exp(-2 * mp.sin(pi * d / p) ** 2 / l**2)


CHECKS.update(
    {
        "tm-wer-chain": lambda: _rates(
            lambda S, D_, I, C: close((S + D_ + I) / (S + D_ + C), (S + D_ + I) / (S + D_ + C))
        ),
        "tm-wer-chain~mer": lambda: _rates(
            lambda S, D_, I, C: close((S + D_ + I) / (S + D_ + C), (S + D_ + I) / (S + D_ + C + I))
        ),
        "tm-mer-chain": lambda: _rates(
            lambda S, D_, I, C: close((S + D_ + I) / ((S + D_ + C) + I), (S + D_ + I) / (S + D_ + C + I))
        ),
        "tm-mer-chain~noI": lambda: _rates(
            lambda S, D_, I, C: close((S + D_ + I) / ((S + D_ + C) + I), (S + D_ + I) / (S + D_ + C))
        ),
        "tm-cer-chain": lambda: _rates(
            lambda S, D_, I, C: close((S + D_ + I) / (S + D_ + C), (S + D_ + I) / (S + D_ + C))
        ),
        "tm-cer-chain~C": lambda: _rates(
            lambda S, D_, I, C: close((S + D_ + I) / (S + D_ + C), (S + D_ + I) / (S + D_ + 2 * C))
        ),
        "tm-wil-vs-wip": lambda: always(lambda C, N, P: close(1 - C / N + C / P, 1 - (C / N) * (C / P)), _CNP),
        "tm-wil-vs-wip~product": lambda: always(lambda C, N, P: close(1 - (C / N) * (C / P), 1 - C**2 / (N * P)), _CNP),
        "tm-wip-fraction": lambda: always(lambda C, N, P: close(1 - (C / N) * (C / P), (N * P - C**2) / (N * P)), _CNP),
        "tm-wip-fraction~square": lambda: always(
            lambda C, N, P: close(1 - (C / N) * (C / P), (N * P - C) / (N * P)), _CNP
        ),
        "tm-npv-functional": lambda: _npv(True),
        "tm-npv-class": lambda: _npv(False),
        "tm-cosine-chain": lambda: close(
            dot(_U5_X, _YS) / (norm(_U5_X) * norm(_YS)),
            dot(_U5_X, _YS) / (sqrt(sum(v**2 for v in _U5_X)) * sqrt(sum(v**2 for v in _YS))),
        ),
        "tm-cosine-chain~sqrt": lambda: close(
            dot(_U5_X, _YS) / (norm(_U5_X) * norm(_YS)),
            dot(_U5_X, _YS) / (sqrt(sum(v**2 for v in _U5_X)) * sum(v**2 for v in _YS)),
        ),
        "tm-euclidean-chain": lambda: close(
            norm([a - b for a, b in zip(_U5_X, _YS)]), sqrt(sum((a - b) ** 2 for a, b in zip(_U5_X, _YS)))
        ),
        "tm-euclidean-chain~sqrt": lambda: close(
            norm([a - b for a, b in zip(_U5_X, _YS)]), sum((a - b) ** 2 for a, b in zip(_U5_X, _YS))
        ),
        "tm-manhattan-chain": lambda: close(
            _pnorm([a - b for a, b in zip(_U5_X, _YS)], 1), sum(abs(a - b) for a, b in zip(_U5_X, _YS))
        ),
        "tm-manhattan-chain~abs": lambda: close(
            _pnorm([a - b for a, b in zip(_U5_X, _YS)], 1), sum(a - b for a, b in zip(_U5_X, _YS))
        ),
        "tm-minkowski-pairwise": lambda: all(
            close(
                _pnorm([a - b for a, b in zip(_U5_X, _YS)], p),
                mp.root(sum((a - b) ** p for a, b in zip(_U5_X, _YS)), p),
            )
            for p in (3,)
        ),
        "tm-minkowski-pairwise~abs": lambda: all(
            close(
                _pnorm([a - b for a, b in zip(_U5_X, _YS)], p),
                mp.root(sum(abs(a - b) ** p for a, b in zip(_U5_X, _YS)), p),
            )
            for p in (2, 3, 5)
        ),
        "tm-minkowski-regression": lambda: all(
            close(
                sum((abs(a - b) ** p) ** (1 / mpf(p)) for a, b in zip(_U5_X, _YS)),
                _pnorm([a - b for a, b in zip(_U5_X, _YS)], p),
            )
            for p in (2, 3)
        ),
        "tm-minkowski-regression~p1": lambda: all(
            close(
                sum((abs(a - b) ** p) ** (1 / mpf(p)) for a, b in zip(_U5_X, _YS)),
                sum(abs(a - b) for a, b in zip(_U5_X, _YS)),
            )
            for p in (mpf("1.5"), 2, 3)
        ),
        "tm-js-symmetric": lambda: close(_jsd(_JS_P, _JS_Q), _jsd(_JS_Q, _JS_P)),
        "tm-js-symmetric~kl": lambda: close(kl(_JS_P, _JS_Q), kl(_JS_Q, _JS_P)),
        "tm-js-definition": lambda: close(
            kl(_JS_P, _JS_M) / 2 + kl(_JS_Q, _JS_M) / 2, entropy(_JS_M) - (entropy(_JS_P) + entropy(_JS_Q)) / 2
        ),
        "tm-js-definition~half": lambda: close(
            kl(_JS_P, _JS_M) + kl(_JS_Q, _JS_M), entropy(_JS_M) - (entropy(_JS_P) + entropy(_JS_Q)) / 2
        ),
        "tm-tversky-dice": lambda: always(
            lambda I, P, T: close(I / (I + (P - I) / 2 + (T - I) / 2), 2 * I / (P + T)), _IPT
        ),
        "tm-tversky-dice~two": lambda: always(
            lambda I, P, T: close(I / (I + (P - I) / 2 + (T - I) / 2), I / (P + T)), _IPT
        ),
        "sk-f1-counts": lambda: always(lambda tp, fp, fn: close(_f1(tp, fp, fn), 2 * tp / (2 * tp + fp + fn)), _TFF),
        "sk-f1-counts~2": lambda: always(lambda tp, fp, fn: close(_f1(tp, fp, fn), 2 * tp / (tp + fp + fn)), _TFF),
        "sk-fbeta-counts": lambda: all(
            always(
                lambda tp, fp, fn: close(_f1(tp, fp, fn, b), (1 + b**2) * tp / ((1 + b**2) * tp + fp + b**2 * fn)), _TFF
            )
            for b in (mpf("0.5"), mpf(2))
        ),
        "sk-fbeta-counts~swap": lambda: all(
            always(
                lambda tp, fp, fn: close(_f1(tp, fp, fn, b), (1 + b**2) * tp / ((1 + b**2) * tp + b**2 * fp + fn)), _TFF
            )
            for b in (mpf("0.5"), mpf(2))
        ),
        "sk-ward-update": lambda: _ward_update(-1),
        "sk-ward-update~sign": lambda: _ward_update(+1),
        "sk-haversine-cosines": lambda: _haversine(True),
        "sk-haversine-cosines~half": lambda: _haversine(False),
        "sk-expsine-period": lambda: always(lambda d, p, l: close(_expsine(d + p, p, l), _expsine(d, p, l)), _DPL),
        "sk-expsine-period~half": lambda: always(
            lambda d, p, l: close(_expsine(d + p / 2, p, l), _expsine(d, p, l)), _DPL
        ),
        "sk-rq-alpha-one": lambda: always(
            lambda d, _p, l: close((1 + d**2 / (2 * l**2)) ** -1, 2 * l**2 / (2 * l**2 + d**2)), _DPL
        ),
        "sk-rq-alpha-one~two": lambda: always(
            lambda d, _p, l: close((1 + d**2 / (2 * l**2)) ** -1, 2 * l**2 / (l**2 + d**2)), _DPL
        ),
        "tm-kappa-form": lambda: always(
            lambda po, pe: close((po - pe) / (1 - pe), 1 - (1 - po) / (1 - pe)),
            [(mpf("0.8"), mpf("0.5")), (mpf("0.3"), mpf("0.6"))],
        ),
        "tm-kappa-form~swap": lambda: always(
            lambda po, pe: close((po - pe) / (1 - pe), 1 - (1 - pe) / (1 - po)),
            [(mpf("0.8"), mpf("0.5")), (mpf("0.3"), mpf("0.6"))],
        ),
        "tm-r2-adjusted-k0": lambda: always(
            lambda r2, n: close(1 - (1 - r2) * (n - 1) / (n - 0 - 1), r2),
            [(mpf("0.64"), mpf(10)), (mpf("-0.2"), mpf(3))],
        ),
        "tm-r2-adjusted-k0~n": lambda: always(
            lambda r2, n: close(1 - (1 - r2) * (n - 1) / (n - 2), r2), [(mpf("0.64"), mpf(10)), (mpf("-0.2"), mpf(3))]
        ),
        "tm-logcosh-identity": lambda: always(
            lambda y, h: close(log((exp(h - y) + exp(y - h)) / 2), log(mp.cosh(h - y))), _UV
        ),
        "tm-logcosh-identity~half": lambda: always(
            lambda y, h: close(log(exp(h - y) + exp(y - h)), log(mp.cosh(h - y))), _UV
        ),
        "optax-poly-start": lambda: always(lambda I, E, B, T, P: close(_poly(I, E, B, T, P, B), I), _SCHED),
        "optax-poly-start~end": lambda: always(lambda I, E, B, T, P: close(_poly(I, E, B, T, P, B), E), _SCHED),
        "optax-poly-end": lambda: always(lambda I, E, B, T, P: close(_poly(I, E, B, T, P, B + T), E), _SCHED),
        "optax-poly-end~plus": lambda: always(lambda I, E, B, T, P: close(_poly(I, E, B, T, P, B + T, +1), E), _SCHED),
        "optax-linear-end": lambda: always(lambda I, E, B, T, _P: close(_linear(I, E, B, T, B + T), E), _SCHED),
        "optax-linear-end~sign": lambda: always(
            lambda I, E, B, T, _P: close(_linear(I, E, B, T, B + T, True), E), _SCHED
        ),
        "optax-linear-half": lambda: always(
            lambda I, E, B, T, _P: close(_linear(I, E, B, T, B + T / 2), (I + E) / 2), _SCHED
        ),
        "optax-linear-half~quarter": lambda: always(
            lambda I, E, B, T, _P: close(_linear(I, E, B, T, B + T / 2), (3 * I + E) / 4), _SCHED
        ),
        "optax-cosine-end": lambda: always(lambda I, a, T, p: close(_cosine_decay(I, a, T, p, T), a * I), _COS),
        "optax-cosine-end~zero": lambda: always(lambda I, a, T, p: close(_cosine_decay(I, a, T, p, T), 0), _COS),
        "optax-cosine-start": lambda: always(lambda I, a, T, p: close(_cosine_decay(I, a, T, p, 0), I), _COS),
        "optax-cosine-start~alpha": lambda: always(lambda I, a, T, p: close(_cosine_decay(I, a, T, p, 0), a * I), _COS),
        "udl-linear-matrix": lambda: _udl_matrix(False),
        "udl-linear-matrix~swap": lambda: _udl_matrix(True),
        "udl-regions-binomial": lambda: _regions(True),
        "udl-regions-binomial~jfact": lambda: _regions(False),
        "udl-dcos": lambda: identity(lambda z: D(mp.cos, z), lambda z: -mp.sin(z)),
        "udl-dcos~sign": lambda: identity(lambda z: D(mp.cos, z), lambda z: mp.sin(z)),
        "udl-dexp": lambda: identity(lambda z: D(exp, z), lambda z: exp(z)),
        "udl-dexp~z": lambda: identity(lambda z: D(exp, z), lambda z: z * exp(z - 1)),
        "udl-dsin": lambda: identity(lambda z: D(mp.sin, z), lambda z: mp.cos(z)),
        "udl-dsin~sign": lambda: identity(lambda z: D(mp.sin, z), lambda z: -mp.cos(z)),
        "udl-dloss-domega0": lambda: _toy_domega0(-1, True),
        "udl-dloss-domega0~sign": lambda: _toy_domega0(+1, True),
        "udl-dloss-domega0~x": lambda: _toy_domega0(-1, False),
        "udl-dloss-df3": lambda: always(lambda f, y: close(D(lambda t: (t - y) ** 2, f), 2 * (f - y)), _UV),
        "udl-dloss-df3~half": lambda: always(lambda f, y: close(D(lambda t: (t - y) ** 2, f), f - y), _UV),
        "udl-dh3-chain": lambda: always(
            lambda h, b, w, y: close(D(lambda t: (b + w * t - y) ** 2, h), 2 * w * (b + w * h - y)), _HBW
        ),
        "udl-dh3-chain~omega": lambda: always(
            lambda h, b, w, y: close(D(lambda t: (b + w * t - y) ** 2, h), 2 * (b + w * h - y)), _HBW
        ),
        "udl-df2-chain": lambda: always(
            lambda f, b, w, y: close(
                D(lambda t: (b + w * mp.cos(t) - y) ** 2, f), -mp.sin(f) * w * 2 * (b + w * mp.cos(f) - y)
            ),
            _HBW,
        ),
        "udl-df2-chain~cos": lambda: always(
            lambda f, b, w, y: close(
                D(lambda t: (b + w * mp.cos(t) - y) ** 2, f), mp.cos(f) * w * 2 * (b + w * mp.cos(f) - y)
            ),
            _HBW,
        ),
        "udl-reparam-sample": lambda: _phi_moments(False),
        "udl-reparam-sample~variance": lambda: _phi_moments(True),
        "udl-score-function": lambda: _score_function(True),
        "udl-score-function~nolog": lambda: _score_function(False),
        "udl-gaussian-density": lambda: _density_total(True),
        "udl-gaussian-density~sqrt": lambda: _density_total(False),
        "udl-importance-weights": lambda: _udl_importance(True),
        "udl-importance-weights~inverted": lambda: _udl_importance(False),
        "udl-q-update": lambda: always(
            lambda q, m, r, g, a: close((1 - a) * q + a * (r + g * m), q + a * (r + g * m - q)), _QU
        ),
        "udl-q-update~sign": lambda: always(
            lambda q, m, r, g, a: close((1 - a) * q + a * (r + g * m), q + a * (r + g * m + q)), _QU
        ),
        "drl-elo-ea": lambda: rounds_to(_elo_expected(2600, 2300), "0.849"),
        "drl-elo-ea~exponent": lambda: rounds_to(_elo_expected(2300, 2600), "0.849"),
        "drl-elo-eb": lambda: rounds_to(_elo_expected(2300, 2600), "0.151"),
        "drl-elo-eb~digit": lambda: rounds_to(_elo_expected(2300, 2600), "0.152"),
        "drl-elo-sum": lambda: always(lambda a, b: close(_elo_expected(a, b) + _elo_expected(b, a), 1), _ELO_PTS),
        "drl-elo-sum~same": lambda: always(lambda a, b: close(2 * _elo_expected(a, b), 1), _ELO_PTS),
        "drl-elo-a-wins": lambda: rounds_to(2600 + 16 * (1 - mpf("0.849")), "2602"),
        "drl-elo-a-wins~value": lambda: rounds_to(2600 + 16 * (1 - mpf("0.849")), "2603"),
        "drl-elo-b-loses": lambda: rounds_to(2300 + 16 * (0 - mpf("0.151")), "2298"),
        "drl-elo-b-loses~value": lambda: rounds_to(2300 + 16 * (0 - mpf("0.151")), "2295"),
        "drl-elo-a-loses": lambda: rounds_to(2600 + 16 * (0 - mpf("0.849")), "2586"),
        "drl-elo-a-loses~value": lambda: rounds_to(2600 + 16 * (0 - mpf("0.849")), "2587"),
        "drl-elo-b-wins": lambda: rounds_to(2300 + 16 * (1 - mpf("0.151")), "2314"),
        "drl-elo-b-wins~k": lambda: rounds_to(2300 + 32 * (1 - mpf("0.151")), "2314"),
        "drl-mc-return": lambda: sum([1, 0, 0, 0, 0, 0, 1, 1, 0, 0]) == 3,
        "drl-mc-return~value": lambda: sum([1, 0, 0, 0, 0, 0, 1, 1, 0, 0]) == 2,
        "drl-mc-update": lambda: rounds_to(0 + mpf("0.1") * (3 - 0), "0.3"),
        "drl-mc-update~lr": lambda: rounds_to(0 + mpf("0.1") * (3 - 0), "3"),
        "drl-td-update": lambda: rounds_to(0 + mpf("0.1") * (1 + 1 * 0 - 0), "0.1"),
        "drl-td-update~value": lambda: rounds_to(0 + mpf("0.1") * (1 + 1 * 0 - 0), "0.2"),
        "drl-log-derivative": lambda: _log_derivative(False),
        "drl-log-derivative~inverted": lambda: _log_derivative(True),
        "drl-ratio-trick": lambda: _ratio_trick(1),
        "drl-ratio-trick~square": lambda: _ratio_trick(2),
        "drl-atari-states": lambda: 210 * 160 * 3 == 100800,
        "drl-atari-states~exponent": lambda: 210 * 160 * 3 == 33600,
        "hf-course-log-product": lambda: always(lambda a, b: close(log(a * b), log(a) + log(b)), _NR),
        "hf-course-log-product~times": lambda: always(lambda a, b: close(log(a * b), log(a) * log(b)), _NR),
        "hf-diffusion-mean": lambda: _diffusion_mean(True),
        "hf-diffusion-mean~sqrt": lambda: _diffusion_mean(False),
        "hf-diffusion-two-steps": lambda: _two_steps(lambda b1, b2: 1 - (1 - b1) * (1 - b2)),
        "hf-diffusion-two-steps~add": lambda: _two_steps(lambda b1, b2: b1 + b2),
        "hf-diffusion-loss": lambda: _diffusion_loss(True),
        "hf-diffusion-loss~nosqrt": lambda: _diffusion_loss(False),
        "mml-poly-features": lambda: _poly_features(0),
        "mml-poly-features~shift": lambda: _poly_features(1),
    }
)


# ---- unseen6: Hugging Face blog posts, the Annotated Transformer, Stable-Baselines3 ------------


def _seq_chain_rule(combine):
    """P(w_1 w_2 w_3) against combine(P(w_t | w_{1:t-1})) for every sequence of a fixed joint law."""
    words = (0, 1)
    seqs = list(itertools.product(words, repeat=3))
    weights = [mpf(i + 2) ** 2 + mpf(i % 3) for i in range(len(seqs))]
    joint = {w: v / sum(weights) for w, v in zip(seqs, weights)}

    def prefix(ws):
        return sum(p for w, p in joint.items() if w[: len(ws)] == tuple(ws))

    for w in seqs:
        conditionals = [prefix(w[: t + 1]) / prefix(w[:t]) for t in range(3)]
        if not close(joint[w], combine(conditionals)):
            return False
    return True


def _product(xs):
    out = mpf(1)
    for x in xs:
        out *= x
    return out


def _rot(a):
    return mat([[mp.cos(a), -mp.sin(a)], [mp.sin(a), mp.cos(a)]])


_POSENC_PTS = [(mpf("0.7"), mpf(3), mpf(5)), (mpf("0.013"), mpf(11), mpf(-4)), (mpf("1.9"), mpf("0.5"), mpf("2.5"))]


def _posenc_shift(sign):
    def one(w, p, k):
        m = mat([[mp.cos(w * k), sign * mp.sin(w * k)], [-sign * mp.sin(w * k), mp.cos(w * k)]])
        return close(m * col([mp.sin(w * p), mp.cos(w * p)]), col([mp.sin(w * (p + k)), mp.cos(w * (p + k))]))

    return always(one, _POSENC_PTS)


def _posenc_addition(sign):
    def one(w, p, k):
        rhs = col(
            [
                mp.sin(w * p) * mp.cos(w * k) + mp.cos(w * p) * mp.sin(w * k),
                mp.cos(w * p) * mp.cos(w * k) + sign * mp.sin(w * p) * mp.sin(w * k),
            ]
        )
        return close(col([mp.sin(w * (p + k)), mp.cos(w * (p + k))]), rhs)

    return always(one, _POSENC_PTS)


def _rope_pair(block):
    def one(w, p, q1, q2):
        c, s_ = mp.cos(w * p), mp.sin(w * p)
        elementwise = col([q1 * c - q2 * s_, q2 * c + q1 * s_])
        return close(block(c, s_) * col([q1, q2]), elementwise)

    return always(one, [(mpf("0.7"), mpf(3), mpf("1.2"), mpf("-0.4")), (mpf("0.05"), mpf(17), mpf("-2"), mpf("0.9"))])


def _ppo_flat(unclipped):
    eps, a_t = mpf("0.2"), mpf("1.7")

    def ratio(theta):  # pi_theta(a|s) / pi_old(a|s), a sigmoid policy against an old probability 0.4
        return sigmoid(theta) / mpf("0.4")

    def objective(theta):
        return ratio(theta) * a_t if unclipped else (1 - eps) * a_t

    return all(close(D(objective, th), 0) for th in (mpf("-0.3"), mpf("0.8")))


def _clip(x, lo, hi):
    return min(max(x, lo), hi)


def _rope_scores(shift):
    """(R_i q)^T (R_j x) against q^T R_{theta, shift(i, j)} x for rotations R_n by the angle n theta."""

    def one(theta, i, j):
        q, x = col([mpf("0.3"), mpf("-1.1")]), col([mpf("0.8"), mpf("0.5")])
        lhs = scalar((_rot(i * theta) * q).T * (_rot(j * theta) * x))
        return close(lhs, scalar(q.T * _rot(shift(i, j) * theta) * x))

    return always(one, [(mpf("0.37"), mpf(2), mpf(5)), (mpf("0.11"), mpf(7), mpf(3))])


def _moe_gate(order):
    logits = [-inf, mpf(3), mpf(2)]
    weights = [mpf(0) if v == -inf else exp(v) for v in logits]
    gate = [w / sum(weights) for w in weights]
    stated = [mpf(0), *order(exp(1) / (1 + exp(1)), 1 / (1 + exp(1)))]
    return close(gate, stated)


_GIB = mpf(2) ** 30
_BN_W = [
    [mpf("0.8"), mpf("-0.5"), mpf("1.2")],
    [mpf("-1.5"), mpf("0.4"), mpf("-0.9")],
    [mpf("1.3"), mpf("-0.7"), mpf("0.2")],
]
_BN_X = [
    [mpf("1.0"), mpf("-0.6"), mpf("0.7")],
    [mpf("-0.9"), mpf("0.4"), mpf("-1.2")],
    [mpf("0.8"), mpf("-0.5"), mpf("0.3")],
]
_BN_SCALES = ["127", "105.83", "158.75"]


def _bn_mean(terms):
    mean = sum(abs(v) for row in _BN_W for v in row) / 9
    return close(mean, sum(mpf(t) for t in terms) / 9) and close(mean, mpf("7.5") / 9) and rounds_to(mean, "0.8333")


def _all_round(values, written):
    return all(rounds_to(v, w) for v, w in zip(values, written))


def _bn_scaled_weights(written):
    return _all_round([v * mpf("1.2") for row in _BN_W for v in row], written)


def _bn_act_scaled(written):
    values = [x * mpf(_BN_SCALES[r]) for r, row in enumerate(_BN_X) for x in row]
    return _all_round(values, written)


def _bn_act_dequant(scales):
    quantized = [[127, -76, 89], [-95, 42, -127], [127, -79, 48]]
    values = [mpf(q) / mpf(scales[r][c]) for r, row in enumerate(quantized) for c, q in enumerate(row)]
    return _all_round(values, ["1.0", "-0.6", "0.7", "-0.9", "0.4", "-1.2", "0.8", "-0.5", "0.3"])


def _llama_kv(layers, heads, tokens, written, kv=2):
    return rounds_to(mpf(kv) * layers * heads * 128 * 2 * tokens / _GIB, written)


def _guidance(scale):
    return always(lambda u, c: close(u + scale * (c - u), c), [(mpf("0.3"), mpf("-1.2")), (mpf(2), mpf("0.5"))])


def _sb3_init(stated):
    def one(alpha, g):
        v = alpha * 1 + (1 - alpha) * g**2  # square_avg from ones, one step of mul_(alpha).addcmul_(g, g, 1 - alpha)
        return close(v, stated(alpha, g))

    return always(one, [(mpf("0.99"), mpf("0.3")), (mpf("0.6"), mpf("-2.1"))])


_U6_Q = [mpf("0.3"), mpf("-1.2"), mpf("2.0")]
_U6_K = [mpf("1.1"), mpf("0.4"), mpf("-0.7")]
_SB3_PTS = [(mpf("0.01"), mpf("0.5"), mpf("0.1")), (mpf("0.3"), mpf("2.2"), mpf("0.05"))]

CHECKS.update(
    {
        "hfb-gen-greedy": lambda: close(mpf("0.5") * mpf("0.4"), mpf("0.2")),
        "hfb-gen-greedy~digit": lambda: close(mpf("0.5") * mpf("0.4"), mpf("0.02")),
        "hfb-gen-beam": lambda: close(mpf("0.4") * mpf("0.9"), mpf("0.36")),
        "hfb-gen-beam~product": lambda: close(mpf("0.4") * mpf("0.9"), mpf("0.32")),
        "hfb-gen-beam-beats-greedy": lambda: Fraction(4, 10) * Fraction(9, 10) > Fraction(5, 10) * Fraction(4, 10),
        "hfb-gen-beam-beats-greedy~flip": lambda: Fraction(4, 10) * Fraction(9, 10) < Fraction(5, 10) * Fraction(4, 10),
        "hfb-gen-chain-rule": lambda: _seq_chain_rule(_product),
        "hfb-gen-chain-rule~sum": lambda: _seq_chain_rule(sum),
        "hfb-int8-bloom-bytes": lambda: 176 * 10**9 * 2 == 352 * 10**9,
        "hfb-int8-bloom-bytes~fp32": lambda: 176 * 10**9 * 4 == 352 * 10**9,
        "hfb-int8-scale": lambda: rounds_to(mpf("0.3") * 127, "38.1"),
        "hfb-int8-scale~digits": lambda: rounds_to(mpf("0.3") * 127, "31.8"),
        "hfb-int8-dequant": lambda: rounds_to(mpf(38) / 127, "0.2992"),
        "hfb-int8-dequant~digits": lambda: rounds_to(mpf(38) / 127, "0.2922"),
        "hfb-int8-error": lambda: rounds_to(mpf("0.3") - mpf(38) / 127, "0.008"),
        "hfb-int8-error~right": lambda: rounds_to(mpf("0.3") - mpf(38) / 127, "0.0008"),
        "hfb-int8-absmax-factor": lambda: rounds_to(127 / mpf("5.4"), "23.5"),
        "hfb-int8-absmax-factor~inverted": lambda: rounds_to(mpf("5.4") / 127, "23.5"),
        "hfb-int8-absmax-entry": lambda: mp.nint(mpf("-4.3") * 127 / mpf("5.4")) == -101,
        "hfb-int8-absmax-entry~neighbour": lambda: mp.nint(mpf("-3.1") * 127 / mpf("5.4")) == -72,
        "hfb-4bit-mantissa": lambda: (
            Fraction(1, 2) + Fraction(1, 8) == Fraction(625, 1000)
            and Fraction(5, 10) + Fraction(125, 1000) == Fraction(625, 1000)
        ),
        "hfb-4bit-mantissa~quarter": lambda: Fraction(1, 2) + Fraction(1, 8) == Fraction(5, 10) + Fraction(25, 100),
        "hfb-4bit-value": lambda: -1 * 2**2 * (1 + Fraction(1, 2)) == -1 * 4 * Fraction(15, 10) == -6,
        "hfb-4bit-value~no-implicit-one": lambda: -1 * 2**2 * (1 + Fraction(1, 2)) == -1 * 4 * Fraction(5, 10) == -6,
        "hfb-4bit-e4m3-max": lambda: 2**8 * Fraction(175, 100) == 448,
        "hfb-4bit-e4m3-max~significand": lambda: 2**8 * Fraction(1875, 1000) == 448,
        "hfb-4bit-e5m2-max": lambda: 2**15 * Fraction(175, 100) == 57344,
        "hfb-4bit-e5m2-max~significand": lambda: 2**15 * Fraction(15, 10) == 57344,
        "hfb-embq-384": lambda: rounds_to(mpf(10) ** 8 * 384 * 4 / _GIB, "143.05"),
        "hfb-embq-384~decimal-gb": lambda: rounds_to(mpf(10) ** 8 * 384 * 4 / mpf(10) ** 9, "143.05"),
        "hfb-embq-768": lambda: rounds_to(mpf(250) * 10**6 * 768 * 4 / _GIB, "715.26"),
        "hfb-embq-768~bytes": lambda: rounds_to(mpf(250) * 10**6 * 768 * 2 / _GIB, "715.26"),
        "hfb-embq-1024-1b": lambda: rounds_to(mpf(10) ** 9 * 1024 * 4 / _GIB, "3814.69"),
        "hfb-embq-1024-1b~rounded": lambda: rounds_to(mpf(10) ** 9 * 1024 * 4 / _GIB, "3814.70"),
        "hfb-embq-bits-to-bytes": lambda: Fraction(1024, 8) == 128,
        "hfb-embq-bits-to-bytes~nibbles": lambda: Fraction(1024, 4) == 128,
        "hfb-embq-32x": lambda: Fraction(2 * 1024 * 4, 2 * 128) == 32,
        "hfb-embq-32x~int8": lambda: Fraction(2 * 1024 * 4, 2 * 1024) == 32,
        # "around 1TB": within half of the leading unit of the written power of ten
        "hfb-embq-1tb": lambda: abs(mpf(250) * 10**6 * 1024 * 4 - mpf(10) ** 12) <= mpf(10) ** 12 / 2,
        "hfb-embq-1tb~order": lambda: abs(mpf(250) * 10**6 * 1024 * 4 - mpf(10) ** 11) <= mpf(10) ** 11 / 2,
        "hfb-posenc-shift": lambda: _posenc_shift(1),
        "hfb-posenc-shift~transpose": lambda: _posenc_shift(-1),
        "hfb-posenc-addition": lambda: _posenc_addition(-1),
        "hfb-posenc-addition~sign": lambda: _posenc_addition(1),
        "hfb-posenc-rope-blocks": lambda: _rope_pair(lambda c, s_: mat([[c, s_], [-s_, c]])),
        "hfb-posenc-rope-blocks~consistent": lambda: _rope_pair(lambda c, s_: mat([[c, -s_], [s_, c]])),
        "hfb-posenc-positions": lambda: rounds_to(2 * pi * 10000 / 1000, "63"),
        "hfb-posenc-positions~no-two": lambda: rounds_to(2 * pi * 10000 / 1000, "31"),
        "hfb-posenc-binary": lambda: int("11111100", 2) == 252 == 2**7 + 2**6 + 2**5 + 2**4 + 2**3 + 2**2,
        "hfb-posenc-binary~bit": lambda: 252 == 2**7 + 2**6 + 2**5 + 2**4 + 2**3 + 2**1,
        "hfb-ppo-flat": lambda: _ppo_flat(False),
        "hfb-ppo-flat~unclipped": lambda: _ppo_flat(True),
        "hfb-ppo-clip": lambda: close(_clip(mpf("1.5"), 1 - mpf("0.2"), 1 + mpf("0.2")), mpf("1.2")),
        "hfb-ppo-clip~unclipped": lambda: close(_clip(mpf("1.5"), 1 - mpf("0.2"), 1 + mpf("0.2")), mpf("1.5")),
        "hfb-ppo-min-positive": lambda: close(
            min(mpf("1.5") * 2, _clip(mpf("1.5"), mpf("0.8"), mpf("1.2")) * 2), mpf("2.4")
        ),
        "hfb-ppo-min-positive~negative": lambda: close(
            min(mpf("1.5") * -2, _clip(mpf("1.5"), mpf("0.8"), mpf("1.2")) * -2), mpf("-2.4")
        ),
        "hfb-bitnet-mean": lambda: _bn_mean(["0.8", "0.5", "1.2", "1.5", "0.4", "0.9", "1.3", "0.7", "0.2"]),
        "hfb-bitnet-mean~dropped": lambda: _bn_mean(["0.8", "0.5", "1.2", "1.5", "0.4", "0.9", "1.3", "0.7"]),
        "hfb-bitnet-scale": lambda: rounds_to(1 / mpf("0.8333"), "1.2"),
        "hfb-bitnet-scale~digit": lambda: rounds_to(1 / mpf("0.8333"), "1.3"),
        "hfb-bitnet-scaled-weights": lambda: _bn_scaled_weights(
            ["0.96", "-0.6", "1.44", "-1.8", "0.48", "-1.08", "1.56", "-0.84", "0.24"]
        ),
        "hfb-bitnet-scaled-weights~entry": lambda: _bn_scaled_weights(
            ["0.96", "-0.6", "1.24", "-1.8", "0.48", "-1.08", "1.56", "-0.84", "0.24"]
        ),
        "hfb-bitnet-act-scales": lambda: _all_round([127 / mpf("1.0"), 127 / mpf("1.2"), 127 / mpf("0.8")], _BN_SCALES),
        "hfb-bitnet-act-scales~times": lambda: _all_round(
            [127 / mpf("1.0"), 127 / mpf("1.2"), 127 / mpf("0.8")], ["127", "105.83", "101.6"]
        ),
        "hfb-bitnet-act-scaled": lambda: _bn_act_scaled(
            ["127", "-76.2", "88.9", "-95.2", "42.3", "-127", "127", "-79.4", "47.6"]
        ),
        "hfb-bitnet-act-scaled~sign": lambda: _bn_act_scaled(
            ["127", "-76.2", "88.9", "-95.2", "42.3", "-127", "127", "79.4", "47.6"]
        ),
        "hfb-bitnet-act-dequant": lambda: _bn_act_dequant([["127"] * 3, ["105.83"] * 3, ["158.75"] * 3]),
        "hfb-bitnet-act-dequant~row-scale": lambda: _bn_act_dequant(
            [["127"] * 3, ["127", "105.83", "105.83"], ["158.75"] * 3]
        ),
        "hfb-bitnet-bits": lambda: rounds_to(log(3, 2), "1.58"),
        "hfb-bitnet-bits~digit": lambda: rounds_to(log(3, 2), "1.68"),
        "hfb-optllm-qk-1000": lambda: rounds_to(mpf(40) * 2 * 1000**2 / 10**6, "50"),
        "hfb-optllm-qk-1000~right": lambda: 40 * 2 * 1000**2 == 80 * 10**6,
        "hfb-optllm-qk-16000": lambda: rounds_to(mpf(40) * 2 * 16000**2 / _GIB, "19"),
        "hfb-optllm-qk-16000~linear": lambda: rounds_to(mpf(40) * 2 * 16000 / _GIB, "19"),
        "hfb-optllm-kv-floats": lambda: 2 * 16000 * 40 * 48 * Fraction(6144, 48) == 7864320000,
        "hfb-optllm-kv-floats~no-values": lambda: 16000 * 40 * 48 * Fraction(6144, 48) == 7864320000,
        "hfb-optllm-kv-bytes": lambda: rounds_to(mpf(7864320000) * 2 / _GIB, "15"),
        "hfb-optllm-kv-bytes~fp32": lambda: rounds_to(mpf(7864320000) * 4 / _GIB, "15"),
        "hfb-optllm-mqa": lambda: Fraction(7864320000 * 2, 48) < 400 * 10**6,
        "hfb-optllm-mqa~heads": lambda: Fraction(7864320000 * 2, 8) < 400 * 10**6,
        "hfb-optllm-rope": lambda: _rope_scores(lambda i, j: i - j),
        "hfb-optllm-rope~order": lambda: _rope_scores(lambda i, j: j - i),
        "hfb-moe-naive-count": lambda: 8 * 7 == 56,
        "hfb-moe-naive-count~sum": lambda: 2 * 7 == 56,
        "hfb-moe-topk-softmax": lambda: _moe_gate(lambda a, b: (a, b)),
        "hfb-moe-topk-softmax~swap": lambda: _moe_gate(lambda a, b: (b, a)),
        "hfb-kvq-memory": lambda: rounds_to(mpf(2 * 2 * 32 * 32 * 128 * 10000) / 10**9, "5"),
        "hfb-kvq-memory~order": lambda: rounds_to(mpf(2 * 2 * 32 * 32 * 128 * 10000) / 10**9, "50"),
        "hfb-kvq-zero-point": lambda: mp.nint(mpf(-1) / (mpf(4) / 3)) - mp.nint(mpf(1) / (mpf(4) / 3)) == 0,
        "hfb-kvq-zero-point~plus": lambda: mp.nint(mpf(-1) / (mpf(4) / 3)) + mp.nint(mpf(1) / (mpf(4) / 3)) == 0,
        "hfb-llama31-kv-8b": lambda: _llama_kv(32, 8, 16000, "1.95"),
        "hfb-llama31-kv-8b~heads": lambda: _llama_kv(32, 32, 16000, "1.95"),
        "hfb-llama31-kv-70b-16k": lambda: _llama_kv(80, 8, 16000, "4.88"),
        "hfb-llama31-kv-70b-16k~layers": lambda: _llama_kv(64, 8, 16000, "4.88"),
        "hfb-llama31-kv-70b-128k": lambda: _llama_kv(80, 8, 128000, "39.06"),
        "hfb-llama31-kv-70b-128k~keys": lambda: _llama_kv(80, 8, 128000, "39.06", kv=1),
        "hfb-llama31-int4": lambda: 70 * 10**9 * Fraction(4, 8) == 35 * 10**9,
        "hfb-llama31-int4~inverted": lambda: 70 * 10**9 * Fraction(8, 4) == 35 * 10**9,
        "hfb-llama31-gpu-hours": lambda: rounds_to(mpf("1.46") + mpf("7.0") + mpf("30.84"), "39.3"),
        "hfb-llama31-gpu-hours~digit": lambda: rounds_to(mpf("1.46") + mpf("7.0") + mpf("30.84"), "38.3"),
        "hfb-sd-latent-ratio": lambda: Fraction(3 * 512 * 512, 4 * 64 * 64) == 8 * 8,
        "hfb-sd-latent-ratio~three": lambda: Fraction(3 * 512 * 512, 3 * 64 * 64) == 8 * 8,
        "hfb-sd-latent-side": lambda: Fraction(512, 8) == 64,
        "hfb-sd-latent-side~factor": lambda: Fraction(512, 8) == 32,
        "hfb-sd-guidance-one": lambda: _guidance(1),
        "hfb-sd-guidance-one~zero": lambda: _guidance(0),
        "hfb-trl-peft-fp32": lambda: 10**9 * Fraction(32, 8) == 4 * 10**9,
        "hfb-trl-peft-fp32~bits": lambda: 10**9 * 32 == 4 * 10**9,
        "hfb-trl-peft-adamw": lambda: 1 * 10**9 * 8 == 8 * 10**9,
        "hfb-trl-peft-adamw~exponent": lambda: 1 * 10**9 * 8 == 8 * 10**8,
        "at-head-dim": lambda: Fraction(512, 8) == 64,
        "at-head-dim~half": lambda: Fraction(512, 8) == 32,
        "at-lrate-crossover": lambda: always(lambda w: close(w ** mpf("-0.5"), w * w ** mpf("-1.5")), POS),
        "at-lrate-crossover~power": lambda: always(lambda w: close(w ** mpf("-0.5"), w * w ** mpf(-1)), POS),
        "at-lrate-peak": lambda: rounds_to(
            mpf(512) ** mpf("-0.5") * min(mpf(4000) ** mpf("-0.5"), 4000 * mpf(4000) ** mpf("-1.5")) * 10**4, "7.0"
        ),
        "at-lrate-peak~no-step": lambda: rounds_to(
            mpf(512) ** mpf("-0.5") * min(mpf(4000) ** mpf("-0.5"), 4000 * mpf(4000) ** mpf("-1.5")) * 10**2, "4.4"
        ),
        "at-dot": lambda: close(dot(_U6_Q, _U6_K), sum(a * b for a, b in zip(_U6_Q, _U6_K))),
        "at-dot~square": lambda: close(dot(_U6_Q, _U6_K), sum(a**2 * b for a, b in zip(_U6_Q, _U6_K))),
        "sb3-rmsprop-eps": lambda: always(lambda a, v, e: close(a / (sqrt(v) + e), a / sqrt(v + e)), _SB3_PTS),
        "sb3-rmsprop-eps~power": lambda: always(
            lambda a, v, e: close(a / sqrt(v + e), a * (v + e) ** mpf("-0.5")), _SB3_PTS
        ),
        "sb3-rmsprop-init": lambda: _sb3_init(lambda a, g: 1 + (1 - a) * (g**2 - 1)),
        "sb3-rmsprop-init~zeros": lambda: _sb3_init(lambda a, g: (1 - a) * g**2),
    }
)


# ---- unseen7: course notes, blog posts and textbooks (CS236, Chip Huyen, Karpathy, Distill, Lil'Log) ----


def _binom_dist(n, p):
    return {k: comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)}


_BINOM = [(5, mpf("0.3")), (8, mpf("0.65"))]
_LAMBDAS = [mpf("0.7"), mpf("3.2")]
_GEO_P = [mpf("0.3"), mpf("0.8")]
_BETA_AB = [(mpf("2.5"), mpf("1.5")), (mpf("0.7"), mpf(3))]


def _poisson_moments(lam):
    """(mean, variance) of a Poisson law by summing its mass function."""
    m1 = nsum(lambda k: k * exp(-lam) * lam**k / mp.factorial(k), [0, inf])
    m2 = nsum(lambda k: k**2 * exp(-lam) * lam**k / mp.factorial(k), [0, inf])
    return m1, m2 - m1**2


def _geo_moments(p):
    """(mean, variance) of the number of trials up to the first success, by summing its mass function."""
    m1 = nsum(lambda n: n * (1 - p) ** (n - 1) * p, [1, inf])
    m2 = nsum(lambda n: n**2 * (1 - p) ** (n - 1) * p, [1, inf])
    return m1, m2 - m1**2


def _beta_moments(a, b):
    """(mean, variance) of Beta(a, b) by quadrature of its density."""
    c = mp.gamma(a + b) / (mp.gamma(a) * mp.gamma(b))
    m1 = quad(lambda x: x * c * x ** (a - 1) * (1 - x) ** (b - 1), [0, 1])
    m2 = quad(lambda x: x**2 * c * x ** (a - 1) * (1 - x) ** (b - 1), [0, 1])
    return m1, m2 - m1**2


def _multinomial_as_written(power):
    """The multinomial mass of (1, 1, 2) in 4 draws, by enumerating the draws, against n!/prod x_i! prod term(p_i, x_i)."""
    p, counts, n = vec(["0.2", "0.3", "0.5"]), (1, 1, 2), 4
    exact = sum(
        _product([p[c] for c in draws])
        for draws in itertools.product(range(3), repeat=n)
        if tuple(draws.count(i) for i in range(3)) == counts
    )
    coefficient = mpf(factorial(n)) / _product([factorial(x) for x in counts])
    written = coefficient * _product([(p[i] ** x if power else p[i] * x) for i, x in enumerate(counts)])
    return close(exact, written)


def _logistic_gradient(sign):
    """The gradient of -log sigma(y w.x) in w, by finite differences, against sign * y (1 - sigma(y w.x)) x."""
    for y, x, w in [(1, vec(["0.5", "-1.2"]), vec(["0.3", "0.8"])), (-1, vec(["1.5", "0.4"]), vec(["-0.7", "0.2"]))]:
        g = grad(lambda v: -log(sigmoid(y * dot(v, x))), w)
        p = sigmoid(y * dot(w, x))
        if not close(g, [sign * y * (1 - p) * xi for xi in x]):
            return False
    return True


def _big_o(f, g):
    """f(n)/g(n) stays bounded: its value at n = 10^6 is within twice its value at n = 10^3."""
    return f(10**6) / g(10**6) <= 2 * f(10**3) / g(10**3)


_ELBO_P = vec(["0.1", "0.25", "0.05"])  # p(x, z) for the three values of z, at one x
_ELBO_Q = vec(["0.5", "0.3", "0.2"])


def _u7_elbo(direction):
    lhs = log(sum(_ELBO_P))
    middle = log(sum(q / q * p for p, q in zip(_ELBO_P, _ELBO_Q)))
    bound = sum(q * log(p / q) for p, q in zip(_ELBO_P, _ELBO_Q))
    return close(lhs, middle) and (lhs >= bound if direction > 0 else lhs <= bound)


def _u7_score_function(use_log):
    """The gradient in lambda of E_{q_lambda}[log p/q_lambda] for q_lambda = softmax(lambda), by finite differences."""
    lam = vec(["0.2", "-0.5", "0.9"])

    def objective(l_):
        q = softmax(l_)
        return sum(qz * log(pz / qz) for pz, qz in zip(_ELBO_P, q))

    g = grad(objective, lam)
    q = softmax(lam)
    for j in range(3):

        def q_of(t, j=j):
            l_ = list(lam)
            l_[j] = t
            return softmax(l_)

        dq = [diff(lambda t, z=z: q_of(t)[z], lam[j]) for z in range(3)]
        dlogq = [dq[z] / q[z] for z in range(3)]
        rhs = sum(q[z] * log(_ELBO_P[z] / q[z]) * (dlogq[z] if use_log else dq[z]) for z in range(3))
        if not close(g[j], rhs):
            return False
    return True


def _reparam(with_gradient):
    """q_mu = N(mu, 1), T(eps; mu) = mu + eps, log p(x, z) = x z - z^4/4 at x = 0.7: both sides by quadrature."""
    x, mu = mpf("0.7"), mpf("0.4")

    def log_p(z):
        return x * z - z**4 / 4

    def elbo(m):
        return quad(lambda z: _phi(z - m) * (log_p(z) - log(_phi(z - m))), [-inf, inf])

    lhs = diff(elbo, mu)
    if with_gradient:
        rhs = quad(lambda e: _phi(e) * diff(lambda m: log_p(m + e) - log(_phi(e)), mu), [-inf, inf])
    else:
        rhs = quad(lambda e: _phi(e) * (log_p(mu + e) - log(_phi(e))), [-inf, inf])
    return close(lhs, rhs, mpf(10) ** -12)


def _gauss_second_moment(rhs):
    return all(close(quad(lambda e: _phi(e) * (mu + s * e - mu) ** 2, [-inf, inf]), rhs(s)) for mu, s in _NR)


_A3 = mat([[2, -1, 0.5], [0.3, 1.5, -0.7], [1, 0.2, 3]])


def _planar(with_one):
    u, w, b = vec(["0.6", "-0.4", "1.1"]), vec(["0.9", "0.5", "-0.3"]), mpf("0.2")

    def f(z):
        a = tanh(dot(w, z) + b)
        return [zi + ui * a for zi, ui in zip(z, u)]

    for z in (vec(["0.3", "-1.2", "0.8"]), vec(["-0.5", "0.4", "1.7"])):
        J = matrix(3, 3)
        for i in range(3):
            g = grad(lambda v, i=i: f(v)[i], z)
            for j in range(3):
                J[i, j] = g[j]
        hp = 1 - tanh(dot(w, z) + b) ** 2
        if not close(abs(mp.det(J)), abs((1 if with_one else 0) + hp * dot(u, w))):
            return False
    return True


def _lognormal(rhs):
    """The density of X = e^Z, Z standard normal, as the derivative of P(Z <= log x)."""
    return all(close(diff(lambda t: mp.ncdf(log(t)), x), rhs(x)) for (x,) in POS)


def _gan_optimal(numerator):
    for a, b in [(mpf("0.3"), mpf("0.6")), (mpf("1.2"), mpf("0.5"))]:
        best = mp.findroot(lambda d: a / d - b / (1 - d), mpf("0.5"))
        if not close(best, numerator(a, b) / (a + b)):
            return False
    return True


_P3, _Q3 = vec(["0.2", "0.5", "0.3"]), vec(["0.6", "0.1", "0.3"])


def _u7_jsd(p, q):
    """The Jensen-Shannon divergence as the entropy of the mixture less the mean entropy."""
    m = [(a + b) / 2 for a, b in zip(p, q)]
    return entropy(m) - (entropy(p) + entropy(q)) / 2


def _gan_value(sign):
    lhs = sum(a * log(a / (a + b)) for a, b in zip(_P3, _Q3)) + sum(b * log(b / (a + b)) for a, b in zip(_P3, _Q3))
    return close(lhs, 2 * _u7_jsd(_P3, _Q3) + sign * log(4))


def _gd_mode(power_shift):
    alpha, lam, x = mpf("0.15"), mpf("2.3"), mpf("1.7")
    x0 = x
    for k in range(6):
        nxt = x - alpha * lam * x
        if not (close(nxt, (1 - alpha * lam) * x) and close(nxt, (1 - alpha * lam) ** (k + power_shift) * x0)):
            return False
        x = nxt
    return True


_ROT = mat([["0.6", "-0.8", 0], ["0.8", "0.6", 0], [0, 0, 1]])  # orthogonal
_EIG = vec(["0.5", "1.3", "2.4"])
_B3 = col(["0.7", "-1.1", "0.4"])


def _distill_gap(factor):
    A = _ROT * mp.diag(_EIG) * _ROT.T
    alpha = mpf("0.3")

    def f(w):
        return scalar(w.T * A * w) / 2 - scalar(_B3.T * w)

    w_star = inverse(A) * _B3
    w = col(["1.0", "2.0", "-0.5"])
    x0 = _ROT.T * (w - w_star)
    for k in range(1, 5):
        w = w - alpha * (A * w - _B3)
        rhs = factor * sum((1 - alpha * _EIG[i]) ** (2 * k) * _EIG[i] * x0[i] ** 2 for i in range(3))
        if not close(f(w) - f(w_star), rhs):
            return False
    return True


def _optimal_rate(denominator_one):
    for l1, ln in [(mpf("0.5"), mpf(3)), (mpf("0.01"), mpf(1))]:
        alpha = 2 / (l1 + ln)
        kappa = ln / l1
        if not close(max(abs(1 - alpha * l1), abs(1 - alpha * ln)), (kappa - 1) / (kappa + denominator_one)):
            return False
    return True


def _g_nonlinear(w):
    return mp.sin(w) + w**3 / 10


def _gd_unrolled(sign):
    alpha, w = mpf("0.2"), mpf("1.3")
    w0, grads = w, []
    for _ in range(6):
        grads.append(_g_nonlinear(w))
        w = w - alpha * grads[-1]
        if not close(w, w0 + sign * alpha * sum(grads)):
            return False
    return True


def _momentum_unrolled(sign):
    alpha, beta, w, z = mpf("0.2"), mpf("0.7"), mpf("1.3"), mpf(0)
    w0, grads = w, []
    for k in range(6):
        grads.append(_g_nonlinear(w))
        z = beta * z + grads[-1]
        w = w - alpha * z
        rhs = w0 + sign * alpha * sum((1 - beta ** (k + 1 - i)) / (1 - beta) * grads[i] for i in range(k + 1))
        if not close(w, rhs):
            return False
    return True


def _grpo_objective_as_written():
    ratios, advs, eps = vec(["1.4", "0.6", "1.1"]), vec(["0.94", "-0.94", "0.5"]), mpf("0.2")
    intended = sum(min(r * a, _clip(r, 1 - eps, 1 + eps) * a) for r, a in zip(ratios, advs)) / 3
    written = sum(r * a * _clip(r, 1 - eps, 1 + eps) * a for r, a in zip(ratios, advs)) / 3
    return close(intended, written)


def _quad_grad_check(rhs):
    """The gradient of 1/2 w^T A w - b^T w for a symmetric A, by finite differences, against rhs(A, w, b)."""
    A, b = mat([[2, 0.5, -0.3], [0.5, 1.2, 0.4], [-0.3, 0.4, 3]]), col(["0.7", "-1.1", "0.4"])
    w = vec(["0.3", "-0.8", "1.5"])

    def f(v):
        c = col(v)
        return scalar(c.T * A * c) / 2 - scalar(b.T * c)

    return close(col(grad(f, w)), rhs(A, col(w), b))


def _sample_std(xs, ddof):
    m = mpf(sum(xs)) / len(xs)
    return sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - ddof))


_NTM_PTS = [(mpf("1.3"), mpf("0.4"), mpf("0.9"), mpf("-0.6")), (mpf("-0.7"), mpf("0.8"), mpf("0.25"), mpf("2.1"))]
_TH0 = mpf("0.35")
_FEATS = vec(["0.5", "-1.0", "2.0"])


def _pi_theta(t):
    return softmax([t * f for f in _FEATS])


def _q_theta(t):
    return [mp.cos(t + i) + i for i in range(3)]


def _pg_product(with_q_term):
    lhs = diff(lambda t: sum(p * q for p, q in zip(_pi_theta(t), _q_theta(t))), _TH0)
    dpi = [diff(lambda t, a=a: _pi_theta(t)[a], _TH0) for a in range(3)]
    dq = [diff(lambda t, a=a: _q_theta(t)[a], _TH0) for a in range(3)]
    pi, q = _pi_theta(_TH0), _q_theta(_TH0)
    rhs = sum(dpi[a] * q[a] + (pi[a] * dq[a] if with_q_term else 0) for a in range(3))
    return close(lhs, rhs)


_JOINT_SR = {(s, r): mpf(w) / 21 for (s, r), w in zip(itertools.product((0, 1), (0, 1, 2)), (1, 2, 3, 4, 5, 6))}


def _marginal_next_state(combine):
    for s in (0, 1):
        exact = sum(p for (s2, _), p in _JOINT_SR.items() if s2 == s)
        if not close(exact, combine([_JOINT_SR[(s, r)] for r in (0, 1, 2)])):
            return False
    return True


def _log_trick(power):
    d = vec(["0.3", "0.7"])
    dpi = [diff(lambda t, a=a: _pi_theta(t)[a], _TH0) for a in range(3)]
    pi, q = _pi_theta(_TH0), _q_theta(_TH0)
    lhs = sum(ds * sum(q[a] * dpi[a] for a in range(3)) for ds in d)
    rhs = sum(ds * sum(pi[a] * q[a] * dpi[a] / pi[a] ** power for a in range(3)) for ds in d)
    return close(lhs, rhs)


_KEY = vec(["0.4", "-1.0", "0.7"])
_MEM = [vec(["1.0", "0.2", "-0.5"]), vec(["-0.3", "0.8", "0.6"]), vec(["0.5", "-0.9", "1.2"])]


def _ntm_content(beta_below):
    beta = mpf("2.5")
    cos = [dot(_KEY, m) / (norm(_KEY) * norm(m)) for m in _MEM]
    w = softmax([beta * c for c in cos])
    explicit = [exp(beta * c) / sum(exp((beta if beta_below else 1) * c2) for c2 in cos) for c in cos]
    return close(w, explicit)


_SCORES = vec(["0.3", "-1.2", "2.0", "0.5"])


def _mixup(swap):
    yi, yj, f, lam = vec(["1", "0", "0"]), vec(["0", "0.3", "0.7"]), vec(["0.2", "0.5", "0.3"]), mpf("0.7")
    logf = [log(v) for v in f]
    lhs = lam * dot(yi, logf) + (1 - lam) * dot(yj, logf)
    a, b = (1 - lam, lam) if swap else (lam, 1 - lam)
    return close(lhs, dot([a * u + b * v for u, v in zip(yi, yj)], logf))


CHECKS.update(
    {
        "chip-binom-mean": lambda: all(close(mean(_binom_dist(n, p)), n * p) for n, p in _BINOM),
        "chip-binom-mean~failures": lambda: all(close(mean(_binom_dist(n, p)), n * (1 - p)) for n, p in _BINOM),
        "chip-binom-var": lambda: all(close(var(_binom_dist(n, p)), n * p * (1 - p)) for n, p in _BINOM),
        "chip-binom-var~mean": lambda: all(close(var(_binom_dist(n, p)), n * p) for n, p in _BINOM),
        "chip-poisson-var": lambda: all(close(_poisson_moments(lam)[1], lam) for lam in _LAMBDAS),
        "chip-poisson-var~square": lambda: all(close(_poisson_moments(lam)[1], lam**2) for lam in _LAMBDAS),
        "chip-poisson-rate": lambda: 10000 * Fraction(1, 100) == 100,
        "chip-poisson-rate~digit": lambda: 10000 * Fraction(1, 100) == 10,
        "chip-geo-mean": lambda: all(close(_geo_moments(p)[0], 1 / p) for p in _GEO_P),
        "chip-geo-mean~failures": lambda: all(close(_geo_moments(p)[0], (1 - p) / p) for p in _GEO_P),
        "chip-geo-var": lambda: all(close(_geo_moments(p)[1], (1 - p) / p**2) for p in _GEO_P),
        "chip-geo-var~power": lambda: all(close(_geo_moments(p)[1], (1 - p) / p) for p in _GEO_P),
        "chip-beta-mean": lambda: all(close(_beta_moments(a, b)[0], a / (a + b), mpf(10) ** -15) for a, b in _BETA_AB),
        "chip-beta-mean~swap": lambda: all(
            close(_beta_moments(a, b)[0], b / (a + b), mpf(10) ** -15) for a, b in _BETA_AB
        ),
        "chip-beta-var": lambda: all(
            close(_beta_moments(a, b)[1], a * b / ((a + b) ** 2 * (a + b + 1)), mpf(10) ** -15) for a, b in _BETA_AB
        ),
        "chip-beta-var~plus-one": lambda: all(
            close(_beta_moments(a, b)[1], a * b / (a + b) ** 2, mpf(10) ** -15) for a, b in _BETA_AB
        ),
        "chip-beta-update": lambda: (4 + 7, 2 + 3) == (11, 5),
        "chip-beta-update~tails": lambda: (4 + 7, 2 + 3) == (11, 6),
        "chip-gamma-factorial": lambda: all(close(mp.gamma(n), factorial(n - 1)) for n in range(1, 8)),
        "chip-gamma-factorial~shift": lambda: all(close(mp.gamma(n), factorial(n)) for n in range(1, 8)),
        "chip-poisson-expfam": lambda: all(
            close(lam**x / factorial(x) * exp(-lam), exp(log(lam) * x - lam) / factorial(x))
            for lam in _LAMBDAS
            for x in range(6)
        ),
        "chip-poisson-expfam~sign": lambda: all(
            close(lam**x / factorial(x) * exp(-lam), exp(log(lam) * x + lam) / factorial(x))
            for lam in _LAMBDAS
            for x in range(6)
        ),
        "chip-marginal": lambda: _marginal_next_state(sum),
        "chip-marginal~product": lambda: _marginal_next_state(_product),
        "chip-multinomial": lambda: _multinomial_as_written(power=False),
        "chip-logistic-negative": lambda: always(lambda z: close(1 - sigmoid(z), sigmoid(-z)), REAL),
        "chip-logistic-negative~complement": lambda: always(lambda z: close(1 - sigmoid(z), 1 - sigmoid(-z)), REAL),
        "chip-logistic-gradient": lambda: _logistic_gradient(-1),
        "chip-logistic-gradient~sign": lambda: _logistic_gradient(1),
        "cs236-intro-images": lambda: abs(2940000 * mp.log10(256) - 800000) < 1,
        "cs236-intro-pixels": lambda: 700 * 1400 * 3 == 2940000,
        "cs236-intro-pixels~zero": lambda: 700 * 1400 * 3 == 294000,
        "cs236-intro-images-exponent": lambda: rounds_to(2940000 * mp.log10(256) / 10**6, "7.08"),
        "cs236-intro-images-exponent~stated": lambda: abs(2940000 * mp.log10(256) - 800000) < 1,
        "cs236-ar-chain": lambda: _seq_chain_rule(_product),
        "cs236-ar-chain~sum": lambda: _seq_chain_rule(sum),
        "cs236-ar-fvsbn-count": lambda: _big_o(lambda n: n * (n + 1) // 2, lambda n: n**2),
        "cs236-ar-fvsbn-count~linear": lambda: _big_o(lambda n: n * (n + 1) // 2, lambda n: n),
        "cs236-ar-fvsbn-exact": lambda: all(sum(range(1, n + 1)) == Fraction(n * (n + 1), 2) for n in range(1, 30)),
        "cs236-ar-fvsbn-exact~square": lambda: all(sum(range(1, n + 1)) == Fraction(n * n, 2) for n in range(1, 30)),
        "cs236-ar-tabular": lambda: all(sum(2 ** (i - 1) for i in range(1, n + 1)) == 2**n - 1 for n in range(1, 30)),
        "cs236-ar-tabular~power": lambda: all(
            sum(2 ** (i - 1) for i in range(1, n + 1)) == 2 ** (n - 1) for n in range(1, 30)
        ),
        "cs236-vae-elbo": lambda: _u7_elbo(1),
        "cs236-vae-elbo~upper": lambda: _u7_elbo(-1),
        "cs236-vae-score": lambda: _u7_score_function(use_log=True),
        "cs236-vae-score~no-log": lambda: _u7_score_function(use_log=False),
        "cs236-vae-reparam": lambda: _reparam(with_gradient=True),
        "cs236-vae-reparam~no-gradient": lambda: _reparam(with_gradient=False),
        "cs236-vae-gauss-reparam": lambda: _gauss_second_moment(lambda s: s**2),
        "cs236-vae-gauss-reparam~sigma": lambda: _gauss_second_moment(lambda s: s),
        "cs236-flow-det-inverse": lambda: close(mp.det(inverse(_A3)), 1 / mp.det(_A3)),
        "cs236-flow-det-inverse~minus": lambda: close(mp.det(inverse(_A3)), -mp.det(_A3)),
        "cs236-flow-planar-det": lambda: _planar(with_one=True),
        "cs236-flow-planar-det~no-one": lambda: _planar(with_one=False),
        "cs236-flow-change": lambda: (
            _lognormal(lambda x: _phi(log(x)) / x)
            and _lognormal(lambda x: exp(-(log(x) ** 2) / 2) / (x * sqrt(2 * pi)))
        ),
        "cs236-flow-change~no-inverse": lambda: _lognormal(lambda x: _phi(log(x)) * x),
        "cs236-gan-optimal-d": lambda: _gan_optimal(lambda a, b: a),
        "cs236-gan-optimal-d~swap": lambda: _gan_optimal(lambda a, b: b),
        "cs236-gan-value-jsd": lambda: _gan_value(-1),
        "cs236-gan-value-jsd~plus": lambda: _gan_value(1),
        "cs236-gan-jsd": lambda: close(
            _u7_jsd(_P3, _Q3),
            (kl(_P3, [(a + b) / 2 for a, b in zip(_P3, _Q3)]) + kl(_Q3, [(a + b) / 2 for a, b in zip(_P3, _Q3)])) / 2,
        ),
        "cs236-gan-jsd~symmetric-kl": lambda: close(_u7_jsd(_P3, _Q3), (kl(_P3, _Q3) + kl(_Q3, _P3)) / 2),
        "cs236-gan-jsd-symmetric": lambda: close(_u7_jsd(_P3, _Q3), _u7_jsd(_Q3, _P3)),
        "cs236-gan-jsd-symmetric~kl": lambda: close(kl(_P3, _Q3), kl(_Q3, _P3)),
        "cs236-gan-fdiv-kl": lambda: close(sum(q * (p / q) * log(p / q) for p, q in zip(_P3, _Q3)), kl(_P3, _Q3)),
        "cs236-gan-fdiv-kl~reverse": lambda: close(
            sum(q * (p / q) * log(p / q) for p, q in zip(_P3, _Q3)), kl(_Q3, _P3)
        ),
        "karpathy-hacker-product-derivative": lambda: always(
            lambda x, y: all(
                close(v, y)
                for h in (mpf("0.01"), mpf("-0.3"))
                for v in (
                    diff(lambda t: t * y, x),
                    ((x + h) * y - x * y) / h,
                    (x * y + h * y - x * y) / h,
                    h * y / h,
                )
            ),
            _XN,
        ),
        "karpathy-hacker-product-derivative~x": lambda: always(lambda x, y: close(diff(lambda t: t * y, x), x), _XN),
        "karpathy-hacker-mul-gate": lambda: always(
            lambda q, z: close(diff(lambda t: t * z, q), z) and close(diff(lambda t: q * t, z), q), _XN
        ),
        "karpathy-hacker-mul-gate~swap": lambda: always(
            lambda q, z: close(diff(lambda t: t * z, q), q) and close(diff(lambda t: q * t, z), z), _XN
        ),
        "karpathy-hacker-add-gate": lambda: always(
            lambda x, y: close(diff(lambda t: t + y, x), 1) and close(diff(lambda t: x + t, y), 1), _XN
        ),
        "karpathy-hacker-add-gate~zero": lambda: always(
            lambda x, y: close(diff(lambda t: t + y, x), 1) and close(diff(lambda t: x + t, y), 0), _XN
        ),
        "karpathy-hacker-chain": lambda: always(
            lambda x, y, z: close(diff(lambda t: (t + y) * z, x), 1 * z), [(a, b, mpf("-1.7")) for a, b in _XN]
        ),
        "karpathy-hacker-chain~wrong-factor": lambda: always(
            lambda x, y, z: close(diff(lambda t: (t + y) * z, x), 1 * (x + y)), [(a, b, mpf("-1.7")) for a, b in _XN]
        ),
        "karpathy-hacker-sigmoid": lambda: always(lambda x: close(D(sigmoid, x), sigmoid(x) * (1 - sigmoid(x))), REAL),
        "karpathy-hacker-sigmoid~plus": lambda: always(
            lambda x: close(D(sigmoid, x), sigmoid(x) * (1 + sigmoid(x))), REAL
        ),
        "karpathy-microgpt-mul": lambda: always(lambda a, b: close(diff(lambda t: t * b, a), b), _XN),
        "karpathy-microgpt-mul~a": lambda: always(lambda a, b: close(diff(lambda t: t * b, a), a), _XN),
        "karpathy-microgpt-power": lambda: always(lambda a, n: close(diff(lambda t: t**n, a), n * a ** (n - 1)), _NR),
        "karpathy-microgpt-power~exponent": lambda: always(lambda a, n: close(diff(lambda t: t**n, a), n * a**n), _NR),
        "karpathy-microgpt-self": lambda: always(lambda v: close(D(lambda t: t, v), 1), REAL),
        "karpathy-microgpt-self~zero": lambda: always(lambda v: close(D(lambda t: t, v), 0), REAL),
        "karpathy-microgpt-uniform-loss": lambda: rounds_to(-log(mpf(1) / 27), "3.3"),
        "karpathy-microgpt-uniform-loss~digit": lambda: rounds_to(-log(mpf(1) / 27), "3.2"),
        "distill-mom-gradient": lambda: _quad_grad_check(lambda A, w, b: A * w - b),
        "distill-mom-gradient~half": lambda: _quad_grad_check(lambda A, w, b: A * w / 2 - b),
        "distill-mom-gd-mode": lambda: _gd_mode(1),
        "distill-mom-gd-mode~exponent": lambda: _gd_mode(0),
        "distill-mom-gap": lambda: _distill_gap(1),
        "distill-mom-gap-half": lambda: _distill_gap(mpf(1) / 2),
        "distill-mom-optimal-rate": lambda: _optimal_rate(1),
        "distill-mom-optimal-rate~denominator": lambda: _optimal_rate(0),
        "distill-mom-tikhonov": lambda: always(
            lambda l_, e: close(1 / (l_ + e), (1 - 1 / (1 + l_ / e)) / l_),
            [(mpf("0.37"), mpf("1.9")), (mpf(3), mpf("0.2"))],
        ),
        "distill-mom-tikhonov~ratio": lambda: always(
            lambda l_, e: close(1 / (l_ + e), (1 - 1 / (1 + e / l_)) / l_),
            [(mpf("0.37"), mpf("1.9")), (mpf(3), mpf("0.2"))],
        ),
        "distill-mom-gd-unrolled": lambda: _gd_unrolled(-1),
        "distill-mom-gd-unrolled~sign": lambda: _gd_unrolled(1),
        "distill-mom-momentum-unrolled": lambda: _momentum_unrolled(1),
        "distill-mom-momentum-rate": lambda: always(
            lambda l1, ln: close(
                ((sqrt(ln) - sqrt(l1)) / (sqrt(ln) + sqrt(l1))) ** 2,
                ((sqrt(ln / l1) - 1) / (sqrt(ln / l1) + 1)) ** 2,
            ),
            [(mpf("0.5"), mpf(3)), (mpf("0.01"), mpf(1))],
        ),
        "distill-mom-momentum-rate~no-root": lambda: always(
            lambda l1, ln: close(
                ((sqrt(ln) - sqrt(l1)) / (sqrt(ln) + sqrt(l1))) ** 2, ((ln / l1 - 1) / (ln / l1 + 1)) ** 2
            ),
            [(mpf("0.5"), mpf(3)), (mpf("0.01"), mpf(1))],
        ),
        "hfc-grpo-adv-correct": lambda: rounds_to(mpf("0.5") / mpf("0.53"), "0.94"),
        "hfc-grpo-adv-correct~digit": lambda: rounds_to(mpf("0.5") / mpf("0.53"), "0.96"),
        "hfc-grpo-adv-wrong": lambda: rounds_to(mpf("-0.5") / mpf("0.53"), "-0.94"),
        "hfc-grpo-adv-wrong~sign": lambda: rounds_to(mpf("-0.5") / mpf("0.53"), "0.94"),
        "hfc-grpo-std": lambda: rounds_to(_sample_std([1, 1, 1, 1, 0, 0, 0, 0], 1), "0.53"),
        "hfc-grpo-std~population": lambda: rounds_to(_sample_std([1, 1, 1, 1, 0, 0, 0, 0], 0), "0.53"),
        "hfc-grpo-ratio-case1": lambda: (
            Fraction(9, 5) == Fraction(18, 10) and _clip(mpf("1.8"), mpf("0.8"), mpf("1.2")) == mpf("1.2")
        ),
        "hfc-grpo-ratio-case1~digit": lambda: Fraction(9, 5) == Fraction(16, 10),
        "hfc-grpo-ratio-case2": lambda: (
            Fraction(2, 5) == Fraction(4, 10) and _clip(mpf("0.4"), mpf("0.8"), mpf("1.2")) == mpf("0.8")
        ),
        "hfc-grpo-ratio-case2~inverted": lambda: Fraction(5, 2) == Fraction(4, 10),
        "hfc-grpo-ratio-worked": lambda: (
            Fraction(7, 5) == Fraction(14, 10) and _clip(mpf("1.4"), mpf("0.8"), mpf("1.2")) == mpf("1.2")
        ),
        "hfc-grpo-ratio-worked~clip": lambda: _clip(mpf("1.4"), mpf("0.8"), mpf("1.2")) == mpf("1.3"),
        "hfc-grpo-question": lambda: 2 + 2 * 6 == 14,
        "hfc-grpo-question~left-to-right": lambda: 2 + 2 * 6 == 24,
        "hfc-grpo-kl": lambda: close(
            sum(p * log(p / q) for p, q in zip(_P3, _Q3)), cross_entropy(_P3, _Q3) - entropy(_P3)
        ),
        "hfc-grpo-kl~inverted": lambda: close(
            sum(p * log(q / p) for p, q in zip(_P3, _Q3)), cross_entropy(_P3, _Q3) - entropy(_P3)
        ),
        "hfc-grpo-objective": _grpo_objective_as_written,
        "lil-pg-product-rule": lambda: _pg_product(with_q_term=True),
        "lil-pg-product-rule~dropped": lambda: _pg_product(with_q_term=False),
        "lil-pg-marginal-reward": lambda: _marginal_next_state(sum),
        "lil-pg-marginal-reward~product": lambda: _marginal_next_state(_product),
        "lil-pg-log-trick": lambda: _log_trick(1),
        "lil-pg-log-trick~squared": lambda: _log_trick(2),
        "lil-pg-log-derivative": lambda: all(
            close(
                diff(lambda t: log(_pi_theta(t)[a]), _TH0), diff(lambda t: _pi_theta(t)[a], _TH0) / _pi_theta(_TH0)[a]
            )
            for a in range(3)
        ),
        "lil-pg-log-derivative~inverted": lambda: all(
            close(
                diff(lambda t: log(_pi_theta(t)[a]), _TH0), _pi_theta(_TH0)[a] / diff(lambda t: _pi_theta(t)[a], _TH0)
            )
            for a in range(3)
        ),
        "lil-pg-soft-update": lambda: always(
            lambda tau, th, th2: close(tau * th + (1 - tau) * th2, th2 + tau * (th - th2)),
            [(mpf("0.01"), mpf("1.5"), mpf("-0.4")), (mpf("0.3"), mpf("-2"), mpf("0.7"))],
        ),
        "lil-pg-soft-update~swap": lambda: always(
            lambda tau, th, th2: close(tau * th + (1 - tau) * th2, th + tau * (th2 - th)),
            [(mpf("0.01"), mpf("1.5"), mpf("-0.4")), (mpf("0.3"), mpf("-2"), mpf("0.7"))],
        ),
        "lil-att-ntm-content": lambda: _ntm_content(beta_below=True),
        "lil-att-ntm-content~no-strength": lambda: _ntm_content(beta_below=False),
        "lil-att-alignment": lambda: close(softmax(_SCORES), [exp(e) / sum(exp(v) for v in _SCORES) for e in _SCORES]),
        "lil-att-alignment-sum": lambda: close(sum(exp(e) / sum(exp(v) for v in _SCORES) for e in _SCORES), 1),
        "lil-att-alignment-sum~n": lambda: close(sum(exp(e) / sum(exp(v) for v in _SCORES) for e in _SCORES), 4),
        "lil-att-scaled-dot": lambda: close(
            scalar(col(_KEY).T * col(_MEM[0])) / sqrt(3), sum(a * b for a, b in zip(_KEY, _MEM[0])) / sqrt(3)
        ),
        "lil-att-scaled-dot~n": lambda: close(
            scalar(col(_KEY).T * col(_MEM[0])) / sqrt(3), sum(a * b for a, b in zip(_KEY, _MEM[0])) / 3
        ),
        "lil-att-ntm-write": lambda: always(
            lambda m, w, e, a: close(m * (1 - w * e) + w * a, m + w * (a - m * e)), _NTM_PTS
        ),
        "lil-att-ntm-write~sign": lambda: always(
            lambda m, w, e, a: close(m * (1 - w * e) + w * a, m + w * (a + m * e)), _NTM_PTS
        ),
        "lil-tl-bubble": lambda: all(
            1 - Fraction(2 * m * d, (2 * m + 2 * (d - 1)) * d) == Fraction(d - 1, m + d - 1)
            for m in range(1, 12)
            for d in range(1, 12)
        ),
        "lil-tl-bubble~denominator": lambda: all(
            1 - Fraction(2 * m * d, (2 * m + 2 * (d - 1)) * d) == Fraction(d - 1, m + d)
            for m in range(1, 12)
            for d in range(1, 12)
        ),
        "lil-tl-recompute": lambda: all(
            mpf(l_) / d + d >= 2 * sqrt(l_) for l_ in (1, 7, 100, 2500) for d in (mpf("0.5"), 1, 3, mpf("10.5"), 50)
        ),
        "lil-tl-recompute~bound": lambda: all(
            mpf(l_) / d + d >= l_ for l_ in (1, 7, 100, 2500) for d in (mpf("0.5"), 1, 3, mpf("10.5"), 50)
        ),
        "lil-tl-topk": lambda: close(softmax([mpf(2), mpf(1), -(mpf(10) ** 60)])[0], exp(2) / (exp(2) + exp(1))),
        "lil-tl-topk~three": lambda: close(
            softmax([mpf(2), mpf(1), -(mpf(10) ** 60)])[0], exp(2) / (exp(2) + exp(1) + 1)
        ),
        "lil-tl-bubble-4d": lambda: all(Fraction(d - 1, 5 * d - 1) < Fraction(1, 5) for d in range(1, 1000)),
        "lil-tl-bubble-4d~sixth": lambda: all(Fraction(d - 1, 5 * d - 1) < Fraction(1, 6) for d in range(1, 1000)),
        "lil-semi-mixup": lambda: _mixup(swap=False),
        "lil-semi-mixup~weights": lambda: _mixup(swap=True),
        "lil-semi-temporal-first": lambda: always(
            lambda a, z: close((a * 0 + (1 - a) * z) / (1 - a**1), z),
            [(mpf("0.6"), mpf("1.3")), (mpf("0.99"), mpf("-0.4"))],
        ),
        "lil-semi-temporal-first~square": lambda: always(
            lambda a, z: close((a * 0 + (1 - a) * z) / (1 - a**2), z),
            [(mpf("0.6"), mpf("1.3")), (mpf("0.99"), mpf("-0.4"))],
        ),
    }
)


# ---- unseen8: DeepSpeed, TensorFlow Probability, Keras, optax, torchmetrics docstrings -----------

_U8_GIB = mpf(2) ** 30
_U8_MIB = mpf(2) ** 20
_U8_P = mpf(2851) * 10**6  # parameters of the DeepSpeed example
_U8_L = mpf(32) * 10**6  # its largest layer


def _u8_gamma_z(power_sign):
    def one(a, b):
        return close(quad(lambda x: x ** (a - 1) * exp(-x * b), [0, 1, inf]), mp.gamma(a) * b ** (power_sign * a))

    return always(one, [(mpf("0.7"), mpf("1.3")), (mpf("2.5"), mpf("0.4")), (mpf("4"), mpf("3"))])


_U8_AB = [(mpf("0.7"), mpf("1.3")), (mpf("2.5"), mpf("0.4")), (mpf("4"), mpf("3"))]


def _u8_gamma_moments(stated):
    """stated(alpha, beta, mean, stddev) against the Gamma law's mean and deviation computed by quadrature."""

    def one(a, b):
        z = mp.gamma(a) * b**-a
        m = quad(lambda x: x * x ** (a - 1) * exp(-b * x), [0, 1, inf]) / z
        v = quad(lambda x: (x - m) ** 2 * x ** (a - 1) * exp(-b * x), [0, 1, inf]) / z
        return stated(a, b, m, sqrt(v))

    return always(one, _U8_AB)


def _u8_laplace_z(factor):
    def one(m, s):
        return close(quad(lambda x: exp(-abs(x - m) / s), [-inf, m, inf]), factor * s)

    return always(one, [(mpf("0.3"), mpf("0.8")), (mpf("-2"), mpf("2.5"))])


def _u8_laplace_density(jacobian):
    """Density of mu + sigma X (X standard Laplace) at y, by differentiating its cdf, against the stated form."""

    def cdf0(t):
        return exp(t) / 2 if t < 0 else 1 - exp(-t) / 2

    def one(y, m, s):
        dens = diff(lambda u: cdf0((u - m) / s), y)
        stated = (1 / s if jacobian else 1) * exp(-abs((y - m) / s)) / 2
        return close(dens, stated, mpf(10) ** -15) and close(exp(-abs(y - m) / s) / (2 * s), dens, mpf(10) ** -15)

    return always(one, [(mpf("0.9"), mpf("0.3"), mpf("2.5")), (mpf("-1.7"), mpf("0.2"), mpf("0.6"))])


def _u8_beta_z(shift):
    def one(a, b):
        return close(
            quad(lambda x: x ** (a - 1) * (1 - x) ** (b - 1), [0, mpf(1) / 2, 1]),
            mp.gamma(a) * mp.gamma(b) / mp.gamma(a + b + shift),
        )

    return always(one, [(mpf("1.5"), mpf("2.5")), (mpf("3"), mpf("1.2")), (mpf("2"), mpf("2"))])


def _u8_beta_mean(ratio_only):
    def one(mu, nu):
        a, b = mu * nu, (1 - mu) * nu
        mean = quad(lambda x: x * x ** (a - 1) * (1 - x) ** (b - 1), [0, 1]) / mp.beta(a, b)
        return close(a / b if ratio_only else a / (a + b), mean, mpf(10) ** -15)

    return always(one, [(mpf("0.3"), mpf("4")), (mpf("0.8"), mpf("2.5"))])


def _u8_beta_var_bound(bound):
    """The Beta variance (by quadrature) stays below bound(mu) for every total concentration sampled, down to 0.01."""

    def one(mu, nu):
        a, b = mu * nu, (1 - mu) * nu
        var = a * b / ((a + b) ** 2 * (a + b + 1))  # the Beta variance; checked against quadrature once below
        return var < bound(mu)

    a, b = mpf("1.2"), mpf("2.8")
    m = a / (a + b)
    q = quad(lambda x: (x - m) ** 2 * x ** (a - 1) * (1 - x) ** (b - 1), [0, 1]) / mp.beta(a, b)
    assert close(q, a * b / ((a + b) ** 2 * (a + b + 1)), mpf(10) ** -15)
    return always(
        one, [(mu, nu) for mu in (mpf("0.1"), mpf("0.5"), mpf("0.9")) for nu in (mpf("0.01"), mpf(1), mpf(50))]
    )


def _u8_t_norm(nu, s=1):
    return abs(s) * sqrt(nu * pi) * mp.gamma(nu / 2) / mp.gamma((nu + 1) / 2)


def _u8_studentt_z(swapped):
    def one(nu, m, s):
        lhs = quad(lambda x: (1 + ((x - m) / s) ** 2 / nu) ** (-(nu + 1) / 2), [-inf, m, inf])
        g1, g2 = mp.gamma(nu / 2), mp.gamma((nu + 1) / 2)
        return close(lhs, abs(s) * sqrt(nu * pi) * (g2 / g1 if swapped else g1 / g2), mpf(10) ** -15)

    return always(one, [(mpf("1.5"), mpf("0.4"), mpf("2")), (mpf("5"), mpf("-1"), mpf("0.7"))])


def _u8_studentt_var(stated):
    def one(nu):
        v = quad(lambda x: x**2 * (1 + x**2 / nu) ** (-(nu + 1) / 2), [-inf, 0, inf]) / _u8_t_norm(nu)
        return close(v, stated(nu), mpf(10) ** -12)

    return always(one, [(mpf("3.5"),), (mpf(6),)])


def _u8_first_moment(density, centre, written):
    """The mean of a density on the line, by quadrature over centre +- 1500 (the tails beyond are below 10^-50)."""
    cuts = [centre + k for k in (-1500, -200, -50, 0, 50, 200, 1500)]
    total = quad(density, cuts)
    mean = quad(lambda x: x * density(x), cuts)
    assert close(total, 1, mpf(10) ** -10)
    return rounds_to(mean, written)


def _u8_studentt_example_mean(written):
    """df 2: the mean integral converges slowly; by symmetry about loc it is loc, checked as the balance of the two halves."""
    nu, loc, s = mpf(2), mpf(1), mpf(11)
    z = s * sqrt(nu * pi) * mp.gamma(1) / mp.gamma(mpf("1.5"))

    def dens(x):
        return (1 + ((x - loc) / s) ** 2 / nu) ** (-(nu + 1) / 2) / z

    assert close(quad(dens, [-inf, loc, inf]), 1, mpf(10) ** -15)
    # E[X - loc] over each half: finite for df 2 (density ~ |x|^-3); they cancel
    right = quad(lambda u: u * dens(loc + u), [0, inf])
    left = quad(lambda u: -u * dens(loc - u), [0, inf])
    return rounds_to(loc + right + left, written)


_U8_X_MU_S = [
    (mpf("0.7"), mpf("0.2"), mpf("1.5")),
    (mpf("-2.1"), mpf("1"), mpf("0.6")),
    (mpf("3"), mpf("-1"), mpf("2")),
]


def _u8_cdf_slope(cdf, stated):
    return always(lambda x, m, s: close(diff(lambda u: cdf(u, m, s), x), stated(x, m, s)), _U8_X_MU_S)


def _u8_gumbel_cdf(x, m, s):
    return exp(-exp(-(x - m) / s))


def _u8_logistic_cdf(x, m, s):
    return 1 / (1 + exp(-(x - m) / s))


def _u8_ccc(n_div):
    t = [mpf(3), mpf("-0.5"), mpf(2), mpf(7)]
    p = [mpf("2.5"), mpf(0), mpf(2), mpf(8)]
    mt, mp_ = sum(t) / 4, sum(p) / 4
    cov = sum((a - mp_) * (b - mt) for a, b in zip(p, t)) / n_div
    vp = sum((a - mp_) ** 2 for a in p) / n_div
    vt = sum((b - mt) ** 2 for b in t) / n_div
    return 2 * cov / (vp + vt + (mp_ - mt) ** 2)


def _u8_tm_data():
    return [mpf(3), mpf("-0.5"), mpf(2), mpf(7)], [mpf("2.5"), mpf(0), mpf(2), mpf(8)]


def _u8_explained_variance(centred):
    t, p = _u8_tm_data()
    e = [a - b for a, b in zip(t, p)]
    me = sum(e) / 4 if centred else 0
    mt = sum(t) / 4
    return 1 - (sum((x - me) ** 2 for x in e) / 4) / (sum((x - mt) ** 2 for x in t) / 4)


def _u8_rse():
    t, p = _u8_tm_data()
    mt = sum(t) / 4
    return sum((a - b) ** 2 for a, b in zip(t, p)) / sum((a - mt) ** 2 for a in t)


_U8_PCT_T = [mpf(1), mpf(10), mpf(10) ** 6]
_U8_PCT_P = [mpf("0.9"), mpf(15), mpf("1.2") * 10**6]


def _u8_kendall_counts():
    p = [mpf("2.5"), mpf(0), mpf(2), mpf(8)]
    t = [mpf(3), mpf("-0.5"), mpf(2), mpf(1)]
    c = d = 0
    for i, j in itertools.combinations(range(4), 2):
        s = (p[i] - p[j]) * (t[i] - t[j])
        c, d = c + (s > 0), d + (s < 0)
    return c, d


def _u8_msle(plus_one):
    t = [mpf("2.5"), mpf(5), mpf(4), mpf(8)]
    p = [mpf(3), mpf(5), mpf("2.5"), mpf(7)]
    k = 1 if plus_one else 0
    return sum((log(k + a) - log(k + b)) ** 2 for a, b in zip(t, p)) / 4


def _u8_tweedie_general(y, yh, p):
    return 2 * (y ** (2 - p) / ((1 - p) * (2 - p)) - y * yh ** (1 - p) / (1 - p) + yh ** (2 - p) / (2 - p))


_U8_YY = [(mpf("0.7"), mpf("1.9")), (mpf("3.2"), mpf("0.4")), (mpf("1.5"), mpf("1.5"))]


def _u8_tweedie_limit(p0, stated):
    """The general deviance near p0 (from both sides, by Richardson-free two-sided averaging) against the stated case."""

    def one(y, yh):
        h = mpf(10) ** -12
        near = (_u8_tweedie_general(y, yh, p0 - h) + _u8_tweedie_general(y, yh, p0 + h)) / 2
        return close(near, stated(y, yh), mpf(10) ** -10)

    return always(one, _U8_YY)


def _u8_tweedie_p2_mean(factor):
    t = [mpf(1), mpf(2), mpf(3), mpf(4)]
    p = [mpf(4), mpf(3), mpf(2), mpf(1)]
    return factor * sum(log(b / a) + a / b - 1 for a, b in zip(t, p)) / 4


def _u8_poly1(sign):
    def one(pt, e1):
        series = (e1 + 1) * (1 - pt) + nsum(lambda j: (1 - pt) ** j / j, [2, inf])
        return close(series, -log(pt) + sign * e1 * (1 - pt))

    return always(one, [(mpf("0.3"), mpf("0.7")), (mpf("0.85"), mpf("-2.1"))])


def _u8_ce(logits, label):
    return -log(softmax(logits)[label])


_U8_ROW1 = [mpf("1.2"), mpf("-0.8"), mpf("-0.5")]
_U8_ROW2 = [mpf("0.9"), mpf("-1.2"), mpf("1.1")]
_U8_EER = [(mpf("0.1"),), (mpf("0.37"),), (mpf("0.8"),)]

CHECKS.update(
    {
        "u8-ds-zero2-gpu-offload": lambda: rounds_to(2 * _U8_P / _U8_GIB, "5.31"),
        "u8-ds-zero2-gpu-offload~fp32": lambda: rounds_to(4 * _U8_P / _U8_GIB, "5.31"),
        "u8-ds-zero2-gpu": lambda: rounds_to((4 * _U8_P + 16 * _U8_P / 8) / _U8_GIB, "15.93"),
        "u8-ds-zero2-gpu~decimal-gb": lambda: rounds_to((4 * _U8_P + 16 * _U8_P / 8) / mpf(10) ** 9, "15.93"),
        "u8-ds-zero3-case1": lambda: rounds_to((4 * _U8_L + 18 * _U8_P / 8) / _U8_GIB, "6.09"),
        "u8-ds-zero3-case1~sixteen": lambda: rounds_to((4 * _U8_L + 16 * _U8_P / 8) / _U8_GIB, "6.09"),
        "u8-ds-zero3-case3": lambda: rounds_to((4 * _U8_L + 2 * _U8_P / 8) / _U8_GIB, "0.78"),
        "u8-ds-zero3-case3~no-layer": lambda: rounds_to((2 * _U8_P / 8) / _U8_GIB, "0.78"),
        "u8-ds-zero3-case2": lambda: rounds_to(4 * _U8_L / _U8_GIB, "0.12"),
        "u8-ds-zero3-case2~params-only": lambda: rounds_to(2 * _U8_L / _U8_GIB, "0.12"),
        "u8-ds-cpu-zero2": lambda: rounds_to(_U8_P * max(4 * 8, 16) * mpf("1.5") / _U8_GIB, "127.45"),
        "u8-ds-cpu-zero2~one-gpu": lambda: rounds_to(_U8_P * max(4, 16) * mpf("1.5") / _U8_GIB, "127.45"),
        "u8-ds-cpu-zero3-offload": lambda: rounds_to(_U8_P * 18 * 1 * mpf("1.5") / _U8_GIB, "71.69"),
        "u8-ds-cpu-zero3-offload~sixteen": lambda: rounds_to(_U8_P * 16 * 1 * mpf("1.5") / _U8_GIB, "71.69"),
        "u8-ds-cpu-zero3-optimizer": lambda: rounds_to(_U8_P * 16 * mpf("1.5") / _U8_GIB, "63.72"),
        "u8-ds-cpu-zero3-optimizer~digits": lambda: rounds_to(_U8_P * 16 * mpf("1.5") / _U8_GIB, "63.27"),
        "u8-ds-cpu-zero3-init": lambda: rounds_to(_U8_L * 4 * 8 * mpf("1.5") / _U8_GIB, "1.43"),
        "u8-ds-cpu-zero3-init~no-buffer": lambda: rounds_to(_U8_L * 4 * 8 / _U8_GIB, "1.43"),
        "u8-ds-11b-fp16": lambda: 11 * 10**9 * 2 == 22 * 10**9,
        "u8-ds-11b-fp16~fp32": lambda: 11 * 10**9 * 4 == 22 * 10**9,
        "u8-ds-t5-case1": lambda: int(mp.floor((4 * mpf("32.90e6") + 18 * mpf("737.67e6") / 4) / _U8_MIB)) == 3291,
        "u8-ds-t5-case1~eight-gpus": lambda: (
            int(mp.floor((4 * mpf("32.90e6") + 18 * mpf("737.67e6") / 8) / _U8_MIB)) == 3291
        ),
        "u8-ds-t5-case3": lambda: int(mp.floor((4 * mpf("32.90e6") + 2 * mpf("737.67e6") / 4) / _U8_MIB)) == 477,
        "u8-ds-t5-case3~digits": lambda: int(mp.floor((4 * mpf("32.90e6") + 2 * mpf("737.67e6") / 4) / _U8_MIB)) == 447,
        "u8-ds-cpu-zero3-no-init": lambda: rounds_to(_U8_P * max(4 * 8, 18 * 1) * mpf("1.5") / _U8_GIB, "127.45"),
        "u8-ds-cpu-zero3-no-init~one-gpu": lambda: rounds_to(_U8_P * max(4, 18 * 1) * mpf("1.5") / _U8_GIB, "127.45"),
        "u8-ds-16-bytes": lambda: 4 + 4 + 4 + 4 == 16,
        "u8-ds-16-bytes~no-variance": lambda: 4 + 4 + 4 == 16,
        "u8-tfp-gamma-z": lambda: _u8_gamma_z(-1),
        "u8-tfp-gamma-z~sign": lambda: _u8_gamma_z(1),
        "u8-tfp-gamma-concentration": lambda: _u8_gamma_moments(
            lambda a, b, m, s: close(a, (m / s) ** 2, mpf(10) ** -15)
        ),
        "u8-tfp-gamma-concentration~no-square": lambda: _u8_gamma_moments(
            lambda a, b, m, s: close(a, m / s, mpf(10) ** -15)
        ),
        "u8-tfp-gamma-rate": lambda: _u8_gamma_moments(
            lambda a, b, m, s: close(b, m / s**2, mpf(10) ** -15) and close(m / s**2, a / m, mpf(10) ** -15)
        ),
        "u8-tfp-gamma-rate~inverted": lambda: _u8_gamma_moments(
            lambda a, b, m, s: close(b, m / s**2, mpf(10) ** -15) and close(m / s**2, m / a, mpf(10) ** -15)
        ),
        "u8-tfp-gamma-example-concentration": lambda: Fraction(15, 10) ** 2 / Fraction(75, 100) == 3,
        "u8-tfp-gamma-example-concentration~no-square": lambda: Fraction(15, 10) / Fraction(75, 100) == 3,
        "u8-tfp-gamma-example-rate": lambda: Fraction(15, 10) / Fraction(75, 100) == 2,
        "u8-tfp-gamma-example-rate~inverted": lambda: Fraction(75, 100) / Fraction(15, 10) == 2,
        "u8-tfp-laplace-z": lambda: _u8_laplace_z(2),
        "u8-tfp-laplace-z~half": lambda: _u8_laplace_z(1),
        "u8-tfp-laplace-location-scale": lambda: _u8_laplace_density(True),
        "u8-tfp-laplace-location-scale~no-jacobian": lambda: _u8_laplace_density(False),
        "u8-tfp-beta-z": lambda: _u8_beta_z(0),
        "u8-tfp-beta-z~shift": lambda: _u8_beta_z(1),
        "u8-tfp-beta-mean": lambda: _u8_beta_mean(False),
        "u8-tfp-beta-mean~ratio": lambda: _u8_beta_mean(True),
        "u8-tfp-beta-variance-bound": lambda: _u8_beta_var_bound(lambda mu: mu * (1 - mu)),
        "u8-tfp-beta-variance-bound~half": lambda: _u8_beta_var_bound(lambda mu: mu * (1 - mu) / 2),
        "u8-tfp-beta-max-variance": lambda: always(
            lambda mu: mu * (1 - mu) <= mpf("0.25"), [(mpf(k) / 100,) for k in range(1, 100)]
        ),
        "u8-tfp-beta-max-variance~fifth": lambda: always(
            lambda mu: mu * (1 - mu) <= mpf("0.2"), [(mpf(k) / 100,) for k in range(1, 100)]
        ),
        "u8-tfp-studentt-z": lambda: _u8_studentt_z(False),
        "u8-tfp-studentt-z~swapped": lambda: _u8_studentt_z(True),
        "u8-tfp-studentt-std": lambda: _u8_studentt_var(lambda nu: nu / (nu - 2)),
        "u8-tfp-studentt-std~minus-one": lambda: _u8_studentt_var(lambda nu: nu / (nu - 1)),
        "u8-tfp-studentt-example-mean": lambda: _u8_studentt_example_mean("1"),
        "u8-tfp-studentt-example-mean~scale": lambda: _u8_studentt_example_mean("11"),
        "u8-tfp-gumbel-pdf": lambda: _u8_cdf_slope(
            _u8_gumbel_cdf, lambda x, m, s: exp(-(x - m) / s - exp(-(x - m) / s)) / s
        ),
        "u8-tfp-gumbel-pdf~no-scale": lambda: _u8_cdf_slope(
            _u8_gumbel_cdf, lambda x, m, s: exp(-(x - m) / s - exp(-(x - m) / s))
        ),
        "u8-tfp-gumbel-example-mean": lambda: _u8_first_moment(
            lambda x: exp(-(x - 1) / 11 - exp(-(x - 1) / 11)) / 11, mpf(1), "1"
        ),
        "u8-tfp-gumbel-example-mean~right": lambda: _u8_first_moment(
            lambda x: exp(-(x - 1) / 11 - exp(-(x - 1) / 11)) / 11, mpf(1), "7.35"
        ),
        "u8-tfp-logistic-example-mean": lambda: _u8_first_moment(
            lambda x: exp(-(x - 1) / 11) / (11 * (1 + exp(-(x - 1) / 11)) ** 2), mpf(1), "1"
        ),
        "u8-tfp-logistic-example-mean~scale": lambda: _u8_first_moment(
            lambda x: exp(-(x - 1) / 11) / (11 * (1 + exp(-(x - 1) / 11)) ** 2), mpf(1), "11"
        ),
        "u8-tfp-logistic-pdf": lambda: _u8_cdf_slope(
            _u8_logistic_cdf, lambda x, m, s: exp(-(x - m) / s) / (s * (1 + exp(-(x - m) / s)) ** 2)
        ),
        "u8-tfp-logistic-pdf~no-scale": lambda: _u8_cdf_slope(
            _u8_logistic_cdf, lambda x, m, s: exp(-(x - m) / s) / (1 + exp(-(x - m) / s)) ** 2
        ),
        "u8-keras-sparse-plus-slope": lambda: always(
            lambda x: close(D(lambda u: (u + 1) ** 2 / 4, x), mpf("0.5") * (x + 1)), [(mpf("-0.6"),), (mpf("0.45"),)]
        ),
        "u8-keras-sparse-plus-slope~quarter": lambda: always(
            lambda x: close(D(lambda u: (u + 1) ** 2 / 4, x), mpf("0.25") * (x + 1)), [(mpf("-0.6"),), (mpf("0.45"),)]
        ),
        "u8-keras-sparse-plus-join-right": lambda: Fraction(1, 4) * (1 + 1) ** 2 == 1,
        "u8-keras-sparse-plus-join-right~half": lambda: Fraction(1, 2) * (1 + 1) ** 2 == 1,
        "u8-keras-sparse-plus-join-left": lambda: Fraction(1, 4) * (-1 + 1) ** 2 == 0,
        "u8-keras-sparse-plus-join-left~sign": lambda: Fraction(1, 4) * (-1 - 1) ** 2 == 0,
        "u8-keras-hard-silu": lambda: always(
            lambda x: close(x * (x / 6 + mpf("0.5")), x * (x + 3) / 6), [(mpf("-2.2"),), (mpf("0.7"),), (mpf("2.9"),)]
        ),
        "u8-keras-hard-silu~six": lambda: always(
            lambda x: close(x * (x / 6 + mpf("0.5")), x * (x + 6) / 6), [(mpf("-2.2"),), (mpf("0.7"),), (mpf("2.9"),)]
        ),
        "u8-keras-hard-sigmoid-join": lambda: Fraction(3, 6) + Fraction(1, 2) == 1,
        "u8-keras-hard-sigmoid-join~third": lambda: Fraction(3, 3) + Fraction(1, 2) == 1,
        "u8-keras-log-sigmoid": lambda: always(lambda x: close(log(1 / (1 + exp(-x))), x - log(1 + exp(x))), REAL),
        "u8-keras-log-sigmoid~sign": lambda: always(lambda x: close(log(1 / (1 + exp(-x))), x + log(1 + exp(x))), REAL),
        "u8-keras-celu-slope": lambda: always(
            lambda x, a: close(D(lambda u: a * (exp(u / a) - 1), x), exp(x / a)),
            [(mpf("-0.4"), mpf("1.3")), (mpf("-2"), mpf("0.5"))],
        ),
        "u8-keras-celu-slope~alpha": lambda: always(
            lambda x, a: close(D(lambda u: a * (exp(u / a) - 1), x), a * exp(x / a)),
            [(mpf("-0.4"), mpf("1.3")), (mpf("-2"), mpf("0.5"))],
        ),
        "u8-keras-logcosh-small": lambda: close(mp.limit(lambda x: log(mp.cosh(x)) / (x**2 / 2), 0), 1, mpf(10) ** -10),
        "u8-keras-logcosh-small~no-half": lambda: close(
            mp.limit(lambda x: log(mp.cosh(x)) / x**2, 0), 1, mpf(10) ** -10
        ),
        "u8-keras-logcosh-large": lambda: abs(log(mp.cosh(mpf(60))) - (60 - log(2))) < mpf(10) ** -20,
        "u8-keras-logcosh-large~plus": lambda: abs(log(mp.cosh(mpf(60))) - (60 + log(2))) < mpf(10) ** -20,
        "u8-keras-logcosh-example": lambda: rounds_to(log(mp.cosh(1)) / 4, "0.108"),
        "u8-keras-logcosh-example~pairs": lambda: rounds_to(log(mp.cosh(1)) / 2, "0.108"),
        "u8-keras-logcosh-softplus": lambda: always(
            lambda x: close(x + log(1 + exp(-2 * x)) - log(2), log(mp.cosh(x))), REAL
        ),
        "u8-keras-logcosh-softplus~plus": lambda: always(
            lambda x: close(x + log(1 + exp(-2 * x)) + log(2), log(mp.cosh(x))), REAL
        ),
        "u8-keras-poisson-gradient": lambda: always(
            lambda y, yh: close(D(lambda u: u - y * log(u), yh), 1 - y / yh),
            [(mpf("0.4"), mpf("1.7")), (mpf(3), mpf("0.9"))],
        ),
        "u8-keras-poisson-gradient~sign": lambda: always(
            lambda y, yh: close(D(lambda u: u - y * log(u), yh), 1 + y / yh),
            [(mpf("0.4"), mpf("1.7")), (mpf(3), mpf("0.9"))],
        ),
        # both Huber pieces at |x| = delta (the quadratic piece 0.5 x^2 at x = delta)
        "u8-keras-huber-join": lambda: always(lambda d: close(d * d - d**2 / 2, d**2 / 2), POS),
        "u8-keras-huber-join~full": lambda: always(lambda d: close(d * d - d**2, d**2 / 2), POS),
        "u8-optax-poly1": lambda: _u8_poly1(1),
        "u8-optax-poly1~sign": lambda: _u8_poly1(-1),
        "u8-optax-poly-series": lambda: always(
            lambda pt: close(nsum(lambda j: (1 - pt) ** j / j, [1, inf]), -log(pt)), [(mpf("0.3"),), (mpf("0.9"),)]
        ),
        "u8-optax-poly-series~factorial": lambda: always(
            lambda pt: close(nsum(lambda j: (1 - pt) ** j / mp.factorial(j), [1, inf]), -log(pt)),
            [(mpf("0.3"),), (mpf("0.9"),)],
        ),
        "u8-optax-int-labels": lambda: rounds_to(-_u8_ce(_U8_ROW1, 0), "0.2761"),
        "u8-optax-int-labels~right": lambda: rounds_to(_u8_ce(_U8_ROW1, 0), "0.2761"),
        "u8-optax-int-labels-row2": lambda: rounds_to(_u8_ce(_U8_ROW2, 1), "2.9518"),
        "u8-optax-int-labels-row2~class0": lambda: rounds_to(_u8_ce(_U8_ROW2, 0), "2.9518"),
        "u8-tm-tweedie-p0": lambda: always(lambda y, yh: close(_u8_tweedie_general(y, yh, 0), (yh - y) ** 2), _U8_YY),
        "u8-tm-tweedie-p0~no-two": lambda: always(
            lambda y, yh: close(_u8_tweedie_general(y, yh, 0) / 2, (yh - y) ** 2), _U8_YY[:2]
        ),
        "u8-tm-tweedie-p1": lambda: _u8_tweedie_limit(1, lambda y, yh: 2 * (y * log(y / yh) + yh - y)),
        "u8-tm-tweedie-p1~inverted": lambda: _u8_tweedie_limit(1, lambda y, yh: 2 * (y * log(yh / y) + yh - y)),
        "u8-tm-tweedie-p2": lambda: _u8_tweedie_limit(2, lambda y, yh: 2 * (log(yh / y) + y / yh - 1)),
        "u8-tm-tweedie-p2~inverted": lambda: _u8_tweedie_limit(2, lambda y, yh: 2 * (log(y / yh) + y / yh - 1)),
        "u8-tm-tweedie-example": lambda: rounds_to(_u8_tweedie_p2_mean(2), "1.2083"),
        "u8-tm-tweedie-example~no-two": lambda: rounds_to(_u8_tweedie_p2_mean(1), "1.2083"),
        "u8-tm-ccc-example": lambda: rounds_to(_u8_ccc(3), "0.9777"),
        "u8-tm-ccc-example~biased": lambda: rounds_to(_u8_ccc(4), "0.9777"),
        "u8-tm-explained-variance-example": lambda: rounds_to(_u8_explained_variance(True), "0.9572"),
        "u8-tm-explained-variance-example~uncentred": lambda: rounds_to(_u8_explained_variance(False), "0.9572"),
        "u8-tm-smape-example": lambda: rounds_to(
            mpf(2) / 3 * sum(abs(a - b) / (abs(a) + abs(b)) for a, b in zip(_U8_PCT_T, _U8_PCT_P)), "0.2290"
        ),
        "u8-tm-smape-example~one-third": lambda: rounds_to(
            mpf(1) / 3 * sum(abs(a - b) / (abs(a) + abs(b)) for a, b in zip(_U8_PCT_T, _U8_PCT_P)), "0.2290"
        ),
        "u8-tm-mape-example": lambda: rounds_to(
            sum(abs(a - b) / abs(a) for a, b in zip(_U8_PCT_T, _U8_PCT_P)) / 3, "0.2667"
        ),
        "u8-tm-mape-example~by-prediction": lambda: rounds_to(
            sum(abs(a - b) / abs(b) for a, b in zip(_U8_PCT_T, _U8_PCT_P)) / 3, "0.2667"
        ),
        "u8-tm-rse-example": lambda: rounds_to(_u8_rse(), "0.0514"),
        "u8-tm-rse-example~digits": lambda: rounds_to(_u8_rse(), "0.0541"),
        "u8-tm-msle-example": lambda: rounds_to(_u8_msle(True), "0.0397"),
        "u8-tm-msle-example~no-one": lambda: rounds_to(_u8_msle(False), "0.0397"),
        "u8-tm-kendall-example": lambda: _u8_kendall_counts() == (4, 2) and rounds_to(mpf(4 - 2) / (4 + 2), "0.3333"),
        "u8-tm-kendall-example~counts": lambda: _u8_kendall_counts() == (5, 1),
        "u8-tm-kendall-tau-b": lambda: all(
            Fraction(c - d) ** 2 / ((c + d + 0) * (c + d + 0)) == Fraction(c - d, c + d) ** 2 and (c + d) > 0
            for c in range(1, 6)
            for d in range(1, 6)
        ),
        "u8-tm-kendall-tau-b~one-root": lambda: always(
            lambda c, d: close((c - d) / sqrt((c + d) * (c + d)), (c - d) / sqrt(c + d)),
            [(mpf(4), mpf(1)), (mpf(2), mpf(5))],
        ),
        "u8-tm-kendall-tau-c": lambda: (
            _u8_kendall_counts() == (4, 2) and rounds_to(2 * mpf(4 - 2) / (4**2 * mpf(4 - 1) / 4), "0.3333")
        ),
        "u8-tm-kendall-tau-c~no-two": lambda: rounds_to(mpf(4 - 2) / (4**2 * mpf(4 - 1) / 4), "0.3333"),
        "u8-tm-eer-binary": lambda: always(lambda r: close((r + r) / 2, r), _U8_EER),
        "u8-tm-eer-binary~half": lambda: always(lambda r: close(r + r, r), _U8_EER),
        "u8-tm-eer-multiclass": lambda: always(lambda r: close((r + (1 - r)) / 2, r), _U8_EER),
    }
)


# ---- unseen9: course notes, textbooks and blog posts (Olah, Dive into Deep Learning, Lil'Log, HF course) ----


def _log2(x):
    return log(x) / log(2)


_U9_BOB = vec(["0.5", "0.25", "0.125", "0.125"])  # Bob's distribution over dog, cat, fish, bird
_U9_ALICE = vec(["0.125", "0.5", "0.25", "0.125"])  # Alice's


def _u9_h2(p):
    return sum(x * _log2(1 / x) for x in p)


def _u9_cross2(weights, code):
    """sum_x weights(x) log2(1/code(x)): the mean length of the code of `code` under `weights`."""
    return sum(w * _log2(1 / c) for w, c in zip(weights, code))


_U9_DISTS = [
    (vec(["0.2", "0.5", "0.3"]), vec(["0.6", "0.1", "0.3"])),
    (vec(["0.7", "0.1", "0.2"]), vec(["0.25", "0.25", "0.5"])),
]


def _u9_kl(inverted):
    for p, q in _U9_DISTS:
        lhs = _u9_cross2(p, q) - _u9_h2(p)
        rhs = sum(a * _log2((b / a) if inverted else (a / b)) for a, b in zip(p, q))
        if not close(lhs, rhs):
            return False
    return True


def _u9_cond_entropy(last_joint):
    """H(X|Y) as the average over y of the entropy of p(.|y), against the joint sum."""
    first = sum(PY[j] * sum((JOINT[i][j] / PY[j]) * _log2(PY[j] / JOINT[i][j]) for i in range(2)) for j in range(3))
    second = sum(
        JOINT[i][j] * _log2(1 / (JOINT[i][j] if last_joint else JOINT[i][j] / PY[j]))
        for i in range(2)
        for j in range(3)
    )
    return close(first, second)


def _u9_mi(inverted):
    hx, hy = _u9_h2(PX), _u9_h2(PY)
    hxy = _u9_h2([v for r in JOINT for v in r])
    ratio = [[JOINT[i][j] / (PX[i] * PY[j]) for j in range(3)] for i in range(2)]
    rhs = sum(JOINT[i][j] * _log2(1 / ratio[i][j] if inverted else ratio[i][j]) for i in range(2) for j in range(3))
    return close(hx + hy - hxy, rhs)


def _u9_chain(first):
    """p(x, y) = first(x, y) p(y|x) for every cell of the joint table."""
    return all(close(JOINT[i][j], first(i, j) * JOINT[i][j] / PX[i]) for i in range(2) for j in range(3))


_U9_WEATHER = [[mpf("0.15"), mpf("0.10")], [mpf("0.05"), mpf("0.70")]]  # [rain, dry] x [coat, no coat]


def _u9_rain(reversed_):
    joint = _U9_WEATHER[0][0]
    p_rain = sum(_U9_WEATHER[0])
    p_coat = _U9_WEATHER[0][0] + _U9_WEATHER[1][0]
    factor = joint / p_rain if reversed_ else joint / p_coat
    return close(joint, p_coat * factor)


def _u9_e(a, b):
    return (a + b) * (b + 1)


def _u9_paths(drop_last):
    """Three edges X -> Y (alpha, beta, gamma), three edges Y -> Z (delta, epsilon, zeta): dZ/dX by finite differences."""
    ab = vec(["0.7", "-1.3", "2.1"])
    de = vec(["0.4", "1.6", "-0.9"])

    def z(x):
        y = sum(c * x for c in ab)
        return sum(c * y for c in de)

    lhs = D(z, mpf("0.3"))
    terms = [a * d for a in ab for d in de]
    if drop_last:
        terms = terms[:-1]
    return close(lhs, sum(terms), mpf(10) ** -15)


_U9_FI = [(mpf("1.5"), mpf("0.3")), (mpf("0.4"), mpf("-1.1")), (mpf("2.2"), mpf("0.8"))]  # f_i(x) = c (x - m)^2


def _u9_sgd_unbiased(with_mean):
    n = len(_U9_FI)
    x = mpf("0.45")

    def f(t):
        return sum(c * (t - m) ** 2 for c, m in _U9_FI) / n

    grads = [D(lambda t, c=c, m=m: c * (t - m) ** 2, x) for c, m in _U9_FI]
    expectation = sum(g * Fraction(1, n) for g in grads)  # i uniform on {1, ..., n}
    middle = sum(grads) / n if with_mean else sum(grads)
    return close(expectation, middle, mpf(10) ** -15) and close(middle, D(f, x), mpf(10) ** -15)


def _u9_omit(n, power):
    """P(example 1 is never drawn in n uniform draws with replacement), by enumeration, against (1 - 1/n)^power."""
    never = sum(1 for draws in itertools.product(range(n), repeat=n) if 0 not in draws)
    return Fraction(never, n**n) == (1 - Fraction(1, n)) ** power


def _u9_once(factor):
    """P(example 1 drawn exactly once in n draws) by enumeration, C(n,1)(1/n)(1-1/n)^{n-1}, and the written right side."""
    for n in (3, 4, 5):
        once = Fraction(sum(1 for d in itertools.product(range(n), repeat=n) if d.count(0) == 1), n**n)
        left = comb(n, 1) * Fraction(1, n) * (1 - Fraction(1, n)) ** (n - 1)
        if once != left or left != factor(n) * (1 - Fraction(1, n)) ** n:
            return False
    return True


def _u9_limit_of(f, target):
    """f(n) approaches target: at n = 10^8 within 10^-7."""
    return abs(f(mpf(10) ** 8) - target) < mpf(10) ** -7


def _u9_adagrad(sign):
    lam = [mpf(2), mpf("0.5")]
    c = vec(["0.3", "-1.2"])
    x0 = [-ci / li for ci, li in zip(c, lam)]
    for x in (vec(["0.7", "1.4"]), vec(["-1.1", "0.2"])):
        g = grad(lambda v: sum(li * vi**2 for li, vi in zip(lam, v)) / 2 + dot(c, v) + mpf("0.9"), x)
        mid = [li * xi + ci for li, xi, ci in zip(lam, x, c)]
        last = [li * (xi + sign * x0i) for li, xi, x0i in zip(lam, x, x0)]
        if not (close(g, mid, mpf(10) ** -15) and close(mid, last)):
            return False
    return True


def _u9_adagrad_example(a, b):
    x = vec(["0.7", "-1.3"])
    g = grad(lambda v: mpf("0.1") * v[0] ** 2 + 2 * v[1] ** 2, x)
    return close(g, [a * x[0], b * x[1]], mpf(10) ** -15)


def _u9_normal_moment(k, s=1):
    """E[w^k] for w ~ N(0, s^2), by quadrature of the density."""
    return quad(lambda w: w**k * _phi(w / s) / s, [-inf, inf])


def _u9_gp_mean(rhs):
    m0, m1 = _u9_normal_moment(1), _u9_normal_moment(1)
    return all(close(m0 + m1 * x, rhs(x), mpf(10) ** -15) for (x,) in REAL)


def _u9_gp_cov(rhs):
    second = _u9_normal_moment(2)
    first = _u9_normal_moment(1)
    for x, xp in _UV:
        # E[f(x) f(x')] for f(x) = w0 + w1 x, w0 and w1 independent, less E[f(x)] E[f(x')]
        exy = second + first * first * (x + xp) + second * x * xp
        cov = exy - (first + first * x) * (first + first * xp)
        if not close(cov, rhs(x, xp), mpf(10) ** -15):
            return False
    return True


def _u9_gp_features(power):
    sigma, J = mpf("1.7"), 3
    centers = vec(["-0.5", "0.2", "1.1"])

    def phi(i, x):
        return exp(-((x - centers[i]) ** 2) / 2)

    var_w = _u9_normal_moment(2, sigma / sqrt(J))
    for x, xp in _UV:
        cov = sum(var_w * phi(i, x) * phi(i, xp) for i in range(J))  # independent zero-mean weights
        if not close(cov, sigma**power / J * sum(phi(i, x) * phi(i, xp) for i in range(J)), mpf(10) ** -15):
            return False
    return True


def _u9_gp_rbf(rhs):
    for ell, sigma, x, xp in [
        (mpf("0.8"), mpf("1.7"), mpf("0.3"), mpf("-0.9")),
        (mpf("1.5"), mpf("0.6"), mpf(1), mpf("2.2")),
    ]:
        lhs = quad(lambda c: exp(-((x - c) ** 2) / (2 * ell**2)) * exp(-((xp - c) ** 2) / (2 * ell**2)), [-inf, inf])
        if not close(lhs, rhs(ell, sigma, x, xp), mpf(10) ** -15):
            return False
    return True


_U9_A = mat([[2, 1], [2, 3]])
_U9_W = mat([[1, 1], [-1, 2]])
_U9_S = mat([[1, 0], [0, 4]])
_U9_G = mat([[1.0, 0.1, 0.1, 0.1], [0.1, 3.0, 0.2, 0.3], [0.1, 0.2, 5.0, 0.5], [0.1, 0.3, 0.5, 9.0]])


def _u9_radius(i):
    return sum(abs(_U9_G[i, j]) for j in range(4) if j != i)


def _u9_power(wrong):
    W, S = mat([[1.5, -0.4], [0.7, 2.0]]), mat([[0.6, 0], [0, -1.3]])
    A = W * S * W**-1
    for n in range(1, 5):
        rhs = (W**n) * (S**n) * (W**-n) if wrong else W * (S**n) * W**-1
        if not close(A**n, rhs, mpf(10) ** -15):
            return False
    return True


_U9_ANGLES = [(mpf("1.5"), mpf("0.7"), mpf("0.4")), (mpf("0.3"), mpf("2.2"), mpf("2.5"))]


def _u9_angle(trig):
    for r, s, th in _U9_ANGLES:
        v, w = [r, mpf(0)], [s * mp.cos(th), s * mp.sin(th)]
        if not (close(dot(v, w), r * s * trig(th)) and close(r * s * trig(th), norm(v) * norm(w) * trig(th))):
            return False
    return True


def _u9_arccos(inverse_trig):
    for r, s, th in _U9_ANGLES:
        v, w = [r, mpf(0)], [s * mp.cos(th), s * mp.sin(th)]
        if not close(th, inverse_trig(dot(v, w) / (norm(v) * norm(w)))):
            return False
    return True


def _u9_symmetric(outer):
    u, v = col(["0.3", "-1.2", "2.0"]), col(["1.1", "0.4", "-0.6"])
    lhs = sum(u[i] * v[i] for i in range(3))
    rhs = v * u.T if outer else v.T * u
    return close(lhs, scalar(u.T * v)) and close(scalar(u.T * v), rhs if outer else scalar(rhs))


def _u9_hyperplane(root):
    w, v = vec([2, 1]), vec(["0.3", "0.4"])  # w . v = 1
    cos_t = dot(v, w) / (norm(v) * norm(w))
    return close(dot(v, w), 1) and close(norm(v) * cos_t, 1 / norm(w)) and close(1 / norm(w), 1 / sqrt(root))


_U9_B1, _U9_B2 = vec([2, 4]), vec([-1, -2])


def _u9_inverse(sign):
    for a, b, c, d in _ABCX:
        A = mat([[a, b], [c, d]])
        inv = mat([[d, sign * b], [sign * c, a]]) * (1 / (a * d - b * c))
        if not close(A * inv, mat([[1, 0], [0, 1]])):
            return False
    return True


_U9_TABLE4 = {  # p(x1, x2, x3, y) on {0, 1}^4, strictly positive, features dependent given y
    k: mpf(w) / 136
    for k, w in zip(itertools.product((0, 1), repeat=4), [3, 14, 5, 9, 11, 2, 7, 6, 13, 4, 8, 10, 1, 12, 16, 15])
}


def _u9_marg(fixed):
    """P(the coordinates in `fixed` take their values), fixed = {index: value}."""
    return sum(p for k, p in _U9_TABLE4.items() if all(k[i] == v for i, v in fixed.items()))


def _u9_nb_chain(naive):
    for x1, x2, x3, y in itertools.product((0, 1), repeat=4):
        lhs = _u9_marg({0: x1, 1: x2, 2: x3, 3: y}) / _u9_marg({3: y})
        if naive:
            rhs = _product([_u9_marg({i: x, 3: y}) / _u9_marg({3: y}) for i, x in enumerate((x1, x2, x3))])
        else:
            rhs = (
                _u9_marg({0: x1, 3: y})
                / _u9_marg({3: y})
                * _u9_marg({0: x1, 1: x2, 3: y})
                / _u9_marg({0: x1, 3: y})
                * _u9_marg({0: x1, 1: x2, 2: x3, 3: y})
                / _u9_marg({0: x1, 1: x2, 3: y})
            )
        if not close(lhs, rhs):
            return False
    return True


def _u9_bernoulli(swapped):
    for P in (mpf("0.3"), mpf("0.85")):
        for t in (0, 1):
            written = P ** (1 - t) * (1 - P) ** t if swapped else P**t * (1 - P) ** (1 - t)
            if not close(written, P if t == 1 else 1 - P):
                return False
    return True


def _u9_recursion(start):
    b = vec(["0.4", "-1.2", "0.9", "2.0", "-0.3"])
    c = vec(["1.1", "0.5", "-0.8", "1.7", "0.6"])
    a, prev = [], mpf(0)
    for t in range(5):
        prev = b[t] + c[t] * prev
        a.append(prev)
    for t in range(1, 6):  # t as in the text, 1-based
        s = b[t - 1] + sum(_product([c[j - 1] for j in range(i + start, t + 1)]) * b[i - 1] for i in range(1, t))
        if not close(a[t - 1], s):
            return False
    return True


_U9_WHX = mat([[0.5, -0.3], [0.2, 0.8]])
_U9_WHH = mat([[0.6, 0.4], [-0.5, 0.3]])  # not symmetric
_U9_WQH = mat([[1.2, -0.7], [0.3, 0.9]])
_U9_XS = [col(["0.3", "-0.2"]), col(["1.0", "0.5"]), col(["-0.4", "0.7"])]
_U9_YS = [col(["0.1", "0.2"]), col(["-0.3", "0.4"]), col(["0.6", "-0.5"])]


def _u9_rnn_loss_from(t, h_t):
    """L = (1/T) sum_s l(o_s, y_s), l(o, y) = sum log cosh(o - y), as a function of h_t (earlier states fixed)."""
    T = len(_U9_XS)
    h = col([0, 0])
    total = mpf(0)
    for s in range(T):
        h = h_t if s == t else _U9_WHX * _U9_XS[s] + _U9_WHH * h
        o = _U9_WQH * h
        total += sum(log(mp.cosh(o[i] - _U9_YS[s][i])) for i in range(2))
    return total / T


def _u9_bptt(transpose_hh):
    T = len(_U9_XS)
    hs, h = [], col([0, 0])
    for s in range(T):
        h = _U9_WHX * _U9_XS[s] + _U9_WHH * h
        hs.append(h)
    os_ = [_U9_WQH * h for h in hs]
    dl_do = [col([tanh(os_[s][i] - _U9_YS[s][i]) / T for i in range(2)]) for s in range(T)]
    Whh = _U9_WHH.T if transpose_hh else _U9_WHH
    for t in range(T):  # 0-based; the text's t is t + 1
        g = grad(lambda v, t=t: _u9_rnn_loss_from(t, col(v)), [hs[t][0], hs[t][1]])
        rhs = col([0, 0])
        for i in range(t, T):  # the text's i runs from t to T
            rhs += (Whh ** (T - 1 - i)) * _U9_WQH.T * dl_do[T - 1 + t - i]
        if not close(g, [rhs[0], rhs[1]], mpf(10) ** -15):
            return False
    return True


def _u9_bptt_last(transpose):
    T = len(_U9_XS)
    h = col([0, 0])
    for s in range(T):
        h = _U9_WHX * _U9_XS[s] + _U9_WHH * h
    o = _U9_WQH * h
    dl_do = col([tanh(o[i] - _U9_YS[-1][i]) / T for i in range(2)])
    g = grad(lambda v: _u9_rnn_loss_from(T - 1, col(v)), [h[0], h[1]])
    rhs = (_U9_WQH.T if transpose else _U9_WQH) * dl_do
    return close(g, [rhs[0], rhs[1]], mpf(10) ** -15)


def _u9_dropout(rhs):
    for p, h in [(mpf("0.3"), mpf("1.7")), (mpf("0.5"), mpf("-0.8"))]:
        dist = {mpf(0): p}
        dist[h / (1 - p)] = dist.get(h / (1 - p), 0) + (1 - p)
        if not close(mean(dist), rhs(p, h)):
            return False
    return True


def _u9_noise(shift):
    for x, sigma in [(mpf("0.7"), mpf("1.3")), (mpf("-2.0"), mpf("0.4"))]:
        e = quad(lambda t: (x + t) * _phi(t / sigma) / sigma, [-inf, inf])
        if not close(e, x + shift * sigma**2, mpf(10) ** -15):
            return False
    return True


def _u9_ln(v):
    n = len(v)
    mu = sum(v) / n
    sd = sqrt(sum((x - mu) ** 2 for x in v) / n)
    return [(x - mu) / sd for x in v]


def _u9_ln_scale(alphas):
    x = vec(["0.3", "-1.2", "2.5", "0.8"])
    return all(close(_u9_ln(x), _u9_ln([a * xi for xi in x])) for a in alphas)


def _u9_bn_mean(with_gamma):
    batch = [vec(["0.3", "1.5"]), vec(["-1.2", "0.4"]), vec(["2.0", "-0.7"])]
    gamma, beta = vec(["1.8", "-0.6"]), vec(["0.25", "1.1"])
    m = [sum(x[k] for x in batch) / 3 for k in range(2)]
    s = [sqrt(sum((x[k] - m[k]) ** 2 for x in batch) / 3 + mpf("1e-5")) for k in range(2)]
    outs = [[gamma[k] * (x[k] - m[k]) / s[k] + beta[k] for k in range(2)] for x in batch]
    avg = [sum(o[k] for o in outs) / 3 for k in range(2)]
    return close(avg, [beta[k] + (gamma[k] if with_gamma else 0) for k in range(2)])


def _u9_return(power_shift):
    g = mpf("0.9")

    def r(t):
        return mp.cos(t) + mpf("0.5")

    written = r(0) + g * r(1) + g**2 * r(2) + nsum(lambda t: g**t * r(t), [3, inf])
    return close(written, nsum(lambda t: g ** (t + power_shift) * r(t), [0, inf]), mpf(10) ** -15)


# A finite MDP: two states, two actions.
_U9_R = [[mpf(1), mpf("-0.5")], [mpf("0.3"), mpf(2)]]  # r(s, a)
_U9_TRANS = [
    [[mpf("0.7"), mpf("0.3")], [mpf("0.2"), mpf("0.8")]],
    [[mpf("0.5"), mpf("0.5")], [mpf("0.9"), mpf("0.1")]],
]  # P(s'|s,a)
_U9_PI = [[mpf("0.6"), mpf("0.4")], [mpf("0.25"), mpf("0.75")]]  # pi(a|s)
_U9_GAMMA = mpf("0.8")


def _u9_q_series(s, a, steps=420):
    """Q^pi(s, a) as the sum of discounted expected rewards, propagating the law of (s_t, a_t) step by step."""
    law = {(s, a): mpf(1)}
    total = mpf(0)
    for t in range(steps):
        total += _U9_GAMMA**t * sum(p * _U9_R[si][ai] for (si, ai), p in law.items())
        nxt = {}
        for (si, ai), p in law.items():
            for s2 in range(2):
                for a2 in range(2):
                    nxt[(s2, a2)] = nxt.get((s2, a2), 0) + p * _U9_TRANS[si][ai][s2] * _U9_PI[s2][a2]
        law = nxt
    return total


def _u9_v_series(s):
    return sum(_U9_PI[s][a] * _u9_q_series(s, a) for a in range(2))


def _u9_vi(discount):
    V = [_u9_v_series(s) for s in range(2)]
    for s in range(2):
        rhs = sum(
            _U9_PI[s][a] * (_U9_R[s][a] + discount * sum(_U9_TRANS[s][a][s2] * V[s2] for s2 in range(2)))
            for a in range(2)
        )
        if not close(V[s], rhs, mpf(10) ** -15):
            return False
    return True


def _u9_viq(use_q):
    Q = [[_u9_q_series(s, a) for a in range(2)] for s in range(2)]
    for s in range(2):
        for a in range(2):
            nxt = Q if use_q else _U9_R
            rhs = _U9_R[s][a] + _U9_GAMMA * sum(
                _U9_TRANS[s][a][s2] * sum(_U9_PI[s2][a2] * nxt[s2][a2] for a2 in range(2)) for s2 in range(2)
            )
            if not close(Q[s][a], rhs, mpf(10) ** -15):
                return False
    return True


def _u9_q_update(sign):
    for Q, r, m, alpha, gamma in [(mpf("0.4"), mpf("1.2"), mpf("0.7"), mpf("0.1"), mpf("0.9"))]:
        step = Q - alpha * D(lambda q: (q - r - gamma * m) ** 2 / 2, Q)
        if not close(step, (1 - alpha) * Q + sign * alpha * (r + gamma * m), mpf(10) ** -15):
            return False
    return True


_U9_TOKENS = {k: mpf(w) / 100 for k, w in zip(itertools.product((0, 1), repeat=3), [7, 19, 11, 5, 23, 9, 14, 12])}


def _u9_p(fixed):
    return sum(p for k, p in _U9_TOKENS.items() if all(k[i] == v for i, v in fixed.items()))


def _u9_token_cond(i, x, given):
    """p(x_i = x | the tokens in `given`)."""
    return _u9_p({i: x, **given}) / _u9_p(given) if given else _u9_p({i: x})


def _u9_glm(factor):
    return all(close(_U9_TOKENS[k], _product([factor(k, i) for i in range(3)])) for k in _U9_TOKENS)


_U9_WORDS = [("h ##u ##g", 10), ("p ##u ##g", 5), ("p ##u ##n", 12), ("b ##u ##n", 4), ("h ##u ##g ##s", 5)]


def _u9_counts(words):
    """Frequencies of the tokens and of the adjacent pairs of a split corpus."""
    tok, pair = {}, {}
    for w, n in words:
        parts = w.split()
        for t in parts:
            tok[t] = tok.get(t, 0) + n
        for a, b in zip(parts, parts[1:]):
            pair[(a, b)] = pair.get((a, b), 0) + n
    return tok, pair


def _u9_score(words, a, b):
    tok, pair = _u9_counts(words)
    return Fraction(pair[(a, b)], tok[a] * tok[b])


def _u9_merge(words, a, b):
    out = []
    for w, n in words:
        parts, merged = w.split(), []
        i = 0
        while i < len(parts):
            if i + 1 < len(parts) and (parts[i], parts[i + 1]) == (a, b):
                merged.append(a + b.removeprefix("##"))
                i += 2
            else:
                merged.append(parts[i])
                i += 1
        out.append((" ".join(merged), n))
    return out


def _u9_wordpiece_after_two():
    return _u9_merge(_u9_merge(_U9_WORDS, "##g", "##s"), "h", "##u")


def _u9_hu_g(value):
    words = _u9_wordpiece_after_two()
    tok, pair = _u9_counts(words)
    return (pair[("hu", "##g")], tok["hu"], tok["##g"]) == (10, 15, 15) and _u9_score(words, "hu", "##g") == value


_U9_LOSS_P = ["0.071428", "0.007710", "0.006168", "0.001451", "0.001701"]


def _u9_loss(counts):
    return sum(c * -log(mpf(p)) for c, p in zip(counts, _U9_LOSS_P))


CHECKS.update(
    {
        "u9-colah-hp": lambda: rounds_to(_u9_h2(_U9_BOB), "1.75"),
        "u9-colah-hp~nats": lambda: rounds_to(_u9_h2(_U9_BOB), "1.5"),
        "u9-colah-hq": lambda: rounds_to(_u9_h2(_U9_ALICE), "1.75"),
        "u9-colah-hq~cross": lambda: rounds_to(_u9_h2(_U9_ALICE), "2.25"),
        "u9-colah-hpq": lambda: rounds_to(_u9_cross2(_U9_ALICE, _U9_BOB), "2.25"),
        "u9-colah-hpq~swapped": lambda: rounds_to(_u9_cross2(_U9_ALICE, _U9_BOB), "2.375"),
        "u9-colah-hqp": lambda: rounds_to(_u9_cross2(_U9_BOB, _U9_ALICE), "2.375"),
        "u9-colah-hqp~rounded": lambda: rounds_to(_u9_cross2(_U9_BOB, _U9_ALICE), "2.35"),
        "u9-colah-kl": lambda: _u9_kl(False),
        "u9-colah-kl~inverted": lambda: _u9_kl(True),
        "u9-colah-cond": lambda: _u9_cond_entropy(False),
        "u9-colah-cond~joint": lambda: _u9_cond_entropy(True),
        "u9-colah-mi": lambda: _u9_mi(False),
        "u9-colah-mi~inverted": lambda: _u9_mi(True),
        "u9-colah-chain": lambda: _u9_chain(lambda i, j: PX[i]),
        "u9-colah-chain~marginal": lambda: _u9_chain(lambda i, j: PY[j]),
        "u9-colah-rain": lambda: _u9_rain(False),
        "u9-colah-rain~reversed": lambda: _u9_rain(True),
        "u9-bp-e-b": lambda: close(D(lambda b: _u9_e(mpf(2), b), mpf(1)), 1 * 2 + 1 * 3),
        "u9-bp-e-b~one-path": lambda: close(D(lambda b: _u9_e(mpf(2), b), mpf(1)), 1 * 2 + 1 * 2),
        "u9-bp-e-value": lambda: _u9_e(2, 1) == 6,
        "u9-bp-e-value~five": lambda: _u9_e(2, 1) == 5,
        "u9-bp-e-a": lambda: close(D(lambda a: _u9_e(a, mpf(1)), mpf(2)), 1 * 2),
        "u9-bp-e-a~c": lambda: close(D(lambda a: _u9_e(a, mpf(1)), mpf(2)), 1 * 3),
        "u9-bp-sum": lambda: always(lambda a, b: close(D(lambda t: t + b, a), 1), _UV),
        "u9-bp-sum~two": lambda: always(lambda a, b: close(D(lambda t: t + b, a), 2), _UV),
        "u9-bp-product": lambda: always(lambda u, v: close(D(lambda t: t * v, u), v), _UV),
        "u9-bp-product~u": lambda: always(lambda u, v: close(D(lambda t: t * v, u), u), _UV),
        "u9-bp-paths": lambda: _u9_paths(False),
        "u9-bp-paths~eight": lambda: _u9_paths(True),
        "u9-sgd-unbiased": lambda: _u9_sgd_unbiased(True),
        "u9-sgd-unbiased~no-mean": lambda: _u9_sgd_unbiased(False),
        "u9-sgd-choose": lambda: (
            all(_u9_omit(n, n) for n in (3, 4, 5))
            and _u9_limit_of(lambda n: 1 - (1 - 1 / n) ** n, 1 - exp(-1))
            and rounds_to(1 - exp(-1), "0.63")
        ),
        "u9-sgd-choose~power": lambda: all(_u9_omit(n, n - 1) for n in (3, 4, 5)),
        "u9-sgd-choose~value": lambda: all(_u9_omit(n, n) for n in (3, 4, 5)) and rounds_to(1 - exp(-1), "0.37"),
        "u9-sgd-once": lambda: (
            _u9_once(lambda n: Fraction(n, n - 1))
            and _u9_limit_of(lambda n: n / (n - 1) * (1 - 1 / n) ** n, exp(-1))
            and rounds_to(exp(-1), "0.37")
        ),
        "u9-sgd-once~inverted": lambda: _u9_once(lambda n: Fraction(n - 1, n)),
        "u9-adagrad-grad": lambda: _u9_adagrad(-1),
        "u9-adagrad-grad~plus": lambda: _u9_adagrad(1),
        "u9-adagrad-example": lambda: _u9_adagrad_example(mpf("0.2"), 4),
        "u9-adagrad-example~halved": lambda: _u9_adagrad_example(mpf("0.1"), 2),
        "u9-gp-mean": lambda: _u9_gp_mean(lambda x: 0),
        "u9-gp-mean~x": lambda: _u9_gp_mean(lambda x: x),
        "u9-gp-cov": lambda: _u9_gp_cov(lambda x, xp: 1 + x * xp),
        "u9-gp-cov~no-one": lambda: _u9_gp_cov(lambda x, xp: x * xp),
        "u9-gp-features": lambda: _u9_gp_features(2),
        "u9-gp-features~sigma": lambda: _u9_gp_features(1),
        "u9-gp-rbf": lambda: _u9_gp_rbf(
            lambda ell, s, x, xp: sqrt(pi) * ell * s**2 * exp(-((x - xp) ** 2) / (2 * (sqrt(2) * ell) ** 2))
        ),
        "u9-gp-rbf~no-sigma": lambda: _u9_gp_rbf(
            lambda ell, s, x, xp: sqrt(pi) * ell * exp(-((x - xp) ** 2) / (2 * (sqrt(2) * ell) ** 2))
        ),
        "u9-gp-rbf~width": lambda: _u9_gp_rbf(
            lambda ell, s, x, xp: sqrt(pi) * ell * exp(-((x - xp) ** 2) / (2 * ell**2))
        ),
        "u9-eig-diag": lambda: always(lambda x, y: close(mat([[2, 0], [0, -1]]) * col([x, y]), col([2 * x, -y])), _UV),
        "u9-eig-diag~sign": lambda: always(
            lambda x, y: close(mat([[2, 0], [0, -1]]) * col([x, y]), col([2 * x, y])), _UV
        ),
        "u9-eig-charpoly": lambda: identity(lambda l: (2 - l) * (3 - l) - 2, lambda l: (4 - l) * (1 - l)),
        "u9-eig-charpoly~sign": lambda: identity(lambda l: (2 - l) * (3 - l) - 2, lambda l: (4 - l) * (1 + l)),
        "u9-eig-vector": lambda: close(_U9_A * col([1, 2]), col([4, 8])),
        "u9-eig-vector~other": lambda: close(_U9_A * col([1, -1]), col([4, -4])),
        "u9-eig-decomp": lambda: close(_U9_A, _U9_W * _U9_S * _U9_W**-1),
        "u9-eig-decomp~order": lambda: close(_U9_A, _U9_W**-1 * _U9_S * _U9_W),
        "u9-eig-power": lambda: _u9_power(False),
        "u9-eig-power~powers": lambda: _u9_power(True),
        "u9-eig-radius": lambda: rounds_to(_u9_radius(1), "0.6"),
        "u9-eig-radius~row-sum": lambda: rounds_to(_u9_radius(1), "3.6"),
        "u9-eig-disc": lambda: (
            rounds_to(_U9_G[2, 2] - _u9_radius(2), "4.2") and rounds_to(_U9_G[2, 2] + _u9_radius(2), "5.8")
        ),
        "u9-eig-disc~radius": lambda: (
            rounds_to(_U9_G[2, 2] - _u9_radius(2), "4.4") and rounds_to(_U9_G[2, 2] + _u9_radius(2), "5.6")
        ),
        "u9-geo-angle": lambda: _u9_angle(mp.cos),
        "u9-geo-angle~sine": lambda: _u9_angle(mp.sin),
        "u9-geo-arccos": lambda: _u9_arccos(mp.acos),
        "u9-geo-arccos~arcsin": lambda: _u9_arccos(mp.asin),
        "u9-geo-symmetric": lambda: _u9_symmetric(False),
        "u9-geo-symmetric~outer": lambda: _u9_symmetric(True),
        "u9-geo-hyperplane": lambda: _u9_hyperplane(5),
        "u9-geo-hyperplane~three": lambda: _u9_hyperplane(3),
        "u9-geo-dependent": lambda: close([a + 2 * b for a, b in zip(_U9_B1, _U9_B2)], [0, 0]),
        "u9-geo-dependent~minus": lambda: close([a - 2 * b for a, b in zip(_U9_B1, _U9_B2)], [0, 0]),
        "u9-geo-combination": lambda: always(
            lambda a1, a2: close(
                [a1 * p + a2 * q for p, q in zip(_U9_B1, _U9_B2)], [(a2 - 2 * a1) * q for q in _U9_B2]
            ),
            _UV,
        ),
        "u9-geo-combination~sign": lambda: always(
            lambda a1, a2: close(
                [a1 * p + a2 * q for p, q in zip(_U9_B1, _U9_B2)], [(a2 + 2 * a1) * q for q in _U9_B2]
            ),
            _UV,
        ),
        "u9-geo-inverse": lambda: _u9_inverse(-1),
        "u9-geo-inverse~signs": lambda: _u9_inverse(1),
        "u9-nb-chain": lambda: _u9_nb_chain(False),
        "u9-nb-chain~naive": lambda: _u9_nb_chain(True),
        "u9-nb-bernoulli": lambda: _u9_bernoulli(False),
        "u9-nb-bernoulli~swapped": lambda: _u9_bernoulli(True),
        "u9-bptt-recursion": lambda: _u9_recursion(1),
        "u9-bptt-recursion~from-i": lambda: _u9_recursion(0),
        "u9-bptt-last-hidden": lambda: _u9_bptt_last(True),
        "u9-bptt-last-hidden~no-transpose": lambda: _u9_bptt_last(False),
        "u9-bptt-hidden": lambda: _u9_bptt(True),
        "u9-bptt-hidden~no-transpose": lambda: _u9_bptt(False),
        "u9-dropout-mean": lambda: _u9_dropout(lambda p, h: h),
        "u9-dropout-mean~scaled": lambda: _u9_dropout(lambda p, h: (1 - p) * h),
        "u9-dropout-noise": lambda: _u9_noise(0),
        "u9-dropout-noise~variance": lambda: _u9_noise(1),
        "u9-ln-scale": lambda: _u9_ln_scale([mpf(2), mpf("-2")]),
        "u9-ln-scale~positive": lambda: _u9_ln_scale([mpf(2), mpf("0.3")]),
        "u9-bn-mean": lambda: _u9_bn_mean(False),
        "u9-bn-mean~gamma": lambda: _u9_bn_mean(True),
        "u9-mdp-return": lambda: _u9_return(0),
        "u9-mdp-return~shift": lambda: _u9_return(1),
        "u9-vi-bellman": lambda: _u9_vi(_U9_GAMMA),
        "u9-vi-bellman~undiscounted": lambda: _u9_vi(1),
        "u9-vi-q-bellman": lambda: _u9_viq(True),
        "u9-vi-q-bellman~reward": lambda: _u9_viq(False),
        "u9-q-update": lambda: _u9_q_update(-1),
        "u9-q-update~plus": lambda: _u9_q_update(1),
        "u9-glm-forward": lambda: _u9_glm(lambda k, i: _u9_token_cond(i, k[i], {j: k[j] for j in range(i)})),
        "u9-glm-forward~unigram": lambda: _u9_glm(lambda k, i: _u9_token_cond(i, k[i], {})),
        "u9-glm-backward": lambda: _u9_glm(lambda k, i: _u9_token_cond(i, k[i], {j: k[j] for j in range(i + 1, 3)})),
        "u9-glm-backward~markov": lambda: _u9_glm(
            lambda k, i: _u9_token_cond(i, k[i], {i + 1: k[i + 1]} if i < 2 else {})
        ),
        "u9-wp-u-g": lambda: _u9_score(_U9_WORDS, "##u", "##g") == Fraction(20, 36 * 20) == Fraction(1, 36),
        "u9-wp-u-g~pair": lambda: _u9_score(_U9_WORDS, "##u", "##g") == Fraction(20, 36 * 20) == Fraction(1, 20),
        "u9-wp-g-s": lambda: _u9_score(_U9_WORDS, "##g", "##s") == Fraction(5, 20 * 5) == Fraction(1, 20),
        "u9-wp-g-s~five": lambda: _u9_score(_U9_WORDS, "##g", "##s") == Fraction(5, 20 * 5) == Fraction(1, 5),
        "u9-wp-hu-g": lambda: _u9_hu_g(Fraction(1, 15)),
        "u9-wp-hu-g~value": lambda: _u9_hu_g(Fraction(2, 45)),
        "u9-uni-pug": lambda: rounds_to(mpf(5) * 36 * 20 / 210**3, "0.000389"),
        "u9-uni-pug~digits": lambda: rounds_to(mpf(5) * 36 * 20 / 210**3, "0.000398"),
        "u9-uni-pu-g": lambda: rounds_to(mpf(5) * 20 / 210**2, "0.0022676"),
        "u9-uni-pu-g~sum": lambda: rounds_to(mpf(5) * 20 / 210**2, "0.0226757"),
        "u9-uni-loss": lambda: rounds_to(_u9_loss([10, 5, 12, 4, 5]), "169.8"),
        "u9-uni-loss~one-word": lambda: rounds_to(_u9_loss([10, 5, 12, 1, 5]), "169.8"),
        "u9-uni-loss-change": lambda: rounds_to(-10 * -log(mpf("0.071428")) + 10 * -log(mpf("0.006802")), "23.5"),
        "u9-uni-loss-change~sign": lambda: rounds_to(-10 * -log(mpf("0.071428")) + 10 * -log(mpf("0.006802")), "-23.5"),
    }
)


# ---- unseen10: library documentation, docstrings and notebooks ------------------------------

_U10_X = [(mpf("-1.3"),), (mpf("0.4"),), (mpf("2.1"),)]
_U10_POS = [(mpf("0.37"),), (mpf("1.9"),), (mpf("3.2"),)]


def _u10_entropy(f, lo, hi, points=None):
    """The differential entropy -integral f ln f, by quadrature (split at the given points)."""
    nodes = [lo] + list(points or []) + [hi]
    return -quad(lambda x: f(x) * log(f(x)) if f(x) > 0 else mpf(0), nodes)


def _u10_moment(f, lo, hi, k, points=None):
    nodes = [lo] + list(points or []) + [hi]
    return quad(lambda x: x**k * f(x), nodes)


def _u10_variance(f, lo, hi, points=None):
    m = _u10_moment(f, lo, hi, 1, points)
    return _u10_moment(f, lo, hi, 2, points) - m**2


def _u10_gumbel(mu, b):
    return lambda x: exp(-(x - mu) / b - exp(-(x - mu) / b)) / b


def _u10_logistic(mu, s):
    return lambda x: exp(-(x - mu) / s) / (s * (1 + exp(-(x - mu) / s)) ** 2)


def _u10_levy(mu, c):
    return lambda x: sqrt(c / (2 * pi * (x - mu) ** 3)) * exp(-c / (2 * (x - mu))) if x > mu else mpf(0)


def _u10_matern_bessel(nu, d):
    z = sqrt(2 * nu) * d
    return 2 ** (1 - nu) / mp.gamma(nu) * z**nu * mp.besselk(nu, z)


def _u10_cos_transform(k, w):
    """The Fourier transform of an even kernel k at angular frequency w: 2 * integral_0^inf k(r) cos(w r) dr."""
    return 2 * quad(lambda r: k(r) * mp.cos(w * r), [0, 1, 4, 16, 64, inf])


def _u10_matern_sd(alpha, ell, nu, w, D=1, two_power=None):
    tp = 2**D if two_power is None else two_power
    return (
        alpha * tp * pi ** (mpf(D) / 2) * mp.gamma(nu + mpf(D) / 2) * (2 * nu) ** nu / (mp.gamma(nu) * ell ** (2 * nu))
    )


_U10_AL = [(mpf("0.8"), mpf("1.3")), (mpf("2.5"), mpf("0.6"))]
_U10_AB = [(mpf("1.5"), mpf("2.5")), (mpf("3.2"), mpf("0.7"))]
_U10_NU_D = [mpf("0.3"), mpf("1.1"), mpf("2.4")]


def _u10_hsgp(nu, kernel, exponent_shift=0, two_power=None):
    def one(alpha, ell):
        for w in (mpf("0.4"), mpf("1.7")):
            c = _u10_matern_sd(alpha, ell, nu, w, two_power=two_power)
            stated = c * (2 * nu / ell**2 + w**2) ** (-nu - mpf(1) / 2 + exponent_shift)
            if not close(stated, _u10_cos_transform(lambda r: kernel(alpha, ell, r), w), mpf(10) ** -15):
                return False
        return True

    return always(one, _U10_AL)


def _u10_invgamma_pair(alpha, beta):
    mean = beta / (alpha - 1)
    variance = beta**2 / (alpha - 1) ** 2 / (alpha - 2)
    return mean, variance


_U10_AG = [(mpf("2.7"), mpf("1.4")), (mpf("5.5"), mpf("0.3"))]


CHECKS.update(
    {
        "u10-jax-silu": lambda: identity(lambda x: x * sigmoid(x), lambda x: x / (1 + exp(-x)), points=_U10_X),
        "u10-jax-silu~sign": lambda: identity(lambda x: x * sigmoid(x), lambda x: x / (1 + exp(x)), points=_U10_X),
        "u10-jax-log-sigmoid": lambda: identity(lambda x: log(sigmoid(x)), lambda x: -log(1 + exp(-x)), points=_U10_X),
        "u10-jax-log-sigmoid~sign": lambda: identity(
            lambda x: log(sigmoid(x)), lambda x: -log(1 + exp(x)), points=_U10_X
        ),
        "u10-jax-gelu-erfc": lambda: identity(
            lambda x: x * mp.ncdf(x), lambda x: x / 2 * mp.erfc(-x / sqrt(2)), points=_U10_X
        ),
        "u10-jax-gelu-erfc~sign": lambda: identity(
            lambda x: x * mp.ncdf(x), lambda x: x / 2 * mp.erfc(x / sqrt(2)), points=_U10_X
        ),
        "u10-jax-logmeanexp": lambda: close(
            log(sum(exp(v) for v in _U10_VEC) / len(_U10_VEC)), log(sum(exp(v) for v in _U10_VEC)) - log(len(_U10_VEC))
        ),
        "u10-jax-logmeanexp~plus": lambda: close(
            log(sum(exp(v) for v in _U10_VEC) / len(_U10_VEC)), log(sum(exp(v) for v in _U10_VEC)) + log(len(_U10_VEC))
        ),
        "u10-jax-sparse-sigmoid-derivative": lambda: always(
            lambda x: close(D(lambda u: (u + 1) ** 2 / 4, x), (x + 1) / 2), [(mpf("-0.6"),), (mpf("0.3"),)]
        ),
        "u10-jax-sparse-sigmoid-derivative~quarter": lambda: always(
            lambda x: close(D(lambda u: (u + 1) ** 2 / 4, x), (x + 1) / 4), [(mpf("-0.6"),), (mpf("0.3"),)]
        ),
        "u10-jax-sparse-plus-join": lambda: Fraction(1, 4) * (1 + 1) ** 2 == 1,
        "u10-jax-sparse-plus-join~half": lambda: Fraction(1, 2) * (1 + 1) ** 2 == 1,
        "u10-jax-hard-sigmoid-middle": lambda: always(
            lambda x: close(min(max(x + 3, 0), 6) / 6, x / 6 + mpf(1) / 2), [(mpf(-3),), (mpf("-0.8"),), (mpf("2.9"),)]
        ),
        "u10-jax-hard-sigmoid-middle~three": lambda: always(
            lambda x: close(min(max(x + 3, 0), 6) / 6, x / 6 + 3), [(mpf(-3),), (mpf("-0.8"),), (mpf("2.9"),)]
        ),
        "u10-jax-squareplus-b0": lambda: identity(
            lambda x: (x + sqrt(x**2 + 0)) / 2, lambda x: max(x, 0), points=_U10_X
        ),
        "u10-jax-squareplus-b0~abs": lambda: identity(lambda x: (x + sqrt(x**2 + 0)) / 2, abs, points=_U10_X),
        "u10-jaxcd-log1pexp-derivative": lambda: always(
            lambda x: close(D(lambda u: log(1 + exp(u)), x), exp(x) / (1 + exp(x))), _U10_X
        ),
        "u10-jaxcd-log1pexp-derivative~numerator": lambda: always(
            lambda x: close(D(lambda u: log(1 + exp(u)), x), 1 / (1 + exp(x))), _U10_X
        ),
        "u10-jaxcd-stable-form": lambda: identity(
            lambda x: exp(x) / (1 + exp(x)), lambda x: 1 - 1 / (1 + exp(x)), points=_U10_X
        ),
        "u10-jaxcd-stable-form~plus": lambda: identity(
            lambda x: exp(x) / (1 + exp(x)), lambda x: 1 + 1 / (1 + exp(x)), points=_U10_X
        ),
        "u10-jaxcd-sqrt-derivative": lambda: always(
            lambda x: close(D(lambda u: u / (1 + sqrt(u)), x), (sqrt(x) + 2) / (2 * (sqrt(x) + 1) ** 2)), _U10_POS
        ),
        "u10-jaxcd-sqrt-derivative~unsquared": lambda: always(
            lambda x: close(D(lambda u: u / (1 + sqrt(u)), x), (sqrt(x) + 2) / (2 * (sqrt(x) + 1))), _U10_POS
        ),
        # (f(h) - f(0)) / h = 1 / (1 + sqrt(h)), which tends to 1 as h -> 0+
        "u10-jaxcd-right-derivative": lambda: all(
            close((h / (1 + sqrt(h)) - 0) / h, mpf(1), 2 * sqrt(h)) for h in (mpf(10) ** -20, mpf(10) ** -30)
        ),
        "u10-jaxcd-right-derivative~half": lambda: all(
            close((h / (1 + sqrt(h)) - 0) / h, mpf(1) / 2, 2 * sqrt(h)) for h in (mpf(10) ** -20, mpf(10) ** -30)
        ),
        "u10-jaxcd-newton-fixed-point": lambda: always(
            lambda a: close(mpf("0.5") * (sqrt(a) + a / sqrt(a)), sqrt(a)), _U10_POS
        ),
        "u10-jaxcd-newton-fixed-point~one": lambda: always(
            lambda a: close(mpf("0.5") * (sqrt(a) + 1 / sqrt(a)), sqrt(a)), _U10_POS
        ),
        "u10-jaxcd-implicit-sqrt": lambda: always(
            lambda a: close((1 - mpf("0.5") * (1 - a / a)) ** -1 * mpf("0.5") / sqrt(a), D(sqrt, a)), _U10_POS
        ),
        "u10-jaxcd-implicit-sqrt~no-inverse": lambda: always(
            lambda a: close((1 - mpf("0.5") * (1 - a / a)) ** -1 / sqrt(a), D(sqrt, a)), _U10_POS
        ),
        # ---- TensorFlow Probability
        "u10-tfp-weibull-cdf": lambda: always(
            lambda lam, k, x: close(
                D(lambda u: 1 - exp(-((u / lam) ** k)), x), k / lam * (x / lam) ** (k - 1) * exp(-((x / lam) ** k))
            ),
            [(mpf("1.3"), mpf("0.7"), mpf("0.9")), (mpf("0.6"), mpf("2.4"), mpf("0.5"))],
        ),
        "u10-tfp-weibull-cdf~power": lambda: always(
            lambda lam, k, x: close(
                D(lambda u: 1 - exp(-((u / lam) ** k)), x), k / lam * (x / lam) ** k * exp(-((x / lam) ** k))
            ),
            [(mpf("1.3"), mpf("0.7"), mpf("0.9")), (mpf("0.6"), mpf("2.4"), mpf("0.5"))],
        ),
        "u10-tfp-weibull-rayleigh": lambda: always(
            lambda s, x: close(_u10_weibull(2, sqrt(2) * s, x), x / s**2 * exp(-(x**2) / (2 * s**2))), _U10_SX
        ),
        "u10-tfp-weibull-rayleigh~scale": lambda: always(
            lambda s, x: close(_u10_weibull(2, s, x), x / s**2 * exp(-(x**2) / (2 * s**2))), _U10_SX
        ),
        "u10-tfp-weibull-exponential": lambda: always(
            lambda r, x: close(_u10_weibull(1, 1 / r, x), r * exp(-r * x)), _U10_SX
        ),
        "u10-tfp-weibull-exponential~rate": lambda: always(
            lambda r, x: close(_u10_weibull(1, r, x), r * exp(-r * x)), _U10_SX
        ),
        "u10-tfp-pareto-normalized": lambda: always(
            lambda a, s: close(quad(lambda x: a * s**a / x ** (a + 1), [s, inf]), mpf(1)), _U10_AB
        ),
        "u10-tfp-pareto-normalized~power": lambda: always(
            lambda a, s: close(quad(lambda x: a * s**a / x**a, [s, inf]), mpf(1)), [(mpf("2.5"), mpf("1.5"))]
        ),
        "u10-tfp-pareto-scaling": lambda: always(
            lambda a, s: close(a * s**a / (mpf("1.3") * s) ** (a + 1), a / mpf("1.3") ** (a + 1)), _U10_AB
        ),
        "u10-tfp-pareto-scaling~jacobian": lambda: always(
            lambda a, s: close(a * s**a / (mpf("1.3") * s) ** (a + 1), a / mpf("1.3") ** (a + 1) / s), _U10_AB
        ),
        "u10-tfp-invgamma-z": lambda: always(
            lambda a, b: close(quad(lambda x: x ** (-a - 1) * exp(-b / x), [0, 1, inf]), mp.gamma(a) * b**-a), _U10_AG
        ),
        "u10-tfp-invgamma-z~sign": lambda: always(
            lambda a, b: close(quad(lambda x: x ** (-a - 1) * exp(-b / x), [0, 1, inf]), mp.gamma(a) * b**a), _U10_AG
        ),
        "u10-tfp-invgamma-mean": lambda: always(
            lambda a, b: close(
                quad(lambda x: x * b**a * x ** (-a - 1) * exp(-b / x) / mp.gamma(a), [0, 1, inf]), b / (a - 1)
            ),
            _U10_AG,
        ),
        "u10-tfp-invgamma-mean~alpha": lambda: always(
            lambda a, b: close(
                quad(lambda x: x * b**a * x ** (-a - 1) * exp(-b / x) / mp.gamma(a), [0, 1, inf]), b / a
            ),
            _U10_AG,
        ),
        "u10-tfp-invgamma-alpha": lambda: always(
            lambda a, b: close(a, _u10_invgamma_pair(a, b)[0] ** 2 / _u10_invgamma_pair(a, b)[1] + 2), _U10_AG
        ),
        "u10-tfp-invgamma-alpha~one": lambda: always(
            lambda a, b: close(a, _u10_invgamma_pair(a, b)[0] ** 2 / _u10_invgamma_pair(a, b)[1] + 1), _U10_AG
        ),
        "u10-tfp-invgamma-beta": lambda: always(lambda a, b: close(b, _u10_ig_beta(a, b, 1)), _U10_AG),
        "u10-tfp-invgamma-beta~no-one": lambda: always(lambda a, b: close(b, _u10_ig_beta(a, b, 0)), _U10_AG),
        "u10-tfp-halfnormal-normalized": lambda: always(
            lambda s: close(quad(lambda x: sqrt(2) / (s * sqrt(pi)) * exp(-((x / s) ** 2) / 2), [0, inf]), mpf(1)),
            _U10_POS,
        ),
        "u10-tfp-halfnormal-normalized~no-root-two": lambda: always(
            lambda s: close(quad(lambda x: 1 / (s * sqrt(pi)) * exp(-((x / s) ** 2) / 2), [0, inf]), mpf(1)),
            _U10_POS,
        ),
        # the density of |X| at x > 0: d/dx P(|X| <= x) = d/dx (2 Phi(x / s) - 1)
        "u10-tfp-halfnormal-fold": lambda: always(
            lambda s, x: close(
                D(lambda u: 2 * mp.ncdf(u / s) - 1, x), sqrt(2) / (s * sqrt(pi)) * exp(-((x / s) ** 2) / 2)
            ),
            _U10_SX,
        ),
        "u10-tfp-halfnormal-fold~once": lambda: always(
            lambda s, x: close(
                1 / (s * sqrt(2 * pi)) * exp(-(x**2) / (2 * s**2)), D(lambda u: 2 * mp.ncdf(u / s) - 1, x)
            ),
            _U10_SX,
        ),
        "u10-tfp-chi2-z": lambda: always(
            lambda k: close(
                quad(lambda x: x ** (k / 2 - 1) * exp(-x / 2), [0, 1, inf]), 2 ** (k / 2) * mp.gamma(k / 2)
            ),
            _U10_DF,
        ),
        "u10-tfp-chi2-z~power": lambda: always(
            lambda k: close(quad(lambda x: x ** (k / 2 - 1) * exp(-x / 2), [0, 1, inf]), 2**k * mp.gamma(k / 2)),
            _U10_DF,
        ),
        # the Gamma(concentration a, rate b) density b^a x^{a-1} e^{-b x} / Gamma(a), with a = k/2, b = 1/2
        "u10-tfp-chi2-gamma": lambda: always(
            lambda k, x: close(
                x ** (k / 2 - 1) * exp(-x / 2) / (2 ** (k / 2) * mp.gamma(k / 2)), _u10_gamma_rate(k / 2, mpf(1) / 2, x)
            ),
            _U10_SX,
        ),
        "u10-tfp-chi2-gamma~rate-two": lambda: always(
            lambda k, x: close(
                _u10_gamma_rate(k / 2, mpf(1) / 2, x), 2 ** (k / 2) * x ** (k / 2 - 1) * exp(-x / 2) / mp.gamma(k / 2)
            ),
            _U10_SX,
        ),
        "u10-tfp-halfcauchy-normalized": lambda: always(
            lambda mu, s: close(quad(lambda x: 2 / (pi * s * (1 + ((x - mu) / s) ** 2)), [mu, mu + s, inf]), mpf(1)),
            _U10_MS,
        ),
        "u10-tfp-halfcauchy-normalized~one": lambda: always(
            lambda mu, s: close(quad(lambda x: 1 / (pi * s * (1 + ((x - mu) / s) ** 2)), [mu, mu + s, inf]), mpf(1)),
            _U10_MS,
        ),
        "u10-tfp-kumaraswamy-cdf": lambda: always(
            lambda a, b, x: close(D(lambda u: 1 - (1 - u**a) ** b, x), a * b * x ** (a - 1) * (1 - x**a) ** (b - 1)),
            _U10_KUM,
        ),
        "u10-tfp-kumaraswamy-cdf~beta": lambda: always(
            lambda a, b, x: close(D(lambda u: 1 - (1 - u**a) ** b, x), a * b * x ** (a - 1) * (1 - x**a) ** b),
            _U10_KUM,
        ),
        "u10-tfp-kumaraswamy-normalized": lambda: always(
            lambda a, b, _x: close(quad(lambda x: a * b * x ** (a - 1) * (1 - x**a) ** (b - 1), [0, 1]), mpf(1)),
            _U10_KUM,
        ),
        "u10-tfp-kumaraswamy-normalized~no-alpha": lambda: always(
            lambda a, b, _x: close(quad(lambda x: b * x ** (a - 1) * (1 - x**a) ** (b - 1), [0, 1]), mpf(1)),
            _U10_KUM,
        ),
    }
)


_U10_DF = [(mpf("1.9"),), (mpf("3.2"),), (mpf("5.5"),)]
_U10_VEC = [mpf("0.3"), mpf("-1.2"), mpf("2.2"), mpf("0.9")]
_U10_SX = [(mpf("0.8"), mpf("1.3")), (mpf("2.1"), mpf("0.4"))]
_U10_MS = [(mpf("-0.7"), mpf("1.4")), (mpf("2.0"), mpf("0.3"))]
_U10_KUM = [(mpf("1.7"), mpf("2.6"), mpf("0.35")), (mpf("0.6"), mpf("1.4"), mpf("0.8"))]


def _u10_weibull(k, lam, x):
    return k / lam * (x / lam) ** (k - 1) * exp(-((x / lam) ** k))


def _u10_gamma_rate(a, b, x):
    return b**a * x ** (a - 1) * exp(-b * x) / mp.gamma(a)


def _u10_ig_beta(a, b, plus):
    mean, variance = _u10_invgamma_pair(a, b)
    return mean * (mean**2 / variance + plus)


_U10_BETA = [(mpf("1.7"), mpf("2.6")), (mpf("0.8"), mpf("3.1"))]


def _u10_beta_pdf(a, b):
    return lambda x: x ** (a - 1) * (1 - x) ** (b - 1) / mp.beta(a, b)


def _u10_beta_entropy(a, b, last_sign):
    return (
        log(mp.beta(a, b))
        - (a - 1) * mp.digamma(a)
        - (b - 1) * mp.digamma(b)
        + last_sign * (a + b - 2) * mp.digamma(a + b)
    )


def _u10_beta_entropy_quad(a, b):
    # -E[ln f(X)] with ln f written out, integrable at both ends
    lf = lambda x: (a - 1) * log(x) + (b - 1) * log(1 - x) - log(mp.beta(a, b))  # noqa: E731
    return -quad(lambda x: _u10_beta_pdf(a, b)(x) * lf(x), [0, mpf(1) / 2, 1])


def _u10_gamma_entropy_quad(a, lam):
    lf = lambda x: a * log(lam) + (a - 1) * log(x) - lam * x - mp.loggamma(a)  # noqa: E731
    return -quad(lambda x: _u10_gamma_rate(a, lam, x) * lf(x), [0, 1, inf])


_U10_GUMBEL = [(mpf("0.4"), mpf("1.3")), (mpf("-1.1"), mpf("0.6"))]


def _u10_levy_entropy_quad(mu, c):
    lf = lambda x: log(c / (2 * pi)) / 2 - c / (2 * (x - mu)) - mpf(3) / 2 * log(x - mu)  # noqa: E731
    f = _u10_levy(mu, c)
    return -quad(lambda x: f(x) * lf(x), [mu, mu + c / 10, mu + c, mu + 10 * c, inf])


def _u10_ratio_percent(a, b):
    return Fraction(a, b) * 100


CHECKS.update(
    {
        "u10-npy-beta-variance": lambda: always(
            lambda a, b: close(_u10_variance(_u10_beta_pdf(a, b), 0, 1), a * b / ((a + b) ** 2 * (a + b + 1))),
            _U10_BETA,
        ),
        "u10-npy-beta-variance~no-one": lambda: always(
            lambda a, b: close(_u10_variance(_u10_beta_pdf(a, b), 0, 1), a * b / ((a + b) ** 2 * (a + b))), _U10_BETA
        ),
        "u10-npy-beta-entropy": lambda: always(
            lambda a, b: close(_u10_beta_entropy_quad(a, b), _u10_beta_entropy(a, b, 1), mpf(10) ** -15), _U10_BETA
        ),
        "u10-npy-beta-entropy~sign": lambda: always(
            lambda a, b: close(_u10_beta_entropy_quad(a, b), _u10_beta_entropy(a, b, -1), mpf(10) ** -15), _U10_BETA
        ),
        "u10-npy-beta-proportion-mean": lambda: always(
            lambda m, p: close(m * p / (m * p + (1 - m) * p), m), [(mpf("0.3"), mpf("2.5")), (mpf("0.85"), mpf("0.4"))]
        ),
        "u10-npy-beta-proportion-mean~odds": lambda: always(
            lambda m, p: close(m * p / ((1 - m) * p), m), [(mpf("0.3"), mpf("2.5")), (mpf("0.85"), mpf("0.4"))]
        ),
        "u10-npy-cauchy-cdf": lambda: always(
            lambda x0, g: close(
                D(lambda u: mp.atan((u - x0) / g) / pi + mpf(1) / 2, mpf("0.9")),
                1 / (pi * g * (1 + ((mpf("0.9") - x0) / g) ** 2)),
            ),
            _U10_MS,
        ),
        "u10-npy-cauchy-cdf~no-gamma": lambda: always(
            lambda x0, g: close(
                D(lambda u: mp.atan((u - x0) / g) / pi + mpf(1) / 2, mpf("0.9")),
                1 / (pi * (1 + ((mpf("0.9") - x0) / g) ** 2)),
            ),
            _U10_MS,
        ),
        "u10-npy-cauchy-icdf": lambda: always(
            lambda x0, g: all(
                close(mp.atan((x0 + g * mp.tan(pi * (q - mpf(1) / 2)) - x0) / g) / pi + mpf(1) / 2, q)
                for q in (mpf("0.2"), mpf("0.75"))
            ),
            _U10_MS,
        ),
        "u10-npy-cauchy-icdf~no-half": lambda: always(
            lambda x0, g: all(
                close(mp.atan((x0 + g * mp.tan(pi * q) - x0) / g) / pi + mpf(1) / 2, q)
                for q in (mpf("0.2"), mpf("0.75"))
            ),
            _U10_MS,
        ),
        "u10-npy-exponential-entropy": lambda: always(
            lambda lam: close(_u10_entropy(lambda x: lam * exp(-lam * x), 0, inf), 1 - log(lam)), _U10_POS
        ),
        "u10-npy-exponential-entropy~sign": lambda: always(
            lambda lam: close(_u10_entropy(lambda x: lam * exp(-lam * x), 0, inf), 1 + log(lam)), _U10_POS
        ),
        "u10-npy-exponential-icdf": lambda: always(
            lambda lam: all(close(1 - exp(-lam * (-log(1 - q) / lam)), q) for q in (mpf("0.2"), mpf("0.75"))), _U10_POS
        ),
        "u10-npy-exponential-icdf~q": lambda: always(
            lambda lam: all(close(1 - exp(-lam * (-log(q) / lam)), q) for q in (mpf("0.2"), mpf("0.75"))), _U10_POS
        ),
        "u10-npy-gamma-entropy": lambda: always(
            lambda a, lam: close(
                _u10_gamma_entropy_quad(a, lam),
                a - log(lam) + mp.loggamma(a) + (1 - a) * mp.digamma(a),
                mpf(10) ** -15,
            ),
            _U10_AG,
        ),
        "u10-npy-gamma-entropy~sign": lambda: always(
            lambda a, lam: close(
                _u10_gamma_entropy_quad(a, lam),
                a + log(lam) + mp.loggamma(a) + (1 - a) * mp.digamma(a),
                mpf(10) ** -15,
            ),
            _U10_AG,
        ),
        "u10-npy-gumbel-variance": lambda: always(
            lambda mu, b: close(
                _u10_variance(_u10_gumbel(mu, b), mu - 6 * b, mu + 130 * b, [mu, mu + 10 * b]),
                pi**2 / 6 * b**2,
                mpf(10) ** -15,
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-gumbel-variance~unsquared": lambda: always(
            lambda mu, b: close(
                _u10_variance(_u10_gumbel(mu, b), mu - 6 * b, mu + 130 * b, [mu, mu + 10 * b]),
                pi**2 / 6 * b,
                mpf(10) ** -15,
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-gumbel-icdf": lambda: always(
            lambda mu, b: all(
                close(exp(-exp(-((mu - b * log(-log(q))) - mu) / b)), q) for q in (mpf("0.2"), mpf("0.75"))
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-gumbel-icdf~sign": lambda: always(
            lambda mu, b: all(
                close(exp(-exp(-((mu + b * log(-log(q))) - mu) / b)), q) for q in (mpf("0.2"), mpf("0.75"))
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-gumbel-logpdf": lambda: always(
            lambda mu, b: close(log(_u10_gumbel(mu, b)(mpf("0.7"))), _u10_gumbel_log(mu, b, mpf("0.7"), -1)),
            _U10_GUMBEL,
        ),
        "u10-npy-gumbel-logpdf~plus": lambda: always(
            lambda mu, b: close(log(_u10_gumbel(mu, b)(mpf("0.7"))), _u10_gumbel_log(mu, b, mpf("0.7"), 1)),
            _U10_GUMBEL,
        ),
        "u10-npy-laplace-variance": lambda: always(
            lambda mu, b: close(_u10_variance(_u10_laplace(mu, b), -inf, inf, [mu]), 2 * b**2), _U10_GUMBEL
        ),
        "u10-npy-laplace-variance~one": lambda: always(
            lambda mu, b: close(_u10_variance(_u10_laplace(mu, b), -inf, inf, [mu]), b**2), _U10_GUMBEL
        ),
        "u10-npy-laplace-entropy": lambda: always(
            lambda mu, b: close(_u10_entropy(_u10_laplace(mu, b), -inf, inf, [mu]), log(2 * b) + 1), _U10_GUMBEL
        ),
        "u10-npy-laplace-entropy~no-two": lambda: always(
            lambda mu, b: close(_u10_entropy(_u10_laplace(mu, b), -inf, inf, [mu]), log(b) + 1), _U10_GUMBEL
        ),
        "u10-npy-laplace-cdf": lambda: always(
            lambda mu, b: all(
                close(D(lambda u: _u10_laplace_cdf(mu, b, u, -1), x), _u10_laplace(mu, b)(x))
                for x in (mu - mpf("0.8"), mu + mpf("1.3"))
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-laplace-cdf~sign": lambda: always(
            lambda mu, b: all(
                close(D(lambda u: _u10_laplace_cdf(mu, b, u, 1), x), _u10_laplace(mu, b)(x))
                for x in (mu - mpf("0.8"), mu + mpf("1.3"))
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-logistic-logpdf": lambda: always(
            lambda mu, s: close(log(_u10_logistic(mu, s)(mpf("0.7"))), _u10_logistic_log(mu, s, mpf("0.7"), 2)),
            _U10_GUMBEL,
        ),
        "u10-npy-logistic-logpdf~once": lambda: always(
            lambda mu, s: close(log(_u10_logistic(mu, s)(mpf("0.7"))), _u10_logistic_log(mu, s, mpf("0.7"), 1)),
            _U10_GUMBEL,
        ),
        "u10-npy-logistic-variance": lambda: always(
            lambda mu, s: close(_u10_variance(_u10_logistic(mu, s), -inf, inf, [mu]), pi**2 * s**2 / 3, mpf(10) ** -15),
            _U10_GUMBEL,
        ),
        "u10-npy-logistic-variance~six": lambda: always(
            lambda mu, s: close(_u10_variance(_u10_logistic(mu, s), -inf, inf, [mu]), pi**2 * s**2 / 6, mpf(10) ** -15),
            _U10_GUMBEL,
        ),
        "u10-npy-logistic-entropy": lambda: always(
            lambda mu, s: close(_u10_entropy(_u10_logistic(mu, s), -inf, inf, [mu]), log(s) + 2, mpf(10) ** -15),
            _U10_GUMBEL,
        ),
        "u10-npy-logistic-entropy~one": lambda: always(
            lambda mu, s: close(_u10_entropy(_u10_logistic(mu, s), -inf, inf, [mu]), log(s) + 1, mpf(10) ** -15),
            _U10_GUMBEL,
        ),
        "u10-npy-normal-entropy": lambda: always(
            lambda s: close(
                _u10_entropy(lambda x: exp(-(x**2) / (2 * s**2)) / (s * sqrt(2 * pi)), -inf, inf, [0]),
                log(2 * pi * mp.e * s**2) / 2,
            ),
            _U10_POS,
        ),
        "u10-npy-normal-entropy~no-half": lambda: always(
            lambda s: close(
                _u10_entropy(lambda x: exp(-(x**2) / (2 * s**2)) / (s * sqrt(2 * pi)), -inf, inf, [0]),
                log(2 * pi * mp.e * s**2),
            ),
            _U10_POS,
        ),
        "u10-npy-levy-logpdf": lambda: always(
            lambda mu, c: close(log(_u10_levy(mu, c)(mu + mpf("0.9"))), _u10_levy_log(mu, c, mu + mpf("0.9"), 3)),
            _U10_GUMBEL,
        ),
        "u10-npy-levy-logpdf~half": lambda: always(
            lambda mu, c: close(log(_u10_levy(mu, c)(mu + mpf("0.9"))), _u10_levy_log(mu, c, mu + mpf("0.9"), 1)),
            _U10_GUMBEL,
        ),
        "u10-npy-levy-cdf": lambda: always(
            lambda mu, c: close(
                D(lambda u: 2 - 2 * mp.ncdf(sqrt(c / (u - mu))), mu + mpf("0.9")), _u10_levy(mu, c)(mu + mpf("0.9"))
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-levy-cdf~one": lambda: always(
            lambda mu, c: close(
                D(lambda u: 1 - mp.ncdf(sqrt(c / (u - mu))), mu + mpf("0.9")), _u10_levy(mu, c)(mu + mpf("0.9"))
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-levy-entropy": lambda: always(
            lambda mu, c: close(
                _u10_levy_entropy_quad(mu, c),
                mpf(1) / 2 + mpf(3) / 2 * mp.euler + log(16 * pi * c**2) / 2,
                mpf(10) ** -12,
            ),
            _U10_GUMBEL,
        ),
        "u10-npy-levy-entropy~unsquared": lambda: always(
            lambda mu, c: close(
                _u10_levy_entropy_quad(mu, c), mpf(1) / 2 + mpf(3) / 2 * mp.euler + log(16 * pi * c) / 2, mpf(10) ** -12
            ),
            _U10_GUMBEL,
        ),
        # ---- NumPyro HSGP spectral densities (angular frequency, D = 1)
        "u10-hsgp-se": lambda: always(
            lambda alpha, ell: all(
                close(
                    _u10_cos_transform(lambda r: alpha * exp(-(r**2) / (2 * ell**2)), w),
                    alpha * sqrt(2 * pi) * ell * exp(-(ell**2) * w**2 / 2),
                    mpf(10) ** -15,
                )
                for w in (mpf("0.4"), mpf("1.7"))
            ),
            _U10_AL,
        ),
        "u10-hsgp-se~length": lambda: always(
            lambda alpha, ell: all(
                close(
                    _u10_cos_transform(lambda r: alpha * exp(-(r**2) / (2 * ell**2)), w),
                    alpha * sqrt(2 * pi) * ell**2 * exp(-(ell**2) * w**2 / 2),
                    mpf(10) ** -15,
                )
                for w in (mpf("0.4"), mpf("1.7"))
            ),
            _U10_AL,
        ),
        "u10-hsgp-matern-half": lambda: _u10_hsgp(mpf(1) / 2, lambda a, ell, r: a * exp(-r / ell)),
        "u10-hsgp-matern-half~power": lambda: _u10_hsgp(mpf(1) / 2, lambda a, ell, r: a * exp(-r / ell), two_power=1),
        "u10-hsgp-matern-three-halves": lambda: _u10_hsgp(
            mpf(3) / 2, lambda a, ell, r: a * (1 + sqrt(3) * r / ell) * exp(-sqrt(3) * r / ell)
        ),
        "u10-hsgp-matern-three-halves~exponent": lambda: _u10_hsgp(
            mpf(3) / 2,
            lambda a, ell, r: a * (1 + sqrt(3) * r / ell) * exp(-sqrt(3) * r / ell),
            exponent_shift=mpf(1) / 2,
        ),
        # ---- GPyTorch Matern kernel, by the Bessel function
        "u10-gpy-matern-half": lambda: all(close(_u10_matern_bessel(mpf(1) / 2, d), exp(-d)) for d in _U10_NU_D),
        "u10-gpy-matern-half~two": lambda: all(
            close(_u10_matern_bessel(mpf(1) / 2, d), exp(-2 * d)) for d in _U10_NU_D
        ),
        "u10-gpy-matern-three-halves": lambda: all(
            close(_u10_matern_bessel(mpf(3) / 2, d), (1 + sqrt(3) * d) * exp(-sqrt(3) * d)) for d in _U10_NU_D
        ),
        "u10-gpy-matern-three-halves~three": lambda: all(
            close(_u10_matern_bessel(mpf(3) / 2, d), (1 + 3 * d) * exp(-sqrt(3) * d)) for d in _U10_NU_D
        ),
        "u10-gpy-matern-five-halves": lambda: all(
            close(_u10_matern_bessel(mpf(5) / 2, d), (1 + sqrt(5) * d + mpf(5) / 3 * d**2) * exp(-sqrt(5) * d))
            for d in _U10_NU_D
        ),
        "u10-gpy-matern-five-halves~half": lambda: all(
            close(_u10_matern_bessel(mpf(5) / 2, d), (1 + sqrt(5) * d + mpf(5) / 2 * d**2) * exp(-sqrt(5) * d))
            for d in _U10_NU_D
        ),
        # ---- Gymnasium Pendulum
        "u10-gym-pendulum-min-reward": lambda: rounds_to(-(pi**2 + mpf("0.1") * 64 + mpf("0.001") * 4), "-16.2736044"),
        "u10-gym-pendulum-min-reward~torque": lambda: rounds_to(
            -(pi**2 + mpf("0.1") * 64 + mpf("0.01") * 4), "-16.2736044"
        ),
        # the reward is decreasing in |theta|, |omega| and |u|: its minimum over the box is at the corners
        "u10-gym-pendulum-reward-bound": lambda: all(
            -(t**2 + mpf("0.1") * w**2 + mpf("0.001") * u**2) >= -(pi**2 + mpf("0.1") * 64 + mpf("0.001") * 4)
            for t in (-pi, mpf("-1.1"), 0, pi)
            for w in (-8, mpf("2.5"), 8)
            for u in (-2, 0, mpf("1.5"))
        ),
        "u10-gym-pendulum-reward-bound~reversed": lambda: all(
            -(t**2 + mpf("0.1") * w**2 + mpf("0.001") * u**2) <= -(pi**2 + mpf("0.1") * 64 + mpf("0.001") * 4)
            for t in (-pi, mpf("-1.1"), 0, pi)
            for w in (-8, mpf("2.5"), 8)
            for u in (-2, 0, mpf("1.5"))
        ),
        # ---- nanoGPT transformer sizing, exact integers and the notebook's printed roundings
        "u10-nanogpt-embedding": lambda: 768 * 1024 + 768 * 50257 == 39383808,
        "u10-nanogpt-embedding~padded": lambda: 768 * 1024 + 768 * 50304 == 39383808,
        "u10-nanogpt-total": lambda: _u10_gpt2_params(final_ln=True) == 124337664,
        "u10-nanogpt-total~no-final-ln": lambda: _u10_gpt2_params(final_ln=False) == 124337664,
        "u10-nanogpt-kqv-flops": lambda: 2 * 1024 * (768 * 3 * 768) == 3623878656,
        "u10-nanogpt-kqv-flops~macs": lambda: 1024 * (768 * 3 * 768) == 3623878656,
        "u10-nanogpt-score-flops": lambda: 2 * 1024 * 1024 * 768 == 1610612736,
        "u10-nanogpt-score-flops~embd": lambda: 2 * 1024 * 768 * 768 == 1610612736,
        "u10-nanogpt-palm-flops": lambda: _u10_palm(6) == 875062886400,
        "u10-nanogpt-palm-flops~two": lambda: _u10_palm(2) == 875062886400,
        "u10-nanogpt-checkpoint": lambda: rounds_to(mpf(3 * 4 * 124337664) / 10**9, "1.49"),
        "u10-nanogpt-checkpoint~one-buffer": lambda: rounds_to(mpf(2 * 4 * 124337664) / 10**9, "1.49"),
        "u10-nanogpt-fluff": lambda: rounds_to(mpf(1542470366) / (12 * 124337664) * 100, "103.38"),
        "u10-nanogpt-fluff~digits": lambda: rounds_to(mpf(1542470366) / (12 * 124337664) * 100, "103.83"),
        "u10-nanogpt-memory-ratio": lambda: rounds_to(mpf(12 * 124337664) / (40 * 10**9) * 100, "3.73"),
        "u10-nanogpt-memory-ratio~fp32-only": lambda: rounds_to(mpf(4 * 124337664) / (40 * 10**9) * 100, "3.73"),
        "u10-nanogpt-train-days": lambda: rounds_to(_u10_days(6), "3.46"),
        "u10-nanogpt-train-days~2nd": lambda: rounds_to(_u10_days(2), "3.46"),
        # ---- PEFT
        "u10-peft-prompt-percent": lambda: rounds_to(mpf(8192) / 559222784 * 100, "0.0014648902430985358"),
        "u10-peft-prompt-percent~fraction": lambda: rounds_to(mpf(8192) / 559222784, "0.0014648902430985358"),
        "u10-peft-prefix-count": lambda: 20 * 24 * 2 * 1024 == 983040,
        "u10-peft-prefix-count~no-values": lambda: 20 * 24 * 1024 == 983040,
        "u10-peft-prefix-percent": lambda: rounds_to(mpf(983040) / 560197632 * 100, "0.1754809274167014"),
        "u10-peft-prefix-percent~base": lambda: rounds_to(mpf(983040) / 559214592 * 100, "0.1754809274167014"),
        "u10-peft-same-base": lambda: 559222784 - 8192 == 560197632 - 983040,
        "u10-peft-same-base~swapped": lambda: 559222784 - 983040 == 560197632 - 8192,
        "u10-peft-quicktour-lora": lambda: 16 * 8 * (2048 + 2048) == 524288,
        "u10-peft-quicktour-lora~one-factor": lambda: 16 * 8 * 2048 == 524288,
        "u10-peft-quicktour-percent": lambda: rounds_to(mpf(524288) / 1236338688 * 100, "0.0424"),
        "u10-peft-quicktour-percent~digits": lambda: rounds_to(mpf(524288) / 1236338688 * 100, "0.0442"),
    }
)


def _u10_laplace(mu, b):
    return lambda x: exp(-abs(x - mu) / b) / (2 * b)


def _u10_laplace_cdf(mu, b, x, sign):
    z = (x - mu) / b
    return mpf(1) / 2 + sign * mpf(1) / 2 * mp.sign(z) * (exp(-abs(z)) - 1)


def _u10_gumbel_log(mu, b, x, sign):
    z = (x - mu) / b
    return -z - exp(-z) + sign * log(b)


def _u10_logistic_log(mu, s, x, times):
    u = (mu - x) / s
    return u - log(s) - times * log(1 + exp(u))


def _u10_levy_log(mu, c, x, three):
    return log(c / (2 * pi)) / 2 - c / (2 * (x - mu)) - mpf(three) / 2 * log(x - mu)


def _u10_gpt2_params(final_ln):
    d, layers = 768, 12
    embeddings = d * 1024 + d * 50257
    block = 2 * d + 3 * d * d + d * d + 4 * d * d + 4 * d * d  # two layer norms, qkv, projection, 4x MLP in and out
    return embeddings + layers * block + (d if final_ln else 0)


def _u10_palm(factor):
    n = _u10_gpt2_params(True) - 768 * 1024
    return (factor * n + 12 * 12 * 12 * 64 * 1024) * 1024


def _u10_days(factor):
    return mpf(factor) * 124337664 * 300 * 10**9 / (8 * 312 * mpf(10) ** 12 * mpf("0.3")) / 86400


# ---- unseen11: PyTorch docstrings, HF memory anatomy, LLMs from scratch, scikit-learn, d2l, EleutherAI

_U11_GAINS = [(mpf("0.7"), 3, 5), (mpf(1), 5, 3), (mpf("1.6"), 64, 256)]  # gain, fan_in, fan_out
_U11_ETAS = [(mpf("0.001"), mpf("0.1"), mpf(10)), (mpf(0), mpf("0.5"), mpf(7))]  # eta_min, eta_max, T_i


def _u11_uniform_variance(a):
    """The variance of the uniform law on (-a, a), by quadrature of its density 1/(2a)."""
    return quad(lambda w: w**2 / (2 * a), [-a, a])


def _u11_eta(eta_min, eta_max, t_cur, t_i):
    return eta_min + (eta_max - eta_min) * (1 + mp.cos(pi * t_cur / t_i)) / 2


def _u11_gauss_nll(x, mu, v):
    return -log(exp(-((x - mu) ** 2) / (2 * v)) / sqrt(2 * pi * v))


def _u11_poisson_nll(k, rate):
    return -log(rate**k * exp(-rate) / factorial(k))


def _u11_relu_moment(tau, power, centre=0):
    """E[(ReLU(z) - centre)^power] for z ~ N(0, tau^2), by quadrature of the Gaussian density."""
    dens = lambda z: exp(-(z**2) / (2 * tau**2)) / (tau * sqrt(2 * pi))  # noqa: E731
    return quad(lambda z: (max(z, 0) - centre) ** power * dens(z), [-inf, 0, inf])


def _u11_relu_variance(tau):
    m = _u11_relu_moment(tau, 1)
    return _u11_relu_moment(tau, 2, m)


def _u11_linear_output_variance(n_in, w_values, x_values):
    """Var[sum_j w_j x_j] by exact enumeration of independent weights and inputs, each on its given law."""
    total_mean, total_second = mpf(0), mpf(0)
    laws = [w_values] * n_in + [x_values] * n_in
    for combo in itertools.product(*[list(law.items()) for law in laws]):
        values = [v for v, _ in combo]
        prob = mpf(1)
        for _, q in combo:
            prob *= q
        o = sum(values[j] * values[n_in + j] for j in range(n_in))
        total_mean += prob * o
        total_second += prob * o**2
    return total_second - total_mean**2


_U11_W = {mpf("-0.6"): mpf("0.5"), mpf("0.6"): mpf("0.5")}  # mean 0, variance 0.36
_U11_X = {mpf(-2): mpf("0.2"), mpf("0.5"): mpf("0.8")}  # mean 0, variance 1
_U11_LOGISTIC = [mpf("-1.7"), mpf("0.3"), mpf("2.4")]


def _u11_bce(y, x):
    return -(y * log(sigmoid(x)) + (1 - y) * log(1 - sigmoid(x)))


CHECKS.update(
    {
        # ---- torch.nn.init: variances by quadrature of the uniform density
        "u11-init-xavier-uniform-variance": lambda: all(
            close(_u11_uniform_variance(g * sqrt(mpf(6) / (i + o))), g**2 * mpf(2) / (i + o)) for g, i, o in _U11_GAINS
        ),
        "u11-init-xavier-uniform-variance~six": lambda: all(
            close(_u11_uniform_variance(g * sqrt(mpf(6) / (i + o))), g**2 * mpf(6) / (i + o)) for g, i, o in _U11_GAINS
        ),
        "u11-init-kaiming-uniform-std": lambda: all(
            close(sqrt(_u11_uniform_variance(g * sqrt(mpf(3) / i))), g / sqrt(i)) for g, i, _ in _U11_GAINS
        ),
        "u11-init-kaiming-uniform-std~unrooted": lambda: all(
            close(sqrt(_u11_uniform_variance(g * sqrt(mpf(3) / i))), g / mpf(i)) for g, i, _ in _U11_GAINS
        ),
        "u11-init-leaky-gain": lambda: rounds_to(sqrt(2 / (1 + mpf("0.2") ** 2)), "1.3868"),
        "u11-init-leaky-gain~digits": lambda: rounds_to(sqrt(2 / (1 + mpf("0.2") ** 2)), "1.3686"),
        "u11-init-relu-gain": lambda: close(sqrt(mpf(2) / (1 + 0**2)), sqrt(2)),
        "u11-init-relu-gain~two": lambda: close(sqrt(mpf(2) / (1 + 0**2)), mpf(2)),
        "u11-init-xavier-normal-example": lambda: close(1 * sqrt(mpf(2) / (5 + 3)), mpf("0.5")),
        "u11-init-xavier-normal-example~variance": lambda: close(1 * sqrt(mpf(2) / (5 + 3)), mpf("0.25")),
        # ---- CosineAnnealingWarmRestarts, from the schedule's formula
        "u11-cawr-end": lambda: all(close(_u11_eta(lo, hi, t, t), lo) for lo, hi, t in _U11_ETAS),
        "u11-cawr-end~max": lambda: all(close(_u11_eta(lo, hi, t, t), hi) for lo, hi, t in _U11_ETAS),
        "u11-cawr-restart": lambda: all(close(_u11_eta(lo, hi, 0, t), hi) for lo, hi, t in _U11_ETAS),
        "u11-cawr-restart~mid": lambda: all(close(_u11_eta(lo, hi, 0, t), (hi + lo) / 2) for lo, hi, t in _U11_ETAS),
        "u11-cawr-half": lambda: all(close(_u11_eta(lo, hi, t / 2, t), (hi + lo) / 2) for lo, hi, t in _U11_ETAS),
        "u11-cawr-half~no-min": lambda: all(close(_u11_eta(lo, hi, t / 2, t), hi / 2) for lo, hi, t in _U11_ETAS),
        "u11-cawr-decreasing": lambda: all(
            D(lambda c: _u11_eta(lo, hi, c, t), t * f) <= TOL
            for lo, hi, t in _U11_ETAS
            for f in (mpf("0.1"), mpf("0.6"))
        ),
        "u11-cawr-decreasing~increasing": lambda: all(
            D(lambda c: _u11_eta(lo, hi, c, t), t * f) >= -TOL
            for lo, hi, t in _U11_ETAS
            for f in (mpf("0.1"), mpf("0.6"))
        ),
        # ---- GaussianNLLLoss and PoissonNLLLoss, from the densities
        "u11-gnll-constant": lambda: all(
            close(_u11_gauss_nll(t, x, v), (log(v) + (x - t) ** 2 / v) / 2 + log(2 * pi) / 2)
            for x, t, v in [(mpf("0.3"), mpf("1.4"), mpf("0.8")), (mpf(-2), mpf("0.5"), mpf("2.5"))]
        ),
        "u11-gnll-constant~whole": lambda: all(
            close(_u11_gauss_nll(t, x, v), (log(v) + (x - t) ** 2 / v) / 2 + log(2 * pi))
            for x, t, v in [(mpf("0.3"), mpf("1.4"), mpf("0.8")), (mpf(-2), mpf("0.5"), mpf("2.5"))]
        ),
        "u11-gnll-var-gradient": lambda: all(
            close(D(lambda u: (log(u) + (x - t) ** 2 / u) / 2, v), (1 / v - (x - t) ** 2 / v**2) / 2)
            for x, t, v in [(mpf("0.3"), mpf("1.4"), mpf("0.8")), (mpf(-2), mpf("0.5"), mpf("2.5"))]
        ),
        "u11-gnll-var-gradient~sign": lambda: all(
            close(D(lambda u: (log(u) + (x - t) ** 2 / u) / 2, v), (1 / v + (x - t) ** 2 / v**2) / 2)
            for x, t, v in [(mpf("0.3"), mpf("1.4"), mpf("0.8")), (mpf(-2), mpf("0.5"), mpf("2.5"))]
        ),
        "u11-pnll-loss": lambda: all(
            close(_u11_poisson_nll(k, r), r - k * log(r) + log(factorial(k)))
            for k in (0, 3, 7)
            for r in (mpf("0.4"), mpf("5.5"))
        ),
        "u11-pnll-loss~sign": lambda: all(
            close(_u11_poisson_nll(k, r), r + k * log(r) + log(factorial(k)))
            for k in (0, 3, 7)
            for r in (mpf("0.4"), mpf("5.5"))
        ),
        "u11-pnll-log-input": lambda: all(
            close(_u11_poisson_nll(k, exp(s)), exp(s) - k * s + log(factorial(k)))
            for k in (0, 3, 7)
            for s in (mpf("-0.9"), mpf("1.7"))
        ),
        "u11-pnll-log-input~exp": lambda: all(
            close(_u11_poisson_nll(k, exp(s)), exp(s) - k * exp(s) + log(factorial(k)))
            for k in (0, 3, 7)
            for s in (mpf("-0.9"), mpf("1.7"))
        ),
        # ---- BCEWithLogitsLoss
        "u11-bce-pos-weight": lambda: Fraction(300, 100) == 3,
        "u11-bce-pos-weight~inverted": lambda: Fraction(100, 300) == 3,
        "u11-bce-stable": lambda: all(
            close(_u11_bce(y, x), log(1 + exp(x)) - y * x) for x in _U11_LOGISTIC for y in (0, mpf("0.3"), 1)
        ),
        "u11-bce-stable~sign": lambda: all(
            close(_u11_bce(y, x), log(1 + exp(-x)) - y * x) for x in _U11_LOGISTIC for y in (0, mpf("0.3"), 1)
        ),
        "u11-bce-pos-weight-loss": lambda: all(
            close(-(w * log(sigmoid(x))), w * log(1 + exp(-x))) for x in _U11_LOGISTIC for w in (mpf("0.5"), mpf(3))
        ),
        "u11-bce-pos-weight-loss~sign": lambda: all(
            close(-(w * log(sigmoid(x))), w * log(1 + exp(x))) for x in _U11_LOGISTIC for w in (mpf("0.5"), mpf(3))
        ),
        # ---- HF memory anatomy: byte counts per parameter, exact integers
        "u11-hf-mixed-adamw-bytes": lambda: 6 + 8 + 4 == 18,
        "u11-hf-mixed-adamw-bytes~fp32-weights": lambda: 4 + 8 + 4 == 18,
        "u11-hf-inference-bytes": lambda: 18 - 8 - 4 == 6,
        "u11-hf-inference-bytes~gradients-kept": lambda: 18 - 8 == 6,
        "u11-hf-bert-weights": lambda: rounds_to(mpf(2631 - 1343) / 1000, "1.3"),
        "u11-hf-bert-weights~sum": lambda: rounds_to(mpf(2631 + 1343) / 1000, "1.3"),
        "u11-hf-8bit-adamw-bytes": lambda: 6 + 2 + 4 == 12,
        "u11-hf-8bit-adamw-bytes~fourteen": lambda: 6 + 2 + 4 == 14,
        "u11-hf-sgd-momentum-bytes": lambda: 4 + 4 + 4 == 12,
        "u11-hf-sgd-momentum-bytes~two-states": lambda: 4 + 8 + 4 == 12,
        # ---- LLMs from scratch, chapter 4: the printed counts and sizes
        "u11-rasbt-weight-tying": lambda: 163009536 - 50257 * 768 == 124412160,
        "u11-rasbt-weight-tying~width": lambda: 163009536 - 50257 * 1024 == 124412160,
        "u11-rasbt-model-size": lambda: rounds_to(mpf(163009536 * 4) / (1024 * 1024), "621.83"),
        "u11-rasbt-model-size~decimal-mb": lambda: rounds_to(mpf(163009536 * 4) / 10**6, "621.83"),
        "u11-rasbt-ffn-params": lambda: 768 * 3072 + 3072 + 3072 * 768 + 768 == 4722432,
        "u11-rasbt-ffn-params~no-bias": lambda: 768 * 3072 + 3072 * 768 == 4722432,
        "u11-rasbt-attention-params": lambda: 3 * 768 * 768 + 768 * 768 + 768 == 2360064,
        "u11-rasbt-attention-params~no-bias": lambda: 4 * 768 * 768 == 2360064,
        "u11-rasbt-medium-tying": lambda: 406212608 - 354749440 == 50257 * 1024,
        "u11-rasbt-medium-tying~width": lambda: 406212608 - 354749440 == 50257 * 768,
        "u11-rasbt-xl-size": lambda: rounds_to(mpf(1637792000 * 4) / (1024 * 1024), "6247.68"),
        "u11-rasbt-xl-size~digits": lambda: rounds_to(mpf(1637792000 * 4) / (1024 * 1024), "6274.68"),
        # ---- KV-cache sizes in GB of 10^9 bytes, with the printed roundings
        "u11-gqa-mha-cache": lambda: rounds_to(mpf(32768 * (4096 // 32) * 32 * 2 * 2 * 32) / 10**9, "17.18"),
        "u11-gqa-mha-cache~no-kv": lambda: rounds_to(mpf(32768 * (4096 // 32) * 32 * 2 * 32) / 10**9, "17.18"),
        "u11-gqa-gqa-cache": lambda: rounds_to(mpf(32768 * 128 * 32 * 2 * 2 * 8) / 10**9, "4.29"),
        "u11-gqa-gqa-cache~digits": lambda: rounds_to(mpf(32768 * 128 * 32 * 2 * 2 * 8) / 10**9, "4.30"),
        "u11-gqa-savings": lambda: (1 - Fraction(8, 32)) * 100 == 75,
        "u11-gqa-savings~kept": lambda: Fraction(8, 32) * 100 == 75,
        "u11-mla-mha-formula": lambda: rounds_to(mpf(8192 * 48 * 2048 * 2 * 2) / 10**9, "3.25"),
        "u11-mla-mha-formula~fixed": lambda: rounds_to(mpf(8192 * 48 * 2048 * 2 * 2) / 10**9, "3.22"),
        "u11-mla-mha-printed": lambda: rounds_to(mpf(8192 * 48 * 86 * 24 * 2 * 2) / 10**9, "3.25"),
        "u11-mla-mha-printed~floor": lambda: rounds_to(mpf(8192 * 48 * 85 * 24 * 2 * 2) / 10**9, "3.25"),
        "u11-mla-latent-cache": lambda: rounds_to(mpf(8192 * 48 * 1024 * 2) / 10**9, "0.81"),
        "u11-mla-latent-cache~kv": lambda: rounds_to(mpf(8192 * 48 * 1024 * 2 * 2) / 10**9, "0.81"),
        "u11-mla-compression": lambda: Fraction(768 * 2, 192) == 8,
        "u11-mla-compression~one": lambda: Fraction(768, 192) == 8,
        "u11-mla-ratio": lambda: rounds_to(mpf(86 * 24 * 2 * 2) / (1024 * 2), "4.03"),
        "u11-mla-ratio~embed": lambda: rounds_to(mpf(2048 * 2) / (1024 * 2), "4.03"),
        "u11-mla-gqa-cache": lambda: rounds_to(mpf(8192 * 48 * 86 * 6 * 2 * 2) / 10**9, "0.81"),
        "u11-mla-gqa-cache~eight": lambda: rounds_to(mpf(8192 * 48 * 86 * 8 * 2 * 2) / 10**9, "0.81"),
        "u11-swa-mha-cache": lambda: rounds_to(mpf((5 * 32768 + 27 * 1024) * 128 * 32 * 2 * 2) / 10**9, "3.14"),
        "u11-swa-mha-cache~swapped": lambda: rounds_to(mpf((27 * 32768 + 5 * 1024) * 128 * 32 * 2 * 2) / 10**9, "3.14"),
        "u11-swa-gqa-cache": lambda: rounds_to(mpf((5 * 32768 + 27 * 1024) * 128 * 8 * 2 * 2) / 10**9, "0.78"),
        "u11-swa-gqa-cache~four": lambda: rounds_to(mpf((5 * 32768 + 27 * 1024) * 128 * 4 * 2 * 2) / 10**9, "0.78"),
        "u11-swa-factor": lambda: Fraction(1024, 32768) == Fraction(1, 32),
        "u11-swa-factor~sixteen": lambda: Fraction(1024, 32768) == Fraction(1, 16),
        # ---- scikit-learn: log loss and MCC from their definitions on the doctest data
        "u11-skl-log-loss-example": lambda: rounds_to(
            -sum(log(mpf(q)) for q in ("0.9", "0.8", "0.7", "0.99")) / 4, "0.1738"
        ),
        "u11-skl-log-loss-example~positive-column": lambda: rounds_to(
            -sum(log(mpf(q)) for q in ("0.1", "0.2", "0.7", "0.99")) / 4, "0.1738"
        ),
        "u11-skl-log-loss-negative": lambda: all(
            close(-(0 * log(p) + (1 - 0) * log(1 - p)), -log(1 - p)) for p in (mpf("0.2"), mpf("0.85"))
        ),
        "u11-skl-log-loss-negative~positive": lambda: all(
            close(-(0 * log(p) + (1 - 0) * log(1 - p)), -log(p)) for p in (mpf("0.2"), mpf("0.85"))
        ),
        "u11-skl-log-loss-binary": lambda: all(
            close(-((1 - y) * log(1 - p) + y * log(p)), -(y * log(p) + (1 - y) * log(1 - p)))
            for y in (0, 1)
            for p in (mpf("0.2"), mpf("0.85"))
        ),
        "u11-skl-log-loss-binary~same-p": lambda: all(
            close(-((1 - y) * log(1 - p) + y * log(p)), -(y * log(p) + (1 - y) * log(p)))
            for y in (0, 1)
            for p in (mpf("0.2"), mpf("0.85"))
        ),
        "u11-skl-mcc-example": lambda: _u11_mcc_example(-1),
        "u11-skl-mcc-example~plus": lambda: _u11_mcc_example(1),
        # ---- scikit-learn MLP page
        "u11-skl-mlp-tanh": lambda: identity(tanh, lambda x: (exp(x) - exp(-x)) / (exp(x) + exp(-x))),
        "u11-skl-mlp-tanh~inverted": lambda: identity(tanh, lambda x: (exp(x) + exp(-x)) / (exp(x) - exp(-x))),
        "u11-skl-mlp-cross-entropy": lambda: _u11_mlp_loss(1),
        "u11-skl-mlp-cross-entropy~fixed": lambda: _u11_mlp_loss(-1),
        "u11-skl-mlp-threshold": lambda: close(sigmoid(0), mpf("0.5")),
        "u11-skl-mlp-threshold~one": lambda: close(sigmoid(0), mpf(1)),
        # ---- d2l initialization: Gaussian moments by quadrature, a variance by exact enumeration
        "u11-d2l-relu-second-moment": lambda: all(
            close(_u11_relu_moment(t, 2), t**2 / 2) for t in (mpf("0.6"), mpf("2.3"))
        ),
        "u11-d2l-relu-second-moment~quarter": lambda: all(
            close(_u11_relu_moment(t, 2), t**2 / 4) for t in (mpf("0.6"), mpf("2.3"))
        ),
        "u11-d2l-relu-variance": lambda: all(
            close(_u11_relu_variance(t), (mpf(1) / 2 - 1 / (2 * pi)) * t**2) for t in (mpf("0.6"), mpf("2.3"))
        ),
        "u11-d2l-relu-variance~half": lambda: all(
            close(_u11_relu_variance(t), t**2 / 2) for t in (mpf("0.6"), mpf("2.3"))
        ),
        "u11-d2l-uniform-variance": lambda: all(
            close(_u11_uniform_variance(a), a**2 / 3) for a in (mpf("0.4"), mpf(3))
        ),
        "u11-d2l-uniform-variance~twelve": lambda: all(
            close(_u11_uniform_variance(a), a**2 / 12) for a in (mpf("0.4"), mpf(3))
        ),
        "u11-d2l-xavier-plug": lambda: all(
            close(_u11_uniform_variance(sqrt(mpf(6) / (i + o))), mpf(2) / (i + o)) for _, i, o in _U11_GAINS
        ),
        "u11-d2l-xavier-plug~three": lambda: all(
            close(_u11_uniform_variance(sqrt(mpf(3) / (i + o))), mpf(2) / (i + o)) for _, i, o in _U11_GAINS
        ),
        "u11-d2l-xavier-condition": lambda: all(
            close((i + o) * sqrt(mpf(2) / (i + o)) ** 2 / 2, 1) for _, i, o in _U11_GAINS
        ),
        "u11-d2l-xavier-condition~no-half": lambda: all(
            close((i + o) * sqrt(mpf(2) / (i + o)) ** 2, 1) for _, i, o in _U11_GAINS
        ),
        # weights of variance 0.36 and inputs of variance 1, two and three inputs
        "u11-d2l-output-variance": lambda: all(
            close(_u11_linear_output_variance(n, _U11_W, _U11_X), n * var(_U11_W) * var(_U11_X)) for n in (2, 3)
        ),
        "u11-d2l-output-variance~no-n": lambda: all(
            close(_u11_linear_output_variance(n, _U11_W, _U11_X), var(_U11_W) * var(_U11_X)) for n in (2, 3)
        ),
        "u11-d2l-he": lambda: all(
            close(n * (mpf(2) / n) * g**2 / 2, g**2) for n in (1, 4, 300) for g in (mpf("0.5"), mpf(2))
        ),
        "u11-d2l-he~double": lambda: all(
            close(n * (mpf(2) / n) * g**2 / 2, 2 * g**2) for n in (1, 4, 300) for g in (mpf("0.5"), mpf(2))
        ),
        "u11-d2l-sigmoid-peak": lambda: close(D(sigmoid, 0), mpf("0.25")),
        "u11-d2l-sigmoid-peak~half": lambda: close(D(sigmoid, 0), mpf("0.5")),
        # ---- EleutherAI Transformer Math 101
        "u11-eleuther-forward-backward": lambda: all(
            2 * p * d + 4 * p * d == 6 * p * d for p in (125 * 10**6, 3) for d in (300 * 10**9, 11)
        ),
        "u11-eleuther-forward-backward~eight": lambda: all(
            2 * p * d + 4 * p * d == 8 * p * d for p in (125 * 10**6, 3) for d in (300 * 10**9, 11)
        ),
        "u11-eleuther-petaflop-day": lambda: 10**15 * 24 * 3600 == Fraction(864, 100) * 10**19,
        "u11-eleuther-petaflop-day~exponent": lambda: 10**15 * 24 * 3600 == Fraction(864, 100) * 10**18,
        "u11-eleuther-time": lambda: _u11_training_time(lambda c, tau: c / tau),
        "u11-eleuther-time~inverted": lambda: _u11_training_time(lambda c, tau: tau / c),
    }
)


def _u11_mcc_example(sign):
    """MCC of y_true = [+1, +1, +1, -1] against y_pred = [+1, -1, +1, +1], the counts taken from the lists."""
    y_true, y_pred = [1, 1, 1, -1], [1, -1, 1, 1]
    tp = sum(t == 1 and p == 1 for t, p in zip(y_true, y_pred))
    tn = sum(t == -1 and p == -1 for t, p in zip(y_true, y_pred))
    fp = sum(t == -1 and p == 1 for t, p in zip(y_true, y_pred))
    fn = sum(t == 1 and p == -1 for t, p in zip(y_true, y_pred))
    stated = (tp * tn + sign * fp * fn) / sqrt(mpf((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)))
    centred = [t - mpf(sum(y_true)) / 4 for t in y_true], [p - mpf(sum(y_pred)) / 4 for p in y_pred]
    pearson = dot(*centred) / (norm(centred[0]) * norm(centred[1]))  # MCC is the Pearson correlation of the labels
    return (tp, fn, fp, tn) == (2, 1, 1, 0) and close(stated, pearson) and rounds_to(stated, "-0.33")


def _u11_mlp_loss(second_sign):
    """-y ln f + second_sign (1 - y) ln(1 - f) + penalty against the cross-entropy -(y ln f + (1 - y) ln(1 - f)) + penalty."""
    penalty = mpf("0.3")
    return all(
        close(
            -y * log(f) + second_sign * (1 - y) * log(1 - f) + penalty, -(y * log(f) + (1 - y) * log(1 - f)) + penalty
        )
        for y in (0, 1)
        for f in (mpf("0.2"), mpf("0.7"))
    )


def _u11_training_time(time_of):
    """T from tau T = 6PD, at a few sizes: the stated T must satisfy the equation."""
    return all(
        close(tau * time_of(6 * p * d, tau), 6 * p * d)
        for p, d, tau in [(mpf("1.25e8"), mpf("3e11"), mpf("9.6e14")), (mpf(7), mpf(2), mpf("0.5"))]
    )


# ---- unseen12: d2l chapters, PyTorch schedulers, Adam and CrossEntropyLoss docstrings, scikit-learn SGD


def _u12_ngrams(tokens, n):
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def _u12_bleu(pred, label, k):
    """BLEU as d2l defines it: the brevity factor times prod p_n^(1/2^n), p_n the clipped n-gram precision."""
    score = exp(min(0, 1 - mpf(len(label)) / len(pred)))
    for n in range(1, k + 1):
        pred_grams, label_grams = _u12_ngrams(pred, n), _u12_ngrams(label, n)
        remaining, matches = list(label_grams), 0
        for g in pred_grams:
            if g in remaining:
                remaining.remove(g)
                matches += 1
        score *= (mpf(matches) / len(pred_grams)) ** (mpf(1) / 2**n)
    return score


def _u12_brevity(len_label, len_pred):
    return exp(min(0, 1 - mpf(len_label) / len_pred))


_U12_LENGTHS_SHORT = [(6, 2), (9, 8), (20, 3)]  # (label, pred), pred shorter
_U12_LENGTHS_LONG = [(6, 6), (2, 6), (3, 20)]  # pred at least as long


def _u12_leaf_probabilities(a, b, c):
    """The four leaf probabilities of a depth-2 tree, each the product of sigmoid(+-score) along its path."""
    paths = [[(a, 1), (b, 1)], [(a, 1), (b, -1)], [(a, -1), (c, 1)], [(a, -1), (c, -1)]]
    out = []
    for path in paths:
        prob = mpf(1)
        for score, side in path:
            prob *= sigmoid(side * score)
        out.append(prob)
    return out


_U12_TREE = [(mpf("0.3"), mpf("-1.2"), mpf("2.5")), (mpf(-2), mpf("0.7"), mpf("-0.4"))]
_U12_GRADS = [[mpf(3), mpf(4)], [mpf("0.1"), mpf("-0.2"), mpf("0.05")], [mpf(-7), mpf(2), mpf(1)]]
_U12_LOGITS = [[mpf("0.5"), mpf(-1), mpf(3)], [mpf(100), mpf(101), mpf(99), mpf(-50)], [mpf(2), mpf(2)]]


def _u12_clip(g, theta):
    return [min(mpf(1), theta / norm(g)) * x for x in g]


def _u12_linear_lr_stepped(base, start, end, total, epoch):
    """LinearLR's rate by PyTorch's recursive update: lr_t = lr_{t-1} (1 + (end - start) / (total start + (t - 1)(end - start)))."""
    lr = base * start
    for t in range(1, min(epoch, total) + 1):
        lr *= 1 + (end - start) / (total * start + (t - 1) * (end - start))
    return lr


def _u12_poly_lr(base, total, power, epoch):
    return base * (1 - mpf(min(epoch, total)) / total) ** power


def _u12_step_lr(base, gamma, step, epoch):
    """StepLR by simulation: multiply by gamma at every multiple of step_size."""
    lr = mpf(base)
    for e in range(1, epoch + 1):
        if e % step == 0:
            lr *= gamma
    return lr


def _u12_multistep_lr(base, gamma, milestones, epoch):
    lr = mpf(base)
    for e in range(1, epoch + 1):
        if e in milestones:
            lr *= gamma
    return lr


def _u12_adam_moments(grads, beta1, beta2):
    """Adam's bias-corrected moments after the given gradients, m_0 = v_0 = 0, by running the updates."""
    m = v = mpf(0)
    for g in grads:
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
    t = len(grads)
    return m / (1 - beta1**t), v / (1 - beta2**t)


def _u12_smoothed_target(eps, n_classes, true_class):
    """(1 - eps) one_hot + eps uniform, the target of CrossEntropyLoss with label_smoothing = eps."""
    return [(1 - eps) * (1 if c == true_class else 0) + eps / n_classes for c in range(n_classes)]


def _u12_modified_huber(z):
    """The modified Huber loss as a smooth function of the margin: quadratic hinge for z >= -1, linear below."""
    return max(0, 1 - z) ** 2 if z >= -1 else -4 * z


def _u12_huber(r, eps):
    return r**2 / 2 if abs(r) <= eps else eps * abs(r) - eps**2 / 2


_U12_SIGNS = [mpf("-1.7"), mpf("0.3"), mpf("2.4")]
_U12_GLOVE_X = [[mpf(3), mpf(1), mpf(4)], [mpf(1), mpf(5), mpf(9)], [mpf(2), mpf(6), mpf(5)]]
_U12_GLOVE_Q = [
    [mpf("0.2"), mpf("0.5"), mpf("0.3")],
    [mpf("0.6"), mpf("0.1"), mpf("0.3")],
    [mpf("0.25"), mpf("0.25"), mpf("0.5")],
]


def _u12_glove_sides(weighted):
    """-sum_i x_i sum_j p_ij log q_ij (or without x_i) against -sum_ij x_ij log q_ij, p_ij = x_ij / x_i."""
    x, q = _U12_GLOVE_X, _U12_GLOVE_Q
    rows = [sum(r) for r in x]
    left = -sum(
        (rows[i] if weighted else 1) * sum(x[i][j] / rows[i] * log(q[i][j]) for j in range(3)) for i in range(3)
    )
    right = -sum(x[i][j] * log(q[i][j]) for i in range(3) for j in range(3))
    return close(left, right)


def _u12_matmul_ops(m, n, p):
    """Multiplications and additions of the schoolbook product of an m x n and an n x p matrix, counted loop by loop."""
    ops = 0
    for _ in range(m):
        for _ in range(p):
            ops += n  # multiplications
            ops += n - 1  # additions
    return ops


CHECKS.update(
    {
        # ---- d2l BLEU: the brevity factor and the score computed on token lists
        "u12-bleu-penalty-example": lambda: rounds_to(_u12_bleu(list("AB"), list("ABCDEF"), 2), "0.14"),
        "u12-bleu-penalty-example~inverted": lambda: rounds_to(exp(1 - mpf(2) / 6), "0.14"),
        "u12-bleu-penalty-example~digits": lambda: rounds_to(_u12_bleu(list("AB"), list("ABCDEF"), 2), "0.13"),
        "u12-bleu-identical": lambda: all(
            close(_u12_bleu(s, s, k), 1) for s in (list("ABCDE"), list("xyzzy")) for k in (1, 2, 3)
        ),
        "u12-bleu-identical~half": lambda: all(
            close(_u12_bleu(s, s, k), mpf(1) / 2) for s in (list("ABCDE"), list("xyzzy")) for k in (1, 2, 3)
        ),
        "u12-bleu-weight-grows": lambda: all(
            p ** (mpf(1) / 2 ** (n + 1)) > p ** (mpf(1) / 2**n) for p in (mpf("0.1"), mpf("0.9")) for n in (1, 2, 5)
        ),
        "u12-bleu-weight-grows~decreases": lambda: all(
            p ** (mpf(1) / 2 ** (n + 1)) < p ** (mpf(1) / 2**n) for p in (mpf("0.1"), mpf("0.9")) for n in (1, 2, 5)
        ),
        "u12-bleu-short-penalty": lambda: all(
            close(_u12_brevity(lab, pred), exp(1 - mpf(lab) / pred)) for lab, pred in _U12_LENGTHS_SHORT
        ),
        "u12-bleu-short-penalty~one": lambda: all(
            close(_u12_brevity(lab, pred), 1) for lab, pred in _U12_LENGTHS_SHORT
        ),
        "u12-bleu-long-no-penalty": lambda: all(close(_u12_brevity(lab, pred), 1) for lab, pred in _U12_LENGTHS_LONG),
        "u12-bleu-long-no-penalty~exp": lambda: all(
            close(_u12_brevity(lab, pred), exp(1 - mpf(lab) / pred)) for lab, pred in _U12_LENGTHS_LONG
        ),
        # ---- d2l approximate training: sigmoid identities, a four-leaf tree enumerated path by path
        "u12-approx-sigma-sum": lambda: identity(lambda x: sigmoid(x) + sigmoid(-x), lambda x: mpf(1)),
        "u12-approx-sigma-sum~half": lambda: identity(lambda x: sigmoid(x) + sigmoid(-x), lambda x: mpf(1) / 2),
        "u12-approx-noise-term": lambda: all(
            close(log(1 - sigmoid(dot(u, v))), log(sigmoid(-dot(u, v))))
            for u, v in [([mpf("0.3"), mpf(-1)], [mpf(2), mpf("0.5")]), ([mpf(1), mpf(2)], [mpf("0.7"), mpf("0.4")])]
        ),
        "u12-approx-noise-term~unflipped": lambda: all(
            close(log(1 - sigmoid(dot(u, v))), log(sigmoid(dot(u, v))))
            for u, v in [([mpf("0.3"), mpf(-1)], [mpf(2), mpf("0.5")]), ([mpf(1), mpf(2)], [mpf("0.7"), mpf("0.4")])]
        ),
        "u12-approx-tree-sum": lambda: all(close(sum(_u12_leaf_probabilities(*abc)), 1) for abc in _U12_TREE),
        "u12-approx-tree-sum~sign": lambda: all(
            close(
                sigmoid(a) * sigmoid(b)
                + sigmoid(a) * sigmoid(-b)
                + sigmoid(-a) * sigmoid(c)
                + sigmoid(a) * sigmoid(-c),
                1,
            )
            for a, b, c in _U12_TREE
        ),
        # ---- d2l gradient clipping, on explicit vectors
        "u12-clip-norm": lambda: all(
            close(norm(_u12_clip(g, th)), min(norm(g), th)) for g in _U12_GRADS for th in (mpf("0.5"), mpf(1), mpf(10))
        ),
        "u12-clip-norm~theta": lambda: all(
            close(norm(_u12_clip(g, th)), th) for g in _U12_GRADS for th in (mpf("0.5"), mpf(1), mpf(10))
        ),
        "u12-clip-bound": lambda: all(
            norm(_u12_clip(g, th)) <= th * (1 + TOL) for g in _U12_GRADS for th in (mpf("0.5"), mpf(1), mpf(10))
        ),
        "u12-clip-bound~reversed": lambda: all(
            norm(_u12_clip(g, th)) >= th * (1 - TOL) for g in _U12_GRADS for th in (mpf("0.5"), mpf(1), mpf(10))
        ),
        "u12-clip-example": lambda: close(_u12_clip([mpf(3), mpf(4)], mpf(1)), [mpf("0.6"), mpf("0.8")]),
        "u12-clip-example~quarter": lambda: close(_u12_clip([mpf(3), mpf(4)], mpf(1)), [mpf("0.75"), mpf(1)]),
        # ---- d2l softmax revisited: the plain softmax (no shift) against the shifted forms
        "u12-lse-shift": lambda: all(
            close(
                [exp(v) / sum(exp(w) for w in o) for v in o],
                [exp(v - max(o)) / sum(exp(w - max(o)) for w in o) for v in o],
            )
            for o in _U12_LOGITS
        ),
        "u12-lse-shift~numerator-only": lambda: all(
            close([exp(v) / sum(exp(w) for w in o) for v in o], [exp(v - max(o)) / sum(exp(w) for w in o) for v in o])
            for o in _U12_LOGITS
        ),
        "u12-lse-log": lambda: all(
            close(
                [log(exp(v) / sum(exp(w) for w in o)) for v in o],
                [v - max(o) - log(sum(exp(w - max(o)) for w in o)) for v in o],
            )
            for o in _U12_LOGITS
        ),
        "u12-lse-log~plus": lambda: all(
            close(
                [log(exp(v) / sum(exp(w) for w in o)) for v in o],
                [v + max(o) - log(sum(exp(w - max(o)) for w in o)) for v in o],
            )
            for o in _U12_LOGITS
        ),
        "u12-lse-denominator": lambda: all(1 <= sum(exp(w - max(o)) for w in o) <= len(o) for o in _U12_LOGITS),
        "u12-lse-denominator~unit": lambda: all(0 <= sum(exp(w - max(o)) for w in o) <= 1 for o in _U12_LOGITS),
        "u12-lse-overflow": lambda: exp(90) > mpf(10) ** 38,
        "u12-lse-overflow~eighty": lambda: exp(80) > mpf(10) ** 38,
        # ---- d2l large-scale pretraining: exact ratios and a rounded product
        "u12-chinchilla-ratio": lambda: Fraction(14 * 10**11, 70 * 10**9) == 20,
        "u12-chinchilla-ratio~two": lambda: Fraction(14 * 10**11, 70 * 10**9) == 2,
        "u12-chinchilla-compute": lambda: rounds_to(mpf(6 * 70 * 10**9 * 14 * 10**11) / 10**23, "5.9"),
        "u12-chinchilla-compute~exponent": lambda: rounds_to(mpf(6 * 70 * 10**9 * 14 * 10**11) / 10**22, "5.9"),
        "u12-gopher-ratio": lambda: rounds_to(mpf(300) / 280, "1.07"),
        "u12-gopher-ratio~inverted": lambda: rounds_to(mpf(300) / 280, "0.93"),
        "u12-roberta-tokens": lambda: Fraction(2000, 250) == 8,
        "u12-roberta-tokens~eighty": lambda: Fraction(2000, 250) == 80,
        # ---- d2l GloVe
        "u12-glove-ratio": lambda: all(
            close(exp(dot(uj, v)) / exp(dot(uk, v)), exp(dot([a - b for a, b in zip(uj, uk)], v)))
            for uj, uk, v in [([mpf(1), mpf("-0.5")], [mpf("0.2"), mpf(2)], [mpf("0.3"), mpf("0.9")])]
        ),
        "u12-glove-ratio~sum": lambda: all(
            close(exp(dot(uj, v)) / exp(dot(uk, v)), exp(dot([a + b for a, b in zip(uj, uk)], v)))
            for uj, uk, v in [([mpf(1), mpf("-0.5")], [mpf("0.2"), mpf(2)], [mpf("0.3"), mpf("0.9")])]
        ),
        "u12-glove-log": lambda: all(
            close(log(a * xij / xi), log(a) + log(xij) - log(xi))
            for a, xij, xi in [(mpf("0.5"), mpf(3), mpf(8)), (mpf(7), mpf(1), mpf(15))]
        ),
        "u12-glove-log~plus": lambda: all(
            close(log(a * xij / xi), log(a) + log(xij) + log(xi))
            for a, xij, xi in [(mpf("0.5"), mpf(3), mpf(8)), (mpf(7), mpf(1), mpf(15))]
        ),
        "u12-glove-weighted": lambda: _u12_glove_sides(True),
        "u12-glove-weighted~unweighted": lambda: _u12_glove_sides(False),
        # ---- d2l minibatch SGD: operations counted loop by loop
        "u12-minibatch-flops": lambda: rounds_to(mpf(2 * 4096**3) / 10**11, "1.37"),
        "u12-minibatch-flops~no-two": lambda: rounds_to(mpf(2 * 4096**3) / 10**10, "6.87"),
        "u12-minibatch-flops-general": lambda: all(
            _u12_matmul_ops(m, n, p) == 2 * m * n * p - m * p for m, n, p in [(1, 1, 1), (2, 3, 4), (5, 1, 3)]
        ),
        "u12-minibatch-flops-general~plus": lambda: all(
            _u12_matmul_ops(m, n, p) == 2 * m * n * p + m * p for m, n, p in [(1, 1, 1), (2, 3, 4), (5, 1, 3)]
        ),
        # ---- PyTorch LinearLR: the rate by the scheduler's own recursive update, against the printed rates
        "u12-linearlr-epoch1": lambda: close(_u12_linear_lr_stepped(mpf("0.05"), mpf("0.5"), 1, 4, 1), mpf("0.03125")),
        "u12-linearlr-epoch1~digits": lambda: close(
            _u12_linear_lr_stepped(mpf("0.05"), mpf("0.5"), 1, 4, 1), mpf("0.0325")
        ),
        "u12-linearlr-epoch3": lambda: close(_u12_linear_lr_stepped(mpf("0.05"), mpf("0.5"), 1, 4, 3), mpf("0.04375")),
        "u12-linearlr-epoch3~digits": lambda: close(
            _u12_linear_lr_stepped(mpf("0.05"), mpf("0.5"), 1, 4, 3), mpf("0.04125")
        ),
        "u12-linearlr-end": lambda: close(_u12_linear_lr_stepped(mpf("0.05"), mpf("0.5"), 1, 4, 7), mpf("0.05")),
        "u12-linearlr-end-first-release": lambda: close(
            _u12_linear_lr_stepped(mpf("0.05"), mpf("0.5"), 1, 4, 7), mpf("0.005")
        ),
        "u12-linearlr-factor": lambda: all(
            close(_u12_linear_lr_stepped(1, s, e, t, t), e)
            for s, e, t in [(mpf("0.5"), mpf(1), 4), (mpf("0.25"), mpf("0.75"), 10), (mpf(1), mpf("0.1"), 3)]
        ),
        "u12-linearlr-factor~start": lambda: all(
            close(_u12_linear_lr_stepped(1, s, e, t, t), s)
            for s, e, t in [(mpf("0.5"), mpf(1), 4), (mpf("0.25"), mpf("0.75"), 10), (mpf(1), mpf("0.1"), 3)]
        ),
        # ---- PyTorch PolynomialLR
        "u12-polylr-epoch1": lambda: close(_u12_poly_lr(mpf("0.001"), 4, 1, 1), mpf("0.00075")),
        "u12-polylr-epoch1~complement": lambda: close(_u12_poly_lr(mpf("0.001"), 4, 1, 1), mpf("0.00025")),
        "u12-polylr-epoch2": lambda: close(_u12_poly_lr(mpf("0.001"), 4, 1, 2), mpf("0.0005")),
        "u12-polylr-epoch2~squared": lambda: close(_u12_poly_lr(mpf("0.001"), 4, 2, 2), mpf("0.0005")),
        "u12-polylr-end": lambda: all(
            close(_u12_poly_lr(e, t, p, t), 0)
            for e in (mpf("0.001"), mpf(2))
            for t in (4, 9)
            for p in (mpf("0.5"), 1, 3)
        ),
        "u12-polylr-end~initial": lambda: all(
            close(_u12_poly_lr(e, t, p, t), e)
            for e in (mpf("0.001"), mpf(2))
            for t in (4, 9)
            for p in (mpf("0.5"), 1, 3)
        ),
        # ---- PyTorch StepLR and MultiStepLR, simulated epoch by epoch
        "u12-steplr-epoch45": lambda: close(_u12_step_lr("0.05", mpf("0.1"), 30, 45), mpf("0.005")),
        "u12-steplr-epoch45~unfloored": lambda: close(_u12_step_lr("0.05", mpf("0.1"), 30, 45), mpf("0.0005")),
        "u12-steplr-epoch60": lambda: close(_u12_step_lr("0.05", mpf("0.1"), 30, 60), mpf("0.0005")),
        "u12-steplr-epoch60~one-decay": lambda: close(_u12_step_lr("0.05", mpf("0.1"), 30, 60), mpf("0.005")),
        "u12-multisteplr-late": lambda: close(_u12_multistep_lr("0.05", mpf("0.1"), {30, 80}, 85), mpf("0.0005")),
        "u12-multisteplr-late~one": lambda: close(_u12_multistep_lr("0.05", mpf("0.1"), {30, 80}, 85), mpf("0.005")),
        # ---- PyTorch ExponentialLR, simulated
        "u12-explr-ten": lambda: rounds_to(_u12_multistep_lr("0.1", mpf("0.9"), set(range(1, 11)), 10), "0.0349"),
        "u12-explr-ten~nine": lambda: rounds_to(_u12_multistep_lr("0.1", mpf("0.9"), set(range(1, 11)), 10), "0.0387"),
        "u12-explr-ratio": lambda: all(
            close(e * g ** (t + 1) / (e * g**t), g)
            for e in (mpf("0.1"), mpf(3))
            for g in (mpf("0.9"), mpf("0.2"))
            for t in (0, 5)
        ),
        "u12-explr-ratio~complement": lambda: all(
            close(e * g ** (t + 1) / (e * g**t), 1 - g)
            for e in (mpf("0.1"), mpf(3))
            for g in (mpf("0.9"), mpf("0.2"))
            for t in (0, 5)
        ),
        # ---- PyTorch Adam and AdamW: the updates run step by step
        "u12-adam-first-moment": lambda: all(
            close(_u12_adam_moments([g], b, mpf("0.999"))[0], g) for g in _U12_SIGNS for b in (0, mpf("0.9"))
        ),
        "u12-adam-first-moment~uncorrected": lambda: all(
            close(_u12_adam_moments([g], b, mpf("0.999"))[0], (1 - b) * g) for g in _U12_SIGNS for b in (0, mpf("0.9"))
        ),
        "u12-adam-second-moment": lambda: all(
            close(_u12_adam_moments([g, g], mpf("0.9"), b)[1], g**2) for g in _U12_SIGNS for b in (0, mpf("0.999"))
        ),
        "u12-adam-second-moment~plus": lambda: all(
            close(_u12_adam_moments([g, g], mpf("0.9"), b)[1], (1 + b) * g**2)
            for g in _U12_SIGNS
            for b in (0, mpf("0.999"))
        ),
        "u12-adam-first-step": lambda: all(
            close(th - lr * m / sqrt(v), th - lr * (1 if g > 0 else -1))
            for g in _U12_SIGNS
            for th, lr in [(mpf("0.4"), mpf("0.001")), (mpf(-2), mpf("0.3"))]
            for m, v in [_u12_adam_moments([g], mpf("0.9"), mpf("0.999"))]
        ),
        "u12-adam-first-step~magnitude": lambda: all(
            close(th - lr * m / sqrt(v), th - lr * g)
            for g in _U12_SIGNS
            for th, lr in [(mpf("0.4"), mpf("0.001")), (mpf(-2), mpf("0.3"))]
            for m, v in [_u12_adam_moments([g], mpf("0.9"), mpf("0.999"))]
        ),
        "u12-adamw-decay": lambda: all(
            close(th - lr * wd * th, (1 - lr * wd) * th)
            for th in (mpf("0.7"), mpf(-3))
            for lr, wd in [(mpf("0.001"), mpf("0.01")), (mpf("0.5"), mpf(2))]
        ),
        "u12-adamw-decay~no-lr": lambda: all(
            close(th - lr * wd * th, (1 - wd) * th)
            for th in (mpf("0.7"), mpf(-3))
            for lr, wd in [(mpf("0.001"), mpf("0.01")), (mpf("0.5"), mpf(2))]
        ),
        # ---- PyTorch CrossEntropyLoss: the smoothed target built class by class
        "u12-ce-smooth-true-class": lambda: close(_u12_smoothed_target(mpf("0.1"), 10, 3)[3], mpf("0.91")),
        "u12-ce-smooth-true-class~no-share": lambda: rounds_to(_u12_smoothed_target(mpf("0.1"), 10, 3)[3], "0.9"),
        "u12-ce-smooth-total": lambda: all(
            close(sum(_u12_smoothed_target(e, c, 0)), 1) for e in (0, mpf("0.1"), mpf("0.7")) for c in (2, 5)
        ),
        "u12-ce-smooth-total~all-classes": lambda: all(
            close(_u12_smoothed_target(e, c, 0)[0] + c * _u12_smoothed_target(e, c, 0)[1], 1)
            for e in (0, mpf("0.1"), mpf("0.7"))
            for c in (2, 5)
        ),
        # ---- scikit-learn SGD
        "u12-sgd-optimal-start": lambda: all(
            close(1 / (a * (t0 + 0)), 1 / (a * t0)) for a, t0 in [(mpf("0.0001"), mpf(50)), (mpf(2), mpf(3))]
        ),
        "u12-sgd-optimal-start~no-offset": lambda: all(
            close(1 / (a * (t0 + 0)), 1 / a) for a, t0 in [(mpf("0.0001"), mpf(50)), (mpf(2), mpf(3))]
        ),
        "u12-sgd-invscaling": lambda: close(mpf("0.01") / mpf(16) ** mpf("0.25"), mpf("0.005")),
        "u12-sgd-invscaling~square-root": lambda: close(mpf("0.01") / mpf(16) ** mpf("0.25"), mpf("0.0025")),
        "u12-sgd-elastic-l2": lambda: all(
            close(mpf(1) / 2 * sum(x**2 for x in w) + 0 * sum(abs(x) for x in w), sum(x**2 for x in w) / 2)
            for w in _U12_GRADS
        ),
        "u12-sgd-elastic-l2~no-half": lambda: all(
            close(mpf(1) / 2 * sum(x**2 for x in w) + 0 * sum(abs(x) for x in w), sum(x**2 for x in w))
            for w in _U12_GRADS
        ),
        "u12-sgd-l2-gradient": lambda: all(
            close(D(lambda u: (sum(x**2 for x in w[:j] + w[j + 1 :]) + u**2) / 2, w[j]), w[j])
            for w in _U12_GRADS
            for j in range(len(w))
        ),
        "u12-sgd-l2-gradient~double": lambda: all(
            close(D(lambda u: (sum(x**2 for x in w[:j] + w[j + 1 :]) + u**2) / 2, w[j]), 2 * w[j])
            for w in _U12_GRADS
            for j in range(len(w))
        ),
        "u12-sgd-log-loss": lambda: all(close(log(1 + exp(-1 * f)), -log(sigmoid(f))) for f in _U12_SIGNS),
        "u12-sgd-log-loss~sign": lambda: all(close(log(1 + exp(-1 * f)), log(sigmoid(f))) for f in _U12_SIGNS),
        # the pieces meet: the loss's one-sided limits at the boundary agree
        "u12-sgd-huber-join": lambda: all(
            close(_u12_huber(e * (1 - TOL), e), e * e - e**2 / 2, tol=mpf(10) ** -15) for e in (mpf("0.1"), mpf("1.35"))
        ),
        "u12-sgd-huber-join~whole": lambda: all(
            close(_u12_huber(e * (1 - TOL), e), e * e - e**2, tol=mpf(10) ** -15) for e in (mpf("0.1"), mpf("1.35"))
        ),
        "u12-sgd-modified-huber-join": lambda: (
            close(_u12_modified_huber(mpf(-1) + TOL), _u12_modified_huber(mpf(-1) - TOL), tol=mpf(10) ** -15)
            and close(max(0, 1 - mpf(-1)) ** 2, -4 * mpf(-1))
        ),
        "u12-sgd-modified-huber-join~sign": lambda: close(max(0, 1 - mpf(-1)) ** 2, 4 * mpf(-1)),
        "u12-sgd-modified-huber-earlier": lambda: close(max(0, 1 - mpf(1)) ** 2, -4 * mpf(1)),
        "u12-sgd-hinge-perceptron": lambda: all(
            close(max(0, 1 - z), max(0, -(z - 1))) for z in _U12_SIGNS + [mpf(1), mpf(-1)]
        ),
        "u12-sgd-hinge-perceptron~shift": lambda: all(
            close(max(0, 1 - z), max(0, -(z + 1))) for z in _U12_SIGNS + [mpf(1), mpf(-1)]
        ),
    }
)


# ---- unseen13: CS231n's notes on learning, PyTorch optimizer, activation and loss pages, d2l multi-head attention


_U13_QUADS = [(mpf("0.7"), mpf("-1.2"), mpf(2)), (mpf(-3), mpf("0.5"), mpf("0.1"))]  # (a, b, c)
_U13_XH = [(mpf("0.3"), mpf("0.01")), (mpf("-2.1"), mpf("0.5")), (mpf(4), mpf(2))]  # (x, h)


def _u13_quadratic(a, b, c):
    return lambda x: a * x**2 + b * x + c


def _u13_difference_is(centered, rhs):
    """The difference quotient of a quadratic against rhs(a, b, x, h), the derivative taken by mpmath.diff."""
    for a, b, c in _U13_QUADS:
        f = _u13_quadratic(a, b, c)
        for x, h in _U13_XH:
            q = (f(x + h) - f(x - h)) / (2 * h) if centered else (f(x + h) - f(x)) / h
            if not close(q, rhs(a, D(f, x), x, h)):
                return False
    return True


_U13_GRAD_PAIRS = [(mpf(1), mpf(-1)), (mpf("0.3"), mpf("0.2")), (mpf(0), mpf(5)), (mpf(-2), mpf("-1e-5"))]


def _u13_svm_loss(scores, correct, margin=1):
    """The Weston-Watkins multiclass SVM loss, summed over the wrong classes."""
    return sum(max(0, scores[j] - scores[correct] + margin) for j in range(len(scores)) if j != correct)


_U13_DECAY = [(mpf("0.1"), mpf("0.05")), (mpf(2), mpf(3))]  # (alpha_0, k)


def _u13_rmsprop_run(alpha, grads):
    """RMSprop's square average and centred average after the given gradients, by running the updates from 0."""
    v = ave = mpf(0)
    for g in grads:
        v = alpha * v + (1 - alpha) * g**2
        ave = ave * alpha + (1 - alpha) * g
    return v, ave


def _u13_rmsprop_first_step(lr, alpha, g):
    """The length of RMSprop's first step, eps = 0 and no momentum, from one update of the square average."""
    v, _ = _u13_rmsprop_run(alpha, [g])
    return abs(lr * g / sqrt(v))


def _u13_momentum_buffer(mu, u, steps=4000):
    """RMSprop's momentum buffer under a constant normalised step u, iterated until it settles."""
    b = mpf(0)
    for _ in range(steps):
        b = mu * b + u
    return b


def _u13_sgd_torch(lr, rho, grads):
    """PyTorch's SGD: v = rho v + g; p = p - lr v; returns the total move of p."""
    v = move = mpf(0)
    for g in grads:
        v = rho * v + g
        move += lr * v
    return move


def _u13_sgd_sutskever(lr, rho, grads):
    """Sutskever's form: v = rho v + lr g; p = p - v; returns the total move of p."""
    v = move = mpf(0)
    for g in grads:
        v = rho * v + lr * g
        move += v
    return move


_U13_VECS = [[mpf("0.5"), mpf(-1), mpf(3)], [mpf(100), mpf(101), mpf(-50)], [mpf(2), mpf(2)]]


def _u13_softshrink(x, lam):
    """Softshrink by its three pieces."""
    if x > lam:
        return x - lam
    if x < -lam:
        return x + lam
    return mpf(0)


def _u13_hardsigmoid(x):
    if x <= -3:
        return mpf(0)
    if x >= 3:
        return mpf(1)
    return x / 6 + mpf(1) / 2


_U13_SELU_ALPHA = mpf("1.6732632423543772848170429916717")
_U13_SELU_SCALE = mpf("1.0507009873554804934193349852946")


def _u13_selu(x):
    return _U13_SELU_SCALE * (max(0, x) + min(0, _U13_SELU_ALPHA * (exp(x) - 1)))


def _u13_margin_ranking(x1, x2, y, margin):
    return max(0, -y * (x1 - x2) + margin)


_U13_RANK_CASES = [(mpf(2), mpf("0.5"), mpf(1)), (mpf("0.3"), mpf("0.3"), mpf(0)), (mpf(5), mpf(-1), mpf("0.2"))]
_U13_SCORES = [mpf("-2.3"), mpf("0.4"), mpf("1.7")]


def _u13_triplet(a, p, n, margin, order=2):
    def dist(u, v):
        return sum(abs(x - y) ** order for x, y in zip(u, v)) ** (mpf(1) / order)

    return max(dist(a, p) - dist(a, n) + margin, 0)


_U13_COS_PAIRS = [
    ([mpf(1), mpf(0)], [mpf(-1), mpf(0)]),
    ([mpf(1), mpf(2)], [mpf(2), mpf(4)]),
    ([mpf(3), mpf(-1)], [mpf(1), mpf(2)]),
]


def _u13_cos(u, v):
    return dot(u, v) / (norm(u) * norm(v))


def _u13_nll_mean(log_probs, weights):
    """NLLLoss with reduction 'mean': sum of -w x over the sum of the weights."""
    return sum(-w * x for x, w in zip(log_probs, weights)) / sum(weights)


def _u13_bce(x, y, w=1):
    return -w * (y * log(x) + (1 - y) * log(1 - x))


_U13_BCE_POINTS = [(mpf("0.8"), mpf(1)), (mpf("0.3"), mpf("0.6")), (mpf("0.95"), mpf(0))]


def _u13_multilabel(xs, ys):
    """MultiLabelSoftMarginLoss for one sample, term by term as the page writes it."""
    c = len(xs)
    total = sum(y * log(1 / (1 + exp(-x))) + (1 - y) * log(exp(-x) / (1 + exp(-x))) for x, y in zip(xs, ys))
    return -total / c


def _u13_mha_weights(p_o, h):
    """Weights of d2l's multi-head attention on inputs of width p_o, counted matrix by matrix."""
    head = p_o // h
    per_head = head * p_o * 3  # W_i^(q), W_i^(k), W_i^(v), each head x p_o
    return h * per_head + p_o * (h * head)  # plus W_o, p_o x h p_v


_U13_MHA = [(100, 5), (768, 12), (64, 1), (4096, 32)]


CHECKS.update(
    {
        # ---- CS231n: difference quotients of quadratics against mpmath's derivative
        "u13-cs231n-centered-quadratic": lambda: _u13_difference_is(True, lambda a, d, x, h: d),
        "u13-cs231n-centered-quadratic~forward": lambda: _u13_difference_is(False, lambda a, d, x, h: d),
        "u13-cs231n-forward-error": lambda: _u13_difference_is(False, lambda a, d, x, h: d + a * h),
        "u13-cs231n-forward-error~half": lambda: _u13_difference_is(False, lambda a, d, x, h: d + a * h / 2),
        "u13-cs231n-relative-error-bound": lambda: all(
            abs(fa - fn) / (abs(fa) + abs(fn)) <= 1 for fa, fn in _U13_GRAD_PAIRS
        ),
        "u13-cs231n-relative-error-bound~half": lambda: all(
            abs(fa - fn) / (abs(fa) + abs(fn)) <= mpf(1) / 2 for fa, fn in _U13_GRAD_PAIRS
        ),
        "u13-cs231n-chance-loss": lambda: rounds_to(-log(mpf("0.1")), "2.302"),
        "u13-cs231n-chance-loss~rounded": lambda: rounds_to(-log(mpf("0.1")), "2.303"),
        "u13-cs231n-chance-loss~log10": lambda: rounds_to(-log(mpf("0.1")), "3.322"),
        "u13-cs231n-svm-chance": lambda: all(_u13_svm_loss([0] * 10, c) == 9 for c in range(10)),
        "u13-cs231n-svm-chance~ten": lambda: all(_u13_svm_loss([0] * 10, c) == 10 for c in range(10)),
        "u13-cs231n-update-ratio": lambda: Fraction("0.0002") / Fraction("0.02") == Fraction(1, 100),
        "u13-cs231n-update-ratio~milli": lambda: Fraction("0.0002") / Fraction("0.02") == Fraction(1, 1000),
        "u13-cs231n-hessian-memory": lambda: rounds_to(mpf(10) ** 12 * 4 / 2**30, "3725"),
        "u13-cs231n-hessian-memory~decimal": lambda: rounds_to(mpf(10) ** 12 * 4 / 10**9, "3725"),
        "u13-cs231n-hessian-memory~double": lambda: rounds_to(mpf(10) ** 12 * 8 / 2**30, "3725"),
        "u13-cs231n-exp-decay-half": lambda: all(close(a0 * exp(-k * (log(2) / k)), a0 / 2) for a0, k in _U13_DECAY),
        "u13-cs231n-exp-decay-half~quarter": lambda: all(
            close(a0 * exp(-k * (log(2) / k)), a0 / 4) for a0, k in _U13_DECAY
        ),
        "u13-cs231n-inv-t-half": lambda: all(close(a0 / (1 + k * (1 / k)), a0 / 2) for a0, k in _U13_DECAY),
        "u13-cs231n-inv-t-half~third": lambda: all(close(a0 / (1 + k * (1 / k)), a0 / 3) for a0, k in _U13_DECAY),
        "u13-cs231n-inv-t-slower": lambda: all(
            a0 / (1 + k * t) >= a0 * exp(-k * t) for a0, k in _U13_DECAY for t in (0, mpf("0.01"), 1, 50)
        ),
        "u13-cs231n-inv-t-slower~reversed": lambda: all(
            a0 / (1 + k * t) <= a0 * exp(-k * t) for a0, k in _U13_DECAY for t in (0, mpf("0.01"), 1, 50)
        ),
        # the look-ahead point after one Nesterov step, computed from the unshifted iterate
        "u13-cs231n-nesterov-lookahead": lambda: all(
            close((x - mu * vp) + v + mu * v, x - mu * vp + (1 + mu) * v)
            for x, v, vp, mu in [(mpf(1), mpf("0.2"), mpf(-3), mpf("0.9")), (mpf(-2), mpf(5), mpf("0.1"), mpf("0.5"))]
        ),
        "u13-cs231n-nesterov-lookahead~sign": lambda: all(
            close((x - mu * vp) + v + mu * v, x - mu * vp + (1 - mu) * v)
            for x, v, vp, mu in [(mpf(1), mpf("0.2"), mpf(-3), mpf("0.9")), (mpf(-2), mpf(5), mpf("0.1"), mpf("0.5"))]
        ),
        "u13-cs231n-rmsprop-constant": lambda: all(
            close(_rmsprop_average((r, [g] * 3000)), g**2, tol=mpf(10) ** -12)
            for r in (mpf("0.9"), mpf("0.5"))
            for g in (mpf(3), mpf("-0.2"))
        ),
        "u13-cs231n-rmsprop-constant~adagrad": lambda: all(close(g**2 + g**2, g**2) for g in (mpf(3), mpf("-0.2"))),
        # ---- PyTorch RMSprop: the updates run step by step
        "u13-rmsprop-constant-grad": lambda: all(
            close(_u13_rmsprop_run(a, [g] * t)[0], (1 - a**t) * g**2)
            for a in (mpf("0.99"), mpf("0.5"))
            for g in (mpf("1.5"), mpf(-2))
            for t in (1, 2, 7)
        ),
        "u13-rmsprop-constant-grad~power": lambda: all(
            close(_u13_rmsprop_run(a, [g] * t)[0], (1 - a ** (t + 1)) * g**2)
            for a in (mpf("0.99"), mpf("0.5"))
            for g in (mpf("1.5"), mpf(-2))
            for t in (1, 2, 7)
        ),
        "u13-rmsprop-centered-first": lambda: all(
            close(_u13_rmsprop_run(a, [g])[0] - _u13_rmsprop_run(a, [g])[1] ** 2, a * (1 - a) * g**2)
            for a in (mpf("0.99"), mpf("0.3"))
            for g in (mpf("1.5"), mpf(-4))
        ),
        "u13-rmsprop-centered-first~square": lambda: all(
            close(_u13_rmsprop_run(a, [g])[0] - _u13_rmsprop_run(a, [g])[1] ** 2, (1 - a) ** 2 * g**2)
            for a in (mpf("0.99"), mpf("0.3"))
            for g in (mpf("1.5"), mpf(-4))
        ),
        "u13-rmsprop-first-step": lambda: all(
            close(_u13_rmsprop_first_step(lr, a, g), lr / sqrt(1 - a))
            for lr in (mpf("0.01"), mpf(2))
            for a in (mpf("0.99"), mpf("0.3"))
            for g in (mpf("1.5"), mpf("-0.004"))
        ),
        "u13-rmsprop-first-step~nosqrt": lambda: all(
            close(_u13_rmsprop_first_step(lr, a, g), lr / (1 - a))
            for lr in (mpf("0.01"), mpf(2))
            for a in (mpf("0.99"), mpf("0.3"))
            for g in (mpf("1.5"), mpf("-0.004"))
        ),
        "u13-rmsprop-first-step-defaults": lambda: close(
            _u13_rmsprop_first_step(mpf("0.01"), mpf("0.99"), mpf(7)), mpf("0.1")
        ),
        "u13-rmsprop-first-step-defaults~lr": lambda: close(
            _u13_rmsprop_first_step(mpf("0.01"), mpf("0.99"), mpf(7)), mpf("0.01")
        ),
        "u13-rmsprop-momentum-fixed-point": lambda: all(
            close(_u13_momentum_buffer(mu, u), u / (1 - mu), tol=mpf(10) ** -15)
            for mu in (mpf(0), mpf("0.9"))
            for u in (mpf(1), mpf("-0.3"))
        ),
        "u13-rmsprop-momentum-fixed-point~plus": lambda: all(
            close(_u13_momentum_buffer(mu, u), u / (1 + mu), tol=mpf(10) ** -15)
            for mu in (mpf(0), mpf("0.9"))
            for u in (mpf(1), mpf("-0.3"))
        ),
        "u13-rmsprop-weight-decay": lambda: all(
            close(D(lambda t: log(1 + exp(t)) + lam / 2 * t**2, th), sigmoid(th) + lam * th)
            for lam in (0, mpf("0.01"), mpf(3))
            for th in (mpf("-1.2"), mpf(2))
        ),
        "u13-rmsprop-weight-decay~half": lambda: all(
            close(D(lambda t: log(1 + exp(t)) + lam / 2 * t**2, th), sigmoid(th) + lam * th / 2)
            for lam in (0, mpf("0.01"), mpf(3))
            for th in (mpf("-1.2"), mpf(2))
        ),
        # ---- PyTorch SGD: the two momentum forms run side by side
        "u13-sgd-two-forms": lambda: all(
            close(_u13_sgd_torch(lr, rho, gs), _u13_sgd_sutskever(lr, rho, gs))
            for lr in (mpf("0.1"), mpf(3))
            for rho in (mpf(0), mpf("0.9"))
            for gs in ([mpf(1), mpf(-2), mpf("0.5")], [mpf("0.3")] * 5)
        ),
        # the variant says the velocities are equal: after one step they are g and lr g
        "u13-sgd-two-forms~unscaled": lambda: all(
            close(rho * v + lr * g, lr * (rho * v + g))
            for lr in (mpf("0.1"), mpf(3))
            for rho in (mpf("0.5"), mpf("0.9"))
            for v, g in ((mpf(1), mpf(-2)), (mpf("0.4"), mpf(3)))
        ),
        "u13-sgd-two-steps": lambda: all(
            close(_u13_sgd_torch(lr, rho, [g1, g2]), lr * ((1 + rho) * g1 + g2))
            for lr in (mpf("0.1"), mpf(3))
            for rho in (mpf(0), mpf("0.9"))
            for g1, g2 in ((mpf(1), mpf(-2)), (mpf("0.4"), mpf(3)))
        ),
        "u13-sgd-two-steps~swapped": lambda: all(
            close(_u13_sgd_torch(lr, rho, [g1, g2]), lr * (g1 + (1 + rho) * g2))
            for lr in (mpf("0.1"), mpf(3))
            for rho in (mpf(0), mpf("0.9"))
            for g1, g2 in ((mpf(1), mpf(-2)), (mpf("0.4"), mpf(3)))
        ),
        "u13-sgd-effective-lr": lambda: all(
            close(
                _u13_sgd_torch(lr, mpf("0.9"), [mpf(1)] * 3000) - _u13_sgd_torch(lr, mpf("0.9"), [mpf(1)] * 2999),
                10 * lr,
                tol=mpf(10) ** -12,
            )
            for lr in (mpf("0.1"), mpf(2))
        ),
        "u13-sgd-effective-lr~nine": lambda: all(
            close(
                _u13_sgd_torch(lr, mpf("0.9"), [mpf(1)] * 3000) - _u13_sgd_torch(lr, mpf("0.9"), [mpf(1)] * 2999),
                9 * lr,
                tol=mpf(10) ** -12,
            )
            for lr in (mpf("0.1"), mpf(2))
        ),
        # ---- PyTorch activations
        "u13-softmax-shift": lambda: all(
            close(softmax([x + c for x in v]), softmax(v)) for v in _U13_VECS for c in (mpf("-3.5"), mpf(40))
        ),
        "u13-softmax-shift~numerator": lambda: all(
            close([exp(x + c) / sum(exp(y) for y in v) for x in v], softmax(v))
            for v in _U13_VECS
            for c in (mpf("-3.5"), mpf(40))
        ),
        "u13-softmax-example": lambda: rounds_to(softmax([mpf(1), mpf(2), mpf(3)])[2], "0.665"),
        "u13-softmax-example~middle": lambda: rounds_to(softmax([mpf(1), mpf(2), mpf(3)])[2], "0.245"),
        "u13-softmax-sum": lambda: all(close(sum(softmax(v)), 1) for v in _U13_VECS),
        "u13-softmax-sum~n": lambda: all(close(sum(softmax(v)), len(v)) for v in _U13_VECS),
        "u13-tanhshrink-derivative": lambda: all(close(D(lambda t: t - tanh(t), x), tanh(x) ** 2) for (x,) in REAL),
        "u13-tanhshrink-derivative~sech": lambda: all(
            close(D(lambda t: t - tanh(t), x), 1 - tanh(x) ** 2) for (x,) in REAL
        ),
        "u13-tanhshrink-odd": lambda: all(close(-x - tanh(-x), -(x - tanh(x))) for (x,) in REAL),
        "u13-tanhshrink-odd~even": lambda: all(close(-x - tanh(-x), x - tanh(x)) for (x,) in REAL),
        "u13-softshrink-closed": lambda: all(
            close((1 if x > 0 else -1 if x < 0 else 0) * max(abs(x) - lam, 0), _u13_softshrink(x, lam))
            for lam in (mpf("0.5"), mpf(2))
            for x in (mpf(-3), mpf("-0.2"), mpf(0), mpf("0.7"), mpf(4))
        ),
        "u13-softshrink-closed~hard": lambda: all(
            close(
                (1 if x > 0 else -1 if x < 0 else 0) * max(abs(x) - lam, 0), x if x > lam else _u13_softshrink(x, lam)
            )
            for lam in (mpf("0.5"), mpf(2))
            for x in (mpf(-3), mpf("-0.2"), mpf(0), mpf("0.7"), mpf(4))
        ),
        "u13-softshrink-example": lambda: close(_u13_softshrink(mpf(-2), mpf("0.5")), mpf("-1.5")),
        "u13-softshrink-example~minus": lambda: close(_u13_softshrink(mpf(-2), mpf("0.5")), mpf("-2.5")),
        "u13-hardsigmoid-relu6": lambda: all(
            close(_u13_hardsigmoid(x), min(max(x + 3, 0), 6) / 6)
            for x in (mpf(-5), mpf(-3), mpf("0.4"), mpf(3), mpf(9))
        ),
        "u13-hardsigmoid-relu6~three": lambda: all(
            close(_u13_hardsigmoid(x), min(max(x + 3, 0), 6) / 3)
            for x in (mpf(-5), mpf(-3), mpf("0.4"), mpf(3), mpf(9))
        ),
        "u13-hardsigmoid-value": lambda: rounds_to(_u13_hardsigmoid(mpf("1.5")), "0.75"),
        "u13-hardsigmoid-value~sigmoid": lambda: rounds_to(_u13_hardsigmoid(mpf("1.5")), "0.82"),
        "u13-selu-floor": lambda: rounds_to(_u13_selu(mpf(-200)), "-1.758"),
        "u13-selu-floor~alpha": lambda: rounds_to(_u13_selu(mpf(-200)), "-1.673"),
        "u13-selu-one": lambda: rounds_to(_u13_selu(mpf(1)), "1.051"),
        "u13-selu-one~alpha": lambda: rounds_to(_u13_selu(mpf(1)), "1.673"),
        "u13-selu-minus-one": lambda: rounds_to(_u13_selu(mpf(-1)), "-1.111"),
        "u13-selu-minus-one~noscale": lambda: rounds_to(_u13_selu(mpf(-1)), "-1.058"),
        # ---- PyTorch losses
        "u13-marginranking-satisfied": lambda: all(
            close(_u13_margin_ranking(x2 + m + extra, x2, 1, m), 0)
            for x2 in _U13_SCORES
            for m in (mpf(0), mpf("0.5"))
            for extra in (mpf(0), mpf("0.3"))
        ),
        "u13-marginranking-satisfied~label": lambda: all(
            close(_u13_margin_ranking(x2 + m + extra, x2, -1, m), 0)
            for x2 in _U13_SCORES
            for m in (mpf("0.1"), mpf("0.5"))
            for extra in (mpf(0), mpf("0.3"))
        ),
        "u13-marginranking-swap": lambda: all(
            close(_u13_margin_ranking(x1, x2, y, m), _u13_margin_ranking(x2, x1, -y, m))
            for x1, x2, m in _U13_RANK_CASES
            for y in (1, -1)
        ),
        "u13-marginranking-swap~inputs": lambda: all(
            close(_u13_margin_ranking(x1, x2, y, m), _u13_margin_ranking(x2, x1, y, m))
            for x1, x2, m in _U13_RANK_CASES
            for y in (1, -1)
        ),
        "u13-marginranking-example": lambda: close(
            _u13_margin_ranking(mpf("0.3"), mpf("0.8"), 1, mpf("0.1")), mpf("0.6")
        ),
        "u13-marginranking-example~sign": lambda: close(
            _u13_margin_ranking(mpf("0.3"), mpf("0.8"), 1, mpf("0.1")), mpf("0.4")
        ),
        "u13-softmargin-logsigmoid": lambda: all(
            close(log(1 + exp(-y * x)), -log(sigmoid(y * x))) for x in _U13_SCORES for y in (1, -1)
        ),
        "u13-softmargin-logsigmoid~flip": lambda: all(
            close(log(1 + exp(-y * x)), log(sigmoid(-y * x))) for x in _U13_SCORES for y in (1, -1)
        ),
        "u13-softmargin-zero": lambda: all(rounds_to(log(1 + exp(-y * 0)), "0.693") for y in (1, -1)),
        "u13-softmargin-zero~log10": lambda: all(rounds_to(log(1 + exp(-y * 0)), "0.301") for y in (1, -1)),
        "u13-softmargin-mean": lambda: rounds_to(
            sum(log(1 + exp(-y * x)) for x, y in ((mpf(2), 1), (mpf(-1), 1))) / 2, "0.720"
        ),
        "u13-softmargin-mean~sum": lambda: rounds_to(
            sum(log(1 + exp(-y * x)) for x, y in ((mpf(2), 1), (mpf(-1), 1))) / 2, "1.440"
        ),
        "u13-triplet-satisfied": lambda: all(
            _u13_triplet([0, 0], [dp, 0], [0, dp + m + extra], m) == 0
            for dp in (mpf(0), mpf("1.5"))
            for m in (mpf("0.2"), mpf(1))
            for extra in (mpf(0), mpf(2))
        ),
        "u13-triplet-satisfied~margin": lambda: all(
            close(_u13_triplet([0, 0], [dp, 0], [0, dp + m + extra], m), m)
            for dp in (mpf(0), mpf("1.5"))
            for m in (mpf("0.2"), mpf(1))
            for extra in (mpf(0), mpf(2))
        ),
        "u13-triplet-example": lambda: close(_u13_triplet([0, 0], [6, 8], [3, 4], 1), 6),
        "u13-triplet-example~margin": lambda: close(_u13_triplet([0, 0], [6, 8], [3, 4], 1), 4),
        "u13-triplet-l1": lambda: close(_u13_triplet([1, 2], [4, -2], [1, 2], 0, order=1), 7),
        "u13-triplet-l1~l2": lambda: close(_u13_triplet([1, 2], [4, -2], [1, 2], 0, order=1), 5),
        "u13-cosine-range": lambda: all(-TOL <= 1 - _u13_cos(u, v) <= 2 + TOL for u, v in _U13_COS_PAIRS),
        "u13-cosine-range~one": lambda: all(-TOL <= 1 - _u13_cos(u, v) <= 1 + TOL for u, v in _U13_COS_PAIRS),
        "u13-cosine-negative-example": lambda: rounds_to(max(0, _u13_cos([1, 0], [1, 1]) - mpf("0.5")), "0.207"),
        "u13-cosine-negative-example~positive": lambda: rounds_to(
            max(0, _u13_cos([1, 0], [1, 1]) - mpf("0.5")), "0.293"
        ),
        "u13-nll-weighted-mean": lambda: rounds_to(_u13_nll_mean([log(mpf("0.5")), log(mpf("0.25"))], [1, 3]), "1.213"),
        "u13-nll-weighted-mean~batch": lambda: rounds_to(
            sum(-w * x for x, w in zip([log(mpf("0.5")), log(mpf("0.25"))], [1, 3])) / 2, "1.213"
        ),
        "u13-nll-unit-weights": lambda: all(
            close(_u13_nll_mean(xs, [1] * len(xs)), -sum(xs) / len(xs))
            for xs in ([log(mpf("0.5")), log(mpf("0.1"))], [mpf(-3), mpf("-0.2"), mpf(-1)])
        ),
        "u13-nll-unit-weights~sign": lambda: all(
            close(_u13_nll_mean(xs, [1] * len(xs)), sum(xs) / len(xs))
            for xs in ([log(mpf("0.5")), log(mpf("0.1"))], [mpf(-3), mpf("-0.2"), mpf(-1)])
        ),
        "u13-bce-gradient": lambda: all(
            close(D(lambda t: _u13_bce(t, y, w), x), w * (x - y) / (x * (1 - x)))
            for x, y in _U13_BCE_POINTS
            for w in (1, mpf("2.5"))
        ),
        "u13-bce-gradient~sign": lambda: all(
            close(D(lambda t: _u13_bce(t, y, w), x), w * (y - x) / (x * (1 - x)))
            for x, y in _U13_BCE_POINTS
            for w in (1, mpf("2.5"))
        ),
        "u13-bce-example": lambda: rounds_to(_u13_bce(mpf("0.8"), 1), "0.223"),
        "u13-bce-example~complement": lambda: rounds_to(_u13_bce(mpf("0.8"), 1), "1.609"),
        "u13-bce-minimum": lambda: all(
            _u13_bce(x, y) >= _u13_bce(y, y)
            for x in (mpf("0.01"), mpf("0.3"), mpf("0.6"), mpf("0.99"))
            for y in (mpf("0.05"), mpf("0.3"), mpf("0.5"), mpf("0.9"))
        ),
        "u13-bce-minimum~reversed": lambda: all(
            _u13_bce(x, y) <= _u13_bce(y, y)
            for x in (mpf("0.01"), mpf("0.3"), mpf("0.6"), mpf("0.99"))
            for y in (mpf("0.05"), mpf("0.3"), mpf("0.5"), mpf("0.9"))
        ),
        "u13-multilabel-negative-term": lambda: all(
            close(log(exp(-x) / (1 + exp(-x))), log(1 - sigmoid(x))) and close(log(1 - sigmoid(x)), -log(1 + exp(x)))
            for x in _U13_SCORES
        ),
        "u13-multilabel-negative-term~sign": lambda: all(
            close(log(exp(-x) / (1 + exp(-x))), -log(1 + exp(-x))) for x in _U13_SCORES
        ),
        "u13-multilabel-positive-term": lambda: all(
            close(log(1 / (1 + exp(-x))), log(sigmoid(x))) for x in _U13_SCORES
        ),
        "u13-multilabel-positive-term~neg": lambda: all(
            close(log(1 / (1 + exp(-x))), log(sigmoid(-x))) for x in _U13_SCORES
        ),
        "u13-multilabel-chance": lambda: all(
            close(_u13_multilabel([mpf(0)] * len(ys), ys), log(2)) for ys in ([1], [0, 1, 1], [0, 0, 0, 1, 0])
        ),
        "u13-multilabel-chance~c": lambda: all(
            close(_u13_multilabel([mpf(0)] * len(ys), ys), len(ys) * log(2)) for ys in ([1], [0, 1, 1], [0, 0, 0, 1, 0])
        ),
        # ---- d2l multi-head attention: weights counted matrix by matrix
        "u13-mha-params": lambda: all(_u13_mha_weights(p, h) == 4 * p * p for p, h in _U13_MHA),
        "u13-mha-params~heads": lambda: all(_u13_mha_weights(p, h) == 4 * h * p * p for p, h in _U13_MHA),
        "u13-mha-output-square": lambda: all(p * (h * (p // h)) == p * p for p, h in _U13_MHA),
        "u13-mha-output-square~per-head": lambda: all(
            Fraction(p * (h * (p // h))) == Fraction(p * p, h) for p, h in _U13_MHA
        ),
        "u13-mha-example": lambda: Fraction(100, 5) == 20,
        "u13-mha-example~times": lambda: Fraction(100, 5) == 500,
        "u13-mha-example-count": lambda: _u13_mha_weights(100, 5) == 40000,
        "u13-mha-example-count~three": lambda: _u13_mha_weights(100, 5) == 30000,
    }
)


# ---- unseen14: Jay Mody's posts, Hugging Face blog posts, PyTorch optimizer and attention docstrings, d2l GRU/LSTM


_U14_VECS = [[mpf("1.2"), mpf(2), mpf(-4), mpf(0)], [mpf(30), mpf(-7), mpf("0.5")], [mpf(-3), mpf(-3)]]


def _u14_softmax_direct(v, i, shift=0, shift_den=None):
    """e^{v_i + shift} over the sum of e^{v_j + shift_den}, summed term by term (no max trick)."""
    shift_den = shift if shift_den is None else shift_den
    return exp(v[i] + shift) / sum(exp(x + shift_den) for x in v)


def _u14_gelu_tanh(x):
    """GELU in the tanh approximation the GPT-2 code uses."""
    x = mpf(x)
    return x / 2 * (1 + tanh(sqrt(2 / pi) * (x + mpf("0.044715") * x**3)))


def _u14_layernorm_row(row, eps=mpf("1e-5"), ddof=0):
    """The row normalised by its mean and variance (divided by n - ddof), eps added to the variance."""
    n = len(row)
    mu = sum(row) / n
    var = sum((x - mu) ** 2 for x in row) / (n - ddof)
    return [(x - mu) / sqrt(var + eps) for x in row], var


def _u14_gpt2_params(n_vocab, n_ctx, n_embd, n_layer, mlp=True):
    """GPT-2's parameters counted tensor by tensor from the shapes the post lists (wte tied to the head)."""
    block = (n_embd * 3 * n_embd + 3 * n_embd) + (n_embd * n_embd + n_embd)  # attn c_attn, c_proj
    block += 4 * n_embd  # ln_1, ln_2 (g and b)
    if mlp:
        block += (n_embd * 4 * n_embd + 4 * n_embd) + (4 * n_embd * n_embd + n_embd)  # mlp c_fc, c_proj
    else:
        block += 4 * n_embd + n_embd  # the biases alone
    return n_vocab * n_embd + n_ctx * n_embd + 2 * n_embd + n_layer * block


def _u14_speedup(r, k, t_draft, t_target, n=1):
    """Autoregressive time over speculative time: N t_target against N / (r (K + 1)) iterations of K + 1 draft passes and one target pass."""
    autoregressive = n * t_target
    iterations = mpf(n) / (r * (k + 1))
    return autoregressive / (iterations * (t_draft * (k + 1) + t_target))


_U14_DISTS = [
    ([mpf("0.5"), mpf("0.3"), mpf("0.2")], [mpf("0.1"), mpf("0.6"), mpf("0.3")]),
    ([mpf("0.25")] * 4, [mpf("0.7"), mpf("0.1"), mpf("0.1"), mpf("0.1")]),
    ([mpf(1)], [mpf(1)]),
]


def _u14_kl(p, q):
    return sum(a * log(a / b) for a, b in zip(p, q) if a)


def _u14_dpo_loss(margin):
    return -log(sigmoid(margin))


def _u14_masked_weight(s11, s12, dk, multiply=True):
    """The first query's softmax weight on the second key, the 0/1 mask multiplied into (or added as -inf to) the scores."""
    m11, m12 = 1, 0
    if multiply:
        a, b = s11 * m11 / sqrt(dk), s12 * m12 / sqrt(dk)
        return exp(b) / (exp(a) + exp(b))
    return mpf(0)  # the additive -inf mask: exp(-inf) = 0


_U14_SCORES = [(mpf("0.3"), mpf("2.5"), 4), (mpf(-1), mpf(7), 64), (mpf(5), mpf(-5), 1)]


def _u14_adagrad(lr, lr_decay, grads, eps=0, theta=mpf(0)):
    """Adagrad run step by step from state_sum 0; returns the parameter and the decayed rate of the last step."""
    state_sum = mpf(0)
    clr = lr
    for t, g in enumerate(grads, start=1):
        clr = lr / (1 + (t - 1) * lr_decay)
        state_sum += g**2
        theta = theta - clr * g / (sqrt(state_sum) + eps)
    return theta, clr


def _u14_adamax(lr, beta1, beta2, grads, eps=0, correct=True):
    """Adamax run step by step from m = u = 0; returns the parameter's total move and the last m and u."""
    m = u = theta = mpf(0)
    for t, g in enumerate(grads, start=1):
        m = beta1 * m + (1 - beta1) * g
        u = max(beta2 * u, abs(g) + eps)
        theta -= lr * m / (((1 - beta1**t) if correct else 1) * u)
    return theta, m, u


def _u14_nadam_mu(beta1, psi, t):
    return beta1 * (1 - mpf(1) / 2 * mpf("0.96") ** (t * psi))


def _u14_mha_params(e, kdim=None, vdim=None, out=True):
    """nn.MultiheadAttention's parameters: q, k, v projections (E x E, E x kdim, E x vdim), their biases, the output projection."""
    kdim = e if kdim is None else kdim
    vdim = e if vdim is None else vdim
    count = e * e + e * kdim + e * vdim + 3 * e
    return count + (e * e + e if out else 0)


def _u14_gated_params(gates, d, h, bias=True):
    """A gated recurrent cell's parameters: per gate W_x (d x h), W_h (h x h) and a bias (h)."""
    return gates * (d * h + h * h + (h if bias else 0))


_U14_GATES = [mpf(0), mpf("0.3"), mpf("0.77"), mpf(1)]
_U14_STATES = [(mpf("-1.5"), mpf("0.4")), (mpf(2), mpf(-3)), (mpf("0.1"), mpf("0.1"))]


CHECKS.update(
    {
        # ---- Jay Mody, stable softmax: the sums written out term by term
        "u14-softmax-shift": lambda: all(
            close(_u14_softmax_direct(v, i), _u14_softmax_direct(v, i, log(c)))
            for v in _U14_VECS
            for i in range(len(v))
            for c in (mpf("0.01"), mpf(7))
        ),
        "u14-softmax-shift~numerator": lambda: all(
            close(_u14_softmax_direct(v, i), _u14_softmax_direct(v, i, log(c), 0))
            for v in _U14_VECS
            for i in range(len(v))
            for c in (mpf("0.01"), mpf(7))
        ),
        "u14-softmax-max": lambda: all(
            close(_u14_softmax_direct(v, i), _u14_softmax_direct(v, i, -max(v)))
            for v in _U14_VECS
            for i in range(len(v))
        ),
        "u14-softmax-max~min": lambda: all(
            close(_u14_softmax_direct(v, i), _u14_softmax_direct(v, i, -max(v), -min(v)))
            for v in _U14_VECS
            for i in range(len(v))
        ),
        "u14-softmax-denominator": lambda: all(sum(exp(x - max(v)) for x in v) >= 1 for v in _U14_VECS),
        "u14-softmax-denominator~at-most": lambda: all(sum(exp(x - max(v)) for x in v) <= 1 for v in _U14_VECS),
        "u14-softmax-example": lambda: rounds_to(_u14_softmax_direct(_U14_VECS[0], 1), "0.63006295"),
        "u14-softmax-example~first": lambda: rounds_to(_u14_softmax_direct(_U14_VECS[0], 1), "0.28310553"),
        "u14-log-softmax": lambda: all(
            close(log(_u14_softmax_direct(v, i)), v[i] - max(v) - log(sum(exp(x - max(v)) for x in v)))
            for v in _U14_VECS
            for i in range(len(v))
        ),
        "u14-log-softmax~no-max": lambda: all(
            close(log(_u14_softmax_direct(v, i)), v[i] - log(sum(exp(x - max(v)) for x in v)))
            for v in _U14_VECS
            for i in range(len(v))
        ),
        # cross-entropy of a one-hot p against q, summed over every class
        "u14-ce-onehot": lambda: all(
            close(cross_entropy([1 if i == y else 0 for i in range(len(q))], q), -log(q[y]))
            for q in (softmax(v) for v in _U14_VECS)
            for y in range(len(q))
        ),
        "u14-ce-onehot~complement": lambda: all(
            close(cross_entropy([1 if i == y else 0 for i in range(len(q))], q), -log(1 - q[y]))
            for q in (softmax(v) for v in _U14_VECS)
            for y in range(len(q))
        ),
        "u14-ce-large": lambda: rounds_to(-log(_u14_softmax_direct([mpf(-1000), mpf(1000)], 0)), "2000.0"),
        "u14-ce-large~half": lambda: rounds_to(-log(_u14_softmax_direct([mpf(-1000), mpf(1000)], 0)), "1000.0"),
        # ---- Jay Mody, attention
        "u14-attn-weighted": lambda: Fraction("0.6") * 10 + Fraction("0.4") * 5 + Fraction("0.0") * 2 == 8,
        "u14-attn-weighted~tree": lambda: Fraction("0.6") * 10 + Fraction("0.4") * 5 + Fraction("0.0") * 2 == 10,
        "u14-attn-softmax-example": lambda: rounds_to(_u14_softmax_direct([4, -1, mpf("2.1")], 0), "0.8648"),
        "u14-attn-softmax-example~last": lambda: rounds_to(_u14_softmax_direct([4, -1, mpf("2.1")], 0), "0.1294"),
        "u14-attn-softmax-321": lambda: rounds_to(_u14_softmax_direct([3, 2, 1], 1), "0.244"),
        "u14-attn-softmax-321~rounded": lambda: rounds_to(_u14_softmax_direct([3, 2, 1], 1), "0.245"),
        "u14-attn-softmax-321-first": lambda: rounds_to(_u14_softmax_direct([3, 2, 1], 0), "0.665"),
        "u14-attn-softmax-321-first~ratio": lambda: rounds_to(_u14_softmax_direct([3, 2, 1], 0), "0.500"),
        "u14-attn-softmax-scaled": lambda: rounds_to(_u14_softmax_direct([30, 20, 10], 1) * 10**5, "4.53978686"),
        "u14-attn-softmax-scaled~exp": lambda: rounds_to(_u14_softmax_direct([30, 20, 10], 1) * 10**5, "4.53999298"),
        "u14-attn-dot-k1": lambda: dot([2, 1, 3], [-1, 2, -1]) == -3,
        "u14-attn-dot-k1~sign": lambda: dot([2, 1, 3], [-1, 2, -1]) == 3,
        "u14-attn-cosine-b": lambda: close(dot([1, 1, 1], [1000, 0, 0]) / (norm([1, 1, 1]) * norm([1000, 0, 0])), 1),
        "u14-attn-cosine-b~c": lambda: close(dot([1, 1, 1], [2, 2, 2]) / (norm([1, 1, 1]) * norm([2, 2, 2])), 1),
        "u14-attn-cosine-b~value": lambda: close(
            dot([1, 1, 1], [1000, 0, 0]) / (norm([1, 1, 1]) * norm([1000, 0, 0])), 1 / sqrt(3)
        ),
        # ---- Jay Mody, GPT in NumPy
        "u14-gpt-gelu-two": lambda: rounds_to(_u14_gelu_tanh(2), "1.9546"),
        "u14-gpt-gelu-two~relu": lambda: rounds_to(_u14_gelu_tanh(2), "2.0000"),
        "u14-gpt-gelu-minus-five": lambda: rounds_to(_u14_gelu_tanh(-5) * 10**7, "-2.2918"),
        "u14-gpt-gelu-minus-five~four": lambda: rounds_to(_u14_gelu_tanh(-4) * 10**7, "-2.2918"),
        "u14-gpt-softmax-tiny": lambda: rounds_to(_u14_softmax_direct([2, 100], 0) * mpf(10) ** 43, "2.74878501"),
        "u14-gpt-softmax-tiny~power": lambda: rounds_to(_u14_softmax_direct([2, 100], 0) * mpf(10) ** 42, "2.74878501"),
        "u14-gpt-softmax-row": lambda: rounds_to(_u14_softmax_direct([-5, 0], 0) * 10**3, "6.69285092"),
        "u14-gpt-softmax-row~exp": lambda: rounds_to(_u14_softmax_direct([-5, 0], 0) * 10**3, "6.73794700"),
        "u14-gpt-layernorm-entry": lambda: rounds_to(_u14_layernorm_row([2, 2, 3])[0][0], "-0.70709087"),
        "u14-gpt-layernorm-entry~no-eps": lambda: rounds_to(_u14_layernorm_row([2, 2, 3], eps=0)[0][0], "-0.70709087"),
        # the variance of the normalised row, computed from its entries
        "u14-gpt-layernorm-variance": lambda: rounds_to(
            sum(y**2 for y in _u14_layernorm_row([2, 2, 3])[0]) / 3, "0.999955"
        ),
        "u14-gpt-layernorm-variance~inverted": lambda: rounds_to(
            3 / sum(y**2 for y in _u14_layernorm_row([2, 2, 3])[0]), "0.999955"
        ),
        "u14-gpt-params": lambda: _u14_gpt2_params(50257, 1024, 768, 12) == 124439808,
        "u14-gpt-params~no-mlp": lambda: _u14_gpt2_params(50257, 1024, 768, 12, mlp=False) == 124439808,
        "u14-gpt-attn-params": lambda: 768 * 2304 + 2304 + 768 * 768 + 768 == 2362368,
        "u14-gpt-attn-params~no-bias": lambda: 768 * 2304 + 2304 + 768 * 768 + 768 == 2359296,
        "u14-gpt3-size": lambda: rounds_to(mpf(12 * 96 * 12288**2) / 10**11, "1.74"),
        "u14-gpt3-size~175": lambda: rounds_to(mpf(12 * 96 * 12288**2) / 10**11, "1.75"),
        "u14-gpt-causal-mask": lambda: all(
            exp(s2 - mpf(10) ** 10) / (exp(s1) + exp(s2 - mpf(10) ** 10)) < mpf(10) ** -100
            for s1 in (-10, 0, 10)
            for s2 in (-10, 3, 10)
        ),
        "u14-gpt-causal-mask~half": lambda: all(
            close(exp(s2 - mpf(10) ** 10) / (exp(s1) + exp(s2 - mpf(10) ** 10)), mpf(1) / 2)
            for s1 in (-10, 0, 10)
            for s2 in (-10, 3, 10)
        ),
        # ---- Jay Mody, speculative sampling: the two running times divided
        "u14-spec-speedup": lambda: all(
            close(_u14_speedup(r, k, td, tt, n), r * (k + 1) * tt / (td * (k + 1) + tt))
            for r in (mpf("0.3"), 1)
            for k in (1, 4)
            for td, tt in ((mpf("1.8"), mpf("14.1")), (mpf(2), mpf(3)))
            for n in (1, 40)
        ),
        "u14-spec-speedup~k": lambda: all(
            close(_u14_speedup(r, k, td, tt, n), r * k * tt / (td * (k + 1) + tt))
            for r in (mpf("0.3"), 1)
            for k in (1, 4)
            for td, tt in ((mpf("1.8"), mpf("14.1")), (mpf(2), mpf(3)))
            for n in (1, 40)
        ),
        "u14-spec-humaneval": lambda: rounds_to(_u14_speedup(mpf("0.8"), 4, mpf("1.8"), mpf("14.1")), "2.44"),
        "u14-spec-humaneval~empirical": lambda: rounds_to(_u14_speedup(mpf("0.8"), 4, mpf("1.8"), mpf("14.1")), "2.46"),
        "u14-spec-xsum": lambda: rounds_to(_u14_speedup(mpf("0.62"), 4, mpf("1.8"), mpf("14.1")), "1.89"),
        "u14-spec-xsum~draft-k": lambda: rounds_to(
            mpf("0.62") * 5 * mpf("14.1") / (mpf("1.8") * 4 + mpf("14.1")), "1.89"
        ),
        "u14-spec-measured": lambda: rounds_to(mpf("71.64") / mpf("30.11"), "2.38"),
        "u14-spec-measured~inverse": lambda: rounds_to(mpf("71.64") / mpf("30.11"), "41.53"),
        "u14-spec-accept": lambda: all(
            min(1, q / p) == 1 for p, q in ((mpf("0.2"), mpf("0.2")), (mpf("0.1"), mpf("0.9")), (mpf("1e-6"), 1))
        ),
        "u14-spec-accept~ratio": lambda: all(
            close(min(1, q / p), q / p) for p, q in ((mpf("0.2"), mpf("0.3")), (mpf("0.1"), mpf("0.9")))
        ),
        "u14-spec-resample-mass": lambda: all(
            close(sum(max(0, b - a) for a, b in zip(p, q)), sum(max(0, a - b) for a, b in zip(p, q)))
            for p, q in _U14_DISTS
        ),
        "u14-spec-resample-mass~double": lambda: all(
            close(sum(max(0, b - a) for a, b in zip(p, q)), 2 * sum(max(0, a - b) for a, b in zip(p, q)))
            for p, q in _U14_DISTS
        ),
        # ---- Hugging Face, RLHF
        "u14-rlhf-penalty": lambda: all(
            r - lam * kl <= r for r in (mpf(-2), mpf("0.5")) for lam in (0, mpf("0.02")) for kl in (0, mpf(3))
        ),
        "u14-rlhf-penalty~raises": lambda: all(
            r - lam * kl >= r for r in (mpf(-2), mpf("0.5")) for lam in (0, mpf("0.02")) for kl in (0, mpf(3))
        ),
        "u14-rlhf-kl-nonneg": lambda: all(_u14_kl(p, q) >= 0 and _u14_kl(q, p) >= 0 for p, q in _U14_DISTS),
        "u14-rlhf-kl-nonneg~nonpos": lambda: all(_u14_kl(p, q) <= 0 and _u14_kl(q, p) <= 0 for p, q in _U14_DISTS),
        # the sequences of n tokens over a vocabulary of 50000, counted for n = 2, 3
        "u14-rlhf-observation-space": lambda: (
            all(len(list(itertools.product(range(v), repeat=n))) == v * n for v in (3, 5) for n in (2, 3))
            and all(50000**n == 50000 * n for n in (2, 3, 4))
        ),
        "u14-rlhf-observation-space~bound": lambda: all(50000**n >= 50000 * n for n in range(2, 12)),
        # ---- Hugging Face, DPO
        "u14-dpo-implicit-reward": lambda: all(
            close(beta * (log(p) - log(q)), beta * log(p / q))
            for beta in (mpf("0.1"), mpf("0.5"))
            for p, q in ((mpf("0.3"), mpf("0.01")), (1, mpf("0.7")))
        ),
        "u14-dpo-implicit-reward~inside": lambda: all(
            close(beta * (log(p) - log(q)), log(beta * p / q))
            for beta in (mpf("0.1"), mpf("0.5"))
            for p, q in ((mpf("0.3"), mpf("0.01")), (1, mpf("0.7")))
        ),
        "u14-dpo-start-loss": lambda: all(close(_u14_dpo_loss(r - r), log(2)) for r in (mpf(-3), mpf("0.4"))),
        "u14-dpo-start-loss~zero": lambda: all(close(_u14_dpo_loss(r - r), 0) for r in (mpf(-3), mpf("0.4"))),
        "u14-dpo-slope": lambda: all(close(D(_u14_dpo_loss, m), -sigmoid(-m)) for (m,) in REAL),
        "u14-dpo-slope~sign": lambda: all(close(D(_u14_dpo_loss, m), sigmoid(-m)) for (m,) in REAL),
        "u14-dpo-slope~argument": lambda: all(close(D(_u14_dpo_loss, m), -sigmoid(m)) for (m,) in REAL),
        # ---- Hugging Face, KV cache
        "u14-kv-mask-product": lambda: all(_u14_masked_weight(a, b, dk) == 0 for a, b, dk in _U14_SCORES),
        "u14-kv-mask-product~weight": lambda: all(
            close(_u14_masked_weight(a, b, dk), 1 / (exp(a / sqrt(dk)) + 1)) for a, b, dk in _U14_SCORES
        ),
        "u14-kv-recompute": lambda: all(
            sum(range(t0 + 1, t0 + n + 1)) == n * t0 + Fraction(n * (n + 1), 2) for t0 in (1, 5, 30) for n in (1, 2, 17)
        ),
        "u14-kv-recompute~minus": lambda: all(
            sum(range(t0 + 1, t0 + n + 1)) == n * t0 + Fraction(n * (n - 1), 2) for t0 in (1, 5, 30) for n in (1, 2, 17)
        ),
        # entries of the cache tensors, counted as products of their shapes
        "u14-kv-growth": lambda: all(
            2 * layers * b * h * (s + 1) * d - 2 * layers * b * h * s * d == 2 * layers * b * h * d
            for layers, b, h, s, d in ((1, 1, 1, 1, 1), (12, 4, 8, 100, 64), (3, 2, 5, 7, 11))
        ),
        "u14-kv-growth~keys-only": lambda: all(
            2 * layers * b * h * (s + 1) * d - 2 * layers * b * h * s * d == layers * b * h * d
            for layers, b, h, s, d in ((1, 1, 1, 1, 1), (12, 4, 8, 100, 64), (3, 2, 5, 7, 11))
        ),
        # ---- Hugging Face, Mixtral: bytes per parameter
        "u14-mixtral-fp16": lambda: Fraction(45 * 10**9 * 2, 10**9) == 90,
        "u14-mixtral-fp16~gib": lambda: rounds_to(mpf(45 * 10**9 * 2) / 2**30, "90"),
        "u14-mixtral-4bit": lambda: Fraction(45 * 10**9 * 4, 8 * 10**9) <= 23,
        "u14-mixtral-4bit~bytes": lambda: Fraction(45 * 10**9 * 4, 10**9) <= 23,
        "u14-mixtral-ratio": lambda: rounds_to(mpf(45) / 12, "4"),
        "u14-mixtral-ratio~56": lambda: rounds_to(mpf(8 * 7) / 12, "4"),
        # ---- PyTorch Adagrad, Adamax, NAdam: the updates run step by step
        "u14-adagrad-half-lr": lambda: all(
            close(_u14_adagrad(lr, mpf("0.1"), [mpf(1)] * 11)[1], lr / 2) for lr in (mpf("0.01"), mpf(3))
        ),
        "u14-adagrad-half-lr~t": lambda: all(close(lr / (1 + 11 * mpf("0.1")), lr / 2) for lr in (mpf("0.01"), mpf(3))),
        "u14-adagrad-first-step": lambda: all(
            close(_u14_adagrad(lr, 0, [g], theta=th)[0], th - lr * (1 if g > 0 else -1))
            for lr in (mpf("0.01"), mpf(2))
            for g in (mpf("-3.5"), mpf("0.02"))
            for th in (mpf(0), mpf("1.5"))
        ),
        "u14-adagrad-first-step~raw": lambda: all(
            close(_u14_adagrad(lr, 0, [g], theta=th)[0], th - lr * g)
            for lr in (mpf("0.01"), mpf(2))
            for g in (mpf("-3.5"), mpf("0.02"))
            for th in (mpf(0), mpf("1.5"))
        ),
        "u14-adagrad-constant-grad": lambda: all(
            close(_u14_adagrad(lr, 0, [g] * (t - 1))[0] - _u14_adagrad(lr, 0, [g] * t)[0], lr / sqrt(t))
            for lr in (mpf("0.01"), mpf(2))
            for g in (mpf("0.3"), mpf(5))
            for t in (2, 3, 10)
        ),
        "u14-adagrad-constant-grad~t": lambda: all(
            close(_u14_adagrad(lr, 0, [g] * (t - 1))[0] - _u14_adagrad(lr, 0, [g] * t)[0], lr / t)
            for lr in (mpf("0.01"), mpf(2))
            for g in (mpf("0.3"), mpf(5))
            for t in (2, 3, 10)
        ),
        "u14-adamax-first-step": lambda: all(
            close(-_u14_adamax(lr, b1, mpf("0.999"), [g])[0], lr)
            for lr in (mpf("0.002"), 1)
            for b1 in (0, mpf("0.9"))
            for g in (mpf("0.5"), mpf(40))
        ),
        "u14-adamax-first-step~no-correction": lambda: all(
            close(-_u14_adamax(lr, b1, mpf("0.999"), [g], correct=False)[0], lr)
            for lr in (mpf("0.002"), 1)
            for b1 in (mpf("0.5"), mpf("0.9"))
            for g in (mpf("0.5"), mpf(40))
        ),
        "u14-adamax-norm-constant": lambda: all(
            close(_u14_adamax(1, mpf("0.9"), b2, [g] * 7)[2], abs(g))
            for b2 in (0, mpf("0.999"))
            for g in (mpf(-2), mpf("0.3"))
        ),
        "u14-adamax-norm-constant~decayed": lambda: all(
            close(_u14_adamax(1, mpf("0.9"), b2, [g] * 7)[2], b2 * abs(g))
            for b2 in (0, mpf("0.999"))
            for g in (mpf(-2), mpf("0.3"))
        ),
        "u14-adamax-momentum-induction": lambda: all(
            close(_u14_adamax(1, b1, mpf("0.999"), [g] * t)[1], (1 - b1**t) * g)
            for b1 in (mpf("0.5"), mpf("0.9"))
            for g in (mpf(-2), mpf("0.3"))
            for t in (1, 2, 9)
        ),
        "u14-adamax-momentum-induction~lag": lambda: all(
            close(_u14_adamax(1, b1, mpf("0.999"), [g] * t)[1], (1 - b1 ** (t - 1)) * g)
            for b1 in (mpf("0.5"), mpf("0.9"))
            for g in (mpf(-2), mpf("0.3"))
            for t in (1, 2, 9)
        ),
        "u14-nadam-mu-first": lambda: rounds_to(_u14_nadam_mu(mpf("0.9"), mpf("0.004"), 1), "0.4501"),
        "u14-nadam-mu-first~beta": lambda: rounds_to(_u14_nadam_mu(mpf("0.9"), mpf("0.004"), 1), "0.9000"),
        "u14-nadam-mu-limit": lambda: all(
            close(_u14_nadam_mu(b1, psi, 10**6 / psi), b1, tol=mpf(10) ** -15)
            for b1 in (mpf("0.9"), mpf("0.3"))
            for psi in (mpf("0.004"), 1)
        ),
        "u14-nadam-mu-limit~half": lambda: all(
            close(_u14_nadam_mu(b1, psi, 10**6 / psi), b1 / 2, tol=mpf(10) ** -15)
            for b1 in (mpf("0.9"), mpf("0.3"))
            for psi in (mpf("0.004"), 1)
        ),
        "u14-nadam-mu-no-decay": lambda: all(
            close(_u14_nadam_mu(b1, 0, t), b1 / 2) for b1 in (mpf("0.9"), mpf("0.3")) for t in (1, 50)
        ),
        "u14-nadam-mu-no-decay~beta": lambda: all(
            close(_u14_nadam_mu(b1, 0, t), b1) for b1 in (mpf("0.9"), mpf("0.3")) for t in (1, 50)
        ),
        "u14-nadam-three-quarters": lambda: all(
            close(_u14_nadam_mu(b1, psi, log(2) / (psi * log(1 / mpf("0.96")))), 3 * b1 / 4)
            for b1 in (mpf("0.9"), mpf("0.3"))
            for psi in (mpf("0.004"), 2)
        ),
        "u14-nadam-three-quarters~quarter": lambda: all(
            close(_u14_nadam_mu(b1, psi, log(2) / (psi * log(1 / mpf("0.96")))), b1 / 4)
            for b1 in (mpf("0.9"), mpf("0.3"))
            for psi in (mpf("0.004"), 2)
        ),
        # ---- PyTorch MultiheadAttention: parameters counted projection by projection
        "u14-mha-params": lambda: _u14_mha_params(512) == 1050624,
        "u14-mha-params~in-proj-only": lambda: _u14_mha_params(512, out=False) == 1050624,
        "u14-mha-params-kv": lambda: _u14_mha_params(512, 256, 256) == 788480,
        "u14-mha-params-kv~square": lambda: _u14_mha_params(512) == 788480,
        "u14-mha-scale": lambda: Fraction(1, 8) == Fraction("0.125") and (512 // 8) == 64,
        "u14-mha-scale~model-dim": lambda: close(1 / sqrt(512), mpf("0.125")),
        # ---- d2l GRU and LSTM: one entry of the gated updates
        "u14-gru-skip": lambda: all(close(1 * h0 + (1 - 1) * hc, h0) for h0, hc in _U14_STATES),
        "u14-gru-skip~candidate": lambda: all(close(1 * h0 + (1 - 1) * hc, hc) for h0, hc in _U14_STATES),
        "u14-gru-between": lambda: all(
            min(h0, hc) - TOL <= z * h0 + (1 - z) * hc <= max(h0, hc) + TOL
            for z in _U14_GATES
            for h0, hc in _U14_STATES
        ),
        "u14-gru-between~plus": lambda: all(
            min(h0, hc) - TOL <= z * h0 + (1 + z) * hc <= max(h0, hc) + TOL
            for z in _U14_GATES
            for h0, hc in _U14_STATES
        ),
        "u14-gru-reset": lambda: all(
            close(tanh(x * wx + (0 * h0) * wh + b), tanh(x * wx + b))
            for x, wx, wh, b in ((mpf("0.5"), mpf(-1), mpf(2), mpf("0.1")), (mpf(3), mpf("0.2"), mpf("-0.7"), mpf(0)))
            for h0, _ in _U14_STATES
        ),
        "u14-gru-reset~kept": lambda: all(
            close(tanh(x * wx + (0 * h0) * wh + b), tanh(x * wx + h0 * wh + b))
            for x, wx, wh, b in ((mpf("0.5"), mpf(-1), mpf(2), mpf("0.1")), (mpf(3), mpf("0.2"), mpf("-0.7"), mpf(0)))
            for h0, _ in _U14_STATES
        ),
        "u14-gru-params": lambda: _u14_gated_params(3, 28, 32) == 5856,
        "u14-gru-params~no-bias": lambda: _u14_gated_params(3, 28, 32, bias=False) == 5856,
        "u14-lstm-params": lambda: _u14_gated_params(4, 28, 32) == 7808,
        "u14-lstm-params~three": lambda: _u14_gated_params(3, 28, 32) == 7808,
        "u14-lstm-carry": lambda: all(close(1 * c0 + 0 * cc, c0) for c0, cc in _U14_STATES),
        "u14-lstm-carry~node": lambda: all(close(1 * c0 + 0 * cc, cc) for c0, cc in _U14_STATES),
        "u14-lstm-hidden-bound": lambda: all(
            abs(o * tanh(c)) < 1
            for o in (mpf("0.01"), mpf("0.5"), mpf("0.999"))
            for c in (mpf(-30), mpf("0.2"), mpf(4))
        ),
        "u14-lstm-hidden-bound~half": lambda: all(
            abs(o * tanh(c)) <= mpf(1) / 2
            for o in (mpf("0.01"), mpf("0.5"), mpf("0.999"))
            for c in (mpf(-30), mpf("0.2"), mpf(4))
        ),
    }
)


# ---- unseen15: PyTorch RAdam, LR-scheduler and early activation docstrings, d2l (Adadelta, factorization
# machines, generalization, successive halving, attention pooling), a UDL notebook, Lil'Log on inference


def _u15_rho(t, beta2):
    """RAdam's length of the approximated simple moving average at step t, from its definition."""
    rho_inf = 2 / (1 - beta2) - 1
    return rho_inf - 2 * t * beta2**t / (1 - beta2**t)


def _u15_rect(rho_t, rho_inf):
    """RAdam's variance rectification term."""
    return sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))


_U15_B2 = Fraction(999, 1000)


def _u15_clr(iteration, base, peak, step, halve=False):
    """The cyclical learning rate of Smith (2017), triangular or triangular2, written from the paper's recipe."""
    cycle = (1 + Fraction(iteration, 2 * step)).__floor__()
    x = abs(Fraction(iteration, step) - 2 * cycle + 1)
    scale = Fraction(1, 2 ** (cycle - 1)) if halve else 1
    return base + (peak - base) * max(0, 1 - x) * scale


def _u15_hardtanh(x, lo=-1, hi=1):
    return hi if x > hi else lo if x < lo else x


def _u15_threshold(x, threshold=Fraction(1, 10), value=20):
    return x if x > threshold else value


def _u15_hardshrink(x, lambd=Fraction(1, 2)):
    return x if (x > lambd or x < -lambd) else 0


def _u15_adadelta(rho, grads, eps):
    """Adadelta run from s_0 = Delta x_0 = 0; returns the list of (s_t, rescaled gradient, Delta x_t)."""
    s = dx = mpf(0)
    out = []
    for g in grads:
        s = rho * s + (1 - rho) * g**2
        g_resc = sqrt(dx + eps) / sqrt(s + eps) * g
        dx = rho * dx + (1 - rho) * g_resc**2
        out.append((s, g_resc, dx))
    return out


_U15_RHOS = [mpf("0.9"), mpf("0.3"), mpf("0.99")]
_U15_GRADS = [(mpf("1.5"), mpf("-0.2")), (mpf(-3), mpf(7)), (mpf("0.01"), mpf("0.4"))]

_U15_V = [
    [Fraction(v) for v in row]
    for row in (("1", "-2", "0.5"), ("0.3", "0.7", "-1.1"), ("2", "0", "1"), ("-0.4", "1.3", "0.6"))
]  # d = 4, k = 3
_U15_X = [Fraction(v) for v in ("0.5", "-1.5", "2.0", "0.25")]


def _u15_fm_pairs(V, x):
    """The FM pairwise term, summed pair by pair over i < j."""
    d = len(x)
    return sum(dot(V[i], V[j]) * x[i] * x[j] for i in range(d) for j in range(i + 1, d))


def _u15_fm_fast(V, x, half=True, square_x=True):
    d, k = len(x), len(V[0])
    total = sum(
        sum(V[i][l] * x[i] for i in range(d)) ** 2
        - sum(V[i][l] ** 2 * (x[i] ** 2 if square_x else x[i]) for i in range(d))
        for l in range(k)
    )
    return total / 2 if half else total


def _u15_fm_full(V, x, sign):
    d = len(x)
    full = sum(dot(V[i], V[j]) * x[i] * x[j] for i in range(d) for j in range(d))
    diag = sum(dot(V[i], V[i]) * x[i] * x[i] for i in range(d))
    return full / 2 + sign * diag / 2


def _u15_udl_net(x):
    """UDL notebook 5.2's shallow network with get_parameters(), in exact arithmetic."""
    beta_0 = [Fraction("0.3"), Fraction("-1.0"), Fraction("-0.5")]
    omega_0 = [Fraction("-1.0"), Fraction("1.8"), Fraction("0.65")]
    beta_1 = Fraction("2.6")
    omega_1 = [Fraction("-24.0"), Fraction("-8.0"), Fraction("50.0")]
    return beta_1 + sum(w * max(Fraction(0), b + o * x) for w, b, o in zip(omega_1, beta_0, omega_0))


def _u15_bernoulli(y, lam):
    return lam**y * (1 - lam) ** (1 - y)


def _u15_matmul(A, B):
    return [[sum(A[i][t] * B[t][j] for t in range(len(B))) for j in range(len(B[0]))] for i in range(len(A))]


_U15_XM = [[mpf("1.5"), mpf(-2), mpf("0.3")], [mpf(4), mpf("0.1"), mpf(-7)]]
_U15_WM = [[mpf("0.2"), mpf(-1)], [mpf(3), mpf("0.5")], [mpf("-0.6"), mpf(2)]]
_U15_S = [mpf(2), mpf("0.25"), mpf(9)]


def _u15_smoothquant(inverse_on_x):
    xs = [[row[j] / _U15_S[j] if inverse_on_x else row[j] * _U15_S[j] for j in range(3)] for row in _U15_XM]
    ws = [[_U15_S[i] * w for w in _U15_WM[i]] for i in range(3)]
    return close(_u15_matmul(xs, ws), _u15_matmul(_U15_XM, _U15_WM))


_U15_REAL = [mpf("-2.5"), mpf(-1), mpf("-0.3"), mpf(0), mpf("0.4"), mpf(1), mpf("3.7")]


CHECKS.update(
    {
        # ---- PyTorch RAdam: rho and the rectification from their definitions
        "u15-radam-rho-inf": lambda: 2 / (1 - _U15_B2) - 1 == 1999,
        "u15-radam-rho-inf~no-minus-one": lambda: 2 / (1 - _U15_B2) - 1 == 2000,
        "u15-radam-rho-one": lambda: all(
            close(_u15_rho(1, b2), 1) for b2 in (mpf("0.5"), mpf("0.9"), mpf("0.999"), mpf("0.12"))
        ),
        "u15-radam-rho-one~zero": lambda: all(close(_u15_rho(1, b2), 0) for b2 in (mpf("0.5"), mpf("0.999"))),
        "u15-radam-rho-five": lambda: _u15_rho(5, _U15_B2) < 5,
        "u15-radam-rho-five~above": lambda: _u15_rho(5, _U15_B2) > 5,
        "u15-radam-rho-six": lambda: rounds_to(
            mpf(_u15_rho(6, _U15_B2).numerator) / _u15_rho(6, _U15_B2).denominator, "5.994"
        ),
        "u15-radam-rho-six~plus": lambda: rounds_to(
            mpf(_u15_rho(6, _U15_B2).numerator) / _u15_rho(6, _U15_B2).denominator, "6.006"
        ),
        "u15-radam-rect-six": lambda: rounds_to(
            _u15_rect(mpf(_u15_rho(6, _U15_B2).numerator) / _u15_rho(6, _U15_B2).denominator, 1999), "0.0258"
        ),
        "u15-radam-rect-six~fifth": lambda: rounds_to(
            _u15_rect(mpf(_u15_rho(6, _U15_B2).numerator) / _u15_rho(6, _U15_B2).denominator, 1999), "0.0173"
        ),
        "u15-radam-rect-limit": lambda: all(close(_u15_rect(r, r), 1) for r in (mpf("5.5"), mpf(19), mpf(1999))),
        "u15-radam-rect-limit~no-ratio": lambda: all(
            close(sqrt((r - 4) * (r - 2) / ((r - 4) * (r - 2)) * r), 1) for r in (mpf("5.5"), mpf(19), mpf(1999))
        ),
        "u15-radam-first-moment": lambda: all(
            close((b1 * 0 + (1 - b1) * g) / (1 - b1**1), g) for b1 in (mpf("0.1"), mpf("0.9")) for (g,) in REAL
        ),
        "u15-radam-first-moment~uncorrected": lambda: all(
            close((b1 * 0 + (1 - b1) * g) / (1 - b1**1), (1 - b1) * g)
            for b1 in (mpf("0.1"), mpf("0.9"))
            for (g,) in REAL
        ),
        "u15-radam-adaptive-one": lambda: all(
            close(sqrt(1 - b2) / sqrt((1 - b2) * g**2), 1 / abs(g))
            for b2 in (mpf("0.999"), mpf("0.3"))
            for (g,) in REAL
        ),
        "u15-radam-adaptive-one~signed": lambda: all(
            close(sqrt(1 - b2) / sqrt((1 - b2) * g**2), 1 / g) for b2 in (mpf("0.999"), mpf("0.3")) for (g,) in REAL
        ),
        "u15-radam-decoupled": lambda: all(
            close(th - gm * lm * th, (1 - gm * lm) * th)
            for th in (mpf(-2), mpf("0.7"))
            for gm, lm in ((mpf("0.1"), mpf("0.01")), (mpf(3), mpf(-1)))
        ),
        "u15-radam-decoupled~plus": lambda: all(
            close(th - gm * lm * th, (1 + gm * lm) * th)
            for th in (mpf(-2), mpf("0.7"))
            for gm, lm in ((mpf("0.1"), mpf("0.01")), (mpf(3), mpf(-1)))
        ),
        # ---- PyTorch OneCycleLR, ReduceLROnPlateau, CyclicLR: exact arithmetic
        "u15-onecycle-initial": lambda: Fraction("0.01") / 25 == Fraction(4, 10**4),
        "u15-onecycle-initial~times": lambda: Fraction("0.01") / 25 == Fraction(4, 10**3),
        "u15-onecycle-min": lambda: all(
            (m / d) / f == m / (d * f)
            for m in (Fraction(1, 100), Fraction(3))
            for d in (Fraction(25), Fraction(1, 2))
            for f in (Fraction(10**4), Fraction(7))
        ),
        "u15-onecycle-min~multiplied": lambda: all(
            (m / d) / f == m * f / d
            for m in (Fraction(1, 100), Fraction(3))
            for d in (Fraction(25), Fraction(1, 2))
            for f in (Fraction(10**4), Fraction(7))
        ),
        "u15-onecycle-min-value": lambda: Fraction("0.01") / 25 / 10**4 == Fraction(4, 10**8),
        "u15-onecycle-min-value~exponent": lambda: Fraction("0.01") / 25 / 10**4 == Fraction(4, 10**7),
        "u15-onecycle-phase-end": lambda: Fraction("0.3") * (10 * 100) - 1 == 299,
        "u15-onecycle-phase-end~no-minus": lambda: Fraction("0.3") * (10 * 100) - 1 == 300,
        "u15-plateau-rel-min": lambda: Fraction("0.5") * (1 - Fraction(1, 10**4)) == Fraction("0.49995"),
        "u15-plateau-rel-min~max-mode": lambda: Fraction("0.5") * (1 - Fraction(1, 10**4)) == Fraction("0.50005"),
        "u15-plateau-rel-gap": lambda: all(
            close(b - b * (1 - t), b * t) for b in (mpf("0.5"), mpf(-3)) for t in (mpf("1e-4"), mpf("0.3"))
        ),
        "u15-plateau-rel-gap~absolute": lambda: all(
            close(b - b * (1 - t), t) for b in (mpf("0.5"), mpf(-3)) for t in (mpf("1e-4"), mpf("0.3"))
        ),
        "u15-plateau-factor": lambda: Fraction("0.1") * Fraction("0.1") ** 3 == Fraction(1, 10**4),
        "u15-plateau-factor~two": lambda: Fraction("0.1") * Fraction("0.1") ** 3 == Fraction(1, 10**3),
        "u15-cyclic-midway": lambda: _u15_clr(5, Fraction("0.01"), Fraction("0.1"), 10) == Fraction("0.055"),
        "u15-cyclic-midway~mean-of-max": lambda: (
            rounds_to(mpf(55) / 1000, "0.05")
            and _u15_clr(5, Fraction("0.01"), Fraction("0.1"), 10) == Fraction(55, 1000)
        ),
        "u15-cyclic-triangular2": lambda: (
            _u15_clr(50, Fraction("0.01"), Fraction("0.1"), 10, halve=True) == Fraction("0.0325")
        ),
        "u15-cyclic-triangular2~third-power": lambda: (
            _u15_clr(50, Fraction("0.01"), Fraction("0.1"), 10, halve=True) == Fraction("0.02125")
        ),
        "u15-cyclic-amplitude": lambda: all(
            lo + s * (hi - lo) <= hi
            for s in (Fraction(0), Fraction(3, 10), Fraction(1))
            for lo, hi in ((Fraction(1, 100), Fraction(1, 10)), (Fraction(2), Fraction(2)))
        ),
        "u15-cyclic-amplitude~below-base": lambda: all(
            lo + s * (hi - lo) <= lo
            for s in (Fraction(0), Fraction(3, 10), Fraction(1))
            for lo, hi in ((Fraction(1, 100), Fraction(1, 10)), (Fraction(2), Fraction(2)))
        ),
        # ---- PyTorch 0.2 activations: the cases evaluated directly
        "u15-hardtanh-clip": lambda: all(_u15_hardtanh(x) == max(-1, min(1, x)) for x in _U15_REAL),
        "u15-hardtanh-clip~swapped": lambda: all(_u15_hardtanh(x) == min(-1, max(1, x)) for x in _U15_REAL),
        "u15-hardtanh-range": lambda: _u15_hardtanh(Fraction("-3.5"), -2, 2) == -2,
        "u15-hardtanh-range~default": lambda: _u15_hardtanh(Fraction("-3.5"), -2, 2) == -1,
        "u15-threshold-example": lambda: _u15_threshold(Fraction("0.05")) == 20,
        "u15-threshold-example~kept": lambda: _u15_threshold(Fraction("0.05")) == Fraction("0.05"),
        "u15-threshold-above": lambda: _u15_threshold(Fraction("0.7")) == Fraction("0.7"),
        "u15-threshold-above~value": lambda: _u15_threshold(Fraction("0.7")) == 20,
        "u15-tanh-sigmoid": lambda: all(
            close((exp(x) - exp(-x)) / (exp(x) + exp(-x)), 2 * sigmoid(2 * x) - 1) for x in _U15_REAL
        ),
        "u15-tanh-sigmoid~no-double": lambda: all(
            close((exp(x) - exp(-x)) / (exp(x) + exp(-x)), 2 * sigmoid(x) - 1) for x in _U15_REAL
        ),
        "u15-glu-halves": lambda: all(close(a * sigmoid(b) + a * sigmoid(-b), a) for a in _U15_REAL for b in _U15_REAL),
        "u15-glu-halves~zero": lambda: all(
            close(a * sigmoid(b) + a * sigmoid(-b), 0) for a in _U15_REAL for b in _U15_REAL
        ),
        "u15-glu-value": lambda: close(2 * sigmoid(0), 1),
        "u15-glu-value~ungated": lambda: close(2 * sigmoid(0), 2),
        "u15-hardshrink-above": lambda: _u15_hardshrink(Fraction("0.7")) == Fraction("0.7"),
        "u15-hardshrink-above~soft": lambda: _u15_hardshrink(Fraction("0.7")) == Fraction("0.2"),
        "u15-hardshrink-inside": lambda: _u15_hardshrink(Fraction("-0.3")) == 0,
        "u15-hardshrink-inside~kept": lambda: _u15_hardshrink(Fraction("-0.3")) == Fraction("-0.3"),
        "u15-prelu-init": lambda: max(0, -2) + Fraction(1, 4) * min(0, -2) == Fraction(-1, 2),
        "u15-prelu-init~abs": lambda: max(0, -2) + Fraction(1, 4) * min(0, -2) == Fraction(1, 2),
        "u15-prelu-identity": lambda: all(max(0, x) + 1 * min(0, x) == x for x in _U15_REAL),
        "u15-prelu-identity~minus": lambda: all(max(0, x) - 1 * min(0, x) == x for x in _U15_REAL),
        # ---- d2l Adadelta: the recursion run step by step
        "u15-adadelta-s2": lambda: all(
            close(_u15_adadelta(r, gs, mpf("1e-5"))[1][0], r * (1 - r) * gs[0] ** 2 + (1 - r) * gs[1] ** 2)
            for r in _U15_RHOS
            for gs in _U15_GRADS
        ),
        "u15-adadelta-s2~squared-rho": lambda: all(
            close(_u15_adadelta(r, gs, mpf("1e-5"))[1][0], r**2 * (1 - r) * gs[0] ** 2 + (1 - r) * gs[1] ** 2)
            for r in _U15_RHOS
            for gs in _U15_GRADS
        ),
        "u15-adadelta-delta1": lambda: all(
            close(_u15_adadelta(r, gs, mpf("1e-5"))[0][2], (1 - r) * _u15_adadelta(r, gs, mpf("1e-5"))[0][1] ** 2)
            for r in _U15_RHOS
            for gs in _U15_GRADS
        ),
        "u15-adadelta-delta1~rho": lambda: all(
            close(_u15_adadelta(r, gs, mpf("1e-5"))[0][2], r * _u15_adadelta(r, gs, mpf("1e-5"))[0][1] ** 2)
            for r in _U15_RHOS
            for gs in _U15_GRADS
        ),
        "u15-adadelta-first-step": lambda: all(
            abs(_u15_adadelta(r, [g], e)[0][1]) < sqrt(e / (1 - r))
            for r in _U15_RHOS
            for e in (mpf("1e-5"), mpf("0.5"))
            for g in (mpf(0), mpf("-0.01"), mpf(3), mpf(10) ** 8)
        ),
        "u15-adadelta-first-step~sqrt-eps": lambda: all(
            abs(_u15_adadelta(r, [g], e)[0][1]) < sqrt(e)
            for r in _U15_RHOS
            for e in (mpf("1e-5"), mpf("0.5"))
            for g in (mpf(0), mpf("-0.01"), mpf(3), mpf(10) ** 8)
        ),
        "u15-adadelta-first-step-value": lambda: rounds_to(
            _u15_adadelta(mpf("0.9"), [mpf(1)], mpf("1e-5"))[0][1], "0.0100"
        ),
        "u15-adadelta-first-step-value~no-sqrt": lambda: rounds_to(
            _u15_adadelta(mpf("0.9"), [mpf(1)], mpf("1e-5"))[0][1], "0.0001"
        ),
        # ---- d2l factorization machines: the pairwise sum against each rewriting
        "u15-fm-half": lambda: _u15_fm_pairs(_U15_V, _U15_X) == _u15_fm_full(_U15_V, _U15_X, -1),
        "u15-fm-half~plus": lambda: _u15_fm_pairs(_U15_V, _U15_X) == _u15_fm_full(_U15_V, _U15_X, +1),
        "u15-fm-linear": lambda: _u15_fm_pairs(_U15_V, _U15_X) == _u15_fm_fast(_U15_V, _U15_X),
        "u15-fm-linear~no-half": lambda: _u15_fm_pairs(_U15_V, _U15_X) == _u15_fm_fast(_U15_V, _U15_X, half=False),
        "u15-fm-linear~unsquared-x": lambda: (
            _u15_fm_pairs(_U15_V, _U15_X) == _u15_fm_fast(_U15_V, _U15_X, square_x=False)
        ),
        "u15-fm-example": lambda: _u15_fm_pairs([[1], [2], [3]], [1, 1, 1]) == Fraction(36 - 14, 2),
        "u15-fm-example~no-half": lambda: _u15_fm_pairs([[1], [2], [3]], [1, 1, 1]) == 36 - 14,
        # ---- d2l generalization in classification
        "u15-gen-one-sd": lambda: close(sqrt(mpf("0.25") / 2500), mpf("0.01")),
        "u15-gen-one-sd~ten-thousand": lambda: rounds_to(sqrt(mpf("0.25") / 10000), "0.01"),  # 0.005: a tie, rounded up
        "u15-gen-two-sd": lambda: close(2 * sqrt(mpf("0.25") / 10000), mpf("0.01")),
        "u15-gen-two-sd~2500": lambda: close(2 * sqrt(mpf("0.25") / 2500), mpf("0.01")),
        "u15-gen-bernoulli-var": lambda: all(
            Fraction(i, 100) * (1 - Fraction(i, 100)) <= Fraction(1, 4) for i in range(101)
        ),
        "u15-gen-bernoulli-var~fifth": lambda: all(
            Fraction(i, 100) * (1 - Fraction(i, 100)) <= Fraction(1, 5) for i in range(101)
        ),
        "u15-gen-hoeffding": lambda: exp(-2 * 15000 * mpf("0.01") ** 2) < mpf("0.05"),
        "u15-gen-hoeffding~asymptotic-n": lambda: exp(-2 * 10000 * mpf("0.01") ** 2) < mpf("0.05"),
        "u15-gen-hoeffding-n": lambda: rounds_to(log(1 / mpf("0.05")) / (2 * mpf("0.01") ** 2), "14979"),
        "u15-gen-hoeffding-n~no-two": lambda: rounds_to(log(1 / mpf("0.05")) / mpf("0.01") ** 2, "14979"),
        "u15-gen-twenty": lambda: rounds_to(1 - mpf("0.95") ** 20, "0.64"),
        "u15-gen-twenty~complement": lambda: rounds_to(1 - mpf("0.95") ** 20, "0.36"),
        # ---- d2l successive halving: counts enumerated rung by rung
        "u15-sh-survivors": lambda: all(
            Fraction(eta**K, eta) == eta ** (K - 1) for eta in range(2, 6) for K in range(1, 6)
        ),
        "u15-sh-survivors~plus": lambda: all(
            Fraction(eta**K, eta) == eta ** (K + 1) for eta in range(2, 6) for K in range(1, 6)
        ),
        "u15-sh-rung-budget": lambda: all(
            eta ** (K - i) * rmin * eta**i == rmin * eta**K
            for eta in (2, 3)
            for K in (1, 4)
            for i in range(K + 1)
            for rmin in (Fraction(1), Fraction(5, 2))
        ),
        "u15-sh-rung-budget~min": lambda: all(
            eta ** (K - i) * rmin * eta**i == rmin
            for eta in (2, 3)
            for K in (1, 4)
            for i in range(K + 1)
            for rmin in (Fraction(1), Fraction(5, 2))
        ),
        "u15-sh-total": lambda: all(
            sum(eta ** (K - i) * rmin * eta**i for i in range(K + 1)) == (K + 1) * rmin * eta**K
            for eta in (2, 3)
            for K in (1, 4)
            for rmin in (Fraction(1), Fraction(5, 2))
        ),
        "u15-sh-total~k": lambda: all(
            sum(eta ** (K - i) * rmin * eta**i for i in range(K + 1)) == K * rmin * eta**K
            for eta in (2, 3)
            for K in (1, 4)
            for rmin in (Fraction(1), Fraction(5, 2))
        ),
        "u15-sh-trials": lambda: sum(3 ** (4 - i) for i in range(5)) == 121,
        "u15-sh-trials~without-last": lambda: sum(3 ** (4 - i) for i in range(5)) == 120,
        # ---- d2l attention pooling
        "u15-pool-weights": lambda: all(
            close(sum(a / sum(al) for a in al), 1) for al in ([mpf("0.2"), mpf(3)], [mpf(1), mpf("0.01"), mpf(7)])
        ),
        "u15-pool-weights~n": lambda: all(
            close(sum(a / sum(al) for a in al), len(al)) for al in ([mpf("0.2"), mpf(3)], [mpf(1), mpf("0.01"), mpf(7)])
        ),
        "u15-pool-gaussian-one": lambda: rounds_to(exp(-(norm([mpf("0.6"), mpf("0.8")]) ** 2) / 2), "0.6065"),
        "u15-pool-gaussian-one~no-half": lambda: rounds_to(exp(-(norm([mpf("0.6"), mpf("0.8")]) ** 2) / 2), "0.3679"),
        "u15-pool-gaussian-width": lambda: rounds_to(exp(-1 / (2 * mpf("0.5") ** 2) * 1), "0.1353"),
        "u15-pool-gaussian-width~sigma-not-squared": lambda: rounds_to(exp(-1 / (2 * mpf("0.5") ** 2) * 1), "0.3679"),
        "u15-pool-epanechikov": lambda: max(0, 1 - 2) == 0,
        "u15-pool-epanechikov~negative": lambda: max(0, 1 - 2) == -1,
        "u15-pool-gaussian-bound": lambda: all(exp(-(d**2) / 2) <= 1 for d in (mpf(0), mpf("0.3"), mpf(5))),
        "u15-pool-gaussian-bound~strict": lambda: all(exp(-(d**2) / 2) < 1 for d in (mpf(0), mpf("0.3"), mpf(5))),
        # ---- UDL notebook 5.2: the network and the Bernoulli law evaluated exactly
        "u15-udl-bernoulli-zero": lambda: _u15_bernoulli(0, Fraction("0.2")) == Fraction("0.8"),
        "u15-udl-bernoulli-zero~lambda": lambda: _u15_bernoulli(0, Fraction("0.2")) == Fraction("0.2"),
        "u15-udl-bernoulli-one": lambda: _u15_bernoulli(1, Fraction("0.2")) == Fraction("0.2"),
        "u15-udl-bernoulli-one~complement": lambda: _u15_bernoulli(1, Fraction("0.2")) == Fraction("0.8"),
        "u15-udl-net-zero": lambda: _u15_udl_net(0) == Fraction("-4.6"),
        "u15-udl-net-zero~no-relu": lambda: _u15_udl_net(0) == Fraction("-21.6"),
        "u15-udl-net-one": lambda: _u15_udl_net(1) == Fraction("3.7"),
        "u15-udl-net-one~sign": lambda: _u15_udl_net(1) == Fraction("3.6"),
        "u15-udl-sigmoid-zero": lambda: rounds_to(
            sigmoid(mpf(_u15_udl_net(0).numerator) / _u15_udl_net(0).denominator), "0.00995"
        ),
        "u15-udl-sigmoid-zero~complement": lambda: rounds_to(
            sigmoid(mpf(_u15_udl_net(0).numerator) / _u15_udl_net(0).denominator), "0.99005"
        ),
        "u15-udl-nll-point": lambda: all(
            close(-log(_u15_bernoulli(y, sigmoid(z))), log(1 + exp(-z)) + (1 - y) * z)
            for y in (0, 1)
            for z in _U15_REAL
        ),
        "u15-udl-nll-point~y": lambda: all(
            close(-log(_u15_bernoulli(y, sigmoid(z))), log(1 + exp(-z)) + y * z) for y in (0, 1) for z in _U15_REAL
        ),
        # ---- Lil'Log, inference optimization
        "u15-weng-smoothquant": lambda: _u15_smoothquant(inverse_on_x=True),
        "u15-weng-smoothquant~no-inverse": lambda: _u15_smoothquant(inverse_on_x=False),
        "u15-weng-smoothquant-balance": lambda: all(
            close(a / (a ** mpf("0.5") / b ** mpf("0.5")), a ** mpf("0.5") / b ** mpf("0.5") * b)
            for a in (mpf(20), mpf("0.3"))
            for b in (mpf("0.05"), mpf(4))
        ),
        "u15-weng-smoothquant-balance~unscaled": lambda: all(
            close(a / (a ** mpf("0.5") / b ** mpf("0.5")), b)
            for a in (mpf(20), mpf("0.3"))
            for b in (mpf("0.05"), mpf(4))
        ),
        "u15-weng-controller": lambda: all(max(0, u) * c == max(0, u * c) for c in (0, 1) for u in _U15_REAL),
        "u15-weng-controller~min": lambda: all(max(0, u) * c == min(0, u * c) for c in (0, 1) for u in _U15_REAL),
        "u15-weng-capacity": lambda: round(Fraction("1.25") * 2 * Fraction(4096, 32)) == 320,
        "u15-weng-capacity~no-k": lambda: round(Fraction("1.25") * 2 * Fraction(4096, 32)) == 160,
        "u15-weng-topkast": lambda: all(
            abs(t) / D >= abs(t) for D in (mpf("0.1"), mpf("0.5"), mpf(1)) for t in _U15_REAL
        ),
        "u15-weng-topkast~less": lambda: all(
            abs(t) / D <= abs(t) for D in (mpf("0.1"), mpf("0.5"), mpf(1)) for t in _U15_REAL
        ),
        "u15-weng-linformer": lambda: Fraction(4096 * 4096, 4096 * 256) == 16,
        "u15-weng-linformer~squared": lambda: Fraction(4096 * 4096, 4096 * 256) == 256,
    }
)


# ---- unseen16: PyTorch Adafactor, Linear/Bilinear, LSTM, GRU and Dropout docstrings, d2l (anchor boxes, vision
# Transformer, subsampling, GANs, distribution shift), scikit-learn's linear models, Chinchilla and LoRA arithmetic

_U16_REAL = [mpf("-2.5"), mpf("-0.7"), mpf(0), mpf("0.3"), mpf("1.9")]
_U16_PROBS = [mpf("0.05"), mpf("0.3"), mpf("0.5"), mpf("0.85")]


def _u16_min_rho(lr, t):
    """Adafactor's relative step size min(lr, 1/sqrt(t))."""
    return min(lr, 1 / sqrt(t))


def _u16_clip(u, rms, d):
    """Adafactor's update clipping U / max(1, RMS(U)/d)."""
    return u / max(1, rms / d)


def _u16_uniform_variance(k):
    """The variance of U(-sqrt(k), sqrt(k)), by quadrature of x^2 against the density 1/(2 sqrt(k))."""
    a = sqrt(k)
    return quad(lambda x: x**2 / (2 * a), [-a, a])


_U16_A = [[mpf("0.4"), mpf(-1), mpf("2.2")], [mpf("1.5"), mpf("0.3"), mpf(-2)], [mpf("-0.6"), mpf(1), mpf("0.9")]]
_U16_X1 = [mpf("1.2"), mpf(-3), mpf("0.5")]
_U16_X2 = [mpf("-0.4"), mpf(2), mpf("1.1")]


def _u16_bilinear(x, A, y):
    return sum(x[i] * A[i][j] * y[j] for i in range(len(x)) for j in range(len(y)))


def _u16_transpose(A):
    return [[A[j][i] for j in range(len(A))] for i in range(len(A[0]))]


def _u16_rnn_params(gates, input_size, hidden, layers):
    """Weights and two biases of each layer of a PyTorch recurrent network with the given number of gates."""
    total = 0
    for layer in range(layers):
        inp = input_size if layer == 0 else hidden
        total += gates * hidden * inp + gates * hidden * hidden + 2 * gates * hidden
    return total


def _u16_dropout_moments(p, x):
    """Mean and variance of the dropout output, by enumerating the mask: kept (prob 1 - p, scaled) or zeroed."""
    outcomes = [(1 - p, x / (1 - p)), (p, mpf(0))]
    mean_ = sum(w * v for w, v in outcomes)
    second = sum(w * v**2 for w, v in outcomes)
    return mean_, second - mean_**2


def _u16_anchor_boxes_per_pixel(sizes, ratios):
    """The (size, ratio) pairs d2l's multibox_prior generates: those containing the first size or the first ratio."""
    pairs = {(s, ratios[0]) for s in sizes} | {(sizes[0], r) for r in ratios}
    return len(pairs)


def _u16_box_iou(a, b):
    """IoU of two axis-aligned boxes (x1, y1, x2, y2), exactly."""
    iw = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    area = lambda r: (r[2] - r[0]) * (r[3] - r[1])  # noqa: E731
    return Fraction(inter, area(a) + area(b) - inter)


def _u16_fraction(q):
    return mpf(q.numerator) / q.denominator


def _u16_discard(t, f):
    return max(1 - sqrt(t / f), 0)


def _u16_bce(y, o):
    """The discriminator's cross-entropy with D = sigmoid(o), from its definition."""
    d = sigmoid(o)
    return -y * log(d) - (1 - y) * log(1 - d)


def _u16_beta_ratio(h):
    num = 1 / (1 + exp(-h))
    den = exp(-h) / (1 + exp(-h))
    return num / den


_U16_PQ = [[mpf("0.1"), mpf("0.6"), mpf("0.3")], [mpf("0.25"), mpf("0.25"), mpf("0.5")]]
_U16_LOSS = [mpf("1.7"), mpf("-0.4"), mpf("2.9")]


def _u16_ridge_obj(xs, ys, w, alpha):
    return sum((x * w - y) ** 2 for x, y in zip(xs, ys)) + alpha * w**2


_U16_XS = [mpf("0.5"), mpf("-1.2"), mpf("2.0")]
_U16_YS = [mpf("1.1"), mpf("0.3"), mpf("-0.8")]


def _u16_enet_penalty(w, alpha, rho):
    l1 = sum(abs(c) for c in w)
    l2sq = sum(c**2 for c in w)
    return alpha * rho * l1 + alpha * (1 - rho) / 2 * l2sq


_U16_W = [[mpf("0.5"), mpf("-1.5")], [mpf(2), mpf(0), mpf("-0.3")]]


def _u16_logistic_loss(y, s):
    """Binary cross-entropy of a logistic model with score s = X_i w + w_0, from p = 1/(1 + exp(-s))."""
    p = 1 / (1 + exp(-s))
    return -y * log(p) - (1 - y) * log(1 - p)


def _u16_chinchilla(n, d, swap=False):
    e, a, alpha, b, beta = mpf("1.69"), mpf("406.4"), mpf("0.34"), mpf("410.7"), mpf("0.28")
    if swap:
        alpha, beta = beta, alpha
    return e + a / n**alpha + b / d**beta


_U16_N = mpf(70) * 10**9
_U16_D = mpf("1.4") * 10**12


def _u16_matmul(A, B):
    return [[sum(A[i][t] * B[t][j] for t in range(len(B))) for j in range(len(B[0]))] for i in range(len(A))]


_U16_LA = [[mpf("0.3"), mpf(-1), mpf("0.2")], [mpf("1.4"), mpf("0.5"), mpf(-2)]]  # A: r = 2 by k = 3
_U16_LB = [[mpf("0.7"), mpf(-0.2)], [mpf(1), mpf("0.9")], [mpf("-1.1"), mpf("0.4")], [mpf(2), mpf(1)]]  # B: d = 4 by r


CHECKS.update(
    {
        # ---- PyTorch Adafactor: beta2, rho, alpha, clipping and decay from the algorithm as written
        "u16-adafactor-beta-first": lambda: all(1 - mpf(1) ** tau == 0 for tau in (mpf("-0.8"), mpf(-2), mpf(0))),
        "u16-adafactor-beta-first~one": lambda: all(1 - mpf(1) ** tau == 1 for tau in (mpf("-0.8"), mpf(-2))),
        "u16-adafactor-beta-second": lambda: rounds_to(1 - mpf(2) ** mpf("-0.8"), "0.4257"),
        "u16-adafactor-beta-second~power": lambda: rounds_to(1 - mpf(2) ** mpf("-0.8"), "0.5743"),
        "u16-adafactor-rho-hundred": lambda: _u16_min_rho(mpf("0.01"), 100) == mpf("0.01"),
        "u16-adafactor-rho-hundred~inverse": lambda: close(_u16_min_rho(mpf("0.01"), 100), mpf("0.1")),
        "u16-adafactor-alpha": lambda: close(max(mpf(10) ** -3, mpf(10) ** -4) * mpf("0.01"), mpf(10) ** -5),
        "u16-adafactor-alpha~rms": lambda: close(max(mpf(10) ** -3, mpf(10) ** -4) * mpf("0.01"), mpf(10) ** -6),
        "u16-adafactor-clip": lambda: all(
            close(_u16_clip(u, rms, d), u)
            for u in _U16_REAL
            for d in (mpf(1), mpf("2.5"))
            for rms in (mpf(0), d / 3, d)
        ),
        "u16-adafactor-clip~rescaled": lambda: all(
            close(_u16_clip(u, rms, d), d * u / rms)
            for u in (mpf("0.3"), mpf(-2))
            for d in (mpf(1), mpf(3))
            for rms in (d / 2,)
        ),
        "u16-adafactor-decay": lambda: all(
            close(th - g * lam * th, (1 - g * lam) * th)
            for th in _U16_REAL
            for g in (mpf("0.01"), 2)
            for lam in (0, mpf("0.3"))
        ),
        "u16-adafactor-decay~sign": lambda: all(
            close(th - g * lam * th, (1 + g * lam) * th)
            for th in (mpf("1.9"),)
            for g in (mpf("0.01"),)
            for lam in (mpf("0.3"),)
        ),
        # ---- PyTorch Linear and Bilinear: the init bound, its variance by quadrature, the parameter counts
        "u16-linear-bound": lambda: rounds_to(sqrt(mpf(1) / 20), "0.2236"),
        "u16-linear-bound~out": lambda: rounds_to(sqrt(mpf(1) / 20), "0.1826"),
        "u16-linear-variance": lambda: all(close(_u16_uniform_variance(k), k / 3) for k in (mpf("0.05"), mpf(2))),
        "u16-linear-variance~twelve": lambda: all(
            close(_u16_uniform_variance(k), k / 12) for k in (mpf("0.05"), mpf(2))
        ),
        "u16-linear-count": lambda: 30 * 20 + 30 == 630,
        "u16-linear-count~bias-in": lambda: 30 * 20 + 30 == 620,
        "u16-bilinear-count": lambda: 40 * 20 * 30 + 40 == 24040,
        "u16-bilinear-count~bias": lambda: 40 * 20 * 30 + 40 == 24030,
        "u16-bilinear-transpose": lambda: close(
            _u16_bilinear(_U16_X1, _U16_A, _U16_X2), _u16_bilinear(_U16_X2, _u16_transpose(_U16_A), _U16_X1)
        ),
        "u16-bilinear-transpose~no-transpose": lambda: close(
            _u16_bilinear(_U16_X1, _U16_A, _U16_X2), _u16_bilinear(_U16_X2, _U16_A, _U16_X1)
        ),
        # ---- PyTorch LSTM and GRU: parameter counts layer by layer, the gate equations at their limits
        "u16-lstm-layer0": lambda: _u16_rnn_params(4, 10, 20, 1) == 2560,
        "u16-lstm-layer0~one-bias": lambda: _u16_rnn_params(4, 10, 20, 1) == 4 * 20 * 10 + 4 * 20 * 20 + 4 * 20,
        "u16-lstm-keep": lambda: all(1 * c + 0 * g == c for c in _U16_REAL for g in _U16_REAL),
        "u16-lstm-keep~candidate": lambda: all(1 * c + 0 * g == g for c in _U16_REAL for g in _U16_REAL),
        "u16-lstm-bound": lambda: all(
            abs(sigmoid(a) * tanh(c)) < 1 for a in _U16_REAL + [mpf(40)] for c in _U16_REAL + [mpf(40)]
        ),
        "u16-lstm-bound~half": lambda: all(
            abs(sigmoid(a) * tanh(c)) < mpf(1) / 2 for a in (mpf(3),) for c in (mpf(3),)
        ),
        "u16-lstm-cell-grad": lambda: all(
            close(D(lambda c: f * c + i * g, c0), f)
            for f in _U16_PROBS
            for i in (mpf("0.2"),)
            for g in (mpf(-1),)
            for c0 in _U16_REAL
        ),
        "u16-lstm-cell-grad~plus-input": lambda: all(
            close(D(lambda c: f * c + i * g, mpf("0.3")), f + i)
            for f in (mpf("0.5"),)
            for i in (mpf("0.2"),)
            for g in (mpf(-1),)
        ),
        "u16-gru-copy": lambda: all((1 - 1) * n + 1 * h == h for n in _U16_REAL for h in _U16_REAL),
        "u16-gru-copy~new": lambda: all((1 - 1) * n + 1 * h == n for n in _U16_REAL for h in _U16_REAL),
        "u16-gru-layer0": lambda: _u16_rnn_params(3, 10, 20, 1) == 1920,
        "u16-gru-layer0~lstm-gates": lambda: _u16_rnn_params(3, 10, 20, 1) == 2560,
        "u16-gru-reset": lambda: all(
            tanh(w * x + b + 0 * (u * h + c)) == tanh(w * x + b)
            for w, x, b, u, h, c in itertools.product(
                (mpf("0.5"), mpf(-1)), _U16_REAL[:2], (mpf("0.1"),), (mpf(2),), _U16_REAL[2:], (mpf("0.7"),)
            )
        ),
        "u16-gru-reset~bias-kept": lambda: all(
            close(tanh(w * x + b + 0 * (u * h + c)), tanh(w * x + b + c))
            for w, x, b, u, h, c in itertools.product(
                (mpf("0.5"),), (mpf("0.3"),), (mpf("0.1"),), (mpf(2),), (mpf(1),), (mpf("0.7"),)
            )
        ),
        "u16-gru-paper": lambda: all(
            close(u * (1 * h) + c, 1 * (u * h + c)) for u in _U16_REAL for h in _U16_REAL for c in (mpf("0.7"), mpf(-2))
        ),
        "u16-gru-paper~any-gate": lambda: all(
            close(u * (r * h) + c, r * (u * h + c))
            for r in (mpf("0.4"),)
            for u in (mpf(2),)
            for h in (mpf(1),)
            for c in (mpf("0.7"),)
        ),
        # ---- PyTorch Dropout: the scale, and the mean and variance by enumerating the mask
        "u16-dropout-scale": lambda: 1 / (1 - Fraction(1, 2)) == 2,
        "u16-dropout-scale~p": lambda: 1 / (1 - Fraction(1, 2)) == Fraction(1, 2),
        "u16-dropout-mean": lambda: all(
            close(_u16_dropout_moments(p, x)[0], x) for p in [mpf(0)] + _U16_PROBS for x in _U16_REAL
        ),
        "u16-dropout-mean~unscaled": lambda: all(
            close(_u16_dropout_moments(p, x)[0], (1 - p) * x) for p in _U16_PROBS for x in (mpf("1.9"),)
        ),
        "u16-dropout-variance": lambda: all(
            close(_u16_dropout_moments(p, x)[1], p / (1 - p) * x**2) for p in [mpf(0)] + _U16_PROBS for x in _U16_REAL
        ),
        "u16-dropout-variance~bernoulli": lambda: all(
            close(_u16_dropout_moments(p, x)[1], p * x**2) for p in _U16_PROBS for x in (mpf("1.9"),)
        ),
        # ---- d2l anchor boxes: the box's sides, the pairs multibox_prior generates, offsets and IoU
        "u16-anchor-area": lambda: all(
            close(w * s * sqrt(r) * (h * s / sqrt(r)), w * h * s**2)
            for w, h, s, r in itertools.product((mpf(728), mpf(3)), (mpf(561),), (mpf("0.75"), 1), (mpf("0.5"), 2))
        ),
        "u16-anchor-area~ratio": lambda: all(
            close(w * s * sqrt(r) * (h * s / sqrt(r)), w * h * s**2 * r)
            for w, h, s, r in ((mpf(728), mpf(561), mpf("0.5"), 2),)
        ),
        "u16-anchor-ratio": lambda: all(
            close((w * s * sqrt(r)) / (w * s / sqrt(r)), r)
            for w in (mpf(96), mpf(3))
            for s in (mpf("0.25"), 1)
            for r in (mpf("0.5"), 2)
        ),
        "u16-anchor-ratio~any-image": lambda: all(
            close((w * s * sqrt(r)) / (h * s / sqrt(r)), r)
            for w, h in ((mpf(728), mpf(561)),)
            for s in (mpf("0.5"),)
            for r in (1, 2)
        ),
        "u16-anchor-catdog": lambda: 561 * 728 * _u16_anchor_boxes_per_pixel([0.75, 0.5, 0.25], [1, 2, 0.5]) == 2042040,
        "u16-anchor-catdog~all-pairs": lambda: 561 * 728 * 3 * 3 == 2042040,
        "u16-anchor-fewer": lambda: all(
            w * h * _u16_anchor_boxes_per_pixel(list(range(n)), list(range(m))) <= w * h * n * m
            for w in (1, 5)
            for h in (1, 3)
            for n in range(1, 6)
            for m in range(1, 6)
        ),
        "u16-anchor-fewer~more": lambda: all(
            w * h * _u16_anchor_boxes_per_pixel(list(range(n)), list(range(m))) >= w * h * n * m
            for w in (1, 5)
            for h in (1, 3)
            for n in range(1, 6)
            for m in range(1, 6)
        ),
        "u16-anchor-offset-x": lambda: all(
            close(((xb - xa) / wa - 0) / mpf("0.1"), 10 * (xb - xa) / wa)
            for xa in _U16_REAL
            for xb in _U16_REAL
            for wa in (mpf("0.3"), 2)
        ),
        "u16-anchor-offset-x~times": lambda: all(
            close(((xb - xa) / wa - 0) / mpf("0.1"), mpf("0.1") * (xb - xa) / wa)
            for xa in (mpf(0),)
            for xb in (mpf(1),)
            for wa in (mpf(2),)
        ),
        "u16-anchor-offset-w": lambda: all(
            rounds_to((log(2 * wa / wa) - 0) / mpf("0.2"), "3.466") for wa in (mpf("0.3"), 5)
        ),
        "u16-anchor-offset-w~log10": lambda: rounds_to((log(2) - 0) / mpf("0.2"), "1.505"),
        "u16-anchor-iou": lambda: rounds_to(_u16_fraction(_u16_box_iou((0, 0, 2, 2), (1, 1, 3, 3))), "0.143"),
        "u16-anchor-iou~no-overlap-removed": lambda: rounds_to(
            _u16_fraction(_u16_box_iou((0, 0, 2, 2), (1, 1, 3, 3))), "0.125"
        ),
        # ---- d2l vision Transformer: patches counted by tiling the image
        "u16-vit-patches": lambda: len([(i, j) for i in range(0, 96, 16) for j in range(0, 96, 16)]) == 36,
        "u16-vit-patches~side": lambda: len([(i, j) for i in range(0, 96, 16) for j in range(0, 96, 16)]) == 6,
        "u16-vit-flat": lambda: len([(ch, a, b) for ch in range(3) for a in range(16) for b in range(16)]) == 768,
        "u16-vit-flat~no-channels": lambda: (
            len([(ch, a, b) for ch in range(3) for a in range(16) for b in range(16)]) == 256
        ),
        "u16-vit-tokens": lambda: len([(i, j) for i in range(0, 96, 16) for j in range(0, 96, 16)]) + 1 == 37,
        "u16-vit-tokens~no-cls": lambda: len([(i, j) for i in range(0, 96, 16) for j in range(0, 96, 16)]) + 1 == 36,
        # ---- d2l subsampling: the discard probability from its definition
        "u16-subsample-rare": lambda: all(
            _u16_discard(t, f) == 0 for t in (mpf(10) ** -4, mpf("0.3")) for f in (t, t / 2, t / 1000)
        ),
        "u16-subsample-rare~no-max": lambda: all(
            close(_u16_discard(t, f), 1 - sqrt(t / f)) for t in (mpf(10) ** -4,) for f in (t / 2, t / 1000)
        ),
        "u16-subsample-the": lambda: close(_u16_discard(mpf(10) ** -4, mpf("0.01")), mpf("0.9")),
        "u16-subsample-the~no-root": lambda: close(_u16_discard(mpf(10) ** -4, mpf("0.01")), mpf("0.99")),
        "u16-subsample-keep": lambda: all(
            close(1 - _u16_discard(t, f), sqrt(t / f)) for t in (mpf(10) ** -4, mpf("0.2")) for f in (t, 3 * t, 50 * t)
        ),
        "u16-subsample-keep~ratio": lambda: all(
            close(1 - _u16_discard(t, f), t / f) for t in (mpf(10) ** -4,) for f in (3 * t, 50 * t)
        ),
        # ---- d2l GANs: the cross-entropy with D = sigmoid(o), from its definition
        "u16-gan-real": lambda: all(close(_u16_bce(1, o), log(1 + exp(-o))) for o in _U16_REAL),
        "u16-gan-real~sign": lambda: all(close(_u16_bce(1, o), log(1 + exp(o))) for o in _U16_REAL),
        "u16-gan-fake": lambda: all(close(_u16_bce(0, o), log(1 + exp(o))) for o in _U16_REAL),
        "u16-gan-fake~negated": lambda: all(close(_u16_bce(0, o), -log(1 + exp(o))) for o in _U16_REAL),
        "u16-gan-generator": lambda: all(close(-(1 - 0) * log(1 - d), -log(1 - d)) for d in _U16_PROBS),
        "u16-gan-generator~label": lambda: all(close(-(1 - 0) * log(1 - d), -log(d)) for d in _U16_PROBS),
        "u16-gan-saturate": lambda: rounds_to(-log(1 - mpf("0.99")), "0"),
        "u16-gan-saturate~rejected": lambda: rounds_to(-log(1 - mpf("0.01")), "0"),
        "u16-gan-half": lambda: close(-log(mpf(1) / 2) - log(1 - mpf(1) / 2), 2 * log(2)),
        "u16-gan-half~one-term": lambda: close(-log(mpf(1) / 2) - log(1 - mpf(1) / 2), log(2)),
        # ---- d2l distribution shift: the odds, the reweighted risk, the label-shift system
        "u16-shift-beta": lambda: all(close(_u16_beta_ratio(h), exp(h)) for h in _U16_REAL),
        "u16-shift-beta~inverse": lambda: all(close(_u16_beta_ratio(h), exp(-h)) for h in _U16_REAL),
        "u16-shift-odds": lambda: all(
            close((p / (p + q)) / (q / (p + q)), p / q) for p in (mpf("0.2"), mpf(3)) for q in (mpf("0.7"), mpf("0.05"))
        ),
        "u16-shift-odds~flipped": lambda: all(
            close((p / (p + q)) / (q / (p + q)), q / p) for p in (mpf("0.2"), mpf(3)) for q in (mpf("0.7"), mpf("0.05"))
        ),
        "u16-shift-reweight": lambda: close(
            sum(l * p for l, p in zip(_U16_LOSS, _U16_PQ[0])),
            sum(l * q * (p / q) for l, p, q in zip(_U16_LOSS, _U16_PQ[0], _U16_PQ[1])),
        ),
        "u16-shift-reweight~inverse": lambda: close(
            sum(l * p for l, p in zip(_U16_LOSS, _U16_PQ[0])),
            sum(l * q * (q / p) for l, p, q in zip(_U16_LOSS, _U16_PQ[0], _U16_PQ[1])),
        ),
        "u16-shift-label": lambda: (
            _u16_matmul(
                [[Fraction("0.9"), Fraction("0.2")], [Fraction("0.1"), Fraction("0.8")]],
                [[Fraction(1, 2)], [Fraction(1, 2)]],
            )
            == [[Fraction("0.55")], [Fraction("0.45")]]
        ),
        "u16-shift-label~transposed": lambda: (
            _u16_matmul(
                [[Fraction("0.9"), Fraction("0.2")], [Fraction("0.1"), Fraction("0.8")]],
                [[Fraction(1, 2)], [Fraction(1, 2)]],
            )
            == [[Fraction(1, 2)], [Fraction(1, 2)]]
        ),
        # ---- scikit-learn linear models: the ridge derivative by finite differences, the penalties, the loss
        "u16-sk-ridge-grad": lambda: all(
            close(
                D(lambda w: _u16_ridge_obj(_U16_XS, _U16_YS, w, a), w0),
                2 * sum(x * (x * w0 - y) for x, y in zip(_U16_XS, _U16_YS)) + 2 * a * w0,
            )
            for w0 in _U16_REAL
            for a in (mpf(0), mpf("0.7"))
        ),
        "u16-sk-ridge-grad~half-penalty": lambda: all(
            close(
                D(lambda w: _u16_ridge_obj(_U16_XS, _U16_YS, w, a), w0),
                2 * sum(x * (x * w0 - y) for x, y in zip(_U16_XS, _U16_YS)) + a * w0,
            )
            for w0 in (mpf("1.9"),)
            for a in (mpf("0.7"),)
        ),
        "u16-sk-ridge-solution": lambda: Fraction(1 * 1 + 2 * 2, 1**2 + 2**2 + 1) == Fraction(5, 6),
        "u16-sk-ridge-solution~unpenalized": lambda: Fraction(1 * 1 + 2 * 2, 1**2 + 2**2 + 1) == 1,
        "u16-sk-enet-lasso": lambda: all(
            close(_u16_enet_penalty(w, a, 1), a * sum(abs(c) for c in w)) for w in _U16_W for a in (0, mpf("0.4"))
        ),
        "u16-sk-enet-lasso~ridge": lambda: all(
            close(_u16_enet_penalty(w, a, 1), a * sum(abs(c) for c in w) + a / 2 * sum(c**2 for c in w))
            for w in _U16_W
            for a in (mpf("0.4"),)
        ),
        "u16-sk-enet-ridge": lambda: all(
            close(_u16_enet_penalty(w, a, 0), a / 2 * sum(c**2 for c in w)) for w in _U16_W for a in (0, mpf("0.4"))
        ),
        "u16-sk-enet-ridge~no-half": lambda: all(
            close(_u16_enet_penalty(w, a, 0), a * sum(c**2 for c in w)) for w in _U16_W for a in (mpf("0.4"),)
        ),
        "u16-sk-logistic": lambda: all(close(_u16_logistic_loss(1, s), log(1 + exp(-s))) for s in _U16_REAL),
        "u16-sk-logistic~sign": lambda: all(close(_u16_logistic_loss(1, s), log(1 + exp(s))) for s in _U16_REAL),
        # ---- Chinchilla: the fitted law, C = 6 N D and the compute-optimal size
        "u16-chin-loss": lambda: rounds_to(_u16_chinchilla(_U16_N, _U16_D), "1.94"),
        "u16-chin-loss~swapped": lambda: rounds_to(_u16_chinchilla(_U16_N, _U16_D, swap=True), "1.94"),
        "u16-chin-compute": lambda: 6 * 70 * 10**9 * Fraction("1.4") * 10**12 == Fraction("5.88") * 10**23,
        "u16-chin-compute~exponent": lambda: 6 * 70 * 10**9 * Fraction("1.4") * 10**12 == Fraction("5.88") * 10**22,
        "u16-chin-200b": lambda: 6 * 200 * 10**9 * 200 * 10**9 == Fraction("2.4") * 10**23,
        "u16-chin-200b~other": lambda: 6 * 30 * 10**9 * Fraction("1.5") * 10**12 == Fraction("2.4") * 10**23,
        "u16-chin-optimal-n": lambda: (
            close(sqrt(mpf("5.88e23") / 120), mpf(7) * 10**10)
            and 6 * 7 * 10**10 * (20 * 7 * 10**10) == Fraction("5.88") * 10**23
        ),
        "u16-chin-optimal-n~six": lambda: close(sqrt(mpf("5.88e23") / 6), mpf(7) * 10**10),
        "u16-chin-substitute": lambda: all(
            close(
                _u16_chinchilla(n, c / (6 * n)) - mpf("1.69") - mpf("406.4") / n ** mpf("0.34"),
                mpf("410.7") * (6 * n / c) ** mpf("0.28"),
            )
            for n in (mpf(10) ** 9, mpf("3.3e10"))
            for c in (mpf(10) ** 21, mpf("5.88e23"))
        ),
        "u16-chin-substitute~inverted": lambda: all(
            close(
                _u16_chinchilla(n, c / (6 * n)) - mpf("1.69") - mpf("406.4") / n ** mpf("0.34"),
                mpf("410.7") * (c / (6 * n)) ** mpf("0.28"),
            )
            for n in (mpf(10) ** 9,)
            for c in (mpf(10) ** 21,)
        ),
        # ---- LoRA and fine-tuning arithmetic: the counts built from the shapes, the memory from bytes
        "u16-dojo-trainable": lambda: rounds_to(mpf(4194304) / 6742609920 * 100, "0.0622"),
        "u16-dojo-trainable~fraction": lambda: rounds_to(mpf(4194304) / 6742609920 * 100, "0.622"),
        "u16-dojo-count": lambda: sum(4096 * 8 + 8 * 4096 for _layer in range(32) for _proj in ("q", "v")) == 4194304,
        "u16-dojo-count~one-factor": lambda: (
            sum(4096 * 8 + 8 * 4096 for _layer in range(32) for _proj in ("q", "v")) == 32 * 2 * 4096 * 8
        ),
        "u16-dojo-memory": lambda: 7 * 10**9 * (2 + 2 + 2 * 4) == 84 * 10**9,
        "u16-dojo-memory~one-moment": lambda: 7 * 10**9 * (2 + 2 + 2 * 4) == 7 * 10**9 * (2 + 2 + 4),
        "u16-dojo-init": lambda: all(v == 0 for row in _u16_matmul([[0] * 2 for _ in range(4)], _U16_LA) for v in row),
        "u16-dojo-init~nonzero": lambda: all(v == 0 for row in _u16_matmul(_U16_LB, _U16_LA) for v in row),
        "u16-dojo-scale": lambda: Fraction(16, 8) == 2,
        "u16-dojo-scale~inverted": lambda: Fraction(16, 8) == Fraction(1, 2),
        "u16-fde-weights": lambda: 70 * 10**9 * 2 == 140 * 10**9,
        "u16-fde-weights~fp32": lambda: 70 * 10**9 * 2 == 70 * 10**9 * 4,
        "u16-fde-total": lambda: 140 + 3 * 140 == 560,
        "u16-fde-total~no-weights": lambda: 140 + 3 * 140 == 3 * 140,
        "u16-fde-lora-share": lambda: Fraction(35 * 10**6, 7 * 10**9) * 100 == Fraction(1, 2),
        "u16-fde-lora-share~five": lambda: Fraction(35 * 10**6, 7 * 10**9) * 100 == 5,
        "u16-af-matrix": lambda: rounds_to(mpf(4096 * 4096) / 10**6, "16.7"),
        "u16-af-matrix~rounded": lambda: rounds_to(mpf(4096 * 4096) / 10**6, "16.8"),
        "u16-af-adapter": lambda: 7 * 10**9 * 2 == 14 * 10**9,
        "u16-af-adapter~bytes": lambda: 7 * 10**9 * 2 == 7 * 10**9 * 1,
    }
)


# ---- unseen17: Lil'Log (scaling laws, the Transformer family v2, NTK, meta-learning, why we think, data
# generation), PyTorch's MultiMarginLoss and MultiLabelMarginLoss docstrings, d2l (backpropagation, autograd,
# queries/keys/values, sequence models)

_U17_SIZES = [(mpf(2), mpf(3), mpf(5), mpf(7)), (mpf(12), mpf(768), mpf(768), mpf(3072)), (mpf(1), mpf("0.5"), 4, 9)]
_U17_FIT = [  # (A, B, C, alpha, beta, N)
    (mpf(406), mpf(411), mpf("1e21"), mpf("0.34"), mpf("0.28"), mpf("7e9")),
    (mpf("2.5"), mpf(7), mpf(3000), mpf("0.9"), mpf("0.4"), mpf(11)),
]
_U17_EMBED = [  # (N_E, C_E, A, B, alpha, beta, omega)
    (mpf(5000), mpf("1e9"), mpf(400), mpf(410), mpf("0.34"), mpf("0.28"), mpf(30)),
    (mpf("2.5"), mpf(40), mpf(3), mpf("0.7"), mpf("0.6"), mpf("1.3"), mpf("0.4")),
]


def _u17_params(nl, dm, da, dff):
    return nl * dm * 3 * da + nl * da * dm + nl * 2 * dm * dff


def _u17_cfwd(nl, dm, nctx):
    da, de, dff = dm, dm, 4 * dm
    return 2 * nl * (dm * 3 * da + nctx * da + da * de + 2 * dm * dff)


def _u17_loss_nd(A, B, E, alpha, beta, N, D):
    return A / N**alpha + B / D**beta + E


def _u17_nopt(A, B, C, alpha, beta):
    return (alpha * A / (beta * B)) ** (1 / (alpha + beta)) * (C / 6) ** (beta / (alpha + beta))


def _u17_embed_loss(ne, ce, A, B, alpha, beta, omega, E=mpf("1.7")):
    return A * (ne + omega * ne ** (mpf(1) / 3)) ** (-alpha) + B * (ce / 6) ** (-beta) * ne**beta + E


def _u17_embed_deriv(ne, ce, A, B, alpha, beta, omega, third=True):
    inner = 1 + (omega / 3 if third else omega) * ne ** (-mpf(2) / 3)
    return -alpha * A * (ne + omega * ne ** (mpf(1) / 3)) ** (-alpha - 1) * inner + beta * B * (ce / 6) ** (
        -beta
    ) * ne ** (beta - 1)


def _u17_rot(angle):
    return mat([[mp.cos(angle), -mp.sin(angle)], [mp.sin(angle), mp.cos(angle)]])


_U17_WQ = mat([[1, 2], [-0.5, 3]])
_U17_WK = mat([[0.3, -1.1], [2.2, 0.7]])
_U17_XI, _U17_XJ = col([0.4, -1.3]), col([1.7, 0.2])


def _u17_rope(transpose_wq):
    theta = mpf("0.37")
    for i, j in ((1, 4), (3, 2), (0, 5)):
        lhs = scalar((_u17_rot(i * theta) * _U17_WQ * _U17_XI).T * (_u17_rot(j * theta) * _U17_WK * _U17_XJ))
        wq = _U17_WQ.T if transpose_wq else _U17_WQ
        rhs = scalar(_U17_XI.T * wq * _u17_rot((j - i) * theta) * _U17_WK * _U17_XJ)
        if not close(lhs, rhs):
            return False
    return True


def _u17_abs_position(duplicate_content):
    xi, xj, pi_, pj = mat([[0.4, -1.3, 2]]), mat([[1.7, 0.2, -0.6]]), mat([[0.5, 0.5, -1]]), mat([[-2, 0.1, 0.9]])
    wq, wk = mat([[1, 2], [-0.5, 3], [0.7, -0.2]]), mat([[0.3, -1.1], [2.2, 0.7], [-1, 0.4]])
    lhs = (xi + pi_) * wq * ((xj + pj) * wk).T
    second = xj if duplicate_content else pj
    rhs = xi * wq * wk.T * xj.T + xi * wq * wk.T * second.T + pi_ * wq * wk.T * xj.T + pi_ * wq * wk.T * pj.T
    return close(lhs, rhs)


def _u17_reversible(sign):
    F = lambda t: mp.sin(t) + t**2  # noqa: E731 - the residual functions of the check
    G = lambda t: exp(t / 3) - 2 * t  # noqa: E731
    for x1, x2 in ((mpf("0.3"), mpf("-1.2")), (mpf(2), mpf("0.7"))):
        y1 = x1 + F(x2)
        y2 = x2 + G(y1)
        x2_back = y2 + sign * G(y1)
        if not (close(x2_back, x2) and close(y1 - F(x2_back), x1)):
            return False
    return True


def _u17_rfa_split(with_exp):
    x, y, s = vec([0.3, -1.2, 0.5]), vec([1.1, 0.4, -0.8]), mpf("1.3")
    diff_sq = sum((a - b) ** 2 for a, b in zip(x, y))
    last = exp(-diff_sq / (2 * s**2)) if with_exp else -diff_sq / (2 * s**2)
    rhs = exp(norm(x) ** 2 / (2 * s**2)) * exp(norm(y) ** 2 / (2 * s**2)) * last
    return close(exp(dot(x, y) / s**2), rhs)


def _u17_ntk_kernel(scale_sqrt):
    n0, beta, b = 3, mpf("0.7"), mpf("0.2")
    w = vec([0.5, -1.1, 2])
    for x, xp in ((vec([1, 2, -0.5]), vec([0.3, -0.4, 1.5])), (vec([-2, 0.1, 0.6]), vec([0.9, 0.9, -1]))):

        def f(xx, ww, bb):
            return dot(ww, xx) / sqrt(n0) + beta * bb

        gw, gwp = grad(lambda ww: f(x, ww, b), w), grad(lambda ww: f(xp, ww, b), w)
        gb, gbp = diff(lambda bb: f(x, w, bb), b), diff(lambda bb: f(xp, w, bb), b)
        kernel = dot(gwp, gw) + gbp * gb
        factor = 1 / sqrt(n0) if scale_sqrt else mpf(1) / n0
        if not close(kernel, factor * dot(x, xp) + beta**2):
            return False
    return True


def _u17_taylor(divide_by_factorial):
    for f, derivs, a, x in ((exp, lambda i, a: exp(a), mpf("0.2"), mpf("0.7")), (mp.sin, None, mpf(0), mpf("0.5"))):
        total = f(a)
        for i in range(1, 80):
            di = derivs(i, a) if derivs else mp.sin(a + i * pi / 2)
            total += di / (factorial(i) if divide_by_factorial else i) * (x - a) ** i
        if not close(total, f(x)):
            return False
    return True


_U17_JOINT3 = {  # p(x, z, y): x in {0, 1}, z in {0, 1, 2}, y in {0, 1}, all positive
    k: mpf(v) / 120
    for k, v in zip(itertools.product(range(2), range(3), range(2)), [3, 9, 14, 2, 7, 5, 11, 4, 6, 13, 8, 38])
}


def _u17_marginal(condition_on_y):
    for x in range(2):
        px = sum(v for (xx, _, _), v in _U17_JOINT3.items() if xx == x)
        for y in range(2):
            lhs = sum(_U17_JOINT3[(x, z, y)] / px for z in range(3))
            rhs = 0
            for z in range(3):
                pxz = _U17_JOINT3[(x, z, 0)] + _U17_JOINT3[(x, z, 1)]
                p_y_given_zx = _U17_JOINT3[(x, z, y)] / pxz
                pxy = sum(_U17_JOINT3[(x, zz, y)] for zz in range(3))
                p_z = _U17_JOINT3[(x, z, y)] / pxy if condition_on_y else pxz / px
                rhs += p_z * p_y_given_zx
            if not close(log(lhs), log(rhs)):
                return False
    return True


def _u17_importance(x_given_z):
    q = {0: mpf("0.2"), 1: mpf("0.5"), 2: mpf("0.3")}
    for x in range(2):
        px = sum(v for (xx, _, _), v in _U17_JOINT3.items() if xx == x)
        for z in range(3):
            pzx = _U17_JOINT3[(x, z, 0)] + _U17_JOINT3[(x, z, 1)]
            pz = sum(_U17_JOINT3[(xx, z, y)] for xx in range(2) for y in range(2))
            first = pzx / pz if x_given_z else pzx / px
            if not close(pzx / q[z], first * pz / q[z]):
                return False
    return True


_U17_T = [
    [mpf("0.8"), mpf("0.15"), mpf("0.05")],
    [mpf("0.1"), mpf("0.7"), mpf("0.2")],
    [mpf("0.3"), mpf("0.3"), mpf("0.4")],
]
_U17_PHAT = vec(["0.5", "0.2", "0.3"])


def _u17_transition(transposed):
    """T[i][j] = p(noisy = j | clean = i); C is T by its definition, indexed as the formula writes it."""
    for i in range(3):
        lhs = -log(sum(_U17_T[j][i] * _U17_PHAT[j] for j in range(3)))
        rhs = -log(sum((_U17_T[j][i] if transposed else _U17_T[i][j]) * _U17_PHAT[j] for j in range(3)))
        if not close(lhs, rhs):
            return False
    return True


def _u17_backprop(kind):
    """The gradients of J = l(o) + s for o = W2 h (or of J = l(z) + s, z = W1 x) by finite differences."""
    lam = mpf("0.3")
    W1, W2 = mat([[0.5, -1, 2], [0.3, 0.8, -0.4]]), mat([[1, -0.5], [0.2, 2], [-1.5, 0.7]])  # h=2, d=3; q=3, h=2
    x, h = col([0.4, -1.2, 0.9]), col([1.5, -0.6])
    y = col([0.2, -0.1, 0.8])

    def lo(o):  # a loss of o = W2 h (q = 3 entries)
        return sum((o[k] - y[k]) ** 2 for k in range(3)) + o[0] * o[1]

    def grad_lo(o):
        return col([2 * (o[0] - y[0]) + o[1], 2 * (o[1] - y[1]) + o[0], 2 * (o[2] - y[2])])

    def lz(z):  # a loss of z = W1 x (h = 2 entries)
        return exp(z[0]) + z[0] * z[1] ** 2

    def grad_lz(z):
        return col([exp(z[0]) + z[1] ** 2, 2 * z[0] * z[1]])

    def sreg(w1, w2):
        return lam / 2 * (sum(v**2 for v in w1) + sum(v**2 for v in w2))

    if kind in ("W2", "W2-no-transpose"):
        numeric = mgrad(lambda W: lo(W * h) + sreg(W1, W), W2)
        dJdo = grad_lo(W2 * h)
        if kind == "W2-no-transpose":
            return dJdo.cols == h.rows and close(numeric, dJdo * h + lam * W2)
        return close(numeric, dJdo * h.T + lam * W2)
    if kind in ("h", "h-no-transpose"):
        numeric = col(grad(lambda hh: lo(W2 * col(hh)), [h[0], h[1]]))
        dJdo = grad_lo(W2 * h)
        M = W2 if kind == "h-no-transpose" else W2.T
        return M.cols == dJdo.rows and close(numeric, M * dJdo)
    if kind in ("W1", "W1-order"):
        numeric = mgrad(lambda W: lz(W * x) + sreg(W, W2), W1)
        dJdz = grad_lz(W1 * x)
        if kind == "W1-order":
            return x.T.cols == dJdz.rows and close(numeric, x.T * dJdz + lam * W1)
        return close(numeric, dJdz * x.T + lam * W1)
    raise ValueError(kind)


def _u17_preactivation(multiply):
    z = [mpf("0.3"), mpf("-1.1")]

    def lh(hh):
        return hh[0] ** 3 + 2 * hh[0] * hh[1]

    numeric = grad(lambda zz: lh([tanh(v) for v in zz]), z)
    hv = [tanh(v) for v in z]
    dJdh = [3 * hv[0] ** 2 + 2 * hv[1], 2 * hv[0]]
    dphi = [1 - tanh(v) ** 2 for v in z]
    return close(numeric, [g * d if multiply else g / d for g, d in zip(dJdh, dphi)])


def _u17_joint_binary():
    weights = [5, 1, 7, 3, 2, 8, 4, 10]  # p(x1, x2, x3) on {0, 1}^3, far from independent
    return {k: mpf(w) / 40 for k, w in zip(itertools.product(range(2), repeat=3), weights)}


def _u17_marg(p, fixed):
    """The probability that the variables in ``fixed`` (a dict position -> value) take those values."""
    return sum(v for k, v in p.items() if all(k[i] == b for i, b in fixed.items()))


def _u17_factorization(order):
    p = _u17_joint_binary()
    for k in p:
        x1, x2, x3 = k
        if order == "forward":
            rhs = (
                _u17_marg(p, {0: x1})
                * (_u17_marg(p, {0: x1, 1: x2}) / _u17_marg(p, {0: x1}))
                * (p[k] / _u17_marg(p, {0: x1, 1: x2}))
            )
        elif order == "forward-future":  # P(x1) P(x2 | x3) P(x3)
            rhs = _u17_marg(p, {0: x1}) * (_u17_marg(p, {1: x2, 2: x3}) / _u17_marg(p, {2: x3})) * _u17_marg(p, {2: x3})
        elif order == "reverse":
            rhs = (
                _u17_marg(p, {2: x3})
                * (_u17_marg(p, {1: x2, 2: x3}) / _u17_marg(p, {2: x3}))
                * (p[k] / _u17_marg(p, {1: x2, 2: x3}))
            )
        else:  # reverse with P(x1) in front
            rhs = (
                _u17_marg(p, {0: x1})
                * (_u17_marg(p, {1: x2, 2: x3}) / _u17_marg(p, {2: x3}))
                * (p[k] / _u17_marg(p, {1: x2, 2: x3}))
            )
        if not close(p[k], rhs):
            return False
    return True


_U17_SCORES = [vec([0.3, -1.2, 2.5]), vec([4, 4.5, -3, 0.1, 0])]

CHECKS.update(
    {
        # ---- Lil'Log, scaling laws: the counts, the reduced loss and its optimum from their definitions
        "u17-scal-params-factor": lambda: all(
            close(_u17_params(*p), 2 * p[0] * p[1] * (2 * p[2] + p[3])) for p in _U17_SIZES
        ),
        "u17-scal-params-factor~attn-once": lambda: all(
            close(_u17_params(*p), 2 * p[0] * p[1] * (p[2] + p[3])) for p in _U17_SIZES
        ),
        "u17-scal-params-twelve": lambda: all(
            close(2 * nl * dm * (2 * dm + 4 * dm), 12 * nl * dm**2) for nl, dm, _, _ in _U17_SIZES
        ),
        "u17-scal-params-twelve~eight": lambda: all(
            close(2 * nl * dm * (2 * dm + 4 * dm), 8 * nl * dm**2) for nl, dm, _, _ in _U17_SIZES
        ),
        "u17-scal-cfwd": lambda: all(
            close(_u17_cfwd(nl, dm, n), 2 * nl * (12 * dm**2 + n * dm)) for nl, dm, n, _ in _U17_SIZES
        ),
        "u17-scal-cfwd~ten": lambda: all(
            close(_u17_cfwd(nl, dm, n), 2 * nl * (10 * dm**2 + n * dm)) for nl, dm, n, _ in _U17_SIZES
        ),
        "u17-scal-cfwd-2n": lambda: all(
            close(2 * nl * (12 * dm**2 + n * da), 2 * (12 * nl * dm**2) + 2 * nl * n * da)
            for nl, dm, n, da in _U17_SIZES
        ),
        "u17-scal-cfwd-2n~one-n": lambda: all(
            close(2 * nl * (12 * dm**2 + n * da), 12 * nl * dm**2 + 2 * nl * n * da) for nl, dm, n, da in _U17_SIZES
        ),
        "u17-scal-loss-n": lambda: all(
            close(_u17_loss_nd(A, B, 1, al, be, N, C / (6 * N)), A * N**-al + B * (C / 6) ** -be * N**be + 1)
            for A, B, C, al, be, N in _U17_FIT
        ),
        "u17-scal-loss-n~exponent-sign": lambda: all(
            close(_u17_loss_nd(A, B, 1, al, be, N, C / (6 * N)), A * N**-al + B * (C / 6) ** be * N**be + 1)
            for A, B, C, al, be, N in _U17_FIT
        ),
        "u17-scal-loss-deriv": lambda: all(
            close(
                diff(lambda n: A * n**-al + B * (C / 6) ** -be * n**be, N),
                -al * A * N ** (-al - 1) + be * B * (C / 6) ** -be * N ** (be - 1),
                tol=mpf(10) ** -15,
            )
            for A, B, C, al, be, N in _U17_FIT
        ),
        "u17-scal-loss-deriv~power": lambda: all(
            close(
                diff(lambda n: A * n**-al + B * (C / 6) ** -be * n**be, N),
                -al * A * N ** (-al - 1) + be * B * (C / 6) ** -be * N**be,
                tol=mpf(10) ** -15,
            )
            for A, B, C, al, be, N in _U17_FIT
        ),
        "u17-scal-stationary": lambda: all(
            close(al * A * n ** (-al - 1), be * B * (C / 6) ** -be * n ** (be - 1))
            for A, B, C, al, be, _ in _U17_FIT
            for n in [_u17_nopt(A, B, C, al, be)]
        ),
        "u17-scal-stationary~plus-one": lambda: all(
            close(al * A * n ** (-al + 1), be * B * (C / 6) ** -be * n ** (be - 1))
            for A, B, C, al, be, _ in _U17_FIT
            for n in [_u17_nopt(A, B, C, al, be)]
        ),
        "u17-scal-dopt": lambda: all(
            close(
                C / (6 * _u17_nopt(A, B, C, al, be)),
                (be * B / (al * A)) ** (1 / (al + be)) * (C / 6) ** (al / (al + be)),
            )
            for A, B, C, al, be, _ in _U17_FIT
        ),
        "u17-scal-dopt~ratio": lambda: all(
            close(
                C / (6 * _u17_nopt(A, B, C, al, be)),
                (al * A / (be * B)) ** (1 / (al + be)) * (C / 6) ** (al / (al + be)),
            )
            for A, B, C, al, be, _ in _U17_FIT
        ),
        "u17-scal-embed-ratio": lambda: all(
            close((ne + om * ne ** (mpf(1) / 3)) / ne, 1 + om * ne ** (-mpf(2) / 3)) for ne, *_, om in _U17_EMBED
        ),
        "u17-scal-embed-ratio~third": lambda: all(
            close((ne + om * ne ** (mpf(1) / 3)) / ne, 1 + om * ne ** (-mpf(1) / 3)) for ne, *_, om in _U17_EMBED
        ),
        "u17-scal-embed-limit": lambda: all(
            abs((ne + om * ne ** (mpf(1) / 3)) / ne - 1) < mpf(10) ** -15
            for om in (mpf(30), mpf("0.4"))
            for ne in (mpf(10) ** 30, mpf(10) ** 36)
        ),
        "u17-scal-embed-limit~omega": lambda: all(
            abs((ne + om * ne ** (mpf(1) / 3)) / ne - (1 + om)) < mpf(10) ** -15
            for om in (mpf(30), mpf("0.4"))
            for ne in (mpf(10) ** 30, mpf(10) ** 36)
        ),
        "u17-scal-embed-deriv": lambda: all(
            close(diff(lambda n: _u17_embed_loss(n, *rest), ne), _u17_embed_deriv(ne, *rest), tol=mpf(10) ** -15)
            for ne, *rest in _U17_EMBED
        ),
        "u17-scal-embed-deriv~third": lambda: all(
            close(
                diff(lambda n: _u17_embed_loss(n, *rest), ne),
                _u17_embed_deriv(ne, *rest, third=False),
                tol=mpf(10) ** -15,
            )
            for ne, *rest in _U17_EMBED
        ),
        "u17-scal-repeats": lambda: all(
            close(U * (1 + (Dt / U - 1)), Dt) for U, Dt in ((mpf(100), mpf(400)), (mpf("3e9"), mpf("1e10")))
        ),
        "u17-scal-repeats~no-one": lambda: all(
            close(U * (Dt / U - 1), Dt) for U, Dt in ((mpf(100), mpf(400)), (mpf("3e9"), mpf("1e10")))
        ),
        "u17-scal-effective-data": lambda: all(
            close(U + U * r * (1 - exp(-0 / r)), U * (1 + 0))
            for U in (mpf(100), mpf("3e9"))
            for r in (mpf(15), mpf("0.5"))
        ),
        "u17-scal-effective-data~half-life": lambda: all(
            close(U + U * r * (1 - exp(-0 / r)), U * r) for U in (mpf(100), mpf("3e9")) for r in (mpf(15), mpf("0.5"))
        ),
        "u17-scal-besiroglu-n": lambda: rounds_to(mpf("0.3658") / (mpf("0.3478") + mpf("0.3658")), "0.5126"),
        "u17-scal-besiroglu-n~swapped": lambda: rounds_to(mpf("0.3478") / (mpf("0.3478") + mpf("0.3658")), "0.5126"),
        "u17-scal-besiroglu-d": lambda: rounds_to(mpf("0.3478") / (mpf("0.3478") + mpf("0.3658")), "0.4874"),
        "u17-scal-besiroglu-d~swapped": lambda: rounds_to(mpf("0.3658") / (mpf("0.3478") + mpf("0.3658")), "0.4874"),
        # ---- Lil'Log, the Transformer family v2: matrices and rotations with numbers
        "u17-tf2-abs-position": lambda: _u17_abs_position(duplicate_content=False),
        "u17-tf2-abs-position~term": lambda: _u17_abs_position(duplicate_content=True),
        "u17-tf2-rope-product": lambda: _u17_rope(transpose_wq=False),
        "u17-tf2-rope-relative": lambda: all(
            close(_u17_rot((j - i) * t), _u17_rot(i * t).T * _u17_rot(j * t))
            for t in (mpf("0.37"), mpf("1.9"))
            for i, j in ((1, 4), (3, 2))
        ),
        "u17-tf2-rope-relative~sum": lambda: all(
            close(_u17_rot((j + i) * t), _u17_rot(i * t).T * _u17_rot(j * t))
            for t in (mpf("0.37"), mpf("1.9"))
            for i, j in ((1, 4), (3, 2))
        ),
        "u17-tf2-reversible": lambda: _u17_reversible(-1),
        "u17-tf2-reversible~sign": lambda: _u17_reversible(1),
        "u17-tf2-rfa-exp": lambda: _u17_rfa_split(with_exp=False),
        "u17-tf2-rfa-unit": lambda: all(
            close(exp(1 / (2 * s**2)) * exp(1 / (2 * s**2)) * pp, exp(1 / s**2) * pp)
            for s in (mpf("0.8"), mpf(2))
            for pp in (mpf("0.37"), mpf("-1.2"))
        ),
        "u17-tf2-rfa-unit~half": lambda: all(
            close(exp(1 / (2 * s**2)) * exp(1 / (2 * s**2)) * pp, exp(1 / (2 * s**2)) * pp)
            for s in (mpf("0.8"), mpf(2))
            for pp in (mpf("0.37"), mpf("-1.2"))
        ),
        # ---- Lil'Log, NTK: the ODE, a one-layer kernel and a bias gradient by finite differences
        "u17-ntk-ode-solution": lambda: all(
            close(exp(a * x + c), exp(c) * exp(a * x)) for a, x in _AX for c in (mpf("0.3"), mpf(-2))
        ),
        "u17-ntk-ode-solution~sign": lambda: all(
            close(exp(a * x + c), exp(c) * exp(-a * x)) for a, x in _AX for c in (mpf("0.3"), mpf(-2))
        ),
        "u17-ntk-ode": lambda: all(
            close(diff(lambda t: c * exp(a * t), x), a * c * exp(a * x)) for a, x in _AX for c in (mpf("0.3"), mpf(2))
        ),
        "u17-ntk-ode~sign": lambda: all(
            close(diff(lambda t: c * exp(a * t), x), -a * c * exp(a * x)) for a, x in _AX for c in (mpf("0.3"), mpf(2))
        ),
        "u17-ntk-ode-log": lambda: all(
            close(log(exp(a * x + c)), a * x + c) for a, x in _AX for c in (mpf("0.3"), mpf(-2))
        ),
        "u17-ntk-ode-log~sign": lambda: all(
            close(log(exp(a * x + c)), a * x - c) for a, x in _AX for c in (mpf("0.3"), mpf(-2))
        ),
        "u17-ntk-linear-kernel": lambda: _u17_ntk_kernel(scale_sqrt=False),
        "u17-ntk-linear-kernel~sqrt": lambda: _u17_ntk_kernel(scale_sqrt=True),
        "u17-ntk-bias-grad": lambda: all(
            close(diff(lambda b: mpf("1.4") / sqrt(5) + be * b, mpf("0.2")), be) for be in (mpf("0.7"), mpf(3))
        ),
        "u17-ntk-bias-grad~squared": lambda: all(
            close(diff(lambda b: mpf("1.4") / sqrt(5) + be * b, mpf("0.2")), be**2) for be in (mpf("0.7"), mpf(3))
        ),
        # ---- Lil'Log, meta-learning: the Reptile steps and the Taylor series summed
        "u17-meta-reptile-step": lambda: all(close(t - a * (t - w), (1 - a) * t + a * w) for t, a, w, _ in _ABCX),
        "u17-meta-reptile-step~sign": lambda: all(close(t - a * (t - w), (1 + a) * t + a * w) for t, a, w, _ in _ABCX),
        "u17-meta-theta-two": lambda: all(
            close((t0 - a * g0) - a * g1, t0 - a * g0 - a * g1) and close((t0 - a * g0) - a * g1, t0 - a * (g0 + g1))
            for t0, a, g0, g1 in _ABCX
        ),
        "u17-meta-theta-two~sign": lambda: all(
            close((t0 - a * g0) - a * g1, t0 - a * g0 + a * g1) for t0, a, g0, g1 in _ABCX
        ),
        "u17-meta-reptile-grad": lambda: all(
            close((t0 - (t0 - a * g0 - a * g1)) / a, g0 + g1) for t0, a, g0, g1 in _ABCX
        ),
        "u17-meta-reptile-grad~order": lambda: all(
            close(((t0 - a * g0 - a * g1) - t0) / a, g0 + g1) for t0, a, g0, g1 in _ABCX
        ),
        "u17-meta-taylor": lambda: _u17_taylor(divide_by_factorial=True),
        "u17-meta-taylor~factorial": lambda: _u17_taylor(divide_by_factorial=False),
        # ---- Lil'Log, why we think: the product rule on an enumerated joint distribution
        "u17-think-marginal": lambda: _u17_marginal(condition_on_y=False),
        "u17-think-marginal~condition": lambda: _u17_marginal(condition_on_y=True),
        "u17-think-importance": lambda: _u17_importance(x_given_z=True),
        "u17-think-importance~condition": lambda: _u17_importance(x_given_z=False),
        # ---- Lil'Log, data generation: noisy labels and the generalized cross entropy
        "u17-datagen-noisy-mix": lambda: all(
            close(p * (1 - r1) + (1 - p) * r2, p * (1 - r1 - r2) + r2)
            for p in (mpf("0.1"), mpf("0.65"))
            for r1, r2 in ((mpf("0.2"), mpf("0.05")), (mpf("0.4"), mpf("0.3")))
        ),
        "u17-datagen-noisy-mix~sign": lambda: all(
            close(p * (1 - r1) + (1 - p) * r2, p * (1 - r1 + r2) + r2)
            for p in (mpf("0.1"), mpf("0.65"))
            for r1, r2 in ((mpf("0.2"), mpf("0.05")), (mpf("0.4"), mpf("0.3")))
        ),
        "u17-datagen-transition": lambda: _u17_transition(transposed=True),
        "u17-datagen-transition~transpose": lambda: _u17_transition(transposed=False),
        "u17-datagen-gce-limit": lambda: all(
            abs((1 - f ** mpf("1e-15")) / mpf("1e-15") - (-log(f))) < mpf(10) ** -12 for f in (mpf("0.3"), mpf("0.9"))
        ),
        "u17-datagen-gce-limit~sign": lambda: all(
            abs((1 - f ** mpf("1e-15")) / mpf("1e-15") - log(f)) < mpf(10) ** -12 for f in (mpf("0.3"), mpf("0.9"))
        ),
        "u17-datagen-gce-mae": lambda: all(close((1 - f**1) / 1, 1 - f) for f in (mpf("0.3"), mpf("0.9"))),
        "u17-datagen-gce-mae~half": lambda: all(close((1 - f**1) / 1, (1 - f) / 2) for f in (mpf("0.3"), mpf("0.9"))),
        # ---- PyTorch MultiMarginLoss and MultiLabelMarginLoss: the doctest examples in exact arithmetic
        "u17-multimargin-example": lambda: (
            Fraction("0.25")
            * (
                (1 - (Fraction("0.8") - Fraction("0.1")))
                + (1 - (Fraction("0.8") - Fraction("0.2")))
                + (1 - (Fraction("0.8") - Fraction("0.4")))
            )
            == Fraction("0.325")
        ),
        "u17-multimargin-example~no-mean": lambda: (
            (
                (1 - (Fraction("0.8") - Fraction("0.1")))
                + (1 - (Fraction("0.8") - Fraction("0.2")))
                + (1 - (Fraction("0.8") - Fraction("0.4")))
            )
            == Fraction("0.325")
        ),
        "u17-multimargin-formula": lambda: (
            sum(
                max(Fraction(0), 1 - Fraction("0.8") + xi) for xi in (Fraction("0.1"), Fraction("0.2"), Fraction("0.4"))
            )
            / 4
            == Fraction("0.325")
        ),
        "u17-multimargin-formula~minus": lambda: (
            sum(
                max(Fraction(0), 1 - Fraction("0.8") - xi) for xi in (Fraction("0.1"), Fraction("0.2"), Fraction("0.4"))
            )
            / 4
            == Fraction("0.325")
        ),
        "u17-multilabelmargin-example": lambda: (
            sum(max(Fraction(0), 1 - (Fraction(t) - Fraction(o))) for t in ("0.8", "0.1") for o in ("0.2", "0.4")) / 4
            == Fraction("0.85")
        ),
        "u17-multilabelmargin-example~sign": lambda: (
            Fraction("0.25")
            * (
                (1 + (Fraction("0.1") - Fraction("0.2")))
                + (1 - (Fraction("0.1") - Fraction("0.4")))
                + (1 - (Fraction("0.8") - Fraction("0.2")))
                + (1 - (Fraction("0.8") - Fraction("0.4")))
            )
            == Fraction("0.85")
        ),
        # ---- d2l backpropagation: every gradient by finite differences on a small network
        "u17-bp-objective": lambda: all(
            close(diff(lambda L: L + s, l0), 1) and close(diff(lambda s_: l0 + s_, s), 1)
            for l0, s in ((mpf("0.7"), mpf("2.1")), (mpf(-3), mpf("0.2")))
        ),
        "u17-bp-objective~s": lambda: all(
            close(diff(lambda L: L + s, l0), 1) and close(diff(lambda s_: l0 + s_, s), 0)
            for l0, s in ((mpf("0.7"), mpf("2.1")), (mpf(-3), mpf("0.2")))
        ),
        "u17-bp-regularizer": lambda: close(
            mgrad(lambda W: mpf("0.3") / 2 * (sum(v**2 for v in W) + 5), mat([[0.5, -1, 2], [0.3, 0.8, -0.4]])),
            mpf("0.3") * mat([[0.5, -1, 2], [0.3, 0.8, -0.4]]),
        ),
        "u17-bp-regularizer~half": lambda: close(
            mgrad(lambda W: mpf("0.3") / 2 * (sum(v**2 for v in W) + 5), mat([[0.5, -1, 2], [0.3, 0.8, -0.4]])),
            mpf("0.3") / 2 * mat([[0.5, -1, 2], [0.3, 0.8, -0.4]]),
        ),
        "u17-bp-output-weights": lambda: _u17_backprop("W2"),
        "u17-bp-output-weights~no-transpose": lambda: _u17_backprop("W2-no-transpose"),
        "u17-bp-hidden": lambda: _u17_backprop("h"),
        "u17-bp-hidden~no-transpose": lambda: _u17_backprop("h-no-transpose"),
        "u17-bp-preactivation": lambda: _u17_preactivation(multiply=True),
        "u17-bp-preactivation~divide": lambda: _u17_preactivation(multiply=False),
        "u17-bp-input-weights": lambda: _u17_backprop("W1"),
        "u17-bp-input-weights~order": lambda: _u17_backprop("W1-order"),
        # ---- d2l autograd
        "u17-autograd-quadratic": lambda: all(
            close(grad(lambda v: 2 * dot(v, v), x), [4 * c for c in x]) for x in (vec([1, -2, 0.5]), vec([0.3, 4]))
        ),
        "u17-autograd-quadratic~two": lambda: all(
            close(grad(lambda v: 2 * dot(v, v), x), [2 * c for c in x]) for x in (vec([1, -2, 0.5]), vec([0.3, 4]))
        ),
        "u17-autograd-sine": lambda: identity(lambda x: diff(mp.sin, x), mp.cos),
        "u17-autograd-sine~sign": lambda: identity(lambda x: diff(mp.sin, x), lambda x: -mp.cos(x)),
        # ---- d2l queries, keys and values: softmax attention weights
        "u17-qkv-convex": lambda: all(close(sum(softmax(a)), 1) for a in _U17_SCORES),
        "u17-qkv-convex~m": lambda: all(close(sum(softmax(a)), len(a)) for a in _U17_SCORES),
        "u17-qkv-nonnegative": lambda: all(w >= 0 for a in _U17_SCORES for w in softmax(a)),
        "u17-qkv-nonnegative~nonpositive": lambda: all(w <= 0 for a in _U17_SCORES for w in softmax(a)),
        "u17-qkv-uniform": lambda: all(
            close(w, mpf(1) / m) for m in (2, 5) for c in (mpf("0.4"), mpf(-3)) for w in softmax([c] * m)
        ),
        "u17-qkv-uniform~minus-one": lambda: all(
            close(w, mpf(1) / (m - 1)) for m in (2, 5) for c in (mpf("0.4"), mpf(-3)) for w in softmax([c] * m)
        ),
        # ---- d2l sequences: the chain rule on an enumerated joint of three binary variables
        "u17-seq-chain-rule": lambda: _u17_factorization("forward"),
        "u17-seq-chain-rule~future": lambda: _u17_factorization("forward-future"),
        "u17-seq-reverse": lambda: _u17_factorization("reverse"),
        "u17-seq-reverse~first": lambda: _u17_factorization("reverse-first"),
    }
)

# ---- unseen18: annotated implementations, Lil'Log on video diffusion and active learning, d2l ----------------

_U18_S = [
    [mpf("0.3"), mpf("-1.2"), mpf("0.8")],
    [mpf("1.5"), mpf("0.1"), mpf("-0.4")],
    [mpf("-0.7"), mpf("2.2"), mpf("0.6")],
]
_U18_V = [vec([1, -0.5]), vec([0.3, 2]), vec([-1.4, 0.7])]  # value row vectors V_j
_U18_DO = [vec([0.6, -1.1]), vec([2, 0.4]), vec([-0.3, 0.9])]  # upstream gradients dO_i


def _u18_attention_output(S):
    """O_i = sum_j softmax(S_i)_j V_j for each query i (one head, scores S)."""
    return [[sum(p * v[c] for p, v in zip(softmax(row), _U18_V)) for c in range(2)] for row in S]


def _u18_flash(kind):
    S, V, dO = _U18_S, _U18_V, _U18_DO
    L = [sum(exp(s) for s in row) for row in S]
    P = [[exp(s) / L[i] for s in row] for i, row in enumerate(S)]
    dP = [[dot(dO[i], V[j]) for j in range(3)] for i in range(3)]
    O = _u18_attention_output(S)
    if kind in ("output", "output-index"):
        for i in range(3):
            rhs = [
                sum(exp(S[i][i] if kind == "output-index" else S[i][j]) * V[j][c] for j in range(3)) / L[i]
                for c in range(2)
            ]
            if not close(O[i], rhs):
                return False
        return True

    def loss(flat):  # l(S) = sum_i dO_i . O_i, whose gradient in S is dS
        Sm = [flat[3 * i : 3 * i + 3] for i in range(3)]
        return sum(dot(dO[i], o) for i, o in enumerate(_u18_attention_output(Sm)))

    dS = grad(loss, [s for row in S for s in row])
    D = [sum(P[i][k] * dP[i][k] for k in range(3)) for i in range(3)]
    for i in range(3):
        for j in range(3):
            numeric = dS[3 * i + j]
            if kind in ("dsoftmax", "dsoftmax-sign"):
                lhs = sum(P[i][k] * ((1 if j == k else 0) - P[i][j]) * dP[i][k] for k in range(3))
                sign = 1 if kind == "dsoftmax-sign" else -1
                rhs = P[i][j] * dP[i][j] + sign * P[i][j] * sum(P[i][k] * dP[i][k] for k in range(3))
                if not (close(lhs, numeric, tol=mpf(10) ** -15) and close(lhs, rhs)):
                    return False
            elif kind in ("ds", "ds-j"):
                d = D[j] if kind == "ds-j" else D[i]
                if not close(numeric, P[i][j] * dP[i][j] - d * P[i][j], tol=mpf(10) ** -15):
                    return False
    if kind in ("d", "d-drop-p"):
        for i in range(3):
            third = (
                dot(dO[i], [sum(V[k][c] for k in range(3)) for c in range(2)])
                if kind == "d-drop-p"
                else dot(dO[i], [sum(P[i][k] * V[k][c] for k in range(3)) for c in range(2)])
            )
            forms = [D[i], sum(P[i][k] * dot(dO[i], V[k]) for k in range(3)), third, dot(dO[i], O[i])]
            if not all(close(forms[0], f) for f in forms[1:]):
                return False
    return True


def _u18_flash_lse():
    """log_2 (l e^m) against log_2 l + m log 2, with log 2 read as ln 2 or as log_2 2 = 1: neither holds."""
    for l_, m_ in ((mpf("2.5"), mpf("1.3")), (mpf("0.7"), mpf("-2"))):
        lhs = log(l_ * exp(m_), 2)
        if not close(lhs, log(l_, 2) + m_ * log(2)) and not close(lhs, log(l_, 2) + m_):
            return False
    return True


_U18_TH = mpf("0.37")
_U18_A = [mpf("0.2"), mpf("0.5"), mpf("0.3"), mpf("0.6")]  # attention weights a_{n,i}, i = 0..3
_U18_V1, _U18_V2 = vec([0.4, -1.3, 2, 0.7]), vec([1.7, 0.2, -0.6, -1.1])


def _u18_rot(x1, x2, angle):
    return x1 * mp.cos(angle) - x2 * mp.sin(angle), x2 * mp.cos(angle) + x1 * mp.sin(angle)


def _u18_vhat():
    return [_u18_rot(_U18_V1[i], _U18_V2[i], i * _U18_TH) for i in range(4)]


def _u18_ohat():
    vh = _u18_vhat()
    return sum(a * v[0] for a, v in zip(_U18_A, vh)), sum(a * v[1] for a, v in zip(_U18_A, vh))


def _u18_roper(kind):
    th, a, v1, v2 = _U18_TH, _U18_A, _U18_V1, _U18_V2
    vh = _u18_vhat()
    o1, o2 = _u18_ohat()
    if kind in ("rotation", "rotation-sign"):
        for m, x1, x2 in ((3, mpf("0.4"), mpf("-1.3")), (-2, mpf("2.1"), mpf("0.5"))):
            R = mat([[mp.cos(m * th), -mp.sin(m * th)], [mp.sin(m * th), mp.cos(m * th)]])
            lhs = R * col([x1, x2])
            s = -1 if kind == "rotation-sign" else 1
            rhs = col([x1 * mp.cos(m * th) - x2 * mp.sin(m * th), x2 * mp.cos(m * th) + s * x1 * mp.sin(m * th)])
            if not close(lhs, rhs):
                return False
        return True
    if kind in ("reverse", "reverse-sign"):
        for n in (1, 3):
            lhs = _u18_rot(o1, o2, -n * th)
            s = -1 if kind == "reverse-sign" else 1
            rhs = (o1 * mp.cos(n * th) + s * o2 * mp.sin(n * th), o2 * mp.cos(n * th) - o1 * mp.sin(n * th))
            if not close(list(lhs), list(rhs)):
                return False
        return True
    n = 2
    if kind in ("first-sum", "first-sum-swap"):
        lhs = o1 * mp.cos(n * th) + o2 * mp.sin(n * th)
        first = mp.sin(n * th) if kind == "first-sum-swap" else mp.cos(n * th)
        rhs = sum(ai * v[0] * first for ai, v in zip(a, vh)) + sum(ai * v[1] * mp.sin(n * th) for ai, v in zip(a, vh))
        return close(lhs, rhs)
    if kind == "expand-m":  # the second sum's angle m: every m, not only m = n
        lhs = sum(ai * v[0] * mp.cos(n * th) for ai, v in zip(a, vh)) + sum(
            ai * v[1] * mp.sin(n * th) for ai, v in zip(a, vh)
        )
        for m in (0, 1, 2, 3):
            rhs = sum(a[i] * (v1[i] * mp.cos(i * th) - v2[i] * mp.sin(i * th)) * mp.cos(n * th) for i in range(4))
            rhs += sum(a[i] * (v2[i] * mp.cos(i * th) + v1[i] * mp.sin(i * th)) * mp.sin(m * th) for i in range(4))
            if not close(lhs, rhs):
                return False
        return True
    if kind in ("angle-difference", "angle-difference-sign"):
        c, s_ = mp.cos, mp.sin
        lhs = sum(a[i] * v1[i] * (c(i * th) * c(n * th) + s_(i * th) * s_(n * th)) for i in range(4))
        lhs += sum(a[i] * v2[i] * (c(i * th) * s_(n * th) - s_(i * th) * c(n * th)) for i in range(4))
        sign = 1 if kind == "angle-difference-sign" else -1
        rhs = sum(a[i] * v1[i] * c((i - n) * th) for i in range(4)) + sign * sum(
            a[i] * v2[i] * s_((i - n) * th) for i in range(4)
        )
        return close(lhs, rhs)
    if kind == "second-term":
        lhs = o2 * mp.cos(n * th) - o1 * mp.sin(n * th)
        rhs = sum(a[i] * v1[i] * mp.cos((i - n) * th) for i in range(4)) + sum(
            a[i] * v2[i] * mp.sin((i - n) * th) for i in range(4)
        )
        return close(lhs, rhs)
    raise ValueError(kind)


_U18_GAMMA = mpf("0.5")
_U18_HORIZON = 260  # gamma^260 < 10^-78: the tail of every sum below is beyond the working precision


def _u18_trajectory():
    """One deterministic trajectory (a legitimate policy and environment): states cycle 0, 1, 2, ..."""
    V = {0: mpf("1.3"), 1: mpf("-0.4"), 2: mpf("2.2")}
    Qa = {0: mpf("0.9"), 1: mpf("0.1"), 2: mpf("-1.5")}  # Q(s_t, a_t) for the action taken in s_t
    rewards = [mpf("0.5"), mpf("-1"), mpf("0.25")]
    return V, Qa, rewards


def _u18_ppo(kind):
    g, V, Qa, r = _U18_GAMMA, *_u18_trajectory()
    T = _U18_HORIZON
    s = [t % 3 for t in range(T + 1)]
    if kind in ("advantage", "advantage-order"):
        A = {k: Qa[k] - V[k] for k in V}
        lhs = sum(g**t * A[s[t]] for t in range(T))
        sign = -1 if kind == "advantage-order" else 1
        return close(lhs, sum(g**t * sign * (Qa[s[t]] - V[s[t]]) for t in range(T)))
    Q = {k: r[k] + g * V[(k + 1) % 3] for k in V}  # deterministic: Q(s_t, a_t) = r_t + gamma V(s_{t+1})
    no_discount = sum(g**t * (r[s[t]] + V[s[t + 1]] - V[s[t]]) for t in range(T))
    if kind == "q-backup":
        return close(sum(g**t * (Q[s[t]] - V[s[t]]) for t in range(T)), no_discount)
    if kind == "telescope":
        return close(no_discount, sum(g**t * r[s[t]] for t in range(T)) - V[s[0]])
    raise ValueError(kind)


def _u18_importance(inverted):
    d = {0: mpf("0.3"), 1: mpf("0.7")}
    pi_new = {0: vec([0.2, 0.5, 0.3]), 1: vec([0.6, 0.1, 0.3])}
    pi_old = {0: vec([0.4, 0.4, 0.2]), 1: vec([0.25, 0.25, 0.5])}
    A = {0: vec([1, -2, 0.5]), 1: vec([-0.3, 1.2, 0.8])}
    lhs = sum(d[s] * pi_new[s][a] * A[s][a] for s in d for a in range(3)) / (1 - _U18_GAMMA)
    ratio = (lambda s, a: pi_old[s][a] / pi_new[s][a]) if inverted else (lambda s, a: pi_new[s][a] / pi_old[s][a])
    rhs = sum(d[s] * pi_old[s][a] * ratio(s, a) * A[s][a] for s in d for a in range(3)) / (1 - _U18_GAMMA)
    return close(lhs, rhs)


_U18_ALPHAS = [vec([2, 3, 1.5]), vec([1.2, 0.7, 4, 2.5])]


def _u18_dirichlet_moment(alpha, powers):
    """E[prod_k p_k^{m_k}] under Dir(alpha): the normalising integral B(alpha + m) / B(alpha)."""

    def log_b(a):
        return sum(mp.loggamma(x) for x in a) - mp.loggamma(sum(a))

    return exp(log_b([a + m for a, m in zip(alpha, powers)]) - log_b(alpha))


def _u18_dir_mean_var(alpha, k):
    e1 = _u18_dirichlet_moment(alpha, [1 if j == k else 0 for j in range(len(alpha))])
    e2 = _u18_dirichlet_moment(alpha, [2 if j == k else 0 for j in range(len(alpha))])
    return e1, e2 - e1**2


def _u18_edl(kind):
    for alpha in _U18_ALPHAS:
        S, K = sum(alpha), len(alpha)
        for k in range(K):
            mean_k, var_k = _u18_dir_mean_var(alpha, k)
            ph = alpha[k] / S
            if kind == "mean" and not close(mean_k, ph):
                return False
            if kind == "mean-plus-one" and not close(mean_k, alpha[k] / (S + 1)):
                return False
            if kind in ("variance", "variance-minus-one"):
                last = ph * (1 - ph) / (S - 1 if kind == "variance-minus-one" else S + 1)
                if not (close(var_k, alpha[k] * (S - alpha[k]) / (S**2 * (S + 1))) and close(var_k, last)):
                    return False
        if kind in ("mse-dirichlet", "mse-dirichlet-s"):
            for y in ([1] + [0] * (K - 1), [0] * (K - 1) + [1]):
                lhs = sum((y[k] - m) ** 2 + v for k, (m, v) in enumerate(_u18_dir_mean_var(alpha, k) for k in range(K)))
                den = S if kind == "mse-dirichlet-s" else S + 1
                rhs = sum((y[k] - alpha[k] / S) ** 2 + alpha[k] / S * (1 - alpha[k] / S) / den for k in range(K))
                if not close(lhs, rhs):
                    return False
        if kind in ("type2", "type2-order"):
            for c in range(K):
                marginal = _u18_dirichlet_moment(alpha, [1 if j == c else 0 for j in range(K)])
                rhs = log(alpha[c]) - log(S) if kind == "type2-order" else log(S) - log(alpha[c])
                if not close(-log(marginal), rhs):
                    return False
    return True


def _u18_bayes_risk():
    """K = 2: E[-log p_1] under Beta(a_1, a_2) by quadrature; the formula takes -log of it."""
    for a1, a2 in ((mpf(2), mpf(3)), (mpf("1.5"), mpf("0.8"))):
        b = mp.beta(a1, a2)
        expected = quad(lambda p: -log(p) * p ** (a1 - 1) * (1 - p) ** (a2 - 1) / b, [0, 1])
        if not close(-log(expected), mp.digamma(a1 + a2) - mp.digamma(a1), tol=mpf(10) ** -15):
            return False
    return True


_U18_EVIDENCE = [vec([0, 3, 1.5]), vec([2, 0.5, 0, 7])]


def _u18_masses(sign):
    for e in _U18_EVIDENCE:
        S = sum(x + 1 for x in e)
        if not close(len(e) / S + sign * sum(x / S for x in e), 1):
            return False
    return True


_U18_PJOINT = {  # a discrete random (p_1, p_2) with its probabilities, for the moment identities
    (mpf("0.1"), mpf("0.7")): mpf("0.2"),
    (mpf("0.5"), mpf("0.3")): mpf("0.5"),
    (mpf("0.8"), mpf("0.05")): mpf("0.3"),
}
_U18_Y = [mpf(1), mpf(0)]


def _u18_e(f):
    return sum(w * f(p) for p, w in _U18_PJOINT.items())


def _u18_moments(kind):
    y = _U18_Y
    Ep = [_u18_e(lambda p, k=k: p[k]) for k in range(2)]
    Ep2 = [_u18_e(lambda p, k=k: p[k] ** 2) for k in range(2)]
    Var = [_u18_e(lambda p, k=k: (p[k] - Ep[k]) ** 2) for k in range(2)]
    if kind in ("second-moment", "second-moment-minus"):
        s = -1 if kind == "second-moment-minus" else 1
        return all(close(Ep2[k], Ep[k] ** 2 + s * Var[k]) for k in range(2))
    if kind in ("linearity", "linearity-jensen"):
        lhs = sum(_u18_e(lambda p, k=k: y[k] ** 2 - 2 * y[k] * p[k] + p[k] ** 2) for k in range(2))
        last = [Ep[k] ** 2 for k in range(2)] if kind == "linearity-jensen" else Ep2
        return close(lhs, sum(y[k] ** 2 - 2 * y[k] * Ep[k] + last[k] for k in range(2)))
    if kind in ("square", "square-plus"):
        lhs = sum(y[k] ** 2 - 2 * y[k] * Ep[k] + Ep[k] ** 2 + Var[k] for k in range(2))
        s = 1 if kind == "square-plus" else -1
        return close(lhs, sum((y[k] + s * Ep[k]) ** 2 + Var[k] for k in range(2)))
    raise ValueError(kind)


def _u18_variance_of_x(sign):
    X = {mpf(-1): mpf("0.2"), mpf("0.5"): mpf("0.5"), mpf(3): mpf("0.3")}
    return close(var(X), expect(X, lambda x: x**2) + sign * mean(X) ** 2)


def _u18_lora(inverse_scale):
    B, A, x = mat([[1, -0.5], [0.2, 2], [-1.5, 0.7]]), mat([[0.3, -1.1, 2], [0.4, 0.9, -0.6]]), mat([[1.2, -0.4, 0.8]])
    alpha, r = mpf(16), mpf(2)  # d = 3, r = 2, k = 3
    lhs = alpha / r * x * (B * A).T
    scale = r / alpha if inverse_scale else alpha / r
    return close(lhs, alpha / r * x * (B * A).T) and close(lhs, scale * x * A.T * B.T)


def _u18_alibi(reversed_biases):
    q, K, m, i = vec([0.5, -1.2]), [vec([1, 0.3]), vec([-0.4, 2]), vec([0.8, 0.8]), vec([-1.5, 0.1])], mpf("0.25"), 4
    scores = [dot(q, k) for k in K]
    left = softmax([s + m * b for s, b in zip(scores, [-(i - 1) + c for c in range(i)])])
    right_biases = list(range(i - 1, -1, -1)) if reversed_biases else list(range(i))
    return close(left, softmax([s + m * b for s, b in zip(scores, right_biases)]))


def _u18_aft(drop_w):
    Q, T = vec([0.4, -0.9]), 3
    K = [vec([0.3, -1]), vec([1.2, 0.5]), vec([-0.7, 0.2])]
    V = [vec([2, -0.5]), vec([-1, 1.5]), vec([0.6, 0.9])]
    w = [mpf("0.1"), mpf("-0.8"), mpf("1.3")]  # w_{t,t'} for the fixed t
    for c in range(2):
        lhs = (
            sigmoid(Q[c])
            * sum(exp(K[u][c] + w[u]) * V[u][c] for u in range(T))
            / sum(exp(K[u][c] + w[u]) for u in range(T))
        )
        den = sum(exp(K[u][c]) * (1 if drop_w else exp(w[u])) for u in range(T))
        rhs = sigmoid(Q[c]) * sum(exp(w[u]) * exp(K[u][c]) * V[u][c] for u in range(T)) / den
        if not close(lhs, rhs):
            return False
    return True


def _u18_xl(term_b_wrong):
    Wq, Wk = mat([[1, 2], [-0.5, 3]]), mat([[0.3, -1.1], [2.2, 0.7]])
    Xq, Xk, Pi, Pj = col([0.4, -1.3]), col([1.7, 0.2]), col([0.5, 0.9]), col([-2, 0.1])
    lhs = scalar((Wq * (Xq + Pi)).T * (Wk * (Xk + Pj)))
    Q, K, UQ, UK = Wq * Xq, Wk * Xk, Wq * Pi, Wk * Pj
    b = scalar(Q.T * (UQ if term_b_wrong else UK))
    return close(lhs, scalar(Q.T * K) + b + scalar(UQ.T * K) + scalar(UQ.T * UK))


_U18_KEYS = [col([0.5, -1.2]), col([1.1, 0.4]), col([-0.3, 0.9])]
_U18_VALS = [col([2, -0.5, 1]), col([-1, 1.5, 0.2]), col([0.6, 0.9, -0.7])]
_U18_QUERY = col([0.8, -0.6])


def _u18_phi(k):
    """An elementwise positive feature map (elu + 1)."""
    return col([x + 1 if x > 0 else exp(x) for x in k])


def _u18_fast_weights(kind):
    ks, vs, q, i = _U18_KEYS, _U18_VALS, _U18_QUERY, 3
    if kind in ("softmax-kernel", "softmax-kernel-denominator"):
        Vm = matrix(3, i)
        for j in range(i):
            for c in range(3):
                Vm[c, j] = vs[j][c]
        lhs = Vm * col(softmax([scalar(k.T * q) for k in ks]))
        kap = [exp(scalar(k.T * q)) for k in ks]
        total = sum(kap)
        rhs = sum(
            ((vs[j] * kap[j]) / (i * kap[j] if kind == "softmax-kernel-denominator" else total) for j in range(i)),
            col([0, 0, 0]),
        )
        return close(lhs, rhs)
    W = [sum((vs[j] * _u18_phi(ks[j]).T for j in range(n)), matrix(3, 2)) for n in range(i + 1)]
    if kind in ("recurrence", "recurrence-minus"):
        s = -1 if kind == "recurrence-minus" else 1
        return all(close(W[n], W[n - 1] + s * vs[n - 1] * _u18_phi(ks[n - 1]).T) for n in range(1, i + 1))
    if kind in ("output", "output-key"):
        fq = _u18_phi(q)
        y = sum((vs[j] * scalar(_u18_phi(ks[j]).T * fq) for j in range(i)), col([0, 0, 0])) / sum(
            scalar(_u18_phi(ks[j]).T * fq) for j in range(i)
        )
        z = sum((_u18_phi(ks[j]) for j in range(i)), col([0, 0]))
        last = _u18_phi(ks[i - 1]) if kind == "output-key" else fq
        return close(y, W[i] * last / scalar(z.T * fq))
    raise ValueError(kind)


def _u18_ddpm_x0(plus):
    x0, eps = vec([0.7, -1.4]), vec([0.3, 2.1])
    for ab in (mpf("0.9"), mpf("0.05")):
        xt = [sqrt(ab) * a + sqrt(1 - ab) * e for a, e in zip(x0, eps)]
        c = sqrt(1 / ab + 1) if plus else sqrt(1 / ab - 1)
        if not close([x / sqrt(ab) - c * e for x, e in zip(xt, eps)], x0):
            return False
    return True


_U18_X, _U18_EPS = vec([0.7, -1.4]), vec([0.3, 2.1])
_U18_SCHED = [(mpf("0.9"), mpf("0.3"), mpf("0.6"), mpf("0.75")), (mpf("0.5"), mpf("1.2"), mpf("0.95"), mpf("0.2"))]


def _u18_video_forward(kind):
    x, et, es = _U18_X, _U18_EPS, vec([-0.8, 0.5])
    for at, st, as_, ss in _U18_SCHED:
        zt = [at * a + st * e for a, e in zip(x, et)]
        zs = [as_ * a + ss * e for a, e in zip(x, es)]
        if kind in ("from-zs", "from-zs-plus"):
            s = 1 if kind == "from-zs-plus" else -1
            rhs = [at * ((z + s * ss * e) / as_) + st * f for z, e, f in zip(zs, es, et)]
        else:
            ratio = as_ / at if kind == "expanded-ratio" else at / as_
            rhs = [ratio * z + st * f - at * ss / as_ * e for z, e, f in zip(zs, es, et)]
        if not close(zt, rhs):
            return False
    return True


def _u18_logsnr(swapped):
    for at, st, as_, ss in _U18_SCHED:
        lt, ls = log(at**2 / st**2), log(as_**2 / ss**2)
        lhs = (1 - at**2 * ss**2 / (st**2 * as_**2)) * st**2
        if not close(lhs, (1 - exp((ls - lt) if swapped else (lt - ls))) * st**2):
            return False
    return True


_U18_PHIS = [mpf("0.3"), mpf("1.1")]


def _u18_vparam(kind):
    x, e = _U18_X, _U18_EPS
    for ph in _U18_PHIS:
        c, s = mp.cos(ph), mp.sin(ph)
        z = [c * a + s * b for a, b in zip(x, e)]
        v = [c * b - s * a for a, b in zip(x, e)]
        if kind in ("velocity", "velocity-sign"):
            numeric = [diff(lambda t, a=a, b=b: mp.cos(t) * a + mp.sin(t) * b, ph) for a, b in zip(x, e)]
            middle = [diff(mp.cos, ph) * a + diff(mp.sin, ph) * b for a, b in zip(x, e)]
            sign = 1 if kind == "velocity-sign" else -1
            last = [c * b + sign * s * a for a, b in zip(x, e)]
            ok = close(numeric, middle, tol=mpf(10) ** -15) and close(numeric, last, tol=mpf(10) ** -15)
        elif kind in ("sinx", "sinx-tan"):
            ratio = s / c if kind == "sinx-tan" else c / s
            ok = close([s * a for a in x], [c * b - w for b, w in zip(e, v)]) and close(
                [s * a for a in x], [ratio * (zz - c * a) - w for zz, a, w in zip(z, x, v)]
            )
        elif kind in ("sin2x", "sin2x-plus"):
            sign = 1 if kind == "sin2x-plus" else -1
            ok = close([s**2 * a for a in x], [c * zz + sign * c**2 * a - s * w for zz, a, w in zip(z, x, v)])
        elif kind in ("x", "x-plus"):
            sign = 1 if kind == "x-plus" else -1
            ok = close(x, [c * zz + sign * s * w for zz, w in zip(z, v)])
        elif kind in ("eps", "eps-swapped"):
            ok = close(
                e,
                [
                    (c if kind == "eps-swapped" else s) * zz + (s if kind == "eps-swapped" else c) * w
                    for zz, w in zip(z, v)
                ],
            )
        elif kind in ("v-target", "v-target-swapped"):
            alpha_t, sigma_t = c, s
            target = (
                [sigma_t * b - alpha_t * a for a, b in zip(x, e)]
                if kind == "v-target-swapped"
                else [alpha_t * b - sigma_t * a for a, b in zip(x, e)]
            )
            ok = close(v, target)
        else:
            raise ValueError(kind)
        if not ok:
            return False
    return True


def _u18_ddim(kind):
    z, vh = vec([0.7, -1.4]), vec([0.3, 2.1])
    for ps, pt in ((mpf("0.3"), mpf("1.1")), (mpf("1.2"), mpf("0.4"))):
        cs, ss, ct, st = mp.cos(ps), mp.sin(ps), mp.cos(pt), mp.sin(pt)
        first = [cs * (ct * a - st * b) + ss * (st * a + ct * b) for a, b in zip(z, vh)]
        collected = [(cs * ct + ss * st) * a + (ss * ct - cs * st) * b for a, b in zip(z, vh)]
        if kind in ("collect", "collect-order"):
            green = (cs * st - ss * ct) if kind == "collect-order" else (ss * ct - cs * st)
            if not close(first, [(cs * ct + ss * st) * a + green * b for a, b in zip(z, vh)]):
                return False
        else:
            angle = (pt - ps) if kind == "angle-reversed" else (ps - pt)
            if not close(collected, [mp.cos(ps - pt) * a + mp.sin(angle) * b for a, b in zip(z, vh)]):
                return False
    return True


def _u18_bald(plus):
    joint = [[mpf("0.1"), mpf("0.25")], [mpf("0.3"), mpf("0.05")], [mpf("0.2"), mpf("0.1")]]  # p(theta, y)
    pt = [sum(r) for r in joint]
    py = [sum(joint[t][y] for t in range(3)) for y in range(2)]
    h_theta = entropy(pt)
    h_theta_given_y = sum(py[y] * entropy([joint[t][y] / py[y] for t in range(3)]) for y in range(2))
    h_y = entropy(py)
    h_y_given_theta = sum(pt[t] * entropy([joint[t][y] / pt[t] for y in range(2)]) for t in range(3))
    return close(h_theta - h_theta_given_y, h_y + (1 if plus else -1) * h_y_given_theta)


CHECKS.update(
    {
        # ---- labml flash attention: the forward identity and the backward pass against finite differences
        "u18-flash-output": lambda: _u18_flash("output"),
        "u18-flash-output~index": lambda: _u18_flash("output-index"),
        "u18-flash-dsoftmax": lambda: _u18_flash("dsoftmax"),
        "u18-flash-dsoftmax~sign": lambda: _u18_flash("dsoftmax-sign"),
        "u18-flash-d": lambda: _u18_flash("d"),
        "u18-flash-d~drop-p": lambda: _u18_flash("d-drop-p"),
        "u18-flash-ds": lambda: _u18_flash("ds"),
        "u18-flash-ds~dj": lambda: _u18_flash("ds-j"),
        "u18-flash-lse": _u18_flash_lse,
        # ---- labml RoPER: rotations of value pairs, numerically
        "u18-roper-rotation": lambda: _u18_roper("rotation"),
        "u18-roper-rotation~sign": lambda: _u18_roper("rotation-sign"),
        "u18-roper-odd": lambda: identity(lambda t: mp.sin(-3 * t), lambda t: -mp.sin(3 * t)),
        "u18-roper-odd~even": lambda: identity(lambda t: mp.sin(-3 * t), lambda t: mp.sin(3 * t)),
        "u18-roper-reverse": lambda: _u18_roper("reverse"),
        "u18-roper-reverse~sign": lambda: _u18_roper("reverse-sign"),
        "u18-roper-first-sum": lambda: _u18_roper("first-sum"),
        "u18-roper-first-sum~swap": lambda: _u18_roper("first-sum-swap"),
        "u18-roper-expand-m": lambda: _u18_roper("expand-m"),
        "u18-roper-angle-difference": lambda: _u18_roper("angle-difference"),
        "u18-roper-angle-difference~sign": lambda: _u18_roper("angle-difference-sign"),
        "u18-roper-second-term": lambda: _u18_roper("second-term"),
        # ---- labml PPO: sums along one deterministic trajectory, and an enumerated importance-sampling step
        "u18-ppo-advantage": lambda: _u18_ppo("advantage"),
        "u18-ppo-advantage~order": lambda: _u18_ppo("advantage-order"),
        "u18-ppo-q-backup": lambda: _u18_ppo("q-backup"),
        "u18-ppo-telescope": lambda: _u18_ppo("telescope"),
        "u18-ppo-importance": lambda: _u18_importance(False),
        "u18-ppo-importance~inverted": lambda: _u18_importance(True),
        # ---- labml evidential deep learning: Dirichlet moments from the normalising integral
        "u18-edl-masses": lambda: _u18_masses(1),
        "u18-edl-masses~minus": lambda: _u18_masses(-1),
        "u18-edl-mean": lambda: _u18_edl("mean"),
        "u18-edl-mean~plus-one": lambda: _u18_edl("mean-plus-one"),
        "u18-edl-second-moment": lambda: _u18_moments("second-moment"),
        "u18-edl-second-moment~minus": lambda: _u18_moments("second-moment-minus"),
        "u18-edl-variance": lambda: _u18_edl("variance"),
        "u18-edl-variance~minus-one": lambda: _u18_edl("variance-minus-one"),
        "u18-edl-mse-linearity": lambda: _u18_moments("linearity"),
        "u18-edl-mse-linearity~jensen": lambda: _u18_moments("linearity-jensen"),
        "u18-edl-mse-square": lambda: _u18_moments("square"),
        "u18-edl-mse-square~plus": lambda: _u18_moments("square-plus"),
        "u18-edl-mse-dirichlet": lambda: _u18_edl("mse-dirichlet"),
        "u18-edl-mse-dirichlet~s": lambda: _u18_edl("mse-dirichlet-s"),
        "u18-edl-type2": lambda: _u18_edl("type2"),
        "u18-edl-type2~order": lambda: _u18_edl("type2-order"),
        "u18-edl-bayes-risk": _u18_bayes_risk,
        # ---- labml LoRA, layer norm, ALiBi, AFT, Transformer XL, fast weights, DDPM sampler
        "u18-lora-transpose": lambda: _u18_lora(False),
        "u18-lora-transpose~inverse-scale": lambda: _u18_lora(True),
        "u18-lora-unit-scale": lambda: all(close(r / r, 1) for r in (mpf(4), mpf(16))),
        "u18-lora-unit-scale~alpha": lambda: all(close(r / r**2, 1) for r in (mpf(4), mpf(16))),
        "u18-ln-variance": lambda: _u18_variance_of_x(-1),
        "u18-ln-variance~plus": lambda: _u18_variance_of_x(1),
        "u18-alibi-shift": lambda: _u18_alibi(False),
        "u18-alibi-shift~reversed": lambda: _u18_alibi(True),
        "u18-alibi-slope": lambda: all(close(1 / mpf(2) ** (mpf(8) / n), mpf(2) ** (-mpf(8) / n)) for n in (1, 8, 12)),
        "u18-alibi-slope~inverted-exponent": lambda: all(
            close(1 / mpf(2) ** (mpf(8) / n), mpf(2) ** (-mpf(n) / 8)) for n in (1, 8, 12)
        ),
        "u18-aft-factor": lambda: _u18_aft(False),
        "u18-aft-factor~denominator": lambda: _u18_aft(True),
        "u18-xl-four-terms": lambda: _u18_xl(False),
        "u18-xl-four-terms~b": lambda: _u18_xl(True),
        "u18-fw-softmax-kernel": lambda: _u18_fast_weights("softmax-kernel"),
        "u18-fw-softmax-kernel~denominator": lambda: _u18_fast_weights("softmax-kernel-denominator"),
        "u18-fw-recurrence": lambda: _u18_fast_weights("recurrence"),
        "u18-fw-recurrence~minus": lambda: _u18_fast_weights("recurrence-minus"),
        "u18-fw-output": lambda: _u18_fast_weights("output"),
        "u18-fw-output~key": lambda: _u18_fast_weights("output-key"),
        "u18-ddpm-x0": lambda: _u18_ddpm_x0(False),
        "u18-ddpm-x0~plus-one": lambda: _u18_ddpm_x0(True),
        # ---- Lil'Log, diffusion models for video: the forward process and the v-parameterization
        "u18-video-zt-from-zs": lambda: _u18_video_forward("from-zs"),
        "u18-video-zt-from-zs~plus": lambda: _u18_video_forward("from-zs-plus"),
        "u18-video-zt-expanded": lambda: _u18_video_forward("expanded"),
        "u18-video-zt-expanded~ratio": lambda: _u18_video_forward("expanded-ratio"),
        "u18-video-logsnr": lambda: _u18_logsnr(False),
        "u18-video-logsnr~swapped": lambda: _u18_logsnr(True),
        "u18-video-velocity": lambda: _u18_vparam("velocity"),
        "u18-video-velocity~sign": lambda: _u18_vparam("velocity-sign"),
        "u18-video-sinx": lambda: _u18_vparam("sinx"),
        "u18-video-sinx~tan": lambda: _u18_vparam("sinx-tan"),
        "u18-video-sin2x": lambda: _u18_vparam("sin2x"),
        "u18-video-sin2x~plus": lambda: _u18_vparam("sin2x-plus"),
        "u18-video-x": lambda: _u18_vparam("x"),
        "u18-video-x~plus": lambda: _u18_vparam("x-plus"),
        "u18-video-eps": lambda: _u18_vparam("eps"),
        "u18-video-eps~swapped": lambda: _u18_vparam("eps-swapped"),
        "u18-video-ddim-collect": lambda: _u18_ddim("collect"),
        "u18-video-ddim-collect~order": lambda: _u18_ddim("collect-order"),
        "u18-video-ddim-angle": lambda: _u18_ddim("angle"),
        "u18-video-ddim-angle~reversed": lambda: _u18_ddim("angle-reversed"),
        "u18-video-v-target": lambda: _u18_vparam("v-target"),
        "u18-video-v-target~swapped": lambda: _u18_vparam("v-target-swapped"),
        # ---- Lil'Log, active learning: BALD's two forms of the mutual information, on an enumerated joint
        "u18-active-bald": lambda: _u18_bald(False),
        "u18-active-bald~plus": lambda: _u18_bald(True),
        # ---- d2l optimization intro: tanh's derivative by finite differences, and its value at 4
        "u18-optintro-tanh-derivative": lambda: identity(lambda x: diff(tanh, x), lambda x: 1 - tanh(x) ** 2),
        "u18-optintro-tanh-derivative~plus": lambda: identity(lambda x: diff(tanh, x), lambda x: 1 + tanh(x) ** 2),
        "u18-optintro-tanh-at-4": lambda: rounds_to(diff(tanh, 4), "0.0013"),
        "u18-optintro-tanh-at-4~digits": lambda: rounds_to(diff(tanh, 4), "0.0031"),
    }
)


# ---- unseen19: Lil'Log posts, d2l sections, labml.ai pages, Distill on Bayesian optimization -----------------------


def _u19_hog_gradient(last):
    """The central differences of the example pixel's neighbours, against the vectors the post writes."""
    right, left, below, above = 55, 105, 90, 40
    computed = [right - left, below - above]
    return computed == [55 - 105, 90 - 40] == [-50, last]


def _u19_kernel(kernel, pixels, written_terms, written):
    """The kernel's products with the pixels it covers, the terms as written, and the written total."""
    terms = [k * x for k, x in zip(kernel, pixels)]
    return terms == written_terms and sum(terms) == written


def _u19_ce(complement):
    for y in (0, 1):
        for p in (mpf("0.2"), mpf("0.7"), mpf("0.93")):
            ce = -y * log(p) - (1 - y) * log(1 - p)
            pt = p if y == 1 else 1 - p
            if not close(ce, -log(1 - pt if complement else pt)):
                return False
    return True


_U19_JOINT = [[mpf("0.1"), mpf("0.25")], [mpf("0.3"), mpf("0.05")], [mpf("0.2"), mpf("0.1")]]  # p(c, x), c rows


def _u19_marginals(joint):
    rows = [sum(r) for r in joint]
    cols = [sum(joint[i][j] for i in range(len(joint))) for j in range(len(joint[0]))]
    return rows, cols


def _u19_bayes(divide_by_prior):
    pc, px = _u19_marginals(_U19_JOINT)
    for c, row in enumerate(_U19_JOINT):
        for x, pcx in enumerate(row):
            rhs = pc[c] * (pcx / pc[c]) / (pc[c] if divide_by_prior else px[x])
            if not close(pcx / px[x], rhs):
                return False
    return True


def _u19_mi(kind):
    """I by its definition on an enumerated joint, against the forms the posts write."""
    pc, px = _u19_marginals(_U19_JOINT)
    cells = [(c, x, p) for c, row in enumerate(_U19_JOINT) for x, p in enumerate(row)]
    mi = sum(p * log(p / (pc[c] * px[x])) for c, x, p in cells)
    if kind in ("cpc", "cpc-marginal"):
        den = (lambda c, x: pc[c]) if kind == "cpc-marginal" else (lambda c, x: px[x])
        return close(mi, sum(p * log((p / pc[c]) / den(c, x)) for c, x, p in cells))
    h_x = entropy(px)
    h_x_given_c = sum(pc[c] * entropy([p / pc[c] for p in row]) for c, row in enumerate(_U19_JOINT))
    return close(mi, h_x + (1 if kind == "plus" else -1) * h_x_given_c)


def _u19_nas(kind):
    alpha = [mpf("0.4"), mpf("-1.1"), mpf("2.3"), mpf("0.6")]
    g = [mpf("1.5"), mpf("-0.7"), mpf("0.2"), mpf("2.4")]  # dL/dg_j
    n, e = len(alpha), [exp(a) for a in alpha]
    s, p = sum(e), softmax(alpha)
    for i in range(n):
        numeric = sum(
            g[j] * diff(lambda t, i=i, j=j: softmax(alpha[:i] + [t] + alpha[i + 1 :])[j], alpha[i]) for j in range(n)
        )
        first = (lambda j: e[i]) if kind == "quotient-index" else (lambda j: e[j])
        quotient = sum(g[j] * (s * ((1 if i == j else 0) * e[j]) - first(j) * e[i]) / s**2 for j in range(n))
        if kind in ("quotient", "quotient-index"):
            if not close(numeric, quotient, tol=mpf(10) ** -15):
                return False
        else:
            sign = 1 if kind == "p-plus" else -1
            written = sum(g[j] * p[j] * ((1 if i == j else 0) + sign * p[i]) for j in range(n))
            if not (close(numeric, quotient, tol=mpf(10) ** -15) and close(quotient, written)):
                return False
    return True


def _u19_darts(logit_denominator):
    alpha = [mpf("0.4"), mpf("-1.1"), mpf("2.3")]
    o = [mpf("0.9"), mpf("-2"), mpf("0.35")]
    mixed = sum(p * v for p, v in zip(softmax(alpha), o))
    den = sum(alpha) if logit_denominator else sum(exp(a) for a in alpha)
    return close(mixed, sum(exp(a) / den * v for a, v in zip(alpha, o)))


_U19_QSZ = [[mpf("0.12"), mpf("0.18"), mpf("0.05")], [mpf("0.3"), mpf("0.1"), mpf("0.25")]]  # q(s, z), s rows


def _u19_skill_reward(kind):
    lam = mpf("0.7")
    qs, qz = _u19_marginals(_U19_QSZ)
    for s, row in enumerate(_U19_QSZ):
        for z, q in enumerate(row):
            s_given_z, z_given_s = q / qz[z], q / qs[s]
            first = lam * log(s_given_z) - log(qs[s])
            if kind in ("bayes", "bayes-inverted"):
                inner = z_given_s * qz[z] / s_given_z if kind == "bayes-inverted" else s_given_z * qz[z] / z_given_s
                if not close(first, lam * log(s_given_z) - log(inner)):
                    return False
                continue
            c = -log(qz[z])
            links = [
                first,
                lam * log(s_given_z) - log(s_given_z * qz[z] / z_given_s),
                lam * log(s_given_z) - log(s_given_z) - log(qz[z]) + log(z_given_s),
                (lam + (1 if kind == "chain-plus-one" else -1)) * log(s_given_z) + log(z_given_s) + c,
            ]
            if not all(close(links[0], v) for v in links[1:]):
                return False
    return True


_U19_SAZ = {  # p(s, a, z) on 2 x 2 x 3 values
    key: mpf(w) / 78
    for key, w in zip(itertools.product(range(2), range(2), range(3)), [3, 7, 2, 5, 9, 4, 6, 1, 8, 11, 13, 9])
}


def _u19_marginal(keep):
    out = {}
    for key, p in _U19_SAZ.items():
        sub = tuple(key[i] for i in keep)
        out[sub] = out.get(sub, 0) + p
    return out


def _u19_cond_entropy(target, given):
    """H(target | given) = -sum p(target, given) log p(target | given), from the enumerated joint."""
    order = sorted(set(target) | set(given))
    both, cond = _u19_marginal(order), _u19_marginal(given)
    return -sum(p * log(p / cond[tuple(key[order.index(i)] for i in given)]) for key, p in both.items())


def _u19_diayn(kind):
    S, A, Z = 0, 1, 2
    h_z, h_z_s = _u19_cond_entropy([Z], []), _u19_cond_entropy([Z], [S])
    h_a_s, h_a_sz = _u19_cond_entropy([A], [S]), _u19_cond_entropy([A], [S, Z])
    p_s, p_z, p_sz, p_sa = _u19_marginal([S]), _u19_marginal([Z]), _u19_marginal([S, Z]), _u19_marginal([S, A])
    i_sz = sum(p * log(p / (p_s[(k[0],)] * p_z[(k[1],)])) for k, p in p_sz.items())
    # I(A; Z | S) = sum p(s, a, z) log p(a, z | s) / (p(a | s) p(z | s))
    i_az_s = sum(p * log(p * p_s[(s,)] / (p_sa[(s, a)] * p_sz[(s, z)])) for (s, a, z), p in _U19_SAZ.items())
    middle = (h_z - h_z_s) + h_a_s - (h_a_s - h_a_sz)
    if kind in ("expand", "expand-sign"):
        written = (h_z + h_z_s if kind == "expand-sign" else h_z - h_z_s) + h_a_s - (h_a_s - h_a_sz)
        return close(i_sz + h_a_s - i_az_s, written)
    sign = 1 if kind == "collect-sign" else -1
    return close(middle, h_a_sz + sign * h_z_s + h_z)


def _u19_meta_gradient(kind):
    """theta(eta), f(theta, eta) and J(theta') chosen smooth; derivatives by finite differences."""

    def theta(eta):
        return mpf("0.3") + mp.sin(eta) * eta

    def f(th, eta):
        return mpf("0.5") * th**2 * eta - mp.cos(eta * th)

    def theta_prime(eta):
        return theta(eta) + f(theta(eta), eta)

    def J(tp):
        return mp.sin(tp) + tp**3 / 3

    beta = mpf("0.25")
    for eta in (mpf("0.4"), mpf("-0.9"), mpf("1.7")):
        if kind in ("chain", "chain-inverted"):
            lhs = -beta * diff(lambda e: J(theta_prime(e)), eta)
            dtp = diff(theta_prime, eta)
            rhs = -beta * diff(J, theta_prime(eta)) * (1 / dtp if kind == "chain-inverted" else dtp)
            if not close(lhs, rhs, tol=mpf(10) ** -15):
                return False
            continue
        th, dth = theta(eta), diff(theta, eta)
        f_th = diff(lambda t: f(t, eta), th)
        f_eta = diff(lambda e: f(th, e), eta)
        g = diff(J, theta_prime(eta))
        lhs = -beta * g * (dth + f_th * dth + f_eta * 1)
        sign = -1 if kind == "collect-minus" else 1
        rhs = -beta * g * ((1 + sign * f_th) * dth + f_eta)
        total = -beta * g * diff(theta_prime, eta)  # the total derivative the links expand
        if not (close(lhs, total, tol=mpf(10) ** -15) and close(lhs, rhs)):
            return False
    return True


def _u19_flip_recovery(no_c):
    """Labels flipped with probability p_flip to one of the other C - 1 classes uniformly, enumerated; then the
    written inverse applied to the observed law."""
    for C in (2, 3, 5):
        weights = [mpf(k + 1) for k in range(C)]
        true = [w / sum(weights) for w in weights]
        for pf in (mpf("0.1"), mpf("0.3")):
            observed = [sum(true[t] * ((1 - pf) if y == t else pf / (C - 1)) for t in range(C)) for y in range(C)]
            den = 1 - (pf if no_c else C * pf) / (C - 1)
            if not all(close(t, (o - pf / (C - 1)) / den) for t, o in zip(true, observed)):
                return False
    return True


def _u19_hessian_inverse():
    """L(z_i, theta) = a_i (theta - b_i)^2 / 2: the mean Hessian is mean(a); the post writes its inverse equal to it."""
    a, b, th = [mpf(1), mpf(3)], [mpf("0.5"), mpf("-2")], mpf("0.8")
    mean_hessian = sum(diff(lambda t, ai=ai, bi=bi: ai * (t - bi) ** 2 / 2, th, 2) for ai, bi in zip(a, b)) / len(a)
    return close(1 / mean_hessian, mean_hessian)


def _u19_sequence_log_likelihood():
    cond = [mpf("0.5"), mpf("0.2"), mpf("0.9")]
    return close(log(cond[0] * cond[1] * cond[2]), sum(cond))


_U19_Q = [mpf("1.2"), mpf("-0.4"), mpf("2.5")]  # Q(s, a) over three actions
_U19_PI = [mpf("0.5"), mpf("0.2"), mpf("0.3")]


def _u19_dueling(kind):
    q, pi_ = _U19_Q, _U19_PI
    if kind in ("sum", "sum-no-pi"):
        v = mpf("0.9")  # any V(s): the links hold for every value once A = Q - V
        adv = [x - v for x in q]
        links = [dot(q, pi_), sum((v + a) * w for a, w in zip(adv, pi_))]
        links.append(v + (sum(adv) if kind == "sum-no-pi" else dot(adv, pi_)))
        return all(close(links[0], x) for x in links[1:])
    v = dot(q, pi_)
    adv = [x - v for x in q]
    return close(sum(adv) if kind == "zero-no-pi" else dot(adv, pi_), 0)


def _u19_optimal_q(P, R, gamma, sweeps=700):
    """Q* by value iteration: P[s][a][t] transition probabilities, R[s][a][t] rewards."""
    n, m = len(P), len(P[0])
    Q = [[mpf(0)] * m for _ in range(n)]
    for _ in range(sweeps):
        V = [max(row) for row in Q]
        Q = [[sum(P[s][a][t] * (R[s][a][t] + gamma * V[t]) for t in range(n)) for a in range(m)] for s in range(n)]
    return Q


def _u19_shaping(plus):
    gamma = mpf("0.8")
    P = [
        [[mpf("0.7"), mpf("0.2"), mpf("0.1")], [mpf("0.1"), mpf("0.1"), mpf("0.8")]],
        [[mpf("0.3"), mpf("0.3"), mpf("0.4")], [mpf("0.5"), mpf("0.25"), mpf("0.25")]],
        [[mpf("0.2"), mpf("0.6"), mpf("0.2")], [mpf("0.05"), mpf("0.9"), mpf("0.05")]],
    ]
    R = [[[mpf((3 * s + 5 * a + 7 * t) % 11 - 5) / 4 for t in range(3)] for a in range(2)] for s in range(3)]
    phi = [mpf("1.5"), mpf("-0.6"), mpf("2.2")]
    shaped = [[[R[s][a][t] + gamma * phi[t] - phi[s] for t in range(3)] for a in range(2)] for s in range(3)]
    Q, Qs = _u19_optimal_q(P, R, gamma), _u19_optimal_q(P, shaped, gamma)
    sign = 1 if plus else -1
    return all(close(Qs[s][a], Q[s][a] + sign * phi[s], tol=mpf(10) ** -30) for s in range(3) for a in range(2))


def _u19_conv(products, written, position):
    """The products as written sum to the written value, and that value is the cross-correlation's output there."""
    X, K = [[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]]
    i, j = position
    output = sum(X[i + a][j + b] * K[a][b] for a in range(2) for b in range(2))
    return sum(x * k for x, k in products) == written == output


def _u19_transposed_size(sign):
    for n, k, s, p in ((16, 4, 2, 1), (7, 3, 1, 0), (5, 5, 3, 2)):
        full = n * k - (n - 1) * (k - s) - 2 * p
        out = (n - 1) * s + k - 2 * p  # the transposed convolution's output size
        if not (full == out == k + sign * s * (n - 1) - 2 * p):
            return False
    return True


def _u19_taylor(third):
    """f(x) = exp(2x): the nested series to 80 terms, with the third coefficient divided by ``third``."""
    for x in (mpf("0.3"), mpf("-1.2")):
        coeffs = [mpf(2) ** k / factorial(k) for k in range(80)]
        coeffs[3] = mpf(2) ** 3 / third
        nested = mpf(0)
        for c in reversed(coeffs):
            nested = c + x * nested
        if not close(nested, exp(2 * x)):
            return False
    return True


def _u19_bpr(sign):
    diffs, prior = [mpf("0.7"), mpf("-0.3"), mpf("1.9")], mpf("0.3")
    product = prior
    for d in diffs:
        product *= sigmoid(d)
    return close(log(product), sum(log(sigmoid(d)) for d in diffs) + sign * log(prior))


def _u19_rbf(x, y, a=mpf("1.3"), ell=mpf("0.7")):
    return a**2 * exp(-((x - y) ** 2) / (2 * ell**2))


_U19_LAW = {mpf(-1): mpf("0.3"), mpf(2): mpf("0.5"), mpf("3.5"): mpf("0.2")}  # a feature with a nonzero mean


def _u19_standardize(kind):
    mu, sigma = mean(_U19_LAW), sqrt(var(_U19_LAW))
    if kind in ("mean", "mean-one"):
        e = sum(p * (x - mu) / sigma for x, p in _U19_LAW.items())
        return close(e, (mu - mu) / sigma) and close(e, 1 if kind == "mean-one" else 0)
    second = sum(p * x**2 for x, p in _U19_LAW.items())
    cross = 1 if kind == "var-cross" else 2
    e = sum(p * (x - mu) ** 2 for x, p in _U19_LAW.items())
    return close(second, sigma**2 + mu**2) and close(e, second - cross * mu**2 + mu**2) and close(e, sigma**2)


def _u19_zipf(sign):
    alpha, C = mpf("1.1"), mpf(300)
    return all(close(log(C / mpf(i) ** alpha), sign * alpha * log(i) + log(C)) for i in range(1, 6))


def _u19_geometric(kind):
    """P(X = k), X the failures before the first success: P(X >= k) - P(X >= k + 1), the first k trials failing."""
    for lam in (mpf("0.3"), mpf("0.75")):
        for k in range(6):
            p = (1 - lam) ** k - (1 - lam) ** (k + 1)
            written = {"pmf": (1 - lam) ** k * lam, "shift": (1 - lam) ** (k - 1) * lam, "swap": lam**k * (1 - lam)}
            if not close(p, written[kind]):
                return False
    return True


def _u19_row_variance(sign):
    row = [mpf("0.3"), mpf("-1.2"), mpf("2"), mpf("0.7")]
    mu = sum(row) / len(row)
    variance = sum((w - mu) ** 2 for w in row) / len(row)
    return close(variance, sum(w**2 for w in row) / len(row) + sign * mu**2)


def _u19_guidance():
    """The code's e_u + s (e_c - e_u) against the docstring's s e_c + (s - 1) e_u."""
    s, e_c, e_u = mpf(3), mpf("0.8"), mpf("-0.2")
    return close(e_u + s * (e_c - e_u), s * e_c + (s - 1) * e_u)


def _u19_expected_improvement(sign):
    """E[max(0, f - f(x^+) - epsilon)] for f ~ N(mu, sd^2), by quadrature, against the closed form."""
    cases = ((mpf("0.4"), mpf("1.3"), mpf("0.1"), mpf("0.05")), (mpf(-1), mpf("0.5"), mpf("0.2"), mpf(0)))
    for mu, sd, best, eps in cases:
        lo = best + eps
        ei = quad(lambda f: (f - lo) * exp(-((f - mu) ** 2) / (2 * sd**2)) / (sd * sqrt(2 * pi)), [lo, mu + 40 * sd])
        z = (mu - best - eps) / sd
        if not close(ei, (mu - best - eps) * mp.ncdf(z) + sign * sd * mp.npdf(z), tol=mpf(10) ** -25):
            return False
    return True


CHECKS.update(
    {
        # ---- Lil'Log object detection 1: the worked gradient of one pixel
        "u19-hog-gradient": lambda: _u19_hog_gradient(50),
        "u19-hog-gradient~entry": lambda: _u19_hog_gradient(40),
        "u19-hog-magnitude": lambda: rounds_to(sqrt(mpf(50) ** 2 + mpf(-50) ** 2), "70.7107"),
        "u19-hog-magnitude~digits": lambda: rounds_to(sqrt(mpf(50) ** 2 + mpf(-50) ** 2), "70.7017"),
        "u19-hog-magnitude~square": lambda: rounds_to(sqrt(mpf(50) ** 2 + mpf(-50)), "70.7107"),
        "u19-hog-direction": lambda: close(mp.degrees(mp.atan(mpf(-50) / 50)), -45),
        "u19-hog-direction~sign": lambda: close(mp.degrees(mp.atan(mpf(-50) / 50)), 45),
        "u19-hog-gx": lambda: _u19_kernel([-1, 0, 1], [105, 255, 55], [-105, 0, 55], -50),
        "u19-hog-gx~sign": lambda: _u19_kernel([-1, 0, 1], [105, 255, 55], [-105, 0, 55], 50),
        "u19-hog-gy": lambda: _u19_kernel([1, 0, -1], [90, 255, 40], [90, 0, -40], 50),
        "u19-hog-gy~plus": lambda: _u19_kernel([1, 0, -1], [90, 255, 40], [90, 0, 40], 50),
        # ---- Lil'Log object detection 4, interpretation: the cross-entropy in p_t, Bayes' rule on a joint table
        "u19-focal-ce-pt": lambda: _u19_ce(False),
        "u19-focal-ce-pt~complement": lambda: _u19_ce(True),
        "u19-interp-bayes": lambda: _u19_bayes(False),
        "u19-interp-bayes~denominator": lambda: _u19_bayes(True),
        # ---- Lil'Log NAS: the softmax's gradient by finite differences
        "u19-nas-softmax-quotient": lambda: _u19_nas("quotient"),
        "u19-nas-softmax-quotient~index": lambda: _u19_nas("quotient-index"),
        "u19-nas-softmax-p": lambda: _u19_nas("p"),
        "u19-nas-softmax-p~plus": lambda: _u19_nas("p-plus"),
        "u19-nas-darts-mixed": lambda: _u19_darts(False),
        "u19-nas-darts-mixed~logit": lambda: _u19_darts(True),
        # ---- Lil'Log curriculum RL and meta RL: Bayes' rule and entropies on enumerated joints; a meta-gradient
        "u19-cur-rz-chain": lambda: _u19_skill_reward("chain"),
        "u19-cur-rz-chain~plus-one": lambda: _u19_skill_reward("chain-plus-one"),
        "u19-cur-rz-bayes": lambda: _u19_skill_reward("bayes"),
        "u19-cur-rz-bayes~inverted": lambda: _u19_skill_reward("bayes-inverted"),
        "u19-cur-mi": lambda: _u19_mi("minus"),
        "u19-cur-mi~plus": lambda: _u19_mi("plus"),
        "u19-metarl-mi-expand": lambda: _u19_diayn("expand"),
        "u19-metarl-mi-expand~sign": lambda: _u19_diayn("expand-sign"),
        "u19-metarl-mi-collect": lambda: _u19_diayn("collect"),
        "u19-metarl-mi-collect~sign": lambda: _u19_diayn("collect-sign"),
        "u19-metarl-chain-rule": lambda: _u19_meta_gradient("chain"),
        "u19-metarl-chain-rule~inverted": lambda: _u19_meta_gradient("chain-inverted"),
        "u19-metarl-collect-identity": lambda: _u19_meta_gradient("collect"),
        "u19-metarl-collect-identity~minus": lambda: _u19_meta_gradient("collect-minus"),
        # ---- Lil'Log self-supervised, human data, adversarial attacks, deep RL, reward hacking
        "u19-cpc-mi": lambda: _u19_mi("cpc"),
        "u19-cpc-mi~marginal": lambda: _u19_mi("cpc-marginal"),
        "u19-hdq-pstar": lambda: _u19_flip_recovery(False),
        "u19-hdq-pstar~no-c": lambda: _u19_flip_recovery(True),
        "u19-hdq-hessian": _u19_hessian_inverse,
        "u19-adv-logp": _u19_sequence_log_likelihood,
        "u19-drl-dueling-sum": lambda: _u19_dueling("sum"),
        "u19-drl-dueling-sum~no-pi": lambda: _u19_dueling("sum-no-pi"),
        "u19-drl-dueling-zero": lambda: _u19_dueling("zero"),
        "u19-drl-dueling-zero~no-pi": lambda: _u19_dueling("zero-no-pi"),
        "u19-shaping-q": lambda: _u19_shaping(False),
        "u19-shaping-q~plus": lambda: _u19_shaping(True),
        # ---- d2l: cross-correlation, transposed convolution sizes, DenseNet's Taylor series, BPR, the RBF kernel
        "u19-conv-19": lambda: _u19_conv([(0, 0), (1, 1), (3, 2), (4, 3)], 19, (0, 0)),
        "u19-conv-19~sum": lambda: _u19_conv([(0, 0), (1, 1), (3, 2), (4, 3)], 18, (0, 0)),
        "u19-conv-25": lambda: _u19_conv([(1, 0), (2, 1), (4, 2), (5, 3)], 25, (0, 1)),
        "u19-conv-25~weight": lambda: _u19_conv([(1, 0), (2, 1), (4, 3), (5, 3)], 25, (0, 1)),
        "u19-conv-37": lambda: _u19_conv([(3, 0), (4, 1), (6, 2), (7, 3)], 37, (1, 0)),
        "u19-conv-37~sum": lambda: _u19_conv([(3, 0), (4, 1), (6, 2), (7, 3)], 38, (1, 0)),
        "u19-conv-43": lambda: _u19_conv([(4, 0), (5, 1), (7, 2), (8, 3)], 43, (1, 1)),
        "u19-conv-43~input": lambda: _u19_conv([(4, 0), (5, 1), (6, 2), (8, 3)], 43, (1, 1)),
        "u19-dcgan-size-symbolic": lambda: _u19_transposed_size(1),
        "u19-dcgan-size-symbolic~sign": lambda: _u19_transposed_size(-1),
        "u19-dcgan-size-numbers": lambda: (4 + 2 * (16 - 1) - 2 * 1) ** 2 == 32 * 32,
        "u19-dcgan-size-numbers~padding": lambda: (4 + 2 * (16 - 1) - 2 * 1) ** 2 == 34 * 34,
        "u19-densenet-taylor": lambda: _u19_taylor(factorial(3)),
        "u19-densenet-taylor~factorial": lambda: _u19_taylor(3),
        "u19-bpr-log": lambda: _u19_bpr(1),
        "u19-bpr-log~prior-sign": lambda: _u19_bpr(-1),
        "u19-gp-symmetric": lambda: close(_u19_rbf(mpf("0.4"), mpf("-1.1")), _u19_rbf(mpf("-1.1"), mpf("0.4"))),
        "u19-gp-symmetric~diagonal": lambda: close(
            _u19_rbf(mpf("0.4"), mpf("-1.1")), _u19_rbf(mpf("-1.1"), mpf("-1.1"))
        ),
        "u19-gp-at-lengthscale": lambda: close(_u19_rbf(mpf("0.2"), mpf("0.9")), mpf("1.3") ** 2 * exp(mpf("-0.5"))),
        "u19-gp-at-lengthscale~one": lambda: close(_u19_rbf(mpf("0.2"), mpf("0.9")), mpf("1.3") ** 2 * exp(-1)),
        # ---- d2l: standardizing a feature (an enumerated law), Zipf's law in logarithms
        "u19-house-mean": lambda: _u19_standardize("mean"),
        "u19-house-mean~one": lambda: _u19_standardize("mean-one"),
        "u19-house-var": lambda: _u19_standardize("var"),
        "u19-house-var~cross": lambda: _u19_standardize("var-cross"),
        "u19-zipf-log": lambda: _u19_zipf(-1),
        "u19-zipf-log~sign": lambda: _u19_zipf(1),
        # ---- labml.ai: PonderNet's geometric prior, a row's variance, classifier-free guidance
        "u19-ponder-geometric": lambda: _u19_geometric("pmf"),
        "u19-ponder-geometric~shift": lambda: _u19_geometric("shift"),
        "u19-ponder-geometric~swap": lambda: _u19_geometric("swap"),
        "u19-ws-variance": lambda: _u19_row_variance(-1),
        "u19-ws-variance~plus": lambda: _u19_row_variance(1),
        "u19-cfg-guidance": _u19_guidance,
        # ---- Distill, Bayesian optimization: expected improvement by quadrature
        "u19-bo-ei": lambda: _u19_expected_improvement(1),
        "u19-bo-ei~minus": lambda: _u19_expected_improvement(-1),
    }
)


# ---- unseen20: d2l worked numbers, Spinning Up, labml.ai DQN/PER/CFR, Lil'Log ODQA, CS231n -------------------------


def _u20_sum_products(pairs, written):
    """The products of the written factor pairs, summed, against the written total."""
    return sum(Fraction(a) * Fraction(b) for a, b in pairs) == written


def _u20_ratio(counts, written):
    """Two ratios are equal when the counts divided by the written parts are one common number."""
    quotients = {Fraction(c, w) for c, w in zip(counts, written)}
    return len(quotients) == 1


_U20_JOINT = [[mpf("0.1"), mpf("0.25"), mpf("0.05")], [mpf("0.3"), mpf("0.15"), mpf("0.15")]]  # P(A = a, B = b)


def _u20_chain_rule(second_factor_is_a):
    pa = [sum(row) for row in _U20_JOINT]
    pb = [sum(_U20_JOINT[a][b] for a in range(2)) for b in range(3)]
    for a in range(2):
        for b in range(3):
            cond = _U20_JOINT[a][b] / pa[a]
            if not close(_U20_JOINT[a][b], cond * (pa[a] if second_factor_is_a else pb[b])):
                return False
    return True


def _u20_policy(theta, s):
    """A softmax policy over three actions whose logits depend on theta and the state."""
    return softmax([theta * (k + 1) * s + (k - 1) ** 2 * theta**2 for k in range(3)])


def _u20_eglp(written):
    """E_{a ~ pi}[d/dtheta log pi(a | s)] by finite differences, against the written value."""
    for theta, s in ((mpf("0.3"), mpf("0.7")), (mpf("-1.1"), mpf("1.9"))):
        probs = _u20_policy(theta, s)
        e = sum(probs[a] * diff(lambda t, a=a: log(_u20_policy(t, s)[a]), theta) for a in range(3))
        if not close(e, written, tol=mpf(10) ** -15):
            return False
    return True


def _u20_dqn(pick):
    """max_a Q(s', a) against Q at the argmax (or argmin) of a table of action values."""
    for q in ([mpf("0.3"), mpf("1.7"), mpf("-0.4")], [mpf(2), mpf("-1"), mpf("0.5"), mpf("2.5")]):
        chosen = max(range(len(q)), key=lambda a: q[a]) if pick == "argmax" else min(range(len(q)), key=lambda a: q[a])
        if not close(max(q), q[chosen]):
            return False
    return True


def _u20_per(kind):
    """The prioritized-replay probabilities and weights of a list of priorities."""
    priorities, alpha, beta = [mpf("0.4"), mpf("2.2"), mpf("1.1"), mpf("0.9")], mpf("0.6"), mpf("0.45")
    n = len(priorities)
    total = sum(p**alpha for p in priorities)
    probs = [p**alpha / total for p in priorities]
    if kind in ("min-p", "min-p-max"):
        numerator = (min if kind == "min-p" else max)(p**alpha for p in priorities)
        return close(min(probs), numerator / total)
    weights = [(1 / (n * pr)) ** beta for pr in probs]
    chosen = min(probs) if kind == "max-w" else max(probs)
    return close(max(weights), (1 / (n * chosen)) ** beta)


def _u20_per_rows(n_leaves):
    """Row i of a binary tree over N leaves (rows from 1 at the root to D) holds 2^{i-1} nodes."""
    depth = 1 + (n_leaves - 1).bit_length()  # ceil(1 + log2 N)
    return all(2 ** (i - 1) == -(-n_leaves // (depth - i + 1)) for i in range(1, depth + 1))


def _u20_cfr(with_reach):
    """sum_t reach_t = sum_a sum_t reach_t sigma_t(a), each sigma_t a distribution over the actions."""
    reach = [mpf("0.3"), mpf("0.8"), mpf("0.15")]
    sigma = [[mpf("0.2"), mpf("0.5"), mpf("0.3")], [mpf("0.6"), mpf("0.1"), mpf("0.3")], [mpf("1") / 3] * 3]
    right = sum(sum((reach[t] if with_reach else 1) * sigma[t][a] for t in range(3)) for a in range(3))
    return close(sum(reach), right)


def _u20_reinforce(kind):
    """The ranker's gradient -d/dtheta sum_z pi(z) L(z), by finite differences, against the three written steps."""
    theta = mpf("0.45")

    def pi(t):
        return softmax([t * k - t**2 * (k - 1) ** 2 for k in range(3)])

    def loss(z, t):
        return (z + 1) * _u20_smooth(t, z)

    grad = diff(lambda t: -sum(p * loss(z, t) for z, p in enumerate(pi(t))), theta)
    probs = pi(theta)
    dpi = [diff(lambda t, z=z: pi(t)[z], theta) for z in range(3)]
    dloss = [diff(lambda t, z=z: loss(z, t), theta) for z in range(3)]
    dlogpi = [diff(lambda t, z=z: log(pi(t)[z]), theta) for z in range(3)]
    product_sign = -1 if kind == "sign" else 1
    step2 = -sum(loss(z, theta) * dpi[z] + product_sign * probs[z] * dloss[z] for z in range(3))
    score = dpi if kind == "no-log" else dlogpi
    step3 = -sum(probs[z] * (loss(z, theta) * score[z] + dloss[z]) for z in range(3))
    return close(grad, step2, tol=mpf(10) ** -15) and close(step2, step3, tol=mpf(10) ** -15)


def _u20_smooth(t, z):
    """A smooth function of theta and an index, used as a loss and as a logit."""
    return exp(t * (z - 1)) + t**2 * z


def _u20_autoregressive(conditioned):
    """A joint law of three binary pixels against the product of its conditionals (or of its marginals)."""
    weights = {
        bits: mpf(1 + bits[0] + 2 * bits[1] * bits[2] + 3 * bits[0] * bits[2])
        for bits in itertools.product((0, 1), repeat=3)
    }
    total = sum(weights.values())
    joint = {b: w / total for b, w in weights.items()}

    def marginal(prefix):
        return sum(p for b, p in joint.items() if b[: len(prefix)] == prefix)

    def single(i, v):
        return sum(p for b, p in joint.items() if b[i] == v)

    for bits, p in joint.items():
        if conditioned:
            product = 1
            for i in range(3):
                product *= marginal(bits[: i + 1]) / marginal(bits[:i])
        else:
            product = single(0, bits[0]) * single(1, bits[1]) * single(2, bits[2])
        if not close(p, product):
            return False
    return True


_U20_PXZ = [[mpf("0.12"), mpf("0.3"), mpf("0.08")], [mpf("0.2"), mpf("0.05"), mpf("0.25")]]  # p(x, z), x in {0, 1}
_U20_Q = [mpf("0.5"), mpf("0.2"), mpf("0.3")]  # q(z | x) for the observed x


def _u20_elbo(bayes_prior_is_x):
    x = 0
    px = sum(_U20_PXZ[x])
    pz = [sum(_U20_PXZ[k][z] for k in range(2)) for z in range(3)]
    lhs = log(px)
    step1 = sum(q * log(px) for q in _U20_Q)
    terms2, terms3 = [], []
    for z, q in enumerate(_U20_Q):
        likelihood, posterior = _U20_PXZ[x][z] / pz[z], _U20_PXZ[x][z] / px
        prior = px if bayes_prior_is_x else pz[z]
        terms2.append(q * log(likelihood * prior / posterior))
        terms3.append(q * log(likelihood * pz[z] * q / (posterior * q)))
    return close(lhs, step1) and close(step1, sum(terms2)) and close(sum(terms2), sum(terms3))


_U20_PXY = [
    [mpf("0.1"), mpf("0.15"), mpf("0.05")],
    [mpf("0.02"), mpf("0.08"), mpf("0.3")],
    [mpf("0.2"), mpf("0.05"), mpf("0.05")],
]


def _u20_inception(kind):
    """exp(E_x KL(p(y|x) || p(y))) against the written second and third steps, on an enumerated joint p(x, y)."""
    px = [sum(row) for row in _U20_PXY]
    py = [sum(_U20_PXY[x][y] for x in range(3)) for y in range(3)]
    kl = sum(
        px[x] * sum((_U20_PXY[x][y] / px[x]) * log(_U20_PXY[x][y] / px[x] / py[y]) for y in range(3)) for x in range(3)
    )
    sign = 1 if kind == "log-sign" else -1
    step2 = sum(_U20_PXY[x][y] * (log(_U20_PXY[x][y] / px[x]) + sign * log(py[y])) for x in range(3) for y in range(3))
    h_y = -sum(p * log(p) for p in py)
    h_y_x = -sum(_U20_PXY[x][y] * log(_U20_PXY[x][y] / px[x]) for x in range(3) for y in range(3))
    step3 = h_y_x - h_y if kind == "entropies" else h_y - h_y_x
    return close(exp(kl), exp(step2)) and close(exp(step2), exp(step3))


def _u20_temperature_jacobian(kind):
    """d/dX_j of softmax(z(X)/T)_i by finite differences, against the written closed form."""
    T, i = mpf("1.7"), 1

    def logits(x):
        return [_u20_smooth(x, 0), x**3 - x, mpf("0.5") * x + 2 * x**2]

    for x0 in (mpf("0.3"), mpf("-0.8")):
        f = diff(lambda x: exp(logits(x)[i] / T) / sum(exp(v / T) for v in logits(x)), x0)
        z = logits(x0)
        dz = [diff(lambda x, k=k: logits(x)[k], x0) for k in range(3)]
        g = sum(exp(v / T) for v in z)
        front = {"T": T, "square": 1 / T, "true": 1 / T}[kind]
        denominator = g if kind == "square" else g**2
        written = front * exp(z[i] / T) / denominator * sum((dz[i] - dz[l]) * exp(z[l] / T) for l in range(3))
        if not close(f, written, tol=mpf(10) ** -15):
            return False
    return True


CHECKS.update(
    {
        # ---- d2l: worked products and sums, counts and sizes, in exact arithmetic
        "u20-channels-56": lambda: _u20_sum_products(
            [(1, 1), (2, 2), (4, 3), (5, 4), (0, 0), (1, 1), (3, 2), (4, 3)], 56
        ),
        "u20-channels-56~total": lambda: _u20_sum_products(
            [(1, 1), (2, 2), (4, 3), (5, 4), (0, 0), (1, 1), (3, 2), (4, 3)], 55
        ),
        "u20-channels-56~factor": lambda: _u20_sum_products(
            [(1, 1), (2, 2), (4, 3), (5, 4), (0, 0), (1, 1), (3, 2), (4, 4)], 56
        ),
        "u20-whyconv-params": lambda: 10**6 * 10**3 == 10**9,
        "u20-whyconv-params~power": lambda: 10**6 * 10**3 == 10**18,
        "u20-googlenet-256": lambda: 64 + 128 + 32 + 32 == 256,
        "u20-googlenet-256~sum": lambda: 64 + 128 + 32 + 32 == 224,
        "u20-googlenet-480": lambda: 128 + 192 + 96 + 64 == 480,
        "u20-googlenet-480~term": lambda: 128 + 192 + 69 + 64 == 480,
        "u20-googlenet-ratio": lambda: _u20_ratio([128, 192, 96, 64], [4, 6, 3, 2]),
        "u20-googlenet-ratio~last": lambda: _u20_ratio([128, 192, 96, 64], [4, 6, 3, 1]),
        "u20-googlenet-reduce": lambda: Fraction(192, 12) == 16,
        "u20-googlenet-reduce~divisor": lambda: Fraction(192, 16) == 16,
        "u20-googlenet-512": lambda: 192 + 208 + 48 + 64 == 512,
        "u20-googlenet-512~term": lambda: 192 + 208 + 28 + 64 == 512,
        "u20-googlenet-528": lambda: 112 + 288 + 64 + 64 == 528,
        "u20-googlenet-528~sum": lambda: 112 + 288 + 64 + 64 == 512,
        "u20-googlenet-832": lambda: 256 + 320 + 128 + 128 == 832,
        "u20-googlenet-832~sum": lambda: 256 + 320 + 128 + 128 == 812,
        "u20-ssd-55": lambda: 5 * (10 + 1) == 55,
        "u20-ssd-55~plus": lambda: 5 * 10 + 1 == 55,
        "u20-ssd-33": lambda: 3 * (10 + 1) == 33,
        "u20-ssd-33~count": lambda: 3 * (10 + 1) == 30,
        "u20-ssd-receptive": lambda: 1 * 2 + (3 - 1) + (3 - 1) == 6,
        "u20-ssd-receptive~bracket": lambda: 1 * 2 + (3 - 1) + (3 + 1) == 6,
        "u20-ssd-base": lambda: Fraction(256, 2**3) == 32,
        "u20-ssd-base~power": lambda: Fraction(256, 2**4) == 32,
        "u20-ssd-scale-1": lambda: rounds_to(sqrt(mpf("0.2") * mpf("0.37")), "0.272"),
        "u20-ssd-scale-1~digits": lambda: rounds_to(sqrt(mpf("0.2") * mpf("0.37")), "0.277"),
        "u20-ssd-scale-2": lambda: rounds_to(sqrt(mpf("0.37") * mpf("0.54")), "0.447"),
        "u20-ssd-scale-2~mean": lambda: rounds_to(sqrt(mpf("0.37") * mpf("0.54")), "0.455"),
        "u20-fcn-10": lambda: Fraction(320 - 64 + 16 * 2 + 32, 32) == 10,
        "u20-fcn-10~padding": lambda: Fraction(320 - 64 + 16 * 3 + 32, 32) == 10,
        "u20-fcn-15": lambda: Fraction(480 - 64 + 16 * 2 + 32, 32) == 15,
        "u20-fcn-15~width": lambda: Fraction(480 - 64 + 16 * 2 + 32, 32) == 16,
        "u20-hw-bytes": lambda: Fraction(4 * 256, 8) == 128,
        "u20-hw-bytes~bits": lambda: Fraction(4 * 256, 8) == 1024,
        "u20-hw-rate": lambda: 2 * 10**9 * 128 == 256 * 10**9,
        "u20-hw-rate~factor": lambda: 2 * 10**9 * 128 == 128 * 10**9,
        "u20-alexnet-perf": lambda: 16 * Fraction(1, 4) == 4,
        "u20-alexnet-perf~fraction": lambda: 16 * Fraction(1, 2) == 4,
        "u20-cnndesign-7": lambda: Fraction(224, 2 ** (1 + 4)) == 7,
        "u20-cnndesign-7~stages": lambda: Fraction(224, 2 ** (1 + 3)) == 7,
        "u20-cnndesign-combos": lambda: 2**17 == 131072,
        "u20-cnndesign-combos~digits": lambda: 2**17 == 131027,
        "u20-sentcnn-1d": lambda: _u20_sum_products([(0, 1), (1, 2)], 2),
        "u20-sentcnn-1d~product": lambda: _u20_sum_products([(0, 1), (1, 3)], 2),
        "u20-sentcnn-3ch": lambda: _u20_sum_products([(0, 1), (1, 2), (1, 3), (2, 4), (2, -1), (3, -3)], 2),
        "u20-sentcnn-3ch~sign": lambda: _u20_sum_products([(0, 1), (1, 2), (1, 3), (2, 4), (2, -1), (3, 3)], 2),
        "u20-sentcnn-2d": lambda: _u20_sum_products([(2, -1), (3, -3), (1, 3), (2, 4), (0, 1), (1, 2)], 2),
        "u20-sentcnn-2d~sign": lambda: _u20_sum_products([(2, 1), (3, -3), (1, 3), (2, 4), (0, 1), (1, 2)], 2),
        "u20-sentcnn-width": lambda: 11 - 4 + 1 == 8,
        "u20-sentcnn-width~sign": lambda: 11 - 4 - 1 == 8,
        "u20-mlpimpl-784": lambda: 28 * 28 == 784,
        "u20-mlpimpl-784~digits": lambda: 28 * 28 == 748,
        # ---- Spinning Up: the chain rule on an enumerated joint, the EGLP lemma by finite differences
        "u20-su-chain-rule": lambda: _u20_chain_rule(True),
        "u20-su-chain-rule~marginal": lambda: _u20_chain_rule(False),
        "u20-su-eglp": lambda: _u20_eglp(0),
        "u20-su-eglp~one": lambda: _u20_eglp(1),
        # ---- labml.ai: DQN's max at the argmax, prioritized replay's extremes and tree rows, CFR's reach sum
        "u20-dqn-argmax": lambda: _u20_dqn("argmax"),
        "u20-dqn-argmax~argmin": lambda: _u20_dqn("argmin"),
        "u20-per-min-p": lambda: _u20_per("min-p"),
        "u20-per-min-p~max": lambda: _u20_per("min-p-max"),
        "u20-per-max-w": lambda: _u20_per("max-w"),
        "u20-per-max-w~max": lambda: _u20_per("max-w-max"),
        "u20-per-row-nodes": lambda: _u20_per_rows(8),
        "u20-cfr-reach": lambda: _u20_cfr(True),
        "u20-cfr-reach~no-reach": lambda: _u20_cfr(False),
        # ---- Lil'Log ODQA: the ranker's gradient by finite differences
        "u20-odqa-reinforce": lambda: _u20_reinforce("true"),
        "u20-odqa-reinforce~no-log": lambda: _u20_reinforce("no-log"),
        "u20-odqa-reinforce~sign": lambda: _u20_reinforce("sign"),
        # ---- CS231n: the chain rule, the evidence and the Inception score on enumerated joints; a softmax's Jacobian
        "u20-gen-autoregressive": lambda: _u20_autoregressive(True),
        "u20-gen-autoregressive~independent": lambda: _u20_autoregressive(False),
        "u20-gen-elbo-steps": lambda: _u20_elbo(False),
        "u20-gen-elbo-steps~bayes": lambda: _u20_elbo(True),
        "u20-gen-is": lambda: _u20_inception("true"),
        "u20-gen-is~entropies": lambda: _u20_inception("entropies"),
        "u20-gen-is~log-sign": lambda: _u20_inception("log-sign"),
        "u20-adv-temperature-jacobian": lambda: _u20_temperature_jacobian("true"),
        "u20-adv-temperature-jacobian~T": lambda: _u20_temperature_jacobian("T"),
        "u20-adv-temperature-jacobian~square": lambda: _u20_temperature_jacobian("square"),
    }
)


# ---- unseen21: CS228 notes (probability review, VAE, variational inference, EM, Bayesian learning, sampling,
# ---- maximum likelihood, log-linear models, variable elimination, Bayesian networks) ---------------------------

_U21_OMEGA = [mpf("0.1"), mpf("0.25"), mpf("0.05"), mpf("0.3"), mpf("0.2"), mpf("0.1")]  # P({w}) for w = 0..5
_U21_EVENTS = [frozenset(s) for r in range(7) for s in itertools.combinations(range(6), r)]


def _u21_p(event):
    return sum(_U21_OMEGA[w] for w in event)


def _u21_events(pred, count=2):
    """Whether pred holds for every tuple of `count` events of a six-point space (P of each intersection > 0)."""
    return all(pred(*events) for events in itertools.product(_U21_EVENTS, repeat=count))


def _u21_cond(a, b):
    return _u21_p(a & b) / _u21_p(b)


def _u21_chain_four(markov):
    """The written steps of the chain rule for four events, on four fixed overlapping events of the space."""
    a1, a2, a3, a4 = frozenset({0, 1, 3, 4}), frozenset({0, 1, 2, 3}), frozenset({1, 3, 5, 0}), frozenset({3, 1, 4})
    first = _u21_p(a1 & a2 & a3 & a4)
    step1 = _u21_p(a1 & a2 & a3) * _u21_cond(a4, a1 & a2 & a3)
    step2 = _u21_p(a1 & a2) * _u21_cond(a3, a1 & a2) * _u21_cond(a4, a1 & a2 & a3)
    third = _u21_cond(a3, a2) if markov else _u21_cond(a3, a1 & a2)
    step3 = _u21_p(a1) * _u21_cond(a2, a1) * third * _u21_cond(a4, a1 & a2 & a3)
    return close(first, step1) and close(step1, step2) and close(step2, step3)


_U21_X = ([mpf(-1), mpf("0.5"), mpf(2), mpf(3)], [mpf("0.2"), mpf("0.3"), mpf("0.4"), mpf("0.1")])  # values, probs


def _u21_expect(g, law=_U21_X):
    values, probs = law
    return sum(p * g(x) for x, p in zip(values, probs))


def _u21_f(x):
    return exp(x / 3) + x**2


def _u21_scale(kind):
    """E[a f(X)] against a E[f(X)] (or a^2), Var[a f(X)] against a^2 Var[f(X)] (or a), on a four-valued X."""
    for a in (mpf("-1.7"), mpf("0.6"), mpf("2.5")):
        if kind.startswith("mean"):
            factor = a**2 if kind == "mean-square" else a
            if not close(_u21_expect(lambda x: a * _u21_f(x)), factor * _u21_expect(_u21_f)):
                return False
        else:
            mean = _u21_expect(lambda x: a * _u21_f(x))
            var_af = _u21_expect(lambda x: (a * _u21_f(x) - mean) ** 2)
            mf = _u21_expect(_u21_f)
            var_f = _u21_expect(lambda x: (_u21_f(x) - mf) ** 2)
            factor = a if kind == "var-linear" else a**2
            if not close(var_af, factor * var_f):
                return False
    return True


def _u21_variance_steps(last_sign):
    m = _u21_expect(lambda x: x)
    sides = [
        _u21_expect(lambda x: (x - m) ** 2),
        _u21_expect(lambda x: x**2 - 2 * m * x + m**2),
        _u21_expect(lambda x: x**2) - 2 * m * m + m**2,
        _u21_expect(lambda x: x**2) + last_sign * m**2,
    ]
    return all(close(sides[0], s) for s in sides[1:])


def _u21_uniform(second, variance):
    """The uniform law on [0, 1]: its first two moments by quadrature, against the written values."""
    m1, m2 = quad(lambda x: x, [0, 1]), quad(lambda x: x**2, [0, 1])
    return (
        close(m1, mpf(1) / 2)
        and close(m2, second)
        and close(m2 - m1**2, mpf(1) / 3 - mpf(1) / 4)
        and close(mpf(1) / 3 - mpf(1) / 4, variance)
    )


def _u21_binomial(full_exponent):
    """The pmf of the number of heads in n flips, by convolving n Bernoulli laws, against the written pmf."""
    for n, p in ((4, mpf("0.3")), (6, mpf("0.65"))):
        law = [mpf(1)]
        for _ in range(n):
            law = [
                (law[k] if k < len(law) else 0) * (1 - p) + (law[k - 1] * p if k >= 1 else 0)
                for k in range(len(law) + 1)
            ]
        for x in range(n + 1):
            written = comb(n, x) * p**x * (1 - p) ** (n if full_exponent else n - x)
            if not close(law[x], written):
                return False
    return True


def _u21_geometric(shift):
    """P(the first heads comes at flip x), from the chance of x - 1 tails then a head, against the written pmf."""
    for p in (mpf("0.3"), mpf("0.72")):
        no_heads_yet = mpf(1)
        for x in range(1, 8):
            if not close(no_heads_yet * p, p * (1 - p) ** (x - shift)):
                return False
            no_heads_yet *= 1 - p
    return True


def _u21_poisson(sign):
    """The written pmf's generating function sum_x p(x) s^x against exp(lambda (s - 1)), which fixes the Poisson law."""
    for lam in (mpf("0.7"), mpf("2.3")):
        for s in (mpf("-0.5"), mpf("0.3"), mpf("1")):
            pgf = nsum(lambda x: exp(sign * lam) * lam**x / factorial(int(x)) * s**x, [0, inf])
            if not close(pgf, exp(lam * (s - 1)), tol=mpf(10) ** -15):
                return False
    return True


def _u21_normal(root):
    """The written density: proportional to exp(-(x - mu)^2 / (2 sigma^2)) and of total mass 1 (by quadrature)."""
    for mu, sigma in ((mpf("0.4"), mpf("1.3")), (mpf("-2"), mpf("0.5"))):
        c = 1 / ((sqrt(2 * pi) if root else 2 * pi) * sigma)
        if not close(quad(lambda x: c * exp(-((x - mu) ** 2) / (2 * sigma**2)), [-inf, mu, inf]), 1):
            return False
    return True


_U21_PXY = [
    [mpf("0.1"), mpf("0.15"), mpf("0.05")],
    [mpf("0.02"), mpf("0.08"), mpf("0.3")],
    [mpf("0.2"), mpf("0.05"), mpf("0.05")],
]  # P(X = x, Y = y)


def _u21_bayes(with_prior):
    px = [sum(row) for row in _U21_PXY]
    py = [sum(_U21_PXY[x][y] for x in range(3)) for y in range(3)]
    for x in range(3):
        for y in range(3):
            cond = _U21_PXY[x][y] / px[x]
            x_given = [_U21_PXY[x][k] / py[k] for k in range(3)]
            denominator = sum(x_given[k] * (py[k] if with_prior else 1) for k in range(3))
            if not (close(cond, _U21_PXY[x][y] / px[x]) and close(cond, x_given[y] * py[y] / denominator)):
                return False
    return True


_U21_XV, _U21_YV = [mpf(-1), mpf("0.5"), mpf(2)], [mpf(3), mpf(-2), mpf("1.5")]


def _u21_covariance(kind):
    def e(g):
        return sum(_U21_PXY[i][j] * g(_U21_XV[i], _U21_YV[j]) for i in range(3) for j in range(3))

    ex, ey = e(lambda x, y: x), e(lambda x, y: y)
    ysign = 1 if kind == "expand" else -1
    sides = [
        e(lambda x, y: (x - ex) * (y - ey)),
        e(lambda x, y: x * y - x * ey + ysign * y * ex + ex * ey),
        e(lambda x, y: x * y) - ex * ey - ey * ex + ex * ey,
        e(lambda x, y: x * y) + (1 if kind == "sign" else -1) * ex * ey,
    ]
    return all(close(sides[0], s) for s in sides[1:])


_U21_PXZ = [[mpf("0.12"), mpf("0.3"), mpf("0.08")], [mpf("0.2"), mpf("0.05"), mpf("0.25")]]  # p(x, z), x in {0, 1}
_U21_QS = ([mpf("0.5"), mpf("0.2"), mpf("0.3")], [mpf("0.05"), mpf("0.05"), mpf("0.9")])  # distributions q over z


def _u21_kl(a, b):
    return sum(p * log(p / r) for p, r in zip(a, b))


def _u21_evidence_split(sign):
    for x in range(2):
        px = sum(_U21_PXZ[x])
        post = [_U21_PXZ[x][z] / px for z in range(3)]
        for q in _U21_QS:
            elbo = sum(q[z] * (log(_U21_PXZ[x][z]) - log(q[z])) for z in range(3))
            if not close(log(px), _u21_kl(q, post) + sign * elbo):
                return False
    return True


def _u21_elbo_bound(reversed_):
    pz = [sum(_U21_PXZ[x][z] for x in range(2)) for z in range(3)]
    for x in range(2):
        px = sum(_U21_PXZ[x])
        for q in _U21_QS:
            bound = sum(q[z] * log(_U21_PXZ[x][z] / pz[z]) for z in range(3)) - _u21_kl(q, pz)
            if (log(px) > bound) if reversed_ else (log(px) < bound):
                return False
    return True


def _u21_score_gradient(drop_entropy):
    """d/dphi E_{q_phi}[log p(x, z) - log q_phi(z)] by finite differences, against the written score-function form."""
    joint = _U21_PXZ[0]

    def q(phi):
        return softmax([phi * k - phi**2 * (k - 1) ** 2 for k in range(3)])

    for phi0 in (mpf("0.35"), mpf("-0.9")):
        grad = diff(lambda t: sum(qz * (log(joint[z]) - log(qz)) for z, qz in enumerate(q(t))), phi0)
        qs = q(phi0)
        scores = [diff(lambda t, z=z: log(q(t)[z]), phi0) for z in range(3)]
        written = sum(qs[z] * (log(joint[z]) - (0 if drop_entropy else log(qs[z]))) * scores[z] for z in range(3))
        if not close(grad, written, tol=mpf(10) ** -15):
            return False
    return True


def _u21_reparameterization(outside):
    """z = mu(phi) + sigma(phi) eps, eps ~ N(0, 1): d/dphi E[f(z)] by quadrature, against the three written sides."""
    x = mpf("0.7")

    def f(z):
        return tanh(z) * x + z**2 / 4

    def mu(t):
        return t**2 - t

    def sigma(t):
        return exp(t / 2)

    def normal(e):
        return exp(-(e**2) / 2) / sqrt(2 * pi)

    phi0 = mpf("0.4")
    side1 = diff(lambda t: quad(lambda z: f(z) * normal((z - mu(t)) / sigma(t)) / sigma(t), [-inf, mu(t), inf]), phi0)
    side2 = diff(lambda t: quad(lambda e: f(mu(t) + sigma(t) * e) * normal(e), [-inf, 0, inf]), phi0)
    if outside:
        side3 = quad(lambda e: f(mu(phi0) + sigma(phi0) * e) * normal(e), [-inf, 0, inf])
    else:
        side3 = quad(lambda e: diff(lambda t: f(mu(t) + sigma(t) * e), phi0) * normal(e), [-inf, 0, inf])
    tol = mpf(10) ** -12
    return close(side1, side2, tol=tol) and close(side2, side3, tol=tol)


def _u21_vi_objective(sign):
    tilde = [mpf("0.7"), mpf("2.1"), mpf("0.4"), mpf("1.3")]
    z = sum(tilde)
    p = [t / z for t in tilde]
    q = [mpf("0.1"), mpf("0.4"), mpf("0.3"), mpf("0.2")]
    j = sum(qx * log(qx / t) for qx, t in zip(q, tilde))
    step2 = sum(qx * log(qx / px) for qx, px in zip(q, p)) + sign * log(z)
    return close(j, step2) and close(step2, _u21_kl(q, p) - log(z))


_U21_MIX = ([mpf("0.3"), mpf("0.7")], [mpf("-1"), mpf("1.5")], [mpf("0.8"), mpf("1.4")])  # pi_k, mu_k, sigma_k


def _u21_gauss(x, m, s):
    return exp(-((x - m) ** 2) / (2 * s**2)) / (sqrt(2 * pi) * s)


def _u21_mixture(with_weight):
    """p(x) summed over z from the joint pi_z N(x; mu_z, sigma_z^2), with p(z = k) and p(x | z = k) read off the joint."""
    pis, mus, sigmas = _U21_MIX

    def joint(x, k):
        return pis[k] * _u21_gauss(x, mus[k], sigmas[k])

    pz = [quad(lambda x, k=k: joint(x, k), [-inf, mus[k], inf]) for k in range(2)]
    for x in (mpf("-0.4"), mpf("2.2")):
        px = joint(x, 0) + joint(x, 1)
        middle = sum(joint(x, k) / pz[k] * (pz[k] if with_weight else 1) for k in range(2))
        written = sum(pis[k] * _u21_gauss(x, mus[k], sigmas[k]) for k in range(2))
        if not (close(px, middle, tol=mpf(10) ** -15) and close(middle, written, tol=mpf(10) ** -15)):
            return False
    return True


def _u21_log_likelihood(with_prior):
    data = [0, 1, 1, 0, 1]
    pz = [sum(_U21_PXZ[x][z] for x in range(2)) for z in range(3)]
    lhs = sum(log(sum(_U21_PXZ[x])) for x in data)
    right = sum(log(sum(_U21_PXZ[x][z] / pz[z] * (pz[z] if with_prior else 1) for z in range(3))) for x in data)
    return close(lhs, right)


def _u21_posterior(denominator_is_prior):
    pz = [sum(_U21_PXZ[x][z] for x in range(2)) for z in range(3)]
    for x in range(2):
        px = sum(_U21_PXZ[x])
        for z in range(3):
            post = _U21_PXZ[x][z] / px
            step1 = _U21_PXZ[x][z] / (pz[z] if denominator_is_prior else px)
            lik = [_U21_PXZ[x][k] / pz[k] for k in range(3)]
            step2 = lik[z] * pz[z] / sum(lik[k] * pz[k] for k in range(3))
            if not (close(post, step1) and close(step1, step2)):
                return False
    return True


def _u21_log_evidence(sign):
    for x in range(2):
        px = sum(_U21_PXZ[x])
        post = [_U21_PXZ[x][z] / px for z in range(3)]
        right = sum(post[z] * log(_U21_PXZ[x][z]) for z in range(3)) + sign * sum(
            post[z] * log(post[z]) for z in range(3)
        )
        if not close(log(px), right):
            return False
    return True


def _u21_beta_density(a, b, theta, a_shift=1, b_shift=1):
    """theta^{a - a_shift} (1 - theta)^{b - b_shift} over the Beta function B(a, b), from mpmath's beta."""
    return theta ** (a - a_shift) * (1 - theta) ** (b - b_shift) / mp.beta(a, b)


def _u21_beta_prior(b_shift):
    """The Beta(a, b) density (the normalized t^{a-1} (1 - t)^{b-1}) against the written fraction."""
    for a, b in ((mpf("2.5"), mpf("1.5")), (mpf("3"), mpf("4.2"))):
        mass = quad(lambda t: t ** (a - 1) * (1 - t) ** (b - 1), [0, 1])
        for theta in (mpf("0.2"), mpf("0.65")):
            density = theta ** (a - 1) * (1 - theta) ** (b - 1) / mass
            if not close(density, _u21_beta_density(a, b, theta, 1, b_shift), tol=mpf(10) ** -15):
                return False
    return True


def _u21_beta_posterior(a_shift):
    """The posterior of a coin's bias under a Beta prior after N_H heads and N_T tails, normalized by quadrature."""
    ah, at, nh, nt = mpf("2.5"), mpf("1.5"), 3, 5

    def unnormalized(t):
        return t**nh * (1 - t) ** nt * t ** (ah - 1) * (1 - t) ** (at - 1)

    mass = quad(unnormalized, [0, 1])
    for theta in (mpf("0.2"), mpf("0.65")):
        if not close(
            unnormalized(theta) / mass, _u21_beta_density(nh + ah, nt + at, theta, a_shift, 1), tol=mpf(10) ** -15
        ):
            return False
    return True


_U21_P = [mpf("0.1"), mpf("0.4"), mpf("0.3"), mpf("0.2")]
_U21_Q = [mpf("0.25"), mpf("0.15"), mpf("0.35"), mpf("0.25")]
_U21_FV = [mpf("1.5"), mpf("-2"), mpf("0.3"), mpf("4")]


def _u21_monte_carlo(power):
    """The mean and variance of I_T = (1/T) sum_t f(x^t) over every T-tuple of i.i.d. draws, enumerated exactly."""
    mean_f = sum(p * f for p, f in zip(_U21_P, _U21_FV))
    var_f = sum(p * (f - mean_f) ** 2 for p, f in zip(_U21_P, _U21_FV))
    for t in (2, 3):
        draws = list(itertools.product(range(4), repeat=t))
        weights = []
        for d in draws:
            w = mpf(1)
            for i in d:
                w *= _U21_P[i]
            weights.append(w)
        estimates = [sum(_U21_FV[i] for i in d) / t for d in draws]
        mean = sum(w * e for w, e in zip(weights, estimates))
        var = sum(w * (e - mean) ** 2 for w, e in zip(weights, estimates))
        if not (close(mean, mean_f) and close(var, var_f / mpf(t) ** power)):
            return False
    return True


def _u21_importance(inverse):
    w = [p / q for p, q in zip(_U21_P, _U21_Q)]
    lhs = sum(p * f for p, f in zip(_U21_P, _U21_FV))
    ratio = [(q / p if inverse else p / q) for p, q in zip(_U21_P, _U21_Q)]
    step2 = sum(f * r * q for f, r, q in zip(_U21_FV, ratio, _U21_Q))
    step3 = sum(q * f * wx for q, f, wx in zip(_U21_Q, _U21_FV, w))
    return close(lhs, step2) and close(step2, step3)


def _u21_importance_variance(weight_power):
    w = [p / q for p, q in zip(_U21_P, _U21_Q)]
    m = sum(q * f * wx for q, f, wx in zip(_U21_Q, _U21_FV, w))
    var = sum(q * (f * wx - m) ** 2 for q, f, wx in zip(_U21_Q, _U21_FV, w))
    written = sum(q * f**2 * wx**weight_power for q, f, wx in zip(_U21_Q, _U21_FV, w)) - m**2
    return close(var, written) and written >= 0


def _u21_evidence(inverse):
    pz = [sum(_U21_PXZ[e][z] for e in range(2)) for z in range(3)]
    q = _U21_QS[0]
    for e in range(2):
        pe = sum(_U21_PXZ[e])
        lik = [_U21_PXZ[e][z] / pz[z] for z in range(3)]
        step1 = sum(pz[z] * lik[z] for z in range(3))
        ratio = [(q[z] / pz[z] if inverse else pz[z] / q[z]) for z in range(3)]
        step2 = sum(q[z] * lik[z] * ratio[z] for z in range(3))
        step3 = sum(q[z] * _U21_PXZ[e][z] / q[z] for z in range(3))
        if not (close(pe, step1) and close(step1, step2) and close(step2, step3)):
            return False
    return True


def _u21_kl_split(entropy_sign):
    entropy = -sum(p * log(p) for p in _U21_P)
    kl = sum(p * log(p / q) for p, q in zip(_U21_P, _U21_Q))
    cross = sum(p * log(q) for p, q in zip(_U21_P, _U21_Q))
    return close(kl, entropy_sign * entropy - cross)


def _u21_empirical_kl(sign):
    kl = sum(p * log(p / q) for p, q in zip(_U21_P, _U21_Q))
    right = sum(p * log(p) for p in _U21_P) + sign * sum(p * log(q) for p, q in zip(_U21_P, _U21_Q))
    return close(kl, right)


_U21_FEATURES = [(mpf(1), mpf(0)), (mpf("0.5"), mpf(2)), (mpf(-1), mpf(1)), (mpf(2), mpf("-0.5"))]  # f(x), x = 0..3


def _u21_log_partition(theta):
    return log(sum(exp(theta[0] * f[0] + theta[1] * f[1]) for f in _U21_FEATURES))


def _u21_mrf_average(averaged):
    theta = (mpf("0.3"), mpf("-0.7"))
    data = [0, 2, 2, 3, 1, 2]
    logz = _u21_log_partition(theta)
    log_pd = sum(theta[0] * _U21_FEATURES[x][0] + theta[1] * _U21_FEATURES[x][1] - logz for x in data)
    n = len(data)
    right = sum(theta[0] * _U21_FEATURES[x][0] + theta[1] * _U21_FEATURES[x][1] for x in data) / n - (
        logz / n if averaged else logz
    )
    return close(log_pd / n, right)


def _u21_mrf_hessian(sign):
    theta = (mpf("0.3"), mpf("-0.7"))
    weights = [exp(theta[0] * f[0] + theta[1] * f[1]) for f in _U21_FEATURES]
    probs = [w / sum(weights) for w in weights]
    mean = [sum(p * f[i] for p, f in zip(probs, _U21_FEATURES)) for i in range(2)]
    for i in range(2):
        for j in range(2):
            order = tuple((i == k) + (j == k) for k in range(2))
            h = diff(lambda a, b: _u21_log_partition((a, b)), theta, order)
            second = sum(p * f[i] * f[j] for p, f in zip(probs, _U21_FEATURES))
            written = second + sign * mean[i] * mean[j]
            cov = sum(p * (f[i] - mean[i]) * (f[j] - mean[j]) for p, f in zip(probs, _U21_FEATURES))
            if not (close(h, written, tol=mpf(10) ** -15) and close(written, cov)):
                return False
    return True


_U21_START = [mpf("0.35"), mpf("0.65")]
_U21_TRANS = [[mpf("0.8"), mpf("0.2")], [mpf("0.3"), mpf("0.7")]]  # p(x_i = b | x_{i-1} = a) = T[a][b]


def _u21_chain_marginal(with_start):
    """The marginal of x_4 in a binary Markov chain: the full sum over x_1..x_3 against the written nested sums."""
    for last in range(2):
        full = sum(
            _U21_START[a] * _U21_TRANS[a][b] * _U21_TRANS[b][c] * _U21_TRANS[c][last]
            for a, b, c in itertools.product(range(2), repeat=3)
        )
        tau2 = [sum(_U21_TRANS[a][b] * (_U21_START[a] if with_start else 1) for a in range(2)) for b in range(2)]
        tau3 = [sum(_U21_TRANS[b][c] * tau2[b] for b in range(2)) for c in range(2)]
        nested = sum(_U21_TRANS[c][last] * tau3[c] for c in range(2))
        if not close(full, nested):
            return False
    return True


def _u21_student(reversed_):
    """The student network's marginal of l by full enumeration, against the written nested sums."""
    pd, pi_ = [mpf("0.6"), mpf("0.4")], [mpf("0.7"), mpf("0.3")]
    pg = {(i, d): softmax([mpf(i) - d, mpf("0.5") * d, mpf(i) * 2 - 1]) for i in range(2) for d in range(2)}
    ps = {i: [mpf("0.95") - mpf("0.75") * i, mpf("0.05") + mpf("0.75") * i] for i in range(2)}
    pl = {g: [mpf("0.1") + mpf("0.3") * g, mpf("0.9") - mpf("0.3") * g] for g in range(3)}

    def joint(l, g, s, i, d):
        return pl[g][l] * ps[i][s] * pg[(i, d)][g] * pi_[i] * pd[d]

    states = list(itertools.product(range(3), range(2), range(2), range(2)))
    p_l = [sum(joint(l, g, s, i, d) for g, s, i, d in states) for l in range(2)]
    p_g = [
        sum(joint(l, g, s, i, d) for l in range(2) for s in range(2) for i in range(2) for d in range(2))
        for g in range(3)
    ]
    for l in range(2):
        nested = 0
        for g in range(3):
            factor = pl[g][l] * p_g[g] / p_l[l] if reversed_ else pl[g][l]  # p(g | l), or p(l | g)
            inner = sum(
                ps[i][s] * pi_[i] * sum(pg[(i, d)][g] * pd[d] for d in range(2)) for s in range(2) for i in range(2)
            )
            nested += factor * inner
        if not close(nested, p_l[l]):
            return False
    return True


def _u21_bn_chain(markov):
    """A joint law of three binary variables against the product of its conditionals (the last given x_2 only, or all)."""
    weights = {
        bits: mpf(1 + bits[0] + 3 * bits[0] * bits[2] + 2 * bits[1]) for bits in itertools.product((0, 1), repeat=3)
    }
    total = sum(weights.values())
    joint = {b: w / total for b, w in weights.items()}

    def marginal(fixed):
        return sum(p for b, p in joint.items() if all(b[i] == v for i, v in fixed.items()))

    for b, p in joint.items():
        last = marginal({1: b[1], 2: b[2]}) / marginal({1: b[1]}) if markov else p / marginal({0: b[0], 1: b[1]})
        product = marginal({0: b[0]}) * marginal({0: b[0], 1: b[1]}) / marginal({0: b[0]}) * last
        if not close(p, product):
            return False
    return True


CHECKS.update(
    {
        # ---- CS228 probability review: events of a six-point space, moments of a four-valued X, laws from their definitions
        "u21-prob-intersection-min": lambda: _u21_events(lambda a, b: _u21_p(a & b) <= min(_u21_p(a), _u21_p(b)) + TOL),
        "u21-prob-intersection-min~geq": lambda: _u21_events(
            lambda a, b: _u21_p(a & b) >= min(_u21_p(a), _u21_p(b)) - TOL
        ),
        "u21-prob-union-bound": lambda: _u21_events(lambda a, b: _u21_p(a | b) <= _u21_p(a) + _u21_p(b) + TOL),
        "u21-prob-union-bound~geq": lambda: _u21_events(lambda a, b: _u21_p(a | b) >= _u21_p(a) + _u21_p(b) - TOL),
        "u21-prob-complement": lambda: _u21_events(lambda a: close(_u21_p(frozenset(range(6)) - a), 1 - _u21_p(a)), 1),
        "u21-prob-complement~swap": lambda: _u21_events(
            lambda a: close(_u21_p(frozenset(range(6)) - a), _u21_p(a) - 1), 1
        ),
        "u21-prob-chain-two": lambda: _u21_events(
            lambda a, b: not _u21_p(a) or close(_u21_p(a & b), _u21_p(a) * _u21_cond(b, a))
        ),
        "u21-prob-chain-two~reversed": lambda: _u21_events(
            lambda a, b: not (_u21_p(a) and _u21_p(b)) or close(_u21_p(a & b), _u21_p(a) * _u21_cond(a, b))
        ),
        "u21-prob-chain-four": lambda: _u21_chain_four(False),
        "u21-prob-chain-four~markov": lambda: _u21_chain_four(True),
        "u21-prob-linearity-scale": lambda: _u21_scale("mean"),
        "u21-prob-linearity-scale~square": lambda: _u21_scale("mean-square"),
        "u21-prob-variance-steps": lambda: _u21_variance_steps(-1),
        "u21-prob-variance-steps~sign": lambda: _u21_variance_steps(1),
        "u21-prob-variance-scale": lambda: _u21_scale("var"),
        "u21-prob-variance-scale~linear": lambda: _u21_scale("var-linear"),
        "u21-prob-uniform-moments": lambda: _u21_uniform(mpf(1) / 3, mpf(1) / 12),
        "u21-prob-uniform-moments~second-moment": lambda: _u21_uniform(mpf(1) / 2, mpf(1) / 12),
        "u21-prob-uniform-moments~variance": lambda: _u21_uniform(mpf(1) / 3, mpf(1) / 6),
        "u21-prob-binomial-pmf": lambda: _u21_binomial(False),
        "u21-prob-binomial-pmf~exponent": lambda: _u21_binomial(True),
        "u21-prob-geometric-pmf": lambda: _u21_geometric(1),
        "u21-prob-geometric-pmf~exponent": lambda: _u21_geometric(0),
        "u21-prob-poisson-pmf": lambda: _u21_poisson(-1),
        "u21-prob-poisson-pmf~sign": lambda: _u21_poisson(1),
        "u21-prob-normal-pdf": lambda: _u21_normal(True),
        "u21-prob-normal-pdf~root": lambda: _u21_normal(False),
        "u21-prob-bayes-discrete": lambda: _u21_bayes(True),
        "u21-prob-bayes-discrete~no-prior": lambda: _u21_bayes(False),
        "u21-prob-covariance-steps": lambda: _u21_covariance("true"),
        "u21-prob-covariance-steps~sign": lambda: _u21_covariance("sign"),
        "u21-prob-covariance-steps~expand": lambda: _u21_covariance("expand"),
        # ---- CS228 VAE: the evidence split and bound on an enumerated joint, the two gradient estimators
        "u21-vae-evidence-split": lambda: _u21_evidence_split(1),
        "u21-vae-evidence-split~minus": lambda: _u21_evidence_split(-1),
        "u21-vae-score-gradient": lambda: _u21_score_gradient(False),
        "u21-vae-score-gradient~no-entropy": lambda: _u21_score_gradient(True),
        "u21-vae-reparameterization": lambda: _u21_reparameterization(False),
        "u21-vae-reparameterization~outside": lambda: _u21_reparameterization(True),
        "u21-vae-elbo-bound": lambda: _u21_elbo_bound(False),
        "u21-vae-elbo-bound~reversed": lambda: _u21_elbo_bound(True),
        # ---- CS228 variational inference and EM, on enumerated laws and a two-component Gaussian mixture
        "u21-vi-objective": lambda: _u21_vi_objective(-1),
        "u21-vi-objective~sign": lambda: _u21_vi_objective(1),
        "u21-em-mixture": lambda: _u21_mixture(True),
        "u21-em-mixture~no-weight": lambda: _u21_mixture(False),
        "u21-em-log-likelihood": lambda: _u21_log_likelihood(True),
        "u21-em-log-likelihood~no-prior": lambda: _u21_log_likelihood(False),
        "u21-em-posterior": lambda: _u21_posterior(False),
        "u21-em-posterior~prior-denominator": lambda: _u21_posterior(True),
        "u21-em-log-evidence": lambda: _u21_log_evidence(-1),
        "u21-em-log-evidence~sign": lambda: _u21_log_evidence(1),
        # ---- CS228 Bayesian learning: Beta densities normalized by quadrature
        "u21-bayes-beta-prior": lambda: _u21_beta_prior(1),
        "u21-bayes-beta-prior~exponent": lambda: _u21_beta_prior(0),
        "u21-bayes-beta-posterior": lambda: _u21_beta_posterior(1),
        "u21-bayes-beta-posterior~exponent": lambda: _u21_beta_posterior(0),
        # ---- CS228 sampling: Monte Carlo by enumerating draws, importance sampling on enumerated laws
        "u21-mc-unbiased": lambda: _u21_monte_carlo(1),
        "u21-mc-unbiased~square": lambda: _u21_monte_carlo(2),
        "u21-is-steps": lambda: _u21_importance(False),
        "u21-is-steps~inverse": lambda: _u21_importance(True),
        "u21-is-variance": lambda: _u21_importance_variance(2),
        "u21-is-variance~weight-power": lambda: _u21_importance_variance(1),
        "u21-is-evidence": lambda: _u21_evidence(False),
        "u21-is-evidence~inverse": lambda: _u21_evidence(True),
        # ---- CS228 maximum likelihood and log-linear models
        "u21-mle-kl-split": lambda: _u21_kl_split(-1),
        "u21-mle-kl-split~entropy-sign": lambda: _u21_kl_split(1),
        "u21-mle-empirical-kl": lambda: _u21_empirical_kl(-1),
        "u21-mle-empirical-kl~sign": lambda: _u21_empirical_kl(1),
        "u21-mrf-average-log-likelihood": lambda: _u21_mrf_average(False),
        "u21-mrf-average-log-likelihood~averaged-partition": lambda: _u21_mrf_average(True),
        "u21-mrf-hessian": lambda: _u21_mrf_hessian(-1),
        "u21-mrf-hessian~sign": lambda: _u21_mrf_hessian(1),
        # ---- CS228 variable elimination and Bayesian networks, by full enumeration
        "u21-ve-chain-marginal": lambda: _u21_chain_marginal(True),
        "u21-ve-chain-marginal~no-start": lambda: _u21_chain_marginal(False),
        "u21-ve-student": lambda: _u21_student(False),
        "u21-ve-student~reversed": lambda: _u21_student(True),
        "u21-bn-chain-rule": lambda: _u21_bn_chain(False),
        "u21-bn-chain-rule~markov": lambda: _u21_bn_chain(True),
    }
)


def _u21_partition_bound(reversed_):
    tilde = [mpf("0.7"), mpf("2.1"), mpf("0.4"), mpf("1.3")]
    z = sum(tilde)
    p = [t / z for t in tilde]
    for q in ([mpf("0.1"), mpf("0.4"), mpf("0.3"), mpf("0.2")], [mpf("0.7"), mpf("0.1"), mpf("0.1"), mpf("0.1")]):
        j = sum(qx * log(qx / t) for qx, t in zip(q, tilde))
        if not close(log(z), _u21_kl(q, p) - j):
            return False
        if (log(z) > -j) if reversed_ else (log(z) < -j):
            return False
    return True


def _u21_evidence_kl(reversed_kl):
    for x in range(2):
        px = sum(_U21_PXZ[x])
        post = [_U21_PXZ[x][z] / px for z in range(3)]
        for q in _U21_QS:
            elbo = sum(q[z] * (log(_U21_PXZ[x][z]) - log(q[z])) for z in range(3))
            kl = _u21_kl(post, q) if reversed_kl else _u21_kl(q, post)
            if not close(log(px), kl + elbo):
                return False
    return True


def _u21_evidence_indicator(conditional):
    """p(E = e) from the joint of (Z, E), against the written sums and the expectation of the indicator."""
    for e in range(3):
        pe = sum(_U21_PXZ[z][e] for z in range(2))
        first = sum((_U21_PXZ[z][e] / pe if conditional else _U21_PXZ[z][e]) for z in range(2))
        indicator = sum(_U21_PXZ[z][k] * (k == e) for z in range(2) for k in range(3))
        if not (close(pe, first) and close(first, indicator)):
            return False
    return True


def _u21_bag_of_words():
    """Words drawn independently from one law: p(S) against the product written with p(w_n) for every factor."""
    word = [mpf("0.5"), mpf("0.3"), mpf("0.2")]
    for sentence in itertools.product(range(3), repeat=3):
        p_s = word[sentence[0]] * word[sentence[1]] * word[sentence[2]]
        if not close(p_s, word[sentence[-1]] ** 3):
            return False
    return True


_U21_S0 = [mpf("0.6"), mpf("0.4")]
_U21_MOVE = {
    (s, a): [mpf("0.7") - mpf("0.4") * a + mpf("0.1") * s, mpf("0.3") + mpf("0.4") * a - mpf("0.1") * s]
    for s in range(2)
    for a in range(2)
}


def _u21_reward(s, a, s_next):
    return mpf(s) - mpf("0.5") * a + 2 * a * s_next + mpf("0.3")


def _u21_policy(theta, s):
    return softmax([theta * (s + mpf("0.5")), -(theta**2) + mpf("0.2") * s])


def _u21_trajectories(theta, steps=2):
    """Every trajectory (s_0, a_0, s_1, a_1, s_2) of a two-state, two-action MDP, with its probability under pi_theta."""
    out = []
    for path in itertools.product(range(2), repeat=2 * steps + 1):
        states, actions = path[0::2], path[1::2]
        p = _U21_S0[states[0]]
        for t in range(steps):
            p *= _u21_policy(theta, states[t])[actions[t]] * _U21_MOVE[(states[t], actions[t])][states[t + 1]]
        out.append((p, states, actions))
    return out


def _u21_reward_to_go(first_step):
    """grad J by finite differences against the reward-to-go form summed over the written steps (T = 1)."""
    theta0 = mpf("0.45")

    def expected_return(theta):
        return sum(p * sum(_u21_reward(s[t], a[t], s[t + 1]) for t in range(2)) for p, s, a in _u21_trajectories(theta))

    grad = diff(expected_return, theta0)
    side2 = side3 = 0
    for p, s, a in _u21_trajectories(theta0):
        for t in range(2):
            score = diff(lambda th, t=t: log(_u21_policy(th, s[t])[a[t]]), theta0)
            to_go = sum(_u21_reward(s[k], a[k], s[k + 1]) for k in range(t, 2))
            side2 += p * score * to_go
            if t >= first_step:
                side3 += p * score * to_go
    tol = mpf(10) ** -15
    return close(grad, side2, tol=tol) and close(side2, side3, tol=tol)


CHECKS.update(
    {
        # ---- added beside the first pass: the bound on log Z, the evidence split, the indicator, Example 1 and 2,
        # ---- and Spinning Up's reward-to-go gradient on an enumerated two-step MDP
        "u21-vi-log-partition-bound": lambda: _u21_partition_bound(False),
        "u21-vi-log-partition-bound~reversed": lambda: _u21_partition_bound(True),
        "u21-em-evidence-kl": lambda: _u21_evidence_kl(False),
        "u21-em-evidence-kl~kl-direction": lambda: _u21_evidence_kl(True),
        "u21-is-evidence-expectation": lambda: _u21_evidence_indicator(False),
        "u21-is-evidence-expectation~conditional": lambda: _u21_evidence_indicator(True),
        "u21-bayes-mle-ten": lambda: Fraction(6, 6 + 4) == Fraction("0.6"),
        "u21-bayes-mle-ten~total": lambda: Fraction(6, 6 + 4) == Fraction("0.4"),
        "u21-bayes-mle-hundred": lambda: Fraction(60, 60 + 40) == Fraction("0.6"),
        "u21-bayes-mle-hundred~ratio": lambda: Fraction(60, 60 + 40) == Fraction("1.5"),
        "u21-bayes-bag-of-words": _u21_bag_of_words,
        "u21-bayes-unseen-word": lambda: Fraction("0.1") ** 4 * 0 == 0,
        "u21-bayes-unseen-word~dropped-zero": lambda: Fraction("0.1") ** 4 * 0 == Fraction("0.0001"),
        "u21-su-reward-to-go": lambda: _u21_reward_to_go(0),
        "u21-su-reward-to-go~first-step": lambda: _u21_reward_to_go(1),
    }
)


# ---- unseen22: Pong from Pixels, PixelRNN, Understanding Deep Learning 9.4 and 17.1, Spinning Up's DDPG, CS228's
# ---- structure learning, MAP inference, junction tree and Markov random field pages, labml.ai's WGAN


def _u22_score_function(variant):
    """The five sides of the score-function derivation on a three-outcome softmax family p(x; theta)."""
    a, b = [mpf("0.8"), mpf("-1.1"), mpf("0.3")], [mpf("0.2"), mpf("0.5"), mpf("-0.4")]
    f = [mpf("1.3"), mpf("-0.7"), mpf("2.2")]

    def p(theta):
        return softmax([a[x] * theta + b[x] * theta**2 for x in range(3)])

    for theta in (mpf("-0.6"), mpf("0.35"), mpf("1.2")):
        probs = p(theta)
        dp = [diff(lambda t, x=x: p(t)[x], theta) for x in range(3)]
        dlog = [diff(lambda t, x=x: log(p(t)[x]), theta) for x in range(3)]
        sides = [
            diff(lambda t: sum(q * fx for q, fx in zip(p(t), f)), theta),
            sum(dp[x] * f[x] for x in range(3)),
            sum((1 if variant == "no-weight" else probs[x]) * dp[x] / probs[x] * f[x] for x in range(3)),
            sum(probs[x] * dlog[x] * f[x] for x in range(3)),
            sum(f[x] * (log(probs[x]) if variant == "log-not-grad" else dlog[x]) * probs[x] for x in range(3)),
        ]
        if not all(close(sides[0], s) for s in sides[1:]):
            return False
    return True


def _u22_joint(n, seed):
    """A joint law of n binary variables with no independence among them (weights from a fixed quadratic form)."""
    weights = {}
    for x in itertools.product(range(2), repeat=n):
        weights[x] = exp(sum(mpf(seed + 3 * i + 7 * j) / 11 * x[i] * x[j] for i in range(n) for j in range(i, n)))
    total = sum(weights.values())
    return {x: w / total for x, w in weights.items()}


def _u22_marginal(joint, idx, values):
    return sum(p for x, p in joint.items() if all(x[i] == v for i, v in zip(idx, values)))


def _u22_cond(joint, target, given, x):
    """p(x_target | x_given) at the assignment x."""
    return _u22_marginal(joint, target + given, [x[i] for i in target + given]) / _u22_marginal(
        joint, given, [x[i] for i in given]
    )


def _u22_pixel_chain(n, factors, variant):
    joint = _u22_joint(n, 2)
    for x in joint:
        terms = [_u22_cond(joint, [i], [] if variant == "unconditioned" else list(range(i)), x) for i in range(factors)]
        right = sum(terms) if variant == "sum" else mp.fprod(terms)
        if not close(joint[x], right):
            return False
    return True


def _u22_pixel_rgb(variant):
    """Variables (context, R, G, B): p(R, G, B | context) against the written product of channel conditionals."""
    joint = _u22_joint(4, 5)
    for x in joint:
        left = _u22_cond(joint, [1, 2, 3], [0], x)
        red = _u22_cond(joint, [1], [0], x)
        green = _u22_cond(joint, [2], [0] if variant == "green-alone" else [0, 1], x)
        blue = _u22_cond(joint, [3], [0, 1, 2], x)
        right = red * green + blue if variant == "sum" else red * green * blue
        if not close(left, right):
            return False
    return True


def _u22_normal(x, m, v):
    return exp(-((x - m) ** 2) / (2 * v)) / sqrt(2 * pi * v)


def _u22_mvn(x, m, S):
    """The normal density at the vector x (a column matrix), or None where S is not positive definite."""
    k = S.rows
    if any(mp.det(S[:i, :i]) <= 0 for i in range(1, k + 1)):
        return None
    d = x - m
    return exp(-(d.T * inverse(S) * d)[0, 0] / 2) / sqrt((2 * pi) ** k * mp.det(S))


def _u22_bayes_rule(prior_below):
    """A scalar phi, prior N(0, sp2), y_i ~ N(phi h_i, s2): the conjugate posterior against the written quotient."""
    h, y, s2, sp2 = [mpf("0.7"), mpf("-1.2")], [mpf("0.4"), mpf("-0.9")], mpf("0.5"), mpf("2")
    precision = sum(hi**2 for hi in h) / s2 + 1 / sp2
    mean = sum(hi * yi for hi, yi in zip(h, y)) / s2 / precision

    def lik(phi):
        return mp.fprod(_u22_normal(yi, phi * hi, s2) for hi, yi in zip(h, y))

    below = quad(lambda phi: lik(phi) * (_u22_normal(phi, 0, sp2) if prior_below else 1), [-inf, 0, inf])
    return all(
        close(_u22_normal(phi, mean, 1 / precision), lik(phi) * _u22_normal(phi, 0, sp2) / below)
        for phi in (mpf("-0.8"), mpf("0.1"), mpf("0.9"))
    )


_U22_H = matrix([[mpf("0.6"), mpf("-0.4"), mpf("1.3")], [1, 1, 1]])
_U22_Y = matrix([mpf("0.5"), mpf("-0.2"), mpf("1.1")])
_U22_S2, _U22_SP2 = mpf("0.3"), mpf("1.5")
_U22_HSTAR = matrix([mpf("0.8"), 1])


def _u22_written_posterior(mean_scaled=True, sign=1):
    A = _U22_H * _U22_H.T / _U22_S2 + sign * mp.eye(2) / _U22_SP2
    if mp.det(A) == 0:
        return None, None
    cov = inverse(A)
    return (cov * _U22_H * _U22_Y) / (_U22_S2 if mean_scaled else 1), cov


def _u22_bayes_posterior(mean_scaled=True, sign=1):
    """The written normal posterior against likelihood x prior / evidence, the evidence the law of y = H^T phi + noise."""
    mean, cov = _u22_written_posterior(mean_scaled, sign)
    evidence = _u22_mvn(_U22_Y, matrix(3, 1), _U22_S2 * mp.eye(3) + _U22_SP2 * _U22_H.T * _U22_H)
    for phi in ([mpf("0.2"), mpf("-0.3")], [mpf("1.1"), mpf("0.4")], [mpf("-0.5"), mpf("0.9")]):
        phi = matrix(phi)
        written = _u22_mvn(phi, mean, cov)
        if written is None:
            return False
        lik = _u22_mvn(_U22_Y, _U22_H.T * phi, _U22_S2 * mp.eye(3))
        prior = _u22_mvn(phi, matrix(2, 1), _U22_SP2 * mp.eye(2))
        if not close(written, lik * prior / evidence):
            return False
    return True


def _u22_bayes_predictive(noise_added):
    """Pr(y* | x*) by quadrature over the posterior, against the written closed form. With phi = m + L u (L L^T the
    posterior covariance, u standard normal) the mean [h*T, 1] phi is c0 + c . u, and c . u is |c| t for one standard
    normal t, so the integral is over t alone."""
    mean, cov = _u22_written_posterior()
    l11 = sqrt(cov[0, 0])
    l21 = cov[1, 0] / l11
    l22 = sqrt(cov[1, 1] - l21**2)
    h1, h2 = _U22_HSTAR[0], _U22_HSTAR[1]
    c0 = h1 * mean[0] + h2 * mean[1]
    c = sqrt((h1 * l11 + h2 * l21) ** 2 + (h2 * l22) ** 2)
    mu_star = (_U22_HSTAR.T * mean)[0, 0]
    var_star = (_U22_HSTAR.T * cov * _U22_HSTAR)[0, 0] + (_U22_S2 if noise_added else 0)
    for ystar in (mpf("0.3"), mpf("1.4")):
        value = quad(
            lambda t, ystar=ystar: _u22_normal(ystar, c0 + c * t, _U22_S2) * _u22_normal(t, 0, 1), [-inf, 0, inf]
        )
        if not close(value, _u22_normal(ystar, mu_star, var_star)):
            return False
    return True


def _u22_latent_f(z):
    return mpf("0.5") * exp(mp.sin(2 + mpf("3.675") * z)), mp.sin(2 + mpf("2.85") * z)


def _u22_latent_marginal(posterior):
    """The data density of UDL's 1-D latent model by quadrature, against the written integrals."""
    s2 = mpf("0.04")
    cuts = [mpf(k) for k in range(-9, 10)]
    with mp.workdps(15):
        for x1, x2 in ((mpf("0.6"), mpf("0.3")), (mpf("1.1"), mpf("-0.5"))):

            def lik(z, x1=x1, x2=x2):
                f1, f2 = _u22_latent_f(z)
                return _u22_normal(x1, f1, s2) * _u22_normal(x2, f2, s2)

            marginal = quad(lambda z: lik(z) * _u22_normal(z, 0, 1), cuts)
            prior = (
                (lambda z: lik(z) * _u22_normal(z, 0, 1) / marginal) if posterior else (lambda z: _u22_normal(z, 0, 1))
            )
            second = quad(lambda z: lik(z) * prior(z), cuts)
            third = quad(lambda z: lik(z) * _u22_normal(z, 0, 1), cuts)
            if not (close(marginal, second, tol=mpf(10) ** -10) and close(second, third, tol=mpf(10) ** -10)):
                return False
    return True


_U22_R = {(0, 0): mpf("1"), (0, 1): mpf("0.2"), (1, 0): mpf("-0.5"), (1, 1): mpf("1.5")}
_U22_P = {(0, 0): [mpf("0.8"), mpf("0.2")], (0, 1): [mpf("0.1"), mpf("0.9")], (1, 0): [mpf("0.6"), mpf("0.4")],
          (1, 1): [mpf("0.3"), mpf("0.7")]}  # fmt: skip
_U22_GAMMA = mpf("0.9")


def _u22_q_star():
    """Q* of a two-state, two-action MDP as the elementwise largest Q^pi over the four deterministic policies."""
    best = None
    for pi_ in itertools.product(range(2), repeat=2):
        # Q^pi(s, a) = r(s, a) + gamma sum_s' P(s' | s, a) Q^pi(s', pi(s')): a 4 x 4 linear system
        pairs = list(itertools.product(range(2), repeat=2))
        M, rhs = mp.eye(4), matrix(4, 1)
        for row, (s, a) in enumerate(pairs):
            rhs[row] = _U22_R[(s, a)]
            for s_next in range(2):
                M[row, pairs.index((s_next, pi_[s_next]))] -= _U22_GAMMA * _U22_P[(s, a)][s_next]
        q = inverse(M) * rhs
        values = {pair: q[k] for k, pair in enumerate(pairs)}
        best = values if best is None else {k: max(best[k], values[k]) for k in values}
    return best


def _u22_bellman(variant):
    q = _u22_q_star()
    gamma = 1 if variant == "no-discount" else _U22_GAMMA
    pick = min if variant == "min" else max
    for (s, a), value in q.items():
        right = sum(
            _U22_P[(s, a)][s2] * (_U22_R[(s, a)] + gamma * pick(q[(s2, b)] for b in range(2))) for s2 in range(2)
        )
        if not close(value, right):
            return False
    return True


def _u22_entropy(probs):
    return -sum(p * log(p) for p in probs if p > 0)


def _u22_mi(inverted):
    counts = {(0, 0): 5, (0, 1): 1, (1, 0): 2, (1, 1): 4, (2, 0): 1, (2, 1): 3}
    n = sum(counts.values())
    pxu = {k: mpf(c) / n for k, c in counts.items()}
    px = {x: sum(p for (a, _), p in pxu.items() if a == x) for x in range(3)}
    pu = {u: sum(p for (_, b), p in pxu.items() if b == u) for u in range(2)}
    mi = _u22_entropy(px.values()) + _u22_entropy(pu.values()) - _u22_entropy(pxu.values())
    ratio = (lambda x, u: px[x] * pu[u] / pxu[(x, u)]) if inverted else (lambda x, u: pxu[(x, u)] / (px[x] * pu[u]))
    return close(mi, sum(p * log(ratio(x, u)) for (x, u), p in pxu.items()))


_U22_DATA = [(0, 0, 1), (0, 0, 0), (1, 1, 1), (1, 1, 0), (1, 0, 1), (0, 0, 0), (1, 1, 1), (0, 1, 0), (1, 1, 1),
             (0, 0, 1), (1, 0, 0), (0, 0, 0)]  # fmt: skip


def _u22_empirical(idx):
    """The empirical law of the variables idx, as a dict from their values to frequencies."""
    out = {}
    for row in _U22_DATA:
        key = tuple(row[i] for i in idx)
        out[key] = out.get(key, 0) + mpf(1) / len(_U22_DATA)
    return out


def _u22_loglik(parents):
    """log p(D | theta^ML, G) computed from the maximum likelihood conditionals, row by row."""
    total = 0
    for row in _U22_DATA:
        for i, pa in enumerate(parents):
            joint, marg = _u22_empirical([i] + list(pa)), _u22_empirical(list(pa))
            total += log(joint[tuple(row[k] for k in [i] + list(pa))] / marg[tuple(row[k] for k in pa)])
    return total


def _u22_mi_sets(i, pa):
    """MI under the empirical law between X_i and the joint of its parents (0 for no parent)."""
    if not pa:
        return mpf(0)
    return (
        _u22_entropy(_u22_empirical([i]).values())
        + _u22_entropy(_u22_empirical(list(pa)).values())
        - _u22_entropy(_u22_empirical([i] + list(pa)).values())
    )


def _u22_cond_entropy(i, pa):
    return _u22_entropy(_u22_empirical([i] + list(pa)).values()) - _u22_entropy(_u22_empirical(list(pa)).values())


def _u22_structure_loglik(entropy_sign):
    n = len(_U22_DATA)
    for parents in (((), (0,), (0,)), ((), (0,), (1,)), ((1, 2), (), (1,))):
        right = n * sum(_u22_mi_sets(i, pa) for i, pa in enumerate(parents)) + entropy_sign * n * sum(
            _u22_entropy(_u22_empirical([i]).values()) for i in range(3)
        )
        if not close(_u22_loglik(parents), right):
            return False
    return True


def _u22_dags():
    """Every directed acyclic graph on three nodes, as a tuple of parent sets."""
    edges = [(a, b) for a in range(3) for b in range(3) if a != b]
    out = []
    for chosen in itertools.product(range(2), repeat=len(edges)):
        es = [e for e, c in zip(edges, chosen) if c]
        parents = tuple(tuple(sorted(a for a, b in es if b == i)) for i in range(3))
        order_ok = any(
            all(pos[a] < pos[b] for a, b in es)
            for pos in ({v: k for k, v in enumerate(p)} for p in itertools.permutations(range(3)))
        )
        if order_ok:
            out.append(parents)
    return out


def _u22_argmax(graphs, score):
    values = {g: score(g) for g in graphs}
    top = max(values.values())
    return {g for g, v in values.items() if v > top - mpf(10) ** -25}


def _u22_structure_argmax(right_score):
    graphs = _u22_dags()
    return _u22_argmax(graphs, _u22_loglik) == _u22_argmax(graphs, right_score)


def _u22_trees():
    """Every directed spanning tree on three nodes (one root, each other node one parent)."""
    return [g for g in _u22_dags() if sum(len(pa) for pa in g) == 2 and all(len(pa) <= 1 for pa in g)]


def _u22_structure_tree(sign):
    trees = _u22_trees()

    def edges_mi(g):
        return sign * sum(_u22_mi_sets(i, pa) for i, pa in enumerate(g))

    return _u22_argmax(trees, _u22_loglik) == _u22_argmax(trees, edges_mi)


def _u22_bd(variant):
    """Two binary variables, X_2 with parent X_1: the probability of the data with Beta priors, by quadrature."""
    counts = {(1, ()): [7, 5], (2, (0,)): [4, 3], (2, (1,)): [1, 4]}
    prior = {(1, ()): [mpf("1.5"), mpf("0.5")], (2, (0,)): [mpf(2), mpf(1)], (2, (1,)): [mpf("0.7"), mpf("2.5")]}
    direct, written = mpf(1), mpf(1)
    for key, (n1, n2) in counts.items():
        a1, a2 = prior[key]
        beta = mp.beta(a1, a2)
        direct *= quad(lambda t: t**n1 * (1 - t) ** n2 * t ** (a1 - 1) * (1 - t) ** (a2 - 1) / beta, [0, 1])
        first = mp.gamma(a1 + a2) / mp.gamma(a1 + a2 + n1 + n2)
        second = mp.gamma(a1 + n1) / mp.gamma(a1) * mp.gamma(a2 + n2) / mp.gamma(a2)
        written *= (1 / first if variant == "first-inverted" else first) * (
            1 / second if variant == "second-inverted" else second
        )
    return close(direct, written)


_U22_THETA = {(0, 1): [[mpf("0.4"), mpf("-0.3")], [mpf("0.9"), mpf("0.1")]],
              (1, 2): [[mpf("-0.2"), mpf("0.7")], [mpf("0.5"), mpf("-0.6")]],
              (0, 2): [[mpf("0.3"), mpf("0.2")], [mpf("-0.8"), mpf("0.6")]]}  # fmt: skip


def _u22_score(x):
    return sum(t[x[a]][x[b]] for (a, b), t in _U22_THETA.items())


def _u22_map_log(sign):
    states = list(itertools.product(range(2), repeat=3))
    log_z = log(sum(exp(_u22_score(x)) for x in states))
    left = max(_u22_score(x) - log_z for x in states)
    return close(left, max(_u22_score(x) for x in states) + sign * log_z)


def _u22_map_crf(use_min):
    """A CRF p(y | x) with y = (y_0, y_1, y_2) binary and x fixed: the arg max sets of both sides."""
    unary = {0: [mpf("0.3"), mpf("-0.1")], 1: [mpf("-0.4"), mpf("0.2")], 2: [mpf("0.1"), mpf("0.5")]}
    states = list(itertools.product(range(2), repeat=3))

    def score(y):
        return _u22_score(y) + sum(unary[i][y[i]] for i in range(3))

    log_z = log(sum(exp(score(y)) for y in states))
    left = _u22_argmax(states, lambda y: score(y) - log_z)
    right = _u22_argmax(states, (lambda y: -score(y)) if use_min else score)
    return left == right


def _u22_map_energy(form):
    unary = {0: [mpf(4), mpf(1)], 1: [mpf(0), mpf(2)], 2: [mpf(3), mpf("0.5")]}
    lam = {(0, 1): mpf(2), (1, 2): mpf("1.5")}
    states = list(itertools.product(range(2), repeat=3))

    def energy(x):
        return sum(unary[u][x[u]] for u in range(3)) + sum(l * (x[a] != x[b]) for (a, b), l in lam.items())

    z = sum(exp(-energy(x)) for x in states)
    left = max(exp(-energy(x)) / z for x in states)
    e_min = min(energy(x) for x in states)
    right = {"as-written": e_min, "exp": exp(-e_min) / z, "exp-plus": exp(e_min) / z}[form]
    return close(left, right)


_U22_UNARY = [mpf("1.2"), mpf("0.4")], [mpf("0.7"), mpf("1.9")], [mpf("2.2"), mpf("0.3")], [mpf("0.6"), mpf("1.1")]
_U22_PAIR = [[mpf("1.5"), mpf("0.2")], [mpf("0.6"), mpf("2.4")]]


def _u22_chain_score(x):
    """phi(x_1) prod_{i>=2} phi(x_i, x_{i-1}) for the chain of four binary variables."""
    value = _U22_UNARY[0][x[0]]
    for i in range(1, 4):
        value *= _U22_PAIR[x[i]][x[i - 1]]
    return value


def _u22_chain(op, inner):
    """Both sides of the chain's Z (op = sum) or largest score (op = max), the innermost operation as written."""
    left = op(_u22_chain_score(x) for x in itertools.product(range(2), repeat=4))

    def tau1(x2):  # the innermost step over x_1
        return inner(_U22_PAIR[x2][x1] * _U22_UNARY[0][x1] for x1 in range(2))

    def tau(k, xk):  # the step over x_{k}, k = 2, 3, given x_{k+1}
        if k == 1:
            return tau1(xk)
        return op(_U22_PAIR[xk][xk_1] * tau(k - 1, xk_1) for xk_1 in range(2))

    right = op(tau(3, x4) for x4 in range(2))
    return close(left, right)


def _u22_jt_chain(op, variant):
    if variant == "unary-dropped":
        left = op(_u22_chain_score(x) for x in itertools.product(range(2), repeat=4))

        def tau(k, xk):
            if k == 0:
                return mpf(1)
            return op(_U22_PAIR[xk][xk_1] * tau(k - 1, xk_1) for xk_1 in range(2))

        return close(left, op(tau(3, x4) for x4 in range(2)))
    return _u22_chain(op, sum if variant == "sum-inside" else op)


_U22_TREE = {0: [1, 2], 1: [0, 3], 2: [0], 3: [1]}  # the tree 2 - 0 - 1 - 3


def _u22_bp_marginal(with_unary):
    """Sum-product messages on a four-node tree, by the recursion of the tag, against the brute-force marginals."""
    unary, pair = _U22_UNARY, _U22_PAIR

    def edge(i, j, xi, xj):  # the edge's one factor, read with the smaller node first
        return pair[xi][xj] if i < j else pair[xj][xi]

    def message(i, j, xj):
        return sum(
            unary[i][xi] * edge(i, j, xi, xj) * mp.fprod(message(l, i, xi) for l in _U22_TREE[i] if l != j)
            for xi in range(2)
        )

    def joint(x):
        value = mp.fprod(unary[i][x[i]] for i in range(4))
        return value * mp.fprod(pair[x[i]][x[j]] for i in _U22_TREE for j in _U22_TREE[i] if i < j)

    states = list(itertools.product(range(2), repeat=4))
    for i in range(4):
        marginal = [sum(joint(x) for x in states if x[i] == v) for v in range(2)]
        belief = [
            (unary[i][v] if with_unary else 1) * mp.fprod(message(l, i, v) for l in _U22_TREE[i]) for v in range(2)
        ]
        if not close(marginal[0] * belief[1], marginal[1] * belief[0]):
            return False
    return True


def _u22_global_features(variant):
    """A chain CRF over y in {0, 1, 2}^3 at a fixed input: both sides for every labelling."""
    phi_x = [mpf("0.7"), mpf("1.6"), mpf("0.4")]  # phi(x, y) at the fixed x
    pair = [
        [mpf("1.2"), mpf("0.3"), mpf("0.9")],
        [mpf("0.5"), mpf("2.1"), mpf("0.8")],
        [mpf("1.4"), mpf("0.6"), mpf("1.1")],
    ]
    for y in itertools.product(range(3), repeat=3):
        left = phi_x[y[0]] * mp.fprod(pair[y[i - 1]][y[i]] * phi_x[y[i]] for i in range(1, 3))
        first = 1 if variant == "first-dropped" else phi_x[y[0]]
        right = first * mp.fprod(
            (1 if variant == "pairwise-dropped" else pair[y[i - 1]][y[i]]) * phi_x[y[i]] for i in range(1, 3)
        )
        if not close(left, right):
            return False
    return True


_U22_PR = {mpf(0): mpf("0.3"), mpf("1.5"): mpf("0.7")}
_U22_PG = {mpf("0.5"): mpf("0.6"), mpf("2.5"): mpf("0.4")}
_U22_PZ = {mpf(0): mpf("0.6"), mpf(1): mpf("0.4")}  # g(z) = 0.5 + 2 z carries it to P_g


def _u22_w_primal(pr, pg):
    """inf over couplings of E|x - y| for two two-point laws: the coupling has one free entry, the cost is linear in it."""
    (a1, p1), (a2, p2) = pr.items()
    (b1, q1), (b2, q2) = pg.items()

    def cost(t):
        return t * abs(a1 - b1) + (p1 - t) * abs(a1 - b2) + (q1 - t) * abs(a2 - b1) + (1 - p1 - q1 + t) * abs(a2 - b2)

    return min(cost(max(0, p1 + q1 - 1)), cost(min(p1, q1)))


def _u22_w_dual(pr, pg, K, pick=max, scale=1):
    """sup (or inf) over K-Lipschitz f of E_pr[scale f] - E_pg[scale f]: f at the sorted support points, its increments
    in a box, the objective linear in them, so its extremes are at the box's corners."""
    points = sorted(set(pr) | set(pg))
    weight = [pr.get(z, 0) - pg.get(z, 0) for z in points]
    best = None
    for signs in itertools.product((-1, 1), repeat=len(points) - 1):
        f, value = mpf(0), mpf(0)
        for k, z in enumerate(points):
            if k:
                f += signs[k - 1] * K * (z - points[k - 1])
            value += scale * f * weight[k]
        best = value if best is None else pick(best, value)
    return best


def _u22_wgan(form):
    w = _u22_w_primal(_U22_PR, _U22_PG)
    K = mpf("2.5")
    if form == "duality":
        return close(w, _u22_w_dual(_U22_PR, _U22_PG, 1))
    if form == "duality-inf":
        return close(w, _u22_w_dual(_U22_PR, _U22_PG, 1, pick=min))
    if form == "k":
        return close(w, _u22_w_dual(_U22_PR, _U22_PG, K, scale=1 / K))
    if form == "k-times":
        return close(w, _u22_w_dual(_U22_PR, _U22_PG, K, scale=K))
    if form == "critic":
        return close(K * w, _u22_w_dual(_U22_PR, _U22_PG, K))
    if form == "critic-over-k":
        return close(w / K, _u22_w_dual(_U22_PR, _U22_PG, K))
    pushed = {mpf("0.5") + 2 * z: p for z, p in _U22_PZ.items()}
    if form == "generator":
        return close(K * w, _u22_w_dual(_U22_PR, pushed, K))
    return close(K * w, _u22_w_dual(_U22_PR, _U22_PZ, K))  # the critic applied to the noise itself


CHECKS.update(
    {
        "u22-pong-score-function": lambda: _u22_score_function(None),
        "u22-pong-score-function~no-weight": lambda: _u22_score_function("no-weight"),
        "u22-pong-score-function~log-not-grad": lambda: _u22_score_function("log-not-grad"),
        "u22-pixelrnn-chain": lambda: _u22_pixel_chain(3, 3, None),
        "u22-pixelrnn-chain~unconditioned": lambda: _u22_pixel_chain(3, 3, "unconditioned"),
        "u22-pixelrnn-chain~sum": lambda: _u22_pixel_chain(3, 3, "sum"),
        "u22-pixelrnn-chain-square": lambda: _u22_pixel_chain(4, 4, None),
        "u22-pixelrnn-chain-square~n": lambda: _u22_pixel_chain(4, 2, None),
        "u22-pixelrnn-rgb": lambda: _u22_pixel_rgb(None),
        "u22-pixelrnn-rgb~green-alone": lambda: _u22_pixel_rgb("green-alone"),
        "u22-pixelrnn-rgb~sum": lambda: _u22_pixel_rgb("sum"),
        "u22-udl-bayes-rule": lambda: _u22_bayes_rule(True),
        "u22-udl-bayes-rule~no-prior-below": lambda: _u22_bayes_rule(False),
        "u22-udl-bayes-posterior": lambda: _u22_bayes_posterior(),
        "u22-udl-bayes-posterior~mean-no-scale": lambda: _u22_bayes_posterior(mean_scaled=False),
        "u22-udl-bayes-posterior~prior-precision-sign": lambda: _u22_bayes_posterior(sign=-1),
        "u22-udl-bayes-predictive": lambda: _u22_bayes_predictive(False),
        "u22-udl-bayes-predictive~noise-added": lambda: _u22_bayes_predictive(True),
        "u22-udl-latent-marginal": lambda: _u22_latent_marginal(False),
        "u22-udl-latent-marginal~posterior": lambda: _u22_latent_marginal(True),
        "u22-ddpg-bellman": lambda: _u22_bellman(None),
        "u22-ddpg-bellman~min": lambda: _u22_bellman("min"),
        "u22-ddpg-bellman~no-discount": lambda: _u22_bellman("no-discount"),
        "u22-structure-mi": lambda: _u22_mi(False),
        "u22-structure-mi~inverted": lambda: _u22_mi(True),
        "u22-structure-loglik": lambda: _u22_structure_loglik(-1),
        "u22-structure-loglik~entropy-sign": lambda: _u22_structure_loglik(1),
        "u22-structure-bd": lambda: _u22_bd(None),
        "u22-structure-bd~first-inverted": lambda: _u22_bd("first-inverted"),
        "u22-structure-bd~second-inverted": lambda: _u22_bd("second-inverted"),
        "u22-structure-argmax": lambda: _u22_structure_argmax(
            lambda g: sum(_u22_mi_sets(i, pa) for i, pa in enumerate(g))
        ),
        "u22-structure-argmax~entropy": lambda: _u22_structure_argmax(
            lambda g: sum(_u22_cond_entropy(i, pa) for i, pa in enumerate(g))
        ),
        "u22-structure-tree": lambda: _u22_structure_tree(1),
        "u22-structure-tree~argmin": lambda: _u22_structure_tree(-1),
        "u22-map-log": lambda: _u22_map_log(-1),
        "u22-map-log~plus-log-z": lambda: _u22_map_log(1),
        "u22-map-crf": lambda: _u22_map_crf(False),
        "u22-map-crf~argmin": lambda: _u22_map_crf(True),
        "u22-map-energy": lambda: _u22_map_energy("as-written"),
        "u22-map-energy~exp": lambda: _u22_map_energy("exp"),
        "u22-map-energy~exp-plus": lambda: _u22_map_energy("exp-plus"),
        "u22-jt-chain-z": lambda: _u22_jt_chain(sum, None),
        "u22-jt-chain-z~unary-dropped": lambda: _u22_jt_chain(sum, "unary-dropped"),
        "u22-jt-chain-max": lambda: _u22_jt_chain(max, None),
        "u22-jt-chain-max~sum-inside": lambda: _u22_jt_chain(max, "sum-inside"),
        "u22-jt-bp-marginal": lambda: _u22_bp_marginal(True),
        "u22-jt-bp-marginal~no-unary": lambda: _u22_bp_marginal(False),
        "u22-crf-global-features": lambda: _u22_global_features(None),
        "u22-crf-global-features~first-dropped": lambda: _u22_global_features("first-dropped"),
        "u22-crf-global-features~pairwise-dropped": lambda: _u22_global_features("pairwise-dropped"),
        "u22-wgan-duality": lambda: _u22_wgan("duality"),
        "u22-wgan-duality~inf": lambda: _u22_wgan("duality-inf"),
        "u22-wgan-k-lipschitz": lambda: _u22_wgan("k"),
        "u22-wgan-k-lipschitz~times-k": lambda: _u22_wgan("k-times"),
        "u22-wgan-critic": lambda: _u22_wgan("critic"),
        "u22-wgan-critic~over-k": lambda: _u22_wgan("critic-over-k"),
        "u22-wgan-generator": lambda: _u22_wgan("generator"),
        "u22-wgan-generator~critic-on-noise": lambda: _u22_wgan("critic-on-noise"),
    }
)


def _u22_naive_bayes(with_prior):
    """A label y and three words independent given y: the joint against the written product."""
    prior = [mpf("0.35"), mpf("0.65")]
    word = [[mpf("0.2"), mpf("0.7"), mpf("0.4")], [mpf("0.6"), mpf("0.1"), mpf("0.9")]]  # p(x_i = 1 | y)
    for y, *xs in itertools.product(range(2), repeat=4):
        likelihoods = [word[y][i] if x else 1 - word[y][i] for i, x in enumerate(xs)]
        joint = prior[y] * mp.fprod(likelihoods)
        if not close(joint, (prior[y] if with_prior else 1) * mp.fprod(likelihoods)):
            return False
    return True


def _u22_intro_marginal(with_x1):
    joint = _u22_joint(4, 3)
    for x1 in range(2):
        left = _u22_marginal(joint, [0], [x1])
        if with_x1:
            right = sum(p for x, p in joint.items() if x[0] == x1)
        else:
            right = sum(_u22_marginal(joint, [1, 2, 3], list(rest)) for rest in itertools.product(range(2), repeat=3))
        if not close(left, right):
            return False
    return True


CHECKS.update(
    {
        "u22-intro-naive-bayes": lambda: _u22_naive_bayes(True),
        "u22-intro-naive-bayes~no-prior": lambda: _u22_naive_bayes(False),
        "u22-intro-marginal": lambda: _u22_intro_marginal(True),
        "u22-intro-marginal~dropped-x1": lambda: _u22_intro_marginal(False),
    }
)


# ---- unseen23: Lil'Log's R-CNN family, labml.ai's DDIM sampler, DDPM evaluation, DQN model and Sketch RNN, CS231n's
# ---- NeRF, d2l's softmax from scratch and generalization, UDL 6.2 and 18.4, Spinning Up's VPG


def _u23_bbox_targets(variant):
    """The written targets t, put in for the corrections d, map the box p onto its ground truth g."""
    boxes = [
        ((mpf("0.4"), mpf("-1.2"), mpf("2.5"), mpf("0.7")), (mpf("1.1"), mpf("-0.3"), mpf("1.6"), mpf("1.9"))),
        ((mpf("-2"), mpf("0.5"), mpf("0.3"), mpf("4.1")), (mpf("-1.4"), mpf("2.2"), mpf("0.9"), mpf("3.3"))),
    ]
    for (px, py, pw, ph), (gx, gy, gw, gh) in boxes:
        tx = (gx - px) / (ph if variant == "height-for-width" else pw)
        ty = (gy - py) / ph
        tw = log(pw / gw) if variant == "log-inverted" else log(gw / pw)
        th = log(gh / ph)
        mapped = (pw * tx + px, ph * ty + py, pw * exp(tw), ph * exp(th))
        if not close(list(mapped), [gx, gy, gw, gh]):
            return False
    return True


def _u23_smooth_l1(far):
    """The written loss against the Huber loss of threshold 1, the integral of the clipped identity from 0."""

    def written(x):
        return mpf("0.5") * x**2 if abs(x) < 1 else abs(x) - far

    def huber(x):
        path = [mpf(0), *(v for v in (1, -1) if min(0, x) < v < max(0, x)), x]
        return quad(lambda u: max(-1, min(1, u)), path)

    return all(close(written(x), huber(x)) for x in (mpf("-2.5"), mpf("-0.6"), mpf("0.3"), mpf("1.7")))


def _u23_label_log_loss(target, p):
    """-log of the probability given to the label: p for label 1, 1 - p for label 0."""
    return -log(p if target == 1 else 1 - p)


def _u23_rpn_cls(variant):
    def written(p, ps):
        if variant == "plus":
            return -ps * log(p) + (1 - ps) * log(1 - p)
        if variant == "swapped":
            return -ps * log(1 - p) - (1 - ps) * log(p)
        return -ps * log(p) - (1 - ps) * log(1 - p)

    return all(
        close(written(p, ps), _u23_label_log_loss(ps, p))
        for ps in (0, 1)
        for p in (mpf("0.15"), mpf("0.6"), mpf("0.93"))
    )


def _u23_mask_loss(scale):
    """The written loss against the mean over the m x m cells of each cell's log loss."""
    m = 3
    y = [[1, 0, 1], [0, 0, 1], [1, 1, 0]]
    yhat = [[mpf(v) for v in row] for row in (("0.8", "0.3", "0.6"), ("0.1", "0.45", "0.7"), ("0.9", "0.55", "0.2"))]
    cells = [_u23_label_log_loss(y[i][j], yhat[i][j]) for i in range(m) for j in range(m)]
    total = sum(y[i][j] * log(yhat[i][j]) + (1 - y[i][j]) * log(1 - yhat[i][j]) for i in range(m) for j in range(m))
    return close(-total / scale(m), sum(cells) / len(cells))


def _u23_guidance(sign):
    """The written combination against the code's e_uncond + s (e_cond - e_uncond), at generic values of the two."""
    for e_cond, e_uncond, s in ((mpf("0.7"), mpf("-1.3"), mpf("7.5")), (mpf("2.1"), mpf("0.4"), mpf("3"))):
        if not close(s * e_cond + sign * (s - 1) * e_uncond, e_uncond + s * (e_cond - e_uncond)):
            return False
    return True


def _u23_ddim_keeps_marginal(step):
    """The step applied to x_t = sqrt(a_t) x0 + sqrt(1 - a_t) eps with the noise predicted exactly and fresh noise e':
    given x0, x_{t-1} must have mean sqrt(a_{t-1}) x0 and variance 1 - a_{t-1}. The step is linear in (x0, eps, e'),
    so its coefficients are read off at unit vectors."""
    for a_t, a_prev, sigma in ((mpf("0.5"), mpf("0.7"), mpf("0.3")), (mpf("0.2"), mpf("0.35"), mpf("0.6"))):

        def out(x0, eps, fresh, a_t=a_t, a_prev=a_prev, sigma=sigma):
            x_t = sqrt(a_t) * x0 + sqrt(1 - a_t) * eps
            return step(x_t, eps, fresh, a_t, a_prev, sigma)

        c_x0, c_eps, c_fresh = out(1, 0, 0), out(0, 1, 0), out(0, 0, 1)
        if not (close(c_x0, sqrt(a_prev)) and close(c_eps**2 + c_fresh**2, 1 - a_prev)):
            return False
    return True


def _u23_ddim_step(variant):
    def step(x_t, eps, fresh, a_t, a_prev, sigma):
        x0_hat = (x_t - sqrt(1 - a_t) * eps) / sqrt(a_t)
        lead = sqrt(a_t) if variant == "alpha-t" else sqrt(a_prev)
        direction = sqrt(1 - a_prev) if variant == "no-sigma" else sqrt(1 - a_prev - sigma**2)
        return lead * x0_hat + direction * eps + sigma * fresh

    return _u23_ddim_keeps_marginal(step)


_U23_DDPM = [(mpf("0.02"), mpf("0.6")), (mpf("0.3"), mpf("0.25"))]  # (beta_t, abar_{t-1})


def _u23_ddpm_posterior(variant):
    """q(x_{t-1} | x_t, x_0) by Bayes' rule from the forward kernels, against the written normal."""
    for beta, abar_prev in _U23_DDPM:
        alpha = 1 - beta
        abar = abar_prev * alpha
        c0 = (sqrt(alpha) if variant == "coefficients-swapped" else sqrt(abar_prev)) * beta / (1 - abar)
        ct = (sqrt(abar_prev) if variant == "coefficients-swapped" else sqrt(alpha)) * (1 - abar_prev) / (1 - abar)
        var = beta * ((1 - abar) / (1 - abar_prev) if variant == "variance-inverted" else (1 - abar_prev) / (1 - abar))
        for x0, xt, xprev in ((mpf("0.4"), mpf("-0.3"), mpf("0.1")), (mpf("-1.2"), mpf("0.8"), mpf("1.5"))):
            bayes = (
                _u22_normal(xt, sqrt(alpha) * xprev, beta)
                * _u22_normal(xprev, sqrt(abar_prev) * x0, 1 - abar_prev)
                / _u22_normal(xt, sqrt(abar) * x0, 1 - abar)
            )
            if not close(bayes, _u22_normal(xprev, c0 * x0 + ct * xt, var)):
                return False
    return True


def _u23_x0_hat(root):
    for abar, x0, eps in ((mpf("0.3"), mpf("1.2"), mpf("-0.4")), (mpf("0.85"), mpf("-0.7"), mpf("0.9"))):
        x_t = sqrt(abar) * x0 + sqrt(1 - abar) * eps
        if not close((x_t - sqrt(1 - abar) * eps) / (sqrt(abar) if root else abar), x0):
            return False
    return True


def _u23_reverse_mean(root):
    """The written mean against the posterior mean of x_{t-1} given x_t and the x_0 the predicted noise gives, the
    posterior mean computed by completing the square (precision-weighted means of the two normal factors)."""
    for beta, abar_prev in _U23_DDPM:
        alpha = 1 - beta
        abar = abar_prev * alpha
        for x_t, eps in ((mpf("0.6"), mpf("-1.1")), (mpf("-0.9"), mpf("0.35"))):
            x0 = (x_t - sqrt(1 - abar) * eps) / sqrt(abar)
            precision = alpha / beta + 1 / (1 - abar_prev)
            posterior = (sqrt(alpha) * x_t / beta + sqrt(abar_prev) * x0 / (1 - abar_prev)) / precision
            written = (x_t - beta / (sqrt(1 - abar) if root else 1 - abar) * eps) / sqrt(alpha)
            if not close(written, posterior):
                return False
    return True


def _u23_interpolate(noised):
    """The written interpolation against the code's (1 - lambda) x_t + lambda x'_t, x'_t the second image noised."""
    abar, x_t, x0_b, eps_b = mpf("0.4"), mpf("0.3"), mpf("1.5"), mpf("-0.8")
    xt_b = sqrt(abar) * x0_b + sqrt(1 - abar) * eps_b
    return all(
        close((1 - lam) * x_t + lam * (xt_b if noised else x0_b), (1 - lam) * x_t + lam * xt_b)
        for lam in (mpf("0.25"), mpf("0.8"))
    )


_U23_RAY = (
    [mpf("0.8"), mpf("2.5"), mpf("0.3")],
    [mpf("0.4"), mpf("0.25"), mpf("1.1")],
    [mpf("0.9"), mpf("-0.2"), mpf("0.6")],
)


def _u23_render_integral(sigma, delta, c):
    """The volume rendering integral of T(t) sigma(t) c(t) along the ray, density and colour constant on each segment:
    T at a segment's start is the product of exp(-sigma_j delta_j) over the segments before it, and inside it decays
    as exp(-sigma_i u); each segment's integral is taken by quadrature."""
    total, through = 0, mpf(1)
    for s, d, col in zip(sigma, delta, c):
        total += quad(lambda u, s=s, th=through, col=col: th * exp(-s * u) * s * col, [0, d])
        through *= exp(-s * d)
    return total


def _u23_nerf(variant):
    sigma, delta, c = _U23_RAY
    n = len(sigma)
    upto = (lambda i: i + 1) if variant == "own-segment" else (lambda i: i)
    T = [exp(-sum(sigma[j] * delta[j] for j in range(upto(i)))) for i in range(n)]
    stopped = [
        exp(-sigma[i] * delta[i])
        if variant in ("no-one-minus", "weight-transmittance")
        else 1 - exp(-sigma[i] * delta[i])
        for i in range(n)
    ]
    written = sum(T[i] * stopped[i] * c[i] for i in range(n))
    return close(written, _u23_render_integral(sigma, delta, c))


def _u23_softmax_rows(columns):
    """A softmax of each row: every row sums to 1 and entries of a row are in the ratio exp(X_ij - X_ik)."""
    X = [[mpf("0.3"), mpf("-1.2"), mpf("2.0")], [mpf("1.1"), mpf("0.4"), mpf("-0.5")]]
    n, q = len(X), len(X[0])
    S = [
        [
            exp(X[i][j]) / (sum(exp(X[k][j]) for k in range(n)) if columns else sum(exp(X[i][k]) for k in range(q)))
            for j in range(q)
        ]
        for i in range(n)
    ]
    return all(close(sum(row), 1) for row in S) and all(
        close(S[i][j] / S[i][k], exp(X[i][j] - X[i][k])) for i in range(n) for j in range(q) for k in range(q)
    )


def _u23_risk(with_density):
    """(x, y) with density x + y on the unit square, f(x) = x/2 + 1/5, squared loss: the expectation summed exactly
    over the loss's monomials (the moment of x^a y^b is 1/((a+2)(b+1)) + 1/((a+1)(b+2))) against the written double
    integral by quadrature over the support."""
    terms = {
        (2, 0): Fraction(1, 4),
        (0, 0): Fraction(1, 25),
        (0, 2): Fraction(1),
        (1, 0): Fraction(1, 5),
        (1, 1): Fraction(-1),
        (0, 1): Fraction(-2, 5),
    }
    expectation = sum(
        c * (Fraction(1, (a + 2) * (b + 1)) + Fraction(1, (a + 1) * (b + 2))) for (a, b), c in terms.items()
    )

    def integrand(x, y):
        loss = (x / 2 + mpf(1) / 5 - y) ** 2
        return loss * (x + y) if with_density else loss

    return close(quad(integrand, [0, 1], [0, 1]), mpf(expectation.numerator) / expectation.denominator)


def _u23_finite_differences(scale):
    """The written differences at a step of 10^-15 against the partial derivatives (their error is O(delta))."""

    def L(p0, p1):
        return mp.sin(p0) * p1**2 + exp(p0 * p1)

    for p0, p1 in ((mpf("0.3"), mpf("-1.1")), (mpf("1.4"), mpf("0.6"))):
        d = mpf(10) ** -15
        first = (L(p0 + d, p1) - L(p0, p1)) / (scale * d)
        second = (L(p0, p1 + d) - L(p0, p1)) / d
        exact = (diff(lambda u: L(u, p1), p0), diff(lambda u: L(p0, u), p1))
        if not (close(first, exact[0], mpf(10) ** -10) and close(second, exact[1], mpf(10) ** -10)):
            return False
    return True


def _u23_vpg(weight):
    """A two-state, two-action MDP over steps t = 0, 1: the gradient of the expected return (finite differences)
    against the written expectation over every trajectory, with Q, V and A computed backwards from the last step."""
    P0 = [mpf("0.6"), mpf("0.4")]
    P = {
        (0, 0): [mpf("0.7"), mpf("0.3")],
        (0, 1): [mpf("0.2"), mpf("0.8")],
        (1, 0): [mpf("0.5"), mpf("0.5")],
        (1, 1): [mpf("0.9"), mpf("0.1")],
    }
    R = {(0, 0): mpf("1.0"), (0, 1): mpf("-0.5"), (1, 0): mpf("0.3"), (1, 1): mpf("2.0")}
    W = {(0, 0): mpf("0.8"), (0, 1): mpf("-0.6"), (1, 0): mpf("0.4"), (1, 1): mpf("1.3")}

    def pi(theta, s):
        return softmax([W[s, a] * theta + mpf(a) / 3 for a in range(2)])

    def trajectories(theta):
        for s0, a0, s1, a1 in itertools.product(range(2), repeat=4):
            yield (s0, a0, s1, a1), P0[s0] * pi(theta, s0)[a0] * P[s0, a0][s1] * pi(theta, s1)[a1]

    def J(theta):
        return sum(prob * (R[tau[0], tau[1]] + R[tau[2], tau[3]]) for tau, prob in trajectories(theta))

    for theta in (mpf("-0.4"), mpf("0.7")):
        Q1 = {(s, a): R[s, a] for s in range(2) for a in range(2)}
        V1 = {s: sum(pi(theta, s)[a] * Q1[s, a] for a in range(2)) for s in range(2)}
        Q0 = {(s, a): R[s, a] + sum(P[s, a][s2] * V1[s2] for s2 in range(2)) for s in range(2) for a in range(2)}
        V0 = {s: sum(pi(theta, s)[a] * Q0[s, a] for a in range(2)) for s in range(2)}
        Q, V = (Q0, Q1), (V0, V1)

        def score(s, a, theta=theta):
            if weight == "no-log":
                return diff(lambda u: pi(u, s)[a], theta)
            return diff(lambda u: log(pi(u, s)[a]), theta)

        def multiplier(t, s, a):
            return V[t][s] if weight == "value" else Q[t][s, a] - V[t][s]

        written = sum(
            prob * sum(score(tau[2 * t], tau[2 * t + 1]) * multiplier(t, tau[2 * t], tau[2 * t + 1]) for t in range(2))
            for tau, prob in trajectories(theta)
        )
        if not close(written, diff(J, theta)):
            return False
    return True


def _u23_dueling_advantage(sign, mean):
    Q, pi = [mpf("1.5"), mpf("-0.4"), mpf("0.9")], [mpf("0.2"), mpf("0.5"), mpf("0.3")]
    V = sum(p * q for p, q in zip(pi, Q))
    A = [q - V for q in Q]
    return all(close(Q[a], V + sign * A[a]) for a in range(3)) and close(sum(p * x for p, x in zip(pi, A)), mean)


def _u23_dueling_mean(with_value):
    """V the mean of Q over the actions, A = Q - V: the written aggregate against Q."""
    Q = [mpf("1.5"), mpf("-0.4"), mpf("0.9"), mpf("2.2")]
    V = sum(Q) / len(Q)
    A = [q - V for q in Q]
    centre = sum(A) / len(A)
    return all(close(Q[a], (V if with_value else 0) + (A[a] - centre)) for a in range(len(Q)))


def _u23_softmax_upto(size, upto):
    """The written weights over `size` logits, normalised by the first `upto`, form a distribution only if they sum
    to 1 (each in ratio exp(difference of logits) to the others, as any softmax)."""
    logits = [mpf(k) / 7 - mpf(k % 3) / 2 for k in range(size)]
    weights = [exp(z) / sum(exp(logits[j]) for j in range(upto)) for z in logits]
    return close(sum(weights), 1)


def _u23_scale_tril(variant):
    """L = [[a, 0], [b, c]] with the written a, b, c: L L^T against the bivariate normal's covariance."""
    for sx, sy, rho in ((mpf("0.8"), mpf("1.7"), mpf("0.45")), (mpf("2.2"), mpf("0.6"), mpf("-0.7"))):
        a = sx
        b = rho * (sx if variant == "sigma-x" else sy)
        c = sy * sqrt(1 - (rho if variant == "no-square" else rho**2))
        L = matrix([[a, 0], [b, c]])
        if not close(L * L.T, matrix([[sx**2, rho * sx * sy], [rho * sx * sy, sy**2]])):
            return False
    return True


CHECKS.update(
    {
        "u23-bbox-targets": lambda: _u23_bbox_targets(None),
        "u23-bbox-targets~height-for-width": lambda: _u23_bbox_targets("height-for-width"),
        "u23-bbox-targets~log-inverted": lambda: _u23_bbox_targets("log-inverted"),
        "u23-smooth-l1": lambda: _u23_smooth_l1(mpf("0.5")),
        "u23-smooth-l1~minus-one": lambda: _u23_smooth_l1(1),
        "u23-rpn-cls-loss": lambda: _u23_rpn_cls(None),
        "u23-rpn-cls-loss~plus": lambda: _u23_rpn_cls("plus"),
        "u23-rpn-cls-loss~swapped": lambda: _u23_rpn_cls("swapped"),
        "u23-mask-loss": lambda: _u23_mask_loss(lambda m: m**2),
        "u23-mask-loss~over-m": lambda: _u23_mask_loss(lambda m: m),
        "u23-ddim-guidance": lambda: _u23_guidance(1),
        "u23-ddim-guidance~put-right": lambda: _u23_guidance(-1),
        "u23-ddim-step": lambda: _u23_ddim_step(None),
        "u23-ddim-step~no-sigma": lambda: _u23_ddim_step("no-sigma"),
        "u23-ddpm-posterior": lambda: _u23_ddpm_posterior(None),
        "u23-ddpm-posterior~coefficients-swapped": lambda: _u23_ddpm_posterior("coefficients-swapped"),
        "u23-ddpm-posterior~variance-inverted": lambda: _u23_ddpm_posterior("variance-inverted"),
        "u23-ddpm-x0-hat": lambda: _u23_x0_hat(True),
        "u23-ddpm-x0-hat~no-root": lambda: _u23_x0_hat(False),
        "u23-ddpm-reverse-mean": lambda: _u23_reverse_mean(True),
        "u23-ddpm-reverse-mean~no-root": lambda: _u23_reverse_mean(False),
        "u23-ddpm-interpolate": lambda: _u23_interpolate(False),
        "u23-ddpm-interpolate~put-right": lambda: _u23_interpolate(True),
        "u23-nerf-render": lambda: _u23_nerf(None),
        "u23-nerf-render~own-segment": lambda: _u23_nerf("own-segment"),
        "u23-nerf-render~no-one-minus": lambda: _u23_nerf("no-one-minus"),
        "u23-nerf-coarse": lambda: _u23_nerf(None),
        "u23-nerf-coarse~weight-transmittance": lambda: _u23_nerf("weight-transmittance"),
        "u23-d2l-softmax-rows": lambda: _u23_softmax_rows(False),
        "u23-d2l-softmax-rows~columns": lambda: _u23_softmax_rows(True),
        "u23-d2l-generalization-risk": lambda: _u23_risk(True),
        "u23-d2l-generalization-risk~no-density": lambda: _u23_risk(False),
        "u23-udl-finite-differences": lambda: _u23_finite_differences(1),
        "u23-udl-finite-differences~two-delta": lambda: _u23_finite_differences(2),
        "u23-udl-ddim-step": lambda: _u23_ddim_step(None),
        "u23-udl-ddim-step~alpha-t": lambda: _u23_ddim_step("alpha-t"),
        "u23-vpg-gradient": lambda: _u23_vpg("log"),
        "u23-vpg-gradient~no-log": lambda: _u23_vpg("no-log"),
        "u23-vpg-gradient~value": lambda: _u23_vpg("value"),
        "u23-dueling-advantage": lambda: _u23_dueling_advantage(1, 0),
        "u23-dueling-advantage~minus": lambda: _u23_dueling_advantage(-1, 0),
        "u23-dueling-advantage~mean-one": lambda: _u23_dueling_advantage(1, 1),
        "u23-dueling-mean": lambda: _u23_dueling_mean(True),
        "u23-dueling-mean~no-value": lambda: _u23_dueling_mean(False),
        "u23-sketch-q-softmax": lambda: _u23_softmax_upto(3, 3),
        "u23-sketch-q-softmax~two": lambda: _u23_softmax_upto(3, 2),
        "u23-sketch-pi-softmax": lambda: _u23_softmax_upto(20, 3),
        "u23-sketch-pi-softmax~put-right": lambda: _u23_softmax_upto(20, 20),
        "u23-sketch-scale-tril": lambda: _u23_scale_tril(None),
        "u23-sketch-scale-tril~no-square": lambda: _u23_scale_tril("no-square"),
        "u23-sketch-scale-tril~sigma-x": lambda: _u23_scale_tril("sigma-x"),
    }
)


# ---- unseen24: Stanford CS324's lectures (introduction, capabilities, modeling, training, selective architectures),
# ---- labml.ai's sampling with temperature, instance and group normalization, StyleGAN 2's path length penalty


def _u24_weights(count, seed):
    """``count`` positive weights, fixed and unequal (a small linear congruential sequence), for generic laws."""
    state, out = seed, []
    for _ in range(count):
        state = (1103515245 * state + 12345) % 2**31
        out.append(mpf(1) + mpf(state % 997) / 137)
    return out


def _u24_joint(length, values, seed):
    """A generic joint law of ``length`` tokens over ``values`` values each: {sequence: probability}."""
    sequences = list(itertools.product(range(values), repeat=length))
    weights = _u24_weights(len(sequences), seed)
    total = sum(weights)
    return {s: w / total for s, w in zip(sequences, weights)}


def _u24_conditional(joint, token, given):
    """p(x_i = token[i] | x_j = token[j] for j in given) under ``joint``, for the positions ``given``."""

    def mass(positions):
        return sum(pr for s, pr in joint.items() if all(s[j] == token[j] for j in positions))

    return mass([*given, token["at"]]) / mass(given) if given else mass([token["at"]])


def _u24_factor(joint, sequence, at, given):
    token = dict(enumerate(sequence))
    token["at"] = at
    return _u24_conditional(joint, token, list(given))


def _u24_chain_rule(variant):
    """The written chain at L = 3 and 4, at every sequence of a generic law of binary tokens."""
    for length in (3, 4):
        joint = _u24_joint(length, 2, 7 + length)
        for s, pr in joint.items():
            expanded = mpf(1)
            for i in range(length):
                given = (1,) if (variant == "markov" and i == 2) else range(i)
                expanded *= _u24_factor(joint, s, i, given)
            factors = [_u24_factor(joint, s, i, range(i)) for i in range(length)]
            last = sum(factors) if variant == "sum" else mpf(1)
            if variant != "sum":
                for f in factors:
                    last *= f
            if not (close(pr, expanded) and close(pr, last)):
                return False
    return True


def _u24_chain_example(short_context):
    """The mouse sentence under a generic law of five tokens over the four words the, mouse, ate, cheese."""
    joint = _u24_joint(5, 4, 23)
    the, mouse, ate, cheese = range(4)
    sentence = (the, mouse, ate, the, cheese)
    product = mpf(1)
    for i in range(5):
        given = range(1, 4) if (short_context and i == 4) else range(i)
        product *= _u24_factor(joint, sentence, i, given)
    return close(joint[sentence], product)


def _u24_annealed(T, cheese=mpf("0.4"), mouse=mpf("0.6")):
    """p^{1/T} normalised over the two tokens: (cheese, mouse)."""
    a, b = cheese ** (1 / T), mouse ** (1 / T)
    return a / (a + b), b / (a + b)


def _u24_two_decimals(value, written):
    """The written decimal is the value rounded to two places (half a unit in the last place)."""
    return abs(value - mpf(written)) <= mpf("0.005")


def _u24_temperature(T, cheese, mouse):
    got = _u24_annealed(mpf(T))
    return _u24_two_decimals(got[0], cheese) and _u24_two_decimals(got[1], mouse)


def _u24_temperature_zero(cheese, mouse):
    """The limit T -> 0+: the annealed probabilities at T = 10^-2, 10^-3 approach the written values."""
    near = [_u24_annealed(mpf(10) ** -k) for k in (2, 3)]
    return all(abs(c - cheese) < mpf(10) ** -15 and abs(m - mouse) < mpf(10) ** -15 for c, m in near[1:]) and abs(
        near[1][0] - cheese
    ) <= abs(near[0][0] - cheese)


_U24_LAWS = [
    [mpf("0.5"), mpf("0.3"), mpf("0.2")],
    [mpf("0.1"), mpf("0.05"), mpf("0.85")],
    [mpf("0.25"), mpf("0.25"), mpf("0.5")],
]


def _u24_entropy(reciprocal):
    """Shannon's entropy: the expected code length -E[ln p(X)]; it is ln n on the uniform law of n outcomes."""
    for p in [*_U24_LAWS, [mpf(1) / 8] * 8]:
        written = sum(px * log(1 / px if reciprocal else px) for px in p)
        expected_code = -sum(px * log(px) for px in p)
        if not close(written, expected_code):
            return False
    return close(expected_code, log(8))


def _u24_cross_entropy(swapped):
    for p, q in itertools.permutations(_U24_LAWS, 2):
        written = sum((qx if swapped else px) * log(1 / (px if swapped else qx)) for px, qx in zip(p, q))
        if not close(written, -sum(px * log(qx) for px, qx in zip(p, q))):
            return False
    return True


def _u24_gibbs(ge):
    for p, q in itertools.product(_U24_LAWS, repeat=2):
        cross, own = -sum(a * log(b) for a, b in zip(p, q)), -sum(a * log(a) for a in p)
        if not (cross >= own - TOL if ge else cross <= own + TOL):
            return False
    return True


def _u24_noisy_channel(prior_of_speech):
    """p(text | speech) / (prior * p(speech | text)) must not depend on the text, for each speech."""
    joint = _u24_joint(2, 3, 41)  # (text, speech), three values each
    for speech in range(3):
        p_speech = sum(joint[(t, speech)] for t in range(3))
        ratios = []
        for text in range(3):
            p_text = sum(joint[(text, s)] for s in range(3))
            posterior = joint[(text, speech)] / p_speech
            likelihood = joint[(text, speech)] / p_text
            ratios.append(posterior / ((p_speech if prior_of_speech else p_text) * likelihood))
        if not all(close(r, ratios[0]) for r in ratios):
            return False
    return True


_U24_TOKEN_PROBS = [mpf("0.3"), mpf("0.05"), mpf("0.6"), mpf("0.2"), mpf("0.45")]


def _u24_perplexity(variant):
    """The written perplexity against the inverse geometric mean of the per-token probabilities."""
    probs = _U24_TOKEN_PROBS
    L = len(probs)
    terms = [log(p) if variant == "no-reciprocal" else log(1 / p) for p in probs]
    written = exp((1 if variant == "no-mean" else mpf(1) / L) * sum(terms))
    product = mpf(1)
    for p in probs:
        product *= p
    return close(written, product ** (-mpf(1) / L))


def _u24_recall_error(to_infinity):
    """Perplexity of the five tokens as the probability of one of them goes to 0, the others fixed."""

    def ppl(delta):
        probs = [_U24_TOKEN_PROBS[0], _U24_TOKEN_PROBS[1], delta, *_U24_TOKEN_PROBS[3:]]
        return exp(sum(log(1 / p) for p in probs) / len(probs))

    values = [ppl(mpf(10) ** -k) for k in (10, 20, 40, 80)]
    growing = all(a < b for a, b in zip(values, values[1:])) and values[-1] > 10**15
    return growing if to_infinity else values[-1] < mpf(10) ** -6


def _u24_mixture_bound(relation, approx):
    """ppl_q against ppl_p / (1 - eps) at generic per-token probabilities (and at r = p), and the first-order
    expansion of 1 / (1 - eps)."""
    p = _U24_TOKEN_PROBS
    cases = [[mpf("0.9"), mpf("0.01"), mpf("0.3"), mpf("0.7"), mpf("0.02")], list(p)]  # r generic, r = p
    for eps in (mpf("0.05"), mpf("0.3"), mpf("0.8")):
        for r in cases:
            q = [(1 - eps) * a + eps * b for a, b in zip(p, r)]
            ppl_p = exp(sum(log(1 / a) for a in p) / len(p))
            ppl_q = exp(sum(log(1 / a) for a in q) / len(q))
            bound = ppl_p / (1 - eps)
            if not (ppl_q <= bound + TOL if relation == "le" else ppl_q >= bound - TOL):
                return False
    eps = mpf(10) ** -8
    return abs(1 / (1 - eps) - approx(eps)) / eps < mpf(10) ** -6


def _u24_nll(with_context):
    """Sum over a data set of -log p(x) against the written sum of per-token terms, under a generic law."""
    joint = _u24_joint(3, 2, 57)
    data = [(0, 1, 1), (1, 1, 0), (0, 0, 0)]
    whole = sum(-log(joint[x]) for x in data)
    split = sum(-log(_u24_factor(joint, x, i, range(i) if with_context else ())) for x in data for i in range(3))
    return close(whole, split)


def _u24_sgd(sign):
    """A small step against the mean gradient of -log p_theta lowers the mini-batch loss of a softmax model."""
    features = [mpf("0.3"), mpf("-1.1"), mpf("2.0")]
    batch = [0, 2, 2, 1]

    def loss(theta):
        z = sum(exp(theta * f) for f in features)
        return sum(-log(exp(theta * features[x]) / z) for x in batch) / len(batch)

    for theta in (mpf("-0.7"), mpf("0.2"), mpf("1.5")):
        step = theta + sign * mpf("0.01") * diff(loss, theta)
        if not loss(step) < loss(theta):
            return False
    return True


_U24_BETA1, _U24_BETA2 = mpf("0.9"), mpf("0.95")


def _u24_moments(g, steps, beta, swapped=False, square=True):
    """m_1, ..., m_steps from m_0 = 0 under a constant gradient g (squared for the second moment)."""
    m, out = mpf(0), []
    value = g**2 if square else g
    for _ in range(steps):
        m = beta * value + (1 - beta) * m if swapped else beta * m + (1 - beta) * value
        out.append(m)
    return out


def _u24_adam_moment(which, variant):
    """Bias-corrected, a constant gradient must come out unchanged (g, or g^2 for the second moment)."""
    for g in (mpf("0.4"), mpf("-2.5")):
        if which == "m":
            ms = _u24_moments(g, 6, _U24_BETA1, swapped=variant == "weights-swapped", square=False)
            target, beta = g, _U24_BETA1
        else:
            ms = _u24_moments(g, 6, _U24_BETA2, square=variant != "not-squared")
            target, beta = g**2, _U24_BETA2
        for t, m in enumerate(ms, start=1):
            if variant == "no-power":
                corrected = m / (1 - beta)
            elif variant == "beta-one":
                corrected = m / (1 - _U24_BETA1**t)
            else:
                corrected = m / (1 - beta**t)
            if not close(corrected, target):
                return False
    return True


def _u24_adam_step(root):
    """Under a constant gradient g, Adam's step is about eta against the sign of g, whatever g's scale."""
    eta, eps = mpf("0.001"), mpf(10) ** -8
    for g in (mpf("0.3"), mpf("-2.5"), mpf("40")):
        m_hat, v_hat = g, g**2  # the corrected moments of a constant gradient
        step = -eta * m_hat / ((sqrt(v_hat) if root else v_hat) + eps)
        if not abs(step + eta * (1 if g > 0 else -1)) < eta * mpf(10) ** -6:
            return False
    return True


def _u24_clip(divisor):
    """Clipping to norm 1: the result has norm at most 1 and a gradient of norm at most 1 is unchanged."""
    for g in ([mpf("0.3"), mpf("-0.2")], [mpf("2"), mpf("-3")]):
        norm = sqrt(sum(x**2 for x in g))
        clipped = [x / divisor(1, norm) for x in g]
        new_norm = sqrt(sum(x**2 for x in clipped))
        if new_norm > 1 + TOL or (norm <= 1 and not close(clipped, g)):
            return False
    return True


def _u24_logistic(sign):
    """(1 + e^{sign z})^{-1} against the logistic written through tanh, (1 + tanh(z/2)) / 2."""
    return identity(lambda z: 1 / (1 + exp(sign * z)), lambda z: (1 + tanh(z / 2)) / 2)


def _u24_attention_score(moved):
    Wk = matrix([[1, 2, 0], [-1, 3, 1], [2, 0, -2]])
    Wq = matrix([[0, 1, 4], [2, -1, 1], [1, 1, 3]])
    x, y = matrix([1, -2, 3]), matrix([2, 1, -1])
    key, query = Wk * x, Wq * y
    dot = sum(key[i] * query[i] for i in range(3))
    written = (x.T * Wk * Wq.T * y)[0] if moved else (x.T * Wk.T * Wq * y)[0]
    return close(written, dot)


def _u24_moe_gradient(variant):
    """d/dx of sum_e g_e h_e (softmax gates of w_e x, three smooth experts) against the written sum."""
    w = [mpf("0.5"), mpf("-1.2"), mpf("2.0")]
    experts = [lambda x: sin(x) + x**2, lambda x: exp(x / 3), lambda x: x**3 - 2 * x]

    def gate(e, x):
        return exp(w[e] * x) / sum(exp(v * x) for v in w)

    def f(x):
        return sum(gate(e, x) * experts[e](x) for e in range(3))

    def written(x):
        total = 0
        for e in range(3):
            inner = diff(lambda u, e=e: gate(e, u) if variant == "no-log" else log(gate(e, u)), x)
            term = inner * experts[e](x) + diff(experts[e], x)
            total += term if variant == "no-gate" else gate(e, x) * term
        return total

    return all(close(diff(f, x), written(x), tol=mpf(10) ** -15) for x in (mpf("-0.8"), mpf("0.3"), mpf("1.4")))


_U24_GATES = [
    [Fraction(2, 10), Fraction(6, 10), Fraction(1, 10), Fraction(1, 10)],
    [Fraction(1, 10), Fraction(6, 10), Fraction(2, 10), Fraction(1, 10)],
]


def _u24_top2(g, keep_second=True):
    order = sorted(range(len(g)), key=lambda e: -g[e])
    e1, e2 = order[0], order[1]
    out = [Fraction(0)] * len(g)
    if keep_second:
        out[e1], out[e2] = g[e1] / (g[e1] + g[e2]), g[e2] / (g[e1] + g[e2])
    else:
        out[e1] = Fraction(1)
    return out, g[e2]


def _u24_moe_counts(claim):
    """Every outcome of the top-2 gating of the page's two tokens (second expert kept or not, each with positive
    probability min(2 g_{e_2}, 1)): the written relation between sum_e c_e and B must hold at each."""
    B = len(_U24_GATES)
    for keeps in itertools.product((True, False), repeat=B):
        counts = [0] * 4
        for g, keep in zip(_U24_GATES, keeps):
            gated, second = _u24_top2(g, keep)
            if not 0 < min(2 * second, 1) < 1:
                return False  # both outcomes must be possible for the enumeration to stand
            for e in range(4):
                counts[e] += gated[e] > 0
        if not claim(sum(counts), B):
            return False
    return True


def _u24_moe_example(token, written):
    gated, _ = _u24_top2(_U24_GATES[token])
    return gated == [Fraction(v) for v in written]


def _u24_rag(with_input):
    """p(y | x) by marginalising the document z out of a generic joint law of (x, y, z)."""
    joint = {k: v for k, v in zip(itertools.product(range(2), range(2), range(3)), _u24_weights(12, 71))}
    total = sum(joint.values())
    joint = {k: v / total for k, v in joint.items()}

    def p(**fixed):
        return sum(v for (x, y, z), v in joint.items() if all(dict(x=x, y=y, z=z)[k] == fixed[k] for k in fixed))

    for x, y in itertools.product(range(2), range(2)):
        lhs = p(x=x, y=y) / p(x=x)
        rhs = 0
        for z in range(3):
            generator = p(x=x, y=y, z=z) / p(x=x, z=z) if with_input else p(y=y, z=z) / p(z=z)
            rhs += p(x=x, z=z) / p(x=x) * generator
        if not close(lhs, rhs):
            return False
    return True


def _u24_temperature_logits(times):
    """The written softmax of the logits and T against p^{1/T} normalised, with p the softmax of the logits."""
    u = [mpf("1.2"), mpf("-0.4"), mpf("0.3"), mpf("2.2")]
    for T in (mpf("0.5"), mpf("1.7")):
        p = [exp(x) / sum(exp(v) for v in u) for x in u]
        annealed = [a ** (1 / T) / sum(b ** (1 / T) for b in p) for a in p]
        scaled = [x * T if times else x / T for x in u]
        written = [exp(s) / sum(exp(v) for v in scaled) for s in scaled]
        if not close(written, annealed):
            return False
    return True


def _u24_variance(variant):
    """The written expression against the mean squared deviation of a feature map's values from their mean."""
    values = [mpf("0.3"), mpf("-1.2"), mpf("2.5"), mpf("0.8"), mpf("-0.1"), mpf("1.7")]
    n = len(values)
    mean = sum(values) / n
    variance = sum((v - mean) ** 2 for v in values) / n
    second = sum(v**2 for v in values) / n
    written = {"plus": second + mean**2, "unsquared-mean": second - mean}.get(variant, second - mean**2)
    return close(written, variance)


def _u24_jacobian(transposed):
    """J_w^T y, with J by finite differences of g, against the gradient of g(w) . y, at two points."""

    def g(w1, w2):
        return [sin(w1) + w2**2, w1 * w2 + exp(w1)]

    y = [mpf("0.7"), mpf("-1.3")]
    for w in ((mpf("0.4"), mpf("-0.9")), (mpf("1.1"), mpf("0.5"))):
        J = matrix(2, 2)
        for i in range(2):
            J[i, 0] = diff(lambda a: g(a, w[1])[i], w[0])
            J[i, 1] = diff(lambda b: g(w[0], b)[i], w[1])
        product = (J.T if transposed else J) * matrix(y)
        gradient = [
            diff(lambda a: sum(gi * yi for gi, yi in zip(g(a, w[1]), y)), w[0]),
            diff(lambda b: sum(gi * yi for gi, yi in zip(g(w[0], b), y)), w[1]),
        ]
        if not close([product[0], product[1]], gradient, tol=mpf(10) ** -15):
            return False
    return True


CHECKS.update(
    {
        "u24-chain-rule": lambda: _u24_chain_rule(None),
        "u24-chain-rule~sum": lambda: _u24_chain_rule("sum"),
        "u24-chain-rule~markov": lambda: _u24_chain_rule("markov"),
        "u24-chain-example": lambda: _u24_chain_example(False),
        "u24-chain-example~short-context": lambda: _u24_chain_example(True),
        "u24-temperature-half": lambda: _u24_temperature("0.5", "0.31", "0.69"),
        "u24-temperature-half~power-t": lambda: _u24_temperature("0.5", "0.45", "0.55"),
        "u24-temperature-fifth": lambda: _u24_temperature("0.2", "0.12", "0.88"),
        "u24-temperature-fifth~unnormalised": lambda: _u24_temperature("0.2", "0.01", "0.08"),
        "u24-temperature-zero": lambda: _u24_temperature_zero(0, 1),
        "u24-temperature-zero~uniform": lambda: _u24_temperature_zero(mpf("0.5"), mpf("0.5")),
        "u24-entropy": lambda: _u24_entropy(True),
        "u24-entropy~no-reciprocal": lambda: _u24_entropy(False),
        "u24-log-eight-nats": lambda: _u24_two_decimals(log(8), "2.08"),
        "u24-log-eight-nats~truncated": lambda: _u24_two_decimals(log(8), "2.07"),
        "u24-cross-entropy": lambda: _u24_cross_entropy(False),
        "u24-cross-entropy~swapped": lambda: _u24_cross_entropy(True),
        "u24-cross-entropy-bound": lambda: _u24_gibbs(True),
        "u24-cross-entropy-bound~le": lambda: _u24_gibbs(False),
        "u24-noisy-channel": lambda: _u24_noisy_channel(False),
        "u24-noisy-channel~evidence": lambda: _u24_noisy_channel(True),
        "u24-perplexity": lambda: _u24_perplexity(None),
        "u24-perplexity~no-mean": lambda: _u24_perplexity("no-mean"),
        "u24-perplexity~no-reciprocal": lambda: _u24_perplexity("no-reciprocal"),
        "u24-recall-error": lambda: _u24_recall_error(True),
        "u24-recall-error~to-zero": lambda: _u24_recall_error(False),
        "u24-mixture-bound": lambda: _u24_mixture_bound("le", lambda e: 1 + e),
        "u24-mixture-bound~reversed": lambda: _u24_mixture_bound("ge", lambda e: 1 + e),
        "u24-mixture-bound~one-minus": lambda: _u24_mixture_bound("le", lambda e: 1 - e),
        "u24-nll-objective": lambda: _u24_nll(True),
        "u24-nll-objective~no-context": lambda: _u24_nll(False),
        "u24-sgd-step": lambda: _u24_sgd(-1),
        "u24-sgd-step~ascent": lambda: _u24_sgd(1),
        "u24-adam-m": lambda: _u24_adam_moment("m", None),
        "u24-adam-m~weights-swapped": lambda: _u24_adam_moment("m", "weights-swapped"),
        "u24-adam-v": lambda: _u24_adam_moment("v", None),
        "u24-adam-v~not-squared": lambda: _u24_adam_moment("v", "not-squared"),
        "u24-adam-m-hat": lambda: _u24_adam_moment("m", None),
        "u24-adam-m-hat~no-power": lambda: _u24_adam_moment("m", "no-power"),
        "u24-adam-v-hat": lambda: _u24_adam_moment("v", None),
        "u24-adam-v-hat~beta-one": lambda: _u24_adam_moment("v", "beta-one"),
        "u24-adam-step": lambda: _u24_adam_step(True),
        "u24-adam-step~no-root": lambda: _u24_adam_step(False),
        "u24-grad-clip": lambda: _u24_clip(min),
        "u24-grad-clip~put-right": lambda: _u24_clip(max),
        "u24-unigram-likelihood": lambda: Fraction(2, 3) * Fraction(2, 3) * Fraction(1, 3) == Fraction(4, 9),
        "u24-unigram-likelihood~put-right": lambda: Fraction(2, 3) * Fraction(2, 3) * Fraction(1, 3) == Fraction(4, 27),
        "u24-logistic": lambda: _u24_logistic(-1),
        "u24-logistic~sign": lambda: _u24_logistic(1),
        "u24-attention-score": lambda: _u24_attention_score(False),
        "u24-attention-score~transpose-moved": lambda: _u24_attention_score(True),
        "u24-moe-gradient": lambda: _u24_moe_gradient(None),
        "u24-moe-gradient~no-log": lambda: _u24_moe_gradient("no-log"),
        "u24-moe-gradient~no-gate": lambda: _u24_moe_gradient("no-gate"),
        "u24-moe-counts": lambda: _u24_moe_counts(lambda total, B: total == B),
        "u24-moe-counts~put-right": lambda: _u24_moe_counts(lambda total, B: B <= total <= 2 * B),
        "u24-moe-top2-first": lambda: _u24_moe_example(0, ["0.25", "0.75", "0", "0"]),
        "u24-moe-top2-first~not-renormalised": lambda: _u24_moe_example(0, ["0.2", "0.6", "0", "0"]),
        "u24-moe-top2-second": lambda: _u24_moe_example(1, ["0", "0.75", "0.25", "0"]),
        "u24-moe-top2-second~wrong-expert": lambda: _u24_moe_example(1, ["0", "0.75", "0", "0.25"]),
        "u24-rag-marginal": lambda: _u24_rag(True),
        "u24-rag-marginal~no-input": lambda: _u24_rag(False),
        "u24-temperature-logits": lambda: _u24_temperature_logits(False),
        "u24-temperature-logits~times-t": lambda: _u24_temperature_logits(True),
        "u24-instance-norm-var": lambda: _u24_variance(None),
        "u24-instance-norm-var~plus": lambda: _u24_variance("plus"),
        "u24-group-norm-var": lambda: _u24_variance(None),
        "u24-group-norm-var~unsquared-mean": lambda: _u24_variance("unsquared-mean"),
        "u24-stylegan-jacobian": lambda: _u24_jacobian(True),
        "u24-stylegan-jacobian~untransposed": lambda: _u24_jacobian(False),
    }
)


# ---- unseen25: a study repository's notebooks (log-sum-exp, log-softmax, Gibbs' inequality, cross-entropy, L1, MSE and
# ---- NLL worked by hand), a course page and a memo on Adam's bias correction, two softmax cross-entropy derivations

_U25_LOGITS = [
    [mpf("1.3"), mpf("-0.7"), mpf("2.2")],
    [mpf("0.1"), mpf("0.4"), mpf("-1.9"), mpf("3.0")],
    [mpf("-2.5"), mpf("0.8")],
]
_U25_PAIRS = [(mpf("0.5"), mpf("0.1")), (mpf("0.1"), mpf("0.5")), (mpf("0.3"), mpf("0.3")), (mpf("0.05"), mpf("0.9"))]
_U25_LAWS = [
    ([mpf("0.2"), mpf("0.5"), mpf("0.3")], [mpf("0.6"), mpf("0.1"), mpf("0.3")]),
    ([mpf("0.7"), mpf("0.3")], [mpf("0.25"), mpf("0.75")]),
]


def _u25_lse(variant):
    """The written right side of the log-sum-exp trick against log sum e^{z_i}, with m the largest logit."""
    for z in _U25_LOGITS:
        m = max(z)
        total = sum(exp(v) for v in z)
        shifted = sum(exp(v - m) for v in z)
        written = {
            "minus-m": -m + log(shifted),
            "factor": exp(m) * shifted,
            "inverse": exp(-m) * shifted,
            "log-product": log(exp(m) * shifted),
            "plus": log(exp(m) + shifted),
        }.get(variant, m + log(shifted))
        wanted = total if variant in ("factor", "inverse") else log(total)
        if not close(written, wanted):
            return False
    return True


def _u25_log_softmax(variant):
    """The written log-softmax or shifted softmax against log p_i and p_i computed directly."""
    for z in _U25_LOGITS:
        m = max(z)
        p = softmax(z)
        for i, zi in enumerate(z):
            if variant in ("shift", "unshifted-sum"):
                denominator = sum(exp(v) for v in z) if variant == "unshifted-sum" else sum(exp(v - m) for v in z)
                if not close(exp(zi - m) / denominator, p[i]):
                    return False
            else:
                sign = 1 if variant == "plus" else -1
                if not close(zi + sign * log(sum(exp(v) for v in z)), log(p[i])):
                    return False
    return True


def _u25_gibbs_pointwise(times_p, holds_as):
    """The written bound on log(p/q) (or p log(p/q)) at positive pairs, read with the comparison holds_as."""
    for p, q in _U25_PAIRS:
        left = p * log(p / q) if times_p else log(p / q)
        right = {"times-p": p - q, "swapped": q - p}.get(times_p, 1 - q / p)
        if not holds_as(left, right):
            return False
    return True


def _u25_gibbs_sum(holds_as):
    """The summed bound and sum (p - q) = 0 over two pairs of distributions, read with the comparison holds_as."""
    for p, q in _U25_LAWS:
        gap = sum(a - b for a, b in zip(p, q))
        if not (close(gap, 0) and holds_as(kl(p, q), gap)):
            return False
    return True


def _u25_kl(inverted):
    """The written sum against the Kullback-Leibler divergence, and its sign."""
    for p, q in _U25_LAWS:
        written = sum(a * log((b / a) if inverted else (a / b)) for a, b in zip(p, q))
        if not (close(written, kl(p, q)) and written >= 0):
            return False
    return True


def _u25_sigmoid_chain(f, middle, written):
    """sigma(f), 1 / (1 + middle) with middle = e^{-f} as printed, and both rounded to the written decimal."""
    return rounds_to(exp(-f), middle) and rounds_to(1 / (1 + mpf(middle)), written) and rounds_to(sigmoid(f), written)


def _u25_sigmoid_derivative(variant):
    """The written dp/dx against the derivative of the sigmoid by finite differences."""

    def written(x):
        return {
            "exp-sign": exp(x) / (1 + exp(-x)) ** 2,
            "chain": -((1 + exp(-x)) ** -2) * (-exp(-x)),
            "inner-sign": -((1 + exp(-x)) ** -2) * exp(-x),
        }.get(variant, exp(-x) / (1 + exp(-x)) ** 2)

    return identity(lambda x: D(sigmoid, x), written)


def _u25_log_sigmoid_gradient(negative, written):
    """dL/dx for L = log p (or log(1 - p)), p the sigmoid, by finite differences, against the written p -> value."""
    loss = (lambda x: log(1 - sigmoid(x))) if negative else (lambda x: log(sigmoid(x)))
    return identity(lambda x: D(loss, x), lambda x: written(sigmoid(x)))


def _u25_nll(sign):
    """-log of the target's softmax probability against the written last side, for every target."""
    for z in _U25_LOGITS:
        p = softmax(z)
        for y in range(len(z)):
            if not close(-log(p[y]), sign * log(exp(z[y]) / sum(exp(v) for v in z))):
                return False
    return True


def _u25_const_ema(shift):
    """(1 - beta) sum_i beta^{t-i} g against g (1 - beta^{t - shift}), for a few beta, t and g."""
    for beta in (mpf("0.9"), mpf("0.35")):
        for t in range(1, 6):
            g = mpf("-1.7")
            unrolled = (1 - beta) * sum(beta ** (t - i) * g for i in range(1, t + 1))
            if not close(unrolled, g * (1 - beta ** (t - shift))):
                return False
    return True


def _u25_bias_corrected(power):
    """m_t / (1 - beta^t), the written middle side with denominator 1 - beta^power, and g, for m_t = g (1 - beta^t)."""
    for beta in (mpf("0.9"), mpf("0.35")):
        for t in range(1, 6):
            g = mpf("2.3")
            m = g * (1 - beta**t)
            middle = g * (1 - beta**t) / (1 - beta ** (t if power else 1))
            if not (close(m / (1 - beta**t), middle) and close(middle, g)):
                return False
    return True


def _u25_unroll(extra):
    """v_t run from v_0 = 0 by its recursion against both written unrolled sums."""
    grads = [mpf("0.8"), mpf("-1.4"), mpf("0.3"), mpf("2.0"), mpf("-0.6")]
    for beta in (mpf("0.999"), mpf("0.6")):
        v = mpf(0)
        for t in range(1, len(grads) + 1):
            v = beta * v + (1 - beta) * grads[t - 1] ** 2
            written = (1 - beta) * sum(beta ** (t - i + extra) * grads[i - 1] ** 2 for i in range(1, t + 1))
            if not close(v, written):
                return False
    return True


def _u25_softmax_partial(z, i, k):
    return diff(lambda t: softmax([t if j == k else v for j, v in enumerate(z)])[i], z[k])


def _u25_jacobian_links(diagonal, sign):
    """Each link of the written derivative of p_i in o_k (i = k or i != k) against finite differences."""
    for z in _U25_LOGITS:
        if len(z) < 2:
            continue
        S = sum(exp(v) for v in z)
        p = softmax(z)
        for k in range(len(z)):
            for i in range(len(z)):
                if (i == k) != diagonal:
                    continue
                ek, ei = exp(z[k]), exp(z[i])
                if diagonal:
                    links = [(ek * S - ek * ek) / S**2, ek / S * (S - ek) / S, p[k] * (1 + sign * p[k])]
                else:
                    links = [(0 * S - ek * ei) / S**2, -ek * ei / (S * S), sign * p[k] * p[i]]
                if not close(links, [_u25_softmax_partial(z, i, k)] * 3, tol=mpf(10) ** -15):
                    return False
    return True


_U25_TARGETS = [[mpf("0.2"), mpf("0.5"), mpf("0.3")], [mpf(0), mpf(1), mpf(0)]]


def _u25_ce_gradient(variant):
    """The cross-entropy -sum y_i log softmax(o)_i differentiated in o_k by finite differences against the written links."""
    z = _U25_LOGITS[0]
    for y in _U25_TARGETS:
        p = softmax(z)
        for k in range(len(z)):
            numeric = diff(
                lambda t: (
                    -sum(yi * log(pi) for yi, pi in zip(y, softmax([t if j == k else v for j, v in enumerate(z)])))
                ),
                z[k],
            )
            if variant == "delta":
                delta = [1 if j == k else 0 for j in range(len(z))]
                links = [sum(yj * (p[k] - dj) for yj, dj in zip(y, delta))]
            elif variant == "delta-swapped":
                delta = [1 if j == k else 0 for j in range(len(z))]
                links = [sum(yj * (dj - p[k]) for yj, dj in zip(y, delta))]
            else:
                others = sum(y[i] * p[k] for i in range(len(z)) if i != k)
                last = y[k] - p[k] if variant == "swapped" else p[k] - y[k]
                links = [-y[k] * (1 - p[k]) + others, -y[k] + sum(y) * p[k], last]
            if not close(links, [numeric] * len(links), tol=mpf(10) ** -15):
                return False
    return True


def _u25_loss_terms(sign):
    """-sum y_j log p_j against sign * sum ell_j with ell_j = -y_j log p_j."""
    y, p = _U25_TARGETS[0], softmax(_U25_LOGITS[0])
    return close(-sum(a * log(b) for a, b in zip(y, p)), sign * sum(-a * log(b) for a, b in zip(y, p)))


def _u25_dl_dp(sign):
    """d/dp of -y log p by finite differences against sign * y / p."""
    y = mpf("0.7")
    return always(lambda p: close(D(lambda t: -y * log(t), p), sign * y / p), POS)


_U25_L1_DIFFERENCES = (
    "0.6213 1.1933 0.5827 0.9961 0.3723 1.5388 1.5219 0.3102 0.3333 0.0141 0.4787 0.2867 1.3487 1.6399 1.5153"
)


def _u25_l1_mean(written):
    """The mean of the fifteen printed differences, rounded to the written decimal."""
    values = [mpf(v) for v in _U25_L1_DIFFERENCES.split()]
    return rounds_to(sum(values) / len(values), written)


def _u25_leading_digits(value, written):
    """After an approximation sign, four or more significant digits quote the value's leading digits, truncated."""
    places = len(written.split(".")[1])
    digits = len(written.replace("-", "").replace(".", "").lstrip("0"))
    cut = mpf(int(value * 10**places)) / 10**places
    return digits >= 4 and cut == mpf(written)


def _u25_m2(second):
    """0.9(0.5) = 0.45, 0.1(5) against the written second term, and their sum 0.95, exactly."""
    return (
        Fraction("0.9") * Fraction("0.5") == Fraction("0.45")
        and Fraction("0.1") * 5 == Fraction(second)
        and Fraction("0.45") + Fraction(second) == Fraction("0.95")
    )


def _u25_softmax_jacobian(sign):
    """d p_j / d a_i by finite differences against p_j (delta_ij + sign p_i), every i and j."""
    for z in _U25_LOGITS:
        p = softmax(z)
        for i in range(len(z)):
            for j in range(len(z)):
                written = p[j] * ((1 if i == j else 0) + sign * p[i])
                if not close(_u25_softmax_partial(z, j, i), written, tol=mpf(10) ** -15):
                    return False
    return True


CHECKS.update(
    {
        "u25-lse-trick": lambda: _u25_lse(None),
        "u25-lse-trick~minus-m": lambda: _u25_lse("minus-m"),
        "u25-lse-factor": lambda: _u25_lse("factor"),
        "u25-lse-factor~inverse": lambda: _u25_lse("inverse"),
        "u25-lse-log-product": lambda: _u25_lse("log-product"),
        "u25-lse-log-product~plus": lambda: _u25_lse("plus"),
        "u25-log-softmax": lambda: _u25_log_softmax(None),
        "u25-log-softmax~plus": lambda: _u25_log_softmax("plus"),
        "u25-softmax-shift": lambda: _u25_log_softmax("shift"),
        "u25-softmax-shift~unshifted-sum": lambda: _u25_log_softmax("unshifted-sum"),
        "u25-gibbs-log": lambda: _u25_gibbs_pointwise(None, lambda a, b: a >= b),
        "u25-gibbs-log~le": lambda: _u25_gibbs_pointwise(None, lambda a, b: a <= b),
        "u25-gibbs-times-p": lambda: _u25_gibbs_pointwise("times-p", lambda a, b: a >= b),
        "u25-gibbs-times-p~swapped": lambda: _u25_gibbs_pointwise("swapped", lambda a, b: a >= b),
        "u25-gibbs-sum": lambda: _u25_gibbs_sum(lambda a, b: a >= b),
        "u25-gibbs-sum~le": lambda: _u25_gibbs_sum(lambda a, b: a <= b),
        "u25-gibbs-kl": lambda: _u25_kl(False),
        "u25-gibbs-kl~inverted-ratio": lambda: _u25_kl(True),
        "u25-bce-sigmoid-15": lambda: _u25_sigmoid_chain(mpf("1.5"), "0.223", "0.817"),
        "u25-bce-sigmoid-15~put-right": lambda: _u25_sigmoid_chain(mpf("1.5"), "0.223", "0.818"),
        "u25-bce-log-0817": lambda: rounds_to(log(mpf("0.817")), "-0.202"),
        "u25-bce-log-0817~base-ten": lambda: rounds_to(log(mpf("0.817")), "-0.088"),
        "u25-bce-chance": lambda: _u25_leading_digits(-log(mpf("0.1")), "2.302"),
        "u25-bce-chance~rounded": lambda: rounds_to(-log(mpf("0.1")), "2.303"),
        "u25-bce-sigmoid-2": lambda: _u25_sigmoid_chain(mpf(2), "0.1353", "0.881"),
        "u25-bce-sigmoid-2~e-squared": lambda: _u25_sigmoid_chain(mpf(2), "7.389", "0.881"),
        "u25-bce-sigmoid-minus-2": lambda: _u25_sigmoid_chain(mpf(-2), "7.389", "0.119"),
        "u25-bce-sigmoid-minus-2~truncated": lambda: _u25_sigmoid_chain(mpf(-2), "7.389", "0.118"),
        "u25-bce-log-0881": lambda: rounds_to(log(mpf("0.881")), "-0.127"),
        "u25-bce-dpdx": lambda: _u25_sigmoid_derivative(None),
        "u25-bce-dpdx~exp-sign": lambda: _u25_sigmoid_derivative("exp-sign"),
        "u25-bce-dpdx-chain": lambda: _u25_sigmoid_derivative("chain"),
        "u25-bce-dpdx-chain~inner-sign": lambda: _u25_sigmoid_derivative("inner-sign"),
        "u25-bce-grad-pos": lambda: _u25_log_sigmoid_gradient(False, lambda p: 1 - p),
        "u25-bce-grad-pos~p": lambda: _u25_log_sigmoid_gradient(False, lambda p: p),
        "u25-bce-grad-neg": lambda: _u25_log_sigmoid_gradient(True, lambda p: -p),
        "u25-bce-grad-neg~one-minus": lambda: _u25_log_sigmoid_gradient(True, lambda p: -(1 - p)),
        "u25-mc-sum": lambda: Fraction("7.389") + Fraction("2.718") + Fraction("1.105") == Fraction("11.212"),
        "u25-mc-sum~carry": lambda: Fraction("7.389") + Fraction("2.718") + Fraction("1.105") == Fraction("11.112"),
        "u25-mc-p0": lambda: rounds_to(mpf("7.389") / mpf("11.212"), "0.659"),
        "u25-mc-p2": lambda: rounds_to(mpf("1.105") / mpf("11.212"), "0.098"),
        "u25-mc-p2~put-right": lambda: rounds_to(mpf("1.105") / mpf("11.212"), "0.099"),
        "u25-mc-loss": lambda: rounds_to(-log(mpf("0.659")), "0.417") and -mpf("-0.417") == mpf("0.417"),
        "u25-mc-loss~sign": lambda: rounds_to(-log(mpf("0.659")), "0.417") and -mpf("-0.417") == mpf("-0.417"),
        "u25-l1-diff": lambda: abs(Fraction("0.2303") - Fraction("-0.7658")) == Fraction("0.9961"),
        "u25-l1-diff~sign": lambda: abs(Fraction("0.2303") - Fraction("-0.7658")) == Fraction("0.5355"),
        "u25-l1-mean": lambda: _u25_l1_mean("0.8501"),
        "u25-l1-mean~put-right": lambda: _u25_l1_mean("0.8502"),
        "u25-l2-first": lambda: (Fraction("2.5") - Fraction("3.0")) ** 2 == Fraction("-0.5") ** 2 == Fraction("0.25"),
        "u25-l2-first~negative": lambda: (Fraction("2.5") - Fraction("3.0")) ** 2 == Fraction("-0.25"),
        "u25-l2-mean": lambda: Fraction("2.25") / 4 == Fraction("0.5625"),
        "u25-l2-mean~digit": lambda: Fraction("2.25") / 4 == Fraction("0.625"),
        "u25-nll-softmax": lambda: _u25_nll(-1),
        "u25-nll-softmax~no-minus": lambda: _u25_nll(1),
        "u25-adam-m1": lambda: Fraction("0.9") * 0 + Fraction("0.1") * 5 == Fraction("0.5"),
        "u25-adam-m1~tenth": lambda: Fraction("0.9") * 0 + Fraction("0.1") * 5 == Fraction("0.05"),
        "u25-adam-m2": lambda: _u25_m2("0.5"),
        "u25-adam-m2~product": lambda: _u25_m2("0.05"),
        "u25-adam-const-ema": lambda: _u25_const_ema(0),
        "u25-adam-const-ema~power": lambda: _u25_const_ema(1),
        "u25-adam-mhat": lambda: _u25_bias_corrected(True),
        "u25-adam-mhat~no-power": lambda: _u25_bias_corrected(False),
        "u25-memo-unroll": lambda: _u25_unroll(0),
        "u25-memo-unroll~power": lambda: _u25_unroll(1),
        "u25-mc-jacobian-diag": lambda: _u25_jacobian_links(True, -1),
        "u25-mc-jacobian-diag~plus": lambda: _u25_jacobian_links(True, 1),
        "u25-mc-jacobian-off": lambda: _u25_jacobian_links(False, -1),
        "u25-mc-jacobian-off~sign": lambda: _u25_jacobian_links(False, 1),
        "u25-mc-ce-gradient": lambda: _u25_ce_gradient(None),
        "u25-mc-ce-gradient~swapped": lambda: _u25_ce_gradient("swapped"),
        "u25-ce-jacobian": lambda: _u25_softmax_jacobian(-1),
        "u25-ce-jacobian~plus": lambda: _u25_softmax_jacobian(1),
        "u25-ce-loss-terms": lambda: _u25_loss_terms(-1),
        "u25-ce-loss-terms~put-right": lambda: _u25_loss_terms(1),
        "u25-ce-dl-dp": lambda: _u25_dl_dp(-1),
        "u25-ce-dl-dp~no-minus": lambda: _u25_dl_dp(1),
        "u25-ce-gradient": lambda: _u25_ce_gradient("delta"),
        "u25-ce-gradient~swapped": lambda: _u25_ce_gradient("delta-swapped"),
    }
)


# ---- unseen26: a blog series of derivation notes (Bradley-Terry, maximum likelihood, KL divergence, DPO, REINFORCE,
# ---- PPO, GRPO), optax's sigmoid_focal_loss and dice_loss docstrings, PyTorch 0.3's normalization docstrings

_U26_SCORES = [(mpf("0.4"), mpf("-1.1")), (mpf("2.3"), mpf("1.7")), (mpf("-0.6"), mpf("0.9"))]


def _u26_bt_sigmoid(sign):
    """e^{s_i} / (e^{s_i} + e^{s_j}) against the written 1 / (1 + e^{sign (s_i - s_j)}) and sigma(s_i - s_j)."""
    for si, sj in _U26_SCORES:
        p = exp(si) / (exp(si) + exp(sj))
        if not close([1 / (1 + exp(sign * (si - sj))), sigmoid(si - sj)], [p, p]):
            return False
    return True


def _u26_bt_logit(sign):
    """logit(P(i beats j)), log(P(i beats j) / P(j beats i)) and the written sign * (s_i - s_j)."""
    for si, sj in _U26_SCORES:
        p, q = exp(si) / (exp(si) + exp(sj)), exp(sj) / (exp(si) + exp(sj))
        if not close([log(p / q), sign * (si - sj)], [log(p / (1 - p))] * 2):
            return False
    return True


def _u26_bt_nll(sign):
    """-log of the Bernoulli likelihood of three matches against sign * the sum of their log-likelihoods."""
    ys = [1, 0, 1]
    ds = [mpf("0.4"), mpf("-1.2"), mpf("2.0")]
    likelihood = mpf(1)
    for y, d in zip(ys, ds):
        likelihood *= sigmoid(d) ** y * (1 - sigmoid(d)) ** (1 - y)
    total = sum(y * log(sigmoid(d)) + (1 - y) * log(1 - sigmoid(d)) for y, d in zip(ys, ds))
    return close(-log(likelihood), sign * total)


_U26_PS = [(mpf("0.2"),), (mpf("0.63"),), (mpf("0.9"),)]


def _u26_mle_loglik(sign):
    """log(p^63 (1 - p)^37) against 63 log p + sign * 37 log(1 - p)."""
    return identity(
        lambda p: log(p**63 * (1 - p) ** 37), lambda p: 63 * log(p) + sign * 37 * log(1 - p), points=_U26_PS
    )


def _u26_mle_stationary(sign):
    """The derivative of 63 log p + 37 log(1 - p) by finite differences against 63/p + sign * 37/(1 - p), and its root."""

    def ell(p):
        return 63 * log(p) + 37 * log(1 - p)

    written = identity(lambda p: D(ell, p), lambda p: 63 / p + sign * 37 / (1 - p), points=_U26_PS)
    return written and close(D(ell, mpf("0.63")), 0) and Fraction(63, 100) == Fraction("0.63")


def _u26_gauss_loglik(half):
    """log of the product of n Gaussian densities against the written closed form, for a few mu and sigma^2."""
    xs = [mpf("1.2"), mpf("-0.4"), mpf("2.5"), mpf("0.3")]
    n = len(xs)
    for mu, s2 in ((mpf("0.5"), mpf("1.7")), (mpf("-1"), mpf("0.3"))):
        likelihood = mpf(1)
        for x in xs:
            likelihood *= exp(-((x - mu) ** 2) / (2 * s2)) / sqrt(2 * pi * s2)
        squares = sum((x - mu) ** 2 for x in xs)
        written = -n / mpf(2) * log(2 * pi * s2) - squares / ((2 if half else 1) * s2)
        if not close(log(likelihood), written):
            return False
    return True


def _u26_kl_chain(weights, ratios, logs, terms, total):
    """A worked sum sum_k w_k log(r_k): each printed log and product a rounding of what precedes it, the printed
    terms summing exactly to the printed total, and that total a rounding of the exact value."""
    exact = sum(w * log(r) for w, r in zip(weights, ratios))
    return (
        all(rounds_to(log(r), written) for r, written in zip(ratios, logs))
        and all(rounds_to(w * mpf(lg), written) for w, lg, written in zip(weights, logs, terms))
        and sum(Fraction(t) for t in terms) == Fraction(total)
        and rounds_to(exact, total)
    )


_U26_P, _U26_Q = [mpf("0.7"), mpf("0.3")], [mpf("0.5"), mpf("0.5")]
_U26_HALF, _U26_SEVEN_TENTHS, _U26_THREE_TENTHS = mpf("0.5"), mpf("0.7"), mpf("0.3")


def _u26_kl_forward(total):
    w = [_U26_SEVEN_TENTHS, _U26_THREE_TENTHS]
    ratios = [mpf("0.7") / mpf("0.5"), mpf("0.3") / mpf("0.5")]
    return _u26_kl_chain(w, ratios, ["0.336", "-0.511"], ["0.235", "-0.153"], total)


def _u26_kl_reverse(second, total):
    w = [_U26_HALF, _U26_HALF]
    ratios = [mpf("0.5") / mpf("0.7"), mpf("0.5") / mpf("0.3")]
    return _u26_kl_chain(w, ratios, ["-0.336", "0.511"], ["-0.168", second], total)


_U26_LAWS = [
    ([mpf("0.2"), mpf("0.5"), mpf("0.3")], [mpf("0.6"), mpf("0.1"), mpf("0.3")]),
    ([mpf("0.7"), mpf("0.3")], [mpf("0.25"), mpf("0.75")]),
]


def _u26_kl_split(sign):
    """KL(P || Q) against sum P log P + sign * sum P log Q, for two pairs of distributions."""
    return all(
        close(kl(p, q), sum(a * log(a) for a in p) + sign * sum(a * log(b) for a, b in zip(p, q))) for p, q in _U26_LAWS
    )


def _u26_kl_empirical(mean):
    """sum_x hat P(x) log Q(x), hat P the data's relative frequencies, against the written (1/n) sum_i log Q(x_i)."""
    data = [0, 0, 2, 1, 0]
    q = [mpf("0.5"), mpf("0.2"), mpf("0.3")]
    n = len(data)
    left = sum(Fraction(data.count(x), n) * log(q[x]) for x in range(len(q)))
    right = sum(log(q[x]) for x in data) / (n if mean else 1)
    return close(left, right)


def _u26_token_tables():
    """Two autoregressive policies over two tokens from {0, 1}: the first token's law and the second's given it."""
    pi = ([mpf("0.3"), mpf("0.7")], {0: [mpf("0.6"), mpf("0.4")], 1: [mpf("0.1"), mpf("0.9")]})
    ref = ([mpf("0.5"), mpf("0.5")], {0: [mpf("0.2"), mpf("0.8")], 1: [mpf("0.45"), mpf("0.55")]})
    return pi, ref


def _u26_kl_sequence(summed):
    """log(pi(y) / pi_ref(y)) for each two-token response against the sum (or product) of its per-token log-ratios."""
    (p1, p2), (r1, r2) = _u26_token_tables()
    for a in (0, 1):
        for b in (0, 1):
            whole = log(p1[a] * p2[a][b] / (r1[a] * r2[a][b]))
            parts = [log(p1[a] / r1[a]), log(p2[a][b] / r2[a][b])]
            if not close(whole, sum(parts) if summed else parts[0] * parts[1]):
                return False
    return True


def _u26_gauss_nll(squared):
    """-log of the product of the n densities against the written sum of squares plus (n/2) log(2 pi sigma^2)."""
    ys, fs = [mpf("1.2"), mpf("-0.4"), mpf("2.5")], [mpf("0.9"), mpf("0.1"), mpf("2.0")]
    n = len(ys)
    for s2 in (mpf("1.7"), mpf("0.3")):
        likelihood = mpf(1)
        for y, f in zip(ys, fs):
            likelihood *= exp(-((y - f) ** 2) / (2 * s2)) / sqrt(2 * pi * s2)
        constant = n / mpf(2) * log(2 * pi * (s2 if squared else sqrt(s2)))
        if not close(-log(likelihood), sum((y - f) ** 2 for y, f in zip(ys, fs)) / (2 * s2) + constant):
            return False
    return True


_U26_REF = [mpf("0.2"), mpf("0.5"), mpf("0.3")]
_U26_REWARD = [mpf("1.4"), mpf("-0.3"), mpf("0.8")]
_U26_BETA = mpf("0.7")


def _u26_optimal_policy():
    """pi*(y) = pi_ref(y) exp(r(y) / beta) / Z over three responses, with Z its normaliser."""
    weights = [p * exp(r / _U26_BETA) for p, r in zip(_U26_REF, _U26_REWARD)]
    z = sum(weights)
    return [w / z for w in weights], z


def _u26_dpo(variant):
    """The written DPO step against pi* computed directly from pi_ref, r and beta."""
    star, z = _u26_optimal_policy()
    b = _U26_BETA
    for y in range(3):
        if variant in ("log", "log-plus"):
            sign = 1 if variant == "log-plus" else -1
            if not close(log(star[y]), sign * log(z) + log(_U26_REF[y]) + _U26_REWARD[y] / b):
                return False
        if variant in ("reward", "reward-minus"):
            sign = -1 if variant == "reward-minus" else 1
            if not close(_U26_REWARD[y], b * log(star[y] / _U26_REF[y]) + sign * b * log(z)):
                return False
    for y1 in range(3):
        for y2 in range(3):
            if y1 == y2:
                continue
            diff_r = _U26_REWARD[y1] - _U26_REWARD[y2]
            l1, l2 = log(star[y1] / _U26_REF[y1]), log(star[y2] / _U26_REF[y2])
            if variant in ("difference", "difference-plus"):
                sign = 1 if variant == "difference-plus" else -1
                if not close(diff_r, b * l1 + sign * b * l2):
                    return False
            if variant in ("preference", "one-beta"):
                second = l2 if variant == "one-beta" else b * l2
                if not close(sigmoid(diff_r), sigmoid(b * l1 - second)):
                    return False
    return True


_U26_R = [mpf(8), mpf(3), mpf(5)]
_U26_THETA = [mpf("0.1"), mpf("0.6"), mpf("-0.1")]


def _u26_pi(theta):
    return softmax(theta)


def _u26_grad_j():
    return grad(lambda th: sum(p * r for p, r in zip(_u26_pi(th), _U26_R)), _U26_THETA)


def _u26_grad_pi(y):
    return grad(lambda th: _u26_pi(th)[y], _U26_THETA)


def _u26_grad_log_pi(y):
    return grad(lambda th: log(_u26_pi(th)[y]), _U26_THETA)


def _u26_vsum(vectors):
    return [sum(c) for c in zip(*vectors)]


def _u26_rf_gradient(correct):
    """grad J by finite differences against sum_y R(y) grad pi(y) (or sum_y pi(y) grad R(y) = 0, R fixed)."""
    pi = _u26_pi(_U26_THETA)
    if correct:
        written = _u26_vsum([[_U26_R[y] * g for g in _u26_grad_pi(y)] for y in range(3)])
    else:
        written = _u26_vsum([[pi[y] * 0 for _ in _U26_THETA] for y in range(3)])
    return close(_u26_grad_j(), written, tol=mpf(10) ** -15)


def _u26_rf_log_derivative(correct):
    """grad pi(y) / pi(y) against grad log pi(y) (or log of grad pi(y), where it is defined), entry by entry."""
    pi = _u26_pi(_U26_THETA)
    for y in range(3):
        left = [g / pi[y] for g in _u26_grad_pi(y)]
        if correct:
            right = _u26_grad_log_pi(y)
        else:
            if any(g <= 0 for g in _u26_grad_pi(y)):
                return False
            right = [log(g) for g in _u26_grad_pi(y)]
        if not close(left, right, tol=mpf(10) ** -15):
            return False
    return True


def _u26_rf_estimator(with_log):
    """grad J against sum_y pi R grad log pi and against E[R grad log pi] (or E[R grad pi])."""
    pi = _u26_pi(_U26_THETA)
    first = _u26_vsum([[pi[y] * _U26_R[y] * g for g in _u26_grad_log_pi(y)] for y in range(3)])
    inner = _u26_grad_log_pi if with_log else _u26_grad_pi
    last = _u26_vsum([[pi[y] * _U26_R[y] * g for g in inner(y)] for y in range(3)])
    return close([first, last], [_u26_grad_j()] * 2, tol=mpf(10) ** -15)


def _u26_rf_baseline(last):
    """b E[grad log pi], b grad sum_y pi(y) (= b grad 1) and the written last side, for b = 1.7."""
    b = mpf("1.7")
    pi = _u26_pi(_U26_THETA)
    expectation = [b * c for c in _u26_vsum([[pi[y] * g for g in _u26_grad_log_pi(y)] for y in range(3)])]
    total = [b * c for c in grad(lambda th: sum(_u26_pi(th)), _U26_THETA)]
    written = [mpf(0)] * 3 if last == "0" else [b] * 3
    return close([expectation, total], [written, written], tol=mpf(10) ** -15)


def _u26_rf_token_credit(with_log):
    """grad log pi(y) of a two-token autoregressive softmax policy against the sum of its tokens' grad log (or grad)."""
    theta = [mpf("0.3"), mpf("-0.8"), mpf("1.1")]

    def first(th):
        return softmax([th[0], 0])

    def second(th, a):
        return softmax([th[1 + a], 0])

    for a in (0, 1):
        for b in (0, 1):
            whole = grad(lambda th: log(first(th)[a] * second(th, a)[b]), theta)
            f = (lambda v: log(v)) if with_log else (lambda v: v)
            parts = _u26_vsum([grad(lambda th: f(first(th)[a]), theta), grad(lambda th: f(second(th, a)[b]), theta)])
            if not close(whole, parts, tol=mpf(10) ** -15):
                return False
    return True


def _u26_clip(r, a, b):
    return min(max(r, a), b)


def _u26_ppo_min(r, adv, eps, written):
    """min(r A, clip(r, 1 - eps, 1 + eps) A) against the written value, exactly."""
    r, adv, eps = Fraction(r), Fraction(adv), Fraction(eps)
    return min(r * adv, _u26_clip(r, 1 - eps, 1 + eps) * adv) == Fraction(written)


def _u26_grpo_advantages(rewards):
    k = len(rewards)
    mu = sum(rewards) / k
    sigma = sqrt(sum((r - mu) ** 2 for r in rewards) / k)
    return [(r - mu) / sigma for r in rewards]


_U26_GROUPS = [[mpf(10), mpf(2), mpf(4), mpf(8)], [mpf("0.3"), mpf(1), mpf(0), mpf(0), mpf("0.7")], [mpf(1), mpf(0)]]


def _u26_grpo_moment(power, divisor_shift, written):
    """(1 / (K - shift)) sum_i A_i^power against the written value, over a few groups of rewards."""
    for rewards in _U26_GROUPS:
        adv = _u26_grpo_advantages(rewards)
        value = sum(a**power for a in adv) / ((len(adv) - divisor_shift) if power == 2 else 1)
        if not close(value, written):
            return False
    return True


_U26_FOCAL_POINTS = [
    (mpf(p), mpf(a), mpf(g)) for p in ("0.05", "0.5", "0.9") for a in ("0.25", "1") for g in ("0.5", "2")
]


def _u26_focal_bound(holds_as):
    """-alpha (1 - p)^gamma log p against -alpha log p, read with the comparison holds_as, on a grid."""
    return all(holds_as(-a * (1 - p) ** g * log(p), -a * log(p)) for p, a, g in _U26_FOCAL_POINTS)


def _u26_focal_log_space(inside):
    """(1 - p)^gamma against exp(gamma log(1 - p)) (or gamma exp(log(1 - p))) on a grid."""
    for p, _, g in _U26_FOCAL_POINTS:
        written = exp(g * log(1 - p)) if inside else g * exp(log(1 - p))
        if not close((1 - p) ** g, written):
            return False
    return True


def _u26_dice(smooth_factor):
    """The dice term at alpha = beta = 1/2 against 1 - (2 I + f s) / (P + T + f s), for a few I, P, T and s."""
    for inter, pc, tc, s in ((2, 5, 3, Fraction(1)), (Fraction(1, 2), 1, 2, Fraction(1, 10)), (0, 3, 1, Fraction(2))):
        half = Fraction(1, 2)
        left = 1 - (inter + s) / (inter + half * (pc - inter) + half * (tc - inter) + s)
        if left != 1 - (2 * inter + smooth_factor * s) / (pc + tc + smooth_factor * s):
            return False
    return True


def _u26_running_update(as_written):
    """PyTorch's running update (1 - m) x_hat + m x_t against the written relation, for a few m, x_hat and x_t."""
    for m, old, new in ((Fraction(1, 10), Fraction(1), Fraction(3)), (Fraction(3, 10), Fraction(-2), Fraction(1, 2))):
        updated = (1 - m) * old + m * new
        written = (1 - m) * updated + m * new if as_written else (1 - m) * old + m * new
        if updated != written:
            return False
    return True


CHECKS.update(
    {
        "u26-bt-sigmoid": lambda: _u26_bt_sigmoid(-1),
        "u26-bt-sigmoid~exponent-sign": lambda: _u26_bt_sigmoid(1),
        "u26-bt-logit": lambda: _u26_bt_logit(1),
        "u26-bt-logit~swapped": lambda: _u26_bt_logit(-1),
        "u26-bt-nll": lambda: _u26_bt_nll(-1),
        "u26-bt-nll~no-minus": lambda: _u26_bt_nll(1),
        "u26-mle-loglik": lambda: _u26_mle_loglik(1),
        "u26-mle-loglik~minus": lambda: _u26_mle_loglik(-1),
        "u26-mle-stationary": lambda: _u26_mle_stationary(-1),
        "u26-mle-stationary~plus": lambda: _u26_mle_stationary(1),
        "u26-mle-gauss-loglik": lambda: _u26_gauss_loglik(True),
        "u26-mle-gauss-loglik~no-two": lambda: _u26_gauss_loglik(False),
        "u26-mle-odds": lambda: rounds_to(exp(mpf("1.5")), "4.48"),
        "u26-mle-odds~digit": lambda: rounds_to(exp(mpf("1.5")), "4.47"),
        "u26-mle-probability": lambda: rounds_to(sigmoid(mpf("1.5")), "0.82"),
        "u26-mle-probability~digit": lambda: rounds_to(sigmoid(mpf("1.5")), "0.81"),
        "u26-kl-forward": lambda: _u26_kl_forward("0.082"),
        "u26-kl-forward~sum": lambda: _u26_kl_forward("0.388"),
        "u26-kl-reverse": lambda: _u26_kl_reverse("0.256", "0.088"),
        "u26-kl-reverse~put-right": lambda: _u26_kl_reverse("0.255", "0.087"),
        "u26-kl-reverse-value": lambda: rounds_to(kl(_U26_Q, _U26_P), "0.088"),
        "u26-kl-reverse-value~put-right": lambda: rounds_to(kl(_U26_Q, _U26_P), "0.087"),
        "u26-kl-split": lambda: _u26_kl_split(-1),
        "u26-kl-split~plus": lambda: _u26_kl_split(1),
        "u26-kl-empirical": lambda: _u26_kl_empirical(True),
        "u26-kl-empirical~no-mean": lambda: _u26_kl_empirical(False),
        "u26-kl-sequence": lambda: _u26_kl_sequence(True),
        "u26-kl-sequence~product": lambda: _u26_kl_sequence(False),
        "u26-kl-gauss-nll": lambda: _u26_gauss_nll(True),
        "u26-kl-gauss-nll~sigma": lambda: _u26_gauss_nll(False),
        "u26-dpo-log-policy": lambda: _u26_dpo("log"),
        "u26-dpo-log-policy~plus-log-z": lambda: _u26_dpo("log-plus"),
        "u26-dpo-reward": lambda: _u26_dpo("reward"),
        "u26-dpo-reward~minus-log-z": lambda: _u26_dpo("reward-minus"),
        "u26-dpo-difference": lambda: _u26_dpo("difference"),
        "u26-dpo-difference~plus": lambda: _u26_dpo("difference-plus"),
        "u26-dpo-preference": lambda: _u26_dpo("preference"),
        "u26-dpo-preference~one-beta": lambda: _u26_dpo("one-beta"),
        "u26-rf-gradient": lambda: _u26_rf_gradient(True),
        "u26-rf-gradient~reward": lambda: _u26_rf_gradient(False),
        "u26-rf-log-derivative": lambda: _u26_rf_log_derivative(True),
        "u26-rf-log-derivative~log-outside": lambda: _u26_rf_log_derivative(False),
        "u26-rf-estimator": lambda: _u26_rf_estimator(True),
        "u26-rf-estimator~no-log": lambda: _u26_rf_estimator(False),
        "u26-rf-baseline": lambda: _u26_rf_baseline("0"),
        "u26-rf-baseline~b": lambda: _u26_rf_baseline("b"),
        "u26-rf-mean-baseline": lambda: rounds_to(sum(_U26_R) / 3, "5.3"),
        "u26-rf-mean-baseline~weighted": lambda: rounds_to(sum(_U26_R) / 3, "4.9"),
        "u26-rf-token-credit": lambda: _u26_rf_token_credit(True),
        "u26-rf-token-credit~no-log": lambda: _u26_rf_token_credit(False),
        "u26-ppo-clip-example": lambda: (
            _u26_clip(Fraction("1.5"), Fraction("0.8"), Fraction("1.2")) * 2 == Fraction("1.2") * 2 == Fraction("2.4")
        ),
        "u26-ppo-clip-example~lower": lambda: (
            _u26_clip(Fraction("1.5"), Fraction("0.8"), Fraction("1.2")) * 2 == Fraction("0.8") * 2 == Fraction("1.6")
        ),
        "u26-ppo-min-good": lambda: _u26_ppo_min("1.5", "2.0", "0.2", "2.4"),
        "u26-ppo-min-good~unclipped": lambda: _u26_ppo_min("1.5", "2.0", "0.2", "3.0"),
        "u26-ppo-min-bad": lambda: _u26_ppo_min("0.6", "-1.5", "0.2", "-1.2"),
        "u26-ppo-min-bad~unclipped": lambda: _u26_ppo_min("0.6", "-1.5", "0.2", "-0.9"),
        "u26-grpo-std": lambda: sqrt(mpf(16 + 16 + 4 + 4) / 4) == sqrt(10) and rounds_to(sqrt(10), "3.16"),
        "u26-grpo-std~digit": lambda: rounds_to(sqrt(10), "3.17"),
        "u26-grpo-advantage-1": lambda: rounds_to(mpf(10 - 6) / mpf("3.16"), "1.27"),
        "u26-grpo-advantage-1~truncated": lambda: rounds_to(mpf(10 - 6) / mpf("3.16"), "1.26"),
        "u26-grpo-advantage-3": lambda: rounds_to(mpf(4 - 6) / mpf("3.16"), "-0.63"),
        "u26-grpo-advantage-3~sign": lambda: rounds_to(mpf(4 - 6) / mpf("3.16"), "0.63"),
        "u26-grpo-sum-zero": lambda: _u26_grpo_moment(1, 0, 0),
        "u26-grpo-sum-zero~one": lambda: _u26_grpo_moment(1, 0, 1),
        "u26-grpo-unit-variance": lambda: _u26_grpo_moment(2, 0, 1),
        "u26-grpo-unit-variance~bessel": lambda: _u26_grpo_moment(2, 1, 1),
        "u26-focal-bound": lambda: _u26_focal_bound(lambda a, b: a <= b),
        "u26-focal-bound~ge": lambda: _u26_focal_bound(lambda a, b: a >= b),
        "u26-focal-log-space": lambda: _u26_focal_log_space(True),
        "u26-focal-log-space~outside": lambda: _u26_focal_log_space(False),
        "u26-focal-negative-class": lambda: identity(lambda x: -log(1 - sigmoid(x)), lambda x: log(1 + exp(x))),
        "u26-focal-negative-class~sign": lambda: identity(lambda x: -log(1 - sigmoid(x)), lambda x: log(1 + exp(-x))),
        "u26-dice-standard": lambda: _u26_dice(2),
        "u26-dice-standard~smooth": lambda: _u26_dice(1),
        "u26-torch03-momentum": lambda: _u26_running_update(True),
        "u26-torch03-momentum~put-right": lambda: _u26_running_update(False),
        "u26-torch03-lrn-window": lambda: min(5 - 1, 2 + 2 // 2) - max(0, 2 - 2 // 2) + 1 == 2 + 1,
        "u26-torch03-lrn-window~n": lambda: min(5 - 1, 2 + 2 // 2) - max(0, 2 - 2 // 2) + 1 == 2,
    }
)

# ---- unseen27: scikit-learn's user guide on decision trees, naive Bayes, NMF and shrunk covariance, TRL's paper index,
# ---- an open RL textbook's chapters on MDPs, policy gradients and bandits

_U27_PROPORTIONS = [
    [Fraction(1, 2), Fraction(1, 2)],
    [Fraction(1, 2), Fraction(3, 10), Fraction(1, 5)],
    [Fraction(1, 7), Fraction(2, 7), Fraction(3, 7), Fraction(1, 7)],
    [Fraction(9, 10), Fraction(1, 10)],
]


def _u27_gini(square_of_sum):
    """sum_k p_k (1 - p_k) against 1 - sum_k p_k^2 (or 1 - (sum_k p_k)^2), exactly, for proportions summing to 1."""
    for p in _U27_PROPORTIONS:
        gini = sum(x * (1 - x) for x in p)
        written = 1 - (sum(p) ** 2 if square_of_sum else sum(x * x for x in p))
        if gini != written:
            return False
    return True


def _u27_gini_of(counts):
    n = sum(counts)
    return sum(Fraction(c, n) * (1 - Fraction(c, n)) for c in counts)


def _u27_split(left_weight, right_weight):
    """The weighted Gini of a split of 10 samples: 4 (classes 3/1) left, 6 (classes 2/4) right, exactly."""
    left, right = _u27_gini_of([3, 1]), _u27_gini_of([2, 4])
    printed = left == Fraction(3, 8) and right == Fraction(4, 9)
    return printed and left_weight * left + right_weight * right == Fraction(5, 12)


def _u27_log_loss(left_weight, right_weight):
    """The tree's mean log loss over its two leaves against the leaves' entropies weighted, in bases e and 2."""
    for base in (exp(1), mpf(2)):

        def lg(x):
            return log(x) / log(base)

        loss = -(3 * lg(mpf(3) / 4) + lg(mpf(1) / 4) + 2 * lg(mpf(1) / 3) + 4 * lg(mpf(2) / 3)) / 10
        h_left = -(mpf(3) / 4 * lg(mpf(3) / 4) + mpf(1) / 4 * lg(mpf(1) / 4))
        h_right = -(mpf(1) / 3 * lg(mpf(1) / 3) + mpf(2) / 3 * lg(mpf(2) / 3))
        if not close(loss, left_weight * h_left + right_weight * h_right):
            return False
    return True


def _u27_mse(sign):
    """(1/n) sum (y_i - ybar)^2 against (1/n) sum y_i^2 + sign ybar^2, exactly, for n = 1..5."""
    targets = [Fraction(3, 2), Fraction(-2), Fraction(7, 3), Fraction(0), Fraction(5)]
    for n in range(1, 6):
        ys = targets[:n]
        ybar = sum(ys) / n
        if sum((y - ybar) ** 2 for y in ys) / n != sum(y * y for y in ys) / n + sign * ybar**2:
            return False
    return n == 5


def _u27_poisson(rhs_first):
    """The half Poisson deviance of targets 1, 2, 3 (mean 2) against (1/3)(rhs_first + 3 log(3/2)), bases e and 10."""
    for base in (exp(1), mpf(10)):

        def lg(x):
            return log(x) / log(base)

        ys, ybar = [mpf(1), mpf(2), mpf(3)], mpf(2)
        deviance = sum(y * lg(y / ybar) - y + ybar for y in ys) / 3
        if not close(deviance, (lg(rhs_first) + 3 * lg(mpf(3) / 2)) / 3):
            return False
    return True


def _u27_poisson_term(sign):
    """min over a grid of y, m in (0, 20] of y log(y / m) + sign (y - m) is >= 0."""
    grid = [mpf(k) / 4 for k in range(1, 81)]
    return all(y * log(y / m) + sign * (y - m) >= -TOL for y in grid for m in grid)


def _u27_alpha_eff(denominator_leaves):
    """R(T_t) + alpha |T~_t| = R(t) + alpha with alpha = (R(t) - R(T_t)) / (denominator - 1), for a branch of
    3 terminal nodes in a tree of 5 (and for branches of 2 and 4 in a tree of 6)."""
    for branch, tree in ((3, 5), (2, 6), (4, 6)):
        r_t, r_branch = Fraction(3, 10), Fraction(1, 10)
        leaves = branch if denominator_leaves == "branch" else tree
        alpha = (r_t - r_branch) / (leaves - 1)
        if r_branch + alpha * branch != r_t + alpha:
            return False
    return True


_U27_BERNOULLI = [mpf("0.1"), mpf("0.37"), mpf("0.8")]


def _u27_bernoulli(swapped):
    """p x + (1 - p)(1 - x) against p^x (1 - p)^(1 - x) (or the exponents swapped) for x in {0, 1}."""
    for p in _U27_BERNOULLI:
        for x in (0, 1):
            a, b = (1 - x, x) if swapped else (x, 1 - x)
            if not close(p * x + (1 - p) * (1 - x), p**a * (1 - p) ** b):
                return False
    return True


def _u27_smoothing(alpha_times_n):
    """sum_i (N_yi + alpha) / (N_y + alpha n) (or + alpha) over the n features equals 1, exactly."""
    counts = [3, 0, 7, 2]
    for n in range(1, 5):
        for alpha in (Fraction(1, 2), Fraction(1), Fraction(3)):
            total = sum(counts[:n])
            denominator = total + (alpha * n if alpha_times_n else alpha)
            if sum((c + alpha) / denominator for c in counts[:n]) != 1:
                return False
    return True


def _u27_gauss_log(half):
    """log of the Gaussian density against -c log(2 pi sigma^2) - (x - mu)^2 / (2 sigma^2), c = 1/2 or 1."""
    for x, mu, s in ((mpf("1.2"), mpf("0.3"), mpf("0.7")), (mpf("-2"), mpf("1"), mpf("2.5")), (0, 0, mpf("0.2"))):
        density = exp(-((x - mu) ** 2) / (2 * s**2)) / sqrt(2 * pi * s**2)
        written = -(mpf(1) / 2 if half else 1) * log(2 * pi * s**2) - (x - mu) ** 2 / (2 * s**2)
        if not close(log(density), written):
            return False
    return True


_U27_MATRICES = [
    (mat([[1, -2], [0.5, 3]]), mat([[0, 1], [2, -1]])),
    (mat([[1, 2], [3, 4], [5, 6]]), mat([[0.5, 0], [1, 1], [-2, 7]])),
]


def _u27_frobenius(half_right):
    """(1/2) ||X - Y||_F^2 against c sum_ij (X_ij - Y_ij)^2, c = 1/2 or 1."""
    for X, Y in _U27_MATRICES:
        entries = [(X[i, j] - Y[i, j]) for i in range(X.rows) for j in range(X.cols)]
        fro = mpf(1) / 2 * mp.mnorm(X - Y, "f") ** 2
        if not close(fro, (mpf(1) / 2 if half_right else 1) * sum(e * e for e in entries)):
            return False
    return True


def _u27_beta_term(beta, x, y):
    return (x**beta + (beta - 1) * y**beta - beta * x * y ** (beta - 1)) / (beta * (beta - 1))


_U27_XY = [(mpf("0.4"), mpf("1.3")), (mpf("2.5"), mpf("0.7")), (mpf("1.1"), mpf("1.1"))]


def _u27_beta_limit(at, rhs):
    """The beta-divergence term just beside beta = at, from both sides, against rhs(x, y), at three points."""
    eps = mpf(10) ** -15
    for x, y in _U27_XY:
        for beta in (at - eps, at + eps):
            if not close(_u27_beta_term(beta, x, y), rhs(x, y), tol=mpf(10) ** -12):
                return False
    return True


def _u27_cov_shrunk(off_diagonal):
    """(1 - 0.5) Sigma + 0.5 Tr(Sigma) / 2 I against the written matrix, exactly."""
    sigma = [[Fraction(2), Fraction(1)], [Fraction(1), Fraction(4)]]
    alpha, p = Fraction(1, 2), 2
    trace = sigma[0][0] + sigma[1][1]
    shrunk = [[(1 - alpha) * sigma[i][j] + (alpha * trace / p if i == j else 0) for j in range(2)] for i in range(2)]
    written = [[Fraction("2.5"), off_diagonal], [off_diagonal, Fraction("3.5")]]
    return trace == 6 and shrunk == written


def _u27_cov_trace(divided):
    """The trace of the shrunk 2x2 covariance, written out, against a + c, at random points."""
    for a, c, alpha in ((mpf("2"), mpf("4"), mpf("0.5")), (mpf("-1"), mpf("3.5"), mpf("0.2")), (1, 9, mpf("0.9"))):
        second = alpha * (a + c) / 2 if divided else alpha * (a + c)
        if not close((1 - alpha) * a + second + (1 - alpha) * c + alpha * (a + c) / 2, a + c):
            return False
    return True


def _u27_gspo(mean):
    """(p1 p2 p3 / q1 q2 q3)^(1/3) against exp(c sum_t log(p_t / q_t)), c = 1/3 or 1."""
    for ps, qs in (([0.3, 0.8, 0.05], [0.4, 0.6, 0.1]), ([0.9, 0.2, 0.5], [0.7, 0.25, 0.45])):
        ps, qs = vec(ps), vec(qs)
        ratio = ps[0] * ps[1] * ps[2] / (qs[0] * qs[1] * qs[2])
        total = sum(log(p / q) for p, q in zip(ps, qs))
        if not close(ratio ** (mpf(1) / 3), exp(total / 3 if mean else total)):
            return False
    return True


def _u27_k3(constant):
    """min over a grid of r in (0, 50] of r - log r - constant is >= 0."""
    return all(r - log(r) - constant >= -TOL for r in [mpf(k) / 20 for k in range(1, 1001)])


def _u27_unbiased_kl(first_log_sign):
    """sum_o pi_old (pi_theta / pi_old)(r - log r - 1), r = pi_ref / pi_theta, against KL(pi_theta || pi_ref),
    in bases e and 2."""
    old, theta, ref = vec(["0.5", "0.5"]), vec(["0.6", "0.4"]), vec(["0.3", "0.7"])
    for base in (exp(1), mpf(2)):

        def lg(x):
            return log(x) / log(base)

        signs = [first_log_sign, -1]
        lhs = sum(o * t / o * (r / t + s * lg(r / t) - 1) for o, t, r, s in zip(old, theta, ref, signs))
        if not close(lhs, sum(t * lg(t / r) for t, r in zip(theta, ref))):
            return False
    return True


def _u27_tidy_finite(reward, value):
    """V_{H-2}(orderly) = reward + 0.7 V_{H-1}(orderly) + 0.3 V_{H-1}(messy), with V_{H-1} = (1, 0), against value."""
    return Fraction(reward) + Fraction("0.7") * 1 + Fraction("0.3") * 0 == Fraction(value)


def _u27_tidy_h3(value):
    """V_{H-3}(orderly) = 1 + 0.7 V_{H-2}(orderly) + 0.3 V_{H-2}(messy), with V_{H-2} = (1.7, 1), against value;
    V_{H-2} itself recomputed from V_{H-1} = (1, 0)."""
    v2_orderly = 1 + Fraction("0.7") * 1 + Fraction("0.3") * 0
    v2_messy = 0 + 1 * Fraction(1) + 0 * Fraction(0)
    return (v2_orderly, v2_messy) == (Fraction("1.7"), 1) and 1 + Fraction("0.7") * v2_orderly + Fraction(
        "0.3"
    ) * v2_messy == Fraction(value)


def _u27_discount_bound(bound):
    """sum_h gamma^h r_h <= bound(R, gamma) for reward sequences bounded by R (the sum to 2000 terms, less a bound on
    its tail, (|R| + 2) gamma^2000 / (1 - gamma)); the bound is reached by r_h = R."""
    for gamma in (mpf("0.5"), mpf("0.9"), mpf("0.99")):
        for big_r in (mpf(1), mpf("-0.5"), mpf(3)):
            for rewards in (lambda h: big_r, lambda h: big_r - (h % 3), lambda h: big_r - 2 * (h % 2)):
                partial = sum(gamma**h * rewards(h) for h in range(2000))
                tail = (abs(big_r) + 2) * gamma**2000 / (1 - gamma)
                if partial - tail > bound(big_r, gamma) + TOL:
                    return False
    return True


_U27_I_GP = mat([[1, 0], [0, 1]]) - mpf("0.95") * mat([[0.7, 0.3], [1, 0]])


def _u27_tidy_matrix(top_left):
    """I - 0.95 P entry by entry against the printed matrix, exactly in fractions."""
    g = Fraction("0.95")
    entries = [[1 - g * Fraction("0.7"), -g * Fraction("0.3")], [-g * 1, 1 - g * 0]]
    return entries == [[Fraction(top_left), Fraction("-0.285")], [Fraction("-0.95"), Fraction(1)]]


def _u27_tidy_inverse(written):
    """The inverse of I - 0.95 P, each entry rounded to the two decimals printed."""
    inv = inverse(_U27_I_GP)
    return all(rounds_to(inv[i, j], written[i][j]) for i in range(2) for j in range(2))


def _u27_tidy_value(written):
    """The solution of (I - 0.95 P) V = r, r = (1, 0), rounded to the printed decimals, and the printed product."""
    v = inverse(_U27_I_GP) * col([1, 0])
    product_ok = [Fraction("15.56") * 1 + Fraction("4.44") * 0, Fraction("14.79") * 1 + Fraction("5.21") * 0] == [
        Fraction(w) for w in written
    ]
    return product_ok and all(rounds_to(v[i, 0], written[i]) for i in range(2))


_U27_THETA = [[mpf(0), mpf(1), mpf(2)], [mpf("0.5"), mpf(-1), mpf(0)]]


def _u27_softmax_policy(over_states):
    """sum_a exp(theta_{s,a}) / Z equals 1 at each state, Z summed over states and actions or over actions alone."""
    for s in range(2):
        z = sum(exp(t) for row in _U27_THETA for t in row) if over_states else sum(exp(t) for t in _U27_THETA[s])
        if not close(sum(exp(t) for t in _U27_THETA[s]) / z, 1):
            return False
    return True


def _u27_linear_score(sign):
    """Finite differences of log pi_theta(a | s) in theta against phi(s, a) + sign E_{a' ~ pi} phi(s, a')."""
    phis = [vec([1, 0.5]), vec([-0.3, 2]), vec([0.7, -1.1])]
    theta0 = vec([0.4, -0.2])
    for a in range(3):

        def logpi(theta, a=a):
            scores = [dot(theta, f) for f in phis]
            return scores[a] - log(sum(exp(v) for v in scores))

        probs = softmax([dot(theta0, f) for f in phis])
        expected = [sum(p * f[k] for p, f in zip(probs, phis)) for k in range(2)]
        if not close(grad(logpi, theta0), [phis[a][k] + sign * expected[k] for k in range(2)]):
            return False
    return True


_U27_THETAS = [(mpf(-2),), (mpf("0.3"),), (mpf("1.7"),)]


def _u27_bernoulli_policy(theta):
    return exp(theta) / (1 + exp(theta))


def _u27_vanilla_gradient(factor):
    """d/dtheta of 100 pi(1) + pi(0) by finite differences against factor e^theta / (1 + e^theta)^2."""

    def J(t):
        return 100 * _u27_bernoulli_policy(t) + (1 - _u27_bernoulli_policy(t))

    return identity(lambda t: D(J, t), lambda t: factor * exp(t) / (1 + exp(t)) ** 2, points=_U27_THETAS)


def _u27_fisher(squared):
    """E_{x ~ pi} (d/dtheta log pi(x))^2, enumerated over x in {0, 1}, against e^theta / (1 + e^theta)^(1 or 2)."""

    def fisher(t):
        p1 = _u27_bernoulli_policy(t)
        s1 = D(lambda u: log(_u27_bernoulli_policy(u)), t)
        s0 = D(lambda u: log(1 - _u27_bernoulli_policy(u)), t)
        return p1 * s1**2 + (1 - p1) * s0**2

    return identity(fisher, lambda t: exp(t) / (1 + exp(t)) ** (2 if squared else 1), points=_U27_THETAS)


def _u27_npg_step(divided):
    """eta F^{-1} grad J (or eta F grad J) against 99 eta F^k, k = 0 for the update, 1 for the variant's last side."""
    eta = mpf("0.1")
    for (t,) in _U27_THETAS:
        f = exp(t) / (1 + exp(t)) ** 2
        g = 99 * exp(t) / (1 + exp(t)) ** 2
        if not close(eta * g / f, 99 * eta * (1 if divided else f)):
            return False
    return True


def _u27_sum_bound(closed_form):
    """sum_{n<=T} n^{-1/2} <= 1 + int_1^T x^{-1/2} dx = closed_form(T) <= 2 sqrt(T), for T = 1..2000."""
    for T in (1, 2, 3, 10, 57, 2000):
        s = sum(mpf(n) ** -0.5 for n in range(1, T + 1))
        integral = 1 + quad(lambda x: x**-0.5, [1, T]) if T > 1 else mpf(1)
        if not (s <= integral + TOL and close(integral, closed_form(mpf(T))) and closed_form(mpf(T)) <= 2 * sqrt(T)):
            return False
    return True


_U27_BANDITS = [(mpf(3), mpf(1000), mpf("0.05")), (mpf(10), mpf(50000), mpf("0.01")), (mpf(1), mpf(7), mpf("0.5"))]


def _u27_etc_derivative(half):
    """d/dN (N K + T sqrt(2 ln(2K / delta) / N)) by finite differences against K - c T sqrt(2 ln(2K / delta) / N^3)."""
    for K, T, delta in _U27_BANDITS:
        L = log(2 * K / delta)
        for N in (mpf("0.7"), mpf(5), mpf(120)):
            lhs = D(lambda n: n * K + T * sqrt(2 * L / n), N)
            if not close(lhs, K - (mpf(1) / 2 if half else 1) * T * sqrt(2 * L / N**3)):
                return False
    return True


def _u27_etc_bound(factor):
    """N K + T sqrt(2 L / N) at N = (T sqrt(L / 2) / K)^(2/3), L = ln(2K / delta), against factor T^(2/3) (K L / 2)^(1/3)."""
    for K, T, delta in _U27_BANDITS:
        L = log(2 * K / delta)
        N = (T * sqrt(L / 2) / K) ** (mpf(2) / 3)
        if not close(N * K + T * sqrt(2 * L / N), factor * T ** (mpf(2) / 3) * (K * L / 2) ** (mpf(1) / 3)):
            return False
    return True


CHECKS.update(
    {
        "u27-tree-gini": lambda: _u27_gini(False),
        "u27-tree-gini~square-of-sum": lambda: _u27_gini(True),
        "u27-tree-gini-value": lambda: (
            _u27_gini_of([5, 3, 2])
            == Fraction("0.62")
            == Fraction("0.5") * Fraction("0.5") + Fraction("0.3") * Fraction("0.7") + Fraction("0.2") * Fraction("0.8")
        ),
        "u27-tree-gini-value~digit": lambda: (
            Fraction("0.5") * Fraction("0.5") + Fraction("0.3") * Fraction("0.7") + Fraction("0.2") * Fraction("0.8")
            == Fraction("0.58")
        ),
        "u27-tree-split": lambda: _u27_split(Fraction(4, 10), Fraction(6, 10)),
        "u27-tree-split~weights-swapped": lambda: _u27_split(Fraction(6, 10), Fraction(4, 10)),
        "u27-tree-log-loss": lambda: _u27_log_loss(mpf(4) / 10, mpf(6) / 10),
        "u27-tree-log-loss~weights-swapped": lambda: _u27_log_loss(mpf(6) / 10, mpf(4) / 10),
        "u27-tree-mse": lambda: _u27_mse(-1),
        "u27-tree-mse~plus": lambda: _u27_mse(1),
        "u27-tree-mse-value": lambda: Fraction((1 - 3) ** 2 + (2 - 3) ** 2 + (6 - 3) ** 2, 3) == Fraction(14, 3),
        "u27-tree-mse-value~digit": lambda: Fraction((1 - 3) ** 2 + (2 - 3) ** 2 + (6 - 3) ** 2, 3) == Fraction(13, 3),
        "u27-tree-poisson": lambda: _u27_poisson(mpf(1) / 2),
        "u27-tree-poisson~sign": lambda: _u27_poisson(mpf(2)),
        "u27-tree-poisson-term": lambda: _u27_poisson_term(-1),
        "u27-tree-poisson-term~signs": lambda: _u27_poisson_term(1),
        "u27-tree-alpha-eff": lambda: _u27_alpha_eff("tree"),
        "u27-tree-alpha-eff~put-right": lambda: _u27_alpha_eff("branch"),
        "u27-nb-bernoulli": lambda: _u27_bernoulli(False),
        "u27-nb-bernoulli~exponents-swapped": lambda: _u27_bernoulli(True),
        "u27-nb-smoothing-sum": lambda: _u27_smoothing(True),
        "u27-nb-smoothing-sum~alpha": lambda: _u27_smoothing(False),
        "u27-nb-laplace": lambda: Fraction(3 + 1, 10 + 1 * 5) == Fraction(4, 15),
        "u27-nb-laplace~no-n": lambda: Fraction(3 + 1, 10 + 1 * 5) == Fraction(4, 11),
        "u27-nb-gauss-log": lambda: _u27_gauss_log(True),
        "u27-nb-gauss-log~no-half": lambda: _u27_gauss_log(False),
        "u27-nmf-fro": lambda: _u27_frobenius(True),
        "u27-nmf-fro~no-half": lambda: _u27_frobenius(False),
        "u27-nmf-beta-two": lambda: identity(
            lambda x, y: _u27_beta_term(2, x, y), lambda x, y: (x - y) ** 2 / 2, points=_U27_XY + [(-1, mpf("0.3"))]
        ),
        "u27-nmf-beta-two~no-half": lambda: identity(
            lambda x, y: _u27_beta_term(2, x, y), lambda x, y: (x - y) ** 2, points=_U27_XY + [(-1, mpf("0.3"))]
        ),
        "u27-nmf-beta-one": lambda: _u27_beta_limit(1, lambda x, y: x * log(x / y) - x + y),
        "u27-nmf-beta-one~signs": lambda: _u27_beta_limit(1, lambda x, y: x * log(x / y) + x - y),
        "u27-nmf-beta-zero": lambda: _u27_beta_limit(0, lambda x, y: x / y - log(x / y) - 1),
        "u27-nmf-beta-zero~swapped": lambda: _u27_beta_limit(0, lambda x, y: y / x - log(y / x) - 1),
        "u27-cov-shrunk": lambda: _u27_cov_shrunk(Fraction("0.5")),
        "u27-cov-shrunk~off-diagonal": lambda: _u27_cov_shrunk(Fraction(1)),
        "u27-cov-trace": lambda: _u27_cov_trace(True),
        "u27-cov-trace~p": lambda: _u27_cov_trace(False),
        "u27-trl-gspo": lambda: _u27_gspo(True),
        "u27-trl-gspo~no-mean": lambda: _u27_gspo(False),
        "u27-trl-k3": lambda: _u27_k3(1),
        "u27-trl-k3~two": lambda: _u27_k3(2),
        "u27-trl-unbiased-kl": lambda: _u27_unbiased_kl(-1),
        "u27-trl-unbiased-kl~log-sign": lambda: _u27_unbiased_kl(1),
        "u27-mdps-eval-2": lambda: _u27_tidy_finite(1, "1.7"),
        "u27-mdps-eval-2~no-reward": lambda: _u27_tidy_finite(0, "1.7"),
        "u27-mdps-eval-3": lambda: _u27_tidy_h3("2.49"),
        "u27-mdps-eval-3~messy": lambda: _u27_tidy_h3("2.19"),
        "u27-mdps-discount-bound": lambda: _u27_discount_bound(lambda r, g: r / (1 - g)),
        "u27-mdps-discount-bound~gamma": lambda: _u27_discount_bound(lambda r, g: r / g),
        "u27-mdps-matrix": lambda: _u27_tidy_matrix("0.335"),
        "u27-mdps-matrix~digit": lambda: _u27_tidy_matrix("0.365"),
        "u27-mdps-inverse": lambda: _u27_tidy_inverse([["15.56", "4.44"], ["14.79", "5.21"]]),
        "u27-mdps-inverse~rows": lambda: _u27_tidy_inverse([["15.56", "4.44"], ["5.21", "14.79"]]),
        "u27-mdps-value": lambda: _u27_tidy_value(["15.56", "14.79"]),
        "u27-mdps-value~column": lambda: _u27_tidy_value(["4.44", "5.21"]),
        "u27-mdps-horizon": lambda: 1 / (1 - Fraction("0.95")) == 20,
        "u27-mdps-horizon~digit": lambda: 1 / (1 - Fraction("0.95")) == 19,
        "u27-pg-softmax": lambda: _u27_softmax_policy(True),
        "u27-pg-softmax~put-right": lambda: _u27_softmax_policy(False),
        "u27-pg-linear-score": lambda: _u27_linear_score(-1),
        "u27-pg-linear-score~plus": lambda: _u27_linear_score(1),
        "u27-pg-vanilla-gradient": lambda: _u27_vanilla_gradient(99),
        "u27-pg-vanilla-gradient~100": lambda: _u27_vanilla_gradient(100),
        "u27-pg-fisher": lambda: _u27_fisher(True),
        "u27-pg-fisher~no-square": lambda: _u27_fisher(False),
        "u27-pg-npg-step": lambda: _u27_npg_step(True),
        "u27-pg-npg-step~no-inverse": lambda: _u27_npg_step(False),
        "u27-bandits-sum-bound": lambda: _u27_sum_bound(lambda T: 2 * sqrt(T) - 1),
        "u27-bandits-sum-bound~plus-one": lambda: _u27_sum_bound(lambda T: 2 * sqrt(T) + 1),
        "u27-bandits-etc-derivative": lambda: _u27_etc_derivative(True),
        "u27-bandits-etc-derivative~no-half": lambda: _u27_etc_derivative(False),
        "u27-bandits-etc-bound": lambda: _u27_etc_bound(3),
        "u27-bandits-etc-bound~two": lambda: _u27_etc_bound(2),
    }
)


_U28_INTS = [1, 3, 7]


def _u28_poly(lhs, rhs, names):
    """lhs and rhs, functions of the named whole numbers, agree exactly at every choice from {1, 3, 7}."""
    return all(lhs(*v) == rhs(*v) for v in itertools.product(_U28_INTS, repeat=len(names)))


def _u28_cos_multiplier(tau, written):
    """alpha_f + (1/2)(1 - alpha_f)(1 + cos(pi tau)) at alpha_f = 0.5 against the decimal written."""
    return rounds_to(mpf("0.5") + (1 - mpf("0.5")) / 2 * (1 + cos(pi * mpf(tau))), written)


_U28_LOGITS = [vec(["0.3", "-1.2", "2.0"]), vec(["1.5", "1.4", "-0.7", "0.2"]), vec(["-3", "0", "4.1"])]


def _u28_softmax_each(lhs):
    """lhs(z, j) against softmax(z)_j for three logit vectors, every j."""
    return all(close(lhs(z, j), softmax(z)[j]) for z in _U28_LOGITS for j in range(len(z)))


def _u28_softmax_rounds(z, written):
    """softmax(z) entry by entry against decimals written plainly or in e-notation (mantissa rounded)."""
    for p, w in zip(softmax([mpf(v) for v in z]), written):
        mantissa, _, exponent = w.partition("e")
        if not rounds_to(p / mpf(10) ** int(exponent or 0), mantissa):
            return False
    return True


def _u28_hinge(neg_sign):
    """The mean of max(0, 1 - y y_hat) over the docstring's five samples, the two negatives taken with y = neg_sign."""
    preds, targets = ["0.25", "0.25", "0.55", "0.75", "0.75"], [0, 0, 1, 1, 1]
    terms = [max(Fraction(0), 1 - (1 if t else neg_sign) * Fraction(p)) for p, t in zip(preds, targets)]
    return sum(terms) / 5 == Fraction("0.69")


def _u28_csi(written):
    """Counts of the docstring's example at threshold 0.5, then TP / (TP + FN + FP) against the decimal written."""
    preds, target = [0.2, 0.7, 0.9, 0.3], [0.4, 0.2, 0.8, 0.6]
    p, t = [v >= 0.5 for v in preds], [v >= 0.5 for v in target]
    tp = sum(a and b for a, b in zip(p, t))
    fn = sum(b and not a for a, b in zip(p, t))
    fp = sum(a and not b for a, b in zip(p, t))
    return (tp, fn, fp) == (1, 1, 1) and rounds_to(mpf(tp) / (tp + fn + fp), written)


_U28_NRMSE_T = [Fraction("2.5"), Fraction(5), Fraction(4), Fraction(8)]
_U28_NRMSE_P = [Fraction(3), Fraction(5), Fraction("2.5"), Fraction(7)]
_U28_NRMSE_MSE = sum((t - p) ** 2 for t, p in zip(_U28_NRMSE_T, _U28_NRMSE_P)) / 4


CHECKS.update(
    {
        "u28-ai-qkv": lambda: _u28_poly(
            lambda b, s, h: 3 * (2 * b * s * h * h), lambda b, s, h: 6 * b * s * h**2, "BSH"
        ),
        "u28-ai-qkv~s-squared": lambda: _u28_poly(
            lambda b, s, h: 3 * (2 * b * s * h * h), lambda b, s, h: 6 * b * s**2 * h, "BSH"
        ),
        "u28-ai-scores": lambda: _u28_poly(lambda b, s, h: 2 * b * s * s * h, lambda b, s, h: 2 * b * s**2 * h, "BSH"),
        "u28-ai-scores~h-squared": lambda: _u28_poly(
            lambda b, s, h: 2 * b * s * s * h, lambda b, s, h: 2 * b * s * h**2, "BSH"
        ),
        "u28-ai-attention": lambda: _u28_poly(
            lambda b, s, h: 6 * b * s * h**2 + 2 * b * s**2 * h + 2 * b * s * h * s + 2 * b * s * h**2,
            lambda b, s, h: 8 * b * s * h**2 + 4 * b * s**2 * h,
            "BSH",
        ),
        "u28-ai-attention~two": lambda: _u28_poly(
            lambda b, s, h: 6 * b * s * h**2 + 2 * b * s**2 * h + 2 * b * s * h * s + 2 * b * s * h**2,
            lambda b, s, h: 8 * b * s * h**2 + 2 * b * s**2 * h,
            "BSH",
        ),
        "u28-ai-ffn": lambda: _u28_poly(
            lambda b, s, h: 2 * b * s * h * (4 * h) + 2 * b * s * (4 * h) * h, lambda b, s, h: 16 * b * s * h**2, "BSH"
        ),
        "u28-ai-ffn~eight": lambda: _u28_poly(
            lambda b, s, h: 2 * b * s * h * (4 * h) + 2 * b * s * (4 * h) * h, lambda b, s, h: 8 * b * s * h**2, "BSH"
        ),
        "u28-ai-total": lambda: _u28_poly(
            lambda b, s, h, n: n * (8 * b * s * h**2 + 4 * b * s**2 * h + 16 * b * s * h**2),
            lambda b, s, h, n: n * (24 * b * s * h**2 + 4 * b * s**2 * h),
            "BSHN",
        ),
        "u28-ai-total~twenty": lambda: _u28_poly(
            lambda b, s, h, n: n * (8 * b * s * h**2 + 4 * b * s**2 * h + 16 * b * s * h**2),
            lambda b, s, h, n: n * (20 * b * s * h**2 + 4 * b * s**2 * h),
            "BSHN",
        ),
        "u28-ai-weights": lambda: all(z * 10**9 * 2 == Fraction(2) * z * 10**9 for z in (1, 7, 70)),
        "u28-ai-weights~half": lambda: all(z * 10**9 * 2 == Fraction(1, 2) * z * 10**9 for z in (1, 7, 70)),
        "u28-ai-activations": lambda: _u28_poly(
            lambda b, s, h, n: 2 * n * (b * s * h * 2), lambda b, s, h, n: 4 * n * b * s * h, "BSHN"
        ),
        "u28-ai-activations~eight": lambda: _u28_poly(
            lambda b, s, h, n: 2 * n * (b * s * h * 2), lambda b, s, h, n: 8 * n * b * s * h, "BSHN"
        ),
        "u28-ai-decode-bytes": lambda: _u28_poly(
            lambda b, si, sc, h, n: 4 * n * b * si * h + n * (b * sc * h + 2 * b * si * h) * 2,
            lambda b, si, sc, h, n: 8 * n * b * si * h + 2 * n * b * sc * h,
            "B Si Sc H N".split(),
        ),
        "u28-ai-decode-bytes~four": lambda: _u28_poly(
            lambda b, si, sc, h, n: 4 * n * b * si * h + n * (b * sc * h + 2 * b * si * h) * 2,
            lambda b, si, sc, h, n: 8 * n * b * si * h + 4 * n * b * sc * h,
            "B Si Sc H N".split(),
        ),
        "u28-ai-balance": lambda: rounds_to(mpf(312) * 10**12 / (2039 * mpf(10) ** 9), "153"),
        "u28-ai-balance~digits": lambda: rounds_to(mpf(312) * 10**12 / (2039 * mpf(10) ** 9), "135"),
        "u28-warmup-alpha1": lambda: Fraction(1, 5) == Fraction("0.2"),
        "u28-warmup-alpha1~quarter": lambda: Fraction(1, 5) == Fraction("0.25"),
        "u28-warmup-eta1": lambda: Fraction("0.2") * 3 * Fraction(1, 10**4) == 6 * Fraction(1, 10**5),
        "u28-warmup-eta1~exponent": lambda: Fraction("0.2") * 3 * Fraction(1, 10**4) == 6 * Fraction(1, 10**4),
        "u28-warmup-eta4": lambda: Fraction("0.8") * 3 * Fraction(1, 10**4) == Fraction("2.4") / 10**4,
        "u28-warmup-eta4~digit": lambda: Fraction("0.8") * 3 * Fraction(1, 10**4) == Fraction("2.7") / 10**4,
        "u28-warmup-tau6": lambda: Fraction(6 - 5, 10) == Fraction("0.1"),
        "u28-warmup-tau6~hundredth": lambda: Fraction(6 - 5, 10) == Fraction("0.01"),
        "u28-warmup-alpha6": lambda: _u28_cos_multiplier("0.1", "0.975445"),
        "u28-warmup-alpha6~put-right": lambda: _u28_cos_multiplier("0.1", "0.987764"),
        "u28-warmup-eta6": lambda: Fraction(3, 10**4) * Fraction("0.975445") == Fraction("0.0002963292387221365"),
        "u28-warmup-eta6~put-right": lambda: Fraction(3, 10**4) * Fraction("0.987764") == Fraction("0.0002963292"),
        "u28-warmup-alpha7": lambda: _u28_cos_multiplier("0.2", "0.904508"),
        "u28-warmup-alpha7~put-right": lambda: _u28_cos_multiplier("0.2", "0.952254"),
        "u28-warmup-start": lambda: all(
            a + (1 - a) / 2 * 2 == a + (1 - a) == 1 for a in (Fraction(0), Fraction(1, 10), Fraction(1, 2), Fraction(1))
        ),
        "u28-warmup-start~sign": lambda: all(
            a + (1 - a) / 2 * 2 == a + (1 + a) == 1 for a in (Fraction(0), Fraction(1, 10), Fraction(1, 2), Fraction(1))
        ),
        "u28-warmup-eta-min": lambda: Fraction(3, 10**4) * Fraction("0.1") == Fraction(3, 10**5),
        "u28-warmup-eta-min~exponent": lambda: Fraction(3, 10**4) * Fraction("0.1") == Fraction(3, 10**6),
        "u28-softmax-sum": lambda: all(close(sum(softmax(z)), 1) for z in _U28_LOGITS + [vec(["0.4"])]),
        "u28-softmax-sum~k": lambda: all(close(sum(softmax(z)), len(z)) for z in _U28_LOGITS + [vec(["0.4"])]),
        "u28-softmax-shift": lambda: all(
            _u28_softmax_each(
                lambda z, j, c=c: (exp(z[j]) * exp(c)) / sum(exp(v) * exp(c) for v in z),
            )
            for c in (mpf(-2), mpf("0.5"), mpf(3))
        ),
        "u28-softmax-shift~sum": lambda: all(
            _u28_softmax_each(lambda z, j, c=c: (exp(z[j]) + exp(c)) / (sum(exp(v) for v in z) + exp(c)))
            for c in (mpf(-2), mpf("0.5"), mpf(3))
        ),
        "u28-softmax-stable": lambda: _u28_softmax_each(
            lambda z, j: exp(z[j] - max(z)) / sum(exp(v - max(z)) for v in z)
        ),
        "u28-softmax-stable~unshifted-denominator": lambda: _u28_softmax_each(
            lambda z, j: exp(z[j] - max(z)) / sum(exp(v) for v in z)
        ),
        "u28-softmax-large": lambda: _u28_softmax_rounds([10, 20, 30], ["2.0611e-09", "4.5398e-05", "9.9995e-01"]),
        "u28-softmax-large~exponent": lambda: _u28_softmax_rounds(
            [10, 20, 30], ["2.0611e-09", "4.5398e-04", "9.9995e-01"]
        ),
        "u28-softmax-small": lambda: _u28_softmax_rounds(["0.1", "0.2", "0.3"], ["0.3006", "0.3322", "0.3672"]),
        "u28-softmax-small~digit": lambda: _u28_softmax_rounds(["0.1", "0.2", "0.3"], ["0.3006", "0.3322", "0.3622"]),
        "u28-softmax-wiki": lambda: _u28_softmax_rounds([1, 2, 8], ["0.001", "0.002", "0.997"]),
        "u28-softmax-wiki~digits": lambda: _u28_softmax_rounds([1, 2, 8], ["0.001", "0.002", "0.979"]),
        "u28-softmax-temperature": lambda: all(
            close(softmax([v / T for v in z])[j], exp(z[j] / T) / sum(exp(v / T) for v in z))
            for T in (mpf("0.3"), mpf(1), mpf("2.5"))
            for z in _U28_LOGITS
            for j in range(len(z))
        ),
        "u28-softmax-temperature~denominator": lambda: all(
            close(softmax([v / T for v in z])[j], exp(z[j] / T) / sum(exp(v) for v in z))
            for T in (mpf("0.3"), mpf(1), mpf("2.5"))
            for z in _U28_LOGITS
            for j in range(len(z))
        ),
        "u28-softmax-temperature~unscaled": lambda: all(
            close(softmax([v / T for v in z])[j], softmax(z)[j])
            for T in (mpf("0.3"), mpf("2.5"))
            for z in _U28_LOGITS
            for j in range(len(z))
        ),
        "u28-flops-throughput": lambda: rounds_to(mpf(20 * 5) / mpf("0.755"), "132.4503311258278"),
        "u28-flops-throughput~digit": lambda: rounds_to(mpf(20 * 5) / mpf("0.755"), "132.5503311258278"),
        "u28-flops-mfu": lambda: rounds_to(mpf(250) / 312, "0.8"),
        "u28-flops-mfu~digit": lambda: rounds_to(mpf(250) / 312, "0.7"),
        "u28-flops-per-second": lambda: 100 * 1000 == 100000,
        "u28-flops-per-second~zero": lambda: 100 * 1000 == 10000,
        "u28-flops-palm": lambda: _u28_poly(
            lambda n, l, h, q, t: 6 * n + 6 * l * h * q * (2 * t),
            lambda n, l, h, q, t: 6 * n + 12 * l * h * q * (2 * t),
            "NLHQT",
        ),
        "u28-flops-palm~put-right": lambda: _u28_poly(
            lambda n, l, h, q, t: 6 * n + 6 * l * h * q * (2 * t),
            lambda n, l, h, q, t: 6 * n + 12 * l * h * q * t,
            "NLHQT",
        ),
        "u28-hinge-example": lambda: _u28_hinge(-1),
        "u28-hinge-example~unsigned": lambda: _u28_hinge(1),
        "u28-hinge-squared": lambda: (
            sum(Fraction(v) ** 2 for v in ["1.25", "1.25", "0.45", "0.25", "0.25"]) / 5 == Fraction("0.6905")
        ),
        "u28-hinge-squared~digits": lambda: (
            sum(Fraction(v) ** 2 for v in ["1.25", "1.25", "0.45", "0.25", "0.25"]) / 5 == Fraction("0.6950")
        ),
        "u28-psnr-mse": lambda: Fraction((0 - 3) ** 2 + (1 - 2) ** 2 + (2 - 1) ** 2 + (3 - 0) ** 2, 4) == 5,
        "u28-psnr-mse~four": lambda: Fraction((0 - 3) ** 2 + (1 - 2) ** 2 + (2 - 1) ** 2 + (3 - 0) ** 2, 4) == 4,
        "u28-psnr-example": lambda: rounds_to(10 * log(mpf(3) ** 2 / 5, 10), "2.5527"),
        "u28-psnr-example~no-square": lambda: rounds_to(10 * log(mpf(3) / 5, 10), "2.5527"),
        "u28-csi-example": lambda: _u28_csi("0.3333"),
        "u28-csi-example~half": lambda: _u28_csi("0.5"),
        "u28-nrmse-mean": lambda: (
            _U28_NRMSE_MSE == Fraction("3.5") / 4
            and sum(_U28_NRMSE_T) / 4 == Fraction("4.875")
            and rounds_to(sqrt(mpf(_U28_NRMSE_MSE.numerator) / _U28_NRMSE_MSE.denominator) / mpf("4.875"), "0.1919")
        ),
        "u28-nrmse-mean~no-root": lambda: rounds_to(
            mpf(_U28_NRMSE_MSE.numerator) / _U28_NRMSE_MSE.denominator / mpf("4.875"), "0.1919"
        ),
        "u28-nrmse-range": lambda: (
            max(_U28_NRMSE_T) - min(_U28_NRMSE_T) == Fraction("5.5")
            and rounds_to(sqrt(mpf("3.5") / 4) / mpf("5.5"), "0.1701")
        ),
        "u28-nrmse-range~digits": lambda: rounds_to(sqrt(mpf("3.5") / 4) / mpf("5.5"), "0.1710"),
    }
)


def _u29_dot_variance(power):
    """Var of a sum of d_k products of independent N(0, sigma^2) draws, by quadrature moments, against sigma^power d_k."""
    sigma, d_k = mpf("1.5"), 4

    def moment(k):
        return quad(lambda x: x**k * exp(-(x**2) / (2 * sigma**2)) / (sigma * sqrt(2 * pi)), [-inf, inf])

    one_term = moment(2) * moment(2) - (moment(1) * moment(1)) ** 2
    return close(d_k * one_term, sigma**power * d_k)


_U29_Q = mat([["0.3", "-1.1"], ["0.8", "0.4"], ["-0.5", "0.9"]])
_U29_K = mat([["1.2", "0.1"], ["-0.7", "0.6"], ["0.2", "-0.3"]])
_U29_V = mat([["0.5", "2.0", "-1.0"], ["1.5", "-0.4", "0.3"], ["-0.8", "0.7", "1.1"]])


def _u29_attention(scale):
    """softmax(Q K^T / scale) V, row by row, against each query's mean of values weighted by exp(q . k / sqrt(d_k))."""
    d_k = _U29_Q.cols
    for i in range(_U29_Q.rows):
        weights = [exp(sum(_U29_Q[i, c] * _U29_K[j, c] for c in range(d_k)) / sqrt(d_k)) for j in range(_U29_K.rows)]
        expected = [sum(w * _U29_V[j, c] for j, w in enumerate(weights)) / sum(weights) for c in range(_U29_V.cols)]
        row = softmax([sum(_U29_Q[i, c] * _U29_K[j, c] for c in range(d_k)) / scale(d_k) for j in range(_U29_K.rows)])
        written = [sum(row[j] * _U29_V[j, c] for j in range(_U29_K.rows)) for c in range(_U29_V.cols)]
        if not close(written, expected):
            return False
    return True


def _u29_ffn(written):
    """The written network against Linear -> ReLU -> Linear (relu(x W_1 + b_1) W_2 + b_2) at one input."""
    x, w1, b1 = vec(["0.5", "-1.2"]), mat([["1.0", "-2.0", "0.3"], ["0.4", "0.6", "-1.5"]]), vec(["-0.2", "0.9", "0.1"])
    w2, b2 = mat([["0.7", "-0.1"], ["1.3", "0.2"], ["-0.6", "0.8"]]), vec(["0.05", "-0.4"])
    hidden = [x[0] * w1[0, c] + x[1] * w1[1, c] for c in range(3)]
    relu = [max(0, h + b1[c]) for c, h in enumerate(hidden)]
    expected = [sum(relu[r] * w2[r, c] for r in range(3)) + b2[c] for c in range(2)]
    return close(written(hidden, b1, w2, b2), expected)


def _u29_pe(cos_exponent):
    """The cases at d = 8, i = 0..7, against Vaswani et al.'s sin/cos pair of frequency 1/10000^{2k/d}."""
    d = 8
    for pos in (0, 1, 5, 37):
        for i in range(d):
            k = i // 2
            expected = (
                sin(pos / mpf(10000) ** (mpf(2 * k) / d)) if i % 2 == 0 else cos(pos / mpf(10000) ** (mpf(2 * k) / d))
            )
            written = (
                sin(pos / mpf(10000) ** (mpf(i) / d)) if i % 2 == 0 else cos(pos / mpf(10000) ** (cos_exponent(i) / d))
            )
            if not close(written, expected):
                return False
    return True


_U29_SIMS = [mpf("0.3"), mpf("-0.2"), mpf("0.9"), mpf("0.1")]


def _u29_infonce(sign):
    """-log of the positive pair's share (i = 1, j = 3, tau = 0.5) against sign * sim / tau + log of the denominator."""
    tau, i, j = mpf("0.5"), 0, 2
    denominator = sum(exp(s / tau) for k, s in enumerate(_U29_SIMS) if k != i)
    return close(-log(exp(_U29_SIMS[j] / tau) / denominator), sign * _U29_SIMS[j] / tau + log(denominator))


def _u29_cosine(denominator):
    """The written similarity is unchanged by scaling either vector, as the cosine of the angle is."""
    u, v = vec(["1.0", "2.0", "-0.5"]), vec(["0.3", "-1.0", "2.2"])
    base = dot(u, v) / denominator(norm(u), norm(v))
    cosine = dot(u, v) / (norm(u) * norm(v))
    scaled = dot([3 * a for a in u], v) / denominator(3 * norm(u), norm(v))
    return close(base, cosine) and close(scaled, cosine)


def _u29_change_of_variables(sign):
    """f(x) = 2x + 1 with z standard normal: x ~ N(-1/2, 1/4); log p_x(0.3) against log p_z(f(0.3)) + sign log 2."""
    x = mpf("0.3")
    log_px = -((x + mpf("0.5")) ** 2) / (2 * mpf("0.25")) - log(sqrt(2 * pi * mpf("0.25")))
    log_pz = -((2 * x + 1) ** 2) / 2 - log(sqrt(2 * pi))
    return close(log_px, log_pz + sign * log(2))


def _u29_dequant(flip):
    """On [0, 1) with p(u) = 1 + u/2 and q(u) = (1 + u)/1.5: the integral of p against E_q[p/q] (or E_q[q/p])."""
    p, q = (lambda u: 1 + u / 2), (lambda u: (1 + u) / mpf("1.5"))
    ratio = (lambda u: q(u) / p(u)) if flip else (lambda u: p(u) / q(u))
    integral = quad(p, [0, 1])
    return close(quad(q, [0, 1]), 1) and close(integral, quad(lambda u: q(u) * ratio(u), [0, 1]))


_U29_RATIOS = [mpf(1), mpf(4)]  # p(x+u)/q(u|x) takes each value with probability 1/2


def _u29_jensen(geq):
    lhs = log(sum(_U29_RATIOS) / 2)
    rhs = sum(log(r) for r in _U29_RATIOS) / 2
    return lhs >= rhs if geq else lhs <= rhs


def _u29_importance_weighted():
    """Exact enumeration over two draws: log E[r] >= E[log mean(r_1, r_2)] >= E[log r]."""
    top = log(sum(_U29_RATIOS) / 2)
    middle = sum(log((a + b) / 2) for a in _U29_RATIOS for b in _U29_RATIOS) / 4
    bottom = sum(log(r) for r in _U29_RATIOS) / 2
    return top >= middle >= bottom


def _u29_coupling_inverse(sign):
    mu, sigma, z = mpf("0.7"), mpf("1.9"), mpf("-0.4")
    z_prime = mu + sigma * z
    return close((z_prime + sign * mu) / sigma, z)


def _u29_huber_def(far):
    """The written cases against the integral of the residual clipped to [-delta, delta], at delta = 1.5."""
    delta = mpf("1.5")

    def written(r):
        return r**2 / 2 if abs(r) <= delta else delta * (abs(r) - far * delta)

    def huber(r):
        path = [mpf(0), *(v for v in (delta, -delta) if min(0, r) < v < max(0, r)), r]
        return quad(lambda u: max(-delta, min(delta, u)), path)

    return all(close(written(r), huber(r)) for r in (mpf("-3.1"), mpf("-0.6"), mpf("0.9"), mpf("2.4")))


def _u29_huber(delta, r):
    """Huber's loss as the integral of the residual clipped to [-delta, delta]."""
    delta, r = mpf(delta), mpf(r)
    path = [mpf(0), *(v for v in (delta, -delta) if min(0, r) < v < max(0, r)), r]
    return quad(lambda u: max(-delta, min(delta, u)), path)


def _u29_pseudo_huber(delta, r):
    delta, r = mpf(delta), mpf(r)
    return delta**2 * (sqrt(1 + (r / delta) ** 2) - 1)


def _u29_pseudo_huber_def():
    """The written loss is smooth, r^2/2 to second order at 0 and |r| delta to first order far out (delta = 1.5)."""
    delta = mpf("1.5")
    f = lambda r: _u29_pseudo_huber(delta, r)  # noqa: E731
    return close(D(f, mpf(0), 2), 1) and close(D(f, mpf(10) ** 8), delta, tol=mpf(10) ** -12)


_U29_P = [mpf(1) / 6, mpf(1) / 3, mpf(1) / 2]
_U29_QD = [mpf("0.2"), mpf("0.5"), mpf("0.3")]


def _u29_kl_sum(extra):
    kl_div = sum(a * log(a / b) - a + b for a, b in zip(_U29_P, _U29_QD))
    return close(kl_div, kl(_U29_P, _U29_QD) + extra)


_U29_GRID = [mpf(v) / 4 for v in range(1, 21)]


def _u29_expit(x, written):
    return rounds_to(sigmoid(mpf(x)), written)


def _u29_logit(p):
    p = mpf(p)
    return log(p / (1 - p))


def _u29_lse_grad(take_log):
    """Central finite differences of log sum exp at x = (0.3, -1.2, 2.0) against the softmax (or its log)."""
    x = [mpf("0.3"), mpf("-1.2"), mpf("2.0")]
    g = grad(lambda y: log(sum(exp(v) for v in y)), x)
    s = softmax(x)
    return close(g, [log(v) for v in s] if take_log else s)


def _u29_mantissa(value, written):
    """A value written as a mantissa times a power of ten: the mantissa rounded to its digits."""
    mantissa, _, exponent = written.partition("e")
    return rounds_to(value / mpf(10) ** int(exponent), mantissa)


def _u29_exact(lhs, rhs, names):
    """lhs and rhs, functions of the named whole numbers, agree exactly at every choice from {1, 2, 3, 5}."""
    return all(lhs(*v) == rhs(*v) for v in itertools.product([1, 2, 3, 5], repeat=len(names)))


def _u29_theta(lhs, rhs):
    """lhs / rhs stays within [1/10, 10] as n runs over 10, 100, 1000, 10000 (d = 7): the same order in n."""
    ratios = [Fraction(lhs(n, 7)) / Fraction(rhs(n, 7)) for n in (10, 100, 1000, 10000)]
    return all(Fraction(1, 10) <= r <= 10 for r in ratios)


def _u29_nocache_flops(n, d):
    return sum(2 * t * d * d + 2 * t * t * d for t in range(1, n + 1))


CHECKS.update(
    {
        "u29-tf-var": lambda: _u29_dot_variance(4),
        "u29-tf-var~sigma2": lambda: _u29_dot_variance(2),
        "u29-tf-attention": lambda: _u29_attention(lambda d: sqrt(d)),
        "u29-tf-attention~dk": lambda: _u29_attention(lambda d: mpf(d)),
        "u29-tf-ffn": lambda: _u29_ffn(
            lambda h, b1, w2, b2: [sum(max(0, h[r] + b1[r]) * w2[r, c] for r in range(3)) + b2[c] for c in range(2)]
        ),
        "u29-tf-ffn~bias": lambda: _u29_ffn(
            lambda h, b1, w2, b2: [sum(max(0, h[r]) * w2[r, c] for r in range(3)) + b1[c] + b2[c] for c in range(2)]
        ),
        "u29-tf-pe": lambda: _u29_pe(lambda i: mpf(i - 1)),
        "u29-tf-pe~cos-freq": lambda: _u29_pe(lambda i: mpf(i)),
        "u29-simclr-loss": lambda: _u29_infonce(-1),
        "u29-simclr-loss~sign": lambda: _u29_infonce(1),
        "u29-simclr-sim": lambda: _u29_cosine(lambda a, b: a * b),
        "u29-simclr-sim~sum": lambda: _u29_cosine(lambda a, b: a + b),
        "u29-nf-change": lambda: _u29_change_of_variables(1),
        "u29-nf-change~minus": lambda: _u29_change_of_variables(-1),
        "u29-nf-dequant": lambda: _u29_dequant(False),
        "u29-nf-dequant~flip": lambda: _u29_dequant(True),
        "u29-nf-jensen": lambda: _u29_jensen(True),
        "u29-nf-jensen~leq": lambda: _u29_jensen(False),
        "u29-nf-iw": _u29_importance_weighted,
        "u29-nf-coupling-inverse": lambda: _u29_coupling_inverse(-1),
        "u29-nf-coupling-inverse~plus": lambda: _u29_coupling_inverse(1),
        "u29-huber-def": lambda: _u29_huber_def(mpf("0.5")),
        "u29-huber-def~jump": lambda: _u29_huber_def(1),
        "u29-huber-1-2": lambda: close(_u29_huber(1, 2), mpf("1.5")),
        "u29-huber-1-2~two": lambda: close(_u29_huber(1, 2), 2),
        "u29-huber-3-4": lambda: close(_u29_huber(3, 4), mpf("7.5")),
        "u29-huber-3-4~eight": lambda: close(_u29_huber(3, 4), 8),
        "u29-phuber-def": _u29_pseudo_huber_def,
        "u29-phuber-1-2": lambda: rounds_to(_u29_pseudo_huber(1, 2), "1.2360679774997898"),
        "u29-phuber-1-2-corrected": lambda: rounds_to(_u29_pseudo_huber(1, 2), "1.2360679774997897"),
        "u29-phuber-1-2~sqrt2": lambda: rounds_to(_u29_pseudo_huber(1, 2), "1.4142135623730951"),
        "u29-phuber-2-1.5": lambda: close(_u29_pseudo_huber(2, "1.5"), 1),
        "u29-phuber-2-1.5~huber": lambda: close(_u29_pseudo_huber(2, "1.5"), mpf("1.125")),
        "u29-phuber-2-4": lambda: rounds_to(_u29_pseudo_huber(2, 4), "4.94427191"),
        "u29-phuber-2-4~digit": lambda: rounds_to(_u29_pseudo_huber(2, 4), "4.94427181"),
        "u29-kl-sum": lambda: _u29_kl_sum(0),
        "u29-kl-sum~plus-one": lambda: _u29_kl_sum(1),
        "u29-kl-nonneg": lambda: all(x * log(x / y) - x + y >= 0 for x in _U29_GRID for y in _U29_GRID),
        "u29-kl-nonneg~rel-entr": lambda: all(x * log(x / y) >= 0 for x in _U29_GRID for y in _U29_GRID),
        "u29-expit-m1.5": lambda: _u29_expit("-1.5", "0.18242552"),
        "u29-expit-m1.5~swap": lambda: _u29_expit("-1.5", "0.18242525"),
        "u29-logit-0.25": lambda: rounds_to(_u29_logit("0.25"), "-1.09861229"),
        "u29-logit-0.25~log-p": lambda: rounds_to(_u29_logit("0.25"), "-1.38629436"),
        "u29-logit-expit": lambda: always(lambda x: close(_u29_logit(sigmoid(x)), x), REAL),
        "u29-logit-expit~minus": lambda: always(lambda x: close(_u29_logit(sigmoid(x)), -x), REAL),
        "u29-logexpit-m3": lambda: rounds_to(log(sigmoid(mpf(-3))), "-3.04858735"),
        "u29-logexpit-m3~pi": lambda: rounds_to(log(sigmoid(mpf(-3))), "-3.14858735"),
        "u29-logexpit-29": lambda: _u29_mantissa(log(sigmoid(mpf(29))), "-2.54366565e-13"),
        "u29-logexpit-29~naive": lambda: _u29_mantissa(log(sigmoid(mpf(29))), "-2.54463117e-13"),
        "u29-softmax-grad": lambda: _u29_lse_grad(False),
        "u29-softmax-grad~log": lambda: _u29_lse_grad(True),
        "u29-softmax-sum": lambda: all(close(sum(softmax(z)), 1) for z in _U28_LOGITS),
        "u29-softmax-sum~n": lambda: all(close(sum(softmax(z)), len(z)) for z in _U28_LOGITS),
        "u29-softmax-row": lambda: _u29_mantissa(softmax([mpf(v) for v in ("1", "0.5", "0.2", "3")])[0], "1.05877e-1"),
        "u29-softmax-row~exp": lambda: _u29_mantissa(
            softmax([mpf(v) for v in ("1", "0.5", "0.2", "3")])[0], "1.05877e-2"
        ),
        "u29-softmax-col": lambda: _u29_mantissa(softmax([mpf(1), mpf(1), mpf(2)])[2], "5.76117e-1"),
        "u29-softmax-col~swap": lambda: _u29_mantissa(softmax([mpf(1), mpf(1), mpf(2)])[2], "5.76171e-1"),
        "u29-logsoftmax-1000": lambda: rounds_to(1 - lse([mpf(1000), mpf(1)]), "-999"),
        # after an approximate sign the trailing zeros of a whole number are not significant: -1000 to the thousands
        "u29-logsoftmax-1000~1000": lambda: abs(1 - lse([mpf(1000), mpf(1)]) + 1000) <= 500,
        "u29-lse-arange": lambda: rounds_to(lse([mpf(i) for i in range(10)]), "9.4586297444267107"),
        "u29-lse-arange-corrected": lambda: rounds_to(lse([mpf(i) for i in range(10)]), "9.4586297444267114"),
        "u29-mha-qkv": lambda: _u29_exact(
            lambda b, n, d: 3 * 2 * b * n * d**2, lambda b, n, d: 6 * b * n * d**2, "bnd"
        ),
        "u29-mha-qkv~n2": lambda: _u29_exact(
            lambda b, n, d: 3 * 2 * b * n * d**2, lambda b, n, d: 6 * b * n**2 * d, "bnd"
        ),
        "u29-mha-scores": lambda: _u29_exact(
            lambda b, n, d, h: 2 * b * h * n * Fraction(d, h) * n, lambda b, n, d, h: 2 * b * n**2 * d, "bndh"
        ),
        "u29-mha-scores~h": lambda: _u29_exact(
            lambda b, n, d, h: 2 * b * h * n * Fraction(d, h) * n, lambda b, n, d, h: 2 * b * n**2 * d * h, "bndh"
        ),
        "u29-mha-ai-train": lambda: (
            _u29_exact(
                lambda b, n, d, h: Fraction(b * n**2 * d, b * n * d + b * h * n**2 + d**2),
                lambda b, n, d, h: 1 / (Fraction(1, n) + Fraction(h, d) + Fraction(d, b * n**2)),
                "bndh",
            )
            and _u29_exact(
                lambda b, n, d, h: 1 / (Fraction(1, n) + Fraction(h, d) + Fraction(d, b * n**2)),
                lambda b, n, d, h: 1 / (Fraction(1, n) + 1 / Fraction(d, h) + Fraction(d, b * n**2)),
                "bndh",
            )
        ),
        # at b = h = 1 and d = n (the post's d = Theta(n)) the two arguments are n/3 and about 1
        "u29-mha-ai-train~bn": lambda: _u29_theta(
            lambda n, _: Fraction(n**3, 3 * n**2), lambda n, _: 1 / (Fraction(1, n) + Fraction(1, n) + Fraction(n, n))
        ),
        "u29-mha-nocache": lambda: _u29_theta(_u29_nocache_flops, lambda n, d: n**2 * d**2 + n**3 * d),
        "u29-mha-nocache~n2d": lambda: _u29_theta(_u29_nocache_flops, lambda n, d: n**2 * d**2 + n**2 * d),
        "u29-mha-ai-infer": lambda: _u29_exact(
            lambda b, n, d: Fraction(b * n**2 * d + b * n * d**2, b * n**2 * d + n * d**2),
            lambda b, n, d: Fraction(b * n + b * d, b * n + d),
            "bnd",
        ),
        "u29-mha-ai-infer~b": lambda: _u29_theta(
            lambda b, d: Fraction(b * 7 + b * d, b * 7 + d), lambda b, d: Fraction(b * 7 + b * d, 7 + d)
        ),
        "u29-mha-ai-mqa": lambda: _u29_exact(
            lambda b, n, d, h: Fraction(b * (n + d)) / (Fraction(b * n, h) + d),
            lambda b, n, d, h: h * Fraction(b * n + b * d, b * n + h * d),
            "bndh",
        ),
        "u29-mha-ai-mqa~hd": lambda: _u29_theta(
            lambda h, d: Fraction(3 * (5 + d)) / (Fraction(3 * 5, h) + d),
            lambda h, d: h * Fraction(3 * 5 + 3 * d, 3 * 5 + d),
        ),
        "u29-mha-speedup": lambda: rounds_to(mpf("16.91") / mpf("4.21"), "4"),
        "u29-mha-speedup~three": lambda: rounds_to(mpf("16.91") / mpf("4.21"), "3"),
        "u29-mha-mla-cache": lambda: all(4 * dh + Fraction(dh, 2) == Fraction(9, 2) * dh for dh in (2, 64, 128)),
        "u29-mha-mla-cache~seven": lambda: all(4 * dh + Fraction(dh, 2) == Fraction(7, 2) * dh for dh in (2, 64, 128)),
    }
)


_U31_A = mat([["1.2", "-0.7"], ["0.4", "2.1"], ["-1.5", "0.3"]])
_U31_B = vec(["0.5", "-1.1", "0.8"])
_U31_X = vec(["0.9", "-0.6"])


def _u31_ls_grad(factor):
    """grad of (1/2)||Ax - b||^2 by finite differences against factor A^T (Ax - b)."""

    def loss(x):
        return sum((sum(_U31_A[i, j] * x[j] for j in range(2)) - _U31_B[i]) ** 2 for i in range(3)) / 2

    residual = [sum(_U31_A[i, j] * _U31_X[j] for j in range(2)) - _U31_B[i] for i in range(3)]
    written = [factor * sum(_U31_A[i, j] * residual[i] for i in range(3)) for j in range(2)]
    return close(grad(loss, _U31_X), written)


_U31_A2 = [[mpf("1.3"), mpf("-0.4")], [mpf("0.6"), mpf("2.2")]]
_U31_B2 = [mpf("0.7"), mpf("-1.9")]


def _u31_2d_x1(last):
    """d/dx_1 of the 2x2 least-squares loss by finite differences against the written sum, last factor a[1][last]."""
    a, b = _U31_A2, _U31_B2

    def loss(x):
        return sum((a[i][0] * x[0] + a[i][1] * x[1] - b[i]) ** 2 for i in range(2)) / 2

    for x in ([mpf("0.9"), mpf("-0.6")], [mpf("-1.4"), mpf("2.5")]):
        r = [a[i][0] * x[0] + a[i][1] * x[1] - b[i] for i in range(2)]
        if not close(grad(loss, x)[0], r[0] * a[0][0] + r[1] * a[1][last]):
            return False
    return True


_U31_A3 = mat([["1.2", "-0.7", "0.4"], ["2.1", "0.3", "-1.5"], ["0.6", "1.1", "-0.2"]])
_U31_X3 = vec(["0.9", "-0.6", "1.4"])


def _u31_jacobian(transpose):
    """d f_i / d x_j of f = A x by finite differences against a_ij (or a_ji)."""
    for i in range(3):
        jac = grad(lambda x, i=i: sum(_U31_A3[i, k] * x[k] for k in range(3)), _U31_X3)
        if not close(jac, [_U31_A3[j, i] if transpose else _U31_A3[i, j] for j in range(3)]):
            return False
    return True


def _u31_quadform(transpose):
    """grad of x^T A x (non-symmetric A) against sum_i a_ik x_i + sum_j x_j a_kj (or a_jk)."""
    g = grad(lambda x: sum(x[j] * _U31_A3[i, j] * x[i] for i in range(3) for j in range(3)), _U31_X3)
    for k in range(3):
        second = sum(_U31_X3[j] * (_U31_A3[j, k] if transpose else _U31_A3[k, j]) for j in range(3))
        if not close(g[k], sum(_U31_A3[i, k] * _U31_X3[i] for i in range(3)) + second):
            return False
    return True


def _u31_poisson_log(sign):
    """log(lambda^k e^-lambda / k!) against k log(lambda) + sign lambda - log(k!)."""
    return all(
        close(log(lam**k * exp(-lam) / factorial(k)), k * log(lam) + sign * lam - log(factorial(k)))
        for lam in (mpf("0.4"), mpf("2.5"), mpf(7))
        for k in range(7)
    )


def _u31_poisson_foc(power):
    """d/d lambda of the Poisson log-likelihood of counts (3, 0, 5, 2) against sum k_i / lambda^power - 1."""
    counts = (3, 0, 5, 2)

    def loglik(lam):
        return sum(k * log(lam) - lam - log(factorial(k)) for k in counts)

    return all(close(D(loglik, lam), sum(k / lam**power - 1 for k in counts)) for lam in (mpf("0.6"), mpf("2.3")))


def _u31_bernoulli(second_exponent):
    """f^y (1 - f)^e(y) against the two cases f (y = 1) and 1 - f (y = 0)."""
    for f in (mpf("0.2"), mpf("0.7")):
        for y, expected in ((1, f), (0, 1 - f)):
            if not close(f**y * (1 - f) ** second_exponent(y), expected):
                return False
    return True


_U31_W = vec(["0.4", "-0.3"])
_U31_XS = [vec(["1.0", "0.5"]), vec(["-0.7", "2.0"]), vec(["0.3", "-1.2"])]
_U31_YS = [1, 4, 0]
_U31_YG = [mpf("0.8"), mpf("-1.1"), mpf("2.0")]


def _u31_poisson_reg(keep_y):
    """sum y_i log(exp(w.x_i)) - exp(w.x_i) - log(y_i!) against the written right side."""
    lhs = sum(y * log(exp(dot(_U31_W, x))) - exp(dot(_U31_W, x)) - log(factorial(y)) for x, y in zip(_U31_XS, _U31_YS))
    rhs = sum(
        (y if keep_y else 1) * dot(_U31_W, x) - exp(dot(_U31_W, x)) - log(factorial(y))
        for x, y in zip(_U31_XS, _U31_YS)
    )
    return close(lhs, rhs)


def _u31_gauss(denominator):
    """sum log N(y_i; w.x_i, sigma^2) against n log(1/(sigma sqrt(2 pi))) - sum (y_i - w.x_i)^2 / denominator."""
    sigma = mpf("0.7")
    pairs = list(zip(_U31_XS, _U31_YG))
    lhs = sum(log(exp(-((y - dot(_U31_W, x)) ** 2) / (2 * sigma**2)) / (sigma * sqrt(2 * pi))) for x, y in pairs)
    rhs = sum(log(1 / (sigma * sqrt(2 * pi))) for _ in pairs) - sum(
        (y - dot(_U31_W, x)) ** 2 / denominator(sigma) for x, y in pairs
    )
    return close(lhs, rhs)


def _u31_exp_score(power):
    """d/d lambda of N ln(lambda) - lambda S (N = 3, S = 4.2) against N / lambda^power - S."""
    n, s = 3, mpf("4.2")
    return all(close(D(lambda t: n * log(t) - t * s, lam), n / lam**power - s) for lam in (mpf("0.7"), mpf("1.9")))


def _u31_exp_posterior(rhs):
    """L(lambda) p(lambda) (N = 3, S = 4.2, uniform prior on [0.5, 2]) against rhs(lambda) inside the prior's range."""
    n, s, u0, u1 = 3, mpf("4.2"), mpf("0.5"), mpf(2)
    return all(
        close(lam**n * exp(-lam * s) / (u1 - u0), rhs(lam, n, s, u0, u1))
        for lam in (mpf("0.7"), mpf("1.3"), mpf("1.9"))
    )


_U31_LAW = {mpf(-1): mpf("0.2"), mpf("0.5"): mpf("0.5"), mpf(3): mpf("0.3")}


def _u31_sigma_bias(ratio):
    """E of the mean squared deviation of N = 3 independent draws, by exact enumeration, against ratio(N) Var."""
    n = 3
    total = 0
    for draw in itertools.product(_U31_LAW.items(), repeat=n):
        p = 1
        for _, q in draw:
            p *= q
        xs = [x for x, _ in draw]
        m = sum(xs) / n
        total += p * sum((x - m) ** 2 for x in xs) / n
    return close(total, ratio(n) * var(_U31_LAW))


def _u31_var_sum(copies):
    """Var of the sum of B = 3 independent copies of a three-point law, by exact enumeration, against copies(B) Var."""
    b = 3
    dist = {mpf(0): mpf(1)}
    for _ in range(b):
        dist = product(dist, _U31_LAW, lambda s, x: s + x)
    return close(var(dist) / b**2, copies(b) * var(_U31_LAW) / b**2) and close(var(dist) / b**2, var(_U31_LAW) / b)


def _u31_bagged(last, sizes=(2, 4, 7)):
    """Var of the mean of B equicorrelated members (variance s2, correlation r) against s2/B + (B-1)/B last(r, s2)."""
    s2, r = mpf("2.5"), mpf("0.36")
    for b in sizes:
        cov = sum(s2 if i == j else r * s2 for i in range(b) for j in range(b))
        if not close(cov / b**2, s2 / b + mpf(b - 1) / b * last(r, s2)):
            return False
    return True


def _u31_attn_ratio(last):
    """The page's chain with F = 4D, D = NH, in exact fractions: every side against the first."""

    def sides(n, h, b, t):
        d = n * h
        f = 4 * d
        return [
            Fraction(12 * b * t * t * n * h, 18 * b * t * d * f + 24 * b * t * d * n * h),
            Fraction(12 * b * t * t * d, 4 * 18 * b * t * d * d + 24 * b * t * d * d),
            Fraction(12 * b * t * t * d, 96 * b * t * d * d),
            Fraction(t, last * d),
        ]

    return all(len(set(sides(*v))) == 1 for v in itertools.product([1, 2, 3, 5], repeat=4))


def _u31_attn_share(last):
    """The share of attention parameters with F = 4D, D = NH, in exact fractions: every side against the first."""

    def sides(n, h):
        d = n * h
        f = 4 * d
        return [Fraction(4 * d * n * h, 4 * d * n * h + 3 * d * f), Fraction(4 * d * d, 4 * d * d + 12 * d * d), last]

    return all(len(set(sides(*v))) == 1 for v in itertools.product([1, 2, 3, 5], repeat=2))


_U31_PARAMS16 = 64 * (3 * 4000 * 16000 + 4 * 4000 * 4000 + 4000) + 2 * 4000 * 32000


_U31_POS6 = [
    tuple(mpf(v) for v in p)
    for p in (("0.7", "1.3", "2.9", "0.4", "1.7", "3.1"), ("2.2", "0.5", "1.1", "4.0", "0.9", "1.6"))
]


def _u31_2d_sum(first_rhs):
    """The page's three comms terms against 2BD/(X W) (first_rhs BD/(X W)) + 4BF/(YZ W) at two points."""
    return identity(
        lambda b, d, f, x, yz, w: 2 * b * d / (2 * x * w) + 4 * b * f / (yz * w) + 2 * b * d / (2 * x * w),
        lambda b, d, f, x, yz, w: first_rhs * b * d / (x * w) + 4 * b * f / (yz * w),
        points=_U31_POS6,
    )


def _u31_2d_opt(eight):
    """2B/W (D/X + eight D/YZ) at X = sqrt(N/8), YZ = sqrt(8N) against sqrt(128) B D / (sqrt(N) W), and 11.3 to its digits."""

    def first(b, d, n, w):
        return 2 * b / w * (d / sqrt(n / 8) + eight * d / sqrt(8 * n))

    ok = identity(first, lambda b, d, n, w: sqrt(128) * b * d / (sqrt(n) * w), points=[p[:4] for p in _U31_POS6])
    return ok and rounds_to(sqrt(128), "11.3")


_U31_PI = [(mpf("0.3"), mpf("0.2"), mpf("0.1"), mpf("0.4")), (mpf("0.05"), mpf("0.6"), mpf("0.7"), mpf("0.25"))]


def _u31_dpo_sigmoid(flip):
    beta = mpf("0.5")
    for p1, r1, p2, r2 in _U31_PI:
        u = beta * log(p1 / r1) - beta * log(p2 / r2)
        if not close(1 / (1 + exp(-u)), sigmoid(-u if flip else u)):
            return False
    return True


def _u31_dpo_policy():
    """(Z, pi_ref, r, beta) and pi* = pi_ref exp(r / beta) / Z."""
    z, ref, r, beta = mpf("2.3"), mpf("0.2"), mpf("1.1"), mpf("0.5")
    return z, ref, r, beta, ref * exp(r / beta) / z


_U31_RR = [(mpf("0.3"), mpf("1.2"), mpf("0.8")), (mpf("-1.5"), mpf("0.4"), mpf("-2.0"))]


CHECKS.update(
    {
        "u31-diff-ls-grad": lambda: _u31_ls_grad(1),
        "u31-diff-ls-grad~two": lambda: _u31_ls_grad(2),
        "u31-diff-2d-x1": lambda: _u31_2d_x1(0),
        "u31-diff-2d-x1~a22": lambda: _u31_2d_x1(1),
        "u31-diff-jacobian": lambda: _u31_jacobian(False),
        "u31-diff-jacobian~swap": lambda: _u31_jacobian(True),
        "u31-diff-quadform": lambda: _u31_quadform(False),
        "u31-diff-quadform~transpose": lambda: _u31_quadform(True),
        "u31-mle-poisson-log": lambda: _u31_poisson_log(-1),
        "u31-mle-poisson-log~sign": lambda: _u31_poisson_log(1),
        "u31-mle-poisson-foc": lambda: _u31_poisson_foc(1),
        "u31-mle-poisson-foc~square": lambda: _u31_poisson_foc(2),
        "u31-mle-bernoulli": lambda: _u31_bernoulli(lambda y: 1 - y),
        "u31-mle-bernoulli~exponent": lambda: _u31_bernoulli(lambda y: y),
        "u31-mle-poisson-reg": lambda: _u31_poisson_reg(True),
        "u31-mle-poisson-reg~drop-y": lambda: _u31_poisson_reg(False),
        "u31-mle-gauss": lambda: _u31_gauss(lambda s: 2 * s**2),
        "u31-mle-gauss~sigma2": lambda: _u31_gauss(lambda s: s**2),
        "u31-bayes-prior-var": lambda: (
            Fraction(10 * 1, (10 + 1) ** 2 * (10 + 1 + 1)) == Fraction(5, 726) and rounds_to(mpf(5) / 726, ".0069")
        ),
        "u31-bayes-prior-var~digits": lambda: rounds_to(mpf(5) / 726, ".0096"),
        "u31-bayes-post-var": lambda: (
            Fraction(10 * 10, (10 + 10) ** 2 * (10 + 10 + 1)) == Fraction(1, 84) and rounds_to(mpf(1) / 84, ".0119")
        ),
        "u31-bayes-post-var~42": lambda: Fraction(10 * 10, (10 + 10) ** 2 * (10 + 10 + 1)) == Fraction(1, 42),
        "u31-bayes-exp-score": lambda: _u31_exp_score(1),
        "u31-bayes-exp-score~square": lambda: _u31_exp_score(2),
        "u31-bayes-exp-posterior": lambda: _u31_exp_posterior(lambda lam, n, s, u0, u1: lam * exp(-lam * s)),
        "u31-bayes-exp-posterior-corrected": lambda: _u31_exp_posterior(
            lambda lam, n, s, u0, u1: lam**n * exp(-lam * s) / (u1 - u0)
        ),
        "u31-bag-sigma-bias": lambda: _u31_sigma_bias(lambda n: Fraction(n - 1, n)),
        "u31-bag-sigma-bias~flip": lambda: _u31_sigma_bias(lambda n: Fraction(n, n - 1)),
        "u31-bag-var-avg": lambda: _u31_var_sum(lambda b: b),
        "u31-bag-var-avg~square": lambda: _u31_var_sum(lambda b: b * b),
        "u31-bag-var-corr": lambda: _u31_bagged(lambda r, s2: r),
        "u31-bag-var-corr-corrected": lambda: _u31_bagged(lambda r, s2: r * s2),
        "u31-sbt-total": lambda: _u29_exact(
            lambda b, t, d, f, n, h: 18 * b * t * d * f + 24 * b * t * d * n * h,
            lambda b, t, d, f, n, h: 6 * b * t * (3 * d * f + 4 * d * n * h),
            "btdfnh",
        ),
        "u31-sbt-total~2dnh": lambda: _u29_exact(
            lambda b, t, d, f, n, h: 18 * b * t * d * f + 24 * b * t * d * n * h,
            lambda b, t, d, f, n, h: 6 * b * t * (3 * d * f + 2 * d * n * h),
            "btdfnh",
        ),
        "u31-sbt-attn-ratio": lambda: _u31_attn_ratio(8),
        "u31-sbt-attn-ratio~4d": lambda: _u31_attn_ratio(4),
        "u31-sbt-attn-share": lambda: _u31_attn_share(Fraction(1, 4)),
        "u31-sbt-attn-share~third": lambda: _u31_attn_share(Fraction(1, 3)),
        "u31-sbt-params": lambda: rounds_to(mpf(_U31_PARAMS16) / 10**9, "16"),
        "u31-sbt-params-corrected": lambda: rounds_to(mpf(_U31_PARAMS16) / 10**9, "16.6"),
        "u31-sbt-gqa-bytes": lambda: _u29_exact(
            lambda b, t, s, k, g, h: 4 * b * t * (k * g) * h + 4 * b * s * k * h,
            lambda b, t, s, k, g, h: 4 * b * h * k * (t * g + s),
            "btdfnh",
        ),
        "u31-sbt-gqa-bytes~swap": lambda: _u29_exact(
            lambda b, t, s, k, g, h: 4 * b * t * (k * g) * h + 4 * b * s * k * h,
            lambda b, t, s, k, g, h: 4 * b * h * k * (t + s * g),
            "btdfnh",
        ),
        "u31-sbt-gen-ai": lambda: _u29_exact(
            lambda b, s, k, g, h: Fraction(4 * b * s * k * g * h, 4 * b * h * k * (g + s)),
            lambda b, s, k, g, h: Fraction(s * g, g + s),
            "bskgh",
        ),
        "u31-sbt-gen-ai~no-g": lambda: _u29_exact(
            lambda b, s, k, g, h: Fraction(4 * b * s * k * g * h, 4 * b * h * k * (g + s)),
            lambda b, s, k, g, h: Fraction(s, g + s),
            "bskgh",
        ),
        "u31-sbt-shift": lambda: close(
            sum(exp(a + mpf("0.7")) for a in vec(["0.3", "-1.2", "2.0"])),
            exp(mpf("0.7")) * sum(exp(a) for a in vec(["0.3", "-1.2", "2.0"])),
        ),
        "u31-sbt-shift~times-b": lambda: close(
            sum(exp(a + mpf("0.7")) for a in vec(["0.3", "-1.2", "2.0"])),
            mpf("0.7") * sum(exp(a) for a in vec(["0.3", "-1.2", "2.0"])),
        ),
        "u31-sbt-remat": lambda: all(
            identity(lambda x, g=g: D(lambda t: exp(g(t)), x), lambda x, g=g: exp(g(x)) * D(g, x))
            for g in (sin, lambda t: t**3 - t)
        ),
        "u31-sbt-remat~plus": lambda: all(
            identity(lambda x, g=g: D(lambda t: exp(g(t)), x), lambda x, g=g: exp(g(x)) + D(g, x))
            for g in (sin, lambda t: t**3 - t)
        ),
        "u31-sbi-ridge": lambda: rounds_to(mpf("1.97e14") / mpf("8.20e11"), "240"),
        "u31-sbi-ridge~24": lambda: rounds_to(mpf("1.97e14") / mpf("8.20e11"), "24"),
        "u31-sbi-attn-ai": lambda: _u29_exact(
            lambda b, s, t, d: Fraction(4 * b * s * t * d, 4 * b * s * d + 4 * b * t * d),
            lambda b, s, t, d: Fraction(s * t, s + t),
            "bstd",
        ),
        "u31-sbi-attn-ai~b": lambda: _u29_exact(
            lambda b, s, t, d: Fraction(4 * b * s * t * d, 4 * b * s * d + 4 * b * t * d),
            lambda b, s, t, d: Fraction(b * s * t, s + t),
            "bstd",
        ),
        "u31-sbi-kv-llama": lambda: rounds_to(mpf(8192 * 40 * 128 * 40 * 2 * 2) / 10**9, "6.7"),
        "u31-sbi-kv-llama~half": lambda: rounds_to(mpf(8192 * 40 * 128 * 40 * 2 * 2) / 10**9, "3.4"),
        "u31-sbi-params13": lambda: rounds_to(mpf("8.5") + mpf("4.2") + mpf("0.3"), "13"),
        "u31-sbi-params13~14": lambda: rounds_to(mpf("8.5") + mpf("4.2") + mpf("0.3"), "14"),
        "u31-sbi-params18": lambda: rounds_to(
            mpf(64 * 4096 * (3 * 16384 + 2 * 256 * (32 + 8)) + 4096 * 32128) / 10**9, "18.4"
        ),
        "u31-sbi-params18~heads": lambda: rounds_to(
            mpf(64 * 4096 * (3 * 16384 + 2 * 256 * (32 + 32)) + 4096 * 32128) / 10**9, "18.4"
        ),
        "u31-sbi-2d-sum": lambda: _u31_2d_sum(2),
        "u31-sbi-2d-sum~half": lambda: _u31_2d_sum(1),
        "u31-sbi-2d-opt": lambda: _u31_2d_opt(8),
        "u31-sbi-2d-opt~4d": lambda: _u31_2d_opt(4),
        "u31-sbi-2d-threshold": lambda: 128 * Fraction(3, 4) ** 2 == 81,
        "u31-sbi-2d-threshold-corrected": lambda: 128 * Fraction(3, 4) ** 2 == 72,
        "u31-rlda-log-opt": lambda: (lambda z, ref, r, beta, opt: close(log(opt), -log(z) + log(ref) + r / beta))(
            *_u31_dpo_policy()
        ),
        "u31-rlda-log-opt~plus-z": lambda: (lambda z, ref, r, beta, opt: close(log(opt), log(z) + log(ref) + r / beta))(
            *_u31_dpo_policy()
        ),
        "u31-rlda-reward": lambda: (lambda z, ref, r, beta, opt: close(r, beta * log(opt / ref) + beta * log(z)))(
            *_u31_dpo_policy()
        ),
        "u31-rlda-reward~no-beta": lambda: (lambda z, ref, r, beta, opt: close(r, beta * log(opt / ref) + log(z)))(
            *_u31_dpo_policy()
        ),
        "u31-rlda-sigmoid": lambda: _u31_dpo_sigmoid(False),
        "u31-rlda-sigmoid~flip": lambda: _u31_dpo_sigmoid(True),
        "u31-rlda-dsigmoid": lambda: identity(lambda x: D(sigmoid, x), lambda x: sigmoid(x) * (1 - sigmoid(x))),
        "u31-rlda-dsigmoid~plus": lambda: identity(lambda x: D(sigmoid, x), lambda x: sigmoid(x) * (1 + sigmoid(x))),
        "u31-rlda-sigma-neg": lambda: identity(lambda x: sigmoid(-x), lambda x: 1 - sigmoid(x)),
        "u31-rlda-sigma-neg~minus-one": lambda: identity(lambda x: sigmoid(-x), lambda x: sigmoid(x) - 1),
        "u31-rlrm-bt": lambda: all(close(exp(a) / (exp(a) + exp(b)), sigmoid(a - b)) for a, b, _ in _U31_RR),
        "u31-rlrm-bt~swap": lambda: all(close(exp(a) / (exp(a) + exp(b)), sigmoid(b - a)) for a, b, _ in _U31_RR),
        "u31-rlrm-shift": lambda: all(
            close(exp(a + c) / (exp(a + c) + exp(b + c)), exp(a) / (exp(a) + exp(b))) for a, b, c in _U31_RR
        ),
        "u31-rlrm-shift~one": lambda: all(
            close(exp(a + c) / (exp(a) + exp(b + c)), exp(a) / (exp(a) + exp(b))) for a, b, c in _U31_RR
        ),
        "u31-rlrm-softplus": lambda: all(
            close(-log(sigmoid(a - b)), log(1 + exp(-(a - b)))) and close(log(1 + exp(-(a - b))), log(1 + exp(b - a)))
            for a, b, _ in _U31_RR
        ),
        "u31-rlrm-softplus~sign": lambda: all(
            close(-log(sigmoid(a - b)), log(1 + exp(a - b))) and close(log(1 + exp(a - b)), log(1 + exp(b - a)))
            for a, b, _ in _U31_RR
        ),
    }
)


def _u30_f(x):
    return x**4 - 3 * x**3 + 2


def _u30_fprime(x):
    """The derivative of x^4 - 3x^3 + 2 by central finite differences."""
    return D(_u30_f, mpf(x))


def _u30_net_input(with_bias):
    """w_1 x_1 + w_2 x_2 + w_3 x_3 + b against the sum and the vector form (with or without its bias) at m = 3."""
    w, x, b = vec(["0.5", "-1.2", "2.0"]), vec(["1.5", "0.3", "-0.7"]), mpf("0.4")
    written = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b
    return close(written, sum(wl * xl for wl, xl in zip(w, x)) + b) and close(written, dot(w, x) + with_bias * b)


_U30_AB = [(mpf("0.3"), mpf("-1.1")), (mpf("2.0"), mpf("2.5")), (mpf("-0.7"), mpf("0.4"))]


def _u30_bt_chain(sixth, last):
    """Every side of the Bradley-Terry chain at three (A, B) against e^A / (e^A + e^B)."""
    for a, b in _U30_AB:
        first = exp(a) / (exp(a) + exp(b))
        sides = [
            (exp(a) / exp(a)) / ((exp(a) + exp(b)) / exp(a)),
            1 / (1 + ((exp(a) + exp(b)) / exp(a) - 1)),
            1 / (1 + (exp(a) + exp(b) - exp(a)) / exp(a)),
            1 / (1 + exp(b) / exp(a)),
            1 / (1 + exp(sixth(a, b))),
            sigmoid(last(a, b)),
        ]
        if not all(close(first, s) for s in sides):
            return False
    return True


_U30_POLICY = [(mpf("0.3"), mpf("1.7"), mpf("0.1"), mpf("0.25")), (mpf("0.05"), mpf("0.4"), mpf("2.0"), mpf("-1.3"))]


def _u30_dpo_log(sign):
    """log pi_theta from pi_ref, Z, beta, r against each later side of the chain, the last with sign * log Z."""
    for ref, z, beta, r in _U30_POLICY:
        theta = ref * exp(r / beta) / z
        sides = [
            log(ref * exp(r / beta) / z),
            log(ref) - log(z) + log(exp(r / beta)),
            log(ref) + sign * log(z) + r / beta,
        ]
        if not all(close(log(theta), s) for s in sides):
            return False
    return True


def _u30_dpo_reward(sign):
    """beta log(pi_theta / pi_ref) + sign * beta log Z, with pi_theta made from r, gives back r."""
    for ref, z, beta, r in _U30_POLICY:
        theta = ref * exp(r / beta) / z
        if not close(beta * log(theta / ref) + sign * beta * log(z), r):
            return False
    return True


def _u30_dpo_cancel(sign):
    """sigma(r_1 - r_2) with r = beta log(pi_theta / pi_ref) + beta log Z against the written argument."""
    theta, ref, z, beta = (mpf("0.2"), mpf("0.5")), (mpf("0.4"), mpf("0.1")), mpf("1.7"), mpf("0.1")
    r = [beta * log(t / q) + beta * log(z) for t, q in zip(theta, ref)]
    written = beta * log(theta[0] / ref[0]) + beta * log(z) - beta * log(theta[1] / ref[1]) + sign * beta * log(z)
    return close(sigmoid(r[0] - r[1]), sigmoid(written))


_U30_P, _U30_Q = [mpf("0.2"), mpf("0.5"), mpf("0.3")], [mpf("0.4"), mpf("0.4"), mpf("0.2")]
_U30_TEETH = [mpf(v) for v in "0.02 0.03 0.05 0.14 0.16 0.15 0.12 0.08 0.1 0.08 0.07".split()]


def _u30_kl_uniform(flip):
    q = mpf(1) / 11
    return sum(p * log(q / p if flip else p / q) for p in _U30_TEETH)


def _u30_scipy_same(lhs, rhs, points):
    """Two written densities agree at every point (each a tuple of arguments)."""
    return all(close(lhs(*pt), rhs(*pt)) for pt in points)


def _u30_chi(k, x):
    k = mpf(k)
    return x ** (k - 1) * exp(-(x**2) / 2) / (2 ** (k / 2 - 1) * mp.gamma(k / 2))


_U30_X = [mpf("0.37"), mpf("1.9"), mpf("3.2")]
_U30_SHAPES = [(mpf("0.37"), mpf("1.9")), (mpf("3.2"), mpf("0.37")), (mpf("1.9"), mpf("3.2"))]


def _u30_poisson_deviance():
    y, y_hat = [2, 0, 1, 4], [mpf("0.5"), mpf("0.5"), 2, 2]
    return sum(2 * ((t * log(t / p) if t else 0) - t + p) for t, p in zip(y, y_hat)) / 4


def _u30_gamma_deviance(flip):
    y, y_hat = [mpf(2), mpf("0.5"), mpf(1), mpf(4)], [mpf("0.5"), mpf("0.5"), mpf(2), mpf(2)]
    return sum(2 * (log(t / p if flip else p / t) + t / p - 1) for t, p in zip(y, y_hat)) / 4


def _u30_deviance_scale(poisson):
    """The unit deviance at (c y, c y_hat) against its value at (y, y_hat), at three points."""

    def unit(y, p):
        return 2 * (y * log(y / p) - y + p) if poisson else 2 * (log(p / y) + y / p - 1)

    points = [(mpf("0.37"), mpf("1.9"), mpf("3.2")), (mpf("3.2"), mpf("0.37"), mpf("1.9")), (2, 1, 2)]
    return all(close(unit(c * y, c * p), unit(y, p)) for c, y, p in points)


CHECKS.update(
    {
        "u30-sm-net-input": lambda: _u30_net_input(1),
        "u30-sm-net-input~bias": lambda: _u30_net_input(0),
        "u30-sm-deriv": lambda: all(close(_u30_fprime(x), 4 * x**3 - 9 * x**2) for (x,) in REAL),
        "u30-sm-deriv~x": lambda: all(close(_u30_fprime(x), 4 * x**3 - 9 * x) for (x,) in REAL),
        "u30-sm-f4": lambda: close(_u30_fprime(4), 4 * 4**3 - 9 * 4**2) and close(_u30_fprime(4), 112),
        "u30-sm-f4~121": lambda: close(_u30_fprime(4), 121),
        "u30-sm-fm1": lambda: close(_u30_fprime(-1), -13),
        "u30-sm-fm1~sign": lambda: close(_u30_fprime(-1), 5),
        "u30-sm-step1": lambda: Fraction(4) - Fraction("0.001") * 112 == Fraction("3.888"),
        "u30-sm-step1~rate": lambda: Fraction(4) - Fraction("0.01") * 112 == Fraction("3.888"),
        "u30-sm-step2": lambda: (
            rounds_to(_u30_fprime("3.888"), "99.0436")
            and rounds_to(mpf("3.888") - mpf("0.001") * _u30_fprime("3.888"), "3.79")
            and rounds_to(mpf("3.888") - mpf("0.001") * mpf("99.0436"), "3.79")
        ),
        "u30-sm-step2~3.69": lambda: rounds_to(mpf("3.888") - mpf("0.001") * mpf("99.0436"), "3.69"),
        "u30-sm-min": lambda: close(_u30_fprime("2.25"), 0),
        "u30-sm-min~2.3": lambda: close(_u30_fprime("2.3"), 0),
        "u30-dpo-bt-chain": lambda: _u30_bt_chain(lambda a, b: b - a, lambda a, b: a - b),
        "u30-dpo-bt-chain~last": lambda: _u30_bt_chain(lambda a, b: b - a, lambda a, b: b - a),
        "u30-dpo-bt-chain~exp": lambda: _u30_bt_chain(lambda a, b: a - b, lambda a, b: a - b),
        "u30-dpo-log": lambda: _u30_dpo_log(-1),
        "u30-dpo-log~plus": lambda: _u30_dpo_log(1),
        "u30-dpo-reward": lambda: _u30_dpo_reward(1),
        "u30-dpo-reward~minus": lambda: _u30_dpo_reward(-1),
        "u30-dpo-cancel": lambda: _u30_dpo_cancel(-1),
        "u30-dpo-cancel~plus": lambda: _u30_dpo_cancel(1),
        "u30-kl-forms": lambda: close(
            sum(p * (log(p) - log(q)) for p, q in zip(_U30_P, _U30_Q)),
            sum(p * log(p / q) for p, q in zip(_U30_P, _U30_Q)),
        ),
        "u30-kl-forms~flip": lambda: close(
            sum(p * (log(p) - log(q)) for p, q in zip(_U30_P, _U30_Q)),
            sum(p * log(q / p) for p, q in zip(_U30_P, _U30_Q)),
        ),
        "u30-kl-logrule": lambda: all(close(log(a) - log(b), log(a / b)) for a, b in _U30_SHAPES),
        "u30-kl-logrule~flip": lambda: all(close(log(a) - log(b), log(b / a)) for a, b in _U30_SHAPES),
        "u30-kl-uniform": lambda: rounds_to(_u30_kl_uniform(False), "0.13667971094966938"),
        "u30-kl-uniform-corrected": lambda: rounds_to(_u30_kl_uniform(False), "0.13667971094966939"),
        "u30-kl-uniform~reverse": lambda: rounds_to(_u30_kl_uniform(True), "0.13667971094966939"),
        "u30-kl-binom-p": lambda: rounds_to(sum(i * p for i, p in enumerate(_U30_TEETH)) / 11, "0.49454545454545457"),
        "u30-kl-binom-p-corrected": lambda: rounds_to(
            sum(i * p for i, p in enumerate(_U30_TEETH)) / 11, "0.49454545454545455"
        ),
        "u30-sp-halflogistic": lambda: _u30_scipy_same(
            lambda x: 2 * exp(-x) / (1 + exp(-x)) ** 2, lambda x: mp.sech(x / 2) ** 2 / 2, [(x,) for x in _U30_X]
        ),
        "u30-sp-halflogistic~sech": lambda: _u30_scipy_same(
            lambda x: 2 * exp(-x) / (1 + exp(-x)) ** 2, lambda x: mp.sech(x) ** 2 / 2, [(x,) for x in _U30_X]
        ),
        "u30-sp-halflogistic-norm": lambda: close(quad(lambda x: 2 * exp(-x) / (1 + exp(-x)) ** 2, [0, inf]), 1),
        "u30-sp-halflogistic-norm~two": lambda: close(quad(lambda x: exp(-x) / (1 + exp(-x)) ** 2, [0, inf]), 1),
        "u30-sp-logistic-sf": lambda: all(
            close(quad(lambda t: exp(-t) / (1 + exp(-t)) ** 2, [x, inf]), 1 / (1 + exp(x))) for (x,) in REAL
        ),
        "u30-sp-logistic-sf~cdf": lambda: all(
            close(quad(lambda t: exp(-t) / (1 + exp(-t)) ** 2, [x, inf]), 1 / (1 + exp(-x))) for (x,) in REAL
        ),
        "u30-sp-fisk": lambda: _u30_scipy_same(
            lambda x, c: c * x ** (c - 1) / (1 + x**c) ** 2,
            lambda x, c: c * x ** (-c - 1) / (1 + x ** (-c)) ** 2,
            _U30_SHAPES,
        ),
        "u30-sp-fisk~power": lambda: _u30_scipy_same(
            lambda x, c: c * x ** (c - 1) / (1 + x**c) ** 2,
            lambda x, c: c * x ** (-c + 1) / (1 + x ** (-c)) ** 2,
            _U30_SHAPES,
        ),
        "u30-sp-powerlaw-norm": lambda: all(
            close(quad(lambda x: a * x ** (a - 1), [0, 1]), 1, tol=mpf(10) ** -12) for a in _U30_X
        ),
        "u30-sp-powerlaw-norm~a": lambda: all(
            close(quad(lambda x: x ** (a - 1), [0, 1]), 1, tol=mpf(10) ** -12) for a in _U30_X
        ),
        "u30-sp-truncpareto": lambda: close(quad(lambda x: 3 / (8 - mpf("0.5") ** 2) * x**2, [mpf("0.5"), 2]), 1),
        "u30-sp-truncpareto-corrected": lambda: all(
            close(quad(lambda x: a / (h**a - lo**a) * x ** (a - 1), [lo, h]), 1)
            for a, lo, h in [(3, mpf("0.5"), 2), (mpf("0.37"), mpf("1.9"), mpf("3.2"))]
        ),
        "u30-sp-genpareto-uniform": lambda: all(
            close((1 - x) ** (-1 - 1 / mpf(-1)), 1) for x in (mpf("0.1"), mpf("0.5"), mpf("0.9"))
        ),
        "u30-sp-genpareto-uniform~c": lambda: all(
            close((1 + x) ** (-1 - 1 / mpf(1)), 1) for x in (mpf("0.1"), mpf("0.5"), mpf("0.9"))
        ),
        "u30-sp-genpareto-expon": lambda: all(
            close((1 + mpf(10) ** -12 * x) ** (-1 - mpf(10) ** 12), exp(-x), tol=mpf(10) ** -10) for x in _U30_X
        ),
        "u30-sp-genpareto-expon~sign": lambda: all(
            close((1 + mpf(10) ** -12 * x) ** (-1 - mpf(10) ** 12), exp(x), tol=mpf(10) ** -10) for x in _U30_X
        ),
        "u30-sp-lomax-norm": lambda: all(
            close(quad(lambda x: c / (1 + x) ** (c + 1), [0, inf]), 1, tol=mpf(10) ** -12) for c in _U30_X
        ),
        "u30-sp-lomax-norm~power": lambda: (
            close(quad(lambda x: 2 / (1 + x) ** 2, [0, inf]), 1)
            and close(quad(lambda x: mpf("3.2") / (1 + x) ** mpf("3.2"), [0, inf]), 1)
        ),
        "u30-sp-gamma-norm": lambda: all(
            close(quad(lambda x: x ** (a - 1) * exp(-x) / mp.gamma(a), [0, 1, inf]), 1, tol=mpf(10) ** -12)
            for a in _U30_X
        ),
        "u30-sp-gamma-norm~gamma": lambda: all(
            close(quad(lambda x: x ** (a - 1) * exp(-x) / mp.gamma(a + 1), [0, 1, inf]), 1, tol=mpf(10) ** -12)
            for a in _U30_X
        ),
        "u30-sp-gamma-rate": lambda: _u30_scipy_same(
            lambda x, a, b: b**a * x ** (a - 1) * exp(-b * x) / mp.gamma(a),
            lambda x, a, b: b * (b * x) ** (a - 1) * exp(-b * x) / mp.gamma(a),
            [(mpf("0.37"), mpf("1.9"), mpf("3.2")), (mpf("3.2"), mpf("0.37"), mpf("1.9"))],
        ),
        "u30-sp-gamma-rate~scale": lambda: _u30_scipy_same(
            lambda x, a, b: b**a * x ** (a - 1) * exp(-b * x) / mp.gamma(a),
            lambda x, a, b: (b * x) ** (a - 1) * exp(-b * x) / mp.gamma(a),
            [(mpf("0.37"), mpf("1.9"), mpf("3.2")), (mpf("3.2"), mpf("0.37"), mpf("1.9"))],
        ),
        "u30-sp-chi-rayleigh": lambda: all(close(_u30_chi(2, x), x * exp(-(x**2) / 2)) for x in _U30_X),
        "u30-sp-chi-rayleigh~two": lambda: all(close(_u30_chi(2, x), 2 * x * exp(-(x**2) / 2)) for x in _U30_X),
        "u30-sp-chi-maxwell": lambda: all(
            close(_u30_chi(3, x), sqrt(2 / pi) * x**2 * exp(-(x**2) / 2)) for x in _U30_X
        ),
        "u30-sp-chi-maxwell~pi": lambda: all(
            close(_u30_chi(3, x), sqrt(pi / 2) * x**2 * exp(-(x**2) / 2)) for x in _U30_X
        ),
        "u30-sp-chi-halfnorm": lambda: all(close(_u30_chi(1, x), sqrt(2 / pi) * exp(-(x**2) / 2)) for x in _U30_X),
        "u30-sp-chi-halfnorm~pi": lambda: all(close(_u30_chi(1, x), sqrt(1 / pi) * exp(-(x**2) / 2)) for x in _U30_X),
        "u30-sp-anglit": lambda: all(
            close(sin(2 * x + pi / 2), cos(2 * x)) for x in (mpf("-0.6"), mpf("0.1"), mpf("0.7"))
        ),
        "u30-sp-anglit~sign": lambda: all(
            close(sin(2 * x + pi / 2), -cos(2 * x)) for x in (mpf("-0.6"), mpf("0.1"), mpf("0.7"))
        ),
        "u30-sp-anglit-norm": lambda: close(quad(lambda x: cos(2 * x), [-pi / 4, pi / 4]), 1),
        "u30-sp-anglit-norm~range": lambda: close(quad(lambda x: cos(2 * x), [-pi / 2, pi / 2]), 1),
        "u30-sp-cosine-norm": lambda: close(quad(lambda x: (1 + cos(x)) / (2 * pi), [-pi, pi]), 1),
        "u30-sp-cosine-norm~pi": lambda: close(quad(lambda x: (1 + cos(x)) / pi, [-pi, pi]), 1),
        "u30-sp-semicircular-norm": lambda: close(quad(lambda x: 2 / pi * sqrt(1 - x**2), [-1, 1]), 1),
        "u30-sp-semicircular-norm~pi": lambda: close(quad(lambda x: 1 / pi * sqrt(1 - x**2), [-1, 1]), 1),
        "u30-sk-poisson": lambda: rounds_to(_u30_poisson_deviance(), "1.4260"),
        "u30-sk-poisson~digits": lambda: (
            rounds_to(_u30_poisson_deviance(), "1.4206") or _u25_leading_digits(_u30_poisson_deviance(), "1.4206")
        ),
        "u30-sk-gamma": lambda: _u25_leading_digits(_u30_gamma_deviance(False), "1.0568"),
        "u30-sk-gamma~ratio": lambda: (
            rounds_to(_u30_gamma_deviance(True), "1.0568") or _u25_leading_digits(_u30_gamma_deviance(True), "1.0568")
        ),
        "u30-sk-gamma-scale": lambda: _u30_deviance_scale(False),
        "u30-sk-gamma-scale~poisson": lambda: _u30_deviance_scale(True),
        "u30-optax-noisy-power": lambda: all(
            close(e / (1 + t) ** g, e * (1 + t) ** (-g))
            for e, g, t in [(mpf("0.01"), mpf("0.55"), 9), (mpf("0.37"), mpf("1.9"), mpf("3.2"))]
        ),
        "u30-optax-noisy-power~sign": lambda: all(
            close(e / (1 + t) ** g, e * (1 + t) ** g)
            for e, g, t in [(mpf("0.01"), mpf("0.55"), 9), (mpf("0.37"), mpf("1.9"), mpf("3.2"))]
        ),
        "u30-optax-noisy-t9": lambda: rounds_to(mpf("0.01") / 10 ** mpf("0.55"), "0.002818"),
        "u30-optax-noisy-t9~product": lambda: rounds_to(mpf("0.01") / 10 ** mpf("0.55"), "0.0055"),
    }
)


# ---- trees.toml: formulas from whole documentation trees


_TR_POSITIVE_PAIRS = [(mpf("0.37"), mpf("1.9")), (mpf("3.2"), mpf("0.45"))]


def _tr_relu6(swapped):
    mine = (lambda x: max(min(0, x), 6)) if swapped else (lambda x: min(max(0, x), 6))
    return all(mine(x) == min(max(0, x), 6) for x in [mpf("-2.5"), mpf("0.7"), mpf("3.2"), mpf(8)])


def _tr_det_grad(inverse_transposed):
    A = mat([[mpf("1.3"), mpf("0.4")], [mpf("-0.7"), mpf("2.1")]])
    G = mgrad(mp.det, A)
    right = mp.det(A) * (inverse(A).T if inverse_transposed else A.T)
    return close(G, right, tol=mpf(10) ** -15)


def _tr_kernel(corrected):
    x1, x2, y1, y2 = mpf("0.3"), mpf("-1.2"), mpf("2.1"), mpf("0.6")
    left = (1 + x1 * y1 + (x2 * y2 if corrected else x2 + y2)) ** 2
    true_expansion = 1 + 2 * x1 * y1 + 2 * x2 * y2 + (x1 * y1) ** 2 + (x2 * y2) ** 2 + 2 * x1 * y1 * x2 * y2
    written = (
        true_expansion
        if corrected
        else 1 + 2 * x1 * y1 + 2 * x2 * y2 + (x1 * y1) ** 2 + (x2 * y2) ** 2 * x1 * y1 * x2 * y2
    )
    return close(left, written) and close((1 + x1 * y1 + x2 * y2) ** 2, true_expansion)


def _tr_beta_binomial(proportional):
    def beta_pdf(t, a, b):
        return t ** (a - 1) * (1 - t) ** (b - 1) * factorial(a + b - 1) / (factorial(a - 1) * factorial(b - 1))

    n1a, n0a, n1b, n0b, a, b = 2, 1, 3, 2, 1, 2

    def left(t):
        return comb(n1b + n0b, n1b) * t**n1b * (1 - t) ** n0b * beta_pdf(t, n1a + a, n0a + b)

    def right(t):
        return beta_pdf(t, n1a + n1b + a, n0a + n0b + b)

    points = [mpf("0.2"), mpf("0.5"), mpf("0.8")]
    ratios = [left(t) / right(t) for t in points]
    if proportional:
        return all(close(r, ratios[0]) for r in ratios)
    return all(close(left(t), right(t)) for t in points)


def _tr_logit(corrected):
    points = [mpf("0.15"), mpf("0.5"), mpf("0.9")]
    if corrected:  # the inverse function of the sigmoid
        return all(close(sigmoid(log(z) - log(1 - z)), z) for z in points)
    return all(close(1 / sigmoid(z), log(z) - log(1) - z) for z in points)  # as written


def _tr_ber(plus):
    def right(x, mu):
        return exp(x * log(mu) + ((1 + x) if plus else (1 - x)) * log(1 - mu))

    return all(close(mu**x * (1 - mu) ** (1 - x), right(x, mu)) for x in (0, 1) for mu in (mpf("0.3"), mpf("0.8")))


def _tr_mu_k(drop_one):
    thetas = [mpf("0.4"), mpf("-1.1"), mpf("2.0")]
    s = sum(exp(t) for t in thetas)
    last = 1 / (1 + s)  # softmax of (theta_1, ..., theta_{K-1}, 0) at K
    return close(1 - s / (1 + s), last) and close(1 - s / (1 + s), 1 / s if drop_one else 1 / (1 + s))


def _tr_tanhshrink(x):  # PyTorch's Tanhshrink, x - tanh(x), with tanh written through exponentials
    return x - (exp(x) - exp(-x)) / (exp(x) + exp(-x))


CHECKS.update(
    {
        "tr-nyu-logsig-diff": lambda: identity(lambda s: log(exp(s) / (exp(s) + 1)), lambda s: s - log(1 + exp(s))),
        "tr-nyu-logsig-diff~sign": lambda: identity(
            lambda s: log(exp(s) / (exp(s) + 1)), lambda s: s + log(1 + exp(s))
        ),
        "tr-nyu-jacobian": lambda: [mpf("1.5") - 3, 3 - 3, mpf("4.5") - 3, 6 - 3] == [mpf("-1.5"), 0, mpf("1.5"), 3],
        "tr-nyu-jacobian~sign": lambda: (
            [mpf("1.5") - 3, 3 - 3, mpf("4.5") - 3, 6 - 3] == [mpf("-1.5"), 0, mpf("-1.5"), 3]
        ),
        "tr-nyu-conv-len": lambda: Fraction(100 - (5 - 1), 2) == 48,
        "tr-nyu-conv-len~off": lambda: Fraction(100 - (5 - 1), 2) == 47,
        "tr-nyu-relu6": lambda: _tr_relu6(False),
        "tr-nyu-relu6~swap": lambda: _tr_relu6(True),
        "tr-nyu-tanhshrink": lambda: identity(_tr_tanhshrink, lambda x: x - tanh(x)),
        "tr-nyu-tanhshrink~swap": lambda: identity(_tr_tanhshrink, lambda x: tanh(x) - x),
        "tr-nyu-logsigmoid": lambda: identity(lambda x: x - log(1 + exp(x)), lambda x: log(1 / (1 + exp(-x)))),
        "tr-nyu-logsigmoid~sign": lambda: identity(lambda x: x - log(1 + exp(x)), lambda x: log(1 / (1 + exp(x)))),
        "tr-nyu-softsign": lambda: all(
            close(x / (1 + abs(x)), (x / (1 + x) if x >= 0 else x / (1 - x))) for x in (mpf("-2.3"), mpf("0.6"))
        ),
        "tr-nyu-product": lambda: 17 * 25 == 425,
        "tr-nyu-product~digit": lambda: 17 * 25 == 415,
        "tr-drl-elo-ea": lambda: rounds_to(1 / (1 + mpf(10) ** (mpf(2300 - 2600) / 400)), "0.849"),
        "tr-drl-elo-ea~other": lambda: rounds_to(1 / (1 + mpf(10) ** (mpf(2300 - 2600) / 400)), "0.151"),
        "tr-drl-elo-win": lambda: rounds_to(2600 + 16 * (1 - mpf("0.849")), "2602"),
        "tr-drl-elo-win~k": lambda: rounds_to(2600 + 16 * (1 - mpf("0.849")), "2616"),
        "tr-drl-elo-loss": lambda: rounds_to(2600 + 16 * (0 - mpf("0.849")), "2586"),
        "tr-drl-atari": lambda: 210 * 160 * 3 == 100800,
        "tr-drl-atari~exp": lambda: 210 * 160 * 3 == 10080,
        "tr-mli-gamma": lambda: all(close(mp.gamma(n), factorial(n - 1)) for n in (1, 2, 5, 9)),
        "tr-mli-gamma~shift": lambda: all(close(mp.gamma(n), factorial(n)) for n in (1, 2, 5, 9)),
        "tr-mli-beta": lambda: (4 + 7, 2 + 3) == (11, 5),
        "tr-mli-beta~count": lambda: (4 + 7, 2 + 3) == (11, 6),
        "tr-mli-sigmoid": lambda: identity(lambda z: exp(z) / (1 + exp(z)), lambda z: (1 + exp(-z)) ** -1),
        "tr-mlcs-lse": lambda: close(log(exp(-120) + exp(-121)), log(1 + exp(-1)) - 120),
        "tr-mlcs-lse~shift": lambda: close(log(exp(-120) + exp(-121)), log(1 + exp(-1)) - 121),
        "tr-mlcs-ber": lambda: _tr_ber(False),
        "tr-mlcs-ber~sign": lambda: _tr_ber(True),
        "tr-mlcs-muk": lambda: _tr_mu_k(False),
        "tr-mlcs-det": lambda: _tr_det_grad(True),
        "tr-mlcs-det~inverse": lambda: _tr_det_grad(False),
        "tr-mlcs-kernel": lambda: _tr_kernel(False),
        "tr-mlcs-kernel~corrected": lambda: _tr_kernel(True),
        "tr-mlcs-betabin": lambda: _tr_beta_binomial(False),
        "tr-mlcs-betabin~corrected": lambda: _tr_beta_binomial(True),
        "tr-uva-logit": lambda: _tr_logit(False),
        "tr-uva-logit~corrected": lambda: _tr_logit(True),
        "tr-uva-pixels": lambda: 32 * 32 * 3 == 3072,
        "tr-uva-pixels~digit": lambda: 32 * 32 * 3 == 3096,
        "tr-uva-ring": lambda: 4 + 4 + 0 + 7 == 15,
        "tr-uva-ring~sum": lambda: 4 + 4 + 0 + 7 == 16,
        "tr-uva-square": lambda: all(close(D(lambda b: b**2, b), 2 * b) for b in (mpf("-1.3"), mpf("0.8"))),
        "tr-uva-square~factor": lambda: all(close(D(lambda b: b**2, b), b) for b in (mpf("-1.3"), mpf("0.8"))),
        "tr-uva-logratio": lambda: identity(
            lambda a, b: log(a / b), lambda a, b: log(a) - log(b), points=_TR_POSITIVE_PAIRS
        ),
        "tr-uva-logratio~sign": lambda: identity(
            lambda a, b: log(a / b), lambda a, b: log(a) + log(b), points=_TR_POSITIVE_PAIRS
        ),
        "tr-rlpg-seq": lambda: rounds_to((mpf("2.8") + mpf("1.9")) / 2, "2.35"),
        "tr-rlpg-seq~digit": lambda: rounds_to((mpf("2.8") + mpf("1.9")) / 2, "2.45"),
        "tr-rlpg-tok": lambda: rounds_to(mpf(14 + 19) / 15, "2.2"),
        "tr-rlpg-tok~digit": lambda: rounds_to(mpf(14 + 19) / 15, "2.3"),
    }
)


def _u32_kto(
    complement,
    points=((mpf("0.7"), mpf("0.3"), mpf("0.45"), mpf("0.2")), (mpf("2.1"), mpf("-0.4"), mpf("0.05"), mpf("0.6"))),
):
    """KTO: sigma(beta(KL - log r)) against (1 -) sigma(beta(log r - KL)) at a few beta, KL, pi_theta, pi_ref."""

    def rhs(beta, k, a, b):
        s = sigmoid(beta * (log(a / b) - k))
        return 1 - s if complement else s

    return all(close(sigmoid(beta * (k - log(a / b))), rhs(beta, k, a, b)) for beta, k, a, b in points)


def _u32_kto_reward(sign):
    points = ((mpf("0.1"), mpf("0.3"), mpf("0.45")), (mpf("1.7"), mpf("0.05"), mpf("0.6")))
    return all(close(beta * log(a / b), beta * log(a) + sign * beta * log(b)) for beta, a, b in points)


_U32_LOGIT_POINTS = (
    (mpf("0.3"), mpf("-1.2"), mpf("0.8"), mpf("1.5"), mpf("-0.7")),
    (mpf("-0.9"), mpf("0.4"), mpf("2.2"), mpf("0.6"), mpf("1.1")),
)


def _u32_boundary(sign):
    """With T = sigmoid(z), sign * log(1/T - 1) against z, z = theta_0 + theta_1 f_1 + theta_2 f_2."""

    def ok(t0, t1, t2, f1, f2):
        z = t0 + t1 * f1 + t2 * f2
        return close(z, sign * log(1 / sigmoid(z) - 1))

    return all(ok(*p) for p in _U32_LOGIT_POINTS)


def _u32_ast(sign):
    """AST solving 0 = theta_0 + theta_1 GOAL_DIFF + theta_2 AST, against (theta_0 + theta_1 GOAL_DIFF) / (sign theta_2)."""

    def ok(t0, t1, t2, gd, _):
        ast = -(t0 + t1 * gd) / t2
        return close(ast, (t0 + t1 * gd) / (sign * t2))

    return all(ok(*p) for p in _U32_LOGIT_POINTS)


def _u32_f1(factor):
    points = ((mpf("0.3"), mpf("0.8")), (mpf("0.95"), mpf("0.1")))
    return all(close(2 / (1 / p + 1 / r), factor * p * r / (p + r)) for p, r in points)


def _u32_ce_y1(rhs):
    y = 1
    return all(close(-(y * log(p) + (1 - y) * log(1 - p)), rhs(p)) for p in (mpf("0.2"), mpf("0.55"), mpf("0.9")))


def _u32_mle(written):
    """The maximiser of p^4 (1-p)^6 on [0, 1]: the derivative vanishes there and it beats a grid of 1001 points."""

    def like(p):
        return p**4 * (1 - p) ** 6

    w = mpf(written)
    grid = [mpf(i) / 1000 for i in range(1001)]
    return abs(D(like, w)) < TOL and all(like(w) >= like(g) for g in grid)


def _u32_affine(sign):
    """x_q = x/S + Z before rounding; S (x_q -+ Z) against x."""
    points = ((mpf("0.73"), mpf("0.02"), mpf("-3")), (mpf("-1.4"), mpf("0.5"), mpf("7")))
    return all(close(x, s * ((x / s + z) + sign * z)) for x, s, z in points)


def _u32_kv(kv):
    """Bytes of KV cache per token of Llama-3.1-8B in bf16 with kv KV heads of 32."""
    return Fraction(2 * 2 * 32 * 4096 * kv, 32)


CHECKS.update(
    {
        "u32-mlinf-kv-token": lambda: rounds_to(mpf(_u32_kv(8).numerator) / _u32_kv(8).denominator / 10**6, "0.131"),
        "u32-mlinf-kv-token~mha": lambda: rounds_to(
            mpf(_u32_kv(32).numerator) / _u32_kv(32).denominator / 10**6, "0.131"
        ),
        "u32-mlinf-kv-1024": lambda: rounds_to(mpf("0.131") * 1024, "134"),
        "u32-mlinf-kv-1024~131": lambda: rounds_to(mpf("0.131") * 1024, "131"),
        "u32-mlinf-kv-batch": lambda: rounds_to(mpf("0.131") * 1024 * 128 / 10**3, "17.2"),
        "u32-mlinf-kv-batch~tenth": lambda: rounds_to(mpf("0.131") * 1024 * 128 / 10**3, "1.72"),
        "u32-mlinf-mha-ratio": lambda: _u32_kv(32) / _u32_kv(8) == 4,
        "u32-mlinf-mha-ratio~eight": lambda: _u32_kv(32) / _u32_kv(8) == 8,
        "u32-mlinf-mqa-ratio": lambda: _u32_kv(8) / _u32_kv(1) == 8,
        "u32-mlinf-mqa-ratio~four": lambda: _u32_kv(8) / _u32_kv(1) == 4,
        "u32-mlinf-mxfp8": lambda: 1 + Fraction(1, 32) == Fraction("1.03125"),
        "u32-mlinf-mxfp8~sixteenth": lambda: 1 + Fraction(1, 16) == Fraction("1.03125"),
        "u32-mlinf-mxfp4": lambda: Fraction(1, 2) + Fraction(1, 32) == Fraction("0.53125"),
        "u32-mlinf-mxfp4~digits": lambda: Fraction(1, 2) + Fraction(1, 32) == Fraction("0.5625"),
        "u32-mlperf-18": lambda: 6 + 8 + 4 == 18,
        "u32-mlperf-18~grad2": lambda: 6 + 8 + 2 == 18,
        "u32-mlperf-hidden": lambda: Fraction(2 * 1 * 32768 * 4096, 2**30) == Fraction(1, 4),
        "u32-mlperf-hidden~decimal": lambda: Fraction(2 * 1 * 32768 * 4096, 10**9) == Fraction(1, 4),
        "u32-mlperf-layer": lambda: Fraction(2 * 28 * 1 * 32768 * 4096, 2**30) == 7,
        "u32-mlperf-layer~fourteen": lambda: Fraction(2 * 28 * 1 * 32768 * 4096, 2**30) == 14,
        "u32-mlperf-ckpt": lambda: 32 * Fraction(1, 4) == 8,
        "u32-mlperf-nockpt": lambda: 32 * 7 == 224,
        "u32-mlperf-nockpt~192": lambda: 32 * 7 == 192,
        "u32-mlperf-logits": lambda: rounds_to(mpf(4 * 1 * 32768 * 128256) / 2**30, "15.7"),
        "u32-mlperf-logits~truncated": lambda: rounds_to(mpf(4 * 1 * 32768 * 128256) / 2**30, "15.6"),
        "u32-mlperf-hfu": lambda: rounds_to(100 * mpf(400) / 989, "40"),
        "u32-mlperf-hfu~45": lambda: rounds_to(100 * mpf(400) / 989, "45"),
        "u32-peftcfg-count": lambda: 24 * 2 * 16 * (1024 + 1024) == 1572864,
        "u32-peftcfg-count~r8": lambda: 24 * 2 * 8 * (1024 + 1024) == 1572864,
        "u32-peftcfg-pct": lambda: rounds_to(100 * mpf(1572864) / 332769280, "0.472659014678278"),
        "u32-peftcfg-pct~no100": lambda: rounds_to(mpf(1572864) / 332769280, "0.472659014678278"),
        "u32-hira-count": lambda: 12 * (3 * 32 * (768 + 768) + 2 * 32 * (768 + 3072)) == 4718592,
        "u32-hira-count~ffn": lambda: 12 * (3 * 32 * (768 + 768) + 2 * 32 * (768 + 768)) == 4718592,
        "u32-hira-pct": lambda: rounds_to(100 * mpf(4718592) / 129957888, "3.6309"),
        "u32-hira-pct~truncated": lambda: rounds_to(100 * mpf(4718592) / 129957888, "3.6308"),
        "u32-adalora-pct": lambda: rounds_to(100 * mpf(520325) / 87614722, "0.5938785036606062"),
        "u32-adalora-pct-corrected": lambda: rounds_to(100 * mpf(520325) / 87614722, "0.5938785036606063"),
        "u32-lokr-pct": lambda: rounds_to(100 * mpf(116069) / 87172042, "0.13314934162033282"),
        "u32-lokr-pct-corrected": lambda: rounds_to(100 * mpf(116069) / 87172042, "0.13314934162033281"),
        "u32-peftcustom-mlp": lambda: rounds_to(100 * mpf(56164) / 4100164, "1.369798866581922"),
        "u32-peftcustom-mlp~base": lambda: rounds_to(100 * mpf(56164) / 4048002, "1.369798866581922"),
        "u32-peftcustom-timm": lambda: rounds_to(100 * mpf(1064454) / 56467974, "1.88505789139876"),
        "u32-peftcustom-timm~digit": lambda: rounds_to(100 * mpf(1064454) / 56467974, "1.88505789139886"),
        "u32-peftmem-gib": lambda: rounds_to(mpf(10**9 * 2) / 2**30, "1.863"),
        "u32-peftmem-gib~gb": lambda: rounds_to(mpf(10**9 * 2) / 10**9, "1.863"),
        "u32-peftmem-adam": lambda: rounds_to(3 * mpf("1.863"), "5.59"),
        "u32-peftmem-adam~two": lambda: rounds_to(2 * mpf("1.863"), "5.59"),
        "u32-optq-19": lambda: 2**4 + 2**1 + 2**0 == 19,
        "u32-optq-19~bit3": lambda: 2**4 + 2**3 + 2**1 + 2**0 == 19,
        "u32-optq-affine": lambda: _u32_affine(-1),
        "u32-optq-affine~plus": lambda: _u32_affine(1),
        "u32-optq-symmetric": lambda: 2**8 - (127 - (-127) + 1) == 1,
        "u32-optq-symmetric~two": lambda: 2**8 - (127 - (-127) + 1) == 2,
        "u32-optq-fp16": lambda: abs(mpf(2) ** -14 - mpf("6e-5")) <= mpf("0.5e-5"),
        "u32-optq-fp16~16": lambda: abs(mpf(2) ** -16 - mpf("6e-5")) <= mpf("0.5e-5"),
        "u32-kto-value": lambda: _u32_kto(True),
        "u32-kto-value~no-complement": lambda: _u32_kto(False),
        "u32-kto-reward": lambda: _u32_kto_reward(-1),
        "u32-kto-reward~plus": lambda: _u32_kto_reward(1),
        "u32-trldist-accum": lambda: 4 * 1 * 8 == 32,
        "u32-trldist-accum~16": lambda: 4 * 1 * 8 == 16,
        "u32-trldist-gpus": lambda: 4 * 8 * 1 == 32,
        "u32-trldist-gpus~64": lambda: 4 * 8 * 1 == 64,
        "u32-ds100-half": lambda: 1 / mpf("0.5") - 1 == 1 and log(1) == 0,
        "u32-ds100-half~plus": lambda: 1 / mpf("0.5") + 1 == 1 and log(1) == 0,
        "u32-ds100-boundary": lambda: _u32_boundary(-1),
        "u32-ds100-boundary~sign": lambda: _u32_boundary(1),
        "u32-ds100-ast": lambda: _u32_ast(-1),
        "u32-ds100-ast~sign": lambda: _u32_ast(1),
        "u32-ds100-f1": lambda: _u32_f1(2),
        "u32-ds100-f1~no2": lambda: _u32_f1(1),
        "u32-ds100-precision": lambda: Fraction(5, 5 + 95) == Fraction("0.05"),
        "u32-ds100-precision~half": lambda: Fraction(5, 5 + 95) == Fraction("0.5"),
        "u32-ds100-recall": lambda: Fraction(5, 5 + 0) == 1,
        "u32-ds100-accuracy": lambda: Fraction(95, 100) == Fraction("0.95"),
        "u32-ds100-ce-y1": lambda: _u32_ce_y1(lambda p: -log(p)),
        "u32-ds100-ce-y1~other": lambda: _u32_ce_y1(lambda p: -log(1 - p)),
        "u32-ds100-mle": lambda: _u32_mle("0.4"),
        "u32-ds100-mle~six": lambda: _u32_mle("0.6"),
    }
)


def _u33_pool(size, padding, dilation, kernel, stride, written, last_minus_one=True):
    """The pooling output size floor((size + 2 padding - dilation (kernel - 1) - 1)/stride + 1) against a written count."""
    numerator = size + 2 * padding - dilation * (kernel - 1) - (1 if last_minus_one else 0)
    return (Fraction(numerator, stride) + 1).__floor__() == written


def _u33_chi(k, rhs):
    """chi's density at k degrees of freedom against rhs(x) at three points."""
    return identity(
        lambda x: x ** (k - 1) * exp(-(x**2) / 2) / (2 ** (mpf(k) / 2 - 1) * mp.gamma(mpf(k) / 2)),
        rhs,
        points=[(mpf("0.3"),), (mpf("1.1"),), (mpf("2.7"),)],
    )


def _u33_expon_scale(times):
    """lambda exp(-lambda x) against (1/scale or scale) exp(-x/scale) with scale = 1/lambda."""
    for lam in (mpf("0.5"), mpf("2.3")):
        s = 1 / lam
        for x in (mpf(0), mpf("0.7"), mpf("3.1")):
            if not close(lam * exp(-lam * x), (s if times else 1 / s) * exp(-x / s)):
                return False
    return True


def _u33_rq_limit(denominator):
    """(1 + r^2/(2 alpha Theta^2))^{-alpha} at alpha = 10^30 against exp(-r^2/(denominator Theta^2))."""
    alpha = mpf(10) ** 30
    for r in (mpf("0.5"), mpf("1.7")):
        for theta in (mpf("0.8"), mpf(2)):
            far = exp(-alpha * mp.log1p(r**2 / (2 * alpha * theta**2)))
            if not close(far, exp(-(r**2) / (denominator * theta**2)), tol=mpf(10) ** -20):
                return False
    return True


def _u33_periodic(sign):
    """exp(sign 2 sin^2(pi |d|_1 / p) / l^2) <= 1 on a grid of 2-D differences d and (p, l)."""
    for p in (mpf("0.7"), mpf(2)):
        for ell in (mpf("0.5"), mpf("1.4")):
            for d in ((p / 2, mpf(0)), (mpf("0.3"), mpf("-0.9")), (mpf(0), mpf(0))):
                norm1 = abs(d[0]) + abs(d[1])
                if exp(sign * 2 * sin(pi * norm1 / p) ** 2 / ell**2) > 1:
                    return False
    return True


def _u33_ls_grad(x_factor):
    """d/dphi of (phi_0 + phi_1 x - y)^2 by finite differences against (2 r, 2 x r) (or (2 r, 2 r))."""
    for phi0, phi1, x, y in (
        ("0.3", "-1.2", "0.8", "1.5"),
        ("-0.7", "0.4", "2.1", "-0.2"),
        ("1.1", "0.9", "-1.3", "0.6"),
    ):
        phi0, phi1, x, y = mpf(phi0), mpf(phi1), mpf(x), mpf(y)
        r = phi0 + phi1 * x - y
        g = grad(lambda p: (p[0] + p[1] * x - y) ** 2, [phi0, phi1])
        if not close(g, [2 * r, 2 * (x if x_factor else 1) * r]):
            return False
    return True


def _u33_he_sum(half):
    """sigma_Omega^2 sum_{j=1}^{D_h} sigma_f^2/2 against (1/2 or 1) D_h sigma_Omega^2 sigma_f^2, exactly."""
    for d in range(1, 7):
        for so, sf in ((Fraction(3, 7), Fraction(5, 2)), (Fraction(2), Fraction(1, 3))):
            lhs = so * sum(sf / 2 for _ in range(d))
            if lhs != (Fraction(1, 2) if half else 1) * d * so * sf:
                return False
    return True


_U33_TRIPLES = [
    (mpf(a), mpf(b), mpf(c)) for a, b, c in (("0.3", "1.7", "-0.4"), ("-2.1", "0.6", "1.2"), ("1.4", "-0.8", "2.5"))
]


def _u33_bias_var(cross):
    """(f - y)^2, ((f - mu) + (mu - y))^2 and (f - mu)^2 + cross (f - mu)(mu - y) + (mu - y)^2 at three triples."""
    return identity(
        lambda f, mu, y: (f - y) ** 2,
        lambda f, mu, y: ((f - mu) + (mu - y)) ** 2,
        lambda f, mu, y: (f - mu) ** 2 + cross * (f - mu) * (mu - y) + (mu - y) ** 2,
        points=_U33_TRIPLES,
    )


def _u33_gauss_nll(sign):
    """-sum log N(y_i; f_i, sigma^2) against -sum (log(1/sqrt(2 pi sigma^2)) + sign (y_i - f_i)^2/(2 sigma^2)), I = 3."""
    ys, fs = vec(["0.4", "-1.1", "2.3"]), vec(["0.9", "-0.2", "1.6"])
    for sigma in (mpf("0.6"), mpf("1.8")):
        lhs = -sum(log(exp(-((y - f) ** 2) / (2 * sigma**2)) / sqrt(2 * pi * sigma**2)) for y, f in zip(ys, fs))
        rhs = -sum(log(1 / sqrt(2 * pi * sigma**2)) + sign * (y - f) ** 2 / (2 * sigma**2) for y, f in zip(ys, fs))
        if not close(lhs, rhs):
            return False
    return True


def _u33_z2(head_beta2):
    """The three sides of z_2 for 2-vectors x, eps_1, eps_2 at random beta_1, beta_2 in (0, 1)."""
    x, e1, e2 = vec(["0.7", "-1.2"]), vec(["1.5", "0.3"]), vec(["-0.4", "2.2"])
    for b1, b2 in ((mpf("0.1"), mpf("0.35")), (mpf("0.6"), mpf("0.05"))):
        head = b2 if head_beta2 else b1
        sides = [
            [sqrt(1 - b2) * (sqrt(1 - b1) * x[i] + sqrt(b1) * e1[i]) + sqrt(b2) * e2[i] for i in range(2)],
            [sqrt(1 - b2) * (sqrt(1 - b1) * x[i] + sqrt(1 - (1 - b1)) * e1[i]) + sqrt(b2) * e2[i] for i in range(2)],
            [
                sqrt((1 - b2) * (1 - b1)) * x[i] + sqrt(1 - head - (1 - b2) * (1 - b1)) * e1[i] + sqrt(b2) * e2[i]
                for i in range(2)
            ],
        ]
        if not (close(sides[0], sides[1]) and close(sides[0], sides[2])):
            return False
    return True


_U33_BETAS = [(Fraction(1, 10), Fraction(9, 10)), (Fraction(1, 3), Fraction(1, 4)), (Fraction(3, 5), Fraction(7, 8))]


def _u33_rev_var(denominator_t):
    """(A^{-1} + B^{-1})^{-1}, A = beta/(1 - beta), B = 1 - alpha_{t-1}, against beta (1 - alpha_{t-1})/(1 - alpha_?)."""
    for beta, a_prev in _U33_BETAS:
        a_t = (1 - beta) * a_prev
        lhs = 1 / ((1 - beta) / beta + 1 / (1 - a_prev))
        if lhs != beta * (1 - a_prev) / (1 - (a_t if denominator_t else a_prev)):
            return False
    return True


def _u33_rev_mean(which, written):
    """The reverse conditional's mean coefficient of x or z_t: the covariance times the precision-weighted mean."""
    for beta, a_prev in _U33_BETAS:
        beta, a_prev = mpf(beta.numerator) / beta.denominator, mpf(a_prev.numerator) / a_prev.denominator
        a_t = (1 - beta) * a_prev
        cov = beta * (1 - a_prev) / (1 - a_t)
        if which == "x":
            lhs = cov * sqrt(a_prev) / (1 - a_prev)
        else:
            lhs = cov * (1 - beta) / beta / sqrt(1 - beta)
        if not close(lhs, written(beta, a_prev, a_t)):
            return False
    return True


_U33_W = [mpf("0.35"), mpf("0.65")]
_U33_MU = [vec(["1.2", "-0.4", "0.7"]), vec(["-0.3", "0.9", "1.5"])]
_U33_B = mat([["0.8", "-0.2"], ["0.1", "1.3"], ["-0.6", "0.4"]])


def _u33_whiten(factors):
    """M_3(B, B, B) entry by entry from M_3 = sum_i w_i mu_i^(x)3, against sum_i w_i (B^T mu_i)^(x)factors."""
    d, k = 3, 2
    m3 = {
        (j, l, m): sum(w * mu[j] * mu[l] * mu[m] for w, mu in zip(_U33_W, _U33_MU))
        for j, l, m in itertools.product(range(d), repeat=3)
    }
    whitened = [
        sum(
            m3[j, l, m] * _U33_B[j, a] * _U33_B[l, b] * _U33_B[m, c]
            for j, l, m in itertools.product(range(d), repeat=3)
        )
        for a, b, c in itertools.product(range(k), repeat=3)
    ]
    bmu = [[sum(_U33_B[j, a] * mu[j] for j in range(d)) for a in range(k)] for mu in _U33_MU]
    written = [
        sum(w * prod(v[i] for i in idx) for w, v in zip(_U33_W, bmu))
        for idx in itertools.product(range(k), repeat=factors)
    ]
    return close(whitened, written)


def _u33_weight(power):
    """hat M_3(u_i, u_i, u_i) for hat M_3 = sum_j w_j^{-1/2} u_j^(x)3 with orthonormal u_j, against w_i^power."""
    c, s = cos(mpf("0.7")), sin(mpf("0.7"))
    u = [vec([c, s, 0]), vec([-s, c, 0]), vec([0, 0, 1])]
    w = [mpf("0.2"), mpf("0.3"), mpf("0.5")]
    for i in range(3):
        value = sum(w[j] ** mpf("-0.5") * sum(u[j][a] * u[i][a] for a in range(3)) ** 3 for j in range(3))
        if not close(value, w[i] ** power):
            return False
    return True


def _u33_psi_entries(d):
    """The entries of the quadratic feature map psi(x): linear terms, squares and cross terms, listed."""
    linear = [("x", i) for i in range(d)]
    squares = [("x^2", i) for i in range(d)]
    cross = [("xx", i, j) for i in range(d) for j in range(i + 1, d)]
    return len(linear + squares + cross)


def _u33_rbf_series(total):
    """sum_j e^{-x^2} x^{2j}/j! and e^{-x^2} sum_j (x^2)^j/j! against total(x)."""
    for x in (mpf("-1.3"), mpf("0.4"), mpf("2.1")):
        first = nsum(lambda j: exp(-(x**2)) * x ** (2 * j) / mp.factorial(j), [0, inf])
        second = exp(-(x**2)) * nsum(lambda j: (x**2) ** j / mp.factorial(j), [0, inf])
        if not (close(first, second) and close(first, total(x))):
            return False
    return True


def _u33_rbf_features(sign):
    """sum_j psi_j(x) psi_j(x') against exp(-(x + sign x')^2/2)."""
    for x, y in ((mpf("0.4"), mpf("-1.3")), (mpf("2.1"), mpf("0.7"))):
        series = nsum(lambda j: exp(-(x**2) / 2) * x**j * exp(-(y**2) / 2) * y**j / mp.factorial(j), [0, inf])
        if not close(series, exp(-((x + sign * y) ** 2) / 2)):
            return False
    return True


def _u33_step(first, second):
    """(-c) g(x - first) + c g(x - second) = c for a <= x < b, g the unit step (1 at 0)."""

    def g(z):
        return 1 if z >= 0 else 0

    for a, b in ((Fraction(-1), Fraction(2)), (Fraction(0), Fraction(1, 2))):
        for x in (a, (a + b) / 2, b - Fraction(1, 100)):
            for c in (Fraction(3), Fraction(-5, 2)):
                ends = {"a": a, "b": b}
                if -c * g(x - ends[first]) + c * g(x - ends[second]) != c:
                    return False
    return True


def _u33_xor(x):
    """w_2^T ReLU(W_1 x + b_1) + b_2 for the slide's W_1 = [[1, 1], [-1, -1]], b_1 = 0, w_2 = (1, 1), b_2 = -1."""
    hidden = [max(0, x[0] + x[1]), max(0, -x[0] - x[1])]
    return hidden[0] + hidden[1] - 1


def _u33_delta1(flip):
    """dJ/dz of J = -sum_i y_i log softmax(z)_i by finite differences against softmax(z) - y (or y - softmax(z))."""
    z = vec(["0.3", "-1.1", "0.8"])
    for hot in range(3):
        y = [mpf(1 if i == hot else 0) for i in range(3)]
        g = grad(lambda v, y=y: -sum(yi * log(p) for yi, p in zip(y, softmax(v))), z)
        p = softmax(z)
        if not close(g, [(yi - pi_) if flip else (pi_ - yi) for yi, pi_ in zip(y, p)]):
            return False
    return True


_U33_RNN_W = mat([["0.5", "-0.3"], ["0.2", "0.7"]])
_U33_RNN_U = mat([["0.4", "0.9"], ["-0.6", "0.3"]])
_U33_RNN_X = [mat([["0.8"], ["-0.5"]]), mat([["0.1"], ["1.2"]]), mat([["-0.9"], ["0.4"]])]
_U33_RNN_H0 = mat([["0.3"], ["-0.2"]])
_U33_RNN_C = mat([["1.1"], ["-0.7"]])


def _u33_rnn_forward(U):
    """Hidden states h_0..h_3 and pre-activations z_0..z_2 of h_t = tanh(W x_{t-1} + U h_{t-1})."""
    hs, zs = [_U33_RNN_H0], []
    for t in range(3):
        z = _U33_RNN_W * _U33_RNN_X[t] + U * hs[-1]
        zs.append(z)
        hs.append(matrix([[tanh(z[0, 0])], [tanh(z[1, 0])]]))
    return hs, zs


def _u33_rnn(corrected):
    """dL/dU of L = c^T h_T (T = 3) by finite differences against the slide's sum (or the corrected one)."""
    fd = mgrad(lambda U: (_U33_RNN_C.T * _u33_rnn_forward(U)[0][-1])[0, 0], _U33_RNN_U)
    hs, zs = _u33_rnn_forward(_U33_RNN_U)
    ds = [matrix([[1 - tanh(z[0, 0]) ** 2, 0], [0, 1 - tanh(z[1, 0]) ** 2]]) for z in zs]
    total = matrix(2, 2)
    T = 3
    for t in range(1, T + 1):
        prod = ds[t - 1] if corrected else matrix([[1, 0], [0, 1]])
        for k in range(t if corrected else t - 1, T):
            prod = prod * (_U33_RNN_U.T * ds[k])
        total += prod * _U33_RNN_C * hs[t - 1].T
    return close(fd, total)


CHECKS.update(
    {
        "u33-pool-1d": lambda: _u33_pool(50, 0, 1, 3, 2, 24),
        "u33-pool-1d~25": lambda: _u33_pool(50, 0, 1, 3, 2, 25),
        "u33-pool-2d-w": lambda: _u33_pool(32, 0, 1, 2, 1, 31),
        "u33-pool-2d-w~32": lambda: _u33_pool(32, 0, 1, 2, 1, 32),
        "u33-pool-3d-w": lambda: _u33_pool(31, 0, 1, 2, 2, 15),
        "u33-pool-3d-w~16": lambda: _u33_pool(31, 0, 1, 2, 2, 16),
        "u33-pool-3d-h": lambda: _u33_pool(44, 0, 1, 2, 1, 43),
        "u33-pool-3d-h~minus-one": lambda: _u33_pool(44, 0, 1, 2, 1, 43, last_minus_one=False),
        "u33-pool-unpool": lambda: (4 - 1) * 2 - 2 * 0 + 2 == 8,
        "u33-pool-unpool~9": lambda: (4 - 1) * 2 - 2 * 0 + 2 == 9,
        "u33-stats-rayleigh-norm": lambda: close(quad(lambda x: x * exp(-(x**2) / 2), [0, inf]), 1),
        "u33-stats-rayleigh-norm~x2": lambda: close(quad(lambda x: x**2 * exp(-(x**2) / 2), [0, inf]), 1),
        "u33-stats-rayleigh-chi": lambda: _u33_chi(2, lambda x: x * exp(-(x**2) / 2)),
        "u33-stats-rayleigh-chi~k3": lambda: _u33_chi(3, lambda x: x * exp(-(x**2) / 2)),
        "u33-stats-maxwell-chi": lambda: _u33_chi(3, lambda x: sqrt(2 / pi) * x**2 * exp(-(x**2) / 2)),
        "u33-stats-maxwell-chi~pi": lambda: _u33_chi(3, lambda x: sqrt(1 / pi) * x**2 * exp(-(x**2) / 2)),
        "u33-stats-maxwell-norm": lambda: close(quad(lambda x: sqrt(2 / pi) * x**2 * exp(-(x**2) / 2), [0, inf]), 1),
        # below -6 the integrand is under exp(6 - e^6) < 10^-170, far inside the tolerance
        "u33-stats-gumbel-norm": lambda: close(quad(lambda x: exp(-(x + exp(-x))), [-6, 0, inf]), 1),
        # the integrand is positive and its integral over [-3, 3] alone already exceeds 1 (it diverges at -inf)
        "u33-stats-gumbel-norm~sign": lambda: not quad(lambda x: exp(-(x - exp(-x))), [-3, 0, 3]) > 1,
        "u33-stats-laplace-var": lambda: close(quad(lambda x: x**2 * exp(-abs(x)) / 2, [-inf, 0, inf]), 2),
        "u33-stats-laplace-var~one": lambda: close(quad(lambda x: x**2 * exp(-abs(x)) / 2, [-inf, 0, inf]), 1),
        "u33-stats-expon-scale": lambda: _u33_expon_scale(False),
        "u33-stats-expon-scale~times": lambda: _u33_expon_scale(True),
        "u33-stats-expon-gamma": lambda: identity(
            lambda x: x**0 * exp(-x) / mp.gamma(1), lambda x: exp(-x), points=POS
        ),
        "u33-stats-expon-gamma~a2": lambda: identity(
            lambda x: x**1 * exp(-x) / mp.gamma(2), lambda x: exp(-x), points=POS
        ),
        "u33-rq-alpha1": lambda: (1 + Fraction(1, 2) * (2 - 0) ** 2) ** -1 == Fraction(1, 3),
        "u33-rq-alpha1~fifth": lambda: (1 + Fraction(1, 2) * (2 - 0) ** 2) ** -1 == Fraction(1, 5),
        "u33-rq-limit": lambda: _u33_rq_limit(2),
        "u33-rq-limit~no-half": lambda: _u33_rq_limit(1),
        "u33-periodic-bound": lambda: _u33_periodic(1),
        "u33-periodic-bound-corrected": lambda: _u33_periodic(-1),
        "u33-udl-ls-grad": lambda: _u33_ls_grad(True),
        "u33-udl-ls-grad~no-x": lambda: _u33_ls_grad(False),
        "u33-udl-he-sum": lambda: _u33_he_sum(True),
        "u33-udl-he-sum~no-half": lambda: _u33_he_sum(False),
        "u33-udl-he-init": lambda: all(Fraction(1, 2) * d * Fraction(2, d) == 1 for d in range(1, 9)),
        "u33-udl-he-init~twice": lambda: all(Fraction(1, 2) * d * Fraction(2, d) == 2 for d in range(1, 9)),
        "u33-udl-bias-var": lambda: _u33_bias_var(2),
        "u33-udl-bias-var~no-two": lambda: _u33_bias_var(1),
        "u33-udl-gauss-nll": lambda: _u33_gauss_nll(-1),
        "u33-udl-gauss-nll~plus": lambda: _u33_gauss_nll(1),
        "u33-udl-z2": lambda: _u33_z2(True),
        "u33-udl-z2~beta1": lambda: _u33_z2(False),
        "u33-udl-z2-var": lambda: all(
            1 - b2 - (1 - b2) * (1 - b1) + b2 == 1 - (1 - b2) * (1 - b1) for b1, b2 in _U33_BETAS
        ),
        "u33-udl-z2-var~beta1": lambda: all(
            1 - b2 - (1 - b2) * (1 - b1) + b1 == 1 - (1 - b2) * (1 - b1) for b1, b2 in _U33_BETAS
        ),
        "u33-udl-rev-var": lambda: _u33_rev_var(True),
        "u33-udl-rev-var~alpha": lambda: _u33_rev_var(False),
        "u33-udl-rev-mean-x": lambda: _u33_rev_mean("x", lambda b, ap, at: sqrt(ap) * b / (1 - at)),
        "u33-udl-rev-mean-x~sqrt": lambda: _u33_rev_mean("x", lambda b, ap, at: ap * b / (1 - at)),
        "u33-udl-rev-mean-z": lambda: _u33_rev_mean("z", lambda b, ap, at: (1 - ap) / (1 - at) * sqrt(1 - b)),
        "u33-udl-rev-mean-z~no-sqrt": lambda: _u33_rev_mean("z", lambda b, ap, at: (1 - ap) / (1 - at) * (1 - b)),
        "u33-udl-sig": lambda: identity(lambda z: 1 - sigmoid(z), lambda z: sigmoid(-z)),
        "u33-udl-sig~one": lambda: identity(lambda z: 1 - sigmoid(z), lambda z: sigmoid(-z) - 1),
        "u33-mom-whiten": lambda: _u33_whiten(2),
        "u33-mom-whiten-corrected": lambda: _u33_whiten(3),
        "u33-mom-weight": lambda: _u33_weight(mpf("-0.5")),
        "u33-mom-weight~sqrt": lambda: _u33_weight(mpf("0.5")),
        "u33-mom-params": lambda: sum(1 for i in range(3) for j in range(i, 3)) == 6 == Fraction(3 * 4, 2),
        "u33-mom-params~square": lambda: Fraction(3**2, 2) == sum(1 for i in range(3) for j in range(i, 3)),
        "u33-kernel-rbf-series": lambda: _u33_rbf_series(lambda x: 1),
        "u33-kernel-rbf-series~exp": lambda: _u33_rbf_series(lambda x: exp(x**2)),
        "u33-kernel-rbf-features": lambda: _u33_rbf_features(-1),
        "u33-kernel-rbf-features~plus": lambda: _u33_rbf_features(1),
        "u33-kernel-quad-d": lambda: _u33_psi_entries(3) == 3 + comb(3, 2),
        "u33-kernel-quad-d-corrected": lambda: _u33_psi_entries(3) == 2 * 3 + comb(3, 2),
        "u33-kernel-ridge": lambda: (
            (1 - Fraction(1, 3) - Fraction(1, 3)) ** 2 + 2 * Fraction(1, 3) ** 2 == Fraction(1, 3)
        ),
        "u33-kernel-ridge~half": lambda: (
            (1 - Fraction(1, 3) - Fraction(1, 3)) ** 2 + 2 * Fraction(1, 3) ** 2 == Fraction(1, 2)
        ),
        "u33-nnq-step": lambda: _u33_step("b", "a"),
        "u33-nnq-step~swap": lambda: _u33_step("a", "b"),
        "u33-nnq-xor1": lambda: _u33_xor((1, 1)) == 1,
        "u33-nnq-xor1~zero": lambda: _u33_xor((1, 1)) == 0,
        "u33-nnq-xor2": lambda: _u33_xor((1, -1)) == -1,
        "u33-nnq-xor4~sign": lambda: _u33_xor((-1, -1)) == -1,
        "u33-nnq-delta1": lambda: _u33_delta1(False),
        "u33-nnq-delta1~flip": lambda: _u33_delta1(True),
        "u33-nnq-rnn": lambda: _u33_rnn(False),
        "u33-nnq-rnn-corrected": lambda: _u33_rnn(True),
    }
)


# ---- trees2.toml: formulas from a second round of whole documentation trees

_TR2_SIZES = [(mpf(3), mpf(5), mpf(7), mpf(11)), (mpf("0.4"), mpf("2.5"), mpf("1.3"), mpf("6.1"))]


def _tr2_intensity(factor):
    return all(
        close(4 * B * S * T * D_ / (4 * B * S * D_ + 4 * B * T * D_), S * T / (factor * (S + T)))
        for B, S, T, D_ in _TR2_SIZES
    )


def _tr2_matmul(factor):
    return all(
        close(2 * B * D_ * F / (2 * B * D_ + 2 * D_ * F + 2 * B * F), B * D_ * F / (factor * (B * D_ + D_ * F + B * F)))
        for B, D_, F, _ in _TR2_SIZES
    )


def _tr2_comms(factor):
    B, D_, F, X, Y, Z, W = mpf(3), mpf(5), mpf(7), mpf(2), mpf("1.5"), mpf("2.5"), mpf("4.5")
    left = 2 * B * D_ / (2 * X * W) + 4 * B * F / (Y * Z * W) + 2 * B * D_ / (2 * X * W)
    return close(left, 2 * factor * B * D_ / (X * W) + 4 * B * F / (Y * Z * W))


def _tr2_overlap(factor):
    pairs = [(mpf("0.3"), mpf("1.7")), (mpf(2), mpf(2)), (mpf("-1.2"), mpf("0.5")), (mpf(-3), mpf(-1))]
    return all(a + b <= factor * max(a, b) for a, b in pairs)


def _tr2_train(factor):
    L, B, D_, F = mpf(3), mpf("1.5"), mpf(7), mpf("2.2")
    return close(2 * L * (B * D_ + 2 * B * F), 2 * L * B * (D_ + factor * F))


def _tr2_gauss(sign):
    return all(sum(range(1, n + 1)) == Fraction(n * (n + sign), 2) for n in (1, 4, 9))


def _tr2_pcie(B):
    D_ = mpf(10) ** 6  # B much smaller than D, and F = 4D, as the question assumes
    F = 4 * D_
    met = 2 * B * D_ * F / mpf("9.2e14") > 2 * (B * D_ + D_ * F + B * F) / mpf("1.5e10")
    small = 2 * mpf(100) * D_ * F / mpf("9.2e14") > 2 * (100 * D_ + D_ * F + 100 * F) / mpf("1.5e10")
    return met and not small  # a condition on B: met by a batch of 70,000, not by one of 100


def _tr2_vmem(B):
    def met(b):
        return (mpf("6.7e7") + mpf("2e4") * b) / mpf("8.1e11") < mpf("1.3e8") * b / mpf("3.94e14")

    return met(B) and not met(mpf(200))  # met above B = 271, as the page says


def _tr2_choose(corrected):
    def right(n, r):
        return (
            Fraction(factorial(n), factorial(r) * factorial(n - r))
            if corrected
            else (Fraction(factorial(r), factorial(n) * factorial(n - r)))
        )

    return all(comb(n, r) == right(n, r) for n, r in ((5, 2), (7, 3), (10, 4)))


def _tr2_length(factor):
    vectors = [(mpf("0.6"), mpf("-1.7")), (mpf(3), mpf(4))]
    return all(close(sqrt(a**2 + b**2), sqrt(factor * dot((a, b), (a, b)))) for a, b in vectors)


def _tr2_quadratic(factor):
    w = matrix([mpf("0.7"), mpf("-1.3")])
    C = matrix([[mpf("1.1"), mpf("0.4")], [mpf("-2.3"), mpf("0.9")]])
    left = (w.T * C * w)[0, 0]
    right = C[0, 0] * w[0] ** 2 + factor * (C[0, 1] + C[1, 0]) / 2 * w[0] * w[1] + C[1, 1] * w[1] ** 2
    return close(left, right)


def _tr2_triangle(as_written):
    x, y, z = (mpf("0.3"), mpf("-1.2")), (mpf("2.1"), mpf("0.6")), (mpf("-0.8"), mpf("1.9"))

    def dist(u, v):
        return norm([a - b for a, b in zip(u, v)])

    return (dist(x, z) + dist(z, y) >= dist(x, y)) == as_written


def _tr2_homogeneity(absolute):
    x = (mpf("0.3"), mpf("-1.2"), mpf("2.5"))
    return all(
        close(norm([alpha * v for v in x]), (abs(alpha) if absolute else alpha) * norm(x))
        for alpha in (mpf("1.5"), mpf("-0.7"))
    )


def _tr2_log_ratio(swapped):
    pairs = [(mpf("0.4"), mpf("2.5")), (mpf(3), mpf("1.2"))]
    return all(close(log(s) - log(t), log(t / s) if swapped else log(s / t)) for s, t in pairs)


def _tr2_unit(value):
    omega = (mpf("0.3"), mpf("-1.2"), mpf("2.5"))
    return close(norm([v / norm(omega) for v in omega]), value)


def _tr2_square_nonneg():
    z, x = (mpf("0.3"), mpf("-1.2")), (mpf("-2.1"), mpf("0.6"))
    return dot(z, x) ** 2 >= 0 and dot(z, z) ** 2 >= 0


def _tr2_newton():
    """The update with the first and second derivatives of g at the last iterate: one step from any point reaches
    the minimum of a quadratic, as Newton's method does."""
    a, b = mpf("1.5"), mpf("-2.4")

    def step(w):
        return w - diff(lambda v: a * v**2 + b * v + 1, w) / diff(lambda v: a * v**2 + b * v + 1, w, 2)

    return all(close(step(w), -b / (2 * a), tol=mpf(10) ** -15) for w in (mpf("0.3"), mpf(4)))


def _tr2_step(true_step):
    w, d, alpha = (mpf("0.3"), mpf("-1.2")), (mpf("2.1"), mpf("0.6")), mpf("0.25")
    new = [a + alpha * b for a, b in zip(w, d)]  # w^k = w^{k-1} + alpha d
    length = norm([a - b for a, b in zip(new, w)])
    return close(length, norm([alpha * b for b in d])) and close(length, alpha * norm(d)) == true_step


def _tr2_regions(with_j_factorial):
    def term(d, j):
        return Fraction(factorial(d), factorial(d - j) * (factorial(j) if with_j_factorial else 1))

    return all(
        sum(comb(d, j) for j in range(di + 1)) == sum(term(d, j) for j in range(di + 1)) for d, di in ((5, 2), (4, 4))
    )


def _tr2_derivatives(sign):
    return all(
        close(D(cos, z), sign * sin(z), tol=mpf(10) ** -15)
        and close(D(exp, z), exp(z), tol=mpf(10) ** -15)
        and close(D(sin, z), cos(z), tol=mpf(10) ** -15)
        for (z,) in REAL
    )


CHECKS.update(
    {
        "tr2-scale-attn-intensity": lambda: _tr2_intensity(1),
        "tr2-scale-attn-intensity~half": lambda: _tr2_intensity(2),
        "tr2-scale-matmul-intensity": lambda: _tr2_matmul(1),
        "tr2-scale-matmul-intensity~half": lambda: _tr2_matmul(2),
        "tr2-scale-2d-comms": lambda: _tr2_comms(1),
        "tr2-scale-2d-comms~double": lambda: _tr2_comms(2),
        "tr2-scale-overlap": lambda: _tr2_overlap(2),
        "tr2-scale-overlap~one": lambda: _tr2_overlap(1),
        "tr2-scale-train-flops": lambda: _tr2_train(2),
        "tr2-scale-train-flops~f": lambda: _tr2_train(1),
        "tr2-scale-gauss": lambda: _tr2_gauss(1),
        "tr2-scale-gauss~minus": lambda: _tr2_gauss(-1),
        "tr2-scale-flops": lambda: rounds_to(mpf(2 * 8 * 128 * 1024 * 128 * 1024) / mpf(10) ** 11, "2.7"),
        "tr2-scale-flops~power": lambda: rounds_to(mpf(2 * 8 * 128 * 1024 * 128 * 1024) / mpf(10) ** 12, "2.7"),
        "tr2-scale-xopt": lambda: rounds_to(sqrt(2 * mpf("4.19e6") * 8960 / 28672), "1618"),
        "tr2-scale-xopt~digit": lambda: rounds_to(sqrt(2 * mpf("4.19e6") * 8960 / 28672), "1718"),
        "tr2-scale-matmul-flops": lambda: rounds_to(mpf(2 * 4096 * 16384) / mpf(10) ** 8, "1.3"),
        "tr2-scale-matmul-flops~digit": lambda: rounds_to(mpf(2 * 4096 * 16384) / mpf(10) ** 8, "1.4"),
        "tr2-scale-params": lambda: (
            mpf(64 * (3 * 4000 * 16000 + 4 * 4000 * 4000 + 4000) + 2 * 4000 * 32000) == mpf("16e9")
        ),
        "tr2-scale-params~corrected": lambda: rounds_to(
            mpf(64 * (3 * 4000 * 16000 + 4 * 4000 * 4000 + 4000) + 2 * 4000 * 32000) / mpf(10) ** 9, "16.64"
        ),
        "tr2-scale-ici-axes": lambda: Fraction(28672 * 2, 2550) == 22,
        "tr2-scale-ici-axes~corrected": lambda: rounds_to(mpf(28672 * 2) / 2550, "22"),
        "tr2-scale-inter-chip": lambda: mpf("1.97e14") / mpf("4.5e10") == 4377,
        "tr2-scale-inter-chip~corrected": lambda: rounds_to(mpf("1.97e14") / mpf("4.5e10"), "4378"),
        "tr2-scale-pcie-condition": lambda: _tr2_pcie(mpf(70000)),
        "tr2-scale-vmem-condition": lambda: _tr2_vmem(mpf(300)),
        "tr2-mlr-tanh": lambda: identity(tanh, lambda x: 2 * sigmoid(x) - 1),
        "tr2-mlr-tanh~corrected": lambda: identity(
            tanh, lambda x: 2 * sigmoid(2 * x) - 1, lambda x: 2 / (1 + exp(-2 * x)) - 1
        ),
        "tr2-mlr-neglog": lambda: identity(lambda x: -log(x), lambda x: 1 / x, points=POS),
        "tr2-mlr-neglog~corrected": lambda: identity(lambda x: -log(x), lambda x: log(1 / x), points=POS),
        "tr2-mlr-choose": lambda: _tr2_choose(False),
        "tr2-mlr-choose~corrected": lambda: _tr2_choose(True),
        "tr2-mlr-choose-100": lambda: comb(100, 5) == 75287520,
        "tr2-mlr-choose-100~digits": lambda: comb(100, 5) == 75278520,
        "tr2-mlr-vector-length": lambda: _tr2_length(1),
        "tr2-mlr-vector-length~two": lambda: _tr2_length(2),
        "tr2-mlr-quadratic-form": lambda: _tr2_quadratic(2),
        "tr2-mlr-quadratic-form~half": lambda: _tr2_quadratic(1),
        "tr2-mlr-triangle": lambda: _tr2_triangle(True),
        "tr2-mlr-homogeneity": lambda: _tr2_homogeneity(True),
        "tr2-mlr-homogeneity~abs": lambda: _tr2_homogeneity(False),
        "tr2-mlr-distance": lambda: sqrt((1 - 9) ** 2 + (2 - 8) ** 2) == 10,
        "tr2-mlr-distance~twelve": lambda: sqrt((1 - 9) ** 2 + (2 - 8) ** 2) == 12,
        "tr2-mlr-l1": lambda: abs(1 - 9) + abs(2 - 8) == 14,
        "tr2-mlr-l1~twelve": lambda: abs(1 - 9) + abs(2 - 8) == 12,
        "tr2-mlr-linf": lambda: max(abs(1 - 9), abs(2 - 8)) == 8,
        "tr2-mlr-linf~six": lambda: max(abs(1 - 9), abs(2 - 8)) == 6,
        "tr2-mlr-sqrt30": lambda: (-1) ** 2 + 2**2 + 0**2 + 5**2 == 30,
        "tr2-mlr-sqrt30~28": lambda: (-1) ** 2 + 2**2 + 0**2 + 5**2 == 28,
        "tr2-mlr-log-ratio": lambda: _tr2_log_ratio(False),
        "tr2-mlr-log-ratio~swap": lambda: _tr2_log_ratio(True),
        "tr2-mlr-log-reciprocal": lambda: identity(log, lambda s: -log(1 / s), points=POS),
        "tr2-mlr-vector-sum": lambda: (
            [mpf("2.1") + mpf("4.3"), mpf("-5.7") + mpf("9.2"), 13 + 13] == [mpf("6.4"), mpf("3.5"), 26]
        ),
        "tr2-mlr-vector-sum~entry": lambda: (
            [mpf("2.1") + mpf("4.3"), mpf("-5.7") + mpf("9.2"), 13 + 13] == [mpf("6.4"), mpf("3.6"), 26]
        ),
        "tr2-mlr-unit": lambda: _tr2_unit(1),
        "tr2-mlr-unit~two": lambda: _tr2_unit(2),
        "tr2-mlr-square-nonneg": lambda: _tr2_square_nonneg(),
        "tr2-mlr-newton": lambda: _tr2_newton(),
        "tr2-mlr-step-length": lambda: _tr2_step(True),
        "tr2-udl-regions": lambda: _tr2_regions(True),
        "tr2-udl-regions~no-jfact": lambda: _tr2_regions(False),
        "tr2-udl-derivatives": lambda: _tr2_derivatives(-1),
        "tr2-udl-derivatives~sign": lambda: _tr2_derivatives(1),
        "tr2-udl-exp": lambda: identity(exp, lambda x: mpf(mp.e) ** x),
        "tr2-pml-faces": lambda: 64 * 57 == 3648,
        "tr2-pml-faces~digits": lambda: 64 * 57 == 3684,
        "tr2-pml-free-params": lambda: (6 * 5) - 1 == 29,
        "tr2-pml-free-params~thirty": lambda: (6 * 5) - 1 == 30,
    }
)


def _u35_logistic_moments():
    """The standard logistic law's mean, variance, skewness and excess kurtosis by quadrature of its density."""
    f = lambda x: exp(-x) / (1 + exp(-x)) ** 2  # noqa: E731
    m1 = quad(lambda x: x * f(x), [-inf, 0, inf])
    m2 = quad(lambda x: (x - m1) ** 2 * f(x), [-inf, 0, inf])
    m3 = quad(lambda x: (x - m1) ** 3 * f(x), [-inf, 0, inf])
    m4 = quad(lambda x: (x - m1) ** 4 * f(x), [-inf, 0, inf])
    return m1, m2, m3 / m2 ** mpf(1.5), m4 / m2**2 - 3


def _u35_logistic(which, sign=1, right=None):
    """A row of the logistic page, its polygamma expression against the written value and the quadrature moment."""
    mean_, var_, skew, kurt = _u35_logistic_moments()
    if which == "mean":
        return close(mp.euler + sign * mp.psi(0, 1), 0) and close(mean_, 0)
    if which == "var":
        value = pi**2 / 6 + mp.psi(1, 1)
        return close(value, right) and close(var_, right)
    if which == "skew":
        value = (mp.psi(2, 1) + sign * 2 * mp.zeta(3)) / (pi**2 / 3) ** mpf(1.5)
        return close(value, 0) and close(skew, 0)
    value = (pi**4 / 15 + mp.psi(3, 1)) / (pi**2 / 3) ** 2
    return close(value, right) and close(kurt, right)


def _u35_entropy(density, written, support=(-inf, 0, inf)):
    """The differential entropy -E[log f] of a density by quadrature, against a written value."""
    h = quad(lambda x: -density(x) * log(density(x)), list(support))
    return close(h, written, tol=mpf(10) ** -15)


def _u35_cauchy_entropy(written):
    """The Cauchy entropy by quadrature after x = tan(u) (f dx = du / pi), against the written value and its digits."""
    h = quad(lambda u: -log(cos(u) ** 2 / pi) / pi, [-pi / 2, 0, pi / 2])
    return close(h, written) and rounds_to(written, "2.5310242469692907930")


def _u35_cauchy_cdf(factor):
    f = lambda t: 1 / (pi * (1 + t**2))  # noqa: E731
    return always(lambda x: close(quad(f, [-inf, x]), mpf(1) / 2 + factor * mp.atan(x) / pi), REAL)


def _u35_cauchy_quantile(shift):
    F = lambda x: mpf(1) / 2 + mp.atan(x) / pi  # noqa: E731
    return all(close(F(mp.tan(pi * q - shift)), q) for q in (mpf("0.1"), mpf("0.37"), mpf("0.9")))


def _u35_norm_cdf(scale):
    f = lambda t: exp(-(t**2) / 2) / sqrt(2 * pi)  # noqa: E731
    return always(
        lambda x: close(quad(f, [-inf, x]), mp.ncdf(x)) and close(mp.ncdf(x), mpf(1) / 2 + erf(x / scale) / 2), REAL
    )


def _u35_erf(factor):
    return always(lambda x: close(factor / sqrt(pi) * quad(lambda t: exp(-(t**2)), [0, x]), erf(x)), REAL)


def _u35_erfc(sign):
    return always(lambda x: close(1 + sign * 2 / sqrt(pi) * quad(lambda t: exp(-(t**2)), [0, x]), mp.erfc(x)), REAL)


def _u35_digamma(flip):
    def ratio(x):
        g, dg = mp.gamma(x), D(mp.gamma, x)
        return g / dg if flip else dg / g

    return always(lambda x: close(D(mp.loggamma, x), mp.digamma(x)) and close(ratio(x), mp.digamma(x)), POS)


def _u35_gammaln(points):
    """ln Gamma(|x|) against ln |Gamma(x)|, the docstring's own words, at the points given."""
    return all(close(mp.loggamma(abs(x)), log(abs(mp.gamma(x)))) for x in points)


def _u35_ndtri(factor):
    return all(close(mp.ncdf(factor * mp.erfinv(2 * p - 1)), p) for p in (mpf("0.1"), mpf("0.37"), mpf("0.9")))


def _u35_bessel(order, inner, outer):
    """The series (x/outer)^order sum_k (x^2/inner)^k / (k! (k + order)!) against besseli(order, x)."""

    def series(x):
        s = nsum(lambda k: (x**2 / inner) ** k / (mp.factorial(k) * mp.factorial(k + order)), [0, inf])
        return (x / outer) ** order * s

    return always(lambda x: close(series(x), mp.besseli(order, x)), REAL)


def _u35_multigammaln(c_denominator):
    p, a = 2, mpf("1.6835")
    c = log(pi) * p * (p - 1) / c_denominator
    return rounds_to(c + sum(mp.loggamma(a - mpf(i - 1) / 2) for i in range(1, p + 1)), "0.3928")


def _u35_upper_gamma(written):
    q = quad(lambda t: t**3 * exp(-t), [3, inf]) / mp.gamma(4)
    return close(q, 13 * exp(-3)) and rounds_to(q, written)


def _u35_pp(q, coefficient):
    """The docstring's polynomial of the q-th piecewise polynomial kernel against GPML's, exactly."""
    ok = True
    for j in range(2, 6):
        for r in (Fraction(0), Fraction(1, 3), Fraction(1, 2), Fraction(9, 10)):
            if q == 2:
                doc = 1 + (j + 2) * r + Fraction(j * j + 4 * j + 3, 3) * r**2
                book = Fraction(1, 3) * ((j * j + 4 * j + 3) * r**2 + (3 * j + coefficient) * r + 3)
            else:
                doc = (
                    1
                    + (j + 3) * r
                    + Fraction(6 * j * j + 36 * j + 45, 15) * r**2
                    + Fraction(j**3 + 9 * j * j + 23 * j + 15, 15) * r**3
                )
                book = Fraction(1, 15) * (
                    (j**3 + 9 * j * j + 23 * j + 15) * r**3
                    + (6 * j * j + 36 * j + 45) * r**2
                    + (15 * j + coefficient) * r
                    + 15
                )
            ok = ok and (1 - r) ** (j + q) * doc == (1 - r) ** (j + q) * book
    return ok


def _u35_pp_value(d):
    j = d // 2 + 1 + 1
    r = Fraction(1, 2)
    return max(Fraction(0), 1 - r) ** (j + 1) * ((j + 1) * r + 1) == Fraction("0.1875")


_U35_X = [[mpf("0.5"), mpf("-1.1")], [mpf("2.0"), mpf("0.3")], [mpf("-0.4"), mpf("1.7")]]
_U35_Y = [mpf("1.2"), mpf("-0.7"), mpf("0.4")]


def _u35_lasso(corrected):
    """The lasso objective's gradient by finite differences at w with no zero entry, against the slide's."""
    lam, w = mpf("0.6"), [mpf("0.7"), mpf("-1.2")]
    n = len(_U35_X)

    def J(v):
        return sum((dot(v, x) - y) ** 2 for x, y in zip(_U35_X, _U35_Y)) / n + lam * sum(abs(c) for c in v)

    fd = grad(J, w)
    data = [sum(2 * (dot(w, x) - y) * x[k] for x, y in zip(_U35_X, _U35_Y)) / n for k in range(2)]
    signs = [mp.sign(c) for c in w]
    written = [data[k] + (lam * signs[k] if corrected else lam * sum(signs)) for k in range(2)]
    return close(fd, written, tol=mpf(10) ** -15)


def _u35_closer(sign):
    x0, g, z, t = [mpf("0.3"), mpf("-1.4"), mpf("2.2")], [mpf("1.1"), mpf("0.5"), mpf("-0.8")], [1, 2, -1], mpf("0.45")
    a = [p - q for p, q in zip(x0, z)]
    left = dot([p - t * q for p, q in zip(a, g)], [p - t * q for p, q in zip(a, g)])
    return close(left, dot(a, a) + sign * 2 * t * dot(g, a) + t**2 * dot(g, g))


def _u35_zero(factor):
    g = [mpf("1.1"), mpf("0.5"), mpf("-0.8")]
    return all(
        close(-2 * (factor * c / dot(g, g)) * c + (factor * c / dot(g, g)) ** 2 * dot(g, g), 0)
        for c in (mpf("0.3"), mpf("1.7"))
    )


def _u35_abs(g1):
    grid = [mpf(k) / 2 for k in range(-10, 11)]
    return all(
        3 + g1 * (x1 - 3) + g2 * x2 <= abs(x1) + 2 * abs(x2) + TOL
        for x1 in grid
        for x2 in grid
        for g2 in (mpf(-2), mpf("-0.5"), mpf(2))
    )


def _u35_argmax(f, expected):
    grid = [mpf(k) / 1000 for k in range(1001)]
    best = max(grid, key=f)
    return abs(best - expected) <= mpf(1) / 1000


def _u35_mle(denominator):
    return all(
        _u35_argmax(lambda th, a=a, b=b: th**a * (1 - th) ** b, mpf(a) / denominator(a, b))
        for a, b in ((2, 1), (3, 5), (7, 3))
    )


def _u35_beta_mean(mean_of):
    """The Beta(h, t) mean by quadrature against the written expression, with n = 5 flips."""
    n = 5
    for h, t in ((mpf(2), mpf(3)), (mpf("0.5"), mpf("4.2"))):
        density = lambda th, h=h, t=t: th ** (h - 1) * (1 - th) ** (t - 1) / mp.beta(h, t)  # noqa: E731
        if not close(quad(lambda th: th * density(th), [0, 1]), mean_of(h, t, n)):
            return False
    return True


def _u35_mode(extra):
    return all(
        _u35_argmax(lambda th, h=h, t=t: th ** (h - 1) * (1 - th) ** (t - 1), (h - 1) / (h + t - 2 - extra))
        for h, t in ((mpf(3), mpf(400)), (mpf(2), mpf(5)), (mpf("4.5"), mpf("1.5")))
    )


def _u35_gauss_loglik(sign):
    """Log-likelihood of three points under one bivariate normal, summed directly against the slide's closed form."""
    mu = matrix([[mpf("0.2")], [mpf("-0.5")]])
    S = matrix([[mpf("1.5"), mpf("0.4")], [mpf("0.4"), mpf("0.9")]])
    xs = [
        matrix([[mpf("0.5")], [mpf("-1.1")]]),
        matrix([[mpf("2.0")], [mpf("0.3")]]),
        matrix([[mpf("-0.4")], [mpf("1.7")]]),
    ]
    n, d = len(xs), 2
    Si, det = inverse(S), mp.det(S)

    def quadform(x):
        return ((x - mu).T * Si * (x - mu))[0, 0]

    direct = sum(log((2 * pi) ** (-mpf(d) / 2) * det ** (-mpf(1) / 2) * exp(-quadform(x) / 2)) for x in xs)
    closed = -n * d * log(2 * pi) / 2 - n * log(det) / 2 + sign * sum(quadform(x) for x in xs) / 2
    return close(direct, closed)


def _u35_responsibilities(over_points):
    pis = [mpf("0.2"), mpf("0.5"), mpf("0.3")]
    mus, sds = [mpf(-1), mpf("0.5"), mpf(2)], [mpf("0.7"), mpf(1), mpf("1.5")]
    xs = [mpf("-0.3"), mpf("1.1"), mpf("2.6"), mpf("0.2")]

    def gamma_(i, j):
        num = [p * mp.npdf(xs[i], m, s) for p, m, s in zip(pis, mus, sds)]
        return num[j] / sum(num)

    if over_points:
        return all(close(sum(gamma_(i, j) for i in range(len(xs))), 1) for j in range(3))
    return all(close(sum(gamma_(i, j) for j in range(3)), 1) for i in range(len(xs)))


CHECKS.update(
    {
        "u35-logistic-mean": lambda: _u35_logistic("mean"),
        "u35-logistic-mean~minus": lambda: _u35_logistic("mean", sign=-1),
        "u35-logistic-var": lambda: _u35_logistic("var", right=pi**2 / 3),
        "u35-logistic-var~six": lambda: _u35_logistic("var", right=pi**2 / 6),
        "u35-logistic-skew": lambda: _u35_logistic("skew"),
        "u35-logistic-skew~minus": lambda: _u35_logistic("skew", sign=-1),
        "u35-logistic-kurt": lambda: _u35_logistic("kurt", right=mpf(6) / 5),
        "u35-logistic-kurt~nine": lambda: _u35_logistic("kurt", right=mpf(9) / 5),
        "u35-logistic-median": lambda: close(-log(1 / mpf("0.5") - 1), 0) and -log(2 - 1) == 0,
        "u35-logistic-median~plus": lambda: close(-log(mpf(2) + 1), 0),
        "u35-logistic-entropy": lambda: _u35_entropy(lambda x: exp(-x) / (1 + exp(-x)) ** 2, 1),
        "u35-logistic-entropy~corrected": lambda: _u35_entropy(lambda x: exp(-x) / (1 + exp(-x)) ** 2, 2),
        "u35-cauchy-entropy": lambda: _u35_cauchy_entropy(log(4 * pi)),
        "u35-cauchy-entropy~2pi": lambda: _u35_cauchy_entropy(log(2 * pi)),
        "u35-cauchy-cdf": lambda: _u35_cauchy_cdf(1),
        "u35-cauchy-cdf~2": lambda: _u35_cauchy_cdf(2),
        "u35-cauchy-quantile": lambda: _u35_cauchy_quantile(pi / 2),
        "u35-cauchy-quantile~4": lambda: _u35_cauchy_quantile(pi / 4),
        "u35-norm-entropy": lambda: (
            _u35_entropy(lambda x: exp(-(x**2) / 2) / sqrt(2 * pi), log(sqrt(2 * pi * mp.e)))
            and rounds_to(log(sqrt(2 * pi * mp.e)), "1.4189385332046727418")
        ),
        "u35-norm-entropy~no-e": lambda: rounds_to(log(sqrt(2 * pi)), "1.4189385332046727418"),
        "u35-norm-cdf": lambda: _u35_norm_cdf(sqrt(2)),
        "u35-norm-cdf~2": lambda: _u35_norm_cdf(2),
        "u35-special-erf": lambda: _u35_erf(2),
        "u35-special-erf~1": lambda: _u35_erf(1),
        "u35-special-erfc": lambda: _u35_erfc(-1),
        "u35-special-erfc~plus": lambda: _u35_erfc(1),
        "u35-special-digamma": lambda: _u35_digamma(False),
        "u35-special-digamma~flip": lambda: _u35_digamma(True),
        "u35-special-gammaln": lambda: _u35_gammaln([mpf("-0.5"), mpf("-1.3"), mpf("0.4"), mpf("2.1")]),
        "u35-special-gammaln~positive": lambda: _u35_gammaln([mpf("0.4"), mpf("1.5"), mpf("2.1")]),
        "u35-special-ndtri": lambda: _u35_ndtri(sqrt(2)),
        "u35-special-ndtri~no-sqrt2": lambda: _u35_ndtri(1),
        "u35-special-i0": lambda: _u35_bessel(0, 4, 2),
        "u35-special-i0~2": lambda: _u35_bessel(0, 2, 2),
        "u35-special-i1": lambda: _u35_bessel(1, 4, 2),
        "u35-special-i1~4": lambda: _u35_bessel(1, 4, 4),
        "u35-special-zeta": lambda: rounds_to(nsum(lambda k: 1 / (k + 2) ** 4, [0, inf]), "0.0823"),
        "u35-special-zeta~0822": lambda: rounds_to(nsum(lambda k: 1 / (k + 2) ** 4, [0, inf]), "0.0822"),
        "u35-special-multigammaln": lambda: _u35_multigammaln(4),
        "u35-special-multigammaln~c2": lambda: _u35_multigammaln(2),
        "u35-special-polygamma": lambda: rounds_to(D(mp.digamma, mpf("0.5")), "4.9348"),
        "u35-special-polygamma~at1": lambda: rounds_to(D(mp.digamma, mpf(1)), "4.9348"),
        "u35-special-gammaincc": lambda: _u35_upper_gamma("0.3528"),
        "u35-special-gammaincc~corrected": lambda: _u35_upper_gamma("0.6472"),
        "u35-special-entr": lambda: rounds_to(-mpf("0.5") * log(mpf("0.5")), "0.3466"),
        "u35-special-entr~3465": lambda: rounds_to(-mpf("0.5") * log(mpf("0.5")), "0.3465"),
        "u35-special-erfcx": lambda: rounds_to(exp(1) * mp.erfc(-1), "5.0090"),
        "u35-special-erfcx~minus": lambda: rounds_to(exp(-1) * mp.erfc(-1), "5.0090"),
        "u35-special-log-ndtr": lambda: rounds_to(
            log(quad(lambda t: exp(-(t**2) / 2), [-inf, -1]) / sqrt(2 * pi)), "-1.841"
        ),
        "u35-special-log-ndtr~swap": lambda: rounds_to(
            log(quad(lambda t: exp(-(t**2) / 2), [-inf, -1]) / sqrt(2 * pi)), "-1.814"
        ),
        "u35-pp-q2": lambda: _u35_pp(2, 6),
        "u35-pp-q2~3j3": lambda: _u35_pp(2, 3),
        "u35-pp-q3": lambda: _u35_pp(3, 45),
        "u35-pp-q3~15j15": lambda: _u35_pp(3, 15),
        "u35-pp-q1-value": lambda: _u35_pp_value(2),
        "u35-pp-q1-value~d4": lambda: _u35_pp_value(4),
        "u35-cosine-period": lambda: all(close(cos(pi * p / p), -1) for p in (mpf("0.3"), mpf(2), mpf("7.5"))),
        "u35-cosine-period~one": lambda: all(close(cos(pi * p / p), 1) for p in (mpf("0.3"), mpf(2), mpf("7.5"))),
        "u35-subgrad-lasso-gradient": lambda: _u35_lasso(False),
        "u35-subgrad-lasso-gradient~corrected": lambda: _u35_lasso(True),
        "u35-subgrad-closer": lambda: _u35_closer(-1),
        "u35-subgrad-closer~plus": lambda: _u35_closer(1),
        "u35-subgrad-zero": lambda: _u35_zero(2),
        "u35-subgrad-zero~half": lambda: _u35_zero(1),
        "u35-subgrad-abs": lambda: _u35_abs(1),
        "u35-subgrad-abs~g2": lambda: _u35_abs(2),
        "u35-bayes-mle": lambda: _u35_mle(lambda a, b: a + b),
        "u35-bayes-mle~tails": lambda: _u35_mle(lambda a, b: b),
        "u35-bayes-prior-mean": lambda: _u35_beta_mean(lambda h, t, n: h / (n + h)),
        "u35-bayes-prior-mean~corrected": lambda: _u35_beta_mean(lambda h, t, n: h / (h + t)),
        "u35-bayes-mode": lambda: _u35_mode(0),
        "u35-bayes-mode~minus1": lambda: _u35_mode(-1),
        "u35-gmm-gauss-loglik": lambda: _u35_gauss_loglik(-1),
        "u35-gmm-gauss-loglik~plus": lambda: _u35_gauss_loglik(1),
        "u35-gmm-responsibilities": lambda: _u35_responsibilities(False),
        "u35-gmm-responsibilities~points": lambda: _u35_responsibilities(True),
    }
)


def _u34_rev(corrected, which):
    """The Reformer's reversible layer run forward, then each input stream recovered by the written (or corrected) inverse."""
    fns = [lambda t: t, lambda t: 2 * t + 1, tanh, lambda t: t**2]
    for F in fns:
        for G in fns:
            for x1, x2 in ((mpf(1), mpf(1)), (mpf("0.3"), mpf("-1.2")), (mpf(2), mpf("0.5"))):
                y1 = F(x2 + G(x1)) + x1
                y2 = x2 + G(x1)
                if which == 1:
                    got = y1 - F(y2) if corrected else F(y1) - y1
                    want = x1
                else:
                    got = y2 - G(x1) if corrected else y1 - G(x1)
                    want = x2
                if not close(got, want):
                    return False
    return True


def _u34_order_ratio(power_n):
    """n_c l_c^2 / (n^power l_c) at n = n_c l_c stays one constant on a growing grid (the orders agree) or not."""
    ratios = {Fraction(nc * lc * lc, (nc * lc) ** power_n * lc) for nc in (1, 3, 10, 100) for lc in (1, 4, 64)}
    return len(ratios) == 1


def _u34_matmul(right):
    """x (W + U) against right(x, W, U) for random-looking 2x3 and 3x4 matrices (U = Delta W, or A B)."""
    x = mat([["0.3", "-1.1", "0.7"], ["2.0", "0.4", "-0.6"]])
    W = mat([["0.5", "1.2", "-0.3", "0.8"], ["-0.9", "0.1", "0.6", "1.4"], ["0.2", "-0.7", "1.1", "0.05"]])
    A = mat([["0.4", "-0.2"], ["1.3", "0.6"], ["-0.8", "0.9"]])
    B = mat([["0.7", "-1.0", "0.25", "0.3"], ["-0.4", "0.5", "1.5", "-0.6"]])
    U = A * B
    return close(x * (W + U), right(x, W, U))


def _u34_dpo_logits(beta):
    """The difference of the two log ratios against beta times the difference regrouped by response."""
    for pw, pl, rw, rl in (("0.5", "0.2", "0.3", "0.4"), ("0.05", "0.6", "0.7", "0.01"), ("0.9", "0.9", "0.1", "0.2")):
        pw, pl, rw, rl = mpf(pw), mpf(pl), mpf(rw), mpf(rl)
        left = log(pw / pl) - log(rw / rl)
        if not close(left, beta * log(pw / rw) - beta * log(pl / rl)):
            return False
    return True


def _u34_softmax_entry(index, written, naive=False):
    """The index-th weight of the printed scores of x^(2), by plain division or by softmax, against a written decimal."""
    scores = [mpf(s) for s in ("0.9544", "1.4950", "1.4754", "0.8434", "0.7070", "1.0865")]
    weights = [s / sum(scores) for s in scores] if naive else softmax(scores)
    return rounds_to(weights[index], written)


def _u34_rope_ratio(power):
    """theta_{i+1} / theta_i for theta_i = base^{-2(i-1)/d} against base^{-power/d}."""
    for base in (mpf(10000), mpf(500000)):
        for d in (64, 128):
            for i in (1, 5):
                theta = [base ** (mpf(-2 * (j - 1)) / d) for j in (i, i + 1)]
                if not close(theta[1] / theta[0], base ** (mpf(-power) / d)):
                    return False
    return True


_U34_LORA_BLOCKS = 12 * (4 * 16 * (768 + 768) + 2 * 16 * (768 + 3072))
_U34_G = mat([[1, 2], [2, 4]])


CHECKS.update(
    {
        "u34-reformer-local-memory": lambda: _u34_order_ratio(1),
        "u34-reformer-local-memory~n2": lambda: _u34_order_ratio(2),
        "u34-reformer-pos-size": lambda: Fraction("0.5") * 10**6 * 1024 == 512 * 10**6,
        "u34-reformer-pos-size~51": lambda: Fraction("0.5") * 10**6 * 1024 == Fraction("51.2") * 10**6,
        "u34-reformer-axial-size": lambda: round(Fraction(1024 * 512 + 512 * 512, 10**5)) == 8,
        "u34-reformer-axial-size~700": lambda: round(Fraction(1024 * 512 + 512 * 512, 10**5)) == 7,
        "u34-reformer-axial-shape": lambda: 7 * 7 == 49,
        "u34-reformer-axial-shape~sum": lambda: 7 + 7 == 49,
        "u34-reformer-axial-params": lambda: 512 * 64 + 1024 * 192 == 229376,
        "u34-reformer-axial-params~swap": lambda: 512 * 64 + 1024 * 192 == 229367,
        "u34-reformer-param-diff": lambda: 136572416 - 2584064 == 524288 * 256 - (512 * 64 + 1024 * 192),
        "u34-reformer-param-diff~256": lambda: 136572416 - 2584064 == 524288 * 256 - (512 * 64 + 1024 * 256),
        "u34-reformer-rev-x1": lambda: _u34_rev(False, 1),
        "u34-reformer-rev-x1-corrected": lambda: _u34_rev(True, 1),
        "u34-reformer-rev-x2": lambda: _u34_rev(False, 2),
        "u34-reformer-rev-x2-corrected": lambda: _u34_rev(True, 2),
        "u34-reformer-bert-layer": lambda: Fraction(7415 - 4103, 8) == 414,
        "u34-reformer-bert-layer~441": lambda: Fraction(7415 - 4103, 8) == 441,
        "u34-reformer-rev-layer": lambda: Fraction(5367 - 4607, 8) < 100,
        "u34-reformer-rev-layer~4": lambda: Fraction(5367 - 4607, 4) < 100,
        "u34-cs324-env-gpt3": lambda: rounds_to(1287 * mpf("0.429"), "552"),
        "u34-cs324-env-gpt3~gross": lambda: rounds_to(1287 * mpf("0.478"), "552"),
        "u34-cs324-env-cars": lambda: rounds_to(mpf(626155) / 126000, "5"),
        "u34-cs324-env-cars~4": lambda: rounds_to(mpf(626155) / 126000, "4"),
        "u34-cs324-env-flight": lambda: rounds_to(1984 * mpf("0.45359237"), "900"),
        "u34-cs324-env-flight~980": lambda: rounds_to(1984 * mpf("0.45359237"), "980"),
        "u34-ch03-omega21": lambda: (
            dot(
                [Fraction("0.43"), Fraction("0.15"), Fraction("0.89")],
                [Fraction("0.55"), Fraction("0.87"), Fraction("0.66")],
            )
            == Fraction("0.9544")
        ),
        "u34-ch03-omega21~swap": lambda: (
            dot(
                [Fraction("0.43"), Fraction("0.15"), Fraction("0.89")],
                [Fraction("0.55"), Fraction("0.87"), Fraction("0.66")],
            )
            == Fraction("0.9454")
        ),
        "u34-ch03-omega22": lambda: (
            dot(
                [Fraction("0.55"), Fraction("0.87"), Fraction("0.66")],
                [Fraction("0.55"), Fraction("0.87"), Fraction("0.66")],
            )
            == Fraction("1.4950")
        ),
        "u34-ch03-omega22~sum": lambda: (
            dot(
                [Fraction("0.55"), Fraction("0.87"), Fraction("0.66")],
                [Fraction("0.55"), Fraction("0.87"), Fraction("0.66")],
            )
            == Fraction("1.4590")
        ),
        "u34-ch03-naive": lambda: _u34_softmax_entry(0, "0.1455", naive=True),
        "u34-ch03-naive~softmax": lambda: _u34_softmax_entry(0, "0.1385", naive=True),
        "u34-ch03-softmax": lambda: _u34_softmax_entry(1, "0.2379"),
        "u34-ch03-softmax~naive": lambda: _u34_softmax_entry(1, "0.2278"),
        "u34-appd-l2": lambda: all(
            close(sqrt(sum(x**2 for x in v)), mp.norm(matrix(v)))
            for v in ([mpf("0.7")], [mpf(3), mpf(-4)], [mpf("0.1"), mpf("-2.2"), mpf("1.3"), mpf("0.4"), mpf(5)])
        ),
        "u34-appd-l2~nosquare": lambda: all(
            close(sqrt(sum(x for x in v)), mp.norm(matrix(v))) for v in ([mpf(3), mpf(4)], [mpf("0.5"), mpf("0.25")])
        ),
        "u34-appd-gnorm": lambda: (
            1**2 + 2**2 + 2**2 + 4**2 == 25
            and close(mp.mnorm(_U34_G, "f"), 5)
            and close(max(abs(e) for e in mp.eigsy(_U34_G)[0]), 5)
        ),
        "u34-appd-gnorm~entry": lambda: 1**2 + 2**2 + 4**2 == 25,
        "u34-appd-factor": lambda: close(1 / mp.mnorm(_U34_G, "f"), mpf(1) / 5),
        "u34-appd-factor~25": lambda: close(1 / mp.mnorm(_U34_G, "f"), mpf(1) / 25),
        "u34-appd-scaled": lambda: close(_U34_G / 5, mat([[mpf(1) / 5, mpf(2) / 5], [mpf(2) / 5, mpf(4) / 5]])),
        "u34-appd-scaled~entry": lambda: close(_U34_G / 5, mat([[mpf(1) / 5, mpf(2) / 5], [mpf(2) / 5, mpf(3) / 5]])),
        "u34-appe-full": lambda: _u34_matmul(lambda x, W, U: x * W + x * U),
        "u34-appe-full~minus": lambda: _u34_matmul(lambda x, W, U: x * W - x * U),
        "u34-appe-lora": lambda: _u34_matmul(lambda x, W, U: x * W + x * U),
        "u34-appe-lora~two": lambda: _u34_matmul(lambda x, W, U: x * W + 2 * (x * U)),
        "u34-appe-count": lambda: _U34_LORA_BLOCKS + 16 * (768 + 2) == 2666528,
        "u34-appe-count~vocab": lambda: _U34_LORA_BLOCKS + 16 * (768 + 50257) == 2666528,
        "u34-appe-ratio": lambda: rounds_to(mpf(124441346) / 2666528, "46.7"),
        "u34-appe-ratio~47-6": lambda: rounds_to(mpf(124441346) / 2666528, "47.6"),
        "u34-dpo-log-quotient": lambda: identity(
            lambda a, b: log(a / b),
            lambda a, b: log(a) - log(b),
            points=[(mpf("0.3"), mpf(2)), (mpf(5), mpf("0.7")), (mpf(1), mpf(1))],
        ),
        "u34-dpo-log-quotient~plus": lambda: identity(
            lambda a, b: log(a / b), lambda a, b: log(a) + log(b), points=[(mpf("0.3"), mpf(2)), (mpf(5), mpf("0.7"))]
        ),
        "u34-dpo-logits": lambda: _u34_dpo_logits(1),
        "u34-dpo-logits~beta": lambda: _u34_dpo_logits(mpf("0.1")),
        "u34-dpo-start": lambda: close(
            -log(sigmoid(mpf("0.1") * log(mpf("0.3") / mpf("0.3")) - mpf("0.1") * log(mpf("0.2") / mpf("0.2")))), log(2)
        ),
        "u34-dpo-start~zero": lambda: close(
            -log(sigmoid(mpf("0.1") * log(mpf("0.3") / mpf("0.3")) - mpf("0.1") * log(mpf("0.2") / mpf("0.2")))), 0
        ),
        "u34-llama2-silu": lambda: rounds_to(1 * sigmoid(mpf(1)), "0.731"),
        "u34-llama2-silu~269": lambda: rounds_to(1 * sigmoid(mpf(1)), "0.269"),
        "u34-llama2-rms": lambda: rounds_to(sqrt(0 + (mpf(3) ** 2 + mpf(4) ** 2) / 2), "3.536"),
        "u34-llama2-rms~norm": lambda: rounds_to(sqrt(0 + (mpf(3) ** 2 + mpf(4) ** 2) / 2), "5"),
        "u34-llama3-theta": lambda: close(mpf(10000) ** (mpf(-2 * (33 - 1)) / 128), mpf("0.01")),
        "u34-llama3-theta~001": lambda: close(mpf(10000) ** (mpf(-2 * (33 - 1)) / 128), mpf("0.001")),
        "u34-llama3-theta500k": lambda: rounds_to(mpf(500000) ** (mpf(-2 * (33 - 1)) / 128), "0.0014"),
        "u34-llama3-theta500k~0141": lambda: rounds_to(mpf(500000) ** (mpf(-2 * (33 - 1)) / 128), "0.0141"),
        "u34-llama3-ratio": lambda: _u34_rope_ratio(2),
        "u34-llama3-ratio~half": lambda: _u34_rope_ratio(1),
    }
)


# ---- trees3: a third round of whole documentation trees (tr3-) ----------------------------------------------------


def _tr3_homl_product_rule(factor):
    # v(x) = 2x^2: v'(x) against factor * d/dx[x^2] + d/dx[2] * x^2, the derivative of the constant 2 being 0
    return all(close(D(lambda t: 2 * t**2, x), factor * D(lambda t: t**2, x) + 0 * x**2) for (x,) in REAL)


def _tr3_homl_extrema(value):
    f = lambda x: x**4 / 4 - x**2 + mpf(1) / 2  # noqa: E731 (the page's f)
    return close(f(sqrt(2)), f(-sqrt(2))) and close(f(sqrt(2)), value)


def _tr3_homl_second_partial(with_y):
    # f(x, y) = x^2 y + y + 2; its first derivative in x is 2xy, and the second 2y
    points = [(mpf("0.7"), mpf("-1.3")), (mpf("2.1"), mpf("0.4"))]
    return all(
        close(D(lambda t: D(lambda s: s**2 * y + y + 2, t), x), 2 * y if with_y else 2 * x)
        and close(D(lambda s: s**2 * y + y + 2, x), 2 * x * y)
        for x, y in points
    )


def _tr3_homl_reverse_mode(written):
    # z = sin(s_1): dz/ds_1 = cos(s_1), at s_1 = 3^2
    return close(D(sin, mpf(9)), cos(9)) and rounds_to(cos(9), written)


def _tr3_homl_forward_mode(written):
    # dz/dx = ds_1/dx * dz/ds_1 = 2x cos(x^2) at x = 3
    return close(D(lambda x: sin(x**2), mpf(3)), 6 * cos(9)) and rounds_to(6 * cos(9), written)


def _tr3_triangular(offset):
    return all(sum(range(1, n + 1)) == Fraction(n * (n + offset), 2) for n in range(1, 12))


def _tr3_norm_scale(absolute):
    x = [mpf("0.3"), mpf("-1.2"), mpf("2.5")]
    return all(
        close(norm([a * v for v in x]), (abs(a) if absolute else a) * norm(x)) for a in (mpf("-1.5"), mpf("0.7"))
    )


def _tr3_js(p, q):
    m = [(a + b) / 2 for a, b in zip(p, q)]
    return (kl(p, m) + kl(q, m)) / 2


def _tr3_ae_loss(mean_of_squares):
    x, x_hat = [mpf("0.9"), mpf("0.2"), mpf("-0.4")], [mpf("0.5"), mpf("0.3"), mpf("0.1")]
    squares = sum((a - b) ** 2 for a, b in zip(x, x_hat))
    return close(norm([a - b for a, b in zip(x, x_hat)]) ** 2, squares / len(x) if mean_of_squares else squares)


def _tr3_log_derivative(with_q):
    # q_phi(z) = exp(-(z - phi)^2 / 2) / sqrt(2 pi), a density depending on phi; the gradient in phi at z = 0.8
    def q(phi, z=mpf("0.8")):
        return exp(-((z - phi) ** 2) / 2) / sqrt(2 * pi)

    return all(
        close(D(q, phi), (q(phi) if with_q else 1) * D(lambda t: log(q(t)), phi)) for phi in (mpf("0.3"), mpf("-1.1"))
    )


def _tr3_joint(second):
    # a joint law of two binary outcomes: p(x_1, x_2) against p(x_2 | x_1) p(x_1) (or p(x_2)) at every pair
    joint = {(0, 0): Fraction(1, 10), (0, 1): Fraction(3, 10), (1, 0): Fraction(2, 5), (1, 1): Fraction(1, 5)}

    def marginal(k, v):
        return sum(p for pair, p in joint.items() if pair[k] == v)

    return all(
        p == p / marginal(0, a) * marginal(1 if second else 0, b if second else a) for (a, b), p in joint.items()
    )


def _tr3_jax_f(x):
    return x**3 + 2 * x**2 - 3 * x + 1


CHECKS.update(
    {
        "tr3-homl-sqrt-derivative": lambda: identity(
            lambda x: D(sqrt, x), lambda x: x ** mpf(-0.5) / 2, lambda x: 1 / (2 * sqrt(x)), points=POS
        ),
        "tr3-homl-sqrt-derivative~two": lambda: identity(
            lambda x: D(sqrt, x), lambda x: x ** mpf(-0.5) / 2, lambda x: 1 / sqrt(x), points=POS
        ),
        "tr3-homl-reciprocal-derivative": lambda: identity(
            lambda x: D(lambda t: 1 / t, x), lambda x: -(x**-2), lambda x: -1 / x**2
        ),
        "tr3-homl-reciprocal-derivative~sign": lambda: identity(
            lambda x: D(lambda t: 1 / t, x), lambda x: -(x**-2), lambda x: 1 / x**2
        ),
        "tr3-homl-sinc-even": lambda: identity(lambda t: sin(-t) / -t, lambda t: sin(t) / t),
        "tr3-homl-sinc-even~odd": lambda: identity(lambda t: sin(-t) / -t, lambda t: -sin(t) / t),
        "tr3-homl-half-angle": lambda: identity(lambda t: pi * t / (2 * pi), lambda t: t / 2),
        "tr3-homl-half-angle~pi": lambda: identity(lambda t: pi * t / (2 * pi), lambda t: t / pi),
        "tr3-homl-tangent": lambda: all(
            close(a**2 + 2 * a * (x - a), 2 * a * x - a**2) for a, x in ((mpf("0.7"), mpf("-1.2")), (mpf(2), mpf(3)))
        ),
        "tr3-homl-tangent~plus": lambda: all(
            close(a**2 + 2 * a * (x - a), 2 * a * x + a**2) for a, x in ((mpf("0.7"), mpf("-1.2")), (mpf(2), mpf(3)))
        ),
        "tr3-homl-product-rule": lambda: _tr3_homl_product_rule(2),
        "tr3-homl-product-rule~three": lambda: _tr3_homl_product_rule(3),
        "tr3-homl-extrema": lambda: _tr3_homl_extrema(mpf(-1) / 2),
        "tr3-homl-extrema~quarter": lambda: _tr3_homl_extrema(mpf(-1) / 4),
        "tr3-homl-second-partial": lambda: _tr3_homl_second_partial(True),
        "tr3-homl-second-partial~x": lambda: _tr3_homl_second_partial(False),
        "tr3-homl-reverse-mode": lambda: _tr3_homl_reverse_mode("-0.91"),
        "tr3-homl-reverse-mode~sign": lambda: _tr3_homl_reverse_mode("0.91"),
        "tr3-homl-forward-mode": lambda: _tr3_homl_forward_mode("-5.46"),
        "tr3-homl-forward-mode~corrected": lambda: _tr3_homl_forward_mode("-5.47"),
        "tr3-homl-determinant": lambda: (
            1 * (-48) - 2 * (-42) + 3 * (-3) == 27 and (5 * 0 - 6 * 8, 4 * 0 - 6 * 7, 4 * 8 - 5 * 7) == (-48, -42, -3)
        ),
        "tr3-homl-determinant~25": lambda: 1 * (-48) - 2 * (-42) + 3 * (-3) == 25,
        "tr3-homl-triangular": lambda: _tr3_triangular(1),
        "tr3-homl-triangular~minus": lambda: _tr3_triangular(-1),
        "tr3-homl-exp-log": lambda: identity(lambda a: exp(log(a)), lambda a: a, points=POS),
        "tr3-homl-exp-log~square": lambda: identity(lambda a: exp(log(a)), lambda a: a**2, points=POS),
        "tr3-dln-tanh-exp": lambda: identity(tanh, lambda x: (exp(x) - exp(-x)) / (exp(x) + exp(-x))),
        "tr3-dln-tanh-exp~plus": lambda: identity(tanh, lambda x: (exp(x) + exp(-x)) / (exp(x) + exp(-x))),
        "tr3-dln-tanh-sigmoid": lambda: identity(tanh, lambda x: 2 / (1 + exp(-2 * x)) - 1),
        "tr3-dln-tanh-sigmoid~x": lambda: identity(tanh, lambda x: 2 / (1 + exp(-x)) - 1),
        "tr3-dln-tanh-derivative": lambda: identity(lambda x: D(tanh, x), lambda x: 1 - tanh(x) ** 2),
        "tr3-dln-tanh-derivative~plus": lambda: identity(lambda x: D(tanh, x), lambda x: 1 + tanh(x) ** 2),
        "tr3-dln-norm-scale": lambda: _tr3_norm_scale(True),
        "tr3-dln-norm-scale~alpha": lambda: _tr3_norm_scale(False),
        "tr3-dln-js-symmetric": lambda: close(
            _tr3_js([mpf("0.2"), mpf("0.5"), mpf("0.3")], [mpf("0.6"), mpf("0.1"), mpf("0.3")]),
            _tr3_js([mpf("0.6"), mpf("0.1"), mpf("0.3")], [mpf("0.2"), mpf("0.5"), mpf("0.3")]),
        ),
        "tr3-dln-ae-loss": lambda: _tr3_ae_loss(True),
        "tr3-dln-ae-loss~corrected": lambda: _tr3_ae_loss(False),
        "tr3-pyro-period": lambda: rounds_to(2 * pi / 3, "2.09"),
        "tr3-pyro-period~208": lambda: rounds_to(2 * pi / 3, "2.08"),
        "tr3-pyro-fairness": lambda: Fraction(16, 30) == Fraction(5, 10) + Fraction(3, 90),
        "tr3-pyro-fairness~6": lambda: Fraction(16, 30) == Fraction(6, 10) + Fraction(3, 90),
        "tr3-pyro-mnist": lambda: 28 * 28 == 784,
        "tr3-pyro-mnist~748": lambda: 28 * 28 == 748,
        "tr3-pyro-log-derivative": lambda: _tr3_log_derivative(True),
        "tr3-pyro-log-derivative~no-q": lambda: _tr3_log_derivative(False),
        "tr3-pyro-joint": lambda: _tr3_joint(False),
        "tr3-pyro-joint~x2": lambda: _tr3_joint(True),
        "tr3-jax-derivative-at-1": lambda: close(D(_tr3_jax_f, mpf(1)), 4),
        "tr3-jax-derivative-at-1~5": lambda: close(D(_tr3_jax_f, mpf(1)), 5),
        "tr3-jax-second-derivative": lambda: identity(lambda x: D(_tr3_jax_f, x, 2), lambda x: 6 * x + 4),
        "tr3-jax-second-derivative~2": lambda: identity(lambda x: D(_tr3_jax_f, x, 2), lambda x: 6 * x + 2),
    }
)


# ---- trees4: a fourth round of whole documentation trees (tr4-) ----------------------------------------------------

_TR4_VECTORS = [
    ([mpf("0.3"), mpf("-1.2"), mpf("2.0")], [mpf("-0.7"), mpf("0.4"), mpf("1.1")]),
    ([mpf("1.5"), mpf("0.2")], [mpf("-2.5"), mpf("0.9")]),
]


def _tr4_scale(t, u):
    return [t * a for a in u]


def _tr4_norm_convex(last_weight_of_y):
    # for t in [0, 1]: the triangle inequality, homogeneity, then |t| = t and |1 - t| = 1 - t
    for x, y in _TR4_VECTORS:
        for t in (mpf(0), mpf("0.25"), mpf("0.8"), mpf(1)):
            tx, sy = _tr4_scale(t, x), _tr4_scale(1 - t, y)
            first = norm([a + b for a, b in zip(tx, sy)])
            links = [norm(tx) + norm(sy), abs(t) * norm(x) + abs(1 - t) * norm(y)]
            links.append(t * norm(x) + last_weight_of_y(t) * norm(y))
            if not (first <= links[0] + TOL and close(links[0], links[1]) and close(links[1], links[2])):
                return False
    return True


def _tr4_norm_homogeneous(scale):
    return all(
        close(norm(_tr4_scale(alpha, x)), scale(alpha) * norm(x))
        for x, _ in _TR4_VECTORS
        for alpha in (mpf("-1.7"), mpf("0.6"), mpf(3))
    )


def _tr4_triangle(holds):
    pairs = _TR4_VECTORS + [([mpf(1), mpf(0)], [mpf(0), mpf(1)])]
    return all(holds(norm([a + b for a, b in zip(x, y)]), norm(x) + norm(y)) for x, y in pairs)


def _tr4_geometric(power):
    return all(
        close(sum(c**k for k in range(T + 1)), (1 - c ** (T + power)) / (1 - c))
        for c in (mpf("-0.6"), mpf("0.3"), mpf("2.5"))
        for T in (1, 2, 5)
    )


def _tr4_mobility(last):
    return all(Fraction(1, N - 1) * Fraction(1, N) * Fraction(N * (N - 1) * (N + 1), 3) == last(N) for N in range(2, 9))


def _tr4_lognormal_pdf(x, m, s):
    # the density of exp(Z), Z normal with mean m and deviation s: the normal cdf of (ln x - m)/s, differentiated
    return D(lambda t: (1 + erf((log(t) - m) / (s * sqrt(2)))) / 2, x)


def _tr4_lognormal(square_inside):
    for x, m, s in ((mpf("0.8"), mpf("0.1"), mpf("0.5")), (mpf("2.3"), mpf("-0.4"), mpf("1.2"))):
        z = (log(x) - m) / s
        exponential = exp(-(z**2) / 2) if square_inside else exp(-z / 2) ** 2
        if not close(_tr4_lognormal_pdf(x, m, s), exponential / (x * s * sqrt(2 * pi)), tol=mpf(10) ** -10):
            return False
    return True


def _tr4_squared_error(written):
    errors = (Fraction(1, 100) - Fraction(-1, 100)) ** 2, (Fraction(1, 100) - Fraction(3, 100)) ** 2
    return errors[0] == errors[1] == Fraction(written)


def _tr4_coin_posterior(last):
    # Bayes' rule: P(X | A) = 1 with no bug (prior p), P(X | not A) = 0.5
    return all(close(1 * p / (1 * p + mpf("0.5") * (1 - p)), last(p)) for p in (mpf("0.1"), mpf("0.5"), mpf("0.93")))


def _tr4_lu_differential(swapped):
    # d(LU) is the derivative in t of (L + t dL)(U + t dU) at t = 0, for matrices that do not commute
    L, U = matrix([[1, 2], [0, 3]]), matrix([[2, 0], [1, -1]])
    dL, dU = matrix([[0, 1], [4, 0]]), matrix([[1, -2], [0, 5]])
    h = mpf(1)  # the product is quadratic in t, so the central difference is its derivative exactly
    derivative = ((L + h * dL) * (U + h * dU) - (L - h * dL) * (U - h * dU)) / (2 * h)
    return close(derivative, (U * dL if swapped else dL * U) + L * dU)


CHECKS.update(
    {
        "tr4-math4ml-norm-convex": lambda: _tr4_norm_convex(lambda t: 1 - t),
        "tr4-math4ml-norm-convex~t": lambda: _tr4_norm_convex(lambda t: t),
        "tr4-math4ml-norm-homogeneous": lambda: _tr4_norm_homogeneous(abs),
        "tr4-math4ml-norm-homogeneous~no-abs": lambda: _tr4_norm_homogeneous(lambda alpha: alpha),
        "tr4-math4ml-triangle": lambda: _tr4_triangle(lambda left, right: left <= right + TOL),
        "tr4-math4ml-triangle~reversed": lambda: _tr4_triangle(lambda left, right: left + TOL >= right),
        "tr4-qe-imaginary-unit": lambda: complex(0, 1) ** 2 == -1,
        "tr4-qe-imaginary-unit~one": lambda: complex(0, 1) ** 2 == 1,
        "tr4-qe-double-angle": lambda: identity(
            lambda t: cos(2 * t), lambda t: 2 * cos(t) ** 2 - 1, lambda t: 1 - 2 * sin(t) ** 2
        ),
        "tr4-qe-double-angle~one": lambda: identity(
            lambda t: cos(2 * t), lambda t: 2 * cos(t) ** 2 - 1, lambda t: 1 - sin(t) ** 2
        ),
        "tr4-qe-geometric-finite": lambda: _tr4_geometric(1),
        "tr4-qe-geometric-finite~power": lambda: _tr4_geometric(0),
        "tr4-qe-mobility-bound": lambda: _tr4_mobility(lambda N: Fraction(N + 1, 3)),
        "tr4-qe-mobility-bound~N": lambda: _tr4_mobility(lambda N: Fraction(N, 3)),
        "tr4-qe-lognormal-density": lambda: _tr4_lognormal(False),
        "tr4-qe-lognormal-density~corrected": lambda: _tr4_lognormal(True),
        "tr4-bmh-squared-error": lambda: _tr4_squared_error("0.004"),
        "tr4-bmh-squared-error~corrected": lambda: _tr4_squared_error("0.0004"),
        "tr4-bmh-coin-posterior": lambda: _tr4_coin_posterior(lambda p: 2 * p / (1 + p)),
        "tr4-bmh-coin-posterior~half": lambda: _tr4_coin_posterior(lambda p: p / (1 + p)),
        "tr4-bmh-pairs": lambda: Fraction(1, 2) * 23 * 22 == 253 == comb(23, 2),
        "tr4-bmh-pairs~256": lambda: Fraction(1, 2) * 23 * 22 == 256,
        "tr4-mc-lu-differential": lambda: _tr4_lu_differential(False),
        "tr4-mc-lu-differential~order": lambda: _tr4_lu_differential(True),
    }
)


# ---- held-out batch 37: JAX special and stats docstrings, PyMC distribution tables, math4ml LaTeX notes ----

_U37_AB = ((mpf("0.7"), mpf("2.5")), (mpf(3), mpf("1.4")), (mpf(2), mpf(2)))
_U37_P = (mpf("0.1"), mpf("0.37"), mpf("0.9"))
_U37_GUMBEL = (
    (mpf("-1.3"), mpf("0.2"), mpf("0.8")),
    (mpf("0.4"), mpf("-0.5"), mpf("1.7")),
    (mpf("2.1"), mpf(1), mpf("2.5")),
)


def _u37_beta(extra):
    """The beta integral by quadrature against Gamma(a)Gamma(b)/Gamma(a + b + extra)."""
    return all(
        close(
            quad(lambda t: t ** (a - 1) * (1 - t) ** (b - 1), [0, 1]),
            mp.gamma(a) * mp.gamma(b) / mp.gamma(a + b + extra),
        )
        for a, b in _U37_AB
    )


def _u37_betainc(corrected):
    """The regularized incomplete beta function (mpmath) against the written integral."""
    for a, b, x in ((mpf(2), mpf(3), mpf("0.5")), (mpf("0.7"), mpf("2.5"), mpf("0.3"))):
        truth = mp.betainc(a, b, 0, x, regularized=True)
        if corrected:
            written = quad(lambda t: t ** (a - 1) * (1 - t) ** (b - 1), [0, x]) / mp.beta(a, b)
        else:
            written = mp.beta(a, b) * quad(lambda t: t ** (a - 1) * (1 - t ** (b - 1)), [0, x])
        if not close(truth, written, tol=mpf(10) ** -15):
            return False
    return True


def _u37_polygamma(order_shift):
    """psi^(n)(x) (mpmath) against the (n + order_shift)-th derivative of log Gamma, by finite differences."""
    return all(
        close(mp.polygamma(n, x), diff(mp.loggamma, x, n + order_shift), tol=mpf(10) ** -15)
        for n in (0, 1, 2)
        for x in (mpf("0.37"), mpf("1.9"), mpf("3.2"))
    )


def _u37_ndtr(written):
    return all(close(mp.ncdf(x), written(x)) for (x,) in REAL)


def _u37_expn(power):
    return all(
        close(mp.expint(n, x), x ** (power(n)) * quad(lambda t: exp(-t) / t**n, [x, inf]), tol=mpf(10) ** -15)
        for n in (1, 2, 3)
        for x in (mpf("0.37"), mpf("1.9"))
    )


def _u37_poch(shift):
    return all(
        close(prod((z + k for k in range(m)), start=mpf(1)), mp.gamma(z + m - shift) / mp.gamma(z))
        for m in range(1, 6)
        for (z,) in POS
    )


def _u37_hyp1f1(shift):
    def rising(a, k):
        return mp.gamma(a + k) / mp.gamma(a)

    return all(
        close(
            mp.hyp1f1(a, b, x),
            nsum(lambda k: rising(a, k) / (rising(b, k) * mp.factorial(k)) * x ** (k + shift), [0, inf]),
        )
        for a, b, x in (
            (mpf("0.5"), mpf("1.5"), mpf("-1.3")),
            (mpf(2), mpf("3.5"), mpf("0.4")),
            (mpf("1.2"), mpf("0.7"), mpf("2.1")),
        )
    )


def _u37_gumbel_cdf(density, cdf, lower=lambda mu, beta: -inf):
    """The cdf written in the docstring against the quadrature of its pdf from minus infinity."""
    return all(
        close(quad(lambda t: density(t, mu, beta), [lower(mu, beta), mu, x]), cdf(x, mu, beta), tol=mpf(10) ** -15)
        for x, mu, beta in _U37_GUMBEL
    )


def _u37_gumbel_r_pdf(x, mu, beta):
    z = (x - mu) / beta
    return exp(-z - exp(-z)) / beta


def _u37_gumbel_r_floor(mu, beta):
    """Below mu - 8 beta the right-skewed density is under exp(-e^8), about 1e-1294: nothing at 40 digits."""
    return mu - 8 * beta


def _u37_gumbel_l_pdf(x, mu, beta):
    z = (x - mu) / beta
    return exp(z - exp(z)) / beta


def _u37_gumbel_ppf(cdf, ppf):
    return all(close(cdf(ppf(p, mu, beta), mu, beta), p) for p in _U37_P for _, mu, beta in _U37_GUMBEL)


def _u37_gumbel_r_norm(factor):
    return all(
        close(factor * quad(lambda x: _u37_gumbel_r_pdf(x, mu, beta), [_u37_gumbel_r_floor(mu, beta), mu, inf]), 1)
        for _, mu, beta in _U37_GUMBEL
    )


def _u37_wrapcauchy_norm(denominator):
    return all(
        close(quad(lambda x: (1 - c**2) / (denominator * (1 + c**2 - 2 * c * cos(x))), [0, pi, 2 * pi]), 1)
        for c in (mpf("0.1"), mpf("0.5"), mpf("0.9"))
    )


def _u37_wrapcauchy_at_zero(written):
    return all(
        (1 - c**2) / (1 + c**2 - 2 * c) == written(c) for c in (Fraction(1, 10), Fraction(1, 2), Fraction(9, 10))
    )


def _u37_moments(density, support):
    """(mean, variance) of a density by quadrature over the list of breakpoints ``support``."""
    m = quad(lambda x: x * density(x), support)
    return m, quad(lambda x: (x - m) ** 2 * density(x), support)


def _u37_kumaraswamy(which, written):
    for a, b in ((mpf("0.5"), mpf("0.5")), (mpf(2), mpf(5)), (mpf(5), mpf(1))):
        m, v = _u37_moments(lambda x, a=a, b=b: a * b * x ** (a - 1) * (1 - x**a) ** (b - 1), [0, mpf(1) / 2, 1])
        if not close((m, v)[which], written(a, b), tol=mpf(10) ** -12):
            return False
    return True


def _u37_exponential_var(written):
    return all(
        close(_u37_moments(lambda x, lam=lam: lam * exp(-lam * x), [0, inf])[1], written(lam))
        for lam in (mpf("0.5"), mpf(1), mpf(2))
    )


def _u37_laplace_var(written):
    return all(
        close(_u37_moments(lambda x, mu=mu, b=b: exp(-abs(x - mu) / b) / (2 * b), [-inf, mu, inf])[1], written(b))
        for mu, b in ((mpf(0), mpf(1)), (mpf(-5), mpf(4)))
    )


def _u37_asymmetric_laplace(which, written):
    for b, k, mu in ((mpf(1), mpf("0.5"), mpf("0.3")), (mpf(2), mpf(2), mpf(-1))):

        def density(x, b=b, k=k, mu=mu):
            s = mp.sign(x - mu)
            return b / (k + 1 / k) * exp(-(x - mu) * b * s * k**s)

        if not close(_u37_moments(density, [-inf, mu, inf])[which], written(b, k, mu)):
            return False
    return True


def _u37_lognormal(which, written):
    for mu, tau in ((mpf(0), mpf(16)), (mpf("0.3"), mpf(1)), (mpf("-0.5"), mpf(4))):

        def density(x, mu=mu, tau=tau):
            return sqrt(tau / (2 * pi)) * exp(-tau / 2 * (log(x) - mu) ** 2) / x

        if not close(_u37_moments(density, [0, exp(mu), inf])[which], written(mu, tau), tol=mpf(10) ** -15):
            return False
    return True


def _u37_pareto(which, written, alphas):
    for alpha, m in alphas:
        # moments of alpha m^alpha / x^(alpha + 1) on [m, inf), in closed form from the integrals of x^(k - alpha - 1)
        e1 = quad(lambda x, alpha=alpha, m=m: x * alpha * m**alpha / x ** (alpha + 1), [m, inf])
        e2 = quad(lambda x, alpha=alpha, m=m: x**2 * alpha * m**alpha / x ** (alpha + 1), [m, inf])
        if not close((e1, e2 - e1**2)[which], written(alpha, m), tol=mpf(10) ** -15):
            return False
    return True


_U37_X = {0: Fraction(1, 2), 1: Fraction(1, 3), 5: Fraction(1, 6)}
_U37_X2 = {-2: Fraction(1, 4), 1: Fraction(3, 4)}
# a joint law of (X, Y, Z) on four points
_U37_JOINT = {
    (1, 0, 2): Fraction(1, 8),
    (-1, 3, 0): Fraction(3, 8),
    (2, 2, -1): Fraction(1, 4),
    (0, -2, 5): Fraction(1, 4),
}


def _u37_e(f):
    return sum(f(*pt) * p for pt, p in _U37_JOINT.items())


def _u37_cov(f, g):
    return _u37_e(lambda *w: f(*w) * g(*w)) - _u37_e(f) * _u37_e(g)


def _u37_var_shortcut(sign):
    return all(var(d) == expect(d, lambda v: v * v) + sign * mean(d) ** 2 for d in (_U37_X, _U37_X2))


def _u37_var_affine(power):
    return all(
        var(push(_U37_X, lambda v, a=a, b=b: a * v + b)) == a**power * var(_U37_X)
        for a, b in ((3, -1), (Fraction(-1, 2), 2))
    )


def _u37_cov_shortcut(sign):
    x, y = (lambda a, b, c: a), (lambda a, b, c: b)
    left = _u37_e(lambda *w: (x(*w) - _u37_e(x)) * (y(*w) - _u37_e(y)))
    return left == _u37_e(lambda *w: x(*w) * y(*w)) + sign * _u37_e(x) * _u37_e(y)


def _u37_cov_bilinear(power):
    al, be = 2, -3
    x, y, z = (lambda a, b, c: a), (lambda a, b, c: b), (lambda a, b, c: c)
    left = _u37_cov(lambda *w: al * x(*w) + be * y(*w), z)
    return left == al**power * _u37_cov(x, z) + be * _u37_cov(y, z)


def _u37_linearity(beta_times):
    alphas, beta, n = (1, -2, Fraction(1, 2)), 3, 3
    left = _u37_e(lambda *w: sum(a * v for a, v in zip(alphas, w)) + beta)
    right = sum(a * _u37_e(lambda *w, i=i: w[i]) for i, a in enumerate(alphas)) + beta_times(n) * beta
    return left == right


_U37_OMEGA = range(1, 7)
_U37_A, _U37_B = {1, 2, 3}, {3, 4}


def _u37_pr(event):
    return Fraction(len(event), len(_U37_OMEGA))


def _u37_union(sign):
    return _u37_pr(_U37_A | _U37_B) == _u37_pr(_U37_A) + _u37_pr(_U37_B) + sign * _u37_pr(_U37_A & _U37_B)


def _u37_bayes(swapped):
    pa, pb, pab = _u37_pr(_U37_A), _u37_pr(_U37_B), _u37_pr(_U37_A & _U37_B)
    b_given_a = pab / pa
    return pab / pb == (b_given_a * pb / pa if swapped else b_given_a * pa / pb)


def _u37_gauss(constant):
    return all(
        close(
            quad(
                lambda x, mu=mu, s=s: exp(-((x - mu) ** 2) / (2 * s**2)) / sqrt(constant * pi * s**2), [-inf, mu, inf]
            ),
            1,
        )
        for mu, s in ((mpf(0), mpf(1)), (mpf("1.5"), mpf("0.3")), (mpf(-2), mpf("2.5")))
    )


_U37_XV = [mpf("0.3"), mpf("-1.4"), mpf("2.2")]
_U37_AV = [mpf("1.1"), mpf("0.5"), mpf("-0.8")]
_U37_M = [[mpf(1), mpf(2), mpf(0)], [mpf(-1), mpf(3), mpf("0.5")], [mpf(4), mpf(0), mpf(-2)]]
_U37_S = [[mpf(2), mpf(1), mpf(-1)], [mpf(1), mpf(3), mpf("0.5")], [mpf(-1), mpf("0.5"), mpf(1)]]


def _u37_matvec(m, x):
    return [dot(row, x) for row in m]


def _u37_quadratic_gradient(m, written):
    fd = grad(lambda v: dot(v, _u37_matvec(m, v)), _U37_XV)
    return close(fd, written(m), tol=mpf(10) ** -15)


def _u37_transpose(m):
    return [list(r) for r in zip(*m)]


def _u37_chain(outer_at_g):
    def g(x):
        return exp(x / 2)

    def dg(x):
        return exp(x / 2) / 2

    return identity(lambda x: D(lambda t: sin(g(t)), x), lambda x: cos(g(x) if outer_at_g else x) * dg(x))


_U37_TR = [
    mat([[1, 2], [0, 1]]),
    mat([[3, 0], [1, 1]]),
    mat([[0, 1], [2, 5]]),
    mat([[1, -1], [4, 2]]),
]


def _u37_trace(last):
    """tr(ABCD), tr(BCDA), tr(CDAB) and the last product written, exactly on integer 2 x 2 matrices."""
    a, b, c, d = _U37_TR
    tr = lambda m: m[0, 0] + m[1, 1]  # noqa: E731
    values = [tr(a * b * c * d), tr(b * c * d * a), tr(c * d * a * b), tr(last(a, b, c, d))]
    return all(v == values[0] for v in values)


_U37_SQ = (mat([[2, 1], [-1, 3]]), mat([[1, 2, 0], [0, -1, 3], [2, 1, 1]]))


def _u37_det_scale(power):
    return all(
        close(mp.det(alpha * m), alpha ** power(m.rows) * mp.det(m)) for m in _U37_SQ for alpha in (mpf(3), mpf(-1) / 2)
    )


def _u37_det_inverse(power):
    return all(close(mp.det(inverse(m)), mp.det(m) ** power) for m in _U37_SQ)


def _u37_pythagoras(factor):
    pairs = ((vec([1, 2, 2]), vec([2, -1, 0])), (vec([3, 0]), vec([0, -5])))
    return all(
        dot(x, y) == 0
        and close(dot([p + q for p, q in zip(x, y)], [p + q for p, q in zip(x, y)]), dot(x, x) + factor * dot(y, y))
        for x, y in pairs
    )


def _u37_orthogonal(power):
    t = mpf("0.7")
    x = col(["0.3", "-1.4"])
    for q in (mat([[cos(t), -sin(t)], [sin(t), cos(t)]]), mat([[1, 0], [0, -1]])):
        qx = q * x
        chain = [norm(list(qx)), sqrt(scalar(qx.T * qx)), sqrt(scalar(x.T * x)), norm(list(x)) ** power]
        if not all(close(v, chain[0]) for v in chain):
            return False
    return True


def _u37_gram(power):
    a = mat([[1, 2], [0, -1], [3, 1]])
    x = col([2, -1])
    ax = a * x
    chain = [scalar(x.T * (a.T * a) * x), scalar(ax.T * ax), norm(list(ax)) ** power]
    return all(close(v, chain[0]) for v in chain)


def _u37_transpose_product(reversed_order):
    a, b = mat([[1, 2, 0], [-1, 3, 4]]), mat([[2, 1], [0, -1], [5, 3]])
    right = b.T * a.T if reversed_order else a.T * b.T
    return (a * b).T.rows == right.rows and close((a * b).T, right)


def _u37_shift(combine):
    a, x, lam = mat([[2, 1], [1, 2]]), col([1, 1]), mpf(3)
    if not close(a * x, lam * x):
        return False
    for gamma in (mpf(-1), mpf(5) / 2):
        eye = mat([[1, 0], [0, 1]])
        chain = [(a + gamma * eye) * x, a * x + gamma * (eye * x), lam * x + gamma * x, combine(lam, gamma) * x]
        if not all(close(v, chain[0]) for v in chain):
            return False
    return True


CHECKS.update(
    {
        "u37-special-gamma": lambda: all(close(mp.gamma(n), factorial(n - 1)) for n in range(1, 9)),
        "u37-special-gamma~n": lambda: all(close(mp.gamma(n), factorial(n)) for n in range(1, 9)),
        "u37-special-beta": lambda: _u37_beta(0),
        "u37-special-beta~plus1": lambda: _u37_beta(1),
        "u37-special-betainc": lambda: _u37_betainc(False),
        "u37-special-betainc~corrected": lambda: _u37_betainc(True),
        "u37-special-logit": lambda: identity(lambda x: log(sigmoid(x) / (1 - sigmoid(x))), lambda x: x),
        "u37-special-logit~neg": lambda: identity(lambda x: log(sigmoid(x) / (1 - sigmoid(x))), lambda x: -x),
        "u37-special-zeta": lambda: all(
            close(mp.zeta(x, q), nsum(lambda n: (n + q) ** -x, [0, inf], method="euler-maclaurin"))
            for x, q in ((mpf(2), mpf("0.5")), (mpf("3.5"), mpf(2)), (mpf("1.7"), mpf("1.2")))
        ),
        "u37-special-zeta~from1": lambda: all(
            close(mp.zeta(x, q), nsum(lambda n: (n + q) ** -x, [1, inf], method="euler-maclaurin"))
            for x, q in ((mpf(2), mpf("0.5")), (mpf("3.5"), mpf(2)), (mpf("1.7"), mpf("1.2")))
        ),
        "u37-special-polygamma": lambda: _u37_polygamma(0),
        "u37-special-polygamma~corrected": lambda: _u37_polygamma(1),
        "u37-special-ndtr": lambda: (
            _u37_ndtr(lambda x: quad(lambda t: exp(-(t**2) / 2), [-inf, 0, x]) / sqrt(2 * pi))
            and _u37_ndtr(lambda x: (1 + erf(x / sqrt(2))) / 2)
        ),
        "u37-special-ndtr~minus": lambda: _u37_ndtr(lambda x: (1 - erf(x / sqrt(2))) / 2),
        "u37-special-ndtr-erfc": lambda: _u37_ndtr(lambda x: mp.erfc(x / sqrt(2)) / 2),
        "u37-special-ndtr-erfc~corrected": lambda: _u37_ndtr(lambda x: mp.erfc(-x / sqrt(2)) / 2),
        "u37-special-expn": lambda: _u37_expn(lambda n: n - 1),
        "u37-special-expn~n": lambda: _u37_expn(lambda n: n),
        "u37-special-poch": lambda: _u37_poch(0),
        "u37-special-poch~minus1": lambda: _u37_poch(1),
        "u37-special-hyp1f1": lambda: _u37_hyp1f1(0),
        "u37-special-hyp1f1~k1": lambda: _u37_hyp1f1(1),
        "u37-gumbelr-cdf": lambda: _u37_gumbel_cdf(
            _u37_gumbel_r_pdf, lambda x, mu, beta: exp(-exp(-(x - mu) / beta)), _u37_gumbel_r_floor
        ),
        "u37-gumbelr-cdf~sign": lambda: _u37_gumbel_cdf(
            _u37_gumbel_r_pdf, lambda x, mu, beta: exp(-exp((x - mu) / beta)), _u37_gumbel_r_floor
        ),
        "u37-gumbelr-ppf": lambda: _u37_gumbel_ppf(
            lambda x, mu, beta: exp(-exp(-(x - mu) / beta)), lambda p, mu, beta: mu - beta * log(-log(p))
        ),
        "u37-gumbelr-ppf~plus": lambda: _u37_gumbel_ppf(
            lambda x, mu, beta: exp(-exp(-(x - mu) / beta)), lambda p, mu, beta: mu + beta * log(-log(p))
        ),
        "u37-gumbelr-norm": lambda: _u37_gumbel_r_norm(1),
        "u37-gumbelr-norm~2": lambda: _u37_gumbel_r_norm(2),
        "u37-gumbell-cdf": lambda: _u37_gumbel_cdf(
            _u37_gumbel_l_pdf, lambda x, mu, beta: 1 - exp(-exp((x - mu) / beta))
        ),
        "u37-gumbell-cdf~no1": lambda: _u37_gumbel_cdf(
            _u37_gumbel_l_pdf, lambda x, mu, beta: exp(-exp((x - mu) / beta))
        ),
        "u37-gumbell-ppf": lambda: _u37_gumbel_ppf(
            lambda x, mu, beta: 1 - exp(-exp((x - mu) / beta)), lambda p, mu, beta: mu + beta * log(-log(1 - p))
        ),
        "u37-gumbell-ppf~p": lambda: _u37_gumbel_ppf(
            lambda x, mu, beta: 1 - exp(-exp((x - mu) / beta)), lambda p, mu, beta: mu + beta * log(-log(p))
        ),
        "u37-wrapcauchy-norm": lambda: _u37_wrapcauchy_norm(2 * pi),
        "u37-wrapcauchy-norm~pi": lambda: _u37_wrapcauchy_norm(pi),
        # the common 2 pi of both sides cancels in the exact comparison
        "u37-wrapcauchy-mode": lambda: _u37_wrapcauchy_at_zero(lambda c: (1 + c) / (1 - c)),
        "u37-wrapcauchy-mode~flip": lambda: _u37_wrapcauchy_at_zero(lambda c: (1 - c) / (1 + c)),
        "u37-pymc-kumaraswamy-mean": lambda: _u37_kumaraswamy(0, lambda a, b: b * mp.beta(1 + 1 / a, b)),
        "u37-pymc-kumaraswamy-mean~2": lambda: _u37_kumaraswamy(0, lambda a, b: b * mp.beta(1 + 2 / a, b)),
        "u37-pymc-kumaraswamy-var": lambda: _u37_kumaraswamy(
            1, lambda a, b: b * mp.beta(1 + 2 / a, b) - (b * mp.beta(1 + 1 / a, b)) ** 2
        ),
        "u37-pymc-kumaraswamy-var~plus": lambda: _u37_kumaraswamy(
            1, lambda a, b: b * mp.beta(1 + 2 / a, b) + (b * mp.beta(1 + 1 / a, b)) ** 2
        ),
        "u37-pymc-exponential-var": lambda: _u37_exponential_var(lambda lam: 1 / lam**2),
        "u37-pymc-exponential-var~1": lambda: _u37_exponential_var(lambda lam: 1 / lam),
        "u37-pymc-laplace-var": lambda: _u37_laplace_var(lambda b: 2 * b**2),
        "u37-pymc-laplace-var~1": lambda: _u37_laplace_var(lambda b: b**2),
        "u37-pymc-asymlaplace-mean": lambda: _u37_asymmetric_laplace(0, lambda b, k, mu: mu - (k - 1 / k) / b),
        "u37-pymc-asymlaplace-mean~plus": lambda: _u37_asymmetric_laplace(0, lambda b, k, mu: mu + (k - 1 / k) / b),
        "u37-pymc-asymlaplace-var": lambda: _u37_asymmetric_laplace(1, lambda b, k, mu: (1 + k**4) / (b**2 * k**2)),
        "u37-pymc-asymlaplace-var~2": lambda: _u37_asymmetric_laplace(1, lambda b, k, mu: (1 + k**2) / (b**2 * k**2)),
        "u37-pymc-lognormal-mean": lambda: _u37_lognormal(0, lambda mu, tau: exp(mu + 1 / (2 * tau))),
        "u37-pymc-lognormal-mean~tau": lambda: _u37_lognormal(0, lambda mu, tau: exp(mu + 1 / tau)),
        "u37-pymc-lognormal-var": lambda: _u37_lognormal(1, lambda mu, tau: (exp(1 / tau) - 1) * exp(2 * mu + 1 / tau)),
        "u37-pymc-lognormal-var~mu": lambda: _u37_lognormal(1, lambda mu, tau: (exp(1 / tau) - 1) * exp(mu + 1 / tau)),
        "u37-pymc-pareto-mean": lambda: _u37_pareto(
            0, lambda al, m: al * m / (al - 1), ((mpf(2), mpf(1)), (mpf(5), mpf(2)), (mpf("1.5"), mpf("0.7")))
        ),
        "u37-pymc-pareto-mean~plus": lambda: _u37_pareto(
            0, lambda al, m: al * m / (al + 1), ((mpf(2), mpf(1)), (mpf(5), mpf(2)), (mpf("1.5"), mpf("0.7")))
        ),
        "u37-pymc-pareto-var": lambda: _u37_pareto(
            1, lambda al, m: m * al / ((al - 1) ** 2 * (al - 2)), ((mpf(3), mpf(2)), (mpf(5), mpf("0.7")))
        ),
        "u37-pymc-pareto-var~corrected": lambda: _u37_pareto(
            1, lambda al, m: m**2 * al / ((al - 1) ** 2 * (al - 2)), ((mpf(3), mpf(2)), (mpf(5), mpf("0.7")))
        ),
        "u37-prob-var": lambda: _u37_var_shortcut(-1),
        "u37-prob-var~plus": lambda: _u37_var_shortcut(1),
        "u37-prob-var-affine": lambda: _u37_var_affine(2),
        "u37-prob-var-affine~1": lambda: _u37_var_affine(1),
        "u37-prob-cov": lambda: _u37_cov_shortcut(-1),
        "u37-prob-cov~plus": lambda: _u37_cov_shortcut(1),
        "u37-prob-cov-bilinear": lambda: _u37_cov_bilinear(1),
        "u37-prob-cov-bilinear~sq": lambda: _u37_cov_bilinear(2),
        "u37-prob-linearity": lambda: _u37_linearity(lambda n: 1),
        "u37-prob-linearity~nbeta": lambda: _u37_linearity(lambda n: n),
        "u37-prob-union": lambda: _u37_union(-1),
        "u37-prob-union~plus": lambda: _u37_union(1),
        "u37-prob-bayes": lambda: _u37_bayes(False),
        "u37-prob-bayes~swap": lambda: _u37_bayes(True),
        "u37-prob-gauss": lambda: _u37_gauss(2),
        "u37-prob-gauss~pi": lambda: _u37_gauss(1),
        "u37-calc-linear": lambda: close(grad(lambda v: dot(_U37_AV, v), _U37_XV), _U37_AV),
        "u37-calc-linear~2": lambda: close(grad(lambda v: dot(_U37_AV, v), _U37_XV), [2 * a for a in _U37_AV]),
        "u37-calc-quadratic": lambda: _u37_quadratic_gradient(
            _U37_M, lambda m: [p + q for p, q in zip(_u37_matvec(m, _U37_XV), _u37_matvec(_u37_transpose(m), _U37_XV))]
        ),
        "u37-calc-quadratic~2A": lambda: _u37_quadratic_gradient(
            _U37_M, lambda m: [2 * v for v in _u37_matvec(m, _U37_XV)]
        ),
        "u37-calc-quadratic-sym": lambda: _u37_quadratic_gradient(
            _U37_S, lambda m: [2 * v for v in _u37_matvec(m, _U37_XV)]
        ),
        "u37-calc-quadratic-sym~1": lambda: _u37_quadratic_gradient(_U37_S, lambda m: _u37_matvec(m, _U37_XV)),
        "u37-calc-chain": lambda: _u37_chain(True),
        "u37-calc-chain~x": lambda: _u37_chain(False),
        "u37-calc-cubic": lambda: close(D(lambda x: x**3, 0), 0) and close(D(lambda x: x**3, 0, 2), 0),
        "u37-calc-cubic~third": lambda: close(D(lambda x: x**3, 0), 0) and close(D(lambda x: x**3, 0, 3), 0),
        "u37-linalg-trace": lambda: _u37_trace(lambda a, b, c, d: b * a * d * c),
        "u37-linalg-trace~corrected": lambda: _u37_trace(lambda a, b, c, d: d * a * b * c),
        "u37-linalg-det-scale": lambda: _u37_det_scale(lambda n: n),
        "u37-linalg-det-scale~1": lambda: _u37_det_scale(lambda n: 1),
        "u37-linalg-det-inv": lambda: _u37_det_inverse(-1),
        "u37-linalg-det-inv~same": lambda: _u37_det_inverse(1),
        "u37-linalg-pythagoras": lambda: _u37_pythagoras(1),
        "u37-linalg-pythagoras~2": lambda: _u37_pythagoras(2),
        "u37-linalg-orthogonal": lambda: _u37_orthogonal(1),
        "u37-linalg-orthogonal~sq": lambda: _u37_orthogonal(2),
        "u37-linalg-gram": lambda: _u37_gram(2),
        "u37-linalg-gram~nosq": lambda: _u37_gram(1),
        "u37-linalg-transpose": lambda: _u37_transpose_product(True),
        "u37-linalg-transpose~order": lambda: _u37_transpose_product(False),
        "u37-linalg-shift": lambda: _u37_shift(lambda lam, g: lam + g),
        "u37-linalg-shift~prod": lambda: _u37_shift(lambda lam, g: lam * g),
    }
)


_U36_X = vec(["0.3", "-1.2", "2.0"])
_U36_Y = vec(["0.1", "0.6", "0.3"])


def _u36_softmax_jacobian():
    """The softmax Jacobian at _U36_X by finite differences, entry [i][j] = d s_i / d x_j."""
    n = len(_U36_X)
    return [grad(lambda x, i=i: softmax(x)[i], list(_U36_X)) for i in range(n)]


def _u36_shift(drop_denominator_factor):
    """The three rows of softmax's invariance to a shift c, middle row with or without e^c below."""
    x = _U36_X
    for c in (mpf("-1.3"), mpf("0.4"), mpf("2.1")):
        for i in range(3):
            first = exp(x[i] + c) / sum(exp(v + c) for v in x)
            middle_den = sum(exp(v) for v in x) * (1 if drop_denominator_factor else exp(c))
            middle = exp(x[i]) * exp(c) / middle_den
            last = exp(x[i]) / sum(exp(v) for v in x)
            if not (close(softmax([v + c for v in x])[i], first) and close(first, middle) and close(middle, last)):
                return False
    return True


def _u36_diag(numerator_sign, a_sign=-1):
    """d s_i / d x_i against the quotient (numerator sign given) and s_i - s_i^2."""
    J, s = _u36_softmax_jacobian(), softmax(_U36_X)
    total = sum(exp(v) for v in _U36_X)
    for i in range(3):
        quotient = (total * exp(_U36_X[i]) + numerator_sign * exp(_U36_X[i]) ** 2) / total**2
        if not (close(J[i][i], quotient) and close(quotient, s[i] + a_sign * s[i] ** 2)):
            return False
    return True


def _u36_offdiag(sign):
    J, s = _u36_softmax_jacobian(), softmax(_U36_X)
    total = sum(exp(v) for v in _U36_X)
    return all(
        close(J[i][j], -exp(_U36_X[i]) * exp(_U36_X[j]) / total**2) and close(J[i][j], sign * s[i] * s[j])
        for i in range(3)
        for j in range(3)
        if i != j
    )


def _u36_jacobian(sign):
    J, s = _u36_softmax_jacobian(), softmax(_U36_X)
    return all(close(J[i][j], (s[i] if i == j else 0) + sign * s[i] * s[j]) for i in range(3) for j in range(3))


def _u36_ce(sign):
    s = vec(["0.2", "0.3", "0.5"])
    return all(
        close(-sum(a * log(b) for a, b in zip(y, s)), sign * dot(y, [log(b) for b in s]))
        for y in (vec([0, 0, 1]), vec(["0.2", "0.5", "0.3"]))
    )


def _u36_grad_s(power):
    s = vec(["0.2", "0.3", "0.5"])
    g = grad(lambda v: -sum(a * log(b) for a, b in zip(_U36_Y, v)), list(s))
    return close(g, [-a / b**power for a, b in zip(_U36_Y, s)])


def _u36_grad_x(sign, ys=(_U36_Y, vec([0, 0, 1]))):
    """The gradient in the logits of -sum y_i log softmax(x)_i against sign (s - y)."""
    for y in ys:
        g = grad(lambda x, y=y: -sum(a * log(b) for a, b in zip(y, softmax(x))), list(_U36_X))
        if not close(g, [sign * (p - q) for p, q in zip(softmax(_U36_X), y)]):
            return False
    return True


def _u36_batch(with_log):
    Y = mat([[0, 1, 0], [1, 0, 0]])
    S = mat([["0.2", "0.5", "0.3"], ["0.6", "0.1", "0.3"]])
    m = Y.rows
    logS = matrix([[log(S[i, j]) for j in range(S.cols)] for i in range(S.rows)])
    rows = -sum(sum(Y[i, j] * logS[i, j] for j in range(Y.cols)) for i in range(m)) / m
    inner = Y * (logS if with_log else S).T
    return close(rows, -sum(inner[i, i] for i in range(m)) / m)


def _u36_dsigmoid(sign):
    return identity(lambda z: D(sigmoid, z), lambda z: sigmoid(z) * (1 + sign * sigmoid(z)))


def _u36_tanh(scale):
    return identity(
        tanh,
        lambda z: (exp(z) - exp(-z)) / (exp(z) + exp(-z)),
        lambda z: 2 * sigmoid(scale * z) - 1,
    )


def _u36_dtanh(sign):
    return identity(lambda z: D(tanh, z), lambda z: 1 + sign * tanh(z) ** 2)


def _u36_dldemo_diag(sign):
    J, a = _u36_softmax_jacobian(), softmax(_U36_X)
    return all(close(J[i][i], a[i] * (1 + sign * a[i])) for i in range(3))


def _u36_ce_step(sign):
    y = vec(["0.7", "-0.4", "1.5"])
    a = softmax(_U36_X)
    g = grad(lambda z: -sum(p * log(q) for p, q in zip(y, softmax(z))), list(_U36_X))
    return all(close(g[i], -y[i] * (1 - a[i]) + sign * sum(y[k] * a[i] for k in range(3) if k != i)) for i in range(3))


def _u36_regroup(sign):
    y, a = vec(["0.7", "-0.4", "1.5"]), vec(["0.2", "0.3", "0.5"])
    return all(
        close(-y[i] + y[i] * a[i] + sum(y[k] * a[i] for k in range(3) if k != i), a[i] * sum(y) + sign * y[i])
        for i in range(3)
    )


def _u36_normal_density(x, m, variance):
    return exp(-((x - m) ** 2) / (2 * variance)) / sqrt(2 * pi * variance)


def _u36_ddpm_step(variance_of_alpha):
    for beta in (mpf("0.02"), mpf("0.3")):
        alpha, prev = 1 - beta, mpf("0.7")
        for x in (mpf("-1.3"), mpf("0.4"), mpf("2.1")):
            given = _u36_normal_density(x, sqrt(1 - beta) * prev, beta)
            if not close(given, _u36_normal_density(x, sqrt(alpha) * prev, variance_of_alpha(alpha))):
                return False
    return True


def _u36_x0(sign):
    abar, x0, eps = mpf("0.37"), mpf("0.8"), mpf("-1.1")
    xt = sqrt(abar) * x0 + sqrt(1 - abar) * eps
    return close((xt + sign * sqrt(1 - abar) * eps) / sqrt(abar), x0)


_U36_BETAS = vec(["0.1", "0.25", "0.4"])


def _u36_abar(t):
    return prod((1 - b for b in _U36_BETAS[:t]), start=mpf(1))


def _u36_mu_eps(first_root):
    """The posterior mean with x_0 put in terms of the noise, against the page's two forms."""
    xt, eps = mpf("0.9"), mpf("-0.6")
    for t in (2, 3):
        beta = _U36_BETAS[t - 1]
        alpha, abar, abar_prev = 1 - beta, _u36_abar(t), _u36_abar(t - 1)
        x0 = (xt - sqrt(1 - abar) * eps) / sqrt(abar)
        mu = sqrt(abar_prev) * beta / (1 - abar) * x0 + sqrt(alpha) * (1 - abar_prev) / (1 - abar) * xt
        first = (xt - beta / (sqrt(1 - abar) if first_root else 1 - abar) * eps) / sqrt(alpha)
        second = (xt - (1 - alpha) / sqrt(1 - abar) * eps) / sqrt(alpha)
        if not (close(mu, first) and close(first, second)):
            return False
    return True


def _u36_weight(power):
    eps, eps_theta = vec(["0.3", "-1.1", "0.8"]), vec(["1.2", "0.4", "-0.5"])
    alpha, abar, beta = mpf("0.9"), mpf("0.37"), mpf("0.1")
    scale = beta / (sqrt(alpha) * sqrt(1 - abar))
    left = sum((scale * (b - a)) ** 2 for a, b in zip(eps, eps_theta))
    return close(left, beta**power / (alpha * (1 - abar)) * sum((a - b) ** 2 for a, b in zip(eps, eps_theta)))


def _u36_beta_tilde(alpha_weight):
    """1/beta~_t against the precisions of the two Gaussian factors of q(x_{t-1} | x_t, x_0) in x_{t-1}."""
    for t in (2, 3):
        beta = _U36_BETAS[t - 1]
        alpha, abar, abar_prev = 1 - beta, _u36_abar(t), _u36_abar(t - 1)
        beta_tilde = (1 - abar_prev) / (1 - abar) * beta
        # q(x_t | x_{t-1}) ~ exp(-(x_t - sqrt(alpha) x_{t-1})^2 / (2 beta)): precision alpha/beta in x_{t-1};
        # q(x_{t-1} | x_0) has variance 1 - abar_{t-1}; the curvature of the log product gives the precision.
        log_product = lambda u, a=alpha, b=beta, p=abar_prev: (  # noqa: E731
            log(_u36_normal_density(mpf("0.9"), sqrt(a) * u, b))
            + log(_u36_normal_density(u, sqrt(p) * mpf("0.5"), 1 - p))
        )
        precision = -D(log_product, mpf("0.2"), 2)
        if not close(precision, 1 / beta_tilde, tol=mpf(10) ** -15):
            return False
        if not close(1 / beta_tilde, alpha_weight(alpha) / beta + 1 / (1 - abar_prev)):
            return False
    return True


def _u36_complex(sign):
    return all(
        abs(mp.mpc(a, b) * mp.mpc(c, d) - mp.mpc(a * c + sign * b * d, a * d + b * c)) <= TOL
        for a, b, c, d in (vec(["0.3", "-1.2", "2.0", "0.7"]), vec(["1.5", "0.4", "-0.9", "2.2"]))
    )


def _u36_rot_part(part, conjugate, expected):
    """A part (re or im) of (u1 + i u2)(cos(p th) +/- i sin(p th)) against the written expression."""
    u1, u2, p, th = (
        (mpf("0.3"), mpf("-1.2"), mpf(3), mpf("0.7")) if not conjugate else (mpf("0.9"), mpf("0.4"), mpf(5), mpf("0.7"))
    )
    z = mp.mpc(u1, u2) * mp.mpc(cos(p * th), (-1 if conjugate else 1) * sin(p * th))
    return close(getattr(z, part), expected(u1, u2, cos(p * th), sin(p * th)))


def _u36_expand(all_four):
    Wq, Wk = (
        mat([["0.3", "-1.2", "2.0"], ["0.7", "1.1", "-0.4"]]),
        mat([["1.5", "0.2", "-0.6"], ["-0.9", "0.8", "0.4"]]),
    )
    xm, xn, pm, pn = (
        col(["0.5", "-1.0", "0.3"]),
        col(["1.2", "0.1", "-0.7"]),
        col(["-0.2", "0.9", "0.6"]),
        col(["0.4", "-0.3", "1.1"]),
    )
    q, k = Wq * (xm + pm), Wk * (xn + pn)
    terms = [scalar(u.T * Wq.T * Wk * v) for u, v in ((xm, xn), (xm, pn), (pm, xn), (pm, pn))]
    return close(scalar(q.T * k), sum(terms if all_four else terms[:3]))


def _u36_rotation(angle):
    return mat([[cos(angle), -sin(angle)], [sin(angle), cos(angle)]])


def _u36_relative(transpose):
    for th, m, n in ((mpf("0.7"), mpf(3), mpf(5)), (mpf("1.3"), mpf(-2), mpf("0.5"))):
        left = _u36_rotation(m * th)
        if not close(_u36_rotation((n - m) * th), (left.T if transpose else left) * _u36_rotation(n * th)):
            return False
    return True


_U36_WQ, _U36_WK, _U36_XV = (
    mat([["0.3", "-1.2"], ["2.0", "0.7"]]),
    mat([["1.1", "0.5"], ["-0.4", "0.9"]]),
    col(["0.9", "0.4"]),
)


def _u36_at_zero(projection, written):
    """R_{theta,0} W x (W the projection the definition uses) against the written W x."""
    return close(_u36_rotation(0 * mpf("0.7")) * projection * _U36_XV, written * _U36_XV)


def _u36_attention_weight(scale_inside):
    scores, d = vec(["1.5", "-0.3", "0.8"]), 4
    for n in range(3):
        if scale_inside:
            written = exp(scores[n] / sqrt(d)) / sum(exp(a / sqrt(d)) for a in scores)
        else:
            written = (exp(scores[n]) / sqrt(d)) / sum(exp(a) / sqrt(d) for a in scores)
        if not close(written, softmax([a / sqrt(d) for a in scores])[n]):
            return False
    return True


def _u36_bt(written):
    value = exp(2) / (exp(2) + exp(1))
    return (
        rounds_to(exp(2), "7.39")
        and rounds_to(exp(2) + exp(1), "10.11")
        and rounds_to(mpf("7.39") / mpf("10.11"), written)
        and rounds_to(value, written)
    )


def _u36_bt_sigmoid(sign):
    return all(
        close(exp(a) / (exp(a) + exp(b)), sigmoid(sign * (a - b)))
        for a, b in ((mpf(2), mpf(1)), (mpf("-0.4"), mpf("1.3")), (mpf("0.7"), mpf("0.7")))
        if a != b
    )


_U36_PPL = vec(["0.15", "0.05", "0.12", "0.18", "0.25", "0.40", "0.33", "0.50"])


def _u36_adam(step, expected):
    """Adam's recursions unrolled from zero for one step (``step`` maps m_1, v_1, beta_1, beta_2, g_1)."""
    for b1, b2 in ((mpf("0.9"), mpf("0.999")), (mpf("0.5"), mpf("0.5"))):
        for g in (mpf("-1.3"), mpf("0.4")):
            m1, v1 = b1 * 0 + (1 - b1) * g, b2 * 0 + (1 - b2) * g**2
            if not close(step(m1 / (1 - b1), v1 / (1 - b2)), expected(g, b1, b2)):
                return False
    return True


def _u36_adam_step(denominator):
    theta, alpha, eps = mpf("0.3"), mpf("0.001"), mpf("1e-8")
    return _u36_adam(
        lambda mh, vh: theta - alpha / (sqrt(vh) + eps) * mh,
        lambda g, b1, b2: theta - alpha / (denominator(g) + eps) * g,
    )


CHECKS.update(
    {
        "u36-smx-shift": lambda: _u36_shift(False),
        "u36-smx-shift~den": lambda: _u36_shift(True),
        "u36-smx-diag": lambda: _u36_diag(-1),
        "u36-smx-diag~plus": lambda: _u36_diag(1),
        "u36-smx-offdiag": lambda: _u36_offdiag(-1),
        "u36-smx-offdiag~plus": lambda: _u36_offdiag(1),
        "u36-smx-jacobian": lambda: _u36_jacobian(-1),
        "u36-smx-jacobian~plus": lambda: _u36_jacobian(1),
        "u36-smx-ce": lambda: _u36_ce(-1),
        "u36-smx-ce~sign": lambda: _u36_ce(1),
        "u36-smx-grad-s": lambda: _u36_grad_s(1),
        "u36-smx-grad-s~square": lambda: _u36_grad_s(2),
        "u36-smx-grad-x": lambda: _u36_grad_x(1),
        "u36-smx-grad-x~flip": lambda: _u36_grad_x(-1),
        "u36-smx-batch": lambda: _u36_batch(True),
        "u36-smx-batch~nolog": lambda: _u36_batch(False),
        "u36-dldemo-sigmoid": lambda: _u36_dsigmoid(-1),
        "u36-dldemo-sigmoid~plus": lambda: _u36_dsigmoid(1),
        "u36-dldemo-tanh": lambda: _u36_tanh(1),
        "u36-dldemo-tanh~corrected": lambda: _u36_tanh(2),
        "u36-dldemo-dtanh": lambda: _u36_dtanh(-1),
        "u36-dldemo-dtanh~plus": lambda: _u36_dtanh(1),
        "u36-dldemo-softmax-diag": lambda: _u36_dldemo_diag(-1),
        "u36-dldemo-softmax-diag~plus": lambda: _u36_dldemo_diag(1),
        "u36-dldemo-softmax-off": lambda: _u36_offdiag(-1),
        "u36-dldemo-softmax-off~plus": lambda: _u36_offdiag(1),
        "u36-dldemo-ce-step": lambda: _u36_ce_step(1),
        "u36-dldemo-ce-step~minus": lambda: _u36_ce_step(-1),
        "u36-dldemo-ce-regroup": lambda: _u36_regroup(-1),
        "u36-dldemo-ce-regroup~plus": lambda: _u36_regroup(1),
        "u36-dldemo-ce-grad": lambda: _u36_grad_x(1, ys=(_U36_Y,)),
        "u36-dldemo-ce-grad~flip": lambda: _u36_grad_x(-1, ys=(_U36_Y,)),
        "u36-ddpm-step": lambda: _u36_ddpm_step(lambda a: 1 - a),
        "u36-ddpm-step~alpha": lambda: _u36_ddpm_step(lambda a: a),
        "u36-ddpm-x0": lambda: _u36_x0(-1),
        "u36-ddpm-x0~plus": lambda: _u36_x0(1),
        "u36-ddpm-mu-eps": lambda: _u36_mu_eps(True),
        "u36-ddpm-mu-eps~abar": lambda: _u36_mu_eps(False),
        "u36-ddpm-weight": lambda: _u36_weight(2),
        "u36-ddpm-weight~beta": lambda: _u36_weight(1),
        "u36-ddpm-beta-tilde": lambda: _u36_beta_tilde(lambda a: a),
        "u36-ddpm-beta-tilde~one": lambda: _u36_beta_tilde(lambda a: 1),
        "u36-ropecn-complex": lambda: _u36_complex(-1),
        "u36-ropecn-complex~plus": lambda: _u36_complex(1),
        "u36-ropecn-q-re": lambda: _u36_rot_part("real", False, lambda a, b, c, s: a * c - b * s),
        "u36-ropecn-q-re~plus": lambda: _u36_rot_part("real", False, lambda a, b, c, s: a * c + b * s),
        "u36-ropecn-q-im": lambda: _u36_rot_part("imag", False, lambda a, b, c, s: a * s + b * c),
        "u36-ropecn-q-im~minus": lambda: _u36_rot_part("imag", False, lambda a, b, c, s: a * s - b * c),
        "u36-ropecn-k-re": lambda: _u36_rot_part("real", True, lambda a, b, c, s: a * c + b * s),
        "u36-ropecn-k-re~minus": lambda: _u36_rot_part("real", True, lambda a, b, c, s: a * c - b * s),
        "u36-ropecn-k-im": lambda: _u36_rot_part("imag", True, lambda a, b, c, s: -a * s + b * c),
        "u36-ropecn-k-im~plus": lambda: _u36_rot_part("imag", True, lambda a, b, c, s: a * s + b * c),
        "u36-ropenb-expand": lambda: _u36_expand(True),
        "u36-ropenb-expand~three": lambda: _u36_expand(False),
        "u36-ropenb-relative": lambda: _u36_relative(True),
        "u36-ropenb-relative~notrans": lambda: _u36_relative(False),
        "u36-ropenb-fq0": lambda: _u36_at_zero(_U36_WQ, _U36_WQ),
        "u36-ropenb-fq0~wk": lambda: _u36_at_zero(_U36_WK, _U36_WQ),
        "u36-ropenb-fk0": lambda: _u36_at_zero(_U36_WK, _U36_WQ),
        "u36-ropenb-fk0~corrected": lambda: _u36_at_zero(_U36_WK, _U36_WK),
        "u36-ropenb-weight": lambda: _u36_attention_weight(False),
        "u36-ropenb-weight~corrected": lambda: _u36_attention_weight(True),
        "u36-dpo-bt": lambda: _u36_bt("0.73"),
        "u36-dpo-bt~27": lambda: _u36_bt("0.27"),
        "u36-dpo-bt-sigmoid": lambda: _u36_bt_sigmoid(1),
        "u36-dpo-bt-sigmoid~flip": lambda: _u36_bt_sigmoid(-1),
        "u36-ppl-value": lambda: rounds_to(exp(mpf("1.604")), "4.973"),
        "u36-ppl-value~4793": lambda: rounds_to(exp(mpf("1.604")), "4.793"),
        "u36-ppl-mean": lambda: rounds_to(-sum(log(p) for p in _U36_PPL) / 8, "1.604"),
        "u36-ppl-mean~16": lambda: rounds_to(-sum(log(p) for p in _U36_PPL) / 6, "1.604"),
        "u36-ppl-log-the": lambda: rounds_to(log(mpf("0.33")), "-1.109"),
        "u36-ppl-log-the~190": lambda: rounds_to(log(mpf("0.33")), "-1.190"),
        "u36-ppl-log-jack": lambda: rounds_to(log(mpf("0.05")), "-2.996"),
        "u36-ppl-log-jack~log10": lambda: rounds_to(log(mpf("0.05")), "-1.301"),
        "u36-adam-m1": lambda: _u36_adam(lambda mh, vh: mh, lambda g, b1, b2: g),
        "u36-adam-m1~biased": lambda: _u36_adam(lambda mh, vh: mh, lambda g, b1, b2: (1 - b1) * g),
        "u36-adam-v1": lambda: _u36_adam(lambda mh, vh: vh, lambda g, b1, b2: g**2),
        "u36-adam-v1~g": lambda: _u36_adam(lambda mh, vh: vh, lambda g, b1, b2: g),
        "u36-adam-first-step": lambda: _u36_adam_step(abs),
        "u36-adam-first-step~square": lambda: _u36_adam_step(lambda g: g**2),
    }
)


def _u38_softmax_t(z, t):
    """The softmax of the logits z divided by the temperature t."""
    return softmax([mpf(v) / mpf(t) for v in z])


def _u38_ratio(scale_inside):
    z = vec(["2", "1", "0", "-0.7"])
    for t in (mpf("0.5"), mpf(1), mpf("2.5")):
        p = _u38_softmax_t(z, t)
        for i, k in itertools.product(range(4), repeat=2):
            expected = exp((z[i] - z[k]) / t) if scale_inside else exp((z[i] - z[k]) * t)
            if not close(p[i] / p[k], expected):
                return False
    return True


def _u38_plain(own_index):
    z = vec(["2", "1", "0", "-0.7"])
    p = _u38_softmax_t(z, 1)
    total = [sum(exp(v) for v in z) if own_index else len(z) * exp(z[i]) for i in range(4)]
    return all(close(p[i], exp(z[i]) / total[i]) for i in range(4))


def _u38_norms_var(square_root):
    for x in (vec(["1", "2", "4"]), vec(["-0.5", "3", "0.25", "7"])):
        m = sum(x) / len(x)
        variance = sum((v - m) ** 2 for v in x) / len(x)
        if not close(variance, sqrt(variance) if square_root else variance):
            return False
    return True


_U38_QUANT = ((mpf("0.05"), -7, -128, 127), (mpf("3.5"), 12, 0, 255), (mpf("0.2"), 0, -8, 7))


def _u38_scale(sign):
    for s, z, qmin, qmax in _U38_QUANT:
        rmin, rmax = s * (qmin - z), s * (qmax - z)
        if not close((rmax - rmin) / (qmax + sign * qmin), s):
            return False
    return True


def _u38_zero(sign):
    return all(close(qmin + sign * s * (qmin - z) / s, z) for s, z, qmin, _ in _U38_QUANT)


def _u38_roundtrip(sign):
    return all(
        close(s * ((r / s + z) + sign * z), r) for s, z, _, _ in _U38_QUANT for r in (mpf("-6.05"), mpf(0), mpf("3.2"))
    )


def _u38_decode(sign_exponent, mantissa, bits, written, bias=127):
    """A float's value -(1 + M 2^{-bits}) 2^{e - bias}, in units of 10^{-14}, against the written mantissa."""
    value = -(1 + mpf(mantissa) / mpf(2) ** bits) * mpf(2) ** (sign_exponent - bias)
    return rounds_to(value * mpf(10) ** 14, written)


def _u38_inverse(sign):
    for d in (mpf("1.375"), mpf("1.5"), mpf("1.9")):
        for n in (7, 23):
            m = (d - 1) * mpf(2) ** n
            if not close(1 + m * mpf(2) ** (sign * n), d):
                return False
    return True


def _u38_normal(x, mu, variance):
    return exp(-((x - mu) ** 2) / (2 * variance)) / sqrt(2 * pi * variance)


def _u38_marginal(prior_power):
    x = mpf("0.7")
    integral = quad(lambda z: _u38_normal(x, z, 1) * _u38_normal(z, 0, 1), [-inf, inf])
    expectation = quad(lambda z: _u38_normal(x, z, 1) * _u38_normal(z, 0, 1) ** prior_power, [-inf, inf])
    exact = _u38_normal(x, 0, 2)
    return close(integral, exact, tol=mpf(10) ** -15) and close(expectation, exact, tol=mpf(10) ** -15)


_U38_Q = vec(["0.2", "0.5", "0.3"])
_U38_P = vec(["0.4", "0.4", "0.2"])
_U38_LIK = vec(["0.7", "0.1", "0.35"])


def _u38_kl_chain(middle_sign):
    first = sum(q * log(p) for q, p in zip(_U38_Q, _U38_P)) - sum(q * log(q) for q in _U38_Q)
    middle = middle_sign * sum(q * log(q / p) for q, p in zip(_U38_Q, _U38_P))
    return close(first, middle) and close(middle, -kl(_U38_Q, _U38_P))


def _u38_elbo(kl_sign):
    elbo = sum(q * log(l * p / q) for q, p, l in zip(_U38_Q, _U38_P, _U38_LIK))
    reconstruction = sum(q * log(l) for q, l in zip(_U38_Q, _U38_LIK))
    return close(elbo, reconstruction + kl_sign * kl(_U38_Q, _U38_P))


def _u38_score(last):
    lam = mpf("0.4")
    tol = mpf(10) ** -15
    first = quad(lambda z: _u38_normal(z, lam, 1) * -(z - lam), [-inf, inf])
    second = -quad(lambda z: diff(lambda m: _u38_normal(z, m, 1), lam), [-inf, inf])
    third = -diff(lambda m: quad(lambda z: _u38_normal(z, m, 1), [-inf, inf]), lam)
    fourth = -diff(lambda m: mpf(1), lam)
    return all(close(v, 0, tol=tol) for v in (first, second, third, fourth)) and close(fourth, last)


def _u38_lora_forward(sign):
    w0 = mat([["0.3", "-1.2", "2.0", "0.5"], ["0.7", "0.1", "-0.4", "1.1"], ["-0.9", "0.6", "0.2", "0.8"]])
    b = mat([["1.0", "-0.5"], ["0.3", "0.8"], ["-0.2", "0.4"]])
    a = mat([["0.6", "0.1", "-0.7", "0.2"], ["-0.3", "0.9", "0.5", "-1.1"]])
    x = col(["0.9", "-0.4", "1.3", "0.2"])
    h = (w0 + b * a) * x
    return close(h, w0 * x + (b * a) * x) and close(h, w0 * x + sign * (b * (a * x)))


CHECKS.update(
    {
        "u38-temp-ratio": lambda: _u38_ratio(True),
        "u38-temp-ratio~times": lambda: _u38_ratio(False),
        "u38-temp-one": lambda: _u38_plain(True),
        "u38-temp-one~index": lambda: _u38_plain(False),
        "u38-temp-ex1": lambda: rounds_to(_u38_softmax_t([2, 1, 0], 1)[0], "0.67"),
        "u38-temp-ex1~swap": lambda: rounds_to(_u38_softmax_t([2, 1, 0], 1)[0], "0.76"),
        "u38-temp-ex05": lambda: rounds_to(_u38_softmax_t([2, 1, 0], mpf("0.5"))[1], "0.12"),
        "u38-temp-ex05~swap": lambda: rounds_to(_u38_softmax_t([2, 1, 0], mpf("0.5"))[1], "0.21"),
        "u38-temp-ex05-last": lambda: rounds_to(_u38_softmax_t([2, 1, 0], mpf("0.5"))[2], "0.02"),
        "u38-temp-ex05-last~tenfold": lambda: rounds_to(_u38_softmax_t([2, 1, 0], mpf("0.5"))[2], "0.2"),
        "u38-temp-ex2": lambda: rounds_to(_u38_softmax_t([2, 1, 0], 2)[0], "0.49"),
        "u38-temp-ex2~corrected": lambda: rounds_to(_u38_softmax_t([2, 1, 0], 2)[0], "0.51"),
        "u38-kv-flops": lambda: 2 * 2 * 64 * 8192 * 8192 == 17_179_869_184,
        "u38-kv-flops~half": lambda: 2 * 2 * 64 * 8192 * 4096 == 17_179_869_184,
        "u38-kv-memtime": lambda: rounds_to(mpf(17_179_869_184) / 1_500_000_000_000, "0.0114532"),
        "u38-kv-memtime~shift": lambda: rounds_to(mpf(17_179_869_184) / 1_500_000_000_000, "0.114532"),
        "u38-kv-computetime": lambda: rounds_to(mpf(17_179_869_184) / 312_000_000_000_000, "0.000055"),
        "u38-kv-computetime~shift": lambda: rounds_to(mpf(17_179_869_184) / 312_000_000_000_000, "0.00055"),
        "u38-kv-ratio": lambda: Fraction(312) / Fraction("1.5") == 208,
        "u38-kv-ratio~digits": lambda: Fraction(312) / Fraction("1.5") == 280,
        "u38-kv-pertoken": lambda: 2 * 2 * 64 * 8192 == 2_097_152,
        "u38-kv-pertoken~double": lambda: 2 * 2 * 64 * 8192 == 4_194_304,
        "u38-kv-tokens": lambda: Fraction(16) / Fraction("0.002") == 8000,
        "u38-kv-tokens~digit": lambda: Fraction(16) / Fraction("0.002") == 800,
        "u38-kv-weights": lambda: 52 * 10**9 * 2 == 104 * 10**12,
        "u38-kv-weights~corrected": lambda: 52 * 10**9 * 2 == 104 * 10**9,
        "u38-lora-full": lambda: 768 * 768 == 589_824,
        "u38-lora-full~digits": lambda: 768 * 768 == 589_842,
        "u38-lora-r8": lambda: 768 * 8 + 8 * 768 == 12_288,
        "u38-lora-r8~single": lambda: 768 * 8 + 8 * 768 == 6_144,
        "u38-lora-saving": lambda: rounds_to(mpf(589_824) / 12_288, "48"),
        "u38-lora-saving~64": lambda: rounds_to(mpf(589_824) / 12_288, "64"),
        "u38-lora-general": lambda: all(
            d * r + r * k == r * (d + k) for d, r, k in ((768, 8, 768), (4096, 16, 1024), (3, 2, 5))
        ),
        "u38-lora-general~minus": lambda: all(
            d * r + r * k == r * (d - k) for d, r, k in ((768, 8, 768), (4096, 16, 1024), (3, 2, 5))
        ),
        "u38-lora-r16": lambda: rounds_to(mpf(16 * (768 + 768)) / 589_824 * 100, "4.17"),
        "u38-lora-r16~round": lambda: rounds_to(mpf(16 * (768 + 768)) / 589_824 * 100, "4.71"),
        "u38-lora-r64": lambda: 64 * (768 + 768) == 98_304,
        "u38-lora-r64~digits": lambda: 64 * (768 + 768) == 96_304,
        "u38-lora-attn": lambda: 12 * 4 * Fraction("0.59") == Fraction("28.22"),
        "u38-lora-attn~corrected": lambda: 12 * 4 * Fraction("0.59") == Fraction("28.32"),
        "u38-lora-ffn": lambda: 12 * 2 * Fraction("2.36") == Fraction("56.45"),
        "u38-lora-ffn~corrected": lambda: 12 * 2 * Fraction("2.36") == Fraction("56.64"),
        "u38-lora-embed": lambda: rounds_to(mpf(768 * 30522) / 10**6, "23.4"),
        "u38-lora-embed~vocab": lambda: rounds_to(mpf(768 * 30522) / 10**6, "32.4"),
        "u38-lora-mem": lambda: 220 + 440 + 220 == 880,
        "u38-lora-mem~660": lambda: 220 + 440 + 220 == 660,
        "u38-lora-memsave": lambda: rounds_to(1 - mpf(225) / 880, "0.74"),
        "u38-lora-memsave~ratio": lambda: rounds_to(mpf(225) / 880, "0.74"),
        "u38-lora-forward": lambda: _u38_lora_forward(1),
        "u38-lora-forward~minus": lambda: _u38_lora_forward(-1),
        "u38-norms-var": lambda: _u38_norms_var(True),
        "u38-norms-var~corrected": lambda: _u38_norms_var(False),
        "u38-quant-scale": lambda: _u38_scale(-1),
        "u38-quant-scale~sum": lambda: _u38_scale(1),
        "u38-quant-zero": lambda: _u38_zero(-1),
        "u38-quant-zero~plus": lambda: _u38_zero(1),
        "u38-quant-roundtrip": lambda: _u38_roundtrip(-1),
        "u38-quant-roundtrip~plus": lambda: _u38_roundtrip(1),
        "u38-gpu-fp32": lambda: 4 * 7 * 10**9 == 28 * 10**9,
        "u38-gpu-fp32~24": lambda: 4 * 7 * 10**9 == 24 * 10**9,
        "u38-gpu-4bit": lambda: Fraction(1, 2) * 7 * 10**9 == Fraction("3.5") * 10**9,
        "u38-gpu-4bit~quarter": lambda: Fraction(1, 4) * 7 * 10**9 == Fraction("3.5") * 10**9,
        "u38-gpu-adamw": lambda: 8 * 7 * 10**9 == 56 * 10**9,
        "u38-gpu-adamw~54": lambda: 8 * 7 * 10**9 == 54 * 10**9,
        "u38-float-mantissa": lambda: abs((mpf("1.5707963705062866") - 1) * mpf(2) ** 23 - 4788187) < mpf(10) ** -6,
        "u38-float-mantissa~digit": lambda: (
            abs((mpf("1.5707963705062866") - 1) * mpf(2) ** 23 - 4788178) < mpf(10) ** -6
        ),
        "u38-float-inverse": lambda: _u38_inverse(-1),
        "u38-float-inverse~sign": lambda: _u38_inverse(1),
        "u38-float-fp32": lambda: _u38_decode(81, 3181830, 23, "-1.9601084"),
        "u38-float-fp32~exp": lambda: _u38_decode(81, 3181830, 23, "-1.9601084", bias=126),
        "u38-float-bf16": lambda: _u38_decode(81, 48, 7, "-1.95"),
        "u38-float-bf16~mant": lambda: _u38_decode(81, 48, 6, "-1.95"),
        "u38-float-eps": lambda: rounds_to(mpf(2) ** -23 * mpf(10) ** 7, "1.19"),
        "u38-float-eps~91": lambda: rounds_to(mpf(2) ** -23 * mpf(10) ** 7, "1.91"),
        "u38-float-fp16range": lambda: rounds_to(mpf(2) ** -5 * mpf(10) ** 3, "1"),
        "u38-float-fp16range~corrected": lambda: rounds_to(mpf(2) ** -5 * mpf(10) ** 2, "3"),
        "u38-float-weights": lambda: Fraction("7.62") * 2 == Fraction("15.24"),
        "u38-float-weights~digits": lambda: Fraction("7.62") * 2 == Fraction("15.42"),
        "u38-float-kv": lambda: rounds_to(mpf(2 * 1 * 4096 * 28 * 3584 * 2) / 10**9, "1.64"),
        "u38-float-kv~bytes": lambda: rounds_to(mpf(2 * 1 * 4096 * 28 * 3584 * 4) / 10**9, "1.64"),
        "u38-vae-marginal": lambda: _u38_marginal(1),
        "u38-vae-marginal~square": lambda: _u38_marginal(2),
        "u38-vae-kl": lambda: _u38_kl_chain(-1),
        "u38-vae-kl~sign": lambda: _u38_kl_chain(1),
        "u38-vae-elbo": lambda: _u38_elbo(-1),
        "u38-vae-elbo~plus": lambda: _u38_elbo(1),
        "u38-vae-score": lambda: _u38_score(0),
        "u38-vae-score~one": lambda: _u38_score(1),
    }
)


# ---- end of checks


def holds(formula_id: str) -> bool:
    """Whether the formula holds, by its hand-written check, at 40 significant digits."""
    with mp.workdps(PRECISION):
        return bool(CHECKS[formula_id]())


mp.dps = _saved_dps
