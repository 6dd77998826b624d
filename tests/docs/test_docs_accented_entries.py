r"""An accent over an entry, \hat{q_k}, where the tag declares the vector \hat{q} and nothing gives \hat{q_k} a meaning
of its own, is the k-th entry of \hat{q}, as \hat{q}_k is: Sketch RNN writes the pen-state probabilities
q_k = \operatorname{softmax}(\hat{q})_k = \frac{\exp(\hat{q_k})}{\sum_{j = 1}^3 \exp(\hat{q_j})}, which FAILed with
\hat{q_k} and \hat{q_j} read as numbers of their own (a false alarm)."""

from checking import assert_page_pass_and_fail, verdict

TAG = r"\hat{q} \in \mathbb{R}^3"


def test_an_accent_over_an_entry_is_the_entry_of_the_declared_vector(tmp_path):
    assert_page_pass_and_fail(tmp_path, TAG, r"\hat{q_2} = \hat{q}_2", r"\hat{q_2} = \hat{q}_1")


def test_an_accent_over_an_entry_of_a_greek_letter_is_the_entry_of_the_declared_vector(tmp_path):
    # Sketch RNN's mixture weights: \hat{\Pi_i} of the declared logits \hat{\Pi}
    assert_page_pass_and_fail(
        tmp_path,
        r"\hat{\Pi} \in \mathbb{R}^3",
        r"\sum_{i=1}^3 \hat{\Pi_i} = \hat{\Pi}_1 + \hat{\Pi}_2 + \hat{\Pi}_3",
        r"\sum_{i=1}^3 \hat{\Pi_i} = \hat{\Pi}_1 + \hat{\Pi}_2 + 2 \hat{\Pi}_3",
    )


def test_an_accent_over_an_entry_of_a_greek_letter_the_tag_declares_no_vector_stays_unbound(tmp_path):
    result, detail = verdict(
        tmp_path, r"\Pi: real", r"\sum_{i=1}^3 \hat{\Pi_i} = \hat{\Pi_1} + \hat{\Pi_2} + \hat{\Pi_3}"
    )
    assert result == "UNKNOWN" and "not bound" in detail, (result, detail)


def test_the_softmax_of_the_declared_logits_written_with_accented_entries(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        TAG,
        r"\frac{\exp(\hat{q_1})}{\sum_{j = 1}^3 \exp(\hat{q_j})} = \operatorname{softmax}(\hat{q})_1",
        r"\frac{\exp(\hat{q_1})}{\sum_{j = 1}^2 \exp(\hat{q_j})} = \operatorname{softmax}(\hat{q})_1",
    )


def test_sketch_rnns_pen_state_softmax_is_no_false_alarm(tmp_path):
    written = r"q_k = \operatorname{softmax}(\hat{q})_k = \frac{\exp(\hat{q_k})}{\sum_{j = 1}^3 \exp(\hat{q_j})}"
    result, detail = verdict(tmp_path, TAG, written)
    assert result in ("PASS", "UNKNOWN"), (result, detail)
    result, detail = verdict(tmp_path, TAG, written.replace("^3", "^2"))
    assert result == "FAIL", (result, detail)


def test_sketch_rnns_pen_state_softmax_passes_where_its_index_picks_an_entry(tmp_path):
    # q_k at a k past the three entries is no point of the formula: set aside, as an entry written past them is
    written = r"q_k = \operatorname{softmax}(\hat{q})_k = \frac{\exp(\hat{q_k})}{\sum_{j = 1}^3 \exp(\hat{q_j})}"
    result, detail = verdict(tmp_path, TAG, written)
    assert result == "PASS" and "set aside" in detail, (result, detail)
    result, detail = verdict(tmp_path, TAG, written.replace(r"\sum", r"1 + \sum"))
    assert result == "FAIL", (result, detail)


def test_a_softmax_entry_past_the_declared_logits_stays_unknown(tmp_path):
    written = r"\operatorname{softmax}(\hat{q})_5 = \frac{\exp(\hat{q}_5)}{\sum_{j = 1}^3 \exp(\hat{q}_j)}"
    result, detail = verdict(tmp_path, TAG, written)
    assert result == "UNKNOWN" and "past the last entry" in detail, (result, detail)
