r"""An update of a name the tag's result defines: ``m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t`` under
``adam_bias_correction`` assigns the result's m_t, so the value it assigns is claimed to be the result's and the arrow
is read as ``=``. An update of any other name (``\theta_t \leftarrow \theta_{t-1} - \eta \hat m_t``), or one whose
name is written again on the right at the same step (``x \leftarrow x - \eta g``), still states nothing to check."""

from __future__ import annotations

import re

UPDATE = re.compile(r"(?P<left>[^=<>]+?)\\leftarrow(?P<right>.*)", re.S)


def _plain(text: str) -> str:
    """The text without spaces and with one-character subscripts unbraced (m_{t} is m_t; m_{t-1} stays)."""
    return re.sub(r"_\{(\w)\}", r"_\1", re.sub(r"\s", "", text))


def _written_again(left: str, right: str) -> bool:
    """Whether the right side writes the updated name as the left does, at the same step (x in x - \\eta g)."""
    return re.search(re.escape(_plain(left)) + r"(?![\w'^{])", _plain(right)) is not None


def updates_as_equations(text: str, binding) -> str:
    """``text`` with the arrow of an update of one of the result's names read as ``=``; else unchanged."""
    match = UPDATE.fullmatch(text.strip())
    if not binding.result or match is None or re.search(r"\\leftarrow|=|\\approx", match["right"]):
        return text  # w \leftarrow A = B claims A = B alone (derive.docs.interpret)
    from derive.docs.side_names import _normal_name
    from derive.registry import load
    from derive.vocabulary import vocabulary_for

    try:
        name = _normal_name(match["left"])
    except Exception:  # not one name: an update of an expression states nothing to check
        return text
    head = name.rsplit("_", 1)[0] if "_" in name else name
    if head not in vocabulary_for(load(binding.result)).entries or _written_again(match["left"], match["right"]):
        return text
    return f"{match['left']} = {match['right']}"
