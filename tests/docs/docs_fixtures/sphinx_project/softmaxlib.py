"""A library whose API documentation states formulas in its docstrings (a test fixture)."""


def softmax_jacobian(sigma):
    r"""The Jacobian of the softmax.

    .. derive: softmax_jacobian

    .. math::

        \frac{\partial \sigma_i}{\partial z_j} = \sigma_i (\delta_{ij} - \sigma_j)

    Parameters
    ----------
    sigma : list of float
        The softmax output :math:`\sigma`.
    """
    return [[s * ((i == j) - t) for j, t in enumerate(sigma)] for i, s in enumerate(sigma)]
