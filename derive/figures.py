"""Figures for the appendix, computed by the engine and drawn by pgfplots.

Each figure is data the engine computes here (deterministically: fixed seeds, fixed
rounding) plus the pgfplots code that draws it, so the appendix needs no image files.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np

from derive.oracles import mp_softmax


@dataclass(frozen=True)
class Figure:
    area: str      # the appendix section it belongs to
    label: str
    caption: str   # LaTeX
    body: str      # a tikzpicture


def _coordinates(pairs, digits: int = 4) -> str:
    return " ".join(f"({x:.{digits}f},{y:.{digits}f})" if isinstance(x, float) else f"({x},{y:.{digits}f})" for x, y in pairs)


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
    caption = (r"Largest softmax weight over 64 keys, averaged over 200 seeded draws of Gaussian $q, k_j \in \mathbb{R}^d$. "
               r"Without the $1/\sqrt{d}$ factor the softmax saturates towards one-hot as $d$ grows; with it the weights keep the same spread.")
    return Figure("Attention", "fig:attention_saturation", caption, body)


def softmax_temperature_figure(logits=(2.0, 1.0, 0.5, 0.0, -1.0), temperatures=(0.5, 1.0, 2.0)) -> Figure:
    plots = []
    with mpmath.workdps(30):
        for t in temperatures:
            probabilities = mp_softmax([mpmath.mpf(z) / mpmath.mpf(t) for z in logits])
            pairs = [(position + 1, float(p)) for position, p in enumerate(probabilities)]
            plots.append(rf"\addplot coordinates {{{_coordinates(pairs)}}};" + "\n" + rf"\addlegendentry{{$T={t:g}$}}")
    logit_text = ", ".join(f"{z:g}" for z in logits)
    body = (r"""\begin{tikzpicture}
\begin{axis}[ybar, bar width=7pt, width=0.8\linewidth, height=6cm, xlabel={token $i$},
  ylabel={$\sigma_i(z/T)$}, ymin=0, xtick=data, legend pos=north east, enlarge x limits=0.15]
""" + "\n".join(plots) + "\n" + r"""\end{axis}
\end{tikzpicture}""")
    caption = (rf"Softmax of the logits $z=({logit_text})$ divided by a temperature $T$: a low temperature sharpens the "
               r"distribution towards the largest logit, a high one flattens it towards uniform.")
    return Figure("Softmax and losses", "fig:softmax_temperature", caption, body)


def surprisal_figure() -> Figure:
    points = [0.01, 0.02, 0.05] + [round(0.1 * s, 1) for s in range(1, 11)]
    with mpmath.workdps(30):
        pairs = [(p, float(-mpmath.log(mpmath.mpf(str(p))))) for p in points]
    body = rf"""\begin{{tikzpicture}}
\begin{{axis}}[width=0.8\linewidth, height=6cm, xlabel={{$p$}}, ylabel={{$-\log p$ (nats)}}, ymin=0, xmin=0, xmax=1, grid=major]
\addplot+[smooth, mark=none, thick] coordinates {{{_coordinates(pairs)}}};
\end{{axis}}
\end{{tikzpicture}}"""
    caption = (r"The loss on one token, $-\log p$, against the probability $p$ the model gave it: zero at $p=1$, "
               r"unbounded as $p\to0$, which is why a confident wrong prediction costs so much.")
    return Figure("Information theory", "fig:surprisal", caption, body)


def all_figures() -> list[Figure]:
    return [softmax_temperature_figure(), surprisal_figure(), attention_figure()]
