"""A tag that draws actions from a policy and states from a transition law over finite sets, with a discount below 1,
and defines a value as the expected discounted return, is read as a finite Markov decision process drawn at each
point: the Bellman equations PASS, their wrong variants FAIL with the process drawn, and a tag that defines no value
stays UNKNOWN with the reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

DRAWS = (
    r"a_t \sim \pi(\cdot \mid s_t); s_{t+1} \sim P(\cdot \mid s_t, a_t); \mathcal{S}, \mathcal{A}: finite sets;"
    r" \gamma \in [0, 1)"
)
STATE_VALUE = r"V^\pi(s) = E\left[\sum_{t=0}^\infty \gamma^t r(s_t, a_t) \mid s_0 = s\right]; " + DRAWS
ACTION_VALUE = (
    r"Q^\pi(s, a) = E\left[\sum_{t=0}^\infty \gamma^t r(s_t, a_t) \mid s_0 = s, a_0 = a\right];"
    r" a_t \sim \pi(\cdot \mid s_t) for t \geq 1; s_{t+1} \sim P(\cdot \mid s_t, a_t);"
    r" \mathcal{S}, \mathcal{A}: finite sets; 0 \le \gamma < 1"
)

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "the Bellman equation of a state value",
        STATE_VALUE,
        r"V^\pi(s) = \sum_{a \in \mathcal{A}} \pi(a \mid s) \Big[ r(s, a) + \gamma \sum_{s' \in \mathcal{S}}"
        r" P(s' \mid s, a) V^\pi(s') \Big];\ \textrm{for all } s \in \mathcal{S}.",
        r"V^\pi(s) = \sum_{a \in \mathcal{A}} \pi(a \mid s) \Big[ r(s, a) + \sum_{s' \in \mathcal{S}}"
        r" P(s' \mid s, a) V^\pi(s') \Big];\ \textrm{for all } s \in \mathcal{S}.",
    ),
    (
        "the Bellman equation of an action value",
        ACTION_VALUE,
        r"Q^\pi(s, a) = r(s, a) + \gamma \sum_{s' \in \mathcal{S}} P(s' \mid s, a) \sum_{a' \in \mathcal{A}}"
        r" \pi(a' \mid s') Q^\pi(s', a')",
        r"Q^\pi(s, a) = r(s, a) + \gamma \sum_{s' \in \mathcal{S}} P(s' \mid s, a) \sum_{a' \in \mathcal{A}}"
        r" \pi(a' \mid s') r(s', a')",
    ),
    (
        "the policy's and the transition's rows are laws",
        STATE_VALUE,
        r"\sum_{a \in \mathcal{A}} \pi(a \mid s) \sum_{s' \in \mathcal{S}} P(s' \mid s, a) = 1",
        r"\sum_{a \in \mathcal{A}} \pi(a \mid s) \sum_{s' \in \mathcal{S}} P(s \mid s', a) = 1",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_decision_process_decides_its_values(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_refutation_names_the_process_drawn(tmp_path):
    found, detail = verdict(tmp_path, STATE_VALUE, r"V^\pi(s) = \sum_{a \in \mathcal{A}} \pi(a \mid s) r(s, a)")
    assert found == "FAIL" and "process=(" in detail, detail


@pytest.mark.parametrize(
    "tag, formula",
    [
        (DRAWS, r"Q(s, a) = r(s, a)"),  # no value defined: the draws alone are not read
        (STATE_VALUE.replace(r"\gamma \in [0, 1)", r"\gamma > 0"), r"V^\pi(s) = V^\pi(s)"),  # no discount below 1
    ],
)
def test_draws_without_a_value_or_a_discount_below_one_stay_unknown(tmp_path, tag, formula):
    found, detail = verdict(tmp_path, tag, formula)
    assert found == "UNKNOWN" and "draws from a conditional law" in detail, detail
