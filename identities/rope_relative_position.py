"""With rotary position embeddings the score (R(mθ)q)·(R(nθ)k) equals qᵀR((n − m)θ)k, so it depends on the positions m, n only through n − m, in every 2-dimensional block of d = 2h.

R(α) is the 2×2 rotation by α. Since R(α)ᵀR(β) = R(β − α) (angle-difference
formulas), rotations preserve dot products, and rotating the query by mθ and the key
by nθ leaves the relative rotation by (n − m)θ. RoPE rotates block i of a
d = 2h-dimensional query or key, (x_{2i−1}, x_{2i}), by its own frequency θ_i; the
score is the sum over blocks, proved for symbolic h, and is unchanged when both
positions shift by the same amount.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, positive, reals, vector
from derive.notation import Notation, Sum, i
from derive.vocabulary import Vocabulary, call, position_value, refuse, vector_of

h = sp.Symbol("h", integer=True, positive=True)  # number of 2-dimensional blocks, d = 2h
m, n, s = sp.symbols("m n s", integer=True, positive=True)  # positions of query and key, a shift
alpha, beta, phi = sp.symbols("alpha beta phi", real=True)
q = sp.IndexedBase("q", real=True)
k = sp.IndexedBase("k", real=True)
theta = sp.IndexedBase("theta", positive=True)  # one frequency per block


def _matrix(rows):
    return sp.ImmutableMatrix(rows)


def rotation_entries(angle):
    return _matrix([[sp.cos(angle), -sp.sin(angle)], [sp.sin(angle), sp.cos(angle)]])


class Rotation(sp.MatrixExpr):
    """R(α) = [[cos α, −sin α], [sin α, cos α]], the rotation of the plane by α."""

    def __new__(cls, angle):
        return sp.Basic.__new__(cls, sp.sympify(angle))

    @property
    def angle(self):
        return self.args[0]

    @property
    def shape(self):
        return (sp.Integer(2), sp.Integer(2))

    def _entry(self, row, col, **kwargs):
        return rotation_entries(self.angle)[row, col]

    def doit(self, **hints):
        return rotation_entries(self.angle.doit(**hints) if hints.get("deep", True) else self.angle)

    def _latex(self, printer, exp=None):
        return rf"R\left({printer._print(self.angle)}\right)"

    def _unicode(self, printer, **kwargs):
        return f"R({printer._print(self.angle)})"


def product(*factors):
    return sp.MatMul(*factors, evaluate=False)


def T(matrix):
    return sp.Transpose(matrix)


def block(vec, position):
    """Block ``position`` of a vector: the column (x_{2i−1}, x_{2i})."""
    return _matrix([[vec[2 * position - 1]], [vec[2 * position]]])


def relative_term(position, offset):
    """q^(i)ᵀ R(offset·θ_i) k^(i), written out."""
    angle = offset * theta[position]
    q1, q2, k1, k2 = q[2 * position - 1], q[2 * position], k[2 * position - 1], k[2 * position]
    return sp.cos(angle) * (q1 * k1 + q2 * k2) + sp.sin(angle) * (q2 * k1 - q1 * k2)


class Rotated(Notation):
    """(R_{Θ,p} x)_{2i−1} or (R_{Θ,p} x)_{2i}: component ``half`` (1 or 2) of block i of x rotated by p θ_i."""

    nargs = 4

    def definition(self):
        vec, at, position, half = self.args
        angle = at * theta[position]
        first, second = vec[2 * position - 1], vec[2 * position]
        if half == 1:
            return sp.cos(angle) * first - sp.sin(angle) * second
        return sp.sin(angle) * first + sp.cos(angle) * second

    def _latex(self, printer, exp=None):
        vec, at, position, half = self.args
        component = printer._print(2 * position - 1 if half == 1 else 2 * position)
        tex = rf"\left(R_{{\Theta,{printer._print(at)}}}\, {printer._print(vec)}\right)_{{{component}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        vec, at, position, half = self.args
        component = printer._print(2 * position - 1 if half == 1 else 2 * position)
        return f"(R_Θ,{printer._print(at)} {printer._print(vec)})_({component})"


def rotated_term(position, query_at, key_at):
    """(R(mθ_i) q^(i))·(R(nθ_i) k^(i)) = the two rotated components of block i, multiplied and added."""
    return sum(Rotated(q, query_at, position, half) * Rotated(k, key_at, position, half) for half in (1, 2))


class RopeScore(Notation):
    """(R_{Θ,m} q)·(R_{Θ,n} k): query at position m and key at position n, block i rotated by m θ_i and n θ_i."""

    nargs = 3

    def definition(self):
        query_at, key_at, blocks = self.args
        dummy = sp.Dummy("i", integer=True, positive=True)
        return sp.Sum(rotated_term(dummy, query_at, key_at), (dummy, 1, blocks))

    def _latex(self, printer, exp=None):
        query_at, key_at, _ = (printer._print(a) for a in self.args)
        tex = rf"\left(R_{{\Theta,{query_at}}}\, q\right) \cdot \left(R_{{\Theta,{key_at}}}\, k\right)"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        query_at, key_at, _ = (printer._print(a) for a in self.args)
        return f"(R_Θ,{query_at} q)·(R_Θ,{key_at} k)"


# --- oracles: plain mpmath rotations ------------------------------------------------------


def mp_rotation(angle) -> mpmath.matrix:
    return mpmath.matrix([[mpmath.cos(angle), -mpmath.sin(angle)], [mpmath.sin(angle), mpmath.cos(angle)]])


def mp_rope(vec, frequencies, position) -> mpmath.matrix:
    """The d = 2h vector with block i rotated by position·θ_i: a block-diagonal rotation applied to vec."""
    size = 2 * len(frequencies)
    rotation = mpmath.zeros(size, size)
    for t, frequency in enumerate(frequencies):
        rotation[2 * t : 2 * t + 2, 2 * t : 2 * t + 2] = mp_rotation(position * frequency)
    return rotation * mpmath.matrix(vec)


def mp_rope_score(point, query_at, key_at):
    rotated_q, rotated_k = mp_rope(point.q, point.theta, query_at), mp_rope(point.k, point.theta, key_at)
    return mpmath.fsum(rotated_q[t] * rotated_k[t] for t in range(rotated_q.rows))


def _pair(vec):
    return mpmath.matrix([[vec[0]], [vec[1]]])


def oracle_composition(point):
    return mp_rotation(point.alpha).T * mp_rotation(point.beta)


def oracle_preserved(point):
    return (mp_rotation(point.phi) * _pair(point.q)).T * (mp_rotation(point.phi) * _pair(point.k))


def oracle_pair_score(point):
    return (mp_rotation(point.m * point.theta[0]) * _pair(point.q)).T * (
        mp_rotation(point.n * point.theta[0]) * _pair(point.k)
    )


def oracle_blocks(point):
    return mp_rope_score(point, point.m, point.n)


def oracle_shifted(point):
    return mp_rope_score(point, point.m + point.s, point.n + point.s)


# --- claims --------------------------------------------------------------------------------

ca, sa, cb, sb = sp.cos(alpha), sp.sin(alpha), sp.cos(beta), sp.sin(beta)

composition = Claim(
    label="composition",
    text=r"Let $R(\alpha)$ be the rotation of the plane by $\alpha$, with rows $(\cos \alpha, -\sin \alpha)$ and $(\sin \alpha, \cos \alpha)$. Then",
    statement=sp.Eq(product(T(Rotation(alpha)), Rotation(beta)), Rotation(beta - alpha), evaluate=False),
    steps=[
        Step(product(T(Rotation(alpha)), Rotation(beta))),
        Step(
            product(_matrix([[ca, sa], [-sa, ca]]), _matrix([[cb, -sb], [sb, cb]])),
            because=r"definition of $R$; transpose",
        ),
        Step(
            _matrix([[ca * cb + sa * sb, sa * cb - ca * sb], [ca * sb - sa * cb, ca * cb + sa * sb]]),
            because="multiply",
        ),
        Step(rotation_entries(beta - alpha), because="angle-difference formulas"),
        Step(Rotation(beta - alpha), because=r"definition of $R$"),
    ],
    oracle=oracle_composition,
)

q_pair, k_pair = block(q, 1), block(k, 1)

preserved = Claim(
    label="dot products preserved",
    text=r"Rotations therefore preserve dot products: for $q, k \in \mathbb{R}^2$,",
    statement=sp.Eq(
        product(T(product(Rotation(phi), q_pair)), product(Rotation(phi), k_pair)),
        product(T(q_pair), k_pair),
        evaluate=False,
    ),
    steps=[
        Step(product(T(product(Rotation(phi), q_pair)), product(Rotation(phi), k_pair))),
        Step(product(T(q_pair), T(Rotation(phi)), Rotation(phi), k_pair), because=r"$(AB)^{\top} = B^{\top} A^{\top}$"),
        Step(
            product(T(q_pair), Rotation(sp.Integer(0)), k_pair),
            because=r"part {by} with $\alpha = \beta = \varphi$",
            by=composition,
        ),
        Step(product(T(q_pair), k_pair), because=r"$R(0)$ is the identity"),
    ],
    oracle=oracle_preserved,
)

theta_1 = theta[1]

pair_score = Claim(
    label="relative position",
    text=r"A query at position $m$ rotated by $m\theta$ and a key at position $n$ rotated by $n\theta$ score",
    statement=sp.Eq(
        product(T(product(Rotation(m * theta_1), q_pair)), product(Rotation(n * theta_1), k_pair)),
        product(T(q_pair), Rotation((n - m) * theta_1), k_pair),
        evaluate=False,
    ),
    steps=[
        Step(product(T(product(Rotation(m * theta_1), q_pair)), product(Rotation(n * theta_1), k_pair))),
        Step(
            product(T(q_pair), T(Rotation(m * theta_1)), Rotation(n * theta_1), k_pair),
            because=r"$(AB)^{\top} = B^{\top} A^{\top}$",
        ),
        Step(product(T(q_pair), Rotation(n * theta_1 - m * theta_1), k_pair), because="part {by}", by=composition),
        Step(product(T(q_pair), Rotation((n - m) * theta_1), k_pair), because=r"$n\theta - m\theta = (n - m)\theta$"),
    ],
    oracle=oracle_pair_score,
)

blocks = Claim(
    label="all blocks",
    text=(
        r"In $d = 2h$ dimensions $R_{\Theta,m}$ rotates block $i$, $(x_{2i-1}, x_{2i})$, by $m\theta_i$; "
        r"block by block, the score is a function of $n - m$ alone:"
    ),
    statement=sp.Eq(RopeScore(m, n, h), Sum(relative_term(i, n - m), i, h), evaluate=False),
    steps=[
        Step(RopeScore(m, n, h)),
        Step(Sum(rotated_term(i, m, n), i, h), because=r"the dot product, summed block by block"),
        Step(
            Sum(relative_term(i, n - m), i, h),
            because=r"part {by} in block $i$, with $\theta = \theta_i$, multiplied out",
            by=pair_score,
            proof="merged sums",
        ),
    ],
    oracle=oracle_blocks,
)

shifted = Claim(
    label="shift invariance",
    text=r"Hence shifting both positions by $s$ changes nothing:",
    statement=sp.Eq(RopeScore(m + s, n + s, h), RopeScore(m, n, h), evaluate=False),
    steps=[
        Step(RopeScore(m + s, n + s, h)),
        Step(
            Sum(relative_term(i, (n + s) - (m + s)), i, h),
            because=r"part {by} at positions $m + s$, $n + s$; $(n + s) - (m + s) = n - m$",
            by=blocks,
            proof="merged sums",
        ),
        Step(RopeScore(m, n, h), because="part {by}", by=blocks, proof="merged sums"),
    ],
    oracle=oracle_shifted,
)

# --- documentation vocabulary ---------------------------------------------------------------
# q, k a query and a key of length d = 2h, θ_i the frequency of block i, m, n (and a shift s)
# positions; R_{Θ,m} the block-diagonal rotation by the angles m θ_i.


def _doc_rotation(env, atom, side):
    names = [part for part in atom.sub_text.replace(" ", "").split(",") if part]
    written = _position_times_theta(atom)
    if written is not None:  # R(m\theta): the rotation by the angles m θ_i, as R_{\Theta,m}
        names = ["Theta", written]
    if len(names) != 2 or names[0] not in ("Theta", "theta"):
        refuse("write the rotation of a position p as R_{\\Theta,p} or R(p\\theta)")
    position, blocks = position_value(env, names[1]), env.dim_value(h)
    if not isinstance(blocks, sp.Integer):
        refuse("the rotation is written out only for a concrete number of blocks")
    rotation = sp.diag(*[rotation_entries(position * theta[block]) for block in range(1, int(blocks) + 1)])
    return rotation.T if atom.transpose else rotation


def _position_times_theta(atom):
    """The position p of R(p\\theta) or R((n - m)\\theta) written without a subscript, as text; else None."""
    if atom.sub_text or not atom.args or len(atom.args) != 1:
        return None
    words = atom.args[0].source.split()
    if len(words) < 2 or words[-1] != "theta":
        return None
    words = words[:-1]
    if words[0] == "(" and words[-1] == ")":
        words = words[1:-1]
    return "".join(words) or None


vocabulary = Vocabulary(
    domain_names=True,
    size=2 * h,
    dims={"h": h},
    entries={"q": vector_of(q, 2 * h), "k": vector_of(k, 2 * h), "R": call(_doc_rotation)},
    applied=("R",),  # R((n - m)\theta): the rotation by the angles (n - m) θ_i, never R times a bracket
    examples=[
        (
            r"q^\top R_{\Theta,m}^\top R_{\Theta,n}\, k = q^\top R_{\Theta,n-m}\, k",
            r"q^\top R_{\Theta,m}^\top R_{\Theta,n}\, k = q^\top R_{\Theta,n+m}\, k",
        ),
        (
            r"q^\top R_{\Theta,m+s}^\top R_{\Theta,n+s}\, k = q^\top R_{\Theta,m}^\top R_{\Theta,n}\, k",
            r"q^\top R_{\Theta,m+s}^\top R_{\Theta,n}\, k = q^\top R_{\Theta,m}^\top R_{\Theta,n}\, k",
        ),
    ],
)


rope_relative_position = Result(
    vocabulary=vocabulary,
    title="Rotary position embeddings depend on relative position",
    area="Attention",
    claims=[composition, preserved, pair_score, blocks, shifted],
    domain=Domain(
        {
            h: dimension(1, 4),
            alpha: reals(-4, 4),
            beta: reals(-4, 4),
            phi: reals(-4, 4),
            m: index(2048),
            n: index(2048),
            s: index(2048),
            q: vector(2 * h, reals(-2, 2)),
            k: vector(2 * h, reals(-2, 2)),
            theta: vector(h, positive("0.0001", 1)),
        }
    ),
    references=["su2021"],
)
