"""The bibliography: the original sources results cite, by key."""

from __future__ import annotations

from dataclasses import dataclass

from derive.errors import DefinitionError


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str
    year: int
    title: str
    venue: str

    def latex(self) -> str:
        return rf"{self.authors}. \emph{{{self.title}}}. {self.venue}, {self.year}."

    def short(self) -> str:
        """``Shannon 1948``, ``Bradley and Terry 1952``, ``Vaswani et al. 2017``."""
        names = [part.strip() for chunk in self.authors.split(",") for part in chunk.split(" and ") if part.strip()]
        surnames = [name.split()[-1] for name in names]
        if len(surnames) == 1:
            return f"{surnames[0]} {self.year}"
        if len(surnames) == 2:
            return f"{surnames[0]} and {surnames[1]} {self.year}"
        return f"{surnames[0]} et al. {self.year}"


REFERENCES = {
    r.key: r
    for r in [
        Reference("ba2016", "Jimmy Lei Ba, Jamie Ryan Kiros and Geoffrey E. Hinton", 2016,
                  "Layer Normalization", "arXiv:1607.06450"),
        Reference("bradley1952", "Ralph Allan Bradley and Milton E. Terry", 1952,
                  "Rank Analysis of Incomplete Block Designs: I. The Method of Paired Comparisons",
                  "Biometrika 39(3/4):324--345"),
        Reference("bridle1990", "John S. Bridle", 1990,
                  "Probabilistic Interpretation of Feedforward Classification Network Outputs, "
                  "with Relationships to Statistical Pattern Recognition",
                  "Neurocomputing: Algorithms, Architectures and Applications, Springer, 227--236"),
        Reference("gibbs1902", "J. Willard Gibbs", 1902,
                  "Elementary Principles in Statistical Mechanics", "Charles Scribner's Sons, New York"),
        Reference("hu2021", "Edward J. Hu, Yelong Shen, Phillip Wallis, Zeyuan Allen-Zhu, Yuanzhi Li, "
                  "Shean Wang, Lu Wang and Weizhu Chen", 2021,
                  "LoRA: Low-Rank Adaptation of Large Language Models", "arXiv:2106.09685 (ICLR 2022)"),
        Reference("kullback1951", "Solomon Kullback and Richard A. Leibler", 1951,
                  "On Information and Sufficiency", "Annals of Mathematical Statistics 22(1):79--86"),
        Reference("rafailov2023", "Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, "
                  "Christopher D. Manning and Chelsea Finn", 2023,
                  "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
                  "Advances in Neural Information Processing Systems 36 (NeurIPS 2023)"),
        Reference("shannon1948", "Claude E. Shannon", 1948,
                  "A Mathematical Theory of Communication", "Bell System Technical Journal 27:379--423, 623--656"),
        Reference("vaswani2017", "Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, "
                  "Aidan N. Gomez, {\\L}ukasz Kaiser and Illia Polosukhin", 2017,
                  "Attention Is All You Need", "Advances in Neural Information Processing Systems 30 (NIPS 2017)"),
    ]
}


def reference(key: str) -> Reference:
    try:
        return REFERENCES[key]
    except KeyError:
        raise DefinitionError(f"unknown reference {key!r}; known keys: {', '.join(sorted(REFERENCES))}") from None
