r"""Untagged, the mean of a derivative of a law's logarithm under that law set to a number
(``\mathbb{E}_{x \sim p_\theta}[\nabla_\theta \log p_\theta(x)] = 0``) is read in several families of laws p_θ: it
PASSes when every family gives the number, FAILs when it is the score's and every family gives 0, and is not passed
when one family does not give the number."""

import pytest

from tests.docs.checking import verdict


@pytest.mark.parametrize(
    "formula",
    [
        r"\underset{x \sim P_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} \log P_{\theta}(x)\right] = 0",
        r"\mathbb{E}[\nabla_\theta \log p_\theta] = 0",  # the law of the mean is the only one written
        r"\mathbb{E}_{a \sim \pi_{\theta}}\left[\nabla_{\theta} \log \pi_{\theta}(a \mid s) \mid s\right] = 0",
        r"\underset{a_t \sim \pi_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} \log \pi_{\theta}(a_t|s_t) b(s_t)\right] = 0",
    ],
)
def test_the_score_has_mean_zero_in_every_family(tmp_path, formula):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "PASS" and "in every family tried" in detail, (result, detail)


@pytest.mark.parametrize(
    "formula",
    [
        r"\underset{x \sim P_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} P_{\theta}(x)\right] = 0",  # no logarithm
        r"\underset{x \sim P_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} \log Q_{\theta}(x)\right] = 0",  # another law
        # a factor of the draw, or of θ: the mean is not the score's times a number
        r"\underset{a_t \sim \pi_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} \log \pi_{\theta}(a_t|s_t) b(a_t)\right] = 0",
        r"\underset{a_t \sim \pi_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} \log \pi_{\theta}(a_t|s_t) b_\theta(s_t)\right] = 0",
    ],
)
def test_other_means_are_not_passed(tmp_path, formula):
    result, detail = verdict(tmp_path, None, formula)
    assert result != "PASS" and "in every family tried" not in detail, (result, detail)


def test_the_families_tell_the_score_from_the_derivative_of_the_law():
    from derive.docs.score_mean import _family_means

    assert all(mean == 0 for _, mean in _family_means(log=True, factors=0))
    assert any(mean != 0 for _, mean in _family_means(log=False, factors=0))


@pytest.mark.parametrize(
    "formula",
    [
        r"\underset{x \sim P_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} \log P_{\theta}(x)\right] = 1",
        r"\mathbb{E}[\nabla_\theta \log p_\theta] = 1",
        r"\underset{a_t \sim \pi_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} \log \pi_{\theta}(a_t|s_t) b(s_t)\right] = 2",
    ],
)
def test_the_score_set_to_another_number_fails(tmp_path, formula):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "FAIL" and "in every family tried" in detail and "is 0, not" in detail, (result, detail)


def test_the_derivative_of_the_law_set_to_a_number_no_family_gives_is_not_refuted(tmp_path):
    formula = r"\underset{x \sim P_{\theta}}{\mathbb{E}}\left[\nabla_{\theta} P_{\theta}(x)\right] = 1"
    result, detail = verdict(tmp_path, None, formula)
    assert result not in ("PASS", "FAIL"), (result, detail)
