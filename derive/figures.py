"""Figures for the appendix, computed by the engine and drawn by pgfplots.

Each figure is data the engine computes here (deterministically: fixed seeds, fixed
rounding) plus the pgfplots code that draws it, so the appendix needs no image files.
A figure belongs to the result it illustrates: the appendix places it after that
result, with a paragraph that refers to it and says what to read in it.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np

from derive.oracles import mp_softmax


@dataclass(frozen=True)
class Figure:
    area: str  # the appendix section it belongs to
    label: str
    caption: str  # LaTeX
    body: str  # a tikzpicture
    about: str = ""  # the result it illustrates
    text: str = ""  # LaTeX paragraph for the text, referring to the figure as {figure}


def _coordinates(pairs, digits: int = 4) -> str:
    return " ".join(
        f"({x:.{digits}f},{y:.{digits}f})" if isinstance(x, float) else f"({x},{y:.{digits}f})" for x, y in pairs
    )


def largest_attention_weight(dims=(16, 64, 256, 1024, 4096), keys: int = 64, trials: int = 200, seed: int = 2017):
    """Mean over trials of the largest softmax weight of q·k_j (raw and divided by √d), Gaussian q, k."""
    rng = np.random.default_rng(seed)
    raw, scaled = [], []
    for d in dims:
        top_raw, top_scaled = 0.0, 0.0
        for _ in range(trials):
            q = rng.standard_normal(d)
            k = rng.standard_normal((keys, d))
            scores = k @ q
            for total, factor in ((0, 1.0), (1, 1.0 / np.sqrt(d))):
                s = scores * factor
                weights = np.exp(s - s.max())
                top = float(weights.max() / weights.sum())
                if total == 0:
                    top_raw += top
                else:
                    top_scaled += top
        raw.append((d, top_raw / trials))
        scaled.append((d, top_scaled / trials))
    return raw, scaled


def attention_figure() -> Figure:
    raw, scaled = largest_attention_weight()
    body = rf"""\begin{{tikzpicture}}
\begin{{semilogxaxis}}[width=0.8\linewidth, height=6cm, log basis x=2, xlabel={{$d$}},
  ylabel={{largest attention weight}}, ymin=0, ymax=1.05, legend pos=south east, grid=major]
\addplot+[mark=*] coordinates {{{_coordinates(raw)}}};
\addlegendentry{{scores $q\cdot k_j$}}
\addplot+[mark=square*] coordinates {{{_coordinates(scaled)}}};
\addlegendentry{{scores $q\cdot k_j/\sqrt{{d}}$}}
\end{{semilogxaxis}}
\end{{tikzpicture}}"""
    caption = (
        r"Largest softmax weight over 64 keys, averaged over 200 seeded draws of Gaussian $q, k_j \in \mathbb{R}^d$. "
        r"Without the $1/\sqrt{d}$ factor the softmax saturates towards one-hot as $d$ grows; with it the weights keep the same spread."
    )
    text = (
        r"{figure} shows what the variance computed in {theorem} does to attention. Dot products of "
        r"$d$-dimensional Gaussian vectors have standard deviation $\sqrt{d}$, so without scaling the largest "
        r"score dominates the softmax more and more as $d$ grows and the attention weights become nearly one-hot "
        r"(with vanishing gradients through every other key); divided by $\sqrt{d}$ the scores have variance 1 "
        r"for every $d$ and the largest weight stays where it was at small $d$."
    )
    return Figure("Attention", "fig:attention_saturation", caption, body, "attention_scaling", text)


def softmax_temperature_figure(logits=(2.0, 1.0, 0.5, 0.0, -1.0), temperatures=(0.5, 1.0, 2.0)) -> Figure:
    plots = []
    with mpmath.workdps(30):
        for t in temperatures:
            probabilities = mp_softmax([mpmath.mpf(z) / mpmath.mpf(t) for z in logits])
            pairs = [(position + 1, float(p)) for position, p in enumerate(probabilities)]
            plots.append(rf"\addplot coordinates {{{_coordinates(pairs)}}};" + "\n" + rf"\addlegendentry{{$T={t:g}$}}")
    logit_text = ", ".join(f"{z:g}" for z in logits)
    body = (
        r"""\begin{tikzpicture}
\begin{axis}[ybar, bar width=7pt, width=0.8\linewidth, height=6cm, xlabel={token $i$},
  ylabel={$\sigma_i(z/T)$}, ymin=0, xtick=data, legend pos=north east, enlarge x limits=0.15]
"""
        + "\n".join(plots)
        + "\n"
        + r"""\end{axis}
\end{tikzpicture}"""
    )
    caption = (
        rf"Softmax of the logits $z=({logit_text})$ divided by a temperature $T$: a low temperature sharpens the "
        r"distribution towards the largest logit, a high one flattens it towards uniform."
    )
    text = (
        r"{figure} illustrates {theorem} on five logits. Every temperature keeps the order of the "
        r"probabilities, because the ratio $\sigma_i/\sigma_j = e^{(z_i - z_j)/T}$ exceeds 1 exactly when "
        r"$z_i > z_j$; lowering $T$ raises each ratio to a higher power, which concentrates the mass on the "
        r"largest logit, and raising $T$ pulls every ratio towards 1, the uniform distribution."
    )
    return Figure("Softmax and losses", "fig:softmax_temperature", caption, body, "softmax_temperature", text)


def surprisal_figure() -> Figure:
    points = [0.01, 0.02, 0.05] + [round(0.1 * s, 1) for s in range(1, 11)]
    with mpmath.workdps(30):
        pairs = [(p, float(-mpmath.log(mpmath.mpf(str(p))))) for p in points]
    body = rf"""\begin{{tikzpicture}}
\begin{{axis}}[width=0.8\linewidth, height=6cm, xlabel={{$p$}}, ylabel={{$-\log p$ (nats)}}, ymin=0, xmin=0, xmax=1, grid=major]
\addplot+[smooth, mark=none, thick] coordinates {{{_coordinates(pairs)}}};
\end{{axis}}
\end{{tikzpicture}}"""
    caption = (
        r"The loss on one token, $-\log p$, against the probability $p$ the model gave it: zero at $p=1$, "
        r"unbounded as $p\to0$, which is why a confident wrong prediction costs so much."
    )
    text = (
        r"{figure} plots the surprisal $-\log p$ that {theorem} averages over tokens. Perplexity is the "
        r"exponential of that average, so a single token given probability $0.01$ adds $\log 100 \approx 4.6$ "
        r"nats to the sum, as much as about 44 tokens each predicted with probability $0.9$."
    )
    return Figure("Information theory", "fig:surprisal", caption, body, "perplexity", text)


def all_figures() -> list[Figure]:
    return [softmax_temperature_figure(), surprisal_figure(), attention_figure()]
